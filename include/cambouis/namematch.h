/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_NAMEMATCH_H
#define CAMBOUIS_NAMEMATCH_H

#include <stddef.h>
#include "cambouis/db.h"
#include "cambouis/id.h"

/*
 * Finding a row by a name as typed, for any module whose rows have one:
 * the same name (ignoring case and accents: cb_text_collate), else an
 * unambiguous beginning of the name, else of one of its words. Among
 * several equal names the one written exactly so wins.
 */
struct cb_name_match {
	struct cb_id id;
	char *name;
};
struct cb_name_matches {
	struct cb_name_match *items;
	size_t count;
};

/* all_sql: a constant statement, no parameters, giving (id, name) of every
 * live row. CB_OK with *out, CB_NOT_FOUND, or CB_AMBIGUOUS with the
 * candidates in *cands by name (may be NULL; free with
 * cb_name_matches_free). */
cb_status cb_name_match(struct cb_db *db, const char *all_sql, const char *key,
			struct cb_id *out, struct cb_name_matches *cands);
void cb_name_matches_free(struct cb_name_matches *l);

#endif
