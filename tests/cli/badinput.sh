# SPDX-License-Identifier: GPL-3.0-or-later
# Refused input: a one-line error, exit 2 (usage) or 1 (refused by the
# data), and never a partial write: the op count stays the same.
. "$top_srcdir/tests/cli/lib.sh"
need_sqlite3
cli_setup

run "init" cambouis -d w.db init --site-label t
run "a venue to collide with" cambouis -d w.db venue add 'Maison de quartier' --capacity 20
ops=$(op_count w.db)

long_name=$(printf 'x%.0s' $(seq 121))
ok_name=$(printf 'x%.0s' $(seq 120))
accented_long=$(printf 'é%.0s' $(seq 61))
long_text=$(printf 'a%.0s' $(seq 501))
long_notes=$(printf 'n%.0s' $(seq 2001))
tab=$(printf '\t')
nl='
'

run "unknown command" cambouis -d w.db frobnicate
run "unknown global option" cambouis -d w.db --frobnicate venue list
run "unknown venue option" cambouis -d w.db venue add X --frob
run "--name is for edit only" cambouis -d w.db venue add X --name Y
run "missing value for --capacity" cambouis -d w.db venue add X --capacity
run "missing value for --format" cambouis -d w.db venue list --format
run "unknown format" cambouis -d w.db venue list --format xml
run "capacity below zero" cambouis -d w.db venue add X --capacity -1
run "capacity not a number" cambouis -d w.db venue add X --capacity douze
run "capacity with a unit" cambouis -d w.db venue add X --capacity 12p
run "capacity in exponent form" cambouis -d w.db venue add X --capacity 1e3
run "capacity too big" cambouis -d w.db venue add X --capacity 100001
run "capacity far too big" cambouis -d w.db venue add X --capacity 99999999999999999999999
run "empty name" cambouis -d w.db venue add ''
run "blank name" cambouis -d w.db venue add '   '
run "name with a tab" cambouis -d w.db venue add "a${tab}b"
run "name with a newline" cambouis -d w.db venue add "a${nl}b"
run "name with an escape character" cambouis -d w.db venue add "$(printf 'a\033[31mb')"
run "name not valid UTF-8" cambouis -d w.db venue add "$(printf 'caf\351')"
run "name of 121 bytes" cambouis -d w.db venue add "$long_name"
run "name of 122 bytes (61 accented letters)" cambouis -d w.db venue add "$accented_long"
run "address too long" cambouis -d w.db venue add X --address "$long_text"
run "commune too long" cambouis -d w.db venue add X --commune "$long_text"
run "notes too long" cambouis -d w.db venue add X --notes "$long_notes"
run "control character in the address" cambouis -d w.db venue add X --address "$(printf 'a\001b')"
run "newline in the commune" cambouis -d w.db venue add X --commune "a${nl}b"
run "duplicate name" cambouis -d w.db venue add 'Maison de quartier'
run "duplicate name, other case" cambouis -d w.db venue add 'MAISON DE QUARTIER'
run "rename to an empty name" cambouis -d w.db venue edit 'Maison de quartier' --name ''
run "rename to a name too long" cambouis -d w.db venue edit 'Maison de quartier' --name "$long_name"
run "good fields with one bad: nothing written" cambouis -d w.db venue edit 'Maison de quartier' \
	--address 'Place Carnot' --commune Lyon --notes "$long_notes"
run "edit an unknown venue" cambouis -d w.db venue edit 'Nulle part' --capacity 3
run "rm an unknown venue" cambouis -d w.db venue rm 'Nulle part'
run "two names" cambouis -d w.db venue add Maison quartier
run "no name" cambouis -d w.db venue add --capacity 3
run "extra argument to list" cambouis -d w.db venue list extra
run "extra argument to rebuild" cambouis -d w.db rebuild now
run "unknown option to check" cambouis -d w.db check --fast
run "unknown demo scale" cambouis -d w.db demo --scale huge
run "bad demo seed" cambouis -d w.db demo --seed -4
run "bad CAMBOUIS_NOW" env CAMBOUIS_NOW=tomorrow "$CAMBOUIS" -d w.db venue add X
run "the list is unchanged" cambouis -d w.db venue list --format tsv
[ "$ops" = "$(op_count w.db)" ] || fail "refused commands wrote ops: $ops, now $(op_count w.db)"
note "the op count is unchanged after every refused command"
run "a name of exactly 120 bytes is fine" cambouis -d w.db venue add "$ok_name"
[ "$ops" != "$(op_count w.db)" ] || fail "an accepted add wrote no op"

cli_finish
