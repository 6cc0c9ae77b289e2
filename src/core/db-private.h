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

/* Where project.c keeps the values waiting to be written (NULL at first);
 * the connection frees it. */
struct cb_projection;
struct cb_projection **cb_db_projection_slot(struct cb_db *db);

/* Configure SQLite once, before its first use anywhere in the program:
 * single-threaded (no mutexes) and no memory statistics. Safe to call
 * many times; storage files call it before opening any connection. */
void cb_sqlite_setup(void);

#endif
