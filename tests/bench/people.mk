# SPDX-License-Identifier: GPL-3.0-or-later
# make bench: people timings, not tests (never part of make check).
EXTRA_DIST += tests/bench/people.sh
.PHONY: bench-people
bench: bench-people
bench-people: src/cambouis
	CAMBOUIS='$(abs_top_builddir)/src/cambouis' $(SHELL) $(srcdir)/tests/bench/people.sh
