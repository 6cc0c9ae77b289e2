# SPDX-License-Identifier: GPL-3.0-or-later
# One supported range of dates, 1900-01-01 to 2199-12-31, at every entry
# point of the command line: a date outside it is refused with the range
# named (never wrapped to year 0000), and a series stops at its end.
. "$top_srcdir/tests/cli/lib.sh"
cli_setup

run "init" cambouis -d w.db init --site-label t
run "venue" cambouis -d w.db venue add Halle
run "a series starting past 2199" cambouis -d w.db series add --first 9999-12-01 --count 1000 --venue Halle
run "a series ending past 2199" cambouis -d w.db series add --first 2199-12-01 --until 2200-01-31 --venue Halle
run "a series of 1000 sessions stops at the end of 2199" cambouis -d w.db series add --first 2199-11-02 --every 1 --count 1000 --venue Halle
run "its sessions" cambouis -d w.db agenda --from 2199-11-01 --to 2199-12-31 --format tsv
run "a session before 1900" cambouis -d w.db session add 1899-12-31 --venue Halle
run "a session in 2200" cambouis -d w.db session add 2200-01-01 --venue Halle
run "agenda up to 2300" cambouis -d w.db agenda --from 2199-12-01 --to 2300-01-01
run "a badly written date still says how to write one" cambouis -d w.db agenda --to 2199-13-01
run "an attestation in 2200" cambouis -d w.db person add Zoé --role mentor --attestation 2200-01-01
run "a check-in at a session in 2200" cambouis -d w.db checkin Zoé --session 2200-01-01
cli_finish
