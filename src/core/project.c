/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing the winning values of ops into the materialised tables.
 *
 * One statement writes a set of a row's columns at once, making the row
 * if it is missing: INSERT … ON CONFLICT(id) DO UPDATE SET just those
 * columns. The statements are made from the fixed schema table (column
 * names, never data) once per (table, set of columns) and kept.
 *
 * In a batch (an import, a rebuild) a run of values for the same row
 * waits here and goes in as one statement when another row comes, or
 * before anything else writes the tables: an import brings a new row's
 * fields one after another, and one write of five columns costs much
 * less than five. Nothing in a batch reads the materialised tables; a
 * commit writes what waits, a rollback drops it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/buf.h"
#include "db-private.h"
#include "project-private.h"

struct statement {
	int table;
	uint32_t columns;    /* bit i: the table's field i */
	char *sql;
};

struct cb_projection {
	bool batching;
	int table;           /* of the row waiting; 0: none */
	struct cb_id row;
	uint32_t columns;
	struct cb_value values[CB_SCHEMA_TABLE_FIELDS_MAX];
	char *texts[CB_SCHEMA_TABLE_FIELDS_MAX];   /* owned copies */
	struct statement *made;
	size_t nmade, capmade;
};

static struct cb_projection *
state(struct cb_db *db)
{
	struct cb_projection **slot = cb_db_projection_slot(db);

	if (!*slot)
		*slot = calloc(1, sizeof **slot);
	return *slot;
}

/* The statement for these columns of table: ?1 the row id, then one
 * parameter per column in the schema's order, e.g.
 *   INSERT INTO venues(id, name, deleted) VALUES(?1, ?2, coalesce(?3, 0))
 *   ON CONFLICT(id) DO UPDATE SET name = excluded.name, deleted = excluded.deleted */
static cb_status
statement(struct cb_projection *p, int table, uint32_t columns, const char **out)
{
	const struct cb_table_def *tab = cb_schema_table(table);
	const struct cb_field_def *f;
	struct cb_buf sql = {0}, values = {0}, sets = {0};
	size_t n;
	int param = 2;

	for (size_t i = 0; i < p->nmade; i++)
		if (p->made[i].table == table && p->made[i].columns == columns) {
			*out = p->made[i].sql;
			return CB_OK;
		}
	if (!tab || !(f = cb_schema_table_fields(table, &n)) || !columns)
		return CB_BAD_OP;
	cb_buf_add(&sql, "INSERT INTO ");
	cb_buf_add(&sql, tab->name);
	cb_buf_add(&sql, "(id");
	cb_buf_add(&values, ") VALUES(?1");
	cb_buf_add(&sets, ") ON CONFLICT(id) DO UPDATE SET ");
	for (size_t i = 0; i < n; i++) {
		char v[32];
		if (!(columns & (UINT32_C(1) << i)))
			continue;
		snprintf(v, sizeof v, f[i].null_is_zero ? ", coalesce(?%d, 0)" : ", ?%d", param++);
		cb_buf_add(&sql, ", ");
		cb_buf_add(&sql, f[i].column);
		cb_buf_add(&values, v);
		if (param > 3)
			cb_buf_add(&sets, ", ");
		cb_buf_add(&sets, f[i].column);
		cb_buf_add(&sets, " = excluded.");
		cb_buf_add(&sets, f[i].column);
	}
	if (!values.oom && !sets.oom) {
		cb_buf_add(&sql, values.s);
		cb_buf_add(&sql, sets.s);
	}
	free(values.s);
	free(sets.s);
	if (values.oom || sets.oom || sql.oom ||
	    !cb_grow(&p->made, &p->capmade, p->nmade, sizeof *p->made, 16)) {
		free(sql.s);
		return CB_NOMEM;
	}
	p->made[p->nmade++] = (struct statement){table, columns, sql.s};
	*out = sql.s;
	return CB_OK;
}

/* Write columns of row from values (indexed by the table's field order). */
static cb_status
write_row(struct cb_db *db, struct cb_projection *p, int table, const struct cb_id *row,
	  uint32_t columns, const struct cb_value *values)
{
	const char *sql;
	struct cb_stmt *st;
	cb_status rc;
	int param = 2;

	if ((rc = statement(p, table, columns, &sql)) != CB_OK ||
	    (rc = cb_db_prepare(db, sql, &st)) != CB_OK)
		return rc;
	cb_stmt_bind_id(st, 1, row);
	for (int i = 0; i < CB_SCHEMA_TABLE_FIELDS_MAX; i++)
		if (columns & (UINT32_C(1) << i))
			cb_stmt_bind_value(st, param++, &values[i]);
	rc = cb_stmt_step(st);
	return rc == CB_DONE ? CB_OK : rc;
}

static void
drop_waiting(struct cb_projection *p)
{
	for (int i = 0; i < CB_SCHEMA_TABLE_FIELDS_MAX; i++) {
		free(p->texts[i]);
		p->texts[i] = NULL;
	}
	p->table = 0;
	p->columns = 0;
}

cb_status
cb_project_flush(struct cb_db *db)
{
	struct cb_projection *p = *cb_db_projection_slot(db);
	cb_status rc;

	if (!p || !p->table)
		return CB_OK;
	rc = write_row(db, p, p->table, &p->row, p->columns, p->values);
	drop_waiting(p);
	return rc;
}

cb_status
cb_project_set(struct cb_db *db, const struct cb_field_def *def, const struct cb_id *row,
	       const struct cb_value *value)
{
	struct cb_projection *p = state(db);
	const struct cb_field_def *first;
	size_t n, i;
	cb_status rc;

	if (!p)
		return CB_NOMEM;
	if (!(first = cb_schema_table_fields(def->table, &n)) || def < first || def >= first + n)
		return CB_BAD_OP;
	cb_db_table_touched(db, def->table); /* caches of the table are stale */
	i = (size_t)(def - first);
	if (!p->batching) {
		struct cb_value values[CB_SCHEMA_TABLE_FIELDS_MAX];
		values[i] = *value;
		return write_row(db, p, def->table, row, UINT32_C(1) << i, values);
	}
	if (p->table && (p->table != def->table || cb_id_cmp(&p->row, row) != 0) &&
	    (rc = cb_project_flush(db)) != CB_OK)
		return rc;
	p->table = def->table;
	p->row = *row;
	p->columns |= UINT32_C(1) << i;
	free(p->texts[i]);
	p->texts[i] = NULL;
	p->values[i] = *value;
	if (value->type == CB_V_TEXT) {
		/* the op's text lives only until the next op is read */
		if (!(p->texts[i] = strdup(value->s)))
			return CB_NOMEM;
		p->values[i].s = p->texts[i];
	}
	return CB_OK;
}

void
cb_project_batch_begin(struct cb_db *db)
{
	struct cb_projection *p = state(db);

	if (p)
		p->batching = true; /* without memory, each value is written at once */
}

cb_status
cb_project_batch_end(struct cb_db *db)
{
	struct cb_projection *p = *cb_db_projection_slot(db);
	cb_status rc = cb_project_flush(db);

	if (p)
		p->batching = false;
	return rc;
}

void
cb_project_discard(struct cb_db *db)
{
	struct cb_projection *p = *cb_db_projection_slot(db);

	if (!p)
		return;
	drop_waiting(p);
	p->batching = false;
}

void
cb_projection_free(struct cb_projection *p)
{
	if (!p)
		return;
	drop_waiting(p);
	for (size_t i = 0; i < p->nmade; i++)
		free(p->made[i].sql);
	free(p->made);
	free(p);
}
