/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The calendar screens' view-models, without a terminal: the month grid
 * (weeks from Monday), month steps, the agenda rows, the marks, and the
 * calendar's screen-scoped keys. */
#include "config.h"

#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/calendar.h"
#include "cambouis/date.h"
#include "ui/action.h"
#include "ui/calview.h"
#include "ui/keys.h"

static int32_t
day(int y, int m, int d)
{
	return cb_days_from_civil(y, m, d);
}

START_TEST(month_grid_march_2026)
{
	struct ui_month mo;
	int row, col;

	/* March 2026 starts on a Sunday: the first row holds only the 1st */
	ui_month_layout(2026, 3, &mo);
	ck_assert_int_eq(mo.ndays, 31);
	ck_assert_int_eq(mo.weeks, 6);
	ck_assert_int_eq(mo.first, day(2026, 2, 23)); /* a Monday */
	ck_assert(!ui_month_in(&mo, 0, 5));
	ck_assert(ui_month_in(&mo, 0, 6));
	ck_assert_int_eq(ui_month_cell(&mo, 0, 6), day(2026, 3, 1));
	ck_assert_int_eq(ui_month_cell(&mo, 1, 0), day(2026, 3, 2));
	ck_assert(ui_month_find(&mo, day(2026, 3, 4), &row, &col));
	ck_assert_int_eq(row, 1);
	ck_assert_int_eq(col, 2); /* Wednesday */
	ck_assert(ui_month_find(&mo, day(2026, 3, 31), &row, &col));
	ck_assert_int_eq(row, 5);
	ck_assert_int_eq(col, 1);
	ck_assert(!ui_month_find(&mo, day(2026, 4, 1), &row, &col));
	ck_assert(!ui_month_find(&mo, day(2026, 2, 28), &row, &col));
}
END_TEST

START_TEST(month_grid_shapes)
{
	struct ui_month mo;

	/* February 2027 starts on a Monday and has 28 days: exactly 4 weeks */
	ui_month_layout(2027, 2, &mo);
	ck_assert_int_eq(mo.weeks, 4);
	ck_assert_int_eq(mo.first, day(2027, 2, 1));
	ck_assert(!ui_month_in(&mo, 4, 0));
	/* June 2026 starts on a Monday: 5 weeks */
	ui_month_layout(2026, 6, &mo);
	ck_assert_int_eq(mo.weeks, 5);
	ck_assert_int_eq(cb_weekday(ui_month_cell(&mo, 2, 3)), 3);
	/* leap February 2028 (Tuesday) */
	ui_month_layout(2028, 2, &mo);
	ck_assert_int_eq(mo.ndays, 29);
	ck_assert_int_eq(ui_month_cell(&mo, 0, 1), day(2028, 2, 1));
	ck_assert_int_eq(mo.weeks, 5);
}
END_TEST

START_TEST(month_shift)
{
	ck_assert_int_eq(ui_month_shift(day(2026, 3, 31), -1), day(2026, 2, 28));
	ck_assert_int_eq(ui_month_shift(day(2028, 3, 31), -1), day(2028, 2, 29));
	ck_assert_int_eq(ui_month_shift(day(2026, 12, 15), 1), day(2027, 1, 15));
	ck_assert_int_eq(ui_month_shift(day(2026, 1, 10), -1), day(2025, 12, 10));
	/* the calendar stops at the ends of the supported range */
	ck_assert_int_eq(ui_month_shift(day(2199, 12, 15), 1), day(2199, 12, 31));
	ck_assert_int_eq(ui_month_shift(day(1900, 1, 15), -1), day(1900, 1, 1));
	ck_assert_int_eq(ui_day_clamp(day(2200, 1, 1)), day(2199, 12, 31));
}
END_TEST

START_TEST(marks)
{
	ck_assert_str_eq(ui_month_mark(0), " ");
	ck_assert_str_eq(ui_month_mark(CB_MARK_PUBLIC | CB_MARK_TODAY), " ");
	ck_assert_str_eq(ui_month_mark(CB_MARK_SESSION), "•");
	ck_assert_str_eq(ui_month_mark(CB_MARK_SESSION | CB_MARK_HELD), "✓");
	ck_assert_str_eq(ui_month_mark(CB_MARK_CANCELLED), "×");
	/* a day with a cancelled and a planned session shows the planned one */
	ck_assert_str_eq(ui_month_mark(CB_MARK_CANCELLED | CB_MARK_SESSION), "•");
	ck_assert_str_eq(ui_month_mark(CB_MARK_SESSION | CB_MARK_CONFLICT), "!");
}
END_TEST

START_TEST(words_c_locale)
{
	char buf[64];

	ui_month_title(2026, 3, buf, sizeof buf);
	ck_assert_str_eq(buf, "March 2026");
	ui_weekday_short(0, buf, sizeof buf);
	ck_assert_str_eq(buf, "Mo");
	ui_weekday_short(6, buf, sizeof buf);
	ck_assert_str_eq(buf, "Su");
	ui_day_long(day(2026, 3, 3), buf, sizeof buf);
	ck_assert_str_eq(buf, "Tue 3 Mar 2026");
	ui_days_until(0, buf, sizeof buf);
	ck_assert_str_eq(buf, "today");
	ui_days_until(1, buf, sizeof buf);
	ck_assert_str_eq(buf, "tomorrow");
	ui_days_until(12, buf, sizeof buf);
	ck_assert_str_eq(buf, "in 12 days");
}
END_TEST

START_TEST(words_french)
{
	char buf[64];

	if (!setlocale(LC_ALL, "fr_FR.UTF-8"))
		return; /* the locale is not installed here */
	ui_month_title(2026, 3, buf, sizeof buf);
	ck_assert_str_eq(buf, "mars 2026");
	ui_weekday_short(0, buf, sizeof buf);
	ck_assert_str_eq(buf, "lu");
	ui_day_long(day(2026, 3, 3), buf, sizeof buf);
	ck_assert_str_eq(buf, "mar. 3 mars 2026");
	setlocale(LC_ALL, "C.UTF-8");
}
END_TEST

static void
session(struct cb_session *s, const char *date, const char *venue, enum cb_session_status st,
	unsigned char id)
{
	memset(s, 0, sizeof *s);
	s->id.b[0] = id;
	snprintf(s->date, sizeof s->date, "%s", date);
	snprintf(s->start, sizeof s->start, "17:30");
	snprintf(s->end, sizeof s->end, "20:00");
	s->venue_name = (char *)venue;
	s->status = st;
}

START_TEST(agenda_rows)
{
	struct cb_session items[4];
	struct cb_session_list l = {items, 4};
	struct cb_conflict conflict;
	struct cb_conflict_list cl = {&conflict, 1};
	struct ui_agenda ag;
	size_t first;

	session(&items[0], "2026-02-18", "Oésia", CB_SESSION_HELD, 1);
	session(&items[1], "2026-03-04", "Halle", CB_SESSION_PLANNED, 2);
	session(&items[2], "2026-03-04", "", CB_SESSION_CANCELLED, 3);
	session(&items[3], "2026-03-18", "Lycée professionnel, cour", CB_SESSION_PLANNED, 4);
	memset(&conflict, 0, sizeof conflict);
	conflict.kind = CB_CONFLICT_SAME_DAY;
	conflict.session = items[1];
	ck_assert(ui_agenda_build(&ag, &l, &cl));
	ck_assert_uint_eq(ag.n, 4);
	ck_assert_str_eq(ag.rows[0].date, "Wed 18 Feb 2026");
	ck_assert_str_eq(ag.rows[0].times, "17:30–20:00");
	ck_assert_str_eq(ag.rows[0].status, "held");
	ck_assert_str_eq(ag.rows[2].venue, "—"); /* a venue gone */
	ck_assert_str_eq(ag.rows[2].status, "cancelled");
	ck_assert(ag.rows[1].conflict);
	ck_assert(!ag.rows[2].conflict);
	ck_assert_int_eq(ag.date_width, 15);
	/* the cursor's row: the first session on or after a day */
	ck_assert_uint_eq(ui_agenda_at(&ag, day(2026, 3, 1)), 1);
	ck_assert_uint_eq(ui_agenda_at(&ag, day(2026, 3, 4)), 1);
	ck_assert_uint_eq(ui_agenda_at(&ag, day(2026, 3, 5)), 3);
	ck_assert_uint_eq(ui_agenda_at(&ag, day(2026, 4, 1)), 4);
	ck_assert_uint_eq(ui_agenda_on(&ag, day(2026, 3, 4), &first), 2);
	ck_assert_uint_eq(first, 1);
	ck_assert_uint_eq(ui_agenda_on(&ag, day(2026, 3, 5), &first), 0);
	ck_assert_uint_eq(ui_agenda_find(&ag, &items[3].id), 3);
	ui_agenda_free(&ag);
	/* no sessions: an empty agenda */
	l.count = 0;
	ck_assert(ui_agenda_build(&ag, &l, NULL));
	ck_assert_uint_eq(ag.n, 0);
	ck_assert_uint_eq(ui_agenda_at(&ag, day(2026, 3, 1)), 0);
	ui_agenda_free(&ag);
}
END_TEST

START_TEST(calendar_keys)
{
	const char *scopes[] = {"tonight", "calendar", "venues"};
	struct ui_keymap *km = ui_keymap_new(scopes, 3);
	char buf[64];

	ck_assert_ptr_nonnull(km);
	/* calendar scope: vi keys and arrows move by day, [ ] by month */
	ck_assert_int_eq(ui_keymap_lookup(km, 3, 'h'), UI_A_PREV_DAY);
	ck_assert_int_eq(ui_keymap_lookup(km, 3, UI_KEY_RIGHT), UI_A_NEXT_DAY);
	ck_assert_int_eq(ui_keymap_lookup(km, 3, '['), UI_A_PREV_MONTH);
	ck_assert_int_eq(ui_keymap_lookup(km, 3, 't'), UI_A_TODAY);
	ck_assert_int_eq(ui_keymap_lookup(km, 3, 'x'), UI_A_CANCEL_SESSION);
	/* generic keys still work there; j is a week down */
	ck_assert_int_eq(ui_keymap_lookup(km, 3, 'j'), UI_A_DOWN);
	ck_assert_int_eq(ui_keymap_lookup(km, 3, 'Q'), UI_A_QUIT);
	/* the same letters mean other things elsewhere, or nothing */
	ck_assert_int_eq(ui_keymap_lookup(km, 2, 'H'), UI_A_MARK_HELD);
	ck_assert_int_eq(ui_keymap_lookup(km, 2, 'c'), UI_A_SHOW_IN_CALENDAR);
	ck_assert_int_eq(ui_keymap_lookup(km, 4, 'c'), UI_A_ADD_CLOSURE);
	ck_assert_int_eq(ui_keymap_lookup(km, 4, 'h'), UI_A_NONE);
	ck_assert_uint_eq(ui_keymap_keys(km, 4, UI_A_PREV_DAY, buf, sizeof buf), 0);
	ck_assert_uint_eq(ui_keymap_keys(km, 3, UI_A_PREV_DAY, buf, sizeof buf), 2);
	ck_assert_str_eq(buf, "h, Left");
	ui_keymap_free(km);
	/* without those screens, their keys are simply not bound */
	km = ui_keymap_new(NULL, 0);
	ck_assert_ptr_nonnull(km);
	ck_assert_int_eq(ui_keymap_lookup(km, UI_SCOPE_GENERIC, 'x'), UI_A_NONE);
	ui_keymap_free(km);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("calendar view-models");
	TCase *t = tcase_create("all");
	SRunner *r;
	int failed;

	setlocale(LC_ALL, "C.UTF-8");
	tcase_add_test(t, month_grid_march_2026);
	tcase_add_test(t, month_grid_shapes);
	tcase_add_test(t, month_shift);
	tcase_add_test(t, marks);
	tcase_add_test(t, words_c_locale);
	tcase_add_test(t, words_french);
	tcase_add_test(t, agenda_rows);
	tcase_add_test(t, calendar_keys);
	suite_add_tcase(s, t);
	r = srunner_create(s);
	srunner_run_all(r, CK_NORMAL);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
