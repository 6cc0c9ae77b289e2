/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The front ends' shared context: errors, exit codes, opening the database. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cambouis/demo.h"
#include "cambouis/i18n.h"
#include "cambouis/text.h"
#include "common/context.h"

/* Format, escape (cb_text_escape), write: the one way the commands put
 * text that may hold data on a terminal. */
static int
escaped_vprintf(FILE *out, const char *fmt, va_list ap)
{
	char *raw = NULL, *safe;
	int n;

	if (vasprintf(&raw, fmt, ap) < 0)
		return -1;
	safe = cb_text_escape(raw, CB_ESCAPE_KEEP_LINES);
	free(raw);
	if (!safe)
		return -1;
	n = fputs(safe, out) < 0 ? -1 : (int)strlen(safe);
	free(safe);
	return n;
}

int
cli_printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = escaped_vprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}

int
cli_fprintf(FILE *out, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = escaped_vprintf(out, fmt, ap);
	va_end(ap);
	return n;
}

int
cli_fputs(const char *s, FILE *out)
{
	return cli_fprintf(out, "%s", s);
}

void
cli_error(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("cambouis: ", stderr);
	va_start(ap, fmt);
	escaped_vprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
cli_exit_code(cb_status st)
{
	switch (st) {
	case CB_OK:
		return EXIT_OK;
	case CB_DB_MISSING:
	case CB_DB_LOCKED:
	case CB_DB_READONLY:
	case CB_DB_TOO_NEW:
	case CB_DB_NOT_FILE:
	case CB_DB_UNREADABLE:
	case CB_DB_PATH:
	case CB_DB_DANGLING:
	case CB_DB_COMPANION:
		return EXIT_DB_UNAVAILABLE;
	case CB_DB_DAMAGED:
	case CB_DB_FOREIGN:
		return EXIT_DB_DAMAGED;
	case CB_INVALID:
	case CB_TOO_LONG:
	case CB_CONFIG:
		return EXIT_USAGE;
	default:
		return EXIT_FAILURE_RUNTIME;
	}
}

int
cli_fail(cb_status st, const char *what)
{
	/* called on a failure path: a success there is a bug, never exit 0 */
	if (st == CB_OK)
		st = CB_DONE;
	if (what)
		cli_error("%s: %s", what, cb_status_message(st));
	else
		cli_error("%s", cb_status_message(st));
	return cli_exit_code(st);
}

/* The demo database is made and filled on first use, so `--demo` always
 * has something to show. */
static cb_status
prepare_demo(struct cli *c)
{
	struct cb_db *db;
	struct stat sb;
	char detail[256];
	cb_status st;

	if (stat(c->db_path, &sb) == 0)
		return CB_OK;
	if ((st = cb_db_open(c->db_path, CB_OPEN_CREATE, &db, detail, sizeof detail)) != CB_OK)
		return st;
	if ((st = cb_db_set_site_label(db, "demo")) == CB_OK)
		st = cb_demo_fill(db, CB_DEMO_SMALL, 1);
	cb_db_close(db);
	if (st != CB_OK)
		unlink(c->db_path);
	return st;
}

int
cli_open(struct cli *c, unsigned flags)
{
	char detail[256];
	cb_status st;

	if (c->demo && (st = prepare_demo(c)) != CB_OK)
		return cli_fail(st, c->db_path);
	st = cb_db_open(c->db_path, flags, &c->db, detail, sizeof detail);
	/* a demo database made before demos were marked is marked now */
	if (st == CB_OK && c->demo && !cb_db_is_demo(c->db) &&
	    (flags & (CB_OPEN_WRITE | CB_OPEN_CREATE)) &&
	    (st = cb_db_mark_demo(c->db)) != CB_OK) {
		cli_close(c);
		return cli_fail(st, c->db_path);
	}
	if (st == CB_OK)
		return 0;
	if (st == CB_DB_COMPANION) {
		cli_error(_("%s: %s: %s (its owner may make it writable with chmod 600)"),
			  c->db_path, cb_status_message(st), detail);
	} else if (st == CB_DB_MISSING && !detail[0]) {
		cli_error(_("%s: %s (run 'cambouis init' to create it)"), c->db_path,
			  cb_status_message(st));
	} else if (detail[0]) {
		cli_error("%s: %s (%s)", c->db_path, cb_status_message(st), detail);
	} else {
		cli_error("%s: %s", c->db_path, cb_status_message(st));
	}
	return cli_exit_code(st);
}

int
cli_open_to_read(struct cli *c)
{
	/* Read-write when we may, so an older database is upgraded on the
	 * way; a read-only file at the current schema can still be listed. */
	if (!c->demo && access(c->db_path, F_OK) == 0 && access(c->db_path, W_OK) != 0)
		return cli_open(c, CB_OPEN_READONLY);
	return cli_open(c, CB_OPEN_WRITE);
}

void
cli_close(struct cli *c)
{
	cb_db_close(c->db);
	c->db = NULL;
}
