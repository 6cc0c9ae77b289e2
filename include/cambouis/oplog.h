/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_OPLOG_H
#define CAMBOUIS_OPLOG_H

#include <stdbool.h>
#include <stdint.h>
#include "cambouis/db.h"
#include "cambouis/id.h"
#include "cambouis/schema.h"

/*
 * The op log (DESIGN.md §3). Every change is an immutable op; the tables
 * screens read are projections of the set of ops. Local edits and imported
 * ops go through the same cb_oplog_apply().
 *
 * Merge rule for CB_OP_SET: last writer wins per field, ordered by
 * (hlc, site, op_id); so applying any set of ops in any order, any number
 * of times, gives the same tables. Deletion is a field ("deleted"), never a
 * row removal. Ledger entries (attendance, movements, ...) are rows of their
 * own with fresh ids whose fields are each set once, so the ledger is the
 * union of the entries every laptop made.
 *
 * CB_OP_FORGET erases a person (the right to erasure, DOMAIN.md): table
 * CB_T_PERSON, row the person, field 0, value NULL. It is not a field's
 * value and never loses: applying it blanks the person's personal fields,
 * removes the rows that are theirs (consents, attendance, pairings and
 * their sessions, skill sign-offs) and blanks the values of every op about
 * them, earlier or later. See include/cambouis/privacy.h.
 */
enum cb_op_kind {
	CB_OP_SET = 1,
	CB_OP_FORGET = 2,
};

struct cb_op {
	struct cb_id op_id;
	struct cb_id site;
	int64_t seq;
	uint64_t hlc;
	int kind;
	int table;
	struct cb_id row;
	int field;
	struct cb_value value; /* text not owned */
};

/* Is kind an op kind this build knows? (A bundle with another kind comes
 * from a newer cambouis.) */
bool cb_op_kind_known(int kind);

/* Does an op of kind touch (table, field) in a way this build knows?
 * (SET: a field of the schema; FORGET: a person, field 0.) */
bool cb_op_target_known(int kind, int table, int field);

/* Check an op on its own (kind, codes, type, size, UTF-8): a pure function
 * of the op, never of the receiver's clock or contents. CB_OK or CB_BAD_OP. */
cb_status cb_op_validate(const struct cb_op *op);

/* Record op if it is new and project it. *was_new (may be NULL) tells
 * whether the op was new. Must run inside a transaction. */
cb_status cb_oplog_apply(struct cb_db *db, const struct cb_op *op, bool *was_new);

/* What applying one op did, for the import report (conflicts). The rival
 * is the op that held the field before: the one this op replaced when it
 * won, or the one it lost to. */
struct cb_apply_info {
	bool was_new;      /* the op was not in the log yet */
	bool won;          /* it is now the field's value */
	bool had_rival;    /* the field had a value from another op */
	struct cb_id rival_site, rival_op_id;
};

/* Many ops in one transaction (an import): from here to the commit, a
 * run of ops on the same row writes the row once. Nothing in between may
 * read the materialised tables; the commit writes what waits. */
void cb_oplog_apply_many(struct cb_db *db);

/* cb_oplog_apply() telling what happened; the one apply path (the plain
 * version calls it). info is always filled. */
cb_status cb_oplog_apply_ex(struct cb_db *db, const struct cb_op *op,
			    struct cb_apply_info *info);

/* Make a local op setting (table, row, field) to value, stamped with this
 * site, its next seq and a fresh clock, and apply it. Must run inside a
 * transaction. Validation errors return CB_INVALID or CB_TOO_LONG. */
cb_status cb_oplog_set(struct cb_db *db, int table, const struct cb_id *row,
		       int field, const struct cb_value *value);

/* Make a local CB_OP_FORGET of person and apply it (inside a transaction).
 * Use cb_forget() (privacy.h), which also wipes the file afterwards. */
cb_status cb_oplog_forget(struct cb_db *db, const struct cb_id *person);

/* Drop every materialised table and replay the whole log (one transaction). */
cb_status cb_oplog_rebuild(struct cb_db *db);

/* Number of ops in the log. */
cb_status cb_oplog_count(struct cb_db *db, int64_t *count);

/* Ops in the log that no longer validate (cb_op_validate): a version
 * before the clock horizon or a field's validator let them in. They stay
 * in the log, never win a field, are skipped by rebuild and never
 * exported; `check` reports them. */
cb_status cb_oplog_count_invalid(struct cb_db *db, int64_t *count);

/* Local changes not yet carried to another laptop: this site's ops after
 * the last export (all of them until the sync module records one). */
cb_status cb_oplog_pending(struct cb_db *db, int64_t *count);

/* The clock value the next local op would get at least (for tests). */
uint64_t cb_oplog_last_hlc(const struct cb_db *db);

/* Visit every op (ordered by hlc, site, op_id); stop early when fn returns
 * non-OK and return that status. */
typedef cb_status (*cb_op_visit_fn)(const struct cb_op *op, void *arg);
cb_status cb_oplog_each(struct cb_db *db, cb_op_visit_fn fn, void *arg);

/* Write every materialised table's rows, in primary-key order, as text
 * lines (for rebuild equality checks and debugging). Caller frees *out. */
cb_status cb_oplog_dump_tables(struct cb_db *db, char **out);

/* --- for sync ----------------------------------------------------------
 * Every op that enters the log (local or imported) gets the next arrival
 * number n, so "the ops not exported before" are those after a mark. */

/* Fetch one op by id; a text value is malloc'ed: the caller frees
 * (char *)op->value.s. CB_NOT_FOUND when absent. */
cb_status cb_oplog_get(struct cb_db *db, const struct cb_id *op_id, struct cb_op *op);

/* Visit the ops that arrived after arrival number after, in arrival
 * order; exclude_source (may be NULL) leaves out the ops that came from
 * bundles imported from that sync folder. */
typedef cb_status (*cb_op_arrival_fn)(const struct cb_op *op, int64_t n, void *arg);
cb_status cb_oplog_each_arrived(struct cb_db *db, int64_t after, const char *exclude_source,
				cb_op_arrival_fn fn, void *arg);

/* The last arrival number (0 for an empty log). */
cb_status cb_oplog_last_arrival(struct cb_db *db, int64_t *n);

/* This laptop's knowledge: the highest seq it holds of every site. */
typedef cb_status (*cb_site_seq_fn)(const struct cb_id *site, int64_t max_seq, void *arg);
cb_status cb_oplog_each_site_max(struct cb_db *db, cb_site_seq_fn fn, void *arg);

#endif
