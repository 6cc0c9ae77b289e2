# SPDX-License-Identifier: GPL-3.0-or-later
# The people's CLI tests: a golden transcript of every command.
TESTS += tests/cli/people/people.sh
EXTRA_DIST += tests/cli/people/test.conf \
	tests/cli/people/people.cmds tests/cli/people/people.expected \
	tests/cli/people/people.sh
