# SPDX-License-Identifier: GPL-3.0-or-later
# The environment and the configuration file: a home directory that does
# not exist is never made, a relative HOME or XDG_* is not used, a
# configuration path that is a directory, a pipe or a huge file gets a
# true message (exit 2, and nothing hangs), and a write waits for another
# program's long transaction rather than failing after 5 seconds.
. "$top_srcdir/tests/cli/lib.sh"
need_sqlite3
cli_setup

# HOME is an absolute path under the temporary directory: set in a script
# so that the transcript does not show it
printf '#!/bin/sh\nHOME="%s/nonexistent/x" exec "$@"\n' "$cli_tmp/work" >nohome
chmod 755 nohome
run "a home directory that does not exist" env -u XDG_DATA_HOME -u XDG_CONFIG_HOME \
	./nohome "$CAMBOUIS" init --site-label t
[ -e nonexistent ] && fail "init made a missing home directory"
note "nothing was created"
run "a relative HOME" env -u XDG_DATA_HOME -u XDG_CONFIG_HOME HOME=rel "$CAMBOUIS" init --site-label t
[ -e rel ] && fail "init made a relative home directory"
note "nothing was created"
run "a relative XDG_DATA_HOME is ignored" env XDG_DATA_HOME=reldata "$CAMBOUIS" init --site-label t
[ -e reldata ] && fail "init used a relative XDG_DATA_HOME"
[ -f .local/share/cambouis/cambouis.db ] || fail "init did not use ~/.local/share"
note "the database is in ~/.local/share, reldata was not made"
run "~/ in --db with a relative HOME" env HOME=rel "$CAMBOUIS" -d '~/w.db' venue list
run "a database for sync" cambouis -d s.db init --site-label s
run "~/ in a sync folder with a relative HOME" env HOME=rel "$CAMBOUIS" -d s.db sync '~/share'
[ -e rel ] && fail "sync made a relative home directory"

mkdir conf.d
run "a configuration path that is a directory" cambouis -c conf.d -d w.db init --site-label t
mkfifo conf.pipe || exit 99
run "a configuration path that is a pipe" timeout 20 "$CAMBOUIS" -c conf.pipe -d w.db init --site-label t
run "/dev/null is an empty configuration" cambouis -c /dev/null -d n.db init --site-label t
run "a device that is not /dev/null" cambouis -c /dev/zero -d w.db init --site-label t
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "unknown_%d = 1;\n", i }' >huge.conf
run "a configuration file of 20,000 settings" cambouis -c huge.conf -d w.db init --site-label t
[ -e w.db ] && fail "a refused configuration let init make the database"
note "no database was made"

# Another program holds the write lock for 7 seconds (as a long import
# does); a write made meanwhile waits for it, and is not refused.
run "init" cambouis -d w.db init --site-label t
mkfifo ctl || exit 99
sqlite3 w.db <ctl >holder.out 2>&1 &
holder=$!
exec 3>ctl
echo "BEGIN IMMEDIATE; SELECT 'held';" >&3
i=0
while ! grep -q held holder.out 2>/dev/null && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
(sleep 7; echo "COMMIT;" >&3; exec 3>&-) &
releaser=$!
exec 3>&-
run "a write while another program holds the lock for 7 s" cambouis -d w.db venue add Halle
wait $releaser
wait $holder
run "the write is there" cambouis -d w.db venue list --format tsv
cli_finish
