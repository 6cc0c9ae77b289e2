/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The people module's schema: people, consents, attendance, pairings,
 * who worked with whom at a session, skill sign-offs. The personal fields
 * and the references that make a row a person's are flagged here:
 * `forget` (privacy.c) reaches what these flags say. */
#include "config.h"

#include "cambouis/i18n.h"
#include "cambouis/people.h"
#include "cambouis/skills.h"
#include "schema-private.h"

static const char *const roles[] = {"", N_("learner"), N_("mentor"), N_("organiser")};
static const char *const given_by[] = {"", N_("the person"), N_("the guardian"),
				       N_("person and guardian")};
static const char *const pair_status[] = {N_("active"), N_("paused"), N_("ended")};
static const char *const levels[] = {"", N_("seen"), N_("done with help"), N_("done alone"),
				     N_("can teach")};

static const struct cb_table_def tables[] = {
	{CB_T_PERSON, "people", N_("Person"), CB_RECORD, CB_F_PERSON_DELETED,
	 "SELECT name FROM people WHERE id = ?1", NULL, NULL, NULL, NULL},
	{CB_T_CONSENT, "consents", N_("Consent"), CB_RECORD, CB_F_CONSENT_DELETED,
	 NULL, NULL, NULL, NULL, NULL},
	{CB_T_ATTENDANCE, "attendance", N_("Attendance"), CB_RECORD, CB_F_ATT_DELETED,
	 NULL, NULL, NULL, NULL, NULL},
	{CB_T_PAIRING, "pairings", N_("Pairing"), CB_RECORD, 0,
	 NULL, NULL, NULL, NULL, NULL},
	{CB_T_PAIR_SESSION, "pair_sessions", N_("Pairing at a session"), CB_RECORD, CB_F_PS_DELETED,
	 NULL, NULL, NULL, NULL, NULL},
	{CB_T_SKILL, "skill_signoffs", N_("Skill sign-off"), CB_LEDGER, 0,
	 NULL, NULL, NULL, NULL, NULL},
};

#define DATE CB_V_TEXT, CB_DATE_LEN, CB_DATE_LEN
#define TIME CB_V_TEXT, CB_TIME_LEN, CB_TIME_LEN
#define ID CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN
#define P CB_FIELD_PERSONAL
#define OWNER CB_M_REF, CB_T_PERSON, CB_FIELD_OWNER

static const struct cb_field_def fields[] = {
	{CB_T_PERSON, CB_F_PERSON_NAME, "name", CB_V_TEXT, 1, CB_PERSON_NAME_MAX,
	 "name", false, N_("Name"), CB_M_LINE, 0, P, NULL},
	{CB_T_PERSON, CB_F_PERSON_LEARNER, "learner", CB_V_INT, 0, 1,
	 "learner", true, N_("Learner"), CB_M_FLAG, 0, 0, NULL},
	{CB_T_PERSON, CB_F_PERSON_MENTOR, "mentor", CB_V_INT, 0, 1,
	 "mentor", true, N_("Mentor"), CB_M_FLAG, 0, 0, NULL},
	{CB_T_PERSON, CB_F_PERSON_ORGANISER, "organiser", CB_V_INT, 0, 1,
	 "organiser", true, N_("Organiser"), CB_M_FLAG, 0, 0, NULL},
	{CB_T_PERSON, CB_F_PERSON_CATEGORY, "category", CB_V_TEXT, 1, CB_PERSON_CATEGORY_MAX,
	 "category", false, N_("Category"), CB_M_KEY, 0, P, NULL},
	{CB_T_PERSON, CB_F_PERSON_BIRTH_YEAR, "birth_year", CB_V_INT, 1900, 2199,
	 "birth_year", false, N_("Birth year"), CB_M_YEAR, 0, P, NULL},
	{CB_T_PERSON, CB_F_PERSON_CONTACT, "contact", CB_V_TEXT, 1, CB_PERSON_CONTACT_MAX,
	 "contact", false, N_("Contact"), CB_M_LINE, 0, P, NULL},
	{CB_T_PERSON, CB_F_PERSON_LANGUAGES, "languages", CB_V_TEXT, 2, CB_PERSON_LANGS_MAX,
	 "languages", false, N_("Languages"), CB_M_LANGS, 0, P, NULL},
	{CB_T_PERSON, CB_F_PERSON_NOTES, "notes", CB_V_TEXT, 1, CB_PERSON_NOTES_MAX,
	 "notes", false, N_("Notes"), CB_M_TEXT, 0, P, NULL},
	{CB_T_PERSON, CB_F_PERSON_ATTESTATION, "attestation", DATE,
	 "attestation", false, N_("Attestation"), CB_M_DATE, 0, P, NULL},
	{CB_T_PERSON, CB_F_PERSON_TRAINED_BY, "trained_by", ID,
	 "trained_by", false, N_("Trained by"), CB_M_REF, CB_T_PERSON, 0, NULL},
	{CB_T_PERSON, CB_F_PERSON_PROMOTED_ON, "promoted_on", DATE,
	 "promoted_on", false, N_("Promoted on"), CB_M_DATE, 0, 0, NULL},
	{CB_T_PERSON, CB_F_PERSON_ADDED_ON, "added_on", DATE,
	 "added_on", false, N_("Added on"), CB_M_DATE, 0, 0, NULL},
	{CB_T_PERSON, CB_F_PERSON_DELETED, "deleted", CB_V_INT, 0, 1,
	 "deleted", true, N_("Deleted"), CB_M_FLAG, 0, 0, NULL},

	{CB_T_CONSENT, CB_F_CONSENT_PERSON, "person", ID,
	 "person", false, N_("Person"), OWNER, NULL},
	{CB_T_CONSENT, CB_F_CONSENT_PURPOSE, "purpose", CB_V_TEXT, 1, CB_CONSENT_PURPOSE_MAX,
	 "purpose", false, N_("Purpose"), CB_M_KEY, 0, 0, NULL},
	{CB_T_CONSENT, CB_F_CONSENT_BY, "given_by", CB_V_INT, 1, 3,
	 "given_by", false, N_("Given by"), CB_M_CODE, 0, 0, given_by},
	{CB_T_CONSENT, CB_F_CONSENT_DATE, "date", DATE,
	 "date", false, N_("Date"), CB_M_DATE, 0, 0, NULL},
	{CB_T_CONSENT, CB_F_CONSENT_WITHDRAWN, "withdrawn", DATE,
	 "withdrawn", false, N_("Withdrawn on"), CB_M_DATE, 0, 0, NULL},
	{CB_T_CONSENT, CB_F_CONSENT_DELETED, "deleted", CB_V_INT, 0, 1,
	 "deleted", true, N_("Deleted"), CB_M_FLAG, 0, 0, NULL},

	{CB_T_ATTENDANCE, CB_F_ATT_PERSON, "person", ID,
	 "person", false, N_("Person"), OWNER, NULL},
	{CB_T_ATTENDANCE, CB_F_ATT_SESSION, "session", ID,
	 "session", false, N_("Session"), CB_M_REF, CB_T_SESSION, 0, NULL},
	{CB_T_ATTENDANCE, CB_F_ATT_ROLE, "role", CB_V_INT, 1, 3,
	 "role", false, N_("Role"), CB_M_CODE, 0, 0, roles},
	{CB_T_ATTENDANCE, CB_F_ATT_CHECKIN, "checkin", TIME,
	 "checkin", false, N_("Arrived at"), CB_M_TIME, 0, 0, NULL},
	{CB_T_ATTENDANCE, CB_F_ATT_CHECKOUT, "checkout", TIME,
	 "checkout", false, N_("Left at"), CB_M_TIME, 0, 0, NULL},
	{CB_T_ATTENDANCE, CB_F_ATT_DELETED, "deleted", CB_V_INT, 0, 1,
	 "deleted", true, N_("Deleted"), CB_M_FLAG, 0, 0, NULL},

	{CB_T_PAIRING, CB_F_PAIRING_MENTOR, "mentor", ID,
	 "mentor", false, N_("Mentor"), OWNER, NULL},
	{CB_T_PAIRING, CB_F_PAIRING_LEARNER, "learner", ID,
	 "learner", false, N_("Learner"), OWNER, NULL},
	{CB_T_PAIRING, CB_F_PAIRING_STATUS, "status", CB_V_INT, 0, 2,
	 "status", true, N_("Status"), CB_M_CODE, 0, 0, pair_status},
	{CB_T_PAIRING, CB_F_PAIRING_SINCE, "since", DATE,
	 "since_date", false, N_("Since"), CB_M_DATE, 0, 0, NULL},
	{CB_T_PAIRING, CB_F_PAIRING_SESSION, "session", ID,
	 "since_session", false, N_("First session"), CB_M_REF, CB_T_SESSION, 0, NULL},

	{CB_T_PAIR_SESSION, CB_F_PS_PAIRING, "pairing", ID,
	 "pairing", false, N_("Pairing"), CB_M_REF, CB_T_PAIRING, 0, NULL},
	{CB_T_PAIR_SESSION, CB_F_PS_SESSION, "session", ID,
	 "session", false, N_("Session"), CB_M_REF, CB_T_SESSION, 0, NULL},
	{CB_T_PAIR_SESSION, CB_F_PS_MENTOR, "mentor", ID,
	 "mentor", false, N_("Mentor"), OWNER, NULL},
	{CB_T_PAIR_SESSION, CB_F_PS_LEARNER, "learner", ID,
	 "learner", false, N_("Learner"), OWNER, NULL},
	{CB_T_PAIR_SESSION, CB_F_PS_DELETED, "deleted", CB_V_INT, 0, 1,
	 "deleted", true, N_("Deleted"), CB_M_FLAG, 0, 0, NULL},

	{CB_T_SKILL, CB_F_SKILL_PERSON, "person", ID,
	 "person", false, N_("Person"), OWNER, NULL},
	{CB_T_SKILL, CB_F_SKILL_SKILL, "skill", CB_V_TEXT, 1, CB_SKILL_MAX,
	 "skill", false, N_("Skill"), CB_M_KEY, 0, 0, NULL},
	{CB_T_SKILL, CB_F_SKILL_LEVEL, "level", CB_V_INT, 1, 4,
	 "level", false, N_("Level"), CB_M_CODE, 0, 0, levels},
	{CB_T_SKILL, CB_F_SKILL_BY, "by", ID,
	 "by_person", false, N_("Signed off by"), CB_M_REF, CB_T_PERSON, 0, NULL},
	{CB_T_SKILL, CB_F_SKILL_SESSION, "session", ID,
	 "session", false, N_("Session"), CB_M_REF, CB_T_SESSION, 0, NULL},
	{CB_T_SKILL, CB_F_SKILL_DATE, "date", DATE,
	 "date", false, N_("Date"), CB_M_DATE, 0, 0, NULL},
};

static const struct cb_migration migrations[] = {
	/* 6: people, consents, attendance, pairings, skill sign-offs. Ids of
	 * other rows are kept as lower-case hex, as the ops carry them. */
	{6,
	 "CREATE TABLE people("
	 "  id BLOB PRIMARY KEY CHECK(length(id) = 16),"
	 "  name TEXT, learner INTEGER NOT NULL DEFAULT 0, mentor INTEGER NOT NULL DEFAULT 0,"
	 "  organiser INTEGER NOT NULL DEFAULT 0, category TEXT, birth_year INTEGER,"
	 "  contact TEXT, languages TEXT, notes TEXT, attestation TEXT, trained_by TEXT,"
	 "  promoted_on TEXT, added_on TEXT,"
	 "  deleted INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
	 "CREATE INDEX people_name ON people(name COLLATE NOCASE);"
	 "CREATE INDEX people_hexid ON people(lower(hex(id)));"
	 "CREATE INDEX people_trained_by ON people(trained_by);"
	 "CREATE TABLE consents("
	 "  id BLOB PRIMARY KEY CHECK(length(id) = 16),"
	 "  person TEXT, purpose TEXT, given_by INTEGER, date TEXT, withdrawn TEXT,"
	 "  deleted INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
	 "CREATE INDEX consents_person ON consents(person);"
	 "CREATE TABLE attendance("
	 "  id BLOB PRIMARY KEY CHECK(length(id) = 16),"
	 "  person TEXT, session TEXT, role INTEGER, checkin TEXT, checkout TEXT,"
	 "  deleted INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
	 "CREATE INDEX attendance_session ON attendance(session);"
	 "CREATE INDEX attendance_person ON attendance(person);"
	 "CREATE TABLE pairings("
	 "  id BLOB PRIMARY KEY CHECK(length(id) = 16),"
	 "  mentor TEXT, learner TEXT, status INTEGER NOT NULL DEFAULT 0,"
	 "  since_date TEXT, since_session TEXT) WITHOUT ROWID;"
	 "CREATE INDEX pairings_mentor ON pairings(mentor);"
	 "CREATE INDEX pairings_learner ON pairings(learner);"
	 "CREATE TABLE pair_sessions("
	 "  id BLOB PRIMARY KEY CHECK(length(id) = 16),"
	 "  pairing TEXT, session TEXT, mentor TEXT, learner TEXT,"
	 "  deleted INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
	 "CREATE INDEX pair_sessions_session ON pair_sessions(session);"
	 "CREATE INDEX pair_sessions_pairing ON pair_sessions(pairing);"
	 "CREATE TABLE skill_signoffs("
	 "  id BLOB PRIMARY KEY CHECK(length(id) = 16),"
	 "  person TEXT, skill TEXT, level INTEGER, by_person TEXT, session TEXT,"
	 "  date TEXT) WITHOUT ROWID;"
	 "CREATE INDEX skill_signoffs_person ON skill_signoffs(person, skill);"
	 "CREATE INDEX IF NOT EXISTS sessions_hexid ON sessions(lower(hex(id)));"},

	/* 8: a mentor's load at a session, answered from the index alone
	 * (rows of a WITHOUT ROWID table cost a second search each) */
	{8,
	 "CREATE INDEX pair_sessions_load ON pair_sessions(session, mentor, deleted);"},

	/* 9: who is here with which role, and a person's skill levels in
	 * order, read from covering indexes (no second search per row) */
	{9,
	 "CREATE INDEX attendance_here ON attendance(session, role, deleted, checkout, person);"
	 "CREATE INDEX skill_signoffs_levels ON skill_signoffs(person, skill, date, level);"},
};

const struct cb_schema_module cb_people_schema = {
	"people", tables, CB_COUNT(tables), fields, CB_COUNT(fields),
	migrations, CB_COUNT(migrations),
};
