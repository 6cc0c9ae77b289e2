# SPDX-License-Identifier: GPL-3.0-or-later
# init: a new database, a second init, site labels.
. "$top_srcdir/tests/cli/lib.sh"
cli_setup

run "new database" cambouis -d w.db init --site-label atelier-1
[ -f w.db ] || fail "init did not create w.db"
run "again: the database is kept" cambouis -d w.db init
run "again with a new label" cambouis -d w.db init --site-label atelier_2.b
run "label with a space is refused" cambouis -d w.db init --site-label 'bad label'
run "label with an accent is refused" cambouis -d w.db init --site-label 'café'
run "label starting with a dot is refused" cambouis -d w.db init --site-label .hidden
run "empty label is refused" cambouis -d w.db init --site-label ''
run "65-character label is refused" cambouis -d w.db init \
	--site-label aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
run "64-character label is fine" cambouis -d w.db init \
	--site-label aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
run "label kept after refusals" cambouis -d w.db init
run "an invalid label creates nothing" cambouis -d new.db init --site-label 'a/b'
[ -e new.db ] && fail "a refused init created new.db"
run "missing label value" cambouis -d w.db init --site-label
run "unknown option" cambouis -d w.db init --bogus
run "unexpected argument" cambouis -d w.db init extra
echo 'site_label = "from-config";' >c.conf
run "label from the configuration file" cambouis -c c.conf -d c.db init
echo 'site_label = "x y";' >d.conf
run "bad label in the configuration file" cambouis -c d.conf -d d.db init
[ -e d.db ] && fail "a refused label from the config created d.db"

# The default label is this machine's name: only its shape is stable.
CLI_SED="s/(site '[A-Za-z0-9_-]*')/(site HOST)/"
run "default label is the host name, cleaned" cambouis -d h.db init
unset CLI_SED
run "database in a new directory" cambouis -d sub/dir/w.db init --site-label x
[ "$(mode_of sub)" = 700 ] && [ "$(mode_of sub/dir)" = 700 ] ||
	fail "new directories are not 0700: $(mode_of sub) $(mode_of sub/dir)"
note "new directories are 0700"
run "default place: the XDG data directory" cambouis init --site-label x
[ -f data/cambouis/cambouis.db ] || fail "init did not use XDG_DATA_HOME"
run "CAMBOUIS_DB" env CAMBOUIS_DB=e.db "$CAMBOUIS" init --site-label x
[ -f e.db ] || fail "CAMBOUIS_DB was not used"
run "-d wins over CAMBOUIS_DB" env CAMBOUIS_DB=e2.db "$CAMBOUIS" -d f.db init --site-label x
[ -f f.db ] && [ ! -e e2.db ] || fail "-d did not win over CAMBOUIS_DB"
run "~/ in -d is the home directory" cambouis -d '~/t.db' init --site-label x
[ -f t.db ] || fail "~/ was not expanded"

# The workshop's name: written to the configuration file, the rest kept;
# calendar apps then show it in each session's title.
run "workshop name into a new configuration file" cambouis -d n.db init --site-label x --workshop-name 'Atelier vélo du Tonkin'
run "the file written" cat config/cambouis/config
printf '# our settings\nsite_label = "atelier-1"; # this laptop\nworkshop_name = "Old";\n' >w.conf
run "workshop name replaced, comments kept" cambouis -c w.conf -d n.db init --workshop-name 'La Roue "libre"'
run "the file rewritten" cat w.conf
run "the name in calendar apps" cambouis -c w.conf -d n.db venue add Halle
run "session" cambouis -c w.conf -d n.db session add 2026-03-04 --venue Halle
CLI_SED='/^SUMMARY/!d'
run "the SUMMARY carries the name" cambouis -c w.conf -d n.db ical -
: >empty.conf
run "with no name set: the default" cambouis -c empty.conf -d n.db ical -
unset CLI_SED
run "empty workshop name is refused" cambouis -d n.db init --workshop-name ''
printf 'colour = 1;\n' >bad.conf
run "a configuration file that does not load is left alone" cambouis -c bad.conf -d n.db init --workshop-name X
run "the bad file unchanged" cat bad.conf

cli_finish
