# SPDX-License-Identifier: GPL-3.0-or-later
# French words on the command line: a label never runs into its value
# (person show), a space before ":" (session show), no English left in a
# listing (series list), a school holiday is not a public holiday
# (conflicts), checking in twice says "already here"; counts of one are
# singular (tonight, snowball, person show).
. "$top_srcdir/tests/cli/lib.sh"

cli_french
# session and series ids are random
CLI_SED='s/[0-9a-f]\{32\}/<id>/g'
cat >c.conf <<'CONF'
school_holidays = ( { name = "Printemps"; from = "2026-04-04"; to = "2026-04-19"; } );
CONF
run "init" cambouis -c c.conf -d w.db init --site-label t
run "venue" cambouis -c c.conf -d w.db venue add "Résidence étudiante Grandmont" --commune Tours
run "series" cambouis -c c.conf -d w.db series add --first 2026-03-01 --count 4 --venues "Résidence étudiante Grandmont" --holidays after
run "series list: First date, Start, the holiday rule in French" cambouis -c c.conf -d w.db series list
run "a session in the school holidays" cambouis -c c.conf -d w.db session add 2026-04-08 --venue "Résidence étudiante Grandmont"
run "conflicts: school holidays, not a public holiday" cambouis -c c.conf -d w.db conflicts
run "session show: a space before the colon" cambouis -c c.conf -d w.db session show 2026-03-01
run "mentor" cambouis -c c.conf -d w.db person add "Léa A." --role mentor --attestation 2026-01-10
run "learner" cambouis -c c.conf -d w.db person add "Camille I." --role learner --category student
run "check in" cambouis -c c.conf -d w.db checkin "Camille I."
run "check in again: already here" cambouis -c c.conf -d w.db checkin "Camille I."
run "mentor in" cambouis -c c.conf -d w.db checkin "Léa A."
run "pair" cambouis -c c.conf -d w.db pair "Léa A." "Camille I."
run "sign-off" cambouis -c c.conf -d w.db skill "Camille I." "changement de pneu et de chambre à air" teach --by "Léa A."
run "tonight: one learner, one mentor, one pair (singular)" cambouis -c c.conf -d w.db tonight
run "snowball: one generation (singular)" cambouis -c c.conf -d w.db snowball
run "person show: labels apart from values" cambouis -c c.conf -d w.db person show "Camille I."
cli_finish
