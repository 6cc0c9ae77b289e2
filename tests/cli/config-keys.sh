# SPDX-License-Identifier: GPL-3.0-or-later
# Every setting the loader knows (the names compared with strcmp in
# load_root and load_session of src/core/config.c) is documented in
# share/cambouis/config.example and in cambouis.conf(5).
: "${top_srcdir:?run me through make check}"

src="$top_srcdir/src/core/config.c"
example="$top_srcdir/share/cambouis/config.example"
man="$top_srcdir/share/man/cambouis.conf.5"

# The body of one C function, from its name at the start of a line to the
# closing brace in the first column.
body()
{
	sed -n "/^$1(/,/^}/p" "$src"
}

keys=$( { body load_root; body load_session; } |
	grep -o 'strcmp(name, "[A-Za-z_][A-Za-z0-9_]*")' |
	sed 's/.*"\(.*\)")/\1/' | sort -u)
count=$(echo "$keys" | grep -c .)
# A parse that finds almost nothing means the loader changed shape: say so
# rather than pass.
[ "$count" -ge 8 ] || { echo "found only $count setting names in $src: update this test"; exit 1; }

status=0
for k in $keys; do
	# a setting line, commented out or not, in the example
	if ! grep -Eq "^[[:space:]#]*$k[[:space:]]*=" "$example"; then
		echo "FAIL: '$k' is not documented in share/cambouis/config.example"
		status=1
	fi
	# roff escapes underscores nowhere, but may put \f fonts around names
	if ! sed 's/\\f[BIRP]//g' "$man" | grep -Eq "(^|[^A-Za-z0-9_])$k([^A-Za-z0-9_]|\$)"; then
		echo "FAIL: '$k' is not documented in share/man/cambouis.conf.5"
		status=1
	fi
done
[ $status = 0 ] && echo "all $count settings documented:" $keys
exit $status
