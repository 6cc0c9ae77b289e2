/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The people screens' view-models, without a terminal, on an in-memory
 * database: arrivals rows and counts, the suggestion panel, the person
 * picker, check-in + pair in the counted keystrokes, the person form (a
 * full birth date refused at its field, what was typed kept), the card,
 * the skills and snowball lines, the screens' keys. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/people-fixture.h"
#include "ui/action.h"
#include "ui/keys.h"
#include "ui/pplvm.h"

static bool
has_line(const struct ui_lines *l, const char *text)
{
	for (size_t i = 0; i < l->count; i++)
		if (strstr(l->items[i].text, text))
			return true;
	return false;
}

static void
type(struct ui_edit *e, const char *s)
{
	ui_edit_set(e, s);
}

START_TEST(arrivals_rows_and_counts)
{
	struct cb_id m = person(db, "Nadia", MENTOR, 1980, NULL, "2026-01-01");
	struct cb_id old = person(db, "Omar", MENTOR, 1980, NULL, "2024-01-01");
	struct cb_id kid = person(db, "Lou", LEARNER, 2012, NULL, NULL);
	struct cb_id adult = person(db, "Bilal", LEARNER, 1991, NULL, NULL);
	struct cb_presence_list pl;
	char buf[300];

	ck_assert_int_eq(cb_checkin(db, &m, &tonight, CB_ROLE_NONE, "17:30", NULL), CB_OK);
	ck_assert_int_eq(cb_checkin(db, &old, &tonight, CB_ROLE_NONE, "17:31", NULL), CB_OK);
	ck_assert_int_eq(cb_checkin(db, &kid, &tonight, CB_ROLE_NONE, "17:32", NULL), CB_OK);
	ck_assert_int_eq(cb_checkin(db, &adult, &tonight, CB_ROLE_NONE, "17:33", NULL), CB_OK);
	ck_assert_int_eq(cb_pair(db, &m, &adult, &tonight, NULL), CB_OK);
	ck_assert_int_eq(cb_presence(db, NULL, &tonight, today, &pl), CB_OK);
	ck_assert_uint_eq(pl.count, 4);
	/* arrival order; the minor waits, flagged */
	ck_assert_str_eq(pl.items[2].name, "Lou");
	ck_assert(ui_presence_waiting(&pl.items[2]));
	ui_presence_notes(&pl.items[2], buf, sizeof buf);
	ck_assert_str_eq(buf, "unpaired, minor");
	/* the paired learner does not wait; the mentor's pair is shown */
	ck_assert(!ui_presence_waiting(&pl.items[3]));
	ui_presence_pair(&pl.items[0], buf, sizeof buf);
	ck_assert_str_eq(buf, "Bilal");
	ui_presence_notes(&pl.items[1], buf, sizeof buf);
	ck_assert_str_eq(buf, "attestation expired");
	ui_presence_counts(&pl, buf, sizeof buf);
	ck_assert_str_eq(buf, "Learners 2 · Mentors 2 · Pairs 1 · Unpaired 1");
	cb_presence_list_free(&pl);
	/* gone home: no longer waiting, and says when */
	ck_assert_int_eq(cb_checkout(db, &kid, &tonight, "19:00"), CB_OK);
	ck_assert_int_eq(cb_presence(db, NULL, &tonight, today, &pl), CB_OK);
	ck_assert(!ui_presence_waiting(&pl.items[2]));
	ui_presence_notes(&pl.items[2], buf, sizeof buf);
	ck_assert_str_eq(buf, "minor, left 19:00");
	cb_presence_list_free(&pl);
}
END_TEST

START_TEST(suggest_panel_keys)
{
	struct cb_id l = person(db, "Bilal", LEARNER, 1991, NULL, NULL);
	struct cb_id a = person(db, "Anne", MENTOR, 1980, NULL, "2026-01-01");
	struct cb_id b = person(db, "Bea", MENTOR, 1980, NULL, "2026-01-01");
	struct ui_suggest s;
	char line[300];

	ck_assert_int_eq(cb_checkin(db, &a, &tonight, CB_ROLE_NONE, "17:30", NULL), CB_OK);
	ck_assert_int_eq(cb_checkin(db, &b, &tonight, CB_ROLE_NONE, "17:31", NULL), CB_OK);
	ck_assert_int_eq(cb_checkin(db, &l, &tonight, CB_ROLE_NONE, "17:32", NULL), CB_OK);
	ck_assert_int_eq(ui_suggest_open(&s, db, NULL, &l, "Bilal", &tonight, today), CB_OK);
	ck_assert_uint_eq(ui_suggest_shown(&s), 2);
	ui_suggest_line(&s, 0, line, sizeof line);
	ck_assert_msg(strncmp(line, "1  Anne", 7) == 0, "%s", line);
	/* Down moves and wraps; Up back; a rank beyond the list is ignored */
	ck_assert_int_eq(ui_suggest_handle(&s, UI_A_FIELD_NEXT, UI_KEY_DOWN), UI_SUGGEST_CONTINUE);
	ck_assert_uint_eq(s.sel, 1);
	ck_assert_int_eq(ui_suggest_handle(&s, UI_A_FIELD_NEXT, UI_KEY_DOWN), UI_SUGGEST_CONTINUE);
	ck_assert_uint_eq(s.sel, 0);
	ck_assert_int_eq(ui_suggest_handle(&s, UI_A_NONE, '3'), UI_SUGGEST_CONTINUE);
	ck_assert_int_eq(ui_suggest_handle(&s, UI_A_NONE, '2'), UI_SUGGEST_CHOSEN);
	ck_assert_uint_eq(s.sel, 1);
	ck_assert_int_eq(ui_suggest_handle(&s, UI_A_CANCEL, UI_KEY_ESC), UI_SUGGEST_CANCEL);
	ui_suggest_free(&s);
}
END_TEST

/* The event's goal: a known learner checked in and paired with the top
 * suggestion in at most 6 keystrokes (i, two letters, Enter, Enter). */
START_TEST(checkin_and_pair_in_five_keys)
{
	struct cb_id l = person(db, "Bilal Z.", LEARNER, 1991, NULL, NULL);
	struct cb_id usual = person(db, "Léa A.", MENTOR, 1980, NULL, "2026-01-01");
	struct cb_id m = person(db, "Nathan F.", MENTOR, 1980, NULL, "2026-01-01");
	struct ui_person_pick p;
	struct ui_suggest s;
	const struct cb_person_ref *r;
	struct cb_id with, mentor;
	int keys = 1; /* the check-in key opened the picker */
	const int typed[] = {'B', 'i'};

	person(db, "Binta", LEARNER, 1990, NULL, NULL);
	/* Bilal's usual mentor came last time, not tonight */
	ck_assert_int_eq(cb_checkin(db, &l, &past, CB_ROLE_NONE, "17:30", NULL), CB_OK);
	ck_assert_int_eq(cb_checkin(db, &usual, &past, CB_ROLE_NONE, "17:30", NULL), CB_OK);
	ck_assert_int_eq(cb_pair(db, &usual, &l, &past, NULL), CB_OK);
	ck_assert_int_eq(cb_checkin(db, &m, &tonight, CB_ROLE_NONE, "17:30", NULL), CB_OK);

	ck_assert(ui_person_pick_init(&p, "Who arrives?"));
	for (size_t i = 0; i < 2; i++, keys++)
		ck_assert_int_eq(ui_person_pick_handle(&p, db, UI_A_NONE, typed[i], 5), UI_PICK_CONTINUE);
	ck_assert_uint_eq(p.found.count, 2); /* Bilal Z., Binta */
	keys++;
	ck_assert_int_eq(ui_person_pick_handle(&p, db, UI_A_ACCEPT, UI_KEY_ENTER, 5),
			 UI_PICK_CHOSEN);
	r = ui_person_pick_choice(&p);
	ck_assert_str_eq(r->name, "Bilal Z.");
	ck_assert_int_eq(cb_checkin(db, &r->id, &tonight, CB_ROLE_NONE, "17:40", &with), CB_OK);
	ck_assert(cb_id_is_zero(&with)); /* his usual mentor is not here */
	ck_assert_int_eq(ui_suggest_open(&s, db, NULL, &r->id, r->name, &tonight, today), CB_OK);
	keys++;
	ck_assert_int_eq(ui_suggest_handle(&s, UI_A_ACCEPT, UI_KEY_ENTER), UI_SUGGEST_CHOSEN);
	ck_assert_int_eq(cb_pair(db, &s.list.items[s.sel].mentor, &l, &tonight, NULL), CB_OK);
	ck_assert_int_eq(cb_active_mentor(db, &l, &mentor), CB_OK);
	ck_assert_int_eq(cb_id_cmp(&mentor, &m), 0);
	ck_assert_int_eq(keys, 5);
	ck_assert_int_le(keys, 6);
	ui_suggest_free(&s);
	ui_person_pick_free(&p);
}
END_TEST

START_TEST(picker_moves_and_clears)
{
	struct ui_person_pick p;

	person(db, "Ana", LEARNER, 1990, NULL, NULL);
	person(db, "Anaïs", LEARNER, 1990, NULL, NULL);
	person(db, "Marc Anatole", MENTOR, 1980, NULL, NULL);
	ck_assert(ui_person_pick_init(&p, "t"));
	ck_assert_int_eq(ui_person_pick_handle(&p, db, UI_A_ACCEPT, UI_KEY_ENTER, 2),
			 UI_PICK_CONTINUE); /* nothing typed: nothing to choose */
	ui_person_pick_handle(&p, db, UI_A_NONE, 'a', 2);
	ui_person_pick_handle(&p, db, UI_A_NONE, 'n', 2);
	ck_assert_uint_eq(p.found.count, 3); /* a word of the name counts */
	ui_person_pick_handle(&p, db, UI_A_FIELD_NEXT, UI_KEY_DOWN, 2);
	ui_person_pick_handle(&p, db, UI_A_FIELD_NEXT, UI_KEY_DOWN, 2);
	ck_assert_uint_eq(p.sel, 2);
	ck_assert_uint_eq(p.top, 1);
	ui_person_pick_handle(&p, db, UI_A_NONE, 'x', 2);
	ck_assert_uint_eq(p.found.count, 0);
	ck_assert_ptr_null(ui_person_pick_choice(&p));
	ck_assert_int_eq(ui_person_pick_handle(&p, db, UI_A_CANCEL, UI_KEY_ESC, 2), UI_PICK_CANCEL);
	ui_person_pick_free(&p);
}
END_TEST

START_TEST(no_vetted_mentor_says_why)
{
	struct cb_id old = person(db, "Omar", MENTOR, 1980, NULL, "2024-01-01");
	struct cb_id none = person(db, "Nina", MENTOR, 1980, NULL, NULL);
	struct cb_id kid = person(db, "Lou", LEARNER, 2010, NULL, NULL);
	struct cb_presence_list pl;
	struct cb_suggestion_list sl;
	char buf[300];

	ck_assert_int_eq(cb_checkin(db, &old, &tonight, CB_ROLE_NONE, "17:30", NULL), CB_OK);
	ck_assert_int_eq(cb_checkin(db, &kid, &tonight, CB_ROLE_NONE, "17:31", NULL), CB_OK);
	ck_assert_int_eq(cb_suggest(db, NULL, &kid, &tonight, today, &sl), CB_OK);
	ck_assert_int_eq(sl.excluded, 1);
	ck_assert_int_eq(cb_presence(db, NULL, &tonight, today, &pl), CB_OK);
	ui_no_vetted_mentor(db, &pl, &kid, "Lou", sl.excluded, buf, sizeof buf);
	ck_assert_str_eq(buf, "No mentor for Lou (a minor): the attestation of Omar has expired.");
	cb_presence_list_free(&pl);
	cb_suggestion_list_free(&sl);
	/* gone: the one here has none at all */
	ck_assert_int_eq(cb_checkout(db, &old, &tonight, "17:40"), CB_OK);
	ck_assert_int_eq(cb_checkin(db, &none, &tonight, CB_ROLE_NONE, "17:45", NULL), CB_OK);
	ck_assert_int_eq(cb_suggest(db, NULL, &kid, &tonight, today, &sl), CB_OK);
	ck_assert_int_eq(cb_presence(db, NULL, &tonight, today, &pl), CB_OK);
	ui_no_vetted_mentor(db, &pl, &kid, "Lou", sl.excluded, buf, sizeof buf);
	ck_assert_str_eq(buf, "No mentor for Lou (a minor): Nina has no attestation.");
	cb_presence_list_free(&pl);
	cb_suggestion_list_free(&sl);
	/* two of them: counted */
	ck_assert_int_eq(cb_presence(db, NULL, &tonight, today, &pl), CB_OK);
	ui_no_vetted_mentor(db, &pl, &kid, "Lou", 2, buf, sizeof buf);
	ck_assert_str_eq(buf, "Lou (a minor): none of the 2 mentors here has a valid attestation.");
	cb_presence_list_free(&pl);
}
END_TEST

START_TEST(newcomer_from_the_picker)
{
	struct ui_person_pick p;
	struct ui_person_form pf;
	struct cb_id id;
	enum cb_role role;
	char *name;

	person(db, "Ana", LEARNER, 1990, NULL, NULL);
	ck_assert(ui_person_pick_init(&p, "t"));
	ck_assert_ptr_null(ui_person_pick_newcomer(&p)); /* nothing typed */
	ui_person_pick_handle(&p, db, UI_A_NONE, 'a', 2);
	ck_assert_ptr_null(ui_person_pick_newcomer(&p)); /* Ana matches */
	type(&p.query, "");
	for (const char *c = " Noor "; *c; c++)
		ui_person_pick_handle(&p, db, UI_A_NONE, *c, 2);
	ck_assert_uint_eq(p.found.count, 0);
	name = ui_person_pick_newcomer(&p);
	ck_assert_str_eq(name, "Noor");
	ck_assert(ui_person_form_newcomer(&pf, NULL, 0, name));
	free(name);
	ui_person_pick_free(&p);
	ck_assert_str_eq(ui_form_text(&pf.form, UI_PF_NAME), "Noor");
	ck_assert_uint_eq(pf.form.cur, UI_PF_CATEGORY);
	ck_assert_uint_eq(ui_form_choice(&pf.form, UI_PF_ROLE), 0); /* learner */
	/* added and checked in as one action */
	pf.checkin_session = &tonight;
	pf.checkin_at = "18:00";
	ck_assert_int_eq(ui_person_form_save(&pf, db, NULL, today, &id, &role), CB_OK);
	ck_assert_int_eq(role, CB_ROLE_LEARNER);
	ui_person_form_free(&pf);
	{
		enum cb_role here = CB_ROLE_NONE;
		bool left = true;
		ck_assert_int_eq(cb_attendance_role(db, &id, &tonight, &here, &left), CB_OK);
		ck_assert_int_eq(here, CB_ROLE_LEARNER);
		ck_assert(!left);
	}
}
END_TEST

START_TEST(new_person_form_birth_year)
{
	struct ui_person_form pf;
	struct cb_id id;
	enum cb_role role;
	struct cb_person p;

	ck_assert(ui_person_form_new(&pf, NULL, 0));
	ck_assert_uint_eq(pf.form.n, 6);
	type(&pf.form.fields[UI_PF_NAME].edit, "Zoé K.");
	ui_form_handle(&pf.form, UI_A_CURSOR_RIGHT, UI_KEY_RIGHT); /* on the name: no effect */
	pf.form.cur = UI_PF_CATEGORY;
	ui_form_handle(&pf.form, UI_A_CURSOR_RIGHT, UI_KEY_RIGHT); /* the first category */
	type(&pf.form.fields[UI_PF_BIRTH].edit, "2009-05-12");
	ck_assert(ui_form_validate(&pf.form));
	/* a full date: refused at the field, kept as typed, nothing added */
	ck_assert_int_eq(ui_person_form_save(&pf, db, NULL, today, &id, &role), CB_INVALID);
	ck_assert_uint_eq(pf.form.cur, UI_PF_BIRTH);
	ck_assert_str_eq(pf.form.fields[UI_PF_BIRTH].error,
			 "only the year is kept, never a full date: type YYYY");
	ck_assert_str_eq(ui_form_text(&pf.form, UI_PF_BIRTH), "2009-05-12");
	ck_assert_int_eq(cb_person_find(db, "Zoé K.", &id, NULL), CB_NOT_FOUND);
	/* not a year at all */
	type(&pf.form.fields[UI_PF_BIRTH].edit, "1850");
	ck_assert_int_eq(ui_person_form_save(&pf, db, NULL, today, &id, &role), CB_INVALID);
	ck_assert_str_eq(pf.form.fields[UI_PF_BIRTH].error, "a year between 1900 and 2026");
	/* under 15: a guardian consents first */
	type(&pf.form.fields[UI_PF_BIRTH].edit, "2015");
	ck_assert_int_eq(ui_person_form_save(&pf, db, NULL, today, &id, &role), CB_INVALID);
	ck_assert_ptr_nonnull(strstr(pf.form.fields[UI_PF_BIRTH].error, "under 15"));
	/* corrected */
	type(&pf.form.fields[UI_PF_BIRTH].edit, " 2004 ");
	ck_assert_int_eq(ui_person_form_save(&pf, db, NULL, today, &id, &role), CB_OK);
	ck_assert_int_eq(role, CB_ROLE_LEARNER);
	ck_assert_int_eq(cb_person_get(db, &id, &p), CB_OK);
	ck_assert_int_eq(p.birth_year, 2004);
	ck_assert_str_eq(p.category, "student");
	cb_person_clear(&p);
	ui_person_form_free(&pf);
	/* the same name again: refused at the name */
	ck_assert(ui_person_form_new(&pf, NULL, 0));
	type(&pf.form.fields[UI_PF_NAME].edit, "zoé k.");
	ck_assert_int_eq(ui_person_form_save(&pf, db, NULL, today, &id, &role), CB_INVALID);
	ck_assert_uint_eq(pf.form.cur, UI_PF_NAME);
	ui_person_form_free(&pf);
}
END_TEST

START_TEST(edit_person_form)
{
	struct cb_id id = person(db, "Hugo", LEARNER, 1990, NULL, NULL), out;
	struct ui_person_form pf;
	struct cb_person p;

	ck_assert_int_eq(cb_person_get(db, &id, &p), CB_OK);
	ck_assert(ui_person_form_edit(&pf, NULL, &p, 0));
	cb_person_clear(&p);
	ck_assert_str_eq(ui_form_text(&pf.form, UI_PE_BIRTH), "1990");
	ck_assert(ui_form_yes(&pf.form, UI_PE_LEARNER));
	pf.form.cur = UI_PE_MENTOR;
	ui_form_handle(&pf.form, UI_A_CURSOR_RIGHT, UI_KEY_RIGHT);
	type(&pf.form.fields[UI_PE_LANGS].edit, "french");
	ck_assert_int_eq(ui_person_form_save(&pf, db, NULL, today, &out, NULL), CB_INVALID);
	ck_assert_uint_eq(pf.form.cur, UI_PE_LANGS);
	type(&pf.form.fields[UI_PE_LANGS].edit, "fr,en");
	ck_assert_int_eq(ui_person_form_save(&pf, db, NULL, today, &out, NULL), CB_OK);
	ck_assert_int_eq(cb_person_get(db, &id, &p), CB_OK);
	ck_assert_uint_eq(p.roles, LEARNER | MENTOR);
	ck_assert_str_eq(p.languages, "fr,en");
	cb_person_clear(&p);
	ui_person_form_free(&pf);
}
END_TEST

START_TEST(person_card_sections)
{
	struct cb_id l = person(db, "Bilal", LEARNER, 1991, NULL, NULL);
	struct cb_id m = person(db, "Nadia", MENTOR, 1980, NULL, "2026-01-01");
	struct ui_lines card;

	ck_assert_int_eq(cb_checkin(db, &l, &past, CB_ROLE_NONE, "17:30", NULL), CB_OK);
	ck_assert_int_eq(cb_checkin(db, &m, &past, CB_ROLE_NONE, "17:30", NULL), CB_OK);
	ck_assert_int_eq(cb_pair(db, &m, &l, &past, NULL), CB_OK);
	ck_assert_int_eq(cb_skill_signoff(db, NULL, &l, "puncture", CB_LEVEL_ALONE, &m, &past, NULL),
			 CB_OK);
	ck_assert_int_eq(ui_person_card(db, NULL, &l, today, &card), CB_OK);
	ck_assert_str_eq(card.items[0].text, "Bilal — learner");
	ck_assert_int_eq(card.items[0].kind, UI_LINE_HEADING);
	ck_assert(has_line(&card, "Consents"));
	ck_assert(has_line(&card, "0/3 skills at can teach, 1/4 sessions"));
	ck_assert(has_line(&card, "learner of Nadia (active, since 2026-02-15, 1 session together)"));
	ck_assert(has_line(&card, "done alone"));
	ck_assert(has_line(&card, "Attendance (1 session)"));
	ck_assert(has_line(&card, "2026-02-15  Oésia  learner, with Nadia  2h30"));
	ui_lines_free(&card);
	/* a mentor's card says when the attestation has expired */
	ck_assert_int_eq(ui_person_card(db, NULL, &m, cb_days_from_civil(2027, 6, 1), &card), CB_OK);
	ck_assert(has_line(&card, "! attestation of 2026-01-01 has expired"));
	ui_lines_free(&card);
}
END_TEST

START_TEST(skill_and_snowball_lines)
{
	struct cb_skill_cell c = {.key = "puncture", .label = "puncture repair",
				  .level = CB_LEVEL_TEACH, .date = "2026-03-04", .by = "Léa A."};
	struct cb_skill_cell none = {.key = "brakes", .label = "brake pads"};
	struct cb_snowball_row root = {.name = "Hugo B.", .depth = 0, .trainees = 2, .descendants = 3};
	struct cb_snowball_row kid = {.name = "Inès C.", .depth = 2, .promoted_on = "2023-04-02"};
	struct cb_snowball s = {.learners = 40, .promoted = 3, .generations = 3};
	char buf[300];

	ui_skill_line(&c, 16, buf, sizeof buf);
	ck_assert_str_eq(buf, "puncture repair   can teach         2026-03-04  Léa A.");
	ui_skill_line(&none, 16, buf, sizeof buf);
	ck_assert_str_eq(buf, "brake pads        —");
	ui_snowball_line(&root, buf, sizeof buf);
	ck_assert_str_eq(buf, "Hugo B.: trained 2, 3 down the line");
	ui_snowball_line(&kid, buf, sizeof buf);
	ck_assert_str_eq(buf, "  └ Inès C. (mentor since 2023-04-02)");
	ui_snowball_summary(&s, buf, sizeof buf);
	ck_assert_str_eq(buf, "3 of 40 learners became mentors (7.5%), 3 generations");
}
END_TEST

START_TEST(people_screens_keys)
{
	const char *scopes[] = {"tonight", "calendar", "venues", "people", "pairings", "sync"};
	struct ui_keymap *km = ui_keymap_new(scopes, 6);

	ck_assert_ptr_nonnull(km);
	ck_assert_int_eq(ui_keymap_lookup(km, 2, 'i'), UI_A_CHECKIN);
	ck_assert_int_eq(ui_keymap_lookup(km, 2, 'o'), UI_A_CHECKOUT);
	ck_assert_int_eq(ui_keymap_lookup(km, 2, 'p'), UI_A_PAIR);
	ck_assert_int_eq(ui_keymap_lookup(km, 2, 'a'), UI_A_ADD);
	ck_assert_int_eq(ui_keymap_lookup(km, 2, 'u'), UI_A_UNDO);
	ck_assert_int_eq(ui_keymap_lookup(km, 5, '/'), UI_A_SEARCH);
	ck_assert_int_eq(ui_keymap_lookup(km, 5, 's'), UI_A_SORT);
	ck_assert_int_eq(ui_keymap_lookup(km, 6, 's'), UI_A_SIGN_OFF);
	ck_assert_int_eq(ui_keymap_lookup(km, 6, 'P'), UI_A_PROMOTE);
	ck_assert_int_eq(ui_keymap_lookup(km, 6, 'v'), UI_A_NEXT_VIEW);
	ck_assert_int_eq(ui_keymap_lookup(km, 6, UI_KEY_LEFT), UI_A_PREV_VIEW);
	/* another screen's keys stay there */
	ck_assert_int_eq(ui_keymap_lookup(km, 4, 'i'), UI_A_NONE);
	ck_assert_int_eq(ui_action_by_name("check-in"), UI_A_CHECKIN);
	ck_assert_int_eq(ui_action_by_name("sign-off"), UI_A_SIGN_OFF);
	ui_keymap_free(km);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("people view-models");
	TCase *t = tcase_create("pplvm");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, arrivals_rows_and_counts);
	tcase_add_test(t, suggest_panel_keys);
	tcase_add_test(t, checkin_and_pair_in_five_keys);
	tcase_add_test(t, picker_moves_and_clears);
	tcase_add_test(t, no_vetted_mentor_says_why);
	tcase_add_test(t, newcomer_from_the_picker);
	tcase_add_test(t, new_person_form_birth_year);
	tcase_add_test(t, edit_person_form);
	tcase_add_test(t, person_card_sections);
	tcase_add_test(t, skill_and_snowball_lines);
	tcase_add_test(t, people_screens_keys);
	suite_add_tcase(s, t);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
