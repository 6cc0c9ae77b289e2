# SPDX-License-Identifier: GPL-3.0-or-later
# The sub-commands' options (src/cli/opts.c): one parser, the same errors
# everywhere, each naming the argument as typed, exit 2 and a hint.
. "$top_srcdir/tests/cli/lib.sh"
cli_setup

run "init" cambouis -d w.db init --site-label t
run "a venue" cambouis -d w.db venue add Gymnase --capacity 20
run "a session" cambouis -d w.db session add 2026-03-04 --venue Gymnase

run "unknown option" cambouis -d w.db agenda --frob
run "unknown option, as typed with its value" cambouis -d w.db agenda --frob=1
run "a dash and digits is not taken for the word before it" cambouis -d w.db session add -2027-01-01
run "an unknown short option" cambouis -d w.db export -x out.cambouis
run "needs a value" cambouis -d w.db agenda --from
run "needs a value, named in full when shortened" cambouis -d w.db agenda --fr
run "a flag takes no value" cambouis -d w.db forget Nobody --yes=1
run "known, but not for this action" cambouis -d w.db session cancel 2026-03-04 --venue Gymnase
run "series add has no --open" cambouis -d w.db series add --open
run "a bad date" cambouis -d w.db agenda --to 2026-13-01
run "a bad time" cambouis -d w.db session move 2026-03-04 --start 7h
run "a bad number" cambouis -d w.db agenda --days 0
run "a bad format" cambouis -d w.db tonight --format xml
run "ambiguous start of a name" cambouis -d w.db person edit X --a 1
run "a shortened name" cambouis -d w.db agenda --fr 2026-03-01 --d 7
run "--name=value" cambouis -d w.db agenda --from=2026-03-01 --days=7
run "options after the arguments" cambouis -d w.db venue edit Gymnase --capacity 25
run "-- ends the options" cambouis -d w.db venue add -- -Salle-
run "the new venue" cambouis -d w.db venue list
run "- alone is an argument" cambouis -d w.db venue rm -
run "-h" cambouis -d w.db export -h
run "--help after an argument" cambouis -d w.db venue rm Gymnase --help
run "--he is --help" cambouis -d w.db import --he
run "the program's options: -dFILE and --db=FILE" cambouis -dw.db --db=w.db venue list
run "the program's options end at the command" cambouis venue list -d w.db
run "the program's unknown option" cambouis --frob venue list
run "the program's option needs a value" cambouis -d
run "-V" cambouis -V

cli_finish
