# SPDX-License-Identifier: GPL-3.0-or-later
# The calendar's unit suites (core alone, each test on a fresh database).
calendar_unit_tests = tests/unit/test-calendar tests/unit/test-calendar-date \
	tests/unit/test-holidays tests/unit/test-ical
check_PROGRAMS += $(calendar_unit_tests)
TESTS += $(calendar_unit_tests)

tests_unit_test_calendar_SOURCES = tests/unit/test-calendar.c
tests_unit_test_calendar_CPPFLAGS = $(unit_cppflags)
tests_unit_test_calendar_LDADD = $(unit_ldadd)
tests_unit_test_calendar_date_SOURCES = tests/unit/test-calendar-date.c
tests_unit_test_calendar_date_CPPFLAGS = $(unit_cppflags)
tests_unit_test_calendar_date_LDADD = $(unit_ldadd)
tests_unit_test_holidays_SOURCES = tests/unit/test-holidays.c
tests_unit_test_holidays_CPPFLAGS = $(unit_cppflags)
tests_unit_test_holidays_LDADD = $(unit_ldadd)
tests_unit_test_ical_SOURCES = tests/unit/test-ical.c
tests_unit_test_ical_CPPFLAGS = $(unit_cppflags)
tests_unit_test_ical_LDADD = $(unit_ldadd)
