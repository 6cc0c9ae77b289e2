/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Calendar screen's changes: plan a series, cancel, move, mark held,
 * restore, and undo them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/attendance.h"
#include "cambouis/i18n.h"
#include "cambouis/schema.h"
#include "cambouis/text.h"
#include "ui/calendar.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/organise.h"
#include "ui/ppldraw.h"

/* The fields of the series form, in order. */
enum { S_FIRST, S_START, S_END, S_EVERY, S_VENUES, S_UNTIL, S_COUNT, S_RULE };
/* The move form. */
enum { V_DATE, V_START, V_END, V_VENUE };

/* The holiday rules as the form offers them, in enum cb_holiday_rule order. */
static const char *const rule_labels[] = {
	N_("skip the session"),
	N_("move it to the day before"),
	N_("move it to the day after"),
	N_("keep it (listed as a conflict)"),
};

#define ROTATION_SEP " → "

void
cal_close_dialogs(struct calendar *c)
{
	if (c->mode == CM_FORM || c->mode == CM_PICKER)
		ui_form_free(&c->form);
	if (c->mode == CM_PICKER)
		ui_picker_free(&c->picker);
	if (c->mode == CM_CONFIRM)
		ui_ask_close(&c->ask);
	if (c->mode == CM_CHECKIN)
		ui_person_pick_free(&c->pick);
	c->mode = CM_VIEW;
}

/* The session an action is about: the open card's, else the cursor's. */
static bool
target(struct calendar *c, struct ui_app *app, struct cb_session *out)
{
	const struct ui_agenda_row *r = cal_current(c);
	const struct cb_id *id = c->card ? &c->card_id : r ? &r->id : NULL;
	cb_status st;

	if (!id) {
		char day[64], keys[64];
		ui_day_long(c->cursor, day, sizeof day);
		ui_draw_keys_of(ui_app_keymap(app), ui_app_scope(app), UI_A_NEXT_SESSION, keys,
				sizeof keys);
		ui_app_error(app, _("No session on %s (%s: next session)."), day, keys);
		return false;
	}
	if ((st = cb_session_get(ui_app_db(app), id, out)) != CB_OK) {
		ui_app_error(app, _("Cannot read the session: %s"), cb_status_message(st));
		return false;
	}
	c->target = *id;
	return true;
}

static void
session_day(const struct cb_session *s, char *buf, size_t len)
{
	int32_t day;

	if (cb_date_parse(s->date, &day) == CB_OK)
		ui_day_long(day, buf, len);
	else
		snprintf(buf, len, "%s", s->date);
}

static void
undo_keys(struct ui_app *app, char *buf, size_t len)
{
	ui_draw_keys_of(ui_app_keymap(app), ui_app_scope(app), UI_A_UNDO, buf, len);
}

static bool
suggest_venues(struct calendar *c, size_t field)
{
	const char **names = calloc(c->venues.count + 1, sizeof *names);
	bool ok;

	if (!names)
		return false;
	for (size_t i = 0; i < c->venues.count; i++)
		names[i] = c->venues.items[i].name;
	ok = c->venues.count == 0 || ui_form_suggest(&c->form, (int)field, names, c->venues.count);
	free(names);
	return ok;
}

/* --- the series form ---------------------------------------------------- */

void
cal_open_series_form(struct calendar *c, struct ui_app *app)
{
	const struct cb_config *cfg = ui_app_config(app);
	const char *rules[4];
	enum cb_holiday_rule rule = CB_HOLIDAY_SKIP;
	char first[CB_DATE_LEN + 1];
	int32_t today = ui_app_today(app);
	bool ok;

	if (c->venues.count == 0) {
		ui_app_error(app, "%s", _("Add a venue first (Venues screen)."));
		return;
	}
	for (int i = 0; i < 4; i++)
		rules[i] = _(rule_labels[i]);
	if (cfg->holiday_rule)
		cb_holiday_rule_parse(cfg->holiday_rule, &rule);
	cb_date_format(c->cursor >= today ? c->cursor : today, first);
	ok = ui_form_init(&c->form, _("Plan a series of sessions"), ui_app_now(app)) &&
	     ui_form_add_date(&c->form, _("First date"), first, true) >= 0 &&
	     ui_form_add_time(&c->form, _("Start"), cfg->session_start ? cfg->session_start : "",
			      true) >= 0 &&
	     ui_form_add_time(&c->form, _("End"), cfg->session_end ? cfg->session_end : "",
			      true) >= 0 &&
	     ui_form_add_number(&c->form, _("Every (weeks)"), cfg->every_weeks > 0
				? cfg->every_weeks : 2, 1, 52, true) >= 0 &&
	     ui_form_add_text(&c->form, _("Venues in turn"), "", true, 8000) >= 0 &&
	     ui_form_add_date(&c->form, _("Until"), "", false) >= 0 &&
	     ui_form_add_number(&c->form, _("Or sessions"), -1, 1, CB_SERIES_SESSIONS_MAX,
				false) >= 0 &&
	     ui_form_add_choice(&c->form, _("On a holiday"), rules, 4, (size_t)rule) >= 0 &&
	     suggest_venues(c, S_VENUES);
	if (!ok) {
		ui_form_free(&c->form);
		ui_app_error(app, "%s", cb_status_message(CB_NOMEM));
		return;
	}
	{
		static const int fields[] = {CB_F_SERIES_FIRST, CB_F_SERIES_START, CB_F_SERIES_END,
					     CB_F_SERIES_EVERY_WEEKS, 0, CB_F_SERIES_UNTIL,
					     CB_F_SERIES_COUNT};
		ui_form_bind(&c->form, CB_T_SERIES, fields, sizeof fields / sizeof fields[0]);
	}
	c->form_kind = CF_SERIES;
	c->mode = CM_FORM;
}

/* One venue by name; a piece that names none may be several names
 * separated by commas, as the command line takes them. */
static bool
find_venues(struct cb_db *db, const char *piece, struct cb_id *ids, size_t *n, size_t max,
	    char *bad, size_t badlen)
{
	char *copy, *save = NULL;
	bool ok = true;

	if (*n >= max) {
		snprintf(bad, badlen, "%s", piece);
		return false;
	}
	if (cb_venue_find(db, piece, &ids[*n]) == CB_OK) {
		(*n)++;
		return true;
	}
	if (!strchr(piece, ',') || !(copy = strdup(piece))) {
		snprintf(bad, badlen, "%s", piece);
		return false;
	}
	for (char *p = strtok_r(copy, ",", &save); p && ok; p = strtok_r(NULL, ",", &save)) {
		char *t = cb_text_trim(p);
		if (t && *t) {
			ok = *n < max && cb_venue_find(db, t, &ids[*n]) == CB_OK;
			if (ok)
				(*n)++;
			else
				snprintf(bad, badlen, "%s", t);
		}
		free(t);
	}
	free(copy);
	return ok;
}

/* "A → B → C" into venue ids. */
static bool
parse_rotation(struct cb_db *db, const char *text, struct cb_id *ids, size_t *n, size_t max,
	       char *bad, size_t badlen)
{
	const char *p = text;

	*n = 0;
	while (*p) {
		const char *arrow = strstr(p, "→");
		size_t len = arrow ? (size_t)(arrow - p) : strlen(p);
		char *piece = strndup(p, len), *t = piece ? cb_text_trim(piece) : NULL;
		bool ok = t != NULL;
		if (ok && *t)
			ok = find_venues(db, t, ids, n, max, bad, badlen);
		free(piece);
		free(t);
		if (!ok)
			return false;
		p += len + (arrow ? strlen("→") : 0);
	}
	return true;
}

static size_t
series_field(enum cb_series_bad bad)
{
	switch (bad) {
	case CB_SERIES_BAD_FIRST: return S_FIRST;
	case CB_SERIES_BAD_START: return S_START;
	case CB_SERIES_BAD_END: return S_END;
	case CB_SERIES_BAD_EVERY: return S_EVERY;
	case CB_SERIES_BAD_VENUES: return S_VENUES;
	case CB_SERIES_BAD_UNTIL: return S_UNTIL;
	case CB_SERIES_BAD_COUNT: return S_COUNT;
	default: return S_RULE;
	}
}

static const char *
series_message(enum cb_series_bad bad)
{
	switch (bad) {
	case CB_SERIES_BAD_END: return _("must be after the start");
	case CB_SERIES_BAD_UNTIL: return _("must not be before the first date");
	case CB_SERIES_BAD_VENUES: return _("choose one venue or more");
	default: return _("not allowed here");
	}
}

static unsigned
save_series(struct calendar *c, struct ui_app *app)
{
	struct cb_db *db = ui_app_db(app);
	struct cb_id ids[CB_SERIES_VENUES_MAX], id;
	struct cb_series_input in;
	enum cb_series_bad bad = CB_SERIES_BAD_NONE;
	size_t nv = 0, made = 0;
	long long every, count;
	char badname[200], msg[300], keys[64], date[64];
	const char *until = ui_form_text(&c->form, S_UNTIL);
	cb_status st;
	int32_t first;

	if (!parse_rotation(db, ui_form_text(&c->form, S_VENUES), ids, &nv, CB_SERIES_VENUES_MAX,
			    badname, sizeof badname)) {
		if (nv >= CB_SERIES_VENUES_MAX)
			snprintf(msg, sizeof msg, _("at most %d venues"), CB_SERIES_VENUES_MAX);
		else
			snprintf(msg, sizeof msg, _("no venue is called “%s”"), badname);
		ui_form_set_error(&c->form, S_VENUES, msg);
		return UI_R_DONE;
	}
	if (nv == 0) {
		ui_form_set_error(&c->form, S_VENUES, series_message(CB_SERIES_BAD_VENUES));
		return UI_R_DONE;
	}
	if (*until && ui_form_number(&c->form, S_COUNT, &count)) {
		ui_form_set_error(&c->form, S_COUNT, _("give an end date or a number, not both"));
		return UI_R_DONE;
	}
	memset(&in, 0, sizeof in);
	in.first = ui_form_text(&c->form, S_FIRST);
	in.start = ui_form_text(&c->form, S_START);
	in.end = ui_form_text(&c->form, S_END);
	in.every_weeks = ui_form_number(&c->form, S_EVERY, &every) ? (int)every : 2;
	in.venues = ids;
	in.nvenues = nv;
	in.until = *until ? until : NULL;
	in.count = ui_form_number(&c->form, S_COUNT, &count) ? (int)count : 0;
	in.rule = (enum cb_holiday_rule)ui_form_choice(&c->form, S_RULE);
	st = cb_series_add(db, ui_app_holidays(app), &in, ui_app_today(app), &id, &made, &bad);
	if (st != CB_OK) {
		if (bad != CB_SERIES_BAD_NONE)
			ui_form_set_error(&c->form, series_field(bad), series_message(bad));
		else
			ui_app_error(app, _("Not saved: %s"), cb_status_message(st));
		return UI_R_DONE;
	}
	ui_app_undo_note(app, "%s", _("Undone: the series and its sessions are removed."));
	cb_date_parse(in.first, &first);
	ui_day_long(first, date, sizeof date);
	cal_close_dialogs(c);
	c->cursor = first;
	cal_reload(c, app);
	undo_keys(app, keys, sizeof keys);
	ui_app_message(app, ngettext_("Series planned: %zu session from %s (%s: undo).",
				      "Series planned: %zu sessions from %s (%s: undo).", made),
		       made, date, keys);
	return UI_R_DATA;
}

/* --- the move form ------------------------------------------------------ */

void
cal_open_move(struct calendar *c, struct ui_app *app)
{
	struct cb_session s;
	char title[200], day[64];
	bool ok;

	if (!target(c, app, &s))
		return;
	session_day(&s, day, sizeof day);
	snprintf(title, sizeof title, _("Move the session of %s"), day);
	ok = ui_form_init(&c->form, title, ui_app_now(app)) &&
	     ui_form_add_date(&c->form, _("Date"), s.date, true) >= 0 &&
	     ui_form_add_time(&c->form, _("Start"), s.start, true) >= 0 &&
	     ui_form_add_time(&c->form, _("End"), s.end, true) >= 0 &&
	     ui_form_add_text(&c->form, _("Venue"), s.venue_name, false, 400) >= 0 &&
	     suggest_venues(c, V_VENUE);
	cb_session_clear(&s);
	if (!ok) {
		ui_form_free(&c->form);
		ui_app_error(app, "%s", cb_status_message(CB_NOMEM));
		return;
	}
	{
		static const int fields[] = {CB_F_SESSION_DATE, CB_F_SESSION_START, CB_F_SESSION_END};
		ui_form_bind(&c->form, CB_T_SESSION, fields, 3);
	}
	c->form_kind = CF_MOVE;
	c->mode = CM_FORM;
}

static unsigned
save_move(struct calendar *c, struct ui_app *app)
{
	struct cb_db *db = ui_app_db(app);
	struct cb_session s;
	struct cb_session_change ch = {0};
	struct cb_id venue;
	const char *date = ui_form_text(&c->form, V_DATE), *start = ui_form_text(&c->form, V_START),
		   *end = ui_form_text(&c->form, V_END), *vname = ui_form_text(&c->form, V_VENUE);
	char keys[64], day[64];
	cb_status st;

	if ((st = cb_session_get(db, &c->target, &s)) != CB_OK) {
		ui_app_error(app, _("Cannot read the session: %s"), cb_status_message(st));
		return UI_R_DONE;
	}
	if (strcmp(date, s.date) != 0)
		ch.date = date;
	if (strcmp(start, s.start) != 0)
		ch.start = start;
	if (strcmp(end, s.end) != 0)
		ch.end = end;
	if (*vname && strcmp(vname, s.venue_name) != 0) {
		if (cb_venue_find(db, vname, &venue) != CB_OK) {
			char msg[300];
			snprintf(msg, sizeof msg, _("no venue is called “%s”"), vname);
			ui_form_set_error(&c->form, V_VENUE, msg);
			cb_session_clear(&s);
			return UI_R_DONE;
		}
		ch.venue = &venue;
	}
	if (!ch.date && !ch.start && !ch.end && !ch.venue) {
		cb_session_clear(&s);
		cal_close_dialogs(c);
		ui_app_message(app, "%s", _("Nothing changed."));
		return UI_R_DONE;
	}
	if ((st = cb_session_move(db, &c->target, &ch)) != CB_OK) {
		if (st == CB_INVALID && (ch.start || ch.end))
			ui_form_set_error(&c->form, V_END, _("must be after the start"));
		else
			ui_app_error(app, _("Not moved: %s"), cb_status_message(st));
		cb_session_clear(&s);
		return UI_R_DONE;
	}
	ui_app_undo_note(app, "%s", _("Undone: the session is back where it was."));
	cb_session_clear(&s);
	cal_close_dialogs(c);
	cal_reload(c, app);
	cal_select(c, &c->target);
	if (cb_session_get(db, &c->target, &s) == CB_OK) {
		session_day(&s, day, sizeof day);
		undo_keys(app, keys, sizeof keys);
		ui_app_message(app, _("Session moved: %s, %s, %s (%s: undo)."), day, s.start,
			       *s.venue_name ? s.venue_name : "—", keys);
		cb_session_clear(&s);
	}
	return UI_R_DATA;
}

unsigned
cal_next_venue(struct calendar *c, struct ui_app *app)
{
	struct cb_db *db = ui_app_db(app);
	struct cb_session s;
	struct cb_session_change ch = {0};
	struct cb_id venue;
	cb_status st;
	char keys[64];

	if (!target(c, app, &s))
		return UI_R_DONE;
	st = cb_session_next_venue(db, &c->target, &venue);
	if (st == CB_NOT_FOUND) {
		ui_app_error(app, "%s", cb_id_is_zero(&s.series)
			     ? _("A one-off session has no rotation: move it instead.")
			     : _("No other venue of the rotation is open that day."));
		cb_session_clear(&s);
		return UI_R_DONE;
	}
	ch.venue = &venue;
	if (st != CB_OK || (st = cb_session_move(db, &c->target, &ch)) != CB_OK) {
		ui_app_error(app, _("Not moved: %s"), cb_status_message(st));
		cb_session_clear(&s);
		return UI_R_DONE;
	}
	ui_app_undo_note(app, "%s", _("Undone: the session is back where it was."));
	cb_session_clear(&s);
	cal_reload(c, app);
	cal_select(c, &c->target);
	if (cb_session_get(db, &c->target, &s) == CB_OK) {
		undo_keys(app, keys, sizeof keys);
		ui_app_message(app, _("The session moves to %s (%s: undo)."), s.venue_name, keys);
		cb_session_clear(&s);
	}
	return UI_R_DATA;
}

/* --- a check-in afterwards --------------------------------------------- */

void
cal_open_checkin(struct calendar *c, struct ui_app *app)
{
	struct cb_session s;
	char day[64], title[160];
	int32_t d;

	if (!target(c, app, &s))
		return;
	if (cb_date_parse(s.date, &d) != CB_OK || d > ui_app_today(app)) {
		ui_app_error(app, "%s", _("This session has not taken place yet."));
		cb_session_clear(&s);
		return;
	}
	if (s.status == CB_SESSION_CANCELLED) {
		ui_app_error(app, "%s", _("This session is cancelled."));
		cb_session_clear(&s);
		return;
	}
	session_day(&s, day, sizeof day);
	cb_session_clear(&s);
	snprintf(title, sizeof title, _("Who came on %s?"), day);
	if (!ui_person_pick_init(&c->pick, title)) {
		ui_app_error(app, "%s", cb_status_message(CB_NOMEM));
		return;
	}
	c->mode = CM_CHECKIN;
}

unsigned
cal_checkin_key(struct calendar *c, struct ui_app *app, enum ui_action a, int key)
{
	struct ui_rect area = ui_app_area(app);
	struct cb_db *db = ui_app_db(app);
	struct cb_session s;
	enum cb_role here = CB_ROLE_NONE;
	bool left = false;
	char day[64], keys[64], *name;
	struct cb_id id;
	cb_status st;

	switch (ui_person_pick_handle(&c->pick, db, a, key, ui_person_pick_height(&area))) {
	case UI_PICK_CANCEL:
		cal_close_dialogs(c);
		return UI_R_DONE;
	case UI_PICK_CHOSEN:
		break;
	default:
		return UI_R_DONE;
	}
	id = ui_person_pick_choice(&c->pick)->id;
	name = strdup(ui_person_pick_choice(&c->pick)->name);
	cal_close_dialogs(c);
	if (!name || cb_session_get(db, &c->target, &s) != CB_OK) {
		free(name);
		ui_app_error(app, "%s", cb_status_message(CB_NOMEM));
		return UI_R_DONE;
	}
	session_day(&s, day, sizeof day);
	if (cb_attendance_role(db, &id, &c->target, &here, &left) == CB_OK && here != CB_ROLE_NONE) {
		ui_app_message(app, _("%s was already checked in on %s."), name, day);
		st = CB_OK;
	} else if ((st = cb_checkin(db, &id, &c->target, CB_ROLE_NONE, s.start, NULL)) != CB_OK) {
		ui_app_error(app, _("Not checked in: %s"), cb_status_message(st));
	} else {
		ui_app_undo_note(app, _("Undone: %s is no longer checked in."), name);
		undo_keys(app, keys, sizeof keys);
		ui_app_message(app, _("%s checked in on %s at %s (%s: undo)."), name, day,
			       *s.venue_name ? s.venue_name : "—", keys);
	}
	cb_session_clear(&s);
	free(name);
	return st == CB_OK && here == CB_ROLE_NONE ? UI_R_DATA : UI_R_DONE;
}

/* --- cancel, held, restore ---------------------------------------------- */

static unsigned cancel_answered(void *st, struct ui_app *app, bool yes);

void
cal_ask_cancel(struct calendar *c, struct ui_app *app)
{
	struct cb_session s;
	char q[400], day[64];

	if (!target(c, app, &s))
		return;
	if (s.status == CB_SESSION_CANCELLED) {
		ui_app_error(app, "%s", _("This session is already cancelled."));
		cb_session_clear(&s);
		return;
	}
	session_day(&s, day, sizeof day);
	snprintf(q, sizeof q, _("Cancel the session of %s at %s?"), day,
		 *s.venue_name ? s.venue_name : "—");
	cb_session_clear(&s);
	if (ui_ask_open(&c->ask, q, cancel_answered, c))
		c->mode = CM_CONFIRM;
}

unsigned
cal_confirm_key(struct calendar *c, struct ui_app *app, enum ui_action a, int key)
{
	return ui_ask_key(&c->ask, app, a, key);
}

/* Yes: ask why. */
static unsigned
cancel_answered(void *st, struct ui_app *app, bool yes)
{
	struct calendar *c = st;

	cal_close_dialogs(c);
	if (!yes) {
		ui_app_message(app, "%s", _("The session stays as it was."));
		return UI_R_DONE;
	}
	if (!ui_form_init(&c->form, _("Why is the session cancelled?"), ui_app_now(app)) ||
	    ui_form_add_text(&c->form, _("Reason"), "", false, CB_SESSION_REASON_MAX) < 0) {
		ui_form_free(&c->form);
		ui_app_error(app, "%s", cb_status_message(CB_NOMEM));
		return UI_R_DONE;
	}
	{
		static const int fields[] = {CB_F_SESSION_REASON};
		ui_form_bind(&c->form, CB_T_SESSION, fields, 1);
	}
	c->form_kind = CF_REASON;
	c->mode = CM_FORM;
	return UI_R_DONE;
}

static cb_status
apply_status(struct cb_db *db, const struct cb_id *id, enum cb_session_status to,
	     const char *reason)
{
	switch (to) {
	case CB_SESSION_CANCELLED: return cb_session_cancel(db, id, reason);
	case CB_SESSION_HELD: return cb_session_held(db, id);
	default: return cb_session_restore(db, id);
	}
}

/* Change the target's status; undo puts the old one back. */
static unsigned
change_status(struct calendar *c, struct ui_app *app, enum cb_session_status to,
	      const char *reason)
{
	struct cb_db *db = ui_app_db(app);
	struct cb_session s;
	cb_status st;
	char keys[64], day[64], venue[200];

	if ((st = cb_session_get(db, &c->target, &s)) != CB_OK) {
		ui_app_error(app, _("Not changed: %s"), cb_status_message(st));
		return UI_R_DONE;
	}
	if ((st = apply_status(db, &c->target, to, reason)) != CB_OK) {
		ui_app_error(app, _("Not changed: %s"), cb_status_message(st));
		cb_session_clear(&s);
		return UI_R_DONE;
	}
	ui_app_undo_note(app, "%s", s.status == CB_SESSION_CANCELLED
				    ? _("Undone: the session is cancelled again.")
				    : s.status == CB_SESSION_HELD ? _("Undone: the session is held again.")
				    : _("Undone: the session is planned again."));
	session_day(&s, day, sizeof day);
	snprintf(venue, sizeof venue, "%s", *s.venue_name ? s.venue_name : "—");
	cb_session_clear(&s);
	cal_reload(c, app);
	cal_select(c, &c->target);
	undo_keys(app, keys, sizeof keys);
	switch (to) {
	case CB_SESSION_CANCELLED:
		ui_app_message(app, _("Session of %s at %s cancelled (%s: undo)."), day, venue, keys);
		break;
	case CB_SESSION_HELD:
		ui_app_message(app, _("Session of %s marked as held (%s: undo)."), day, keys);
		break;
	default:
		ui_app_message(app, _("Session of %s planned again (%s: undo)."), day, keys);
		break;
	}
	return UI_R_DATA;
}

unsigned
cal_set_status(struct calendar *c, struct ui_app *app, enum cb_session_status to)
{
	struct cb_session s;
	enum cb_session_status was;

	if (!target(c, app, &s))
		return UI_R_DONE;
	was = s.status;
	cb_session_clear(&s);
	if (was == to) {
		ui_app_error(app, "%s", to == CB_SESSION_HELD ? _("This session is already held.")
			     : _("This session is already planned."));
		return UI_R_DONE;
	}
	return change_status(c, app, to, NULL);
}

/* --- forms and pickers -------------------------------------------------- */

unsigned
cal_form_key(struct calendar *c, struct ui_app *app, enum ui_action a, int key)
{
	switch (ui_form_handle(&c->form, a, key)) {
	case UI_FORM_SUBMIT:
		switch (c->form_kind) {
		case CF_SERIES: return save_series(c, app);
		case CF_MOVE: return save_move(c, app);
		case CF_ICAL: {
			char *path = strdup(ui_form_text(&c->form, 0));
			unsigned r;
			cal_close_dialogs(c);
			r = path ? ui_organise_export_ical(app, path) : UI_R_DONE;
			free(path);
			return r;
		}
		case CF_REASON: {
			char *reason = strdup(ui_form_text(&c->form, 0));
			unsigned r;
			cal_close_dialogs(c);
			r = change_status(c, app, CB_SESSION_CANCELLED, reason ? reason : "");
			free(reason);
			return r;
		}
		}
		return UI_R_DONE;
	case UI_FORM_CANCEL:
		cal_close_dialogs(c);
		ui_app_message(app, "%s", _("Nothing changed."));
		return UI_R_DONE;
	case UI_FORM_CHOOSE: {
		const struct ui_field *f = &c->form.fields[c->form.cur];
		if (ui_picker_init(&c->picker, f->label, (const char *const *)f->suggestions,
				   f->nsuggestions))
			c->mode = CM_PICKER;
		return UI_R_DONE;
	}
	default:
		return UI_R_DONE;
	}
}

unsigned
cal_picker_key(struct calendar *c, struct ui_app *app, enum ui_action a, int key)
{
	struct ui_rect area = ui_app_area(app);
	const char *choice;

	switch (ui_picker_handle(&c->picker, a, key, ui_picker_height(&c->picker, &area))) {
	case UI_PICK_CHOSEN:
		choice = ui_picker_choice(&c->picker);
		if (c->form_kind == CF_SERIES && c->form.cur == S_VENUES) {
			/* the rotation grows one venue at a time */
			const char *now = ui_form_text(&c->form, S_VENUES);
			char *t = cb_text_trim(now), *joined = NULL;
			if (t && asprintf(&joined, "%s%s%s", t, *t ? ROTATION_SEP : "", choice) >= 0)
				ui_form_set_text(&c->form, S_VENUES, joined);
			free(joined);
			free(t);
		} else {
			ui_form_set_text(&c->form, c->form.cur, choice);
		}
		/* fall through */
	case UI_PICK_CANCEL:
		ui_picker_free(&c->picker);
		c->mode = CM_FORM;
		break;
	default:
		break;
	}
	return UI_R_DONE;
}

