#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# export, import and sync from the command line: reports, exit codes,
# file modes, temporary files ignored, the site label required, two
# laptops syncing into one folder at the same moment, clock warnings.
set -u
: "${top_builddir:?}" "${CAMBOUIS:?}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
HOME=$tmp; CAMBOUIS_CONFIG=/dev/null; CAMBOUIS_NOW=2026-03-01T18:00
export HOME CAMBOUIS_CONFIG CAMBOUIS_NOW
tool=$top_builddir/tests/sync/synctool
fail=0
bad() { echo "FAIL: $*"; fail=1; }
expect() { # expect RC PATTERN cmd...
	want=$1 pat=$2; shift 2
	out=$("$CAMBOUIS" "$@" 2>&1); rc=$?
	[ $rc -eq "$want" ] || bad "cambouis $*: exit $rc, expected $want: $out"
	case $out in *$pat*) ;; *) bad "cambouis $*: expected '$pat' in: $out" ;; esac
}

a=$tmp/a.db b=$tmp/b.db
expect 0 "" -d "$a" init --site-label alpha
expect 0 "" -d "$b" init --site-label beta
expect 0 "" -d "$a" venue add "Vallée Violette" --commune Tours
expect 0 "Exported 2 changes to $tmp/x.cambouis." -d "$a" export "$tmp/x.cambouis"
[ "$(stat -c %a "$tmp/x.cambouis")" = 600 ] || bad "bundle mode $(stat -c %a "$tmp/x.cambouis")"
ls -a "$tmp" | grep -q '\.tmp-' && bad "a temporary file was left behind"
expect 0 "Exported 0 changes" -d "$a" export "$tmp/y.cambouis"
expect 0 "Exported 2 changes" -d "$a" export "$tmp/z.cambouis" --full
expect 0 "2 new changes from alpha (0 already known, 0 conflicts)" -d "$b" import "$tmp/x.cambouis"
cp "$b" "$tmp/b.before"
expect 0 "0 new changes from alpha (2 already known, 0 conflicts)" -d "$b" import "$tmp/x.cambouis"
cmp -s "$b" "$tmp/b.before" || bad "importing the same bundle twice changed the database"
expect 2 "export: which file?" -d "$a" export
expect 2 "import: which file?" -d "$a" import
expect 2 "sync: which folder?" -d "$a" sync

# concurrent edits of one field: a conflict reported on both sides
expect 0 "" -d "$a" venue edit "Vallée Violette" --notes "porte A"
CAMBOUIS_NOW=2026-03-01T18:05 expect 0 "" -d "$b" venue edit "Vallée Violette" --notes "porte B"
expect 0 "" -d "$a" export "$tmp/a2.cambouis"
expect 0 "" -d "$b" export "$tmp/b2.cambouis"
expect 0 "1 new change from beta (2 already known, 1 conflict)" -d "$a" import "$tmp/b2.cambouis"
expect 0 "1 new change from alpha" -d "$b" import "$tmp/a2.cambouis"

# sync needs a site label
mkdir "$tmp/s"
"$tool" fill "$tmp/nolabel.db" 0 "" || bad "cannot make a database without a label"
expect 2 "run 'cambouis init --site-label NAME' first" -d "$tmp/nolabel.db" sync "$tmp/s"
expect 2 "run 'cambouis init --site-label NAME' first" -d "$tmp/nolabel.db" export "$tmp/n.cambouis"
expect 1 "no such folder" -d "$a" sync "$tmp/nowhere"

# temporary and partial files are ignored
mkdir -p "$tmp/s/gamma"
cp "$tmp/x.cambouis" "$tmp/s/gamma/.20260301-x.cambouis.tmp-AbC123"
head -c 3000 "$tmp/x.cambouis" > "$tmp/s/gamma/.syncthing.part.cambouis.tmp"
echo partial > "$tmp/s/gamma/notes.txt"
expect 0 "Exported" -d "$a" sync "$tmp/s"
expect 0 "Nothing new to export." -d "$a" sync "$tmp/s"
# a damaged file is reported and skipped, and the rest goes on
head -c 5000 "$tmp/x.cambouis" > "$tmp/s/gamma/broken.cambouis"
expect 6 "broken.cambouis: " -d "$b" sync "$tmp/s"
rm "$tmp/s/gamma/broken.cambouis"
expect 0 "Sync done" -d "$a" sync "$tmp/s"
for f in "$tmp"/s/alpha/*.cambouis; do
	[ "$(stat -c %a "$f")" = 600 ] || bad "$f: mode $(stat -c %a "$f")"
done

# two laptops writing into one folder at the same moment, many times
i=0
while [ $i -lt 5 ]; do
	i=$((i + 1))
	"$CAMBOUIS" -d "$a" venue add "Salle A$i" >/dev/null
	"$CAMBOUIS" -d "$b" venue add "Salle B$i" >/dev/null
	"$CAMBOUIS" -d "$a" sync "$tmp/s" >/dev/null 2>"$tmp/ea" & p1=$!
	"$CAMBOUIS" -d "$b" sync "$tmp/s" >/dev/null 2>"$tmp/eb" & p2=$!
	wait $p1 || bad "concurrent sync a: $(cat "$tmp/ea")"
	wait $p2 || bad "concurrent sync b: $(cat "$tmp/eb")"
done
"$CAMBOUIS" -d "$a" sync "$tmp/s" >/dev/null && "$CAMBOUIS" -d "$b" sync "$tmp/s" >/dev/null &&
	"$CAMBOUIS" -d "$a" sync "$tmp/s" >/dev/null || bad "final syncs"
"$tool" dump "$a" > "$tmp/a.txt"; "$tool" dump "$b" > "$tmp/b.txt"
cmp -s "$tmp/a.txt" "$tmp/b.txt" || { bad "a and b differ after syncing"; diff "$tmp/a.txt" "$tmp/b.txt"; }
grep -q "Salle B5" "$tmp/a.txt" || bad "a lacks b's last venue"

# a laptop whose clock is far behind what it has seen warns
CAMBOUIS_NOW=2020-01-01T10:00 expect 0 "clock (2020-01-01 10:00) is far behind" -d "$b" import "$tmp/x.cambouis"
# clocks far ahead of ours are flagged
expect 0 "" -d "$tmp/old.db" init --site-label old
CAMBOUIS_NOW=2026-02-20T10:00 expect 0 "far in the future" -d "$tmp/old.db" import "$tmp/z.cambouis"
exit $fail
