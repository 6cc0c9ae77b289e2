/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Check-in and check-out at a session, who is here tonight, hours. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cambouis/attendance.h"
#include "cambouis/buf.h"
#include "cambouis/calendar.h"
#include "cambouis/clock.h"
#include "cambouis/pairing.h"
#include "cambouis/text.h"
#include "people-private.h"

static const char SQL_ROW[] =
	"SELECT role, checkin, checkout, deleted FROM attendance WHERE id = ?1";
static const char SQL_PRESENT[] =
	"SELECT a.person, p.name, a.role, a.checkin, a.checkout, p.birth_year, p.category,"
	" p.attestation FROM attendance a JOIN people p ON lower(hex(p.id)) = +a.person"
	" WHERE a.session = ?1 AND a.deleted = 0 AND p.deleted = 0";
static const char SQL_PAIRS_AT[] =
	"SELECT mentor, learner FROM pair_sessions WHERE session = ?1 AND deleted = 0 ORDER BY id";
/* the mentor's active learners who are here as learners */
static const char SQL_ACTIVE_OF_MENTOR[] =
	"SELECT g.learner FROM pairings g JOIN attendance a ON a.person = g.learner"
	" AND a.session = ?2 AND a.deleted = 0 AND a.role = 1 AND a.checkout IS NULL"
	" WHERE g.mentor = ?1 AND g.status = 0 ORDER BY g.id";
static const char SQL_VISITS[] =
	"SELECT a.session, s.date, s.starts, s.ends, coalesce(v.name, ''), a.role, a.checkin,"
	" a.checkout FROM attendance a JOIN sessions s ON lower(hex(s.id)) = +a.session"
	" LEFT JOIN venues v ON lower(hex(v.id)) = +s.venue"
	" WHERE a.person = ?1 AND a.deleted = 0 ORDER BY s.date DESC, s.starts DESC, s.id";
static const char SQL_PARTNER[] =
	"SELECT CASE WHEN mentor = ?2 THEN learner ELSE mentor END FROM pair_sessions"
	" WHERE session = ?1 AND deleted = 0 AND (mentor = ?2 OR learner = ?2) ORDER BY id";
static const char SQL_HOURS[] =
	"SELECT a.checkin, a.checkout, s.starts, s.ends FROM attendance a"
	" JOIN sessions s ON lower(hex(s.id)) = +a.session"
	" WHERE a.deleted = 0 AND a.role IN (2, 3) AND s.status != 2 AND s.deleted = 0"
	" AND (?1 IS NULL OR a.person = ?1) AND (?2 IS NULL OR s.date >= ?2)"
	" AND (?3 IS NULL OR s.date <= ?3)";
static const char SQL_COUNT[] =
	"SELECT count(*) FROM attendance WHERE person = ?1 AND deleted = 0";

void
cb_attendance_id(const struct cb_id *person, const struct cb_id *session, struct cb_id *out)
{
	ppl_derive_id(0xA77E4D, person, session, out);
}

void
cb_time_now(char out[CB_TIME_LEN + 1])
{
	time_t t = (time_t)(cb_clock_now_ms() / 1000);
	struct tm tm;

	if (!localtime_r(&t, &tm)) {
		tm.tm_hour = (int)(t / 3600 % 24);
		tm.tm_min = (int)(t / 60 % 60);
	}
	cb_time_format(tm.tm_hour * 60 + tm.tm_min, out);
}

struct att_row {
	bool exists, deleted;
	enum cb_role role;
	char checkin[CB_TIME_LEN + 1], checkout[CB_TIME_LEN + 1];
};

static cb_status
read_att(struct cb_db *db, const struct cb_id *id, struct att_row *r)
{
	struct cb_stmt *st;
	cb_status rc;

	memset(r, 0, sizeof *r);
	if ((rc = cb_db_row_by_id(db, SQL_ROW, id, &st)) != CB_OK)
		return rc == CB_NOT_FOUND ? CB_OK : rc; /* no row: r->exists stays false */
	r->exists = true;
	r->role = (enum cb_role)cb_stmt_int(st, 0);
	cb_text_copy(r->checkin, sizeof r->checkin, cb_stmt_text(st, 1));
	cb_text_copy(r->checkout, sizeof r->checkout, cb_stmt_text(st, 2));
	r->deleted = cb_stmt_int(st, 3) != 0;
	cb_stmt_reset(st);
	return CB_OK;
}

cb_status
ppl_present(struct cb_db *db, const struct cb_id *person, const struct cb_id *session,
	    bool *present, enum cb_role *role)
{
	struct cb_id id;
	struct att_row r;
	cb_status rc;

	cb_attendance_id(person, session, &id);
	if ((rc = read_att(db, &id, &r)) != CB_OK)
		return rc;
	*present = r.exists && !r.deleted && !r.checkout[0];
	if (role)
		*role = r.exists && !r.deleted ? r.role : CB_ROLE_NONE;
	return CB_OK;
}

cb_status
cb_attendance_role(struct cb_db *db, const struct cb_id *person, const struct cb_id *session,
		   enum cb_role *role, bool *left)
{
	struct cb_id id;
	struct att_row r;
	cb_status rc;

	cb_attendance_id(person, session, &id);
	if ((rc = read_att(db, &id, &r)) != CB_OK)
		return rc;
	*role = r.exists && !r.deleted ? r.role : CB_ROLE_NONE;
	if (left)
		*left = r.exists && !r.deleted && r.checkout[0];
	return CB_OK;
}

/* Pair a learner just arrived with their active mentor if present, or a
 * mentor just arrived with their active learners who are. */
static cb_status
continue_pairs(struct cb_db *db, const struct cb_id *person, enum cb_role role,
	       const struct cb_id *session, struct cb_id *paired_with)
{
	struct cb_id other, mentor;
	bool here;
	enum cb_role r;
	cb_status rc;

	if (role == CB_ROLE_LEARNER) {
		if (ppl_mentor_tonight(db, person, session, &mentor) == CB_OK)
			return CB_OK; /* already paired tonight */
		rc = cb_active_mentor(db, person, &other);
		if (rc == CB_NOT_FOUND)
			return CB_OK;
		if (rc != CB_OK || (rc = ppl_present(db, &other, session, &here, &r)) != CB_OK)
			return rc;
		if (!here || r != CB_ROLE_MENTOR)
			return CB_OK;
		if ((rc = ppl_pair_tonight(db, &other, person, session)) == CB_OK && paired_with)
			*paired_with = other;
		return rc;
	}
	if (role == CB_ROLE_MENTOR) {
		char hex[CB_ID_HEX_LEN + 1], shex[CB_ID_HEX_LEN + 1];
		struct cb_id *learners = NULL;
		size_t n = 0, cap = 0;
		struct cb_stmt *st;

		cb_id_to_hex(person, hex);
		if ((rc = cb_db_prepare(db, SQL_ACTIVE_OF_MENTOR, &st)) != CB_OK)
			return rc;
		cb_stmt_bind_text(st, 1, hex);
		cb_id_to_hex(session, shex);
		cb_stmt_bind_text(st, 2, shex);
		while ((rc = cb_stmt_step(st)) == CB_ROW) {
			if (!cb_grow(&learners, &cap, n, sizeof *learners, 16)) {
				rc = CB_NOMEM;
				break;
			}
			if (cb_id_from_hex(cb_stmt_text(st, 0), &learners[n]) == CB_OK)
				n++;
		}
		if (rc != CB_DONE)
			cb_stmt_reset(st);
		else
			rc = CB_OK;
		for (size_t i = 0; i < n && rc == CB_OK; i++) {
			if ((rc = ppl_present(db, &learners[i], session, &here, &r)) != CB_OK)
				break;
			if (!here || r != CB_ROLE_LEARNER ||
			    ppl_mentor_tonight(db, &learners[i], session, &mentor) == CB_OK)
				continue;
			if ((rc = ppl_pair_tonight(db, person, &learners[i], session)) == CB_OK &&
			    paired_with && cb_id_is_zero(paired_with))
				*paired_with = learners[i];
		}
		free(learners);
		return rc;
	}
	return CB_OK;
}

cb_status
cb_checkin(struct cb_db *db, const struct cb_id *person, const struct cb_id *session,
	   enum cb_role role, const char *at, struct cb_id *paired_with)
{
	struct cb_person p;
	struct cb_session s;
	struct cb_id id;
	struct att_row r;
	int m;
	bool cancelled;
	cb_status rc;

	if (paired_with)
		memset(paired_with, 0, sizeof *paired_with);
	if (at && cb_time_parse(at, &m) != CB_OK)
		return CB_INVALID;
	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	if ((rc = cb_person_get(db, person, &p)) != CB_OK || p.deleted) {
		if (rc == CB_OK)
			cb_person_clear(&p);
		return cb_write_refuse(db, rc == CB_OK || rc == CB_NOT_FOUND ? CB_NOT_FOUND : rc);
	}
	if (role == CB_ROLE_NONE)
		role = p.roles & CB_ROLE_BIT(CB_ROLE_MENTOR) ? CB_ROLE_MENTOR
		     : p.roles & CB_ROLE_BIT(CB_ROLE_LEARNER) ? CB_ROLE_LEARNER : CB_ROLE_ORGANISER;
	rc = p.roles & CB_ROLE_BIT(role) ? CB_OK : CB_INVALID;
	cb_person_clear(&p);
	if (rc != CB_OK)
		return cb_write_refuse(db, rc);
	if ((rc = cb_session_get(db, session, &s)) != CB_OK)
		return cb_write_refuse(db, rc);
	cancelled = s.status == CB_SESSION_CANCELLED;
	cb_session_clear(&s);
	if (cancelled)
		return cb_write_refuse(db, CB_INVALID);
	cb_attendance_id(person, session, &id);
	if ((rc = read_att(db, &id, &r)) != CB_OK)
		return cb_write_finish(db, rc);
	if (!r.exists) {
		if ((rc = cb_write_id(db, CB_T_ATTENDANCE, &id, CB_F_ATT_PERSON, person)) == CB_OK)
			rc = cb_write_id(db, CB_T_ATTENDANCE, &id, CB_F_ATT_SESSION, session);
	} else if (r.deleted) {
		rc = cb_write_int(db, CB_T_ATTENDANCE, &id, CB_F_ATT_DELETED, 0);
		if (rc == CB_OK && r.checkout[0])
			rc = cb_write_null(db, CB_T_ATTENDANCE, &id, CB_F_ATT_CHECKOUT);
	}
	if (rc == CB_OK && (!r.exists || r.role != role))
		rc = cb_write_int(db, CB_T_ATTENDANCE, &id, CB_F_ATT_ROLE, role);
	if (rc == CB_OK && at && strcmp(at, r.checkin) != 0) {
		char norm[CB_TIME_LEN + 1];
		cb_time_format(m, norm);
		rc = cb_write_text(db, CB_T_ATTENDANCE, &id, CB_F_ATT_CHECKIN, norm);
	}
	if (rc == CB_OK && r.exists && r.role != role && !r.deleted)
		rc = ppl_unpair_tonight(db, person, session); /* a new role, new pairs */
	if (rc == CB_OK)
		rc = continue_pairs(db, person, role, session, paired_with);
	return cb_write_finish(db, rc);
}

cb_status
cb_checkout(struct cb_db *db, const struct cb_id *person, const struct cb_id *session, const char *at)
{
	struct cb_id id;
	struct att_row r;
	int m = 0, in;
	char norm[CB_TIME_LEN + 1];
	cb_status rc;

	if (at && cb_time_parse(at, &m) != CB_OK)
		return CB_INVALID;
	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	cb_attendance_id(person, session, &id);
	if ((rc = read_att(db, &id, &r)) != CB_OK)
		return cb_write_finish(db, rc);
	if (!r.exists || r.deleted)
		return cb_write_refuse(db, CB_NOT_FOUND);
	if (at && r.checkin[0] && cb_time_parse(r.checkin, &in) == CB_OK && m < in)
		return cb_write_refuse(db, CB_INVALID);
	if (!at)
		return cb_write_finish(db, r.checkout[0] ? cb_write_null(db, CB_T_ATTENDANCE, &id,
								   CB_F_ATT_CHECKOUT) : CB_OK);
	cb_time_format(m, norm);
	return cb_write_finish(db, cb_write_text(db, CB_T_ATTENDANCE, &id, CB_F_ATT_CHECKOUT, norm));
}

cb_status
cb_person_add_checkin(struct cb_db *db, const struct cb_config *cfg,
		      const struct cb_person_input *in, int32_t today, const struct cb_id *session,
		      enum cb_role role, const char *at, struct cb_id *out_id,
		      struct cb_id *paired_with, enum cb_person_bad *bad)
{
	struct cb_id id;
	cb_status rc;

	if (bad)
		*bad = CB_PERSON_BAD_NONE;
	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	rc = cb_person_add(db, cfg, in, today, &id, bad);
	if (rc == CB_OK)
		rc = cb_checkin(db, &id, session, role, at, paired_with);
	if ((rc = cb_write_finish(db, rc)) == CB_OK && out_id)
		*out_id = id;
	return rc;
}

cb_status
cb_checkin_undo(struct cb_db *db, const struct cb_id *person, const struct cb_id *session)
{
	struct cb_id id;
	struct att_row r;
	cb_status rc;

	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	cb_attendance_id(person, session, &id);
	if ((rc = read_att(db, &id, &r)) != CB_OK)
		return cb_write_finish(db, rc);
	if (!r.exists || r.deleted)
		return cb_write_refuse(db, CB_NOT_FOUND);
	rc = cb_write_int(db, CB_T_ATTENDANCE, &id, CB_F_ATT_DELETED, 1);
	if (rc == CB_OK)
		rc = ppl_unpair_tonight(db, person, session);
	return cb_write_finish(db, rc);
}

/* --- who is here ------------------------------------------------------------ */

static int
by_arrival(const void *a, const void *b)
{
	const struct cb_presence *x = a, *y = b;
	/* unknown times last */
	int c = strcmp(x->checkin[0] ? x->checkin : "~", y->checkin[0] ? y->checkin : "~");
	if (!c)
		c = cb_text_collate(x->name, y->name);
	return c ? c : cb_id_cmp(&x->person, &y->person);
}

static struct cb_presence *
find_present(struct cb_presence_list *l, const char *hex)
{
	struct cb_id id;

	if (cb_id_from_hex(hex, &id) != CB_OK)
		return NULL;
	for (size_t i = 0; i < l->count; i++)
		if (cb_id_cmp(&l->items[i].person, &id) == 0)
			return &l->items[i];
	return NULL;
}

static cb_status
set_partner(struct cb_presence *p, const struct cb_presence *other)
{
	p->npartners++;
	if (p->partner_name)
		return CB_OK;
	p->partner = other->person;
	return (p->partner_name = strdup(other->name)) ? CB_OK : CB_NOMEM;
}

cb_status
cb_presence(struct cb_db *db, const struct cb_config *cfg, const struct cb_id *session,
	    int32_t today, struct cb_presence_list *out)
{
	char hex[CB_ID_HEX_LEN + 1];
	int months = cb_attestation_months(cfg), year = ppl_year_of(today);
	struct cb_stmt *st;
	size_t cap = 0;
	cb_status rc;

	memset(out, 0, sizeof *out);
	cb_id_to_hex(session, hex);
	if ((rc = cb_db_prepare(db, SQL_PRESENT, &st)) != CB_OK)
		return rc;
	cb_stmt_bind_text(st, 1, hex);
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		struct cb_presence *p;
		if (!cb_grow(&out->items, &cap, out->count, sizeof *out->items, 16)) {
			rc = CB_NOMEM;
			break;
		}
		p = &out->items[out->count];
		memset(p, 0, sizeof *p);
		if (cb_id_from_hex(cb_stmt_text(st, 0), &p->person) != CB_OK)
			continue;
		if (!(p->name = strdup(cb_stmt_text(st, 1)))) {
			rc = CB_NOMEM;
			break;
		}
		out->count++;
		p->role = (enum cb_role)cb_stmt_int(st, 2);
		cb_text_copy(p->checkin, sizeof p->checkin, cb_stmt_text(st, 3));
		cb_text_copy(p->checkout, sizeof p->checkout, cb_stmt_text(st, 4));
		p->minor = ppl_may_be_minor((int)cb_stmt_int(st, 5), cb_stmt_text(st, 6), year);
		if (p->role == CB_ROLE_MENTOR)
			p->attestation_expired = !ppl_attestation_valid(cb_stmt_text(st, 7), months, today);
	}
	if (rc != CB_DONE) {
		cb_stmt_reset(st);
		cb_presence_list_free(out);
		return rc;
	}
	if ((rc = cb_db_prepare(db, SQL_PAIRS_AT, &st)) != CB_OK) {
		cb_presence_list_free(out);
		return rc;
	}
	cb_stmt_bind_text(st, 1, hex);
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		struct cb_presence *m = find_present(out, cb_stmt_text(st, 0));
		struct cb_presence *l = find_present(out, cb_stmt_text(st, 1));
		if (!m || !l)
			continue; /* one of them was removed since */
		out->pairs++;
		if ((rc = set_partner(m, l)) != CB_OK || (rc = set_partner(l, m)) != CB_OK)
			break;
	}
	if (rc != CB_DONE) {
		cb_stmt_reset(st);
		cb_presence_list_free(out);
		return rc;
	}
	for (size_t i = 0; i < out->count; i++) {
		struct cb_presence *p = &out->items[i];
		if (p->role == CB_ROLE_LEARNER) {
			out->learners++;
			if (!p->npartners && !p->checkout[0])
				out->unpaired++;
		} else if (p->role == CB_ROLE_MENTOR) {
			out->mentors++;
		} else {
			out->organisers++;
		}
	}
	if (out->count > 1)
		qsort(out->items, out->count, sizeof *out->items, by_arrival);
	return CB_OK;
}

cb_status
cb_unpaired_learners(struct cb_db *db, const struct cb_config *cfg, const struct cb_id *session,
		     int32_t today, struct cb_presence_list *out)
{
	cb_status rc = cb_presence(db, cfg, session, today, out);
	size_t k = 0;

	if (rc != CB_OK)
		return rc;
	for (size_t i = 0; i < out->count; i++) {
		struct cb_presence *p = &out->items[i];
		if (p->role == CB_ROLE_LEARNER && !p->npartners && !p->checkout[0]) {
			out->items[k++] = *p;
		} else {
			free(p->name);
			free(p->partner_name);
		}
	}
	out->count = k;
	return CB_OK;
}

void
cb_presence_list_free(struct cb_presence_list *l)
{
	for (size_t i = 0; i < l->count; i++) {
		free(l->items[i].name);
		free(l->items[i].partner_name);
	}
	free(l->items);
	memset(l, 0, sizeof *l);
}

/* --- history and hours ------------------------------------------------------ */

int
cb_attendance_minutes(const char *checkin, const char *checkout, const char *start, const char *end)
{
	int in, out, s, e;
	bool has_in = checkin && cb_time_parse(checkin, &in) == CB_OK;
	bool has_out = checkout && cb_time_parse(checkout, &out) == CB_OK;
	bool has_s = start && cb_time_parse(start, &s) == CB_OK;
	bool has_e = end && cb_time_parse(end, &e) == CB_OK;

	if (has_out && (has_in || has_s)) {
		int from = has_in ? in : s;
		return out > from ? out - from : 0;
	}
	/* no check-out: the session's length */
	if (has_s && has_e)
		return e > s ? e - s : 0;
	return 0;
}

cb_status
cb_visits_of(struct cb_db *db, const struct cb_id *person, struct cb_visit_list *out)
{
	char hex[CB_ID_HEX_LEN + 1];
	struct cb_stmt *st;
	size_t cap = 0;
	cb_status rc;

	memset(out, 0, sizeof *out);
	cb_id_to_hex(person, hex);
	if ((rc = cb_db_prepare(db, SQL_VISITS, &st)) != CB_OK)
		return rc;
	cb_stmt_bind_text(st, 1, hex);
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		struct cb_visit *v;
		if (!cb_grow(&out->items, &cap, out->count, sizeof *out->items, 16)) {
			rc = CB_NOMEM;
			break;
		}
		v = &out->items[out->count];
		memset(v, 0, sizeof *v);
		cb_id_from_hex(cb_stmt_text(st, 0), &v->session);
		cb_text_copy(v->date, sizeof v->date, cb_stmt_text(st, 1));
		v->minutes = cb_attendance_minutes(cb_stmt_text(st, 6), cb_stmt_text(st, 7),
						   cb_stmt_text(st, 2), cb_stmt_text(st, 3));
		if (!(v->venue = strdup(cb_stmt_text(st, 4)))) {
			rc = CB_NOMEM;
			break;
		}
		out->count++;
		v->role = (enum cb_role)cb_stmt_int(st, 5);
		cb_text_copy(v->checkin, sizeof v->checkin, cb_stmt_text(st, 6));
		cb_text_copy(v->checkout, sizeof v->checkout, cb_stmt_text(st, 7));
	}
	if (rc != CB_DONE) {
		cb_stmt_reset(st);
		cb_visit_list_free(out);
		return rc;
	}
	for (size_t i = 0; i < out->count; i++) {
		char shex[CB_ID_HEX_LEN + 1], other[CB_ID_HEX_LEN + 1] = "";
		cb_id_to_hex(&out->items[i].session, shex);
		if ((rc = cb_db_prepare(db, SQL_PARTNER, &st)) != CB_OK)
			break;
		cb_stmt_bind_text(st, 1, shex);
		cb_stmt_bind_text(st, 2, hex);
		if (cb_stmt_step(st) == CB_ROW)
			cb_text_copy(other, sizeof other, cb_stmt_text(st, 0));
		cb_stmt_reset(st);
		if (!(out->items[i].partner = ppl_name_of(db, other))) {
			rc = CB_NOMEM;
			break;
		}
	}
	if (rc != CB_OK && rc != CB_DONE) {
		cb_visit_list_free(out);
		return rc;
	}
	return CB_OK;
}

void
cb_visit_list_free(struct cb_visit_list *l)
{
	for (size_t i = 0; i < l->count; i++) {
		free(l->items[i].venue);
		free(l->items[i].partner);
	}
	free(l->items);
	l->items = NULL;
	l->count = 0;
}

cb_status
cb_volunteer_minutes(struct cb_db *db, const struct cb_id *person, const char *from, const char *to,
		     int64_t *minutes)
{
	char hex[CB_ID_HEX_LEN + 1];
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, SQL_HOURS, &st);

	*minutes = 0;
	if (rc != CB_OK)
		return rc;
	if (person) {
		cb_id_to_hex(person, hex);
		cb_stmt_bind_text(st, 1, hex);
	}
	cb_stmt_bind_text(st, 2, from);
	cb_stmt_bind_text(st, 3, to);
	while ((rc = cb_stmt_step(st)) == CB_ROW)
		*minutes += cb_attendance_minutes(cb_stmt_text(st, 0), cb_stmt_text(st, 1),
						  cb_stmt_text(st, 2), cb_stmt_text(st, 3));
	return rc == CB_DONE ? CB_OK : rc;
}

cb_status
cb_sessions_attended(struct cb_db *db, const struct cb_id *person, int *count)
{
	char hex[CB_ID_HEX_LEN + 1];
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, SQL_COUNT, &st);

	*count = 0;
	if (rc != CB_OK)
		return rc;
	cb_id_to_hex(person, hex);
	cb_stmt_bind_text(st, 1, hex);
	if ((rc = cb_stmt_step(st)) != CB_ROW)
		return rc == CB_DONE ? CB_OK : rc;
	*count = (int)cb_stmt_int(st, 0);
	cb_stmt_reset(st);
	return CB_OK;
}
