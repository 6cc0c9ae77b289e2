/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Attendance, pairs, suggestions, promotion and the snowball; two laptops
 * that pair the same people make one pairing after sync. */
#include "config.h"

#include <stdlib.h>

#include "cambouis/undo.h"
#include "people-fixture.h"
#include "unit.h"

static void
checkin(struct cb_db *d, const struct cb_id *p, const struct cb_id *s, const char *at)
{
	ck_assert_int_eq(cb_checkin(d, p, s, CB_ROLE_NONE, at, NULL), CB_OK);
}

static void
signoff(const struct cb_id *p, const char *skill, enum cb_level l, const struct cb_id *by,
	const struct cb_id *s)
{
	ck_assert_int_eq(cb_skill_signoff(db, NULL, p, skill, l, by, s, NULL), CB_OK);
}

/* Continuity first, then skills, then a shared language, then load, then
 * the name. */
START_TEST(test_suggestion_ranking)
{
	struct cb_id l = person(db, "Léa", LEARNER, 2000, "ar", NULL);
	struct cb_id other = person(db, "Tom", LEARNER, 2000, NULL, NULL);
	struct cb_id usual = person(db, "Zélie", MENTOR, 1980, NULL, "2026-01-01");
	struct cb_id skilled = person(db, "Yves", MENTOR, 1980, NULL, "2026-01-01");
	struct cb_id speaker = person(db, "Xavier", MENTOR, 1980, "fr,ar", "2026-01-01");
	struct cb_id busy = person(db, "Anne", MENTOR, 1980, NULL, "2026-01-01");
	struct cb_id idle = person(db, "Bea", MENTOR, 1980, NULL, "2026-01-01");
	struct cb_suggestion_list s;

	/* Léa worked with Zélie at the last session */
	checkin(db, &l, &past, "17:30");
	checkin(db, &usual, &past, "17:30");
	ck_assert_int_eq(cb_pair(db, &usual, &l, &past, NULL), CB_OK);
	/* Léa works on punctures; Yves can teach them */
	signoff(&l, "puncture", CB_LEVEL_HELPED, &usual, &past);
	signoff(&skilled, "puncture", CB_LEVEL_TEACH, &usual, &past);
	/* tonight: everyone but Zélie arrives first; Anne already has a learner */
	checkin(db, &skilled, &tonight, "17:30");
	checkin(db, &speaker, &tonight, "17:31");
	checkin(db, &busy, &tonight, "17:32");
	checkin(db, &idle, &tonight, "17:33");
	checkin(db, &other, &tonight, "17:34");
	ck_assert_int_eq(cb_pair(db, &busy, &other, &tonight, NULL), CB_OK);
	checkin(db, &usual, &tonight, "17:40");
	checkin(db, &l, &tonight, NULL);

	ck_assert_int_eq(cb_suggest(db, NULL, &l, &tonight, today, &s), CB_OK);
	ck_assert_int_eq(s.count, 5);
	ck_assert_str_eq(s.items[0].name, "Zélie");
	ck_assert_int_eq(s.items[0].continuity, 2);
	ck_assert_int_eq(s.items[0].together, 2); /* last time and tonight */
	ck_assert_str_eq(s.items[1].name, "Yves");
	ck_assert_int_eq(s.items[1].skills, 1);
	ck_assert_str_eq(s.items[2].name, "Xavier");
	ck_assert(s.items[2].language);
	ck_assert_str_eq(s.items[3].name, "Bea");    /* free */
	ck_assert_str_eq(s.items[4].name, "Anne");   /* busy */
	ck_assert_int_eq(s.items[4].load, 1);
	ck_assert_int_eq(s.excluded, 0);
	cb_suggestion_list_free(&s);

	/* a learner arriving after their usual mentor is paired at once */
	struct cb_presence_list pl;
	ck_assert_int_eq(cb_presence(db, NULL, &tonight, today, &pl), CB_OK);
	ck_assert_int_eq(pl.pairs, 2);
	ck_assert_int_eq(pl.learners, 2);
	ck_assert_int_eq(pl.unpaired, 0);
	for (size_t i = 0; i < pl.count; i++)
		if (strcmp(pl.items[i].name, "Léa") == 0)
			ck_assert_str_eq(pl.items[i].partner_name, "Zélie");
	cb_presence_list_free(&pl);
}
END_TEST

START_TEST(test_ties_are_deterministic)
{
	struct cb_id l = person(db, "Léa", LEARNER, 2000, NULL, NULL);
	struct cb_id b = person(db, "Bob", MENTOR, 1980, NULL, NULL);
	struct cb_id a = person(db, "Ali", MENTOR, 1980, NULL, NULL);
	struct cb_suggestion_list s;

	checkin(db, &b, &tonight, "17:30");
	checkin(db, &a, &tonight, "17:31");
	checkin(db, &l, &tonight, "17:32");
	ck_assert_int_eq(cb_suggest(db, NULL, &l, &tonight, today, &s), CB_OK);
	ck_assert_int_eq(s.count, 2);
	ck_assert_str_eq(s.items[0].name, "Ali");
	ck_assert_str_eq(s.items[1].name, "Bob");
	cb_suggestion_list_free(&s);
}
END_TEST

/* Never suggest a mentor with an expired (or missing) attestation to a
 * minor; an adult learner may get them. */
START_TEST(test_minor_gets_vetted_mentors)
{
	struct cb_id kid = person(db, "Noé", LEARNER, 2012, NULL, NULL);
	struct cb_id adult = person(db, "Paul", LEARNER, 1990, NULL, NULL);
	struct cb_id old = person(db, "Odile", MENTOR, 1960, NULL, "2024-12-01");
	struct cb_id none = person(db, "Nina", MENTOR, 1960, NULL, NULL);
	struct cb_id ok = person(db, "Victor", MENTOR, 1960, NULL, "2025-06-01");
	struct cb_suggestion_list s;

	checkin(db, &old, &tonight, "17:30");
	checkin(db, &none, &tonight, "17:30");
	checkin(db, &ok, &tonight, "17:30");
	checkin(db, &kid, &tonight, "17:45");
	checkin(db, &adult, &tonight, "17:45");
	ck_assert_int_eq(cb_suggest(db, NULL, &kid, &tonight, today, &s), CB_OK);
	ck_assert_int_eq(s.count, 1);
	ck_assert_str_eq(s.items[0].name, "Victor");
	ck_assert_int_eq(s.excluded, 2);
	cb_suggestion_list_free(&s);
	ck_assert_int_eq(cb_suggest(db, NULL, &adult, &tonight, today, &s), CB_OK);
	ck_assert_int_eq(s.count, 3);
	cb_suggestion_list_free(&s);
	/* a month of validity less: Victor's expires too */
	struct cb_config cfg;
	ck_assert_int_eq(cb_config_defaults(&cfg), CB_OK);
	cfg.attestation_months = 6;
	ck_assert_int_eq(cb_suggest(db, &cfg, &kid, &tonight, today, &s), CB_OK);
	ck_assert_int_eq(s.count, 0);
	ck_assert_int_eq(s.excluded, 3);
	cb_suggestion_list_free(&s);
	cb_config_free(&cfg);
}
END_TEST

START_TEST(test_promotion_rule)
{
	struct cb_id m = person(db, "Karim", MENTOR, 1980, NULL, "2026-01-01");
	struct cb_id l = person(db, "Léa", LEARNER, 2000, NULL, NULL);
	struct cb_progress_list cands;
	struct cb_progress pr;
	struct cb_config cfg;
	struct cb_id by, extra[2];
	const char *skills[] = {"puncture", "tyre-tube", "brake-pads"};

	/* two more sessions: four in all */
	ck_assert_int_eq(cb_session_add(db, "2026-01-18", "17:30", "20:00", &venue, &extra[0]), CB_OK);
	ck_assert_int_eq(cb_session_add(db, "2026-02-01", "17:30", "20:00", &venue, &extra[1]), CB_OK);
	checkin(db, &m, &past, "17:30");
	checkin(db, &l, &past, "17:30");
	ck_assert_int_eq(cb_pair(db, &m, &l, &past, NULL), CB_OK);
	for (int i = 0; i < 3; i++)
		signoff(&l, skills[i], CB_LEVEL_TEACH, &m, &past);
	ck_assert_int_eq(cb_promotion_progress(db, NULL, &l, &pr), CB_OK);
	ck_assert_int_eq(pr.can_teach, 3);
	ck_assert_int_eq(pr.sessions, 1);
	ck_assert(!pr.eligible);
	cb_progress_clear(&pr);
	ck_assert_int_eq(cb_promote(db, NULL, &l, NULL, false, today, NULL), CB_INVALID);
	checkin(db, &l, &extra[0], NULL);
	checkin(db, &l, &extra[1], NULL);
	checkin(db, &l, &tonight, NULL);
	/* a later sign-off at a lower level counts: the latest wins */
	signoff(&l, "brake-pads", CB_LEVEL_ALONE, &m, &tonight);
	ck_assert_int_eq(cb_promotion_progress(db, NULL, &l, &pr), CB_OK);
	ck_assert_int_eq(pr.can_teach, 2);
	ck_assert_int_eq(pr.sessions, 4);
	ck_assert(!pr.eligible);
	cb_progress_clear(&pr);
	/* a configured rule of two skills */
	ck_assert_int_eq(cb_config_defaults(&cfg), CB_OK);
	cfg.promote_skills = 2;
	ck_assert_int_eq(cb_promotion_candidates(db, &cfg, &cands), CB_OK);
	ck_assert_int_eq(cands.count, 1);
	ck_assert_str_eq(cands.items[0].name, "Léa");
	cb_progress_list_free(&cands);
	ck_assert_int_eq(cb_promotion_candidates(db, NULL, &cands), CB_OK);
	ck_assert_int_eq(cands.count, 0);
	cb_progress_list_free(&cands);
	/* promoting records who trained them: the usual mentor */
	ck_assert_int_eq(cb_promote(db, &cfg, &l, NULL, false, today, &by), CB_OK);
	ck_assert(cb_id_cmp(&by, &m) == 0);
	ck_assert_int_eq(cb_promote(db, &cfg, &l, NULL, false, today, &by), CB_EXISTS);
	cb_config_free(&cfg);

	struct cb_person p;
	ck_assert_int_eq(cb_person_get(db, &l, &p), CB_OK);
	ck_assert(p.roles & MENTOR);
	ck_assert(p.roles & LEARNER);
	ck_assert(cb_id_cmp(&p.trained_by, &m) == 0);
	ck_assert_str_eq(p.promoted_on, "2026-03-01");
	cb_person_clear(&p);

	struct cb_snowball sb;
	ck_assert_int_eq(cb_snowball(db, NULL, &sb), CB_OK);
	ck_assert_int_eq(sb.count, 2);
	ck_assert_str_eq(sb.items[0].name, "Karim");
	ck_assert_int_eq(sb.items[0].descendants, 1);
	ck_assert_str_eq(sb.items[1].name, "Léa");
	ck_assert_int_eq(sb.items[1].depth, 1);
	ck_assert_int_eq(sb.learners, 1);
	ck_assert_int_eq(sb.promoted, 1);
	ck_assert_int_eq(sb.generations, 2);
	cb_snowball_free(&sb);
}
END_TEST

START_TEST(test_hours)
{
	struct cb_id m = person(db, "Karim", MENTOR, 1980, NULL, NULL);
	struct cb_id o = person(db, "Sylvie", CB_ROLE_BIT(CB_ROLE_ORGANISER), 1980, NULL, NULL);
	struct cb_id l = person(db, "Léa", LEARNER, 2000, NULL, NULL);
	int64_t min;

	ck_assert_int_eq(cb_attendance_minutes("17:45", "19:15", "17:30", "20:00"), 90);
	ck_assert_int_eq(cb_attendance_minutes("17:45", "", "17:30", "20:00"), 150);
	ck_assert_int_eq(cb_attendance_minutes("", "", "17:30", "20:00"), 150);
	ck_assert_int_eq(cb_attendance_minutes("", "19:00", "17:30", "20:00"), 90);
	ck_assert_int_eq(cb_attendance_minutes("19:00", "18:00", "17:30", "20:00"), 0);
	/* Karim stays the whole evening (no check-out), Sylvie leaves at 19:00 */
	checkin(db, &m, &tonight, "17:30");
	checkin(db, &o, &tonight, "17:30");
	checkin(db, &l, &tonight, "17:30");
	ck_assert_int_eq(cb_checkout(db, &o, &tonight, "19:00"), CB_OK);
	ck_assert_int_eq(cb_checkout(db, &o, &tonight, "17:00"), CB_INVALID);
	ck_assert_int_eq(cb_volunteer_minutes(db, &m, NULL, NULL, &min), CB_OK);
	ck_assert_int_eq(min, 150);
	ck_assert_int_eq(cb_volunteer_minutes(db, &o, NULL, NULL, &min), CB_OK);
	ck_assert_int_eq(min, 90);
	/* learners' time is not volunteer time */
	ck_assert_int_eq(cb_volunteer_minutes(db, NULL, "2026-03-01", "2026-03-01", &min), CB_OK);
	ck_assert_int_eq(min, 240);
	ck_assert_int_eq(cb_volunteer_minutes(db, NULL, "2026-03-02", NULL, &min), CB_OK);
	ck_assert_int_eq(min, 0);
}
END_TEST

/* Copy every op of from into to (a sync, without the bundle format). */
static cb_status
apply_to(const struct cb_op *op, void *arg)
{
	return cb_oplog_apply(arg, op, NULL);
}

static void
sync_into(struct cb_db *from, struct cb_db *to)
{
	ck_assert_int_eq(cb_db_begin(to), CB_OK);
	ck_assert_int_eq(cb_oplog_each(from, apply_to, to), CB_OK);
	ck_assert_int_eq(cb_db_commit(to), CB_OK);
}

/* Two laptops check the same two people in and pair them: after sync,
 * one attendance row each, one pairing, one pair that evening. */
START_TEST(test_two_sites_one_pairing)
{
	struct cb_db *other;
	struct cb_id m, l, pid;
	struct cb_pairing_list pl;
	char *d1, *d2;
	int64_t n;

	ck_assert_int_eq(cb_db_open(":memory:", CB_OPEN_CREATE, &other, NULL, 0), CB_OK);
	ck_assert(cb_id_cmp(cb_db_site(db), cb_db_site(other)) != 0);
	m = person(db, "Karim", MENTOR, 1980, NULL, "2026-01-01");
	l = person(db, "Léa", LEARNER, 2000, NULL, NULL);
	sync_into(db, other);
	/* offline, each laptop does the same at the event */
	checkin(db, &m, &tonight, "17:30");
	checkin(db, &l, &tonight, "17:40");
	ck_assert_int_eq(cb_pair(db, &m, &l, &tonight, &pid), CB_OK);
	checkin(other, &l, &tonight, "17:41");
	checkin(other, &m, &tonight, "17:31");
	ck_assert_int_eq(cb_pair(other, &m, &l, &tonight, NULL), CB_OK);
	sync_into(db, other);
	sync_into(other, db);
	ck_assert_int_eq(cb_db_query_int(db, "SELECT count(*) FROM pairings", &n), CB_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(cb_db_query_int(other, "SELECT count(*) FROM pairings", &n), CB_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(cb_db_query_int(db, "SELECT count(*) FROM attendance", &n), CB_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(cb_db_query_int(db, "SELECT count(*) FROM pair_sessions WHERE deleted = 0", &n), CB_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(cb_pairings(other, NULL, true, &pl), CB_OK);
	ck_assert_int_eq(pl.count, 1);
	ck_assert(cb_id_cmp(&pl.items[0].id, &pid) == 0);
	ck_assert_int_eq(pl.items[0].sessions, 1);
	cb_pairing_list_free(&pl);
	/* both laptops hold the same tables, and a rebuild gives them again */
	d1 = unit_dump(db);
	d2 = unit_dump(other);
	ck_assert_str_eq(d1, d2);
	ck_assert_int_eq(cb_oplog_rebuild(other), CB_OK);
	free(d2);
	d2 = unit_dump(other);
	ck_assert_str_eq(d1, d2);
	free(d1);
	free(d2);
	cb_db_close(other);
}
END_TEST

/* Check-in at another laptop merges: a check-out made on one and a later
 * role change on the other both survive (last writer wins per field). */
START_TEST(test_attendance_merge)
{
	struct cb_db *other;
	struct cb_id m, id1, id2;
	struct cb_presence_list pl;

	ck_assert_int_eq(cb_db_open(":memory:", CB_OPEN_CREATE, &other, NULL, 0), CB_OK);
	m = person(db, "Sylvie", MENTOR | CB_ROLE_BIT(CB_ROLE_ORGANISER), 1980, NULL, NULL);
	sync_into(db, other);
	checkin(db, &m, &tonight, "17:30");
	ck_assert_int_eq(cb_checkout(db, &m, &tonight, "19:30"), CB_OK);
	/* five minutes later on the other laptop: its changes are the last */
	cb_clock_pin(cb_clock_now_ms() + 5 * 60 * 1000);
	ck_assert_int_eq(cb_checkin(other, &m, &tonight, CB_ROLE_ORGANISER, "17:35", NULL), CB_OK);
	sync_into(db, other);
	sync_into(other, db);
	cb_attendance_id(&m, &tonight, &id1);
	cb_attendance_id(&m, &tonight, &id2);
	ck_assert(cb_id_cmp(&id1, &id2) == 0);
	ck_assert_int_eq(cb_presence(other, NULL, &tonight, today, &pl), CB_OK);
	ck_assert_int_eq(pl.count, 1);
	ck_assert_int_eq(pl.items[0].role, CB_ROLE_ORGANISER);
	ck_assert_str_eq(pl.items[0].checkin, "17:35");
	ck_assert_str_eq(pl.items[0].checkout, "19:30");
	cb_presence_list_free(&pl);
	cb_db_close(other);
}
END_TEST

START_TEST(test_pair_rules)
{
	struct cb_id m = person(db, "Karim", MENTOR, 1980, NULL, NULL);
	struct cb_id m2 = person(db, "Bruno", MENTOR, 1980, NULL, NULL);
	struct cb_id l = person(db, "Léa", LEARNER, 2000, NULL, NULL);
	struct cb_id got;
	struct cb_pairing_list pl;

	/* both must be here */
	checkin(db, &m, &tonight, "17:30");
	ck_assert_int_eq(cb_pair(db, &m, &l, &tonight, NULL), CB_NOT_FOUND);
	checkin(db, &l, &tonight, "17:30");
	ck_assert_int_eq(cb_pair(db, &l, &m, &tonight, NULL), CB_INVALID); /* Léa is no mentor */
	ck_assert_int_eq(cb_pair(db, &m, &m, &tonight, NULL), CB_INVALID);
	ck_assert_int_eq(cb_pair(db, &m, &l, &tonight, NULL), CB_OK);
	/* pairing with another pauses the first and moves tonight's pair */
	checkin(db, &m2, &tonight, "17:35");
	ck_assert_int_eq(cb_pair(db, &m2, &l, &tonight, NULL), CB_OK);
	ck_assert_int_eq(cb_active_mentor(db, &l, &got), CB_OK);
	ck_assert(cb_id_cmp(&got, &m2) == 0);
	ck_assert_int_eq(cb_pairings(db, &l, false, &pl), CB_OK);
	ck_assert_int_eq(pl.count, 2);
	ck_assert_int_eq(pl.items[0].status, CB_PAIR_ACTIVE);
	ck_assert_int_eq(pl.items[1].status, CB_PAIR_PAUSED);
	cb_pairing_list_free(&pl);
	struct cb_presence_list pr;
	ck_assert_int_eq(cb_presence(db, NULL, &tonight, today, &pr), CB_OK);
	ck_assert_int_eq(pr.pairs, 1);
	cb_presence_list_free(&pr);
	/* ending it: no active mentor, no pair tonight */
	ck_assert_int_eq(cb_unpair(db, &m2, &l, &tonight, CB_PAIR_ENDED), CB_OK);
	ck_assert_int_eq(cb_active_mentor(db, &l, &got), CB_NOT_FOUND);
	ck_assert_int_eq(cb_unpaired_learners(db, NULL, &tonight, today, &pr), CB_OK);
	ck_assert_int_eq(pr.count, 1);
	cb_presence_list_free(&pr);
	ck_assert_int_eq(cb_unpair(db, &l, &m, NULL, CB_PAIR_ENDED), CB_NOT_FOUND);
	/* undoing a check-in removes the person from tonight */
	ck_assert_int_eq(cb_checkin_undo(db, &l, &tonight), CB_OK);
	ck_assert_int_eq(cb_presence(db, NULL, &tonight, today, &pr), CB_OK);
	ck_assert_int_eq(pr.learners, 0);
	cb_presence_list_free(&pr);
}
END_TEST

START_TEST(test_skills_grid)
{
	struct cb_id m = person(db, "Karim", MENTOR, 1980, NULL, NULL);
	struct cb_id l = person(db, "Léa", LEARNER, 2000, NULL, NULL);
	struct cb_skill_grid g;
	struct cb_signoff_list h;
	enum cb_level lv;

	ck_assert_int_eq(cb_level_parse("can-teach", &lv), CB_OK);
	ck_assert_int_eq(lv, CB_LEVEL_TEACH);
	ck_assert_int_eq(cb_level_parse("2", &lv), CB_OK);
	ck_assert_int_eq(lv, CB_LEVEL_HELPED);
	ck_assert_int_eq(cb_level_parse("teach", &lv), CB_OK);
	ck_assert_int_eq(cb_level_parse("expert", &lv), CB_INVALID);
	signoff(&l, "puncture repair", CB_LEVEL_SEEN, &m, &past);
	signoff(&l, "puncture", CB_LEVEL_ALONE, &m, &tonight);
	ck_assert_int_eq(cb_skill_signoff(db, NULL, &l, "puncture", CB_LEVEL_TEACH, &l, &tonight, NULL),
			 CB_INVALID);
	ck_assert_int_eq(cb_skill_signoff(db, NULL, &m, "puncture", CB_LEVEL_TEACH, &l, &tonight, NULL),
			 CB_INVALID); /* Léa is no mentor */
	ck_assert_int_eq(cb_skill_signoff(db, NULL, &l, "juggling", CB_LEVEL_SEEN, &m, &tonight, NULL),
			 CB_INVALID);
	ck_assert_int_eq(cb_skill_grid(db, NULL, &l, &g), CB_OK);
	ck_assert_int_eq(g.count, 15);
	ck_assert_str_eq(g.items[0].key, "puncture");
	ck_assert_int_eq(g.items[0].level, CB_LEVEL_ALONE);
	ck_assert_str_eq(g.items[0].date, "2026-03-01");
	ck_assert_str_eq(g.items[0].by, "Karim");
	ck_assert_int_eq(g.working_on, 1);
	cb_skill_grid_free(&g);
	ck_assert_int_eq(cb_skill_history(db, NULL, &l, &h), CB_OK);
	ck_assert_int_eq(h.count, 2);
	ck_assert_int_eq(h.items[0].level, CB_LEVEL_ALONE);
	ck_assert_int_eq(h.items[1].level, CB_LEVEL_SEEN);
	cb_signoff_list_free(&h);
}
END_TEST

START_TEST(test_demo_people)
{
	int64_t n;

	ck_assert_int_eq(cb_demo_fill(db, CB_DEMO_YEAR, 7), CB_OK);
	ck_assert_int_eq(cb_db_query_int(db, "SELECT count(*) FROM people", &n), CB_OK);
	ck_assert_int_gt(n, 300);
	ck_assert_int_eq(cb_db_query_int(db, "SELECT count(*) FROM attendance", &n), CB_OK);
	ck_assert_int_gt(n, 400);
	ck_assert_int_eq(cb_db_query_int(db, "SELECT count(*) FROM people WHERE trained_by IS NOT NULL", &n), CB_OK);
	ck_assert_int_gt(n, 2);
	/* privacy holds in the demo too: no child under 15 without a guardian */
	ck_assert_int_eq(cb_db_query_int(db,
		"SELECT count(*) FROM people p WHERE p.birth_year >= 2011 AND NOT EXISTS"
		" (SELECT 1 FROM consents c WHERE c.person = lower(hex(p.id)) AND c.given_by >= 2)", &n), CB_OK);
	ck_assert_int_eq(n, 0);
	/* and no pair of a minor with an unvetted mentor was made by hand */
	char *before = unit_dump(db), *after;
	ck_assert_int_eq(cb_oplog_rebuild(db), CB_OK);
	after = unit_dump(db);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
}
END_TEST

/* Tonight's "new person" is one action: added and checked in together,
 * undone in one step; a refused check-in adds no one. */
START_TEST(test_add_checkin_one_action)
{
	struct cb_person_input in = {.name = "Noé K.", .set_roles = true, .roles = LEARNER};
	int64_t mark = cb_undo_mark(db);
	enum cb_person_bad why;
	struct cb_undo_info info;
	struct cb_id id, none;
	enum cb_role role;

	ck_assert_int_eq(cb_person_add_checkin(db, NULL, &in, today, &tonight, CB_ROLE_LEARNER,
					       "18:05", &id, NULL, &why), CB_OK);
	ck_assert_int_eq(cb_attendance_role(db, &id, &tonight, &role, NULL), CB_OK);
	ck_assert_int_eq(role, CB_ROLE_LEARNER);
	ck_assert_int_eq(cb_undo_mark(db), mark + 1);
	ck_assert_int_eq(cb_undo_last(db, mark, &info), CB_OK);
	ck_assert_int_eq(info.table, CB_T_PERSON);
	ck_assert_int_eq(info.what, CB_UNDO_ADDED);
	ck_assert_int_eq(cb_attendance_role(db, &id, &tonight, &role, NULL), CB_OK);
	ck_assert_int_eq(role, CB_ROLE_NONE);
	ck_assert_int_eq(cb_person_find(db, "Noé K.", &none, NULL), CB_NOT_FOUND);

	/* a mentor's role they do not hold: the check-in is refused, and
	 * the person is not left added */
	in.name = "Lou P.";
	ck_assert_int_eq(cb_person_add_checkin(db, NULL, &in, today, &tonight, CB_ROLE_MENTOR,
					       "18:06", &id, NULL, &why), CB_INVALID);
	ck_assert_int_eq(why, CB_PERSON_BAD_NONE);
	ck_assert_int_eq(cb_person_find(db, "Lou P.", &none, NULL), CB_NOT_FOUND);
	ck_assert_int_eq(cb_undo_mark(db), mark + 2); /* the undo only */
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("pairing");
	TCase *tc = tcase_create("pairing");
	SRunner *sr;
	int failed;

	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_suggestion_ranking);
	tcase_add_test(tc, test_ties_are_deterministic);
	tcase_add_test(tc, test_minor_gets_vetted_mentors);
	tcase_add_test(tc, test_promotion_rule);
	tcase_add_test(tc, test_hours);
	tcase_add_test(tc, test_two_sites_one_pairing);
	tcase_add_test(tc, test_attendance_merge);
	tcase_add_test(tc, test_pair_rules);
	tcase_add_test(tc, test_skills_grid);
	tcase_add_test(tc, test_demo_people);
	tcase_add_test(tc, test_add_checkin_one_action);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
