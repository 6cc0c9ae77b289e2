# SPDX-License-Identifier: GPL-3.0-or-later
# Every command that takes a person's or a venue's name, given (a) a name
# that matches nobody, (b) a name that matches by letter case only and (c)
# an abbreviation that matches two people: a failure never exits 0, a
# storage status ("no more rows") never reaches the user, and a name in
# another case finds its owner (issue 14: `forget yanis` used to exit 0
# and leave Yanis in place).
. "$top_srcdir/tests/cli/lib.sh"
cli_setup
# ids are random: show them as <id>
CLI_SED='s/[0-9a-f]\{32\}/<id>/g'

run "init" cambouis -d w.db init --site-label t
run "a venue" cambouis -d w.db venue add 'Oésia'
run "another venue" cambouis -d w.db venue add 'Oasis'
run "tonight's session" cambouis -d w.db session add 2026-03-01 --venue 'Oésia'
run "a learner" cambouis -d w.db person add Yanis --role learner
run "another learner" cambouis -d w.db person add Yann --role learner
run "a mentor" cambouis -d w.db person add 'Zoé S' --role mentor --attestation 2026-01-01
run "another mentor" cambouis -d w.db person add 'Zoé T' --role mentor --attestation 2026-01-01
run "the mentor arrives" cambouis -d w.db checkin 'Zoé T'

# Each person-taking command, with the name in every place a name goes.
person_cases()
{
	k=$1 learner=$2 mentor=$3
	run "$k: person show" cambouis -d w.db person show "$learner"
	run "$k: person edit" cambouis -d w.db person edit "$learner" --notes 'vélo bleu'
	run "$k: checkin" cambouis -d w.db checkin "$learner"
	run "$k: checkout" cambouis -d w.db checkout "$learner"
	run "$k: pair, the mentor" cambouis -d w.db pair "$mentor" 'Yanis'
	run "$k: pair, the learner" cambouis -d w.db pair 'Zoé T' "$learner"
	run "$k: unpair, the learner" cambouis -d w.db unpair "$learner"
	run "$k: unpair, the mentor" cambouis -d w.db unpair 'Yanis' "$mentor"
	run "$k: suggest" cambouis -d w.db suggest "$learner"
	run "$k: skill, the learner" cambouis -d w.db skill "$learner" puncture seen --by 'Zoé T'
	run "$k: skill, --by" cambouis -d w.db skill 'Yanis' puncture seen --by "$mentor"
	run "$k: promote" cambouis -d w.db promote "$learner"
	run "$k: promote --by" cambouis -d w.db promote 'Yanis' --by "$mentor" --force
	run "$k: snowball" cambouis -d w.db snowball "$learner"
	run "$k: person rm" cambouis -d w.db person rm "$learner"
	run "$k: forget" cambouis -d w.db forget "$learner" --yes
}

person_cases "nobody" 'Xavier' 'Xénia'
person_cases "two people" 'Ya' 'Zoé'

# (b) the same name in another case: each command finds its person.
run "case: checkin" cambouis -d w.db checkin yanis
run "case: checkin, accents and case" cambouis -d w.db checkin 'ZOÉ S'
run "case: pair" cambouis -d w.db pair 'zoé s' YANIS
run "case: suggest" cambouis -d w.db suggest yanis
run "case: skill" cambouis -d w.db skill yanis puncture seen --by 'zoé s'
run "case: promote" cambouis -d w.db promote yanis
run "case: snowball" cambouis -d w.db snowball yanis
run "case: unpair" cambouis -d w.db unpair yanis 'zoé s'
run "case: checkout" cambouis -d w.db checkout yanis
run "case: person edit" cambouis -d w.db person edit yanis --notes 'vélo bleu'
run "case: person show" cambouis -d w.db person show yanis
run "case: person rm" cambouis -d w.db person rm yann
run "case: forget (a removed person)" cambouis -d w.db forget YANN --yes
run "case: forget" cambouis -d w.db forget yanis --yes
run "Yanis and Yann are gone" cambouis -d w.db person list

# Venues: commands that take a venue's name.
venue_cases()
{
	k=$1 v=$2
	run "$k: venue edit" cambouis -d w.db venue edit "$v" --capacity 12
	run "$k: venue close" cambouis -d w.db venue close "$v" --from 2026-07-01 --to 2026-07-31
	run "$k: venue closures" cambouis -d w.db venue closures "$v"
	run "$k: session add --venue" cambouis -d w.db session add 2026-03-15 --venue "$v"
	run "$k: session move --venue" cambouis -d w.db session move 2026-03-01 --venue "$v"
	run "$k: series add --venues" cambouis -d w.db series add --first 2026-04-01 --count 2 --venues "$v"
	run "$k: venue rm" cambouis -d w.db venue rm "$v"
}
venue_cases "no venue" 'Nulle part'
venue_cases "abbreviated venue" 'O'
venue_cases "venue in another case" 'oéSIA'
run "the venues" cambouis -d w.db venue list

# Look-alike names are one name (case, normal form, format characters
# aside), and a name never reads as an id.
zoe_nfd=$(printf 'Zoe\314\201')
zoe_zw=$(printf 'Zo\342\200\213\303\251')
run "look-alike: a person" cambouis -d w.db person add 'Zoé' --role learner
run "look-alike: in capitals" cambouis -d w.db person add 'ZOÉ' --role learner
run "look-alike: decomposed" cambouis -d w.db person add "$zoe_nfd" --role learner
run "look-alike: a zero-width space" cambouis -d w.db person add "$zoe_zw" --role learner
run "look-alike: without the accent, another name" cambouis -d w.db person add 'Zoe' --role learner
run "look-alike: the decomposed name finds her" cambouis -d w.db person show "$zoe_nfd"
run "look-alike: renaming into a look-alike" cambouis -d w.db person edit Zoe --name 'ZOÉ'
run "an id as a name" cambouis -d w.db person add 0123456789abcdef0123456789ABCDEF --role learner
run "a venue with an accent" cambouis -d w.db venue add 'Résidence'
run "the same venue in capitals" cambouis -d w.db venue add 'RÉSIDENCE'
run "the venue found in capitals" cambouis -d w.db venue edit 'RÉSIDENCE' --capacity 3
run "the venues now" cambouis -d w.db venue list

cli_finish
