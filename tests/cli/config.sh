# SPDX-License-Identifier: GPL-3.0-or-later
# Configuration files: where they are found, and errors reported as
# FILE:LINE: message with exit 2 before the database is touched.
. "$top_srcdir/tests/cli/lib.sh"
cli_setup

# conf NAME LINE...: write a configuration file, one argument per line.
conf()
{
	f=$1
	shift
	printf '%s\n' "$@" >"$f"
}

# Every error case runs a write command on a database that does not exist:
# it must stay that way.
no_db()
{
	[ -e w.db ] && fail "$1: the database was created"
	return 0
}

conf syntax.conf 'workshop_name = "Atelier";' 'session = {' '  start = "17:30";' '  end = = "20:00";' '};'
run "syntax error" cambouis -c syntax.conf -d w.db init; no_db "syntax error"
conf type.conf 'workshop_name = "Atelier";' '' 'retention_months = "24";'
run "wrong type: string for a number" cambouis -c type.conf -d w.db init; no_db "wrong type"
conf type2.conf 'colour = 1;'
run "wrong type: number for a boolean" cambouis -c type2.conf -d w.db init; no_db type2
conf type3.conf 'workshop_name = 3;'
run "wrong type: number for a string" cambouis -c type3.conf -d w.db init; no_db type3
conf type4.conf 'session = "17:30";'
run "wrong type: string for a group" cambouis -c type4.conf -d w.db init; no_db type4
conf range.conf 'session = {' '  every_weeks = 0;' '};'
run "out of range" cambouis -c range.conf -d w.db init; no_db range
conf range2.conf 'small_count_threshold = 101;'
run "out of range: threshold" cambouis -c range2.conf -d w.db init; no_db range2
conf time.conf 'session = { start = "25:00"; };'
run "not a time" cambouis -c time.conf -d w.db init; no_db time
conf unknown.conf 'workshop_name = "Atelier";' 'wokshop_name = "typo";'
run "unknown key" cambouis -c unknown.conf -d w.db init; no_db unknown
conf unknown2.conf 'session = { starts = "17:30"; };'
run "unknown key in a group" cambouis -c unknown2.conf -d w.db init; no_db unknown2
conf empty.conf 'workshop_name = "";'
run "empty workshop name" cambouis -c empty.conf -d w.db init; no_db empty
conf keys.conf 'keys = {' '  generic = {' '    quit = ["q", 3];' '  };' '};'
run "a key that is not a string" cambouis -c keys.conf -d w.db init; no_db keys
conf keys2.conf 'keys = { generic = "q"; };'
run "a key scope that is not a group" cambouis -c keys2.conf -d w.db init; no_db keys2
run "a missing -c file" cambouis -c nowhere.conf -d w.db init; no_db "missing -c"
run "CAMBOUIS_CONFIG" env CAMBOUIS_CONFIG=type.conf "$CAMBOUIS" -d w.db init; no_db CAMBOUIS_CONFIG
run "a missing CAMBOUIS_CONFIG file" env CAMBOUIS_CONFIG=nowhere.conf "$CAMBOUIS" -d w.db init
no_db "missing CAMBOUIS_CONFIG"
run "-c wins over CAMBOUIS_CONFIG" env CAMBOUIS_CONFIG=type.conf "$CAMBOUIS" -c range.conf -d w.db init
no_db "-c and CAMBOUIS_CONFIG"
run "an error in the config comes before --help of a command" cambouis -c syntax.conf venue --help
run "--version needs no config" cambouis -c syntax.conf --version
run "a config error comes before the no-terminal hint" cambouis -c syntax.conf

mkdir -p config/cambouis
conf config/cambouis/config 'colour = "yes";'
run "the XDG configuration file is read" cambouis -d w.db init; no_db XDG
rm config/cambouis/config
run "no XDG configuration file is fine" cambouis -d w.db init --site-label t
cp "$top_srcdir/share/cambouis/config.example" example.conf
run "the commented example loads as it is" cambouis -c example.conf -d w.db venue list
# the defaults it documents are valid values too
sed -e 's/^\(\t*\)#\([a-z]\)/\1\2/' -e 's/^#\(\t{\|);\)/\1/' -e 's/^\t#\t/\t\t/' -e 's/^\t#};/\t};/' \
	example.conf >uncommented.conf
grep -q '^retention_months = ' uncommented.conf || fail "could not uncomment the example"
run "the example with every setting uncommented loads" cambouis -c uncommented.conf -d w.db venue list
conf db.conf 'database = "from-config.db";' 'site_label = "cfg";'
run "database from the config" cambouis -c db.conf init
[ -f from-config.db ] || fail "the database key was not used"
run "-d wins over the config" cambouis -c db.conf -d w.db venue list --format tsv
conf h.conf 'database = "~/home.db";'
run "~/ in the database key" cambouis -c h.conf init --site-label h
[ -f home.db ] || fail "~/ in the database key was not expanded"

cli_finish
