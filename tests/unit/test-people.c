/* SPDX-License-Identifier: GPL-3.0-or-later */
/* People: privacy rules (minors, contact, birth year), names, consents. */
#include "config.h"

#include <stdlib.h>

#include "cambouis/privacy.h"
#include "people-fixture.h"
#include "unit.h"

START_TEST(test_birth_year_only)
{
	int y = 0;
	bool was_date;

	ck_assert_int_eq(cb_birth_year_parse("2009", 2026, &y, &was_date), CB_OK);
	ck_assert_int_eq(y, 2009);
	ck_assert_int_eq(cb_birth_year_parse("2009-05-12", 2026, &y, &was_date), CB_INVALID);
	ck_assert(was_date);
	ck_assert_int_eq(cb_birth_year_parse("12/05/2009", 2026, &y, &was_date), CB_INVALID);
	ck_assert(was_date);
	ck_assert_int_eq(cb_birth_year_parse("1850", 2026, &y, &was_date), CB_INVALID);
	ck_assert(!was_date);
	ck_assert_int_eq(cb_birth_year_parse("2030", 2026, &y, &was_date), CB_INVALID);
	ck_assert_int_eq(cb_birth_year_parse("09", 2026, &y, &was_date), CB_INVALID);
}
END_TEST

START_TEST(test_may_be_under)
{
	/* born 2011: 15 after the birthday, 14 before it: may be under 15 */
	ck_assert(cb_may_be_under(2011, 2026, 15));
	ck_assert(!cb_may_be_under(2010, 2026, 15));
	ck_assert(cb_may_be_under(2008, 2026, 18));
	ck_assert(!cb_may_be_under(2007, 2026, 18));
	ck_assert(!cb_may_be_under(0, 2026, 18));
}
END_TEST

/* Under 15: nothing but a name and roles until a guardian consents. */
START_TEST(test_minor_needs_guardian)
{
	static const struct cb_consent_input self = {CB_PURPOSE_REGISTRATION, CB_CONSENT_PERSON};
	static const struct cb_consent_input guardian = {CB_PURPOSE_REGISTRATION, CB_CONSENT_GUARDIAN};
	struct cb_person_input in = {.name = "Noé", .set_roles = true, .roles = LEARNER,
				     .birth_year = 2013, .category = "middle-school"};
	enum cb_person_bad why;
	struct cb_person p;
	struct cb_id id;
	int64_t n;

	ck_assert_int_eq(cb_person_add(db, NULL, &in, today, &id, &why), CB_INVALID);
	ck_assert_int_eq(why, CB_PERSON_NEEDS_GUARDIAN);
	/* the person's own consent is not enough */
	in.consents = &self;
	in.nconsents = 1;
	ck_assert_int_eq(cb_person_add(db, NULL, &in, today, &id, &why), CB_INVALID);
	ck_assert_int_eq(why, CB_PERSON_NEEDS_GUARDIAN);
	ck_assert_int_eq(cb_db_query_int(db, "SELECT count(*) FROM people", &n), CB_OK);
	ck_assert_int_eq(n, 0);
	/* a name alone is fine */
	struct cb_person_input bare = {.name = "Noé", .set_roles = true, .roles = LEARNER, .birth_year = -1};
	ck_assert_int_eq(cb_person_add(db, NULL, &bare, today, &id, &why), CB_OK);
	/* then the birth year alone is refused too */
	struct cb_person_input year = {.birth_year = 2013};
	ck_assert_int_eq(cb_person_edit(db, NULL, &id, &year, today, &why), CB_INVALID);
	ck_assert_int_eq(why, CB_PERSON_NEEDS_GUARDIAN);
	/* with the guardian's consent, in the same change */
	year.consents = &guardian;
	year.nconsents = 1;
	year.category = "middle-school";
	ck_assert_int_eq(cb_person_edit(db, NULL, &id, &year, today, &why), CB_OK);
	ck_assert_int_eq(cb_person_get(db, &id, &p), CB_OK);
	ck_assert_int_eq(p.birth_year, 2013);
	ck_assert_str_eq(p.category, "middle-school");
	cb_person_clear(&p);
	/* over 15: no guardian needed */
	in.name = "Inès";
	in.birth_year = 2009;
	in.category = "vocational";
	in.nconsents = 0;
	ck_assert_int_eq(cb_person_add(db, NULL, &in, today, &id, &why), CB_OK);
}
END_TEST

START_TEST(test_contact_needs_consent)
{
	static const struct cb_consent_input contact = {CB_PURPOSE_CONTACT, CB_CONSENT_PERSON};
	struct cb_person_input in = {.name = "Léa", .set_roles = true, .roles = LEARNER,
				     .birth_year = -1, .contact = "lea@example.org"};
	const char *withdraw[] = {"contact"};
	enum cb_person_bad why;
	struct cb_person p;
	struct cb_id id;
	bool yes;

	ck_assert_int_eq(cb_person_add(db, NULL, &in, today, &id, &why), CB_INVALID);
	ck_assert_int_eq(why, CB_PERSON_NEEDS_CONTACT_OK);
	in.consents = &contact;
	in.nconsents = 1;
	ck_assert_int_eq(cb_person_add(db, NULL, &in, today, &id, &why), CB_OK);
	ck_assert_int_eq(cb_consent_in_force(db, &id, CB_PURPOSE_CONTACT, false, &yes), CB_OK);
	ck_assert(yes);
	/* withdrawing the consent takes the contact away */
	struct cb_person_input w = {.birth_year = -1, .withdraw = withdraw, .nwithdraw = 1};
	ck_assert_int_eq(cb_person_edit(db, NULL, &id, &w, today, &why), CB_OK);
	ck_assert_int_eq(cb_person_get(db, &id, &p), CB_OK);
	ck_assert_str_eq(p.contact, "");
	cb_person_clear(&p);
	ck_assert_int_eq(cb_consent_in_force(db, &id, CB_PURPOSE_CONTACT, false, &yes), CB_OK);
	ck_assert(!yes);
	/* withdrawing again: nothing in force */
	ck_assert_int_eq(cb_person_edit(db, NULL, &id, &w, today, &why), CB_NOT_FOUND);
	ck_assert_int_eq(why, CB_PERSON_NO_CONSENT);
}
END_TEST

START_TEST(test_names_and_find)
{
	struct cb_person_ref_list cands;
	struct cb_id a, b, c, got;
	enum cb_person_bad why;
	struct cb_person_input dup = {.name = "léa b.", .set_roles = true, .roles = LEARNER, .birth_year = -1};

	a = person(db, "Léa B.", LEARNER, 0, NULL, NULL);
	b = person(db, "Léa", MENTOR, 0, NULL, NULL);
	c = person(db, "Élodie", LEARNER, 0, NULL, NULL);
	ck_assert_int_eq(cb_person_add(db, NULL, &dup, today, NULL, &why), CB_EXISTS);
	ck_assert_int_eq(why, CB_PERSON_BAD_NAME_TAKEN);
	/* the exact name wins over a longer one */
	ck_assert_int_eq(cb_person_find(db, "Léa", &got, NULL), CB_OK);
	ck_assert(cb_id_cmp(&got, &b) == 0);
	/* case and accents aside, and abbreviations */
	ck_assert_int_eq(cb_person_find(db, "lea b.", &got, NULL), CB_OK);
	ck_assert(cb_id_cmp(&got, &a) == 0);
	/* a name that differs by its letter case only (it once gave CB_DONE) */
	ck_assert_int_eq(cb_person_find(db, "léa b.", &got, NULL), CB_OK);
	ck_assert(cb_id_cmp(&got, &a) == 0);
	ck_assert_int_eq(cb_person_find(db, "LéA", &got, NULL), CB_OK);
	ck_assert(cb_id_cmp(&got, &b) == 0);
	ck_assert_int_eq(cb_person_find(db, "elo", &got, NULL), CB_OK);
	ck_assert(cb_id_cmp(&got, &c) == 0);
	ck_assert_int_eq(cb_person_find(db, "Lé", &got, &cands), CB_AMBIGUOUS);
	ck_assert_int_eq(cands.count, 2);
	ck_assert_str_eq(cands.items[0].name, "Léa");
	cb_person_ref_list_free(&cands);
	ck_assert_int_eq(cb_person_find(db, "Zoé", &got, NULL), CB_NOT_FOUND);
	/* the picker also matches the beginning of a later word */
	ck_assert_int_eq(cb_person_search(db, "b.", 10, &cands), CB_OK);
	ck_assert_int_eq(cands.count, 1);
	cb_person_ref_list_free(&cands);
}
END_TEST

/* Look-alike names are one name: "ZOÉ", a decomposed "Zoé", "Zoé" with a
 * zero-width space are refused beside "Zoé" and find her; a name that
 * reads as an id is refused, and an id that is someone's name is never a
 * silent pick. */
START_TEST(test_look_alikes)
{
	static const char *const twins[] = {
		"ZOÉ", "Zoe\xcc\x81", "Zo\xe2\x80\x8b\xc3\xa9", "\xe2\x80\xaeZoé", " zoé ",
	};
	struct cb_person_ref_list cands;
	struct cb_id z, e, other, got;
	enum cb_person_bad why;
	char hex[CB_ID_HEX_LEN + 1];
	struct cb_person_input in = {.set_roles = true, .roles = LEARNER, .birth_year = -1};

	z = person(db, "Zoé", LEARNER, 0, NULL, NULL);
	e = person(db, "Zoe", LEARNER, 0, NULL, NULL); /* another name */
	for (size_t i = 0; i < sizeof twins / sizeof twins[0]; i++) {
		in.name = twins[i];
		ck_assert_int_eq(cb_person_add(db, NULL, &in, today, NULL, &why), CB_EXISTS);
		ck_assert_int_eq(why, CB_PERSON_BAD_NAME_TAKEN);
		ck_assert_int_eq(cb_person_find(db, twins[i], &got, NULL), CB_OK);
		ck_assert(cb_id_cmp(&got, &z) == 0);
	}
	ck_assert_int_eq(cb_person_find(db, "ZOE", &got, NULL), CB_OK);
	ck_assert(cb_id_cmp(&got, &e) == 0);
	/* renaming into a look-alike is refused too */
	in.name = "ZOÉ";
	ck_assert_int_eq(cb_person_edit(db, NULL, &e, &in, today, &why), CB_EXISTS);
	ck_assert_int_eq(why, CB_PERSON_BAD_NAME_TAKEN);
	/* a name that reads as an id */
	cb_id_to_hex(&z, hex);
	in.name = hex;
	ck_assert_int_eq(cb_person_add(db, NULL, &in, today, NULL, &why), CB_INVALID);
	ck_assert_int_eq(why, CB_PERSON_BAD_NAME_IS_ID);
	ck_assert_int_eq(cb_person_edit(db, NULL, &e, &in, today, &why), CB_INVALID);
	ck_assert_int_eq(why, CB_PERSON_BAD_NAME_IS_ID);
	/* the id finds its owner... */
	ck_assert_int_eq(cb_person_find(db, hex, &got, NULL), CB_OK);
	ck_assert(cb_id_cmp(&got, &z) == 0);
	/* ...unless someone bears it as a name (from an older laptop): both */
	other = person(db, "Hex", LEARNER, 0, NULL, NULL);
	{
		struct cb_value v = {CB_V_TEXT, 0, hex};
		ck_assert_int_eq(cb_db_begin(db), CB_OK);
		ck_assert_int_eq(cb_oplog_set(db, CB_T_PERSON, &other, CB_F_PERSON_NAME, &v), CB_OK);
		ck_assert_int_eq(cb_db_commit(db), CB_OK);
	}
	ck_assert_int_eq(cb_person_find(db, hex, &got, &cands), CB_AMBIGUOUS);
	ck_assert_int_eq(cands.count, 2);
	cb_person_ref_list_free(&cands);
}
END_TEST

/* A person taken off the list is found no more (no check-in, no pick)
 * until restored; a forgotten person is never restored. */
START_TEST(test_remove_and_restore)
{
	struct cb_id a, got;
	struct cb_person p;

	a = person(db, "Léa B.", LEARNER, 0, NULL, NULL);
	ck_assert_int_eq(cb_person_remove(db, &a), CB_OK);
	ck_assert_int_eq(cb_person_find(db, "Léa B.", &got, NULL), CB_NOT_FOUND);
	ck_assert_int_eq(cb_person_get(db, &a, &p), CB_OK);
	ck_assert(p.deleted);
	cb_person_clear(&p);
	ck_assert_int_eq(cb_person_restore(db, &a), CB_OK);
	ck_assert_int_eq(cb_person_find(db, "Léa B.", &got, NULL), CB_OK);
	ck_assert(cb_id_cmp(&got, &a) == 0);
	ck_assert_int_eq(cb_forget(db, &a, NULL), CB_OK);
	ck_assert_int_eq(cb_person_restore(db, &a), CB_INVALID);
	ck_assert_int_eq(cb_person_get(db, &a, &p), CB_OK);
	ck_assert(p.deleted);
	cb_person_clear(&p);
	got = unit_id_fill(0x77);
	ck_assert_int_eq(cb_person_restore(db, &got), CB_NOT_FOUND);
}
END_TEST

START_TEST(test_languages)
{
	char out[CB_PERSON_LANGS_MAX + 1];

	ck_assert_int_eq(cb_languages_parse("FR, en", out), CB_OK);
	ck_assert_str_eq(out, "fr,en");
	ck_assert_int_eq(cb_languages_parse("fr,fr", out), CB_INVALID);
	ck_assert_int_eq(cb_languages_parse("français", out), CB_INVALID);
	ck_assert_int_eq(cb_languages_parse("f", out), CB_INVALID);
}
END_TEST

START_TEST(test_config_lists)
{
	struct cb_config cfg;
	struct cb_name_list l;
	char *extra[] = {"retraité"};
	size_t k;

	ck_assert_int_eq(cb_config_defaults(&cfg), CB_OK);
	ck_assert_int_eq(cfg.attestation_months, 12);
	ck_assert_int_eq(cfg.promote_skills, 3);
	ck_assert_int_eq(cfg.promote_sessions, 4);
	cfg.categories = extra;
	cfg.ncategories = 1;
	ck_assert_int_eq(cb_categories(&cfg, &l), CB_OK);
	ck_assert_int_eq(l.count, 9);
	ck_assert_int_eq(cb_name_list_find(&l, "retraite", &k), CB_OK);
	ck_assert_str_eq(l.keys[k], "retraité");
	ck_assert_int_eq(cb_name_list_find(&l, "middle", &k), CB_OK);
	ck_assert_str_eq(l.keys[k], "middle-school");
	cb_name_list_free(&l);
	cfg.categories = NULL;
	cfg.ncategories = 0;
	cb_config_free(&cfg);
}
END_TEST

START_TEST(test_attestation)
{
	int32_t until = cb_attestation_until("2025-03-01", 12);
	char d[CB_DATE_LEN + 1];

	cb_date_format(until, d);
	ck_assert_str_eq(d, "2026-02-28");
	ck_assert(!cb_attestation_valid("2025-03-01", NULL, today));
	ck_assert(cb_attestation_valid("2025-03-02", NULL, today));
	ck_assert(!cb_attestation_valid("", NULL, today));
}
END_TEST

START_TEST(test_personal_fields_listed)
{
	/* erasure blanks these: every personal field must be listed */
	static const int want[] = {CB_F_PERSON_NAME, CB_F_PERSON_BIRTH_YEAR, CB_F_PERSON_CONTACT,
				   CB_F_PERSON_NOTES, CB_F_PERSON_LANGUAGES, CB_F_PERSON_CATEGORY};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const struct cb_field_def *def = cb_schema_field(CB_T_PERSON, want[i]);
		ck_assert_msg(def && (def->flags & CB_FIELD_PERSONAL), "field %d not flagged", want[i]);
	}
}
END_TEST

/* Config errors name the file, the line and the setting. */
START_TEST(test_config_errors)
{
	static const struct {
		const char *text, *want;
	} cases[] = {
		{"people = {\n  attestation_months = 0;\n};\n",
		 ":2: 'people.attestation_months' must be between 1 and 120"},
		{"people = {\n  promote = { skills = 2; visits = 3; };\n};\n",
		 ":2: unknown setting 'people.promote.visits'"},
		{"people = {\n  skills = [ \"\" ];\n};\n", ":2: each entry of 'people.skills'"},
		{"people = { colour = true; };\n", ":1: unknown setting 'people.colour'"},
	};
	char *dir = unit_tmpdir(), *path = unit_path(dir, "c.conf"), err[256];
	struct cb_config cfg;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ck_assert_int_eq(cb_config_defaults(&cfg), CB_OK);
		unit_write_file(path, cases[i].text, strlen(cases[i].text));
		ck_assert_int_eq(cb_config_load(&cfg, path, true, err, sizeof err), CB_CONFIG);
		ck_assert_msg(strstr(err, cases[i].want) != NULL, "got: %s", err);
		ck_assert_int_eq(cfg.attestation_months, 12);
		cb_config_free(&cfg);
	}
	static const char good[] = "people = { attestation_months = 6; promote = { skills = 2; };\n"
				   " categories = [\"retraité\"]; };\n";
	ck_assert_int_eq(cb_config_defaults(&cfg), CB_OK);
	unit_write_file(path, good, strlen(good));
	ck_assert_int_eq(cb_config_load(&cfg, path, true, err, sizeof err), CB_OK);
	ck_assert_int_eq(cfg.attestation_months, 6);
	ck_assert_int_eq(cfg.promote_skills, 2);
	ck_assert_int_eq(cfg.promote_sessions, 4);
	ck_assert_int_eq(cfg.ncategories, 1);
	ck_assert_str_eq(cfg.categories[0], "retraité");
	cb_config_free(&cfg);
	free(path);
	unit_tmpdir_remove(dir);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("people");
	TCase *tc = tcase_create("people");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_birth_year_only);
	tcase_add_test(tc, test_may_be_under);
	tcase_add_test(tc, test_minor_needs_guardian);
	tcase_add_test(tc, test_contact_needs_consent);
	tcase_add_test(tc, test_names_and_find);
	tcase_add_test(tc, test_look_alikes);
	tcase_add_test(tc, test_languages);
	tcase_add_test(tc, test_config_lists);
	tcase_add_test(tc, test_attestation);
	tcase_add_test(tc, test_remove_and_restore);
	tcase_add_test(tc, test_personal_fields_listed);
	tcase_add_test(tc, test_config_errors);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
