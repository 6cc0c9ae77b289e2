#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `cambouis forget`: a golden transcript (forget.cmds, each line one
# command on a database of its own, stdin not a terminal), then what the
# transcript cannot show: the name is in neither the database file nor its
# WAL afterwards, on this laptop and on one that syncs with it, and the
# confirmation typed on a real terminal (with script(1), when present).
# UPDATE_EXPECTED=1 (make regen-cli) or CAMBOUIS_GOLDEN_UPDATE=1 rewrites
# forget.expected.
set -u
here=${top_srcdir:?}/tests/cli/privacy
: "${CAMBOUIS:?}"

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
HOME=$tmp XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
CAMBOUIS_NOW=2026-03-01T18:00
CAMBOUIS_DB=$tmp/test.db
export HOME XDG_CONFIG_HOME XDG_DATA_HOME CAMBOUIS_NOW CAMBOUIS_DB
unset CAMBOUIS_CONFIG
status=0
failed()
{
	echo "FAIL: $*"
	status=1
}

cd "$tmp" || exit 99
while IFS= read -r line; do
	case $line in
	''|'#'*) continue ;;
	esac
	printf '$ %s\n' "$line"
	eval "set -- $line"
	"$CAMBOUIS" "$@" </dev/null 2>&1
	echo "[exit $?]"
done < "$here/forget.cmds" | sed -E -e 's/[0-9a-f]{32}/<id>/g' -e "s|$tmp|<tmp>|g" \
	> "$tmp/transcript"

if [ "${UPDATE_EXPECTED:-}" = 1 ] || [ "${CAMBOUIS_GOLDEN_UPDATE:-}" = 1 ]; then
	cp "$tmp/transcript" "$here/forget.expected"
	exit 0
fi
diff -u "$here/forget.expected" "$tmp/transcript" || failed "the transcript differs"

# Not one byte of the name or the contact in the files.
for f in "$tmp/test.db" "$tmp/test.db-wal"; do
	[ -f "$f" ] || continue
	n=$(grep -c -a -e Qwx -e zq@example "$f")
	[ "$n" -eq 0 ] || failed "$(basename "$f") still holds the forgotten name ($n lines)"
done

# Two laptops through a sync folder: B held the person, A forgets, both
# sync: B loses everything, its files included, and B's edit made before
# it heard of the erasure comes back to A blank.
mkdir "$tmp/sync"
a() { CAMBOUIS_DB=$tmp/a.db "$CAMBOUIS" "$@" </dev/null; }
b() { CAMBOUIS_DB=$tmp/b.db "$CAMBOUIS" "$@" </dev/null; }
{
	a init --site-label a && b init --site-label b &&
	a person add "Zéphyrine-Qwx" --role learner --notes "Qwx notes" &&
	a sync "$tmp/sync" && b sync "$tmp/sync" &&
	b person edit Zéphyrine --notes "Qwx seen on B" &&
	a forget Zéphyrine --yes && a sync "$tmp/sync" && b sync "$tmp/sync" && a sync "$tmp/sync"
} >"$tmp/sync.log" 2>&1 || { cat "$tmp/sync.log"; failed "the sync scenario"; }
b person show Zéphyrine >/dev/null 2>&1 && failed "B still knows the person"
for f in "$tmp/a.db" "$tmp/a.db-wal" "$tmp/b.db" "$tmp/b.db-wal"; do
	[ -f "$f" ] || continue
	n=$(grep -c -a Qwx "$f")
	[ "$n" -eq 0 ] || failed "$(basename "$f") still holds the forgotten name ($n lines)"
done
a check >/dev/null 2>&1 || failed "a.db fails its check"
b check >/dev/null 2>&1 || failed "b.db fails its check"

# On a terminal: anything but "yes" erases nothing; "yes" does.
if command -v script >/dev/null 2>&1 && script -qec true /dev/null >/dev/null 2>&1; then
	CAMBOUIS_DB=$tmp/t.db "$CAMBOUIS" init --site-label t >/dev/null 2>&1
	CAMBOUIS_DB=$tmp/t.db "$CAMBOUIS" person add "Zéphyrine-Qwx" --role learner >/dev/null 2>&1
	export CAMBOUIS
	echo no | CAMBOUIS_DB=$tmp/t.db script -qec '"$CAMBOUIS" forget Zéphyrine' /dev/null \
		>"$tmp/tty.out" 2>&1
	rc=$?
	[ $rc -eq 1 ] || failed "a 'no' on the terminal: exit $rc, not 1"
	grep -q "Nothing was erased" "$tmp/tty.out" || failed "a 'no' on the terminal: $(cat "$tmp/tty.out")"
	grep -q "1 visit\|0 visits" "$tmp/tty.out" || failed "no summary before the question"
	echo yes | CAMBOUIS_DB=$tmp/t.db script -qec '"$CAMBOUIS" forget Zéphyrine' /dev/null \
		>"$tmp/tty.out" 2>&1
	rc=$?
	[ $rc -eq 0 ] || failed "'yes' on the terminal: exit $rc: $(cat "$tmp/tty.out")"
	CAMBOUIS_DB=$tmp/t.db "$CAMBOUIS" person show Zéphyrine >/dev/null 2>&1 &&
		failed "'yes' on the terminal did not erase"
else
	echo "script(1) missing: the terminal confirmation is not tested"
fi
exit $status
