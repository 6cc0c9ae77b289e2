# SPDX-License-Identifier: GPL-3.0-or-later
# venue add, list (text, csv, tsv), edit, rm: values that are hard to
# print (commas, quotes, tabs, newlines, accents, wide characters) survive
# every format, and csv/tsv never truncate.
. "$top_srcdir/tests/cli/lib.sh"
need_sqlite3
cli_setup

tab=$(printf '\t')
nl='
'
long_notes=$(printf 'Clé au local du gardien, sonner deux fois. %.0s' 1 2 3 4 5 6)

run "init" cambouis -d w.db init --site-label t
run "empty list, text" cambouis -d w.db venue list
run "empty list, csv" cambouis -d w.db venue list --format csv
run "empty list, tsv" cambouis -d w.db venue list --format tsv
run "add with every field" cambouis -d w.db venue add 'Centre social Bonnefoi' \
	--address '5 rue Bonnefoi' --commune Lyon --capacity 25 --notes 'Cour intérieure'
run "add with commas and quotes" cambouis -d w.db venue add 'MJC "Laënnec", salle 2' \
	--address '12, rue "Laënnec"' --commune 'Lyon 8e' --capacity 0
run "add with a tab and newlines in the notes (the last one is trimmed)" cambouis -d w.db venue add 'Résidence Jussieu' \
	--commune Villeurbanne --notes "Badge à l'accueil${tab}(code 1234)${nl}Ascenseur en panne${nl}"
run "add with wide characters" cambouis -d w.db venue add '自転車 Atelier' \
	--commune 'Vénissieux' --notes "$long_notes"
run "add with only a name" cambouis -d w.db venue add 'Gymnase'
run "add with a backslash" cambouis -d w.db venue add 'Cour\arrière' --address 'C:\local'
run "list, text" cambouis -d w.db venue list
run "list, csv" cambouis -d w.db venue list --format csv
run "list, tsv" cambouis -d w.db venue list --format tsv
run "list, tsv header" sh -c '"$0" -d w.db venue list --format tsv | head -n 1 | od -c' "$CAMBOUIS"
run "ls is list" cambouis -d w.db venue ls --format=tsv
run "a global option after the command is refused" cambouis venue list -d w.db
run "--format= form" cambouis -d w.db venue list --format=csv

run "edit the address" cambouis -d w.db venue edit Gymnase --address '2 avenue Roger Salengro'
run "edit the commune" cambouis -d w.db venue edit Gymnase --commune 'Villeurbanne'
run "edit the capacity" cambouis -d w.db venue edit Gymnase --capacity 40
run "edit the notes" cambouis -d w.db venue edit Gymnase --notes "Entrée côté parking"
run "edit several fields at once" cambouis -d w.db venue edit Gymnase \
	--address '3 avenue Roger Salengro' --capacity 35
run "find by name regardless of ASCII case" cambouis -d w.db venue edit gymnase --notes 'Côté parking'
run "rename" cambouis -d w.db venue edit Gymnase --name 'Gymnase Tonkin'
run "the old name is gone" cambouis -d w.db venue edit Gymnase --capacity 1
run "rename to an existing name" cambouis -d w.db venue edit 'Gymnase Tonkin' --name 'Cour\arrière'
run "rename to itself with another case" cambouis -d w.db venue edit 'Gymnase Tonkin' --name 'GYMNASE TONKIN'
run "list after edits" cambouis -d w.db venue list --format tsv
run "clear the address with an empty value" cambouis -d w.db venue edit 'GYMNASE TONKIN' --address ''
run "clear the notes" cambouis -d w.db venue edit 'GYMNASE TONKIN' --notes ''
run "clear the capacity with none" cambouis -d w.db venue edit 'GYMNASE TONKIN' --capacity none
run "clear the commune" cambouis -d w.db venue edit 'GYMNASE TONKIN' --commune ''
run "an edit with no option changes nothing" cambouis -d w.db venue edit 'GYMNASE TONKIN'
run "list after clearing" cambouis -d w.db venue list --format csv
before=$(op_count w.db)
run "an edit to the same values" cambouis -d w.db venue edit 'Centre social Bonnefoi' \
	--commune Lyon --capacity 25
[ "$before" = "$(op_count w.db)" ] || fail "an edit to the same values wrote ops"
note "an edit to the same values writes no op"

run "rm" cambouis -d w.db venue rm 'GYMNASE TONKIN'
run "list after rm" cambouis -d w.db venue list
run "rm again: unknown" cambouis -d w.db venue rm 'GYMNASE TONKIN'
run "rm unknown" cambouis -d w.db venue rm 'Nulle part'
run "edit a removed venue" cambouis -d w.db venue edit 'GYMNASE TONKIN' --capacity 3
run "a removed name can be used again" cambouis -d w.db venue add 'Gymnase Tonkin' --capacity 50
run "remove is rm" cambouis -d w.db venue remove 'Cour\arrière'
run "rm without a name" cambouis -d w.db venue rm
run "rm with two names" cambouis -d w.db venue rm Gymnase Tonkin
run "final list, text" cambouis -d w.db venue list
run "final list, tsv" cambouis -d w.db venue list --format tsv

cli_finish
