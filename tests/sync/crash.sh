#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# kill -9 during a large import, at random moments: the database must pass
# 'cambouis check', and importing again must reach the same state as an
# import that was never interrupted. CRASH_RUNS and CRASH_OPS make it
# longer (make soak-sync).
set -u
: "${top_builddir:?}" "${CAMBOUIS:?}"
runs=${CRASH_RUNS:-5}
ops=${CRASH_OPS:-60000}
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
HOME=$tmp; CAMBOUIS_CONFIG=/dev/null; export HOME CAMBOUIS_CONFIG
tool=$top_builddir/tests/sync/synctool
fail=0
bad() { echo "FAIL: $*"; fail=1; }
ms() { date +%s%3N; }

"$tool" fill "$tmp/src.db" "$ops" origin || exit 99
"$CAMBOUIS" -d "$tmp/src.db" export "$tmp/big.cambouis" >/dev/null || exit 99
"$CAMBOUIS" -d "$tmp/base.db" init --site-label target >/dev/null || exit 99
"$CAMBOUIS" -d "$tmp/base.db" venue add "Gymnase du Morier" >/dev/null || exit 99

# the reference: an import nobody interrupts (and how long it takes)
cp "$tmp/base.db" "$tmp/ref.db"
t0=$(ms)
"$CAMBOUIS" -d "$tmp/ref.db" import "$tmp/big.cambouis" >/dev/null || exit 99
t1=$(ms)
span=$((t1 - t0))
[ $span -gt 0 ] || span=1
"$tool" dump "$tmp/ref.db" > "$tmp/ref.txt" || exit 99

seed=${CRASH_SEED:-$$}
echo "crash test: $runs runs, $ops ops, import takes ${span} ms, seed $seed"
i=0
while [ $i -lt "$runs" ]; do
	i=$((i + 1))
	rm -f "$tmp/t.db" "$tmp/t.db-wal" "$tmp/t.db-shm"
	cp "$tmp/base.db" "$tmp/t.db"
	# a moment within the import, spread over the whole of it
	at=$(awk -v s="$seed" -v i="$i" -v span="$span" \
		'BEGIN { srand(s + i); printf "%.3f", (rand() * span * 1.1) / 1000 }')
	"$CAMBOUIS" -d "$tmp/t.db" import "$tmp/big.cambouis" >/dev/null 2>&1 &
	pid=$!
	sleep "$at"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	out=$("$CAMBOUIS" -d "$tmp/t.db" check 2>&1) || bad "run $i (kill at ${at}s): check: $out"
	"$CAMBOUIS" -d "$tmp/t.db" import "$tmp/big.cambouis" >/dev/null 2>&1 ||
		bad "run $i: re-import failed"
	"$tool" dump "$tmp/t.db" > "$tmp/t.txt" || bad "run $i: dump failed"
	cmp -s "$tmp/t.txt" "$tmp/ref.txt" || bad "run $i (kill at ${at}s): state differs from an uninterrupted import"
done
exit $fail
