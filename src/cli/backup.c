/* SPDX-License-Identifier: GPL-3.0-or-later */
/* backup FILE and restore FILE: the database file, copied and put back. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cambouis/backup.h"
#include "cambouis/clock.h"
#include "cambouis/i18n.h"
#include "cli.h"

/* The one FILE argument of backup and restore; -1 when there is one. */
static int
one_file(int argc, char **argv, const char *cmd, const char *usage, const char **file)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int opt;

	optind = 0; /* 0: GNU getopt starts afresh (and permutes) */
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (opt == 'h') {
			fputs(usage, stdout);
			return EXIT_OK;
		}
		cli_error(_("%s: unknown option '%s'"), cmd, argv[optind - 1]);
		return cli_usage_error(cmd);
	}
	if (optind >= argc) {
		cli_error(_("%s: which file?"), cmd);
		return cli_usage_error(cmd);
	}
	if (optind + 1 < argc) {
		cli_error(_("%s: unexpected argument '%s'"), cmd, argv[optind + 1]);
		return cli_usage_error(cmd);
	}
	*file = argv[optind];
	return -1;
}

int
cli_cmd_backup(struct cli *c, int argc, char **argv)
{
	const char *file = NULL;
	int rc = one_file(argc, argv, "backup", _("Usage: cambouis backup FILE\n"
		"Write a consistent copy of the database to FILE (replaced if it exists),\n"
		"even while the screen or another command writes to it.\n"), &file);
	cb_status st;

	if (rc >= 0)
		return rc;
	if ((rc = cli_open_to_read(c)) != 0)
		return rc;
	st = cb_backup_write(c->db, file);
	if (st == CB_EXISTS) {
		cli_error(_("%s: that is the database itself, or not a file: give another file name"),
			  file);
		return EXIT_USAGE;
	}
	if (st != CB_OK)
		return cli_fail(st, file);
	cli_printf(_("Backup of %s written to %s.\n"), c->db_path, file);
	return EXIT_OK;
}

int
cli_cmd_restore(struct cli *c, int argc, char **argv)
{
	const char *file = NULL;
	char detail[512], *aside = NULL;
	struct stat sb;
	int rc = one_file(argc, argv, "restore", _("Usage: cambouis restore FILE\n"
		"Put the backup FILE in the place of the database, after checking it;\n"
		"the database it replaces is kept beside it as DB.before-restore-DATE.\n"
		"Refused while another program has the database open.\n"), &file);
	cb_status st;

	if (rc >= 0)
		return rc;
	if (stat(file, &sb) != 0) {
		cli_error(_("%s: cannot read the file: %s"), file, strerror(errno));
		return EXIT_FAILURE_RUNTIME;
	}
	if (c->demo) {
		cli_error(_("restore puts a backup in the place of a real database: use --db FILE, not --demo"));
		return EXIT_USAGE;
	}
	st = cb_backup_restore(c->db_path, file, cb_clock_now_ms(), &aside, detail, sizeof detail);
	switch (st) {
	case CB_OK:
		break;
	case CB_DB_LOCKED:
		cli_error(_("%s is open in another program (the full-screen interface, a command):"
			    " close it, then restore"), c->db_path);
		return EXIT_DB_UNAVAILABLE;
	case CB_DB_FOREIGN:
	case CB_DB_DAMAGED:
	case CB_DB_TOO_NEW:
		cli_error(_("%s: not a backup to restore: %s%s%s"), file, cb_status_message(st),
			  *detail ? ": " : "", detail);
		return cli_exit_code(st);
	case CB_EXISTS:
		cli_error(_("%s: cannot restore: %s"), file, detail);
		return EXIT_USAGE;
	default:
		return cli_fail(st, c->db_path);
	}
	if (aside)
		cli_printf(_("%s restored from %s; the database it replaced is kept as %s.\n"),
			   c->db_path, file, aside);
	else
		cli_printf(_("%s restored from %s.\n"), c->db_path, file);
	free(aside);
	return EXIT_OK;
}
