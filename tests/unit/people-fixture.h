/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the people's unit suites: a database with a venue and two
 * sessions, the clock pinned to 2026-03-01 18:00, and small helpers. */
#ifndef CAMBOUIS_TESTS_PEOPLE_FIXTURE_H
#define CAMBOUIS_TESTS_PEOPLE_FIXTURE_H

#include <check.h>
#include <string.h>

#include "cambouis/attendance.h"
#include "cambouis/calendar.h"
#include "cambouis/clock.h"
#include "cambouis/oplog.h"
#include "cambouis/pairing.h"
#include "cambouis/people.h"
#include "cambouis/skills.h"
#include "cambouis/venue.h"

static struct cb_db *db;
static struct cb_id venue, past, tonight; /* sessions of 2026-02-15 and 2026-03-01 */
static int32_t today;

static void
pin(void)
{
	int64_t ms;
	ck_assert_int_eq(cb_clock_parse("2026-03-01T18:00", &ms), CB_OK);
	cb_clock_pin(ms);
	ck_assert_int_eq(cb_date_parse("2026-03-01", &today), CB_OK);
}

static void
fill_calendar(struct cb_db *d)
{
	struct cb_venue_input in = {.name = "Oésia", .commune = "Notre-Dame-d'Oé"};
	ck_assert_int_eq(cb_venue_add(d, &in, &venue, NULL), CB_OK);
	ck_assert_int_eq(cb_session_add(d, "2026-02-15", "17:30", "20:00", &venue, &past), CB_OK);
	ck_assert_int_eq(cb_session_add(d, "2026-03-01", "17:30", "20:00", &venue, &tonight), CB_OK);
}

static void
setup(void)
{
	pin();
	ck_assert_int_eq(cb_db_open(":memory:", CB_OPEN_CREATE, &db, NULL, 0), CB_OK);
	fill_calendar(db);
}

static void
teardown(void)
{
	cb_db_close(db);
	db = NULL;
	cb_clock_unpin();
}

/* Add a person; fails the test when refused. */
static struct cb_id
person(struct cb_db *d, const char *name, unsigned roles, int birth_year, const char *langs,
       const char *attestation)
{
	static const struct cb_consent_input guardian = {CB_PURPOSE_REGISTRATION, CB_CONSENT_GUARDIAN};
	struct cb_person_input in = {
		.name = name, .set_roles = true, .roles = roles, .birth_year = birth_year ? birth_year : -1,
		.languages = langs, .attestation = attestation,
	};
	enum cb_person_bad why = CB_PERSON_BAD_NONE;
	struct cb_id id;

	if (cb_may_be_under(birth_year, 2026, CB_GUARDIAN_AGE)) {
		in.consents = &guardian;
		in.nconsents = 1;
	}
	ck_assert_msg(cb_person_add(d, NULL, &in, today, &id, &why) == CB_OK, "add %s: %d", name, why);
	return id;
}

#define LEARNER CB_ROLE_BIT(CB_ROLE_LEARNER)
#define MENTOR CB_ROLE_BIT(CB_ROLE_MENTOR)

#endif
