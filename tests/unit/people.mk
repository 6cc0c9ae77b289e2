# SPDX-License-Identifier: GPL-3.0-or-later
# The people's unit suites (core alone, each test on a fresh database).
people_unit_tests = tests/unit/test-people tests/unit/test-pairing
check_PROGRAMS += $(people_unit_tests)
TESTS += $(people_unit_tests)
EXTRA_DIST += tests/unit/people-fixture.h

tests_unit_test_people_SOURCES = tests/unit/test-people.c tests/unit/people-fixture.h $(unit_common)
tests_unit_test_people_CPPFLAGS = $(unit_cppflags)
tests_unit_test_people_LDADD = $(unit_ldadd)
tests_unit_test_pairing_SOURCES = tests/unit/test-pairing.c tests/unit/people-fixture.h $(unit_common)
tests_unit_test_pairing_CPPFLAGS = $(unit_cppflags)
tests_unit_test_pairing_LDADD = $(unit_ldadd)
