/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Conflicts to review and the state of sync: two laptops edit one field
 * without seeing each other, exchange bundles, and a person settles it. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/bundle.h"
#include "cambouis/clock.h"
#include "cambouis/oplog.h"
#include "cambouis/review.h"
#include "cambouis/sync.h"
#include "cambouis/venue.h"
#include "unit.h"

#define T0 1772384400000LL /* 2026-03-01 18:00 */

struct blob {
	unsigned char *data;
	size_t size;
};

static cb_status
keep(const void *data, size_t size, const struct cb_bundle_manifest *m, void *arg)
{
	struct blob *b = arg;
	(void)m;
	if (!(b->data = malloc(size)))
		return CB_NOMEM;
	memcpy(b->data, data, size);
	b->size = size;
	return CB_OK;
}

static struct cb_db *
laptop(const char *label)
{
	struct cb_db *db = unit_db_memory();
	ck_assert_int_eq(cb_db_set_site_label(db, label), CB_OK);
	return db;
}

static struct blob
export(struct cb_db *from, const char *mark)
{
	struct cb_export_opts o = {.mark = mark};
	struct cb_export_result er;
	struct blob x = {0};

	ck_assert_int_eq(cb_sync_export(from, &o, keep, &x, &er), CB_OK);
	return x;
}

/* Import x and free it. */
static struct cb_import_result
import(struct cb_db *to, struct blob x)
{
	struct cb_import_result r;
	struct cb_bundle *b;
	struct cb_bundle_why why;

	ck_assert_int_eq(cb_bundle_read_mem(x.data, x.size, NULL, &b, &why), CB_OK);
	ck_assert_int_eq(cb_sync_import(to, b, NULL, &r), CB_OK);
	cb_bundle_free(b);
	free(x.data);
	return r;
}

/* Carry from's new ops (for the destination mark) into to. */
static struct cb_import_result
carry(struct cb_db *from, const char *mark, struct cb_db *to)
{
	return import(to, export(from, mark));
}

static void
set_commune(struct cb_db *db, const struct cb_id *id, const char *c)
{
	struct cb_venue_input in = {.commune = c};
	ck_assert_int_eq(cb_venue_edit(db, id, &in, NULL), CB_OK);
}

static char *
commune_of(struct cb_db *db, const struct cb_id *id)
{
	struct cb_venue v;
	char *s;
	ck_assert_int_eq(cb_venue_get(db, id, &v), CB_OK);
	s = strdup(v.commune);
	cb_venue_clear(&v);
	return s;
}

static int64_t
ops(struct cb_db *db)
{
	int64_t n;
	ck_assert_int_eq(cb_oplog_count(db, &n), CB_OK);
	return n;
}

/* alpha and beta share a venue, then change its commune unaware of each
 * other (beta later, so beta's value wins), then exchange bundles. */
static void
diverge(struct cb_db **a, struct cb_db **b, struct cb_id *v)
{
	struct cb_venue_input in = {.name = "Halle", .commune = "Tours"};
	struct cb_import_result r;

	cb_clock_pin(T0);
	*a = laptop("alpha");
	*b = laptop("beta");
	ck_assert_int_eq(cb_venue_add(*a, &in, v, NULL), CB_OK);
	ck_assert_int_eq(carry(*a, "to-beta", *b).new_ops, 2);
	cb_clock_pin(T0 + 60000);
	set_commune(*a, v, "Tours-Nord");
	cb_clock_pin(T0 + 120000);
	set_commune(*b, v, "Joué-lès-Tours");
	/* both write their bundle before reading the other's (a conflict is
	 * listed where the bundle's maker had not seen the local value) */
	cb_clock_pin(T0 + 180000);
	struct blob xb = export(*b, "to-alpha"), xa = export(*a, "to-beta");
	r = import(*a, xb);
	ck_assert_int_eq(r.conflicts, 1);
	r = import(*b, xa);
	ck_assert_int_eq(r.conflicts, 1);
}

START_TEST(conflict_listed_on_both_sides)
{
	struct cb_db *a, *b;
	struct cb_id v;
	struct cb_review_list l;

	diverge(&a, &b, &v);
	/* alpha: beta's value replaced ours */
	ck_assert_int_eq(cb_review_list(a, &l), CB_OK);
	ck_assert_uint_eq(l.count, 1);
	ck_assert_str_eq(l.items[0].what, "Venue “Halle”");
	ck_assert_str_eq(l.items[0].field_label, "Commune");
	ck_assert_int_eq(l.items[0].table, CB_T_VENUE);
	ck_assert_int_eq(l.items[0].field, CB_F_VENUE_COMMUNE);
	ck_assert_str_eq(l.items[0].current.text, "Joué-lès-Tours");
	ck_assert_str_eq(l.items[0].current.who, "beta");
	ck_assert(!l.items[0].current.here);
	ck_assert_int_eq(l.items[0].current.when_ms, T0 + 120000);
	ck_assert_str_eq(l.items[0].other.text, "Tours-Nord");
	ck_assert_str_eq(l.items[0].other.who, "alpha");
	ck_assert(l.items[0].other.here);
	ck_assert_int_eq(l.items[0].other.when_ms, T0 + 60000);
	ck_assert_int_eq(l.items[0].found_ms, T0 + 180000);
	cb_review_list_free(&l);
	/* beta: alpha's value lost to ours; the same pair */
	ck_assert_int_eq(cb_review_list(b, &l), CB_OK);
	ck_assert_uint_eq(l.count, 1);
	ck_assert_str_eq(l.items[0].current.text, "Joué-lès-Tours");
	ck_assert(l.items[0].current.here);
	ck_assert_str_eq(l.items[0].other.text, "Tours-Nord");
	ck_assert_str_eq(l.items[0].other.who, "alpha");
	cb_review_list_free(&l);

	/* local bookkeeping: a rebuild from the log keeps it */
	ck_assert_int_eq(cb_oplog_rebuild(a), CB_OK);
	int64_t n;
	ck_assert_int_eq(cb_review_count(a, &n), CB_OK);
	ck_assert_int_eq(n, 1);
	cb_db_close(a);
	cb_db_close(b);
}
END_TEST

START_TEST(keep_other_converges)
{
	struct cb_db *a, *b;
	struct cb_id v;
	struct cb_review_list l;
	int64_t before, n;
	char *ca, *cb;

	diverge(&a, &b, &v);
	ck_assert_int_eq(cb_review_list(a, &l), CB_OK);
	ck_assert_uint_eq(l.count, 1);
	int64_t id = l.items[0].id;
	cb_review_list_free(&l);

	/* alpha keeps its own value: exactly one new op, the entry closes */
	cb_clock_pin(T0 + 240000);
	before = ops(a);
	ck_assert_int_eq(cb_review_keep_other(a, id), CB_OK);
	ck_assert_int_eq(ops(a), before + 1);
	ca = commune_of(a, &v);
	ck_assert_str_eq(ca, "Tours-Nord");
	free(ca);
	ck_assert_int_eq(cb_review_count(a, &n), CB_OK);
	ck_assert_int_eq(n, 0);
	/* closing it again: nothing to close */
	ck_assert_int_eq(cb_review_keep_current(a, id), CB_NOT_FOUND);

	/* after the next sync beta shows it too, and no new conflict */
	cb_clock_pin(T0 + 300000);
	struct cb_import_result r = carry(a, "to-beta", b);
	ck_assert_int_eq(r.new_ops, 1);
	ck_assert_int_eq(r.conflicts, 0);
	carry(b, "to-alpha", a);
	ca = commune_of(a, &v);
	cb = commune_of(b, &v);
	ck_assert_str_eq(ca, "Tours-Nord");
	ck_assert_str_eq(cb, "Tours-Nord");
	free(ca);
	free(cb);
	char *da = unit_dump(a), *dbb = unit_dump(b);
	ck_assert_str_eq(da, dbb);
	free(da);
	free(dbb);
	/* beta's entry is settled by the value it now shows */
	ck_assert_int_eq(cb_review_count(b, &n), CB_OK);
	ck_assert_int_eq(n, 0);
	cb_db_close(a);
	cb_db_close(b);
}
END_TEST

START_TEST(keep_current_writes_nothing)
{
	struct cb_db *a, *b;
	struct cb_id v;
	struct cb_review_list l;
	struct cb_review_item it;
	int64_t before, n;

	diverge(&a, &b, &v);
	ck_assert_int_eq(cb_review_list(b, &l), CB_OK);
	ck_assert_uint_eq(l.count, 1);
	int64_t id = l.items[0].id;
	cb_review_list_free(&l);
	before = ops(b);
	ck_assert_int_eq(cb_review_keep_current(b, id), CB_OK);
	ck_assert_int_eq(ops(b), before);
	ck_assert_int_eq(cb_review_count(b, &n), CB_OK);
	ck_assert_int_eq(n, 0);
	/* the entry can still be read (for a card left open) */
	ck_assert_int_eq(cb_review_get(b, id, &it), CB_OK);
	ck_assert_str_eq(it.current.text, "Joué-lès-Tours");
	cb_review_item_clear(&it);
	ck_assert_int_eq(cb_review_get(b, id + 100, &it), CB_NOT_FOUND);
	/* alpha still lists its own */
	ck_assert_int_eq(cb_review_count(a, &n), CB_OK);
	ck_assert_int_eq(n, 1);
	cb_db_close(a);
	cb_db_close(b);
}
END_TEST

START_TEST(history_lists_every_value)
{
	struct cb_db *a, *b;
	struct cb_id v;
	struct cb_review_history h;
	struct cb_review_list l;

	diverge(&a, &b, &v);
	ck_assert_int_eq(cb_review_history(a, CB_T_VENUE, &v, CB_F_VENUE_COMMUNE, &h), CB_OK);
	ck_assert_uint_eq(h.count, 3);
	ck_assert_str_eq(h.items[0].text, "Tours");
	ck_assert_str_eq(h.items[1].text, "Tours-Nord");
	ck_assert_str_eq(h.items[1].who, "alpha");
	ck_assert_str_eq(h.items[2].text, "Joué-lès-Tours");
	ck_assert_str_eq(h.items[2].who, "beta");
	ck_assert(!h.items[1].current);
	ck_assert(h.items[2].current);
	ck_assert_int_le(h.items[0].when_ms, h.items[1].when_ms);
	cb_review_history_free(&h);

	/* after keeping the other value, its new op is the last one */
	ck_assert_int_eq(cb_review_list(a, &l), CB_OK);
	cb_clock_pin(T0 + 240000);
	ck_assert_int_eq(cb_review_keep_other(a, l.items[0].id), CB_OK);
	cb_review_list_free(&l);
	ck_assert_int_eq(cb_review_history(a, CB_T_VENUE, &v, CB_F_VENUE_COMMUNE, &h), CB_OK);
	ck_assert_uint_eq(h.count, 4);
	ck_assert_str_eq(h.items[3].text, "Tours-Nord");
	ck_assert(h.items[3].current);
	ck_assert(h.items[3].here);
	cb_review_history_free(&h);
	cb_db_close(a);
	cb_db_close(b);
}
END_TEST

START_TEST(three_way_conflict)
{
	/* three laptops edit the name at once: on the first, two entries;
	 * keeping one value leaves the other to review */
	struct cb_venue_input in = {.name = "Halle"};
	struct cb_db *a, *b, *c;
	struct cb_id v;
	struct cb_review_list l;

	cb_clock_pin(T0);
	a = laptop("alpha");
	b = laptop("beta");
	c = laptop("gamma");
	ck_assert_int_eq(cb_venue_add(a, &in, &v, NULL), CB_OK);
	carry(a, "b", b);
	carry(a, "c", c);
	cb_clock_pin(T0 + 1000);
	in.name = "Halle A";
	ck_assert_int_eq(cb_venue_edit(a, &v, &in, NULL), CB_OK);
	cb_clock_pin(T0 + 2000);
	in.name = "Halle B";
	ck_assert_int_eq(cb_venue_edit(b, &v, &in, NULL), CB_OK);
	cb_clock_pin(T0 + 3000);
	in.name = "Halle C";
	ck_assert_int_eq(cb_venue_edit(c, &v, &in, NULL), CB_OK);
	carry(b, "a", a);
	carry(c, "a", a);
	ck_assert_int_eq(cb_review_list(a, &l), CB_OK);
	ck_assert_uint_eq(l.count, 2);
	for (size_t i = 0; i < l.count; i++) {
		ck_assert_str_eq(l.items[i].current.text, "Halle C");
		ck_assert_str_eq(l.items[i].what, "Venue “Halle C”");
	}
	/* keep beta's value: alpha's own is still left to review, against B */
	size_t kb = strcmp(l.items[0].other.text, "Halle B") == 0 ? 0 : 1;
	ck_assert_int_eq(cb_review_keep_other(a, l.items[kb].id), CB_OK);
	cb_review_list_free(&l);
	ck_assert_int_eq(cb_review_list(a, &l), CB_OK);
	ck_assert_uint_eq(l.count, 1);
	ck_assert_str_eq(l.items[0].current.text, "Halle B");
	ck_assert_str_eq(l.items[0].other.text, "Halle A");
	cb_review_list_free(&l);
	cb_db_close(a);
	cb_db_close(b);
	cb_db_close(c);
}
END_TEST

START_TEST(overview_of_laptops)
{
	struct cb_db *a, *b;
	struct cb_id v;
	struct cb_sync_overview o;

	diverge(&a, &b, &v);
	cb_clock_pin(T0 + 200000);
	set_commune(a, &v, "Tours");
	ck_assert_int_eq(cb_sync_overview(a, &o), CB_OK);
	ck_assert_str_eq(o.label, "alpha");
	ck_assert_int_eq(o.pending, 1);
	ck_assert_int_eq(o.last_export_ms, T0 + 180000);
	ck_assert_int_eq(o.last_sync_ms, 0);
	/* the local edit just made settled nothing: the entry stays open
	 * until someone looks, but the values it shows are today's */
	ck_assert_int_eq(o.conflicts, 1);
	ck_assert_uint_eq(o.npeers, 1);
	ck_assert_str_eq(o.peers[0].label, "beta");
	ck_assert(o.peers[0].label_known);
	ck_assert_int_eq(o.peers[0].bundles, 1);
	ck_assert_int_eq(o.peers[0].received, 1);
	ck_assert_int_eq(o.peers[0].max_seq, 1);
	ck_assert_int_eq(o.peers[0].last_import_ms, T0 + 180000);
	ck_assert_int_eq(o.peers[0].last_created_ms, T0 + 180000);
	cb_sync_overview_free(&o);

	/* a fresh laptop knows nobody */
	struct cb_db *c = laptop("gamma");
	ck_assert_int_eq(cb_sync_overview(c, &o), CB_OK);
	ck_assert_uint_eq(o.npeers, 0);
	ck_assert_int_eq(o.pending, 0);
	ck_assert_int_eq(o.last_export_ms, 0);
	cb_sync_overview_free(&o);
	/* relayed ops make a laptop known by its id alone */
	carry(a, "c", c);
	ck_assert_int_eq(cb_sync_overview(c, &o), CB_OK);
	ck_assert_uint_eq(o.npeers, 2);
	ck_assert_str_eq(o.peers[0].label, "alpha");
	ck_assert(!o.peers[1].label_known);
	ck_assert_int_eq(strlen(o.peers[1].label), 8);
	ck_assert_int_eq(o.peers[1].last_import_ms, 0);
	ck_assert_int_eq(o.peers[1].max_seq, 1);
	cb_sync_overview_free(&o);
	cb_db_close(a);
	cb_db_close(b);
	cb_db_close(c);
}
END_TEST

START_TEST(describe_rows)
{
	struct cb_db *db = laptop("alpha");
	struct cb_id v, none = unit_id_fill(0x42);
	struct cb_venue_input in = {.name = "Oésia"};
	char *s;

	cb_clock_pin(T0);
	ck_assert_int_eq(cb_venue_add(db, &in, &v, NULL), CB_OK);
	s = cb_review_describe(db, CB_T_VENUE, &v);
	ck_assert_str_eq(s, "Venue “Oésia”");
	free(s);
	s = cb_review_describe(db, CB_T_SESSION, &none);
	ck_assert_str_eq(s, "Session 42424242");
	free(s);
	ck_assert_str_eq(cb_review_field_label(CB_T_SESSION, CB_F_SESSION_SLOT),
			 "Place in the series");
	ck_assert_str_eq(cb_review_field_label(CB_T_VENUE, CB_F_VENUE_NOTES), "Notes");
	cb_db_close(db);
}
END_TEST

static void
set_text(struct cb_db *db, int table, const struct cb_id *row, int field, const char *s)
{
	struct cb_value v = {CB_V_TEXT, 0, s};
	ck_assert_int_eq(cb_db_begin(db), CB_OK);
	ck_assert_int_eq(cb_oplog_set(db, table, row, field, &v), CB_OK);
	ck_assert_int_eq(cb_db_commit(db), CB_OK);
}

/* A conflict on a person's field says the field and the person in words
 * (the labels come from the schema table), and a reference to a person
 * reads as their name. */
START_TEST(person_conflict_in_words)
{
	struct cb_db *a, *b;
	struct cb_id p = unit_id_fill(0x51), t = unit_id_fill(0x52);
	char hex[CB_ID_HEX_LEN + 1];
	struct cb_review_list l;
	struct cb_review_history h;

	cb_clock_pin(T0);
	a = laptop("alpha");
	b = laptop("beta");
	set_text(a, CB_T_PERSON, &p, CB_F_PERSON_NAME, "Zoé");
	set_text(a, CB_T_PERSON, &t, CB_F_PERSON_NAME, "Yanis");
	carry(a, "to-beta", b);
	cb_clock_pin(T0 + 60000);
	set_text(a, CB_T_PERSON, &p, CB_F_PERSON_CONTACT, "06 00");
	cb_clock_pin(T0 + 120000);
	set_text(b, CB_T_PERSON, &p, CB_F_PERSON_CONTACT, "07 00");
	cb_id_to_hex(&t, hex);
	set_text(b, CB_T_PERSON, &p, CB_F_PERSON_TRAINED_BY, hex);
	struct blob xb = export(b, "to-alpha");
	ck_assert_int_eq(import(a, xb).conflicts, 1);
	ck_assert_int_eq(cb_review_list(a, &l), CB_OK);
	ck_assert_uint_eq(l.count, 1);
	ck_assert_str_eq(l.items[0].what, "Person “Zoé”");
	ck_assert_str_eq(l.items[0].field_label, "Contact");
	cb_review_list_free(&l);
	{
		/* a row of a table with no name of its own: whose it is */
		struct cb_id att = unit_id_fill(0x53);
		char phex[CB_ID_HEX_LEN + 1];
		char *d;
		cb_id_to_hex(&p, phex);
		set_text(a, CB_T_ATTENDANCE, &att, CB_F_ATT_PERSON, phex);
		d = cb_review_describe(a, CB_T_ATTENDANCE, &att);
		ck_assert_str_eq(d, "Attendance of Zoé");
		free(d);
	}
	ck_assert_int_eq(cb_review_history(a, CB_T_PERSON, &p, CB_F_PERSON_TRAINED_BY, &h), CB_OK);
	ck_assert_uint_eq(h.count, 1);
	ck_assert_str_eq(h.items[0].text, "Yanis");
	cb_review_history_free(&h);
	cb_db_close(a);
	cb_db_close(b);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("review");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, conflict_listed_on_both_sides);
	tcase_add_test(tc, person_conflict_in_words);
	tcase_add_test(tc, keep_other_converges);
	tcase_add_test(tc, keep_current_writes_nothing);
	tcase_add_test(tc, history_lists_every_value);
	tcase_add_test(tc, three_way_conflict);
	tcase_add_test(tc, overview_of_laptops);
	tcase_add_test(tc, describe_rows);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
