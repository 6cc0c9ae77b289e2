# SPDX-License-Identifier: GPL-3.0-or-later
# rebuild replays the op log to the same tables; demo data is reproducible;
# --demo makes its database in the data directory on first use.
. "$top_srcdir/tests/cli/lib.sh"
cli_setup

run "init" cambouis -d w.db init --site-label t
run "add" cambouis -d w.db venue add 'Gymnase Tonkin' --address '2 rue Tonkin' --capacity 30
run "add" cambouis -d w.db venue add 'Résidence Jussieu' --notes "$(printf 'Badge\tà\nl’accueil')"
run "edit" cambouis -d w.db venue edit 'Gymnase Tonkin' --name 'Gymnase' --capacity none
run "rm" cambouis -d w.db venue rm 'Résidence Jussieu'
run "add again" cambouis -d w.db venue add 'Résidence Jussieu' --commune Villeurbanne
"$CAMBOUIS" -d w.db venue list --format tsv >before.tsv
run "rebuild" cambouis -d w.db rebuild
"$CAMBOUIS" -d w.db venue list --format tsv >after.tsv
cmp -s before.tsv after.tsv || { diff -u before.tsv after.tsv; fail "rebuild changed the listing"; }
note "venue list --format tsv is identical before and after rebuild"
run "rebuild twice" cambouis -d w.db rebuild
run "check after rebuild" cambouis -d w.db check
run "list after rebuild" cambouis -d w.db venue list --format tsv

run "demo, seed 7" cambouis demo --db d1.db --seed 7
run "demo, seed 7, another file" cambouis demo --db d2.db --seed 7
"$CAMBOUIS" -d d1.db venue list --format tsv >d1.tsv
"$CAMBOUIS" -d d2.db venue list --format tsv >d2.tsv
cmp -s d1.tsv d2.tsv || { diff -u d1.tsv d2.tsv; fail "the same seed gave two listings"; }
note "the same seed gives the same listing"
run "demo listing" cambouis -d d1.db venue list --format csv
"$CAMBOUIS" -d d1.db rebuild >/dev/null || fail "rebuild of the demo database failed"
"$CAMBOUIS" -d d1.db venue list --format tsv >d1r.tsv
cmp -s d1.tsv d1r.tsv || fail "rebuild changed the demo listing"
note "rebuild keeps the demo listing"
run "demo with -d before the command" cambouis -d d3.db demo --seed 7
run "demo into a database that holds data" cambouis -d d3.db demo --seed 8
run "init an empty database" cambouis -d d4.db init --site-label e
run "demo into an initialised, empty database" cambouis demo --db d4.db
run "demo, year scale" cambouis demo --db y.db --scale year --seed 7
run "check the demo database" cambouis -d y.db check

[ -e data ] && fail "the data directory exists before --demo"
run "--demo makes the demo database on first use" cambouis --demo venue list --format tsv
[ -f data/cambouis/demo.db ] || fail "--demo did not make data/cambouis/demo.db"
[ "$(mode_of data/cambouis)" = 700 ] || fail "the data directory is not 0700"
[ "$(mode_of data/cambouis/demo.db)" = 600 ] || fail "demo.db is not 0600"
note "data/cambouis is 0700 and demo.db 0600"
run "--demo again uses it" cambouis --demo venue list --format tsv
run "--demo with a write command" cambouis --demo venue add 'Salle de démonstration'
run "--demo keeps the change" cambouis --demo venue list --format tsv
run "--demo check" cambouis --demo check
run "-d with --demo is a usage error" cambouis --demo -d w.db venue list --format tsv
[ -e data/cambouis/cambouis.db ] && fail "--demo touched the default database"
note "the default database was never created"

cli_finish
