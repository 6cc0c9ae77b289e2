/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_REVIEW_H
#define CAMBOUIS_REVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cambouis/db.h"
#include "cambouis/id.h"
#include "cambouis/oplog.h"

/*
 * Conflicts to review (DESIGN.md §3): when an import finds two concurrent
 * values of one field (see sync.h), last writer wins decides which one
 * shows, the same on every laptop, and the other one stays in the log.
 * This laptop keeps a list of those pairs so a person can look at them:
 * keeping the current value only closes the entry; keeping the other
 * value writes it again as a new local op, which then wins everywhere
 * after the next sync.
 *
 * The list is local bookkeeping: it is not made of ops, never travels and
 * survives a rebuild. Each laptop that saw the conflict lists it.
 *
 * "Current" is always the field's value now, not the one that won at
 * import time; an entry whose other value is the current one (someone
 * already chose it) is not listed.
 */

/* One value of a field, as a screen shows it. */
struct cb_review_value {
	struct cb_id op_id;
	char *text;        /* the value for people (venue names rather than ids);
			    * "" when the field was emptied */
	bool empty;        /* the op set the field to nothing */
	char *who;         /* the laptop that wrote it: its site label when
			    * known, else the first 8 hex digits of its site */
	bool here;         /* written on this laptop */
	int64_t when_ms;   /* the op's clock time */
	bool current;      /* history: the value the field shows now */
};

struct cb_review_item {
	int64_t id;                 /* the entry, for keep_current/keep_other */
	int table, field;
	struct cb_id row;
	char *what;                 /* the row for people: "Venue “Halle”" */
	const char *field_label;    /* translated: "Commune" */
	struct cb_review_value current, other;
	int64_t found_ms;           /* when the import found it */
};

struct cb_review_list {
	struct cb_review_item *items;
	size_t count;
};

/* Note a conflict found by an import (sync.c calls it inside the import's
 * transaction): op and rival are the two ops of the field, won tells
 * whether op is the one that shows. Recording the same pair twice keeps
 * one entry. */
cb_status cb_review_record(struct cb_db *db, const struct cb_op *op, const struct cb_op *rival,
			   bool won, int64_t now_ms);

/* The open entries, newest first; free with cb_review_list_free(). */
cb_status cb_review_list(struct cb_db *db, struct cb_review_list *out);
void cb_review_list_free(struct cb_review_list *l);

/* How many entries cb_review_list() would give. */
cb_status cb_review_count(struct cb_db *db, int64_t *count);

/* One entry (open or not); free with cb_review_item_clear().
 * CB_NOT_FOUND when there is no such entry. */
cb_status cb_review_get(struct cb_db *db, int64_t id, struct cb_review_item *out);
void cb_review_item_clear(struct cb_review_item *it);

/* Keep the value the field shows: the entry is closed, nothing else
 * changes. CB_NOT_FOUND (here and below) when there is no such open
 * entry. */
cb_status cb_review_keep_current(struct cb_db *db, int64_t id);

/* Keep the other value: a new local op sets the field to it (so it wins
 * on every laptop after the next sync), and the entry is closed. One
 * transaction. */
cb_status cb_review_keep_other(struct cb_db *db, int64_t id);

/* Every value the field ever had, oldest first (by clock, then site). */
struct cb_review_history {
	struct cb_review_value *items;
	size_t count;
};

cb_status cb_review_history(struct cb_db *db, int table, const struct cb_id *row, int field,
			    struct cb_review_history *out);
void cb_review_history_free(struct cb_review_history *h);

/* The row for people ("Venue “Halle”", "Session of 2026-03-14 at Halle"),
 * through the modules' own readers; malloc'ed. */
char *cb_review_describe(struct cb_db *db, int table, const struct cb_id *row);

/* The field's name for people, translated ("Commune"). */
const char *cb_review_field_label(int table, int field);

#endif
