# SPDX-License-Identifier: GPL-3.0-or-later
# The UI tests: view-model unit tests (no curses), headless scenarios
# compared with expected screens, and tmux tests of the real binary.
check_PROGRAMS += tests/ui/vm-test
tests_ui_vm_test_SOURCES = tests/ui/vm-test.c $(UI_VM_SOURCES)
tests_ui_vm_test_CPPFLAGS = $(unit_cppflags)
tests_ui_vm_test_LDADD = $(unit_ldadd)

TESTS += tests/ui/vm-test

check_PROGRAMS += tests/ui/calview-test
tests_ui_calview_test_SOURCES = tests/ui/calview-test.c $(UI_VM_SOURCES)
tests_ui_calview_test_CPPFLAGS = $(unit_cppflags)
tests_ui_calview_test_LDADD = $(unit_ldadd)
TESTS += tests/ui/calview-test

check_PROGRAMS += tests/ui/pplvm-test
tests_ui_pplvm_test_SOURCES = tests/ui/pplvm-test.c tests/unit/people-fixture.h $(UI_VM_SOURCES)
tests_ui_pplvm_test_CPPFLAGS = $(unit_cppflags)
tests_ui_pplvm_test_LDADD = $(unit_ldadd)
TESTS += tests/ui/pplvm-test

TESTS += tests/ui/scenarios.sh tests/ui/keystrokes.sh tests/ui/config.sh tests/ui/tmux.sh \
	tests/ui/readonly.sh
EXTRA_DIST += tests/ui/scenarios.sh tests/ui/keystrokes.sh tests/ui/config.sh tests/ui/tmux.sh \
	tests/ui/readonly.sh \
	tests/ui/README $(wildcard $(srcdir)/tests/ui/scripts/*.keys) \
	$(wildcard $(srcdir)/tests/ui/scripts/*.setup) \
	$(wildcard $(srcdir)/tests/ui/expected/*.txt)

# The key storm: seeded random keys on every screen over every database
# state (tests/ui/storm.sh); storm-keys writes a run's script and
# storm-bundles the crafted bundles a peer could send.
check_PROGRAMS += tests/ui/storm-keys tests/ui/storm-bundles
tests_ui_storm_keys_SOURCES = tests/ui/storm-keys.c
tests_ui_storm_bundles_SOURCES = tests/ui/storm-bundles.c
tests_ui_storm_bundles_CPPFLAGS = $(AM_CPPFLAGS)
tests_ui_storm_bundles_LDADD = $(CORE_LIBS)
TESTS += tests/ui/storm.sh
EXTRA_DIST += tests/ui/storm.sh

# The storm for as long as asked: STORM_SECONDS (default 600), STORM_SEED.
soak-storm: src/cambouis tests/ui/storm-keys tests/ui/storm-bundles
	top_builddir='$(abs_top_builddir)' CAMBOUIS='$(abs_top_builddir)/src/cambouis' \
	  LSAN_OPTIONS=suppressions='$(abs_top_srcdir)/tests/lsan.supp' \
	  STORM_SECONDS=$${STORM_SECONDS:-600} $(SHELL) $(srcdir)/tests/ui/storm.sh
.PHONY: soak-storm
