/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Mentor–learner pairs, pairs at a session, and suggestions at the event. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/attendance.h"
#include "cambouis/buf.h"
#include "cambouis/calendar.h"
#include "cambouis/i18n.h"
#include "cambouis/pairing.h"
#include "cambouis/skills.h"
#include "cambouis/text.h"
#include "people-private.h"

static const char SQL_PAIRING[] = "SELECT status FROM pairings WHERE id = ?1";
static const char SQL_ACTIVE_OF_LEARNER[] =
	"SELECT id, mentor FROM pairings WHERE learner = ?1 AND status = 0 ORDER BY id";
static const char SQL_PS_OF_LEARNER[] =
	"SELECT id, mentor FROM pair_sessions WHERE session = ?1 AND learner = ?2 AND deleted = 0";
static const char SQL_PS_OF_PERSON[] =
	"SELECT id FROM pair_sessions WHERE session = ?1 AND (learner = ?2 OR mentor = ?2)"
	" AND deleted = 0";
static const char SQL_PS_ROW[] = "SELECT deleted FROM pair_sessions WHERE id = ?1";
static const char SQL_PAIRINGS[] =
	"SELECT g.id, g.mentor, g.learner, g.status, g.since_date, coalesce(m.name, ''),"
	" coalesce(l.name, ''),"
	" (SELECT count(*) FROM pair_sessions ps WHERE ps.pairing = lower(hex(g.id)) AND ps.deleted = 0),"
	" (SELECT max(s.date) FROM pair_sessions ps JOIN sessions s ON lower(hex(s.id)) = +ps.session"
	"   WHERE ps.pairing = lower(hex(g.id)) AND ps.deleted = 0)"
	" FROM pairings g LEFT JOIN people m ON lower(hex(m.id)) = +g.mentor"
	" LEFT JOIN people l ON lower(hex(l.id)) = +g.learner"
	" WHERE (?1 IS NULL OR g.mentor = ?1 OR g.learner = ?1) AND (?2 = 0 OR g.status = 0)";
static const char SQL_MENTORS_HERE[] =
	"SELECT a.person, p.name, p.languages, p.attestation FROM attendance a"
	" JOIN people p ON lower(hex(p.id)) = +a.person"
	" WHERE a.session = ?1 AND a.deleted = 0 AND a.role = 2 AND a.checkout IS NULL"
	" AND p.deleted = 0";
static const char SQL_TOGETHER[] =
	"SELECT g.status, (SELECT count(*) FROM pair_sessions ps WHERE ps.pairing = lower(hex(g.id))"
	" AND ps.deleted = 0) FROM pairings g WHERE g.id = ?1";
static const char SQL_LOAD[] =
	"SELECT count(*) FROM pair_sessions WHERE session = ?1 AND mentor = ?2 AND deleted = 0";
static const char SQL_CURRENT_LEVELS[] =
	"SELECT skill, level FROM skill_signoffs WHERE person = ?1 ORDER BY skill, date, id";

static const char *const status_names[] = {"active", "paused", "ended"};
static const char *const status_labels[] = {N_("active"), N_("paused"), N_("ended")};

const char *
cb_pair_status_name(enum cb_pair_status s)
{
	return s <= CB_PAIR_ENDED ? status_names[s] : "";
}

const char *
cb_pair_status_label(enum cb_pair_status s)
{
	return s <= CB_PAIR_ENDED ? _(status_labels[s]) : "";
}

void
cb_pairing_id(const struct cb_id *mentor, const struct cb_id *learner, struct cb_id *out)
{
	ppl_derive_id(0xB1404E, mentor, learner, out);
}

void
cb_pair_session_id(const struct cb_id *pairing, const struct cb_id *session, struct cb_id *out)
{
	ppl_derive_id(0x5E5510, pairing, session, out);
}

/* The pairing's status, or -1 when there is none. */
static cb_status
pairing_status(struct cb_db *db, const struct cb_id *id, int *status)
{
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, SQL_PAIRING, &st);

	*status = -1;
	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_id(st, 1, id);
	if ((rc = cb_stmt_step(st)) == CB_ROW) {
		*status = (int)cb_stmt_int(st, 0);
		cb_stmt_reset(st);
		return CB_OK;
	}
	return rc == CB_DONE ? CB_OK : rc;
}

cb_status
cb_active_mentor(struct cb_db *db, const struct cb_id *learner, struct cb_id *mentor)
{
	char hex[CB_ID_HEX_LEN + 1];
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, SQL_ACTIVE_OF_LEARNER, &st);

	if (rc != CB_OK)
		return rc;
	cb_id_to_hex(learner, hex);
	cb_stmt_bind_text(st, 1, hex);
	/* two laptops may each have made one active: the first id wins
	 * everywhere */
	if ((rc = cb_stmt_step(st)) == CB_ROW) {
		rc = cb_id_from_hex(cb_stmt_text(st, 1), mentor);
		cb_stmt_reset(st);
		return rc;
	}
	return rc == CB_DONE ? CB_NOT_FOUND : rc;
}

cb_status
ppl_mentor_tonight(struct cb_db *db, const struct cb_id *learner, const struct cb_id *session,
		   struct cb_id *mentor)
{
	char lhex[CB_ID_HEX_LEN + 1], shex[CB_ID_HEX_LEN + 1];
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, SQL_PS_OF_LEARNER, &st);

	if (rc != CB_OK)
		return rc;
	cb_id_to_hex(learner, lhex);
	cb_id_to_hex(session, shex);
	cb_stmt_bind_text(st, 1, shex);
	cb_stmt_bind_text(st, 2, lhex);
	if ((rc = cb_stmt_step(st)) == CB_ROW) {
		rc = cb_id_from_hex(cb_stmt_text(st, 1), mentor);
		cb_stmt_reset(st);
		return rc;
	}
	return rc == CB_DONE ? CB_NOT_FOUND : rc;
}

/* Collect the ids a query returns (column 0) with two text parameters. */
static cb_status
collect_ids(struct cb_db *db, const char *sql, const char *p1, const char *p2,
	    struct cb_id **ids, size_t *n)
{
	struct cb_stmt *st;
	size_t cap = 0;
	cb_status rc = cb_db_prepare(db, sql, &st);

	*ids = NULL;
	*n = 0;
	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_text(st, 1, p1);
	if (p2)
		cb_stmt_bind_text(st, 2, p2);
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		if (!cb_grow(ids, &cap, *n, sizeof **ids, 16)) {
			cb_stmt_reset(st);
			free(*ids);
			*ids = NULL;
			return CB_NOMEM;
		}
		cb_stmt_id(st, 0, &(*ids)[(*n)++]);
	}
	if (rc == CB_DONE)
		return CB_OK;
	free(*ids);
	*ids = NULL;
	*n = 0;
	return rc;
}

cb_status
ppl_unpair_tonight(struct cb_db *db, const struct cb_id *person, const struct cb_id *session)
{
	char phex[CB_ID_HEX_LEN + 1], shex[CB_ID_HEX_LEN + 1];
	struct cb_id *ids;
	size_t n;
	cb_status rc;

	cb_id_to_hex(person, phex);
	cb_id_to_hex(session, shex);
	if ((rc = collect_ids(db, SQL_PS_OF_PERSON, shex, phex, &ids, &n)) != CB_OK)
		return rc;
	for (size_t i = 0; i < n && rc == CB_OK; i++)
		rc = cb_write_int(db, CB_T_PAIR_SESSION, &ids[i], CB_F_PS_DELETED, 1);
	free(ids);
	return rc;
}

cb_status
ppl_pair_tonight(struct cb_db *db, const struct cb_id *mentor, const struct cb_id *learner,
		 const struct cb_id *session)
{
	char lhex[CB_ID_HEX_LEN + 1], shex[CB_ID_HEX_LEN + 1];
	struct cb_id pairing, id, *ids;
	struct cb_stmt *st;
	size_t n;
	int deleted = -1;
	cb_status rc;

	cb_pairing_id(mentor, learner, &pairing);
	cb_pair_session_id(&pairing, session, &id);
	cb_id_to_hex(learner, lhex);
	cb_id_to_hex(session, shex);
	/* one mentor per learner per evening */
	if ((rc = collect_ids(db, SQL_PS_OF_LEARNER, shex, lhex, &ids, &n)) != CB_OK)
		return rc;
	for (size_t i = 0; i < n && rc == CB_OK; i++)
		if (cb_id_cmp(&ids[i], &id) != 0)
			rc = cb_write_int(db, CB_T_PAIR_SESSION, &ids[i], CB_F_PS_DELETED, 1);
	free(ids);
	if (rc != CB_OK || (rc = cb_db_prepare(db, SQL_PS_ROW, &st)) != CB_OK)
		return rc;
	cb_stmt_bind_id(st, 1, &id);
	if ((rc = cb_stmt_step(st)) == CB_ROW) {
		deleted = (int)cb_stmt_int(st, 0);
		cb_stmt_reset(st);
	} else if (rc != CB_DONE) {
		return rc;
	}
	if (deleted == 0)
		return CB_OK;
	if (deleted == 1)
		return cb_write_int(db, CB_T_PAIR_SESSION, &id, CB_F_PS_DELETED, 0);
	if ((rc = cb_write_id(db, CB_T_PAIR_SESSION, &id, CB_F_PS_PAIRING, &pairing)) != CB_OK ||
	    (rc = cb_write_text(db, CB_T_PAIR_SESSION, &id, CB_F_PS_SESSION, shex)) != CB_OK ||
	    (rc = cb_write_id(db, CB_T_PAIR_SESSION, &id, CB_F_PS_MENTOR, mentor)) != CB_OK)
		return rc;
	return cb_write_text(db, CB_T_PAIR_SESSION, &id, CB_F_PS_LEARNER, lhex);
}

cb_status
cb_pair(struct cb_db *db, const struct cb_id *mentor, const struct cb_id *learner,
	const struct cb_id *session, struct cb_id *out_id)
{
	char lhex[CB_ID_HEX_LEN + 1], date[CB_DATE_LEN + 1] = "", start[6], end[6];
	struct cb_person m, l;
	struct cb_id id;
	bool here;
	int status;
	cb_status rc;

	if (cb_id_cmp(mentor, learner) == 0)
		return CB_INVALID;
	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	if ((rc = cb_person_get(db, mentor, &m)) != CB_OK)
		return cb_write_refuse(db, rc);
	if ((rc = cb_person_get(db, learner, &l)) != CB_OK) {
		cb_person_clear(&m);
		return cb_write_refuse(db, rc);
	}
	rc = m.deleted || l.deleted ? CB_NOT_FOUND
	   : !(m.roles & CB_ROLE_BIT(CB_ROLE_MENTOR)) ? CB_INVALID : CB_OK;
	cb_person_clear(&m);
	cb_person_clear(&l);
	if (rc == CB_OK && session) {
		if ((rc = ppl_present(db, mentor, session, &here, NULL)) == CB_OK && !here)
			rc = CB_NOT_FOUND;
		if (rc == CB_OK && (rc = ppl_present(db, learner, session, &here, NULL)) == CB_OK && !here)
			rc = CB_NOT_FOUND;
		if (rc == CB_OK)
			rc = ppl_session_times(db, session, date, start, end);
	}
	if (rc != CB_OK)
		return cb_write_refuse(db, rc);
	if (!date[0])
		cb_date_format(cb_date_today(), date);
	cb_pairing_id(mentor, learner, &id);
	if ((rc = pairing_status(db, &id, &status)) != CB_OK)
		return cb_write_finish(db, rc);
	/* the learner's other active pairing is paused */
	cb_id_to_hex(learner, lhex);
	{
		struct cb_id *ids;
		size_t n;
		if ((rc = collect_ids(db, SQL_ACTIVE_OF_LEARNER, lhex, NULL, &ids, &n)) != CB_OK)
			return cb_write_finish(db, rc);
		for (size_t i = 0; i < n && rc == CB_OK; i++)
			if (cb_id_cmp(&ids[i], &id) != 0)
				rc = cb_write_int(db, CB_T_PAIRING, &ids[i], CB_F_PAIRING_STATUS, CB_PAIR_PAUSED);
		free(ids);
	}
	if (rc == CB_OK && status < 0) {
		if ((rc = cb_write_id(db, CB_T_PAIRING, &id, CB_F_PAIRING_MENTOR, mentor)) == CB_OK &&
		    (rc = cb_write_id(db, CB_T_PAIRING, &id, CB_F_PAIRING_LEARNER, learner)) == CB_OK &&
		    (rc = cb_write_text(db, CB_T_PAIRING, &id, CB_F_PAIRING_SINCE, date)) == CB_OK &&
		    session)
			rc = cb_write_id(db, CB_T_PAIRING, &id, CB_F_PAIRING_SESSION, session);
		/* a new pairing is active by default: no status op until it
		 * changes (a pause from another laptop then simply wins) */
	} else if (rc == CB_OK && status != CB_PAIR_ACTIVE) {
		rc = cb_write_int(db, CB_T_PAIRING, &id, CB_F_PAIRING_STATUS, CB_PAIR_ACTIVE);
	}
	if (rc == CB_OK && session)
		rc = ppl_pair_tonight(db, mentor, learner, session);
	if ((rc = cb_write_finish(db, rc)) == CB_OK && out_id)
		*out_id = id;
	return rc;
}

cb_status
cb_unpair(struct cb_db *db, const struct cb_id *mentor, const struct cb_id *learner,
	  const struct cb_id *session, enum cb_pair_status status)
{
	struct cb_id id, ps;
	int old;
	cb_status rc;

	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	cb_pairing_id(mentor, learner, &id);
	if ((rc = pairing_status(db, &id, &old)) != CB_OK)
		return cb_write_finish(db, rc);
	if (old < 0)
		return cb_write_refuse(db, CB_NOT_FOUND);
	if (old != (int)status)
		rc = cb_write_int(db, CB_T_PAIRING, &id, CB_F_PAIRING_STATUS, status);
	if (rc == CB_OK && session) {
		struct cb_stmt *st;
		cb_pair_session_id(&id, session, &ps);
		if ((rc = cb_db_prepare(db, SQL_PS_ROW, &st)) == CB_OK) {
			cb_stmt_bind_id(st, 1, &ps);
			rc = cb_stmt_step(st);
			if (rc == CB_ROW) {
				bool live = cb_stmt_int(st, 0) == 0;
				cb_stmt_reset(st);
				rc = live ? cb_write_int(db, CB_T_PAIR_SESSION, &ps, CB_F_PS_DELETED, 1)
					  : CB_OK;
			} else if (rc == CB_DONE) {
				rc = CB_OK;
			}
		}
	}
	return cb_write_finish(db, rc);
}

/* --- listing ---------------------------------------------------------------------- */

static int
pairing_order(const void *a, const void *b)
{
	const struct cb_pairing *x = a, *y = b;
	int c = (int)x->status - (int)y->status;
	if (!c)
		c = cb_text_collate(x->learner_name, y->learner_name);
	if (!c)
		c = cb_text_collate(x->mentor_name, y->mentor_name);
	return c ? c : cb_id_cmp(&x->id, &y->id);
}

cb_status
cb_pairings(struct cb_db *db, const struct cb_id *person, bool only_active, struct cb_pairing_list *out)
{
	char hex[CB_ID_HEX_LEN + 1];
	struct cb_stmt *st;
	size_t cap = 0;
	cb_status rc = cb_db_prepare(db, SQL_PAIRINGS, &st);

	memset(out, 0, sizeof *out);
	if (rc != CB_OK)
		return rc;
	if (person) {
		cb_id_to_hex(person, hex);
		cb_stmt_bind_text(st, 1, hex);
	}
	cb_stmt_bind_int(st, 2, only_active);
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		struct cb_pairing *p;
		if (!cb_grow(&out->items, &cap, out->count, sizeof *out->items, 16)) {
			rc = CB_NOMEM;
			break;
		}
		p = &out->items[out->count];
		memset(p, 0, sizeof *p);
		cb_stmt_id(st, 0, &p->id);
		cb_id_from_hex(cb_stmt_text(st, 1), &p->mentor);
		cb_id_from_hex(cb_stmt_text(st, 2), &p->learner);
		p->status = (enum cb_pair_status)cb_stmt_int(st, 3);
		cb_text_copy(p->since, sizeof p->since, cb_stmt_text(st, 4));
		p->mentor_name = strdup(cb_stmt_text(st, 5));
		p->learner_name = strdup(cb_stmt_text(st, 6));
		out->count++;
		if (!p->mentor_name || !p->learner_name) {
			rc = CB_NOMEM;
			break;
		}
		p->sessions = (int)cb_stmt_int(st, 7);
		cb_text_copy(p->last, sizeof p->last, cb_stmt_text(st, 8));
	}
	if (rc != CB_DONE) {
		cb_stmt_reset(st);
		cb_pairing_list_free(out);
		return rc;
	}
	if (out->count > 1)
		qsort(out->items, out->count, sizeof *out->items, pairing_order);
	return CB_OK;
}

void
cb_pairing_list_free(struct cb_pairing_list *l)
{
	for (size_t i = 0; i < l->count; i++) {
		free(l->items[i].mentor_name);
		free(l->items[i].learner_name);
	}
	free(l->items);
	l->items = NULL;
	l->count = 0;
}

/* --- suggestions ---------------------------------------------------------------------- */

/* A person's current level of each skill signed off: parallel arrays. */
struct levels {
	char **skills;
	int *level;
	size_t n;
};

static void
levels_free(struct levels *lv)
{
	for (size_t i = 0; i < lv->n; i++)
		free(lv->skills[i]);
	free(lv->skills);
	free(lv->level);
	memset(lv, 0, sizeof *lv);
}

static cb_status
levels_of(struct cb_db *db, const char *person_hex, struct levels *lv)
{
	struct cb_stmt *st;
	size_t cap = 0, cap2 = 0;
	cb_status rc = cb_db_prepare(db, SQL_CURRENT_LEVELS, &st);

	memset(lv, 0, sizeof *lv);
	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_text(st, 1, person_hex);
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		const char *skill = cb_stmt_text(st, 0);
		/* rows by skill, latest last: the last row of a skill wins */
		if (lv->n && strcmp(lv->skills[lv->n - 1], skill) == 0) {
			lv->level[lv->n - 1] = (int)cb_stmt_int(st, 1);
			continue;
		}
		if (!cb_grow(&lv->skills, &cap, lv->n, sizeof *lv->skills, 16) ||
		    !cb_grow(&lv->level, &cap2, lv->n, sizeof *lv->level, 16) ||
		    !(lv->skills[lv->n] = strdup(skill))) {
			rc = CB_NOMEM;
			break;
		}
		lv->level[lv->n++] = (int)cb_stmt_int(st, 1);
	}
	if (rc == CB_DONE)
		return CB_OK;
	cb_stmt_reset(st);
	levels_free(lv);
	return rc;
}

static bool
share_language(const char *a, const char *b)
{
	for (const char *p = a; *p; ) {
		size_t n = strcspn(p, ",");
		for (const char *q = b; *q; ) {
			size_t m = strcspn(q, ",");
			if (m == n && strncmp(p, q, n) == 0)
				return true;
			q += m + (q[m] == ',');
		}
		p += n + (p[n] == ',');
	}
	return false;
}

static int
suggestion_order(const void *a, const void *b)
{
	const struct cb_suggestion *x = a, *y = b;
	int c;

	if (x->continuity != y->continuity)
		return y->continuity - x->continuity;
	if (x->together != y->together && x->continuity == 1)
		return y->together - x->together;
	if (x->skills != y->skills)
		return y->skills - x->skills;
	if (x->language != y->language)
		return (int)y->language - (int)x->language;
	if (x->load != y->load)
		return x->load - y->load;
	if ((c = cb_text_collate(x->name, y->name)) != 0)
		return c;
	return cb_id_cmp(&x->mentor, &y->mentor);
}

static char *
explain(const struct cb_suggestion *s)
{
	char buf[256];
	size_t o = 0;

#define ADD(...) do { \
		int k_ = snprintf(buf + o, sizeof buf - o, __VA_ARGS__); \
		if (k_ > 0 && (size_t)k_ < sizeof buf - o) o += (size_t)k_; \
	} while (0)
	if (s->continuity == 2)
		ADD("%s", _("usual mentor"));
	else if (s->continuity == 1)
		ADD(ngettext_("paired before (%d session)", "paired before (%d sessions)",
			      (unsigned long)s->together), s->together);
	if (s->skills)
		ADD("%s%s %d", o ? "; " : "", _("skills:"), s->skills);
	if (s->language)
		ADD("%s%s", o ? "; " : "", _("shared language"));
	if (s->load)
		ADD("%s%s %d", o ? "; " : "", _("learners tonight:"), s->load);
	else
		ADD("%s%s", o ? "; " : "", _("free"));
#undef ADD
	return strdup(buf);
}

static cb_status
suggest_locked(struct cb_db *db, const struct cb_config *cfg, const struct cb_id *learner,
	   const struct cb_id *session, int32_t today, struct cb_suggestion_list *out)
{
	char lhex[CB_ID_HEX_LEN + 1], shex[CB_ID_HEX_LEN + 1];
	int months = cb_attestation_months(cfg);
	struct cb_person l;
	struct levels mine = {0};
	struct cb_id usual;
	bool minor, has_usual;
	struct cb_stmt *st;
	size_t cap = 0;
	cb_status rc;

	memset(out, 0, sizeof *out);
	if ((rc = cb_person_get(db, learner, &l)) != CB_OK)
		return rc;
	minor = ppl_may_be_minor(l.birth_year, l.category, ppl_year_of(today));
	cb_id_to_hex(learner, lhex);
	cb_id_to_hex(session, shex);
	has_usual = cb_active_mentor(db, learner, &usual) == CB_OK;
	if ((rc = levels_of(db, lhex, &mine)) != CB_OK)
		goto out;
	if ((rc = cb_db_prepare(db, SQL_MENTORS_HERE, &st)) != CB_OK)
		goto out;
	cb_stmt_bind_text(st, 1, shex);
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		struct cb_suggestion *s;
		struct cb_id m;
		if (cb_id_from_hex(cb_stmt_text(st, 0), &m) != CB_OK || cb_id_cmp(&m, learner) == 0)
			continue;
		if (minor && !ppl_attestation_valid(cb_stmt_text(st, 3), months, today)) {
			out->excluded++;
			continue;
		}
		if (!cb_grow(&out->items, &cap, out->count, sizeof *out->items, 16)) {
			rc = CB_NOMEM;
			break;
		}
		s = &out->items[out->count];
		memset(s, 0, sizeof *s);
		s->mentor = m;
		if (!(s->name = strdup(cb_stmt_text(st, 1)))) {
			rc = CB_NOMEM;
			break;
		}
		out->count++;
		s->language = l.languages[0] && share_language(l.languages, cb_stmt_text(st, 2));
	}
	if (rc != CB_DONE) {
		cb_stmt_reset(st);
		goto out;
	}
	rc = CB_OK;
	for (size_t i = 0; i < out->count && rc == CB_OK; i++) {
		struct cb_suggestion *s = &out->items[i];
		char mhex[CB_ID_HEX_LEN + 1];
		struct cb_id pid;
		struct levels theirs;

		cb_id_to_hex(&s->mentor, mhex);
		cb_pairing_id(&s->mentor, learner, &pid);
		if ((rc = cb_db_prepare(db, SQL_TOGETHER, &st)) != CB_OK)
			break;
		cb_stmt_bind_id(st, 1, &pid);
		if ((rc = cb_stmt_step(st)) == CB_ROW) {
			s->together = (int)cb_stmt_int(st, 1);
			s->continuity = 1;
			cb_stmt_reset(st);
		} else if (rc != CB_DONE) {
			break;
		}
		if (has_usual && cb_id_cmp(&usual, &s->mentor) == 0)
			s->continuity = 2;
		if ((rc = cb_db_prepare(db, SQL_LOAD, &st)) != CB_OK)
			break;
		cb_stmt_bind_text(st, 1, shex);
		cb_stmt_bind_text(st, 2, mhex);
		if ((rc = cb_stmt_step(st)) == CB_ROW) {
			s->load = (int)cb_stmt_int(st, 0);
			cb_stmt_reset(st);
		} else if (rc != CB_DONE) {
			break;
		}
		/* the skills the learner works on that the mentor can teach */
		if ((rc = levels_of(db, mhex, &theirs)) != CB_OK)
			break;
		for (size_t a = 0; a < mine.n; a++) {
			if (mine.level[a] >= CB_LEVEL_TEACH)
				continue;
			for (size_t b = 0; b < theirs.n; b++)
				if (theirs.level[b] == CB_LEVEL_TEACH &&
				    strcmp(mine.skills[a], theirs.skills[b]) == 0)
					s->skills++;
		}
		levels_free(&theirs);
		rc = CB_OK;
	}
	if (rc == CB_OK && out->count > 1)
		qsort(out->items, out->count, sizeof *out->items, suggestion_order);
	for (size_t i = 0; i < out->count && rc == CB_OK; i++)
		if (!(out->items[i].reason = explain(&out->items[i])))
			rc = CB_NOMEM;
out:
	levels_free(&mine);
	cb_person_clear(&l);
	if (rc != CB_OK)
		cb_suggestion_list_free(out);
	return rc;
}

/* One read transaction for the dozens of queries a suggestion makes. */
cb_status
cb_suggest(struct cb_db *db, const struct cb_config *cfg, const struct cb_id *learner,
	   const struct cb_id *session, int32_t today, struct cb_suggestion_list *out)
{
	cb_status rc = cb_db_read_begin(db);

	if (rc != CB_OK)
		return rc;
	rc = suggest_locked(db, cfg, learner, session, today, out);
	cb_db_read_end(db);
	return rc;
}

void
cb_suggestion_list_free(struct cb_suggestion_list *l)
{
	for (size_t i = 0; i < l->count; i++) {
		free(l->items[i].name);
		free(l->items[i].reason);
	}
	free(l->items);
	memset(l, 0, sizeof *l);
}
