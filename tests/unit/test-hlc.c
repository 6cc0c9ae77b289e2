/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/clock.h"
#include "cambouis/hlc.h"
#include "cambouis/oplog.h"
#include "cambouis/review.h"
#include "cambouis/sync.h"
#include "cambouis/venue.h"
#include "unit.h"

#define HOUR_MS INT64_C(3600000)
#define HLC_NOW_PLUS(ms) ((uint64_t)(UNIT_NOW_MS + (ms)) << CB_HLC_COUNTER_BITS)

START_TEST(test_tick_follows_wall_clock)
{
	uint64_t h = cb_hlc_tick(0, UNIT_NOW_MS);

	ck_assert_int_eq(cb_hlc_ms(h), UNIT_NOW_MS);
	h = cb_hlc_tick(h, UNIT_NOW_MS + 5);
	ck_assert_int_eq(cb_hlc_ms(h), UNIT_NOW_MS + 5);
	ck_assert_uint_eq(h & 0xFFFF, 0);
}
END_TEST

/* A laptop whose clock is set back (by hand, or by a bad battery) must
 * still stamp each new op above the last one. */
START_TEST(test_tick_wall_clock_jumps_back)
{
	uint64_t last = cb_hlc_tick(0, UNIT_NOW_MS);

	for (int i = 1; i <= 1000; i++) {
		int64_t wall = UNIT_NOW_MS - (i % 7) * 3 * HOUR_MS - i;
		uint64_t next = cb_hlc_tick(last, wall);
		ck_assert_msg(next > last, "tick %d went from %llu to %llu", i,
			      (unsigned long long)last, (unsigned long long)next);
		last = next;
	}
	/* once the wall clock catches up it takes over again */
	last = cb_hlc_tick(last, UNIT_NOW_MS + HOUR_MS);
	ck_assert_int_eq(cb_hlc_ms(last), UNIT_NOW_MS + HOUR_MS);
	/* a wall clock before 1970 (or a broken one) is ignored */
	ck_assert_uint_eq(cb_hlc_tick(last, -5), last + 1);
	ck_assert_uint_eq(cb_hlc_tick(0, 0), 1);
}
END_TEST

/* More events than the counter holds within one millisecond. */
START_TEST(test_tick_counter_overflow)
{
	uint64_t last;

	cb_clock_pin(UNIT_NOW_MS);
	last = cb_hlc_tick(0, cb_clock_now_ms());
	for (int i = 0; i < 70000; i++) {
		uint64_t next = cb_hlc_tick(last, cb_clock_now_ms());
		ck_assert_msg(next > last, "tick %d did not grow", i);
		last = next;
	}
	ck_assert_int_eq(cb_hlc_ms(last), UNIT_NOW_MS + 1); /* carried */
	cb_clock_unpin();
}
END_TEST

START_TEST(test_observe_never_below)
{
	uint64_t state = 42;

	/* valid clocks below the horizon (beyond it, a tick saturates) */
	for (int i = 0; i < 10000; i++) {
		state = state * 6364136223846793005ull + 1442695040888963407ull;
		uint64_t a = (state >> 1) % (CB_HLC_MAX - 1);
		state = state * 6364136223846793005ull + 1442695040888963407ull;
		uint64_t b = (i % 3 == 0) ? a : (state >> 1) % (CB_HLC_MAX - 1);
		uint64_t o = cb_hlc_observe(a, b);
		ck_assert(o >= a && o >= b);
		ck_assert(o == a || o == b);
		/* the next local tick after observing is above both */
		uint64_t t = cb_hlc_tick(o, (int64_t)(a >> 20));
		ck_assert(t > a && t > b);
	}
	ck_assert_uint_eq(cb_hlc_observe(0, 0), 0);
	ck_assert_uint_eq(cb_hlc_observe(5, 3), 5);
	ck_assert_uint_eq(cb_hlc_observe(3, 5), 5);
}
END_TEST

struct hlcs {
	uint64_t v[16];
	int n;
	struct cb_id site;
	bool only_site;
};

static cb_status
collect(const struct cb_op *op, void *arg)
{
	struct hlcs *h = arg;

	if (h->only_site && cb_id_cmp(&op->site, &h->site) != 0)
		return CB_OK;
	ck_assert_int_lt(h->n, 16);
	h->v[h->n++] = op->hlc;
	return CB_OK;
}

static void
set_name(struct cb_db *db, const struct cb_id *row, const char *name)
{
	struct cb_value v = {CB_V_TEXT, 0, name};

	ck_assert_int_eq(cb_db_begin(db), CB_OK);
	ck_assert_int_eq(cb_oplog_set(db, CB_T_VENUE, row, CB_F_VENUE_NAME, &v), CB_OK);
	ck_assert_int_eq(cb_db_commit(db), CB_OK);
}

/* Through the op log: ops made after the clock was set back by hours
 * still win over the earlier ones (last writer wins means last made). */
START_TEST(test_oplog_clock_set_back)
{
	struct cb_db *db = unit_db_memory();
	struct cb_id row = unit_id_fill(0x11);
	struct cb_venue v;
	struct hlcs h = {.n = 0};

	cb_clock_pin(UNIT_NOW_MS);
	set_name(db, &row, "first");
	cb_clock_pin(UNIT_NOW_MS - 5 * HOUR_MS);
	set_name(db, &row, "second");
	cb_clock_pin(UNIT_NOW_MS - 48 * HOUR_MS);
	set_name(db, &row, "third");
	ck_assert_int_eq(cb_oplog_each(db, collect, &h), CB_OK);
	ck_assert_int_eq(h.n, 3);
	ck_assert(h.v[0] < h.v[1] && h.v[1] < h.v[2]);
	ck_assert_int_eq(cb_venue_get(db, &row, &v), CB_OK);
	ck_assert_str_eq(v.name, "third");
	cb_venue_clear(&v);
	cb_clock_unpin();
	cb_db_close(db);
}
END_TEST

/* A laptop whose clock is years ahead sends an op; our next local ops
 * must still be stamped above it, or they would lose every merge. */
START_TEST(test_local_ops_after_far_future_remote)
{
	struct cb_db *db = unit_db_memory();
	struct cb_id other = unit_id_fill(0xEE), row = unit_id_fill(0x22);
	uint64_t remote = (uint64_t)(UNIT_NOW_MS + 10 * 365 * 24 * HOUR_MS) << CB_HLC_COUNTER_BITS | 7;
	struct cb_op op = unit_op(&other, 1, remote, &row, CB_F_VENUE_NAME,
				  (struct cb_value){CB_V_TEXT, 0, "from the future"});
	struct cb_value local = {CB_V_TEXT, 0, "local"};
	struct hlcs h = {.n = 0, .site = *cb_db_site(db), .only_site = true};
	struct cb_venue v;
	bool was_new = false;

	cb_clock_pin(UNIT_NOW_MS);
	ck_assert_int_eq(cb_db_begin(db), CB_OK);
	ck_assert_int_eq(cb_oplog_apply(db, &op, &was_new), CB_OK);
	ck_assert(was_new);
	ck_assert(cb_oplog_last_hlc(db) >= remote);
	/* in the same transaction */
	ck_assert_int_eq(cb_oplog_set(db, CB_T_VENUE, &row, CB_F_VENUE_NOTES, &local), CB_OK);
	ck_assert_int_eq(cb_db_commit(db), CB_OK);
	/* and in a later one */
	set_name(db, &row, "local name");

	ck_assert_int_eq(cb_oplog_each(db, collect, &h), CB_OK);
	ck_assert_int_eq(h.n, 2);
	ck_assert_msg(h.v[0] > remote && h.v[1] > h.v[0], "local ops %llu, %llu not above remote %llu",
		      (unsigned long long)h.v[0], (unsigned long long)h.v[1],
		      (unsigned long long)remote);
	ck_assert_int_eq(cb_venue_get(db, &row, &v), CB_OK);
	ck_assert_str_eq(v.name, "local name");
	cb_venue_clear(&v);
	cb_clock_unpin();
	cb_db_close(db);
}
END_TEST

/* Many local ops within one pinned millisecond through the op log. */
START_TEST(test_oplog_many_ops_one_ms)
{
	struct cb_db *db = unit_db_memory();
	struct cb_id row = unit_id_fill(0x33);
	uint64_t last = 0;

	cb_clock_pin(UNIT_NOW_MS);
	ck_assert_int_eq(cb_db_begin(db), CB_OK);
	for (int i = 0; i < 2000; i++) {
		struct cb_value v = {CB_V_INT, i % 100, NULL};
		ck_assert_int_eq(cb_oplog_set(db, CB_T_VENUE, &row, CB_F_VENUE_CAPACITY, &v), CB_OK);
		ck_assert(cb_oplog_last_hlc(db) > last);
		last = cb_oplog_last_hlc(db);
	}
	ck_assert_int_eq(cb_db_commit(db), CB_OK);
	ck_assert_int_eq(cb_hlc_ms(last), UNIT_NOW_MS);
	cb_clock_unpin();
	cb_db_close(db);
}
END_TEST

/* The horizon is the last value of 2199: a tick never passes it, and a
 * clock at or beyond it stays at it rather than leave the valid range. */
START_TEST(test_tick_saturates_at_horizon)
{
	ck_assert(cb_hlc_valid(CB_HLC_MAX));
	ck_assert(!cb_hlc_valid(CB_HLC_MAX + 1));
	ck_assert(!cb_hlc_valid(0));
	ck_assert(!cb_hlc_valid((uint64_t)INT64_MAX));
	ck_assert_int_eq(cb_hlc_ms(CB_HLC_MAX), CB_HLC_HORIZON_MS - 1);
	ck_assert_uint_eq(cb_hlc_tick(CB_HLC_MAX - 1, UNIT_NOW_MS), CB_HLC_MAX);
	ck_assert_uint_eq(cb_hlc_tick(CB_HLC_MAX, UNIT_NOW_MS), CB_HLC_MAX);
	ck_assert_uint_eq(cb_hlc_tick(CB_HLC_MAX + 1, UNIT_NOW_MS), CB_HLC_MAX);
	ck_assert_uint_eq(cb_hlc_tick((uint64_t)INT64_MAX, UNIT_NOW_MS), CB_HLC_MAX);
	ck_assert_uint_eq(cb_hlc_tick(UINT64_MAX, UNIT_NOW_MS), CB_HLC_MAX);
	/* a wall clock past 2199, or far enough to overflow the shift */
	ck_assert_uint_eq(cb_hlc_tick(0, CB_HLC_HORIZON_MS), CB_HLC_MAX);
	ck_assert_uint_eq(cb_hlc_tick(0, INT64_MAX), CB_HLC_MAX);
	ck_assert_uint_eq(cb_hlc_tick(0, CB_HLC_HORIZON_MS - 1),
			  (uint64_t)(CB_HLC_HORIZON_MS - 1) << CB_HLC_COUNTER_BITS);
	ck_assert_uint_eq(cb_hlc_observe(5, (uint64_t)INT64_MAX), CB_HLC_MAX);
	ck_assert_uint_eq(cb_hlc_observe(UINT64_MAX, 5), CB_HLC_MAX);
}
END_TEST

static struct cb_op
remote_name(uint64_t hlc, const char *name)
{
	static const struct cb_id other = {{0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE,
					    0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE}};
	static const struct cb_id row = {{0x44, 0x44, 0x44, 0x44, 0x44, 0x44, 0x44, 0x44,
					  0x44, 0x44, 0x44, 0x44, 0x44, 0x44, 0x44, 0x44}};

	return unit_op(&other, 1, hlc, &row, CB_F_VENUE_NAME, (struct cb_value){CB_V_TEXT, 0, name});
}

/* An op past the horizon is invalid like any other invalid op: refused,
 * and nothing of it enters the log. */
START_TEST(test_op_past_horizon_refused)
{
	struct cb_db *db = unit_db_memory();
	uint64_t past[] = {CB_HLC_MAX + 1, (uint64_t)INT64_MAX, (uint64_t)INT64_MAX - 3};
	int64_t n = -1;
	bool was_new = true;

	for (size_t i = 0; i < sizeof past / sizeof past[0]; i++) {
		struct cb_op op = remote_name(past[i], "Salle du bout du temps");
		ck_assert_int_eq(cb_op_validate(&op), CB_BAD_OP);
		ck_assert_int_eq(cb_db_begin(db), CB_OK);
		ck_assert_int_eq(cb_oplog_apply(db, &op, &was_new), CB_BAD_OP);
		ck_assert(!was_new);
		ck_assert_int_eq(cb_db_commit(db), CB_OK);
	}
	ck_assert_int_eq(cb_oplog_count(db, &n), CB_OK);
	ck_assert_int_eq(n, 0);
	{
		struct cb_op op = remote_name(CB_HLC_MAX, "Salle de l'horizon");
		ck_assert_int_eq(cb_op_validate(&op), CB_OK);
	}
	cb_db_close(db);
}
END_TEST

/* A peer sends an op stamped with the horizon itself (the highest valid
 * clock): this laptop takes it, and then 10,000 local writes all work,
 * each stamped valid, and the last one is what the field shows. */
START_TEST(test_writes_after_op_at_horizon)
{
	struct cb_db *db = unit_db_memory();
	struct cb_op op = remote_name(CB_HLC_MAX, "Salle de l'horizon");
	struct cb_id mine = unit_id_fill(0x45);
	struct cb_venue v;
	char name[32];

	cb_clock_pin(UNIT_NOW_MS);
	unit_apply(db, &op, 1);
	ck_assert_uint_eq(cb_oplog_last_hlc(db), CB_HLC_MAX);
	for (int i = 0; i < 10000; i++) {
		struct cb_value val = {CB_V_TEXT, 0, name};
		snprintf(name, sizeof name, "Salle %d", i);
		cb_clock_pin(UNIT_NOW_MS + i);
		ck_assert_int_eq(cb_db_begin(db), CB_OK);
		ck_assert_int_eq(cb_oplog_set(db, CB_T_VENUE, &mine, CB_F_VENUE_NAME, &val), CB_OK);
		/* the field the peer set is still writable too */
		ck_assert_int_eq(cb_oplog_set(db, CB_T_VENUE, &op.row, CB_F_VENUE_NOTES, &val), CB_OK);
		ck_assert_int_eq(cb_db_commit(db), CB_OK);
		ck_assert_uint_eq(cb_oplog_last_hlc(db), CB_HLC_MAX);
	}
	ck_assert_int_eq(cb_venue_get(db, &mine, &v), CB_OK);
	ck_assert_str_eq(v.name, "Salle 9999");
	cb_venue_clear(&v);
	{
		int64_t bad = -1;
		ck_assert_int_eq(cb_oplog_count_invalid(db, &bad), CB_OK);
		ck_assert_int_eq(bad, 0);
	}
	cb_clock_unpin();
	cb_db_close(db);
}
END_TEST

static cb_status
count_published(const void *data, size_t size, const struct cb_bundle_manifest *m, void *arg)
{
	(void)data;
	(void)size;
	*(int64_t *)arg = m->op_count;
	return CB_OK;
}

/* A database that already holds an op beyond the horizon (an older
 * version took it): local writes still work and win its field, the op is
 * counted as invalid, rebuild leaves it out and no export carries it. */
START_TEST(test_legacy_op_beyond_horizon)
{
	struct cb_db *db = unit_db_memory();
	struct cb_op op = remote_name(HLC_NOW_PLUS(1), "Salle piégée");
	struct cb_value mine = {CB_V_TEXT, 0, "Salle reprise"};
	struct cb_export_opts o = {.full = true};
	struct cb_export_result r;
	struct cb_venue v;
	int64_t bad = -1, sent = -1;

	cb_clock_pin(UNIT_NOW_MS);
	ck_assert_int_eq(cb_db_set_site_label(db, "here"), CB_OK);
	unit_apply(db, &op, 1);
	/* what an older version let in */
	ck_assert_int_eq(cb_db_exec(db, "UPDATE ops SET hlc = 9223372036854775807"), CB_OK);
	ck_assert_int_eq(cb_oplog_count_invalid(db, &bad), CB_OK);
	ck_assert_int_eq(bad, 1);
	for (int i = 0; i < 10; i++) {
		ck_assert_int_eq(cb_db_begin(db), CB_OK);
		ck_assert_int_eq(cb_oplog_set(db, CB_T_VENUE, &op.row, CB_F_VENUE_NAME, &mine), CB_OK);
		ck_assert_int_eq(cb_db_commit(db), CB_OK);
		ck_assert(cb_hlc_valid(cb_oplog_last_hlc(db)));
	}
	ck_assert_int_eq(cb_venue_get(db, &op.row, &v), CB_OK);
	ck_assert_str_eq(v.name, "Salle reprise");
	cb_venue_clear(&v);
	/* the field's history (the Sync screen) agrees on the current value */
	{
		struct cb_review_history hist;
		size_t current = 0;
		ck_assert_int_eq(cb_review_history(db, CB_T_VENUE, &op.row, CB_F_VENUE_NAME, &hist),
				 CB_OK);
		for (size_t i = 0; i < hist.count; i++)
			if (hist.items[i].current) {
				current++;
				ck_assert_str_eq(hist.items[i].text, "Salle reprise");
			}
		ck_assert_uint_eq(current, 1);
		cb_review_history_free(&hist);
	}
	ck_assert_int_eq(cb_oplog_rebuild(db), CB_OK);
	ck_assert_int_eq(cb_venue_get(db, &op.row, &v), CB_OK);
	ck_assert_str_eq(v.name, "Salle reprise");
	cb_venue_clear(&v);
	ck_assert_int_eq(cb_sync_export(db, &o, count_published, &sent, &r), CB_OK);
	ck_assert_int_eq(sent, 10);
	cb_clock_unpin();
	cb_db_close(db);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("hlc");
	TCase *pure = tcase_create("pure");
	TCase *oplog = tcase_create("oplog");

	tcase_add_test(pure, test_tick_follows_wall_clock);
	tcase_add_test(pure, test_tick_wall_clock_jumps_back);
	tcase_add_test(pure, test_tick_counter_overflow);
	tcase_add_test(pure, test_observe_never_below);
	tcase_add_test(pure, test_tick_saturates_at_horizon);
	tcase_add_test(oplog, test_op_past_horizon_refused);
	tcase_add_test(oplog, test_writes_after_op_at_horizon);
	tcase_add_test(oplog, test_legacy_op_beyond_horizon);
	tcase_add_test(oplog, test_oplog_clock_set_back);
	tcase_add_test(oplog, test_local_ops_after_far_future_remote);
	tcase_add_test(oplog, test_oplog_many_ops_one_ms);
	suite_add_tcase(s, pure);
	suite_add_tcase(s, oplog);
	return unit_run(s);
}
