/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cambouis/clock.h"
#include "cambouis/oplog.h"
#include "cambouis/venue.h"
#include "unit.h"

#define CB_APPLICATION_ID 0x43414D42 /* 'CAMB', as db.c writes it */

static char *dir;

static void
setup_dir(void)
{
	dir = unit_tmpdir();
	cb_clock_pin(UNIT_NOW_MS);
}

static void
teardown_dir(void)
{
	unit_tmpdir_remove(dir);
	dir = NULL;
	cb_clock_unpin();
}

static struct cb_db *
open_ok(const char *path, unsigned flags)
{
	struct cb_db *db = NULL;
	char detail[256];
	cb_status st = cb_db_open(path, flags, &db, detail, sizeof detail);

	ck_assert_msg(st == CB_OK, "open %s gave %s (%s)", path, cb_status_name(st), detail);
	return db;
}

/* The status an open fails with; the connection must not be returned. */
static cb_status
open_fails(const char *path, unsigned flags)
{
	struct cb_db *db = (struct cb_db *)&db;
	char detail[256];
	cb_status st = cb_db_open(path, flags, &db, detail, sizeof detail);

	ck_assert_ptr_null(db);
	ck_assert_int_ne(st, CB_OK);
	return st;
}

static void
add_venue(struct cb_db *db, const char *name)
{
	struct cb_venue_input in = {.name = name};
	cb_status st = cb_venue_add(db, &in, NULL, NULL);

	ck_assert_msg(st == CB_OK, "add %s gave %s", name, cb_status_name(st));
}

static int64_t
query(struct cb_db *db, const char *sql)
{
	int64_t v = -1;

	ck_assert_int_eq(cb_db_query_int(db, sql, &v), CB_OK);
	return v;
}

static unsigned
mode_of(const char *path)
{
	struct stat sb;

	ck_assert_int_eq(stat(path, &sb), 0);
	return sb.st_mode & 07777;
}

static void
check_new_file_mode(mode_t mask, const char *name)
{
	char *path = unit_path(dir, name), *wal;
	mode_t old = umask(mask);
	struct cb_db *db = open_ok(path, CB_OPEN_CREATE);

	umask(old);
	add_venue(db, "Halle"); /* writes the WAL file */
	ck_assert_msg(mode_of(path) == 0600, "umask %03o: mode %03o", (unsigned)mask, mode_of(path));
	ck_assert_int_gt(asprintf(&wal, "%s-wal", path), 0);
	if (access(wal, F_OK) == 0)
		ck_assert_msg(mode_of(wal) == 0600, "WAL mode %03o", mode_of(wal));
	cb_db_close(db);
	free(wal);
	free(path);
}

START_TEST(test_new_file_mode)
{
	check_new_file_mode(0, "permissive.db");
	check_new_file_mode(022, "usual.db");
	check_new_file_mode(077, "strict.db");
}
END_TEST

START_TEST(test_identity_and_wal)
{
	char *path = unit_path(dir, "new.db");
	struct cb_db *db = open_ok(path, CB_OPEN_CREATE);
	struct cb_stmt *st;
	static const char journal[] = "PRAGMA journal_mode";

	ck_assert_int_eq(query(db, "PRAGMA application_id"), CB_APPLICATION_ID);
	ck_assert_int_eq(query(db, "PRAGMA user_version"), cb_db_latest_version());
	ck_assert_int_eq(cb_db_schema_version(db), cb_db_latest_version());
	ck_assert_int_ge(cb_db_latest_version(), 2);
	ck_assert_int_eq(query(db, "PRAGMA foreign_keys"), 1);
	ck_assert_int_gt(query(db, "PRAGMA busy_timeout"), 0);
	ck_assert_int_eq(cb_db_prepare(db, journal, &st), CB_OK);
	ck_assert_int_eq(cb_stmt_step(st), CB_ROW);
	ck_assert_str_eq(cb_stmt_text(st, 0), "wal");
	cb_stmt_reset(st);
	ck_assert(!cb_id_is_zero(cb_db_site(db)));
	cb_db_close(db);

	/* and they stay so on reopen */
	db = open_ok(path, CB_OPEN_WRITE);
	ck_assert_int_eq(query(db, "PRAGMA application_id"), CB_APPLICATION_ID);
	ck_assert_int_eq(cb_db_prepare(db, journal, &st), CB_OK);
	ck_assert_int_eq(cb_stmt_step(st), CB_ROW);
	ck_assert_str_eq(cb_stmt_text(st, 0), "wal");
	cb_stmt_reset(st);
	cb_db_close(db);
	free(path);
}
END_TEST

/* A database left at schema version 1 by an older cambouis (ops, no
 * venues table) opens, migrates and keeps its ops. */
/* Drop every table, whatever later migrations added (test-only SQL). */
static void
drop_all_tables(struct cb_db *db)
{
	static const char sql[] = "SELECT name FROM sqlite_schema WHERE type = 'table'";
	for (;;) {
		struct cb_stmt *st;
		char drop[128];
		ck_assert_int_eq(cb_db_prepare(db, sql, &st), CB_OK);
		if (cb_stmt_step(st) != CB_ROW)
			break;
		snprintf(drop, sizeof drop, "DROP TABLE \"%s\"", cb_stmt_text(st, 0));
		cb_stmt_reset(st);
		ck_assert_int_eq(cb_db_exec(db, drop), CB_OK);
	}
}

START_TEST(test_migrate_old_database)
{
	char *path = unit_path(dir, "old.db");
	struct cb_db *db = open_ok(path, CB_OPEN_CREATE);
	struct cb_venue v;
	struct cb_id row;

	/* Opening always migrates to the latest version, so take the file back
	 * to an empty schema and let cb_db_migrate_to build version 1. */
	drop_all_tables(db);
	ck_assert_int_eq(cb_db_exec(db, "PRAGMA user_version = 0"), CB_OK);
	ck_assert_int_eq(cb_db_schema_version(db), 0);
	ck_assert_int_eq(cb_db_migrate_to(db, 1), CB_OK);
	ck_assert_int_eq(cb_db_schema_version(db), 1);
	ck_assert_int_eq(query(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'venues'"), 0);
	ck_assert_int_eq(cb_db_exec(db,
		"INSERT INTO ops(op_id, site, seq, hlc, kind, tbl, row, field, value) VALUES("
		"x'0192a0000000700080000000000000aa', x'0192a0000000700080000000000000bb', 1,"
		" 116160000000000000, 1, 1, x'0192a0000000700080000000000000cc', 1, 'Halle')"), CB_OK);
	cb_db_close(db);

	db = open_ok(path, CB_OPEN_WRITE);
	ck_assert_int_eq(cb_db_schema_version(db), cb_db_latest_version());
	ck_assert_int_eq(query(db, "SELECT count(*) FROM ops"), 1);
	ck_assert_int_eq(query(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'venues'"), 1);
	/* the kept op projects once the log is replayed */
	ck_assert_int_eq(cb_oplog_rebuild(db), CB_OK);
	ck_assert_int_eq(cb_id_from_hex("0192a0000000700080000000000000cc", &row), CB_OK);
	ck_assert_int_eq(cb_venue_get(db, &row, &v), CB_OK);
	ck_assert_str_eq(v.name, "Halle");
	cb_venue_clear(&v);
	/* and the site's own ops go on after it */
	add_venue(db, "Oésia");
	ck_assert_int_eq(query(db, "SELECT count(*) FROM ops"), 2);
	ck_assert_int_eq(cb_db_migrate_to(db, cb_db_latest_version() + 1), CB_DB_TOO_NEW);
	cb_db_close(db);
	free(path);
}
END_TEST

/* Version 9 kept the arrival order in a table beside the log and the
 * field winners in a clocks table; 10 makes the arrival order the log's
 * row number. The order survives (an export relies on it), an op the
 * arrivals missed comes after the rest, and both tables go. */
static char *
query_text(struct cb_db *db, const char *sql)
{
	struct cb_stmt *st;
	char *out;

	ck_assert_int_eq(cb_db_prepare(db, sql, &st), CB_OK);
	ck_assert_int_eq(cb_stmt_step(st), CB_ROW);
	out = strdup(cb_stmt_text(st, 0));
	cb_stmt_reset(st);
	ck_assert_ptr_nonnull(out);
	return out;
}

START_TEST(test_migrate_arrival_order)
{
	char *path = unit_path(dir, "v9.db");
	struct cb_db *db = open_ok(path, CB_OPEN_CREATE);
	char *order;

	drop_all_tables(db);
	ck_assert_int_eq(cb_db_exec(db, "PRAGMA user_version = 0"), CB_OK);
	ck_assert_int_eq(cb_db_migrate_to(db, 9), CB_OK);
	/* three ops of one site; they arrived 3, 1 (the order is not the
	 * clock's); op 2 has no arrival row */
	ck_assert_int_eq(cb_db_exec(db,
		"INSERT INTO ops(op_id, site, seq, hlc, kind, tbl, row, field, value) VALUES"
		"(x'0192a0000000700080000000000000a1', x'0192a0000000700080000000000000bb', 1,"
		" 116160000000000000, 1, 1, x'0192a0000000700080000000000000cc', 1, 'Halle'),"
		"(x'0192a0000000700080000000000000a2', x'0192a0000000700080000000000000bb', 2,"
		" 116160000000000001, 1, 1, x'0192a0000000700080000000000000cc', 3, 'Tours'),"
		"(x'0192a0000000700080000000000000a3', x'0192a0000000700080000000000000bb', 3,"
		" 116160000000000002, 1, 1, x'0192a0000000700080000000000000cc', 1, 'Grande halle');"
		"INSERT INTO arrivals(n, op_id) VALUES(7, x'0192a0000000700080000000000000a3'),"
		" (9, x'0192a0000000700080000000000000a1');"
		"INSERT INTO clocks VALUES(1, x'0192a0000000700080000000000000cc', 1,"
		" 116160000000000002, x'0192a0000000700080000000000000bb',"
		" x'0192a0000000700080000000000000a3')"), CB_OK);
	ck_assert_int_eq(cb_db_migrate_to(db, 10), CB_OK);
	order = query_text(db, "SELECT group_concat(n || ':' || seq, ' ')"
			       " FROM (SELECT n, seq FROM ops ORDER BY n)");
	ck_assert_str_eq(order, "7:3 9:1 10:2");
	free(order);
	ck_assert_int_eq(query(db, "SELECT count(*) FROM sqlite_schema"
				   " WHERE name IN ('arrivals', 'clocks')"), 0);
	cb_db_close(db);

	/* the winner of the name is the newest op, read from the log */
	db = open_ok(path, CB_OPEN_WRITE);
	ck_assert_int_eq(cb_oplog_rebuild(db), CB_OK);
	order = query_text(db, "SELECT name || '|' || commune FROM venues");
	ck_assert_str_eq(order, "Grande halle|Tours");
	free(order);
	cb_db_close(db);
	free(path);
}
END_TEST

/* Make an SQLite file belonging to someone else, through ATTACH (from a
 * file database: an in-memory one would attach in memory too). ATTACH does
 * not create files for a connection opened without SQLITE_OPEN_CREATE, so
 * start from an empty file, which SQLite reads as an empty database. */
static void
make_foreign(const char *path, const char *sql_in_f)
{
	char *helper = unit_path(dir, "helper.db"), *sql;
	struct cb_db *db = open_ok(helper, CB_OPEN_CREATE);

	unit_write_file(path, "", 0);
	ck_assert_int_gt(asprintf(&sql, "ATTACH '%s' AS f; %s; DETACH f", path, sql_in_f), 0);
	ck_assert_msg(cb_db_exec(db, sql) == CB_OK, "%s: %s", sql, cb_db_errmsg(db));
	free(sql);
	cb_db_close(db);
	free(helper);
}

START_TEST(test_foreign_file)
{
	char *path = unit_path(dir, "notes.sqlite"), *other = unit_path(dir, "other-app.sqlite");
	struct stat before, after;

	make_foreign(path, "CREATE TABLE f.notes(x TEXT); INSERT INTO f.notes VALUES('keep me')");
	ck_assert_int_eq(stat(path, &before), 0);
	ck_assert_int_eq(open_fails(path, CB_OPEN_CREATE), CB_DB_FOREIGN);
	ck_assert_int_eq(open_fails(path, CB_OPEN_WRITE), CB_DB_FOREIGN);
	ck_assert_int_eq(open_fails(path, CB_OPEN_READONLY), CB_DB_FOREIGN);
	/* refused without a single change */
	ck_assert_int_eq(stat(path, &after), 0);
	ck_assert_int_eq(after.st_size, before.st_size);
	ck_assert_int_eq(after.st_mtime, before.st_mtime);

	make_foreign(other, "PRAGMA f.application_id = 1234");
	ck_assert_int_eq(open_fails(other, CB_OPEN_WRITE), CB_DB_FOREIGN);
	free(path);
	free(other);
}
END_TEST

START_TEST(test_too_new)
{
	char *path = unit_path(dir, "future.db");
	struct cb_db *db = open_ok(path, CB_OPEN_CREATE);

	ck_assert_int_eq(cb_db_exec(db, "PRAGMA user_version = 99"), CB_OK);
	cb_db_close(db);
	ck_assert_int_eq(open_fails(path, CB_OPEN_WRITE), CB_DB_TOO_NEW);
	ck_assert_int_eq(open_fails(path, CB_OPEN_READONLY), CB_DB_TOO_NEW);
	free(path);
}
END_TEST

START_TEST(test_random_bytes)
{
	char *path = unit_path(dir, "noise.db");
	unsigned char noise[16384];

	ck_assert_int_eq(cb_random_bytes(noise, sizeof noise), CB_OK);
	unit_write_file(path, noise, sizeof noise);
	ck_assert_int_eq(open_fails(path, CB_OPEN_WRITE), CB_DB_DAMAGED);
	ck_assert_int_eq(open_fails(path, CB_OPEN_READONLY), CB_DB_DAMAGED);
	free(path);
}
END_TEST

START_TEST(test_missing)
{
	char *path = unit_path(dir, "absent.db"), *nested = unit_path(dir, "a/b/c.db");
	struct cb_db *db;

	ck_assert_int_eq(open_fails(path, CB_OPEN_WRITE), CB_DB_MISSING);
	ck_assert_int_eq(open_fails(path, CB_OPEN_READONLY), CB_DB_MISSING);
	ck_assert_int_ne(access(path, F_OK), 0); /* not created */
	ck_assert_int_eq(open_fails(dir, CB_OPEN_WRITE), CB_DB_NOT_FILE); /* a directory */
	/* CB_OPEN_CREATE makes the missing directories too */
	db = open_ok(nested, CB_OPEN_CREATE);
	cb_db_close(db);
	free(path);
	free(nested);
}
END_TEST

/* What is not a database file gets its own status, and nothing waits on
 * a pipe; a symbolic link is followed to the file it names. */
START_TEST(test_odd_files)
{
	char *fifo = unit_path(dir, "pipe.db"), *real = unit_path(dir, "real.db"),
	     *link = unit_path(dir, "link.db"), *dangling = unit_path(dir, "dangling.db"),
	     *through = unit_path(dir, "real.db/x.db"), *wal = unit_path(dir, "real.db-wal");
	char long_name[400];
	struct cb_db *db;
	struct stat sb;

	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	ck_assert_int_eq(open_fails(fifo, CB_OPEN_READONLY), CB_DB_NOT_FILE);
	ck_assert_int_eq(open_fails(fifo, CB_OPEN_CREATE), CB_DB_NOT_FILE);
	ck_assert_int_eq(open_fails("/dev/null", CB_OPEN_WRITE), CB_DB_NOT_FILE);
	db = open_ok(real, CB_OPEN_CREATE);
	add_venue(db, "Halle");
	cb_db_close(db);
	ck_assert_int_eq(symlink("real.db", link), 0);
	db = open_ok(link, CB_OPEN_WRITE);
	add_venue(db, "Cour");
	cb_db_close(db);
	ck_assert_int_eq(symlink("absent.db", dangling), 0);
	ck_assert_int_eq(open_fails(dangling, CB_OPEN_READONLY), CB_DB_DANGLING);
	ck_assert_int_eq(open_fails(dangling, CB_OPEN_CREATE), CB_DB_DANGLING);
	ck_assert_int_eq(open_fails(through, CB_OPEN_READONLY), CB_DB_PATH);
	memset(long_name, 'x', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';
	ck_assert_int_eq(open_fails(long_name, CB_OPEN_CREATE), CB_DB_PATH);
	ck_assert_int_eq(open_fails("", CB_OPEN_CREATE), CB_DB_PATH);
	/* a read-only -wal left behind is made 0600 again */
	ck_assert_int_eq(close(open(wal, O_WRONLY | O_CREAT, 0400)), 0);
	ck_assert_int_eq(chmod(wal, 0400), 0);
	db = open_ok(real, CB_OPEN_WRITE);
	add_venue(db, "Préau");
	ck_assert_int_eq(stat(wal, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	cb_db_close(db);
	free(fifo);
	free(real);
	free(link);
	free(dangling);
	free(through);
	free(wal);
}
END_TEST

/* Root may write anything, so drop to nobody in a child to see the refusal. */
static cb_status
open_as_nobody(const char *path, unsigned flags)
{
	pid_t pid;
	int status;

	if (geteuid() != 0) {
		struct cb_db *db;
		cb_status st = cb_db_open(path, flags, &db, NULL, 0);
		cb_db_close(db);
		return st;
	}
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct cb_db *db;
		cb_status st;
		if (setgid(65534) != 0 || setuid(65534) != 0)
			_exit(255);
		st = cb_db_open(path, flags, &db, NULL, 0);
		cb_db_close(db);
		_exit((int)st);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	ck_assert_int_ne(WEXITSTATUS(status), 255);
	return (cb_status)WEXITSTATUS(status);
}

START_TEST(test_readonly_file)
{
	char *path = unit_path(dir, "ro.db");
	struct cb_db *db = open_ok(path, CB_OPEN_CREATE);
	char *before, *after;

	add_venue(db, "Halle");
	before = unit_dump(db);
	cb_db_close(db);
	ck_assert_int_eq(chmod(dir, 0755), 0);
	ck_assert_int_eq(chmod(path, 0444), 0);
	ck_assert_int_eq(open_as_nobody(path, CB_OPEN_WRITE), CB_DB_READONLY);
	ck_assert_int_eq(open_as_nobody(path, CB_OPEN_CREATE), CB_DB_READONLY);

	/* read-only on purpose: reading works, writing is refused */
	ck_assert_int_eq(chmod(path, 0600), 0);
	db = open_ok(path, CB_OPEN_READONLY);
	after = unit_dump(db);
	ck_assert_str_eq(before, after);
	ck_assert_int_eq(cb_db_begin(db), CB_DB_READONLY);
	struct cb_venue_input in = {.name = "Oésia"};
	ck_assert_int_eq(cb_venue_add(db, &in, NULL, NULL), CB_DB_READONLY);
	cb_db_close(db);
	free(before);
	free(after);
	free(path);
}
END_TEST

START_TEST(test_data_version)
{
	/* another connection's commit moves it; this connection's own writes
	 * and reads do not */
	char *path = unit_path(dir, "two.db");
	struct cb_db *a = open_ok(path, CB_OPEN_CREATE), *b = open_ok(path, CB_OPEN_WRITE);
	int64_t v0, v1, v2;

	ck_assert_int_eq(cb_db_data_version(a, &v0), CB_OK);
	add_venue(a, "Halle");
	ck_assert_int_eq(cb_db_data_version(a, &v1), CB_OK);
	ck_assert_int_eq(v1, v0);
	add_venue(b, "Gymnase");
	ck_assert_int_eq(cb_db_data_version(a, &v2), CB_OK);
	ck_assert_int_ne(v2, v1);
	ck_assert_int_eq(cb_db_data_version(a, &v1), CB_OK);
	ck_assert_int_eq(v1, v2);
	cb_db_close(b);
	cb_db_close(a);
	free(path);
}
END_TEST

START_TEST(test_site_id)
{
	char *path = unit_path(dir, "site.db"), *copy = unit_path(dir, "copy.db");
	struct cb_db *db = open_ok(path, CB_OPEN_CREATE);
	struct cb_id site = *cb_db_site(db), again;

	ck_assert(!cb_id_is_zero(&site));
	ck_assert_int_eq(cb_db_set_site_label(db, "Atelier nord"), CB_OK);
	add_venue(db, "Halle");
	cb_db_close(db);

	db = open_ok(path, CB_OPEN_WRITE);
	ck_assert_int_eq(cb_id_cmp(cb_db_site(db), &site), 0);
	ck_assert_str_eq(cb_db_site_label(db), "Atelier nord");
	cb_db_close(db);
	db = open_ok(path, CB_OPEN_READONLY);
	ck_assert_int_eq(cb_id_cmp(cb_db_site(db), &site), 0);
	cb_db_close(db);

	/* a copy (another laptop, a restored backup) must not reuse the seqs
	 * of the original: it becomes a new site */
	unit_copy_file(path, copy);
	db = open_ok(copy, CB_OPEN_WRITE);
	again = *cb_db_site(db);
	ck_assert(!cb_id_is_zero(&again));
	ck_assert_int_ne(cb_id_cmp(&again, &site), 0);
	add_venue(db, "Oésia");
	ck_assert_int_eq(query(db, "SELECT count(DISTINCT site) FROM ops"), 2);
	cb_db_close(db);
	/* the copy keeps its new id from now on */
	db = open_ok(copy, CB_OPEN_WRITE);
	ck_assert_int_eq(cb_id_cmp(cb_db_site(db), &again), 0);
	cb_db_close(db);
	/* and the original keeps its own */
	db = open_ok(path, CB_OPEN_WRITE);
	ck_assert_int_eq(cb_id_cmp(cb_db_site(db), &site), 0);
	cb_db_close(db);
	free(path);
	free(copy);
}
END_TEST

static const char SQL_PAGE_SIZE[] = "PRAGMA page_size";

START_TEST(test_check)
{
	char *path = unit_path(dir, "big.db");
	struct cb_db *db = open_ok(path, CB_OPEN_CREATE);
	char detail[512], name[64];
	int64_t page;
	struct stat sb;
	int fd;

	ck_assert_int_eq(cb_db_begin(db), CB_OK);
	for (int i = 0; i < 1500; i++) {
		snprintf(name, sizeof name, "Salle numéro %04d, bâtiment B", i);
		add_venue(db, name);
	}
	ck_assert_int_eq(cb_db_commit(db), CB_OK);
	ck_assert_int_eq(cb_db_check(db, detail, sizeof detail), CB_OK);
	ck_assert_str_eq(detail, "");
	page = query(db, SQL_PAGE_SIZE);
	cb_db_close(db); /* checkpoints the WAL into the file */

	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_ge(sb.st_size / page, 20);
	/* scribble over three pages in the middle */
	unsigned char junk[3 * 65536];
	ck_assert_int_eq(cb_random_bytes(junk, sizeof junk), CB_OK);
	fd = open(path, O_WRONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(pwrite(fd, junk, (size_t)(3 * page), (sb.st_size / page / 2) * page),
			 3 * page);
	ck_assert_int_eq(close(fd), 0);

	cb_status st;
	db = NULL;
	st = cb_db_open(path, CB_OPEN_READONLY, &db, detail, sizeof detail);
	if (st == CB_OK) {
		st = cb_db_check(db, detail, sizeof detail);
		ck_assert_msg(st == CB_DB_DAMAGED, "check gave %s", cb_status_name(st));
		ck_assert_str_ne(detail, "");
		cb_db_close(db);
	} else {
		ck_assert_msg(st == CB_DB_DAMAGED, "open gave %s", cb_status_name(st));
	}
	free(path);
}
END_TEST

/* One user action is one transaction: a failure deep inside undoes it all. */
START_TEST(test_nested_rollback)
{
	struct cb_db *db = unit_db_memory();
	struct cb_id row = unit_id_fill(0x01);
	struct cb_value v = {CB_V_TEXT, 0, "after the rollback"};
	struct cb_venue_list list;
	int64_t n = -1;

	ck_assert(!cb_db_in_transaction(db));
	ck_assert_int_eq(cb_db_begin(db), CB_OK);
	add_venue(db, "Halle");               /* joins the outer transaction */
	ck_assert_int_eq(cb_db_begin(db), CB_OK);
	add_venue(db, "Oésia");
	cb_db_rollback(db);                   /* the inner level fails */
	/* nothing more can be written in the doomed transaction */
	ck_assert_int_ne(cb_db_begin(db), CB_OK);
	struct cb_venue_input in = {.name = "Halle des sports"};
	ck_assert_int_ne(cb_venue_add(db, &in, NULL, NULL), CB_OK);
	ck_assert_int_ne(cb_oplog_set(db, CB_T_VENUE, &row, CB_F_VENUE_NAME, &v), CB_OK);
	ck_assert_int_eq(cb_db_commit(db), CB_DB_ERROR);
	ck_assert(!cb_db_in_transaction(db));

	ck_assert_int_eq(cb_oplog_count(db, &n), CB_OK);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(cb_venue_list(db, &list), CB_OK);
	ck_assert_uint_eq(list.count, 0);
	cb_venue_list_free(&list);

	/* the connection is usable again afterwards */
	ck_assert_int_eq(cb_db_begin(db), CB_OK);
	add_venue(db, "Halle");
	ck_assert_int_eq(cb_db_commit(db), CB_OK);
	ck_assert_int_eq(cb_venue_list(db, &list), CB_OK);
	ck_assert_uint_eq(list.count, 1);
	cb_venue_list_free(&list);
	ck_assert_int_eq(cb_db_commit(db), CB_DB_ERROR); /* unbalanced */
	cb_db_close(db);
}
END_TEST

START_TEST(test_nested_commit)
{
	struct cb_db *db = unit_db_memory();
	struct cb_venue_list list;

	ck_assert_int_eq(cb_db_begin(db), CB_OK);
	ck_assert_int_eq(cb_db_begin(db), CB_OK);
	add_venue(db, "Halle");
	ck_assert_int_eq(cb_db_commit(db), CB_OK);
	ck_assert(cb_db_in_transaction(db));
	add_venue(db, "Oésia");
	ck_assert_int_eq(cb_db_commit(db), CB_OK);
	ck_assert(!cb_db_in_transaction(db));
	ck_assert_int_eq(cb_venue_list(db, &list), CB_OK);
	ck_assert_uint_eq(list.count, 2);
	cb_venue_list_free(&list);

	/* a rollback of the outer level undoes the committed inner level */
	ck_assert_int_eq(cb_db_begin(db), CB_OK);
	ck_assert_int_eq(cb_db_begin(db), CB_OK);
	add_venue(db, "Maison de quartier");
	ck_assert_int_eq(cb_db_commit(db), CB_OK);
	cb_db_rollback(db);
	ck_assert_int_eq(cb_venue_list(db, &list), CB_OK);
	ck_assert_uint_eq(list.count, 2);
	cb_venue_list_free(&list);
	cb_db_close(db);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("db");
	TCase *files = tcase_create("files");
	TCase *tx = tcase_create("transactions");

	/* once per test case, in the parent: cleaned up even when a test fails */
	tcase_add_unchecked_fixture(files, setup_dir, teardown_dir);
	tcase_add_test(files, test_new_file_mode);
	tcase_add_test(files, test_identity_and_wal);
	tcase_add_test(files, test_migrate_old_database);
	tcase_add_test(files, test_migrate_arrival_order);
	tcase_add_test(files, test_foreign_file);
	tcase_add_test(files, test_too_new);
	tcase_add_test(files, test_random_bytes);
	tcase_add_test(files, test_missing);
	tcase_add_test(files, test_readonly_file);
	tcase_add_test(files, test_odd_files);
	tcase_add_test(files, test_site_id);
	tcase_add_test(files, test_data_version);
	tcase_add_test(files, test_check);
	tcase_set_timeout(files, 60);
	tcase_add_test(tx, test_nested_rollback);
	tcase_add_test(tx, test_nested_commit);
	suite_add_tcase(s, files);
	suite_add_tcase(s, tx);
	return unit_run(s);
}
