/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_SCHEMA_H
#define CAMBOUIS_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>
#include "cambouis/status.h"

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
	/* the parts inventory (30..39) */
	CB_T_PART = 30,
	CB_T_LOCATION = 31,
	CB_T_MOVE = 32,
	CB_T_COUNT = 33,
	CB_T_MOVE_PERSON = 34,
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

/* Parts: a record each. */
enum cb_part_field {
	CB_F_PART_NAME = 1,
	CB_F_PART_CATEGORY = 2,      /* a category key */
	CB_F_PART_UNIT = 3,          /* enum cb_part_unit */
	CB_F_PART_CONDITION = 4,     /* enum cb_part_condition */
	CB_F_PART_NOTE = 5,          /* compatibility */
	CB_F_PART_MIN = 6,
	CB_F_PART_DESIRED = 7,
	CB_F_PART_DELETED = 8,
};

/* Locations other than the store (which has a well-known id). */
enum cb_location_field {
	CB_F_LOC_NAME = 1,
	CB_F_LOC_CRATE = 2,
	CB_F_LOC_DELETED = 3,
};

/* A ledger: fresh ids, each field set once; ordered by the (hlc, site) of
 * the op that set the quantity. */
enum cb_move_field {
	CB_F_MOVE_PART = 1,
	CB_F_MOVE_LOCATION = 2,
	CB_F_MOVE_QTY = 3,           /* signed */
	CB_F_MOVE_REASON = 4,        /* enum cb_move_reason */
	CB_F_MOVE_DONOR = 5,
	CB_F_MOVE_SESSION = 6,
	CB_F_MOVE_AMOUNT = 7,        /* cents */
	CB_F_MOVE_NOTE = 8,
	CB_F_MOVE_TRANSFER = 9,      /* the transfer's id, on both legs */
};

/* A ledger of stock-takes. */
enum cb_count_field {
	CB_F_COUNT_PART = 1,
	CB_F_COUNT_LOCATION = 2,
	CB_F_COUNT_QTY = 3,
};

/* Who used a part at an event: a row of its own, so that forgetting the
 * person erases the link and the movement (the stock) stays. */
enum cb_move_person_field {
	CB_F_MP_MOVE = 1,
	CB_F_MP_PERSON = 2,
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

/* What a field's value means, and so how it is checked: the one validator
 * that import, the command line and the screens share (cb_schema_check). */
enum cb_meaning {
	CB_M_NUMBER = 1, /* an integer in [min, max] */
	CB_M_FLAG,       /* 0 or 1 */
	CB_M_CODE,       /* one of the codes in [min, max] that has a value label */
	CB_M_YEAR,       /* a year in [min, max] */
	CB_M_LINE,       /* one line of text: no control character, no line break;
			  * [min, max] bytes */
	CB_M_TEXT,       /* text that may hold line breaks (notes) */
	CB_M_KEY,        /* a key of a list the configuration names: one line */
	CB_M_LANGS,      /* language codes, "fr,en": two or three letters each */
	CB_M_DATE,       /* "YYYY-MM-DD", a real date in the supported range */
	CB_M_TIME,       /* "HH:MM", 00:00..23:59 */
	CB_M_REF,        /* the id of a row of `ref`: 32 lower-case hex digits */
	CB_M_REFS,       /* ids of rows of `ref`, comma-separated, at most max bytes */
};

/* Field flags. */
enum {
	/* personal data: `forget` blanks it, in the table and in the log */
	CB_FIELD_PERSONAL = 1 << 0,
	/* a reference (to CB_T_PERSON) to whom the row belongs: forgetting
	 * that person erases the row (a plain reference, such as who trained
	 * someone, is only an id and stays) */
	CB_FIELD_OWNER = 1 << 1,
};

struct cb_field_def {
	int table;
	int field;
	const char *name;       /* stable English code name: CSV headers, messages */
	enum cb_vtype type;     /* CB_V_INT or CB_V_TEXT; NULL is always allowed */
	long long min, max;     /* integer range, or text length in bytes */
	const char *column;     /* in the table's materialised table */
	bool null_is_zero;      /* a NOT NULL column: a NULL value stores 0 */
	const char *label;      /* N_(): what people read; translate with _() */
	enum cb_meaning meaning;
	int ref;                /* CB_M_REF(S): the table its ids name; else 0 */
	unsigned flags;         /* CB_FIELD_* */
	const char *const *values; /* CB_M_CODE: N_() labels indexed by code
				    * (NULL or "" for a code not used) */
};

enum cb_table_kind {
	CB_RECORD = 1, /* rows edited field by field, last writer wins */
	CB_LEDGER,     /* rows with fresh ids, each field set once: a union */
};

struct cb_db;
struct cb_id;

struct cb_table_def {
	int table;
	const char *name;       /* the materialised table */
	const char *label;      /* N_(): "Venue", a row of it for people */
	enum cb_table_kind kind;
	int deleted;            /* the field that marks a row deleted, or 0 */
	/* one column naming a row (?1 = its id), or NULL */
	const char *title_sql;
	/* How people name a row in the conflict list (malloc'd, translated),
	 * NULL to fall back on the label and title_sql or the short id. */
	char *(*describe)(struct cb_db *db, const struct cb_id *row);
	/* Made from the names above when the schema is first read: */
	const char *create_row_sql; /* ?1 = row id; INSERT OR IGNORE */
	const char *clear_sql;      /* empties the materialised table */
	const char *dump_sql;       /* every row in primary-key order */
};

/* A numbered migration (src/core/db.c runs 1, 2, ... in order). */
struct cb_migration {
	int version;
	const char *sql;
};

/* What a module declares, in its own src/core/<module>-schema.c, and
 * lists once in the registry (src/core/schema.c). A table's fields stay
 * together in fields[]: their order is their bit in a projection. */
struct cb_schema_module {
	const char *name;
	const struct cb_table_def *tables;
	size_t ntables;
	const struct cb_field_def *fields;
	size_t nfields;
	const struct cb_migration *migrations;
	size_t nmigrations;
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

/* The field whose code name in table is name, or NULL. */
const struct cb_field_def *cb_schema_field_named(int table, const char *name);

/* The modules of the registry, in order. */
const struct cb_schema_module *const *cb_schema_modules(size_t *count);

/* The migration to schema version v (1-based), NULL past the last; and the
 * number of migrations. */
const char *cb_schema_migration(int version);
int cb_schema_migrations(void);

/* Does value mean what def says? CB_OK, CB_TOO_LONG (a text over its size)
 * or CB_INVALID. A NULL value is always valid (a cleared field). Pure: it
 * never reads a database, a configuration or the clock. */
cb_status cb_schema_check(const struct cb_field_def *def, const struct cb_value *value);

/* The same for a text as typed (a number as digits): CB_OK or the status;
 * "" stands for NULL. */
cb_status cb_schema_check_text(int table, int field, const char *text);

/* A text checked for a meaning alone, where it fills no one field (a
 * command-line option's date): the same check the fields use. */
cb_status cb_schema_check_meaning(enum cb_meaning meaning, const char *text);

/* What people read, translated: a field's label ("?" when unknown), a
 * table's label, the label of a code of a CB_M_CODE field (NULL when the
 * code has none). */
const char *cb_schema_field_label(int table, int field);
const char *cb_schema_table_label(int table);
const char *cb_schema_value_label(const struct cb_field_def *def, long long code);

/* Is s an id as ops carry it: 32 lower-case hex digits? */
bool cb_schema_id_valid(const char *s);

#endif
