/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_CALENDAR_PRIVATE_H
#define CAMBOUIS_CALENDAR_PRIVATE_H

/* Shared by the calendar's files (calendar.c, calendar-session.c,
 * calendar-view.c, ical.c) only. */

#include "cambouis/calendar.h"
#include "cambouis/oplog.h"
#include "cambouis/write.h"

/* Every session query selects these columns, in this order, so one reader
 * fills a struct cb_session. Venues are joined on the hex id the session
 * holds (an expression index on venues makes it a lookup). */
#define CAL_SESSION_SELECT \
	"SELECT s.id, s.series, s.slot, s.date, s.starts, s.ends, s.venue, s.status," \
	" s.edited, s.reason, s.notes, v.name, v.address, v.commune" \
	" FROM sessions s LEFT JOIN venues v ON lower(hex(v.id)) = s.venue"

/* Fill out from a row of CAL_SESSION_SELECT (allocates its strings). */
cb_status cal_session_read(struct cb_stmt *st, struct cb_session *out);

/* Run a session query with up to two text parameters into a list. */
cb_status cal_session_query(struct cb_db *db, const char *sql, const char *p1, const char *p2,
			    struct cb_session_list *out);

/* The session's iCalendar SEQUENCE (ops on it after the first write of each
 * field) and the clock of its last change. */
cb_status cal_session_history(struct cb_db *db, const struct cb_id *id, int *sequence,
			      int64_t *modified_ms);

/* Is the venue (hex id) closed on date? *reason (may be NULL) gets a
 * malloc'ed copy of the closure's reason. */
cb_status cal_venue_closed(struct cb_db *db, const char *venue_hex, const char *date,
			   bool *closed, char **reason);

#endif
