/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cambouis/calendar.h"
#include "cambouis/people.h"
#include "cambouis/schema.h"
#include "cambouis/skills.h"
#include "cambouis/venue.h"

/* The fixed table of what an op may touch. Adding a field: add its code in
 * schema.h, a line here (its column, and whether a NULL value stores 0 in
 * a NOT NULL column), and a migration for the column. A table's fields
 * stay together: their order is their bit in a projection (project.c). */

static const struct cb_table_def tables[] = {
	{CB_T_VENUE, "venues",
	 "INSERT OR IGNORE INTO venues(id) VALUES(?1)",
	 "DELETE FROM venues",
	 "SELECT hex(id), name, address, commune, capacity, notes, deleted FROM venues ORDER BY id"},
	{CB_T_SERIES, "series",
	 "INSERT OR IGNORE INTO series(id) VALUES(?1)",
	 "DELETE FROM series",
	 "SELECT hex(id), first_date, starts, ends, every_weeks, venues, until_date, count,"
	 " holiday_rule, deleted FROM series ORDER BY id"},
	{CB_T_SESSION, "sessions",
	 "INSERT OR IGNORE INTO sessions(id) VALUES(?1)",
	 "DELETE FROM sessions",
	 "SELECT hex(id), series, slot, date, starts, ends, venue, status, reason, notes,"
	 " edited, deleted FROM sessions ORDER BY id"},
	{CB_T_VENUE_CLOSURE, "venue_closures",
	 "INSERT OR IGNORE INTO venue_closures(id) VALUES(?1)",
	 "DELETE FROM venue_closures",
	 "SELECT hex(id), venue, from_date, to_date, reason, deleted FROM venue_closures ORDER BY id"},
	{CB_T_PERSON, "people",
	 "INSERT OR IGNORE INTO people(id) VALUES(?1)",
	 "DELETE FROM people",
	 "SELECT hex(id), name, learner, mentor, organiser, category, birth_year, contact,"
	 " languages, notes, attestation, trained_by, promoted_on, added_on, deleted"
	 " FROM people ORDER BY id"},
	{CB_T_CONSENT, "consents",
	 "INSERT OR IGNORE INTO consents(id) VALUES(?1)",
	 "DELETE FROM consents",
	 "SELECT hex(id), person, purpose, given_by, date, withdrawn, deleted FROM consents ORDER BY id"},
	{CB_T_ATTENDANCE, "attendance",
	 "INSERT OR IGNORE INTO attendance(id) VALUES(?1)",
	 "DELETE FROM attendance",
	 "SELECT hex(id), person, session, role, checkin, checkout, deleted FROM attendance ORDER BY id"},
	{CB_T_PAIRING, "pairings",
	 "INSERT OR IGNORE INTO pairings(id) VALUES(?1)",
	 "DELETE FROM pairings",
	 "SELECT hex(id), mentor, learner, status, since_date, since_session FROM pairings ORDER BY id"},
	{CB_T_PAIR_SESSION, "pair_sessions",
	 "INSERT OR IGNORE INTO pair_sessions(id) VALUES(?1)",
	 "DELETE FROM pair_sessions",
	 "SELECT hex(id), pairing, session, mentor, learner, deleted FROM pair_sessions ORDER BY id"},
	{CB_T_SKILL, "skill_signoffs",
	 "INSERT OR IGNORE INTO skill_signoffs(id) VALUES(?1)",
	 "DELETE FROM skill_signoffs",
	 "SELECT hex(id), person, skill, level, by_person, session, date FROM skill_signoffs ORDER BY id"},
};

static const struct cb_field_def fields[] = {
	{CB_T_VENUE, CB_F_VENUE_NAME, "name", CB_V_TEXT, 1, CB_VENUE_NAME_MAX,
	 "name", false},
	{CB_T_VENUE, CB_F_VENUE_ADDRESS, "address", CB_V_TEXT, 0, CB_VENUE_TEXT_MAX,
	 "address", false},
	{CB_T_VENUE, CB_F_VENUE_COMMUNE, "commune", CB_V_TEXT, 0, CB_VENUE_TEXT_MAX,
	 "commune", false},
	{CB_T_VENUE, CB_F_VENUE_CAPACITY, "capacity", CB_V_INT, 0, CB_VENUE_CAPACITY_MAX,
	 "capacity", false},
	{CB_T_VENUE, CB_F_VENUE_NOTES, "notes", CB_V_TEXT, 0, CB_VENUE_NOTES_MAX,
	 "notes", false},
	{CB_T_VENUE, CB_F_VENUE_DELETED, "deleted", CB_V_INT, 0, 1,
	 "deleted", true},

	{CB_T_SERIES, CB_F_SERIES_FIRST, "first", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "first_date", false},
	{CB_T_SERIES, CB_F_SERIES_START, "start", CB_V_TEXT, CB_TIME_LEN, CB_TIME_LEN,
	 "starts", false},
	{CB_T_SERIES, CB_F_SERIES_END, "end", CB_V_TEXT, CB_TIME_LEN, CB_TIME_LEN,
	 "ends", false},
	{CB_T_SERIES, CB_F_SERIES_EVERY_WEEKS, "every_weeks", CB_V_INT, 1, 52,
	 "every_weeks", false},
	{CB_T_SERIES, CB_F_SERIES_VENUES, "venues", CB_V_TEXT, CB_ID_HEX_LEN,
	 CB_SERIES_VENUES_MAX * (CB_ID_HEX_LEN + 1) - 1,
	 "venues", false},
	{CB_T_SERIES, CB_F_SERIES_UNTIL, "until", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "until_date", false},
	{CB_T_SERIES, CB_F_SERIES_COUNT, "count", CB_V_INT, 1, CB_SERIES_SESSIONS_MAX,
	 "count", false},
	{CB_T_SERIES, CB_F_SERIES_HOLIDAYS, "holidays", CB_V_INT, 0, 3,
	 "holiday_rule", false},
	{CB_T_SERIES, CB_F_SERIES_DELETED, "deleted", CB_V_INT, 0, 1,
	 "deleted", true},

	{CB_T_SESSION, CB_F_SESSION_SERIES, "series", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "series", false},
	{CB_T_SESSION, CB_F_SESSION_SLOT, "slot", CB_V_INT, 0, 100000,
	 "slot", false},
	{CB_T_SESSION, CB_F_SESSION_DATE, "date", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "date", false},
	{CB_T_SESSION, CB_F_SESSION_START, "start", CB_V_TEXT, CB_TIME_LEN, CB_TIME_LEN,
	 "starts", false},
	{CB_T_SESSION, CB_F_SESSION_END, "end", CB_V_TEXT, CB_TIME_LEN, CB_TIME_LEN,
	 "ends", false},
	{CB_T_SESSION, CB_F_SESSION_VENUE, "venue", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "venue", false},
	{CB_T_SESSION, CB_F_SESSION_STATUS, "status", CB_V_INT, 0, 2,
	 "status", true},
	{CB_T_SESSION, CB_F_SESSION_REASON, "reason", CB_V_TEXT, 0, CB_SESSION_REASON_MAX,
	 "reason", false},
	{CB_T_SESSION, CB_F_SESSION_NOTES, "notes", CB_V_TEXT, 0, CB_SESSION_NOTES_MAX,
	 "notes", false},
	{CB_T_SESSION, CB_F_SESSION_EDITED, "edited", CB_V_INT, 0, 1,
	 "edited", true},
	{CB_T_SESSION, CB_F_SESSION_DELETED, "deleted", CB_V_INT, 0, 1,
	 "deleted", true},

	{CB_T_VENUE_CLOSURE, CB_F_CLOSURE_VENUE, "venue", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "venue", false},
	{CB_T_VENUE_CLOSURE, CB_F_CLOSURE_FROM, "from", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "from_date", false},
	{CB_T_VENUE_CLOSURE, CB_F_CLOSURE_TO, "to", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "to_date", false},
	{CB_T_VENUE_CLOSURE, CB_F_CLOSURE_REASON, "reason", CB_V_TEXT, 0, CB_CLOSURE_REASON_MAX,
	 "reason", false},
	{CB_T_VENUE_CLOSURE, CB_F_CLOSURE_DELETED, "deleted", CB_V_INT, 0, 1,
	 "deleted", true},

	{CB_T_PERSON, CB_F_PERSON_NAME, "name", CB_V_TEXT, 1, CB_PERSON_NAME_MAX,
	 "name", false},
	{CB_T_PERSON, CB_F_PERSON_LEARNER, "learner", CB_V_INT, 0, 1,
	 "learner", true},
	{CB_T_PERSON, CB_F_PERSON_MENTOR, "mentor", CB_V_INT, 0, 1,
	 "mentor", true},
	{CB_T_PERSON, CB_F_PERSON_ORGANISER, "organiser", CB_V_INT, 0, 1,
	 "organiser", true},
	{CB_T_PERSON, CB_F_PERSON_CATEGORY, "category", CB_V_TEXT, 1, CB_PERSON_CATEGORY_MAX,
	 "category", false},
	{CB_T_PERSON, CB_F_PERSON_BIRTH_YEAR, "birth_year", CB_V_INT, 1900, 9999,
	 "birth_year", false},
	{CB_T_PERSON, CB_F_PERSON_CONTACT, "contact", CB_V_TEXT, 1, CB_PERSON_CONTACT_MAX,
	 "contact", false},
	{CB_T_PERSON, CB_F_PERSON_LANGUAGES, "languages", CB_V_TEXT, 2, CB_PERSON_LANGS_MAX,
	 "languages", false},
	{CB_T_PERSON, CB_F_PERSON_NOTES, "notes", CB_V_TEXT, 1, CB_PERSON_NOTES_MAX,
	 "notes", false},
	{CB_T_PERSON, CB_F_PERSON_ATTESTATION, "attestation", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "attestation", false},
	{CB_T_PERSON, CB_F_PERSON_TRAINED_BY, "trained_by", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "trained_by", false},
	{CB_T_PERSON, CB_F_PERSON_PROMOTED_ON, "promoted_on", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "promoted_on", false},
	{CB_T_PERSON, CB_F_PERSON_ADDED_ON, "added_on", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "added_on", false},
	{CB_T_PERSON, CB_F_PERSON_DELETED, "deleted", CB_V_INT, 0, 1,
	 "deleted", true},

	{CB_T_CONSENT, CB_F_CONSENT_PERSON, "person", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "person", false},
	{CB_T_CONSENT, CB_F_CONSENT_PURPOSE, "purpose", CB_V_TEXT, 1, CB_CONSENT_PURPOSE_MAX,
	 "purpose", false},
	{CB_T_CONSENT, CB_F_CONSENT_BY, "given_by", CB_V_INT, 1, 3,
	 "given_by", false},
	{CB_T_CONSENT, CB_F_CONSENT_DATE, "date", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "date", false},
	{CB_T_CONSENT, CB_F_CONSENT_WITHDRAWN, "withdrawn", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "withdrawn", false},
	{CB_T_CONSENT, CB_F_CONSENT_DELETED, "deleted", CB_V_INT, 0, 1,
	 "deleted", true},

	{CB_T_ATTENDANCE, CB_F_ATT_PERSON, "person", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "person", false},
	{CB_T_ATTENDANCE, CB_F_ATT_SESSION, "session", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "session", false},
	{CB_T_ATTENDANCE, CB_F_ATT_ROLE, "role", CB_V_INT, 1, 3,
	 "role", false},
	{CB_T_ATTENDANCE, CB_F_ATT_CHECKIN, "checkin", CB_V_TEXT, CB_TIME_LEN, CB_TIME_LEN,
	 "checkin", false},
	{CB_T_ATTENDANCE, CB_F_ATT_CHECKOUT, "checkout", CB_V_TEXT, CB_TIME_LEN, CB_TIME_LEN,
	 "checkout", false},
	{CB_T_ATTENDANCE, CB_F_ATT_DELETED, "deleted", CB_V_INT, 0, 1,
	 "deleted", true},

	{CB_T_PAIRING, CB_F_PAIRING_MENTOR, "mentor", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "mentor", false},
	{CB_T_PAIRING, CB_F_PAIRING_LEARNER, "learner", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "learner", false},
	{CB_T_PAIRING, CB_F_PAIRING_STATUS, "status", CB_V_INT, 0, 2,
	 "status", true},
	{CB_T_PAIRING, CB_F_PAIRING_SINCE, "since", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "since_date", false},
	{CB_T_PAIRING, CB_F_PAIRING_SESSION, "session", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "since_session", false},

	{CB_T_PAIR_SESSION, CB_F_PS_PAIRING, "pairing", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "pairing", false},
	{CB_T_PAIR_SESSION, CB_F_PS_SESSION, "session", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "session", false},
	{CB_T_PAIR_SESSION, CB_F_PS_MENTOR, "mentor", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "mentor", false},
	{CB_T_PAIR_SESSION, CB_F_PS_LEARNER, "learner", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "learner", false},
	{CB_T_PAIR_SESSION, CB_F_PS_DELETED, "deleted", CB_V_INT, 0, 1,
	 "deleted", true},

	{CB_T_SKILL, CB_F_SKILL_PERSON, "person", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "person", false},
	{CB_T_SKILL, CB_F_SKILL_SKILL, "skill", CB_V_TEXT, 1, CB_SKILL_MAX,
	 "skill", false},
	{CB_T_SKILL, CB_F_SKILL_LEVEL, "level", CB_V_INT, 1, 4,
	 "level", false},
	{CB_T_SKILL, CB_F_SKILL_BY, "by", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "by_person", false},
	{CB_T_SKILL, CB_F_SKILL_SESSION, "session", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "session", false},
	{CB_T_SKILL, CB_F_SKILL_DATE, "date", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "date", false},
};

/* Codes are small numbers: every op asks for its field several times on
 * its way in, so the table is found by index, not by a search. */
#define CODES 64
static const struct cb_field_def *by_code[CODES][CODES];

const struct cb_field_def *
cb_schema_field(int table, int field)
{
	static bool indexed; /* the program has one thread */

	if (!indexed) {
		for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
			if (fields[i].table < CODES && fields[i].field < CODES)
				by_code[fields[i].table][fields[i].field] = &fields[i];
		indexed = true;
	}
	if (table < 0 || table >= CODES || field < 0 || field >= CODES)
		return NULL;
	return by_code[table][field];
}

const struct cb_field_def *
cb_schema_table_fields(int table, size_t *count)
{
	size_t first = 0, n = 0;

	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		if (fields[i].table != table)
			continue;
		if (n == 0)
			first = i;
		n++;
	}
	*count = n;
	return n ? &fields[first] : NULL;
}

const struct cb_table_def *
cb_schema_table(int table)
{
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
		if (tables[i].table == table)
			return &tables[i];
	return NULL;
}

const struct cb_table_def *
cb_schema_tables(size_t *count)
{
	*count = sizeof tables / sizeof tables[0];
	return tables;
}
