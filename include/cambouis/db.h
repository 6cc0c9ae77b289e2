/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_DB_H
#define CAMBOUIS_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cambouis/id.h"
#include "cambouis/status.h"

/*
 * The storage layer: the only code that talks to SQLite. Modules use this
 * small API (prepared statements with bound parameters, from SQL text that is
 * a string constant, never built from data) and never see sqlite3.h.
 *
 * A database is opened with the pragmas of DESIGN.md §3 (WAL, foreign keys,
 * busy timeout, application_id, user_version) and migrated to the latest
 * schema. The file is created 0600.
 */

struct cb_db;
struct cb_stmt;

enum cb_open_flags {
	CB_OPEN_READONLY = 0,      /* fail with CB_DB_MISSING if absent */
	CB_OPEN_WRITE    = 1 << 0, /* read-write; fail if absent */
	CB_OPEN_CREATE   = 1 << 1, /* read-write; create if absent */
};

/* Open path (":memory:" for a private in-memory database). On success *out
 * owns the connection; close it with cb_db_close(). On failure *out is NULL
 * and, when detail is not NULL, a short explanation (SQLite's own words) is
 * copied into detail. */
cb_status cb_db_open(const char *path, unsigned flags, struct cb_db **out,
		     char *detail, size_t detail_len);

void cb_db_close(struct cb_db *db);

/* The path the database was opened with (":memory:" for one in memory). */
const char *cb_db_path(const struct cb_db *db);

/* The last error text from SQLite for this connection (never NULL). */
const char *cb_db_errmsg(const struct cb_db *db);

/* Schema version after migrations, and the newest this build knows. */
int cb_db_schema_version(struct cb_db *db);
int cb_db_latest_version(void);

/* Run the migrations up to version (tests use it to build an old database). */
cb_status cb_db_migrate_to(struct cb_db *db, int version);

/* Transactions: one user action is one transaction. Calls nest: only the
 * outermost begin/commit touch SQLite (BEGIN IMMEDIATE ... COMMIT); a
 * rollback at any depth rolls everything back and makes the enclosing
 * commits fail with CB_DB_ERROR. */
cb_status cb_db_begin(struct cb_db *db);
cb_status cb_db_commit(struct cb_db *db);
void cb_db_rollback(struct cb_db *db);
/* True inside a transaction that can still commit (false once doomed). */
bool cb_db_in_transaction(const struct cb_db *db);

/* A read transaction around a burst of queries: one lock and one look at
 * the WAL instead of one per statement (a screenful of queries then costs
 * a fraction of the system calls). No-op inside a transaction already.
 * Always pair with cb_db_read_end(). */
cb_status cb_db_read_begin(struct cb_db *db);
void cb_db_read_end(struct cb_db *db);

/* Erasure support. Connections run with secure_delete, so deleted values
 * are zeroed in the file; the WAL still holds the pages as they were until
 * a checkpoint. cb_db_checkpoint() copies the WAL into the file and
 * truncates it (outside a transaction; CB_DB_LOCKED when another
 * connection's reader keeps it from finishing). cb_db_wipe_after_commit()
 * asks the current outermost commit to do it (a busy checkpoint stays
 * pending for the next commit; SQLite also checkpoints and removes the
 * WAL when the last connection closes). */
cb_status cb_db_checkpoint(struct cb_db *db);
void cb_db_wipe_after_commit(struct cb_db *db);
bool cb_db_wipe_pending(const struct cb_db *db);

/* PRAGMA integrity_check plus the cambouis identity checks; CB_OK or
 * CB_DB_DAMAGED with the first problem copied into detail. */
cb_status cb_db_check(struct cb_db *db, char *detail, size_t detail_len);

/* This laptop's site id and label (made on first read-write open). */
const struct cb_id *cb_db_site(const struct cb_db *db);
const char *cb_db_site_label(const struct cb_db *db);
cb_status cb_db_set_site_label(struct cb_db *db, const char *label);

/* A demo database (filled by cb_demo_fill, which marks it in its meta
 * table) holds invented people: it says so on screen and never syncs with
 * a sync folder unless forced (cb_sync_dir). The mark stays with the file
 * and never travels in a bundle. */
bool cb_db_is_demo(const struct cb_db *db);

/* Was the database opened read-only (CB_OPEN_READONLY)? Every write then
 * fails with CB_DB_READONLY. */
bool cb_db_is_readonly(const struct cb_db *db);

/* SQLite's data_version: it changes when another connection (a sync in
 * another terminal, a second window) commits to the file, never for this
 * connection's own writes. A running screen compares it on idle and reads
 * its data again when it moved. */
cb_status cb_db_data_version(struct cb_db *db, int64_t *out);
/* Inside a write transaction (and not a doomed one): which outermost
 * transaction this is and how many rows this connection has changed so
 * far, so that a cache made inside a transaction can tell that nothing
 * else has written since (true); false outside one. */
bool cb_db_write_stamp(struct cb_db *db, uint64_t *gen, int64_t *changes);
/* A count the projection bumps whenever a row of table (a CB_T_ code) is
 * written through it: a module's cache made inside a transaction is good
 * while the count has not moved (with cb_db_write_stamp's gen). */
void cb_db_table_touched(struct cb_db *db, int table);
uint64_t cb_db_table_gen(const struct cb_db *db, int table);
/* One cache slot a module may hang on the connection (the people's name
 * keys): set replaces and frees the old one; freed at close. */
void *cb_db_cache(struct cb_db *db);
void cb_db_set_cache(struct cb_db *db, void *p, void (*free_fn)(void *));
cb_status cb_db_mark_demo(struct cb_db *db);

/* --- prepared statements -------------------------------------------------
 * cb_db_prepare() returns a statement cached by the address of sql (so sql
 * must be a string constant), reset and with bindings cleared. The
 * statement belongs to the connection: do not free it. Parameters are
 * numbered from 1, columns from 0. Text pointers from cb_stmt_text() are
 * valid until the next step or reset. */
cb_status cb_db_prepare(struct cb_db *db, const char *sql, struct cb_stmt **out);
cb_status cb_db_exec(struct cb_db *db, const char *sql); /* no parameters */

cb_status cb_stmt_bind_int(struct cb_stmt *st, int i, int64_t v);
cb_status cb_stmt_bind_text(struct cb_stmt *st, int i, const char *v); /* NULL binds NULL */
cb_status cb_stmt_bind_blob(struct cb_stmt *st, int i, const void *v, size_t n);
cb_status cb_stmt_bind_id(struct cb_stmt *st, int i, const struct cb_id *id);
cb_status cb_stmt_bind_null(struct cb_stmt *st, int i);
struct cb_value;
cb_status cb_stmt_bind_value(struct cb_stmt *st, int i, const struct cb_value *v);

/* CB_ROW, CB_DONE, or an error status. */
cb_status cb_stmt_step(struct cb_stmt *st);
void cb_stmt_reset(struct cb_stmt *st);

bool cb_stmt_is_null(struct cb_stmt *st, int col);
int64_t cb_stmt_int(struct cb_stmt *st, int col);
const char *cb_stmt_text(struct cb_stmt *st, int col); /* "" for NULL */
const void *cb_stmt_blob(struct cb_stmt *st, int col, size_t *n);
void cb_stmt_id(struct cb_stmt *st, int col, struct cb_id *out); /* zero id if not 16 bytes */
int cb_stmt_columns(struct cb_stmt *st);

/* Rows changed by the last statement. */
int64_t cb_db_changes(struct cb_db *db);

/* Convenience: run sql with the id as ?1 and stop on its first row:
 * CB_OK with *row ready to read (reset it when done), CB_NOT_FOUND, or an
 * error status. */
cb_status cb_db_row_by_id(struct cb_db *db, const char *sql, const struct cb_id *id,
			  struct cb_stmt **row);

/* Convenience: run sql (one text parameter ?1, first column an id) and
 * expect one row: CB_OK with *out (may be NULL) set, CB_NOT_FOUND, or
 * CB_AMBIGUOUS when more than one row matches. */
cb_status cb_db_find_id(struct cb_db *db, const char *sql, const char *key, struct cb_id *out);

/* Convenience: run a statement that returns one integer (e.g. a count). */
cb_status cb_db_query_int(struct cb_db *db, const char *sql, int64_t *out);

#endif
