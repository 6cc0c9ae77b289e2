# SPDX-License-Identifier: GPL-3.0-or-later
# The sync benchmark (not in make check): make bench-sync [BENCH_OPS=N]
EXTRA_PROGRAMS = tests/bench/bench-sync
tests_bench_bench_sync_CPPFLAGS = $(AM_CPPFLAGS)
tests_bench_bench_sync_SOURCES = tests/bench/bench-sync.c
tests_bench_bench_sync_LDADD = $(CORE_LIBS)
CLEANFILES += tests/bench/bench-sync
bench-sync: tests/bench/bench-sync$(EXEEXT)
	tests/bench/bench-sync$(EXEEXT)
.PHONY: bench-sync
bench: bench-sync
