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

TESTS += tests/ui/scenarios.sh tests/ui/keystrokes.sh tests/ui/config.sh tests/ui/tmux.sh
EXTRA_DIST += tests/ui/scenarios.sh tests/ui/keystrokes.sh tests/ui/config.sh tests/ui/tmux.sh \
	tests/ui/README $(wildcard $(srcdir)/tests/ui/scripts/*.keys) \
	$(wildcard $(srcdir)/tests/ui/scripts/*.setup) \
	$(wildcard $(srcdir)/tests/ui/expected/*.txt)
