# SPDX-License-Identifier: GPL-3.0-or-later
# CLI golden tests: each script runs commands in a fresh temporary home and
# compares a transcript (stdout, stderr, exit code per case) with
# tests/cli/expected/NAME.out. `make regen-cli` rewrites the expected files
# from the current binary (review the diff before committing it).
CLI_TESTS = \
	tests/cli/basics.sh \
	tests/cli/init.sh \
	tests/cli/venue.sh \
	tests/cli/dbstate.sh \
	tests/cli/badinput.sh \
	tests/cli/rebuild.sh \
	tests/cli/config.sh \
	tests/cli/perms.sh \
	tests/cli/help-fr.sh \
	tests/cli/config-keys.sh

TESTS += $(CLI_TESTS)
EXTRA_DIST += $(CLI_TESTS) tests/cli/lib.sh tests/cli/README \
	$(CLI_TESTS:tests/cli/%.sh=tests/cli/expected/%.out)

regen-cli: all
	$(MAKE) $(AM_MAKEFLAGS) check TESTS='$(CLI_TESTS)' UPDATE_EXPECTED=1
	cd $(srcdir) && git status --short tests/cli/expected 2>/dev/null || :
.PHONY: regen-cli
