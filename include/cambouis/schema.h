/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_SCHEMA_H
#define CAMBOUIS_SCHEMA_H

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
	const char *update_sql; /* ?1 = row id, ?2 = value */
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

/* All materialised tables, for rebuild and dumps. */
const struct cb_table_def *cb_schema_tables(size_t *count);

#endif
