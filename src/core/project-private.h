/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_PROJECT_PRIVATE_H
#define CAMBOUIS_PROJECT_PRIVATE_H

/* Writing ops' values into the materialised tables (project.c), for the
 * storage files only. */

#include "cambouis/db.h"
#include "cambouis/id.h"
#include "cambouis/schema.h"

struct cb_projection;

/* Set def's column of row to value, making the row if it is missing: at
 * once, or in a batch when the next row comes (or at the batch's end, a
 * flush, or the commit). */
cb_status cb_project_set(struct cb_db *db, const struct cb_field_def *def,
			 const struct cb_id *row, const struct cb_value *value);

/* A batch: between these, nothing may read the materialised tables
 * without a flush first. The end writes what waits. */
void cb_project_batch_begin(struct cb_db *db);
cb_status cb_project_batch_end(struct cb_db *db);
cb_status cb_project_flush(struct cb_db *db);

/* Drop what waits and end the batch (db.c, on a rollback). */
void cb_project_discard(struct cb_db *db);
void cb_projection_free(struct cb_projection *p);

#endif
