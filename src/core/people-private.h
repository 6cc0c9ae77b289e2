/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_PEOPLE_PRIVATE_H
#define CAMBOUIS_PEOPLE_PRIVATE_H

/* Shared by people.c, people-view.c, attendance.c, pairing.c, skills.c,
 * snowball.c and people-demo.c only. */

#include <stdbool.h>
#include "cambouis/oplog.h"
#include "cambouis/write.h"
#include "cambouis/people.h"

/* An id derived from two ids and a tag, the same on every laptop. It keeps
 * a's time stamp so derived ids still sort roughly by age. */
void ppl_derive_id(uint32_t tag, const struct cb_id *a, const struct cb_id *b, struct cb_id *out);

/* The year of a day number. */
int ppl_year_of(int32_t day);

/* May the person be a minor (under 18)? By birth year, else by a school or
 * isolated-minor category. */
bool ppl_may_be_minor(int birth_year, const char *category, int this_year);

/* Is the attestation (date, "" none) valid on today for months? */
bool ppl_attestation_valid(const char *date, int months, int32_t today);

/* Person's name into a malloc'ed string ("" when unknown); NULL on OOM. */
char *ppl_name_of(struct cb_db *db, const char *person_hex);

/* The session's date, start and end ("" when unknown). */
cb_status ppl_session_times(struct cb_db *db, const struct cb_id *session,
			    char date[11], char start[6], char end[6]);

/* Current skill levels of a person: count of skills at "can teach" and of
 * skills being worked on (seen, helped, alone). */
cb_status ppl_skill_counts(struct cb_db *db, const char *person_hex, int *can_teach,
			   int *working_on);

/* Pairs at a session (pairing.c): make mentor and learner a pair that
 * evening (the learner's other pair that evening undone). */
cb_status ppl_pair_tonight(struct cb_db *db, const struct cb_id *mentor, const struct cb_id *learner,
			   const struct cb_id *session);
/* Undo every pair of person at session. */
cb_status ppl_unpair_tonight(struct cb_db *db, const struct cb_id *person, const struct cb_id *session);
/* Is person checked in at session (and not checked out)? *role gets the
 * role that day. */
cb_status ppl_present(struct cb_db *db, const struct cb_id *person, const struct cb_id *session,
		      bool *present, enum cb_role *role);
/* The learner's mentor at session: CB_NOT_FOUND when unpaired. */
cb_status ppl_mentor_tonight(struct cb_db *db, const struct cb_id *learner,
			     const struct cb_id *session, struct cb_id *mentor);

/* Is name (people-find.c) free for self (NULL when adding): no other live
 * person has the same name by cb_text_name_key? CB_OK or CB_EXISTS. */
cb_status ppl_name_is_free(struct cb_db *db, const char *name, const struct cb_id *self);
/* After person id was added under name, in the transaction that checked
 * it with ppl_name_is_free and when table_gen was
 * cb_db_table_gen(db, CB_T_PERSON) right after that check: the name joins
 * the transaction's cache of keys (else the cache is made again next time). */
void ppl_name_added(struct cb_db *db, const char *name, const struct cb_id *id, uint64_t table_gen);
/* Does name read as a person's id (32 hex digits)? Such a name is refused. */
bool ppl_name_is_id(const char *name);

/* Find s among n names (and labels, may be NULL), ignoring case and
 * accents: equal first, then an unambiguous beginning. */
cb_status ppl_match_words(const char *const *names, const char *const *labels, size_t n,
			  const char *s, size_t *index);



#endif
