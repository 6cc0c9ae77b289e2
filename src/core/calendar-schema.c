/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The calendar's schema: series, sessions and venue closures. */
#include "config.h"

#include <stdlib.h>

#include "cambouis/calendar.h"
#include "cambouis/i18n.h"
#include "schema-private.h"

static char *
describe_session(struct cb_db *db, const struct cb_id *row)
{
	struct cb_session x;
	char *s;

	if (cb_session_get(db, row, &x) != CB_OK)
		return NULL;
	if (*x.venue_name)
		s = cb_schema_printf(_("Session of %s at %s"), x.date, x.venue_name);
	else
		s = cb_schema_printf(_("Session of %s"), x.date);
	cb_session_clear(&x);
	return s;
}

static char *
describe_series(struct cb_db *db, const struct cb_id *row)
{
	struct cb_series x;
	char *s;

	if (cb_series_get(db, row, &x) != CB_OK)
		return NULL;
	s = cb_schema_printf(_("Series from %s"), x.first);
	cb_series_clear(&x);
	return s;
}

static char *
describe_closure(struct cb_db *db, const struct cb_id *row)
{
	struct cb_closure_list l;
	char *s = NULL;

	if (cb_venue_closures(db, NULL, &l) != CB_OK)
		return NULL;
	for (size_t i = 0; i < l.count && !s; i++)
		if (cb_id_cmp(&l.items[i].id, row) == 0)
			s = cb_schema_printf(_("Closure of %s from %s"), l.items[i].venue_name,
					     l.items[i].from);
	cb_closure_list_free(&l);
	return s;
}

static const char *const session_status[] = {N_("planned"), N_("held"), N_("cancelled")};
static const char *const holiday_rules[] = {N_("skip"), N_("before"), N_("after"), N_("ignore")};

static const struct cb_table_def tables[] = {
	{CB_T_SERIES, "series", N_("Series"), CB_RECORD, CB_F_SERIES_DELETED,
	 NULL, describe_series, NULL, NULL, NULL},
	{CB_T_SESSION, "sessions", N_("Session"), CB_RECORD, CB_F_SESSION_DELETED,
	 NULL, describe_session, NULL, NULL, NULL},
	{CB_T_VENUE_CLOSURE, "venue_closures", N_("Unavailability"), CB_RECORD,
	 CB_F_CLOSURE_DELETED, NULL, describe_closure, NULL, NULL, NULL},
};

#define DATE CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN
#define TIME CB_V_TEXT, CB_TIME_LEN, CB_TIME_LEN
#define ID CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN

static const struct cb_field_def fields[] = {
	{CB_T_SERIES, CB_F_SERIES_FIRST, "first", DATE,
	 "first_date", false, N_("First date"), CB_M_DATE, 0, 0, NULL},
	{CB_T_SERIES, CB_F_SERIES_START, "start", TIME,
	 "starts", false, N_("Start time"), CB_M_TIME, 0, 0, NULL},
	{CB_T_SERIES, CB_F_SERIES_END, "end", TIME,
	 "ends", false, N_("End time"), CB_M_TIME, 0, 0, NULL},
	{CB_T_SERIES, CB_F_SERIES_EVERY_WEEKS, "every_weeks", CB_V_INT, 1, 52,
	 "every_weeks", false, N_("Every N weeks"), CB_M_NUMBER, 0, 0, NULL},
	{CB_T_SERIES, CB_F_SERIES_VENUES, "venues", CB_V_TEXT, CB_ID_HEX_LEN,
	 CB_SERIES_VENUES_MAX * (CB_ID_HEX_LEN + 1) - 1,
	 "venues", false, N_("Venues"), CB_M_REFS, CB_T_VENUE, 0, NULL},
	{CB_T_SERIES, CB_F_SERIES_UNTIL, "until", DATE,
	 "until_date", false, N_("Until"), CB_M_DATE, 0, 0, NULL},
	{CB_T_SERIES, CB_F_SERIES_COUNT, "count", CB_V_INT, 1, CB_SERIES_SESSIONS_MAX,
	 "count", false, N_("Number of sessions"), CB_M_NUMBER, 0, 0, NULL},
	{CB_T_SERIES, CB_F_SERIES_HOLIDAYS, "holidays", CB_V_INT, 0, 3,
	 "holiday_rule", false, N_("On holidays"), CB_M_CODE, 0, 0, holiday_rules},
	{CB_T_SERIES, CB_F_SERIES_DELETED, "deleted", CB_V_INT, 0, 1,
	 "deleted", true, N_("Deleted"), CB_M_FLAG, 0, 0, NULL},

	{CB_T_SESSION, CB_F_SESSION_SERIES, "series", ID,
	 "series", false, N_("Series"), CB_M_REF, CB_T_SERIES, 0, NULL},
	{CB_T_SESSION, CB_F_SESSION_SLOT, "slot", CB_V_INT, 0, 100000,
	 "slot", false, N_("Place in the series"), CB_M_NUMBER, 0, 0, NULL},
	{CB_T_SESSION, CB_F_SESSION_DATE, "date", DATE,
	 "date", false, N_("Date"), CB_M_DATE, 0, 0, NULL},
	{CB_T_SESSION, CB_F_SESSION_START, "start", TIME,
	 "starts", false, N_("Start time"), CB_M_TIME, 0, 0, NULL},
	{CB_T_SESSION, CB_F_SESSION_END, "end", TIME,
	 "ends", false, N_("End time"), CB_M_TIME, 0, 0, NULL},
	{CB_T_SESSION, CB_F_SESSION_VENUE, "venue", ID,
	 "venue", false, N_("Venue"), CB_M_REF, CB_T_VENUE, 0, NULL},
	{CB_T_SESSION, CB_F_SESSION_STATUS, "status", CB_V_INT, 0, 2,
	 "status", true, N_("Status"), CB_M_CODE, 0, 0, session_status},
	{CB_T_SESSION, CB_F_SESSION_REASON, "reason", CB_V_TEXT, 0, CB_SESSION_REASON_MAX,
	 "reason", false, N_("Reason"), CB_M_LINE, 0, 0, NULL},
	{CB_T_SESSION, CB_F_SESSION_NOTES, "notes", CB_V_TEXT, 0, CB_SESSION_NOTES_MAX,
	 "notes", false, N_("Notes"), CB_M_TEXT, 0, 0, NULL},
	{CB_T_SESSION, CB_F_SESSION_EDITED, "edited", CB_V_INT, 0, 1,
	 "edited", true, N_("Changed by hand"), CB_M_FLAG, 0, 0, NULL},
	{CB_T_SESSION, CB_F_SESSION_DELETED, "deleted", CB_V_INT, 0, 1,
	 "deleted", true, N_("Deleted"), CB_M_FLAG, 0, 0, NULL},

	{CB_T_VENUE_CLOSURE, CB_F_CLOSURE_VENUE, "venue", ID,
	 "venue", false, N_("Venue"), CB_M_REF, CB_T_VENUE, 0, NULL},
	{CB_T_VENUE_CLOSURE, CB_F_CLOSURE_FROM, "from", DATE,
	 "from_date", false, N_("From"), CB_M_DATE, 0, 0, NULL},
	{CB_T_VENUE_CLOSURE, CB_F_CLOSURE_TO, "to", DATE,
	 "to_date", false, N_("To"), CB_M_DATE, 0, 0, NULL},
	{CB_T_VENUE_CLOSURE, CB_F_CLOSURE_REASON, "reason", CB_V_TEXT, 0, CB_CLOSURE_REASON_MAX,
	 "reason", false, N_("Reason"), CB_M_LINE, 0, 0, NULL},
	{CB_T_VENUE_CLOSURE, CB_F_CLOSURE_DELETED, "deleted", CB_V_INT, 0, 1,
	 "deleted", true, N_("Deleted"), CB_M_FLAG, 0, 0, NULL},
};

static const struct cb_migration migrations[] = {
	/* 3: the calendar: series, sessions (each a row of its own), closures.
	 * Ids of other rows are kept as lower-case hex, as the ops carry them. */
	{3,
	 "CREATE TABLE series("
	 "  id BLOB PRIMARY KEY CHECK(length(id) = 16),"
	 "  first_date TEXT, starts TEXT, ends TEXT, every_weeks INTEGER, venues TEXT,"
	 "  until_date TEXT, count INTEGER, holiday_rule INTEGER,"
	 "  deleted INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
	 "CREATE TABLE sessions("
	 "  id BLOB PRIMARY KEY CHECK(length(id) = 16),"
	 "  series TEXT, slot INTEGER, date TEXT, starts TEXT, ends TEXT, venue TEXT,"
	 "  status INTEGER NOT NULL DEFAULT 0, reason TEXT, notes TEXT,"
	 "  edited INTEGER NOT NULL DEFAULT 0,"
	 "  deleted INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
	 "CREATE INDEX sessions_date ON sessions(date, starts);"
	 "CREATE INDEX sessions_series ON sessions(series, slot);"
	 "CREATE TABLE venue_closures("
	 "  id BLOB PRIMARY KEY CHECK(length(id) = 16),"
	 "  venue TEXT, from_date TEXT, to_date TEXT, reason TEXT,"
	 "  deleted INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
	 "CREATE INDEX venues_hexid ON venues(lower(hex(id)));"},
};

const struct cb_schema_module cb_calendar_schema = {
	"calendar", tables, CB_COUNT(tables), fields, CB_COUNT(fields),
	migrations, CB_COUNT(migrations),
};
