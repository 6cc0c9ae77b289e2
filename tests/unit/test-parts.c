/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The parts inventory: parts, locations, movements, stock-takes, on hand
 * (DESIGN.md §3) after any order of arrival, and forget. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cambouis/demo.h"
#include "cambouis/namematch.h"
#include "cambouis/parts.h"
#include "cambouis/privacy.h"
#include "cambouis/schema.h"
#include "cambouis/text.h"
#include "cambouis/write.h"
#include "people-fixture.h"
#include "unit.h"

static void
setup_parts(void)
{
	setup();
}

static struct cb_id
part(struct cb_db *d, const char *name, long long min)
{
	struct cb_part_input in = {.name = name, .set_min = min >= 0, .minimum = min};
	struct cb_id id;

	ck_assert_int_eq(cb_part_add(d, &in, &id, NULL), CB_OK);
	return id;
}

static void
move(struct cb_db *d, const struct cb_id *p, const struct cb_id *loc, long long qty, int reason)
{
	struct cb_move_input in = {.part = *p, .qty = qty, .reason = reason, .amount = -1};

	if (loc)
		in.location = *loc;
	ck_assert_int_eq(cb_stock_move(d, &in, NULL, NULL), CB_OK);
}

static long long
on_hand(struct cb_db *d, const struct cb_id *p, const struct cb_id *loc)
{
	long long n = -999;

	ck_assert_int_eq(cb_stock_on_hand(d, p, loc, &n), CB_OK);
	return n;
}

START_TEST(test_moves_and_counts)
{
	struct cb_id tube = part(db, "Chambre à air 700c", 4), crate, store;
	struct cb_location_list locs;
	struct cb_part_rows rows;
	enum cb_part_bad why;
	int64_t before, after;

	cb_location_store(&store);
	ck_assert_int_eq(on_hand(db, &tube, NULL), 0);
	move(db, &tube, NULL, 10, CB_REASON_DONATION);
	move(db, &tube, NULL, -3, CB_REASON_USED);
	ck_assert_int_eq(on_hand(db, &tube, NULL), 7);
	ck_assert_int_eq(on_hand(db, &tube, &store), 7);
	/* a count sets the figure; movements after it add to it */
	ck_assert_int_eq(cb_stock_count(db, &tube, NULL, 5, NULL), CB_OK);
	ck_assert_int_eq(on_hand(db, &tube, NULL), 5);
	move(db, &tube, NULL, -1, CB_REASON_GIVEN);
	ck_assert_int_eq(on_hand(db, &tube, NULL), 4);
	/* a crate, a transfer of two linked movements */
	ck_assert_int_eq(cb_location_add(db, "Caisse 1", true, &crate, NULL), CB_OK);
	ck_assert_int_eq(cb_location_add(db, "caisse 1", true, NULL, &why), CB_EXISTS);
	ck_assert_int_eq(cb_location_add(db, "store", false, NULL, &why), CB_EXISTS);
	ck_assert_int_eq(cb_stock_transfer(db, &tube, NULL, &crate, 3, NULL, NULL), CB_OK);
	ck_assert_int_eq(on_hand(db, &tube, NULL), 1);
	ck_assert_int_eq(on_hand(db, &tube, &crate), 3);
	ck_assert_int_eq(cb_location_list(db, &locs), CB_OK);
	ck_assert_uint_eq(locs.count, 2);
	ck_assert_str_eq(locs.items[0].name, "store");
	ck_assert(locs.items[1].crate);
	cb_location_list_free(&locs);
	/* total 4, under the minimum of 4? no: 4 is not below 4 */
	ck_assert_int_eq(cb_part_list(db, true, &rows), CB_OK);
	ck_assert_uint_eq(rows.count, 0);
	cb_part_rows_free(&rows);
	move(db, &tube, &crate, -1, CB_REASON_USED);
	ck_assert_int_eq(cb_part_list(db, true, &rows), CB_OK);
	ck_assert_uint_eq(rows.count, 1);
	ck_assert_int_eq(rows.items[0].on_hand, 3);
	cb_part_rows_free(&rows);

	/* refusals write nothing */
	ck_assert_int_eq(cb_oplog_count(db, &before), CB_OK);
	ck_assert_int_eq(cb_stock_transfer(db, &tube, &crate, &crate, 1, NULL, &why), CB_INVALID);
	ck_assert_int_eq(why, CB_PART_SAME_LOCATION);
	ck_assert_int_eq(cb_stock_count(db, &tube, NULL, -1, &why), CB_INVALID);
	ck_assert_int_eq(why, CB_PART_BAD_QTY);
	{
		struct cb_move_input in = {.part = tube, .qty = 2, .reason = CB_REASON_PURCHASE,
					   .donor = "G3A", .amount = -1};
		ck_assert_int_eq(cb_stock_move(db, &in, NULL, &why), CB_INVALID);
		ck_assert_int_eq(why, CB_PART_DONOR_NOT_DONATION);
		in.qty = 0;
		in.donor = NULL;
		ck_assert_int_eq(cb_stock_move(db, &in, NULL, &why), CB_INVALID);
		ck_assert_int_eq(why, CB_PART_BAD_QTY);
	}
	ck_assert_int_eq(cb_oplog_count(db, &after), CB_OK);
	ck_assert_int_eq(before, after);
}
END_TEST

START_TEST(test_names)
{
	struct cb_id a = part(db, "Patins de frein V-brake", -1), b, found;
	struct cb_name_matches cands;
	struct cb_part_input dup = {.name = "patins de frein v-brake"};

	b = part(db, "Patins de frein cantilever", -1);
	ck_assert_int_eq(cb_part_add(db, &dup, NULL, NULL), CB_EXISTS);
	ck_assert_int_eq(cb_part_find(db, "patins de frein v", &found, NULL), CB_OK);
	ck_assert(cb_id_cmp(&found, &a) == 0);
	ck_assert_int_eq(cb_part_find(db, "cantil", &found, NULL), CB_OK); /* a word's beginning */
	ck_assert(cb_id_cmp(&found, &b) == 0);
	ck_assert_int_eq(cb_part_find(db, "patins", &found, &cands), CB_AMBIGUOUS);
	ck_assert_uint_eq(cands.count, 2);
	ck_assert_str_eq(cands.items[0].name, "Patins de frein cantilever");
	cb_name_matches_free(&cands);
	ck_assert_int_eq(cb_part_find(db, "chaîne", &found, NULL), CB_NOT_FOUND);
	ck_assert_int_eq(cb_part_remove(db, &a), CB_OK);
	ck_assert_int_eq(cb_part_find(db, "patins", &found, NULL), CB_OK);
	ck_assert(cb_id_cmp(&found, &b) == 0);
	ck_assert_int_eq(cb_location_find(db, "store", &found, NULL), CB_OK);
}
END_TEST

/* forget erases who used a part, never the movement: the stock stays */
START_TEST(test_forget_keeps_stock)
{
	struct cb_id zep = person(db, "Zep", LEARNER, 1990, NULL, NULL), tube = part(db, "Chambre", -1);
	struct cb_move_input in = {.part = tube, .qty = -1, .reason = CB_REASON_USED, .amount = -1,
				   .person = &zep, .session = &tonight};
	int64_t n = -1;

	move(db, &tube, NULL, 5, CB_REASON_DONATION);
	ck_assert_int_eq(cb_stock_move(db, &in, NULL, NULL), CB_OK);
	ck_assert_int_eq(cb_db_query_int(db, "SELECT count(*) FROM stock_move_people", &n), CB_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(cb_forget(db, &zep, NULL), CB_OK);
	ck_assert_int_eq(cb_db_query_int(db, "SELECT count(*) FROM stock_move_people", &n), CB_OK);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(on_hand(db, &tube, NULL), 4);
}
END_TEST

/* --- any order of arrival ------------------------------------------------- */

struct opset {
	struct cb_op *ops;
	size_t n, cap;
};

static cb_status
grab(const struct cb_op *op, void *arg)
{
	struct opset *s = arg;
	struct cb_op *o;

	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 256;
		s->ops = realloc(s->ops, s->cap * sizeof *s->ops);
		ck_assert_ptr_nonnull(s->ops);
	}
	o = &s->ops[s->n++];
	*o = *op;
	if (op->value.type == CB_V_TEXT)
		o->value.s = strdup(op->value.s);
	return CB_OK;
}

/* The oracle, from the ops alone: per part × location, the ledger rows by
 * the (hlc, site) of their quantity op; a count sets, a movement adds. */
struct entry {
	int tbl;
	struct cb_id row, site;
	uint64_t hlc;
	long long qty;
	char part[CB_ID_HEX_LEN + 1], loc[CB_ID_HEX_LEN + 1];
};

static int
by_clock(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	if (x->hlc != y->hlc)
		return x->hlc < y->hlc ? -1 : 1;
	return memcmp(x->site.b, y->site.b, sizeof x->site.b);
}

static long long
oracle(const struct opset *s, const struct cb_id *p, const struct cb_id *loc)
{
	char ph[CB_ID_HEX_LEN + 1], lh[CB_ID_HEX_LEN + 1];
	struct entry *e = calloc(s->n, sizeof *e);
	size_t n = 0;
	long long acc = 0;

	cb_id_to_hex(p, ph);
	cb_id_to_hex(loc, lh);
	for (size_t i = 0; i < s->n; i++) {
		const struct cb_op *o = &s->ops[i];
		if ((o->table == CB_T_MOVE && o->field == CB_F_MOVE_QTY) ||
		    (o->table == CB_T_COUNT && o->field == CB_F_COUNT_QTY)) {
			e[n].tbl = o->table;
			e[n].row = o->row;
			e[n].site = o->site;
			e[n].hlc = o->hlc;
			e[n].qty = o->value.i;
			n++;
		}
	}
	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < s->n; i++) {
			const struct cb_op *o = &s->ops[i];
			if (o->table != e[k].tbl || cb_id_cmp(&o->row, &e[k].row) != 0)
				continue;
			if (o->field == 1)
				cb_text_copy(e[k].part, sizeof e[k].part, o->value.s);
			if (o->field == 2)
				cb_text_copy(e[k].loc, sizeof e[k].loc, o->value.s);
		}
	qsort(e, n, sizeof *e, by_clock);
	for (size_t k = 0; k < n; k++)
		if (strcmp(e[k].part, ph) == 0 && strcmp(e[k].loc, lh) == 0)
			acc = e[k].tbl == CB_T_COUNT ? e[k].qty : acc + e[k].qty;
	free(e);
	return acc;
}

START_TEST(test_any_order)
{
	struct cb_db *a = db, *b;
	struct cb_id tube, pads, crate, store;
	struct opset s = {0};
	uint64_t seed = 42;
	int64_t ms;

	cb_location_store(&store);
	ck_assert_int_eq(cb_db_open(":memory:", CB_OPEN_CREATE, &b, NULL, 0), CB_OK);
	tube = part(a, "Chambre 26", 3);
	pads = part(a, "Patins", 2);
	ck_assert_int_eq(cb_location_add(a, "Caisse A", true, &crate, NULL), CB_OK);
	/* b gets what a has, then both work apart */
	ck_assert_int_eq(cb_oplog_each(a, grab, &s), CB_OK);
	unit_apply(b, s.ops, s.n);
	ms = cb_clock_now_ms();
	for (int i = 0; i < 40; i++) {
		struct cb_db *d = i % 2 ? a : b;
		const struct cb_id *p = cb_write_rand(&seed) % 2 ? &tube : &pads;
		const struct cb_id *l = cb_write_rand(&seed) % 2 ? &crate : &store;
		cb_clock_pin(ms + (long long)(cb_write_rand(&seed) % 3) * 1000);
		switch (cb_write_rand(&seed) % 4) {
		case 0:
			ck_assert_int_eq(cb_stock_count(d, p, l, (long long)(cb_write_rand(&seed) % 9), NULL),
					 CB_OK);
			break;
		case 1:
			ck_assert_int_eq(cb_stock_transfer(d, p, &store, &crate, 1, NULL, NULL), CB_OK);
			break;
		default:
			move(d, p, l, (long long)(cb_write_rand(&seed) % 7) - 3 ?: 1, CB_REASON_USED);
		}
		ms += 10;
	}
	for (size_t i = 0; i < s.n; i++)
		free((char *)(s.ops[i].value.type == CB_V_TEXT ? s.ops[i].value.s : NULL));
	s.n = 0;
	ck_assert_int_eq(cb_oplog_each(a, grab, &s), CB_OK);
	ck_assert_int_eq(cb_oplog_each(b, grab, &s), CB_OK);
	/* the union, each op once: drop duplicates (the shared start) */
	{
		size_t k = 0;
		for (size_t i = 0; i < s.n; i++) {
			bool dup = false;
			for (size_t j = 0; j < k && !dup; j++)
				dup = cb_id_cmp(&s.ops[j].op_id, &s.ops[i].op_id) == 0;
			if (!dup)
				s.ops[k++] = s.ops[i];
			else if (s.ops[i].value.type == CB_V_TEXT)
				free((char *)s.ops[i].value.s);
		}
		s.n = k;
	}
	for (int round = 0; round < 6; round++) {
		struct cb_db *c;
		const struct cb_id *ps[] = {&tube, &pads}, *ls[] = {&store, &crate};
		for (size_t i = s.n; i > 1; i--) {
			size_t j = cb_write_rand(&seed) % i;
			struct cb_op t = s.ops[i - 1];
			s.ops[i - 1] = s.ops[j];
			s.ops[j] = t;
		}
		ck_assert_int_eq(cb_db_open(":memory:", CB_OPEN_CREATE, &c, NULL, 0), CB_OK);
		/* one op at a time, as many small imports would bring them */
		for (size_t i = 0; i < s.n; i++)
			unit_apply(c, &s.ops[i], 1);
		for (int x = 0; x < 2; x++)
			for (int y = 0; y < 2; y++)
				ck_assert_int_eq(on_hand(c, ps[x], ls[y]), oracle(&s, ps[x], ls[y]));
		ck_assert_int_eq(cb_oplog_rebuild(c), CB_OK);
		for (int x = 0; x < 2; x++)
			for (int y = 0; y < 2; y++)
				ck_assert_int_eq(on_hand(c, ps[x], ls[y]), oracle(&s, ps[x], ls[y]));
		cb_db_close(c);
	}
	for (size_t i = 0; i < s.n; i++)
		free((char *)(s.ops[i].value.type == CB_V_TEXT ? s.ops[i].value.s : NULL));
	free(s.ops);
	cb_db_close(b);
}
END_TEST

/* the demo stocks parts through the same calls; twice adds nothing */
START_TEST(test_demo)
{
	struct cb_part_rows rows;
	struct cb_stock_rows stock;
	int64_t once, twice;

	ck_assert_int_eq(cb_parts_demo_fill(db, CB_DEMO_SMALL, 7), CB_OK);
	ck_assert_int_eq(cb_part_list(db, false, &rows), CB_OK);
	ck_assert_uint_eq(rows.count, 20);
	cb_part_rows_free(&rows);
	ck_assert_int_eq(cb_stock_list(db, NULL, false, &stock), CB_OK);
	ck_assert_uint_gt(stock.count, 20);
	cb_stock_rows_free(&stock);
	ck_assert_int_eq(cb_oplog_count(db, &once), CB_OK);
	ck_assert_int_eq(cb_parts_demo_fill(db, CB_DEMO_SMALL, 7), CB_OK);
	ck_assert_int_eq(cb_oplog_count(db, &twice), CB_OK);
	ck_assert_int_eq(once, twice);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("parts");
	TCase *tc = tcase_create("parts");

	tcase_add_checked_fixture(tc, setup_parts, teardown);
	tcase_add_test(tc, test_moves_and_counts);
	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_forget_keeps_stock);
	tcase_add_test(tc, test_any_order);
	tcase_add_test(tc, test_demo);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
