#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# share/bash-completion/cambouis loads in bash and completes commands,
# sub-commands, options and names (read through the program: "zoe" finds
# "Zoé S.", a name with a space comes back escaped).
set -u
: "${top_srcdir:?}" "${CAMBOUIS:?}"
command -v bash >/dev/null 2>&1 || { echo "bash missing: skipped"; exit 77; }
command -v iconv >/dev/null 2>&1 || { echo "iconv missing: skipped"; exit 77; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
HOME=$tmp XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config CAMBOUIS_NOW=2026-03-01T18:00
export HOME XDG_DATA_HOME XDG_CONFIG_HOME CAMBOUIS_NOW
unset CAMBOUIS_DB CAMBOUIS_CONFIG
mkdir -p "$tmp/bin"
ln -s "$CAMBOUIS" "$tmp/bin/cambouis" || exit 99
PATH=$tmp/bin:$PATH
db=$tmp/w.db
cambouis -d "$db" init --site-label t >/dev/null || exit 99
cambouis -d "$db" venue add "Résidence Grandmont" >/dev/null || exit 99
cambouis -d "$db" person add "Zoé S." --role learner >/dev/null || exit 99
cambouis -d "$db" person add "Zacharie" --role mentor >/dev/null || exit 99

# complete WORD...: the completions of the last word, one per line
cat >"$tmp/complete.bash" <<'BASH'
. "$1" || exit 3
shift
COMP_WORDS=("$@")
COMP_CWORD=$(($# - 1))
_cambouis
printf '%s\n' "${COMPREPLY[@]}" | sort
BASH
fail=0
check() { # expected (lines joined by spaces), then the words
	want=$1; shift
	got=$(bash "$tmp/complete.bash" "$top_srcdir/share/bash-completion/cambouis" "$@" | tr '\n' ' ' | sed 's/ $//')
	if [ "$got" != "$want" ]; then
		echo "FAIL: completing '$*': got '$got', wanted '$want'"
		fail=1
	else
		echo "ok: '$*' -> $got"
	fi
}
bash -c ". '$top_srcdir/share/bash-completion/cambouis' && complete -p cambouis" >/dev/null ||
	{ echo "FAIL: the completion file does not load"; exit 1; }
check "check checkin checkout" cambouis chec
check "--format" cambouis -d "$db" agenda --form
check "add close closures edit list rm" cambouis venue ""
check "--capacity --commune" cambouis venue --c
check "Zoé\\ S." cambouis -d "$db" checkin zoe
check "Zacharie Zoé\\ S." cambouis -d "$db" person show Z
check "Résidence\\ Grandmont" cambouis -d "$db" venue edit res
exit $fail
