/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_DB_PRIVATE_H
#define CAMBOUIS_DB_PRIVATE_H

/* Shared by the storage files (db.c, oplog.c, project.c) only: the connection's state
 * that the op log needs, without exposing SQLite to anyone else. */

#include <stdbool.h>
#include <stdint.h>
#include "cambouis/db.h"

struct cb_db_clock {
	uint64_t last_hlc;  /* highest clock seen in the log or issued */
	int64_t next_seq;   /* this site's next sequence number */
};

struct cb_db_clock *cb_db_clock_state(struct cb_db *db);

/* The actions this connection made, for undo (undo.c): each outermost
 * transaction that wrote local ops is one action, the range of their seq. */
struct cb_db_action {
	int64_t first_seq, last_seq;
	size_t undoes;  /* an undo: the number (1-based) of the action it undid */
	bool undone;
	char *note;     /* what the caller said it did (cb_undo_note), or NULL */
};
struct cb_db_actions {
	struct cb_db_action *v;
	size_t n, cap;
	int64_t tx_first_seq; /* next_seq when the transaction began */
	size_t undoing;       /* set by undo.c for the transaction undoing one */
};
struct cb_db_actions *cb_db_actions(struct cb_db *db);
/* db.c tells undo.c that the outermost transaction committed (record the
 * action it made, if any) or rolled back; and frees the list at close. */
void cb_undo_committed(struct cb_db *db);
void cb_undo_rolled_back(struct cb_db *db);
void cb_undo_free(struct cb_db_actions *a);

/* Where project.c keeps the values waiting to be written (NULL at first);
 * the connection frees it. */
struct cb_projection;
struct cb_projection **cb_db_projection_slot(struct cb_db *db);

/* Configure SQLite once, before its first use anywhere in the program:
 * single-threaded (no mutexes) and no memory statistics. Safe to call
 * many times; storage files call it before opening any connection. */
void cb_sqlite_setup(void);

#endif
