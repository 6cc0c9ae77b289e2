/* SPDX-License-Identifier: GPL-3.0-or-later */
/* French public holidays and school-holiday periods. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/date.h"
#include "cambouis/holidays.h"

static int32_t
day(const char *s)
{
	int32_t d = -1;
	ck_assert_int_eq(cb_date_parse(s, &d), CB_OK);
	return d;
}

/* Known dates, from the French government's published calendars. */
static const struct {
	int year;
	const char *easter, *monday, *ascension, *whit;
} easter_based[] = {
	{2024, "2024-03-31", "2024-04-01", "2024-05-09", "2024-05-20"},
	{2025, "2025-04-20", "2025-04-21", "2025-05-29", "2025-06-09"},
	{2026, "2026-04-05", "2026-04-06", "2026-05-14", "2026-05-25"},
	{2027, "2027-03-28", "2027-03-29", "2027-05-06", "2027-05-17"},
	{2028, "2028-04-16", "2028-04-17", "2028-05-25", "2028-06-05"},
	{2029, "2029-04-01", "2029-04-02", "2029-05-10", "2029-05-21"},
	{2030, "2030-04-21", "2030-04-22", "2030-05-30", "2030-06-10"},
};

START_TEST(test_easter_sunday)
{
	for (size_t i = 0; i < sizeof easter_based / sizeof easter_based[0]; i++)
		ck_assert_int_eq(cb_easter_sunday(easter_based[i].year), day(easter_based[i].easter));
	/* edge years of the computus */
	ck_assert_int_eq(cb_easter_sunday(2285), cb_days_from_civil(2285, 3, 22));
	ck_assert_int_eq(cb_easter_sunday(2038), day("2038-04-25"));
}
END_TEST

START_TEST(test_easter_based_holidays)
{
	for (size_t i = 0; i < sizeof easter_based / sizeof easter_based[0]; i++) {
		const char *n;
		n = cb_public_holiday_name(day(easter_based[i].monday));
		ck_assert_ptr_nonnull(n);
		ck_assert_str_eq(n, "Easter Monday");
		n = cb_public_holiday_name(day(easter_based[i].ascension));
		ck_assert_ptr_nonnull(n);
		ck_assert_str_eq(n, "Ascension Day");
		ck_assert_int_eq(cb_weekday(day(easter_based[i].ascension)), 3); /* Thursday */
		n = cb_public_holiday_name(day(easter_based[i].whit));
		ck_assert_ptr_nonnull(n);
		ck_assert_str_eq(n, "Whit Monday");
		/* Easter Sunday itself is a Sunday, not a public holiday of its own */
		ck_assert_ptr_null(cb_public_holiday_name(day(easter_based[i].easter)));
	}
}
END_TEST

START_TEST(test_fixed_holidays)
{
	static const char *const fixed[] = {"-01-01", "-05-01", "-05-08", "-07-14",
					    "-08-15", "-11-01", "-11-11", "-12-25"};
	char buf[16];

	for (int y = 2024; y <= 2030; y++) {
		struct cb_holiday hs[CB_PUBLIC_HOLIDAYS_PER_YEAR];
		size_t n = cb_public_holidays(y, hs);
		ck_assert_uint_eq(n, 11);
		for (size_t i = 1; i < n; i++)
			ck_assert_int_lt(hs[i - 1].day, hs[i].day);
		for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
			snprintf(buf, sizeof buf, "%d%s", y, fixed[i]);
			ck_assert_ptr_nonnull(cb_public_holiday_name(day(buf)));
		}
	}
	ck_assert_str_eq(cb_public_holiday_name(day("2026-07-14")), "Bastille Day");
	ck_assert_ptr_null(cb_public_holiday_name(day("2026-07-15")));
	ck_assert_ptr_null(cb_public_holiday_name(day("2026-12-26"))); /* not outside Alsace-Moselle */
}
END_TEST

START_TEST(test_rule_names)
{
	enum cb_holiday_rule r;

	for (int i = CB_HOLIDAY_SKIP; i <= CB_HOLIDAY_IGNORE; i++) {
		ck_assert_int_eq(cb_holiday_rule_parse(cb_holiday_rule_name((enum cb_holiday_rule)i), &r), CB_OK);
		ck_assert_int_eq(r, i);
	}
	ck_assert_int_eq(cb_holiday_rule_parse("Skip", &r), CB_INVALID);
	ck_assert_int_eq(cb_holiday_rule_parse("", &r), CB_INVALID);
	ck_assert_int_eq(cb_holiday_rule_parse(NULL, &r), CB_INVALID);
}
END_TEST

START_TEST(test_school_periods)
{
	struct cb_school_holiday sh[] = {
		{(char *)"Noël", (char *)"2026-12-19", (char *)"2027-01-04", 1},
		{(char *)"Hiver", (char *)"2027-02-06", (char *)"2027-02-22", 2},
	};
	struct cb_holidays h = {true, sh, 2};
	const char *name = NULL;

	ck_assert_int_eq(cb_holiday_on(&h, day("2026-12-18"), &name), CB_HOLIDAY_NONE);
	ck_assert_int_eq(cb_holiday_on(&h, day("2026-12-19"), &name), CB_HOLIDAY_SCHOOL);
	ck_assert_str_eq(name, "Noël");
	ck_assert_int_eq(cb_holiday_on(&h, day("2027-01-04"), &name), CB_HOLIDAY_SCHOOL);
	ck_assert_int_eq(cb_holiday_on(&h, day("2027-01-05"), &name), CB_HOLIDAY_NONE);
	/* a public holiday inside a school period is named as the public one */
	ck_assert_int_eq(cb_holiday_on(&h, day("2026-12-25"), &name), CB_HOLIDAY_PUBLIC);
	ck_assert_str_eq(name, "Christmas Day");
	ck_assert_int_eq(cb_holiday_on(&h, day("2027-02-10"), &name), CB_HOLIDAY_SCHOOL);
	ck_assert_str_eq(name, "Hiver");
	/* public holidays can be turned off; school periods stay */
	h.public_holidays = false;
	ck_assert_int_eq(cb_holiday_on(&h, day("2026-07-14"), NULL), CB_HOLIDAY_NONE);
	ck_assert_int_eq(cb_holiday_on(&h, day("2026-12-25"), NULL), CB_HOLIDAY_SCHOOL);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("holidays");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, test_easter_sunday);
	tcase_add_test(tc, test_easter_based_holidays);
	tcase_add_test(tc, test_fixed_holidays);
	tcase_add_test(tc, test_rule_names);
	tcase_add_test(tc, test_school_periods);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
