#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The semantic corpus (tests/data/semantic): bundles whose digests are
# valid and whose ops mean nothing their field allows (a date 2026-99-99,
# a time 99:99, a birth in 9999, a name with a line break, a venue list
# that is not ids...). Each is refused with exit 6 and the database stays
# byte for byte the same; a reference to a row not arrived yet is
# accepted, and the listings read it. The files are what
# tests/sync/mkhostile makes (make regen-semantic rewrites them).
set -u
: "${top_srcdir:?}" "${top_builddir:?}" "${CAMBOUIS:?}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
HOME=$tmp; CAMBOUIS_CONFIG=/dev/null; CAMBOUIS_NOW=2026-03-01T18:00
export HOME CAMBOUIS_CONFIG CAMBOUIS_NOW
corpus=$top_srcdir/tests/data/semantic
db=$tmp/t.db
"$CAMBOUIS" -d "$db" init --site-label receiver >/dev/null || exit 99
"$CAMBOUIS" -d "$db" venue add "Maison des Jeunes" --commune Tours >/dev/null || exit 99
cp "$db" "$tmp/orig.db" || exit 99

fail=0 n=0 refused=0
bad() { echo "FAIL: $*"; fail=1; }
tab=$(printf '\t')
while IFS="$tab" read -r file expect future; do
	n=$((n + 1))
	path=$corpus/$file
	[ -f "$path" ] || { bad "$file: missing"; continue; }
	out=$("$CAMBOUIS" -d "$db" import "$path" 2>&1)
	rc=$?
	if [ "$expect" = OK ]; then
		[ $rc -eq 0 ] || bad "$file: exit $rc: $out"
		for c in agenda ical "venue list" "series list" "stock list" "part list"; do
			# shellcheck disable=SC2086
			"$CAMBOUIS" -d "$db" $c >/dev/null 2>"$tmp/err" ||
				bad "$file: '$c' fails after it: $(cat "$tmp/err")"
		done
		cp "$tmp/orig.db" "$db"
		continue
	fi
	refused=$((refused + 1))
	[ $rc -eq 6 ] || bad "$file: exit $rc, expected 6: $out"
	case $out in *"$expect"*) ;; *) bad "$file: expected '$expect', got: $out" ;; esac
	cmp -s "$db" "$tmp/orig.db" || { bad "$file: the database changed"; cp "$tmp/orig.db" "$db"; }
done < "$corpus/expect.tsv"

# the files are the generator's: the corpus cannot drift from the code
mkdir "$tmp/made" && "$top_builddir/tests/sync/mkhostile" "$tmp/made" semantic || exit 99
for f in "$tmp/made"/*; do
	cmp -s "$f" "$corpus/${f##*/}" || bad "${f##*/} differs from what mkhostile makes (make regen-semantic)"
done

[ $refused -ge 12 ] || bad "only $refused refused cases"
echo "$n semantic bundles checked, $refused refused"
exit $fail
