#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Headless UI scenarios: each tests/ui/scripts/NAME.keys runs on a fresh
# home directory (pinned clock, time zone and screen size) and every
# ":dump NAME-N.txt" it makes must equal tests/ui/expected/NAME-N.txt.
# Header lines in a script: "# args: --demo", "# env: LC_ALL=fr_FR.UTF-8".
# A shell script scripts/NAME.setup, if present, runs first in that home.
# UPDATE_EXPECTED=1 rewrites the expected files (check the diff!).
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${CAMBOUIS:=$top_srcdir/src/cambouis}"
dir=$top_srcdir/tests/ui
only=${1:-}
fail=0
count=0
for keys in "$dir"/scripts/*.keys; do
	name=$(basename "$keys" .keys)
	[ -n "$only" ] && [ "$only" != "$name" ] && continue
	tmp=$(mktemp -d) || exit 99
	args=$(sed -n 's/^# args: //p' "$keys")
	envs=$(sed -n 's/^# env: //p' "$keys")
	# scripts/NAME.setup, when there is one, prepares the home directory
	# (databases, a config file) with the same environment
	setup=$dir/scripts/$name.setup
	if [ -e "$setup" ] && ! (cd "$tmp" && env HOME="$tmp" XDG_DATA_HOME="$tmp/data" \
		XDG_CONFIG_HOME="$tmp/config" TZ=Europe/Paris CAMBOUIS_NOW=2026-03-01T18:00 \
		CAMBOUIS="$CAMBOUIS" sh "$setup") >"$tmp/setup.out" 2>&1; then
		echo "FAIL $name: setup failed:"; cat "$tmp/setup.out"; fail=1; rm -rf "$tmp"; continue
	fi
	# shellcheck disable=SC2086
	(cd "$tmp" && env HOME="$tmp" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
		TZ=Europe/Paris CAMBOUIS_NOW=2026-03-01T18:00 CAMBOUIS_SCREEN=80x24 \
		CAMBOUIS_SCRIPT="$keys" $envs "$CAMBOUIS" $args) >"$tmp/output" 2>&1
	rc=$?
	if [ $rc -ne 0 ]; then
		echo "FAIL $name: exit $rc"; cat "$tmp/output"; fail=1
	fi
	for got in "$tmp/$name"-*.txt; do
		[ -e "$got" ] || { echo "FAIL $name: no screen dumped"; fail=1; break; }
		want=$dir/expected/$(basename "$got")
		count=$((count + 1))
		if [ "${UPDATE_EXPECTED:-}" = 1 ]; then
			cp "$got" "$want"
		elif ! cmp -s "$got" "$want"; then
			echo "FAIL $name: $(basename "$got") differs:"
			diff -u "$want" "$got" | head -40
			fail=1
		fi
	done
	for want in "$dir/expected/$name"-*.txt; do
		[ -e "$want" ] || continue
		[ -e "$tmp/$(basename "$want")" ] || { echo "FAIL $name: $(basename "$want") not dumped"; fail=1; }
	done
	rm -rf "$tmp"
done
echo "$count screens compared"
exit $fail
