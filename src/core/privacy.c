/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Erasure (`forget`): what a CB_OP_FORGET does wherever it lands, and the
 * hooks that keep every other op about a forgotten person blank, in any
 * order of arrival (include/cambouis/privacy.h says what is kept). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/oplog.h"
#include "cambouis/privacy.h"
#include "cambouis/schema.h"
#include "cambouis/text.h"
#include "privacy-private.h"
#include "project-private.h"

/* What erasure reaches is derived from the schema table (schema.h): the
 * fields flagged CB_FIELD_OWNER tie a row to the person it belongs to, the
 * tables holding such a field are the person's rows, the fields flagged
 * CB_FIELD_PERSONAL are blanked. The statements are made once from the
 * table's codes and names (never from data) and kept: a table added to
 * the schema with its flags is reached with no change here. */

#define LINKED_MAX 32
#define SQL_LEN 2048

static struct {
	bool ready;
	bool oom;      /* a statement did not fit: erasure refuses to run */
	char links[SQL_LEN]; /* ((tbl = 21 AND field IN (1)) OR ...) */
	char erased_scan[SQL_LEN];
	char blank_rows[SQL_LEN];
	char blank_row[SQL_LEN];
	size_t nlinked;
	struct linked {
		int tbl;
		char delete_one[256]; /* ?1 = row */
		char delete_all[256]; /* ?1 = person: every row erased for them */
	} linked[LINKED_MAX];
} der;

static bool
is_link(int tbl, int field)
{
	const struct cb_field_def *def = cb_schema_field(tbl, field);

	return def && (def->flags & CB_FIELD_OWNER);
}

static void
add(char *out, size_t *len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
add(char *out, size_t *len, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*len >= SQL_LEN) {
		der.oom = true;
		return;
	}
	va_start(ap, fmt);
	n = vsnprintf(out + *len, SQL_LEN - *len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= SQL_LEN - *len)
		der.oom = true;
	*len += n < 0 ? SQL_LEN : (size_t)n;
}

static void
derive(void)
{
	size_t ntabs, len = 0;
	const struct cb_table_def *tabs = cb_schema_tables(&ntabs);

	if (der.ready)
		return;
	add(der.links, &len, "(");
	for (size_t t = 0; t < ntabs; t++) {
		size_t n, k = 0;
		const struct cb_field_def *f = cb_schema_table_fields(tabs[t].table, &n);
		for (size_t i = 0; i < n; i++) {
			if (!(f[i].flags & CB_FIELD_OWNER))
				continue;
			if (k++ == 0)
				add(der.links, &len, "%s(tbl = %d AND field IN (%d", der.nlinked ? " OR " : "",
				    f[i].table, f[i].field);
			else
				add(der.links, &len, ", %d", f[i].field);
		}
		if (!k)
			continue;
		add(der.links, &len, "))");
		if (der.nlinked == LINKED_MAX) {
			der.oom = true;
			break;
		}
		struct linked *l = &der.linked[der.nlinked++];
		l->tbl = tabs[t].table;
		snprintf(l->delete_one, sizeof l->delete_one, "DELETE FROM %s WHERE id = ?1",
			 tabs[t].name);
		if ((size_t)snprintf(l->delete_all, sizeof l->delete_all,
				     "DELETE FROM %s WHERE id IN"
				     " (SELECT row FROM erased WHERE tbl = %d AND person = ?1)",
				     tabs[t].name, tabs[t].table) >= sizeof l->delete_all)
			der.oom = true;
	}
	add(der.links, &len, der.nlinked ? ")" : "0)");
	len = 0;
	add(der.erased_scan, &len, "INSERT OR IGNORE INTO erased(tbl, row, person)"
	    " SELECT DISTINCT tbl, row, ?1 FROM ops WHERE value = ?2 AND %s", der.links);
	len = 0;
	add(der.blank_rows, &len, "UPDATE ops SET value = NULL WHERE (tbl, row) IN"
	    " (SELECT tbl, row FROM erased WHERE person = ?1 AND tbl <> %d)"
	    " AND value IS NOT NULL AND NOT %s", CB_T_PERSON, der.links);
	len = 0;
	add(der.blank_row, &len, "UPDATE ops SET value = NULL WHERE tbl = ?1 AND row = ?2"
	    " AND value IS NOT NULL AND NOT %s", der.links);
	der.ready = true;
}

static const struct linked *
linked_table(int tbl)
{
	derive();
	for (size_t i = 0; i < der.nlinked; i++)
		if (der.linked[i].tbl == tbl)
			return &der.linked[i];
	return NULL;
}

static const char SQL_ERASED[] = "SELECT 1 FROM erased WHERE tbl = ?1 AND row = ?2 LIMIT 1";
static const char SQL_ERASED_ADD[] =
	"INSERT OR IGNORE INTO erased(tbl, row, person) VALUES(?1, ?2, ?3)";
static const char SQL_ERASED_CLEAR[] = "DELETE FROM erased";
static const char SQL_CONFLICTS_ROWS[] =
	"DELETE FROM sync_conflicts WHERE (tbl, row) IN"
	" (SELECT tbl, row FROM erased WHERE person = ?1)";
static const char SQL_CONFLICTS_ROW[] = "DELETE FROM sync_conflicts WHERE tbl = ?1 AND row = ?2";
static const char SQL_BLANK_FIELD[] =
	"UPDATE ops SET value = NULL WHERE tbl = 20 AND row = ?1 AND field = ?2 AND value IS NOT NULL";

static cb_status
step_done(struct cb_stmt *st)
{
	cb_status rc = cb_stmt_step(st);
	return rc == CB_DONE ? CB_OK : rc;
}

/* Fields of a forgotten person's row that erasure fixes: the personal ones
 * and "deleted" (a forgotten person is never restored). */
static bool
is_forced(int field)
{
	const struct cb_field_def *def = cb_schema_field(CB_T_PERSON, field);
	const struct cb_table_def *tab = cb_schema_table(CB_T_PERSON);

	return def && ((def->flags & CB_FIELD_PERSONAL) || (tab && field == tab->deleted));
}

static cb_status
is_erased(struct cb_db *db, int tbl, const struct cb_id *row, bool *yes)
{
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, SQL_ERASED, &st);

	*yes = false;
	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_int(st, 1, tbl);
	cb_stmt_bind_id(st, 2, row);
	rc = cb_stmt_step(st);
	if (rc == CB_ROW) {
		*yes = true;
		cb_stmt_reset(st);
		return CB_OK;
	}
	return rc == CB_DONE ? CB_OK : rc;
}

cb_status
cb_person_forgotten(struct cb_db *db, const struct cb_id *person, bool *yes)
{
	return is_erased(db, CB_T_PERSON, person, yes);
}

void
cb_forgotten_name(const struct cb_id *person, char *out)
{
	char hex[CB_ID_HEX_LEN + 1];

	/* the end of the id: its beginning is a time stamp that people
	 * added the same minute share */
	cb_id_to_hex(person, hex);
	snprintf(out, CB_FORGOTTEN_NAME_LEN + 1, "%s%s", CB_FORGOTTEN_PREFIX,
		 hex + CB_ID_HEX_LEN - 8);
}

/* --- the op log's hooks -------------------------------------------------- */

cb_status
cb_erasure_classify(struct cb_db *db, const struct cb_op *op, enum cb_erasure *out)
{
	struct cb_id person;
	bool yes;
	cb_status rc;

	*out = CB_ERASURE_NONE;
	if (op->kind != CB_OP_SET)
		return CB_OK;
	if (op->table == CB_T_PERSON) {
		if (!is_forced(op->field))
			return CB_OK;
		if ((rc = is_erased(db, CB_T_PERSON, &op->row, &yes)) != CB_OK)
			return rc;
		if (yes)
			*out = CB_ERASURE_BLANK;
		return CB_OK;
	}
	if (!linked_table(op->table))
		return CB_OK;
	/* an op naming a forgotten person erases its row, even one erased
	 * for someone else already: the erased rows do not hang on order */
	if (is_link(op->table, op->field) && op->value.type == CB_V_TEXT &&
	    cb_id_from_hex(op->value.s, &person) == CB_OK) {
		if ((rc = is_erased(db, CB_T_PERSON, &person, &yes)) != CB_OK)
			return rc;
		if (yes) {
			*out = CB_ERASURE_ROW;
			return CB_OK;
		}
	}
	if ((rc = is_erased(db, op->table, &op->row, &yes)) != CB_OK)
		return rc;
	if (yes)
		*out = CB_ERASURE_BLANK;
	return CB_OK;
}

struct cb_value
cb_erasure_blanked(const struct cb_op *op)
{
	struct cb_value none = {CB_V_NULL, 0, NULL};

	if (op->kind == CB_OP_SET && is_link(op->table, op->field))
		return op->value;
	return none;
}

cb_status
cb_erasure_clear(struct cb_db *db)
{
	return cb_db_exec(db, SQL_ERASED_CLEAR);
}

/* Run sql with ?1 = an int and ?2 = an id, or ?1 = an id when tbl < 0. */
static cb_status
run_row(struct cb_db *db, const char *sql, int tbl, const struct cb_id *row)
{
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, sql, &st);

	if (rc != CB_OK)
		return rc;
	if (tbl < 0) {
		cb_stmt_bind_id(st, 1, row);
	} else {
		cb_stmt_bind_int(st, 1, tbl);
		cb_stmt_bind_id(st, 2, row);
	}
	return step_done(st);
}

cb_status
cb_erasure_row(struct cb_db *db, const struct cb_op *op, bool replay)
{
	const struct linked *l = linked_table(op->table);
	struct cb_id person;
	struct cb_stmt *st;
	cb_status rc;

	if (der.oom)
		return CB_NOMEM;
	if (!l || op->value.type != CB_V_TEXT || cb_id_from_hex(op->value.s, &person) != CB_OK)
		return CB_BAD_OP;
	if ((rc = cb_db_prepare(db, SQL_ERASED_ADD, &st)) != CB_OK)
		return rc;
	cb_stmt_bind_int(st, 1, op->table);
	cb_stmt_bind_id(st, 2, &op->row);
	cb_stmt_bind_id(st, 3, &person);
	if ((rc = step_done(st)) != CB_OK ||
	    (rc = run_row(db, l->delete_one, -1, &op->row)) != CB_OK ||
	    (rc = run_row(db, SQL_CONFLICTS_ROW, op->table, &op->row)) != CB_OK)
		return rc;
	if (replay)
		return CB_OK;
	/* the row's earlier ops keep only the fact they existed */
	if ((rc = run_row(db, der.blank_row, op->table, &op->row)) != CB_OK)
		return rc;
	if (cb_db_changes(db) > 0)
		cb_db_wipe_after_commit(db);
	return CB_OK;
}

/* The person's own row: a tombstone with the forced fields fixed. */
static cb_status
tombstone(struct cb_db *db, const struct cb_id *person, bool replay)
{
	const struct cb_table_def *tab = cb_schema_table(CB_T_PERSON);
	char name[CB_FORGOTTEN_NAME_LEN + 1];
	struct cb_stmt *st;
	cb_status rc;
	int forced[CB_SCHEMA_TABLE_FIELDS_MAX], n = 0;
	size_t nf;
	const struct cb_field_def *f = cb_schema_table_fields(CB_T_PERSON, &nf);

	for (size_t i = 0; i < nf; i++)
		if (is_forced(f[i].field))
			forced[n++] = f[i].field;

	if ((rc = run_row(db, tab->create_row_sql, -1, person)) != CB_OK)
		return rc;
	cb_forgotten_name(person, name);
	for (int i = 0; i < n; i++) {
		const struct cb_field_def *def = cb_schema_field(CB_T_PERSON, forced[i]);
		if (!def)
			return CB_BAD_OP;
		struct cb_value v = {CB_V_NULL, 0, NULL};
		if (forced[i] == CB_F_PERSON_NAME) /* the tombstone's name */
			v = (struct cb_value){CB_V_TEXT, 0, name};
		else if (forced[i] == CB_F_PERSON_DELETED)
			v = (struct cb_value){CB_V_INT, 1, NULL};
		if ((rc = cb_project_set(db, def, person, &v)) != CB_OK)
			return rc;
		if (replay)
			continue;
		if ((rc = cb_db_prepare(db, SQL_BLANK_FIELD, &st)) != CB_OK)
			return rc;
		cb_stmt_bind_id(st, 1, person);
		cb_stmt_bind_int(st, 2, forced[i]);
		if ((rc = step_done(st)) != CB_OK)
			return rc;
	}
	return CB_OK;
}

cb_status
cb_erasure_person(struct cb_db *db, const struct cb_id *person, bool replay)
{
	char hex[CB_ID_HEX_LEN + 1];
	struct cb_stmt *st;
	cb_status rc;

	derive();
	if (der.oom)
		return CB_NOMEM;
	if ((rc = cb_db_prepare(db, SQL_ERASED_ADD, &st)) != CB_OK)
		return rc;
	cb_stmt_bind_int(st, 1, CB_T_PERSON);
	cb_stmt_bind_id(st, 2, person);
	cb_stmt_bind_id(st, 3, person);
	if ((rc = step_done(st)) != CB_OK)
		return rc;
	/* every row some op ties to them, from the log (whatever the tables
	 * show: a row's ops may still be on their way) */
	cb_id_to_hex(person, hex);
	if ((rc = cb_db_prepare(db, der.erased_scan, &st)) != CB_OK)
		return rc;
	cb_stmt_bind_id(st, 1, person);
	cb_stmt_bind_text(st, 2, hex);
	if ((rc = step_done(st)) != CB_OK)
		return rc;
	for (size_t i = 0; i < der.nlinked; i++)
		if ((rc = run_row(db, der.linked[i].delete_all, -1, person)) != CB_OK)
			return rc;
	if ((rc = run_row(db, SQL_CONFLICTS_ROWS, -1, person)) != CB_OK ||
	    (rc = tombstone(db, person, replay)) != CB_OK)
		return rc;
	if (replay)
		return CB_OK;
	if ((rc = run_row(db, der.blank_rows, -1, person)) != CB_OK)
		return rc;
	cb_db_wipe_after_commit(db);
	return CB_OK;
}

/* --- finding, summing up and forgetting ---------------------------------- */

static const char SQL_FIND_REMOVED[] =
	"SELECT p.id, p.name, p.learner, p.mentor, p.organiser FROM people p"
	" WHERE p.deleted = 1 AND (p.name = ?1 COLLATE cambouis_name OR lower(hex(p.id)) = lower(?1))"
	" AND NOT EXISTS (SELECT 1 FROM erased e WHERE e.tbl = 20 AND e.row = p.id)"
	" ORDER BY p.name, p.id";

static unsigned
roles_of(struct cb_stmt *st, int col)
{
	unsigned r = 0;

	if (cb_stmt_int(st, col))
		r |= CB_ROLE_BIT(CB_ROLE_LEARNER);
	if (cb_stmt_int(st, col + 1))
		r |= CB_ROLE_BIT(CB_ROLE_MENTOR);
	if (cb_stmt_int(st, col + 2))
		r |= CB_ROLE_BIT(CB_ROLE_ORGANISER);
	return r;
}

cb_status
cb_forget_find(struct cb_db *db, const char *key, struct cb_id *out,
	       struct cb_person_ref_list *cands)
{
	struct cb_person_ref_list l = {0};
	struct cb_stmt *st;
	char *t;
	cb_status rc = cb_person_find(db, key, out, cands);

	if (rc != CB_NOT_FOUND)
		return rc;
	/* a removed person can still be forgotten */
	if (!(t = cb_text_trim(key)))
		return CB_NOMEM;
	if ((rc = cb_db_prepare(db, SQL_FIND_REMOVED, &st)) != CB_OK) {
		free(t);
		return rc;
	}
	cb_stmt_bind_text(st, 1, t);
	free(t);
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		struct cb_person_ref *items = realloc(l.items, (l.count + 1) * sizeof *items);
		if (!items) {
			rc = CB_NOMEM;
			break;
		}
		l.items = items;
		cb_stmt_id(st, 0, &items[l.count].id);
		items[l.count].roles = roles_of(st, 2);
		if (!(items[l.count].name = strdup(cb_stmt_text(st, 1)))) {
			rc = CB_NOMEM;
			break;
		}
		l.count++;
	}
	if (rc != CB_DONE) {
		cb_stmt_reset(st);
		cb_person_ref_list_free(&l);
		return rc;
	}
	if (l.count == 0) {
		rc = CB_NOT_FOUND;
	} else if (l.count == 1) {
		if (out)
			*out = l.items[0].id;
		rc = CB_OK;
	} else {
		if (cands) {
			*cands = l;
			return CB_AMBIGUOUS;
		}
		rc = CB_AMBIGUOUS;
	}
	cb_person_ref_list_free(&l);
	return rc;
}

static const char SQL_SUMMARY_PERSON[] = "SELECT name, deleted FROM people WHERE id = ?1";
static const char SQL_COUNT_CONSENTS[] =
	"SELECT count(*) FROM consents WHERE person = ?1 AND deleted = 0";
static const char SQL_COUNT_ATTENDANCE[] =
	"SELECT count(*) FROM attendance WHERE person = ?1 AND deleted = 0";
static const char SQL_COUNT_PAIRINGS[] =
	"SELECT (SELECT count(*) FROM pairings WHERE mentor = ?1)"
	" + (SELECT count(*) FROM pairings WHERE learner = ?1)";
static const char SQL_COUNT_SKILLS[] = "SELECT count(*) FROM skill_signoffs WHERE person = ?1";

static cb_status
count_hex(struct cb_db *db, const char *sql, const char *hex, int64_t *out)
{
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, sql, &st);

	*out = 0;
	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_text(st, 1, hex);
	if ((rc = cb_stmt_step(st)) != CB_ROW)
		return rc == CB_DONE ? CB_DB_ERROR : rc;
	*out = cb_stmt_int(st, 0);
	cb_stmt_reset(st);
	return CB_OK;
}

cb_status
cb_forget_summary(struct cb_db *db, const struct cb_id *person, struct cb_forget_summary *out)
{
	char hex[CB_ID_HEX_LEN + 1];
	struct cb_stmt *st;
	cb_status rc;

	memset(out, 0, sizeof *out);
	if ((rc = cb_db_prepare(db, SQL_SUMMARY_PERSON, &st)) != CB_OK)
		return rc;
	cb_stmt_bind_id(st, 1, person);
	if ((rc = cb_stmt_step(st)) != CB_ROW)
		return rc == CB_DONE ? CB_NOT_FOUND : rc;
	out->removed = cb_stmt_int(st, 1) != 0;
	out->name = strdup(cb_stmt_text(st, 0));
	cb_stmt_reset(st);
	if (!out->name)
		return CB_NOMEM;
	cb_id_to_hex(person, hex);
	if ((rc = count_hex(db, SQL_COUNT_CONSENTS, hex, &out->consents)) != CB_OK ||
	    (rc = count_hex(db, SQL_COUNT_ATTENDANCE, hex, &out->attendance)) != CB_OK ||
	    (rc = count_hex(db, SQL_COUNT_PAIRINGS, hex, &out->pairings)) != CB_OK ||
	    (rc = count_hex(db, SQL_COUNT_SKILLS, hex, &out->skills)) != CB_OK) {
		cb_forget_summary_clear(out);
		return rc;
	}
	return CB_OK;
}

void
cb_forget_summary_clear(struct cb_forget_summary *s)
{
	free(s->name);
	s->name = NULL;
}

static const char SQL_PERSON_EXISTS[] = "SELECT 1 FROM people WHERE id = ?1";

cb_status
cb_forget(struct cb_db *db, const struct cb_id *person, bool *wiped)
{
	struct cb_stmt *st;
	bool gone;
	cb_status rc;

	if (wiped)
		*wiped = false;
	if (cb_db_in_transaction(db))
		return CB_DB_ERROR; /* the checkpoint needs the transaction over */
	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	if ((rc = cb_person_forgotten(db, person, &gone)) != CB_OK)
		goto failed;
	if (gone) {
		rc = CB_EXISTS;
		goto failed;
	}
	if ((rc = cb_db_prepare(db, SQL_PERSON_EXISTS, &st)) != CB_OK)
		goto failed;
	cb_stmt_bind_id(st, 1, person);
	if ((rc = cb_stmt_step(st)) != CB_ROW) {
		rc = rc == CB_DONE ? CB_NOT_FOUND : rc;
		goto failed;
	}
	cb_stmt_reset(st);
	if ((rc = cb_oplog_forget(db, person)) != CB_OK)
		goto failed;
	/* the commit checkpoints the WAL (erasure asked for it) */
	if ((rc = cb_db_commit(db)) != CB_OK)
		return rc;
	if (wiped)
		*wiped = !cb_db_wipe_pending(db);
	return CB_OK;
failed:
	cb_db_rollback(db);
	return rc;
}
