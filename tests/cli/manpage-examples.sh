# SPDX-License-Identifier: GPL-3.0-or-later
# The EXAMPLES of cambouis(1) work: the commands that use the default
# database are run in order in a fresh home, each must succeed, and the
# calendar example ends with what its text says (the session of 11 November
# moved to the 12th, one session cancelled, the December one at the next
# venue of the rotation).
: "${top_srcdir:?run me through make check}"
: "${CAMBOUIS:?run me through make check}"

man="$top_srcdir/share/man/cambouis.1"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cambouis-manex.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
HOME=$tmp XDG_CONFIG_HOME=$tmp XDG_DATA_HOME=$tmp
# a summer day before the series of the example begins
CAMBOUIS_NOW=2026-08-20T18:00
export HOME XDG_CONFIG_HOME XDG_DATA_HOME CAMBOUIS_NOW
unset CAMBOUIS_DB CAMBOUIS_CONFIG

# The no-fill blocks of EXAMPLES, continuation lines joined, roff escapes
# undone.
sed -n '/^\.SH EXAMPLES/,/^\.SH /p' "$man" | sed -n '/^\.nf/,/^\.fi/{/^\.[nf][fi]$/d;p;}' |
	sed -e ':a' -e '/\\e$/{N;s/\\e\n[[:space:]]*/ /;ba' -e '}' |
	sed -e 's/\\-/-/g' -e "s/\\\\('e/é/g" -e 's/\\(^o/ô/g' -e 's/\\(^e/ê/g' \
	    -e 's/\\e/\\/g' >"$tmp/examples" || exit 99
if grep -n '\\[([]' "$tmp/examples"; then
	echo "FAIL: a roff escape this test does not know is left in the examples above"
	exit 1
fi
# The ones about other databases (-d, --db, --demo) are left out.
grep '^cambouis ' "$tmp/examples" | grep -Ev -- ' (-d|--db|--demo)( |$)' >"$tmp/run"
n=$(grep -c . "$tmp/run")
[ "$n" -ge 8 ] || { echo "found only $n examples to run in cambouis.1: update this test"; exit 1; }

cambouis()
{
	"$CAMBOUIS" "$@"
}

cd "$tmp" || exit 99
status=0
while IFS= read -r line; do
	if ! out=$(eval "$line" 2>&1 </dev/null); then
		echo "FAIL: the example fails: $line"
		echo "$out"
		status=1
	fi
done <"$tmp/run"
[ $status = 0 ] || exit 1

# What the text around the calendar example says.
expect()
{
	if ! cambouis agenda --from "$1" --days 1 --format tsv | grep -q "^$1	.*	$2	$3\$"; then
		echo "FAIL: the session of $1 is not at $2 ($3) as cambouis.1 says:"
		cambouis agenda --from "$1" --days 1
		status=1
	fi
}
expect 2026-11-12 "MJC Montchat" planned
expect 2026-10-14 "Centre social Bonnefoi" cancelled
expect 2026-12-09 "MJC Montchat" planned
grep -q '^BEGIN:VEVENT' atelier.ics || { echo "FAIL: the example's atelier.ics has no event"; status=1; }

[ $status = 0 ] && echo "the $n examples of cambouis.1 on the default database work"
exit $status
