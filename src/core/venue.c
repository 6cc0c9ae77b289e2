/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cambouis/buf.h"
#include "cambouis/clock.h"
#include "cambouis/oplog.h"
#include "cambouis/text.h"
#include "cambouis/venue.h"
#include "cambouis/write.h"

static const char SQL_FIND_EXACT[] =
	"SELECT id FROM venues WHERE deleted = 0 AND name = ?1 LIMIT 2";
/* the same name as people compare names (cb_text_name_key): case, normal
 * form and format characters aside; venues are few, no index needed */
static const char SQL_FIND_NOCASE[] =
	"SELECT id FROM venues WHERE deleted = 0 AND name = ?1 COLLATE cambouis_name LIMIT 2";
static const char SQL_GET[] =
	"SELECT id, name, address, commune, capacity, notes, deleted FROM venues WHERE id = ?1";
static const char SQL_LIST[] =
	"SELECT id, name, address, commune, capacity, notes, deleted FROM venues"
	" WHERE deleted = 0 AND name IS NOT NULL ORDER BY id";

cb_status
cb_venue_validate(const struct cb_venue_input *in, bool adding, int *bad_field)
{
	static const struct {
		int field;
		size_t max;
		bool newlines, required;
		size_t off;
	} texts[] = {
		{CB_F_VENUE_NAME, CB_VENUE_NAME_MAX, false, true, offsetof(struct cb_venue_input, name)},
		{CB_F_VENUE_ADDRESS, CB_VENUE_TEXT_MAX, false, false, offsetof(struct cb_venue_input, address)},
		{CB_F_VENUE_COMMUNE, CB_VENUE_TEXT_MAX, false, false, offsetof(struct cb_venue_input, commune)},
		{CB_F_VENUE_NOTES, CB_VENUE_NOTES_MAX, true, false, offsetof(struct cb_venue_input, notes)},
	};
	int dummy;
	cb_status st;

	if (!bad_field)
		bad_field = &dummy;
	*bad_field = 0;
	if (adding && !in->name) {
		*bad_field = CB_F_VENUE_NAME;
		return CB_INVALID;
	}
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		const char *s = *(const char *const *)((const char *)in + texts[i].off);
		if ((st = cb_write_check_text(s, texts[i].max, texts[i].newlines, texts[i].required)) != CB_OK) {
			*bad_field = texts[i].field;
			return st;
		}
	}
	if (in->set_capacity && (in->capacity < -1 || in->capacity > CB_VENUE_CAPACITY_MAX)) {
		*bad_field = CB_F_VENUE_CAPACITY;
		return CB_INVALID;
	}
	return CB_OK;
}

cb_status
cb_venue_find(struct cb_db *db, const char *name, struct cb_id *out)
{
	char *t = cb_text_trim(name);
	cb_status rc;

	if (!t)
		return CB_NOMEM;
	rc = cb_db_find_id(db, SQL_FIND_EXACT, t, out);
	if (rc == CB_NOT_FOUND)
		rc = cb_db_find_id(db, SQL_FIND_NOCASE, t, out);
	free(t);
	return rc;
}

/* Is name free for venue self (zero id when adding)? */
static cb_status
name_is_free(struct cb_db *db, const char *name, const struct cb_id *self)
{
	struct cb_id other;
	cb_status rc = cb_db_find_id(db, SQL_FIND_NOCASE, name, &other);

	if (rc == CB_NOT_FOUND)
		return CB_OK;
	if (rc == CB_OK && self && cb_id_cmp(&other, self) == 0)
		return CB_OK;
	if (rc == CB_OK || rc == CB_AMBIGUOUS)
		return CB_EXISTS;
	return rc;
}

static cb_status
set_text(struct cb_db *db, const struct cb_id *id, int field, const char *s, const char *old)
{
	char *t;
	cb_status rc;

	if (!s)
		return CB_OK;
	if (!(t = cb_text_trim(s)))
		return CB_NOMEM;
	rc = old && strcmp(t, old) == 0 ? CB_OK : cb_write_text(db, CB_T_VENUE, id, field, t);
	free(t);
	return rc;
}

static cb_status
set_capacity(struct cb_db *db, const struct cb_id *id, const struct cb_venue_input *in,
	     long long old)
{
	struct cb_value v = {CB_V_INT, in->capacity, NULL};

	if (!in->set_capacity || in->capacity == old)
		return CB_OK;
	if (in->capacity < 0)
		v.type = CB_V_NULL;
	return cb_oplog_set(db, CB_T_VENUE, id, CB_F_VENUE_CAPACITY, &v);
}

/* Write the fields of in that differ from old (NULL: all given fields). */
static cb_status
write_fields(struct cb_db *db, const struct cb_id *id, const struct cb_venue_input *in,
	     const struct cb_venue *old)
{
	cb_status rc;

	if ((rc = set_text(db, id, CB_F_VENUE_NAME, in->name, old ? old->name : NULL)) != CB_OK ||
	    (rc = set_text(db, id, CB_F_VENUE_ADDRESS, in->address, old ? old->address : NULL)) != CB_OK ||
	    (rc = set_text(db, id, CB_F_VENUE_COMMUNE, in->commune, old ? old->commune : NULL)) != CB_OK ||
	    (rc = set_text(db, id, CB_F_VENUE_NOTES, in->notes, old ? old->notes : NULL)) != CB_OK)
		return rc;
	return set_capacity(db, id, in, old ? old->capacity : -1);
}

cb_status
cb_venue_add(struct cb_db *db, const struct cb_venue_input *in, struct cb_id *out_id, int *bad_field)
{
	struct cb_id id;
	char *name;
	cb_status rc;

	if ((rc = cb_venue_validate(in, true, bad_field)) != CB_OK)
		return rc;
	if (!(name = cb_text_trim(in->name)))
		return CB_NOMEM;
	if ((rc = cb_db_begin(db)) != CB_OK) {
		free(name);
		return rc;
	}
	rc = name_is_free(db, name, NULL);
	free(name);
	if (rc == CB_EXISTS) {
		if (bad_field)
			*bad_field = CB_F_VENUE_NAME;
		return cb_write_refuse(db, rc);
	}
	if (rc == CB_OK)
		rc = cb_id_new(&id, cb_clock_now_ms());
	if (rc == CB_OK)
		rc = write_fields(db, &id, in, NULL);
	if ((rc = cb_write_finish(db, rc)) == CB_OK && out_id)
		*out_id = id;
	return rc;
}

cb_status
cb_venue_edit(struct cb_db *db, const struct cb_id *id, const struct cb_venue_input *in, int *bad_field)
{
	struct cb_venue old;
	cb_status rc;

	if ((rc = cb_venue_validate(in, false, bad_field)) != CB_OK)
		return rc;
	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	if ((rc = cb_venue_get(db, id, &old)) != CB_OK)
		return rc == CB_NOT_FOUND ? cb_write_refuse(db, rc) : cb_write_finish(db, rc);
	if (in->name) {
		char *name = cb_text_trim(in->name);
		rc = name ? name_is_free(db, name, id) : CB_NOMEM;
		free(name);
		if (rc == CB_EXISTS) {
			if (bad_field)
				*bad_field = CB_F_VENUE_NAME;
			cb_venue_clear(&old);
			return cb_write_refuse(db, rc);
		}
	}
	if (rc == CB_OK)
		rc = write_fields(db, id, in, &old);
	cb_venue_clear(&old);
	return cb_write_finish(db, rc);
}

static cb_status
set_deleted(struct cb_db *db, const struct cb_id *id, int deleted)
{
	struct cb_venue old;
	cb_status rc;

	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	if ((rc = cb_venue_get(db, id, &old)) != CB_OK)
		return rc == CB_NOT_FOUND ? cb_write_refuse(db, rc) : cb_write_finish(db, rc);
	if (!deleted) {
		/* a restored venue must not clash with one added since */
		rc = name_is_free(db, old.name, id);
	}
	cb_venue_clear(&old);
	if (rc == CB_EXISTS)
		return cb_write_refuse(db, rc);
	if (rc == CB_OK)
		rc = cb_write_int(db, CB_T_VENUE, id, CB_F_VENUE_DELETED, deleted);
	return cb_write_finish(db, rc);
}

cb_status
cb_venue_remove(struct cb_db *db, const struct cb_id *id)
{
	return set_deleted(db, id, 1);
}

cb_status
cb_venue_restore(struct cb_db *db, const struct cb_id *id)
{
	return set_deleted(db, id, 0);
}

static cb_status
read_row(struct cb_stmt *st, struct cb_venue *v)
{
	memset(v, 0, sizeof *v);
	cb_stmt_id(st, 0, &v->id);
	v->name = strdup(cb_stmt_text(st, 1));
	v->address = strdup(cb_stmt_text(st, 2));
	v->commune = strdup(cb_stmt_text(st, 3));
	v->capacity = cb_stmt_is_null(st, 4) ? -1 : cb_stmt_int(st, 4);
	v->notes = strdup(cb_stmt_text(st, 5));
	if (!v->name || !v->address || !v->commune || !v->notes) {
		cb_venue_clear(v);
		return CB_NOMEM;
	}
	return CB_OK;
}

cb_status
cb_venue_get(struct cb_db *db, const struct cb_id *id, struct cb_venue *out)
{
	struct cb_stmt *st;
	cb_status rc;

	memset(out, 0, sizeof *out);
	if ((rc = cb_db_row_by_id(db, SQL_GET, id, &st)) != CB_OK)
		return rc;
	rc = read_row(st, out);
	cb_stmt_reset(st);
	return rc;
}

void
cb_venue_clear(struct cb_venue *v)
{
	free(v->name);
	free(v->address);
	free(v->commune);
	free(v->notes);
	v->name = v->address = v->commune = v->notes = NULL;
}

/* Case and accents folded, so "école" sorts among the e's; SQLite's NOCASE
 * only folds ASCII. Ties keep a stable order (by id). */
static int
by_name(const void *a, const void *b)
{
	const struct cb_venue *x = a, *y = b;
	int c = cb_text_collate(x->name, y->name);
	return c ? c : cb_id_cmp(&x->id, &y->id);
}

cb_status
cb_venue_list(struct cb_db *db, struct cb_venue_list *out)
{
	struct cb_stmt *st;
	size_t cap = 0;
	cb_status rc = cb_db_prepare(db, SQL_LIST, &st);

	out->items = NULL;
	out->count = 0;
	if (rc != CB_OK)
		return rc;
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		if (!cb_grow(&out->items, &cap, out->count, sizeof *out->items, 16)) {
			rc = CB_NOMEM;
			break;
		}
		if ((rc = read_row(st, &out->items[out->count])) != CB_OK)
			break;
		out->count++;
	}
	if (rc == CB_DONE) {
		if (out->count > 1)
			qsort(out->items, out->count, sizeof *out->items, by_name);
		return CB_OK;
	}
	cb_stmt_reset(st);
	cb_venue_list_free(out);
	return rc;
}

void
cb_venue_list_free(struct cb_venue_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		cb_venue_clear(&list->items[i]);
	free(list->items);
	list->items = NULL;
	list->count = 0;
}
