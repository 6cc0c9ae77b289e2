#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The full-screen interface on a database its user may read but not write:
# it opens, says READ-ONLY in the status line, and a write is refused in
# the message line (not exit 4 before anything shows). Root writes every
# file, so the program runs as nobody when we are root.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${CAMBOUIS:=$top_srcdir/src/cambouis}"
dir=$top_srcdir/tests/ui
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 99
if [ "$(id -u)" = 0 ]; then
	command -v setpriv >/dev/null 2>&1 || { echo "root without setpriv: skipped"; exit 77; }
	as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
	chmod 777 "$tmp"
else
	as_user=
fi
env CAMBOUIS_NOW=2026-03-01T18:00 "$CAMBOUIS" -d w.db init --site-label t >/dev/null || exit 99
"$CAMBOUIS" -d w.db venue add Halle >/dev/null || exit 99
[ -n "$as_user" ] && chown 65534:65534 w.db w.db-wal w.db-shm
chmod 400 w.db
printf '3\n:dump readonly-1.txt\na\nCour<F2>\n:dump readonly-2.txt\n' >k.keys
chmod 644 k.keys
# shellcheck disable=SC2086
env HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" TZ=Europe/Paris \
	CAMBOUIS_NOW=2026-03-01T18:00 CAMBOUIS_SCREEN=80x24 CAMBOUIS_SCRIPT=k.keys \
	$as_user "$CAMBOUIS" -d w.db >out 2>&1
rc=$?
fail=0
[ $rc -eq 0 ] || { echo "FAIL: exit $rc"; cat out; fail=1; }
for n in 1 2; do
	got=readonly-$n.txt
	want=$dir/expected/$got
	if [ "${UPDATE_EXPECTED:-}" = 1 ]; then
		cp "$got" "$want"
	elif ! cmp -s "$got" "$want"; then
		echo "FAIL: $got differs:"
		diff -u "$want" "$got" | head -40
		fail=1
	fi
done
exit $fail
