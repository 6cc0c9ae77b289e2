# SPDX-License-Identifier: GPL-3.0-or-later
# In a French locale the messages come from po/fr.po. The expected output
# follows the translation: after translating, `make regen-cli` and review.
. "$top_srcdir/tests/cli/lib.sh"

cli_french

run "help" cambouis --help
run "venue help" cambouis venue --help
run "no command, no terminal" cambouis
run "unknown command" cambouis frobnicate
run "missing database" cambouis -d w.db venue list
run "init" cambouis -d w.db init --site-label t
run "bad capacity" cambouis -d w.db venue add X --capacity douze
run "add" cambouis -d w.db venue add Gymnase
run "duplicate name" cambouis -d w.db venue add gymnase
run "list, text" cambouis -d w.db venue list
run "list, tsv: the header stays in English" cambouis -d w.db venue list --format tsv
printf 'colour = 1;\n' >c.conf
run "configuration error" cambouis -c c.conf -d w.db venue list

cli_finish
