# SPDX-License-Identifier: GPL-3.0-or-later
# make bench: timings, not tests (never part of make check).
EXTRA_DIST += tests/bench/calendar.sh
.PHONY: bench bench-calendar
bench: bench-calendar
bench-calendar: src/cambouis
	CAMBOUIS='$(abs_top_builddir)/src/cambouis' $(SHELL) $(srcdir)/tests/bench/calendar.sh
