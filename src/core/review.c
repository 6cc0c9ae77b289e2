/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Conflicts to review: the list an import fills, what a person decides,
 * and a field's history (see review.h). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/clock.h"
#include "cambouis/hlc.h"
#include "cambouis/i18n.h"
#include "cambouis/review.h"
#include "cambouis/schema.h"

static const char SQL_RECORD[] =
	"INSERT OR IGNORE INTO sync_conflicts(tbl, row, field, winner, loser, found_ms)"
	" VALUES(?1, ?2, ?3, ?4, ?5, ?6)";
static const char SQL_OPEN[] =
	"SELECT id, tbl, row, field, loser, found_ms FROM sync_conflicts"
	" WHERE resolved = 0 ORDER BY found_ms DESC, id DESC";
static const char SQL_ONE[] =
	"SELECT id, tbl, row, field, loser, found_ms FROM sync_conflicts WHERE id = ?1";
static const char SQL_RESOLVE[] =
	"UPDATE sync_conflicts SET resolved = 1 WHERE id = ?1 AND resolved = 0";
/* the field's value, as oplog.c's op_wins reads it: an op beyond the
 * clock horizon (?4), which an older version let in, never wins */
static const char SQL_WINNER[] =
	"SELECT op_id FROM ops WHERE tbl = ?1 AND row = ?2 AND field = ?3 AND hlc <= ?4"
	" ORDER BY hlc DESC, site DESC, op_id DESC LIMIT 1";
static const char SQL_LABEL[] =
	"SELECT origin_label FROM sync_imports WHERE origin_site = ?1"
	" ORDER BY imported_ms DESC LIMIT 1";
static const char SQL_HISTORY[] =
	"SELECT op_id FROM ops WHERE tbl = ?1 AND row = ?2 AND field = ?3 ORDER BY hlc, site, op_id";

static cb_status
step_done(struct cb_stmt *st)
{
	cb_status rc = cb_stmt_step(st);
	return rc == CB_DONE ? CB_OK : rc;
}

/* --- words for people ------------------------------------------------------ */

/* Labels come from the schema table: a field added there is named here. */
const char *
cb_review_field_label(int table, int field)
{
	return cb_schema_field_label(table, field);
}

static char *
xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	return n < 0 ? NULL : s;
}

static void
short_id(const struct cb_id *id, char *out)
{
	char hex[CB_ID_HEX_LEN + 1];

	cb_id_to_hex(id, hex);
	memcpy(out, hex, 8);
	out[8] = '\0';
}

/* What names a row of table (its title_sql), or NULL when unknown. */
static char *
row_title(struct cb_db *db, int table, const struct cb_id *row)
{
	const struct cb_table_def *t = cb_schema_table(table);
	struct cb_stmt *st;
	char *s = NULL;

	if (!t || !t->title_sql || cb_db_row_by_id(db, t->title_sql, row, &st) != CB_OK)
		return NULL;
	if (!cb_stmt_is_null(st, 0))
		s = strdup(cb_stmt_text(st, 0));
	cb_stmt_reset(st);
	return s;
}

/* A row named by a reference (hex id): its title, or the short id. A bad
 * id from an older version is shown as it is, never refused. */
static char *
ref_name(struct cb_db *db, int table, const char *hex)
{
	struct cb_id id;
	char *s = NULL;

	if (cb_schema_id_valid(hex) && cb_id_from_hex(hex, &id) == CB_OK)
		s = row_title(db, table, &id);
	return s ? s : xasprintf("%.8s", hex);
}

static cb_status current_op(struct cb_db *db, int table, const struct cb_id *row, int field,
			    struct cb_op *op);
static void op_free(struct cb_op *op);

/* Whose row it is: the name its owner field (CB_FIELD_OWNER) refers to,
 * from the op that field shows; NULL when it has none. */
static char *
owner_name(struct cb_db *db, int table, const struct cb_id *row)
{
	size_t n;
	const struct cb_field_def *f = cb_schema_table_fields(table, &n);
	struct cb_op op;
	char *s = NULL;

	for (size_t i = 0; i < n; i++) {
		if (!(f[i].flags & CB_FIELD_OWNER) || f[i].meaning != CB_M_REF)
			continue;
		if (current_op(db, table, row, f[i].field, &op) != CB_OK)
			continue;
		if (op.value.type == CB_V_TEXT)
			s = ref_name(db, f[i].ref, op.value.s);
		op_free(&op);
		if (s)
			return s;
	}
	return NULL;
}

char *
cb_review_describe(struct cb_db *db, int table, const struct cb_id *row)
{
	const struct cb_table_def *t = cb_schema_table(table);
	char sid[9], *s = NULL;

	if (t && t->describe && (s = t->describe(db, row)))
		return s;
	if (t && (s = row_title(db, table, row))) {
		char *d = xasprintf(_("%s “%s”"), cb_schema_table_label(table), s);
		free(s);
		return d;
	}
	if (t && (s = owner_name(db, table, row))) {
		/* TRANSLATORS: a row and whose it is: "Attendance of Zoé" */
		char *d = xasprintf(_("%s of %s"), cb_schema_table_label(table), s);
		free(s);
		return d;
	}
	/* a row this build cannot describe (or removed): what it is and its id */
	short_id(row, sid);
	return xasprintf("%s %s", cb_schema_table_label(table), sid);
}

/* The value as people read it: names for references, words for codes. */
static char *
value_text(struct cb_db *db, const struct cb_op *op)
{
	const struct cb_value *v = &op->value;
	const struct cb_field_def *def = cb_schema_field(op->table, op->field);
	const struct cb_table_def *t = cb_schema_table(op->table);

	if (v->type == CB_V_NULL)
		return strdup("");
	if (v->type == CB_V_INT) {
		const char *label;
		if (def && t && t->deleted == op->field)
			return strdup(v->i ? _("deleted") : _("not deleted"));
		if (def && (label = cb_schema_value_label(def, v->i)))
			return strdup(label);
		return xasprintf("%lld", v->i);
	}
	if (def && def->meaning == CB_M_REF)
		return ref_name(db, def->ref, v->s);
	if (def && def->meaning == CB_M_REFS) {
		/* a list of ids (a rotation of venues): their names, in order */
		char *out = strdup(""), *part;
		const char *p = v->s;
		while (out && *p) {
			char hex[CB_ID_HEX_LEN + 1];
			size_t n = strcspn(p, ",");
			snprintf(hex, sizeof hex, "%.*s", (int)(n < CB_ID_HEX_LEN ? n : CB_ID_HEX_LEN), p);
			part = ref_name(db, def->ref, hex);
			char *grown = part ? xasprintf("%s%s%s", out, *out ? ", " : "", part) : NULL;
			free(part);
			free(out);
			out = grown;
			p += n;
			if (*p == ',')
				p++;
		}
		return out;
	}
	return strdup(v->s);
}

/* Who wrote op: this laptop, a laptop whose bundle came here, or a short id. */
static cb_status
site_label(struct cb_db *db, const struct cb_id *site, char **out, bool *here)
{
	struct cb_stmt *st;
	char sid[9];
	cb_status rc;

	*here = cb_id_cmp(site, cb_db_site(db)) == 0;
	if (*here && *cb_db_site_label(db)) {
		*out = strdup(cb_db_site_label(db));
		return *out ? CB_OK : CB_NOMEM;
	}
	if ((rc = cb_db_prepare(db, SQL_LABEL, &st)) != CB_OK)
		return rc;
	cb_stmt_bind_id(st, 1, site);
	rc = cb_stmt_step(st);
	if (rc == CB_ROW) {
		*out = strdup(cb_stmt_text(st, 0));
		cb_stmt_reset(st);
		return *out ? CB_OK : CB_NOMEM;
	}
	if (rc != CB_DONE)
		return rc;
	short_id(site, sid);
	*out = strdup(sid);
	return *out ? CB_OK : CB_NOMEM;
}

static void
value_clear(struct cb_review_value *v)
{
	free(v->text);
	free(v->who);
	memset(v, 0, sizeof *v);
}

/* Fill v from op (its text value is not needed afterwards). */
static cb_status
value_from_op(struct cb_db *db, const struct cb_op *op, struct cb_review_value *v)
{
	cb_status rc;

	memset(v, 0, sizeof *v);
	v->op_id = op->op_id;
	v->empty = op->value.type == CB_V_NULL;
	v->when_ms = (int64_t)cb_hlc_ms(op->hlc);
	if (!(v->text = value_text(db, op)))
		return CB_NOMEM;
	if ((rc = site_label(db, &op->site, &v->who, &v->here)) != CB_OK) {
		value_clear(v);
		return rc;
	}
	return CB_OK;
}

static void
op_free(struct cb_op *op)
{
	if (op->value.type == CB_V_TEXT)
		free((char *)op->value.s);
	op->value.type = CB_V_NULL;
}

static bool
same_value(const struct cb_value *a, const struct cb_value *b)
{
	if (a->type != b->type)
		return false;
	if (a->type == CB_V_INT)
		return a->i == b->i;
	if (a->type == CB_V_TEXT)
		return strcmp(a->s, b->s) == 0;
	return true;
}

/* The op the field shows now. */
static cb_status
current_op(struct cb_db *db, int table, const struct cb_id *row, int field, struct cb_op *op)
{
	struct cb_stmt *st;
	struct cb_id id;
	cb_status rc = cb_db_prepare(db, SQL_WINNER, &st);

	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_int(st, 1, table);
	cb_stmt_bind_id(st, 2, row);
	cb_stmt_bind_int(st, 3, field);
	cb_stmt_bind_int(st, 4, (int64_t)CB_HLC_MAX);
	rc = cb_stmt_step(st);
	if (rc == CB_DONE)
		return CB_NOT_FOUND;
	if (rc != CB_ROW)
		return rc;
	cb_stmt_id(st, 0, &id);
	cb_stmt_reset(st);
	return cb_oplog_get(db, &id, op);
}

/* --- recording ------------------------------------------------------------- */

cb_status
cb_review_record(struct cb_db *db, const struct cb_op *op, const struct cb_op *rival,
		 bool won, int64_t now_ms)
{
	const struct cb_op *winner = won ? op : rival, *loser = won ? rival : op;
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, SQL_RECORD, &st);

	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_int(st, 1, op->table);
	cb_stmt_bind_id(st, 2, &op->row);
	cb_stmt_bind_int(st, 3, op->field);
	cb_stmt_bind_id(st, 4, &winner->op_id);
	cb_stmt_bind_id(st, 5, &loser->op_id);
	cb_stmt_bind_int(st, 6, now_ms);
	return step_done(st);
}

/* --- reading --------------------------------------------------------------- */

struct raw {
	int64_t id, found_ms;
	int table, field;
	struct cb_id row, loser;
};

static void
read_raw(struct cb_stmt *st, struct raw *r)
{
	r->id = cb_stmt_int(st, 0);
	r->table = (int)cb_stmt_int(st, 1);
	cb_stmt_id(st, 2, &r->row);
	r->field = (int)cb_stmt_int(st, 3);
	cb_stmt_id(st, 4, &r->loser);
	r->found_ms = cb_stmt_int(st, 5);
}

void
cb_review_item_clear(struct cb_review_item *it)
{
	free(it->what);
	value_clear(&it->current);
	value_clear(&it->other);
	memset(it, 0, sizeof *it);
}

/* Build the item of r; *moot when the other value is what shows now. */
static cb_status
make_item(struct cb_db *db, const struct raw *r, struct cb_review_item *it, bool *moot)
{
	struct cb_op cur, other;
	cb_status rc;

	memset(it, 0, sizeof *it);
	*moot = false;
	if ((rc = cb_oplog_get(db, &r->loser, &other)) != CB_OK)
		return rc;
	if ((rc = current_op(db, r->table, &r->row, r->field, &cur)) != CB_OK) {
		op_free(&other);
		return rc;
	}
	if (same_value(&cur.value, &other.value)) {
		*moot = true;
		op_free(&cur);
		op_free(&other);
		return CB_OK;
	}
	it->id = r->id;
	it->table = r->table;
	it->field = r->field;
	it->row = r->row;
	it->found_ms = r->found_ms;
	it->field_label = cb_review_field_label(r->table, r->field);
	rc = CB_NOMEM;
	if ((it->what = cb_review_describe(db, r->table, &r->row)) &&
	    (rc = value_from_op(db, &cur, &it->current)) == CB_OK &&
	    (rc = value_from_op(db, &other, &it->other)) == CB_OK)
		it->current.current = true;
	op_free(&cur);
	op_free(&other);
	if (rc != CB_OK)
		cb_review_item_clear(it);
	return rc;
}

void
cb_review_list_free(struct cb_review_list *l)
{
	for (size_t i = 0; i < l->count; i++)
		cb_review_item_clear(&l->items[i]);
	free(l->items);
	l->items = NULL;
	l->count = 0;
}

/* The open entries' raw rows (the statement is done before items are
 * built, since building runs other statements). */
static cb_status
open_raws(struct cb_db *db, struct raw **out, size_t *n)
{
	struct cb_stmt *st;
	struct raw *v = NULL;
	size_t cap = 0;
	cb_status rc = cb_db_prepare(db, SQL_OPEN, &st);

	*out = NULL;
	*n = 0;
	if (rc != CB_OK)
		return rc;
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			struct raw *g = realloc(v, ncap * sizeof *g);
			if (!g) {
				cb_stmt_reset(st);
				free(v);
				return CB_NOMEM;
			}
			v = g;
			cap = ncap;
		}
		read_raw(st, &v[(*n)++]);
	}
	if (rc != CB_DONE) {
		free(v);
		*n = 0;
		return rc;
	}
	*out = v;
	return CB_OK;
}

cb_status
cb_review_list(struct cb_db *db, struct cb_review_list *out)
{
	struct raw *raws;
	size_t n;
	cb_status rc;

	memset(out, 0, sizeof *out);
	if ((rc = open_raws(db, &raws, &n)) != CB_OK)
		return rc;
	if (n && !(out->items = calloc(n, sizeof *out->items))) {
		free(raws);
		return CB_NOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		bool moot;
		rc = make_item(db, &raws[i], &out->items[out->count], &moot);
		if (rc == CB_NOT_FOUND)
			continue; /* an op or field gone (cannot happen; be lenient) */
		if (rc != CB_OK) {
			cb_review_list_free(out);
			break;
		}
		if (!moot)
			out->count++;
	}
	free(raws);
	return rc == CB_NOT_FOUND ? CB_OK : rc;
}

cb_status
cb_review_count(struct cb_db *db, int64_t *count)
{
	struct cb_review_list l;
	cb_status rc = cb_review_list(db, &l);

	*count = rc == CB_OK ? (int64_t)l.count : 0;
	cb_review_list_free(&l);
	return rc;
}

static cb_status
get_raw(struct cb_db *db, int64_t id, struct raw *r)
{
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, SQL_ONE, &st);

	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_int(st, 1, id);
	rc = cb_stmt_step(st);
	if (rc == CB_DONE)
		return CB_NOT_FOUND;
	if (rc != CB_ROW)
		return rc;
	read_raw(st, r);
	cb_stmt_reset(st);
	return CB_OK;
}

cb_status
cb_review_get(struct cb_db *db, int64_t id, struct cb_review_item *out)
{
	struct raw r;
	bool moot;
	cb_status rc;

	memset(out, 0, sizeof *out);
	if ((rc = get_raw(db, id, &r)) != CB_OK)
		return rc;
	if ((rc = make_item(db, &r, out, &moot)) != CB_OK)
		return rc;
	if (moot) {
		/* both sides hold the same value now: show it as such */
		struct cb_op cur;
		if ((rc = current_op(db, r.table, &r.row, r.field, &cur)) != CB_OK)
			return rc;
		out->id = r.id;
		out->table = r.table;
		out->field = r.field;
		out->row = r.row;
		out->found_ms = r.found_ms;
		out->field_label = cb_review_field_label(r.table, r.field);
		rc = CB_NOMEM;
		if ((out->what = cb_review_describe(db, r.table, &r.row)) &&
		    (rc = value_from_op(db, &cur, &out->current)) == CB_OK)
			rc = value_from_op(db, &cur, &out->other);
		op_free(&cur);
		if (rc != CB_OK)
			cb_review_item_clear(out);
	}
	return rc;
}

/* --- deciding -------------------------------------------------------------- */

static cb_status
resolve(struct cb_db *db, int64_t id)
{
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, SQL_RESOLVE, &st);

	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_int(st, 1, id);
	if ((rc = step_done(st)) != CB_OK)
		return rc;
	return cb_db_changes(db) ? CB_OK : CB_NOT_FOUND;
}

cb_status
cb_review_keep_current(struct cb_db *db, int64_t id)
{
	cb_status rc;

	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	if ((rc = resolve(db, id)) != CB_OK) {
		cb_db_rollback(db);
		return rc;
	}
	return cb_db_commit(db);
}

cb_status
cb_review_keep_other(struct cb_db *db, int64_t id)
{
	struct cb_op other, cur;
	struct raw r;
	cb_status rc;

	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	if ((rc = get_raw(db, id, &r)) != CB_OK)
		goto failed;
	if ((rc = cb_oplog_get(db, &r.loser, &other)) != CB_OK)
		goto failed;
	if ((rc = current_op(db, r.table, &r.row, r.field, &cur)) != CB_OK) {
		op_free(&other);
		goto failed;
	}
	/* already the value shown: writing it again would only add an op */
	if (!same_value(&cur.value, &other.value))
		rc = cb_oplog_set(db, r.table, &r.row, r.field, &other.value);
	op_free(&cur);
	op_free(&other);
	if (rc != CB_OK || (rc = resolve(db, id)) != CB_OK)
		goto failed;
	return cb_db_commit(db);
failed:
	cb_db_rollback(db);
	return rc;
}

/* --- history --------------------------------------------------------------- */

void
cb_review_history_free(struct cb_review_history *h)
{
	for (size_t i = 0; i < h->count; i++)
		value_clear(&h->items[i]);
	free(h->items);
	h->items = NULL;
	h->count = 0;
}

cb_status
cb_review_history(struct cb_db *db, int table, const struct cb_id *row, int field,
		  struct cb_review_history *out)
{
	struct cb_stmt *st;
	struct cb_id *ids = NULL, winner;
	struct cb_op op;
	size_t n = 0, cap = 0;
	cb_status rc;

	memset(out, 0, sizeof *out);
	memset(&winner, 0, sizeof winner);
	if ((rc = cb_db_prepare(db, SQL_WINNER, &st)) != CB_OK)
		return rc;
	cb_stmt_bind_int(st, 1, table);
	cb_stmt_bind_id(st, 2, row);
	cb_stmt_bind_int(st, 3, field);
	cb_stmt_bind_int(st, 4, (int64_t)CB_HLC_MAX);
	if ((rc = cb_stmt_step(st)) == CB_ROW) {
		cb_stmt_id(st, 0, &winner);
		cb_stmt_reset(st);
	} else if (rc != CB_DONE) {
		return rc;
	}
	/* the ids first: reading each op runs another statement */
	if ((rc = cb_db_prepare(db, SQL_HISTORY, &st)) != CB_OK)
		return rc;
	cb_stmt_bind_int(st, 1, table);
	cb_stmt_bind_id(st, 2, row);
	cb_stmt_bind_int(st, 3, field);
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			struct cb_id *g = realloc(ids, ncap * sizeof *g);
			if (!g) {
				cb_stmt_reset(st);
				free(ids);
				return CB_NOMEM;
			}
			ids = g;
			cap = ncap;
		}
		cb_stmt_id(st, 0, &ids[n++]);
	}
	if (rc != CB_DONE) {
		free(ids);
		return rc;
	}
	rc = CB_OK;
	if (n && !(out->items = calloc(n, sizeof *out->items)))
		rc = CB_NOMEM;
	for (size_t i = 0; i < n && rc == CB_OK; i++) {
		if ((rc = cb_oplog_get(db, &ids[i], &op)) != CB_OK)
			break;
		rc = value_from_op(db, &op, &out->items[i]);
		op_free(&op);
		if (rc == CB_OK) {
			out->items[i].current = cb_id_cmp(&ids[i], &winner) == 0;
			out->count++;
		}
	}
	free(ids);
	if (rc != CB_OK)
		cb_review_history_free(out);
	return rc;
}
