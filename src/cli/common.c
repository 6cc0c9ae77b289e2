/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/i18n.h"
#include "cli.h"

bool
cli_parse_int(const char *s, long long min, long long max, long long *out)
{
	char *end;
	long long v;

	if (!s || !*s)
		return false;
	/* strtoll would take leading blanks and a '+': a number is digits */
	if (!((*s >= '0' && *s <= '9') || (*s == '-' && s[1] >= '0' && s[1] <= '9')))
		return false;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return false;
	*out = v;
	return true;
}

int
cli_usage_error(const char *cmd)
{
	if (cmd)
		cli_fprintf(stderr, _("Try 'cambouis %s --help'.\n"), cmd);
	else
		cli_fprintf(stderr, _("Try 'cambouis --help'.\n"));
	return EXIT_USAGE;
}

bool
cli_format_parse(const char *s, enum cli_format *out)
{
	if (strcmp(s, "text") == 0)
		*out = CLI_TEXT;
	else if (strcmp(s, "csv") == 0)
		*out = CLI_CSV;
	else if (strcmp(s, "tsv") == 0)
		*out = CLI_TSV;
	else
		return false;
	return true;
}

int
cli_bad_format(const char *arg, const char *cmd)
{
	cli_error(_("invalid format '%s': use text, csv or tsv"), arg);
	return cli_usage_error(cmd);
}

int
cli_dispatch(struct cli *c, int argc, char **argv, const char *group,
	     const struct cli_action *actions, size_t n, void (*help)(FILE *out),
	     const char *say_what)
{
	if (argc < 2) {
		cli_error("%s", say_what);
		return cli_usage_error(group);
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		help(stdout);
		return EXIT_OK;
	}
	for (size_t i = 0; i < n; i++)
		if (strcmp(argv[1], actions[i].name) == 0)
			return actions[i].fn(c, argc - 1, argv + 1);
	cli_error(_("%s: unknown action '%s'"), group, argv[1]);
	return cli_usage_error(group);
}
