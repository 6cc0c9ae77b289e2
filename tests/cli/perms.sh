# SPDX-License-Identifier: GPL-3.0-or-later
# Files cambouis writes are for its owner only, whatever the umask: the
# database and its -wal file 0600, the data directory 0700.
. "$top_srcdir/tests/cli/lib.sh"
need_sqlite3
cli_setup
umask 022

run "init in the XDG data directory" cambouis init --site-label t
[ "$(mode_of data/cambouis)" = 700 ] || fail "data/cambouis is $(mode_of data/cambouis), not 700"
[ "$(mode_of data/cambouis/cambouis.db)" = 600 ] || fail "cambouis.db is not 600"
note "data/cambouis is 0700, cambouis.db 0600"
run "demo into a new directory" cambouis demo --db new/demo.db
[ "$(mode_of new)" = 700 ] || fail "new/ is $(mode_of new), not 700"
[ "$(mode_of new/demo.db)" = 600 ] || fail "new/demo.db is not 600"
note "new/ is 0700, new/demo.db 0600"
run "init with -d" cambouis -d w.db init --site-label t
[ "$(mode_of w.db)" = 600 ] || fail "w.db is not 600"

# Keep the -wal file alive: a reader holds a snapshot while cambouis writes.
# (SQLite gives -wal the mode of the database file; this checks the result.)
mkfifo ctl || exit 99
sqlite3 w.db <ctl >reader.out 2>&1 &
reader=$!
exec 3>ctl
echo "BEGIN; SELECT count(*) FROM ops;" >&3
i=0
while [ ! -s reader.out ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
run "a write while another program reads" cambouis -d w.db venue add 'Salle Molière'
[ -f w.db-wal ] || fail "no -wal file while a reader holds a snapshot"
wal=$(mode_of w.db-wal)
echo "COMMIT;" >&3
exec 3>&-
wait $reader
[ "$wal" = 600 ] || fail "w.db-wal is $wal, not 600"
note "w.db-wal is 0600"
run "the write is there" cambouis -d w.db venue list --format tsv

cli_finish
