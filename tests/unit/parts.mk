# SPDX-License-Identifier: GPL-3.0-or-later
# The parts inventory: stock rule, names, forget, any order of arrival.
check_PROGRAMS += tests/unit/test-parts
TESTS += tests/unit/test-parts
tests_unit_test_parts_SOURCES = tests/unit/test-parts.c tests/unit/people-fixture.h $(unit_common)
tests_unit_test_parts_CPPFLAGS = $(unit_cppflags)
tests_unit_test_parts_LDADD = $(unit_ldadd)
