/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undo from the op log (include/cambouis/undo.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/calendar.h"
#include "cambouis/clock.h"
#include "cambouis/undo.h"
#include "cambouis/venue.h"
#include "unit.h"

static struct cb_db *db;

static void
setup_db(void)
{
	cb_clock_pin(UNIT_NOW_MS);
	db = unit_db_memory();
}

static void
teardown_db(void)
{
	cb_db_close(db);
	db = NULL;
	cb_clock_unpin();
}

static struct cb_id
add(const char *name, long long capacity)
{
	struct cb_venue_input in = {.name = name, .set_capacity = true, .capacity = capacity};
	struct cb_id id;
	cb_status st = cb_venue_add(db, &in, &id, NULL);

	ck_assert_msg(st == CB_OK, "add %s gave %s", name, cb_status_name(st));
	return id;
}

/* The venues listed, "name:capacity" joined by "|". */
static char *
listed(void)
{
	struct cb_venue_list list;
	char *out = calloc(1, 4096);

	ck_assert_ptr_nonnull(out);
	ck_assert_int_eq(cb_venue_list(db, &list), CB_OK);
	for (size_t i = 0; i < list.count; i++) {
		char one[300];
		snprintf(one, sizeof one, "%s%s:%lld", i ? "|" : "", list.items[i].name,
			 list.items[i].capacity);
		strcat(out, one);
	}
	cb_venue_list_free(&list);
	return out;
}

#define LISTED(expected)                        \
	do {                                    \
		char *l_ = listed();            \
		ck_assert_str_eq(l_, expected); \
		free(l_);                       \
	} while (0)

static void
edit(const struct cb_id *id, const char *name, const char *notes, long long capacity)
{
	struct cb_venue_input in = {.name = name, .notes = notes, .set_capacity = capacity >= -1,
				    .capacity = capacity};

	ck_assert_int_eq(cb_venue_edit(db, id, &in, NULL), CB_OK);
}

/* A write from another laptop, newer than anything here. */
static void
remote_set(const struct cb_id *row, int field, struct cb_value v)
{
	static int64_t seq = 1;
	struct cb_id site = unit_id_fill(0xee);
	struct cb_op op = unit_op(&site, seq++, cb_oplog_last_hlc(db) + (1u << 16), row, field, v);

	unit_apply(db, &op, 1);
}

START_TEST(test_undo_field_edit)
{
	struct cb_id id = add("Halle", 20);
	int64_t mark = cb_undo_mark(db);
	struct cb_undo_info info;
	struct cb_venue v;

	ck_assert(!cb_undo_possible(db, mark)); /* the add came before the mark */
	ck_assert_int_eq(cb_undo_last(db, mark, NULL), CB_NOT_FOUND);
	edit(&id, "Grande Halle", NULL, -2);
	ck_assert_int_eq(cb_undo_note(db, mark, "back to Halle"), CB_OK);
	LISTED("Grande Halle:20");
	ck_assert(cb_undo_possible(db, mark));
	ck_assert_int_eq(cb_undo_last(db, mark, &info), CB_OK);
	ck_assert_int_eq(info.table, CB_T_VENUE);
	ck_assert_int_eq(cb_id_cmp(&info.row, &id), 0);
	ck_assert_int_eq(info.what, CB_UNDO_CHANGED);
	ck_assert_int_eq(info.written, 1);
	ck_assert_int_eq(info.kept, 0);
	ck_assert_str_eq(info.note, "back to Halle");
	cb_undo_info_clear(&info);
	LISTED("Halle:20");
	ck_assert_int_eq(cb_venue_get(db, &id, &v), CB_OK);
	ck_assert_str_eq(v.name, "Halle");
	cb_venue_clear(&v);
	/* the undo is not undone in turn; nothing else is left */
	ck_assert(!cb_undo_possible(db, mark));
	ck_assert_int_eq(cb_undo_last(db, mark, NULL), CB_NOT_FOUND);
	LISTED("Halle:20");
}
END_TEST

START_TEST(test_undo_field_first_value)
{
	struct cb_id id = add("Halle", -1);
	int64_t mark = cb_undo_mark(db);
	struct cb_venue v;

	/* notes had no value at all: undo gives it none again */
	edit(&id, NULL, "clés à l'accueil", 12);
	ck_assert_int_eq(cb_undo_last(db, mark, NULL), CB_OK);
	ck_assert_int_eq(cb_venue_get(db, &id, &v), CB_OK);
	ck_assert_str_eq(v.notes, "");
	ck_assert_int_eq(v.capacity, -1);
	cb_venue_clear(&v);
}
END_TEST

START_TEST(test_undo_add)
{
	int64_t mark = cb_undo_mark(db);
	struct cb_undo_info info;
	struct cb_id id;

	add("Halle", 20);
	id = add("Gymnase", 30);
	LISTED("Gymnase:30|Halle:20");
	ck_assert_int_eq(cb_undo_last(db, mark, &info), CB_OK);
	ck_assert_int_eq(info.what, CB_UNDO_ADDED);
	ck_assert_int_eq(cb_id_cmp(&info.row, &id), 0);
	ck_assert_int_eq(info.written, 1); /* deleted = 1, nothing else */
	ck_assert_ptr_null(info.note);
	LISTED("Halle:20");
	/* the name is free again; undo once more takes the first one off */
	ck_assert_int_eq(cb_undo_last(db, mark, NULL), CB_OK);
	LISTED("");
	ck_assert_int_eq(cb_undo_last(db, mark, NULL), CB_NOT_FOUND);
	add("Gymnase", 5);
	LISTED("Gymnase:5");
}
END_TEST

START_TEST(test_undo_remove)
{
	struct cb_id id = add("Halle", 20);
	int64_t mark = cb_undo_mark(db);
	struct cb_undo_info info;

	ck_assert_int_eq(cb_venue_remove(db, &id), CB_OK);
	LISTED("");
	ck_assert_int_eq(cb_undo_last(db, mark, &info), CB_OK);
	ck_assert_int_eq(info.what, CB_UNDO_REMOVED);
	LISTED("Halle:20");
}
END_TEST

START_TEST(test_undo_multi_op_action)
{
	struct cb_id id = add("Halle", 20), closure, other;
	int64_t mark = cb_undo_mark(db);
	struct cb_closure_list l;

	/* one action, three fields of one row */
	edit(&id, "Grande Halle", "au fond de la cour", 45);
	/* one action making a row with four fields */
	ck_assert_int_eq(cb_venue_close(db, &id, "2026-04-01", "2026-04-10", "travaux", &closure),
			 CB_OK);
	other = add("Gymnase", 8);
	(void)other;
	ck_assert_int_eq(cb_undo_last(db, mark, NULL), CB_OK); /* the Gymnase */
	ck_assert_int_eq(cb_undo_last(db, mark, NULL), CB_OK); /* the closure */
	ck_assert_int_eq(cb_venue_closures(db, NULL, &l), CB_OK);
	ck_assert_uint_eq(l.count, 0);
	cb_closure_list_free(&l);
	LISTED("Grande Halle:45");
	ck_assert_int_eq(cb_undo_last(db, mark, NULL), CB_OK); /* every field at once */
	LISTED("Halle:20");
	struct cb_venue v;
	ck_assert_int_eq(cb_venue_get(db, &id, &v), CB_OK);
	ck_assert_str_eq(v.notes, "");
	cb_venue_clear(&v);
}
END_TEST

START_TEST(test_undo_twice_same_field)
{
	struct cb_id id = add("Halle", 20);
	int64_t mark = cb_undo_mark(db);

	edit(&id, "Halle B", NULL, -2);
	edit(&id, "Halle C", NULL, -2);
	ck_assert_int_eq(cb_undo_last(db, mark, NULL), CB_OK);
	LISTED("Halle B:20");
	/* the undo's own op cancels out: the first edit is undone as well */
	ck_assert_int_eq(cb_undo_last(db, mark, NULL), CB_OK);
	LISTED("Halle:20");
	/* a new action after undos is the next to undo */
	edit(&id, "Halle D", NULL, -2);
	ck_assert_int_eq(cb_undo_last(db, mark, NULL), CB_OK);
	LISTED("Halle:20");
}
END_TEST

START_TEST(test_undo_keeps_newer_remote_write)
{
	struct cb_id id = add("Halle", 20);
	int64_t mark = cb_undo_mark(db);
	struct cb_undo_info info;

	edit(&id, "Grande Halle", NULL, 45);
	/* another laptop renamed it after us, and the import brought it here */
	remote_set(&id, CB_F_VENUE_NAME, (struct cb_value){CB_V_TEXT, 0, "Halle des sports"});
	LISTED("Halle des sports:45");
	ck_assert_int_eq(cb_undo_last(db, mark, &info), CB_OK);
	/* the capacity goes back; the newer name stays */
	ck_assert_int_eq(info.written, 1);
	ck_assert_int_eq(info.kept, 1);
	LISTED("Halle des sports:20");
}
END_TEST

START_TEST(test_undo_after_older_remote_write)
{
	struct cb_id id = add("Halle", 20);
	int64_t mark = cb_undo_mark(db);
	struct cb_id site = unit_id_fill(0x01);
	struct cb_op op;

	edit(&id, "Grande Halle", NULL, -2);
	/* a rename made offline before ours arrives after it: ours still wins,
	 * and undoing ours shows theirs (as if ours had never been) */
	op = unit_op(&site, 1, cb_oplog_last_hlc(db) - 1, &id, CB_F_VENUE_NAME,
		     (struct cb_value){CB_V_TEXT, 0, "Halle Sud"});
	unit_apply(db, &op, 1);
	LISTED("Grande Halle:20");
	ck_assert_int_eq(cb_undo_last(db, mark, NULL), CB_OK);
	LISTED("Halle Sud:20");
}
END_TEST

START_TEST(test_refused_action_is_none)
{
	int64_t mark = cb_undo_mark(db);
	struct cb_venue_input dup = {.name = "halle"};
	struct cb_id id;

	add("Halle", 20);
	ck_assert_int_eq(cb_venue_add(db, &dup, &id, NULL), CB_EXISTS);
	ck_assert_int_eq(cb_undo_mark(db), mark + 1);
	/* a note after a call that wrote nothing goes nowhere */
	ck_assert_int_eq(cb_undo_note(db, mark + 1, "nothing"), CB_OK);
	ck_assert_int_eq(cb_undo_last(db, mark, NULL), CB_OK);
	LISTED("");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("undo");
	TCase *tc = tcase_create("undo");

	tcase_add_checked_fixture(tc, setup_db, teardown_db);
	tcase_add_test(tc, test_undo_field_edit);
	tcase_add_test(tc, test_undo_field_first_value);
	tcase_add_test(tc, test_undo_add);
	tcase_add_test(tc, test_undo_remove);
	tcase_add_test(tc, test_undo_multi_op_action);
	tcase_add_test(tc, test_undo_twice_same_field);
	tcase_add_test(tc, test_undo_keeps_newer_remote_write);
	tcase_add_test(tc, test_undo_after_older_remote_write);
	tcase_add_test(tc, test_refused_action_is_none);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
