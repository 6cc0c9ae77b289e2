/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_STATUS_H
#define CAMBOUIS_STATUS_H

/*
 * Every core function returns one of these codes. The table pairs each code
 * with a translatable message (marked with N_, translated at display time by
 * cb_status_message()). CB_ROW and CB_DONE are the two non-error results of
 * stepping a statement: they never leave a module's public function, so a
 * front end that is handed one as a failure has met a bug and says so
 * (their messages never speak of rows).
 */
#define CB_STATUS_INFO(_) \
	_(OK,             N_("success")) \
	_(ROW,            N_("internal error: an unexpected result")) \
	_(DONE,           N_("internal error: an unexpected end of data")) \
	_(NOMEM,          N_("out of memory")) \
	_(IO,             N_("input/output error")) \
	_(FULL,           N_("the disk is full")) \
	_(DB_MISSING,     N_("the database does not exist")) \
	_(DB_LOCKED,      N_("the database is locked by another program")) \
	_(DB_READONLY,    N_("the database is read-only")) \
	_(DB_DAMAGED,     N_("the database file is damaged")) \
	_(DB_FOREIGN,     N_("the file is not a cambouis database")) \
	_(DB_TOO_NEW,     N_("the database was made by a newer cambouis")) \
	_(DB_ERROR,       N_("database error")) \
	_(NOT_FOUND,      N_("not found")) \
	_(EXISTS,         N_("already exists")) \
	_(AMBIGUOUS,      N_("more than one match")) \
	_(INVALID,        N_("invalid value")) \
	_(TOO_LONG,       N_("value too long")) \
	_(BAD_OP,         N_("invalid operation")) \
	_(CONFIG,         N_("configuration error")) \
	_(DEMO,           N_("this is the demo database: it does not sync with a sync folder")) \
	_(DB_NOT_FILE,    N_("the database is not a regular file")) \
	_(DB_UNREADABLE,  N_("the database cannot be read: permission denied")) \
	_(DB_PATH,        N_("the database's path is too long or cannot be reached")) \
	_(DB_DANGLING,    N_("the database is a symbolic link to a file that does not exist")) \
	_(DB_COMPANION,   N_("a -wal or -shm file beside the database cannot be read or written"))

typedef enum cb_status {
#define CB_STATUS_ENUM(name, msg) CB_##name,
	CB_STATUS_INFO(CB_STATUS_ENUM)
#undef CB_STATUS_ENUM
	CB_STATUS_COUNT
} cb_status;

/* The translated message for a status; a static string, never NULL. */
const char *cb_status_message(cb_status st);

/* The code's name ("DB_LOCKED"), for logs and tests; never NULL. */
const char *cb_status_name(cb_status st);

#endif
