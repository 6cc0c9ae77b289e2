/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_CLI_OPTS_H
#define CAMBOUIS_CLI_OPTS_H

/*
 * The sub-commands' options, declared rather than parsed by hand: a table
 * of {long name, short letter, kind, destination} and one call.
 *
 *	const char *from = NULL;
 *	long long days = 28;
 *	enum cli_format fmt = CLI_TEXT;
 *	bool days_given = false;
 *	const struct cli_opt opts[] = {
 *		{CLI_DATE("from", &from)},
 *		{CLI_INT("days", &days, 1, 366), .given = &days_given},
 *		{CLI_FORMAT("format", &fmt)},
 *		{CLI_END},
 *	};
 *	const struct cli_optspec spec = {"agenda", NULL, opts, .usage = text};
 *	int n, rc = cli_opts_parse(&spec, argc, argv, &n);
 *	if (rc >= 0)
 *		return rc;	// help printed (EXIT_OK) or error printed
 *	// argv[1] .. argv[n] are the other arguments, in their order
 *
 * Options and other arguments may come in any order; "--" ends the
 * options; "-" alone is an argument; "--name=value" and "--name value"
 * both work, and so does an unambiguous start of a long name ("--cap").
 * -h and --help print the usage. Every error names the argument as typed,
 * is followed by "Try 'cambouis CMD --help'." and returns EXIT_USAGE:
 *   CMD: unknown option 'ARG'
 *   option '--name' needs a value
 *   option '--name' takes no value
 *   CMD: option '--name' does not apply here      (an entry with .off)
 *   invalid --name 'VALUE': ...                   (a value of the wrong kind)
 */

#include <stdbool.h>
#include <stdio.h>

enum cli_opt_kind {
	CLI_OPT_FLAG,    /* bool *: set to true */
	CLI_OPT_STRING,  /* const char **: the value as given (points into argv) */
	CLI_OPT_INT,     /* long long *: a whole number in [min, max] */
	CLI_OPT_DATE,    /* const char **: a valid date, YYYY-MM-DD */
	CLI_OPT_TIME,    /* const char **: a valid time of day, HH:MM */
	CLI_OPT_FORMAT,  /* enum cli_format *: text, csv or tsv */
	CLI_OPT_CALL,    /* fn(value, dest): checks and stores a value of its own
			  * kind (maybe given more than once) */
};

/* For CLI_OPT_CALL: -1 when the value is taken, or the exit code after
 * printing why not. value points into argv and may be changed. */
typedef int (*cli_opt_fn)(char *value, void *dest);

struct cli_opt {
	const char *name;        /* the long name without "--"; NULL ends the table */
	char letter;             /* its short form (-x), 0 for none */
	enum cli_opt_kind kind;
	void *dest;
	bool *given;             /* when not NULL, set to true when the option is given */
	long long min, max;      /* CLI_OPT_INT */
	const char *bad;         /* CLI_OPT_INT: the message for a bad value, one %s for
				  * it (translated); NULL: "give a number from MIN to MAX" */
	bool off;                /* known but not for this action: "does not apply here" */
	cli_opt_fn fn;           /* CLI_OPT_CALL */
};

/* The start of an entry; add .letter, .given, .bad or .off after it. */
#define CLI_FLAG(n, d) .name = (n), .kind = CLI_OPT_FLAG, .dest = (d)
#define CLI_STRING(n, d) .name = (n), .kind = CLI_OPT_STRING, .dest = (d)
#define CLI_INT(n, d, lo, hi) .name = (n), .kind = CLI_OPT_INT, .dest = (d), .min = (lo), .max = (hi)
#define CLI_DATE(n, d) .name = (n), .kind = CLI_OPT_DATE, .dest = (d)
#define CLI_TIME(n, d) .name = (n), .kind = CLI_OPT_TIME, .dest = (d)
#define CLI_FORMAT(n, d) .name = (n), .kind = CLI_OPT_FORMAT, .dest = (d)
#define CLI_CALL(n, f, d) .name = (n), .kind = CLI_OPT_CALL, .fn = (f), .dest = (d)
#define CLI_END .name = NULL

struct cli_optspec {
	const char *cmd;         /* names the command in errors: "venue add"; NULL
				  * for the program's own options (src/main.c) */
	const char *help_cmd;    /* for "Try 'cambouis HELP_CMD --help'."; NULL: cmd */
	const struct cli_opt *opts;
	const char *usage;       /* printed by -h/--help (translated)... */
	void (*usage_fn)(FILE *out); /* ...or this prints it */
};

/* Parse argv[1..argc) (argv[0] is the command or action name). Returns -1
 * when the command goes on: the options are stored and the other arguments
 * moved to argv[1..*nargs], in their order. Otherwise the usage or an error
 * was printed and the return is the exit code (EXIT_OK, EXIT_USAGE). */
int cli_opts_parse(const struct cli_optspec *spec, int argc, char **argv, int *nargs);
/* The same, but the options end at the first other argument: the
 * program's own options, before the command (src/main.c). */
int cli_opts_parse_head(const struct cli_optspec *spec, int argc, char **argv, int *nargs);
/* After cli_opts_parse: -1 when at most max arguments are left, else
 * "CMD: unexpected argument 'X'" and the usage hint, and the exit code. */
int cli_opts_at_most(const struct cli_optspec *spec, int nargs, int max, char **argv);

#endif
