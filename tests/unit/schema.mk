# SPDX-License-Identifier: GPL-3.0-or-later
# Guards on the schema table: the database, the translations and forget
# follow it.
check_PROGRAMS += tests/unit/test-schema
TESTS += tests/unit/test-schema
tests_unit_test_schema_SOURCES = tests/unit/test-schema.c $(unit_common)
tests_unit_test_schema_CPPFLAGS = $(unit_cppflags)
tests_unit_test_schema_LDADD = $(unit_ldadd)
