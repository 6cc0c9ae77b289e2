#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The key storm: seeded random keys typed into the headless screens
# (CAMBOUIS_SCRIPT) over every database state. Each run visits every
# screen, then types STORM_KEYS keys (printable and non-ASCII characters,
# digits, named keys, Ctrl letters, F-keys, escape sequences arriving split,
# resizes down to 20x5 and back; tests/ui/storm-keys.c) and dumps the
# screen. A run fails when the program dies on a signal, a sanitizer
# reports anything, it exits non-zero once the script is over, or it never
# reaches the script's end. The states, one per run in turn:
#   none         no database file yet
#   init         `cambouis init` only
#   demo-on      the demo on one of its session days
#   demo-off     the demo on a day without a session
#   demo-ended   the demo a year after its last session
#   crafted      an empty database filled by importing crafted bundles
#                (tests/ui/storm-bundles.c), keeping those accepted
#   5y           five years of a workshop (demo --scale 5y, made while the
#                other states run)
# Environment: STORM_SEED (default: from the clock; always printed),
# STORM_SECONDS (default 50: runs start until then, each state once at
# least), STORM_KEYS (keys per run, default 400), STORM_RUNS (at most).
# A failure prints the seed, the run, the state and the script, and keeps
# them with the database under tests/ui/storm-failures/ in the build tree.
set -u
: "${top_builddir:?}" "${CAMBOUIS:?}"
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
keys_tool=$top_builddir/tests/ui/storm-keys
bundles_tool=$top_builddir/tests/ui/storm-bundles
seed=${STORM_SEED:-$(( $(date +%s) % 1000000 + $$ ))}
budget=${STORM_SECONDS:-50}
nkeys=${STORM_KEYS:-400}
maxruns=${STORM_RUNS:-1000000}
keep=$top_builddir/tests/ui/storm-failures

tmp=$(mktemp -d) || exit 99
bgpid=
# the 5y maker, when still running, ends with the test
trap '[ -n "$bgpid" ] && kill "$bgpid" 2>/dev/null && [ -f "$s/5y.pid" ] && kill "$(cat "$s/5y.pid")" 2>/dev/null
	wait; rm -rf "$tmp"' EXIT
export TZ=Europe/Paris LC_ALL=C.UTF-8 LANG=C.UTF-8 EDITOR=true VISUAL=true
unset CAMBOUIS_DB CAMBOUIS_CONFIG CAMBOUIS_NOW NO_COLOR CAMBOUIS_SCREEN
day_on=2026-03-04T17:00    # a session day of the demo made then
day_off=2026-03-01T18:00   # no session that day
day_after=2027-06-01T18:00 # the demo made on day_off ended in June 2026
crafted_day=2026-03-04
s=$tmp/states
mkdir -p "$s" "$tmp/home" || exit 99
echo "storm: seed $seed ($nkeys keys a run, ${budget} s)"

# cambouis with a pinned clock and a home of its own
cb() { now=$1; shift; HOME=$tmp/home XDG_DATA_HOME=$tmp/home/data XDG_CONFIG_HOME=$tmp/home/config \
	CAMBOUIS_NOW=$now "$CAMBOUIS" "$@"; }

# the states, built once and copied for each run; 5y meanwhile
(env HOME="$tmp/home" CAMBOUIS_NOW=$day_on "$CAMBOUIS" demo --scale 5y --db "$s/5y.db" \
	>"$s/5y.out" 2>&1 & echo $! >"$s/5y.pid"; wait $! && : >"$s/5y.ready") &
bgpid=$!
cb "$day_on" -d "$s/init.db" init --site-label storm >/dev/null &&
cb "$day_on" demo --db "$s/demo-on.db" >/dev/null &&
cb "$day_off" demo --db "$s/demo-off.db" >/dev/null &&
cb "$crafted_day"T18:00 -d "$s/crafted.db" init --site-label storm >/dev/null ||
	{ echo "storm: cannot build the database states"; exit 99; }
mkdir "$tmp/bundles" && "$bundles_tool" "$tmp/bundles" "$crafted_day" "$seed" ||
	{ echo "storm: cannot write the crafted bundles"; exit 99; }
# through sync, as from a shared folder: a refused bundle is left aside
cb "$crafted_day"T18:00 -d "$s/crafted.db" sync "$tmp/bundles" >"$tmp/import.out" 2>&1
rc=$?
accepted=$(grep -c "new change" "$tmp/import.out")
refused=$(grep -c "^cambouis: " "$tmp/import.out")
echo "storm: crafted bundles: $accepted accepted, $refused refused (sync exit $rc)"
if { [ $rc -ne 0 ] && [ $rc -ne 6 ]; } || [ "$accepted" -eq 0 ]; then
	echo "storm: the crafted bundles were not imported:"; cat "$tmp/import.out"; exit 1
fi

states="none init demo-on demo-off demo-ended crafted 5y"
nstates=7
# run N's state: its name, database and clock
pick() {
	i=$(($1 % nstates)) j=0
	for st in $states; do
		[ $j -eq $i ] && break
		j=$((j + 1))
	done
	case $st in
	none) db= now=$day_on ;;
	init) db=init.db now=$day_on ;;
	demo-on) db=demo-on.db now=$day_on ;;
	demo-off) db=demo-off.db now=$day_off ;;
	demo-ended) db=demo-off.db now=$day_after ;;
	crafted) db=crafted.db now=${crafted_day}T18:00 ;;
	5y) db=5y.db now=$day_on ;;
	esac
}

if command -v timeout >/dev/null 2>&1; then limit="timeout 120"; else limit=; fi
start=$(date +%s)
runs=0 fails=0 keys=0 r=0 deferred=
# run R: 0 when it passed
run() {
	r=$1
	pick "$r"
	w=$tmp/run
	rm -rf "$w" && mkdir -p "$w/home" || exit 99
	if [ -n "$db" ]; then
		cp "$s/$db" "$w/cambouis.db" || exit 99
		dbarg="-d $w/cambouis.db"
	else
		dbarg=
	fi
	# a shared folder for "sync now", holding the crafted bundles (not for
	# 5y: exporting five years takes seconds a time)
	if [ "$st" != 5y ]; then
		mkdir -p "$w/home/config/cambouis" "$w/sync/crafted" &&
			cp "$tmp"/bundles/*.cambouis "$w/sync/crafted/" &&
			printf 'sync_dir = "%s";\n' "$w/sync" >"$w/home/config/cambouis/config" || exit 99
	fi
	"$keys_tool" "$seed" "$r" "$nkeys" "$w/screen.txt" >"$w/script" || exit 99
	t0=$(date +%s)
	# shellcheck disable=SC2086
	(cd "$w" && HOME=$w/home XDG_DATA_HOME=$w/home/data XDG_CONFIG_HOME=$w/home/config \
		CAMBOUIS_NOW=$now CAMBOUIS_SCREEN=80x24 CAMBOUIS_SCRIPT=$w/script \
		$limit "$CAMBOUIS" $dbarg) >"$w/out" 2>"$w/err"
	rc=$?
	echo "$st $(($(date +%s) - t0))" >>"$tmp/per-state"
	runs=$((runs + 1))
	keys=$((keys + nkeys))
	why=
	if [ $rc -eq 124 ]; then
		why="did not finish in 120 s"
	elif [ $rc -gt 128 ]; then
		why="died on signal $((rc - 128))"
	elif grep -q "Sanitizer\|runtime error:" "$w/err"; then
		why="a sanitizer report (exit $rc)"
	elif [ $rc -ne 0 ]; then
		why="exit $rc after the script"
	elif [ ! -s "$w/screen.txt" ]; then
		why="never reached the end of the script"
	fi
	[ -z "$why" ] && return 0
	fails=$((fails + 1))
	echo "FAIL storm: seed $seed run $r, state $st (CAMBOUIS_NOW=$now): $why"
	k=$keep/$seed-$r
	rm -rf "$k" && mkdir -p "$k/config/cambouis" && cp "$w/err" "$k/" &&
		sed 's|^:dump .*|:dump screen.txt|' "$w/script" >"$k/script" &&
		{ [ -z "$db" ] || cp "$s/$db" "$k/state.db"; } &&
		{ [ ! -d "$w/sync" ] || { cp -R "$w/sync" "$k/sync" && printf 'sync_dir = "%s";\n' \
			"$k/sync" >"$k/config/cambouis/config"; }; } ||
		echo "  (could not keep everything in $k)"
	echo "  kept in $k: script, err, state.db (the database before the run), sync, config"
	echo "  again: cd $k && rm -rf data && HOME=\$PWD XDG_DATA_HOME=\$PWD/data XDG_CONFIG_HOME=\$PWD/config \\"
	echo "         CAMBOUIS_NOW=$now CAMBOUIS_SCREEN=80x24 CAMBOUIS_SCRIPT=script TZ=$TZ LC_ALL=$LC_ALL \\"
	echo "         $CAMBOUIS${db:+ -d state.db}   (a copy of state.db: the run writes)"
	echo "--- stderr, last lines:"
	tail -n 30 "$w/err"
	echo "--- script:"
	cat "$w/script"
	return 1
}

while [ $r -lt "$maxruns" ]; do
	elapsed=$(($(date +%s) - start))
	[ $r -ge $nstates ] && [ "$elapsed" -ge "$budget" ] && break
	[ $fails -ge 3 ] && break
	pick "$r"
	if [ "$st" = 5y ] && [ ! -e "$s/5y.ready" ] && kill -0 "$bgpid" 2>/dev/null; then
		deferred="$deferred $r" # its turn comes when the database is made
	else
		[ "$st" = 5y ] && [ ! -e "$s/5y.ready" ] &&
			{ echo "storm: demo --scale 5y failed:"; cat "$s/5y.out"; exit 1; }
		run "$r"
	fi
	r=$((r + 1))
done
if [ -n "$deferred" ] && [ $fails -lt 3 ]; then
	wait "$bgpid"
	[ -e "$s/5y.ready" ] || { echo "storm: demo --scale 5y failed:"; cat "$s/5y.out"; exit 1; }
	for d in $deferred; do
		run "$d"
		[ $fails -ge 3 ] && break
		# past the budget, one 5y run is enough
		[ $(($(date +%s) - start)) -ge "$budget" ] && break
	done
fi
elapsed=$(($(date +%s) - start))
# runs and seconds per state
[ -s "$tmp/per-state" ] && echo "storm: $(awk '{ n[$1]++; t[$1] += $2 } END {
	for (k in n) { printf "%s%s %d runs %d s", sep, k, n[k], t[k]; sep = ", " } }' "$tmp/per-state")"
echo "storm: seed $seed: $runs runs, $keys keys over $nstates states ($states) in ${elapsed} s: $fails failed"
[ $fails -eq 0 ]
