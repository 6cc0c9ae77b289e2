/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cambouis/calendar.h"
#include "cambouis/people.h"
#include "cambouis/schema.h"
#include "cambouis/skills.h"
#include "cambouis/venue.h"

/* The fixed table of what an op may touch. Adding a field: add its code in
 * schema.h, a line here, and a migration for the column. */

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
	 "UPDATE venues SET name = ?2 WHERE id = ?1"},
	{CB_T_VENUE, CB_F_VENUE_ADDRESS, "address", CB_V_TEXT, 0, CB_VENUE_TEXT_MAX,
	 "UPDATE venues SET address = ?2 WHERE id = ?1"},
	{CB_T_VENUE, CB_F_VENUE_COMMUNE, "commune", CB_V_TEXT, 0, CB_VENUE_TEXT_MAX,
	 "UPDATE venues SET commune = ?2 WHERE id = ?1"},
	{CB_T_VENUE, CB_F_VENUE_CAPACITY, "capacity", CB_V_INT, 0, CB_VENUE_CAPACITY_MAX,
	 "UPDATE venues SET capacity = ?2 WHERE id = ?1"},
	{CB_T_VENUE, CB_F_VENUE_NOTES, "notes", CB_V_TEXT, 0, CB_VENUE_NOTES_MAX,
	 "UPDATE venues SET notes = ?2 WHERE id = ?1"},
	{CB_T_VENUE, CB_F_VENUE_DELETED, "deleted", CB_V_INT, 0, 1,
	 "UPDATE venues SET deleted = coalesce(?2, 0) WHERE id = ?1"},

	{CB_T_SERIES, CB_F_SERIES_FIRST, "first", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "UPDATE series SET first_date = ?2 WHERE id = ?1"},
	{CB_T_SERIES, CB_F_SERIES_START, "start", CB_V_TEXT, CB_TIME_LEN, CB_TIME_LEN,
	 "UPDATE series SET starts = ?2 WHERE id = ?1"},
	{CB_T_SERIES, CB_F_SERIES_END, "end", CB_V_TEXT, CB_TIME_LEN, CB_TIME_LEN,
	 "UPDATE series SET ends = ?2 WHERE id = ?1"},
	{CB_T_SERIES, CB_F_SERIES_EVERY_WEEKS, "every_weeks", CB_V_INT, 1, 52,
	 "UPDATE series SET every_weeks = ?2 WHERE id = ?1"},
	{CB_T_SERIES, CB_F_SERIES_VENUES, "venues", CB_V_TEXT, CB_ID_HEX_LEN,
	 CB_SERIES_VENUES_MAX * (CB_ID_HEX_LEN + 1) - 1,
	 "UPDATE series SET venues = ?2 WHERE id = ?1"},
	{CB_T_SERIES, CB_F_SERIES_UNTIL, "until", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "UPDATE series SET until_date = ?2 WHERE id = ?1"},
	{CB_T_SERIES, CB_F_SERIES_COUNT, "count", CB_V_INT, 1, CB_SERIES_SESSIONS_MAX,
	 "UPDATE series SET count = ?2 WHERE id = ?1"},
	{CB_T_SERIES, CB_F_SERIES_HOLIDAYS, "holidays", CB_V_INT, 0, 3,
	 "UPDATE series SET holiday_rule = ?2 WHERE id = ?1"},
	{CB_T_SERIES, CB_F_SERIES_DELETED, "deleted", CB_V_INT, 0, 1,
	 "UPDATE series SET deleted = coalesce(?2, 0) WHERE id = ?1"},

	{CB_T_SESSION, CB_F_SESSION_SERIES, "series", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "UPDATE sessions SET series = ?2 WHERE id = ?1"},
	{CB_T_SESSION, CB_F_SESSION_SLOT, "slot", CB_V_INT, 0, 100000,
	 "UPDATE sessions SET slot = ?2 WHERE id = ?1"},
	{CB_T_SESSION, CB_F_SESSION_DATE, "date", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "UPDATE sessions SET date = ?2 WHERE id = ?1"},
	{CB_T_SESSION, CB_F_SESSION_START, "start", CB_V_TEXT, CB_TIME_LEN, CB_TIME_LEN,
	 "UPDATE sessions SET starts = ?2 WHERE id = ?1"},
	{CB_T_SESSION, CB_F_SESSION_END, "end", CB_V_TEXT, CB_TIME_LEN, CB_TIME_LEN,
	 "UPDATE sessions SET ends = ?2 WHERE id = ?1"},
	{CB_T_SESSION, CB_F_SESSION_VENUE, "venue", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "UPDATE sessions SET venue = ?2 WHERE id = ?1"},
	{CB_T_SESSION, CB_F_SESSION_STATUS, "status", CB_V_INT, 0, 2,
	 "UPDATE sessions SET status = coalesce(?2, 0) WHERE id = ?1"},
	{CB_T_SESSION, CB_F_SESSION_REASON, "reason", CB_V_TEXT, 0, CB_SESSION_REASON_MAX,
	 "UPDATE sessions SET reason = ?2 WHERE id = ?1"},
	{CB_T_SESSION, CB_F_SESSION_NOTES, "notes", CB_V_TEXT, 0, CB_SESSION_NOTES_MAX,
	 "UPDATE sessions SET notes = ?2 WHERE id = ?1"},
	{CB_T_SESSION, CB_F_SESSION_EDITED, "edited", CB_V_INT, 0, 1,
	 "UPDATE sessions SET edited = coalesce(?2, 0) WHERE id = ?1"},
	{CB_T_SESSION, CB_F_SESSION_DELETED, "deleted", CB_V_INT, 0, 1,
	 "UPDATE sessions SET deleted = coalesce(?2, 0) WHERE id = ?1"},

	{CB_T_VENUE_CLOSURE, CB_F_CLOSURE_VENUE, "venue", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "UPDATE venue_closures SET venue = ?2 WHERE id = ?1"},
	{CB_T_VENUE_CLOSURE, CB_F_CLOSURE_FROM, "from", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "UPDATE venue_closures SET from_date = ?2 WHERE id = ?1"},
	{CB_T_VENUE_CLOSURE, CB_F_CLOSURE_TO, "to", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "UPDATE venue_closures SET to_date = ?2 WHERE id = ?1"},
	{CB_T_VENUE_CLOSURE, CB_F_CLOSURE_REASON, "reason", CB_V_TEXT, 0, CB_CLOSURE_REASON_MAX,
	 "UPDATE venue_closures SET reason = ?2 WHERE id = ?1"},
	{CB_T_VENUE_CLOSURE, CB_F_CLOSURE_DELETED, "deleted", CB_V_INT, 0, 1,
	 "UPDATE venue_closures SET deleted = coalesce(?2, 0) WHERE id = ?1"},

	{CB_T_PERSON, CB_F_PERSON_NAME, "name", CB_V_TEXT, 1, CB_PERSON_NAME_MAX,
	 "UPDATE people SET name = ?2 WHERE id = ?1"},
	{CB_T_PERSON, CB_F_PERSON_LEARNER, "learner", CB_V_INT, 0, 1,
	 "UPDATE people SET learner = coalesce(?2, 0) WHERE id = ?1"},
	{CB_T_PERSON, CB_F_PERSON_MENTOR, "mentor", CB_V_INT, 0, 1,
	 "UPDATE people SET mentor = coalesce(?2, 0) WHERE id = ?1"},
	{CB_T_PERSON, CB_F_PERSON_ORGANISER, "organiser", CB_V_INT, 0, 1,
	 "UPDATE people SET organiser = coalesce(?2, 0) WHERE id = ?1"},
	{CB_T_PERSON, CB_F_PERSON_CATEGORY, "category", CB_V_TEXT, 1, CB_PERSON_CATEGORY_MAX,
	 "UPDATE people SET category = ?2 WHERE id = ?1"},
	{CB_T_PERSON, CB_F_PERSON_BIRTH_YEAR, "birth_year", CB_V_INT, 1900, 9999,
	 "UPDATE people SET birth_year = ?2 WHERE id = ?1"},
	{CB_T_PERSON, CB_F_PERSON_CONTACT, "contact", CB_V_TEXT, 1, CB_PERSON_CONTACT_MAX,
	 "UPDATE people SET contact = ?2 WHERE id = ?1"},
	{CB_T_PERSON, CB_F_PERSON_LANGUAGES, "languages", CB_V_TEXT, 2, CB_PERSON_LANGS_MAX,
	 "UPDATE people SET languages = ?2 WHERE id = ?1"},
	{CB_T_PERSON, CB_F_PERSON_NOTES, "notes", CB_V_TEXT, 1, CB_PERSON_NOTES_MAX,
	 "UPDATE people SET notes = ?2 WHERE id = ?1"},
	{CB_T_PERSON, CB_F_PERSON_ATTESTATION, "attestation", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "UPDATE people SET attestation = ?2 WHERE id = ?1"},
	{CB_T_PERSON, CB_F_PERSON_TRAINED_BY, "trained_by", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "UPDATE people SET trained_by = ?2 WHERE id = ?1"},
	{CB_T_PERSON, CB_F_PERSON_PROMOTED_ON, "promoted_on", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "UPDATE people SET promoted_on = ?2 WHERE id = ?1"},
	{CB_T_PERSON, CB_F_PERSON_ADDED_ON, "added_on", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "UPDATE people SET added_on = ?2 WHERE id = ?1"},
	{CB_T_PERSON, CB_F_PERSON_DELETED, "deleted", CB_V_INT, 0, 1,
	 "UPDATE people SET deleted = coalesce(?2, 0) WHERE id = ?1"},

	{CB_T_CONSENT, CB_F_CONSENT_PERSON, "person", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "UPDATE consents SET person = ?2 WHERE id = ?1"},
	{CB_T_CONSENT, CB_F_CONSENT_PURPOSE, "purpose", CB_V_TEXT, 1, CB_CONSENT_PURPOSE_MAX,
	 "UPDATE consents SET purpose = ?2 WHERE id = ?1"},
	{CB_T_CONSENT, CB_F_CONSENT_BY, "given_by", CB_V_INT, 1, 3,
	 "UPDATE consents SET given_by = ?2 WHERE id = ?1"},
	{CB_T_CONSENT, CB_F_CONSENT_DATE, "date", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "UPDATE consents SET date = ?2 WHERE id = ?1"},
	{CB_T_CONSENT, CB_F_CONSENT_WITHDRAWN, "withdrawn", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "UPDATE consents SET withdrawn = ?2 WHERE id = ?1"},
	{CB_T_CONSENT, CB_F_CONSENT_DELETED, "deleted", CB_V_INT, 0, 1,
	 "UPDATE consents SET deleted = coalesce(?2, 0) WHERE id = ?1"},

	{CB_T_ATTENDANCE, CB_F_ATT_PERSON, "person", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "UPDATE attendance SET person = ?2 WHERE id = ?1"},
	{CB_T_ATTENDANCE, CB_F_ATT_SESSION, "session", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "UPDATE attendance SET session = ?2 WHERE id = ?1"},
	{CB_T_ATTENDANCE, CB_F_ATT_ROLE, "role", CB_V_INT, 1, 3,
	 "UPDATE attendance SET role = ?2 WHERE id = ?1"},
	{CB_T_ATTENDANCE, CB_F_ATT_CHECKIN, "checkin", CB_V_TEXT, CB_TIME_LEN, CB_TIME_LEN,
	 "UPDATE attendance SET checkin = ?2 WHERE id = ?1"},
	{CB_T_ATTENDANCE, CB_F_ATT_CHECKOUT, "checkout", CB_V_TEXT, CB_TIME_LEN, CB_TIME_LEN,
	 "UPDATE attendance SET checkout = ?2 WHERE id = ?1"},
	{CB_T_ATTENDANCE, CB_F_ATT_DELETED, "deleted", CB_V_INT, 0, 1,
	 "UPDATE attendance SET deleted = coalesce(?2, 0) WHERE id = ?1"},

	{CB_T_PAIRING, CB_F_PAIRING_MENTOR, "mentor", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "UPDATE pairings SET mentor = ?2 WHERE id = ?1"},
	{CB_T_PAIRING, CB_F_PAIRING_LEARNER, "learner", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "UPDATE pairings SET learner = ?2 WHERE id = ?1"},
	{CB_T_PAIRING, CB_F_PAIRING_STATUS, "status", CB_V_INT, 0, 2,
	 "UPDATE pairings SET status = coalesce(?2, 0) WHERE id = ?1"},
	{CB_T_PAIRING, CB_F_PAIRING_SINCE, "since", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "UPDATE pairings SET since_date = ?2 WHERE id = ?1"},
	{CB_T_PAIRING, CB_F_PAIRING_SESSION, "session", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "UPDATE pairings SET since_session = ?2 WHERE id = ?1"},

	{CB_T_PAIR_SESSION, CB_F_PS_PAIRING, "pairing", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "UPDATE pair_sessions SET pairing = ?2 WHERE id = ?1"},
	{CB_T_PAIR_SESSION, CB_F_PS_SESSION, "session", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "UPDATE pair_sessions SET session = ?2 WHERE id = ?1"},
	{CB_T_PAIR_SESSION, CB_F_PS_MENTOR, "mentor", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "UPDATE pair_sessions SET mentor = ?2 WHERE id = ?1"},
	{CB_T_PAIR_SESSION, CB_F_PS_LEARNER, "learner", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "UPDATE pair_sessions SET learner = ?2 WHERE id = ?1"},
	{CB_T_PAIR_SESSION, CB_F_PS_DELETED, "deleted", CB_V_INT, 0, 1,
	 "UPDATE pair_sessions SET deleted = coalesce(?2, 0) WHERE id = ?1"},

	{CB_T_SKILL, CB_F_SKILL_PERSON, "person", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "UPDATE skill_signoffs SET person = ?2 WHERE id = ?1"},
	{CB_T_SKILL, CB_F_SKILL_SKILL, "skill", CB_V_TEXT, 1, CB_SKILL_MAX,
	 "UPDATE skill_signoffs SET skill = ?2 WHERE id = ?1"},
	{CB_T_SKILL, CB_F_SKILL_LEVEL, "level", CB_V_INT, 1, 4,
	 "UPDATE skill_signoffs SET level = ?2 WHERE id = ?1"},
	{CB_T_SKILL, CB_F_SKILL_BY, "by", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "UPDATE skill_signoffs SET by_person = ?2 WHERE id = ?1"},
	{CB_T_SKILL, CB_F_SKILL_SESSION, "session", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "UPDATE skill_signoffs SET session = ?2 WHERE id = ?1"},
	{CB_T_SKILL, CB_F_SKILL_DATE, "date", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "UPDATE skill_signoffs SET date = ?2 WHERE id = ?1"},
};

const struct cb_field_def *
cb_schema_field(int table, int field)
{
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (fields[i].table == table && fields[i].field == field)
			return &fields[i];
	return NULL;
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
