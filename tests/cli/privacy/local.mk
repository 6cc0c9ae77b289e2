# SPDX-License-Identifier: GPL-3.0-or-later
# `cambouis forget`: golden transcript, bytes left in the files, sync, terminal.
TESTS += tests/cli/privacy/forget.sh
EXTRA_DIST += tests/cli/privacy/forget.sh tests/cli/privacy/forget.cmds \
	tests/cli/privacy/forget.expected
