#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# French is a first-class language: fail when a source file using _() or N_()
# is missing from po/POTFILES.in, when xgettext warns (a message used with
# and without a plural), or when po/fr.po lacks a translation of any
# current message (untranslated or fuzzy).
set -u
: "${top_srcdir:?}"
cd "$top_srcdir" || exit 99
for tool in xgettext msgmerge msgfmt; do
	command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool missing"; exit 77; }
done
status=0

missing=$(grep -rlE '\b_\("|\bN_\("' src include | grep -E '\.[ch]$' | grep -v 'include/cambouis/i18n.h' | sort | while read -r f; do
	grep -qxF "$f" po/POTFILES.in || echo "$f"
done)
if [ -n "$missing" ]; then
	echo "FAIL: files using _() missing from po/POTFILES.in:"
	echo "$missing"
	status=1
fi
for f in $(grep -v '^#' po/POTFILES.in); do
	[ -f "$f" ] || { echo "FAIL: po/POTFILES.in lists a missing file: $f"; status=1; }
done

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
xgettext --keyword=_ --keyword=N_ --keyword=ngettext_:1,2 --from-code=UTF-8 \
	--directory="$top_srcdir" --files-from=po/POTFILES.in -o "$tmp/cambouis.pot" 2>"$tmp/err" ||
	{ cat "$tmp/err"; exit 1; }
# xgettext warns when one message is used with and without a plural form
if [ -s "$tmp/err" ]; then
	echo "FAIL: xgettext warns:"
	cat "$tmp/err"
	status=1
fi
msgmerge --quiet --no-fuzzy-matching -o "$tmp/fr.po" po/fr.po "$tmp/cambouis.pot" || exit 1
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/fr.po" 2>&1) || { echo "$stats"; exit 1; }
echo "fr.po against the sources: $stats"
case "$stats" in
*untranslated*|*fuzzy*)
	echo "FAIL: po/fr.po is incomplete. Run 'make -C po update-po', translate, and remove fuzzy marks."
	LC_ALL=C msgattrib --untranslated --only-fuzzy --no-wrap "$tmp/fr.po" 2>/dev/null | grep '^msgid' | head -20
	LC_ALL=C msgattrib --untranslated --no-wrap "$tmp/fr.po" | grep '^msgid' | head -20
	status=1 ;;
esac
exit $status
