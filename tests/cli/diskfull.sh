#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A write that runs out of room (here a file-size limit, as a full disk
# would) fails with a clear error and a non-zero exit, and loses nothing:
# the transaction rolls back whole, the file passes `cambouis check`, and
# the same command succeeds once there is room again.
set -u
: "${CAMBOUIS:?}"
command -v sqlite3 >/dev/null 2>&1 || { echo "sqlite3 missing: skipped"; exit 77; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 99
HOME=$tmp XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config CAMBOUIS_NOW=2026-03-01T18:00
export HOME XDG_DATA_HOME XDG_CONFIG_HOME CAMBOUIS_NOW
fail() { echo "FAIL: $*"; exit 1; }

"$CAMBOUIS" -d a.db init --site-label t >/dev/null || fail "init"
"$CAMBOUIS" -d a.db venue add "Halle" >/dev/null || fail "venue add"
before=$(sqlite3 a.db 'SELECT count(*) FROM ops')

# the file may not grow past its size now plus 64 KiB (blocks of 512 bytes
# or 1 KiB, as the shell counts them): 500 sessions do not fit
limit=$(( $(wc -c < a.db) / 512 + 128 ))
series="series add --first 2026-01-07 --venues Halle --count 500"
# shellcheck disable=SC2086 # split on purpose
(trap '' XFSZ; ulimit -f "$limit"; "$CAMBOUIS" -d a.db $series >out 2>err)
rc=$?
[ "$rc" -ne 0 ] || fail "500 sessions fitted: the test proves nothing"
[ "$rc" -eq 1 ] || fail "exit $rc, expected 1"
# a full disk says so (SQLITE_FULL); a file-size limit is an I/O error
grep -Eq '^cambouis: (.*: )?(the disk is full|input/output error)' err ||
	fail "no clear error line: $(cat err)"
echo "refused as expected: $(cat err)"

"$CAMBOUIS" -d a.db check >/dev/null || fail "the database does not pass check after the failed write"
after=$(sqlite3 a.db 'SELECT count(*) FROM ops')
[ "$before" = "$after" ] || fail "ops went from $before to $after: the failed write was not rolled back whole"
"$CAMBOUIS" -d a.db venue list --format tsv | grep -q '^Halle	' || fail "the venue written before is gone"

# room again: the same command works
# shellcheck disable=SC2086
"$CAMBOUIS" -d a.db $series >/dev/null || fail "the series fails with room to spare"
"$CAMBOUIS" -d a.db check >/dev/null || fail "check after the series"
echo "ok: nothing lost, then the write succeeds"
