/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_CLI_H
#define CAMBOUIS_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cli/commands.h"
#include "common/context.h"

/* Parse a whole decimal number in [min, max]; false when it is not one. */
bool cli_parse_int(const char *s, long long min, long long max, long long *out);

/* "Try 'cambouis CMD --help'." after a usage error; returns EXIT_USAGE. */
int cli_usage_error(const char *cmd);

/* Listings: --format text|csv|tsv. */
enum cli_format { CLI_TEXT, CLI_CSV, CLI_TSV };
bool cli_format_parse(const char *s, enum cli_format *out);
/* Say that arg is not a format cmd knows; returns EXIT_USAGE. */
int cli_bad_format(const char *arg, const char *cmd);

struct cli_table;
/* A table with ncols columns: names are the csv/tsv header (stable,
 * English), titles the text header (translated). */
struct cli_table *cli_table_new(size_t ncols, const char *const *names,
				const char *const *titles);
/* Append a row of ncols cells (copied; NULL means empty). false on OOM. */
bool cli_table_add(struct cli_table *t, const char *const *cells);
/* Write the table; returns false on a write error (e.g. a full disk). */
bool cli_table_print(const struct cli_table *t, FILE *out, enum cli_format fmt);
void cli_table_free(struct cli_table *t);

/* A command with actions ("venue add", "series list"...): run the action
 * named by argv[1], or print help, or say what is missing. say_what is the
 * translated "GROUP: say what to do: ..." line. */
struct cli_action {
	const char *name;
	int (*fn)(struct cli *c, int argc, char **argv);
};
int cli_dispatch(struct cli *c, int argc, char **argv, const char *group,
		 const struct cli_action *actions, size_t n, void (*help)(FILE *out),
		 const char *say_what);

/* The sub-commands (the table in commands.h): cli_cmd_init()... argv[0] is
 * the command name. */
#define CLI_CMD_PROTO(name, args, help) int cli_cmd_##name(struct cli *c, int argc, char **argv);
#define CLI_CMD_NONE(synopsis, help)
CLI_COMMAND_INFO(CLI_CMD_PROTO, CLI_CMD_NONE)
#undef CLI_CMD_PROTO
#undef CLI_CMD_NONE
/* the actions of venue that the calendar brings (calendar.c) */
int cli_venue_close(struct cli *c, int argc, char **argv);
int cli_venue_closures(struct cli *c, int argc, char **argv);

#endif
