/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The UI's view-models, without a terminal: lists, forms, dialogs, the key
 * map and the headless script parser. */
#include "config.h"

#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/clock.h"
#include "cambouis/schema.h"
#include "cambouis/text.h"
#include "ui/action.h"
#include "ui/date.h"
#include "ui/dialog.h"
#include "ui/edit.h"
#include "ui/form.h"
#include "ui/keys.h"
#include "ui/list.h"
#include "ui/script.h"

static int64_t
at(const char *when)
{
	int64_t ms;
	ck_assert_int_eq(cb_clock_parse(when, &ms), CB_OK);
	return ms;
}

/* --- keys and key map ---------------------------------------------------- */

START_TEST(key_names)
{
	int k;
	char buf[32];

	ck_assert(ui_key_parse("Q", &k) && k == 'Q');
	ck_assert(ui_key_parse("é", &k) && k == 0xE9);
	ck_assert(ui_key_parse("C-u", &k) && k == 21);
	ck_assert(ui_key_parse("c-U", &k) && k == 21);
	ck_assert(ui_key_parse("enter", &k) && k == '\n');
	ck_assert(ui_key_parse("PgDn", &k) && k == UI_KEY_PGDN);
	ck_assert(ui_key_parse("F12", &k) && k == UI_KEY_F12);
	ck_assert(!ui_key_parse("F13", &k));
	ck_assert(!ui_key_parse("Hyper", &k));
	ck_assert(!ui_key_parse("", &k));
	ck_assert(!ui_key_parse("C-i", &k)); /* that is Tab */
	ck_assert_str_eq(ui_key_name(21, buf, sizeof buf), "C-u");
	ck_assert_str_eq(ui_key_name(UI_KEY_BTAB, buf, sizeof buf), "BTab");
	ck_assert_str_eq(ui_key_name(' ', buf, sizeof buf), "Space");
	ck_assert_str_eq(ui_key_name(0x4E2D, buf, sizeof buf), "中");
}
END_TEST

static struct ui_keymap *
keymap(void)
{
	const char *scopes[] = {"venues"};
	struct ui_keymap *km = ui_keymap_new(scopes, 1);
	ck_assert_ptr_nonnull(km);
	return km;
}

START_TEST(keymap_defaults)
{
	struct ui_keymap *km = keymap();
	char buf[64];

	ck_assert_int_eq(ui_keymap_lookup(km, 2, 'Q'), UI_A_QUIT);
	ck_assert_int_eq(ui_keymap_lookup(km, 2, 'j'), UI_A_DOWN);
	ck_assert_int_eq(ui_keymap_lookup(km, 2, UI_KEY_DOWN), UI_A_DOWN);
	ck_assert_int_eq(ui_keymap_lookup(km, 2, '/'), UI_A_SEARCH);
	/* typing in a form never quits or moves the list */
	ck_assert_int_eq(ui_keymap_lookup(km, UI_SCOPE_FORM, 'Q'), UI_A_NONE);
	ck_assert_int_eq(ui_keymap_lookup(km, UI_SCOPE_FORM, 'j'), UI_A_NONE);
	ck_assert_int_eq(ui_keymap_lookup(km, UI_SCOPE_FORM, 21), UI_A_KILL_LINE);
	ck_assert_uint_eq(ui_keymap_keys(km, 2, UI_A_DOWN, buf, sizeof buf), 2);
	ck_assert_str_eq(buf, "j, Down");
	ui_keymap_free(km);
}
END_TEST

START_TEST(keymap_config)
{
	struct ui_keymap *km = keymap();
	char *k1[] = {"C-q"}, *k2[] = {"x", "F10"};
	struct cb_keybinding kb[] = {
		{"generic", "quit", k1, 1, 3},
		{"venues", "add", k2, 2, 4},
	};
	char err[256], buf[64];

	ck_assert(ui_keymap_configure(km, kb, 2, "/home/a/config", err, sizeof err));
	ck_assert_int_eq(ui_keymap_lookup(km, 2, 17), UI_A_QUIT);
	ck_assert_int_eq(ui_keymap_lookup(km, 2, 'Q'), UI_A_NONE); /* replaced */
	ck_assert_int_eq(ui_keymap_lookup(km, 2, 'x'), UI_A_ADD);
	ck_assert_int_eq(ui_keymap_lookup(km, 2, 'a'), UI_A_ADD); /* generic still */
	ui_keymap_keys(km, 2, UI_A_ADD, buf, sizeof buf);
	ck_assert_str_eq(buf, "x, F10, a");
	ui_keymap_free(km);
}
END_TEST

START_TEST(keymap_config_errors)
{
	struct ui_keymap *km = keymap();
	char *k1[] = {"Q"}, *k2[] = {"Ctrl+Q"};
	struct cb_keybinding bad_action = {"generic", "explode", k1, 1, 7};
	struct cb_keybinding bad_key = {"generic", "quit", k2, 1, 9};
	struct cb_keybinding bad_scope = {"nowhere", "quit", k1, 1, 11};
	char err[256];

	ck_assert(!ui_keymap_configure(km, &bad_action, 1, "cfg", err, sizeof err));
	ck_assert_str_eq(err, "cfg:7: unknown action 'explode'");
	ck_assert(!ui_keymap_configure(km, &bad_key, 1, "cfg", err, sizeof err));
	ck_assert_str_eq(err, "cfg:9: unknown key 'Ctrl+Q'");
	ck_assert(!ui_keymap_configure(km, &bad_scope, 1, "cfg", err, sizeof err));
	ck_assert_str_eq(err, "cfg:11: unknown key scope 'nowhere'");
	/* nothing changed */
	ck_assert_int_eq(ui_keymap_lookup(km, 2, 'Q'), UI_A_QUIT);
	ui_keymap_free(km);
}
END_TEST

START_TEST(action_table)
{
	for (int a = 1; a < UI_A_COUNT; a++) {
		const struct ui_action_info *i = ui_action_info((enum ui_action)a);
		ck_assert_int_eq(ui_action_by_name(i->name), a);
		ck_assert(*i->help && *i->label);
	}
}
END_TEST

/* More tabs than the number keys: screen-10 and beyond are actions too. */
START_TEST(screens_past_nine)
{
	ck_assert_int_eq(ui_action_screen(UI_A_SCREEN_1), 0);
	ck_assert_int_eq(ui_action_screen(UI_A_SCREEN_9), 8);
	ck_assert_int_eq(ui_action_screen(UI_A_SCREEN_16), 15);
	ck_assert_int_eq(ui_action_screen(UI_A_REDRAW), -1);
	ck_assert_int_eq(ui_action_by_name("screen-12"), UI_A_SCREEN_12);
}
END_TEST

/* The tab bar scrolls so the current tab shows. */
START_TEST(tabs_scroll)
{
	int w[12] = {11, 13, 11, 11, 13, 9, 13, 12, 10, 12, 12, 12};

	ck_assert_uint_eq(ui_tabs_first(w, 12, 0, 70), 0);
	ck_assert_uint_eq(ui_tabs_first(w, 12, 5, 70), 0);  /* 68 columns up to it */
	ck_assert_uint_eq(ui_tabs_first(w, 12, 6, 70), 1);  /* 81: one left out */
	ck_assert_uint_eq(ui_tabs_first(w, 12, 11, 70), 7); /* 58 columns from 7 */
	ck_assert_uint_eq(ui_tabs_first(w, 12, 11, 5), 11); /* the current tab always */
	ck_assert_uint_eq(ui_tabs_first(w, 12, 12, 70), 0); /* no such tab */
}
END_TEST

/* --- text layout --------------------------------------------------------- */

START_TEST(text_cell)
{
	char *s;

	s = ui_text_cell("abc", 5, UI_ALIGN_LEFT);
	ck_assert_str_eq(s, "abc  ");
	free(s);
	s = ui_text_cell("42", 5, UI_ALIGN_RIGHT);
	ck_assert_str_eq(s, "   42");
	free(s);
	s = ui_text_cell("Joué-lès-Tours", 6, UI_ALIGN_LEFT);
	ck_assert_str_eq(s, "Joué-…");
	free(s);
	/* a wide character that does not fit leaves a space, never half */
	s = ui_text_cell("中文中文", 6, UI_ALIGN_LEFT);
	ck_assert_str_eq(s, "中文… ");
	ck_assert_int_eq(cb_utf8_width(s), 6);
	free(s);
	/* a combining accent stays with its letter */
	s = ui_text_cell("Cafe\xcc\x81s", 5, UI_ALIGN_LEFT);
	ck_assert_str_eq(s, "Cafe\xcc\x81s");
	free(s);
	s = ui_text_cell("e\xcc\x81tude", 3, UI_ALIGN_LEFT);
	ck_assert_str_eq(s, "e\xcc\x81t…");
	free(s);
}
END_TEST

START_TEST(text_fold)
{
	char *f = ui_text_fold("École ÉLÉMENTAIRE Œuvre Straße ñ");
	ck_assert_str_eq(f, "ecole elementaire oeuvre strasse n");
	free(f);
	f = ui_text_fold("Cafe\xcc\x81");
	ck_assert_str_eq(f, "cafe");
	free(f);
}
END_TEST

/* --- the list ------------------------------------------------------------ */

static const struct ui_column cols[] = {
	{"Name", 6, 2, UI_ALIGN_LEFT, false},
	{"Town", 4, 1, UI_ALIGN_LEFT, false},
	{"Cap", 5, 0, UI_ALIGN_RIGHT, true},
};

static void
fill(struct ui_list *l, bool with_c)
{
	const char *rows[][3] = {
		{"Halle", "Tours", "50"}, {"École", "Joué", "20"},
		{"Café 中", "Tours", "—"}, {"abri", "Riche", "5"},
	};
	long long nums[][3] = {{0, 0, 50}, {0, 0, 20}, {0, 0, -1}, {0, 0, 5}};
	const char *keys[] = {"h", "e", "c", "a"};

	ui_list_begin(l);
	for (int i = 0; i < 4; i++)
		if (with_c || strcmp(keys[i], "c") != 0)
			ck_assert(ui_list_add(l, keys[i], rows[i], nums[i]));
	ck_assert(ui_list_end(l));
}

START_TEST(list_sort_filter)
{
	struct ui_list l;

	ui_list_init(&l, cols, 3);
	fill(&l, true);
	/* sorted by name, ignoring case and accents */
	ck_assert_str_eq(ui_list_key(&l, 0), "a");
	ck_assert_str_eq(ui_list_key(&l, 1), "c");
	ck_assert_str_eq(ui_list_key(&l, 2), "e");
	ck_assert_str_eq(ui_list_key(&l, 3), "h");
	ui_list_sort(&l, 2, false);
	ck_assert_str_eq(ui_list_key(&l, 0), "a");
	ck_assert_str_eq(ui_list_key(&l, 3), "c"); /* unknown capacity last */
	ui_list_sort(&l, 2, true);
	ck_assert_str_eq(ui_list_key(&l, 0), "h");
	ck_assert_str_eq(ui_list_key(&l, 3), "c");
	ui_list_sort(&l, 0, false);
	ck_assert(ui_list_set_filter(&l, "ECOLE"));
	ck_assert_uint_eq(ui_list_count(&l), 1);
	ck_assert(ui_list_set_filter(&l, "tours"));
	ck_assert_uint_eq(ui_list_count(&l), 2);
	ck_assert(ui_list_set_filter(&l, NULL));
	ck_assert_uint_eq(ui_list_count(&l), 4);
	ui_list_free(&l);
}
END_TEST

START_TEST(list_selection_survives)
{
	struct ui_list l;

	ui_list_init(&l, cols, 3);
	fill(&l, true);
	ck_assert(ui_list_select_key(&l, "e"));
	fill(&l, true); /* a reload, as after a redraw or a change */
	ck_assert_str_eq(ui_list_selected_key(&l), "e");
	ui_list_sort(&l, 2, false);
	ck_assert_str_eq(ui_list_selected_key(&l), "e");
	ui_list_sort(&l, 0, false);
	/* the selected row disappears: the selection stays in place */
	ck_assert(ui_list_select_key(&l, "c"));
	fill(&l, false);
	ck_assert_str_eq(ui_list_selected_key(&l), "e");
	ui_list_free(&l);
}
END_TEST

START_TEST(list_move_scroll)
{
	struct ui_list l;
	char name[16], key[16];

	ui_list_init(&l, cols, 3);
	ui_list_begin(&l);
	for (int i = 0; i < 50; i++) {
		snprintf(name, sizeof name, "v%02d", i);
		snprintf(key, sizeof key, "%d", i);
		const char *cells[] = {name, "", ""};
		ck_assert(ui_list_add(&l, key, cells, NULL));
	}
	ck_assert(ui_list_end(&l));
	ui_list_move(&l, 12, 10);
	ck_assert_uint_eq(l.sel, 12);
	ck_assert_uint_eq(ui_list_top(&l, 10), 3);
	ui_list_page(&l, 1, 10);
	ck_assert_uint_eq(l.sel, 21);
	ui_list_last(&l, 10);
	ck_assert_uint_eq(l.sel, 49);
	ck_assert_uint_eq(ui_list_top(&l, 10), 40);
	/* a taller window after a resize shows no empty rows at the end */
	ck_assert_uint_eq(ui_list_top(&l, 20), 30);
	ui_list_move(&l, -1000, 10);
	ck_assert_uint_eq(l.sel, 0);
	ui_list_first(&l);
	ck_assert(ui_list_search(&l, "V4", 1, false, 10));
	ck_assert_uint_eq(l.sel, 40);
	ck_assert(ui_list_search(&l, "v0", 1, false, 10)); /* wraps */
	ck_assert_uint_eq(l.sel, 0);
	ck_assert(ui_list_search(&l, "v4", -1, false, 10)); /* backwards wraps */
	ck_assert_uint_eq(l.sel, 49);
	ck_assert(!ui_list_search(&l, "zz", 1, false, 10));
	ck_assert_uint_eq(l.sel, 49);
	ui_list_free(&l);
}
END_TEST

START_TEST(list_alignment)
{
	struct ui_list l;
	int w[3];
	const char *titles[] = {"Name", "Town", "Cap"};

	ui_list_init(&l, cols, 3);
	fill(&l, true);
	ui_list_widths(&l, 40, w);
	ck_assert_int_eq(w[0] + w[1] + w[2] + 4, 40);
	ck_assert_int_eq(w[2], 5);
	for (size_t i = 0; i < 4; i++) {
		char *line = ui_list_line(&l, i, w, titles);
		ck_assert_int_eq(cb_utf8_width(line), 40);
		free(line);
	}
	char *h = ui_list_line(&l, (size_t)-1, w, titles);
	ck_assert_int_eq(cb_utf8_width(h), 40);
	free(h);
	/* narrower than the minimum: still exact */
	ui_list_widths(&l, 12, w);
	ck_assert_int_eq(w[0] + w[1] + w[2] + 4, 12);
	ui_list_free(&l);
}
END_TEST

/* --- editing ------------------------------------------------------------- */

START_TEST(edit_utf8)
{
	struct ui_edit e;
	int col;
	char *v;

	ck_assert(ui_edit_init(&e, "", 0));
	ck_assert_int_eq(ui_edit_handle(&e, UI_A_NONE, 'c'), 1);
	ui_edit_handle(&e, UI_A_NONE, 0xE9); /* é */
	ui_edit_handle(&e, UI_A_NONE, 0x4E2D); /* 中 */
	ck_assert_str_eq(e.text, "cé中");
	ui_edit_handle(&e, UI_A_CURSOR_LEFT, 0);
	ui_edit_handle(&e, UI_A_CURSOR_LEFT, 0);
	ck_assert_uint_eq(e.cursor, 1);
	ui_edit_handle(&e, UI_A_DELETE_CHAR, 0);
	ck_assert_str_eq(e.text, "c中");
	ui_edit_handle(&e, UI_A_LINE_END, 0);
	ui_edit_handle(&e, UI_A_DELETE_BACK, 0);
	ck_assert_str_eq(e.text, "c");
	/* a letter and its combining accent go together */
	ui_edit_handle(&e, UI_A_NONE, 'e');
	ui_edit_handle(&e, UI_A_NONE, 0x301);
	ck_assert_str_eq(e.text, "ce\xcc\x81");
	ui_edit_handle(&e, UI_A_CURSOR_LEFT, 0);
	ck_assert_uint_eq(e.cursor, 1);
	ui_edit_handle(&e, UI_A_LINE_END, 0);
	ui_edit_handle(&e, UI_A_DELETE_BACK, 0);
	ck_assert_str_eq(e.text, "c");
	/* control characters are not text */
	ck_assert_int_eq(ui_edit_handle(&e, UI_A_NONE, 7), 0);
	ck_assert_int_eq(ui_edit_handle(&e, UI_A_KILL_LINE, 21), 1);
	ck_assert_str_eq(e.text, "");
	/* a long text scrolls so the cursor stays visible */
	ck_assert(ui_edit_set(&e, "abcdefghijklmnop"));
	v = ui_edit_view(&e, 8, &col);
	ck_assert_str_eq(v, "jklmnop ");
	ck_assert_int_eq(col, 7);
	free(v);
	ui_edit_handle(&e, UI_A_LINE_START, 0);
	v = ui_edit_view(&e, 8, &col);
	ck_assert_str_eq(v, "abcdefgh");
	ck_assert_int_eq(col, 0);
	free(v);
	ui_edit_free(&e);
	/* a full field refuses more */
	ck_assert(ui_edit_init(&e, "ab", 3));
	ck_assert_int_eq(ui_edit_handle(&e, UI_A_NONE, 0xE9), -1);
	ck_assert_int_eq(ui_edit_handle(&e, UI_A_NONE, 'c'), 1);
	ui_edit_free(&e);
}
END_TEST

/* --- forms --------------------------------------------------------------- */

static void
type(struct ui_form *f, const char *s)
{
	size_t n = strlen(s), i = 0;
	while (i < n) {
		uint32_t cp;
		i += cb_utf8_decode(s + i, n - i, &cp);
		ui_form_handle(f, UI_A_NONE, (int)cp);
	}
}

START_TEST(form_validation)
{
	struct ui_form f;
	long long n;

	ck_assert(ui_form_init(&f, "Venue", at("2026-03-01T18:00")));
	ck_assert_int_eq(ui_form_add_text(&f, "Name", "", true, 20), 0);
	ck_assert_int_eq(ui_form_add_number(&f, "Capacity", -1, 0, 1000, false), 1);
	ck_assert_int_eq(ui_form_add_date(&f, "First", "", false), 2);
	ck_assert_int_eq(ui_form_add_time(&f, "Starts", "18h", true), 3);
	/* Enter on an empty form: refused, the first bad field is current */
	f.cur = 3;
	ck_assert_int_eq(ui_form_handle(&f, UI_A_ACCEPT, '\n'), UI_FORM_CONTINUE);
	ck_assert_uint_eq(f.cur, 0);
	ck_assert_str_eq(f.fields[0].error, "required");
	ck_assert_str_eq(ui_form_text(&f, 3), "18:00"); /* normalised */
	type(&f, "Halle");
	ck_assert_ptr_null(f.fields[0].error); /* typing clears the message */
	ui_form_handle(&f, UI_A_FIELD_NEXT, '\t');
	type(&f, "12a");
	ui_form_handle(&f, UI_A_FIELD_NEXT, '\t');
	ck_assert_str_eq(f.fields[1].error, "not a whole number");
	type(&f, "+3");
	ck_assert_int_eq(ui_form_handle(&f, UI_A_SAVE, 0), UI_FORM_CONTINUE);
	ck_assert_uint_eq(f.cur, 1);
	ck_assert_str_eq(ui_form_text(&f, 1), "12a"); /* kept as typed */
	ck_assert_str_eq(ui_form_text(&f, 2), "2026-03-04");
	ui_form_handle(&f, UI_A_DELETE_BACK, 0);
	type(&f, "000");
	ui_form_handle(&f, UI_A_FIELD_NEXT, '\t');
	ck_assert_str_eq(f.fields[1].error, "between 0 and 1000");
	ui_form_handle(&f, UI_A_FIELD_PREV, 0);
	ui_form_handle(&f, UI_A_KILL_LINE, 21);
	type(&f, "1 200");
	ck_assert_int_eq(ui_form_handle(&f, UI_A_SAVE, 0), UI_FORM_CONTINUE);
	ui_form_handle(&f, UI_A_KILL_LINE, 21);
	type(&f, "40");
	ck_assert_int_eq(ui_form_handle(&f, UI_A_SAVE, 0), UI_FORM_SUBMIT);
	ck_assert(ui_form_number(&f, 1, &n) && n == 40);
	ui_form_free(&f);
}
END_TEST

/* A field bound to the schema is checked by the field's one validator
 * too (the one import uses): a number the form allows, a year the field
 * refuses. */
START_TEST(form_schema_validator)
{
	static const int fields[] = {CB_F_PERSON_NAME, CB_F_PERSON_BIRTH_YEAR};
	struct ui_form f;

	ck_assert(ui_form_init(&f, "Person", at("2026-03-01T18:00")));
	ck_assert_int_eq(ui_form_add_text(&f, "Name", "Zoé", true, 80), 0);
	ck_assert_int_eq(ui_form_add_number(&f, "Born", 9999, 0, 100000, false), 1);
	ck_assert(ui_form_check_field(&f, 1)); /* unbound: the form's range only */
	ui_form_bind(&f, CB_T_PERSON, fields, 2);
	ck_assert(ui_form_check_field(&f, 0));
	ck_assert(!ui_form_check_field(&f, 1));
	ck_assert_str_eq(f.fields[1].error, "invalid value");
	ui_form_free(&f);
}
END_TEST

START_TEST(form_choices)
{
	struct ui_form f;
	const char *roles[] = {"learner", "mentor", "visitor"};

	ck_assert(ui_form_init(&f, "Person", 0));
	ck_assert_int_eq(ui_form_add_choice(&f, "Role", roles, 3, 0), 0);
	ck_assert_int_eq(ui_form_add_yesno(&f, "Minor", false), 1);
	ui_form_handle(&f, UI_A_CURSOR_RIGHT, 0);
	ck_assert_uint_eq(ui_form_choice(&f, 0), 1);
	ui_form_handle(&f, UI_A_CURSOR_LEFT, 0);
	ui_form_handle(&f, UI_A_CURSOR_LEFT, 0);
	ck_assert_uint_eq(ui_form_choice(&f, 0), 2);
	ui_form_handle(&f, UI_A_NONE, 'l');
	ck_assert_uint_eq(ui_form_choice(&f, 0), 0);
	ui_form_handle(&f, UI_A_FIELD_NEXT, '\t');
	ui_form_handle(&f, UI_A_NONE, 'y');
	ck_assert(ui_form_yes(&f, 1));
	ui_form_handle(&f, UI_A_NONE, ' ');
	ck_assert(!ui_form_yes(&f, 1));
	ck_assert_int_eq(ui_form_handle(&f, UI_A_ACCEPT, '\n'), UI_FORM_SUBMIT);
	ck_assert_int_eq(ui_form_handle(&f, UI_A_CANCEL, 27), UI_FORM_CANCEL);
	ui_form_free(&f);
}
END_TEST

START_TEST(dates)
{
	int64_t now = at("2026-03-01T18:00");
	struct ui_date d;
	char buf[64];
	int h, m;

	ck_assert(ui_date_parse("today", now, &d) && d.y == 2026 && d.m == 3 && d.d == 1);
	ck_assert(ui_date_parse(" Tomorrow ", now, &d) && d.d == 2);
	ck_assert(ui_date_parse("yesterday", now, &d) && d.m == 2 && d.d == 28);
	ck_assert(ui_date_parse("+31", now, &d) && d.m == 4 && d.d == 1);
	ck_assert(ui_date_parse("-366", now, &d) && d.y == 2025 && d.m == 2 && d.d == 28);
	ck_assert(ui_date_parse("2028-02-29", now, &d));
	ck_assert(!ui_date_parse("2026-02-29", now, &d));
	ck_assert(!ui_date_parse("2026-13-01", now, &d));
	ck_assert(!ui_date_parse("soon", now, &d));
	ck_assert(!ui_date_parse("+", now, &d));
	ck_assert(ui_date_parse("3/3/2026", now, &d) && d.m == 3 && d.d == 3);
	ck_assert(ui_date_parse("14/7", now, &d) && d.y == 2026 && d.m == 7 && d.d == 14);
	/* one supported range of dates, 1900..2199 */
	struct ui_date r;
	ck_assert(ui_date_parse("2199-12-31", now, &r));
	ck_assert(!ui_date_parse("2200-01-01", now, &r));
	ck_assert(!ui_date_parse("9999-12-01", now, &r));
	ck_assert(!ui_date_parse("1/1/1899", now, &r));
	ck_assert(ui_date_out_of_range("9999-12-01", now));
	ck_assert(ui_date_out_of_range("+99999", now) == false); /* not a number of 4 digits */
	ck_assert(!ui_date_out_of_range("2026-13-01", now));
	ui_date_iso(&d, buf, sizeof buf);
	ck_assert_str_eq(buf, "2026-07-14");
	ck_assert(ui_time_parse("18:30", &h, &m) && h == 18 && m == 30);
	ck_assert(ui_time_parse("9h05", &h, &m) && h == 9 && m == 5);
	ck_assert(ui_time_parse("18h", &h, &m) && h == 18 && m == 0);
	ck_assert(!ui_time_parse("24:00", &h, &m));
	ck_assert(!ui_time_parse("18:3", &h, &m));
	ck_assert(!ui_time_parse("18:", &h, &m));
	d = (struct ui_date){2026, 3, 3};
	ui_date_long(&d, buf, sizeof buf);
	ck_assert_str_eq(buf, "Tue 3 Mar 2026");
	for (long day = -1000; day < 1000; day += 7) {
		struct ui_date x;
		ui_date_from_days(day + 20000, &x);
		ck_assert_int_eq(ui_date_days(&x), day + 20000);
	}
	/* in French the date reads as French speakers write it */
	if (setlocale(LC_TIME, "fr_FR.UTF-8")) {
		ui_date_long(&d, buf, sizeof buf);
		ck_assert_str_eq(buf, "mar. 3 mars 2026");
		setlocale(LC_TIME, "C");
	}
}
END_TEST

/* --- dialogs ------------------------------------------------------------- */

START_TEST(confirm)
{
	struct ui_confirm c;

	ck_assert(ui_confirm_init(&c, "Delete?"));
	ck_assert_int_eq(ui_confirm_handle(&c, UI_A_NONE, 'y'), UI_ANSWER_YES);
	ck_assert_int_eq(ui_confirm_handle(&c, UI_A_NONE, 'N'), UI_ANSWER_NO);
	ck_assert_int_eq(ui_confirm_handle(&c, UI_A_ACCEPT, '\n'), UI_ANSWER_NO);
	ck_assert_int_eq(ui_confirm_handle(&c, UI_A_CANCEL, 27), UI_ANSWER_NO);
	ck_assert_int_eq(ui_confirm_handle(&c, UI_A_NONE, 'x'), UI_ANSWER_NONE);
	ui_confirm_free(&c);
}
END_TEST

START_TEST(picker)
{
	struct ui_picker p;
	const char *towns[] = {"Tours", "Joué-lès-Tours", "La Riche", "Saint-Avertin"};

	ck_assert(ui_picker_init(&p, "Commune", towns, 4));
	ck_assert_uint_eq(ui_list_count(&p.list), 4);
	ui_picker_handle(&p, UI_A_NONE, 'l', 5);
	ui_picker_handle(&p, UI_A_NONE, 'E', 5);
	ui_picker_handle(&p, UI_A_NONE, 's', 5);
	ck_assert_uint_eq(ui_list_count(&p.list), 1);
	ck_assert_str_eq(ui_picker_choice(&p), "Joué-lès-Tours");
	ui_picker_handle(&p, UI_A_KILL_LINE, 21, 5);
	ui_picker_handle(&p, UI_A_NONE, 't', 5);
	ui_picker_handle(&p, UI_A_FIELD_NEXT, UI_KEY_DOWN, 5);
	ck_assert_int_eq(ui_picker_handle(&p, UI_A_ACCEPT, '\n', 5), UI_PICK_CHOSEN);
	ck_assert_str_eq(ui_picker_choice(&p), "Saint-Avertin");
	ui_picker_handle(&p, UI_A_NONE, 'z', 5);
	ck_assert_ptr_null(ui_picker_choice(&p));
	ck_assert_int_eq(ui_picker_handle(&p, UI_A_ACCEPT, '\n', 5), UI_PICK_CONTINUE);
	ck_assert_int_eq(ui_picker_handle(&p, UI_A_CANCEL, 27, 5), UI_PICK_CANCEL);
	ui_picker_free(&p);
}
END_TEST

/* --- the headless script ------------------------------------------------- */

START_TEST(script_parse)
{
	struct ui_script s;
	struct ui_script_event ev;
	int expect[] = {'a', 0xE9, '\n', UI_KEY_DOWN, 21, '<', ' '};

	ck_assert(ui_script_from_text(&s, "# comment\naé<Enter><Down>\n<C-u><lt> \n"
				      ":dump out/x.txt\n<Resize 60x20>\n<Bogus>\n"));
	for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++) {
		ev = ui_script_next(&s);
		ck_assert_int_eq(ev.kind, UI_SCRIPT_KEY);
		ck_assert_int_eq(ev.key, expect[i]);
	}
	ev = ui_script_next(&s);
	ck_assert_int_eq(ev.kind, UI_SCRIPT_DUMP);
	ck_assert_str_eq(ev.path, "out/x.txt");
	ck_assert_int_eq(ev.line, 4);
	ev = ui_script_next(&s);
	ck_assert_int_eq(ev.kind, UI_SCRIPT_RESIZE);
	ck_assert(ev.cols == 60 && ev.rows == 20);
	ev = ui_script_next(&s);
	ck_assert_int_eq(ev.kind, UI_SCRIPT_ERROR);
	ck_assert_str_eq(s.err, "script:6: unknown key '<Bogus>'");
	ui_script_close(&s);
	ck_assert(ui_script_from_text(&s, "x"));
	ck_assert_int_eq(ui_script_next(&s).kind, UI_SCRIPT_KEY);
	ck_assert_int_eq(ui_script_next(&s).kind, UI_SCRIPT_END);
	ui_script_close(&s);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("ui view-models");
	TCase *t = tcase_create("all");
	SRunner *r;
	int failed;

	setlocale(LC_ALL, "C.UTF-8");
	tcase_add_test(t, key_names);
	tcase_add_test(t, keymap_defaults);
	tcase_add_test(t, keymap_config);
	tcase_add_test(t, keymap_config_errors);
	tcase_add_test(t, action_table);
	tcase_add_test(t, screens_past_nine);
	tcase_add_test(t, tabs_scroll);
	tcase_add_test(t, text_cell);
	tcase_add_test(t, text_fold);
	tcase_add_test(t, list_sort_filter);
	tcase_add_test(t, list_selection_survives);
	tcase_add_test(t, list_move_scroll);
	tcase_add_test(t, list_alignment);
	tcase_add_test(t, edit_utf8);
	tcase_add_test(t, form_validation);
	tcase_add_test(t, form_schema_validator);
	tcase_add_test(t, form_choices);
	tcase_add_test(t, dates);
	tcase_add_test(t, confirm);
	tcase_add_test(t, picker);
	tcase_add_test(t, script_parse);
	suite_add_tcase(s, t);
	r = srunner_create(s);
	srunner_run_all(r, CK_NORMAL);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
