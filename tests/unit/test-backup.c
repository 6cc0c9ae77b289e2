/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cambouis/backup.h"
#include "cambouis/clock.h"
#include "cambouis/db.h"
#include "cambouis/venue.h"
#include "unit.h"

static char *dir;

static void
setup(void)
{
	dir = unit_tmpdir();
	cb_clock_pin(UNIT_NOW_MS);
}

static void
teardown(void)
{
	cb_clock_unpin();
	unit_tmpdir_remove(dir);
}

static struct cb_db *
open_file(const char *path)
{
	struct cb_db *db = NULL;

	ck_assert_int_eq(cb_db_open(path, CB_OPEN_CREATE, &db, NULL, 0), CB_OK);
	return db;
}

static void
add_venue(struct cb_db *db, const char *name)
{
	struct cb_venue_input in = {.name = name, .commune = "Tours"};
	struct cb_id id;

	ck_assert_int_eq(cb_venue_add(db, &in, &id, NULL), CB_OK);
}

static char *
dump_of(const char *path)
{
	struct cb_db *db = open_file(path);
	char *s = unit_dump(db);

	cb_db_close(db);
	return s;
}

/* The files in d whose names hold part; a temporary file fails the test. */
static int
files_in(const char *d, const char *part)
{
	DIR *dh = opendir(d);
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(dh);
	while ((e = readdir(dh)))
		if (e->d_name[0] == '.' && (e->d_name[1] == '\0' || strcmp(e->d_name, "..") == 0))
			continue;
		else if (strstr(e->d_name, ".tmp-"))
			ck_abort_msg("a temporary file was left: %s", e->d_name);
		else if (strstr(e->d_name, part))
			n++;
	closedir(dh);
	return n;
}

/* A backup is a snapshot: what another connection has not committed yet
 * is not in it; it is 0600 and equals the database. */
START_TEST(test_backup_snapshot)
{
	char *live = unit_path(dir, "w.db"), *copy = unit_path(dir, "copy.db");
	struct cb_db *a = open_file(live), *b;
	struct cb_venue_input in = {.name = "Pas encore"};
	struct cb_id id;
	struct stat sb;
	char *d1, *d2;

	add_venue(a, "Halle");
	b = open_file(live);
	ck_assert_int_eq(cb_db_begin(a), CB_OK);
	ck_assert_int_eq(cb_venue_add(a, &in, &id, NULL), CB_OK);
	ck_assert_int_eq(cb_backup_write(b, copy), CB_OK); /* during a's write */
	cb_db_rollback(a);
	ck_assert_int_eq(stat(copy, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	d1 = unit_dump(b);
	d2 = dump_of(copy);
	ck_assert_str_eq(d1, d2);
	ck_assert_ptr_null(strstr(d2, "Pas encore"));
	free(d1);
	free(d2);
	/* again over the first one; never onto the database itself */
	add_venue(a, "Gymnase");
	ck_assert_int_eq(cb_backup_write(a, copy), CB_OK);
	d1 = unit_dump(a);
	d2 = dump_of(copy);
	ck_assert_str_eq(d1, d2);
	free(d1);
	free(d2);
	ck_assert_int_eq(cb_backup_write(a, live), CB_EXISTS);
	cb_db_close(a);
	cb_db_close(b);
	files_in(dir, "");
	free(live);
	free(copy);
}
END_TEST

START_TEST(test_restore)
{
	char *live = unit_path(dir, "w.db"), *copy = unit_path(dir, "copy.db");
	char *junk = unit_path(dir, "junk"), *empty = unit_path(dir, "empty");
	char detail[256], *aside = NULL, *before, *saved, *now;
	struct cb_db *db = open_file(live), *other;
	struct cb_id site = *cb_db_site(db);

	add_venue(db, "Halle");
	ck_assert_int_eq(cb_backup_write(db, copy), CB_OK);
	saved = unit_dump(db);
	add_venue(db, "Ajoutée après");
	before = unit_dump(db);
	cb_db_close(db);

	/* refused files change nothing */
	unit_write_file(junk, "pas une base", 12);
	unit_write_file(empty, "", 0);
	ck_assert_int_eq(cb_backup_restore(live, junk, UNIT_NOW_MS, &aside, detail, sizeof detail),
			 CB_DB_FOREIGN);
	ck_assert_int_eq(cb_backup_restore(live, empty, UNIT_NOW_MS, &aside, detail, sizeof detail),
			 CB_DB_FOREIGN);
	ck_assert_int_eq(cb_backup_restore(live, live, UNIT_NOW_MS, &aside, detail, sizeof detail),
			 CB_EXISTS);
	/* refused while another connection has the database open */
	other = open_file(live);
	ck_assert_int_eq(cb_backup_restore(live, copy, UNIT_NOW_MS, &aside, detail, sizeof detail),
			 CB_DB_LOCKED);
	cb_db_close(other);
	ck_assert_ptr_null(aside);
	now = dump_of(live);
	ck_assert_str_eq(now, before);
	free(now);
	ck_assert_int_eq(files_in(dir, "before-restore"), 0);

	ck_assert_int_eq(cb_backup_restore(live, copy, UNIT_NOW_MS, &aside, detail, sizeof detail),
			 CB_OK);
	ck_assert_ptr_nonnull(aside);
	ck_assert_ptr_nonnull(strstr(aside, "w.db.before-restore-2026"));
	ck_assert_int_eq(files_in(dir, "before-restore"), 1);
	now = dump_of(live);
	ck_assert_str_eq(now, saved);
	free(now);
	now = dump_of(aside);
	ck_assert_str_eq(now, before);
	free(now);
	/* a new file, a new site: the seqs the old one used are not reused */
	db = open_file(live);
	ck_assert(cb_id_cmp(cb_db_site(db), &site) != 0);
	add_venue(db, "Après");
	cb_db_close(db);
	free(aside);
	free(before);
	free(saved);
	free(live);
	free(copy);
	free(junk);
	free(empty);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("backup");
	TCase *tc = tcase_create("backup");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_backup_snapshot);
	tcase_add_test(tc, test_restore);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
