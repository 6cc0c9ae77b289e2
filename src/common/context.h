/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_COMMON_CONTEXT_H
#define CAMBOUIS_COMMON_CONTEXT_H

/*
 * What both front ends (the sub-commands in src/cli and the full-screen
 * interface in src/ui) share: the loaded configuration, where the database
 * is, opening it, the exit codes and the one way to print an error. Neither
 * front end includes the other's headers; src/main.c fills the context and
 * hands it to one of them. (The names keep the cli_ prefix they had when
 * only the sub-commands used them.)
 */

#include <stdbool.h>
#include <stdio.h>

#include "cambouis/config.h"
#include "cambouis/db.h"

/* Exit codes (DESIGN.md §8). */
enum cli_exit {
	EXIT_OK = 0,
	EXIT_FAILURE_RUNTIME = 1,
	EXIT_USAGE = 2,
	EXIT_TERMINAL = 3,
	EXIT_DB_UNAVAILABLE = 4,
	EXIT_DB_DAMAGED = 5,
	EXIT_IMPORT_REJECTED = 6,
};

/* What every command and the interface get: the loaded configuration and
 * where the database is. They open the database themselves with
 * cli_open(). */
struct cli {
	struct cb_config cfg;
	char *db_path;   /* resolved: -d, CAMBOUIS_DB, --demo, config, XDG */
	char *config_path; /* where settings are written: -c, CAMBOUIS_CONFIG
			    * or the XDG path (NULL: no HOME) */
	bool demo;       /* --demo: the demo database, made on first use */
	struct cb_db *db;
};

/* "cambouis: message" on stderr (message already translated). Like
 * cli_printf(), the message goes through cb_text_escape(). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* printf for what the commands say on a terminal: the formatted text goes
 * through cb_text_escape() (newlines and tabs kept), so a name, a label or
 * a file name that came from the database, a bundle or a folder cannot
 * move the cursor, recolour, retitle the terminal or reorder the line.
 * Listings print through cli_table, which does the same for text. */
int cli_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int cli_fprintf(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int cli_fputs(const char *s, FILE *out);

/* The exit code for a core status: 0 for CB_OK only (CB_ROW and CB_DONE,
 * which never leave a core function, are an internal error: 1). */
int cli_exit_code(cb_status st);

/* Print "cambouis: <what>: <status message>" and return its exit code,
 * never 0 (the one mapping from a failing core status to what a user
 * reads and the exit code). */
int cli_fail(cb_status st, const char *what);

/* Open c->db_path (flags from cb_open_flags). With --demo the demo database
 * is made and filled first if needed. Prints the error and returns its exit
 * code, or 0 when open. */
int cli_open(struct cli *c, unsigned flags);
void cli_close(struct cli *c);

/* Open for a listing: read-write when the file allows it (so an older
 * schema is upgraded), read-only otherwise. Same return as cli_open(). */
int cli_open_to_read(struct cli *c);

#endif
