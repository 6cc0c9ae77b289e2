/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cambouis/clock.h"
#include "cambouis/demo.h"
#include "cambouis/sync.h"
#include "cambouis/venue.h"
#include "unit.h"

/* The dump without row ids (fresh random ids each time), sorted: what the
 * volunteers see of the demo. */
static char *
content(uint64_t seed)
{
	struct cb_db *db = unit_db_memory();
	struct cb_venue_list list;
	char *out = NULL, *line;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(cb_demo_fill(db, CB_DEMO_SMALL, seed), CB_OK);
	ck_assert_int_eq(cb_venue_list(db, &list), CB_OK);
	for (size_t i = 0; i < list.count; i++) {
		struct cb_venue *v = &list.items[i];
		ck_assert_int_gt(asprintf(&line, "%s|%s|%s|%lld|%s\n", v->name, v->address, v->commune,
					  v->capacity, v->notes), 0);
		fputs(line, f);
		free(line);
	}
	cb_venue_list_free(&list);
	ck_assert_int_eq(fclose(f), 0);
	cb_db_close(db);
	return out;
}

START_TEST(test_same_seed_same_content)
{
	char *a, *b, *c;

	cb_clock_pin(UNIT_NOW_MS);
	a = content(42);
	b = content(42);
	c = content(43);
	ck_assert_str_eq(a, b);
	ck_assert_str_ne(a, c); /* the seed matters */
	free(a);
	free(b);
	free(c);
	cb_clock_unpin();
}
END_TEST

START_TEST(test_seven_venues)
{
	static const char *const names[] = {
		"Centre social de la Vallée Violette", "Oésia", "Résidence étudiante Grandmont",
		"Lycée professionnel, cour", "Maison de quartier", "Salle des fêtes", "Halle",
	};
	struct cb_db *db = unit_db_memory();
	struct cb_venue_list list;
	struct cb_venue v;
	struct cb_id id;
	char *before, *after;

	cb_clock_pin(UNIT_NOW_MS);
	ck_assert_int_eq(cb_demo_fill(db, CB_DEMO_SMALL, 1), CB_OK);
	ck_assert_int_eq(cb_venue_list(db, &list), CB_OK);
	ck_assert_uint_eq(list.count, 7);
	cb_venue_list_free(&list);
	for (size_t i = 0; i < 7; i++) {
		ck_assert_msg(cb_venue_find(db, names[i], &id) == CB_OK, "no venue %s", names[i]);
		ck_assert_int_eq(cb_venue_get(db, &id, &v), CB_OK);
		ck_assert_str_ne(v.commune, "");
		ck_assert_str_ne(v.address, "");
		ck_assert_int_gt(v.capacity, 0);
		cb_venue_clear(&v);
	}
	/* the demo is made of ops like any edit: a rebuild gives it back */
	before = unit_dump(db);
	ck_assert_int_eq(cb_oplog_rebuild(db), CB_OK);
	after = unit_dump(db);
	ck_assert_str_eq(before, after);
	/* filling twice does not duplicate the venues */
	ck_assert_int_eq(cb_demo_fill(db, CB_DEMO_SMALL, 1), CB_OK);
	ck_assert_int_eq(cb_venue_list(db, &list), CB_OK);
	ck_assert_uint_eq(list.count, 7);
	cb_venue_list_free(&list);
	free(before);
	free(after);
	cb_clock_unpin();
	cb_db_close(db);
}
END_TEST

/* A demo database is marked, and never syncs with a folder unless forced. */
START_TEST(test_demo_is_marked_and_never_syncs)
{
	struct cb_db *db = unit_db_memory();
	struct cb_sync_summary sum;
	char dir[] = "/tmp/cambouis-demo-sync.XXXXXX";

	ck_assert_ptr_nonnull(mkdtemp(dir));
	cb_clock_pin(UNIT_NOW_MS);
	ck_assert(!cb_db_is_demo(db));
	ck_assert_int_eq(cb_db_set_site_label(db, "demo"), CB_OK);
	ck_assert_int_eq(cb_demo_fill(db, CB_DEMO_SMALL, 1), CB_OK);
	ck_assert(cb_db_is_demo(db));
	ck_assert_int_eq(cb_sync_dir(db, dir, NULL, 0, NULL, NULL, &sum), CB_DEMO);
	ck_assert_int_eq(sum.exported_ops, 0);
	ck_assert_int_eq(rmdir(dir), 0); /* still empty */
	cb_clock_unpin();
	cb_db_close(db);
}
END_TEST

START_TEST(test_scale_parse)
{
	enum cb_demo_scale sc;

	ck_assert_int_eq(cb_demo_scale_parse("small", &sc), CB_OK);
	ck_assert_int_eq(sc, CB_DEMO_SMALL);
	ck_assert_int_eq(cb_demo_scale_parse("year", &sc), CB_OK);
	ck_assert_int_eq(sc, CB_DEMO_YEAR);
	ck_assert_int_eq(cb_demo_scale_parse("5y", &sc), CB_OK);
	ck_assert_int_eq(sc, CB_DEMO_5Y);
	ck_assert_int_eq(cb_demo_scale_parse("Small", &sc), CB_INVALID);
	ck_assert_int_eq(cb_demo_scale_parse("", &sc), CB_INVALID);
	ck_assert_int_eq(cb_demo_scale_parse("5years", &sc), CB_INVALID);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("demo");
	TCase *tc = tcase_create("demo");

	tcase_add_test(tc, test_same_seed_same_content);
	tcase_add_test(tc, test_seven_venues);
	tcase_add_test(tc, test_scale_parse);
	tcase_add_test(tc, test_demo_is_marked_and_never_syncs);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
