# SPDX-License-Identifier: GPL-3.0-or-later
# Version, help, and what happens with no command or a wrong one.
. "$top_srcdir/tests/cli/lib.sh"
cli_setup

run "version" cambouis --version
run "version, short" cambouis -V
run "help" cambouis --help
run "help, short" cambouis -h
run "no command, no terminal: one-line hint" cambouis
run "no command with --db: the hint, no database made" cambouis -d w.db
[ -e w.db ] && fail "no command created the database"
run "unknown command" cambouis frobnicate
run "unknown option" cambouis --frobnicate
run "unknown short option" cambouis -x
run "missing value for --db" cambouis --db
run "missing value for -c" cambouis -c
run "venue help" cambouis venue --help
run "venue help, as a word" cambouis venue help
run "venue with no action" cambouis venue
run "venue unknown action" cambouis venue frob
run "init help" cambouis init --help
run "rebuild help" cambouis rebuild --help
run "check help" cambouis check --help
run "demo help" cambouis demo --help
run "venue add help" cambouis venue add --help
run "venue list help" cambouis venue list -h
ls -A | grep -q . && fail "help or errors wrote files: $(ls -A)"
note "no file was written"

cli_finish
