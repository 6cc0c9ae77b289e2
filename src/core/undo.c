/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undo of the last action, from the op log (include/cambouis/undo.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cambouis/buf.h"
#include "cambouis/hlc.h"
#include "cambouis/oplog.h"
#include "cambouis/schema.h"
#include "cambouis/undo.h"
#include "cambouis/write.h"
#include "db-private.h"

static const char SQL_ACTION_OPS[] =
	"SELECT kind, tbl, row, field, value, typeof(value), hlc FROM ops"
	" WHERE site = ?1 AND seq BETWEEN ?2 AND ?3 ORDER BY seq";
/* a field's ops from the newest down, in the order that picks the winner
 * (one beyond the clock horizon never wins: oplog.c) */
static const char SQL_FIELD_OPS[] =
	"SELECT site, seq, value, typeof(value) FROM ops WHERE tbl = ?1 AND row = ?2 AND field = ?3"
	" AND hlc <= ?4 ORDER BY hlc DESC, site DESC, op_id DESC";
static const char SQL_ROW_OPS[] =
	"SELECT site, seq, hlc FROM ops WHERE tbl = ?1 AND row = ?2";

/* One field the action wrote, and what undo writes back. */
struct target {
	int table, field;
	struct cb_id row;
	int64_t min_hlc;   /* the action's first op on the row */
	bool first_of_row; /* the row's first target */
	bool row_new;      /* nothing before the action wrote the row */
	bool set_deleted;  /* the action set the row's "deleted" to 1 */
	bool write;
	struct cb_value back; /* text malloc'ed */
};

struct plan {
	struct target *t;
	size_t n, cap;
};

static void
plan_free(struct plan *p)
{
	for (size_t i = 0; i < p->n; i++)
		free((char *)p->t[i].back.s);
	free(p->t);
}

/* The code of table's "deleted" field, or 0 when it has none. */
static int
deleted_field(int table)
{
	const struct cb_table_def *t = cb_schema_table(table);

	return t ? t->deleted : 0;
}

static bool
in_range(const struct cb_db_action *a, int64_t seq)
{
	return seq >= a->first_seq && seq <= a->last_seq;
}

/* Does a local op (seq) belong to an undone action or to an undo? Those
 * cancel out: undo reads the log as if they had never been. */
static bool
cancelled(const struct cb_db_actions *as, int64_t seq)
{
	for (size_t i = as->n; i-- > 0;)
		if ((as->v[i].undone || as->v[i].undoes) && in_range(&as->v[i], seq))
			return true;
	return false;
}

static cb_status
copy_value(struct cb_stmt *st, int col, int type_col, struct cb_value *out)
{
	const char *type = cb_stmt_text(st, type_col);

	memset(out, 0, sizeof *out);
	if (strcmp(type, "integer") == 0) {
		out->type = CB_V_INT;
		out->i = cb_stmt_int(st, col);
	} else if (strcmp(type, "text") == 0) {
		out->type = CB_V_TEXT;
		if (!(out->s = strdup(cb_stmt_text(st, col))))
			return CB_NOMEM;
	}
	return CB_OK;
}

/* Read the action's ops: one target per field (its first op's order). */
static cb_status
read_action(struct cb_db *db, const struct cb_db_action *a, struct plan *p)
{
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, SQL_ACTION_OPS, &st);

	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_id(st, 1, cb_db_site(db));
	cb_stmt_bind_int(st, 2, a->first_seq);
	cb_stmt_bind_int(st, 3, a->last_seq);
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		struct target t = {0};
		bool seen = false, row_seen = false;
		if (cb_stmt_int(st, 0) != CB_OP_SET) {
			cb_stmt_reset(st);
			return CB_INVALID; /* an erasure stays done */
		}
		t.table = (int)cb_stmt_int(st, 1);
		cb_stmt_id(st, 2, &t.row);
		t.field = (int)cb_stmt_int(st, 3);
		t.min_hlc = cb_stmt_int(st, 6);
		for (size_t i = 0; i < p->n; i++) {
			struct target *o = &p->t[i];
			if (o->table != t.table || cb_id_cmp(&o->row, &t.row) != 0)
				continue;
			row_seen = true;
			if (o->field == t.field)
				seen = true;
		}
		t.first_of_row = !row_seen;
		if (!seen && !cb_grow(&p->t, &p->cap, p->n, sizeof *p->t, 16)) {
			cb_stmt_reset(st);
			return CB_NOMEM;
		}
		if (!seen)
			p->t[p->n++] = t;
		/* the action took the row off (deleted = 1) */
		if (t.field == deleted_field(t.table) && strcmp(cb_stmt_text(st, 5), "integer") == 0 &&
		    cb_stmt_int(st, 4) == 1)
			for (size_t i = 0; i < p->n; i++)
				if (p->t[i].table == t.table && cb_id_cmp(&p->t[i].row, &t.row) == 0)
					p->t[i].set_deleted = true;
	}
	if (rc != CB_DONE)
		return rc;
	/* a row's targets share the hlc of the action's first op on it */
	for (size_t i = 0; i < p->n; i++)
		for (size_t j = 0; j < i; j++)
			if (p->t[j].table == p->t[i].table && cb_id_cmp(&p->t[j].row, &p->t[i].row) == 0) {
				p->t[i].min_hlc = p->t[j].min_hlc;
				p->t[i].set_deleted = p->t[j].set_deleted;
				break;
			}
	return CB_OK;
}

static bool
is_local(struct cb_db *db, const struct cb_id *site)
{
	return cb_id_cmp(site, cb_db_site(db)) == 0;
}

/* Did nothing but the action (and what cancels out) write the row before
 * the action? Then the action made it. */
static cb_status
row_is_new(struct cb_db *db, const struct cb_db_action *a, struct target *t)
{
	const struct cb_db_actions *as = cb_db_actions(db);
	struct cb_stmt *st;
	struct cb_id site;
	cb_status rc = cb_db_prepare(db, SQL_ROW_OPS, &st);

	t->row_new = true;
	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_int(st, 1, t->table);
	cb_stmt_bind_id(st, 2, &t->row);
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		int64_t seq = cb_stmt_int(st, 1);
		cb_stmt_id(st, 0, &site);
		if (is_local(db, &site) && (in_range(a, seq) || cancelled(as, seq)))
			continue;
		if (cb_stmt_int(st, 2) < t->min_hlc) {
			t->row_new = false;
			cb_stmt_reset(st);
			return CB_OK;
		}
	}
	return rc == CB_DONE ? CB_OK : rc;
}

/* Decide what goes back into one field: *mine tells whether the field's
 * value still comes from the action; back gets the value before it. */
static cb_status
field_before(struct cb_db *db, const struct cb_db_action *a, int table, const struct cb_id *row,
	     int field, bool *mine, struct cb_value *back)
{
	const struct cb_db_actions *as = cb_db_actions(db);
	struct cb_stmt *st;
	struct cb_id site;
	bool top = true;
	cb_status rc = cb_db_prepare(db, SQL_FIELD_OPS, &st);

	*mine = false;
	memset(back, 0, sizeof *back);
	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_int(st, 1, table);
	cb_stmt_bind_id(st, 2, row);
	cb_stmt_bind_int(st, 3, field);
	cb_stmt_bind_int(st, 4, (int64_t)CB_HLC_MAX);
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		int64_t seq = cb_stmt_int(st, 1);
		bool local;
		cb_stmt_id(st, 0, &site);
		local = is_local(db, &site);
		if (local && cancelled(as, seq))
			continue;
		if (local && in_range(a, seq)) {
			if (top)
				*mine = true;
			top = false;
			continue;
		}
		if (top) {
			/* a newer write holds the field: it stays */
			cb_stmt_reset(st);
			return CB_OK;
		}
		rc = copy_value(st, 2, 3, back);
		cb_stmt_reset(st);
		return rc;
	}
	return rc == CB_DONE ? CB_OK : rc;
}

/* Fill the plan: what each field gets back. */
static cb_status
decide(struct cb_db *db, const struct cb_db_action *a, struct plan *p, struct cb_undo_info *info)
{
	cb_status rc;

	for (size_t i = 0; i < p->n; i++) {
		struct target *t = &p->t[i];
		int del = deleted_field(t->table);
		bool mine;

		if (t->first_of_row && (rc = row_is_new(db, a, t)) != CB_OK)
			return rc;
		for (size_t j = 0; j < i && !t->first_of_row; j++)
			if (p->t[j].table == t->table && cb_id_cmp(&p->t[j].row, &t->row) == 0) {
				t->row_new = p->t[j].row_new;
				break;
			}
		if (t->row_new && del && t->field != del)
			continue; /* the row goes: its deleted field says so */
		if ((rc = field_before(db, a, t->table, &t->row, t->field, &mine, &t->back)) != CB_OK)
			return rc;
		if (!mine) {
			info->kept++;
			continue;
		}
		t->write = true;
		if (t->row_new && t->field == del) {
			free((char *)t->back.s);
			t->back = (struct cb_value){CB_V_INT, 1, NULL};
		}
	}
	/* a row the action made, whose deleted field it never set */
	for (size_t i = 0; i < p->n; i++) {
		struct target *t = &p->t[i];
		int del = deleted_field(t->table);
		bool has_del = false, mine;
		struct cb_value back;

		if (!t->first_of_row || !t->row_new || !del)
			continue;
		for (size_t j = 0; j < p->n; j++)
			if (p->t[j].table == t->table && cb_id_cmp(&p->t[j].row, &t->row) == 0 &&
			    p->t[j].field == del)
				has_del = true;
		if (has_del)
			continue;
		if ((rc = field_before(db, a, t->table, &t->row, del, &mine, &back)) != CB_OK)
			return rc;
		free((char *)back.s);
		/* no op on deleted yet, or only cancelled ones: the row goes */
		if (!mine && back.type == CB_V_NULL) {
			struct cb_value one = {CB_V_INT, 1, NULL};
			if ((rc = cb_oplog_set(db, t->table, &t->row, del, &one)) != CB_OK)
				return rc;
			info->written++;
		} else {
			info->kept++;
		}
	}
	return CB_OK;
}

int64_t
cb_undo_mark(struct cb_db *db)
{
	return (int64_t)cb_db_actions(db)->n;
}

cb_status
cb_undo_note(struct cb_db *db, int64_t mark, const char *note)
{
	struct cb_db_actions *as = cb_db_actions(db);
	struct cb_db_action *a;
	char *copy;

	if ((int64_t)as->n <= mark || !note)
		return CB_OK;
	a = &as->v[as->n - 1];
	if (!(copy = strdup(note)))
		return CB_NOMEM;
	free(a->note);
	a->note = copy;
	return CB_OK;
}

/* The number (1-based) of the action undo would undo, or 0. */
static size_t
last_undoable(struct cb_db *db, int64_t mark)
{
	const struct cb_db_actions *as = cb_db_actions(db);

	for (size_t i = as->n; i-- > 0 && (int64_t)i >= mark;)
		if (!as->v[i].undone && !as->v[i].undoes)
			return i + 1;
	return 0;
}

bool
cb_undo_possible(struct cb_db *db, int64_t mark)
{
	return last_undoable(db, mark) != 0;
}

cb_status
cb_undo_last(struct cb_db *db, int64_t mark, struct cb_undo_info *info)
{
	struct cb_db_actions *as = cb_db_actions(db);
	struct cb_undo_info local;
	struct plan p = {0};
	size_t k = last_undoable(db, mark);
	struct cb_db_action a;
	cb_status rc;

	if (!info)
		info = &local;
	memset(info, 0, sizeof *info);
	if (!k)
		return CB_NOT_FOUND;
	a = as->v[k - 1];
	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	as->undoing = k;
	if ((rc = read_action(db, &a, &p)) == CB_OK && p.n == 0)
		rc = CB_NOT_FOUND;
	if (rc == CB_OK)
		rc = decide(db, &a, &p, info);
	for (size_t i = 0; rc == CB_OK && i < p.n; i++) {
		if (!p.t[i].write)
			continue;
		if ((rc = cb_oplog_set(db, p.t[i].table, &p.t[i].row, p.t[i].field, &p.t[i].back)) ==
		    CB_OK)
			info->written++;
	}
	if (rc == CB_OK) {
		info->table = p.t[0].table;
		info->row = p.t[0].row;
		info->what = p.t[0].row_new ? CB_UNDO_ADDED
			     : p.t[0].set_deleted ? CB_UNDO_REMOVED : CB_UNDO_CHANGED;
	}
	plan_free(&p);
	if ((rc = cb_write_finish(db, rc)) != CB_OK)
		return rc;
	as = cb_db_actions(db);
	if (as->v[k - 1].note && !(info->note = strdup(as->v[k - 1].note)))
		return CB_NOMEM;
	return CB_OK;
}

void
cb_undo_info_clear(struct cb_undo_info *info)
{
	free(info->note);
	info->note = NULL;
}

/* --- the connection's list of actions (db.c calls these) --------------- */

void
cb_undo_committed(struct cb_db *db)
{
	struct cb_db_actions *as = cb_db_actions(db);
	int64_t next = cb_db_clock_state(db)->next_seq;
	size_t undoing = as->undoing;

	as->undoing = 0;
	if (undoing && undoing <= as->n)
		as->v[undoing - 1].undone = true;
	if (next <= as->tx_first_seq)
		return; /* wrote nothing of its own: not an action */
	if (!cb_grow(&as->v, &as->cap, as->n, sizeof *as->v, 16))
		return; /* out of memory: this one cannot be undone */
	as->v[as->n++] = (struct cb_db_action){as->tx_first_seq, next - 1, undoing, false, NULL};
}

void
cb_undo_rolled_back(struct cb_db *db)
{
	cb_db_actions(db)->undoing = 0;
}

void
cb_undo_free(struct cb_db_actions *as)
{
	for (size_t i = 0; i < as->n; i++)
		free(as->v[i].note);
	free(as->v);
	memset(as, 0, sizeof *as);
}
