/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The write kit: field setters, the end of an action, text checks. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cambouis/text.h"
#include "cambouis/write.h"

cb_status
cb_write_text(struct cb_db *db, int table, const struct cb_id *row, int field, const char *s)
{
	struct cb_value v = {CB_V_TEXT, 0, s};

	if (!s || !*s)
		v.type = CB_V_NULL;
	return cb_oplog_set(db, table, row, field, &v);
}

cb_status
cb_write_int(struct cb_db *db, int table, const struct cb_id *row, int field, long long i)
{
	struct cb_value v = {CB_V_INT, i, NULL};

	return cb_oplog_set(db, table, row, field, &v);
}

cb_status
cb_write_null(struct cb_db *db, int table, const struct cb_id *row, int field)
{
	struct cb_value v = {CB_V_NULL, 0, NULL};

	return cb_oplog_set(db, table, row, field, &v);
}

cb_status
cb_write_id(struct cb_db *db, int table, const struct cb_id *row, int field, const struct cb_id *id)
{
	char hex[CB_ID_HEX_LEN + 1];

	cb_id_to_hex(id, hex);
	return cb_write_text(db, table, row, field, hex);
}

cb_status
cb_write_finish(struct cb_db *db, cb_status rc)
{
	if (rc != CB_OK) {
		cb_db_rollback(db);
		return rc;
	}
	return cb_db_commit(db);
}

cb_status
cb_write_refuse(struct cb_db *db, cb_status rc)
{
	cb_status st = cb_db_commit(db);

	return st != CB_OK ? st : rc;
}

cb_status
cb_write_check_text(const char *s, size_t max, bool newlines, bool required)
{
	size_t n;

	if (!s)
		return CB_OK;
	n = strlen(s);
	if (!cb_utf8_valid(s, n) || cb_text_has_control(s, newlines))
		return CB_INVALID;
	if (required) {
		char *t = cb_text_trim(s);
		bool empty = t && !*t;
		free(t);
		if (!t)
			return CB_NOMEM;
		if (empty)
			return CB_INVALID;
	}
	return n > max ? CB_TOO_LONG : CB_OK;
}

uint64_t
cb_write_rand(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}
