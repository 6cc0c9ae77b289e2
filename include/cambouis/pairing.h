/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_PAIRING_H
#define CAMBOUIS_PAIRING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cambouis/config.h"
#include "cambouis/date.h"
#include "cambouis/db.h"
#include "cambouis/demo.h"
#include "cambouis/id.h"
#include "cambouis/people.h"

/*
 * Mentor–learner pairs (the binôme), suggestions at the event, promotion
 * and the snowball.
 *
 * A pairing is one row per (mentor, learner) couple, its id derived from
 * the two ids, so two laptops pairing the same two people make one pairing
 * after sync. Its status is active, paused or ended; a learner has at most
 * one active pairing (pairing them with someone else pauses the old one),
 * and keeps that mentor from session to session.
 *
 * Who worked with whom at a session is a row of its own, its id derived
 * from (pairing, session): the pairs of tonight, and the history behind
 * continuity.
 */

/* Stored in ops: never renumber. */
enum cb_pair_status {
	CB_PAIR_ACTIVE = 0,
	CB_PAIR_PAUSED = 1,
	CB_PAIR_ENDED = 2,
};
const char *cb_pair_status_name(enum cb_pair_status s); /* "active", "paused", "ended" */
const char *cb_pair_status_label(enum cb_pair_status s);

/* The ids a pairing and a pair-at-a-session get (exposed for tests). */
void cb_pairing_id(const struct cb_id *mentor, const struct cb_id *learner, struct cb_id *out);
void cb_pair_session_id(const struct cb_id *pairing, const struct cb_id *session, struct cb_id *out);

/* Pair mentor with learner (the learner's other active pairing is paused).
 * With a session (may be NULL), they work together that evening (the
 * learner's other pair that evening is undone); both must be checked in
 * there (CB_NOT_FOUND otherwise). The mentor must hold the mentor role
 * and differ from the learner (CB_INVALID). */
cb_status cb_pair(struct cb_db *db, const struct cb_id *mentor, const struct cb_id *learner,
		  const struct cb_id *session, struct cb_id *out_id);

/* End (or pause) the pairing; with a session, also undo that evening's
 * pair. CB_NOT_FOUND when they were never paired. */
cb_status cb_unpair(struct cb_db *db, const struct cb_id *mentor, const struct cb_id *learner,
		    const struct cb_id *session, enum cb_pair_status status);

/* The learner's active mentor: CB_NOT_FOUND when none. */
cb_status cb_active_mentor(struct cb_db *db, const struct cb_id *learner, struct cb_id *mentor);

struct cb_pairing {
	struct cb_id id;
	struct cb_id mentor, learner;
	char *mentor_name, *learner_name;
	enum cb_pair_status status;
	char since[CB_DATE_LEN + 1];    /* "" unknown */
	int sessions;                   /* sessions worked together */
	char last[CB_DATE_LEN + 1];     /* last of them, "" none */
};
struct cb_pairing_list {
	struct cb_pairing *items;
	size_t count;
};
/* Pairings of person (as mentor or learner; NULL: everyone's), active
 * first, then by names. With only_active, only the active ones. */
cb_status cb_pairings(struct cb_db *db, const struct cb_id *person, bool only_active,
		      struct cb_pairing_list *out);
void cb_pairing_list_free(struct cb_pairing_list *l);

/* --- suggestions ---------------------------------------------------------- */

/* Why a mentor is suggested: each part of the ranking, in its order. */
struct cb_suggestion {
	struct cb_id mentor;
	char *name;
	int continuity;     /* 2: the learner's active mentor, 1: paired before, 0: new */
	int together;       /* sessions they worked together */
	int skills;         /* skills the learner works on that the mentor can teach */
	bool language;      /* they share a language */
	int load;           /* learners paired with the mentor tonight */
	char *reason;       /* a short translated explanation */
};
struct cb_suggestion_list {
	struct cb_suggestion *items;
	size_t count;
	int excluded;       /* present mentors left out: attestation (minor learner) */
};
/* Present mentors (role mentor tonight, not checked out) for learner at
 * session, best first: continuity, then skills, then a shared language,
 * then the lighter load, then name and id. When the learner may be a minor
 * (birth year, or a school or isolated-minor category when the year is
 * unknown), mentors whose attestation is missing or expired on today are
 * never suggested. */
cb_status cb_suggest(struct cb_db *db, const struct cb_config *cfg, const struct cb_id *learner,
		     const struct cb_id *session, int32_t today, struct cb_suggestion_list *out);
void cb_suggestion_list_free(struct cb_suggestion_list *l);

/* --- promotion and the snowball -------------------------------------------- */

/* The rule (cfg->promote_skills skills at "can teach" and
 * cfg->promote_sessions sessions attended; 3 and 4 by default). */
struct cb_progress {
	struct cb_id person;
	char *name;
	int can_teach, sessions;    /* where they are */
	int need_skills, need_sessions; /* what the rule asks */
	bool eligible;
	bool mentor;                /* already a mentor */
};
cb_status cb_promotion_progress(struct cb_db *db, const struct cb_config *cfg,
				const struct cb_id *person, struct cb_progress *out);
void cb_progress_clear(struct cb_progress *p);
/* Learners (not yet mentors) who meet the rule: the promotion proposals,
 * by name. */
struct cb_progress_list {
	struct cb_progress *items;
	size_t count;
};
cb_status cb_promotion_candidates(struct cb_db *db, const struct cb_config *cfg,
				  struct cb_progress_list *out);
void cb_progress_list_free(struct cb_progress_list *l);

/* Promote a learner to mentor, recording who trained them (trainer NULL:
 * their active mentor, else the mentor they worked with most; CB_NOT_FOUND
 * when there is none) and today's date. Unless force, the rule must be met
 * (CB_INVALID otherwise). Already a mentor: CB_EXISTS. */
cb_status cb_promote(struct cb_db *db, const struct cb_config *cfg, const struct cb_id *person,
		     const struct cb_id *trainer, bool force, int32_t today, struct cb_id *trained_by);

/* The snowball tree as rows in display order (each trainee under its
 * trainer, by promotion date then name), with its depth (0: a mentor
 * nobody trained, or root when given). */
struct cb_snowball_row {
	struct cb_id person;
	char *name;
	int depth;
	char promoted_on[CB_DATE_LEN + 1]; /* "" for a root */
	int trainees;        /* trained directly */
	int descendants;     /* trained down the line */
};
struct cb_snowball {
	struct cb_snowball_row *items;
	size_t count;
	int learners;        /* people who were ever learners */
	int promoted;        /* learners promoted to mentors */
	int generations;     /* deepest depth + 1 */
};
/* root NULL: every tree (roots by name). */
cb_status cb_snowball(struct cb_db *db, const struct cb_id *root, struct cb_snowball *out);
void cb_snowball_free(struct cb_snowball *s);

/* The people's demo data (called by cb_demo_fill after the calendar):
 * pseudonyms, consents, attendance across the held sessions, pairs,
 * skills and a few promotions; 5y reaches about 17,000 people and 32,000
 * visits. Does nothing when people exist already. */
cb_status cb_people_demo_fill(struct cb_db *db, enum cb_demo_scale scale, uint64_t seed,
			      int32_t today);

#endif
