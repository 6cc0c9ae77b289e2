/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the screens and the command line ask of the calendar as plain
 * lists: conflicts, and the marks of a month grid. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "calendar-private.h"
#include "cambouis/i18n.h"

const char *
cb_conflict_kind_name(enum cb_conflict_kind k)
{
	switch (k) {
	case CB_CONFLICT_SAME_DAY: return "same-day";
	case CB_CONFLICT_CLOSED: return "venue-closed";
	case CB_CONFLICT_HOLIDAY: return "holiday";
	case CB_CONFLICT_SCHOOL: return "school-holidays";
	}
	return "?";
}

/* Append a conflict; takes a copy of the session's strings and of detail. */
static cb_status
add_conflict(struct cb_conflict_list *l, size_t *cap, enum cb_conflict_kind kind,
	     const struct cb_session *s, const char *detail)
{
	struct cb_conflict *c;

	if (l->count == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;
		struct cb_conflict *p = realloc(l->items, ncap * sizeof *p);
		if (!p)
			return CB_NOMEM;
		l->items = p;
		*cap = ncap;
	}
	c = &l->items[l->count];
	c->kind = kind;
	c->session = *s;
	c->session.reason = strdup(s->reason);
	c->session.notes = strdup(s->notes);
	c->session.venue_name = strdup(s->venue_name);
	c->session.venue_address = strdup(s->venue_address);
	c->session.venue_commune = strdup(s->venue_commune);
	c->detail = strdup(detail ? detail : "");
	l->count++;
	if (!c->session.reason || !c->session.notes || !c->session.venue_name ||
	    !c->session.venue_address || !c->session.venue_commune || !c->detail)
		return CB_NOMEM;
	return CB_OK;
}

cb_status
cb_calendar_conflicts(struct cb_db *db, const struct cb_holidays *h, const char *from,
		      const char *to, struct cb_conflict_list *out)
{
	struct cb_session_list l;
	size_t cap = 0;
	cb_status rc;

	out->items = NULL;
	out->count = 0;
	if ((rc = cb_sessions_between(db, from, to, &l)) != CB_OK)
		return rc;
	for (size_t i = 0; i < l.count && rc == CB_OK; i++) {
		const struct cb_session *s = &l.items[i];
		char hex[CB_ID_HEX_LEN + 1], *reason = NULL;
		const char *name = NULL;
		int32_t day;
		bool closed = false;

		if (s->status == CB_SESSION_CANCELLED)
			continue;
		/* the list is by date: same-day sessions are neighbours */
		for (size_t k = i; k-- > 0 && strcmp(l.items[k].date, s->date) == 0 && rc == CB_OK;)
			if (l.items[k].status != CB_SESSION_CANCELLED)
				rc = add_conflict(out, &cap, CB_CONFLICT_SAME_DAY, s, l.items[k].venue_name);
		for (size_t k = i + 1; k < l.count && strcmp(l.items[k].date, s->date) == 0 && rc == CB_OK; k++)
			if (l.items[k].status != CB_SESSION_CANCELLED)
				rc = add_conflict(out, &cap, CB_CONFLICT_SAME_DAY, s, l.items[k].venue_name);
		if (rc != CB_OK)
			break;
		if (!cb_id_is_zero(&s->venue)) {
			cb_id_to_hex(&s->venue, hex);
			if ((rc = cal_venue_closed(db, hex, s->date, &closed, &reason)) != CB_OK)
				break;
			if (closed)
				rc = add_conflict(out, &cap, CB_CONFLICT_CLOSED, s, reason);
			free(reason);
			if (rc != CB_OK)
				break;
		}
		if (cb_date_parse(s->date, &day) == CB_OK) {
			enum cb_holiday_kind kind = cb_holiday_on(h, day, &name);
			if (kind == CB_HOLIDAY_PUBLIC)
				rc = add_conflict(out, &cap, CB_CONFLICT_HOLIDAY, s, _(name));
			else if (kind == CB_HOLIDAY_SCHOOL)
				rc = add_conflict(out, &cap, CB_CONFLICT_SCHOOL, s, name);
		}
	}
	cb_session_list_free(&l);
	if (rc != CB_OK)
		cb_conflict_list_free(out);
	return rc;
}

void
cb_conflict_list_free(struct cb_conflict_list *l)
{
	for (size_t i = 0; i < l->count; i++) {
		cb_session_clear(&l->items[i].session);
		free(l->items[i].detail);
	}
	free(l->items);
	l->items = NULL;
	l->count = 0;
}

cb_status
cb_calendar_month(struct cb_db *db, const struct cb_holidays *h, int y, int m, int32_t today,
		  unsigned marks[31])
{
	struct cb_session_list l;
	struct cb_conflict_list cl;
	char from[CB_DATE_LEN + 1], to[CB_DATE_LEN + 1];
	int32_t first;
	int ndays = cb_month_days(y, m);
	cb_status rc;

	memset(marks, 0, 31 * sizeof *marks);
	if (ndays == 0)
		return CB_INVALID;
	first = cb_days_from_civil(y, m, 1);
	cb_date_format(first, from);
	cb_date_format(first + ndays - 1, to);
	for (int d = 0; d < ndays; d++) {
		enum cb_holiday_kind k = cb_holiday_on(h, first + d, NULL);
		if (k == CB_HOLIDAY_PUBLIC)
			marks[d] |= CB_MARK_PUBLIC;
		else if (k == CB_HOLIDAY_SCHOOL)
			marks[d] |= CB_MARK_SCHOOL;
		if (first + d == today)
			marks[d] |= CB_MARK_TODAY;
	}
	if ((rc = cb_sessions_between(db, from, to, &l)) != CB_OK)
		return rc;
	for (size_t i = 0; i < l.count; i++) {
		int32_t day;
		if (cb_date_parse(l.items[i].date, &day) != CB_OK || day < first || day >= first + ndays)
			continue;
		if (l.items[i].status == CB_SESSION_CANCELLED)
			marks[day - first] |= CB_MARK_CANCELLED;
		else
			marks[day - first] |= CB_MARK_SESSION;
		if (l.items[i].status == CB_SESSION_HELD)
			marks[day - first] |= CB_MARK_HELD;
	}
	cb_session_list_free(&l);
	if ((rc = cb_calendar_conflicts(db, h, from, to, &cl)) != CB_OK)
		return rc;
	for (size_t i = 0; i < cl.count; i++) {
		int32_t day;
		if (cb_date_parse(cl.items[i].session.date, &day) == CB_OK && day >= first &&
		    day < first + ndays)
			marks[day - first] |= CB_MARK_CONFLICT;
	}
	cb_conflict_list_free(&cl);
	return CB_OK;
}
