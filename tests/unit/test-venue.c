/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cambouis/clock.h"
#include "cambouis/hlc.h"
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

static int64_t
ops(void)
{
	int64_t n = -1;

	ck_assert_int_eq(cb_oplog_count(db, &n), CB_OK);
	return n;
}

static struct cb_id
add(const char *name)
{
	struct cb_venue_input in = {.name = name};
	struct cb_id id;
	cb_status st = cb_venue_add(db, &in, &id, NULL);

	ck_assert_msg(st == CB_OK, "add %s gave %s", name, cb_status_name(st));
	return id;
}

/* The names of the listed venues, joined by "|". */
static char *
listed(void)
{
	struct cb_venue_list list;
	char *out = calloc(1, 4096);

	ck_assert_ptr_nonnull(out);
	ck_assert_int_eq(cb_venue_list(db, &list), CB_OK);
	for (size_t i = 0; i < list.count; i++) {
		if (i)
			strcat(out, "|");
		strcat(out, list.items[i].name);
	}
	cb_venue_list_free(&list);
	return out;
}

#define LISTED(expected)                       \
	do {                                   \
		char *l_ = listed();           \
		ck_assert_str_eq(l_, expected); \
		free(l_);                      \
	} while (0)

START_TEST(test_add_get)
{
	struct cb_venue_input in = {
		.name = "  Centre social de la Vallée Violette ",
		.address = "Rue de la Vallée Violette",
		.commune = "Joué-lès-Tours",
		.notes = "Salle au rez-de-chaussée ;\nclés à l'accueil.",
		.set_capacity = true,
		.capacity = 25,
	};
	struct cb_id id;
	struct cb_venue v;
	int bad = -1;

	ck_assert_int_eq(cb_venue_add(db, &in, &id, &bad), CB_OK);
	ck_assert(!cb_id_is_zero(&id));
	ck_assert_int_eq(cb_id_time(&id), UNIT_NOW_MS);
	ck_assert_int_eq(cb_venue_get(db, &id, &v), CB_OK);
	ck_assert_int_eq(cb_id_cmp(&v.id, &id), 0);
	ck_assert_str_eq(v.name, "Centre social de la Vallée Violette"); /* trimmed */
	ck_assert_str_eq(v.address, "Rue de la Vallée Violette");
	ck_assert_str_eq(v.commune, "Joué-lès-Tours");
	ck_assert_str_eq(v.notes, "Salle au rez-de-chaussée ;\nclés à l'accueil.");
	ck_assert_int_eq(v.capacity, 25);
	cb_venue_clear(&v);
	ck_assert_int_eq(ops(), 5);

	/* unknown fields read as "" and -1 */
	id = add("Halle");
	ck_assert_int_eq(cb_venue_get(db, &id, &v), CB_OK);
	ck_assert_str_eq(v.address, "");
	ck_assert_str_eq(v.notes, "");
	ck_assert_int_eq(v.capacity, -1);
	cb_venue_clear(&v);
	ck_assert_int_eq(ops(), 6);

	struct cb_id nope = unit_id_fill(0x99);
	ck_assert_int_eq(cb_venue_get(db, &nope, &v), CB_NOT_FOUND);
}
END_TEST

START_TEST(test_list_order)
{
	add("salle des fêtes");
	add("Oésia");
	add("Halle");
	add("maison de quartier");
	add("Atelier");
	LISTED("Atelier|Halle|maison de quartier|Oésia|salle des fêtes");
}
END_TEST

START_TEST(test_duplicate_name)
{
	struct cb_venue_input in = {.name = "HALLE", .commune = "Tours"};
	int bad = 0;

	add("Halle");
	ck_assert_int_eq(cb_venue_add(db, &in, NULL, &bad), CB_EXISTS);
	ck_assert_int_eq(bad, CB_F_VENUE_NAME);
	in.name = " halle ";
	bad = 0;
	ck_assert_int_eq(cb_venue_add(db, &in, NULL, &bad), CB_EXISTS);
	ck_assert_int_eq(bad, CB_F_VENUE_NAME);
	in.name = "Halle";
	ck_assert_int_eq(cb_venue_add(db, &in, NULL, NULL), CB_EXISTS);
	ck_assert_int_eq(ops(), 1); /* nothing written by the refusals */
	LISTED("Halle");
}
END_TEST

START_TEST(test_name_required)
{
	static const char *const blank[] = {"", " ", "  \t ", "\n"};
	struct cb_venue_input in = {.commune = "Tours"};
	int bad = 0;

	ck_assert_int_eq(cb_venue_add(db, &in, NULL, &bad), CB_INVALID);
	ck_assert_int_eq(bad, CB_F_VENUE_NAME);
	for (size_t i = 0; i < sizeof blank / sizeof blank[0]; i++) {
		in.name = blank[i];
		bad = 0;
		ck_assert_int_eq(cb_venue_add(db, &in, NULL, &bad), CB_INVALID);
		ck_assert_int_eq(bad, CB_F_VENUE_NAME);
	}
	/* nor may an edit blank it */
	struct cb_id id = add("Halle");
	struct cb_venue_input edit = {.name = "   "};
	ck_assert_int_eq(cb_venue_edit(db, &id, &edit, &bad), CB_INVALID);
	ck_assert_int_eq(bad, CB_F_VENUE_NAME);
	ck_assert_int_eq(ops(), 1);
}
END_TEST

static void
expect_bad(struct cb_venue_input in, cb_status want, int field)
{
	int bad = 0;
	cb_status st = cb_venue_add(db, &in, NULL, &bad);

	ck_assert_msg(st == want, "name \"%.20s\": %s, not %s", in.name, cb_status_name(st),
		      cb_status_name(want));
	ck_assert_int_eq(bad, field);
	bad = 0;
	ck_assert_int_eq(cb_venue_validate(&in, true, &bad), want);
	ck_assert_int_eq(bad, field);
}

START_TEST(test_field_limits)
{
	char name[CB_VENUE_NAME_MAX + 2], text[CB_VENUE_TEXT_MAX + 2], notes[CB_VENUE_NOTES_MAX + 2];

	memset(name, 'n', sizeof name - 1);
	name[sizeof name - 1] = '\0';
	memset(text, 't', sizeof text - 1);
	text[sizeof text - 1] = '\0';
	memset(notes, 'o', sizeof notes - 1);
	notes[sizeof notes - 1] = '\0';

	expect_bad((struct cb_venue_input){.name = name}, CB_TOO_LONG, CB_F_VENUE_NAME);
	expect_bad((struct cb_venue_input){.name = "A", .address = text}, CB_TOO_LONG, CB_F_VENUE_ADDRESS);
	expect_bad((struct cb_venue_input){.name = "A", .commune = text}, CB_TOO_LONG, CB_F_VENUE_COMMUNE);
	expect_bad((struct cb_venue_input){.name = "A", .notes = notes}, CB_TOO_LONG, CB_F_VENUE_NOTES);
	expect_bad((struct cb_venue_input){.name = "A", .commune = "a\x1b[2J"}, CB_INVALID,
		   CB_F_VENUE_COMMUNE);
	expect_bad((struct cb_venue_input){.name = "A", .address = "ligne\nsuivante"}, CB_INVALID,
		   CB_F_VENUE_ADDRESS);
	expect_bad((struct cb_venue_input){.name = "Jou\xe9"}, CB_INVALID, CB_F_VENUE_NAME);
	expect_bad((struct cb_venue_input){.name = "A", .set_capacity = true, .capacity = -2},
		   CB_INVALID, CB_F_VENUE_CAPACITY);
	expect_bad((struct cb_venue_input){.name = "A", .set_capacity = true,
					   .capacity = CB_VENUE_CAPACITY_MAX + 1},
		   CB_INVALID, CB_F_VENUE_CAPACITY);
	ck_assert_int_eq(ops(), 0);

	/* exactly at the limits is fine; bytes count, so é is two */
	name[CB_VENUE_NAME_MAX] = '\0';
	text[CB_VENUE_TEXT_MAX] = '\0';
	notes[CB_VENUE_NOTES_MAX] = '\0';
	struct cb_venue_input in = {.name = name, .address = text, .commune = text, .notes = notes,
				    .set_capacity = true, .capacity = CB_VENUE_CAPACITY_MAX};
	ck_assert_int_eq(cb_venue_add(db, &in, NULL, NULL), CB_OK);
	memcpy(name + CB_VENUE_NAME_MAX - 2, "é", 2);
	name[0] = 'M';
	ck_assert_int_eq(cb_venue_add(db, &in, NULL, NULL), CB_OK);
	name[CB_VENUE_NAME_MAX - 2] = 'n';
	memcpy(name + CB_VENUE_NAME_MAX - 1, "é", 3); /* one byte over */
	name[0] = 'P';
	expect_bad((struct cb_venue_input){.name = name}, CB_TOO_LONG, CB_F_VENUE_NAME);
	in = (struct cb_venue_input){.name = "Zéro", .set_capacity = true, .capacity = 0};
	ck_assert_int_eq(cb_venue_add(db, &in, NULL, NULL), CB_OK);
}
END_TEST

/* An edit writes ops only for the fields that change. */
START_TEST(test_edit_only_changes)
{
	struct cb_venue_input in = {.name = "Halle", .address = "Rue de la Mairie",
				    .commune = "Chambray-lès-Tours", .set_capacity = true,
				    .capacity = 50};
	struct cb_id id;
	struct cb_venue v;
	int64_t before;

	ck_assert_int_eq(cb_venue_add(db, &in, &id, NULL), CB_OK);
	before = ops();
	ck_assert_int_eq(before, 4);
	/* the same values again (name with blanks around it): no op */
	in.name = " Halle ";
	ck_assert_int_eq(cb_venue_edit(db, &id, &in, NULL), CB_OK);
	ck_assert_int_eq(ops(), before);
	/* one field changed: one op */
	in.commune = "Tours";
	ck_assert_int_eq(cb_venue_edit(db, &id, &in, NULL), CB_OK);
	ck_assert_int_eq(ops(), before + 1);
	/* NULL leaves alone, "" clears, capacity -1 clears */
	struct cb_venue_input clear = {.address = "", .set_capacity = true, .capacity = -1};
	ck_assert_int_eq(cb_venue_edit(db, &id, &clear, NULL), CB_OK);
	ck_assert_int_eq(ops(), before + 3);
	ck_assert_int_eq(cb_venue_edit(db, &id, &clear, NULL), CB_OK);
	ck_assert_int_eq(ops(), before + 3);
	ck_assert_int_eq(cb_venue_get(db, &id, &v), CB_OK);
	ck_assert_str_eq(v.name, "Halle");
	ck_assert_str_eq(v.address, "");
	ck_assert_str_eq(v.commune, "Tours");
	ck_assert_int_eq(v.capacity, -1);
	cb_venue_clear(&v);
	/* a change of case is a change */
	struct cb_venue_input rename = {.name = "HALLE"};
	ck_assert_int_eq(cb_venue_edit(db, &id, &rename, NULL), CB_OK);
	ck_assert_int_eq(ops(), before + 4);
	LISTED("HALLE");

	struct cb_id nope = unit_id_fill(0x99);
	ck_assert_int_eq(cb_venue_edit(db, &nope, &rename, NULL), CB_NOT_FOUND);
	ck_assert_int_eq(ops(), before + 4);
}
END_TEST

START_TEST(test_rename_onto_existing)
{
	struct cb_id halle = add("Halle");
	struct cb_venue_input in = {.name = "oésia", .commune = "Tours"};
	int bad = 0;

	add("oésia");
	in.name = "OéSIA"; /* ASCII letters differ in case only */
	ck_assert_int_eq(cb_venue_edit(db, &halle, &in, &bad), CB_EXISTS);
	ck_assert_int_eq(bad, CB_F_VENUE_NAME);
	ck_assert_int_eq(ops(), 2); /* not even the commune was written */
	LISTED("Halle|oésia");
}
END_TEST

START_TEST(test_remove_restore)
{
	struct cb_id halle = add("Halle"), id;
	struct cb_venue v;

	add("Oésia");
	ck_assert_int_eq(cb_venue_remove(db, &halle), CB_OK);
	LISTED("Oésia");
	ck_assert_int_eq(cb_venue_find(db, "Halle", &id), CB_NOT_FOUND);
	/* still readable by id (history), and its name is free again */
	ck_assert_int_eq(cb_venue_get(db, &halle, &v), CB_OK);
	ck_assert_str_eq(v.name, "Halle");
	cb_venue_clear(&v);
	ck_assert_int_eq(ops(), 3);

	ck_assert_int_eq(cb_venue_restore(db, &halle), CB_OK);
	LISTED("Halle|Oésia");
	ck_assert_int_eq(cb_venue_find(db, "halle", &id), CB_OK);
	ck_assert_int_eq(cb_id_cmp(&id, &halle), 0);
	ck_assert_int_eq(ops(), 4);

	struct cb_id nope = unit_id_fill(0x99);
	ck_assert_int_eq(cb_venue_remove(db, &nope), CB_NOT_FOUND);
	ck_assert_int_eq(cb_venue_restore(db, &nope), CB_NOT_FOUND);
	ck_assert_int_eq(ops(), 4);
}
END_TEST

START_TEST(test_restore_name_reused)
{
	struct cb_id old = add("Halle"), now;

	ck_assert_int_eq(cb_venue_remove(db, &old), CB_OK);
	now = add("HALLE");
	ck_assert_int_eq(cb_venue_restore(db, &old), CB_EXISTS);
	LISTED("HALLE");
	ck_assert_int_eq(ops(), 3);
	/* once the new one is renamed, the old one can come back */
	struct cb_venue_input in = {.name = "Halle provisoire"};
	ck_assert_int_eq(cb_venue_edit(db, &now, &in, NULL), CB_OK);
	ck_assert_int_eq(cb_venue_restore(db, &old), CB_OK);
	LISTED("Halle|Halle provisoire");
}
END_TEST

/* Another laptop added a venue of the same name while offline: after the
 * merge two live venues share it, and a lookup must say so. */
static struct cb_id
remote_venue(int64_t seq, unsigned char row_byte, const char *name)
{
	struct cb_id site = unit_id_fill(0x5E), row = unit_id_fill(row_byte);
	struct cb_op op = unit_op(&site, seq, (uint64_t)UNIT_NOW_MS << CB_HLC_COUNTER_BITS, &row,
				  CB_F_VENUE_NAME, (struct cb_value){CB_V_TEXT, 0, name});

	unit_apply(db, &op, 1);
	return row;
}

START_TEST(test_find)
{
	struct cb_id halle = add("Halle"), id, twin, upper;

	ck_assert_int_eq(cb_venue_find(db, "Halle", &id), CB_OK);
	ck_assert_int_eq(cb_id_cmp(&id, &halle), 0);
	ck_assert_int_eq(cb_venue_find(db, "hALLE", &id), CB_OK);
	ck_assert_int_eq(cb_id_cmp(&id, &halle), 0);
	ck_assert_int_eq(cb_venue_find(db, " Halle ", &id), CB_OK);
	ck_assert_int_eq(cb_venue_find(db, "Hall", &id), CB_NOT_FOUND);
	ck_assert_int_eq(cb_venue_find(db, "", &id), CB_NOT_FOUND);

	/* "HALLE" from another site: exact matches win, a case-insensitive
	 * lookup is ambiguous */
	upper = remote_venue(1, 0x21, "HALLE");
	ck_assert_int_eq(cb_venue_find(db, "Halle", &id), CB_OK);
	ck_assert_int_eq(cb_id_cmp(&id, &halle), 0);
	ck_assert_int_eq(cb_venue_find(db, "HALLE", &id), CB_OK);
	ck_assert_int_eq(cb_id_cmp(&id, &upper), 0);
	ck_assert_int_eq(cb_venue_find(db, "halle", &id), CB_AMBIGUOUS);

	/* a second exact "Halle": ambiguous even exactly */
	twin = remote_venue(2, 0x22, "Halle");
	ck_assert_int_eq(cb_venue_find(db, "Halle", &id), CB_AMBIGUOUS);
	LISTED("Halle|HALLE|Halle");
	/* and no new venue may take the name, nor an edit */
	struct cb_venue_input in = {.name = "halle"};
	ck_assert_int_eq(cb_venue_add(db, &in, NULL, NULL), CB_EXISTS);

	/* removing one of the twins makes the name unique again */
	ck_assert_int_eq(cb_venue_remove(db, &twin), CB_OK);
	ck_assert_int_eq(cb_venue_find(db, "Halle", &id), CB_OK);
	ck_assert_int_eq(cb_id_cmp(&id, &halle), 0);
	/* a twin cannot be restored over the name */
	ck_assert_int_eq(cb_venue_restore(db, &twin), CB_EXISTS);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("venue");
	TCase *tc = tcase_create("venue");

	tcase_add_checked_fixture(tc, setup_db, teardown_db);
	tcase_add_test(tc, test_add_get);
	tcase_add_test(tc, test_list_order);
	tcase_add_test(tc, test_duplicate_name);
	tcase_add_test(tc, test_name_required);
	tcase_add_test(tc, test_field_limits);
	tcase_add_test(tc, test_edit_only_changes);
	tcase_add_test(tc, test_rename_onto_existing);
	tcase_add_test(tc, test_remove_restore);
	tcase_add_test(tc, test_restore_name_reused);
	tcase_add_test(tc, test_find);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
