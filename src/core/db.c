/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cambouis/clock.h"
#include "cambouis/db.h"
#include "cambouis/hlc.h"
#include "cambouis/paths.h"
#include "cambouis/schema.h"
#include "cambouis/text.h"
#include "db-private.h"
#include "project-private.h"

/* 'CAMB' */
#define CB_APPLICATION_ID 0x43414D42
/* How long a write waits for another cambouis to finish its own. An import
 * is one transaction (whole or nothing), so the wait must outlast the
 * largest import people run: 700,000 ops, five years of a busy workshop,
 * take about 9 s on a small laptop; a minute covers several times that
 * before "locked by another program" is said. */
#define CB_BUSY_TIMEOUT_MS 60000

/* The numbered migrations are declared with each module's schema
 * (src/core/NAME-schema.c): cb_schema_migration(v) brings version v-1 to v. */

/* see bind_rc() */
static cb_status pending_bind_failure = CB_OK;

struct cache_slot {
	const char *sql;
	sqlite3_stmt *stmt;
};

struct cb_db {
	sqlite3 *h;
	char *path;
	bool readonly;
	int tx_depth;
	bool doomed;
	bool read_tx; /* inside cb_db_read_begin() */
	bool wipe_pending; /* checkpoint the WAL after the outermost commit */
	struct cb_id site;
	char *site_label;
	bool demo; /* meta 'demo': made by the demo generator */
	bool err_sqlite; /* err holds SQLite's words: never a user's detail */
	uint64_t tx_gen; /* outermost transactions begun */
	uint64_t table_gen[64]; /* cb_db_table_touched() per table code */
	void *mod_cache; void (*mod_cache_free)(void *); /* cb_db_set_cache() */
	struct cb_db_clock clock;
	struct cb_db_actions actions; /* undo.c's */
	struct cb_projection *projection; /* project.c's */
	struct cache_slot *cache;
	size_t cache_cap, cache_used;
	char err[256];
};

/* --- errors ------------------------------------------------------------ */

static cb_status
map_rc(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK: return CB_OK;
	case SQLITE_ROW: return CB_ROW;
	case SQLITE_DONE: return CB_DONE;
	case SQLITE_NOMEM: return CB_NOMEM;
	case SQLITE_BUSY:
	case SQLITE_LOCKED: return CB_DB_LOCKED;
	case SQLITE_READONLY: return CB_DB_READONLY;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB: return CB_DB_DAMAGED;
	case SQLITE_FULL: return CB_FULL;
	case SQLITE_IOERR: return CB_IO;
	case SQLITE_CANTOPEN: return CB_DB_MISSING;
	case SQLITE_CONSTRAINT: return CB_EXISTS;
	case SQLITE_TOOBIG: return CB_TOO_LONG;
	default: return CB_DB_ERROR;
	}
}

/* An I/O error that is really "no room" (a full disk, a quota, a file
 * size limit) is said as such: the user can act on it. */
static cb_status
map_rc_on(sqlite3 *h, int rc)
{
	cb_status st = map_rc(rc);

	if (st == CB_IO && h) {
		int e = sqlite3_system_errno(h);
		if (e == ENOSPC || e == EFBIG || e == EDQUOT)
			return CB_FULL;
	}
	return st;
}

static cb_status
fail(struct cb_db *db, int rc)
{
	db->err_sqlite = true;
	if (db->h)
		snprintf(db->err, sizeof db->err, "%s", sqlite3_errmsg(db->h));
	else
		snprintf(db->err, sizeof db->err, "%s", sqlite3_errstr(rc));
	return map_rc_on(db->h, rc);
}

const char *
cb_db_path(const struct cb_db *db)
{
	return db->path;
}

const char *
cb_db_errmsg(const struct cb_db *db)
{
	if (!db->err[0] && db->h)
		return sqlite3_errmsg(db->h);
	return db->err;
}

/* --- statement cache --------------------------------------------------- */

static size_t
slot_of(const struct cb_db *db, const char *sql)
{
	uintptr_t h = (uintptr_t)sql;
	h ^= h >> 7;
	h *= 0x9E3779B97F4A7C15ull;
	return (size_t)(h >> 17) & (db->cache_cap - 1);
}

static cb_status
cache_grow(struct cb_db *db)
{
	size_t cap = db->cache_cap ? db->cache_cap * 2 : 64;
	struct cache_slot *old = db->cache, *slots = calloc(cap, sizeof *slots);
	size_t oldcap = db->cache_cap;

	if (!slots)
		return CB_NOMEM;
	db->cache = slots;
	db->cache_cap = cap;
	for (size_t i = 0; i < oldcap; i++) {
		if (!old[i].sql)
			continue;
		size_t j = slot_of(db, old[i].sql);
		while (slots[j].sql)
			j = (j + 1) & (cap - 1);
		slots[j] = old[i];
	}
	free(old);
	return CB_OK;
}

cb_status
cb_db_prepare(struct cb_db *db, const char *sql, struct cb_stmt **out)
{
	size_t j;
	int rc;

	if (db->cache_used * 2 >= db->cache_cap) {
		cb_status st = cache_grow(db);
		if (st != CB_OK)
			return st;
	}
	j = slot_of(db, sql);
	while (db->cache[j].sql && db->cache[j].sql != sql)
		j = (j + 1) & (db->cache_cap - 1);
	pending_bind_failure = CB_OK; /* a fresh statement starts clean */
	if (db->cache[j].sql) {
		sqlite3_reset(db->cache[j].stmt);
		sqlite3_clear_bindings(db->cache[j].stmt);
		*out = (struct cb_stmt *)db->cache[j].stmt;
		return CB_OK;
	}
	sqlite3_stmt *stmt;
	rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
	if (rc != SQLITE_OK)
		return fail(db, rc);
	db->cache[j].sql = sql;
	db->cache[j].stmt = stmt;
	db->cache_used++;
	*out = (struct cb_stmt *)stmt;
	return CB_OK;
}

static void
cache_clear(struct cb_db *db)
{
	for (size_t i = 0; i < db->cache_cap; i++)
		if (db->cache[i].sql)
			sqlite3_finalize(db->cache[i].stmt);
	free(db->cache);
	db->cache = NULL;
	db->cache_cap = db->cache_used = 0;
}

#define S(st) ((sqlite3_stmt *)(st))

/* A failed bind (out of memory, value too big) must not let the statement
 * run with a NULL in its place: the failure is kept and the next step of
 * any statement reports it instead of running. The program is
 * single-threaded, so one pending failure is enough. */

static cb_status
bind_rc(struct cb_stmt *st, int rc)
{
	(void)st;
	if (rc == SQLITE_OK)
		return CB_OK;
	if (pending_bind_failure == CB_OK)
		pending_bind_failure = map_rc(rc);
	return map_rc(rc);
}

cb_status
cb_stmt_bind_int(struct cb_stmt *st, int i, int64_t v)
{
	return bind_rc(st, sqlite3_bind_int64(S(st), i, v));
}

cb_status
cb_stmt_bind_text(struct cb_stmt *st, int i, const char *v)
{
	if (!v)
		return bind_rc(st, sqlite3_bind_null(S(st), i));
	return bind_rc(st, sqlite3_bind_text(S(st), i, v, -1, SQLITE_TRANSIENT));
}

cb_status
cb_stmt_bind_blob(struct cb_stmt *st, int i, const void *v, size_t n)
{
	return bind_rc(st, sqlite3_bind_blob64(S(st), i, v, n, SQLITE_TRANSIENT));
}

cb_status
cb_stmt_bind_id(struct cb_stmt *st, int i, const struct cb_id *id)
{
	return cb_stmt_bind_blob(st, i, id->b, CB_ID_LEN);
}

cb_status
cb_stmt_bind_null(struct cb_stmt *st, int i)
{
	return bind_rc(st, sqlite3_bind_null(S(st), i));
}

cb_status
cb_stmt_bind_value(struct cb_stmt *st, int i, const struct cb_value *v)
{
	if (v->type == CB_V_INT)
		return cb_stmt_bind_int(st, i, v->i);
	if (v->type == CB_V_TEXT)
		return cb_stmt_bind_text(st, i, v->s);
	return cb_stmt_bind_null(st, i);
}

cb_status
cb_stmt_step(struct cb_stmt *st)
{
	int rc;

	if (pending_bind_failure != CB_OK) {
		cb_status failed = pending_bind_failure;
		pending_bind_failure = CB_OK;
		sqlite3_reset(S(st));
		return failed;
	}
	cb_status result;

	rc = sqlite3_step(S(st));
	if (rc == SQLITE_ROW)
		return CB_ROW;
	/* read the OS error before the reset (and its rollback) can clear it */
	result = rc == SQLITE_DONE ? CB_DONE : map_rc_on(sqlite3_db_handle(S(st)), rc);
	sqlite3_reset(S(st));
	return result;
}

void
cb_stmt_reset(struct cb_stmt *st)
{
	sqlite3_reset(S(st));
}

bool
cb_stmt_is_null(struct cb_stmt *st, int col)
{
	return sqlite3_column_type(S(st), col) == SQLITE_NULL;
}

int64_t
cb_stmt_int(struct cb_stmt *st, int col)
{
	return sqlite3_column_int64(S(st), col);
}

const char *
cb_stmt_text(struct cb_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(S(st), col);
	return t ? (const char *)t : "";
}

const void *
cb_stmt_blob(struct cb_stmt *st, int col, size_t *n)
{
	const void *p = sqlite3_column_blob(S(st), col);
	*n = (size_t)sqlite3_column_bytes(S(st), col);
	return p;
}

void
cb_stmt_id(struct cb_stmt *st, int col, struct cb_id *out)
{
	size_t n;
	const void *p = cb_stmt_blob(st, col, &n);

	if (p && n == CB_ID_LEN)
		memcpy(out->b, p, CB_ID_LEN);
	else
		memset(out->b, 0, CB_ID_LEN);
}

int
cb_stmt_columns(struct cb_stmt *st)
{
	return sqlite3_column_count(S(st));
}

int64_t
cb_db_changes(struct cb_db *db)
{
	return sqlite3_changes64(db->h);
}

cb_status
cb_db_exec(struct cb_db *db, const char *sql)
{
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? CB_OK : fail(db, rc);
}

/* Read-only PRAGMAs and other one-off statements that must not stay cached. */
static cb_status
pragma_int(struct cb_db *db, const char *sql, int64_t *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return fail(db, rc);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		*out = 0;
		rc = SQLITE_OK;
	}
	if (rc != SQLITE_OK) {
		cb_status s = fail(db, rc);
		sqlite3_finalize(st);
		return s;
	}
	sqlite3_finalize(st);
	return CB_OK;
}

/* --- transactions -------------------------------------------------------- */

/* an op beyond the horizon (let in by an older version) is ignored */
static const char SQL_MAX_HLC[] = "SELECT coalesce(max(hlc), 0) FROM ops WHERE hlc <= ?1";
static const char SQL_MAX_SEQ[] = "SELECT coalesce(max(seq), 0) FROM ops WHERE site = ?1";

/* Other processes (the screen and a command at once) may have written since
 * we last looked: take the clock and seq from the log under the write lock. */
static cb_status
refresh_clock(struct cb_db *db)
{
	int64_t hlc;
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, SQL_MAX_HLC, &st);

	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_int(st, 1, (int64_t)CB_HLC_MAX);
	if ((rc = cb_stmt_step(st)) != CB_ROW)
		return rc == CB_DONE ? CB_DB_ERROR : rc;
	hlc = cb_stmt_int(st, 0);
	cb_stmt_reset(st);
	if ((uint64_t)hlc > db->clock.last_hlc)
		db->clock.last_hlc = (uint64_t)hlc;
	if ((rc = cb_db_prepare(db, SQL_MAX_SEQ, &st)) != CB_OK)
		return rc;
	cb_stmt_bind_id(st, 1, &db->site);
	rc = cb_stmt_step(st);
	if (rc != CB_ROW)
		return rc == CB_DONE ? CB_DB_ERROR : rc;
	db->clock.next_seq = cb_stmt_int(st, 0) + 1;
	cb_stmt_reset(st);
	return CB_OK;
}

cb_status
cb_db_begin(struct cb_db *db)
{
	cb_status st;

	if (db->tx_depth > 0) {
		if (db->doomed)
			return CB_DB_ERROR;
		db->tx_depth++;
		return CB_OK;
	}
	if (db->readonly)
		return CB_DB_READONLY;
	cb_db_read_end(db); /* a write takes over from a read transaction */
	if ((st = cb_db_exec(db, "BEGIN IMMEDIATE")) != CB_OK)
		return st;
	db->tx_depth = 1;
	db->doomed = false;
	db->tx_gen++;
	if ((st = refresh_clock(db)) != CB_OK) {
		cb_db_rollback(db);
		db->tx_depth = 0;
		return st;
	}
	db->actions.tx_first_seq = db->clock.next_seq;
	return CB_OK;
}

cb_status
cb_db_commit(struct cb_db *db)
{
	cb_status st;

	if (db->tx_depth == 0)
		return CB_DB_ERROR;
	if (--db->tx_depth > 0)
		return db->doomed ? CB_DB_ERROR : CB_OK;
	if (db->doomed) {
		db->doomed = false;
		cb_project_discard(db);
		cb_undo_rolled_back(db);
		return CB_DB_ERROR;
	}
	/* values a batch still holds go in with the rest */
	if ((st = cb_project_batch_end(db)) != CB_OK) {
		db->tx_depth = 1;
		cb_db_rollback(db);
		return st;
	}
	st = cb_db_exec(db, "COMMIT");
	if (st != CB_OK) {
		/* a failed COMMIT (disk full, I/O) leaves the transaction open */
		if (!sqlite3_get_autocommit(db->h))
			sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		cb_undo_rolled_back(db);
		return st;
	}
	cb_undo_committed(db);
	/* the commit stands whatever the checkpoint says: a busy one stays
	 * pending for the next commit (and SQLite's own at the last close) */
	if (db->wipe_pending && cb_db_checkpoint(db) == CB_OK)
		db->wipe_pending = false;
	return CB_OK;
}

void
cb_db_wipe_after_commit(struct cb_db *db)
{
	db->wipe_pending = true;
}

bool
cb_db_wipe_pending(const struct cb_db *db)
{
	return db->wipe_pending;
}

cb_status
cb_db_checkpoint(struct cb_db *db)
{
	sqlite3_stmt *st;
	int rc;
	bool busy = false;

	if (db->tx_depth > 0)
		return CB_DB_ERROR;
	/* in-memory databases have no WAL: the pragma answers and does nothing */
	rc = sqlite3_prepare_v2(db->h, "PRAGMA wal_checkpoint(TRUNCATE)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return fail(db, rc);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		busy = sqlite3_column_int(st, 0) != 0;
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_OK;
	}
	if (rc != SQLITE_OK) {
		cb_status s = fail(db, rc);
		sqlite3_finalize(st);
		return s;
	}
	sqlite3_finalize(st);
	return busy ? CB_DB_LOCKED : CB_OK;
}

void
cb_db_rollback(struct cb_db *db)
{
	cb_project_discard(db);
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	if (db->tx_depth > 0) {
		db->tx_depth--;
		db->doomed = db->tx_depth > 0;
	}
	if (db->tx_depth == 0)
		cb_undo_rolled_back(db);
}

bool
cb_db_in_transaction(const struct cb_db *db)
{
	/* After an inner rollback SQLite is back in autocommit mode: a write
	 * now would be committed at once, so a doomed transaction is none. */
	return db->tx_depth > 0 && !db->doomed;
}

cb_status
cb_db_read_begin(struct cb_db *db)
{
	if (db->tx_depth > 0 || db->read_tx || !sqlite3_get_autocommit(db->h))
		return CB_OK;
	if (sqlite3_exec(db->h, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return fail(db, sqlite3_errcode(db->h));
	db->read_tx = true;
	return CB_OK;
}

void
cb_db_read_end(struct cb_db *db)
{
	if (!db->read_tx)
		return;
	db->read_tx = false;
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
}

struct cb_db_clock *
cb_db_clock_state(struct cb_db *db)
{
	return &db->clock;
}

struct cb_db_actions *
cb_db_actions(struct cb_db *db)
{
	return &db->actions;
}

struct cb_projection **
cb_db_projection_slot(struct cb_db *db)
{
	return &db->projection;
}

/* --- schema ------------------------------------------------------------ */

int
cb_db_latest_version(void)
{
	return cb_schema_migrations();
}

int
cb_db_schema_version(struct cb_db *db)
{
	int64_t v = 0;
	if (pragma_int(db, "PRAGMA user_version", &v) != CB_OK)
		return -1;
	return (int)v;
}

cb_status
cb_db_migrate_to(struct cb_db *db, int version)
{
	int64_t current;
	cb_status st;
	char sql[64];

	if (version > cb_schema_migrations())
		return CB_DB_TOO_NEW;
	if ((st = pragma_int(db, "PRAGMA user_version", &current)) != CB_OK)
		return st;
	for (int v = (int)current; v < version; v++) {
		if ((st = cb_db_exec(db, "BEGIN IMMEDIATE")) != CB_OK)
			return st;
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
		if ((st = cb_db_exec(db, cb_schema_migration(v + 1))) != CB_OK ||
		    (st = cb_db_exec(db, sql)) != CB_OK ||
		    (st = cb_db_exec(db, "COMMIT")) != CB_OK) {
			char keep[sizeof db->err];
			memcpy(keep, db->err, sizeof keep);
			sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
			memcpy(db->err, keep, sizeof keep);
			return st;
		}
	}
	return CB_OK;
}

/* --- site identity ------------------------------------------------------ */

static const char SQL_META_GET[] = "SELECT value FROM meta WHERE key = ?1";
static const char SQL_META_SET[] = "INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)";

static cb_status
meta_get(struct cb_db *db, const char *key, struct cb_stmt **row)
{
	cb_status st = cb_db_prepare(db, SQL_META_GET, row);

	if (st != CB_OK)
		return st;
	cb_stmt_bind_text(*row, 1, key);
	st = cb_stmt_step(*row);
	return st == CB_DONE ? CB_NOT_FOUND : st == CB_ROW ? CB_OK : st;
}

static cb_status
meta_set_blob(struct cb_db *db, const char *key, const void *v, size_t n, const char *text)
{
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, SQL_META_SET, &st);

	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_text(st, 1, key);
	if (text)
		cb_stmt_bind_text(st, 2, text);
	else
		cb_stmt_bind_blob(st, 2, v, n);
	rc = cb_stmt_step(st);
	return rc == CB_DONE ? CB_OK : rc;
}

/* Which copy of the file this is: the machine and the file's inode. A
 * database copied to another laptop (or restored from a backup) gets a new
 * inode, so it takes a new site id and never reuses the seqs of the
 * original. Moving the file on the same disk keeps it. */
static void
fingerprint(const char *path, char *out, size_t len)
{
	char machine[128] = "";
	struct stat sb;
	FILE *f = fopen("/etc/machine-id", "r");

	if (f) {
		if (!fgets(machine, sizeof machine, f))
			machine[0] = '\0';
		fclose(f);
		machine[strcspn(machine, "\n")] = '\0';
	}
	if (!machine[0] && gethostname(machine, sizeof machine - 1) != 0)
		snprintf(machine, sizeof machine, "unknown");
	if (stat(path, &sb) != 0)
		sb.st_ino = 0;
	snprintf(out, len, "%s:%llu", machine, (unsigned long long)sb.st_ino);
}

static cb_status
init_site(struct cb_db *db)
{
	struct cb_stmt *st;
	char fp[200], old[200] = "";
	bool memory = strcmp(db->path, ":memory:") == 0;
	cb_status rc;

	fp[0] = '\0';
	if (!memory)
		fingerprint(db->path, fp, sizeof fp);

	if ((rc = meta_get(db, "fingerprint", &st)) == CB_OK) {
		snprintf(old, sizeof old, "%s", cb_stmt_text(st, 0));
		cb_stmt_reset(st);
	} else if (rc != CB_NOT_FOUND)
		return rc;

	rc = meta_get(db, "site", &st);
	if (rc == CB_OK) {
		cb_stmt_id(st, 0, &db->site);
		cb_stmt_reset(st);
	} else if (rc != CB_NOT_FOUND)
		return rc;

	if ((rc = meta_get(db, "site_label", &st)) == CB_OK) {
		free(db->site_label);
		db->site_label = strdup(cb_stmt_text(st, 0));
		cb_stmt_reset(st);
		if (!db->site_label)
			return CB_NOMEM;
	} else if (rc != CB_NOT_FOUND)
		return rc;

	if ((rc = meta_get(db, "demo", &st)) == CB_OK) {
		db->demo = cb_stmt_int(st, 0) != 0;
		cb_stmt_reset(st);
	} else if (rc != CB_NOT_FOUND)
		return rc;

	if (!cb_id_is_zero(&db->site) && strcmp(old, fp) == 0)
		return CB_OK;
	if (db->readonly)
		return CB_OK;

	if ((rc = cb_id_new(&db->site, cb_clock_now_ms())) != CB_OK)
		return rc;
	if ((rc = cb_db_exec(db, "BEGIN IMMEDIATE")) != CB_OK)
		return rc;
	if ((rc = meta_set_blob(db, "site", db->site.b, CB_ID_LEN, NULL)) != CB_OK ||
	    (rc = meta_set_blob(db, "fingerprint", NULL, 0, fp)) != CB_OK ||
	    (rc = cb_db_exec(db, "COMMIT")) != CB_OK) {
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		return rc;
	}
	return CB_OK;
}

const struct cb_id *
cb_db_site(const struct cb_db *db)
{
	return &db->site;
}

const char *
cb_db_site_label(const struct cb_db *db)
{
	return db->site_label ? db->site_label : "";
}

bool
cb_db_write_stamp(struct cb_db *db, uint64_t *gen, int64_t *changes)
{
	if (!cb_db_in_transaction(db))
		return false;
	*gen = db->tx_gen;
	*changes = (int64_t)sqlite3_total_changes64(db->h);
	return true;
}

void
cb_db_table_touched(struct cb_db *db, int table)
{
	db->table_gen[(unsigned)table % 64]++;
}

uint64_t
cb_db_table_gen(const struct cb_db *db, int table)
{
	return db->table_gen[(unsigned)table % 64];
}

void *
cb_db_cache(struct cb_db *db)
{
	return db->mod_cache;
}

void
cb_db_set_cache(struct cb_db *db, void *p, void (*free_fn)(void *))
{
	if (db->mod_cache && db->mod_cache_free)
		db->mod_cache_free(db->mod_cache);
	db->mod_cache = p;
	db->mod_cache_free = free_fn;
}

bool
cb_db_is_demo(const struct cb_db *db)
{
	return db->demo;
}

bool
cb_db_is_readonly(const struct cb_db *db)
{
	return db->readonly;
}

static const char SQL_DATA_VERSION[] = "PRAGMA data_version";

cb_status
cb_db_data_version(struct cb_db *db, int64_t *out)
{
	return cb_db_query_int(db, SQL_DATA_VERSION, out);
}

cb_status
cb_db_mark_demo(struct cb_db *db)
{
	cb_status st;

	if ((st = cb_db_begin(db)) != CB_OK)
		return st;
	if ((st = meta_set_blob(db, "demo", NULL, 0, "1")) != CB_OK) {
		cb_db_rollback(db);
		return st;
	}
	if ((st = cb_db_commit(db)) == CB_OK)
		db->demo = true;
	return st;
}

cb_status
cb_db_set_site_label(struct cb_db *db, const char *label)
{
	cb_status st;
	char *copy = strdup(label);

	if (!copy)
		return CB_NOMEM;
	if ((st = cb_db_begin(db)) != CB_OK) {
		free(copy);
		return st;
	}
	if ((st = meta_set_blob(db, "site_label", NULL, 0, label)) != CB_OK) {
		cb_db_rollback(db);
		free(copy);
		return st;
	}
	if ((st = cb_db_commit(db)) != CB_OK) {
		free(copy);
		return st;
	}
	free(db->site_label);
	db->site_label = copy;
	return CB_OK;
}

/* --- open / close ---------------------------------------------------------- */

/* Is this an SQLite file that some other program made? */
static cb_status
check_identity(struct cb_db *db)
{
	int64_t app = 0, version = 0, tables = 0;
	cb_status st;

	if ((st = pragma_int(db, "PRAGMA application_id", &app)) != CB_OK)
		return st;
	if ((st = pragma_int(db, "PRAGMA user_version", &version)) != CB_OK)
		return st;
	if (app == 0) {
		if ((st = pragma_int(db, "SELECT count(*) FROM sqlite_schema", &tables)) != CB_OK)
			return st;
		if (tables > 0 || version > 0) {
			db->err_sqlite = false, snprintf(db->err, sizeof db->err, "application_id is not cambouis");
			return CB_DB_FOREIGN;
		}
		return CB_OK;
	}
	if (app != CB_APPLICATION_ID) {
		db->err_sqlite = false, snprintf(db->err, sizeof db->err, "application_id %#llx", (unsigned long long)app);
		return CB_DB_FOREIGN;
	}
	if (version > cb_schema_migrations()) {
		db->err_sqlite = false, snprintf(db->err, sizeof db->err, "schema version %lld, this build knows %d",
			 (long long)version, cb_schema_migrations());
		return CB_DB_TOO_NEW;
	}
	return CB_OK;
}

static cb_status
setup(struct cb_db *db, unsigned flags)
{
	cb_status st;
	int64_t app;
	char sql[64];

	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_timeout(db->h, CB_BUSY_TIMEOUT_MS);
	if ((st = check_identity(db)) != CB_OK)
		return st;
	if (db->readonly) {
		int version = cb_db_schema_version(db);
		if (version == 0) {
			/* an empty file: nothing was ever written here */
			db->err_sqlite = false, snprintf(db->err, sizeof db->err, "empty file");
			return CB_DB_MISSING;
		}
		if (version < cb_schema_migrations()) {
			db->err_sqlite = false, snprintf(db->err, sizeof db->err, "schema needs an upgrade");
			return CB_DB_READONLY;
		}
		return init_site(db);
	}
	if ((st = cb_db_exec(db, "PRAGMA foreign_keys = ON")) != CB_OK)
		return st;
	/* deleted and overwritten values are zeroed, not left in free space:
	 * after an erasure not one byte of the person stays in the file */
	if ((st = cb_db_exec(db, "PRAGMA secure_delete = ON")) != CB_OK)
		return st;
	/* 32 MiB of page cache: an import touches the log's indexes all over */
	if ((st = cb_db_exec(db, "PRAGMA cache_size = -32768")) != CB_OK)
		return st;
	if (strcmp(db->path, ":memory:") != 0) {
		/* keep the -wal file between runs: each short command would
		 * otherwise create and delete it (a third of `agenda`'s time) */
		int persist = 1;
		if ((st = cb_db_exec(db, "PRAGMA journal_mode = WAL")) != CB_OK)
			return st;
		if (sqlite3_file_control(db->h, "main", SQLITE_FCNTL_PERSIST_WAL, &persist) != SQLITE_OK)
			return fail(db, sqlite3_errcode(db->h));
		/* and truncate it to nothing whenever it is reset, so no old
		 * page (a changed name, a note) lingers in it */
		if ((st = cb_db_exec(db, "PRAGMA journal_size_limit = 0")) != CB_OK)
			return st;
	}
	if ((st = pragma_int(db, "PRAGMA application_id", &app)) != CB_OK)
		return st;
	if (app == 0) {
		snprintf(sql, sizeof sql, "PRAGMA application_id = %d", CB_APPLICATION_ID);
		if ((st = cb_db_exec(db, sql)) != CB_OK)
			return st;
	}
	if ((st = cb_db_migrate_to(db, cb_schema_migrations())) != CB_OK)
		return st;
	(void)flags;
	return init_site(db);
}

/* Create the file ourselves so it is 0600 whatever the umask. */
static cb_status
create_file(const char *path)
{
	int fd;
	cb_status st = cb_paths_make_parent(path);

	if (st != CB_OK)
		return st;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			return CB_OK;
		return errno == ENOSPC ? CB_FULL : errno == EROFS || errno == EACCES ? CB_DB_READONLY : CB_IO;
	}
	close(fd);
	return CB_OK;
}

void
cb_sqlite_setup(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	/* both fail harmlessly (SQLITE_MISUSE) if SQLite is already running */
	(void)sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* The status of a path that lstat or stat could not reach. */
static cb_status
unreachable(int e)
{
	switch (e) {
	case ENOENT: return CB_DB_MISSING;
	case EACCES: return CB_DB_UNREADABLE;
	case ENAMETOOLONG:
	case ELOOP:
	case ENOTDIR: return CB_DB_PATH;
	case ENOMEM: return CB_NOMEM;
	default: return CB_IO;
	}
}

/* What is at path, before SQLite opens it: a regular file we may read (or
 * nothing, made when flags allow). A symbolic link is followed to the file
 * it names, *real (malloc'ed): SQLite refuses links, and the -wal and -shm
 * files belong beside the real file. Anything else (a directory, a device,
 * a pipe that would block the open) is refused with its own status. */
static cb_status
check_path(const char *path, unsigned flags, char **real, struct stat *sb)
{
	*real = NULL;
	if (!*path || strlen(path) >= PATH_MAX)
		return CB_DB_PATH;
	if (lstat(path, sb) != 0) {
		cb_status st = unreachable(errno);
		if (st != CB_DB_MISSING || !(flags & CB_OPEN_CREATE))
			return st;
		if ((st = create_file(path)) != CB_OK)
			return st;
		if (lstat(path, sb) != 0)
			return unreachable(errno);
	}
	if (S_ISLNK(sb->st_mode)) {
		if (stat(path, sb) != 0)
			return errno == ENOENT ? CB_DB_DANGLING : unreachable(errno);
		if (!(*real = realpath(path, NULL)))
			return unreachable(errno);
	}
	if (!S_ISREG(sb->st_mode))
		return CB_DB_NOT_FILE;
	if (access(*real ? *real : path, R_OK) != 0)
		return errno == EACCES ? CB_DB_UNREADABLE : unreachable(errno);
	return CB_OK;
}

/* SQLite gives a new (or empty) -wal or -shm file the mode of the
 * database: a read-only database (0400) that is read leaves read-only
 * companions behind, which would keep the database read-only once it is
 * writable again. The companions we own are made 0600, like the database,
 * before and after each open. A companion we may not use and do not own
 * is reported (*which) rather than met as "read-only" or "missing". */
static cb_status
companions(const char *path, bool write, char *which, size_t len)
{
	static const char *const suffix[] = {"-wal", "-shm"};
	char name[PATH_MAX + 8];

	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		struct stat sb;

		snprintf(name, sizeof name, "%s%s", path, suffix[i]);
		if (lstat(name, &sb) != 0 || !S_ISREG(sb.st_mode))
			continue;
		if (sb.st_uid == geteuid() && (sb.st_mode & 0777) != 0600 && chmod(name, 0600) == 0)
			continue;
		/* a reader of a WAL database writes the -shm too */
		if (access(name, R_OK | W_OK) == 0 || (!write && access(name, R_OK) == 0 &&
							 strcmp(suffix[i], "-wal") == 0))
			continue;
		if (which && len)
			snprintf(which, len, "%s", name);
		return CB_DB_COMPANION;
	}
	return CB_OK;
}

/* Names are one name when their keys are equal (cb_text_name_key). No
 * index uses it, so the sqlite3 shell can still write every table. Out of
 * memory, the bytes decide (a total order still). A lookup compares one
 * name with every row's: the last key made on each side is kept, so the
 * looked-up name's key is made once per query, not once per row. */
struct name_cache {
	struct {
		char *in, *key;
		size_t in_len, key_len;
	} side[2];
};

static void
name_cache_free(void *arg)
{
	struct name_cache *c = arg;

	for (int i = 0; c && i < 2; i++) {
		free(c->side[i].in);
		free(c->side[i].key);
	}
	free(c);
}

/* The key of p (n bytes), from the cache's slot when it holds p; NULL when
 * out of memory. */
static const char *
name_key_cached(struct name_cache *c, int slot, const void *p, size_t n, size_t *len)
{
	char *in, *key;

	if (c->side[slot].key && c->side[slot].in_len == n && memcmp(c->side[slot].in, p, n) == 0) {
		*len = c->side[slot].key_len;
		return c->side[slot].key;
	}
	if (!(key = cb_text_name_key_n(p, n, len)))
		return NULL;
	if (!(in = malloc(n + 1))) {
		free(key);
		return NULL;
	}
	memcpy(in, p, n);
	free(c->side[slot].in);
	free(c->side[slot].key);
	c->side[slot].in = in;
	c->side[slot].in_len = n;
	c->side[slot].key = key;
	c->side[slot].key_len = *len;
	return key;
}

static int
name_collate(void *arg, int n1, const void *p1, int n2, const void *p2)
{
	size_t l1, l2;
	const char *k1 = name_key_cached(arg, 0, p1, (size_t)n1, &l1);
	const char *k2 = k1 ? name_key_cached(arg, 1, p2, (size_t)n2, &l2) : NULL;
	int c;

	if (!k1 || !k2) { /* out of memory: bytes, still a total order */
		k1 = p1, k2 = p2;
		l1 = (size_t)n1, l2 = (size_t)n2;
	}
	c = memcmp(k1, k2, l1 < l2 ? l1 : l2);
	return c ? c : (l1 > l2) - (l1 < l2);
}

cb_status
cb_db_open(const char *path, unsigned flags, struct cb_db **out, char *detail, size_t detail_len)
{
	struct cb_db *db;
	struct stat sb;
	bool memory = strcmp(path, ":memory:") == 0;
	char *real = NULL;
	int oflags, rc;
	cb_status st;

	cb_sqlite_setup();
	*out = NULL;
	if (detail && detail_len)
		detail[0] = '\0';
	if (!memory) {
		if ((st = check_path(path, flags, &real, &sb)) != CB_OK) {
			free(real);
			return st;
		}
		if (real)
			path = real;
	}
	db = calloc(1, sizeof *db);
	if (!db || !(db->path = strdup(path))) {
		free(db);
		free(real);
		return CB_NOMEM;
	}
	free(real);
	path = db->path;
	db->readonly = !(flags & (CB_OPEN_WRITE | CB_OPEN_CREATE));
	if (!db->readonly && !memory && access(path, W_OK) != 0) {
		st = CB_DB_READONLY;
		goto failed;
	}
	if (!memory && (st = companions(path, !db->readonly, detail, detail_len)) != CB_OK) {
		cb_db_close(db);
		return st;
	}
	oflags = (db->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
		 (memory ? SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY : 0) |
		 SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE |
		 SQLITE_OPEN_NOMUTEX; /* one thread: no per-call mutexes */
	rc = sqlite3_open_v2(path, &db->h, oflags, NULL);
	if (rc == SQLITE_OK) {
		struct name_cache *cache = calloc(1, sizeof *cache);
		rc = cache ? sqlite3_create_collation_v2(db->h, CB_NAME_COLLATION, SQLITE_UTF8,
							 cache, name_collate, name_cache_free)
			   : SQLITE_NOMEM;
		if (rc != SQLITE_OK) /* SQLite frees it only once registered */
			name_cache_free(cache);
	}
	if (rc != SQLITE_OK) {
		st = fail(db, rc);
		goto failed;
	}
	if ((st = setup(db, flags)) != CB_OK)
		goto failed;
	if (!memory)
		(void)companions(path, false, NULL, 0);
	*out = db;
	return CB_OK;

failed:
	/* our own detail only: SQLite's words never reach a user */
	if (detail && detail_len && !db->err_sqlite)
		snprintf(detail, detail_len, "%s", db->err);
	cb_db_close(db);
	return st;
}

void
cb_db_close(struct cb_db *db)
{
	if (!db)
		return;
	cache_clear(db);
	cb_db_set_cache(db, NULL, NULL);
	if (db->h && sqlite3_close(db->h) != SQLITE_OK)
		sqlite3_close_v2(db->h);
	cb_projection_free(db->projection); /* after the statements made from it */
	cb_undo_free(&db->actions);
	free(db->site_label);
	free(db->path);
	free(db);
}

cb_status
cb_db_check(struct cb_db *db, char *detail, size_t detail_len)
{
	sqlite3_stmt *st;
	int rc;
	cb_status result = CB_OK;

	if (detail && detail_len)
		detail[0] = '\0';
	if ((result = check_identity(db)) != CB_OK) {
		if (detail)
			snprintf(detail, detail_len, "%s", db->err);
		return result;
	}
	rc = sqlite3_prepare_v2(db->h, "PRAGMA integrity_check", -1, &st, NULL);
	if (rc != SQLITE_OK) {
		result = fail(db, rc);
		if (detail)
			snprintf(detail, detail_len, "%s", db->err);
		return result == CB_DB_LOCKED ? result : CB_DB_DAMAGED;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(st, 0);
		if (line && strcmp(line, "ok") != 0) {
			if (result == CB_OK && detail)
				snprintf(detail, detail_len, "%s", line);
			result = CB_DB_DAMAGED;
		}
	}
	if (rc != SQLITE_DONE && result == CB_OK) {
		result = map_rc(rc) == CB_DB_LOCKED ? CB_DB_LOCKED : CB_DB_DAMAGED;
		if (detail)
			snprintf(detail, detail_len, "%s", sqlite3_errmsg(db->h));
	}
	sqlite3_finalize(st);
	if (result == CB_OK && cb_db_schema_version(db) != cb_schema_migrations()) {
		if (detail)
			snprintf(detail, detail_len, "schema version %d, expected %d",
				 cb_db_schema_version(db), cb_schema_migrations());
		result = CB_DB_DAMAGED;
	}
	return result;
}
