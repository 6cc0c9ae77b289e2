#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Nothing untrusted reaches the terminal raw: bundle file names in a shared
# folder, site labels, names and notes from the database or another
# laptop, names typed on the command line. Every byte the commands write
# is checked: no ESC, CR, BEL, C1 control or bidirectional control.
set -u
: "${CAMBOUIS:?run me through make check}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
HOME=$tmp; CAMBOUIS_NOW=2026-03-01T18:00; CAMBOUIS_CONFIG=/dev/null
export HOME CAMBOUIS_NOW CAMBOUIS_CONFIG
unset CAMBOUIS_DB
cd "$tmp" || exit 99
fail=0 n=0
bad() { printf 'FAIL: %s\n' "$*"; fail=1; }

esc=$(printf '\033') cr=$(printf '\r') bel=$(printf '\007')
rlo=$(printf '\342\200\256') lri=$(printf '\342\201\246') lrm=$(printf '\342\200\216')
csi8=$(printf '\302\233') alm=$(printf '\330\234')
# run CMD...: its stdout and stderr hold none of those bytes
run() {
	"$CAMBOUIS" "$@" >out 2>&1
	n=$((n + 1))
	for b in "$esc" "$cr" "$bel" "$rlo" "$lri" "$lrm" "$csi8" "$alm"; do
		if LC_ALL=C grep -qF "$b" out; then
			bad "cambouis $*: a raw control reached the output: $(od -c out | head -5)"
			break
		fi
	done
}
has() { grep -qF -- "$1" out || bad "expected '$1' in: $(cat out)"; }

"$CAMBOUIS" -d a.db init --site-label alpha >/dev/null || exit 99
"$CAMBOUIS" -d b.db init --site-label beta >/dev/null || exit 99

# names that a terminal would act on, accepted or refused
run -d b.db venue add "Salle ${rlo}cba" --notes "ligne 1
ligne 2${lri}x"
run -d b.db venue add "A${esc}[31mB"
run -d b.db venue list
has 'Salle \u202Ecba'
run -d b.db venue list --format tsv
run -d b.db person add "Zo${rlo}é" --role learner
run -d b.db person show "Zo${rlo}é"
has 'Zo\u202Eé'
run -d b.db person list
run -d b.db person show "nobody${esc}]0;pwned${bel}"
run -d b.db init --site-label "be${rlo}ta"

# a shared folder with hostile file names, one of them a good bundle
mkdir -p dir/beta || exit 99
"$CAMBOUIS" -d b.db export "dir/beta/${cr}${esc}[2K${esc}[31mRED.cambouis" >/dev/null || exit 99
printf 'not a bundle' >"dir/beta/${esc}]0;pwned${bel}.cambouis"
printf 'not a bundle' >"dir/beta/${rlo}gnp.cambouis"
printf 'not a bundle' >"dir/beta/c1${csi8}x.cambouis"
run -d a.db sync dir
has '\r\e[2K\e[31mRED.cambouis'
has '\e]0;pwned\x07.cambouis'
has '\u202Egnp.cambouis'
run -d a.db import "dir/beta/${rlo}gnp.cambouis"
run -d a.db venue list

# what is on disk is not trusted either: a value put there behind the
# program's back (an older version, a hand edit) is escaped on the way out
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 a.db "UPDATE venues SET notes = 'x' || char(27) || ']0;t' || char(7) || char(13);
		UPDATE people SET name = 'P' || char(27) || '[2J' WHERE 1" || exit 99
	run -d a.db venue list
	has 'x\e]0;t\x07'
	run -d a.db venue list --format csv
	has ',x\e]0;t\x07\r'
	run -d a.db venue list --format tsv
	has 'x\\e]0;t\\x07\\r'
	run -d a.db person list
fi

echo "$n commands checked"
exit $fail
