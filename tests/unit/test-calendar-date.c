/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Day numbers, date and time strings, today, and daylight-saving weeks. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/calendar.h"
#include "cambouis/clock.h"
#include "cambouis/date.h"

START_TEST(test_round_trip)
{
	int32_t from = cb_days_from_civil(1900, 1, 1), to = cb_days_from_civil(2100, 12, 31);
	char s[CB_DATE_LEN + 1];

	for (int32_t d = from; d <= to; d++) {
		int32_t back;
		cb_date_format(d, s);
		ck_assert_int_eq(cb_date_parse(s, &back), CB_OK);
		ck_assert_int_eq(back, d);
		if (d > from)
			ck_assert_int_eq(cb_weekday(d), (cb_weekday(d - 1) + 1) % 7);
	}
	ck_assert_int_eq(cb_days_from_civil(1970, 1, 1), 0);
	ck_assert_int_eq(cb_days_from_civil(2000, 3, 1), 11017);
	ck_assert_int_eq(cb_weekday(cb_days_from_civil(2026, 1, 7)), 2); /* a Wednesday */
	ck_assert_int_eq(cb_weekday(cb_days_from_civil(1969, 12, 28)), 6); /* a Sunday */
}
END_TEST

START_TEST(test_parse)
{
	int32_t d;
	int m;

	ck_assert_int_eq(cb_date_parse("2024-02-29", &d), CB_OK);
	ck_assert_int_eq(cb_date_parse("2026-02-29", &d), CB_INVALID);
	ck_assert_int_eq(cb_date_parse("2100-02-29", &d), CB_INVALID);
	ck_assert_int_eq(cb_date_parse("2000-02-29", &d), CB_OK);
	ck_assert_int_eq(cb_date_parse("2026-1-07", &d), CB_INVALID);
	ck_assert_int_eq(cb_date_parse("2026-01-07x", &d), CB_INVALID);
	ck_assert_int_eq(cb_date_parse("2026-13-01", &d), CB_INVALID);
	ck_assert_int_eq(cb_date_parse("07/01/2026", &d), CB_INVALID);
	ck_assert_int_eq(cb_date_parse("", &d), CB_INVALID);
	ck_assert_int_eq(cb_date_parse(NULL, &d), CB_INVALID);

	ck_assert_int_eq(cb_time_parse("17:30", &m), CB_OK);
	ck_assert_int_eq(m, 17 * 60 + 30);
	ck_assert_int_eq(cb_time_parse("9:05", &m), CB_OK);
	ck_assert_int_eq(m, 9 * 60 + 5);
	ck_assert_int_eq(cb_time_parse("00:00", &m), CB_OK);
	ck_assert_int_eq(cb_time_parse("24:00", &m), CB_INVALID);
	ck_assert_int_eq(cb_time_parse("17:60", &m), CB_INVALID);
	ck_assert_int_eq(cb_time_parse("17h30", &m), CB_INVALID);
	ck_assert_int_eq(cb_time_parse("7:5", &m), CB_INVALID);
	char t[CB_TIME_LEN + 1];
	cb_time_format(9 * 60 + 5, t);
	ck_assert_str_eq(t, "09:05");
}
END_TEST

/* One supported range, 1900..2199: nothing outside parses, and a computed
 * day outside it is never written as a wrapped year. */
START_TEST(test_range)
{
	char s[CB_DATE_LEN + 1];
	int32_t d;

	ck_assert_int_eq(CB_DAY_MIN, cb_days_from_civil(CB_YEAR_MIN, 1, 1));
	ck_assert_int_eq(CB_DAY_MAX, cb_days_from_civil(CB_YEAR_MAX, 12, 31));
	ck_assert_int_eq(cb_date_parse("1900-01-01", &d), CB_OK);
	ck_assert_int_eq(d, CB_DAY_MIN);
	ck_assert_int_eq(cb_date_parse("2199-12-31", &d), CB_OK);
	ck_assert_int_eq(d, CB_DAY_MAX);
	ck_assert_int_eq(cb_date_parse("1899-12-31", &d), CB_INVALID);
	ck_assert_int_eq(cb_date_parse("2200-01-01", &d), CB_INVALID);
	ck_assert_int_eq(cb_date_parse("9999-12-31", &d), CB_INVALID);
	ck_assert(!cb_date_valid("2200-01-01"));
	ck_assert(cb_date_valid("2199-12-31"));
	ck_assert(cb_date_out_of_range("9999-12-01") && cb_date_out_of_range("1899-12-31"));
	ck_assert(!cb_date_out_of_range("2199-12-31") && !cb_date_out_of_range("2200-02-30"));
	ck_assert(!cb_date_out_of_range("22000-01-01") && !cb_date_out_of_range(NULL));
	ck_assert(cb_day_in_range(CB_DAY_MAX) && !cb_day_in_range(CB_DAY_MAX + 1));
	ck_assert(cb_day_in_range(CB_DAY_MIN) && !cb_day_in_range(CB_DAY_MIN - 1));
	cb_date_format(cb_days_from_civil(10000, 1, 1), s);
	ck_assert_str_eq(s, "2199-12-31");
	cb_date_format(cb_days_from_civil(-474, 1, 1), s);
	ck_assert_str_eq(s, "1900-01-01");
}
END_TEST

/* "today" is the workshop's local date, also in the night hours around a
 * daylight-saving change (TZ=Europe/Paris in the test environment). */
START_TEST(test_today)
{
	int64_t ms;

	ck_assert_int_eq(cb_clock_parse("2026-03-29T01:30", &ms), CB_OK);
	cb_clock_pin(ms);
	ck_assert_int_eq(cb_date_today(), cb_days_from_civil(2026, 3, 29));
	ck_assert_int_eq(cb_clock_parse("2026-03-29T23:59", &ms), CB_OK);
	cb_clock_pin(ms);
	ck_assert_int_eq(cb_date_today(), cb_days_from_civil(2026, 3, 29));
	ck_assert_int_eq(cb_clock_parse("2026-10-25T00:30", &ms), CB_OK);
	cb_clock_pin(ms);
	ck_assert_int_eq(cb_date_today(), cb_days_from_civil(2026, 10, 25));
	ck_assert_int_eq(cb_clock_parse("2026-10-25T23:30", &ms), CB_OK);
	cb_clock_pin(ms);
	ck_assert_int_eq(cb_date_today(), cb_days_from_civil(2026, 10, 25));
	cb_clock_unpin();
}
END_TEST

/* A weekly series across both 2026 changes (29 March, 25 October) keeps
 * its weekday and its times: dates are day numbers, never seconds. */
START_TEST(test_plan_across_dst)
{
	struct cb_series_def def = {
		.first = cb_days_from_civil(2026, 3, 1), /* a Sunday */
		.start = 17 * 60 + 30, .end = 20 * 60,
		.every_weeks = 1, .nvenues = 2,
		.until = cb_days_from_civil(2026, 11, 30), .count = 0,
		.rule = CB_HOLIDAY_IGNORE,
	};
	struct cb_holidays h = {false, NULL, 0};
	struct cb_plan_item *p;
	size_t n;
	bool saw_march = false, saw_october = false;

	ck_assert_int_eq(cb_series_plan(&def, &h, 0, &p, &n), CB_OK);
	ck_assert_uint_eq(n, 40);
	for (size_t i = 0; i < n; i++) {
		ck_assert_int_eq(cb_weekday(p[i].day), 6);
		ck_assert_int_eq(p[i].day, def.first + 7 * (int32_t)i);
		saw_march |= p[i].day == cb_days_from_civil(2026, 3, 29);
		saw_october |= p[i].day == cb_days_from_civil(2026, 10, 25);
	}
	ck_assert(saw_march && saw_october);
	free(p);
}
END_TEST

/* A series never leaves the supported range: it ends with 2199, however
 * many sessions were asked for, and never wraps to year 0000. */
START_TEST(test_plan_ends_with_range)
{
	struct cb_series_def def = {
		.first = cb_days_from_civil(2199, 11, 1),
		.start = 17 * 60 + 30, .end = 20 * 60,
		.every_weeks = 1, .nvenues = 1,
		.until = -1, .count = 1000,
		.rule = CB_HOLIDAY_AFTER,
	};
	struct cb_holidays h = {true, NULL, 0};
	struct cb_plan_item *p;
	size_t n;

	ck_assert_int_eq(cb_series_plan(&def, &h, 0, &p, &n), CB_OK);
	ck_assert_uint_gt(n, 0);
	ck_assert_uint_lt(n, 10);
	for (size_t i = 0; i < n; i++)
		ck_assert(cb_day_in_range(p[i].day));
	free(p);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("calendar-date");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_parse);
	tcase_add_test(tc, test_range);
	tcase_add_test(tc, test_today);
	tcase_add_test(tc, test_plan_across_dst);
	tcase_add_test(tc, test_plan_ends_with_range);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
