#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The layers stay apart (HACKING, "Layout"): the interface does not include
# the sub-commands' headers (what both share is in src/common), the front
# ends leave transactions to the core (one user action, one core call), and
# no front end expands "~/" itself (include/cambouis/paths.h does).
: "${top_srcdir:?run me through make check}"
cd "$top_srcdir" || exit 99
status=0
# lines matching $1 in the C files of the folders or files that follow
hits()
{
	pat=$1
	shift
	find "$@" -name '*.[ch]' 2>/dev/null | sort | xargs grep -nE -- "$pat" /dev/null
}

if hits '#include "cli/' src/ui src/common | grep .; then
	echo "FAIL: the interface or src/common includes a header of src/cli"
	status=1
fi
if hits '#include "ui/' src/cli src/common | grep .; then
	echo "FAIL: the sub-commands or src/common include a header of src/ui"
	status=1
fi
if hits 'cb_db_(begin|commit|rollback)\(' src/main.c src/cli src/ui src/common | grep .; then
	echo "FAIL: a front end opens or ends a transaction: move it into the core call"
	status=1
fi
if hits '"~/", *2\)' src/main.c src/cli src/ui src/common | grep .; then
	echo "FAIL: a front end expands ~/ itself: use cb_paths_expand_home (include/cambouis/paths.h)"
	status=1
fi
[ $status = 0 ] && echo "layers: the front ends keep to their side"
exit $status
