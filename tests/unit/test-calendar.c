/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Series, sessions, closures and conflicts, each test on a fresh database. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/calendar.h"
#include "cambouis/clock.h"
#include "cambouis/oplog.h"
#include "cambouis/venue.h"

static struct cb_db *db;
static struct cb_id venue[4]; /* A, B, C, D */
static const struct cb_holidays public_only = {true, NULL, 0};

static int32_t
day(const char *s)
{
	int32_t d = -1;
	ck_assert_int_eq(cb_date_parse(s, &d), CB_OK);
	return d;
}

static void
setup(void)
{
	static const char *const names[] = {"A", "B", "C", "D"};
	int64_t ms;

	ck_assert_int_eq(cb_clock_parse("2026-01-01T12:00", &ms), CB_OK);
	cb_clock_pin(ms);
	ck_assert_int_eq(cb_db_open(":memory:", CB_OPEN_CREATE, &db, NULL, 0), CB_OK);
	for (int i = 0; i < 4; i++) {
		struct cb_venue_input in = {.name = names[i], .commune = "Tours"};
		ck_assert_int_eq(cb_venue_add(db, &in, &venue[i], NULL), CB_OK);
	}
}

static void
teardown(void)
{
	cb_db_close(db);
	db = NULL;
	cb_clock_unpin();
}

/* Add a series; returns its id. */
static struct cb_id
add_series(const char *first, int every, int nvenues, const char *until, int count,
	   enum cb_holiday_rule rule, const struct cb_holidays *h, int32_t today)
{
	struct cb_series_input in = {
		.first = first, .start = "17:30", .end = "20:00", .every_weeks = every,
		.venues = venue, .nvenues = (size_t)nvenues, .until = until, .count = count,
		.rule = rule,
	};
	struct cb_id id;
	enum cb_series_bad bad;

	ck_assert_int_eq(cb_series_add(db, h, &in, today, &id, NULL, &bad), CB_OK);
	return id;
}

/* The venue letter of a session. */
static char
letter(const struct cb_session *s)
{
	return s->venue_name[0];
}

/* "date:venue " for every live session, e.g. "2026-01-07:A 2026-01-21:B". */
static char *
agenda(void)
{
	struct cb_session_list l;
	char *out = calloc(1, 4096);

	ck_assert_int_eq(cb_sessions_between(db, NULL, NULL, &l), CB_OK);
	for (size_t i = 0; i < l.count; i++) {
		char item[64];
		snprintf(item, sizeof item, "%s%s:%c%s%s", i ? " " : "", l.items[i].date,
			 letter(&l.items[i]), strcmp(l.items[i].start, "17:30") ? "@" : "",
			 strcmp(l.items[i].start, "17:30") ? l.items[i].start : "");
		strcat(out, item);
	}
	cb_session_list_free(&l);
	return out;
}

#define ck_assert_agenda(want) do { \
		char *got_ = agenda(); \
		ck_assert_str_eq(got_, want); \
		free(got_); \
	} while (0)

START_TEST(test_rotation)
{
	add_series("2026-01-07", 2, 3, NULL, 7, CB_HOLIDAY_SKIP, &public_only, day("2026-01-01"));
	ck_assert_agenda("2026-01-07:A 2026-01-21:B 2026-02-04:C 2026-02-18:A 2026-03-04:B "
			 "2026-03-18:C 2026-04-01:A");
}
END_TEST

/* Thursdays of May 2026: the 14th is Ascension Day. */
START_TEST(test_skip_keeps_rotation)
{
	add_series("2026-04-30", 1, 3, "2026-05-28", 0, CB_HOLIDAY_SKIP, &public_only,
		   day("2026-01-01"));
	/* no session on the 14th, and C is not lost: the rotation waits */
	ck_assert_agenda("2026-04-30:A 2026-05-07:B 2026-05-21:C 2026-05-28:A");
}
END_TEST

START_TEST(test_skip_does_not_count)
{
	add_series("2026-04-30", 1, 2, NULL, 4, CB_HOLIDAY_SKIP, &public_only, day("2026-01-01"));
	ck_assert_agenda("2026-04-30:A 2026-05-07:B 2026-05-21:A 2026-05-28:B");
}
END_TEST

START_TEST(test_rule_before)
{
	add_series("2026-05-07", 1, 3, "2026-05-21", 0, CB_HOLIDAY_BEFORE, &public_only,
		   day("2026-01-01"));
	ck_assert_agenda("2026-05-07:A 2026-05-13:B 2026-05-21:C");
}
END_TEST

START_TEST(test_rule_after)
{
	add_series("2026-05-07", 1, 3, "2026-05-21", 0, CB_HOLIDAY_AFTER, &public_only,
		   day("2026-01-01"));
	ck_assert_agenda("2026-05-07:A 2026-05-15:B 2026-05-21:C");
}
END_TEST

START_TEST(test_rule_ignore)
{
	struct cb_conflict_list cl;

	add_series("2026-05-07", 1, 3, "2026-05-21", 0, CB_HOLIDAY_IGNORE, &public_only,
		   day("2026-01-01"));
	ck_assert_agenda("2026-05-07:A 2026-05-14:B 2026-05-21:C");
	/* kept, but listed among the conflicts with the holiday's name */
	ck_assert_int_eq(cb_calendar_conflicts(db, &public_only, NULL, NULL, &cl), CB_OK);
	ck_assert_uint_eq(cl.count, 1);
	ck_assert_int_eq(cl.items[0].kind, CB_CONFLICT_HOLIDAY);
	ck_assert_str_eq(cl.items[0].session.date, "2026-05-14");
	ck_assert_str_eq(cl.items[0].detail, "Ascension Day");
	cb_conflict_list_free(&cl);
}
END_TEST

/* before/after step over a whole school period, not just one day. */
START_TEST(test_rule_moves_out_of_period)
{
	struct cb_school_holiday sh[] = {
		{(char *)"Printemps", (char *)"2026-04-11", (char *)"2026-04-26", 1},
	};
	struct cb_holidays h = {true, sh, 1};

	add_series("2026-04-08", 1, 2, "2026-04-29", 0, CB_HOLIDAY_AFTER, &h, day("2026-01-01"));
	/* the 15th and 22nd both land on the 27th (listed in id order); the
	 * 29th stays */
	char *got = agenda();
	if (strcmp(got, "2026-04-08:A 2026-04-27:B 2026-04-27:A 2026-04-29:B") != 0)
		ck_assert_str_eq(got, "2026-04-08:A 2026-04-27:A 2026-04-27:B 2026-04-29:B");
	free(got);
}
END_TEST

START_TEST(test_dst_weeks)
{
	struct cb_session_list l;

	/* weekly on Sundays across 29 March and 25 October 2026 */
	add_series("2026-03-22", 1, 1, "2026-04-05", 0, CB_HOLIDAY_IGNORE, &public_only,
		   day("2026-01-01"));
	add_series("2026-10-18", 1, 1, "2026-11-01", 0, CB_HOLIDAY_IGNORE, &public_only,
		   day("2026-01-01"));
	ck_assert_int_eq(cb_sessions_between(db, NULL, NULL, &l), CB_OK);
	ck_assert_uint_eq(l.count, 6);
	static const char *const want[] = {"2026-03-22", "2026-03-29", "2026-04-05",
					   "2026-10-18", "2026-10-25", "2026-11-01"};
	for (size_t i = 0; i < l.count; i++) {
		ck_assert_str_eq(l.items[i].date, want[i]);
		ck_assert_str_eq(l.items[i].start, "17:30");
		ck_assert_str_eq(l.items[i].end, "20:00");
	}
	cb_session_list_free(&l);
}
END_TEST

/* A series edit changes only what is still to come and untouched. */
START_TEST(test_edit_spares_past_and_edited)
{
	struct cb_series_change ch = {.start = "18:00", .end = "20:30"};
	struct cb_session_change mv = {.date = "2026-02-19"};
	struct cb_id id, moved, cancelled;
	size_t changed;

	id = add_series("2026-01-07", 2, 2, NULL, 6, CB_HOLIDAY_SKIP, &public_only, day("2026-01-01"));
	ck_assert_int_eq(cb_session_find(db, "2026-02-18", &moved), CB_OK);
	ck_assert_int_eq(cb_session_move(db, &moved, &mv), CB_OK);
	ck_assert_int_eq(cb_session_find(db, "2026-03-04", &cancelled), CB_OK);
	ck_assert_int_eq(cb_session_cancel(db, &cancelled, "pluie"), CB_OK);
	/* on 2026-02-01: January is the past */
	ck_assert_int_eq(cb_series_edit(db, &public_only, &id, &ch, day("2026-02-01"), &changed, NULL),
			 CB_OK);
	ck_assert_uint_eq(changed, 2); /* 02-04 and 03-18 */
	ck_assert_agenda("2026-01-07:A 2026-01-21:B 2026-02-04:A@18:00 2026-02-19:B "
			 "2026-03-04:A 2026-03-18:B@18:00");
}
END_TEST

START_TEST(test_edit_venues_and_end)
{
	struct cb_id id, d[2] = {venue[2], venue[3]};
	struct cb_series_change ch = {.venues = d, .nvenues = 2};
	struct cb_series_change shorter = {.set_end = true, .count = 4};
	size_t changed;

	id = add_series("2026-01-07", 2, 2, NULL, 6, CB_HOLIDAY_SKIP, &public_only, day("2026-01-01"));
	ck_assert_int_eq(cb_series_edit(db, &public_only, &id, &ch, day("2026-02-01"), &changed, NULL),
			 CB_OK);
	/* the rotation keeps its place: slot 2 takes the new list's third
	 * (= first) venue */
	ck_assert_agenda("2026-01-07:A 2026-01-21:B 2026-02-04:C 2026-02-18:D 2026-03-04:C "
			 "2026-03-18:D");
	ck_assert_int_eq(cb_series_edit(db, &public_only, &id, &shorter, day("2026-02-01"),
					&changed, NULL), CB_OK);
	ck_assert_uint_eq(changed, 2);
	ck_assert_agenda("2026-01-07:A 2026-01-21:B 2026-02-04:C 2026-02-18:D");
	/* and longer again: the removed sessions come back */
	shorter.count = 5;
	ck_assert_int_eq(cb_series_edit(db, &public_only, &id, &shorter, day("2026-02-01"),
					&changed, NULL), CB_OK);
	ck_assert_uint_eq(changed, 1);
	ck_assert_agenda("2026-01-07:A 2026-01-21:B 2026-02-04:C 2026-02-18:D 2026-03-04:C");
}
END_TEST

START_TEST(test_edit_refuses_bad_input)
{
	struct cb_id id = add_series("2026-01-07", 2, 2, NULL, 3, CB_HOLIDAY_SKIP, &public_only,
				     day("2026-01-01"));
	struct cb_series_change ch = {.end = "17:00"};
	enum cb_series_bad bad;

	ck_assert_int_eq(cb_series_edit(db, &public_only, &id, &ch, day("2026-01-01"), NULL, &bad),
			 CB_INVALID);
	ck_assert_int_eq(bad, CB_SERIES_BAD_END);
	struct cb_series_change until = {.set_end = true, .until = "2025-12-31"};
	ck_assert_int_eq(cb_series_edit(db, &public_only, &id, &until, day("2026-01-01"), NULL, &bad),
			 CB_INVALID);
	ck_assert_int_eq(bad, CB_SERIES_BAD_UNTIL);
	ck_assert_agenda("2026-01-07:A 2026-01-21:B 2026-02-04:A");
}
END_TEST

START_TEST(test_validate)
{
	struct cb_series_input in = {
		.first = "2026-01-07", .start = "17:30", .end = "20:00", .every_weeks = 2,
		.venues = venue, .nvenues = 1,
	};
	enum cb_series_bad bad;

	ck_assert_int_eq(cb_series_validate(&in, &bad), CB_OK);
	in.first = "2026-02-30";
	ck_assert_int_eq(cb_series_validate(&in, &bad), CB_INVALID);
	ck_assert_int_eq(bad, CB_SERIES_BAD_FIRST);
	in.first = "2026-01-07";
	in.end = "17:30";
	ck_assert_int_eq(cb_series_validate(&in, &bad), CB_INVALID);
	ck_assert_int_eq(bad, CB_SERIES_BAD_END);
	in.end = "20:00";
	in.every_weeks = 0;
	ck_assert_int_eq(cb_series_validate(&in, &bad), CB_INVALID);
	ck_assert_int_eq(bad, CB_SERIES_BAD_EVERY);
	in.every_weeks = 2;
	in.until = "2026-03-01";
	in.count = 3;
	ck_assert_int_eq(cb_series_validate(&in, &bad), CB_INVALID);
	ck_assert_int_eq(bad, CB_SERIES_BAD_COUNT);
	in.count = 0;
	in.nvenues = 0;
	ck_assert_int_eq(cb_series_validate(&in, &bad), CB_INVALID);
	ck_assert_int_eq(bad, CB_SERIES_BAD_VENUES);
}
END_TEST

START_TEST(test_remove_series)
{
	struct cb_id id = add_series("2026-01-07", 2, 2, NULL, 4, CB_HOLIDAY_SKIP, &public_only,
				     day("2026-01-01"));
	struct cb_series_list l;

	ck_assert_int_eq(cb_series_remove(db, &id, day("2026-01-22")), CB_OK);
	ck_assert_agenda("2026-01-07:A 2026-01-21:B");
	ck_assert_int_eq(cb_series_list(db, &l), CB_OK);
	ck_assert_uint_eq(l.count, 0);
	cb_series_list_free(&l);
}
END_TEST

START_TEST(test_open_series_extends)
{
	struct cb_series_list l;
	size_t made;

	add_series("2026-01-07", 2, 2, NULL, 0, CB_HOLIDAY_IGNORE, &public_only, day("2026-01-01"));
	ck_assert_int_eq(cb_series_list(db, &l), CB_OK);
	ck_assert_uint_eq(l.count, 1);
	/* a year ahead of the first date */
	ck_assert_int_eq(l.items[0].sessions, 27);
	ck_assert_str_eq(l.items[0].last, "2027-01-06");
	cb_series_list_free(&l);
	ck_assert_int_eq(cb_series_extend(db, &public_only, day("2026-01-01"), &made), CB_OK);
	ck_assert_uint_eq(made, 0);
	/* two months later, three more sessions are due */
	ck_assert_int_eq(cb_series_extend(db, &public_only, day("2026-03-01"), &made), CB_OK);
	ck_assert_uint_eq(made, 3);
	ck_assert_int_eq(cb_series_extend(db, &public_only, day("2026-03-01"), &made), CB_OK);
	ck_assert_uint_eq(made, 0);
}
END_TEST

/* Session ids come from the series id and the slot, so two laptops that
 * lay out the same series make the same rows. */
START_TEST(test_session_ids_are_derived)
{
	struct cb_id id = add_series("2026-01-07", 2, 2, NULL, 3, CB_HOLIDAY_SKIP, &public_only,
				     day("2026-01-01"));
	struct cb_session_list l;
	struct cb_id want, other;

	ck_assert_int_eq(cb_sessions_between(db, NULL, NULL, &l), CB_OK);
	ck_assert_uint_eq(l.count, 3);
	for (size_t i = 0; i < l.count; i++) {
		cb_session_id_for_slot(&id, (int)i, &want);
		ck_assert_int_eq(cb_id_cmp(&want, &l.items[i].id), 0);
		ck_assert_int_eq(l.items[i].slot, (int)i);
		ck_assert_int_eq(cb_id_cmp(&l.items[i].series, &id), 0);
	}
	cb_session_id_for_slot(&id, 0, &want);
	cb_session_id_for_slot(&id, 1, &other);
	ck_assert_int_ne(cb_id_cmp(&want, &other), 0);
	cb_session_list_free(&l);
}
END_TEST

START_TEST(test_session_changes)
{
	struct cb_session s;
	struct cb_id id, ven;
	struct cb_session_change bad = {.start = "21:00"};
	struct cb_session_change mv = {.venue = &venue[3]};

	add_series("2026-01-07", 2, 2, NULL, 3, CB_HOLIDAY_SKIP, &public_only, day("2026-01-01"));
	ck_assert_int_eq(cb_session_find(db, "2026-01-08", &id), CB_NOT_FOUND);
	ck_assert_int_eq(cb_session_find(db, "2026-01-21", &id), CB_OK);
	ck_assert_int_eq(cb_session_get(db, &id, &s), CB_OK);
	ck_assert_int_eq(s.sequence, 0);
	ck_assert(!s.edited);
	cb_session_clear(&s);

	ck_assert_int_eq(cb_session_cancel(db, &id, "  pluie  "), CB_OK);
	ck_assert_int_eq(cb_session_get(db, &id, &s), CB_OK);
	ck_assert_int_eq(s.status, CB_SESSION_CANCELLED);
	ck_assert_str_eq(s.reason, "pluie");
	ck_assert_int_eq(s.sequence, 1);
	ck_assert(!s.edited); /* a cancelled session is left alone anyway */
	cb_session_clear(&s);

	ck_assert_int_eq(cb_session_restore(db, &id), CB_OK);
	ck_assert_int_eq(cb_session_move(db, &id, &bad), CB_INVALID); /* would end before it starts */
	ck_assert_int_eq(cb_session_move(db, &id, &mv), CB_OK);
	ck_assert_int_eq(cb_session_held(db, &id), CB_OK);
	ck_assert_int_eq(cb_session_get(db, &id, &s), CB_OK);
	ck_assert_int_eq(s.status, CB_SESSION_HELD);
	ck_assert_str_eq(s.reason, "");
	ck_assert_str_eq(s.venue_name, "D");
	ck_assert(s.edited);
	ck_assert_int_ge(s.sequence, 3);
	cb_session_clear(&s);

	/* a one-off session on the same day makes the date ambiguous */
	ck_assert_int_eq(cb_session_add(db, "2026-01-21", "10:00", "12:00", &venue[0], &ven), CB_OK);
	ck_assert_int_eq(cb_session_find(db, "2026-01-21", &id), CB_AMBIGUOUS);
	char hex[CB_ID_HEX_LEN + 1];
	cb_id_to_hex(&ven, hex);
	ck_assert_int_eq(cb_session_find(db, hex, &id), CB_OK);
	ck_assert_int_eq(cb_id_cmp(&id, &ven), 0);
}
END_TEST

START_TEST(test_closure_conflicts)
{
	struct cb_conflict_list cl;
	struct cb_id id, next;

	add_series("2026-01-07", 2, 3, NULL, 6, CB_HOLIDAY_SKIP, &public_only, day("2026-01-01"));
	/* B is closed from mid-January on; C only in March */
	ck_assert_int_eq(cb_venue_close(db, &venue[1], "2026-01-15", NULL, "travaux", NULL), CB_OK);
	ck_assert_int_eq(cb_venue_close(db, &venue[2], "2026-01-01", "2026-01-31", NULL, NULL), CB_OK);
	ck_assert_int_eq(cb_venue_close(db, &venue[0], "2026-03-01", "2026-02-01", NULL, NULL),
			 CB_INVALID);
	ck_assert_int_eq(cb_calendar_conflicts(db, &public_only, NULL, NULL, &cl), CB_OK);
	ck_assert_uint_eq(cl.count, 2);
	ck_assert_str_eq(cl.items[0].session.date, "2026-01-21");
	ck_assert_int_eq(cl.items[0].kind, CB_CONFLICT_CLOSED);
	ck_assert_str_eq(cl.items[0].detail, "travaux");
	ck_assert_str_eq(cl.items[1].session.date, "2026-03-04");
	cb_conflict_list_free(&cl);

	/* the next venue of the rotation after B is C, closed on the 21st: A */
	ck_assert_int_eq(cb_session_find(db, "2026-01-21", &id), CB_OK);
	ck_assert_int_eq(cb_session_next_venue(db, &id, &next), CB_OK);
	ck_assert_int_eq(cb_id_cmp(&next, &venue[0]), 0);
	struct cb_session_change mv = {.venue = &next};
	ck_assert_int_eq(cb_session_move(db, &id, &mv), CB_OK);
	ck_assert_int_eq(cb_calendar_conflicts(db, &public_only, NULL, "2026-02-28", &cl), CB_OK);
	ck_assert_uint_eq(cl.count, 0);
	cb_conflict_list_free(&cl);

	/* a cancelled session is no conflict */
	ck_assert_int_eq(cb_session_find(db, "2026-03-04", &id), CB_OK);
	ck_assert_int_eq(cb_session_cancel(db, &id, NULL), CB_OK);
	ck_assert_int_eq(cb_calendar_conflicts(db, &public_only, NULL, NULL, &cl), CB_OK);
	ck_assert_uint_eq(cl.count, 0);
	cb_conflict_list_free(&cl);
}
END_TEST

START_TEST(test_same_day_conflict)
{
	struct cb_conflict_list cl;
	struct cb_closure_list l;

	add_series("2026-01-07", 2, 1, NULL, 2, CB_HOLIDAY_SKIP, &public_only, day("2026-01-01"));
	ck_assert_int_eq(cb_session_add(db, "2026-01-21", "10:00", "12:00", &venue[2], NULL), CB_OK);
	ck_assert_int_eq(cb_calendar_conflicts(db, &public_only, NULL, NULL, &cl), CB_OK);
	ck_assert_uint_eq(cl.count, 2);
	ck_assert_int_eq(cl.items[0].kind, CB_CONFLICT_SAME_DAY);
	ck_assert_str_eq(cl.items[0].session.start, "10:00");
	ck_assert_str_eq(cl.items[0].detail, "A");
	ck_assert_str_eq(cl.items[1].detail, "C");
	cb_conflict_list_free(&cl);
	ck_assert_int_eq(cb_venue_closures(db, NULL, &l), CB_OK);
	ck_assert_uint_eq(l.count, 0);
	cb_closure_list_free(&l);
}
END_TEST

START_TEST(test_current_and_month)
{
	struct cb_session s;
	struct cb_id id;
	unsigned marks[31];
	int days;

	add_series("2026-01-07", 2, 2, NULL, 4, CB_HOLIDAY_SKIP, &public_only, day("2026-01-01"));
	ck_assert_int_eq(cb_session_current(db, day("2026-01-07"), &s, &days), CB_OK);
	ck_assert_str_eq(s.date, "2026-01-07");
	ck_assert_int_eq(days, 0);
	cb_session_clear(&s);
	ck_assert_int_eq(cb_session_current(db, day("2026-01-10"), &s, &days), CB_OK);
	ck_assert_str_eq(s.date, "2026-01-21");
	ck_assert_int_eq(days, 11);
	cb_session_clear(&s);
	/* a cancelled session is skipped when looking ahead */
	ck_assert_int_eq(cb_session_find(db, "2026-01-21", &id), CB_OK);
	ck_assert_int_eq(cb_session_cancel(db, &id, NULL), CB_OK);
	ck_assert_int_eq(cb_session_current(db, day("2026-01-10"), &s, &days), CB_OK);
	ck_assert_str_eq(s.date, "2026-02-04");
	cb_session_clear(&s);
	ck_assert_int_eq(cb_session_current(db, day("2026-03-01"), &s, &days), CB_NOT_FOUND);

	ck_assert_int_eq(cb_calendar_month(db, &public_only, 2026, 1, day("2026-01-10"), marks), CB_OK);
	ck_assert_uint_eq(marks[0], CB_MARK_PUBLIC);
	ck_assert_uint_eq(marks[6], CB_MARK_SESSION);
	ck_assert_uint_eq(marks[9], CB_MARK_TODAY);
	ck_assert_uint_eq(marks[20], CB_MARK_CANCELLED);
	ck_assert_uint_eq(marks[30], 0);
}
END_TEST

/* The tables are a projection of the op log: replaying it gives the same. */
START_TEST(test_rebuild)
{
	struct cb_id id, s;
	struct cb_series_change ch = {.start = "18:00"};
	char *before, *after;

	id = add_series("2026-01-07", 2, 3, NULL, 8, CB_HOLIDAY_BEFORE, &public_only, day("2026-01-01"));
	ck_assert_int_eq(cb_session_find(db, "2026-01-21", &s), CB_OK);
	ck_assert_int_eq(cb_session_cancel(db, &s, "neige"), CB_OK);
	ck_assert_int_eq(cb_series_edit(db, &public_only, &id, &ch, day("2026-02-01"), NULL, NULL), CB_OK);
	ck_assert_int_eq(cb_venue_close(db, &venue[0], "2026-03-01", NULL, NULL, NULL), CB_OK);
	ck_assert_int_eq(cb_oplog_dump_tables(db, &before), CB_OK);
	ck_assert_int_eq(cb_oplog_rebuild(db), CB_OK);
	ck_assert_int_eq(cb_oplog_dump_tables(db, &after), CB_OK);
	ck_assert_str_eq(before, after);
	ck_assert_ptr_nonnull(strstr(before, "[sessions]"));
	free(before);
	free(after);
}
END_TEST

START_TEST(test_demo_scales)
{
	struct cb_session_list l;
	int64_t ms;

	ck_assert_int_eq(cb_clock_parse("2026-03-01T18:00", &ms), CB_OK);
	cb_clock_pin(ms);
	ck_assert_int_eq(cb_demo_fill(db, CB_DEMO_5Y, 7), CB_OK);
	ck_assert_int_eq(cb_sessions_between(db, NULL, NULL, &l), CB_OK);
	ck_assert_uint_ge(l.count, 120);
	ck_assert_uint_le(l.count, 140);
	cb_session_list_free(&l);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("calendar");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	/* the 5-year demo holds 17,000 people: more than the default 4 s */
	tcase_set_timeout(tc, 120);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_rotation);
	tcase_add_test(tc, test_skip_keeps_rotation);
	tcase_add_test(tc, test_skip_does_not_count);
	tcase_add_test(tc, test_rule_before);
	tcase_add_test(tc, test_rule_after);
	tcase_add_test(tc, test_rule_ignore);
	tcase_add_test(tc, test_rule_moves_out_of_period);
	tcase_add_test(tc, test_dst_weeks);
	tcase_add_test(tc, test_edit_spares_past_and_edited);
	tcase_add_test(tc, test_edit_venues_and_end);
	tcase_add_test(tc, test_edit_refuses_bad_input);
	tcase_add_test(tc, test_validate);
	tcase_add_test(tc, test_remove_series);
	tcase_add_test(tc, test_open_series_extends);
	tcase_add_test(tc, test_session_ids_are_derived);
	tcase_add_test(tc, test_session_changes);
	tcase_add_test(tc, test_closure_conflicts);
	tcase_add_test(tc, test_same_day_conflict);
	tcase_add_test(tc, test_current_and_month);
	tcase_add_test(tc, test_rebuild);
	tcase_add_test(tc, test_demo_scales);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
