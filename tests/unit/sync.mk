# SPDX-License-Identifier: GPL-3.0-or-later
# Sync (issue 6): bundle unit tests and the multi-laptop simulation.
check_PROGRAMS += tests/unit/test-bundle tests/unit/test-sim
TESTS += tests/unit/test-bundle tests/unit/test-sim
noinst_LIBRARIES += tests/sync/libhostile.a
tests_sync_libhostile_a_CPPFLAGS = $(AM_CPPFLAGS)
tests_sync_libhostile_a_SOURCES = tests/sync/hostile.h tests/sync/hostile.c

tests_unit_test_bundle_CPPFLAGS = $(unit_cppflags)
tests_unit_test_bundle_SOURCES = tests/unit/test-bundle.c
tests_unit_test_bundle_LDADD = tests/sync/libhostile.a $(unit_ldadd)

tests_unit_test_sim_CPPFLAGS = $(unit_cppflags)
tests_unit_test_sim_SOURCES = tests/unit/test-sim.c tests/sync/sim.h tests/sync/sim.c
tests_unit_test_sim_LDADD = $(unit_ldadd)

# SHA-256 as the program runs it, and its portable block function alone
check_PROGRAMS += tests/unit/test-sha256 tests/unit/test-sha256-portable
TESTS += tests/unit/test-sha256 tests/unit/test-sha256-portable
tests_unit_test_sha256_CPPFLAGS = $(unit_cppflags)
tests_unit_test_sha256_SOURCES = tests/unit/test-sha256.c
tests_unit_test_sha256_LDADD = $(unit_ldadd)
tests_unit_test_sha256_portable_CPPFLAGS = $(unit_cppflags) -DCB_SHA256_PORTABLE_ONLY
tests_unit_test_sha256_portable_SOURCES = tests/unit/test-sha256.c src/core/sha256.c
tests_unit_test_sha256_portable_LDADD = $(CHECK_LIBS)
