#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The iCalendar export of the 5-year demo must parse with a standard
# iCalendar library and import cleanly into real calendar programs, and a
# second export must carry the same UIDs. Each tool that is installed is
# used (python3-icalendar, calcurse, khal); with none of them, skip (77).
set -u
: "${CAMBOUIS:?}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
HOME=$tmp XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data CAMBOUIS_NOW=2026-03-01T18:00
export HOME XDG_CONFIG_HOME XDG_DATA_HOME CAMBOUIS_NOW
unset CAMBOUIS_CONFIG
db=$tmp/demo.db
fail() { echo "FAIL: $*" >&2; exit 1; }

"$CAMBOUIS" demo --db "$db" --scale 5y --seed 4 >/dev/null || fail "demo"
"$CAMBOUIS" -d "$db" ical "$tmp/one.ics" || fail "ical FILE"
"$CAMBOUIS" -d "$db" ical - > "$tmp/two.ics" || fail "ical -"
cmp -s "$tmp/one.ics" "$tmp/two.ics" || fail "two exports of the same data differ"
sessions=$("$CAMBOUIS" -d "$db" agenda --from 1900-01-01 --to 2100-12-31 --format tsv | tail -n +2 | wc -l)
[ "$sessions" -gt 100 ] || fail "only $sessions sessions in the demo"
# every line ends in CRLF and holds at most 75 octets
LC_ALL=C awk 'BEGIN { bad = 0 } !/\r$/ || length($0) > 76 { bad++ } END { exit bad }' "$tmp/one.ics" ||
	fail "a line without CRLF or longer than 75 octets"

# a change moves only the changed session's SEQUENCE, never a UID
"$CAMBOUIS" -d "$db" session cancel "$("$CAMBOUIS" -d "$db" agenda --format tsv | sed -n 2p | cut -f1)" \
	--reason test || fail "cancel"
"$CAMBOUIS" -d "$db" ical "$tmp/three.ics" || fail "ical after a change"
grep '^UID:' "$tmp/one.ics" > "$tmp/uids1"
grep '^UID:' "$tmp/three.ics" > "$tmp/uids3"
cmp -s "$tmp/uids1" "$tmp/uids3" || fail "UIDs changed across exports"
[ "$(sort -u "$tmp/uids1" | wc -l)" -eq "$sessions" ] || fail "UIDs are not one per session"
[ "$(diff "$tmp/one.ics" "$tmp/three.ics" | grep -c '^> SEQUENCE:')" -eq 1 ] ||
	fail "one cancellation must bump one SEQUENCE"
cancelled=$(grep -c '^STATUS:CANCELLED' "$tmp/three.ics")
[ "$cancelled" -ge 1 ] || fail "no cancelled session in the export"

tools=0
for py in python3 /usr/bin/python3; do
	if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import icalendar' 2>/dev/null; then
		tools=$((tools + 1))
		"$py" - "$tmp/three.ics" "$sessions" <<'PY' || fail "python3-icalendar"
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
events = list(cal.walk('VEVENT'))
assert len(events) == int(sys.argv[2]), (len(events), sys.argv[2])
assert len(list(cal.walk('VTIMEZONE'))) == 1
uids = set()
cancelled = 0
for e in events:
    uids.add(str(e['UID']))
    start, end = e['DTSTART'].dt, e['DTEND'].dt
    assert start.tzinfo is not None and end > start, e
    assert e['DTSTART'].params['TZID'] == 'Europe/Paris'
    # wall times survive the daylight-saving changes
    assert start.strftime('%H:%M') in ('17:30', '18:00'), start
    cancelled += str(e['STATUS']) == 'CANCELLED'
    # the title says it too (calcurse ignores STATUS)
    assert (str(e['STATUS']) == 'CANCELLED') == str(e['SUMMARY']).startswith('Cancelled — '), e
    for key in ('DTSTAMP', 'SEQUENCE', 'SUMMARY', 'LOCATION'):
        assert key in e, key
assert len(uids) == len(events)
assert cancelled >= 1
PY
		break
	fi
done

if command -v calcurse >/dev/null 2>&1; then
	tools=$((tools + 1))
	mkdir -p "$tmp/calcurse"
	out=$(calcurse -D "$tmp/calcurse" -C "$tmp/calcurse" -i "$tmp/three.ics" 2>&1) || fail "calcurse: $out"
	echo "$out" | grep -q "^$sessions apps / 0 events / 0 todos / 0 skipped" ||
		fail "calcurse import: $out"
	# calcurse ignores STATUS:CANCELLED: a cancelled session says so in its title
	n=$(grep -c '|Cancelled — ' "$tmp/calcurse/apts")
	[ "$n" -eq "$cancelled" ] || fail "calcurse shows $n cancelled sessions, not $cancelled"
fi

if command -v khal >/dev/null 2>&1; then
	tools=$((tools + 1))
	mkdir -p "$tmp/khal/cal"
	cat > "$tmp/khal/config" <<EOF2
[calendars]
[[atelier]]
path = $tmp/khal/cal
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Europe/Paris
default_timezone = Europe/Paris
EOF2
	khal -c "$tmp/khal/config" import --batch -a atelier "$tmp/three.ics" >"$tmp/khal.out" 2>&1 ||
		fail "khal import: $(cat "$tmp/khal.out")"
	[ "$(ls "$tmp/khal/cal" | wc -l)" -eq "$sessions" ] || fail "khal did not keep every event"
	khal -c "$tmp/khal/config" list 2026-03-01 14d 2>&1 | grep -q '17:30-20:00' ||
		fail "khal does not show the next session at 17:30"
fi

if [ "$tools" -eq 0 ]; then
	echo "SKIP: none of python3-icalendar, calcurse, khal is installed"
	exit 77
fi
exit 0
