# SPDX-License-Identifier: GPL-3.0-or-later
# make check: Check unit suites (core alone, no curses), CLI golden tests,
# and the house checks (translations complete).
TEST_EXTENSIONS = .sh
SH_LOG_COMPILER = $(SHELL)
AM_TESTS_ENVIRONMENT = \
	top_srcdir='$(abs_top_srcdir)'; top_builddir='$(abs_top_builddir)'; \
	CAMBOUIS='$(abs_top_builddir)/src/cambouis'; \
	export top_srcdir top_builddir CAMBOUIS; \
	TZ=Europe/Paris; LC_ALL=C.UTF-8; LANG=C.UTF-8; LANGUAGE=; export TZ LC_ALL LANG LANGUAGE; \
	unset CAMBOUIS_DB CAMBOUIS_CONFIG CAMBOUIS_NOW NO_COLOR; \
	LSAN_OPTIONS=suppressions='$(abs_top_srcdir)/tests/lsan.supp'; export LSAN_OPTIONS;

include $(srcdir)/tests/unit/local.mk
include $(srcdir)/tests/cli/local.mk
include $(srcdir)/tests/ui/local.mk

TESTS += tests/po-check.sh tests/po-words.sh
EXTRA_DIST += tests/po-check.sh tests/po-words.sh tests/lsan.supp
include $(srcdir)/tests/unit/calendar.mk
include $(srcdir)/tests/cli/calendar/local.mk
include $(srcdir)/tests/bench/calendar.mk
EXTRA_DIST += tests/po-check.sh

# sync (issue 6): unit tests, simulation, hostile corpus, crash, git, fuzz
include $(srcdir)/tests/unit/sync.mk
include $(srcdir)/tests/sync/local.mk
include $(srcdir)/tests/fuzz/local.mk
include $(srcdir)/tests/bench/sync.mk
include $(srcdir)/tests/unit/review.mk
include $(srcdir)/tests/cli/people/local.mk
include $(srcdir)/tests/unit/people.mk
include $(srcdir)/tests/bench/people.mk
# privacy: erasure (forget)
include $(srcdir)/tests/unit/privacy.mk
include $(srcdir)/tests/unit/parts.mk
include $(srcdir)/tests/unit/schema.mk
include $(srcdir)/tests/cli/privacy/local.mk
# the front ends keep to their layer
TESTS += tests/layers.sh
EXTRA_DIST += tests/layers.sh
