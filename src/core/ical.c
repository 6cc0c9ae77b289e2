/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar-private.h"
#include "cambouis/buf.h"
#include "cambouis/i18n.h"
#include "cambouis/ical.h"

#define FOLD_OCTETS 75

/* Append one content line, folded, with its CRLF. */
static void
put_line(struct cb_buf *b, const char *line)
{
	size_t n = strlen(line), at = 0, room = FOLD_OCTETS;

	while (n - at > room) {
		size_t cut = at + room;
		/* never split a UTF-8 sequence: back up to a lead byte */
		while (cut > at + 1 && ((unsigned char)line[cut] & 0xC0) == 0x80)
			cut--;
		/* and keep an escape ("\,") on one line, for lenient readers */
		if (cut > at + 1 && line[cut - 1] == '\\')
			cut--;
		cb_buf_addn(b, line + at, cut - at);
		cb_buf_addn(b, "\r\n ", 3);
		at = cut;
		room = FOLD_OCTETS - 1; /* the leading space counts */
	}
	cb_buf_addn(b, line + at, n - at);
	cb_buf_addn(b, "\r\n", 2);
}

static void put_fmt(struct cb_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
put_fmt(struct cb_buf *b, const char *fmt, ...)
{
	char *line = NULL;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&line, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->oom = true;
		return;
	}
	put_line(b, line);
	free(line);
}

cb_status
cb_ical_fold(const char *line, char **out)
{
	struct cb_buf b = {0};

	put_line(&b, line);
	if (b.oom) {
		free(b.s);
		return CB_NOMEM;
	}
	*out = b.s;
	return CB_OK;
}

char *
cb_ical_escape(const char *s)
{
	struct cb_buf b = {0};

	cb_buf_addn(&b, "", 0);
	for (; *s; s++) {
		switch (*s) {
		case '\\': cb_buf_addn(&b, "\\\\", 2); break;
		case ';': cb_buf_addn(&b, "\\;", 2); break;
		case ',': cb_buf_addn(&b, "\\,", 2); break;
		case '\n': cb_buf_addn(&b, "\\n", 2); break;
		case '\r': break;
		default: cb_buf_addn(&b, s, 1);
		}
	}
	if (b.oom) {
		free(b.s);
		return NULL;
	}
	return b.s;
}

/* "YYYYMMDDTHHMMSSZ" of epoch ms, by day numbers (no time zone involved). */
static void
utc_stamp(int64_t ms, char out[17])
{
	int64_t secs = ms / 1000;
	int32_t days = (int32_t)(secs / 86400);
	int rem = (int)(secs % 86400), y, m, d;

	if (rem < 0) {
		rem += 86400;
		days--;
	}
	cb_civil_from_days(days, &y, &m, &d);
	/* the unsigned casts and % tell the compiler each field's width */
	snprintf(out, 17, "%04u%02u%02uT%02u%02u%02uZ", (unsigned)y % 10000, (unsigned)m % 100,
		 (unsigned)d % 100, (unsigned)rem / 3600 % 100, (unsigned)rem / 60 % 60,
		 (unsigned)rem % 60);
}

/* "YYYYMMDDTHHMM00" of a stored date and time. */
static void
local_stamp(const char *date, const char *time, char out[16])
{
	memcpy(out, date, 4);
	memcpy(out + 4, date + 5, 2);
	memcpy(out + 6, date + 8, 2);
	out[8] = 'T';
	memcpy(out + 9, time, 2);
	memcpy(out + 11, time + 3, 2);
	memcpy(out + 13, "00", 3);
}

static const char *const vtimezone[] = {
	"BEGIN:VTIMEZONE",
	"TZID:Europe/Paris",
	"BEGIN:DAYLIGHT",
	"TZOFFSETFROM:+0100",
	"TZOFFSETTO:+0200",
	"TZNAME:CEST",
	"DTSTART:19810329T020000",
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
	"END:DAYLIGHT",
	"BEGIN:STANDARD",
	"TZOFFSETFROM:+0200",
	"TZOFFSETTO:+0100",
	"TZNAME:CET",
	"DTSTART:19961027T030000",
	"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
	"END:STANDARD",
	"END:VTIMEZONE",
};

static cb_status
put_event(struct cb_db *db, struct cb_buf *b, const char *name, const struct cb_session *s)
{
	char hex[CB_ID_HEX_LEN + 1], stamp[17], start[16], end[16];
	char *summary, *location, *place;
	int sequence = 0;
	int64_t modified = 0;
	cb_status rc;

	if (!cb_date_valid(s->date) || strlen(s->start) != CB_TIME_LEN || strlen(s->end) != CB_TIME_LEN)
		return CB_OK; /* a half-synced row: nothing sound to say yet */
	if ((rc = cal_session_history(db, &s->id, &sequence, &modified)) != CB_OK)
		return rc;
	cb_id_to_hex(&s->id, hex);
	utc_stamp(modified, stamp);
	local_stamp(s->date, s->start, start);
	local_stamp(s->date, s->end, end);
	if (asprintf(&place, "%s%s%s%s%s", s->venue_name,
		     *s->venue_address ? ", " : "", s->venue_address,
		     *s->venue_commune ? ", " : "", s->venue_commune) < 0)
		return CB_NOMEM;
	location = cb_ical_escape(place);
	free(place);
	if (*s->venue_name) {
		if (asprintf(&place, "%s – %s", name, s->venue_name) < 0)
			place = NULL;
	} else {
		place = strdup(name);
	}
	if (place && s->status == CB_SESSION_CANCELLED) {
		/* calendar apps such as calcurse ignore STATUS:CANCELLED: the
		 * title says it too */
		char *was = place;
		/* TRANSLATORS: the title of a cancelled session in calendar apps */
		if (asprintf(&place, _("Cancelled — %s"), was) < 0)
			place = NULL;
		free(was);
	}
	summary = place ? cb_ical_escape(place) : NULL;
	free(place);
	if (!location || !summary) {
		free(location);
		free(summary);
		return CB_NOMEM;
	}
	put_line(b, "BEGIN:VEVENT");
	put_fmt(b, "UID:%s@cambouis", hex);
	put_fmt(b, "DTSTAMP:%s", stamp);
	put_fmt(b, "LAST-MODIFIED:%s", stamp);
	put_fmt(b, "SEQUENCE:%d", sequence);
	put_fmt(b, "DTSTART;TZID=Europe/Paris:%s", start);
	put_fmt(b, "DTEND;TZID=Europe/Paris:%s", end);
	put_fmt(b, "SUMMARY:%s", summary);
	if (*location)
		put_fmt(b, "LOCATION:%s", location);
	put_fmt(b, "STATUS:%s", s->status == CB_SESSION_CANCELLED ? "CANCELLED" : "CONFIRMED");
	put_line(b, "END:VEVENT");
	free(location);
	free(summary);
	return CB_OK;
}

cb_status
cb_ical_export(struct cb_db *db, const char *name, char **out, size_t *len)
{
	struct cb_session_list l;
	struct cb_buf b = {0};
	char *cal_name = cb_ical_escape(name);
	cb_status rc;

	*out = NULL;
	*len = 0;
	if (!cal_name)
		return CB_NOMEM;
	if ((rc = cb_sessions_between(db, NULL, NULL, &l)) != CB_OK) {
		free(cal_name);
		return rc;
	}
	put_line(&b, "BEGIN:VCALENDAR");
	put_line(&b, "VERSION:2.0");
	put_fmt(&b, "PRODID:-//cambouis//cambouis %s//EN", PACKAGE_VERSION);
	put_line(&b, "CALSCALE:GREGORIAN");
	put_fmt(&b, "X-WR-CALNAME:%s", cal_name);
	put_line(&b, "X-WR-TIMEZONE:Europe/Paris");
	for (size_t i = 0; i < sizeof vtimezone / sizeof vtimezone[0]; i++)
		put_line(&b, vtimezone[i]);
	for (size_t i = 0; i < l.count && rc == CB_OK; i++)
		rc = put_event(db, &b, name, &l.items[i]);
	put_line(&b, "END:VCALENDAR");
	cb_session_list_free(&l);
	free(cal_name);
	if (rc == CB_OK && b.oom)
		rc = CB_NOMEM;
	if (rc != CB_OK) {
		free(b.s);
		return rc;
	}
	*out = b.s;
	*len = b.len;
	return CB_OK;
}
