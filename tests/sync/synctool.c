/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Test helper: "synctool dump DB" prints the materialised tables and the
 * number of ops (to compare laptops); "synctool fill DB N LABEL" makes a
 * database holding N venue ops (for the crash test and benchmarks). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/clock.h"
#include "cambouis/db.h"
#include "cambouis/oplog.h"
#include "cambouis/schema.h"

static int
dump(const char *path)
{
	struct cb_db *db;
	char *s, detail[256];
	int64_t n;

	if (cb_db_open(path, CB_OPEN_READONLY, &db, detail, sizeof detail) != CB_OK) {
		fprintf(stderr, "synctool: %s: cannot open (%s)\n", path, detail);
		return 1;
	}
	if (cb_oplog_dump_tables(db, &s) != CB_OK || cb_oplog_count(db, &n) != CB_OK) {
		cb_db_close(db);
		return 1;
	}
	printf("%s[ops] %lld\n", s, (long long)n);
	free(s);
	cb_db_close(db);
	return 0;
}

static int
fill(const char *path, long n, const char *label)
{
	static const char *const names[] = {"Vallée Violette", "Gymnase du Morier",
					    "Maison des Jeunes", "Résidence Grandmont"};
	struct cb_db *db;
	struct cb_id row;
	char detail[256], text[64];
	int64_t t = 1772384400000LL;

	if (cb_db_open(path, CB_OPEN_CREATE, &db, detail, sizeof detail) != CB_OK) {
		fprintf(stderr, "synctool: %s: cannot open (%s)\n", path, detail);
		return 1;
	}
	if (cb_db_set_site_label(db, label) != CB_OK || cb_db_begin(db) != CB_OK)
		goto failed;
	for (long i = 0; i < n; i++) {
		struct cb_value v = {CB_V_TEXT, 0, text};
		int field = (int)(i % 4);
		cb_clock_pin(t + i);
		if (field == 0 && cb_id_new(&row, t + i) != CB_OK)
			goto failed;
		switch (field) {
		case 0:
			snprintf(text, sizeof text, "%s %ld", names[i / 4 % 4], i / 4);
			field = CB_F_VENUE_NAME;
			break;
		case 1:
			snprintf(text, sizeof text, "%ld rue de la Gare", i % 97);
			field = CB_F_VENUE_ADDRESS;
			break;
		case 2:
			v.type = CB_V_INT;
			v.i = i % 50;
			field = CB_F_VENUE_CAPACITY;
			break;
		default:
			snprintf(text, sizeof text, "Tours");
			field = CB_F_VENUE_COMMUNE;
			break;
		}
		if (cb_oplog_set(db, CB_T_VENUE, &row, field, &v) != CB_OK)
			goto failed;
	}
	if (cb_db_commit(db) != CB_OK)
		goto failed;
	cb_db_close(db);
	return 0;
failed:
	fprintf(stderr, "synctool: %s: fill failed: %s\n", path, cb_db_errmsg(db));
	cb_db_close(db);
	return 1;
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "dump") == 0)
		return dump(argv[2]);
	if (argc == 5 && strcmp(argv[1], "fill") == 0)
		return fill(argv[2], strtol(argv[3], NULL, 10), argv[4]);
	fprintf(stderr, "usage: synctool dump DB | synctool fill DB N LABEL\n");
	return 2;
}
