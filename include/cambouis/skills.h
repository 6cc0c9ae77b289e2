/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_SKILLS_H
#define CAMBOUIS_SKILLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cambouis/config.h"
#include "cambouis/date.h"
#include "cambouis/db.h"
#include "cambouis/id.h"
#include "cambouis/people.h"

/*
 * The repair-skills checklist (DOMAIN.md): a level per person per skill,
 * signed off by a mentor at a session. Each sign-off is a ledger row with a
 * fresh id whose fields are set once, so the history is the union of every
 * laptop's sign-offs; the current level of a skill is its latest sign-off
 * (by date, then id).
 */

#define CB_SKILL_MAX 60

/* Stored in ops: never renumber. */
enum cb_level {
	CB_LEVEL_NONE = 0,
	CB_LEVEL_SEEN = 1,
	CB_LEVEL_HELPED = 2,
	CB_LEVEL_ALONE = 3,
	CB_LEVEL_TEACH = 4,
};
/* "seen", "helped", "alone", "can-teach"; labels translated. */
const char *cb_level_name(enum cb_level l);
const char *cb_level_label(enum cb_level l);
/* A name, label, unambiguous prefix, or digit 1..4. */
cb_status cb_level_parse(const char *s, enum cb_level *out);

/* The checklist: built-in skills then cfg's extra ones. */
cb_status cb_skills(const struct cb_config *cfg, struct cb_name_list *out);

/* Sign off person at level for skill (a key or label of cb_skills) by
 * mentor (who must hold the mentor role: CB_INVALID otherwise) at session.
 * date: the session's date. */
cb_status cb_skill_signoff(struct cb_db *db, const struct cb_config *cfg, const struct cb_id *person,
			   const char *skill, enum cb_level level, const struct cb_id *mentor,
			   const struct cb_id *session, struct cb_id *out_id);

/* One line of the skills grid: every skill of the checklist (then skills
 * signed off that the config no longer lists), with its current level. */
struct cb_skill_cell {
	const char *key;            /* stored key (points into the list or row) */
	char *label;
	enum cb_level level;        /* CB_LEVEL_NONE: never signed off */
	char date[CB_DATE_LEN + 1];
	char *by;                   /* the mentor's name, "" none */
};
struct cb_skill_grid {
	struct cb_skill_cell *items;
	size_t count;
	int can_teach;              /* skills at "can teach" */
	int working_on;             /* skills seen/helped/alone */
};
cb_status cb_skill_grid(struct cb_db *db, const struct cb_config *cfg, const struct cb_id *person,
			struct cb_skill_grid *out);
void cb_skill_grid_free(struct cb_skill_grid *g);

/* Every sign-off of a person, most recent first. */
struct cb_signoff {
	struct cb_id id;
	char *skill;                /* label */
	enum cb_level level;
	char date[CB_DATE_LEN + 1];
	char *by;                   /* mentor's name */
};
struct cb_signoff_list {
	struct cb_signoff *items;
	size_t count;
};
cb_status cb_skill_history(struct cb_db *db, const struct cb_config *cfg, const struct cb_id *person,
			   struct cb_signoff_list *out);
void cb_signoff_list_free(struct cb_signoff_list *l);

#endif
