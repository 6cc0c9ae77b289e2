#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cambouis(1)'s KEYS section is what tests/cli/man-keys makes from the
# action table (src/ui/action.[ch]): a key, an action or a help text changed
# there and not in the page fails here. `make man-keys` rewrites the section.
: "${top_srcdir:?run me through make check}"
: "${top_builddir:?run me through make check}"
gen="$top_builddir/tests/cli/man-keys"
man="$top_srcdir/share/man/cambouis.1"
[ -x "$gen" ] || { echo "$gen is not built"; exit 99; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cambouis-mankeys.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

"$gen" >"$tmp/want" || { echo "FAIL: man-keys failed"; exit 1; }
sed -n '/^\.SH KEYS$/,/^\.SH /p' "$man" | sed '$d' >"$tmp/have"
[ -s "$tmp/have" ] || { echo "FAIL: cambouis.1 has no KEYS section: run make man-keys"; exit 1; }
if ! diff -u "$tmp/have" "$tmp/want"; then
	echo "FAIL: cambouis.1's KEYS section and the action table differ: run make man-keys"
	exit 1
fi
echo "cambouis.1's KEYS section matches the action table ($(grep -c '^\.TP' "$tmp/want") entries)"
