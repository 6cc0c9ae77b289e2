#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# backup and restore. Backups taken while another process writes are each
# a consistent state (check passes, the venues written so far and no other,
# rebuild changes nothing) and one taken after the writes equals the
# database; a backup is 0600 and leaves no temporary file. restore checks
# the file first (not SQLite, another application, a newer schema, empty),
# refuses while another program has the database open, keeps the replaced
# database aside and puts the backup in place; writes work after it.
set -u
: "${top_builddir:?}" "${CAMBOUIS:?}"
command -v sqlite3 >/dev/null 2>&1 || { echo "sqlite3 missing"; exit 77; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
HOME=$tmp; CAMBOUIS_CONFIG=/dev/null; CAMBOUIS_NOW=2026-03-01T18:00
export HOME CAMBOUIS_CONFIG CAMBOUIS_NOW
unset CAMBOUIS_DB
cd "$tmp" || exit 99
tool=$top_builddir/tests/sync/synctool
fail=0
bad() { printf 'FAIL: %s\n' "$*"; fail=1; }
expect() { # expect RC PATTERN cmd...
	want=$1 pat=$2; shift 2
	out=$("$CAMBOUIS" "$@" 2>&1); rc=$?
	[ $rc -eq "$want" ] || bad "cambouis $*: exit $rc, expected $want: $out"
	case $out in *"$pat"*) ;; *) bad "cambouis $*: expected '$pat' in: $out" ;; esac
}

expect 0 "" -d w.db init --site-label alpha
# the writer: one venue per command, in order
N=${BACKUP_WRITES:-120}
(
	i=0
	while [ $i -lt "$N" ]; do
		"$CAMBOUIS" -d w.db venue add "Salle $i" >/dev/null 2>&1 || echo "write $i failed" >>writer.err
		i=$((i + 1))
	done
) &
writer=$!
k=0
while kill -0 $writer 2>/dev/null && [ $k -lt 40 ]; do
	k=$((k + 1))
	expect 0 "Backup of w.db written to b$k.db." -d w.db backup "b$k.db"
done
wait $writer
[ -s writer.err ] && bad "writes failed during the backups: $(cat writer.err)"
[ $k -ge 2 ] || bad "only $k backups during the writes"
partial=0
j=1
while [ $j -le $k ]; do
	b=b$j.db
	[ "$(stat -c %a "$b")" = 600 ] || bad "$b: mode $(stat -c %a "$b")"
	expect 0 "$b: ok" -d "$b" check
	# the venues written before it, and no gap: a state the database was in
	n=$("$CAMBOUIS" -d "$b" venue list --format tsv | tail -n +2 | wc -l)
	want=$(i=0; while [ $i -lt "$n" ]; do echo "Salle $i"; i=$((i + 1)); done | sort)
	got=$("$CAMBOUIS" -d "$b" venue list --format tsv | tail -n +2 | cut -f1 | sort)
	[ "$got" = "$want" ] || bad "$b: $n venues, not the first $n"
	[ "$n" -gt 0 ] && [ "$n" -lt "$N" ] && partial=$((partial + 1))
	"$tool" dump "$b" >before.txt || bad "$b: dump"
	cp "$b" r.db && "$CAMBOUIS" -d r.db rebuild >/dev/null || bad "$b: rebuild"
	"$tool" dump r.db >after.txt
	cmp -s before.txt after.txt || bad "$b: rebuild changed the tables"
	rm -f r.db r.db-wal r.db-shm
	j=$((j + 1))
done
echo "$k backups during $N writes, $partial of them part-way"
ls -a | grep -q '\.tmp-' && bad "a temporary file was left behind"
expect 0 "" -d w.db backup final.db
"$tool" dump w.db >live.txt && "$tool" dump final.db >final.txt || bad "dump"
cmp -s live.txt final.txt || bad "the backup after the writes differs from the database"
# a backup replaces the file it is given; never the database itself
expect 0 "" -d w.db backup b1.db
"$tool" dump b1.db >b1.txt && cmp -s live.txt b1.txt || bad "backup over an older one"
expect 2 "the database itself" -d w.db backup w.db
expect 2 "" -d w.db backup

# restore: the file is checked before anything changes
cp w.db keep.db
printf 'not a database' >junk
: >empty
expect 5 "not a backup to restore" -d w.db restore junk
expect 5 "not a backup to restore" -d w.db restore empty
sqlite3 final.db "PRAGMA application_id = 1" >/dev/null || exit 99
expect 5 "not a cambouis database" -d w.db restore final.db
cp b1.db newer.db && sqlite3 newer.db "PRAGMA user_version = 999" >/dev/null || exit 99
expect 4 "newer" -d w.db restore newer.db
expect 1 "cannot read" -d w.db restore nowhere.db
expect 2 "the database itself" -d w.db restore w.db
cmp -s w.db keep.db || bad "a refused restore changed the database"
ls w.db.before-restore-* >/dev/null 2>&1 && bad "a refused restore kept a file aside"

# refused while another program has the database open
{ sleep 3; } | sqlite3 -cmd 'SELECT count(*) FROM ops;' w.db >/dev/null &
holder=$!
sleep 1
expect 4 "open in another program" -d w.db restore b2.db
wait $holder
cmp -s w.db keep.db || bad "a restore refused while in use changed the database"

# the real thing: b2 (part-way) goes in, the database it replaces is kept
"$tool" dump b2.db >b2.txt
expect 0 "kept as w.db.before-restore-20260301-" -d w.db restore b2.db
"$tool" dump w.db >now.txt
cmp -s b2.txt now.txt || bad "the restored database differs from the backup"
"$tool" dump w.db.before-restore-20260301-* >aside.txt
cmp -s live.txt aside.txt || bad "the database kept aside differs from the one replaced"
[ "$(stat -c %a w.db)" = 600 ] || bad "restored database mode $(stat -c %a w.db)"
expect 0 "w.db: ok" -d w.db check
expect 0 "" -d w.db venue add "Après la restauration"
expect 0 "Après la restauration" -d w.db venue list
# a second restore in the same second does not overwrite the kept file
expect 2 "exists" -d w.db restore b1.db
# restoring where there was no database
expect 0 "fresh.db restored from b1.db." -d fresh.db restore b1.db
expect 0 "fresh.db: ok" -d fresh.db check
exit $fail
