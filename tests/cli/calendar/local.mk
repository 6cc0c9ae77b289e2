# SPDX-License-Identifier: GPL-3.0-or-later
# The calendar's CLI tests: golden transcripts and real calendar programs.
TESTS += tests/cli/calendar/agenda.sh tests/cli/calendar/ical.sh \
	tests/cli/calendar/ical-import.sh
EXTRA_DIST += tests/cli/calendar/test.conf \
	tests/cli/calendar/agenda.cmds tests/cli/calendar/agenda.expected \
	tests/cli/calendar/ical.cmds tests/cli/calendar/ical.expected \
	tests/cli/calendar/agenda.sh tests/cli/calendar/ical.sh \
	tests/cli/calendar/ical-import.sh
