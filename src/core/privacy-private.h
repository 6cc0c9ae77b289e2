/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_PRIVACY_PRIVATE_H
#define CAMBOUIS_PRIVACY_PRIVATE_H

/* The op log's hooks into erasure (oplog.c and privacy.c only). Every op
 * goes through cb_erasure_classify() before it is stored, in apply and in
 * rebuild, so the tables are a function of the set of ops whatever order
 * they came in. */

#include "cambouis/oplog.h"

enum cb_erasure {
	CB_ERASURE_NONE,  /* project as usual */
	CB_ERASURE_BLANK, /* about what is erased: store blanked, project nothing */
	CB_ERASURE_ROW,   /* ties its row to a forgotten person: store blanked,
			   * erase the row (cb_erasure_row), project nothing */
};

cb_status cb_erasure_classify(struct cb_db *db, const struct cb_op *op, enum cb_erasure *out);

/* The value op is stored with when blanked: NULL, except the fields that
 * tie a row to a person (kept, so any later op or a rebuild still knows
 * whose row it was; they are random ids, nothing personal). */
struct cb_value cb_erasure_blanked(const struct cb_op *op);

/* Apply a FORGET of person / erase the row that op ties to a forgotten
 * person. replay: during a rebuild, when the log is blanked already. */
cb_status cb_erasure_person(struct cb_db *db, const struct cb_id *person, bool replay);
cb_status cb_erasure_row(struct cb_db *db, const struct cb_op *op, bool replay);

/* Empty the erased-rows projection (rebuild). */
cb_status cb_erasure_clear(struct cb_db *db);

#endif
