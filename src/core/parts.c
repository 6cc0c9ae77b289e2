/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The parts inventory: parts, locations, movements, stock-takes, and on
 * hand computed from the op set (DESIGN.md §3). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cambouis/buf.h"
#include "cambouis/clock.h"
#include "cambouis/i18n.h"
#include "cambouis/namematch.h"
#include "cambouis/parts.h"
#include "cambouis/schema.h"
#include "cambouis/text.h"
#include "cambouis/write.h"

static const char *const unit_codes[] = {NULL, "piece", "pair", "metre", "litre"};
static const char *const cond_codes[] = {NULL, "new", "used", "reclaimed"};
static const char *const reason_codes[] = {NULL, "donation", "purchase", "harvest", "used",
					   "given", "sold", "scrapped", "transfer"};
static const char *const categories[] = {"tubes", "tyres", "brakes", "cables", "transmission",
					 "bearings", "lighting", "tools-consumables", "other"};

#define N(a) (sizeof (a) / sizeof (a)[0])

static int
parse_code(const char *const *codes, size_t n, const char *s)
{
	for (size_t i = 1; s && i < n; i++)
		if (strcmp(codes[i], s) == 0)
			return (int)i;
	return 0;
}

const char *cb_part_unit_code(int u) { return u > 0 && (size_t)u < N(unit_codes) ? unit_codes[u] : NULL; }
int cb_part_unit_parse(const char *s) { return parse_code(unit_codes, N(unit_codes), s); }
const char *cb_part_condition_code(int c) { return c > 0 && (size_t)c < N(cond_codes) ? cond_codes[c] : NULL; }
int cb_part_condition_parse(const char *s) { return parse_code(cond_codes, N(cond_codes), s); }
const char *cb_move_reason_code(int r) { return r > 0 && (size_t)r < N(reason_codes) ? reason_codes[r] : NULL; }
int cb_move_reason_parse(const char *s) { return parse_code(reason_codes, N(reason_codes), s); }
const char *cb_part_category(size_t i) { return i < N(categories) ? categories[i] : NULL; }

bool
cb_part_category_known(const char *s)
{
	for (size_t i = 0; s && i < N(categories); i++)
		if (strcmp(categories[i], s) == 0)
			return true;
	return false;
}

/* --- parts ---------------------------------------------------------------- */

static const char SQL_PART_NAMES[] =
	"SELECT id, name FROM parts WHERE deleted = 0 AND name IS NOT NULL";
static const char SQL_PART_SAME[] =
	"SELECT id FROM parts WHERE deleted = 0 AND name = ?1 COLLATE NOCASE LIMIT 2";
static const char SQL_PART_GET[] =
	"SELECT id, name, category, note, unit, condition, minimum, desired, deleted"
	" FROM parts WHERE id = ?1";

static void
set_bad(enum cb_part_bad *bad, enum cb_part_bad why)
{
	if (bad)
		*bad = why;
}

static cb_status
validate_part(const struct cb_part_input *in, bool adding, enum cb_part_bad *bad)
{
	cb_status st;

	set_bad(bad, CB_PART_OK);
	if (adding && !in->name) {
		set_bad(bad, CB_PART_BAD_NAME);
		return CB_INVALID;
	}
	if ((st = cb_write_check_text(in->name, CB_PART_NAME_MAX, false, true)) != CB_OK) {
		set_bad(bad, CB_PART_BAD_NAME);
		return st;
	}
	if (in->category && *in->category && !cb_part_category_known(in->category)) {
		set_bad(bad, CB_PART_BAD_CATEGORY);
		return CB_INVALID;
	}
	if ((st = cb_write_check_text(in->note, CB_PART_TEXT_MAX, false, false)) != CB_OK) {
		set_bad(bad, CB_PART_BAD_NOTE);
		return st;
	}
	if ((in->set_min && (in->minimum < -1 || in->minimum > CB_PART_LEVEL_MAX)) ||
	    (in->set_desired && (in->desired < -1 || in->desired > CB_PART_LEVEL_MAX)) ||
	    (in->unit && !cb_part_unit_code(in->unit)) ||
	    (in->condition && !cb_part_condition_code(in->condition))) {
		set_bad(bad, CB_PART_BAD_LEVEL);
		return CB_INVALID;
	}
	return CB_OK;
}

cb_status
cb_part_find(struct cb_db *db, const char *key, struct cb_id *out, struct cb_name_matches *cands)
{
	return cb_name_match(db, SQL_PART_NAMES, key, out, cands);
}

static cb_status
part_name_free(struct cb_db *db, const char *name, const struct cb_id *self)
{
	struct cb_id other;
	char *t = cb_text_trim(name);
	cb_status rc;

	if (!t)
		return CB_NOMEM;
	rc = cb_db_find_id(db, SQL_PART_SAME, t, &other);
	free(t);
	if (rc == CB_NOT_FOUND)
		return CB_OK;
	if (rc == CB_OK && self && cb_id_cmp(&other, self) == 0)
		return CB_OK;
	return rc == CB_OK || rc == CB_AMBIGUOUS ? CB_EXISTS : rc;
}

static cb_status
put_text(struct cb_db *db, int table, const struct cb_id *id, int field, const char *s,
	 const char *old)
{
	char *t;
	cb_status rc;

	if (!s)
		return CB_OK;
	if (!(t = cb_text_trim(s)))
		return CB_NOMEM;
	rc = old && strcmp(t, old) == 0 ? CB_OK : cb_write_text(db, table, id, field, t);
	free(t);
	return rc;
}

static cb_status
put_level(struct cb_db *db, const struct cb_id *id, int field, bool set, long long v, long long old)
{
	if (!set || v == old)
		return CB_OK;
	return v < 0 ? cb_write_null(db, CB_T_PART, id, field) : cb_write_int(db, CB_T_PART, id, field, v);
}

static cb_status
write_part(struct cb_db *db, const struct cb_id *id, const struct cb_part_input *in,
	   const struct cb_part *old)
{
	cb_status rc;

	if ((rc = put_text(db, CB_T_PART, id, CB_F_PART_NAME, in->name, old ? old->name : NULL)) != CB_OK ||
	    (rc = put_text(db, CB_T_PART, id, CB_F_PART_CATEGORY, in->category,
			   old ? old->category : NULL)) != CB_OK ||
	    (rc = put_text(db, CB_T_PART, id, CB_F_PART_NOTE, in->note, old ? old->note : NULL)) != CB_OK)
		return rc;
	if (in->unit && (!old || old->unit != in->unit) &&
	    (rc = cb_write_int(db, CB_T_PART, id, CB_F_PART_UNIT, in->unit)) != CB_OK)
		return rc;
	if (in->condition && (!old || old->condition != in->condition) &&
	    (rc = cb_write_int(db, CB_T_PART, id, CB_F_PART_CONDITION, in->condition)) != CB_OK)
		return rc;
	if ((rc = put_level(db, id, CB_F_PART_MIN, in->set_min, in->minimum,
			    old ? old->minimum : -1)) != CB_OK)
		return rc;
	return put_level(db, id, CB_F_PART_DESIRED, in->set_desired, in->desired,
			 old ? old->desired : -1);
}

cb_status
cb_part_add(struct cb_db *db, const struct cb_part_input *in, struct cb_id *out,
	    enum cb_part_bad *bad)
{
	struct cb_part_input def = *in;
	struct cb_id id;
	cb_status rc;

	if ((rc = validate_part(in, true, bad)) != CB_OK)
		return rc;
	if (!def.unit)
		def.unit = CB_UNIT_PIECE;
	if (!def.condition)
		def.condition = CB_COND_NEW;
	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	if ((rc = part_name_free(db, in->name, NULL)) == CB_EXISTS) {
		set_bad(bad, CB_PART_BAD_NAME);
		return cb_write_refuse(db, rc);
	}
	if (rc == CB_OK)
		rc = cb_id_new(&id, cb_clock_now_ms());
	if (rc == CB_OK)
		rc = write_part(db, &id, &def, NULL);
	if ((rc = cb_write_finish(db, rc)) == CB_OK && out)
		*out = id;
	return rc;
}

cb_status
cb_part_edit(struct cb_db *db, const struct cb_id *id, const struct cb_part_input *in,
	     enum cb_part_bad *bad)
{
	struct cb_part old;
	cb_status rc;

	if ((rc = validate_part(in, false, bad)) != CB_OK)
		return rc;
	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	if ((rc = cb_part_get(db, id, &old)) != CB_OK)
		return rc == CB_NOT_FOUND ? cb_write_refuse(db, rc) : cb_write_finish(db, rc);
	if (in->name && (rc = part_name_free(db, in->name, id)) == CB_EXISTS) {
		set_bad(bad, CB_PART_BAD_NAME);
		cb_part_clear(&old);
		return cb_write_refuse(db, rc);
	}
	if (rc == CB_OK)
		rc = write_part(db, id, in, &old);
	cb_part_clear(&old);
	return cb_write_finish(db, rc);
}

cb_status
cb_part_remove(struct cb_db *db, const struct cb_id *id)
{
	struct cb_part old;
	cb_status rc;

	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	if ((rc = cb_part_get(db, id, &old)) != CB_OK)
		return rc == CB_NOT_FOUND ? cb_write_refuse(db, rc) : cb_write_finish(db, rc);
	cb_part_clear(&old);
	return cb_write_finish(db, cb_write_int(db, CB_T_PART, id, CB_F_PART_DELETED, 1));
}

static cb_status
read_part(struct cb_stmt *st, int col, struct cb_part *p)
{
	memset(p, 0, sizeof *p);
	cb_stmt_id(st, col, &p->id);
	p->name = strdup(cb_stmt_text(st, col + 1));
	p->category = strdup(cb_stmt_text(st, col + 2));
	p->note = strdup(cb_stmt_text(st, col + 3));
	p->unit = (int)cb_stmt_int(st, col + 4);
	p->condition = (int)cb_stmt_int(st, col + 5);
	p->minimum = cb_stmt_is_null(st, col + 6) ? -1 : cb_stmt_int(st, col + 6);
	p->desired = cb_stmt_is_null(st, col + 7) ? -1 : cb_stmt_int(st, col + 7);
	p->removed = cb_stmt_int(st, col + 8) != 0;
	if (!p->name || !p->category || !p->note) {
		cb_part_clear(p);
		return CB_NOMEM;
	}
	return CB_OK;
}

cb_status
cb_part_get(struct cb_db *db, const struct cb_id *id, struct cb_part *out)
{
	struct cb_stmt *st;
	cb_status rc;

	memset(out, 0, sizeof *out);
	if ((rc = cb_db_row_by_id(db, SQL_PART_GET, id, &st)) != CB_OK)
		return rc;
	rc = read_part(st, 0, out);
	cb_stmt_reset(st);
	return rc;
}

void
cb_part_clear(struct cb_part *p)
{
	free(p->name);
	free(p->category);
	free(p->note);
	p->name = p->category = p->note = NULL;
}

/* --- locations ------------------------------------------------------------ */

static const unsigned char STORE_ID[16] = {0, 0, 0, 0, 0, 0, 'c', 'b', '-', 's', 't', 'o', 'r',
					   'e', 0, 1};
static const char SQL_LOC_NAMES[] =
	"SELECT id, name FROM locations WHERE deleted = 0 AND name IS NOT NULL";
static const char SQL_LOC_SAME[] =
	"SELECT id FROM locations WHERE deleted = 0 AND name = ?1 COLLATE NOCASE LIMIT 2";
static const char SQL_LOC_LIST[] =
	"SELECT id, name, crate FROM locations WHERE deleted = 0 AND name IS NOT NULL";

void
cb_location_store(struct cb_id *out)
{
	memcpy(out->b, STORE_ID, sizeof out->b);
}

static bool
is_store_name(const char *s)
{
	char *t = cb_text_trim(s);
	bool yes = t && (cb_text_collate(t, CB_STORE_NAME) == 0 || cb_text_collate(t, _("store")) == 0);

	free(t);
	return yes;
}

cb_status
cb_location_find(struct cb_db *db, const char *key, struct cb_id *out, struct cb_name_matches *cands)
{
	if (cands)
		memset(cands, 0, sizeof *cands);
	if (is_store_name(key)) {
		if (out)
			cb_location_store(out);
		return CB_OK;
	}
	return cb_name_match(db, SQL_LOC_NAMES, key, out, cands);
}

cb_status
cb_location_add(struct cb_db *db, const char *name, bool crate, struct cb_id *out,
		enum cb_part_bad *bad)
{
	struct cb_id id, other;
	char *t;
	cb_status rc;

	set_bad(bad, CB_PART_OK);
	if ((rc = cb_write_check_text(name, CB_PART_NAME_MAX, false, true)) != CB_OK) {
		set_bad(bad, CB_PART_BAD_NAME);
		return rc;
	}
	if (!(t = cb_text_trim(name)))
		return CB_NOMEM;
	if ((rc = cb_db_begin(db)) != CB_OK) {
		free(t);
		return rc;
	}
	rc = is_store_name(t) ? CB_OK : cb_db_find_id(db, SQL_LOC_SAME, t, &other);
	if (rc == CB_OK || rc == CB_AMBIGUOUS) {
		free(t);
		set_bad(bad, CB_PART_BAD_NAME);
		return cb_write_refuse(db, CB_EXISTS);
	}
	rc = rc == CB_NOT_FOUND ? cb_id_new(&id, cb_clock_now_ms()) : rc;
	if (rc == CB_OK)
		rc = cb_write_text(db, CB_T_LOCATION, &id, CB_F_LOC_NAME, t);
	if (rc == CB_OK && crate)
		rc = cb_write_int(db, CB_T_LOCATION, &id, CB_F_LOC_CRATE, 1);
	free(t);
	if ((rc = cb_write_finish(db, rc)) == CB_OK && out)
		*out = id;
	return rc;
}

static int
loc_by_name(const void *a, const void *b)
{
	const struct cb_location *x = a, *y = b;
	int c = cb_text_collate(x->name, y->name);
	return c ? c : cb_id_cmp(&x->id, &y->id);
}

cb_status
cb_location_list(struct cb_db *db, struct cb_location_list *out)
{
	struct cb_stmt *st;
	size_t cap = 0;
	cb_status rc;

	out->items = NULL;
	out->count = 0;
	if (!cb_grow(&out->items, &cap, 0, sizeof *out->items, 8))
		return CB_NOMEM;
	cb_location_store(&out->items[0].id);
	out->items[0].crate = false;
	if (!(out->items[0].name = strdup(CB_STORE_NAME))) {
		free(out->items);
		out->items = NULL;
		return CB_NOMEM;
	}
	out->count = 1;
	if ((rc = cb_db_prepare(db, SQL_LOC_LIST, &st)) != CB_OK) {
		cb_location_list_free(out);
		return rc;
	}
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		struct cb_location *l;
		if (!cb_grow(&out->items, &cap, out->count, sizeof *out->items, 8)) {
			rc = CB_NOMEM;
			break;
		}
		l = &out->items[out->count];
		cb_stmt_id(st, 0, &l->id);
		l->crate = cb_stmt_int(st, 2) != 0;
		if (!(l->name = strdup(cb_stmt_text(st, 1)))) {
			rc = CB_NOMEM;
			break;
		}
		out->count++;
	}
	if (rc != CB_DONE) {
		cb_stmt_reset(st);
		cb_location_list_free(out);
		return rc;
	}
	qsort(out->items + 1, out->count - 1, sizeof *out->items, loc_by_name);
	return CB_OK;
}

void
cb_location_list_free(struct cb_location_list *l)
{
	for (size_t i = 0; i < l->count; i++)
		free(l->items[i].name);
	free(l->items);
	l->items = NULL;
	l->count = 0;
}
