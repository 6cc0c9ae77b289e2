/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bundle round trips, import semantics (idempotence,
 * conflicts, relays, marks) and the hostile-bundle corpus. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/bundle.h"
#include "cambouis/clock.h"
#include "cambouis/db.h"
#include "cambouis/oplog.h"
#include "cambouis/sha256.h"
#include "cambouis/sync.h"
#include "cambouis/venue.h"
#include "../sync/hostile.h"

#define T0 1772384400000LL /* 2026-03-01 18:00 */

/* --- helpers -------------------------------------------------------------------- */

struct blob {
	unsigned char *data;
	size_t size;
	struct cb_bundle_manifest m;
};

static cb_status
keep(const void *data, size_t size, const struct cb_bundle_manifest *m, void *arg)
{
	struct blob *b = arg;
	b->data = malloc(size);
	if (!b->data)
		return CB_NOMEM;
	memcpy(b->data, data, size);
	b->size = size;
	b->m = *m;
	return CB_OK;
}

static struct cb_db *
laptop(const char *label)
{
	struct cb_db *db;
	ck_assert_int_eq(cb_db_open(":memory:", CB_OPEN_CREATE, &db, NULL, 0), CB_OK);
	ck_assert_int_eq(cb_db_set_site_label(db, label), CB_OK);
	return db;
}

static struct cb_id
add_venue(struct cb_db *db, const char *name)
{
	struct cb_venue_input in = {.name = name, .commune = "Tours"};
	struct cb_id id;
	ck_assert_int_eq(cb_venue_add(db, &in, &id, NULL), CB_OK);
	return id;
}

static void
set_notes(struct cb_db *db, const struct cb_id *id, const char *notes)
{
	struct cb_venue_input in = {.notes = notes};
	ck_assert_int_eq(cb_venue_edit(db, id, &in, NULL), CB_OK);
}

static struct blob
export(struct cb_db *db, const char *mark, bool full)
{
	struct cb_export_opts o = {.full = full, .mark = mark};
	struct cb_export_result r;
	struct blob b = {0};
	ck_assert_int_eq(cb_sync_export(db, &o, keep, &b, &r), CB_OK);
	ck_assert_int_eq(r.op_count, b.m.op_count);
	return b;
}

static struct cb_import_result
import(struct cb_db *db, const struct blob *b)
{
	struct cb_bundle *bundle;
	struct cb_bundle_why why;
	struct cb_import_result r;
	cb_status st = cb_bundle_read_mem(b->data, b->size, NULL, &bundle, &why);
	if (st != CB_OK)
		ck_abort_msg("bundle rejected: %s (%s)", cb_bundle_reject_message(why.reason), why.detail);
	ck_assert_int_eq(cb_sync_import(db, bundle, NULL, &r), CB_OK);
	cb_bundle_free(bundle);
	return r;
}

static char *
dump(struct cb_db *db)
{
	char *s;
	ck_assert_int_eq(cb_oplog_dump_tables(db, &s), CB_OK);
	return s;
}

/* --- round trips and import semantics -------------------------------------------- */

START_TEST(roundtrip_and_idempotence)
{
	cb_clock_pin(T0);
	struct cb_db *a = laptop("alpha"), *b = laptop("beta");
	add_venue(a, "Vallée Violette");
	add_venue(a, "Gymnase du Morier");
	struct blob x = export(a, "test", false);
	ck_assert_int_eq(x.m.op_count, 4);
	ck_assert_str_eq(x.m.origin_label, "alpha");

	struct cb_import_result r = import(b, &x);
	ck_assert_int_eq(r.new_ops, 4);
	ck_assert_int_eq(r.known_ops, 0);
	ck_assert(!r.already);
	char *da = dump(a), *db1 = dump(b);
	ck_assert_str_eq(da, db1);

	/* the same bundle again: recognised, nothing written */
	r = import(b, &x);
	ck_assert(r.already);
	ck_assert_int_eq(r.new_ops, 0);
	ck_assert_int_eq(r.known_ops, 4);
	char *db2 = dump(b);
	ck_assert_str_eq(db1, db2);

	/* nothing new: the next export after the mark is empty */
	struct blob y = export(a, "test", false);
	ck_assert_int_eq(y.m.op_count, 0);
	/* --full has everything; its ops are known to b */
	cb_clock_pin(T0 + 1000);
	struct blob z = export(a, "test", true);
	ck_assert_int_eq(z.m.op_count, 4);
	r = import(b, &z);
	ck_assert(!r.already);
	ck_assert_int_eq(r.new_ops, 0);
	ck_assert_int_eq(r.known_ops, 4);

	/* pending counts this laptop's ops not exported yet */
	int64_t pending;
	ck_assert_int_eq(cb_oplog_pending(a, &pending), CB_OK);
	ck_assert_int_eq(pending, 0);
	add_venue(a, "Salle 3");
	ck_assert_int_eq(cb_oplog_pending(a, &pending), CB_OK);
	ck_assert_int_eq(pending, 2);

	free(da); free(db1); free(db2);
	free(x.data); free(y.data); free(z.data);
	cb_db_close(a);
	cb_db_close(b);
}
END_TEST

START_TEST(relay_and_conflicts)
{
	cb_clock_pin(T0);
	struct cb_db *a = laptop("alpha"), *b = laptop("beta"), *c = laptop("gamma");
	struct cb_id v = add_venue(a, "Vallée Violette");
	struct blob x = export(a, "b", false);
	ck_assert_int_eq(import(b, &x).new_ops, 2);

	/* relay: b's next bundle carries a's ops to c */
	struct blob y = export(b, "c", false);
	ck_assert_int_eq(y.m.op_count, 2);
	ck_assert_int_eq(import(c, &y).new_ops, 2);

	/* concurrent edits of one field: a conflict on both sides */
	cb_clock_pin(T0 + 1000);
	set_notes(a, &v, "porte A");
	cb_clock_pin(T0 + 2000);
	set_notes(b, &v, "porte B");
	struct blob xa = export(a, "b", false), yb = export(b, "a", false);
	struct cb_import_result r = import(a, &yb);
	ck_assert_int_eq(r.new_ops, 1);
	ck_assert_int_eq(r.conflicts, 1); /* b's value beat a's */
	r = import(b, &xa);
	ck_assert_int_eq(r.new_ops, 1);
	ck_assert_int_eq(r.conflicts, 1); /* a's value lost to b's */
	char *da = dump(a), *dbb = dump(b);
	ck_assert_str_eq(da, dbb);
	ck_assert_ptr_nonnull(strstr(da, "porte B"));
	free(da); free(dbb);

	/* an edit made after seeing the other is no conflict */
	cb_clock_pin(T0 + 3000);
	set_notes(b, &v, "porte C");
	struct blob z = export(b, "a", false);
	r = import(a, &z);
	ck_assert_int_eq(r.new_ops, 1);
	ck_assert_int_eq(r.conflicts, 0);

	/* the same value written on both sides is no conflict either */
	cb_clock_pin(T0 + 4000);
	set_notes(a, &v, "porte D");
	set_notes(b, &v, "porte D");
	struct blob w = export(b, "a", false);
	r = import(a, &w);
	ck_assert_int_eq(r.conflicts, 0);

	free(x.data); free(y.data); free(xa.data); free(yb.data); free(z.data); free(w.data);
	cb_db_close(a);
	cb_db_close(b);
	cb_db_close(c);
}
END_TEST

START_TEST(clock_sanity)
{
	int64_t newest;
	cb_clock_pin(T0);
	struct cb_db *a = laptop("alpha"), *b = laptop("beta");
	add_venue(a, "Vallée Violette");
	struct blob x = export(a, "b", false);
	/* b's clock says 1970: far behind what it has seen once it imports */
	cb_clock_pin(86400000LL);
	ck_assert(!cb_sync_clock_behind(b, cb_clock_now_ms(), &newest));
	import(b, &x);
	ck_assert(cb_sync_clock_behind(b, cb_clock_now_ms(), &newest));
	ck_assert_int_ge(newest, T0);
	/* and a's clock is far in the future for b: flagged */
	cb_clock_pin(T0 - 3 * CB_SYNC_CLOCK_SLACK_MS);
	struct cb_db *c = laptop("gamma");
	struct cb_import_result r = import(c, &x);
	ck_assert_int_eq(r.future_ops, 2);
	free(x.data);
	cb_db_close(a);
	cb_db_close(b);
	cb_db_close(c);
}
END_TEST

START_TEST(written_bundle_is_compact)
{
	cb_clock_pin(T0);
	struct cb_db *a = laptop("alpha");
	for (int i = 0; i < 200; i++) {
		char name[32];
		snprintf(name, sizeof name, "Salle %d", i);
		add_venue(a, name);
	}
	struct blob x = export(a, NULL, true);
	/* SQLite header: page count at 28, freelist count at 36 */
	size_t page = (size_t)x.data[16] << 8 | x.data[17];
	unsigned pages = (unsigned)x.data[28] << 24 | x.data[29] << 16 | x.data[30] << 8 | x.data[31];
	unsigned freelist = (unsigned)x.data[36] << 24 | x.data[37] << 16 | x.data[38] << 8 | x.data[39];
	ck_assert_uint_eq(page, 4096);
	ck_assert_uint_eq((size_t)pages * page, x.size);
	ck_assert_uint_eq(freelist, 0);
	free(x.data);
	cb_db_close(a);
}
END_TEST

/* --- the hostile corpus --------------------------------------------------------- */

static int hostile_cases;

static void
check_case(struct hostile *h, const struct hostile_base *base, void *arg)
{
	struct cb_bundle_limits lim = {.max_bytes = h->max_bytes};
	struct cb_bundle *b = NULL;
	struct cb_bundle_why why;
	cb_status st = cb_bundle_read_mem(h->data, h->size, &lim, &b, &why);
	(void)arg;

	hostile_cases++;
	if (h->expect == CB_BUNDLE_NONE) {
		if (st != CB_OK)
			ck_abort_msg("%s: rejected: %s (%s)", h->name,
				     cb_bundle_reject_message(why.reason), why.detail);
		if (h->future) {
			cb_clock_pin(T0);
			struct cb_db *db = laptop("receiver");
			struct cb_import_result r;
			ck_assert_int_eq(cb_sync_import(db, b, NULL, &r), CB_OK);
			ck_assert_int_eq(r.new_ops, 1);
			ck_assert_int_eq(r.future_ops, 1);
			/* whatever clock came in, local writes still work */
			for (int i = 0; i < 5; i++) {
				struct cb_venue_input in = {.name = "Atelier"};
				struct cb_id id;
				char name[16];
				snprintf(name, sizeof name, "Atelier %d", i);
				in.name = name;
				ck_assert_int_eq(cb_venue_add(db, &in, &id, NULL), CB_OK);
			}
			cb_db_close(db);
		}
	} else if (h->expect == HOSTILE_ANY_OR_SAME) {
		/* a flip SQLite never reads is harmless: the content is intact */
		if (st == CB_OK) {
			ck_assert_msg(memcmp(cb_bundle_manifest(b)->digest, base->digest,
					     CB_SHA256_LEN) == 0, "%s: accepted altered content", h->name);
		} else {
			ck_assert_msg(st == CB_INVALID, "%s: status %s", h->name, cb_status_name(st));
		}
	} else {
		ck_assert_msg(st == CB_INVALID, "%s: accepted (status %s)", h->name, cb_status_name(st));
		ck_assert_ptr_null(b);
		if (h->expect >= 0)
			ck_assert_msg((int)why.reason == h->expect, "%s: reason '%s' (%s), expected '%s'",
				      h->name, cb_bundle_reject_message(why.reason), why.detail,
				      cb_bundle_reject_message((enum cb_bundle_reject)h->expect));
	}
	cb_bundle_free(b);
	free(h->data);
}

/* A plain import of several bundles is one transaction in the core: when
 * the last one fails, the first ones leave nothing behind either. */
START_TEST(import_all_or_nothing)
{
	cb_clock_pin(T0);
	struct cb_db *a = laptop("alpha"), *g = laptop("gamma"), *b = laptop("beta");
	struct cb_bundle *bundles[2];
	struct cb_bundle_why why;
	struct cb_import_result r[2];
	int64_t n;

	add_venue(a, "Vallée Violette");
	add_venue(g, "Gymnase du Morier");
	struct blob x = export(a, "test", false), y = export(g, "test", false);
	ck_assert_int_eq(cb_bundle_read_mem(x.data, x.size, NULL, &bundles[0], &why), CB_OK);
	ck_assert_int_eq(cb_bundle_read_mem(y.data, y.size, NULL, &bundles[1], &why), CB_OK);

	ck_assert_int_eq(cb_db_exec(b, "CREATE TEMP TRIGGER no_gamma BEFORE INSERT ON sync_imports"
				    " WHEN NEW.origin_label = 'gamma'"
				    " BEGIN SELECT RAISE(ABORT, 'refused'); END"), CB_OK);
	ck_assert_int_ne(cb_sync_import_all(b, bundles, 2, r), CB_OK);
	ck_assert(!cb_db_in_transaction(b));
	ck_assert_int_eq(r[0].new_ops, 0);
	ck_assert_int_eq(cb_db_query_int(b, "SELECT count(*) FROM venues", &n), CB_OK);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(cb_db_query_int(b, "SELECT count(*) FROM sync_imports", &n), CB_OK);
	ck_assert_int_eq(n, 0);

	ck_assert_int_eq(cb_db_exec(b, "DROP TRIGGER no_gamma"), CB_OK);
	ck_assert_int_eq(cb_sync_import_all(b, bundles, 2, r), CB_OK);
	ck_assert_int_eq(r[0].new_ops, x.m.op_count);
	ck_assert_int_eq(r[1].new_ops, y.m.op_count);
	ck_assert_int_eq(cb_db_query_int(b, "SELECT count(*) FROM venues", &n), CB_OK);
	ck_assert_int_eq(n, 2);

	cb_bundle_free(bundles[0]);
	cb_bundle_free(bundles[1]);
	free(x.data);
	free(y.data);
	cb_db_close(a);
	cb_db_close(g);
	cb_db_close(b);
}
END_TEST

START_TEST(hostile_corpus)
{
	hostile_cases = 0;
	ck_assert_int_eq(hostile_generate(_i + 1, check_case, NULL), 0);
	ck_assert_int_gt(hostile_cases, 100);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("bundle");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, roundtrip_and_idempotence);
	tcase_add_test(tc, relay_and_conflicts);
	tcase_add_test(tc, clock_sanity);
	tcase_add_test(tc, written_bundle_is_compact);
	tcase_add_test(tc, import_all_or_nothing);
	tcase_add_loop_test(tc, hostile_corpus, 0, 4);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
