# SPDX-License-Identifier: GPL-3.0-or-later
# The parts inventory from the command line (issue 11): part, location,
# stock, transfer, count; every refusal is one line, exit 2, nothing written.
. "$top_srcdir/tests/cli/lib.sh"
need_sqlite3
cli_setup

run "init" cambouis -d w.db init --site-label t
run "part add with every option" cambouis -d w.db part add 'Chambre à air 700c' --category tubes \
	--unit piece --condition new --min 4 --desired 10 --note 'Presta 48 mm'
run "part add, a second tube" cambouis -d w.db part add 'Chambre à air 26"' --category tubes --min 4
run "part add, reclaimed pads" cambouis -d w.db part add 'Patins V-brake' --category brakes \
	--unit pair --condition reclaimed --min 2
run "part add, the same name again" cambouis -d w.db part add 'chambre à air 700C'
run "part add, an unknown category" cambouis -d w.db part add Selle --category saddles
run "part add, a bad unit" cambouis -d w.db part add Selle --unit kg
run "part add, a bad minimum" cambouis -d w.db part add Selle --min lots
run "location add a crate" cambouis -d w.db location add 'Caisse 1' --crate
run "location add, the store's name" cambouis -d w.db location add store
run "location list" cambouis -d w.db location list
run "location list, tsv" cambouis -d w.db location list --format tsv
run "a donation" cambouis -d w.db stock 'chambre à air 7' +10 --reason donation --donor 'G3A'
run "used: a negative delta is not an option" cambouis -d w.db stock 700c -2 --reason used \
	--note 'crevaison'
run "a purchase with an amount" cambouis -d w.db stock patins 4 --reason purchase --amount 12,50
before=$(op_count w.db)
run "an ambiguous part" cambouis -d w.db stock chambre 1 --reason used
run "an unknown part" cambouis -d w.db stock selle 1 --reason used
run "a quantity that is not an integer" cambouis -d w.db stock 700c 1.5 --reason used
run "a zero delta" cambouis -d w.db stock 700c 0 --reason used
run "no reason" cambouis -d w.db stock 700c 1
run "an unknown reason" cambouis -d w.db stock 700c 1 --reason lost
run "a donor on a purchase" cambouis -d w.db stock 700c 2 --reason purchase --donor 'CCAS'
run "an unknown location" cambouis -d w.db stock 700c 1 --reason used --location 'Caisse 9'
run "a bad amount" cambouis -d w.db stock 700c 1 --reason sold --amount 'cinq'
run "a transfer to the same location" cambouis -d w.db transfer 700c 1 --from caisse --to 'Caisse 1'
run "a transfer of a negative quantity" cambouis -d w.db transfer 700c -1 --from store --to caisse
run "a count below zero" cambouis -d w.db count 26 -1
run "a count that is not an integer" cambouis -d w.db count 26 many
[ "$before" = "$(op_count w.db)" ] || fail "a refused command wrote ops"
note "the refusals wrote no op"
run "a transfer" cambouis -d w.db transfer 700c 3 --from store --to caisse
run "a count" cambouis -d w.db count 26 5
run "a count in the crate" cambouis -d w.db count patins 1 --location 'Caisse 1'
run "used after the count" cambouis -d w.db stock 26 -1 --reason used
run "stock list" cambouis -d w.db stock list
run "stock list, tsv" cambouis -d w.db stock list --format tsv
run "stock list, tsv header" sh -c '"$0" -d w.db stock list --format tsv | head -n 1 | od -c' "$CAMBOUIS"
run "stock list in the crate, csv" cambouis -d w.db stock list --location caisse --format csv
run "stock list --low" cambouis -d w.db stock list --low
run "part list" cambouis -d w.db part list
run "part list --low, csv" cambouis -d w.db part list --low --format csv
run "part edit" cambouis -d w.db part edit patins --min 1 --note 'Shimano, 70 mm'
run "part edit, an ambiguous name" cambouis -d w.db part edit chambre --min 1
run "part rm" cambouis -d w.db part rm 26
run "part list after rm, tsv" cambouis -d w.db part list --format tsv

cli_finish
