/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The repair-skills checklist: levels signed off by a mentor at a session. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cambouis/buf.h"
#include "cambouis/calendar.h"
#include "cambouis/clock.h"
#include "cambouis/i18n.h"
#include "cambouis/skills.h"
#include "cambouis/text.h"
#include "people-private.h"

static const char SQL_SIGNOFFS[] =
	"SELECT s.id, s.skill, s.level, s.date, coalesce(p.name, '') FROM skill_signoffs s"
	" LEFT JOIN people p ON lower(hex(p.id)) = +s.by_person WHERE s.person = ?1"
	" ORDER BY s.skill, s.date, s.id";
static const char SQL_HISTORY[] =
	"SELECT s.id, s.skill, s.level, s.date, coalesce(p.name, '') FROM skill_signoffs s"
	" LEFT JOIN people p ON lower(hex(p.id)) = +s.by_person WHERE s.person = ?1"
	" ORDER BY s.date DESC, s.id DESC";

static const char *const level_names[] = {"", "seen", "helped", "alone", "can-teach"};
static const char *const level_labels[] = {
	"", N_("seen"), N_("done with help"), N_("done alone"), N_("can teach"),
};

const char *
cb_level_name(enum cb_level l)
{
	return l >= CB_LEVEL_SEEN && l <= CB_LEVEL_TEACH ? level_names[l] : "";
}

const char *
cb_level_label(enum cb_level l)
{
	return l >= CB_LEVEL_SEEN && l <= CB_LEVEL_TEACH ? _(level_labels[l]) : "";
}

cb_status
cb_level_parse(const char *s, enum cb_level *out)
{
	const char *labels[4];
	size_t i;

	if (s[0] >= '1' && s[0] <= '4' && !s[1]) {
		*out = (enum cb_level)(s[0] - '0');
		return CB_OK;
	}
	for (int k = 0; k < 4; k++)
		labels[k] = _(level_labels[k + 1]);
	if (ppl_match_words(level_names + 1, labels, 4, s, &i) != CB_OK) {
		/* "teach" for "can-teach" */
		if (cb_text_collate(s, "teach") != 0)
			return CB_INVALID;
		i = 3;
	}
	*out = (enum cb_level)(i + 1);
	return CB_OK;
}

static const char *const skill_keys[] = {
	"puncture", "tyre-tube", "brake-pads", "brake-cable", "gear-cable", "chain-care",
	"chain-replace", "wheel-refit", "wheel-truing", "hub-bearings", "headset",
	"bottom-bracket", "lights", "fit", "safety-check",
};
static const char *const skill_labels[] = {
	N_("puncture repair"), N_("tyre and tube change"), N_("brake pads"),
	N_("brake cable and adjustment"), N_("gear cable and indexing"),
	N_("chain cleaning and lubrication"), N_("chain replacement"),
	N_("wheel removal and refit"), N_("wheel truing"), N_("bearing and hub service"),
	N_("headset adjustment"), N_("bottom bracket"), N_("lights and reflectors"),
	N_("saddle and handlebar fit"), N_("safety check (M-check)"),
};

cb_status
cb_skills(const struct cb_config *cfg, struct cb_name_list *out)
{
	size_t n = sizeof skill_keys / sizeof skill_keys[0];
	size_t extra = cfg ? cfg->nskills : 0;

	out->count = 0;
	out->keys = calloc(n + extra + 1, sizeof *out->keys);
	out->labels = calloc(n + extra + 1, sizeof *out->labels);
	if (!out->keys || !out->labels) {
		cb_name_list_free(out);
		return CB_NOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		out->keys[out->count] = skill_keys[i];
		out->labels[out->count++] = _(skill_labels[i]);
	}
	for (size_t i = 0; i < extra; i++) {
		bool dup = false;
		for (size_t j = 0; j < out->count && !dup; j++)
			dup = cb_text_collate(out->keys[j], cfg->skills[i]) == 0 ||
			      cb_text_collate(out->labels[j], cfg->skills[i]) == 0;
		if (!dup) {
			out->keys[out->count] = cfg->skills[i];
			out->labels[out->count++] = cfg->skills[i];
		}
	}
	return CB_OK;
}

cb_status
cb_skill_signoff(struct cb_db *db, const struct cb_config *cfg, const struct cb_id *person,
		 const char *skill, enum cb_level level, const struct cb_id *mentor,
		 const struct cb_id *session, struct cb_id *out_id)
{
	struct cb_name_list skills;
	struct cb_person p, m;
	char date[CB_DATE_LEN + 1], start[6], end[6];
	const char *key;
	struct cb_id id;
	size_t k;
	cb_status rc;

	if (level < CB_LEVEL_SEEN || level > CB_LEVEL_TEACH || cb_id_cmp(person, mentor) == 0)
		return CB_INVALID;
	if ((rc = cb_skills(cfg, &skills)) != CB_OK)
		return rc;
	rc = cb_name_list_find(&skills, skill, &k);
	key = rc == CB_OK ? skills.keys[k] : NULL;
	if (rc != CB_OK) {
		cb_name_list_free(&skills);
		return rc == CB_AMBIGUOUS ? CB_AMBIGUOUS : CB_INVALID;
	}
	if ((rc = cb_db_begin(db)) != CB_OK) {
		cb_name_list_free(&skills);
		return rc;
	}
	if ((rc = cb_person_get(db, person, &p)) == CB_OK) {
		if (p.deleted)
			rc = CB_NOT_FOUND;
		cb_person_clear(&p);
	}
	if (rc == CB_OK && (rc = cb_person_get(db, mentor, &m)) == CB_OK) {
		if (m.deleted)
			rc = CB_NOT_FOUND;
		else if (!(m.roles & CB_ROLE_BIT(CB_ROLE_MENTOR)))
			rc = CB_INVALID;
		cb_person_clear(&m);
	}
	if (rc == CB_OK)
		rc = ppl_session_times(db, session, date, start, end);
	if (rc != CB_OK) {
		cb_name_list_free(&skills);
		return cb_write_refuse(db, rc);
	}
	if ((rc = cb_id_new(&id, cb_clock_now_ms())) == CB_OK &&
	    (rc = cb_write_id(db, CB_T_SKILL, &id, CB_F_SKILL_PERSON, person)) == CB_OK &&
	    (rc = cb_write_text(db, CB_T_SKILL, &id, CB_F_SKILL_SKILL, key)) == CB_OK &&
	    (rc = cb_write_int(db, CB_T_SKILL, &id, CB_F_SKILL_LEVEL, level)) == CB_OK &&
	    (rc = cb_write_id(db, CB_T_SKILL, &id, CB_F_SKILL_BY, mentor)) == CB_OK &&
	    (rc = cb_write_id(db, CB_T_SKILL, &id, CB_F_SKILL_SESSION, session)) == CB_OK)
		rc = cb_write_text(db, CB_T_SKILL, &id, CB_F_SKILL_DATE, date);
	cb_name_list_free(&skills);
	if ((rc = cb_write_finish(db, rc)) == CB_OK && out_id)
		*out_id = id;
	return rc;
}

static cb_status
add_cell(struct cb_skill_grid *g, size_t *cap, const char *key, const char *label)
{
	struct cb_skill_cell *c;

	if (!cb_grow(&g->items, cap, g->count, sizeof *g->items, 16))
		return CB_NOMEM;
	c = &g->items[g->count];
	memset(c, 0, sizeof *c);
	c->key = key;
	c->label = strdup(label);
	c->by = strdup("");
	g->count++;
	return c->label && c->by ? CB_OK : CB_NOMEM;
}

cb_status
cb_skill_grid(struct cb_db *db, const struct cb_config *cfg, const struct cb_id *person,
	      struct cb_skill_grid *out)
{
	struct cb_name_list skills;
	char hex[CB_ID_HEX_LEN + 1];
	struct cb_stmt *st;
	size_t cap = 0;
	cb_status rc;

	memset(out, 0, sizeof *out);
	if ((rc = cb_skills(cfg, &skills)) != CB_OK)
		return rc;
	for (size_t i = 0; i < skills.count && rc == CB_OK; i++)
		rc = add_cell(out, &cap, skills.keys[i], skills.labels[i]);
	cb_name_list_free(&skills);
	if (rc != CB_OK || (rc = cb_db_prepare(db, SQL_SIGNOFFS, &st)) != CB_OK)
		goto fail;
	cb_id_to_hex(person, hex);
	cb_stmt_bind_text(st, 1, hex);
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		const char *skill = cb_stmt_text(st, 1);
		struct cb_skill_cell *c = NULL;
		for (size_t i = 0; i < out->count && !c; i++)
			if (strcmp(out->items[i].key, skill) == 0)
				c = &out->items[i];
		if (!c) {
			/* a skill the config no longer lists: its label is its key */
			if ((rc = add_cell(out, &cap, NULL, skill)) != CB_OK)
				break;
			c = &out->items[out->count - 1];
			c->key = c->label;
		}
		c->level = (enum cb_level)cb_stmt_int(st, 2);
		cb_text_copy(c->date, sizeof c->date, cb_stmt_text(st, 3));
		free(c->by);
		if (!(c->by = strdup(cb_stmt_text(st, 4)))) {
			rc = CB_NOMEM;
			break;
		}
	}
	if (rc != CB_DONE) {
		cb_stmt_reset(st);
		goto fail;
	}
	for (size_t i = 0; i < out->count; i++) {
		if (out->items[i].level == CB_LEVEL_TEACH)
			out->can_teach++;
		else if (out->items[i].level != CB_LEVEL_NONE)
			out->working_on++;
	}
	return CB_OK;
fail:
	cb_skill_grid_free(out);
	return rc;
}

void
cb_skill_grid_free(struct cb_skill_grid *g)
{
	for (size_t i = 0; i < g->count; i++) {
		free(g->items[i].label);
		free(g->items[i].by);
	}
	free(g->items);
	memset(g, 0, sizeof *g);
}

cb_status
cb_skill_history(struct cb_db *db, const struct cb_config *cfg, const struct cb_id *person,
		 struct cb_signoff_list *out)
{
	struct cb_name_list skills;
	char hex[CB_ID_HEX_LEN + 1];
	struct cb_stmt *st;
	size_t cap = 0;
	cb_status rc;

	memset(out, 0, sizeof *out);
	if ((rc = cb_skills(cfg, &skills)) != CB_OK)
		return rc;
	if ((rc = cb_db_prepare(db, SQL_HISTORY, &st)) != CB_OK) {
		cb_name_list_free(&skills);
		return rc;
	}
	cb_id_to_hex(person, hex);
	cb_stmt_bind_text(st, 1, hex);
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		struct cb_signoff *s;
		if (!cb_grow(&out->items, &cap, out->count, sizeof *out->items, 16)) {
			rc = CB_NOMEM;
			break;
		}
		s = &out->items[out->count];
		memset(s, 0, sizeof *s);
		cb_stmt_id(st, 0, &s->id);
		s->skill = strdup(cb_name_list_label(&skills, cb_stmt_text(st, 1)));
		s->level = (enum cb_level)cb_stmt_int(st, 2);
		cb_text_copy(s->date, sizeof s->date, cb_stmt_text(st, 3));
		s->by = strdup(cb_stmt_text(st, 4));
		out->count++;
		if (!s->skill || !s->by) {
			rc = CB_NOMEM;
			break;
		}
	}
	cb_name_list_free(&skills);
	if (rc == CB_DONE)
		return CB_OK;
	cb_stmt_reset(st);
	cb_signoff_list_free(out);
	return rc;
}

void
cb_signoff_list_free(struct cb_signoff_list *l)
{
	for (size_t i = 0; i < l->count; i++) {
		free(l->items[i].skill);
		free(l->items[i].by);
	}
	free(l->items);
	l->items = NULL;
	l->count = 0;
}
