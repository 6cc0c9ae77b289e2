/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cambouis/demo.h"
#include "cambouis/i18n.h"
#include "cambouis/oplog.h"
#include "cambouis/text.h"
#include "cli.h"
#include "opts.h"

/* Reject anything after a command that takes no arguments. */
static int
no_args(int argc, char **argv, const char *cmd, const char *usage)
{
	static const struct cli_opt opts[] = {{CLI_END}};
	const struct cli_optspec spec = {cmd, NULL, opts, usage, NULL};
	int n, rc = cli_opts_parse(&spec, argc, argv, &n);

	if (rc >= 0)
		return rc;
	if ((rc = cli_opts_at_most(&spec, n, 0, argv)) >= 0)
		return rc;
	return -1;
}

static bool
valid_label(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 64)
		return false;
	/* the label names a folder under the sync directory */
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.'))
			return false;
	return s[0] != '.';
}

/* Write the workshop's name to the configuration file (init
 * --workshop-name). */
static int
set_workshop_name(struct cli *c, const char *name)
{
	char err[512];
	char *copy;
	cb_status st;

	if (!*name || strlen(name) > 120) {
		cli_error(_("--workshop-name: give a name of 1 to 120 characters"));
		return EXIT_USAGE;
	}
	if (!c->config_path) {
		cli_error(_("cannot tell where the configuration file is: set HOME or use --config FILE"));
		return EXIT_USAGE;
	}
	st = cb_config_set_string(c->config_path, "workshop_name", name, err, sizeof err);
	if (st == CB_INVALID) {
		cli_error(_("--workshop-name: the name must not hold control characters"));
		return EXIT_USAGE;
	}
	if (st == CB_CONFIG) {
		cli_error("%s", err);
		return EXIT_USAGE;
	}
	if (st != CB_OK) {
		if (*err)
			cli_error("%s", err);
		else
			return cli_fail(st, c->config_path);
		return EXIT_FAILURE_RUNTIME;
	}
	if ((copy = strdup(name))) {
		free(c->cfg.workshop_name);
		c->cfg.workshop_name = copy;
	}
	printf(_("Workshop name \"%s\" written to %s.\n"), name, c->config_path);
	return 0;
}

int
cli_cmd_init(struct cli *c, int argc, char **argv)
{
	const char *label = NULL, *workshop = NULL;
	const struct cli_opt opts[] = {
		{CLI_STRING("site-label", &label)},
		{CLI_STRING("workshop-name", &workshop)},
		{CLI_END},
	};
	const struct cli_optspec spec = {
		"init", NULL, opts,
		_("Usage: cambouis init [--site-label LABEL] [--workshop-name NAME]\n"
		  "Create the database (if needed) and name this laptop for sync.\n"
		  "--workshop-name writes the workshop's name (shown on the screens and\n"
		  "in calendar apps) to the configuration file; in a terminal, init asks\n"
		  "for it while it is the default.\n"), NULL};
	char host[65], typed[256];
	int n, rc;
	cb_status st;
	bool existed = access(c->db_path, F_OK) == 0;

	if ((rc = cli_opts_parse(&spec, argc, argv, &n)) >= 0)
		return rc;
	if ((rc = cli_opts_at_most(&spec, n, 0, argv)) >= 0)
		return rc;
	if (!label)
		label = c->cfg.site_label;
	if (label && !valid_label(label)) {
		cli_error(_("invalid site label '%s': use 1 to 64 letters, digits, '-', '_' or '.'"), label);
		return EXIT_USAGE;
	}
	if (!workshop && !c->cfg.path && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		/* a first init in a terminal asks; Enter keeps the default */
		printf(_("Workshop name [%s]: "), c->cfg.workshop_name);
		fflush(stdout);
		if (fgets(typed, sizeof typed, stdin)) {
			typed[strcspn(typed, "\r\n")] = '\0';
			if (*typed)
				workshop = typed;
		}
	}
	if (workshop && (rc = set_workshop_name(c, workshop)) != 0)
		return rc;
	if ((rc = cli_open(c, CB_OPEN_CREATE)) != 0)
		return rc;
	if (!label && !*cb_db_site_label(c->db)) {
		/* default: this machine's name, cleaned to a label */
		if (gethostname(host, sizeof host - 1) != 0)
			snprintf(host, sizeof host, "laptop");
		host[sizeof host - 1] = '\0';
		for (char *p = host; *p; p++)
			if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			      (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
				*p = '-';
		label = valid_label(host) ? host : "laptop";
	}
	if (label && (st = cb_db_set_site_label(c->db, label)) != CB_OK)
		return cli_fail(st, c->db_path);
	if (existed)
		cli_printf(_("Database %s is ready (site '%s').\n"), c->db_path, cb_db_site_label(c->db));
	else
		cli_printf(_("Created database %s (site '%s').\n"), c->db_path, cb_db_site_label(c->db));
	return EXIT_OK;
}

int
cli_cmd_rebuild(struct cli *c, int argc, char **argv)
{
	int64_t n = 0;
	int rc = no_args(argc, argv, "rebuild",
			 _("Usage: cambouis rebuild\n"
			   "Drop the tables the screens read and replay the op log into them.\n"));
	cb_status st;

	if (rc >= 0)
		return rc;
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	if ((st = cb_oplog_rebuild(c->db)) != CB_OK)
		return cli_fail(st, c->db_path);
	if ((st = cb_oplog_count(c->db, &n)) != CB_OK)
		return cli_fail(st, c->db_path);
	cli_printf(ngettext_("Rebuilt from %lld operation.\n", "Rebuilt from %lld operations.\n",
			 (unsigned long)n), (long long)n);
	return EXIT_OK;
}

/* SQLite's integrity report can start with a "*** in database main ***"
 * heading and list many pages: keep the first problem, on one line. */
static const char *
first_problem(char *detail)
{
	char *p = detail;

	if (strncmp(p, "*** ", 4) == 0 && strchr(p, '\n'))
		p = strchr(p, '\n') + 1;
	p[strcspn(p, "\n")] = '\0';
	return p;
}

int
cli_cmd_check(struct cli *c, int argc, char **argv)
{
	char detail[512];
	int64_t bad = 0;
	int rc = no_args(argc, argv, "check",
			 _("Usage: cambouis check\n"
			   "Check the database file's integrity (exit 5 when it is damaged).\n"));
	cb_status st;

	if (rc >= 0)
		return rc;
	if ((rc = cli_open(c, CB_OPEN_READONLY)) != 0)
		return rc;
	st = cb_db_check(c->db, detail, sizeof detail);
	if (st != CB_OK) {
		const char *why = first_problem(detail);
		cli_error("%s: %s%s%s", c->db_path, cb_status_message(st),
			  *why ? ": " : "", why);
		return cli_exit_code(st);
	}
	/* what an older version let in stays in the log, ignored: say so */
	if ((st = cb_oplog_count_invalid(c->db, &bad)) != CB_OK)
		return cli_fail(st, c->db_path);
	cli_printf(_("%s: ok\n"), c->db_path);
	if (bad > 0)
		cli_printf(ngettext_("%s: %lld change in the log is invalid (a clock beyond the year 2199,"
				 " or a value its field refuses): it is ignored and never sent;"
				 " 'cambouis rebuild' clears what it had set.\n",
				 "%s: %lld changes in the log are invalid (a clock beyond the year 2199,"
				 " or a value its field refuses): they are ignored and never sent;"
				 " 'cambouis rebuild' clears what they had set.\n",
				 (unsigned long)bad), c->db_path, (long long)bad);
	return EXIT_OK;
}

int
cli_cmd_demo(struct cli *c, int argc, char **argv)
{
	enum cb_demo_scale scale = CB_DEMO_SMALL;
	const char *scale_name = NULL, *db = NULL;
	long long seed = 1;
	const struct cli_opt opts[] = {
		{CLI_STRING("scale", &scale_name)},
		{CLI_INT("seed", &seed, 0, INT64_MAX), .bad = _("invalid seed '%s': give a whole number")},
		{CLI_STRING("db", &db)},
		{CLI_END},
	};
	const struct cli_optspec spec = {
		"demo", NULL, opts,
		_("Usage: cambouis demo [--scale small|year|5y] [--seed N] [--db FILE]\n"
		  "Fill a database with realistic, reproducible demo data.\n"), NULL};
	int64_t nops = 0;
	int n, rc;
	cb_status st;

	if ((rc = cli_opts_parse(&spec, argc, argv, &n)) >= 0)
		return rc;
	if (scale_name && cb_demo_scale_parse(scale_name, &scale) != CB_OK) {
		cli_error(_("invalid scale '%s': use small, year or 5y"), scale_name);
		return cli_usage_error("demo");
	}
	if ((rc = cli_opts_at_most(&spec, n, 0, argv)) >= 0)
		return rc;
	if (db) {
		char *p = strdup(db);
		if (!p)
			return cli_fail(CB_NOMEM, NULL);
		free(c->db_path);
		c->db_path = p;
		c->demo = false;
	}
	if ((rc = cli_open(c, CB_OPEN_CREATE)) != 0)
		return rc;
	/* Demo data meets its own names in a filled database and the fill
	 * would fail half-way with a bare "database error": say why first. */
	if ((st = cb_oplog_count(c->db, &nops)) != CB_OK)
		return cli_fail(st, c->db_path);
	if (nops > 0) {
		cli_error(_("%s already holds data: demo data goes into a new or empty database (--db FILE)"),
			  c->db_path);
		return EXIT_FAILURE_RUNTIME;
	}
	if (!*cb_db_site_label(c->db) && (st = cb_db_set_site_label(c->db, "demo")) != CB_OK)
		return cli_fail(st, c->db_path);
	if ((st = cb_demo_fill(c->db, scale, (uint64_t)seed)) != CB_OK)
		return cli_fail(st, c->db_path);
	cli_printf(_("Demo data written to %s.\n"), c->db_path);
	return EXIT_OK;
}
