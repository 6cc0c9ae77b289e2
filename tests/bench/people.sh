#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark (make bench, not make check), on the 5-year demo dataset
# (17,000 people, about 33,000 visits):
#  - `cambouis suggest LEARNER --session DATE` for a learner at the busiest
#    held session (median wall time, process start included);
#  - `cambouis person list --format tsv` beside the sqlite3 shell running
#    the same query on the same file (the floor for any program reading it).
# Environment: CAMBOUIS (the binary), RUNS (default 50).
set -u
: "${CAMBOUIS:?set CAMBOUIS to the cambouis binary}"
runs=${RUNS:-50}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
HOME=$tmp XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
CAMBOUIS_NOW=2026-03-01T18:00 TZ=Europe/Paris
export HOME XDG_CONFIG_HOME XDG_DATA_HOME CAMBOUIS_NOW TZ
unset CAMBOUIS_CONFIG CAMBOUIS_DB
db=$tmp/bench.db

s=$(date +%s%N)
"$CAMBOUIS" demo --db "$db" --scale 5y --seed 1 >/dev/null || exit 1
e=$(date +%s%N)
echo "demo --scale 5y: $(( (e - s) / 1000000 )) ms, $(du -m "$db" | cut -f1) MB"
command -v sqlite3 >/dev/null 2>&1 || { echo "sqlite3 shell not installed: skipped"; exit 0; }
sqlite3 -readonly "$db" "SELECT 'people: ' || count(*) FROM people;
  SELECT 'visits: ' || count(*) FROM attendance WHERE deleted = 0;
  SELECT 'ops: ' || count(*) FROM ops;"

# the busiest held session, and its last learner to arrive
session=$(sqlite3 -readonly "$db" "SELECT s.date FROM sessions s JOIN attendance a
  ON a.session = lower(hex(s.id)) WHERE s.status = 1 GROUP BY s.id ORDER BY count(*) DESC, s.date LIMIT 1")
learner=$(sqlite3 -readonly "$db" "SELECT p.name FROM attendance a JOIN people p ON lower(hex(p.id)) = +a.person
  JOIN sessions s ON lower(hex(s.id)) = +a.session WHERE s.date = '$session' AND a.role = 1 AND a.deleted = 0
  ORDER BY a.checkin DESC, p.name LIMIT 1")
present=$(sqlite3 -readonly "$db" "SELECT count(*) FROM attendance a JOIN sessions s ON lower(hex(s.id)) = a.session
  WHERE s.date = '$session' AND a.deleted = 0")
echo "suggest: learner '$learner' at the session of $session ($present people present)"
"$CAMBOUIS" -d "$db" suggest "$learner" --session "$session" --format tsv | head -4

query="SELECT p.name, p.learner, p.mentor, p.organiser, p.category, p.birth_year,
 p.languages, p.attestation, coalesce(v.n, 0), v.last
 FROM people p LEFT JOIN (SELECT a.person AS person, count(*) AS n, max(s.date) AS last
   FROM attendance a JOIN sessions s ON lower(hex(s.id)) = +a.session
   WHERE a.deleted = 0 GROUP BY a.person) v ON v.person = lower(hex(p.id))
 WHERE p.deleted = 0 AND p.name IS NOT NULL;"
printf '%s\n' "$query" > "$tmp/query.sql"
[ "$(sqlite3 -readonly "$db" < "$tmp/query.sql" | wc -l)" -eq \
  "$("$CAMBOUIS" -d "$db" person list --format tsv | tail -n +2 | wc -l)" ] ||
	echo "warning: sqlite3 and cambouis list a different number of people" >&2

median() {
	i=0
	while [ "$i" -lt "$runs" ]; do
		s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
		echo $((e - s)); i=$((i + 1))
	done | sort -n | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] / 1e6 }'
}
if command -v hyperfine >/dev/null 2>&1; then
	hyperfine -N --warmup 3 --runs "$runs" --export-json "$tmp/h.json" \
		"$CAMBOUIS -d $db suggest '$learner' --session $session" \
		"$CAMBOUIS -d $db person list --format tsv" \
		"sqlite3 -readonly $db -init $tmp/query.sql .quit" >/dev/null 2>&1 || exit 1
	set -- $(sed -n 's/.*"median": *\([0-9.eE+-]*\).*/\1/p' "$tmp/h.json" |
		awk '{ printf "%.2f ", $1 * 1000 }')
	sug=$1 ours=$2 lite=$3
else
	sug=$(median "$CAMBOUIS" -d "$db" suggest "$learner" --session "$session")
	ours=$(median "$CAMBOUIS" -d "$db" person list --format tsv)
	lite=$(median sqlite3 -readonly "$db" -init "$tmp/query.sql" .quit)
fi
echo "Median wall time of $runs runs (process start included):"
echo "  suggest                      $sug ms"
echo "  person list --format tsv     $ours ms"
echo "  sqlite3, the same query      $lite ms"
awk -v a="$ours" -v b="$lite" 'BEGIN { if (b > 0) printf "person list / sqlite3: %.2fx\n", a / b }'
exit 0
