#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The hostile-bundle corpus through the command line: each bundle is
# rejected with exit 6 and one line "cambouis: FILE: reason", the database
# file stays byte-for-byte the same, and the bundle is left in place.
set -u
: "${top_builddir:?}" "${CAMBOUIS:?}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
HOME=$tmp; CAMBOUIS_CONFIG=/dev/null; export HOME CAMBOUIS_CONFIG
db=$tmp/t.db
mkdir "$tmp/corpus" && "$top_builddir/tests/sync/mkhostile" "$tmp/corpus" || exit 99
"$CAMBOUIS" -d "$db" init --site-label receiver >/dev/null || exit 99
"$CAMBOUIS" -d "$db" venue add "Maison des Jeunes" --commune Tours >/dev/null || exit 99
cp "$db" "$tmp/orig.db" || exit 99

fail=0 n=0
bad() { echo "FAIL: $*"; fail=1; }
tab=$(printf '\t')
while IFS="$tab" read -r file expect future; do
	n=$((n + 1))
	path=$tmp/corpus/$file
	out=$("$CAMBOUIS" -d "$db" import "$path" 2>&1)
	rc=$?
	lines=$(printf '%s\n' "$out" | wc -l)
	case $expect in
	OK)
		[ $rc -eq 0 ] || bad "$file: exit $rc: $out"
		case $out in *"new change"*) ;; *) bad "$file: no report: $out" ;; esac
		if [ "$future" = 1 ]; then
			case $out in *"far in the future"*) ;; *) bad "$file: clocks not flagged: $out" ;; esac
		fi
		cp "$tmp/orig.db" "$db"
		continue ;;
	ANY_OR_SAME)
		if [ $rc -eq 0 ]; then
			# a flip in bytes SQLite never reads: the content is the good one
			case $out in *"from alpha"*) ;; *) bad "$file: accepted as something else: $out" ;; esac
			cp "$tmp/orig.db" "$db"
			continue
		fi ;;
	esac
	[ $rc -eq 6 ] || bad "$file: exit $rc, expected 6: $out"
	[ "$lines" -eq 1 ] || bad "$file: $lines lines of message: $out"
	case $out in "cambouis: $path: "*) ;; *) bad "$file: message does not name the file: $out" ;; esac
	case $expect in
	ANY|ANY_OR_SAME) ;;
	*) case $out in *"$expect"*) ;; *) bad "$file: expected '$expect', got: $out" ;; esac ;;
	esac
	cmp -s "$db" "$tmp/orig.db" || { bad "$file: the database changed"; cp "$tmp/orig.db" "$db"; }
	[ -f "$path" ] || bad "$file: the bundle was not left in place"
done < "$tmp/corpus/expect.tsv"

# a newer format says what to do
out=$("$CAMBOUIS" -d "$db" import "$tmp/corpus/newer-format.cambouis" 2>&1)
case $out in *"update cambouis"*) ;; *) bad "newer format: $out" ;; esac
# the database itself is not a bundle
out=$("$CAMBOUIS" -d "$db" import "$db" 2>&1); rc=$?
[ $rc -eq 6 ] || bad "database as bundle: exit $rc"
# one bad file among good ones: nothing is imported
out=$("$CAMBOUIS" -d "$db" import "$tmp/corpus/good.cambouis" "$tmp/corpus/digest-zero.cambouis" 2>&1); rc=$?
[ $rc -eq 6 ] || bad "good + bad: exit $rc"
cmp -s "$db" "$tmp/orig.db" || bad "good + bad: the database changed"
# a missing file is a failure to read, not a rejection
"$CAMBOUIS" -d "$db" import "$tmp/nowhere.cambouis" 2>/dev/null; rc=$?
[ $rc -eq 1 ] || bad "missing file: exit $rc"

[ $n -gt 100 ] || bad "only $n cases"
echo "$n hostile bundles checked"
exit $fail
