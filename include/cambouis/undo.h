/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_UNDO_H
#define CAMBOUIS_UNDO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cambouis/db.h"
#include "cambouis/id.h"

/*
 * Undo, built once from the op log. A user action is one core call and
 * one transaction; the local ops one outermost transaction writes are one
 * action (the range of their seq, remembered by the connection, so undo
 * reaches back over what this connection did, not over other programs').
 *
 * Undoing an action writes new ops: each field the action set gets back
 * the value of the op that held it before, as if the action had never
 * happened (the newest op that is neither the action's nor part of an
 * undone action or of an undo); a row the action made is marked deleted
 * (a table without a "deleted" field gets its fields set to NULL).
 *
 * A newer write wins over undo: a field whose value now comes from an op
 * written after the action (a later local action, or a remote op that an
 * import brought in) is left as it is and counted in kept. Undo never
 * clobbers what someone else wrote since. An erasure (forget) cannot be
 * undone. Undo itself is one action, never undone in turn; undoing again
 * undoes the action before.
 */
enum cb_undo_what {
	CB_UNDO_ADDED,   /* the action made the row: it is deleted again */
	CB_UNDO_REMOVED, /* the action marked it deleted: it is back */
	CB_UNDO_CHANGED, /* the action changed fields: they have their old values */
};

struct cb_undo_info {
	int table;             /* the row the action wrote first */
	struct cb_id row;
	enum cb_undo_what what; /* what the action had done to it */
	size_t written;        /* fields written back */
	size_t kept;           /* fields left as a newer write has them */
	char *note;            /* the action's note (cb_undo_note), or NULL; caller frees */
};

/* A mark: the number of actions this connection has made so far. Undo
 * since a mark never reaches an action made before it. */
int64_t cb_undo_mark(struct cb_db *db);

/* Attach note (a message for the user: what undoing it does) to the last
 * action, when it was made after mark (else nothing: the call wrote
 * nothing). Copied. CB_OK or CB_NOMEM. */
cb_status cb_undo_note(struct cb_db *db, int64_t mark, const char *note);

/* Is there an action after mark that undo would undo? */
bool cb_undo_possible(struct cb_db *db, int64_t mark);

/* Undo the last action made after mark that is not undone yet, in one
 * transaction. CB_NOT_FOUND when there is none; CB_INVALID for an
 * erasure. info (may be NULL) tells what was undone; free it with
 * cb_undo_info_clear(). */
cb_status cb_undo_last(struct cb_db *db, int64_t mark, struct cb_undo_info *info);

void cb_undo_info_clear(struct cb_undo_info *info);

#endif
