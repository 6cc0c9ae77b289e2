# SPDX-License-Identifier: GPL-3.0-or-later
# A database that is missing, read-only, newer, damaged, random bytes or
# another program's SQLite file: the right exit code and a clear message,
# and nothing created or changed.
. "$top_srcdir/tests/cli/lib.sh"
need_sqlite3
cli_setup

for cmd in "venue list" "venue add X" "venue edit X --notes y" "venue rm X" rebuild check; do
	# shellcheck disable=SC2086 # split the command on purpose
	run "missing database: $cmd" cambouis -d none.db $cmd
done
run "missing database in the XDG data directory" cambouis venue list
[ -e none.db ] || [ -e data ] && fail "a command on a missing database created a file"
note "no file was created"
mkdir dir.db
run "a directory is not a database" cambouis -d dir.db check

run "init" cambouis -d w.db init --site-label t
run "add" cambouis -d w.db venue add 'Salle des fêtes' --capacity 80
run "check a good database" cambouis -d w.db check

# Read-only: root ignores file modes, so run as nobody when we are root.
if [ "$(id -u)" = 0 ]; then
	command -v setpriv >/dev/null 2>&1 || { echo "root without setpriv: cannot test read-only files"; exit 77; }
	printf '#!/bin/sh\nexec setpriv --reuid=65534 --regid=65534 --clear-groups "$@"\n' >asuser
	chmod 711 "$cli_tmp" "$cli_tmp/work"
else
	printf '#!/bin/sh\nexec "$@"\n' >asuser
fi
chmod 755 asuser
mkdir ro && cp w.db ro/w.db && chmod 400 ro/w.db && chmod 700 ro
[ "$(id -u)" = 0 ] && chown -R 65534:65534 ro
before=$(op_count ro/w.db)
run "read-only file: venue add" ./asuser "$CAMBOUIS" -d ro/w.db venue add Autre
run "read-only file: venue edit" ./asuser "$CAMBOUIS" -d ro/w.db venue edit 'Salle des fêtes' --capacity 1
run "read-only file: venue rm" ./asuser "$CAMBOUIS" -d ro/w.db venue rm 'Salle des fêtes'
run "read-only file: rebuild" ./asuser "$CAMBOUIS" -d ro/w.db rebuild
run "read-only file: init" ./asuser "$CAMBOUIS" -d ro/w.db init --site-label u
run "read-only file: check still reads it" ./asuser "$CAMBOUIS" -d ro/w.db check
run "read-only file: venue list still reads it" ./asuser "$CAMBOUIS" -d ro/w.db venue list --format tsv
[ "$before" = "$(op_count ro/w.db)" ] || fail "a refused write changed the read-only file"
note "the read-only file is unchanged"

cp w.db new.db && sqlite3 new.db 'PRAGMA user_version = 999' >/dev/null
CLI_SED='s/this build knows [0-9]*/this build knows N/'
run "database from a newer cambouis" cambouis -d new.db venue list
run "database from a newer cambouis: check" cambouis -d new.db check
unset CLI_SED
sqlite3 other.db 'CREATE TABLE notes(x); INSERT INTO notes VALUES (1)'
cp other.db other.orig
run "another program's SQLite file: check" cambouis -d other.db check
run "another program's SQLite file: list" cambouis -d other.db venue list
run "another program's SQLite file: add" cambouis -d other.db venue add X
run "another program's SQLite file: init" cambouis -d other.db init --site-label t
cmp -s other.db other.orig || fail "cambouis changed another program's file"
note "the other program's file is unchanged"

LC_ALL=C awk 'BEGIN { srand(7); for (i = 0; i < 8192; i++) printf "%c", 1 + int(rand() * 255) }' >random.db
cp random.db random.orig
: >empty.db
run "empty file: check" cambouis -d empty.db check
run "random bytes: check" cambouis -d random.db check
run "random bytes: list" cambouis -d random.db venue list
run "random bytes: add" cambouis -d random.db venue add X
cmp -s random.db random.orig || fail "cambouis changed the random file"
note "the random file is unchanged"
echo 'name,address' >text.db
run "a text file: check" cambouis -d text.db check

# Zero two b-tree pages in the middle of a real database.
run "demo database to damage" cambouis demo --db bad.db --seed 3
dd if=/dev/zero of=bad.db bs=4096 seek=5 count=2 conv=notrunc 2>/dev/null || exit 99
# which pages SQLite names depends on the layout: keep the words
CLI_SED='s/Page [0-9]*:/Page N:/'
run "damaged file: check" cambouis -d bad.db check
unset CLI_SED
head -c 10000 w.db >cut.db
run "truncated file: check" cambouis -d cut.db check

cli_finish
