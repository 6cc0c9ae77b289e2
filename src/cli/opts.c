/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sub-commands' options from a table (opts.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cambouis/date.h"
#include "cambouis/i18n.h"
#include "cambouis/schema.h"
#include "cli.h"
#include "opts.h"

static const struct cli_opt help_opt = {CLI_FLAG("help", NULL), .letter = 'h'};

static int
usage_error(const struct cli_optspec *spec)
{
	return cli_usage_error(spec->help_cmd ? spec->help_cmd : spec->cmd);
}

static void
unknown(const struct cli_optspec *spec, const char *arg)
{
	if (spec->cmd)
		cli_error(_("%s: unknown option '%s'"), spec->cmd, arg);
	else
		cli_error(_("unknown option '%s'"), arg);
}

/* The entry a long name (maybe shortened) means; NULL if none or several. */
static const struct cli_opt *
find_long(const struct cli_opt *opts, const char *name, size_t len)
{
	const struct cli_opt *found = NULL;
	int matches = 0;

	for (const struct cli_opt *o = opts;; o++) {
		const struct cli_opt *e = o->name ? o : &help_opt;
		if (strncmp(e->name, name, len) == 0) {
			if (!e->name[len])
				return e; /* exact */
			if (!found || found != e)
				matches++;
			found = e;
		}
		if (!o->name)
			break;
	}
	return matches == 1 ? found : NULL;
}

static const struct cli_opt *
find_short(const struct cli_opt *opts, char letter)
{
	for (const struct cli_opt *o = opts; o->name; o++)
		if (o->letter && o->letter == letter)
			return o;
	return letter == 'h' ? &help_opt : NULL;
}

/* Store value (NULL for a flag) into o's destination. */
static int
store(const struct cli_optspec *spec, const struct cli_opt *o, char *value)
{
	char dashed[64];
	int m;

	snprintf(dashed, sizeof dashed, "--%s", o->name);
	switch (o->kind) {
	case CLI_OPT_FLAG:
		*(bool *)o->dest = true;
		break;
	case CLI_OPT_STRING:
		*(const char **)o->dest = value;
		break;
	case CLI_OPT_INT:
		if (!cli_parse_int(value, o->min, o->max, (long long *)o->dest)) {
			if (o->bad) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
				cli_error(o->bad, value); /* a translated "... '%s' ..." */
#pragma GCC diagnostic pop
			} else {
				cli_error(_("invalid %s '%s': give a number from %lld to %lld"),
					  dashed, value, o->min, o->max);
			}
			return usage_error(spec);
		}
		break;
	case CLI_OPT_DATE:
		if (cb_schema_check_meaning(CB_M_DATE, value) != CB_OK) {
			if (cb_date_out_of_range(value))
				cli_error(_("invalid %s '%s': dates run from 1900-01-01 to 2199-12-31"),
					  dashed, value);
			else
				cli_error(_("invalid %s '%s': use a date such as 2026-01-07"), dashed, value);
			return usage_error(spec);
		}
		*(const char **)o->dest = value;
		break;
	case CLI_OPT_TIME:
		if (cb_time_parse(value, &m) != CB_OK) {
			cli_error(_("invalid %s '%s': use a time such as 17:30"), dashed, value);
			return usage_error(spec);
		}
		*(const char **)o->dest = value;
		break;
	case CLI_OPT_FORMAT:
		if (!cli_format_parse(value, (enum cli_format *)o->dest))
			return cli_bad_format(value, spec->help_cmd ? spec->help_cmd : spec->cmd);
		break;
	case CLI_OPT_CALL:
		if ((m = o->fn(value, o->dest)) >= 0)
			return m;
		break;
	}
	if (o->given)
		*o->given = true;
	return -1;
}

static int
help(const struct cli_optspec *spec)
{
	if (spec->usage_fn)
		spec->usage_fn(stdout);
	else if (spec->usage)
		fputs(spec->usage, stdout);
	return EXIT_OK;
}

static int
parse(const struct cli_optspec *spec, bool stop_at_arg, int argc, char **argv, int *nargs)
{
	int n = 0, rc;
	bool only_args = false;

	for (int i = 1; i < argc; i++) {
		char *arg = argv[i];
		const struct cli_opt *o;
		char *value = NULL;
		char dashed[64];

		if (only_args || arg[0] != '-' || !arg[1]) {
			argv[1 + n++] = arg;
			if (stop_at_arg)
				only_args = true;
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			only_args = true;
			continue;
		}
		if (arg[1] == '-') {
			char *eq = strchr(arg + 2, '=');
			size_t len = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);
			o = len ? find_long(spec->opts, arg + 2, len) : NULL;
			if (eq)
				value = eq + 1;
		} else {
			o = find_short(spec->opts, arg[1]);
			if (arg[2])
				value = arg + 2;
		}
		if (!o || (value && o == &help_opt && arg[1] != '-')) {
			unknown(spec, arg);
			return usage_error(spec);
		}
		snprintf(dashed, sizeof dashed, "--%s", o->name);
		if (o->off) {
			cli_error(_("%s: option '%s' does not apply here"), spec->cmd, dashed);
			return usage_error(spec);
		}
		if (o->kind == CLI_OPT_FLAG) {
			if (value) {
				if (arg[1] != '-') {
					/* "-hx": letters run together are not supported */
					unknown(spec, arg);
					return usage_error(spec);
				}
				cli_error(_("option '%s' takes no value"), dashed);
				return usage_error(spec);
			}
			if (o == &help_opt)
				return help(spec);
		} else if (!value) {
			if (i + 1 >= argc) {
				cli_error(_("option '%s' needs a value"), dashed);
				return usage_error(spec);
			}
			value = argv[++i];
		}
		if ((rc = store(spec, o, value)) >= 0)
			return rc;
	}
	*nargs = n;
	return -1;
}

int
cli_opts_parse(const struct cli_optspec *spec, int argc, char **argv, int *nargs)
{
	return parse(spec, false, argc, argv, nargs);
}

int
cli_opts_parse_head(const struct cli_optspec *spec, int argc, char **argv, int *nargs)
{
	return parse(spec, true, argc, argv, nargs);
}

int
cli_opts_at_most(const struct cli_optspec *spec, int nargs, int max, char **argv)
{
	if (nargs <= max)
		return -1;
	cli_error(_("%s: unexpected argument '%s'"), spec->cmd, argv[max + 1]);
	return usage_error(spec);
}
