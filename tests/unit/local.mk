# SPDX-License-Identifier: GPL-3.0-or-later
# Check suites, one per core module. Each links the core library alone:
# a suite that links proves the core never needs curses.
unit_cppflags = $(AM_CPPFLAGS) $(CHECK_CFLAGS)
unit_ldadd = $(CORE_LIBS) $(CHECK_LIBS)

unit_suites = \
	tests/unit/test-id tests/unit/test-hlc tests/unit/test-oplog tests/unit/test-db tests/unit/test-config tests/unit/test-venue \
	tests/unit/test-text tests/unit/test-demo tests/unit/test-undo \
	tests/unit/test-backup

check_PROGRAMS += $(unit_suites)
TESTS += $(unit_suites)
unit_common = tests/unit/unit.h tests/unit/unit.c

tests_unit_test_id_SOURCES = tests/unit/test-id.c $(unit_common)
tests_unit_test_id_CPPFLAGS = $(unit_cppflags)
tests_unit_test_id_LDADD = $(unit_ldadd)

tests_unit_test_hlc_SOURCES = tests/unit/test-hlc.c $(unit_common)
tests_unit_test_hlc_CPPFLAGS = $(unit_cppflags)
tests_unit_test_hlc_LDADD = $(unit_ldadd)

tests_unit_test_oplog_SOURCES = tests/unit/test-oplog.c $(unit_common)
tests_unit_test_oplog_CPPFLAGS = $(unit_cppflags)
tests_unit_test_oplog_LDADD = $(unit_ldadd)

tests_unit_test_db_SOURCES = tests/unit/test-db.c $(unit_common)
tests_unit_test_db_CPPFLAGS = $(unit_cppflags)
tests_unit_test_db_LDADD = $(unit_ldadd)

tests_unit_test_config_SOURCES = tests/unit/test-config.c $(unit_common)
tests_unit_test_config_CPPFLAGS = $(unit_cppflags)
tests_unit_test_config_LDADD = $(unit_ldadd)

tests_unit_test_venue_SOURCES = tests/unit/test-venue.c $(unit_common)
tests_unit_test_venue_CPPFLAGS = $(unit_cppflags)
tests_unit_test_venue_LDADD = $(unit_ldadd)

tests_unit_test_text_SOURCES = tests/unit/test-text.c $(unit_common)
tests_unit_test_text_CPPFLAGS = $(unit_cppflags)
tests_unit_test_text_LDADD = $(unit_ldadd)

tests_unit_test_demo_SOURCES = tests/unit/test-demo.c $(unit_common)
tests_unit_test_demo_CPPFLAGS = $(unit_cppflags)
tests_unit_test_demo_LDADD = $(unit_ldadd)

tests_unit_test_undo_SOURCES = tests/unit/test-undo.c $(unit_common)
tests_unit_test_undo_CPPFLAGS = $(unit_cppflags)
tests_unit_test_undo_LDADD = $(unit_ldadd)

tests_unit_test_backup_SOURCES = tests/unit/test-backup.c $(unit_common)
tests_unit_test_backup_CPPFLAGS = $(unit_cppflags)
tests_unit_test_backup_LDADD = $(unit_ldadd)
