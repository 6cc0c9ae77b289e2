# SPDX-License-Identifier: GPL-3.0-or-later
# Sync proofs run by the command line: the hostile corpus as files, the
# crash test (kill -9 during a large import) and sync through a real git
# repository. Helpers are small programs linking the core alone.
check_PROGRAMS += tests/sync/mkhostile tests/sync/synctool
tests_sync_mkhostile_CPPFLAGS = $(AM_CPPFLAGS)
tests_sync_mkhostile_SOURCES = tests/sync/mkhostile.c
tests_sync_mkhostile_LDADD = tests/sync/libhostile.a $(CORE_LIBS)
tests_sync_synctool_CPPFLAGS = $(AM_CPPFLAGS)
tests_sync_synctool_SOURCES = tests/sync/synctool.c
tests_sync_synctool_LDADD = $(CORE_LIBS)

TESTS += tests/sync/hostile.sh tests/sync/crash.sh tests/sync/git.sh tests/sync/cli.sh tests/sync/horizon.sh
EXTRA_DIST += tests/sync/hostile.sh tests/sync/crash.sh tests/sync/git.sh tests/sync/cli.sh tests/sync/horizon.sh

# The semantic corpus: valid digests, invalid meanings, kept as files.
TESTS += tests/sync/semantic.sh
EXTRA_DIST += tests/sync/semantic.sh tests/data/semantic
regen-semantic: tests/sync/mkhostile
	rm -f $(srcdir)/tests/data/semantic/*
	mkdir -p $(srcdir)/tests/data/semantic
	tests/sync/mkhostile $(srcdir)/tests/data/semantic semantic
.PHONY: regen-semantic

# A longer soak: many more seeds and crash runs (not in make check).
soak-sync: tests/unit/test-sim src/cambouis tests/sync/synctool
	SIM_SEEDS=$${SIM_SEEDS:-200} SIM_EDITS=$${SIM_EDITS:-4000} tests/unit/test-sim
	top_builddir='$(abs_top_builddir)' CAMBOUIS='$(abs_top_builddir)/src/cambouis' \
	  CRASH_RUNS=$${CRASH_RUNS:-40} CRASH_OPS=$${CRASH_OPS:-300000} \
	  $(SHELL) $(srcdir)/tests/sync/crash.sh
.PHONY: soak-sync
