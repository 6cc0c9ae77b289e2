/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_ATTENDANCE_H
#define CAMBOUIS_ATTENDANCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cambouis/config.h"
#include "cambouis/date.h"
#include "cambouis/db.h"
#include "cambouis/id.h"
#include "cambouis/people.h"

/*
 * Attendance: a person at a session, with their role that day, check-in
 * and optional check-out times ("HH:MM"). The row's id is derived from
 * (person, session), so two laptops checking the same person in at the
 * same session make one row after sync (fields merge last-writer-wins).
 *
 * Volunteer hours come from check-in to check-out, or the session's
 * length when either time is missing.
 */

/* The id of the attendance of person at session (exposed for tests). */
void cb_attendance_id(const struct cb_id *person, const struct cb_id *session, struct cb_id *out);

/* Check person in at session. role CB_ROLE_NONE: mentor if they are one,
 * else learner, else organiser; a role they do not hold is CB_INVALID.
 * at: "HH:MM" or NULL (no time recorded). A learner whose active mentor is
 * present, or a mentor whose active learners are, is paired for the
 * session at once (the pair continues from session to session):
 * *paired_with (may be NULL) gets that person (zero id when none).
 * Checking in twice updates role and time; a removed check-in comes back. */
cb_status cb_checkin(struct cb_db *db, const struct cb_id *person, const struct cb_id *session,
		     enum cb_role role, const char *at, struct cb_id *paired_with);

/* Add a person and check them in at session, in one action (one
 * transaction, undone in one step): cb_person_add() then cb_checkin(). A
 * refusal of either writes nothing: *bad (may be NULL) says why the person
 * was refused; a refused check-in leaves *bad at CB_PERSON_BAD_NONE. */
cb_status cb_person_add_checkin(struct cb_db *db, const struct cb_config *cfg,
				const struct cb_person_input *in, int32_t today,
				const struct cb_id *session, enum cb_role role, const char *at,
				struct cb_id *out_id, struct cb_id *paired_with,
				enum cb_person_bad *bad);

/* Check out at at ("HH:MM", NULL: clears the check-out). CB_NOT_FOUND if
 * the person was not checked in; CB_INVALID if at is before check-in. */
cb_status cb_checkout(struct cb_db *db, const struct cb_id *person, const struct cb_id *session,
		      const char *at);

/* Undo a check-in made by mistake (and the person's pairs that evening). */
cb_status cb_checkin_undo(struct cb_db *db, const struct cb_id *person, const struct cb_id *session);

/* The role person has at session (CB_ROLE_NONE when not checked in);
 * *left (may be NULL) tells whether they have checked out. One lookup. */
cb_status cb_attendance_role(struct cb_db *db, const struct cb_id *person,
			     const struct cb_id *session, enum cb_role *role, bool *left);

/* The local time now, "HH:MM" (from the pinnable clock). */
void cb_time_now(char out[CB_TIME_LEN + 1]);

/* --- Tonight: who is here ------------------------------------------------ */

struct cb_presence {
	struct cb_id person;
	char *name;
	enum cb_role role;          /* that day */
	char checkin[CB_TIME_LEN + 1];   /* "" unknown */
	char checkout[CB_TIME_LEN + 1];  /* "" still here */
	/* learners: their mentor tonight (zero id, "" when unpaired);
	 * mentors: their first learner tonight, and how many they have */
	struct cb_id partner;
	char *partner_name;
	int npartners;
	bool minor;                 /* may be under 18 */
	bool attestation_expired;   /* mentors: none or expired */
};
struct cb_presence_list {
	struct cb_presence *items;
	size_t count;
	int learners, mentors, organisers, pairs, unpaired; /* counts */
};
/* Everyone checked in at session, by check-in order (time, then name);
 * today decides ages and attestations. */
cb_status cb_presence(struct cb_db *db, const struct cb_config *cfg, const struct cb_id *session,
		      int32_t today, struct cb_presence_list *out);
/* Only the learners with no mentor tonight (and not checked out). */
cb_status cb_unpaired_learners(struct cb_db *db, const struct cb_config *cfg,
			       const struct cb_id *session, int32_t today,
			       struct cb_presence_list *out);
void cb_presence_list_free(struct cb_presence_list *l);

/* --- a person's history ---------------------------------------------------- */

struct cb_visit {
	struct cb_id session;
	char date[CB_DATE_LEN + 1];
	char *venue;                /* "" unknown */
	enum cb_role role;
	char checkin[CB_TIME_LEN + 1];
	char checkout[CB_TIME_LEN + 1];
	int minutes;                /* hours counted, in minutes */
	char *partner;              /* the pair that evening, "" none */
};
struct cb_visit_list {
	struct cb_visit *items;
	size_t count;
};
/* A person's attendance, most recent first. */
cb_status cb_visits_of(struct cb_db *db, const struct cb_id *person, struct cb_visit_list *out);
void cb_visit_list_free(struct cb_visit_list *l);

/* Minutes of one attendance: check-out minus check-in, else the session's
 * length (start/end "HH:MM"); 0 when nothing is known or negative. */
int cb_attendance_minutes(const char *checkin, const char *checkout, const char *start,
			  const char *end);

/* Volunteer minutes (roles mentor and organiser) between from and to
 * (dates, NULL: unbounded), of one person or (person NULL) of everyone. */
cb_status cb_volunteer_minutes(struct cb_db *db, const struct cb_id *person, const char *from,
			       const char *to, int64_t *minutes);

/* Sessions a person attended (any role). */
cb_status cb_sessions_attended(struct cb_db *db, const struct cb_id *person, int *count);

#endif
