# SPDX-License-Identifier: GPL-3.0-or-later
# What is found where the database or a bundle should be: a symbolic link
# (followed), a dangling one, a pipe, a device, a directory, an unreadable
# file, an overlong path, and -wal/-shm files left read-only by a read of a
# read-only database. Each gets a true message and the right exit code
# (4 for the database, 6 for a bundle), and nothing hangs.
. "$top_srcdir/tests/cli/lib.sh"
cli_setup

# a command that would hang on a pipe is stopped and says so
t()
{
	timeout 20 "$@"
}

run "init" cambouis -d w.db init --site-label t
run "venue" cambouis -d w.db venue add Halle
ln -s w.db link.db
run "a symbolic link to the database is followed" cambouis -d link.db venue list --format tsv
run "and written through" cambouis -d link.db venue add Cour
ln -s none.db dangling.db
run "a dangling symbolic link" cambouis -d dangling.db venue list
run "a dangling symbolic link: init" cambouis -d dangling.db init --site-label u
[ -e none.db ] && fail "init created the target of a dangling link"
mkfifo pipe.db || exit 99
run "a pipe: check" t "$CAMBOUIS" -d pipe.db check
run "a pipe: list" t "$CAMBOUIS" -d pipe.db venue list
run "a device: check" cambouis -d /dev/null check
run "a device: add" cambouis -d /dev/null venue add X
mkdir dir.db
run "a directory" cambouis -d dir.db venue list
long=$(printf '%0300d' 0)
CLI_SED='s/0\{300\}/<300 zeros>/'
run "a file name too long" cambouis -d "$long.db" check
unset CLI_SED
run "a path through a file" cambouis -d w.db/x.db check

mkfifo pipe.cambouis || exit 99
run "a pipe as a bundle: import" t "$CAMBOUIS" -d w.db import pipe.cambouis
run "a device as a bundle: import" cambouis -d w.db import /dev/null
run "a directory as a bundle: import" cambouis -d w.db import dir.db

# Companion files: SQLite gives them the database's mode. A read of a
# read-only database would leave them read-only; cambouis makes its own
# 0600, so the database is writable again once it is.
run "a database for the companions" cambouis -d c.db init --site-label c
chmod 400 c.db
run "read while the database is read-only" cambouis -d c.db venue list
for f in c.db-wal c.db-shm; do
	[ ! -e "$f" ] || [ "$(mode_of "$f")" = 600 ] || fail "$f is $(mode_of "$f"), not 600"
done
note "the companions, when there are any, are 0600"
chmod 600 c.db
chmod 400 c.db-wal 2>/dev/null || : >c.db-wal
chmod 400 c.db-wal
run "a read-only -wal we own is made writable again" cambouis -d c.db venue add Halle
[ "$(mode_of c.db-wal)" = 600 ] || fail "c.db-wal is $(mode_of c.db-wal), not 600"
note "c.db-wal is 0600"

# As a normal user: root ignores modes, so run those cases as nobody.
if [ "$(id -u)" = 0 ]; then
	command -v setpriv >/dev/null 2>&1 || { echo "root without setpriv: cannot test file modes"; exit 77; }
	printf '#!/bin/sh\nexec setpriv --reuid=65534 --regid=65534 --clear-groups "$@"\n' >asuser
	chmod 711 "$cli_tmp" "$cli_tmp/work"
	mine()
	{
		chown 65534:65534 "$@"
	}
else
	printf '#!/bin/sh\nexec "$@"\n' >asuser
	mine()
	{
		:
	}
fi
chmod 755 asuser
mkdir nb && chmod 777 nb
cp w.db nb/m0.db && mine nb/m0.db && chmod 000 nb/m0.db
run "as a user, a database of mode 000" ./asuser "$CAMBOUIS" -d nb/m0.db venue list
cp w.db nb/r.db && mine nb/r.db && chmod 400 nb/r.db
run "as a user, read a read-only database" ./asuser "$CAMBOUIS" -d nb/r.db venue list --format tsv
for f in nb/r.db-wal nb/r.db-shm; do
	[ -e "$f" ] || fail "no $f after a read"
	[ "$(mode_of "$f")" = 600 ] || fail "$f is $(mode_of "$f"), not 600"
done
note "nb/r.db-wal and nb/r.db-shm are 0600"
chmod 600 nb/r.db
run "as a user, write once it is writable again" ./asuser "$CAMBOUIS" -d nb/r.db venue add Préau
# a companion of another owner (root's, when we are root)
if [ "$(id -u)" = 0 ]; then
	cp w.db nb/o.db && mine nb/o.db
	: >nb/o.db-wal && chmod 400 nb/o.db-wal
	run "as a user, a read-only -wal of another owner" ./asuser "$CAMBOUIS" -d nb/o.db venue add Préau
else
	# not reproducible without a second user: the transcript stays the same
	cat >>"$cli_out" <<'EOT'
### as a user, a read-only -wal of another owner
$ ./asuser cambouis -d nb/o.db venue add Préau
--- stderr
cambouis: nb/o.db: a -wal or -shm file beside the database cannot be read or written: nb/o.db-wal (its owner may make it writable with chmod 600)
--- exit 4

EOT
fi
cli_finish
