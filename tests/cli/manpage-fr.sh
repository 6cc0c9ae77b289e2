#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The French man page (share/man/fr/cambouis.1, `man -L fr cambouis`)
# keeps in step with the English one: the same commands with the same
# synopses in the same order, every option and every environment variable
# the English page names, the same exit codes; and it formats without a
# warning.
set -u
: "${top_srcdir:?run me through make check}"
en=$top_srcdir/share/man/cambouis.1
fr=$top_srcdir/share/man/fr/cambouis.1
command -v groff >/dev/null 2>&1 || { echo "groff is missing: skipped"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cambouis-manfr.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
status=0

out=$(groff -k -man -Tutf8 -ww -z "$fr" 2>&1)
[ -z "$out" ] || { echo "FAIL: fr/cambouis.1: groff warnings:"; echo "$out"; status=1; }

# the commands: the .SS lines of each page's commands section
section_ss() { # the .SS lines of the section $1 of page $2
	awk -v want="$1" '/^\.SH / { on = ($0 == ".SH " want) } on && /^\.SS / { print }' "$2"
}
section_ss COMMANDS "$en" >"$tmp/en.ss"
section_ss COMMANDES "$fr" >"$tmp/fr.ss"
[ -s "$tmp/en.ss" ] || { echo "FAIL: no command found in cambouis.1"; exit 1; }
if ! diff -u "$tmp/en.ss" "$tmp/fr.ss" >"$tmp/ss.diff"; then
	echo "FAIL: the commands of fr/cambouis.1 differ from cambouis.1:"
	cat "$tmp/ss.diff"
	status=1
fi

# every option and every environment variable of the English page
for w in $(grep -o '\\-\\-[a-z][a-z\\-]*' "$en" | sort -u); do
	grep -qF -- "$w" "$fr" || { echo "FAIL: fr/cambouis.1 never names the option $w"; status=1; }
done
for v in $(sed -n '/^\.SH ENVIRONMENT/,/^\.SH /p' "$en" | sed -n 's/^\.BR* //p' |
	grep -o '[A-Z][A-Z_]*[A-Z]' | sort -u); do
	grep -q "\\b$v\\b" "$fr" || { echo "FAIL: fr/cambouis.1 never names the variable $v"; status=1; }
done
for code in 0 1 2 3 4 5 6; do
	grep -qx "\\.B $code" "$fr" || { echo "FAIL: fr/cambouis.1 lacks exit code $code"; status=1; }
done
[ $status = 0 ] && echo "fr/cambouis.1: $(wc -l <"$tmp/en.ss") commands, options and variables in step"
exit $status
