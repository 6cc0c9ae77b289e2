#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# French words and typography in po/fr.po:
# - "undo" is never "annuler" (that is cancel): undo is "défaire";
# - a space before ":", ";", "!" and "?" (a plain space, as the rest of
#   the catalogue), so "Heure:" or "Id:" fail;
# - key names in French (Entrée, Échap, Maj-Tab, PgSuiv, Ctrl-x).
set -u
: "${top_srcdir:?}"
cd "$top_srcdir" || exit 99
command -v msgcat >/dev/null 2>&1 || { echo "SKIP: msgcat missing"; exit 77; }
LC_ALL=C.UTF-8
export LC_ALL
tmp=$(mktemp) || exit 99
trap 'rm -f "$tmp"' EXIT
msgcat --no-wrap po/fr.po | grep -v '^#' >"$tmp" || exit 99
status=0

undo=$(awk '
	/^msgid / { id = $0; next }
	/^msgid_plural / { id = id " " $0; next }
	/^msgstr/ && id ~ /[Uu]ndo/ && id !~ /[Cc]ancel/ && $0 ~ /[Aa]nnul/ { print id " -> " $0; next }
	/^msgstr/ && id ~ /: undo\)/ && $0 !~ /: défaire\)/ { print id " -> " $0 }
' "$tmp")
if [ -n "$undo" ]; then
	echo "FAIL: undo must read \"défaire\" in French (\"annuler\" is cancel):"
	echo "$undo"
	status=1
fi

tight=$(grep '^msgstr' "$tmp" | grep -v '^msgstr ""$' |
	grep -P '[\p{L}\p{N})»][:;!?](\s|$|\\n|")' | grep -v 'Plural-Forms')
if [ -n "$tight" ]; then
	echo "FAIL: French puts a space before : ; ! and ?:"
	echo "$tight"
	status=1
fi
# one convention for key names in French: Entrée, Échap, Maj-Tab, PgSuiv...
keys=$(grep '^msgstr' "$tmp" | grep -E '\b(Enter|Esc|BTab|PgDn|PgUp|Backspace)\b|\bC-[a-z]\b')
if [ -n "$keys" ]; then
	echo "FAIL: English key names in French (say Entrée, Échap, Maj-Tab, PgSuiv, Ctrl-x):"
	echo "$keys"
	status=1
fi
[ $status -eq 0 ] && echo "fr.po: undo is défaire; spaces before : ; ! ?"
exit $status
