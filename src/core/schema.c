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
	 "INSERT INTO venues(id, name) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET name = excluded.name"},
	{CB_T_VENUE, CB_F_VENUE_ADDRESS, "address", CB_V_TEXT, 0, CB_VENUE_TEXT_MAX,
	 "INSERT INTO venues(id, address) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET address = excluded.address"},
	{CB_T_VENUE, CB_F_VENUE_COMMUNE, "commune", CB_V_TEXT, 0, CB_VENUE_TEXT_MAX,
	 "INSERT INTO venues(id, commune) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET commune = excluded.commune"},
	{CB_T_VENUE, CB_F_VENUE_CAPACITY, "capacity", CB_V_INT, 0, CB_VENUE_CAPACITY_MAX,
	 "INSERT INTO venues(id, capacity) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET capacity = excluded.capacity"},
	{CB_T_VENUE, CB_F_VENUE_NOTES, "notes", CB_V_TEXT, 0, CB_VENUE_NOTES_MAX,
	 "INSERT INTO venues(id, notes) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET notes = excluded.notes"},
	{CB_T_VENUE, CB_F_VENUE_DELETED, "deleted", CB_V_INT, 0, 1,
	 "INSERT INTO venues(id, deleted) VALUES(?1, coalesce(?2, 0)) "
	 "ON CONFLICT(id) DO UPDATE SET deleted = excluded.deleted"},

	{CB_T_SERIES, CB_F_SERIES_FIRST, "first", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "INSERT INTO series(id, first_date) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET first_date = excluded.first_date"},
	{CB_T_SERIES, CB_F_SERIES_START, "start", CB_V_TEXT, CB_TIME_LEN, CB_TIME_LEN,
	 "INSERT INTO series(id, starts) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET starts = excluded.starts"},
	{CB_T_SERIES, CB_F_SERIES_END, "end", CB_V_TEXT, CB_TIME_LEN, CB_TIME_LEN,
	 "INSERT INTO series(id, ends) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET ends = excluded.ends"},
	{CB_T_SERIES, CB_F_SERIES_EVERY_WEEKS, "every_weeks", CB_V_INT, 1, 52,
	 "INSERT INTO series(id, every_weeks) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET every_weeks = excluded.every_weeks"},
	{CB_T_SERIES, CB_F_SERIES_VENUES, "venues", CB_V_TEXT, CB_ID_HEX_LEN,
	 CB_SERIES_VENUES_MAX * (CB_ID_HEX_LEN + 1) - 1,
	 "INSERT INTO series(id, venues) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET venues = excluded.venues"},
	{CB_T_SERIES, CB_F_SERIES_UNTIL, "until", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "INSERT INTO series(id, until_date) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET until_date = excluded.until_date"},
	{CB_T_SERIES, CB_F_SERIES_COUNT, "count", CB_V_INT, 1, CB_SERIES_SESSIONS_MAX,
	 "INSERT INTO series(id, count) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET count = excluded.count"},
	{CB_T_SERIES, CB_F_SERIES_HOLIDAYS, "holidays", CB_V_INT, 0, 3,
	 "INSERT INTO series(id, holiday_rule) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET holiday_rule = excluded.holiday_rule"},
	{CB_T_SERIES, CB_F_SERIES_DELETED, "deleted", CB_V_INT, 0, 1,
	 "INSERT INTO series(id, deleted) VALUES(?1, coalesce(?2, 0)) "
	 "ON CONFLICT(id) DO UPDATE SET deleted = excluded.deleted"},

	{CB_T_SESSION, CB_F_SESSION_SERIES, "series", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "INSERT INTO sessions(id, series) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET series = excluded.series"},
	{CB_T_SESSION, CB_F_SESSION_SLOT, "slot", CB_V_INT, 0, 100000,
	 "INSERT INTO sessions(id, slot) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET slot = excluded.slot"},
	{CB_T_SESSION, CB_F_SESSION_DATE, "date", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "INSERT INTO sessions(id, date) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET date = excluded.date"},
	{CB_T_SESSION, CB_F_SESSION_START, "start", CB_V_TEXT, CB_TIME_LEN, CB_TIME_LEN,
	 "INSERT INTO sessions(id, starts) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET starts = excluded.starts"},
	{CB_T_SESSION, CB_F_SESSION_END, "end", CB_V_TEXT, CB_TIME_LEN, CB_TIME_LEN,
	 "INSERT INTO sessions(id, ends) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET ends = excluded.ends"},
	{CB_T_SESSION, CB_F_SESSION_VENUE, "venue", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "INSERT INTO sessions(id, venue) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET venue = excluded.venue"},
	{CB_T_SESSION, CB_F_SESSION_STATUS, "status", CB_V_INT, 0, 2,
	 "INSERT INTO sessions(id, status) VALUES(?1, coalesce(?2, 0)) "
	 "ON CONFLICT(id) DO UPDATE SET status = excluded.status"},
	{CB_T_SESSION, CB_F_SESSION_REASON, "reason", CB_V_TEXT, 0, CB_SESSION_REASON_MAX,
	 "INSERT INTO sessions(id, reason) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET reason = excluded.reason"},
	{CB_T_SESSION, CB_F_SESSION_NOTES, "notes", CB_V_TEXT, 0, CB_SESSION_NOTES_MAX,
	 "INSERT INTO sessions(id, notes) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET notes = excluded.notes"},
	{CB_T_SESSION, CB_F_SESSION_EDITED, "edited", CB_V_INT, 0, 1,
	 "INSERT INTO sessions(id, edited) VALUES(?1, coalesce(?2, 0)) "
	 "ON CONFLICT(id) DO UPDATE SET edited = excluded.edited"},
	{CB_T_SESSION, CB_F_SESSION_DELETED, "deleted", CB_V_INT, 0, 1,
	 "INSERT INTO sessions(id, deleted) VALUES(?1, coalesce(?2, 0)) "
	 "ON CONFLICT(id) DO UPDATE SET deleted = excluded.deleted"},

	{CB_T_VENUE_CLOSURE, CB_F_CLOSURE_VENUE, "venue", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "INSERT INTO venue_closures(id, venue) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET venue = excluded.venue"},
	{CB_T_VENUE_CLOSURE, CB_F_CLOSURE_FROM, "from", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "INSERT INTO venue_closures(id, from_date) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET from_date = excluded.from_date"},
	{CB_T_VENUE_CLOSURE, CB_F_CLOSURE_TO, "to", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "INSERT INTO venue_closures(id, to_date) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET to_date = excluded.to_date"},
	{CB_T_VENUE_CLOSURE, CB_F_CLOSURE_REASON, "reason", CB_V_TEXT, 0, CB_CLOSURE_REASON_MAX,
	 "INSERT INTO venue_closures(id, reason) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET reason = excluded.reason"},
	{CB_T_VENUE_CLOSURE, CB_F_CLOSURE_DELETED, "deleted", CB_V_INT, 0, 1,
	 "INSERT INTO venue_closures(id, deleted) VALUES(?1, coalesce(?2, 0)) "
	 "ON CONFLICT(id) DO UPDATE SET deleted = excluded.deleted"},

	{CB_T_PERSON, CB_F_PERSON_NAME, "name", CB_V_TEXT, 1, CB_PERSON_NAME_MAX,
	 "INSERT INTO people(id, name) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET name = excluded.name"},
	{CB_T_PERSON, CB_F_PERSON_LEARNER, "learner", CB_V_INT, 0, 1,
	 "INSERT INTO people(id, learner) VALUES(?1, coalesce(?2, 0)) "
	 "ON CONFLICT(id) DO UPDATE SET learner = excluded.learner"},
	{CB_T_PERSON, CB_F_PERSON_MENTOR, "mentor", CB_V_INT, 0, 1,
	 "INSERT INTO people(id, mentor) VALUES(?1, coalesce(?2, 0)) "
	 "ON CONFLICT(id) DO UPDATE SET mentor = excluded.mentor"},
	{CB_T_PERSON, CB_F_PERSON_ORGANISER, "organiser", CB_V_INT, 0, 1,
	 "INSERT INTO people(id, organiser) VALUES(?1, coalesce(?2, 0)) "
	 "ON CONFLICT(id) DO UPDATE SET organiser = excluded.organiser"},
	{CB_T_PERSON, CB_F_PERSON_CATEGORY, "category", CB_V_TEXT, 1, CB_PERSON_CATEGORY_MAX,
	 "INSERT INTO people(id, category) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET category = excluded.category"},
	{CB_T_PERSON, CB_F_PERSON_BIRTH_YEAR, "birth_year", CB_V_INT, 1900, 9999,
	 "INSERT INTO people(id, birth_year) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET birth_year = excluded.birth_year"},
	{CB_T_PERSON, CB_F_PERSON_CONTACT, "contact", CB_V_TEXT, 1, CB_PERSON_CONTACT_MAX,
	 "INSERT INTO people(id, contact) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET contact = excluded.contact"},
	{CB_T_PERSON, CB_F_PERSON_LANGUAGES, "languages", CB_V_TEXT, 2, CB_PERSON_LANGS_MAX,
	 "INSERT INTO people(id, languages) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET languages = excluded.languages"},
	{CB_T_PERSON, CB_F_PERSON_NOTES, "notes", CB_V_TEXT, 1, CB_PERSON_NOTES_MAX,
	 "INSERT INTO people(id, notes) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET notes = excluded.notes"},
	{CB_T_PERSON, CB_F_PERSON_ATTESTATION, "attestation", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "INSERT INTO people(id, attestation) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET attestation = excluded.attestation"},
	{CB_T_PERSON, CB_F_PERSON_TRAINED_BY, "trained_by", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "INSERT INTO people(id, trained_by) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET trained_by = excluded.trained_by"},
	{CB_T_PERSON, CB_F_PERSON_PROMOTED_ON, "promoted_on", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "INSERT INTO people(id, promoted_on) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET promoted_on = excluded.promoted_on"},
	{CB_T_PERSON, CB_F_PERSON_ADDED_ON, "added_on", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "INSERT INTO people(id, added_on) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET added_on = excluded.added_on"},
	{CB_T_PERSON, CB_F_PERSON_DELETED, "deleted", CB_V_INT, 0, 1,
	 "INSERT INTO people(id, deleted) VALUES(?1, coalesce(?2, 0)) "
	 "ON CONFLICT(id) DO UPDATE SET deleted = excluded.deleted"},

	{CB_T_CONSENT, CB_F_CONSENT_PERSON, "person", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "INSERT INTO consents(id, person) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET person = excluded.person"},
	{CB_T_CONSENT, CB_F_CONSENT_PURPOSE, "purpose", CB_V_TEXT, 1, CB_CONSENT_PURPOSE_MAX,
	 "INSERT INTO consents(id, purpose) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET purpose = excluded.purpose"},
	{CB_T_CONSENT, CB_F_CONSENT_BY, "given_by", CB_V_INT, 1, 3,
	 "INSERT INTO consents(id, given_by) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET given_by = excluded.given_by"},
	{CB_T_CONSENT, CB_F_CONSENT_DATE, "date", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "INSERT INTO consents(id, date) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET date = excluded.date"},
	{CB_T_CONSENT, CB_F_CONSENT_WITHDRAWN, "withdrawn", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "INSERT INTO consents(id, withdrawn) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET withdrawn = excluded.withdrawn"},
	{CB_T_CONSENT, CB_F_CONSENT_DELETED, "deleted", CB_V_INT, 0, 1,
	 "INSERT INTO consents(id, deleted) VALUES(?1, coalesce(?2, 0)) "
	 "ON CONFLICT(id) DO UPDATE SET deleted = excluded.deleted"},

	{CB_T_ATTENDANCE, CB_F_ATT_PERSON, "person", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "INSERT INTO attendance(id, person) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET person = excluded.person"},
	{CB_T_ATTENDANCE, CB_F_ATT_SESSION, "session", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "INSERT INTO attendance(id, session) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET session = excluded.session"},
	{CB_T_ATTENDANCE, CB_F_ATT_ROLE, "role", CB_V_INT, 1, 3,
	 "INSERT INTO attendance(id, role) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET role = excluded.role"},
	{CB_T_ATTENDANCE, CB_F_ATT_CHECKIN, "checkin", CB_V_TEXT, CB_TIME_LEN, CB_TIME_LEN,
	 "INSERT INTO attendance(id, checkin) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET checkin = excluded.checkin"},
	{CB_T_ATTENDANCE, CB_F_ATT_CHECKOUT, "checkout", CB_V_TEXT, CB_TIME_LEN, CB_TIME_LEN,
	 "INSERT INTO attendance(id, checkout) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET checkout = excluded.checkout"},
	{CB_T_ATTENDANCE, CB_F_ATT_DELETED, "deleted", CB_V_INT, 0, 1,
	 "INSERT INTO attendance(id, deleted) VALUES(?1, coalesce(?2, 0)) "
	 "ON CONFLICT(id) DO UPDATE SET deleted = excluded.deleted"},

	{CB_T_PAIRING, CB_F_PAIRING_MENTOR, "mentor", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "INSERT INTO pairings(id, mentor) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET mentor = excluded.mentor"},
	{CB_T_PAIRING, CB_F_PAIRING_LEARNER, "learner", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "INSERT INTO pairings(id, learner) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET learner = excluded.learner"},
	{CB_T_PAIRING, CB_F_PAIRING_STATUS, "status", CB_V_INT, 0, 2,
	 "INSERT INTO pairings(id, status) VALUES(?1, coalesce(?2, 0)) "
	 "ON CONFLICT(id) DO UPDATE SET status = excluded.status"},
	{CB_T_PAIRING, CB_F_PAIRING_SINCE, "since", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "INSERT INTO pairings(id, since_date) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET since_date = excluded.since_date"},
	{CB_T_PAIRING, CB_F_PAIRING_SESSION, "session", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "INSERT INTO pairings(id, since_session) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET since_session = excluded.since_session"},

	{CB_T_PAIR_SESSION, CB_F_PS_PAIRING, "pairing", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "INSERT INTO pair_sessions(id, pairing) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET pairing = excluded.pairing"},
	{CB_T_PAIR_SESSION, CB_F_PS_SESSION, "session", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "INSERT INTO pair_sessions(id, session) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET session = excluded.session"},
	{CB_T_PAIR_SESSION, CB_F_PS_MENTOR, "mentor", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "INSERT INTO pair_sessions(id, mentor) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET mentor = excluded.mentor"},
	{CB_T_PAIR_SESSION, CB_F_PS_LEARNER, "learner", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "INSERT INTO pair_sessions(id, learner) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET learner = excluded.learner"},
	{CB_T_PAIR_SESSION, CB_F_PS_DELETED, "deleted", CB_V_INT, 0, 1,
	 "INSERT INTO pair_sessions(id, deleted) VALUES(?1, coalesce(?2, 0)) "
	 "ON CONFLICT(id) DO UPDATE SET deleted = excluded.deleted"},

	{CB_T_SKILL, CB_F_SKILL_PERSON, "person", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "INSERT INTO skill_signoffs(id, person) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET person = excluded.person"},
	{CB_T_SKILL, CB_F_SKILL_SKILL, "skill", CB_V_TEXT, 1, CB_SKILL_MAX,
	 "INSERT INTO skill_signoffs(id, skill) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET skill = excluded.skill"},
	{CB_T_SKILL, CB_F_SKILL_LEVEL, "level", CB_V_INT, 1, 4,
	 "INSERT INTO skill_signoffs(id, level) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET level = excluded.level"},
	{CB_T_SKILL, CB_F_SKILL_BY, "by", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "INSERT INTO skill_signoffs(id, by_person) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET by_person = excluded.by_person"},
	{CB_T_SKILL, CB_F_SKILL_SESSION, "session", CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN,
	 "INSERT INTO skill_signoffs(id, session) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET session = excluded.session"},
	{CB_T_SKILL, CB_F_SKILL_DATE, "date", CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN,
	 "INSERT INTO skill_signoffs(id, date) VALUES(?1, ?2) "
	 "ON CONFLICT(id) DO UPDATE SET date = excluded.date"},
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
