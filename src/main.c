/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Argument parsing and dispatch only: the work lives in src/cli and src/ui. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cambouis/clock.h"
#include "cambouis/i18n.h"
#include "cambouis/paths.h"
#include "cambouis/text.h"
#include "cli/cli.h"
#include "cli/opts.h"
#include "ui/ui.h"

#define CMD_ENTRY(name, args, help) {#name, args, help, cli_cmd_##name},
#define MORE_ENTRY(synopsis, help) {NULL, synopsis, help, NULL},
/* From the table in src/cli/commands.h; a line with no name is one more
 * usage line for the command above it. */
static const struct {
	const char *name;
	const char *args;
	const char *help;
	int (*fn)(struct cli *, int, char **);
} commands[] = {
	CLI_COMMAND_INFO(CMD_ENTRY, MORE_ENTRY)
};
#undef CMD_ENTRY
#undef MORE_ENTRY

/* Descriptions start in this column of the "Commands:" list; a longer
 * synopsis has its description on the next line. */
enum { USAGE_SYNOPSIS_WIDTH = 28 };

static void
usage_command(FILE *out, const char *name, const char *args, const char *help)
{
	char synopsis[256];
	int w;

	if (!name)
		cb_text_copy(synopsis, sizeof synopsis, _(args));
	else
		snprintf(synopsis, sizeof synopsis, "%s%s%s", name, *args ? " " : "",
			 *args ? _(args) : "");
	w = cb_utf8_width(synopsis);
	if (w <= USAGE_SYNOPSIS_WIDTH - 2)
		fprintf(out, "  %s%*s%s\n", synopsis, USAGE_SYNOPSIS_WIDTH - w, "", _(help));
	else
		fprintf(out, "  %s\n%*s%s\n", synopsis, USAGE_SYNOPSIS_WIDTH + 2, "", _(help));
}

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
		"Commands:\n"), out);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		usage_command(out, commands[i].name, commands[i].args, commands[i].help);
	fputs(_("\n"
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

/* The command line (-d or --demo), then CAMBOUIS_DB, then the config
 * file, then the XDG default. */
static cb_status
resolve_db(struct cli *c, const char *opt_db)
{
	const char *env = getenv("CAMBOUIS_DB");

	if (c->demo)
		return cb_paths_demo_db(&c->db_path);
	if (opt_db || (env && *env))
		return cb_paths_expand_home(opt_db ? opt_db : env, &c->db_path);
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
	if (!(c->config_path = xdg ? xdg : strdup(path)))
		return cli_fail(CB_NOMEM, NULL);
	if (st != CB_OK) {
		cli_error("%s", err);
		return EXIT_USAGE;
	}
	return 0;
}

/* What the context owns, on every way out. */
static void
release(struct cli *c)
{
	cb_config_free(&c->cfg);
	free(c->config_path);
	free(c->db_path);
}

int
main(int argc, char **argv)
{
	struct cli c;
	const char *opt_db = NULL, *opt_config = NULL;
	bool version = false;
	const struct cli_opt opts[] = {
		{CLI_STRING("db", &opt_db), .letter = 'd'},
		{CLI_STRING("config", &opt_config), .letter = 'c'},
		{CLI_FLAG("demo", &c.demo)},
		{CLI_FLAG("version", &version), .letter = 'V'},
		{CLI_END},
	};
	const struct cli_optspec spec = {NULL, NULL, opts, NULL, usage};
	int n, rc;
	cb_status st;

	/* Everything the program writes is for its owner's eyes only. */
	umask(077);
	setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
	bindtextdomain(PACKAGE, locale_dir());
	textdomain(PACKAGE);
#endif
	memset(&c, 0, sizeof c);

	/* the program's options, up to the command (src/cli/opts.c) */
	if ((rc = cli_opts_parse_head(&spec, argc, argv, &n)) >= 0)
		return rc == EXIT_OK && fflush(stdout) != 0 ? EXIT_FAILURE_RUNTIME : rc;
	if (version) {
		printf("cambouis %s\n", PACKAGE_VERSION);
		return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAILURE_RUNTIME;
	}
	if ((rc = load_config(&c, opt_config)) != 0 || (rc = pin_clock()) != 0) {
		release(&c);
		return rc;
	}
	if (opt_db && c.demo) {
		release(&c);
		cli_error(_("--db and --demo name two databases: give one"));
		return cli_usage_error(NULL);
	}
	if ((st = resolve_db(&c, opt_db)) != CB_OK) {
		release(&c);
		if (st == CB_NOT_FOUND)
			cli_error(_("the home directory %s does not exist: set HOME or use --db FILE"),
				  getenv("HOME"));
		else if (st == CB_NOMEM)
			cli_error("%s", cb_status_message(st));
		else
			cli_error(_("cannot tell where the database is: set HOME to an absolute path "
				    "or use --db FILE"));
		return EXIT_USAGE;
	}

	if (n == 0) {
		rc = ui_main(&c);
	} else {
		const char *cmd = argv[1];
		rc = -1;
		for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
			if (commands[i].name && strcmp(cmd, commands[i].name) == 0) {
				rc = commands[i].fn(&c, n, argv + 1);
				break;
			}
		if (rc < 0) {
			cli_error(_("unknown command '%s'"), cmd);
			rc = cli_usage_error(NULL);
		}
	}
	cli_close(&c);
	release(&c);
	if (fflush(stdout) != 0 && rc == EXIT_OK) {
		cli_error(_("cannot write the output"));
		rc = EXIT_FAILURE_RUNTIME;
	}
	return rc;
}
