# SPDX-License-Identifier: GPL-3.0-or-later
# The demo database (issue 14): --demo is the demo database whatever
# CAMBOUIS_DB or the config's database say (the command line wins over the
# environment, which wins over the config file); -d with --demo is a usage
# error; a demo database is marked as one and never syncs with a sync
# folder (sync DIR, the config's sync_dir) unless --force-demo.
. "$top_srcdir/tests/cli/lib.sh"
cli_setup

mkdir -p config/cambouis folder || exit 99
run "a real database named by CAMBOUIS_DB" env CAMBOUIS_DB=env.db "$CAMBOUIS" init --site-label env
run "a real database named by -d" cambouis -d cli.db init --site-label cli
printf 'database = "cfg.db";\nsync_dir = "folder";\n' >config/cambouis/config
run "a real database named by the config" cambouis init --site-label cfg

run "the config's database" cambouis check
run "CAMBOUIS_DB wins over the config" env CAMBOUIS_DB=env.db "$CAMBOUIS" check
run "-d wins over CAMBOUIS_DB" env CAMBOUIS_DB=env.db "$CAMBOUIS" -d cli.db check
run "--demo wins over CAMBOUIS_DB and the config" env CAMBOUIS_DB=env.db "$CAMBOUIS" --demo check
[ -f data/cambouis/demo.db ] || fail "--demo did not make the demo database"
note "the demo database is data/cambouis/demo.db"
run "-d and --demo together" cambouis -d cli.db --demo check
run "--demo and -d together" cambouis --demo -d cli.db check

run "the demo never syncs with the config's folder" cambouis --demo sync
run "nor with a folder given" cambouis --demo sync folder
[ -z "$(ls -A folder)" ] || fail "the demo wrote to the sync folder"
note "the sync folder is still empty"
run "a real database syncs" cambouis -d cli.db sync folder
CLI_SED='s/[0-9]\{8\}T[0-9]\{6\}Z-[0-9a-f]*\.cambouis/<bundle>/;s/[0-9][0-9]* changes/N changes/g'
run "the demo syncs when forced" cambouis --demo sync --force-demo
unset CLI_SED
[ -d folder/demo ] || fail "--force-demo wrote nothing"
note "folder/demo exists"

run "cambouis demo fills a new file" cambouis -d other.db demo --scale small
run "and that file never syncs either" cambouis -d other.db sync folder
run "sync --help" cambouis sync --help

cli_finish
