/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Venues screen: the places the workshop meets. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/calendar.h"
#include "cambouis/i18n.h"
#include "cambouis/schema.h"
#include "cambouis/text.h"
#include "cambouis/venue.h"
#include "ui/calview.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/listview.h"

enum mode { M_LIST, M_FORM, M_PICKER, M_CLOSURES };

/* The fields of the venue form, in order. */
enum { F_NAME, F_ADDRESS, F_COMMUNE, F_CAPACITY, F_NOTES };
/* The fields of the closure form. */
enum { C_FROM, C_TO, C_REASON };
/* Closure lines in the detail pane. */
#define DETAIL_CLOSURES 2

struct venues {
	struct ui_listview lv;  /* the list, its movement, search, sort, questions */
	struct cb_venue_list venues;
	enum mode mode;
	struct ui_form form;
	bool closure_form;     /* the form is a closure's */
	struct cb_closure_list closures; /* of every venue */
	struct cb_id *picked;  /* M_CLOSURES: the closures offered, in order */
	bool editing;          /* the form edits (else adds) */
	struct cb_id edit_id;
	struct cb_id confirm_id;
	struct ui_picker picker;
};

static const struct ui_column columns[] = {
	{N_("Name"), 12, 5, UI_ALIGN_LEFT, false},
	{N_("Commune"), 10, 3, UI_ALIGN_LEFT, false},
	{N_("Capacity"), 8, 0, UI_ALIGN_RIGHT, true},
};

static const struct cb_venue *
selected(const struct venues *v)
{
	const char *key = ui_list_selected_key(&v->lv.list);
	char k[CB_ID_HEX_LEN + 1];

	for (size_t i = 0; key && i < v->venues.count; i++) {
		cb_id_to_hex(&v->venues.items[i].id, k);
		if (strcmp(k, key) == 0)
			return &v->venues.items[i];
	}
	return NULL;
}

/* Capacity in the user's locale ("1 200" in French). */
static void
capacity_text(long long cap, char *buf, size_t len)
{
	if (cap < 0)
		snprintf(buf, len, "—");
	else
		snprintf(buf, len, "%'lld", cap);
}

static int
list_height(struct ui_app *app)
{
	struct ui_rect a = ui_app_area(app);
	int h = a.h - 1 - (a.h >= 12 ? 4 + DETAIL_CLOSURES : 0);
	return h > 1 ? h : 1;
}

static bool
load(struct venues *v, struct ui_app *app)
{
	cb_status st;

	cb_venue_list_free(&v->venues);
	if ((st = cb_venue_list(ui_app_db(app), &v->venues)) != CB_OK) {
		ui_app_error(app, _("Cannot read the venues: %s"), cb_status_message(st));
		return false;
	}
	cb_closure_list_free(&v->closures);
	memset(&v->closures, 0, sizeof v->closures);
	if ((st = cb_venue_closures(ui_app_db(app), NULL, &v->closures)) != CB_OK)
		ui_app_error(app, _("Cannot read the closures: %s"), cb_status_message(st));
	ui_list_begin(&v->lv.list);
	for (size_t i = 0; i < v->venues.count; i++) {
		const struct cb_venue *x = &v->venues.items[i];
		char key[CB_ID_HEX_LEN + 1], cap[32];
		long long nums[3] = {0, 0, x->capacity};
		capacity_text(x->capacity, cap, sizeof cap);
		const char *cells[3] = {x->name, x->commune, cap};
		cb_id_to_hex(&x->id, key);
		if (!ui_list_add(&v->lv.list, key, cells, nums)) {
			ui_app_error(app, "%s", cb_status_message(CB_NOMEM));
			break;
		}
	}
	ui_list_end(&v->lv.list);
	v->lv.list.top = ui_list_top(&v->lv.list, list_height(app));
	return true;
}

static void *
venues_open(struct ui_app *app)
{
	struct venues *v = calloc(1, sizeof *v);

	if (!v)
		return NULL;
	if (!ui_listview_init(&v->lv, columns, sizeof columns / sizeof columns[0],
			      UI_LV_SEARCH_JUMP, N_("No venue matches “%s”."))) {
		ui_listview_free(&v->lv);
		free(v);
		return NULL;
	}
	load(v, app);
	return v;
}

static void
close_dialogs(struct venues *v)
{
	if (v->mode == M_FORM || v->mode == M_PICKER)
		ui_form_free(&v->form);
	if (v->mode == M_PICKER || v->mode == M_CLOSURES)
		ui_picker_free(&v->picker);
	free(v->picked);
	v->picked = NULL;
	v->closure_form = false;
	v->mode = M_LIST;
}

static void
venues_close(void *st)
{
	struct venues *v = st;

	close_dialogs(v);
	ui_listview_free(&v->lv);
	cb_venue_list_free(&v->venues);
	cb_closure_list_free(&v->closures);
	free(v);
}

static void
venues_reload(void *st, struct ui_app *app)
{
	load(st, app);
}

/* --- the form ----------------------------------------------------------- */

static void
open_form(struct venues *v, struct ui_app *app, const struct cb_venue *x)
{
	const char **communes = calloc(v->venues.count + 1, sizeof *communes);
	size_t nc = 0;
	bool ok;

	v->editing = x != NULL;
	if (x)
		v->edit_id = x->id;
	ok = ui_form_init(&v->form, x ? _("Edit the venue") : _("New venue"), ui_app_now(app)) &&
	     ui_form_add_text(&v->form, _("Name"), x ? x->name : "", true, CB_VENUE_NAME_MAX) >= 0 &&
	     ui_form_add_text(&v->form, _("Address"), x ? x->address : "", false, CB_VENUE_TEXT_MAX) >= 0 &&
	     ui_form_add_text(&v->form, _("Commune"), x ? x->commune : "", false, CB_VENUE_TEXT_MAX) >= 0 &&
	     ui_form_add_number(&v->form, _("Capacity"), x ? x->capacity : -1, 0,
				CB_VENUE_CAPACITY_MAX, false) >= 0 &&
	     ui_form_add_text(&v->form, _("Notes"), x ? x->notes : "", false, CB_VENUE_NOTES_MAX) >= 0;
	if (ok) {
		static const int fields[] = {CB_F_VENUE_NAME, CB_F_VENUE_ADDRESS, CB_F_VENUE_COMMUNE,
					     CB_F_VENUE_CAPACITY, CB_F_VENUE_NOTES};
		ui_form_bind(&v->form, CB_T_VENUE, fields, sizeof fields / sizeof fields[0]);
	}
	/* the communes already used, so one town is spelt one way */
	for (size_t i = 0; ok && communes && i < v->venues.count; i++) {
		const char *c = v->venues.items[i].commune;
		bool seen = !*c;
		for (size_t j = 0; j < nc && !seen; j++)
			seen = cb_text_equal_nocase(communes[j], c);
		if (!seen)
			communes[nc++] = c;
	}
	if (ok && nc)
		ok = ui_form_suggest(&v->form, F_COMMUNE, communes, nc);
	free(communes);
	if (!ok) {
		ui_form_free(&v->form);
		ui_app_error(app, "%s", cb_status_message(CB_NOMEM));
		return;
	}
	v->mode = M_FORM;
}

static size_t
field_of(int bad_field)
{
	switch (bad_field) {
	case CB_F_VENUE_ADDRESS: return F_ADDRESS;
	case CB_F_VENUE_COMMUNE: return F_COMMUNE;
	case CB_F_VENUE_CAPACITY: return F_CAPACITY;
	case CB_F_VENUE_NOTES: return F_NOTES;
	default: return F_NAME;
	}
}

static const char *
field_message(cb_status st, size_t field)
{
	switch (st) {
	case CB_EXISTS: return _("another venue already has this name");
	case CB_TOO_LONG: return _("too long");
	case CB_INVALID: return field == F_NAME ? _("a name is required") : _("not allowed here");
	default: return cb_status_message(st);
	}
}

static unsigned
save_form(struct venues *v, struct ui_app *app)
{
	struct cb_venue_input in;
	struct cb_id id;
	long long cap;
	int bad = 0;
	cb_status st;
	char key[CB_ID_HEX_LEN + 1];

	memset(&in, 0, sizeof in);
	in.name = ui_form_text(&v->form, F_NAME);
	in.address = ui_form_text(&v->form, F_ADDRESS);
	in.commune = ui_form_text(&v->form, F_COMMUNE);
	in.notes = ui_form_text(&v->form, F_NOTES);
	in.set_capacity = true;
	in.capacity = ui_form_number(&v->form, F_CAPACITY, &cap) ? cap : -1;
	if (v->editing) {
		id = v->edit_id;
		st = cb_venue_edit(ui_app_db(app), &id, &in, &bad);
	} else {
		st = cb_venue_add(ui_app_db(app), &in, &id, &bad);
	}
	if (st != CB_OK) {
		if (bad) {
			ui_form_set_error(&v->form, field_of(bad), field_message(st, field_of(bad)));
		} else {
			ui_app_error(app, _("Not saved: %s"), cb_status_message(st));
		}
		return UI_R_DONE;
	}
	ui_app_undo_note(app, "%s", v->editing ? _("Undone: the venue has its old values.")
				    : _("Undone: the venue is removed again."));
	if (v->editing)
		ui_app_message(app, _("Venue “%s” saved."), in.name);
	else
		ui_app_message(app, _("Venue “%s” added."), in.name);
	close_dialogs(v);
	load(v, app);
	cb_id_to_hex(&id, key);
	ui_listview_select(&v->lv, key, list_height(app));
	return UI_R_DATA;
}

static unsigned save_closure(struct venues *v, struct ui_app *app);

static unsigned
form_key(struct venues *v, struct ui_app *app, enum ui_action a, int key)
{
	switch (ui_form_handle(&v->form, a, key)) {
	case UI_FORM_SUBMIT:
		return v->closure_form ? save_closure(v, app) : save_form(v, app);
	case UI_FORM_CANCEL:
		close_dialogs(v);
		ui_app_message(app, "%s", _("Nothing changed."));
		return UI_R_DONE;
	case UI_FORM_CHOOSE: {
		const struct ui_field *f = &v->form.fields[v->form.cur];
		if (ui_picker_init(&v->picker, f->label, (const char *const *)f->suggestions,
				   f->nsuggestions))
			v->mode = M_PICKER;
		return UI_R_DONE;
	}
	default:
		return UI_R_DONE;
	}
}

static unsigned
picker_key(struct venues *v, struct ui_app *app, enum ui_action a, int key)
{
	struct ui_rect area = ui_app_area(app);

	switch (ui_picker_handle(&v->picker, a, key, ui_picker_height(&v->picker, &area))) {
	case UI_PICK_CHOSEN:
		ui_form_set_text(&v->form, v->form.cur, ui_picker_choice(&v->picker));
		/* fall through */
	case UI_PICK_CANCEL:
		ui_picker_free(&v->picker);
		v->mode = M_FORM;
		break;
	default:
		break;
	}
	return UI_R_DONE;
}

/* --- unavailability periods --------------------------------------------- */

/* "Fri 27 Mar 2026 – Thu 16 Apr 2026: roof works" */
static void
closure_text(const struct cb_closure *k, char *buf, size_t len)
{
	char from[64], to[64];
	int32_t d;

	if (cb_date_parse(k->from, &d) == CB_OK)
		ui_day_long(d, from, sizeof from);
	else
		snprintf(from, sizeof from, "%s", k->from);
	if (!*k->to)
		snprintf(to, sizeof to, "%s", _("until further notice"));
	else if (cb_date_parse(k->to, &d) == CB_OK)
		ui_day_long(d, to, sizeof to);
	else
		snprintf(to, sizeof to, "%s", k->to);
	snprintf(buf, len, "%s – %s%s%s", from, to, *k->reason ? ": " : "", k->reason);
	for (char *p = buf; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
}

static void
open_closure_form(struct venues *v, struct ui_app *app)
{
	const struct cb_venue *x = selected(v);
	char title[300], today[CB_DATE_LEN + 1];

	if (!x) {
		ui_app_error(app, "%s", _("No venue selected."));
		return;
	}
	cb_date_format(ui_app_today(app), today);
	snprintf(title, sizeof title, _("“%s” is unavailable"), x->name);
	if (!ui_form_init(&v->form, title, ui_app_now(app)) ||
	    ui_form_add_date(&v->form, _("From"), today, true) < 0 ||
	    ui_form_add_date(&v->form, _("To (optional)"), "", false) < 0 ||
	    ui_form_add_text(&v->form, _("Reason"), "", false, CB_CLOSURE_REASON_MAX) < 0) {
		ui_form_free(&v->form);
		ui_app_error(app, "%s", cb_status_message(CB_NOMEM));
		return;
	}
	{
		static const int fields[] = {CB_F_CLOSURE_FROM, CB_F_CLOSURE_TO, CB_F_CLOSURE_REASON};
		ui_form_bind(&v->form, CB_T_VENUE_CLOSURE, fields, 3);
	}
	v->edit_id = x->id;
	v->closure_form = true;
	v->mode = M_FORM;
}

static unsigned
save_closure(struct venues *v, struct ui_app *app)
{
	const char *from = ui_form_text(&v->form, C_FROM), *to = ui_form_text(&v->form, C_TO);
	struct cb_id id;
	char keys[64];
	cb_status st;

	if (*to && strcmp(to, from) < 0) {
		ui_form_set_error(&v->form, C_TO, _("must not be before the first day"));
		return UI_R_DONE;
	}
	st = cb_venue_close(ui_app_db(app), &v->edit_id, from, *to ? to : NULL,
			    ui_form_text(&v->form, C_REASON), &id);
	if (st != CB_OK) {
		ui_app_error(app, _("Not saved: %s"), cb_status_message(st));
		return UI_R_DONE;
	}
	ui_app_undo_note(app, "%s", _("Undone: the period is removed again."));
	close_dialogs(v);
	load(v, app);
	ui_draw_keys_of(ui_app_keymap(app), ui_app_scope(app), UI_A_UNDO, keys, sizeof keys);
	ui_app_message(app, _("Unavailability period added (%s: undo)."),
		       keys);
	return UI_R_DATA;
}

static void
ask_reopen(struct venues *v, struct ui_app *app)
{
	const struct cb_venue *x = selected(v);
	char **items, title[300];
	size_t n = 0;

	if (!x) {
		ui_app_error(app, "%s", _("No venue selected."));
		return;
	}
	items = calloc(v->closures.count + 1, sizeof *items);
	v->picked = calloc(v->closures.count + 1, sizeof *v->picked);
	if (!items || !v->picked) {
		free(items);
		free(v->picked);
		v->picked = NULL;
		return;
	}
	for (size_t i = 0; i < v->closures.count; i++) {
		char line[800];
		if (cb_id_cmp(&v->closures.items[i].venue, &x->id) != 0)
			continue;
		closure_text(&v->closures.items[i], line, sizeof line);
		/* the picker's rows are keyed by their index: keep the order */
		v->picked[n] = v->closures.items[i].id;
		items[n++] = strdup(line);
	}
	if (n == 0) {
		ui_app_error(app, _("“%s” has no unavailability period."), x->name);
		free(items);
		free(v->picked);
		v->picked = NULL;
		return;
	}
	snprintf(title, sizeof title, _("Remove a period of “%s”"), x->name);
	if (ui_picker_init(&v->picker, title, (const char *const *)items, n))
		v->mode = M_CLOSURES;
	for (size_t i = 0; i < n; i++)
		free(items[i]);
	free(items);
}

static unsigned
closures_key(struct venues *v, struct ui_app *app, enum ui_action a, int key)
{
	struct ui_rect area = ui_app_area(app);
	const char *k;
	struct cb_id id;
	char keys[64];
	cb_status st;

	switch (ui_picker_handle(&v->picker, a, key, ui_picker_height(&v->picker, &area))) {
	case UI_PICK_CANCEL:
		close_dialogs(v);
		ui_app_message(app, "%s", _("Nothing changed."));
		return UI_R_DONE;
	case UI_PICK_CHOSEN:
		break;
	default:
		return UI_R_DONE;
	}
	k = ui_list_selected_key(&v->picker.list);
	id = v->picked[k ? strtoul(k, NULL, 10) : 0];
	close_dialogs(v);
	for (size_t i = 0; i < v->closures.count; i++) {
		const struct cb_closure *c = &v->closures.items[i];
		if (cb_id_cmp(&c->id, &id) != 0)
			continue;
		if ((st = cb_venue_closure_remove(ui_app_db(app), &id)) != CB_OK) {
			ui_app_error(app, _("Not removed: %s"), cb_status_message(st));
			return UI_R_DONE;
		}
		ui_app_undo_note(app, "%s", _("Undone: the period is back."));
		break;
	}
	load(v, app);
	ui_draw_keys_of(ui_app_keymap(app), ui_app_scope(app), UI_A_UNDO, keys, sizeof keys);
	ui_app_message(app, _("Unavailability period removed (%s: undo)."), keys);
	return UI_R_DATA;
}

/* --- delete ------------------------------------------------------------ */

static unsigned
delete_answer(void *st, struct ui_app *app, bool yes)
{
	struct venues *v = st;
	struct cb_venue x;
	cb_status s;
	char keys[64];

	if (!yes) {
		ui_app_message(app, "%s", _("Nothing deleted."));
		return UI_R_DONE;
	}
	if ((s = cb_venue_get(ui_app_db(app), &v->confirm_id, &x)) != CB_OK) {
		ui_app_error(app, _("Not deleted: %s"), cb_status_message(s));
		return UI_R_DONE;
	}
	if ((s = cb_venue_remove(ui_app_db(app), &v->confirm_id)) == CB_OK) {
		ui_draw_keys_of(ui_app_keymap(app), ui_app_scope(app), UI_A_UNDO, keys, sizeof keys);
		ui_app_message(app, _("Venue “%s” deleted (%s: undo)."), x.name, keys);
		ui_app_undo_note(app, "%s", _("Undone: the venue is back."));
	} else {
		ui_app_error(app, _("Not deleted: %s"), cb_status_message(s));
	}
	cb_venue_clear(&x);
	load(v, app);
	return s == CB_OK ? UI_R_DATA : UI_R_DONE;
}

static void
ask_delete(struct venues *v, struct ui_app *app)
{
	const struct cb_venue *x = selected(v);
	char q[400];

	if (!x) {
		ui_app_error(app, "%s", _("No venue selected."));
		return;
	}
	snprintf(q, sizeof q, _("Delete the venue “%s”?"), x->name);
	v->confirm_id = x->id;
	ui_listview_ask(&v->lv, q, delete_answer, v);
}

/* --- the screen --------------------------------------------------------- */

static unsigned
venues_handle(void *st, struct ui_app *app, enum ui_action a, int key)
{
	struct venues *v = st;
	const struct cb_venue *x;
	unsigned r;

	switch (v->mode) {
	case M_FORM: return form_key(v, app, a, key);
	case M_PICKER: return picker_key(v, app, a, key);
	case M_CLOSURES: return closures_key(v, app, a, key);
	case M_LIST: break;
	}
	if ((r = ui_listview_handle(&v->lv, app, a, key, list_height(app))) != UI_R_UNHANDLED)
		return r;
	switch (a) {
	case UI_A_ADD: open_form(v, app, NULL); break;
	case UI_A_OPEN:
	case UI_A_EDIT:
		if ((x = selected(v)))
			open_form(v, app, x);
		else
			ui_app_error(app, "%s", _("No venue selected."));
		break;
	case UI_A_DELETE: ask_delete(v, app); break;
	case UI_A_ADD_CLOSURE: open_closure_form(v, app); break;
	case UI_A_REMOVE_CLOSURE: ask_reopen(v, app); break;
	default: return UI_R_UNHANDLED;
	}
	return UI_R_DONE;
}

static bool
venues_text_input(void *st)
{
	struct venues *v = st;

	return v->mode != M_LIST || ui_listview_busy(&v->lv);
}

static size_t
venues_hints(void *st, enum ui_action *out, size_t max)
{
	static const enum ui_action list[] = {UI_A_ADD, UI_A_EDIT, UI_A_DELETE, UI_A_UNDO,
					      UI_A_SEARCH, UI_A_SORT, UI_A_ADD_CLOSURE};
	static const enum ui_action form[] = {UI_A_FIELD_NEXT, UI_A_SAVE, UI_A_CANCEL};
	static const enum ui_action prompt[] = {UI_A_ACCEPT, UI_A_CANCEL};
	struct venues *v = st;
	const enum ui_action *src = v->mode == M_FORM ? form : v->mode == M_LIST ? list : prompt;
	size_t n = v->mode == M_FORM ? 3 : v->mode == M_LIST ? 7 : 2;

	if (v->mode == M_LIST && ui_listview_busy(&v->lv))
		return ui_listview_hints(&v->lv, out, max);
	if (n > max)
		n = max;
	memcpy(out, src, n * sizeof *out);
	return n;
}

static void
draw_detail(const struct venues *v, const struct ui_rect *r)
{
	const struct cb_venue *x = selected(v);
	const char *labels[] = {_("Address"), _("Notes"), _("Closed")};
	char line[2600];
	int lw = 0;
	size_t shown = 0, more = 0;

	ui_draw_text(r->y, r->x, r->w, "", UI_ROLE_NORMAL);
	for (int i = 0; i < r->w; i++)
		ui_draw_str(r->y, r->x + i, 1, "─", UI_ROLE_BORDER);
	if (!x)
		return;
	ui_draw_str(r->y, r->x + 2, 1, " ", UI_ROLE_NORMAL);
	ui_draw_str(r->y, r->x + 4 + ui_draw_str(r->y, r->x + 3, r->w - 6, x->name, UI_ROLE_TITLE) - 1,
		    1, " ", UI_ROLE_NORMAL);
	for (size_t i = 0; i < 3; i++)
		if (cb_utf8_width(labels[i]) > lw)
			lw = cb_utf8_width(labels[i]);
	for (int i = 0; i < 3; i++) {
		char *l = ui_text_cell(labels[i], lw, UI_ALIGN_RIGHT);
		if (l) {
			ui_draw_str(r->y + 1 + i, r->x + 1, lw, l, UI_ROLE_DIM);
			free(l);
		}
	}
	snprintf(line, sizeof line, "%s%s%s", x->address, *x->address && *x->commune ? ", " : "",
		 x->commune);
	ui_draw_text(r->y + 1, r->x + lw + 3, r->w - lw - 4, *line ? line : "—", UI_ROLE_NORMAL);
	snprintf(line, sizeof line, "%s", *x->notes ? x->notes : "—");
	for (char *p = line; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	ui_draw_text(r->y + 2, r->x + lw + 3, r->w - lw - 4, line, UI_ROLE_NORMAL);
	/* the unavailability periods, a line each; the last line says how
	 * many more there are when they do not all fit */
	for (size_t i = 0; i < v->closures.count; i++) {
		const struct cb_closure *k = &v->closures.items[i];
		if (cb_id_cmp(&k->venue, &x->id) != 0)
			continue;
		if (shown < DETAIL_CLOSURES) {
			closure_text(k, line, sizeof line);
			ui_draw_text(r->y + 3 + (int)shown, r->x + lw + 3, r->w - lw - 4, line,
				     UI_ROLE_CAL_CONFLICT);
			shown++;
		} else {
			more++;
		}
	}
	if (more) {
		snprintf(line, sizeof line, ngettext_("… and %zu more", "… and %zu more", more + 1),
			 more + 1);
		ui_draw_text(r->y + 2 + DETAIL_CLOSURES, r->x + lw + 3, r->w - lw - 4, line,
			     UI_ROLE_DIM);
	}
	if (shown == 0)
		ui_draw_text(r->y + 3, r->x + lw + 3, r->w - lw - 4, "—", UI_ROLE_NORMAL);
}

static void
venues_draw(void *st, struct ui_app *app, const struct ui_rect *area)
{
	struct venues *v = st;
	const char *titles[3] = {_(columns[0].title), _(columns[1].title), _(columns[2].title)};
	struct ui_rect lr = *area;
	bool detail = area->h >= 12;
	char keys[64], empty[200];

	ui_draw_keys_of(ui_app_keymap(app), ui_app_scope(app), UI_A_ADD, keys, sizeof keys);
	snprintf(empty, sizeof empty, _("No venues yet: press %s to add the first one."), keys);

	lr.h = area->h - (detail ? 4 + DETAIL_CLOSURES : 0);
	ui_draw_list(&v->lv.list, &lr, titles, empty);
	if (detail) {
		struct ui_rect dr = {area->y + lr.h + 1, area->x, 3 + DETAIL_CLOSURES, area->w};
		draw_detail(v, &dr);
	}
	if (v->mode == M_FORM)
		ui_draw_form(&v->form, area, ui_app_keymap(app));
	else if (v->mode == M_PICKER) {
		ui_draw_form(&v->form, area, ui_app_keymap(app));
		ui_draw_picker(&v->picker, area);
	} else if (v->mode == M_CLOSURES) {
		ui_draw_picker(&v->picker, area);
	} else {
		ui_listview_draw(&v->lv, area);
	}
}

/* A venue, or the venue of an unavailability period, selected. */
static bool
venues_show(void *st, struct ui_app *app, const struct ui_target *t)
{
	struct venues *v = st;
	struct cb_id id = t->row;
	char key[CB_ID_HEX_LEN + 1];

	if (t->kind != UI_TARGET_ROW)
		return false;
	if (t->table == CB_T_VENUE_CLOSURE) {
		size_t i;
		for (i = 0; i < v->closures.count && cb_id_cmp(&v->closures.items[i].id, &id); i++)
			;
		if (i == v->closures.count)
			return false;
		id = v->closures.items[i].venue;
	} else if (t->table != CB_T_VENUE) {
		return false;
	}
	cb_id_to_hex(&id, key);
	if (!ui_listview_select(&v->lv, key, list_height(app)))
		return false;
	if (t->open && selected(v))
		open_form(v, app, selected(v));
	return true;
}

const struct ui_screen_ops ui_venues_ops = {
	.name = "venues",
	.title = N_("Venues"),
	.open = venues_open,
	.draw = venues_draw,
	.handle = venues_handle,
	.text_input = venues_text_input,
	.hints = venues_hints,
	.reload = venues_reload,
	.close = venues_close,
	.show = venues_show,
};
