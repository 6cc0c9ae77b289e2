#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The event's goal (issue 5): checking in a known learner and pairing them
# with the top suggestion takes at most 6 keystrokes from Tonight. Count
# the keys the tonight-pair scenario types between "# keys-begin" and
# "# keys-end" (a named key such as <Enter> is one keystroke), and check
# that the screen dumped right after shows the pair (scenarios.sh checks
# that this screen is what the program draws).
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
keys=$top_srcdir/tests/ui/scripts/tonight-pair.keys
max=6
n=$(sed -n '/^# keys-begin/,/^# keys-end/p' "$keys" | grep -v '^#' | grep -v '^:' |
	sed 's/<[^>]*>/K/g' | tr -d '\n' | wc -m) || exit 99
dump=$(sed -n '/^# keys-end/,$p' "$keys" | sed -n 's/^:dump //p' | head -1)
echo "check-in + pair with the top suggestion: $n keystrokes (at most $max)"
[ "$n" -ge 1 ] || { echo "FAIL: no keys counted"; exit 1; }
[ "$n" -le "$max" ] || { echo "FAIL: $n keystrokes, more than $max"; exit 1; }
grep -q "Bilal Z\. *learner *Nathan F\." "$top_srcdir/tests/ui/expected/$dump" || {
	echo "FAIL: $dump does not show Bilal Z. paired with Nathan F."; exit 1; }
grep -q "Pairs 1 · Unpaired 0" "$top_srcdir/tests/ui/expected/$dump" || {
	echo "FAIL: $dump does not count the pair"; exit 1; }

# A newcomer at the door (issue 15), in French at 80x24: "i", a name nobody
# has, Enter for the short form (the name filled in, learner), the category
# by its first letter, Tab, the birth year, Enter to add and check them in
# (one action), Enter to pair them with the suggested mentor. It is 14.
keys=$top_srcdir/tests/ui/scripts/newcomer-fr.keys
max=14
n=$(sed -n '/^# keys-begin/,/^# keys-end/p' "$keys" | grep -v '^#' | grep -v '^:' |
	sed 's/<[^>]*>/K/g' | tr -d '\n' | wc -m) || exit 99
dump=$(sed -n '/^# keys-end/,$p' "$keys" | sed -n 's/^:dump //p' | head -1)
echo "a newcomer's arrival and first pair, in French: $n keystrokes (at most $max)"
[ "$n" -ge 1 ] || { echo "FAIL: no keys counted"; exit 1; }
[ "$n" -le "$max" ] || { echo "FAIL: $n keystrokes, more than $max"; exit 1; }
grep -q "Noor *apprenant *Nathan F\." "$top_srcdir/tests/ui/expected/$dump" || {
	echo "FAIL: $dump does not show Noor paired with Nathan F."; exit 1; }
grep -q "Binômes 1 · Sans binôme 0" "$top_srcdir/tests/ui/expected/$dump" || {
	echo "FAIL: $dump does not count the pair"; exit 1; }
exit 0
