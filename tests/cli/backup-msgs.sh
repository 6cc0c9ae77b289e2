# SPDX-License-Identifier: GPL-3.0-or-later
# What backup and restore say: success, usage errors, a refused file.
. "$top_srcdir/tests/cli/lib.sh"
cli_setup

run "init" cambouis -d w.db init --site-label t
run "add" cambouis -d w.db venue add 'Gymnase Tonkin' --capacity 30
run "backup" cambouis -d w.db backup copie.db
run "backup with no file" cambouis -d w.db backup
run "backup with two files" cambouis -d w.db backup a.db b.db
run "backup onto the database" cambouis -d w.db backup w.db
run "backup --help" cambouis backup --help
run "the backup checks" cambouis -d copie.db check
run "change after the backup" cambouis -d w.db venue rm 'Gymnase Tonkin'
printf 'pas une base' >junk.db
run "restore a file that is not a database" cambouis -d w.db restore junk.db
run "restore a missing file" cambouis -d w.db restore absent.db
run "restore" cambouis -d w.db restore copie.db
run "the venue is back" cambouis -d w.db venue list
run "restore --help" cambouis restore --help

cli_finish
