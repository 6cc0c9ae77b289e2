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
};

enum cb_venue_field {
	CB_F_VENUE_NAME = 1,
	CB_F_VENUE_ADDRESS = 2,
	CB_F_VENUE_COMMUNE = 3,
	CB_F_VENUE_CAPACITY = 4,
	CB_F_VENUE_NOTES = 5,
	CB_F_VENUE_DELETED = 6,
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
