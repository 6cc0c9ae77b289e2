/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Tonight screen: where a volunteer at the event starts. Today's
 * session (or the next one and the days until it), its conflicts, the
 * people here in arrival order with their pairs and the counts; check-in
 * through a picker, the suggested mentors at once, a new person in one
 * short form, check-out, undo. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/attendance.h"
#include "cambouis/calendar.h"
#include "cambouis/i18n.h"
#include "cambouis/pairing.h"
#include "cambouis/schema.h"
#include "cambouis/text.h"
#include "ui/calview.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/listview.h"
#include "ui/ppldraw.h"

enum mode { T_MAIN, T_PICK, T_SUGGEST, T_FORM };

struct tonight {
	bool has;
	struct cb_session s;
	int days;                          /* until the session; 0 today */
	struct cb_conflict_list conflicts; /* of the session's day */
	size_t nours;                      /* the first nours are this session's */
	/* the people here tonight, in arrival order */
	struct cb_presence_list pl;
	struct ui_listview lv;             /* the arrivals: moves, sorts, narrows */
	enum mode mode;
	struct ui_person_pick pick;
	struct ui_suggest sug;
	struct ui_person_form pf;
};

/* The arrivals' columns: the mark of someone waiting, name, role, pair,
 * notes. */
static const struct ui_column columns[] = {
	{"", 1, 0, UI_ALIGN_LEFT, true},
	{N_("Name"), 12, 3, UI_ALIGN_LEFT, false},
	{N_("Role"), 12, 0, UI_ALIGN_LEFT, false}, /* "organisateur" */
	{N_("Pair"), 10, 3, UI_ALIGN_LEFT, false},
	{N_("Notes"), 8, 3, UI_ALIGN_LEFT, false},
};
#define NCOLS (sizeof columns / sizeof columns[0])

static bool
today(const struct tonight *t)
{
	return t->has && t->days == 0;
}

static void
load_people(struct tonight *t, struct ui_app *app)
{
	cb_status st;

	cb_presence_list_free(&t->pl);
	memset(&t->pl, 0, sizeof t->pl);
	ui_list_begin(&t->lv.list);
	if (today(t)) {
		st = cb_presence(ui_app_db(app), ui_app_config(app), &t->s.id, ui_app_today(app), &t->pl);
		if (st != CB_OK) {
			memset(&t->pl, 0, sizeof t->pl);
			ui_app_error(app, _("Cannot read who is here: %s"), cb_status_message(st));
		}
	}
	for (size_t i = 0; i < t->pl.count; i++) {
		const struct cb_presence *p = &t->pl.items[i];
		char key[CB_ID_HEX_LEN + 1], pair[200], notes[200];
		/* the sort column is the arrival order, kept as a number */
		long long nums[NCOLS] = {(long long)i};
		const char *cells[NCOLS] = {ui_presence_waiting(p) ? "!" : "", p->name,
					    cb_role_label(p->role), pair, notes};
		cb_id_to_hex(&p->person, key);
		ui_presence_pair(p, pair, sizeof pair);
		ui_presence_notes(p, notes, sizeof notes);
		if (!ui_list_add(&t->lv.list, key, cells, nums)) {
			ui_app_error(app, "%s", cb_status_message(CB_NOMEM));
			break;
		}
	}
	ui_list_end(&t->lv.list);
}

static void
load(struct tonight *t, struct ui_app *app)
{
	struct cb_db *db = ui_app_db(app);
	cb_status st;

	if (t->has)
		cb_session_clear(&t->s);
	cb_conflict_list_free(&t->conflicts);
	memset(&t->conflicts, 0, sizeof t->conflicts);
	t->nours = 0;
	t->has = false;
	st = cb_session_current(db, ui_app_today(app), &t->s, &t->days);
	if (st != CB_OK && st != CB_NOT_FOUND)
		ui_app_error(app, _("Cannot read the calendar: %s"), cb_status_message(st));
	t->has = st == CB_OK;
	if (t->has &&
	    cb_calendar_conflicts(db, ui_app_holidays(app), t->s.date, t->s.date, &t->conflicts) == CB_OK) {
		/* this session's conflicts go first */
		for (size_t i = 0; i < t->conflicts.count; i++) {
			struct cb_conflict tmp;
			if (cb_id_cmp(&t->conflicts.items[i].session.id, &t->s.id) != 0)
				continue;
			tmp = t->conflicts.items[t->nours];
			t->conflicts.items[t->nours] = t->conflicts.items[i];
			t->conflicts.items[i] = tmp;
			t->nours++;
		}
	}
	load_people(t, app);
}

static void *
tonight_open(struct ui_app *app)
{
	struct tonight *t = calloc(1, sizeof *t);

	if (!t)
		return NULL;
	if (!ui_listview_init(&t->lv, columns, NCOLS, UI_LV_SEARCH_FILTER,
			      N_("Nobody here matches “%s”."))) {
		ui_listview_free(&t->lv);
		free(t);
		return NULL;
	}
	load(t, app);
	return t;
}

static void
close_dialogs(struct tonight *t)
{
	switch (t->mode) {
	case T_PICK: ui_person_pick_free(&t->pick); break;
	case T_SUGGEST: ui_suggest_free(&t->sug); break;
	case T_FORM: ui_person_form_free(&t->pf); break;
	case T_MAIN: break;
	}
	t->mode = T_MAIN;
}

static void
tonight_close(void *st)
{
	struct tonight *t = st;

	close_dialogs(t);
	if (t->has)
		cb_session_clear(&t->s);
	cb_conflict_list_free(&t->conflicts);
	cb_presence_list_free(&t->pl);
	ui_listview_free(&t->lv);
	free(t);
}

static void
tonight_reload(void *st, struct ui_app *app)
{
	load(st, app);
}


static int32_t
session_day(const struct tonight *t)
{
	int32_t day;

	return cb_date_parse(t->s.date, &day) == CB_OK ? day : 0;
}

/* --- layout -------------------------------------------------------------- */

/* The full session header needs this many rows of the screen's area. */
#define FULL_HEADER_ROWS 18

/* Where the arrivals list goes (below the header and the counts). */
static struct ui_rect
list_rect(const struct tonight *t, const struct ui_rect *area)
{
	/* with no session there is no address line (and no strings to read) */
	bool address = t->has && (*t->s.venue_address || *t->s.venue_commune);
	int head = area->h >= FULL_HEADER_ROWS ? 6 + address + (int)t->nours : 3;
	struct ui_rect r = {area->y + head + 2, area->x, area->h - head - 2, area->w};

	if (r.h < 2)
		r.h = 2;
	return r;
}

static int
list_height(const struct tonight *t, struct ui_app *app)
{
	struct ui_rect a = ui_app_area(app), r = list_rect(t, &a);

	return r.h - 1 > 1 ? r.h - 1 : 1;
}

static const struct cb_presence *
presence_of(const struct tonight *t, const char *key)
{
	char k[CB_ID_HEX_LEN + 1];

	for (size_t i = 0; key && i < t->pl.count; i++) {
		cb_id_to_hex(&t->pl.items[i].person, k);
		if (strcmp(k, key) == 0)
			return &t->pl.items[i];
	}
	return NULL;
}

static const struct cb_presence *
selected(const struct tonight *t)
{
	return presence_of(t, ui_list_selected_key(&t->lv.list));
}

static void
select_person(struct tonight *t, struct ui_app *app, const struct cb_id *id)
{
	char key[CB_ID_HEX_LEN + 1];

	cb_id_to_hex(id, key);
	ui_list_select_key(&t->lv.list, key);
	t->lv.list.top = ui_list_top(&t->lv.list, list_height(t, app));
}

/* "u: undo" with the key the user has. */
static const char *
undo_keys(struct ui_app *app, char *buf, size_t len)
{
	ui_draw_keys_of(ui_app_keymap(app), ui_app_scope(app), UI_A_UNDO, buf, len);
	return buf;
}

/* --- the session held ------------------------------------------------------ */

static unsigned
mark_held(struct tonight *t, struct ui_app *app)
{
	char keys[64];
	cb_status st;

	if (!t->has) {
		ui_app_error(app, "%s", _("No session to mark."));
		return UI_R_DONE;
	}
	if (t->days > 0) {
		ui_app_error(app, "%s", _("This session has not taken place yet."));
		return UI_R_DONE;
	}
	if (t->s.status == CB_SESSION_HELD) {
		ui_app_error(app, "%s", _("This session is already held."));
		return UI_R_DONE;
	}
	if ((st = cb_session_held(ui_app_db(app), &t->s.id)) != CB_OK) {
		ui_app_error(app, _("Not changed: %s"), cb_status_message(st));
		return UI_R_DONE;
	}
	ui_app_undo_note(app, "%s", _("Undone: the session is no longer marked as held."));
	load(t, app);
	ui_app_message(app, _("Tonight's session is marked as held (%s: undo)."),
		       undo_keys(app, keys, sizeof keys));
	return UI_R_DATA;
}

/* --- pairs ------------------------------------------------------------------ */

/* Open the suggestions for learner; false (with a message) when there is
 * no mentor to suggest. */
static bool
open_suggest(struct tonight *t, struct ui_app *app, const struct cb_id *learner, const char *name)
{
	cb_status st = ui_suggest_open(&t->sug, ui_app_db(app), ui_app_config(app), learner, name,
				       &t->s.id, ui_app_today(app));

	if (st != CB_OK) {
		ui_app_error(app, _("Cannot suggest a mentor: %s"), cb_status_message(st));
		return false;
	}
	if (!t->sug.list.count) {
		if (t->sug.list.excluded) {
			char why[400];
			ui_no_vetted_mentor(ui_app_db(app), &t->pl, learner, name, t->sug.list.excluded,
					    why, sizeof why);
			ui_app_error(app, "%s", why);
		} else
			ui_app_message(app, _("%s is here; no mentor here yet to pair with."), name);
		ui_suggest_free(&t->sug);
		return false;
	}
	t->mode = T_SUGGEST;
	return true;
}

static unsigned
pair_chosen(struct tonight *t, struct ui_app *app)
{
	const struct cb_suggestion *m = &t->sug.list.items[t->sug.sel];
	struct cb_db *db = ui_app_db(app);
	struct cb_id learner = t->sug.learner;
	char keys[64];
	cb_status st;

	if ((st = cb_pair(db, &m->mentor, &learner, &t->s.id, NULL)) != CB_OK) {
		ui_app_error(app, _("Not paired: %s"), cb_status_message(st));
		close_dialogs(t);
		return UI_R_DONE;
	}
	/* the mentor they had before gets them back with the same undo */
	ui_app_undo_note(app, _("Undone: %s is no longer paired."), t->sug.learner_name);
	ui_app_message(app, _("%s paired with %s (%s: undo)."), t->sug.learner_name, m->name,
		       undo_keys(app, keys, sizeof keys));
	close_dialogs(t);
	load_people(t, app);
	select_person(t, app, &learner);
	return UI_R_DATA;
}

static unsigned
suggest_key(struct tonight *t, struct ui_app *app, enum ui_action a, int key)
{
	switch (ui_suggest_handle(&t->sug, a, key)) {
	case UI_SUGGEST_CHOSEN:
		return pair_chosen(t, app);
	case UI_SUGGEST_CANCEL: {
		char keys[64];
		ui_draw_keys_of(ui_app_keymap(app), ui_app_scope(app), UI_A_PAIR, keys, sizeof keys);
		ui_app_message(app, _("%s is not paired yet (%s: pair)."), t->sug.learner_name, keys);
		close_dialogs(t);
		return UI_R_DONE;
	}
	default:
		return UI_R_DONE;
	}
}

static unsigned
pair_selected(struct tonight *t, struct ui_app *app)
{
	const struct cb_presence *p = selected(t);

	if (!today(t)) {
		ui_app_error(app, "%s", _("No session today: pairs are made at a session."));
		return UI_R_DONE;
	}
	if (!p) {
		ui_app_error(app, "%s", _("Nobody is selected."));
		return UI_R_DONE;
	}
	if (p->role != CB_ROLE_LEARNER) {
		ui_app_error(app, _("%s is not here as a learner: select a learner to pair."), p->name);
		return UI_R_DONE;
	}
	if (p->checkout[0]) {
		ui_app_error(app, _("%s has left."), p->name);
		return UI_R_DONE;
	}
	open_suggest(t, app, &p->person, p->name);
	return UI_R_DONE;
}

/* --- check-in and check-out --------------------------------------------------- */

/* After a check-in: say who they are with, or suggest a mentor. */
static void
after_checkin(struct tonight *t, struct ui_app *app, const struct cb_id *id, const char *name,
	      const struct cb_id *with)
{
	const struct cb_presence *p;
	char key[CB_ID_HEX_LEN + 1], keys[64];

	load_people(t, app);
	select_person(t, app, id);
	cb_id_to_hex(id, key);
	p = presence_of(t, key);
	if (!cb_id_is_zero(with) && p && p->partner_name && *p->partner_name) {
		ui_app_message(app, _("%s is here, with %s (%s: undo)."), name, p->partner_name,
			       undo_keys(app, keys, sizeof keys));
		return;
	}
	if (p && ui_presence_waiting(p) && open_suggest(t, app, id, name))
		return;
	if (p && !ui_presence_waiting(p))
		ui_app_message(app, _("%s is here (%s: undo)."), name, undo_keys(app, keys, sizeof keys));
}

static unsigned
checkin(struct tonight *t, struct ui_app *app, const struct cb_id *id, const char *name,
	enum cb_role role)
{
	struct cb_db *db = ui_app_db(app);
	struct cb_id with;
	char now[CB_TIME_LEN + 1];
	enum cb_role here = CB_ROLE_NONE;
	bool left = false;
	cb_status st;

	if (cb_attendance_role(db, id, &t->s.id, &here, &left) == CB_OK && here != CB_ROLE_NONE &&
	    !left) {
		const struct cb_presence *p;
		char key[CB_ID_HEX_LEN + 1];
		select_person(t, app, id);
		cb_id_to_hex(id, key);
		if ((p = presence_of(t, key)) && ui_presence_waiting(p) && open_suggest(t, app, id, name))
			return UI_R_DONE;
		ui_app_message(app, _("%s is already here."), name);
		return UI_R_DONE;
	}
	cb_time_now(now);
	st = cb_checkin(db, id, &t->s.id, role, now, &with);
	if (st == CB_INVALID) {
		if (t->s.status == CB_SESSION_CANCELLED)
			ui_app_error(app, "%s", _("Tonight's session is cancelled."));
		else
			ui_app_error(app, _("%s is not a %s."), name, cb_role_label(role));
		return UI_R_DONE;
	}
	if (st != CB_OK) {
		ui_app_error(app, _("Not checked in: %s"), cb_status_message(st));
		return UI_R_DONE;
	}
	ui_app_undo_note(app, _("Undone: %s is no longer checked in."), name);
	after_checkin(t, app, id, name, &with);
	return UI_R_DATA;
}

static unsigned
open_pick(struct tonight *t, struct ui_app *app)
{
	char *comma;

	if (!today(t)) {
		ui_app_error(app, "%s", _("No session today: check-in opens on the day of a session."));
		return UI_R_DONE;
	}
	if (!ui_person_pick_init(&t->pick, _("Who arrives?"))) {
		ui_app_error(app, "%s", cb_status_message(CB_NOMEM));
		return UI_R_DONE;
	}
	ui_draw_keys_of(ui_app_keymap(app), UI_SCOPE_FORM, UI_A_ACCEPT, t->pick.newcomer_keys,
			sizeof t->pick.newcomer_keys);
	if ((comma = strchr(t->pick.newcomer_keys, ',')))
		*comma = '\0';
	t->mode = T_PICK;
	return UI_R_DONE;
}

/* Nobody by the name typed: the short form, the name filled in, to add
 * them and check them in as one action. */
static unsigned
open_newcomer(struct tonight *t, struct ui_app *app, const char *name)
{
	close_dialogs(t);
	if (!ui_person_form_newcomer(&t->pf, ui_app_config(app), ui_app_now(app), name)) {
		ui_app_error(app, "%s", cb_status_message(CB_NOMEM));
		return UI_R_DONE;
	}
	t->mode = T_FORM;
	return UI_R_DONE;
}

static unsigned
pick_key(struct tonight *t, struct ui_app *app, enum ui_action a, int key)
{
	struct ui_rect area = ui_app_area(app);
	const struct cb_person_ref *r;
	struct cb_id id;
	char *name;
	unsigned res;

	if ((a == UI_A_ACCEPT || a == UI_A_SAVE) && (name = ui_person_pick_newcomer(&t->pick))) {
		res = open_newcomer(t, app, name);
		free(name);
		return res;
	}
	switch (ui_person_pick_handle(&t->pick, ui_app_db(app), a, key,
				      ui_person_pick_height(&area))) {
	case UI_PICK_CANCEL:
		close_dialogs(t);
		return UI_R_DONE;
	case UI_PICK_CHOSEN:
		break;
	default:
		return UI_R_DONE;
	}
	r = ui_person_pick_choice(&t->pick);
	id = r->id;
	name = strdup(r->name);
	close_dialogs(t);
	res = checkin(t, app, &id, name ? name : "?", CB_ROLE_NONE);
	free(name);
	return res;
}

static unsigned
checkout(struct tonight *t, struct ui_app *app)
{
	const struct cb_presence *p = selected(t);
	char now[CB_TIME_LEN + 1], keys[64];
	struct cb_id id;
	cb_status st;

	if (!p) {
		ui_app_error(app, "%s", _("Nobody is selected."));
		return UI_R_DONE;
	}
	if (p->checkout[0]) {
		ui_app_error(app, _("%s left at %s."), p->name, p->checkout);
		return UI_R_DONE;
	}
	cb_time_now(now);
	id = p->person;
	st = cb_checkout(ui_app_db(app), &id, &t->s.id, now);
	if (st == CB_INVALID) {
		ui_app_error(app, _("%s arrived after %s: check-out refused."), p->name, now);
		return UI_R_DONE;
	}
	if (st != CB_OK) {
		ui_app_error(app, _("Not checked out: %s"), cb_status_message(st));
		return UI_R_DONE;
	}
	ui_app_undo_note(app, _("Undone: %s is back."), p->name);
	ui_app_message(app, _("%s left at %s (%s: undo)."), p->name, now,
		       undo_keys(app, keys, sizeof keys));
	load_people(t, app);
	select_person(t, app, &id);
	return UI_R_DATA;
}

/* --- a new person --------------------------------------------------------------- */

static unsigned
open_form(struct tonight *t, struct ui_app *app)
{
	if (!ui_person_form_new(&t->pf, ui_app_config(app), ui_app_now(app))) {
		ui_app_error(app, "%s", cb_status_message(CB_NOMEM));
		return UI_R_DONE;
	}
	t->mode = T_FORM;
	return UI_R_DONE;
}

static unsigned
save_form(struct tonight *t, struct ui_app *app)
{
	struct cb_id id, with;
	enum cb_role role = CB_ROLE_LEARNER;
	char now[CB_TIME_LEN + 1], *name;
	bool here = today(t);
	cb_status st;

	/* added and checked in: one action, one undo; a refused check-in
	 * adds no one and the form keeps what was typed */
	if (here) {
		cb_time_now(now);
		t->pf.checkin_session = &t->s.id;
		t->pf.checkin_at = now;
	}
	st = ui_person_form_save(&t->pf, ui_app_db(app), ui_app_config(app), ui_app_today(app), &id,
				 &role);
	t->pf.checkin_session = NULL;
	t->pf.checkin_at = NULL;
	if (st != CB_OK && t->pf.checkin_refused) {
		if (st == CB_INVALID && t->s.status == CB_SESSION_CANCELLED)
			ui_app_error(app, "%s", _("Tonight's session is cancelled."));
		else if (st == CB_INVALID)
			ui_app_error(app, _("%s is not a %s."), ui_form_text(&t->pf.form, UI_PF_NAME),
				     cb_role_label(role));
		else
			ui_app_error(app, _("Not checked in: %s"), cb_status_message(st));
		return UI_R_DONE;
	}
	if (st == CB_INVALID)
		return UI_R_DONE; /* the message is at the field */
	if (st != CB_OK) {
		ui_app_error(app, _("Not saved: %s"), cb_status_message(st));
		return UI_R_DONE;
	}
	with = t->pf.checkin_with;
	name = strdup(ui_form_text(&t->pf.form, UI_PF_NAME));
	close_dialogs(t);
	ui_app_undo_note(app, _("Undone: %s is removed again."), name ? name : "?");
	if (!here)
		ui_app_message(app, _("%s added (no session today to check in)."), name ? name : "?");
	else
		after_checkin(t, app, &id, name ? name : "?", &with);
	free(name);
	return UI_R_DATA;
}

static unsigned
form_key(struct tonight *t, struct ui_app *app, enum ui_action a, int key)
{
	switch (ui_form_handle(&t->pf.form, a, key)) {
	case UI_FORM_SUBMIT:
		return save_form(t, app);
	case UI_FORM_CANCEL:
		close_dialogs(t);
		ui_app_message(app, "%s", _("Nothing changed."));
		return UI_R_DONE;
	default:
		return UI_R_DONE;
	}
}

/* --- the screen ------------------------------------------------------------------- */

static unsigned
tonight_handle(void *st, struct ui_app *app, enum ui_action a, int key)
{
	struct tonight *t = st;
	unsigned r;

	switch (t->mode) {
	case T_PICK: return pick_key(t, app, a, key);
	case T_SUGGEST: return suggest_key(t, app, a, key);
	case T_FORM: return form_key(t, app, a, key);
	case T_MAIN: break;
	}
	if ((r = ui_listview_handle(&t->lv, app, a, key, list_height(t, app))) != UI_R_UNHANDLED)
		return r;
	switch (a) {
	case UI_A_MARK_HELD: return mark_held(t, app);
	case UI_A_CHECKIN: return open_pick(t, app);
	case UI_A_CHECKOUT: return checkout(t, app);
	case UI_A_PAIR: return pair_selected(t, app);
	case UI_A_ADD: return open_form(t, app);
	case UI_A_OPEN:
		if (today(t) && selected(t)) {
			/* the person's card, on People */
			struct ui_target card = {.kind = UI_TARGET_ROW, .table = CB_T_PERSON,
						 .row = selected(t)->person, .open = true};
			ui_app_show(app, "people", &card);
			return UI_R_DONE;
		}
		/* fall through - no one to open: the session instead */
	case UI_A_SHOW_IN_CALENDAR:
	{
		struct ui_target day = {.kind = UI_TARGET_DAY, .open = t->has && a == UI_A_OPEN};
		day.day = t->has ? session_day(t) : ui_app_today(app);
		ui_app_show(app, "calendar", &day);
	}
		return UI_R_DONE;
	default:
		return UI_R_UNHANDLED;
	}
}

static bool
tonight_text_input(void *st)
{
	struct tonight *t = st;

	return t->mode != T_MAIN || ui_listview_busy(&t->lv);
}

static size_t
tonight_hints(void *st, enum ui_action *out, size_t max)
{
	struct tonight *t = st;
	size_t n = 0;

	if (t->mode == T_FORM) {
		const enum ui_action form[] = {UI_A_FIELD_NEXT, UI_A_SAVE, UI_A_CANCEL};
		for (size_t i = 0; i < 3 && n < max; i++)
			out[n++] = form[i];
		return n;
	}
	if (t->mode == T_PICK) {
		if (n < max)
			out[n++] = UI_A_CANCEL;
		return n;
	}
	if (t->mode == T_SUGGEST)
		return 0; /* the panel shows its keys */
	if (ui_listview_busy(&t->lv))
		return ui_listview_hints(&t->lv, out, max);
	if (today(t)) {
		const enum ui_action ev[] = {UI_A_CHECKIN, UI_A_PAIR, UI_A_ADD, UI_A_CHECKOUT, UI_A_UNDO};
		for (size_t i = 0; i < 5 && n < max; i++)
			out[n++] = ev[i];
	}
	if (today(t) && t->s.status != CB_SESSION_HELD && n < max)
		out[n++] = UI_A_MARK_HELD;
	if (!today(t) && t->has && n < max)
		out[n++] = UI_A_OPEN;
	if (!today(t) && n < max)
		out[n++] = UI_A_SHOW_IN_CALENDAR;
	return n;
}

/* A label in the left column, its value beside it. */
static void
field(int y, int x, int lw, int w, const char *label, const char *value, enum ui_role role)
{
	char *l = ui_text_cell(label, lw, UI_ALIGN_RIGHT);

	if (l) {
		ui_draw_str(y, x, lw, l, UI_ROLE_DIM);
		free(l);
	}
	ui_draw_text(y, x + lw + 2, w - lw - 2, value, role);
}

static const char *
conflict_text(const struct cb_conflict *k, char *buf, size_t len)
{
	const char *what = k->kind == CB_CONFLICT_SAME_DAY ? _("another session that day")
			   : k->kind == CB_CONFLICT_CLOSED ? _("the venue is closed")
			   : k->kind == CB_CONFLICT_SCHOOL ? _("school holidays")
			   : _("public holiday");

	if (k->detail && *k->detail)
		/* TRANSLATORS: a conflict and its detail ("public holiday: Easter Monday") */
		snprintf(buf, len, _("! %s: %s"), what, k->detail);
	else
		snprintf(buf, len, "! %s", what);
	return buf;
}

static const char *
status_text(const struct tonight *t, char *buf, size_t len)
{
	if (t->s.status == CB_SESSION_CANCELLED && *t->s.reason)
		snprintf(buf, len, "%s — %s", cb_session_status_label(t->s.status), t->s.reason);
	else
		snprintf(buf, len, "%s", cb_session_status_label(t->s.status));
	return buf;
}

static enum ui_role
status_role(const struct tonight *t)
{
	return t->s.status == CB_SESSION_CANCELLED ? UI_ROLE_CAL_CANCELLED
	       : t->s.status == CB_SESSION_HELD ? UI_ROLE_CAL_SESSION : UI_ROLE_NORMAL;
}

/* The session in full: title, times, venue, address, status, conflicts. */
static void
draw_header_full(struct tonight *t, int y, int x, int w)
{
	const char *labels[] = {_("Times"), _("Venue"), _("Status"), _("Conflicts")};
	char line[700];
	int lw = 0;

	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (cb_utf8_width(labels[i]) > lw)
			lw = cb_utf8_width(labels[i]);
	snprintf(line, sizeof line, "%s–%s", t->s.start, t->s.end);
	field(y++, x, lw, w, _("Times"), line, UI_ROLE_NORMAL);
	field(y++, x, lw, w, _("Venue"), *t->s.venue_name ? t->s.venue_name : "—", UI_ROLE_TITLE);
	if (*t->s.venue_address || *t->s.venue_commune) {
		snprintf(line, sizeof line, "%s%s%s", t->s.venue_address,
			 *t->s.venue_address && *t->s.venue_commune ? ", " : "", t->s.venue_commune);
		field(y++, x, lw, w, "", line, UI_ROLE_NORMAL);
	}
	field(y++, x, lw, w, _("Status"), status_text(t, line, sizeof line), status_role(t));
	for (size_t i = 0; i < t->nours; i++) {
		char c[600];
		field(y++, x, lw, w, i == 0 ? _("Conflicts") : "",
		      conflict_text(&t->conflicts.items[i], c, sizeof c), UI_ROLE_CAL_CONFLICT);
	}
}

/* The session on one line, for small terminals: times · venue · status. */
static void
draw_header_compact(struct tonight *t, int y, int x, int w)
{
	char line[900], st[300], c[600];

	snprintf(line, sizeof line, "%s–%s · %s · %s", t->s.start, t->s.end,
		 *t->s.venue_name ? t->s.venue_name : "—", status_text(t, st, sizeof st));
	ui_draw_text(y, x, w, line, status_role(t));
	if (t->nours)
		ui_draw_text(y + 1, x, w, conflict_text(&t->conflicts.items[0], c, sizeof c),
			     UI_ROLE_CAL_CONFLICT);
}

static enum ui_role
row_role(const char *key, const void *ctx)
{
	const struct cb_presence *p = presence_of(ctx, key);

	return p && ui_presence_waiting(p) ? UI_ROLE_ATTENTION
	       : p && p->checkout[0] ? UI_ROLE_DIM : UI_ROLE_NORMAL;
}

static void
draw_people(struct tonight *t, struct ui_app *app, const struct ui_rect *area)
{
	struct ui_rect lr = list_rect(t, area);
	const char *titles[NCOLS];
	char counts[300], empty[200], keys[64];

	for (size_t i = 0; i < NCOLS; i++)
		titles[i] = *columns[i].title ? _(columns[i].title) : "";
	ui_presence_counts(&t->pl, counts, sizeof counts);
	ui_draw_text(lr.y - 1, area->x + 2, area->w - 4, counts, UI_ROLE_TITLE);
	ui_draw_keys_of(ui_app_keymap(app), ui_app_scope(app), UI_A_CHECKIN, keys, sizeof keys);
	snprintf(empty, sizeof empty, _("Nobody yet: press %s when someone arrives."), keys);
	ui_draw_list_roles(&t->lv.list, &lr, titles, empty, false, row_role, t);
}

static void
tonight_draw(void *st, struct ui_app *app, const struct ui_rect *area)
{
	struct tonight *t = st;
	char title[256], date[64], when[64], line[700];
	int y = area->y + 1, x = area->x + 2, w = area->w - 4;

	if (!t->has) {
		char keys[64];
		ui_draw_keys_of(ui_app_keymap(app), ui_app_scope(app), UI_A_SHOW_IN_CALENDAR, keys,
				sizeof keys);
		ui_draw_text(y, x, w, _("No session is planned."), UI_ROLE_TITLE);
		snprintf(line, sizeof line, _("Plan a series in the calendar (%s)."), keys);
		ui_draw_text(y + 2, x, w, line, UI_ROLE_DIM);
	} else {
		ui_day_long(session_day(t), date, sizeof date);
		if (t->days == 0) {
			snprintf(title, sizeof title, _("Today, %s"), date);
		} else {
			ui_days_until(t->days, when, sizeof when);
			snprintf(title, sizeof title, _("Next session: %s, %s"), date, when);
		}
		ui_draw_text(y, x, w, title, UI_ROLE_TITLE);
		if (area->h >= FULL_HEADER_ROWS || !today(t))
			draw_header_full(t, y + 2, x, w);
		else
			draw_header_compact(t, y + 1, x, w);
		if (today(t))
			draw_people(t, app, area);
	}
	switch (t->mode) {
	case T_PICK: ui_draw_person_pick(&t->pick, area); break;
	case T_SUGGEST: ui_draw_suggest(&t->sug, area); break;
	case T_FORM: ui_draw_form(&t->pf.form, area, ui_app_keymap(app)); break;
	case T_MAIN: ui_listview_draw(&t->lv, area); break;
	}
}

/* The start (today has a session), or a person here tonight. */
static bool
tonight_show(void *st, struct ui_app *app, const struct ui_target *t)
{
	struct tonight *n = st;
	char key[CB_ID_HEX_LEN + 1];

	switch (t->kind) {
	case UI_TARGET_START: return today(n);
	case UI_TARGET_ROW:
		if (t->table != CB_T_PERSON)
			return false;
		cb_id_to_hex(&t->row, key);
		return ui_listview_select(&n->lv, key, list_height(n, app));
	default:
		return false;
	}
}

const struct ui_screen_ops ui_tonight_ops = {
	.name = "tonight",
	.title = N_("Tonight"),
	.open = tonight_open,
	.draw = tonight_draw,
	.handle = tonight_handle,
	.text_input = tonight_text_input,
	.hints = tonight_hints,
	.reload = tonight_reload,
	.close = tonight_close,
	.show = tonight_show,
};
