#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Golden CLI transcripts (usage: golden.sh DIR SCENARIO, DIR under tests/cli):
# run each line of DIR/SCENARIO.cmds as the arguments of one cambouis
# command (on a fresh database, clock pinned, DIR/test.conf as the config),
# record "$ args", the output and the exit status, and compare the
# transcript with SCENARIO.expected. Session and series ids are random, so
# 32-digit hex ids become <id>. UPDATE_EXPECTED=1 (as for the other CLI
# tests; `make regen-cli` sets it) or CAMBOUIS_GOLDEN_UPDATE=1 rewrites the
# expected file instead (review the diff before committing it).
set -u
here=${top_srcdir:?}/tests/cli/$1
scenario=$2
: "${CAMBOUIS:?}"

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
HOME=$tmp XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
CAMBOUIS_NOW=2026-03-01T18:00
CAMBOUIS_DB=$tmp/test.db
CAMBOUIS_CONFIG=$here/test.conf
export HOME XDG_CONFIG_HOME XDG_DATA_HOME CAMBOUIS_NOW CAMBOUIS_DB CAMBOUIS_CONFIG

cd "$tmp" || exit 99
while IFS= read -r line; do
	case $line in
	''|'#'*) continue ;;
	esac
	printf '$ %s\n' "$line"
	eval "set -- $line"
	"$CAMBOUIS" "$@" 2>&1
	echo "[exit $?]"
done < "$here/$scenario.cmds" | sed -E -e 's/[0-9a-f]{32}/<id>/g' -e "s|$tmp|<tmp>|g" \
	> "$tmp/transcript"

if [ "${UPDATE_EXPECTED:-}" = 1 ] || [ "${CAMBOUIS_GOLDEN_UPDATE:-}" = 1 ]; then
	cp "$tmp/transcript" "$here/$scenario.expected"
	exit 0
fi
diff -u "$here/$scenario.expected" "$tmp/transcript"
