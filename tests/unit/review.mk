# SPDX-License-Identifier: GPL-3.0-or-later
# Conflicts to review and the state of sync (the Sync screen's core).
check_PROGRAMS += tests/unit/test-review
TESTS += tests/unit/test-review
tests_unit_test_review_SOURCES = tests/unit/test-review.c $(unit_common)
tests_unit_test_review_CPPFLAGS = $(unit_cppflags)
tests_unit_test_review_LDADD = $(unit_ldadd)

# 'cambouis sync' and the sync_dir setting
TESTS += tests/cli/sync-dir.sh
EXTRA_DIST += tests/cli/sync-dir.sh
