#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# No clock a peer can send stops local writes. A bundle whose op is stamped
# past the horizon (the end of 2199) is refused whole; one at the horizon
# is taken and local writes go on; a database that already holds an op
# past the horizon (from an older version) keeps working: check reports
# it, writes win its field, exports leave it out, rebuild clears it.
set -u
: "${top_builddir:?}" "${CAMBOUIS:?}"
command -v sqlite3 >/dev/null 2>&1 || { echo "sqlite3 missing"; exit 77; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
HOME=$tmp; CAMBOUIS_CONFIG=/dev/null; CAMBOUIS_NOW=2026-03-01T18:00
export HOME CAMBOUIS_CONFIG CAMBOUIS_NOW
fail=0
bad() { echo "FAIL: $*"; fail=1; }
expect() { # expect RC PATTERN cmd...
	want=$1 pat=$2; shift 2
	out=$("$CAMBOUIS" "$@" 2>&1); rc=$?
	[ $rc -eq "$want" ] || bad "cambouis $*: exit $rc, expected $want: $out"
	case $out in *$pat*) ;; *) bad "cambouis $*: expected '$pat' in: $out" ;; esac
}
writes() { # writes DB N PREFIX: N local writes in a row all work
	i=0
	while [ $i -lt "$2" ]; do
		expect 0 "" -d "$1" venue add "$3 $i"
		i=$((i + 1))
	done
}

mkdir "$tmp/corpus" && "$top_builddir/tests/sync/mkhostile" "$tmp/corpus" || exit 99
a=$tmp/a.db
expect 0 "" -d "$a" init --site-label alpha
for f in clock-past-horizon clock-int64-max clock-near-int64-max clock-past-horizon-among-good; do
	expect 6 "invalid change" -d "$a" import "$tmp/corpus/$f.cambouis"
done
expect 0 "far in the future" -d "$a" import "$tmp/corpus/clock-at-horizon.cambouis"
writes "$a" 5 Salle
expect 0 "ok" -d "$a" check

# an older version took an op at INT64_MAX, and one just below it
b=$tmp/b.db
expect 0 "" -d "$b" init --site-label beta
expect 0 "" -d "$b" venue add "Salle piégée" --commune Tours
expect 0 "" -d "$b" venue add "Autre salle"
sqlite3 "$b" "UPDATE ops SET hlc = 9223372036854775807 WHERE n = 1;
	UPDATE ops SET hlc = 9223372036854775804 WHERE n = 2" || exit 99
writes "$b" 5 Salle
expect 0 "" -d "$b" venue edit "Salle piégée" --commune Joué-lès-Tours
expect 0 "Joué-lès-Tours" -d "$b" venue list
expect 0 "2 changes in the log are invalid" -d "$b" check
expect 0 "Exported 7 changes" -d "$b" export "$tmp/b.cambouis" --full
expect 0 "7 new changes" -d "$a" import "$tmp/b.cambouis"
expect 0 "" -d "$b" rebuild
writes "$b" 2 Local
expect 0 "Autre salle" -d "$b" venue list
expect 0 "2 changes in the log are invalid" -d "$b" check

exit $fail
