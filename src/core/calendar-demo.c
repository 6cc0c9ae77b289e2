/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The calendar's part of the demo data: one biweekly series over the
 * venues of the Tours metropolitan area, with the history a real workshop
 * leaves behind (held sessions, a few cancellations and moves) and one
 * venue closure ahead. Made through the same functions a volunteer uses. */
#include "config.h"

#include "cambouis/write.h"

#include <stdlib.h>
#include <string.h>

#include "calendar-private.h"
#include "cambouis/venue.h"

static const char *const rotation[] = {
	"Centre social de la Vallée Violette", "Oésia", "Résidence étudiante Grandmont",
	"Lycée professionnel, cour", "Maison de quartier", "Salle des fêtes", "Halle",
};

static const char *const reasons[] = {
	"Pluie et vent violent", "Salle indisponible", "Pas assez de bénévoles",
	"Grève des transports", "Alerte canicule",
};

/* Give the sessions the history of a real workshop. */
static cb_status
add_history(struct cb_db *db, const struct cb_id *venues, int32_t today, uint64_t *rng)
{
	struct cb_session_list l;
	char now[CB_DATE_LEN + 1];
	cb_status rc;

	cb_date_format(today, now);
	if ((rc = cb_sessions_between(db, NULL, NULL, &l)) != CB_OK)
		return rc;
	for (size_t i = 0; i < l.count && rc == CB_OK; i++) {
		const struct cb_session *s = &l.items[i];
		bool past = strcmp(s->date, now) < 0;
		unsigned r = (unsigned)(cb_write_rand(rng) % 100);
		int32_t day;

		if (r < 6) {
			rc = cb_session_cancel(db, &s->id, reasons[cb_write_rand(rng) % 5]);
			continue;
		}
		if (r < 9 && cb_date_parse(s->date, &day) == CB_OK) {
			/* moved to the next day, at the same place */
			char date[CB_DATE_LEN + 1];
			struct cb_session_change ch = {0};
			cb_date_format(day + 1, date);
			ch.date = date;
			rc = cb_session_move(db, &s->id, &ch);
		} else if (r < 12) {
			/* moved to another venue of the rotation */
			struct cb_session_change ch = {0};
			ch.venue = &venues[cb_write_rand(rng) % (sizeof rotation / sizeof rotation[0])];
			rc = cb_session_move(db, &s->id, &ch);
		} else if (r < 14) {
			struct cb_session_change ch = {.start = "18:00", .end = "20:30"};
			rc = cb_session_move(db, &s->id, &ch);
		}
		if (rc == CB_OK && past)
			rc = cb_session_held(db, &s->id);
	}
	cb_session_list_free(&l);
	return rc;
}

/* The halle is under repair for three weeks around its next session two
 * weeks or more ahead, so `cambouis conflicts` has something to show. */
static cb_status
close_one(struct cb_db *db, const struct cb_id *venue, int32_t today)
{
	struct cb_session_list l;
	char from[CB_DATE_LEN + 1], to[CB_DATE_LEN + 1];
	int32_t day;
	cb_status rc;

	cb_date_format(today + 14, from);
	if ((rc = cb_sessions_between(db, from, NULL, &l)) != CB_OK)
		return rc;
	for (size_t i = 0; i < l.count; i++) {
		if (cb_id_cmp(&l.items[i].venue, venue) != 0 ||
		    cb_date_parse(l.items[i].date, &day) != CB_OK)
			continue;
		cb_date_format(day - 5, from);
		cb_date_format(day + 15, to);
		rc = cb_venue_close(db, venue, from, to, "Travaux de toiture", NULL);
		break;
	}
	cb_session_list_free(&l);
	return rc;
}

cb_status
cb_calendar_demo_fill(struct cb_db *db, enum cb_demo_scale scale, uint64_t seed, int32_t today)
{
	struct cb_id venues[sizeof rotation / sizeof rotation[0]];
	struct cb_series_input in = {0};
	struct cb_holidays h = {true, NULL, 0};
	char first[CB_DATE_LEN + 1], until[CB_DATE_LEN + 1];
	uint64_t rng = seed ^ 0xCA1E4DA5ull;
	int64_t existing;
	int32_t start, end;
	cb_status rc;

	if ((rc = cb_db_query_int(db, "SELECT count(*) FROM series", &existing)) != CB_OK)
		return rc;
	if (existing)
		return CB_OK; /* filled already: the demo is not doubled */
	for (size_t i = 0; i < sizeof rotation / sizeof rotation[0]; i++)
		if ((rc = cb_venue_find(db, rotation[i], &venues[i])) != CB_OK)
			return rc;
	switch (scale) {
	case CB_DEMO_SMALL: start = today - 8 * 7; end = today + 16 * 7; break;
	case CB_DEMO_YEAR: start = today - 26 * 7; end = today + 26 * 7; break;
	case CB_DEMO_5Y:
	default: start = today - 4 * 365; end = today + 365; break;
	}
	/* the workshop meets on Wednesdays */
	while (cb_weekday(start) != 2)
		start++;
	cb_date_format(start, first);
	cb_date_format(end, until);
	in.first = first;
	in.start = "17:30";
	in.end = "20:00";
	in.every_weeks = 2;
	in.venues = venues;
	in.nvenues = sizeof rotation / sizeof rotation[0];
	in.until = until;
	in.rule = CB_HOLIDAY_SKIP;
	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	rc = cb_series_add(db, &h, &in, today, NULL, NULL, NULL);
	if (rc == CB_OK)
		rc = add_history(db, venues, today, &rng);
	if (rc == CB_OK)
		rc = close_one(db, &venues[6], today);
	return cb_write_finish(db, rc);
}
