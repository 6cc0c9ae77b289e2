/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Conveniences over the statement API of db.h: they need nothing of
 * SQLite beyond it. */
#include "config.h"

#include "cambouis/db.h"

cb_status
cb_db_query_int(struct cb_db *db, const char *sql, int64_t *out)
{
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, sql, &st);

	if (rc != CB_OK)
		return rc;
	rc = cb_stmt_step(st);
	if (rc == CB_ROW) {
		*out = cb_stmt_int(st, 0);
		cb_stmt_reset(st);
		return CB_OK;
	}
	if (rc == CB_DONE) {
		*out = 0;
		return CB_OK;
	}
	return rc;
}

cb_status
cb_db_row_by_id(struct cb_db *db, const char *sql, const struct cb_id *id, struct cb_stmt **row)
{
	cb_status rc = cb_db_prepare(db, sql, row);

	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_id(*row, 1, id);
	rc = cb_stmt_step(*row);
	return rc == CB_ROW ? CB_OK : rc == CB_DONE ? CB_NOT_FOUND : rc;
}

cb_status
cb_db_find_id(struct cb_db *db, const char *sql, const char *key, struct cb_id *out)
{
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, sql, &st);
	int found = 0;

	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_text(st, 1, key);
	while ((rc = cb_stmt_step(st)) == CB_ROW)
		if (found++ == 0 && out)
			cb_stmt_id(st, 0, out);
	if (rc != CB_DONE)
		return rc;
	return found == 0 ? CB_NOT_FOUND : found == 1 ? CB_OK : CB_AMBIGUOUS;
}
