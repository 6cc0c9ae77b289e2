#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Before the screen starts: bad key bindings are FILE:LINE errors (exit 2),
# no terminal gives a one-line hint (exit 2), a bad script is reported.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${CAMBOUIS:=$top_srcdir/src/cambouis}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
fail=0

expect() { # expected-rc expected-stderr command...
	want_rc=$1 want_err=$2; shift 2
	"$@" </dev/null >"$tmp/out" 2>"$tmp/err"; rc=$?
	if [ $rc -ne "$want_rc" ] || [ "$(cat "$tmp/err")" != "$want_err" ]; then
		echo "FAIL: $*: exit $rc (want $want_rc), stderr:"; cat "$tmp/err"
		echo "wanted: $want_err"; fail=1
	fi
}

printf 'keys = {\n  generic = {\n    quit = ["C-q"];\n    explode = "x";\n  };\n};\n' >"$tmp/c1"
expect 2 "cambouis: $tmp/c1:4: unknown action 'explode'" \
	env CAMBOUIS_SCRIPT=/dev/null "$CAMBOUIS" -c "$tmp/c1" -d "$tmp/a.db"
printf 'keys = {\n  venues = {\n    add = ["a", "Hyper-a"];\n  };\n};\n' >"$tmp/c2"
expect 2 "cambouis: $tmp/c2:3: unknown key 'Hyper-a'" \
	env CAMBOUIS_SCRIPT=/dev/null "$CAMBOUIS" -c "$tmp/c2" -d "$tmp/a.db"
[ -e "$tmp/a.db" ] && { echo "FAIL: a bad config still created the database"; fail=1; }
expect 2 "cambouis: no terminal: give a command (see 'cambouis --help')" \
	"$CAMBOUIS" -d "$tmp/a.db"
printf 'j<Nope>\n' >"$tmp/k"
expect 2 "cambouis: $tmp/k:1: unknown key '<Nope>'" \
	env CAMBOUIS_SCRIPT="$tmp/k" "$CAMBOUIS" -d "$tmp/a.db"
expect 2 "cambouis: invalid CAMBOUIS_SCREEN 'big': use COLUMNSxROWS, e.g. 80x24" \
	env CAMBOUIS_SCRIPT="$tmp/k" CAMBOUIS_SCREEN=big "$CAMBOUIS" -d "$tmp/a.db"
# a good override works: C-q quits, Q types nothing and is not bound
printf 'keys = { generic = { quit = "C-q"; }; };\n' >"$tmp/c3"
printf 'Q\n:dump %s/d1\n<C-q>\n:dump %s/d2\n' "$tmp" "$tmp" >"$tmp/k3"
expect 0 "" env CAMBOUIS_SCRIPT="$tmp/k3" "$CAMBOUIS" -c "$tmp/c3" -d "$tmp/b.db"
[ -s "$tmp/d1" ] && [ ! -e "$tmp/d2" ] || { echo "FAIL: quit = C-q did not apply"; fail=1; }
grep -q 'C-q Quit' "$tmp/d1" || { echo "FAIL: the hints do not show C-q"; fail=1; }
exit $fail
