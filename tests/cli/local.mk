# SPDX-License-Identifier: GPL-3.0-or-later
# CLI golden tests: each script runs commands in a fresh temporary home and
# compares a transcript (stdout, stderr, exit code per case) with
# tests/cli/expected/NAME.out. `make regen-cli` rewrites the expected files
# from the current binary (review the diff before committing it); see
# tests/cli/README.
CLI_GOLDEN = \
	tests/cli/basics.sh \
	tests/cli/init.sh \
	tests/cli/venue.sh \
	tests/cli/dbstate.sh \
	tests/cli/badinput.sh \
	tests/cli/rebuild.sh \
	tests/cli/csv.sh \
	tests/cli/backup-msgs.sh \
	tests/cli/config.sh \
	tests/cli/perms.sh \
	tests/cli/names.sh \
	tests/cli/dates.sh \
	tests/cli/demo.sh \
	tests/cli/help-fr.sh \
	tests/cli/options.sh \
	tests/cli/files.sh \
	tests/cli/environ.sh
CLI_EXPECTED = \
	tests/cli/expected/basics.out \
	tests/cli/expected/init.out \
	tests/cli/expected/venue.out \
	tests/cli/expected/dbstate.out \
	tests/cli/expected/badinput.out \
	tests/cli/expected/rebuild.out \
	tests/cli/expected/csv.out \
	tests/cli/expected/backup-msgs.out \
	tests/cli/expected/config.out \
	tests/cli/expected/perms.out \
	tests/cli/expected/names.out \
	tests/cli/expected/dates.out \
	tests/cli/expected/demo.out \
	tests/cli/expected/help-fr.out \
	tests/cli/expected/options.out \
	tests/cli/expected/files.out \
	tests/cli/expected/environ.out
# checks of the sources, with no transcript
CLI_CHECKS = \
	tests/cli/config-keys.sh \
	tests/cli/manpages.sh \
	tests/cli/manpage-commands.sh \
	tests/cli/manpage-examples.sh

TESTS += $(CLI_GOLDEN) $(CLI_CHECKS)
EXTRA_DIST += $(CLI_GOLDEN) $(CLI_CHECKS) $(CLI_EXPECTED) \
	tests/cli/lib.sh tests/cli/README

# The other dialect: DIR/NAME.cmds, one command per line, and its
# transcript DIR/NAME.expected (tests/cli/golden.sh); regen-cli renews both.
CLI_TRANSCRIPTS = \
	tests/cli/calendar/agenda.sh \
	tests/cli/calendar/ical.sh \
	tests/cli/people/people.sh \
	tests/cli/privacy/forget.sh

regen-cli: all
	$(MAKE) $(AM_MAKEFLAGS) check TESTS='$(CLI_GOLDEN) $(CLI_TRANSCRIPTS)' UPDATE_EXPECTED=1
.PHONY: regen-cli

EXTRA_DIST += tests/cli/golden.sh

# a write that runs out of room loses nothing
TESTS += tests/cli/diskfull.sh
EXTRA_DIST += tests/cli/diskfull.sh

# the parts inventory (issue 11)
CLI_GOLDEN += tests/cli/parts.sh
CLI_EXPECTED += tests/cli/expected/parts.out

# French words (issue 15): labels apart from values, a space before ":"
CLI_GOLDEN += tests/cli/words-fr.sh
CLI_EXPECTED += tests/cli/expected/words-fr.out

# untrusted text (file names, labels, names) never reaches the terminal raw
TESTS += tests/cli/escape.sh
EXTRA_DIST += tests/cli/escape.sh

# backup during writes, restore checked and refused while in use
TESTS += tests/cli/backup.sh
EXTRA_DIST += tests/cli/backup.sh

# bash completion: loads, completes commands, options and names
CLI_CHECKS += tests/cli/completion.sh
# the French man page in step with the English one
CLI_CHECKS += tests/cli/manpage-fr.sh

# cambouis(1)'s KEYS section is made from the action table: manpage-keys.sh
# fails when they drift; `make man-keys` rewrites the section.
check_PROGRAMS += tests/cli/man-keys
tests_cli_man_keys_SOURCES = tests/cli/man-keys.c src/ui/action.h src/ui/action.c \
	src/ui/keys.h src/ui/keys.c
tests_cli_man_keys_LDADD = $(CORE_LIBS)
TESTS += tests/cli/manpage-keys.sh
EXTRA_DIST += tests/cli/manpage-keys.sh

man-keys: tests/cli/man-keys$(EXEEXT)
	$(AM_V_GEN)tests/cli/man-keys$(EXEEXT) >man-keys.tmp && \
	awk -v keys=man-keys.tmp ' \
	  /^\.SH KEYS$$/ { while ((getline l < keys) > 0) print l; skip = 1; next } \
	  skip && /^\.SH / { skip = 0 } \
	  !skip { print }' $(srcdir)/share/man/cambouis.1 >cambouis.1.tmp && \
	rm -f man-keys.tmp && mv cambouis.1.tmp $(srcdir)/share/man/cambouis.1
.PHONY: man-keys
