#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark (make bench, not make check): `cambouis agenda --days 14` on the
# 5-year demo dataset, beside the limit (the sqlite3 shell running the same
# query on the same file) and a peer (calcurse -r14 on a calendar holding
# the same events, imported from our own iCalendar export). Reports the
# median wall time of each. A missing peer is skipped, not faked.
# Environment: CAMBOUIS (the binary), RUNS (default 200).
set -u
: "${CAMBOUIS:?set CAMBOUIS to the cambouis binary}"
runs=${RUNS:-200}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
HOME=$tmp XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
CAMBOUIS_NOW=2026-03-01T18:00 TZ=Europe/Paris
export HOME XDG_CONFIG_HOME XDG_DATA_HOME CAMBOUIS_NOW TZ
unset CAMBOUIS_CONFIG CAMBOUIS_DB
db=$tmp/bench.db

"$CAMBOUIS" demo --db "$db" --scale 5y --seed 1 >/dev/null || exit 1
sessions=$("$CAMBOUIS" -d "$db" agenda --from 1900-01-01 --to 2100-12-31 --format tsv | tail -n +2 | wc -l)
"$CAMBOUIS" -d "$db" agenda --days 14 --format tsv > "$tmp/ours.tsv" || exit 1

# The same question, asked of SQLite directly: the floor for any program
# that reads this file.
query="SELECT s.date, s.starts, s.ends, coalesce(v.name, ''),
  CASE s.status WHEN 1 THEN 'held' WHEN 2 THEN 'cancelled' ELSE 'planned' END
  FROM sessions s LEFT JOIN venues v ON lower(hex(v.id)) = s.venue
  WHERE s.deleted = 0 AND s.date >= '2026-03-01' AND s.date <= '2026-03-14'
  ORDER BY s.date, s.starts, s.id;"
have_sqlite=false
if command -v sqlite3 >/dev/null 2>&1; then
	have_sqlite=true
	sqlite3 -readonly -separator '	' "$db" "$query" > "$tmp/sqlite.tsv"
	tail -n +2 "$tmp/ours.tsv" | cmp -s - "$tmp/sqlite.tsv" ||
		echo "warning: sqlite3's answer differs from cambouis agenda's" >&2
fi

have_calcurse=false
if command -v calcurse >/dev/null 2>&1; then
	have_calcurse=true
	mkdir -p "$tmp/calcurse"
	"$CAMBOUIS" -d "$db" ical "$tmp/all.ics" || exit 1
	calcurse -D "$tmp/calcurse" -C "$tmp/calcurse" -q -i "$tmp/all.ics" >/dev/null 2>&1 || exit 1
	events=$(wc -l < "$tmp/calcurse/apts")
fi

echo "Dataset: 5-year demo, $sessions sessions; window 2026-03-01 + 14 days ($(($(wc -l < "$tmp/ours.tsv") - 1)) sessions)."
[ "$have_calcurse" = true ] && echo "calcurse calendar: $events appointments."

if command -v hyperfine >/dev/null 2>&1; then
	set -- "$CAMBOUIS -d $db agenda --days 14"
	names="cambouis"
	if [ "$have_sqlite" = true ]; then
		printf '%s\n' "$query" > "$tmp/query.sql"
		set -- "$@" "sqlite3 -readonly -separator '	' $db -init $tmp/query.sql .quit"
		names="$names sqlite3"
	fi
	if [ "$have_calcurse" = true ]; then
		set -- "$@" "calcurse -D $tmp/calcurse -C $tmp/calcurse -s03/01/2026 -r14"
		names="$names calcurse"
	fi
	hyperfine -N --warmup 20 --runs "$runs" --export-json "$tmp/h.json" "$@" >/dev/null 2>&1 ||
		hyperfine --warmup 20 --runs "$runs" --export-json "$tmp/h.json" "$@" >/dev/null || exit 1
	# medians, in the order given
	sed -n 's/.*"median": *\([0-9.eE+-]*\).*/\1/p' "$tmp/h.json" > "$tmp/medians"
else
	# no hyperfine: time the runs ourselves (fork+exec costs included)
	: > "$tmp/medians"
	names="cambouis"
	measure() {
		i=0
		while [ "$i" -lt "$runs" ]; do
			s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
			echo $(((e - s))); i=$((i + 1))
		done | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] / 1e9 }' >> "$tmp/medians"
	}
	measure "$CAMBOUIS" -d "$db" agenda --days 14
	if [ "$have_sqlite" = true ]; then
		names="$names sqlite3"
		measure sqlite3 -readonly "$db" "$query"
	fi
	if [ "$have_calcurse" = true ]; then
		names="$names calcurse"
		measure calcurse -D "$tmp/calcurse" -C "$tmp/calcurse" -s03/01/2026 -r14
	fi
fi

echo "Median wall time of $runs runs:"
i=1
for n in $names; do
	m=$(sed -n "${i}p" "$tmp/medians")
	awk -v n="$n" -v m="$m" 'BEGIN { printf "  %-10s %8.2f ms\n", n, m * 1000 }'
	i=$((i + 1))
done
awk 'NR == 1 { ours = $1 } NR == 2 { limit = $1 }
     END { if (limit > 0) printf "cambouis / sqlite3: %.2fx (goal: within 2x)\n", ours / limit }' "$tmp/medians"
# Instructions, counted by callgrind: the same on a quiet or a busy machine,
# so this comparison holds where the wall times above are noisy.
if command -v valgrind >/dev/null 2>&1; then
	count() {
		valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" \
			>/dev/null 2>"$tmp/cg.err" || return 1
		sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$tmp/cg.err"
	}
	echo "Instructions for one run (callgrind, start-up included):"
	printf '  %-10s %10s\n' cambouis "$(count "$CAMBOUIS" -d "$db" agenda --days 14)"
	[ "$have_sqlite" = true ] &&
		printf '  %-10s %10s\n' sqlite3 "$(count sqlite3 -readonly "$db" "$query")"
	[ "$have_calcurse" = true ] &&
		printf '  %-10s %10s\n' calcurse "$(count calcurse -D "$tmp/calcurse" -C "$tmp/calcurse" -s03/01/2026 -r14)"
fi
[ "$have_sqlite" = true ] || echo "sqlite3 shell not installed: no limit to compare with"
[ "$have_calcurse" = true ] || echo "calcurse not installed: no peer to compare with"
exit 0
