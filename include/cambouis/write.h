/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_WRITE_H
#define CAMBOUIS_WRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cambouis/db.h"
#include "cambouis/id.h"
#include "cambouis/oplog.h"

/*
 * The write kit every module uses to turn a user action into ops: one
 * call per field, inside the action's one transaction (cb_db_begin()),
 * ended by cb_write_finish() or cb_write_refuse(). Each setter makes a
 * local op with cb_oplog_set() and returns its status (CB_INVALID,
 * CB_TOO_LONG when the schema refuses the value).
 */

/* Set a text field; NULL or "" sets it to NULL. */
cb_status cb_write_text(struct cb_db *db, int table, const struct cb_id *row, int field,
			const char *s);
cb_status cb_write_int(struct cb_db *db, int table, const struct cb_id *row, int field,
		       long long i);
cb_status cb_write_null(struct cb_db *db, int table, const struct cb_id *row, int field);
/* A reference to another row: its id as 32 lower-case hex digits. */
cb_status cb_write_id(struct cb_db *db, int table, const struct cb_id *row, int field,
		      const struct cb_id *id);

/* End the action's transaction: commit when rc is CB_OK, else roll back;
 * returns rc, or the commit's failure. */
cb_status cb_write_finish(struct cb_db *db, cb_status rc);

/* A refusal found before anything was written: commit this level (so a
 * caller's enclosing transaction, the demo or an import, is not doomed)
 * and return rc, or the commit's failure. */
cb_status cb_write_refuse(struct cb_db *db, cb_status rc);

/* Check a text a user typed: valid UTF-8, no control characters (tabs
 * and newlines only with newlines), at most max bytes; with required, not
 * blank. NULL is fine (nothing given). CB_OK, CB_INVALID or CB_TOO_LONG. */
cb_status cb_write_check_text(const char *s, size_t max, bool newlines, bool required);

/* splitmix64: a small seedable generator, the same on every machine, so
 * the same seed gives the same demo data. Advances *state. */
uint64_t cb_write_rand(uint64_t *state);

#endif
