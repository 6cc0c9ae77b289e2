# SPDX-License-Identifier: GPL-3.0-or-later
# Erasure (forget): one laptop, two laptops, any order, the bytes on disk.
check_PROGRAMS += tests/unit/test-privacy
TESTS += tests/unit/test-privacy
tests_unit_test_privacy_SOURCES = tests/unit/test-privacy.c tests/unit/people-fixture.h $(unit_common)
tests_unit_test_privacy_CPPFLAGS = $(unit_cppflags)
tests_unit_test_privacy_LDADD = $(unit_ldadd)
