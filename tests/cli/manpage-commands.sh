# SPDX-License-Identifier: GPL-3.0-or-later
# cambouis(1) keeps up with the program: every command listed under
# "Commands:" in `cambouis --help` has a subsection in the page (each action
# of "venue add|list|edit|rm" its own), every option printed by the --help
# of the program, of a command or of an action is written in the page, and
# every subsection of COMMANDS names a command that exists. And every
# command (src/cli/commands.h) has a golden case: a `run "..." cambouis ...
# CMD` line in tests/cli/*.sh or a "CMD ..." line in tests/cli/*/*.cmds.
: "${top_srcdir:?run me through make check}"
: "${CAMBOUIS:?run me through make check}"

man="$top_srcdir/share/man/cambouis.1"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cambouis-mancmd.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
# --help needs no database, but the program still works out where it is
HOME=$tmp XDG_CONFIG_HOME=$tmp XDG_DATA_HOME=$tmp
export HOME XDG_CONFIG_HOME XDG_DATA_HOME
unset CAMBOUIS_DB CAMBOUIS_CONFIG

status=0
failed()
{
	echo "FAIL: $*"
	status=1
}

# The page as a reader sees the names: "\-" is "-", fonts are dropped.
sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\f(..//g' "$man" >"$tmp/page" || exit 99
# The subsection titles of COMMANDS, quotes removed.
sed -n '/^\.SH COMMANDS/,/^\.SH /p' "$tmp/page" | sed -n 's/^\.SS "\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' \
	>"$tmp/headings"

"$CAMBOUIS" --help >"$tmp/help" 2>&1 || { cat "$tmp/help"; failed "cambouis --help"; exit 1; }
# Command lines are indented by two spaces exactly (wrapped descriptions by
# more); two spaces also part a synopsis from its description.
sed -n '/^Commands:/,/^$/p' "$tmp/help" | grep '^  [a-z]' | sed -e 's/^  //' -e 's/  .*//' \
	>"$tmp/commands"
ncommands=$(grep -c . "$tmp/commands")
[ "$ncommands" -ge 8 ] || { echo "found only $ncommands commands in cambouis --help: update this test"; exit 1; }

# "CMD" or "CMD SUB" per line: SUB are the actions of "CMD a|b|c".
: >"$tmp/invocations"
while read -r cmd second _; do
	echo "$cmd" >>"$tmp/invocations"
	if printf '%s\n' "$second" | grep -Eq '^[a-z]+(\|[a-z]+)*$'; then
		printf '%s\n' "$second" | tr '|' '\n' | sed "s/^/$cmd /" >>"$tmp/invocations"
	fi
done <"$tmp/commands"
sort -u "$tmp/invocations" -o "$tmp/invocations"

# Each command, and each action, heads a subsection of its own.
while read -r inv; do
	if ! grep -Eq "^$inv( |\$)" "$tmp/headings"; then
		failed "'cambouis $inv' has no subsection in COMMANDS of cambouis.1"
	fi
done <"$tmp/invocations"

# Every subsection of COMMANDS is about a command that exists.
cut -d' ' -f1 "$tmp/headings" | sort -u | while read -r cmd; do
	grep -q "^$cmd\( \|\$\)" "$tmp/commands" ||
		echo "FAIL: cambouis.1 documents '$cmd', which cambouis --help does not list"
done >"$tmp/stale"
[ -s "$tmp/stale" ] && { cat "$tmp/stale"; status=1; }

# Each command is run by a golden test (either dialect, tests/cli/README).
cut -d' ' -f1 "$tmp/commands" | sort -u | while read -r cmd; do
	grep -Eq "^[[:space:]]*run +(\"[^\"]*\"|'[^']*') +cambouis( +-[-a-z]+( +[^- ][^ ]*)?)* +$cmd( |\$)" \
		"$top_srcdir"/tests/cli/*.sh ||
		grep -Eq "^(-[-a-z]+( +[^- ][^ ]*)? +)*$cmd( |\$)" "$top_srcdir"/tests/cli/*/*.cmds ||
		echo "FAIL: 'cambouis $cmd' has no golden case in tests/cli"
done >"$tmp/nogolden"
[ -s "$tmp/nogolden" ] && { cat "$tmp/nogolden"; status=1; }

# The options each --help prints, and where they come from.
grep -o -- '--[a-z][a-z0-9-]*' "$tmp/help" | sed 's/$/ (cambouis --help)/' >"$tmp/options"
while read -r inv; do
	# shellcheck disable=SC2086 # "venue add" is two words on purpose
	if ! "$CAMBOUIS" $inv --help >"$tmp/out" 2>&1; then
		cat "$tmp/out"
		failed "'cambouis $inv --help' fails"
		continue
	fi
	[ -s "$tmp/out" ] || failed "'cambouis $inv --help' prints nothing"
	grep -o -- '--[a-z][a-z0-9-]*' "$tmp/out" | sed "s/\$/ (cambouis $inv --help)/" >>"$tmp/options"
done <"$tmp/invocations"
noptions=$(cut -d' ' -f1 "$tmp/options" | sort -u | grep -c .)
[ "$noptions" -ge 20 ] || { echo "found only $noptions options in the --help texts: update this test"; exit 1; }

# An option is written whole in the page: "--to" is not found in "--total".
sort -u -k1,1 "$tmp/options" | while read -r opt from; do
	grep -Eq -- "(^|[^a-z0-9-])$opt([^a-z0-9-]|\$)" "$tmp/page" ||
		echo "FAIL: $opt $from is not in cambouis.1"
done >"$tmp/missing"
[ -s "$tmp/missing" ] && { cat "$tmp/missing"; status=1; }

[ $status = 0 ] && echo "cambouis.1 documents all $(grep -c . "$tmp/invocations") commands and actions and all $noptions options; each command has a golden case"
exit $status
