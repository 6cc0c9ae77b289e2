/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_ICAL_H
#define CAMBOUIS_ICAL_H

#include <stddef.h>
#include "cambouis/db.h"

/*
 * iCalendar (RFC 5545) export of the sessions: one VEVENT per live
 * session, times in Europe/Paris with its VTIMEZONE, CRLF line endings,
 * lines folded at 75 octets without cutting a UTF-8 character. The UID
 * comes from the session id, so it never changes across exports; SEQUENCE
 * counts the session's changes since it was made and DTSTAMP is the time
 * of its last change, so exporting twice gives the same bytes. No personal
 * data: no notes, no people, only dates, venues and status.
 */

/* The whole calendar into *out (malloc'ed, NUL-terminated; *len bytes
 * without the NUL). name titles the calendar and each event. */
cb_status cb_ical_export(struct cb_db *db, const char *name, char **out, size_t *len);

/* One content line ("NAME;PARAMS:value", no CRLF) folded and ended with
 * CRLF into *out (malloc'ed, NUL-terminated). */
cb_status cb_ical_fold(const char *line, char **out);

/* A TEXT value with \ ; , and newlines escaped (malloc'ed). */
char *cb_ical_escape(const char *s);

#endif
