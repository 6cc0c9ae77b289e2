/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_VENUE_H
#define CAMBOUIS_VENUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cambouis/db.h"
#include "cambouis/id.h"

/*
 * Venues: the places the workshop meets. Each change is one transaction of
 * ops (joining the caller's transaction if one is open). Names are unique
 * among live venues, compared without regard to ASCII case.
 */

#define CB_VENUE_NAME_MAX 120
#define CB_VENUE_TEXT_MAX 500
#define CB_VENUE_NOTES_MAX 2000
#define CB_VENUE_CAPACITY_MAX 100000

struct cb_venue {
	struct cb_id id;
	char *name;
	char *address; /* "" when unknown */
	char *commune;
	char *notes;
	long long capacity; /* -1 when unknown */
};

/* What to set. A NULL string leaves the field alone; "" clears it.
 * set_capacity false leaves capacity alone; capacity -1 clears it. */
struct cb_venue_input {
	const char *name;
	const char *address;
	const char *commune;
	const char *notes;
	bool set_capacity;
	long long capacity;
};

/* Check an input without touching the database. On error *bad_field (may
 * be NULL) gets the CB_F_VENUE_* code of the first bad field. */
cb_status cb_venue_validate(const struct cb_venue_input *in, bool adding, int *bad_field);

/* Add a venue; in->name is required. CB_EXISTS if the name is taken. */
cb_status cb_venue_add(struct cb_db *db, const struct cb_venue_input *in,
		       struct cb_id *out_id, int *bad_field);

/* Change the given fields (only those that differ produce ops). */
cb_status cb_venue_edit(struct cb_db *db, const struct cb_id *id,
			const struct cb_venue_input *in, int *bad_field);

/* Mark deleted (an op; the row stays in the log). */
cb_status cb_venue_remove(struct cb_db *db, const struct cb_id *id);

/* Undo a removal. */
cb_status cb_venue_restore(struct cb_db *db, const struct cb_id *id);

/* Find a live venue by name: exact first, then ignoring ASCII case.
 * CB_NOT_FOUND or CB_AMBIGUOUS otherwise. */
cb_status cb_venue_find(struct cb_db *db, const char *name, struct cb_id *out);

/* Fetch one venue (live or deleted); release with cb_venue_clear(). */
cb_status cb_venue_get(struct cb_db *db, const struct cb_id *id, struct cb_venue *out);
void cb_venue_clear(struct cb_venue *v);

struct cb_venue_list {
	struct cb_venue *items;
	size_t count;
};

/* Every live venue, ordered by name (cb_text_collate); release with cb_venue_list_free(). */
cb_status cb_venue_list(struct cb_db *db, struct cb_venue_list *out);
void cb_venue_list_free(struct cb_venue_list *list);

#endif
