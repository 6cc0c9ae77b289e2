/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_PRIVACY_H
#define CAMBOUIS_PRIVACY_H

#include <stdbool.h>
#include <stdint.h>
#include "cambouis/db.h"
#include "cambouis/id.h"
#include "cambouis/people.h"

/*
 * The right to erasure (DOMAIN.md privacy rules, DESIGN.md §3): `forget`
 * is an op (CB_OP_FORGET) that travels like any other and wins over every
 * other op about the person, in any order. Applying it on a laptop:
 *
 *  - the person's row stays as an anonymous tombstone, so counts and the
 *    links others have to it (who trained whom, who signed off a skill)
 *    still work: its name becomes "forgotten-<last 8 hex digits of the
 *    id>", every field flagged CB_FIELD_PERSONAL in the schema is NULL, it is removed
 *    (deleted = 1); roles, trained_by, promoted_on and added_on stay;
 *  - the rows that are theirs (a field flagged CB_FIELD_OWNER names them)
 *    are removed from the tables: their consents, attendance, skill
 *    sign-offs, the pairings where they are mentor or learner and those
 *    pairings' sessions;
 *  - in the op log, every op about their personal fields and every op on
 *    those rows keeps only the fact it existed: its value becomes NULL,
 *    except the person id that ties a row to them (a random id);
 *  - ops about them that arrive later (from laptops that had not seen the
 *    erasure) are stored blanked and project nothing;
 *  - conflicts to review about them are dropped;
 *  - the WAL is checkpointed (TRUNCATE) after the transaction and the
 *    connection runs with secure_delete, so no byte of the erased values
 *    remains in the database file or its WAL.
 *
 * Bundles exported before the erasure are outside our reach; a later
 * export only ever carries the blanked values.
 */

#define CB_FORGOTTEN_PREFIX "forgotten-"
/* "forgotten-" and 8 hex digits */
#define CB_FORGOTTEN_NAME_LEN (sizeof CB_FORGOTTEN_PREFIX - 1 + 8)

/* The tombstone name of a forgotten person (out: CB_FORGOTTEN_NAME_LEN + 1). */
void cb_forgotten_name(const struct cb_id *person, char *out);

/* Has person been forgotten on this laptop? */
cb_status cb_person_forgotten(struct cb_db *db, const struct cb_id *person, bool *yes);

/* Find a person to forget by what was typed: as cb_person_find() among
 * live people, then among removed people not forgotten yet (exact name
 * ignoring ASCII case, or the 32-digit id). CB_NOT_FOUND, or CB_AMBIGUOUS
 * with the candidates in *cands (may be NULL; free with
 * cb_person_ref_list_free). */
cb_status cb_forget_find(struct cb_db *db, const char *key, struct cb_id *out,
			 struct cb_person_ref_list *cands);

/* What forgetting person will erase, for the confirmation. */
struct cb_forget_summary {
	char *name;        /* the display name (malloc'ed) */
	bool removed;      /* already removed (deleted = 1) */
	int64_t consents, attendance, pairings, skills;
};
cb_status cb_forget_summary(struct cb_db *db, const struct cb_id *person,
			    struct cb_forget_summary *out);
void cb_forget_summary_clear(struct cb_forget_summary *s);

/* Forget person: one transaction (not inside another: CB_DB_ERROR), then
 * the WAL checkpoint. CB_NOT_FOUND when no such person, CB_EXISTS when
 * forgotten already. *wiped (may be NULL) tells whether the checkpoint
 * could finish now (false: another program holds the database open; the
 * old pages leave the WAL when it is checkpointed later). */
cb_status cb_forget(struct cb_db *db, const struct cb_id *person, bool *wiped);

#endif
