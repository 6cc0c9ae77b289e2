/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The People screen: everyone the workshop knows, a search that narrows
 * the list as one types, the person card, the add and edit forms, taking
 * a person off the list. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/attendance.h"
#include "cambouis/i18n.h"
#include "cambouis/people.h"
#include "cambouis/schema.h"
#include "cambouis/text.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/listview.h"
#include "ui/ppldraw.h"

enum mode { P_LIST, P_CARD, P_FORM };

struct people {
	bool loaded;             /* the list is read when first shown */
	struct cb_person_rows rows;
	struct cb_name_list cats;
	struct ui_listview lv;   /* the list, its search (a filter), sort, questions */
	enum mode mode;
	struct ui_lines card;
	size_t card_top;
	struct cb_id card_id;
	bool card_from_list;
	struct ui_person_form pf;
	struct cb_id confirm_id;
};

static const struct ui_column columns[] = {
	{N_("Name"), 12, 4, UI_ALIGN_LEFT, false},
	{N_("Roles"), 8, 3, UI_ALIGN_LEFT, false},
	{N_("Category"), 8, 3, UI_ALIGN_LEFT, false},
	{N_("Sessions"), 8, 0, UI_ALIGN_RIGHT, true},
	{N_("Last seen"), 10, 0, UI_ALIGN_LEFT, false},
};
#define NCOLS (sizeof columns / sizeof columns[0])

/* The list takes the area but its last row (the count or the prompt). */
static int
list_height(struct ui_app *app)
{
	struct ui_rect a = ui_app_area(app);

	return a.h - 2 > 1 ? a.h - 2 : 1;
}

static void
load(struct people *p, struct ui_app *app)
{
	cb_status st;

	cb_person_rows_free(&p->rows);
	memset(&p->rows, 0, sizeof p->rows);
	p->loaded = true;
	st = cb_person_list(ui_app_db(app), ui_app_config(app), CB_ROLE_NONE, ui_app_today(app),
			    &p->rows);
	if (st != CB_OK) {
		memset(&p->rows, 0, sizeof p->rows);
		ui_app_error(app, _("Cannot read the people: %s"), cb_status_message(st));
	}
	ui_list_begin(&p->lv.list);
	for (size_t i = 0; i < p->rows.count; i++) {
		const struct cb_person_row *r = &p->rows.items[i];
		char key[CB_ID_HEX_LEN + 1], roles[120], n[24];
		long long nums[NCOLS] = {0, 0, 0, r->sessions, 0};
		const char *cells[NCOLS] = {r->name, roles, cb_name_list_label(&p->cats, r->category),
					    n, r->last_seen};
		cb_id_to_hex(&r->id, key);
		ui_roles_text(r->roles, roles, sizeof roles);
		snprintf(n, sizeof n, "%d", r->sessions);
		if (!ui_list_add(&p->lv.list, key, cells, nums)) {
			ui_app_error(app, "%s", cb_status_message(CB_NOMEM));
			break;
		}
	}
	ui_list_end(&p->lv.list);
	p->lv.list.top = ui_list_top(&p->lv.list, list_height(app));
}

static void
ensure_loaded(struct people *p, struct ui_app *app)
{
	if (!p->loaded)
		load(p, app);
}

static void *
people_open(struct ui_app *app)
{
	struct people *p = calloc(1, sizeof *p);

	if (!p)
		return NULL;
	if (!ui_listview_init(&p->lv, columns, NCOLS, UI_LV_SEARCH_FILTER,
			      N_("Nobody matches “%s”.")) ||
	    cb_categories(ui_app_config(app), &p->cats) != CB_OK) {
		ui_listview_free(&p->lv);
		free(p);
		return NULL;
	}
	return p;
}

static void
people_close(void *st)
{
	struct people *p = st;

	if (p->mode == P_FORM)
		ui_person_form_free(&p->pf);
	ui_lines_free(&p->card);
	cb_person_rows_free(&p->rows);
	cb_name_list_free(&p->cats);
	ui_listview_free(&p->lv);
	free(p);
}

/* Another screen changed the database: read again when next shown. */
static void
people_reload(void *st, struct ui_app *app)
{
	struct people *p = st;

	(void)app;
	p->loaded = false;
}

static bool
selected_id(const struct people *p, struct cb_id *id)
{
	const char *key = ui_list_selected_key(&p->lv.list);

	return key && cb_id_from_hex(key, id) == CB_OK;
}

/* --- the card ------------------------------------------------------------- */

static void
open_card(struct people *p, struct ui_app *app, const struct cb_id *id)
{
	cb_status st;

	ui_lines_free(&p->card);
	st = ui_person_card(ui_app_db(app), ui_app_config(app), id, ui_app_today(app), &p->card);
	if (st != CB_OK) {
		ui_app_error(app, _("Cannot read the person: %s"), cb_status_message(st));
		p->mode = P_LIST;
		return;
	}
	p->card_id = *id;
	p->card_top = 0;
	p->mode = P_CARD;
}

static unsigned
card_key(struct people *p, struct ui_app *app, enum ui_action a)
{
	size_t page = (size_t)list_height(app), max = p->card.count > page ? p->card.count - page : 0;

	switch (a) {
	case UI_A_UP: p->card_top -= p->card_top > 0; break;
	case UI_A_DOWN: p->card_top += p->card_top < max; break;
	case UI_A_PAGE_UP: p->card_top = p->card_top > page ? p->card_top - page : 0; break;
	case UI_A_PAGE_DOWN: p->card_top = p->card_top + page < max ? p->card_top + page : max; break;
	case UI_A_FIRST: p->card_top = 0; break;
	case UI_A_LAST: p->card_top = max; break;
	case UI_A_BACK:
		ui_lines_free(&p->card);
		p->mode = P_LIST;
		break;
	case UI_A_UNDO:
		return UI_R_UNHANDLED; /* the app's; show() opens the card again */
	case UI_A_EDIT: {
		struct cb_person x;
		if (cb_person_get(ui_app_db(app), &p->card_id, &x) != CB_OK)
			break;
		if (ui_person_form_edit(&p->pf, ui_app_config(app), &x, ui_app_now(app)))
			p->mode = P_FORM;
		cb_person_clear(&x);
		break;
	}
	default:
		return UI_R_UNHANDLED;
	}
	return UI_R_DONE;
}

/* --- the forms ------------------------------------------------------------- */

static void
open_form(struct people *p, struct ui_app *app, bool edit)
{
	struct cb_person x;
	struct cb_id id;
	bool ok;

	if (!edit) {
		ok = ui_person_form_new(&p->pf, ui_app_config(app), ui_app_now(app));
	} else {
		if (!selected_id(p, &id)) {
			ui_app_error(app, "%s", _("Nobody is selected."));
			return;
		}
		if (cb_person_get(ui_app_db(app), &id, &x) != CB_OK) {
			ui_app_error(app, "%s", _("Nobody is selected."));
			return;
		}
		ok = ui_person_form_edit(&p->pf, ui_app_config(app), &x, ui_app_now(app));
		cb_person_clear(&x);
	}
	if (!ok) {
		ui_app_error(app, "%s", cb_status_message(CB_NOMEM));
		return;
	}
	ui_lines_free(&p->card);
	p->mode = P_FORM;
}

static unsigned
save_form(struct people *p, struct ui_app *app)
{
	struct cb_id id;
	struct cb_person before;
	bool editing = p->pf.editing, have_before = false;
	char key[CB_ID_HEX_LEN + 1], *name;
	cb_status st;

	/* the name undo speaks of */
	if (editing)
		have_before = cb_person_get(ui_app_db(app), &p->pf.id, &before) == CB_OK;
	st = ui_person_form_save(&p->pf, ui_app_db(app), ui_app_config(app), ui_app_today(app),
				 &id, NULL);
	if (st == CB_OK && have_before)
		ui_app_undo_note(app, _("Undone: %s is as before the edit."), before.name);
	if (have_before)
		cb_person_clear(&before);
	if (st == CB_INVALID)
		return UI_R_DONE;
	if (st != CB_OK) {
		ui_app_error(app, _("Not saved: %s"), cb_status_message(st));
		return UI_R_DONE;
	}
	name = strdup(ui_form_text(&p->pf.form, editing ? UI_PE_NAME : UI_PF_NAME));
	if (!editing)
		ui_app_undo_note(app, _("Undone: %s is off the list again."), name ? name : "?");
	ui_person_form_free(&p->pf);
	p->mode = P_LIST;
	if (editing)
		ui_app_message(app, _("%s saved."), name ? name : "?");
	else
		ui_app_message(app, _("%s added."), name ? name : "?");
	free(name);
	load(p, app);
	cb_id_to_hex(&id, key);
	if (!ui_list_select_key(&p->lv.list, key) && p->lv.filter) {
		/* the new name may not pass the filter: show everything */
		free(p->lv.filter);
		p->lv.filter = NULL;
		ui_list_set_filter(&p->lv.list, NULL);
		ui_list_select_key(&p->lv.list, key);
	}
	p->lv.list.top = ui_list_top(&p->lv.list, list_height(app));
	if (editing)
		open_card(p, app, &id);
	return UI_R_DATA;
}

static unsigned
form_key(struct people *p, struct ui_app *app, enum ui_action a, int key)
{
	switch (ui_form_handle(&p->pf.form, a, key)) {
	case UI_FORM_SUBMIT:
		return save_form(p, app);
	case UI_FORM_CANCEL:
		ui_person_form_free(&p->pf);
		p->mode = p->card.count ? P_CARD : P_LIST;
		ui_app_message(app, "%s", _("Nothing changed."));
		return UI_R_DONE;
	default:
		return UI_R_DONE;
	}
}

/* --- taking someone off the list ---------------------------------- */

static unsigned
remove_answer(void *st, struct ui_app *app, bool yes)
{
	struct people *p = st;
	struct cb_person x;
	cb_status s;

	if (!yes) {
		ui_app_message(app, "%s", _("Nothing changed."));
		return UI_R_DONE;
	}
	if ((s = cb_person_get(ui_app_db(app), &p->confirm_id, &x)) == CB_OK) {
		if ((s = cb_person_remove(ui_app_db(app), &p->confirm_id)) == CB_OK) {
			ui_app_message(app, _("%s is off the list."), x.name);
			ui_app_undo_note(app, _("Undone: %s is back on the list."), x.name);
		}
		cb_person_clear(&x);
	}
	if (s != CB_OK) {
		ui_app_error(app, _("Not removed: %s"), cb_status_message(s));
		return UI_R_DONE;
	}
	load(p, app);
	return UI_R_DATA;
}

static void
ask_remove(struct people *p, struct ui_app *app)
{
	char q[300];

	if (!selected_id(p, &p->confirm_id)) {
		ui_app_error(app, "%s", _("Nobody is selected."));
		return;
	}
	snprintf(q, sizeof q, _("Take %s off the list? Their history stays; undo brings them back."),
		 ui_list_cell(&p->lv.list, p->lv.list.sel, 0));
	ui_listview_ask(&p->lv, q, remove_answer, p);
}

/* --- the screen --------------------------------------------------------------- */

static unsigned
people_handle(void *st, struct ui_app *app, enum ui_action a, int key)
{
	struct people *p = st;
	struct cb_id id;
	unsigned r;

	ensure_loaded(p, app);
	switch (p->mode) {
	case P_FORM: return form_key(p, app, a, key);
	case P_CARD: return card_key(p, app, a);
	case P_LIST: break;
	}
	if ((r = ui_listview_handle(&p->lv, app, a, key, list_height(app))) != UI_R_UNHANDLED)
		return r;
	switch (a) {
	case UI_A_ADD: open_form(p, app, false); break;
	case UI_A_EDIT: open_form(p, app, true); break;
	case UI_A_DELETE: ask_remove(p, app); break;
	case UI_A_OPEN:
		if (selected_id(p, &id))
			open_card(p, app, &id);
		else
			ui_app_error(app, "%s", _("Nobody is selected."));
		break;
	default:
		return UI_R_UNHANDLED;
	}
	return UI_R_DONE;
}

static bool
people_text_input(void *st)
{
	struct people *p = st;

	return p->mode == P_FORM || (p->mode == P_LIST && ui_listview_busy(&p->lv));
}

static size_t
people_hints(void *st, enum ui_action *out, size_t max)
{
	static const enum ui_action list[] = {UI_A_OPEN, UI_A_SEARCH, UI_A_ADD, UI_A_EDIT,
					      UI_A_DELETE, UI_A_UNDO};
	static const enum ui_action card[] = {UI_A_EDIT, UI_A_UNDO, UI_A_DOWN, UI_A_PAGE_DOWN,
					      UI_A_BACK};
	static const enum ui_action form[] = {UI_A_FIELD_NEXT, UI_A_SAVE, UI_A_CANCEL};
	struct people *p = st;
	const enum ui_action *src = p->mode == P_LIST ? list : p->mode == P_CARD ? card : form;
	size_t n = p->mode == P_LIST ? 6 : p->mode == P_CARD ? 5 : 3;

	if (p->mode == P_LIST && ui_listview_busy(&p->lv))
		return ui_listview_hints(&p->lv, out, max);
	if (n > max)
		n = max;
	memcpy(out, src, n * sizeof *out);
	return n;
}

static void
people_draw(void *st, struct ui_app *app, const struct ui_rect *area)
{
	struct people *p = st;
	const char *titles[NCOLS];
	struct ui_rect lr = *area;
	char line[400], keys[64], empty[200];

	ensure_loaded(p, app);
	if (p->mode == P_CARD || (p->mode == P_FORM && p->card.count)) {
		struct ui_rect cr = {area->y + 1, area->x + 2, area->h - 1, area->w - 4};
		ui_draw_lines(&p->card, p->card_top, &cr);
		if (p->card.count > (size_t)cr.h) {
			snprintf(line, sizeof line, "%zu–%zu/%zu", p->card_top + 1,
				 p->card_top + (size_t)cr.h < p->card.count ? p->card_top + (size_t)cr.h
									    : p->card.count,
				 p->card.count);
			ui_draw_str(area->y, area->x + area->w - cb_utf8_width(line) - 1,
				    cb_utf8_width(line), line, UI_ROLE_DIM);
		}
		if (p->mode == P_FORM)
			ui_draw_form(&p->pf.form, area, ui_app_keymap(app));
		return;
	}
	for (size_t i = 0; i < NCOLS; i++)
		titles[i] = _(columns[i].title);
	lr.h = area->h - 1;
	ui_draw_keys_of(ui_app_keymap(app), ui_app_scope(app), UI_A_ADD, keys, sizeof keys);
	snprintf(empty, sizeof empty, p->rows.count ? _("Nobody matches.")
			: _("Nobody yet: press %s to add the first person."), keys);
	ui_draw_list(&p->lv.list, &lr, titles, empty);
	if (p->lv.mode != UI_LV_SEARCHING) {
		ui_draw_keys_of(ui_app_keymap(app), ui_app_scope(app), UI_A_BACK, keys, sizeof keys);
		if (p->lv.filter)
			snprintf(line, sizeof line,
				 ngettext_("%zu of %zu people match “%s” (%s: show all)",
					   "%zu of %zu people match “%s” (%s: show all)",
					   ui_list_count(&p->lv.list)),
				 ui_list_count(&p->lv.list), p->rows.count, p->lv.filter, keys);
		else
			snprintf(line, sizeof line, ngettext_("%zu person", "%'zu people", p->rows.count),
				 p->rows.count);
		ui_draw_text(area->y + area->h - 1, area->x + 1, area->w - 2, line, UI_ROLE_DIM);
	}
	if (p->mode == P_FORM)
		ui_draw_form(&p->pf.form, area, ui_app_keymap(app));
	else
		ui_listview_draw(&p->lv, area);
}

/* A person: selected in the list, their card opened (or read again). */
static bool
people_show(void *st, struct ui_app *app, const struct ui_target *t)
{
	struct people *p = st;
	char key[CB_ID_HEX_LEN + 1];
	bool found;

	if (t->kind != UI_TARGET_ROW || t->table != CB_T_PERSON)
		return false;
	ensure_loaded(p, app);
	cb_id_to_hex(&t->row, key);
	found = ui_listview_select(&p->lv, key, list_height(app));
	if (t->open || (p->mode == P_CARD && cb_id_cmp(&p->card_id, &t->row) == 0))
		open_card(p, app, &t->row);
	return found;
}

const struct ui_screen_ops ui_people_ops = {
	.name = "people",
	.title = N_("People"),
	.open = people_open,
	.draw = people_draw,
	.handle = people_handle,
	.text_input = people_text_input,
	.hints = people_hints,
	.reload = people_reload,
	.close = people_close,
	.show = people_show,
};
