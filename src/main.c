/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Argument parsing and dispatch only: the work lives in src/cli and src/ui. */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cambouis/clock.h"
#include "cambouis/i18n.h"
#include "cambouis/paths.h"
#include "cli/cli.h"
#include "ui/ui.h"

static const struct {
	const char *name;
	int (*fn)(struct cli *, int, char **);
} commands[] = {
	{"init", cli_cmd_init},
	{"venue", cli_cmd_venue},
	{"rebuild", cli_cmd_rebuild},
	{"check", cli_cmd_check},
	{"demo", cli_cmd_demo},
	{"series", cli_cmd_series},
	{"agenda", cli_cmd_agenda},
	{"session", cli_cmd_session},
	{"conflicts", cli_cmd_conflicts},
	{"ical", cli_cmd_ical},
	{"export", cli_cmd_export},
	{"import", cli_cmd_import},
	{"sync", cli_cmd_sync},
	{"person", cli_cmd_person},
	{"checkin", cli_cmd_checkin},
	{"checkout", cli_cmd_checkout},
	{"tonight", cli_cmd_tonight},
	{"pair", cli_cmd_pair},
	{"unpair", cli_cmd_unpair},
	{"suggest", cli_cmd_suggest},
	{"skill", cli_cmd_skill},
	{"promote", cli_cmd_promote},
	{"snowball", cli_cmd_snowball},
	{"forget", cli_cmd_forget},
};

static void
usage(FILE *out)
{
	fputs(_("Usage: cambouis [OPTION]... [COMMAND [ARG]...]\n"
		"The companion of a community bike self-repair workshop.\n"
		"With no command, start the full-screen interface.\n"
		"\n"
		"Options:\n"
		"  -d, --db FILE       use the database FILE (also CAMBOUIS_DB)\n"
		"  -c, --config FILE   read the configuration FILE (also CAMBOUIS_CONFIG)\n"
		"      --demo          use the demo database (made on first use)\n"
		"  -h, --help          show this help and exit\n"
		"  -V, --version       show the version and exit\n"
		"\n"
		"Commands:\n"
		"  init [--site-label LABEL]   create the database and name this laptop\n"
		"  venue add|list|edit|rm      manage the venues (see 'cambouis venue --help')\n"
		"  venue close|closures        venues closed for a period\n"
		"  series add|list|edit|rm     sessions every N weeks at rotating venues\n"
		"  agenda [--from D] [--days N | --to D]\n"
		"                              list the sessions (default: the next 28 days)\n"
		"  session cancel|move|held|restore|show|add DATE\n"
		"                              change one session\n"
		"  conflicts                   sessions that clash (day, closed venue, holiday)\n"
		"  ical [FILE|-]               export the sessions as iCalendar\n"
		"  person add|list|show|edit|rm\n"
		"                              the people (see 'cambouis person --help')\n"
		"  checkin NAME                a person arrives at today's session\n"
		"  checkout NAME               a person leaves\n"
		"  tonight                     who is here, with their pairs\n"
		"  pair MENTOR LEARNER         pair a learner with a mentor (see 'cambouis pair --help')\n"
		"  unpair LEARNER [MENTOR]     end or pause a pair\n"
		"  suggest LEARNER             the present mentors, best first\n"
		"  skill NAME SKILL LEVEL --by MENTOR\n"
		"                              sign off a repair skill\n"
		"  promote [NAME]              make a learner who meets the rule a mentor\n"
		"  snowball [NAME]             who trained whom, and the share who became mentors\n"
		"  forget NAME [--yes]         erase a person on every laptop (asks first)\n"
		"  demo [--scale S] [--seed N] [--db FILE]\n"
		"                              fill a database with demo data\n"
		"  rebuild                     rebuild the tables from the op log\n"
		"  check                       check the database file's integrity\n"
		"  export FILE [--full]        write the changes not exported before to a bundle\n"
		"  import FILE...              check bundles and apply their new changes\n"
		"  sync DIR                    exchange bundles with the other laptops through DIR\n"
		"\n"
		"Exit status: 0 ok, 1 failure, 2 usage or configuration error, 3 terminal\n"
		"unusable, 4 database unavailable, 5 database damaged, 6 import rejected.\n"
		"See cambouis(1) and cambouis.conf(5).\n"), out);
}

/* Where the translations are: CAMBOUIS_LOCALEDIR, else the build tree's
 * when this binary is the one in the build tree, else the installed ones. */
static const char *
locale_dir(void)
{
	const char *env = getenv("CAMBOUIS_LOCALEDIR");
#ifdef BUILD_BINDIR
	static char exe[4096];
	ssize_t n;
#endif

	if (env && *env)
		return env;
#ifdef BUILD_BINDIR
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		char *slash;
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			if (strcmp(exe, BUILD_BINDIR) == 0)
				return BUILD_LOCALEDIR;
		}
	}
#endif
	return LOCALEDIR;
}

/* -d, CAMBOUIS_DB, --demo, the config file, then the XDG default. */
static cb_status
resolve_db(struct cli *c, const char *opt_db)
{
	const char *env = getenv("CAMBOUIS_DB");

	if (opt_db || (env && *env)) {
		c->demo = false;
		return cb_paths_expand_home(opt_db ? opt_db : env, &c->db_path);
	}
	if (c->demo)
		return cb_paths_demo_db(&c->db_path);
	if (c->cfg.database)
		return cb_paths_expand_home(c->cfg.database, &c->db_path);
	return cb_paths_default_db(&c->db_path);
}

/* A pinned clock makes every test reproducible. */
static int
pin_clock(void)
{
	const char *now = getenv("CAMBOUIS_NOW");
	int64_t ms;

	if (!now || !*now)
		return 0;
	if (cb_clock_parse(now, &ms) != CB_OK) {
		cli_error(_("invalid CAMBOUIS_NOW '%s': use YYYY-MM-DDTHH:MM"), now);
		return EXIT_USAGE;
	}
	cb_clock_pin(ms);
	return 0;
}

static int
load_config(struct cli *c, const char *opt_config)
{
	const char *env = getenv("CAMBOUIS_CONFIG");
	const char *path = opt_config ? opt_config : (env && *env ? env : NULL);
	char *xdg = NULL, err[512];
	cb_status st;

	if (cb_config_defaults(&c->cfg) != CB_OK)
		return cli_fail(CB_NOMEM, NULL);
	if (!path) {
		if (cb_paths_config(&xdg) != CB_OK)
			return 0; /* no HOME: compiled-in defaults */
		path = xdg;
	}
	st = cb_config_load(&c->cfg, path, xdg == NULL, err, sizeof err);
	free(xdg);
	if (st != CB_OK) {
		cli_error("%s", err);
		return EXIT_USAGE;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"config", required_argument, NULL, 'c'},
		{"demo", no_argument, NULL, 'D'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct cli c;
	const char *opt_db = NULL, *opt_config = NULL;
	int opt, rc;

	/* Everything the program writes is for its owner's eyes only. */
	umask(077);
	setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
	bindtextdomain(PACKAGE, locale_dir());
	textdomain(PACKAGE);
#endif
	memset(&c, 0, sizeof c);

	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+:d:c:hV", opts, NULL)) != -1) {
		switch (opt) {
		case 'd': opt_db = optarg; break;
		case 'c': opt_config = optarg; break;
		case 'D': c.demo = true; break;
		case 'h':
			usage(stdout);
			return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAILURE_RUNTIME;
		case 'V':
			printf("cambouis %s\n", PACKAGE_VERSION);
			return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAILURE_RUNTIME;
		case ':':
			cli_error(_("option '%s' needs a value"), argv[optind - 1]);
			return cli_usage_error(NULL);
		default:
			cli_error(_("unknown option '%s'"), argv[optind - 1]);
			return cli_usage_error(NULL);
		}
	}
	if ((rc = load_config(&c, opt_config)) != 0 || (rc = pin_clock()) != 0) {
		cb_config_free(&c.cfg);
		return rc;
	}
	if (resolve_db(&c, opt_db) != CB_OK) {
		cb_config_free(&c.cfg);
		cli_error(_("cannot tell where the database is: set HOME or use --db FILE"));
		return EXIT_USAGE;
	}

	if (optind >= argc) {
		rc = ui_main(&c);
	} else {
		const char *cmd = argv[optind];
		rc = -1;
		for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
			if (strcmp(cmd, commands[i].name) == 0) {
				rc = commands[i].fn(&c, argc - optind, argv + optind);
				break;
			}
		if (rc < 0) {
			cli_error(_("unknown command '%s'"), cmd);
			rc = cli_usage_error(NULL);
		}
	}
	cli_close(&c);
	cb_config_free(&c.cfg);
	free(c.db_path);
	if (fflush(stdout) != 0 && rc == EXIT_OK) {
		cli_error(_("cannot write the output"));
		rc = EXIT_FAILURE_RUNTIME;
	}
	return rc;
}
