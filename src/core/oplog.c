/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/buf.h"
#include "cambouis/clock.h"
#include "cambouis/hlc.h"
#include "cambouis/oplog.h"
#include "cambouis/text.h"
#include "db-private.h"
#include "privacy-private.h"
#include "project-private.h"

static const char SQL_OP_INSERT[] =
	"INSERT OR IGNORE INTO ops(op_id, site, seq, hlc, kind, tbl, row, field, value)"
	" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
/* The field's ops from the newest down in the total order (hlc, site,
 * op_id): the first is the winner, read from ops_target alone. An op
 * beyond the clock horizon (?4), which an older version may have let in,
 * never wins. */
static const char SQL_FIELD_TOP[] =
	"SELECT op_id, site FROM ops WHERE tbl = ?1 AND row = ?2 AND field = ?3 AND hlc <= ?4"
	" ORDER BY hlc DESC, site DESC, op_id DESC LIMIT 2";
static const char SQL_OP_ALL[] =
	"SELECT op_id, site, seq, hlc, kind, tbl, row, field, value, typeof(value)"
	" FROM ops ORDER BY hlc, site, op_id";
static const char SQL_OP_COUNT[] = "SELECT count(*) FROM ops";
static const char SQL_PENDING[] =
	"SELECT count(*) FROM ops WHERE site = ?1 AND seq >"
	" coalesce((SELECT value FROM meta WHERE key = 'exported_seq'), 0)";
static const char SQL_OP_GET[] =
	"SELECT op_id, site, seq, hlc, kind, tbl, row, field, value, typeof(value)"
	" FROM ops WHERE op_id = ?1";
static const char SQL_OP_ARRIVED[] =
	"SELECT op_id, site, seq, hlc, kind, tbl, row, field, value, typeof(value), n"
	" FROM ops WHERE n > ?1"
	/* not one that came in from source ?2: the imports' ranges do not
	 * overlap, so only the last one starting at or before n can hold it */
	" AND (?2 IS NULL OR NOT EXISTS (SELECT 1 FROM (SELECT last_n FROM sync_imports"
	"   WHERE source = ?2 AND first_n <= n ORDER BY first_n DESC LIMIT 1)"
	"   WHERE last_n >= n))"
	" ORDER BY n";
static const char SQL_LAST_ARRIVAL[] = "SELECT coalesce(max(n), 0) FROM ops";
static const char SQL_SITE_MAX[] = "SELECT site, max(seq) FROM ops GROUP BY site ORDER BY site";

bool
cb_op_kind_known(int kind)
{
	return kind == CB_OP_SET || kind == CB_OP_FORGET;
}

bool
cb_op_target_known(int kind, int table, int field)
{
	if (kind == CB_OP_FORGET)
		return table == CB_T_PERSON && field == 0;
	return kind == CB_OP_SET && cb_schema_field(table, field) != NULL;
}

cb_status
cb_op_validate(const struct cb_op *op)
{
	const struct cb_field_def *def;

	if (!cb_op_kind_known(op->kind) || op->seq < 1 || !cb_hlc_valid(op->hlc) ||
	    cb_id_is_zero(&op->op_id) || cb_id_is_zero(&op->site) || cb_id_is_zero(&op->row))
		return CB_BAD_OP;
	if (op->kind == CB_OP_FORGET)
		return cb_op_target_known(op->kind, op->table, op->field) &&
		       op->value.type == CB_V_NULL ? CB_OK : CB_BAD_OP;
	/* the field's meaning, by the validator the front ends use too */
	def = cb_schema_field(op->table, op->field);
	if (!def || cb_schema_check(def, &op->value) != CB_OK)
		return CB_BAD_OP;
	return CB_OK;
}

/* Does op, in the log already, win its field? It does when it heads the
 * field's ops in the total order; the rival is the op that won before it
 * (the second), or the one that still wins (the first). Every laptop
 * reads the same order, so every laptop picks the same winner. */
static cb_status
op_wins(struct cb_db *db, const struct cb_op *op, bool *wins, struct cb_apply_info *info)
{
	struct cb_stmt *st;
	struct cb_id top;
	cb_status rc = cb_db_prepare(db, SQL_FIELD_TOP, &st);

	*wins = false;
	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_int(st, 1, op->table);
	cb_stmt_bind_id(st, 2, &op->row);
	cb_stmt_bind_int(st, 3, op->field);
	cb_stmt_bind_int(st, 4, (int64_t)CB_HLC_MAX);
	if ((rc = cb_stmt_step(st)) != CB_ROW)
		return rc == CB_DONE ? CB_DB_ERROR : rc; /* op itself is there */
	cb_stmt_id(st, 0, &top);
	*wins = cb_id_cmp(&top, &op->op_id) == 0;
	if (*wins && (rc = cb_stmt_step(st)) != CB_ROW)
		return rc == CB_DONE ? CB_OK : rc; /* the field's first value */
	info->had_rival = true;
	cb_stmt_id(st, 0, &info->rival_op_id);
	cb_stmt_id(st, 1, &info->rival_site);
	cb_stmt_reset(st);
	return CB_OK;
}

static cb_status
step_done(struct cb_stmt *st)
{
	cb_status rc = cb_stmt_step(st);
	return rc == CB_DONE ? CB_OK : rc;
}

/* Project one op onto the materialised tables when it wins its field. */
static cb_status
project(struct cb_db *db, const struct cb_op *op, struct cb_apply_info *info)
{
	const struct cb_field_def *def = cb_schema_field(op->table, op->field);
	struct cb_apply_info local;
	bool wins;
	cb_status rc;

	if (!def)
		return CB_BAD_OP;
	if (!info) {
		memset(&local, 0, sizeof local);
		info = &local;
	}
	if ((rc = op_wins(db, op, &wins, info)) != CB_OK || !wins)
		return rc;
	info->won = true;
	return cb_project_set(db, def, &op->row, &op->value);
}

/* The one place that decides what an op does to the tables: erase (a
 * FORGET, or an op tying a row to a forgotten person), nothing (an op
 * about what is erased), or project. replay: during a rebuild, when the
 * log's values are blanked already. */
static cb_status
project_or_erase(struct cb_db *db, const struct cb_op *op, enum cb_erasure erasure, bool replay,
		 struct cb_apply_info *info)
{
	cb_status rc;

	if (op->kind != CB_OP_FORGET && erasure == CB_ERASURE_NONE)
		return project(db, op, info);
	if (op->kind != CB_OP_FORGET && erasure == CB_ERASURE_BLANK)
		return CB_OK;
	/* an erasure reads and deletes rows: what a batch holds goes first */
	if ((rc = cb_project_flush(db)) != CB_OK)
		return rc;
	if (op->kind == CB_OP_FORGET)
		rc = cb_erasure_person(db, &op->row, replay);
	else if (erasure == CB_ERASURE_ROW)
		rc = cb_erasure_row(db, op, replay);
	else
		return CB_BAD_OP;
	return rc == CB_OK ? cb_project_flush(db) : rc;
}

void
cb_oplog_apply_many(struct cb_db *db)
{
	cb_project_batch_begin(db);
}

cb_status
cb_oplog_apply(struct cb_db *db, const struct cb_op *op, bool *was_new)
{
	struct cb_apply_info info;
	cb_status rc = cb_oplog_apply_ex(db, op, &info);

	if (was_new)
		*was_new = info.was_new;
	return rc;
}

cb_status
cb_oplog_apply_ex(struct cb_db *db, const struct cb_op *op, struct cb_apply_info *info)
{
	struct cb_db_clock *clock = cb_db_clock_state(db);
	struct cb_stmt *st;
	cb_status rc;

	enum cb_erasure erasure = CB_ERASURE_NONE;
	struct cb_value value = op->value;

	memset(info, 0, sizeof *info);
	if (!cb_db_in_transaction(db))
		return CB_DB_ERROR;
	if ((rc = cb_op_validate(op)) != CB_OK)
		return rc;
	/* an op about a forgotten person is stored blanked (privacy.c) */
	if ((rc = cb_erasure_classify(db, op, &erasure)) != CB_OK)
		return rc;
	if (erasure != CB_ERASURE_NONE)
		value = cb_erasure_blanked(op);
	if ((rc = cb_db_prepare(db, SQL_OP_INSERT, &st)) != CB_OK)
		return rc;
	cb_stmt_bind_id(st, 1, &op->op_id);
	cb_stmt_bind_id(st, 2, &op->site);
	cb_stmt_bind_int(st, 3, op->seq);
	cb_stmt_bind_int(st, 4, (int64_t)op->hlc);
	cb_stmt_bind_int(st, 5, op->kind);
	cb_stmt_bind_int(st, 6, op->table);
	cb_stmt_bind_id(st, 7, &op->row);
	cb_stmt_bind_int(st, 8, op->field);
	cb_stmt_bind_value(st, 9, &value);
	if ((rc = step_done(st)) != CB_OK)
		return rc;
	/* its row number is its arrival order: an export finds by it the ops
	 * it has not sent yet */
	if (cb_db_changes(db) == 0)
		return CB_OK; /* known already: applying twice changes nothing */
	clock->last_hlc = cb_hlc_observe(clock->last_hlc, op->hlc);
	info->was_new = true;
	return project_or_erase(db, op, erasure, false, info);
}

/* Stamp a local op (this site, its next seq, a fresh clock) and apply it. */
static cb_status
local_op(struct cb_db *db, int kind, int table, const struct cb_id *row, int field,
	 const struct cb_value *value)
{
	struct cb_db_clock *clock = cb_db_clock_state(db);
	struct cb_op op;
	int64_t now = cb_clock_now_ms();
	cb_status rc;

	memset(&op, 0, sizeof op);
	op.site = *cb_db_site(db);
	op.seq = clock->next_seq;
	op.hlc = cb_hlc_tick(clock->last_hlc, now);
	op.kind = kind;
	op.table = table;
	op.row = *row;
	op.field = field;
	op.value = *value;
	if ((rc = cb_id_new(&op.op_id, now)) != CB_OK)
		return rc;
	if (cb_op_validate(&op) != CB_OK)
		return CB_INVALID;
	if ((rc = cb_oplog_apply(db, &op, NULL)) != CB_OK)
		return rc;
	clock->last_hlc = op.hlc;
	clock->next_seq++;
	return CB_OK;
}

cb_status
cb_oplog_set(struct cb_db *db, int table, const struct cb_id *row, int field,
	     const struct cb_value *value)
{
	const struct cb_field_def *def = cb_schema_field(table, field);

	if (!def)
		return CB_BAD_OP;
	if (value->type == CB_V_TEXT && value->s && (long long)strlen(value->s) > def->max)
		return CB_TOO_LONG;
	return local_op(db, CB_OP_SET, table, row, field, value);
}

cb_status
cb_oplog_forget(struct cb_db *db, const struct cb_id *person)
{
	static const struct cb_value none = {CB_V_NULL, 0, NULL};

	return local_op(db, CB_OP_FORGET, CB_T_PERSON, person, 0, &none);
}

/* Read the op at the cursor's current row. Text points into the statement. */
static void
read_op(struct cb_stmt *st, struct cb_op *op)
{
	memset(op, 0, sizeof *op);
	cb_stmt_id(st, 0, &op->op_id);
	cb_stmt_id(st, 1, &op->site);
	op->seq = cb_stmt_int(st, 2);
	op->hlc = (uint64_t)cb_stmt_int(st, 3);
	op->kind = (int)cb_stmt_int(st, 4);
	op->table = (int)cb_stmt_int(st, 5);
	cb_stmt_id(st, 6, &op->row);
	op->field = (int)cb_stmt_int(st, 7);
	const char *type = cb_stmt_text(st, 9);
	if (strcmp(type, "integer") == 0) {
		op->value.type = CB_V_INT;
		op->value.i = cb_stmt_int(st, 8);
	} else if (strcmp(type, "text") == 0) {
		op->value.type = CB_V_TEXT;
		op->value.s = cb_stmt_text(st, 8);
	} else {
		op->value.type = CB_V_NULL;
	}
}

cb_status
cb_oplog_each(struct cb_db *db, cb_op_visit_fn fn, void *arg)
{
	struct cb_stmt *st;
	struct cb_op op;
	cb_status rc = cb_db_prepare(db, SQL_OP_ALL, &st);

	if (rc != CB_OK)
		return rc;
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		read_op(st, &op);
		if ((rc = fn(&op, arg)) != CB_OK) {
			cb_stmt_reset(st);
			return rc;
		}
	}
	return rc == CB_DONE ? CB_OK : rc;
}

static cb_status
replay_one(const struct cb_op *op, void *arg)
{
	enum cb_erasure erasure;
	cb_status rc;

	/* an op that no longer validates (a field dropped) is kept but skipped */
	if (cb_op_validate(op) != CB_OK)
		return CB_OK;
	if ((rc = cb_erasure_classify(arg, op, &erasure)) != CB_OK)
		return rc;
	return project_or_erase(arg, op, erasure, true, NULL);
}

cb_status
cb_oplog_rebuild(struct cb_db *db)
{
	size_t n;
	const struct cb_table_def *tabs = cb_schema_tables(&n);
	cb_status rc;

	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	for (size_t i = 0; i < n; i++)
		if ((rc = cb_db_exec(db, tabs[i].clear_sql)) != CB_OK)
			goto failed;
	if ((rc = cb_erasure_clear(db)) != CB_OK)
		goto failed;
	/* the replay writes each row once per run of its values */
	cb_oplog_apply_many(db);
	if ((rc = cb_oplog_each(db, replay_one, db)) != CB_OK)
		goto failed;
	return cb_db_commit(db);
failed:
	cb_db_rollback(db);
	return rc;
}

cb_status
cb_oplog_count(struct cb_db *db, int64_t *count)
{
	return cb_db_query_int(db, SQL_OP_COUNT, count);
}

static cb_status
count_invalid(const struct cb_op *op, void *arg)
{
	if (cb_op_validate(op) != CB_OK)
		++*(int64_t *)arg;
	return CB_OK;
}

cb_status
cb_oplog_count_invalid(struct cb_db *db, int64_t *count)
{
	*count = 0;
	return cb_oplog_each(db, count_invalid, count);
}

cb_status
cb_oplog_pending(struct cb_db *db, int64_t *count)
{
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, SQL_PENDING, &st);

	*count = 0;
	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_id(st, 1, cb_db_site(db));
	rc = cb_stmt_step(st);
	if (rc != CB_ROW)
		return rc == CB_DONE ? CB_DB_ERROR : rc;
	*count = cb_stmt_int(st, 0);
	cb_stmt_reset(st);
	return CB_OK;
}

uint64_t
cb_oplog_last_hlc(const struct cb_db *db)
{
	return cb_db_clock_state((struct cb_db *)db)->last_hlc;
}

cb_status
cb_oplog_dump_tables(struct cb_db *db, char **out)
{
	size_t n;
	const struct cb_table_def *tabs = cb_schema_tables(&n);
	struct cb_buf b = {0};
	cb_status rc = CB_OK;

	*out = NULL;
	for (size_t i = 0; i < n && rc == CB_OK; i++) {
		struct cb_stmt *st;
		cb_buf_add(&b, "[");
		cb_buf_add(&b, tabs[i].name);
		cb_buf_add(&b, "]\n");
		if ((rc = cb_db_prepare(db, tabs[i].dump_sql, &st)) != CB_OK)
			break;
		while ((rc = cb_stmt_step(st)) == CB_ROW) {
			for (int c = 0; c < cb_stmt_columns(st); c++) {
				if (c)
					cb_buf_add(&b, "|");
				if (cb_stmt_is_null(st, c)) {
					cb_buf_add(&b, "NULL");
				} else {
					cb_buf_add(&b, cb_stmt_text(st, c));
				}
			}
			cb_buf_add(&b, "\n");
		}
		if (rc == CB_DONE)
			rc = CB_OK;
	}
	if (rc == CB_OK && b.oom)
		rc = CB_NOMEM;
	if (rc != CB_OK) {
		free(b.s);
		return rc;
	}
	*out = b.s ? b.s : strdup("");
	return *out ? CB_OK : CB_NOMEM;
}

/* --- sync support ------------------------------------------------------- */

cb_status
cb_oplog_get(struct cb_db *db, const struct cb_id *op_id, struct cb_op *op)
{
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, SQL_OP_GET, &st);

	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_id(st, 1, op_id);
	rc = cb_stmt_step(st);
	if (rc == CB_DONE)
		return CB_NOT_FOUND;
	if (rc != CB_ROW)
		return rc;
	read_op(st, op);
	if (op->value.type == CB_V_TEXT && !(op->value.s = strdup(op->value.s))) {
		cb_stmt_reset(st);
		return CB_NOMEM;
	}
	cb_stmt_reset(st);
	return CB_OK;
}

cb_status
cb_oplog_each_arrived(struct cb_db *db, int64_t after, const char *exclude_source,
		      cb_op_arrival_fn fn, void *arg)
{
	struct cb_stmt *st;
	struct cb_op op;
	cb_status rc = cb_db_prepare(db, SQL_OP_ARRIVED, &st);

	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_int(st, 1, after);
	cb_stmt_bind_text(st, 2, exclude_source);
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		read_op(st, &op);
		if ((rc = fn(&op, cb_stmt_int(st, 10), arg)) != CB_OK) {
			cb_stmt_reset(st);
			return rc;
		}
	}
	return rc == CB_DONE ? CB_OK : rc;
}

cb_status
cb_oplog_last_arrival(struct cb_db *db, int64_t *n)
{
	return cb_db_query_int(db, SQL_LAST_ARRIVAL, n);
}

cb_status
cb_oplog_each_site_max(struct cb_db *db, cb_site_seq_fn fn, void *arg)
{
	struct cb_stmt *st;
	struct cb_id site;
	cb_status rc = cb_db_prepare(db, SQL_SITE_MAX, &st);

	if (rc != CB_OK)
		return rc;
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		cb_stmt_id(st, 0, &site);
		if ((rc = fn(&site, cb_stmt_int(st, 1), arg)) != CB_OK) {
			cb_stmt_reset(st);
			return rc;
		}
	}
	return rc == CB_DONE ? CB_OK : rc;
}
