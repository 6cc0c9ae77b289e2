/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sessions one by one, and venue closures. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "calendar-private.h"
#include "cambouis/buf.h"
#include "cambouis/clock.h"
#include "cambouis/i18n.h"
#include "cambouis/text.h"
#include "cambouis/venue.h"

static const char SQL_BETWEEN[] = CAL_SESSION_SELECT
	" WHERE s.deleted = 0 AND s.date >= ?1 AND s.date <= ?2"
	" ORDER BY s.date, s.starts, s.id";
static const char SQL_GET[] = CAL_SESSION_SELECT " WHERE s.id = ?1";
static const char SQL_ON_DATE[] =
	"SELECT id FROM sessions WHERE deleted = 0 AND date = ?1 ORDER BY starts, id LIMIT 2";
static const char SQL_NEXT[] = CAL_SESSION_SELECT
	" WHERE s.deleted = 0 AND s.date >= ?1 AND (s.date = ?1 OR s.status <> 2)"
	" ORDER BY s.date, s.starts, s.id LIMIT 1";
static const char SQL_HISTORY[] =
	"SELECT count(*) - count(DISTINCT field), coalesce(max(hlc), 0) FROM ops"
	" WHERE tbl = ?1 AND row = ?2";
static const char SQL_CLOSED[] =
	"SELECT coalesce(reason, '') FROM venue_closures WHERE deleted = 0 AND venue = ?1"
	" AND from_date <= ?2 AND (to_date IS NULL OR to_date >= ?2) ORDER BY from_date LIMIT 1";
static const char SQL_CLOSURES_ALL[] =
	"SELECT c.id, c.venue, coalesce(v.name, ''), c.from_date, coalesce(c.to_date, ''),"
	" coalesce(c.reason, '') FROM venue_closures c"
	" LEFT JOIN venues v ON lower(hex(v.id)) = c.venue"
	" WHERE c.deleted = 0 AND c.from_date IS NOT NULL AND c.venue IS NOT NULL"
	" ORDER BY v.name COLLATE NOCASE, c.from_date, c.id";
static const char SQL_CLOSURES_OF[] =
	"SELECT c.id, c.venue, coalesce(v.name, ''), c.from_date, coalesce(c.to_date, ''),"
	" coalesce(c.reason, '') FROM venue_closures c"
	" LEFT JOIN venues v ON lower(hex(v.id)) = c.venue"
	" WHERE c.deleted = 0 AND c.from_date IS NOT NULL AND c.venue = ?1"
	" ORDER BY c.from_date, c.id";
static const char SQL_CLOSURE_EXISTS[] = "SELECT 1 FROM venue_closures WHERE id = ?1";

static const char *const status_names[] = {"planned", "held", "cancelled"};

const char *
cb_session_status_name(enum cb_session_status st)
{
	return (unsigned)st < 3 ? status_names[st] : "planned";
}

const char *
cb_session_status_label(enum cb_session_status st)
{
	switch (st) {
	case CB_SESSION_HELD: return _("held");
	case CB_SESSION_CANCELLED: return _("cancelled");
	case CB_SESSION_PLANNED:
	default: return _("planned");
	}
}

cb_status
cal_session_read(struct cb_stmt *st, struct cb_session *s)
{
	memset(s, 0, sizeof *s);
	cb_stmt_id(st, 0, &s->id);
	if (cb_id_from_hex(cb_stmt_text(st, 1), &s->series) != CB_OK)
		memset(&s->series, 0, sizeof s->series);
	s->slot = cb_stmt_is_null(st, 2) ? -1 : (int)cb_stmt_int(st, 2);
	cb_text_copy(s->date, sizeof s->date, cb_stmt_text(st, 3));
	cb_text_copy(s->start, sizeof s->start, cb_stmt_text(st, 4));
	cb_text_copy(s->end, sizeof s->end, cb_stmt_text(st, 5));
	if (cb_id_from_hex(cb_stmt_text(st, 6), &s->venue) != CB_OK)
		memset(&s->venue, 0, sizeof s->venue);
	s->status = (enum cb_session_status)cb_stmt_int(st, 7);
	if ((unsigned)s->status > CB_SESSION_CANCELLED)
		s->status = CB_SESSION_PLANNED;
	s->edited = cb_stmt_int(st, 8) != 0;
	s->reason = strdup(cb_stmt_text(st, 9));
	s->notes = strdup(cb_stmt_text(st, 10));
	s->venue_name = strdup(cb_stmt_text(st, 11));
	s->venue_address = strdup(cb_stmt_text(st, 12));
	s->venue_commune = strdup(cb_stmt_text(st, 13));
	if (!s->reason || !s->notes || !s->venue_name || !s->venue_address || !s->venue_commune) {
		cb_session_clear(s);
		return CB_NOMEM;
	}
	return CB_OK;
}

void
cb_session_clear(struct cb_session *s)
{
	free(s->reason);
	free(s->notes);
	free(s->venue_name);
	free(s->venue_address);
	free(s->venue_commune);
	s->reason = s->notes = s->venue_name = s->venue_address = s->venue_commune = NULL;
}

cb_status
cal_session_query(struct cb_db *db, const char *sql, const char *p1, const char *p2,
		  struct cb_session_list *out)
{
	struct cb_stmt *st;
	size_t cap = 0;
	cb_status rc = cb_db_prepare(db, sql, &st);

	out->items = NULL;
	out->count = 0;
	if (rc != CB_OK)
		return rc;
	if (p1)
		cb_stmt_bind_text(st, 1, p1);
	if (p2)
		cb_stmt_bind_text(st, 2, p2);
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		if (!cb_grow(&out->items, &cap, out->count, sizeof *out->items, 32)) {
			rc = CB_NOMEM;
			break;
		}
		if ((rc = cal_session_read(st, &out->items[out->count])) != CB_OK)
			break;
		out->count++;
	}
	if (rc == CB_DONE)
		return CB_OK;
	cb_stmt_reset(st);
	cb_session_list_free(out);
	return rc;
}

cb_status
cb_sessions_between(struct cb_db *db, const char *from, const char *to, struct cb_session_list *out)
{
	/* "" sorts before every date and "~" after */
	return cal_session_query(db, SQL_BETWEEN, from ? from : "", to ? to : "~", out);
}

void
cb_session_list_free(struct cb_session_list *l)
{
	for (size_t i = 0; i < l->count; i++)
		cb_session_clear(&l->items[i]);
	free(l->items);
	l->items = NULL;
	l->count = 0;
}

cb_status
cal_session_history(struct cb_db *db, const struct cb_id *id, int *sequence, int64_t *modified_ms)
{
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, SQL_HISTORY, &st);

	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_int(st, 1, CB_T_SESSION);
	cb_stmt_bind_id(st, 2, id);
	if ((rc = cb_stmt_step(st)) != CB_ROW)
		return rc == CB_DONE ? CB_DB_ERROR : rc;
	*sequence = (int)cb_stmt_int(st, 0);
	*modified_ms = (int64_t)((uint64_t)cb_stmt_int(st, 1) >> 16);
	cb_stmt_reset(st);
	return CB_OK;
}

cb_status
cb_session_get(struct cb_db *db, const struct cb_id *id, struct cb_session *out)
{
	struct cb_stmt *st;
	cb_status rc;

	memset(out, 0, sizeof *out);
	if ((rc = cb_db_row_by_id(db, SQL_GET, id, &st)) != CB_OK)
		return rc;
	rc = cal_session_read(st, out);
	cb_stmt_reset(st);
	if (rc == CB_OK && (rc = cal_session_history(db, id, &out->sequence, &out->modified_ms)) != CB_OK)
		cb_session_clear(out);
	return rc;
}

cb_status
cb_session_find(struct cb_db *db, const char *key, struct cb_id *out)
{
	struct cb_session s;
	cb_status rc;

	if (cb_id_from_hex(key, out) == CB_OK) {
		if ((rc = cb_session_get(db, out, &s)) != CB_OK)
			return rc;
		cb_session_clear(&s);
		return s.date[0] ? CB_OK : CB_NOT_FOUND;
	}
	if (!cb_date_valid(key))
		return CB_INVALID;
	return cb_db_find_id(db, SQL_ON_DATE, key, out);
}

cb_status
cb_session_current(struct cb_db *db, int32_t today, struct cb_session *out, int *days_until)
{
	struct cb_session_list l;
	char from[CB_DATE_LEN + 1];
	int32_t day;
	cb_status rc;

	cb_date_format(today, from);
	if ((rc = cal_session_query(db, SQL_NEXT, from, NULL, &l)) != CB_OK)
		return rc;
	if (l.count == 0) {
		cb_session_list_free(&l);
		return CB_NOT_FOUND;
	}
	*out = l.items[0];
	l.count = 0;
	cb_session_list_free(&l);
	if (days_until)
		*days_until = cb_date_parse(out->date, &day) == CB_OK ? (int)(day - today) : 0;
	return CB_OK;
}

/* --- changes --------------------------------------------------------------- */

/* Begin, and fetch the live session id (CB_NOT_FOUND when removed). */
static cb_status
begin_on(struct cb_db *db, const struct cb_id *id, struct cb_session *s)
{
	static const char sql[] = "SELECT deleted FROM sessions WHERE id = ?1";
	struct cb_stmt *st;
	cb_status rc;

	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	if ((rc = cb_db_prepare(db, sql, &st)) != CB_OK)
		return cb_write_finish(db, rc);
	cb_stmt_bind_id(st, 1, id);
	rc = cb_stmt_step(st);
	if (rc == CB_ROW) {
		rc = cb_stmt_int(st, 0) ? CB_NOT_FOUND : CB_OK;
		cb_stmt_reset(st);
	} else if (rc == CB_DONE) {
		rc = CB_NOT_FOUND;
	}
	if (rc == CB_OK)
		rc = cb_session_get(db, id, s);
	if (rc != CB_OK) {
		cb_db_rollback(db);
		return rc;
	}
	return CB_OK;
}

static cb_status
set_status(struct cb_db *db, const struct cb_id *id, enum cb_session_status status,
	   const char *reason, bool set_reason)
{
	struct cb_session s;
	char *r = NULL;
	cb_status rc;

	if (set_reason && reason) {
		if ((rc = cb_write_check_text(reason, CB_SESSION_REASON_MAX, false, false)) != CB_OK)
			return rc;
		if (!(r = cb_text_trim(reason)))
			return CB_NOMEM;
	}
	if ((rc = begin_on(db, id, &s)) != CB_OK) {
		free(r);
		return rc;
	}
	if (s.status != status)
		rc = cb_write_int(db, CB_T_SESSION, id, CB_F_SESSION_STATUS, status);
	if (rc == CB_OK && set_reason && strcmp(s.reason, r ? r : "") != 0)
		rc = cb_write_text(db, CB_T_SESSION, id, CB_F_SESSION_REASON, r && *r ? r : NULL);
	free(r);
	cb_session_clear(&s);
	return cb_write_finish(db, rc);
}

cb_status
cb_session_cancel(struct cb_db *db, const struct cb_id *id, const char *reason)
{
	return set_status(db, id, CB_SESSION_CANCELLED, reason, true);
}

cb_status
cb_session_held(struct cb_db *db, const struct cb_id *id)
{
	return set_status(db, id, CB_SESSION_HELD, NULL, true);
}

cb_status
cb_session_restore(struct cb_db *db, const struct cb_id *id)
{
	return set_status(db, id, CB_SESSION_PLANNED, NULL, true);
}

cb_status
cb_session_move(struct cb_db *db, const struct cb_id *id, const struct cb_session_change *ch)
{
	struct cb_session s;
	char start[CB_TIME_LEN + 1], end[CB_TIME_LEN + 1];
	int sm, em;
	bool changed = false;
	cb_status rc;

	if (ch->date && !cb_date_valid(ch->date))
		return CB_INVALID;
	if ((ch->start && cb_time_parse(ch->start, &sm) != CB_OK) ||
	    (ch->end && cb_time_parse(ch->end, &em) != CB_OK))
		return CB_INVALID;
	if ((rc = begin_on(db, id, &s)) != CB_OK)
		return rc;
	if (!ch->start && cb_time_parse(s.start, &sm) != CB_OK)
		sm = 0;
	if (!ch->end && cb_time_parse(s.end, &em) != CB_OK)
		em = 24 * 60 - 1;
	if (em <= sm)
		rc = CB_INVALID;
	cb_time_format(sm, start);
	cb_time_format(em, end);
	if (rc == CB_OK && ch->venue) {
		struct cb_venue v;
		if ((rc = cb_venue_get(db, ch->venue, &v)) == CB_OK)
			cb_venue_clear(&v);
		if (rc == CB_OK && cb_id_cmp(ch->venue, &s.venue) != 0) {
			rc = cb_write_id(db, CB_T_SESSION, id, CB_F_SESSION_VENUE, ch->venue);
			changed = true;
		}
	}
	if (rc == CB_OK && ch->date && strcmp(ch->date, s.date) != 0) {
		rc = cb_write_text(db, CB_T_SESSION, id, CB_F_SESSION_DATE, ch->date);
		changed = true;
	}
	if (rc == CB_OK && strcmp(start, s.start) != 0) {
		rc = cb_write_text(db, CB_T_SESSION, id, CB_F_SESSION_START, start);
		changed = true;
	}
	if (rc == CB_OK && strcmp(end, s.end) != 0) {
		rc = cb_write_text(db, CB_T_SESSION, id, CB_F_SESSION_END, end);
		changed = true;
	}
	if (rc == CB_OK && changed && !s.edited)
		rc = cb_write_int(db, CB_T_SESSION, id, CB_F_SESSION_EDITED, 1);
	cb_session_clear(&s);
	return cb_write_finish(db, rc);
}

cb_status
cb_session_set_notes(struct cb_db *db, const struct cb_id *id, const char *notes)
{
	struct cb_session s;
	cb_status rc;

	if ((rc = cb_write_check_text(notes, CB_SESSION_NOTES_MAX, true, false)) != CB_OK)
		return rc;
	if ((rc = begin_on(db, id, &s)) != CB_OK)
		return rc;
	if (strcmp(s.notes, notes ? notes : "") != 0)
		rc = cb_write_text(db, CB_T_SESSION, id, CB_F_SESSION_NOTES, notes && *notes ? notes : NULL);
	cb_session_clear(&s);
	return cb_write_finish(db, rc);
}

cb_status
cb_session_add(struct cb_db *db, const char *date, const char *start, const char *end,
	       const struct cb_id *venue, struct cb_id *out_id)
{
	struct cb_venue v;
	struct cb_id id;
	char st[CB_TIME_LEN + 1], en[CB_TIME_LEN + 1];
	int sm, em;
	cb_status rc;

	if (!cb_date_valid(date) || cb_time_parse(start, &sm) != CB_OK ||
	    cb_time_parse(end, &em) != CB_OK || em <= sm)
		return CB_INVALID;
	cb_time_format(sm, st);
	cb_time_format(em, en);
	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	if ((rc = cb_venue_get(db, venue, &v)) == CB_OK)
		cb_venue_clear(&v);
	if (rc == CB_OK)
		rc = cb_id_new(&id, cb_clock_now_ms());
	if (rc == CB_OK)
		rc = cb_write_text(db, CB_T_SESSION, &id, CB_F_SESSION_DATE, date);
	if (rc == CB_OK)
		rc = cb_write_text(db, CB_T_SESSION, &id, CB_F_SESSION_START, st);
	if (rc == CB_OK)
		rc = cb_write_text(db, CB_T_SESSION, &id, CB_F_SESSION_END, en);
	if (rc == CB_OK)
		rc = cb_write_id(db, CB_T_SESSION, &id, CB_F_SESSION_VENUE, venue);
	if (rc == CB_OK)
		rc = cb_write_int(db, CB_T_SESSION, &id, CB_F_SESSION_STATUS, CB_SESSION_PLANNED);
	if ((rc = cb_write_finish(db, rc)) == CB_OK && out_id)
		*out_id = id;
	return rc;
}

cb_status
cb_session_next_venue(struct cb_db *db, const struct cb_id *id, struct cb_id *out)
{
	struct cb_session s;
	struct cb_series series;
	size_t at = 0;
	cb_status rc;

	if ((rc = cb_session_get(db, id, &s)) != CB_OK)
		return rc;
	if (cb_id_is_zero(&s.series) || (rc = cb_series_get(db, &s.series, &series)) != CB_OK) {
		cb_session_clear(&s);
		return rc == CB_OK ? CB_NOT_FOUND : rc;
	}
	for (size_t i = 0; i < series.nvenues; i++)
		if (cb_id_cmp(&series.venues[i], &s.venue) == 0) {
			at = i;
			break;
		}
	rc = CB_NOT_FOUND;
	for (size_t k = 1; k <= series.nvenues; k++) {
		const struct cb_id *v = &series.venues[(at + k) % series.nvenues];
		char hex[CB_ID_HEX_LEN + 1];
		bool closed = false;
		cb_status c;

		if (cb_id_cmp(v, &s.venue) == 0)
			continue;
		cb_id_to_hex(v, hex);
		if ((c = cal_venue_closed(db, hex, s.date, &closed, NULL)) != CB_OK) {
			rc = c;
			break;
		}
		if (!closed) {
			*out = *v;
			rc = CB_OK;
			break;
		}
	}
	cb_series_clear(&series);
	cb_session_clear(&s);
	return rc;
}

/* --- venue closures ---------------------------------------------------------- */

cb_status
cal_venue_closed(struct cb_db *db, const char *venue_hex, const char *date, bool *closed,
		 char **reason)
{
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, SQL_CLOSED, &st);

	*closed = false;
	if (reason)
		*reason = NULL;
	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_text(st, 1, venue_hex);
	cb_stmt_bind_text(st, 2, date);
	if ((rc = cb_stmt_step(st)) == CB_DONE)
		return CB_OK;
	if (rc != CB_ROW)
		return rc;
	*closed = true;
	if (reason && !(*reason = strdup(cb_stmt_text(st, 0))))
		rc = CB_NOMEM;
	else
		rc = CB_OK;
	cb_stmt_reset(st);
	return rc;
}

cb_status
cb_venue_close(struct cb_db *db, const struct cb_id *venue, const char *from, const char *to,
	       const char *reason, struct cb_id *out_id)
{
	struct cb_venue v;
	struct cb_id id;
	char *r = NULL;
	cb_status rc;

	if (!cb_date_valid(from) || (to && (!cb_date_valid(to) || strcmp(to, from) < 0)))
		return CB_INVALID;
	if ((rc = cb_write_check_text(reason, CB_CLOSURE_REASON_MAX, false, false)) != CB_OK)
		return rc;
	if (reason && !(r = cb_text_trim(reason)))
		return CB_NOMEM;
	if ((rc = cb_db_begin(db)) != CB_OK) {
		free(r);
		return rc;
	}
	if ((rc = cb_venue_get(db, venue, &v)) == CB_OK)
		cb_venue_clear(&v);
	if (rc == CB_OK)
		rc = cb_id_new(&id, cb_clock_now_ms());
	if (rc == CB_OK)
		rc = cb_write_id(db, CB_T_VENUE_CLOSURE, &id, CB_F_CLOSURE_VENUE, venue);
	if (rc == CB_OK)
		rc = cb_write_text(db, CB_T_VENUE_CLOSURE, &id, CB_F_CLOSURE_FROM, from);
	if (rc == CB_OK && to)
		rc = cb_write_text(db, CB_T_VENUE_CLOSURE, &id, CB_F_CLOSURE_TO, to);
	if (rc == CB_OK && r && *r)
		rc = cb_write_text(db, CB_T_VENUE_CLOSURE, &id, CB_F_CLOSURE_REASON, r);
	free(r);
	if ((rc = cb_write_finish(db, rc)) == CB_OK && out_id)
		*out_id = id;
	return rc;
}

cb_status
cb_venue_closure_remove(struct cb_db *db, const struct cb_id *closure)
{
	struct cb_stmt *st;
	cb_status rc;

	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	if ((rc = cb_db_prepare(db, SQL_CLOSURE_EXISTS, &st)) == CB_OK) {
		cb_stmt_bind_id(st, 1, closure);
		rc = cb_stmt_step(st);
		if (rc == CB_ROW) {
			cb_stmt_reset(st);
			rc = CB_OK;
		} else if (rc == CB_DONE) {
			rc = CB_NOT_FOUND;
		}
	}
	if (rc == CB_OK)
		rc = cb_write_int(db, CB_T_VENUE_CLOSURE, closure, CB_F_CLOSURE_DELETED, 1);
	return cb_write_finish(db, rc);
}

cb_status
cb_venue_closures(struct cb_db *db, const struct cb_id *venue, struct cb_closure_list *out)
{
	struct cb_stmt *st;
	size_t cap = 0;
	char hex[CB_ID_HEX_LEN + 1];
	cb_status rc = cb_db_prepare(db, venue ? SQL_CLOSURES_OF : SQL_CLOSURES_ALL, &st);

	out->items = NULL;
	out->count = 0;
	if (rc != CB_OK)
		return rc;
	if (venue) {
		cb_id_to_hex(venue, hex);
		cb_stmt_bind_text(st, 1, hex);
	}
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		struct cb_closure *c;
		if (!cb_grow(&out->items, &cap, out->count, sizeof *out->items, 8)) {
			rc = CB_NOMEM;
			break;
		}
		c = &out->items[out->count];
		memset(c, 0, sizeof *c);
		cb_stmt_id(st, 0, &c->id);
		if (cb_id_from_hex(cb_stmt_text(st, 1), &c->venue) != CB_OK)
			memset(&c->venue, 0, sizeof c->venue);
		cb_text_copy(c->from, sizeof c->from, cb_stmt_text(st, 3));
		cb_text_copy(c->to, sizeof c->to, cb_stmt_text(st, 4));
		c->venue_name = strdup(cb_stmt_text(st, 2));
		c->reason = strdup(cb_stmt_text(st, 5));
		out->count++;
		if (!c->venue_name || !c->reason) {
			rc = CB_NOMEM;
			break;
		}
	}
	if (rc == CB_DONE)
		return CB_OK;
	cb_stmt_reset(st);
	cb_closure_list_free(out);
	return rc;
}

void
cb_closure_list_free(struct cb_closure_list *l)
{
	for (size_t i = 0; i < l->count; i++) {
		free(l->items[i].venue_name);
		free(l->items[i].reason);
	}
	free(l->items);
	l->items = NULL;
	l->count = 0;
}
