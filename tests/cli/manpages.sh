# SPDX-License-Identifier: GPL-3.0-or-later
# The man pages format without a warning, and the example of
# cambouis.conf(5) is a configuration cambouis accepts.
: "${top_srcdir:?run me through make check}"
: "${CAMBOUIS:?run me through make check}"

command -v groff >/dev/null 2>&1 || { echo "groff is missing: skipped"; exit 77; }
status=0
for page in cambouis.1 cambouis.conf.5; do
	out=$(groff -man -Tutf8 -ww -z "$top_srcdir/share/man/$page" 2>&1)
	if [ -n "$out" ]; then
		echo "FAIL: $page: groff warnings:"
		echo "$out"
		status=1
	fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cambouis-man.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
# The lines between ".SH EXAMPLE" + ".RS" + ".nf" and ".fi", unescaped.
sed -n '/^\.SH EXAMPLE/,/^\.fi/p' "$top_srcdir/share/man/cambouis.conf.5" |
	sed -e '1,3d' -e '$d' -e 's/\\-/-/g' -e "s/\\\\('e/é/g" >"$tmp/example.conf"
grep -q '^session = {' "$tmp/example.conf" || { echo "FAIL: no example found in cambouis.conf.5"; exit 1; }
HOME=$tmp XDG_CONFIG_HOME=$tmp XDG_DATA_HOME=$tmp
export HOME XDG_CONFIG_HOME XDG_DATA_HOME
if ! err=$("$CAMBOUIS" -c "$tmp/example.conf" -d "$tmp/w.db" init --site-label t 2>&1 >/dev/null); then
	echo "FAIL: the example of cambouis.conf(5) is refused: $err"
	status=1
fi
[ $status = 0 ] && echo "man pages format cleanly; the cambouis.conf(5) example loads"
exit $status
