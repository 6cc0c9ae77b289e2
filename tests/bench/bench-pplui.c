/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The People list's view-model on a big database (not a test): open the
 * list (read every person, build the rows) and narrow it one key at a
 * time as "/" search does; prints the median and worst milliseconds per
 * key. Usage: bench-pplui DB */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cambouis/date.h"
#include "cambouis/people.h"
#include "ui/list.h"
#include "ui/pplvm.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static const struct ui_column columns[] = {
	{"Name", 12, 4, UI_ALIGN_LEFT, false}, {"Roles", 8, 3, UI_ALIGN_LEFT, false},
	{"Category", 8, 3, UI_ALIGN_LEFT, false}, {"Sessions", 8, 0, UI_ALIGN_RIGHT, true},
	{"Last seen", 10, 0, UI_ALIGN_LEFT, false},
};

int
main(int argc, char **argv)
{
	static const char *const words[] = {"lea", "mar", "thomas", "ali", "nat", "bil", "zo",
					    "cam", "jade", "hugo"};
	struct cb_db *db;
	struct cb_person_rows rows;
	struct ui_list l;
	double t0, open_ms, times[256];
	size_t n = 0;

	if (argc != 2 || cb_db_open(argv[1], CB_OPEN_READONLY, &db, NULL, 0) != CB_OK) {
		fprintf(stderr, "usage: bench-pplui DB\n");
		return 2;
	}
	t0 = now_ms();
	if (cb_person_list(db, NULL, CB_ROLE_NONE, cb_date_today(), &rows) != CB_OK)
		return 1;
	ui_list_init(&l, columns, 5);
	ui_list_begin(&l);
	for (size_t i = 0; i < rows.count; i++) {
		char roles[120], s[24], key[40];
		long long nums[5] = {0, 0, 0, rows.items[i].sessions, 0};
		const char *cells[5] = {rows.items[i].name, roles, rows.items[i].category, s,
					rows.items[i].last_seen};
		ui_roles_text(rows.items[i].roles, roles, sizeof roles);
		snprintf(s, sizeof s, "%d", rows.items[i].sessions);
		snprintf(key, sizeof key, "%zu", i);
		ui_list_add(&l, key, cells, nums);
	}
	ui_list_end(&l);
	open_ms = now_ms() - t0;
	for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
		char q[32] = "";
		/* type the word, then erase it, a key at a time */
		for (size_t k = 1; k <= strlen(words[w]) * 2 && n < 256; k++) {
			size_t len = k <= strlen(words[w]) ? k : strlen(words[w]) * 2 - k;
			memcpy(q, words[w], len);
			q[len] = '\0';
			t0 = now_ms();
			ui_list_set_filter(&l, q);
			ui_list_first(&l);
			times[n++] = now_ms() - t0;
		}
	}
	qsort(times, n, sizeof *times, cmp);
	printf("people: %zu; list open (read + rows): %.1f ms\n", rows.count, open_ms);
	printf("search, %zu key presses: median %.2f ms, 90th %.2f ms, worst %.2f ms per key\n", n,
	       times[n / 2], times[n * 9 / 10], times[n - 1]);
	ui_list_free(&l);
	cb_person_rows_free(&rows);
	cb_db_close(db);
	return 0;
}
