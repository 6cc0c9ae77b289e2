# SPDX-License-Identifier: GPL-3.0-or-later
# make bench: people timings, not tests (never part of make check).
EXTRA_DIST += tests/bench/people.sh
.PHONY: bench-people
bench: bench-people
bench-people: src/cambouis
	CAMBOUIS='$(abs_top_builddir)/src/cambouis' $(SHELL) $(srcdir)/tests/bench/people.sh

# make bench-pplui BENCH_DB=FILE: the People list's view-model (open, and
# "/" narrowing per key) on a big database (cambouis demo --scale 5y).
EXTRA_PROGRAMS += tests/bench/bench-pplui
tests_bench_bench_pplui_CPPFLAGS = $(AM_CPPFLAGS)
tests_bench_bench_pplui_SOURCES = tests/bench/bench-pplui.c $(UI_VM_SOURCES)
tests_bench_bench_pplui_LDADD = $(CORE_LIBS)
CLEANFILES += tests/bench/bench-pplui
.PHONY: bench-pplui
bench-pplui: tests/bench/bench-pplui$(EXEEXT)
	tests/bench/bench-pplui$(EXEEXT) '$(BENCH_DB)'
