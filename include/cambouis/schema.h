/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_SCHEMA_H
#define CAMBOUIS_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The codes that ops carry on the wire: which materialised table, which
 * field. Codes are part of the bundle format: never renumber, only add.
 * Each (table, field) pair maps to one entry of a fixed C table in
 * src/core/schema.c that holds its type, its size limit and the prepared
 * SQL that projects it, so no SQL is ever built from data.
 */
enum cb_table_code {
	CB_T_VENUE = 1,
	/* the calendar (10..19) */
	CB_T_SERIES = 10,
	CB_T_SESSION = 11,
	CB_T_VENUE_CLOSURE = 12,
	/* people, attendance, pairings, skills (20..29) */
	CB_T_PERSON = 20,
	CB_T_CONSENT = 21,
	CB_T_ATTENDANCE = 22,
	CB_T_PAIRING = 23,
	CB_T_PAIR_SESSION = 24,
	CB_T_SKILL = 25,
};

enum cb_venue_field {
	CB_F_VENUE_NAME = 1,
	CB_F_VENUE_ADDRESS = 2,
	CB_F_VENUE_COMMUNE = 3,
	CB_F_VENUE_CAPACITY = 4,
	CB_F_VENUE_NOTES = 5,
	CB_F_VENUE_DELETED = 6,
};

/* Ids of other rows travel as 32 lower-case hex digits. */
enum cb_series_field {
	CB_F_SERIES_FIRST = 1,       /* "YYYY-MM-DD" */
	CB_F_SERIES_START = 2,       /* "HH:MM" */
	CB_F_SERIES_END = 3,
	CB_F_SERIES_EVERY_WEEKS = 4,
	CB_F_SERIES_VENUES = 5,      /* venue ids, comma-separated, in rotation order */
	CB_F_SERIES_UNTIL = 6,       /* "YYYY-MM-DD" or NULL */
	CB_F_SERIES_COUNT = 7,       /* or NULL */
	CB_F_SERIES_HOLIDAYS = 8,    /* enum cb_holiday_rule */
	CB_F_SERIES_DELETED = 9,
};

enum cb_session_field {
	CB_F_SESSION_SERIES = 1,     /* series id, NULL for a one-off */
	CB_F_SESSION_SLOT = 2,
	CB_F_SESSION_DATE = 3,
	CB_F_SESSION_START = 4,
	CB_F_SESSION_END = 5,
	CB_F_SESSION_VENUE = 6,      /* venue id */
	CB_F_SESSION_STATUS = 7,     /* enum cb_session_status */
	CB_F_SESSION_REASON = 8,
	CB_F_SESSION_NOTES = 9,
	CB_F_SESSION_EDITED = 10,    /* 1: changed one by one */
	CB_F_SESSION_DELETED = 11,
};

enum cb_closure_field {
	CB_F_CLOSURE_VENUE = 1,      /* venue id */
	CB_F_CLOSURE_FROM = 2,
	CB_F_CLOSURE_TO = 3,         /* NULL: until further notice */
	CB_F_CLOSURE_REASON = 4,
	CB_F_CLOSURE_DELETED = 5,
};

/* People: ids of other rows as 32 lower-case hex digits, dates
 * "YYYY-MM-DD", times "HH:MM". */
enum cb_person_field {
	CB_F_PERSON_NAME = 1,
	CB_F_PERSON_LEARNER = 2,     /* 0/1: one field per role, so roles merge */
	CB_F_PERSON_MENTOR = 3,
	CB_F_PERSON_ORGANISER = 4,
	CB_F_PERSON_CATEGORY = 5,    /* a category key */
	CB_F_PERSON_BIRTH_YEAR = 6,  /* the year only, never a date */
	CB_F_PERSON_CONTACT = 7,     /* only with consent to be contacted */
	CB_F_PERSON_LANGUAGES = 8,   /* "fr,en" */
	CB_F_PERSON_NOTES = 9,
	CB_F_PERSON_ATTESTATION = 10, /* date of the honorability attestation */
	CB_F_PERSON_TRAINED_BY = 11, /* person id: who trained them (promotion) */
	CB_F_PERSON_PROMOTED_ON = 12,
	CB_F_PERSON_ADDED_ON = 13,
	CB_F_PERSON_DELETED = 14,
};

enum cb_consent_field {
	CB_F_CONSENT_PERSON = 1,
	CB_F_CONSENT_PURPOSE = 2,
	CB_F_CONSENT_BY = 3,         /* enum cb_consent_by */
	CB_F_CONSENT_DATE = 4,
	CB_F_CONSENT_WITHDRAWN = 5,  /* date, NULL while in force */
	CB_F_CONSENT_DELETED = 6,
};

/* Row id derived from (person, session). */
enum cb_attendance_field {
	CB_F_ATT_PERSON = 1,
	CB_F_ATT_SESSION = 2,
	CB_F_ATT_ROLE = 3,           /* enum cb_role */
	CB_F_ATT_CHECKIN = 4,
	CB_F_ATT_CHECKOUT = 5,
	CB_F_ATT_DELETED = 6,
};

/* Row id derived from (mentor, learner). */
enum cb_pairing_field {
	CB_F_PAIRING_MENTOR = 1,
	CB_F_PAIRING_LEARNER = 2,
	CB_F_PAIRING_STATUS = 3,     /* enum cb_pair_status */
	CB_F_PAIRING_SINCE = 4,      /* date */
	CB_F_PAIRING_SESSION = 5,    /* the session it started at */
};

/* Row id derived from (pairing, session): who worked with whom that day. */
enum cb_pair_session_field {
	CB_F_PS_PAIRING = 1,
	CB_F_PS_SESSION = 2,
	CB_F_PS_MENTOR = 3,
	CB_F_PS_LEARNER = 4,
	CB_F_PS_DELETED = 5,
};

/* A ledger: fresh ids, each field set once. */
enum cb_skill_field {
	CB_F_SKILL_PERSON = 1,
	CB_F_SKILL_SKILL = 2,        /* a skill key */
	CB_F_SKILL_LEVEL = 3,        /* enum cb_level */
	CB_F_SKILL_BY = 4,           /* the mentor's id */
	CB_F_SKILL_SESSION = 5,
	CB_F_SKILL_DATE = 6,
};

enum cb_vtype {
	CB_V_NULL = 0,
	CB_V_INT = 1,
	CB_V_TEXT = 2,
};

/* A field value: a NULL, an integer or a UTF-8 text (not owned). */
struct cb_value {
	enum cb_vtype type;
	long long i;
	const char *s;
};

struct cb_field_def {
	int table;
	int field;
	const char *name;       /* for messages and the field history */
	enum cb_vtype type;     /* CB_V_INT or CB_V_TEXT; NULL is always allowed */
	long long min, max;     /* integer range, or text length in bytes */
	const char *column;     /* in the table's materialised table */
	bool null_is_zero;      /* a NOT NULL column: a NULL value stores 0 */
};

struct cb_table_def {
	int table;
	const char *name;
	const char *create_row_sql; /* ?1 = row id; INSERT OR IGNORE */
	const char *clear_sql;      /* empties the materialised table */
	const char *dump_sql;       /* every row in primary-key order */
};

/* The definition of (table, field), or NULL when unknown. */
const struct cb_field_def *cb_schema_field(int table, int field);
const struct cb_table_def *cb_schema_table(int table);

/* The fields of table, together in the schema (NULL, 0 when unknown); a
 * table has at most CB_SCHEMA_TABLE_FIELDS_MAX. */
#define CB_SCHEMA_TABLE_FIELDS_MAX 32
const struct cb_field_def *cb_schema_table_fields(int table, size_t *count);

/* All materialised tables, for rebuild and dumps. */
const struct cb_table_def *cb_schema_tables(size_t *count);

#endif
