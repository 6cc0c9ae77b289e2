/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Tonight screen: where a volunteer at the event starts. Today's
 * session (or the next one and the days until it), its conflicts, and
 * the keys to mark it held or see it in the calendar. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/calendar.h"
#include "cambouis/i18n.h"
#include "cambouis/text.h"
#include "ui/calview.h"
#include "ui/draw.h"
#include "ui/keys.h"

struct tonight {
	bool has;
	struct cb_session s;
	int days;                          /* until the session; 0 today */
	struct cb_conflict_list conflicts; /* of the session's day */
	size_t nours;                      /* the first nours are this session's */
	bool can_undo;                     /* the last "held" mark made here */
	struct cb_id undo_id;
	enum cb_session_status undo_status;
};

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
	if (st == CB_NOT_FOUND)
		return;
	if (st != CB_OK) {
		ui_app_error(app, _("Cannot read the calendar: %s"), cb_status_message(st));
		return;
	}
	t->has = true;
	if (cb_calendar_conflicts(db, ui_app_holidays(app), t->s.date, t->s.date,
				  &t->conflicts) != CB_OK)
		return;
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

static void *
tonight_open(struct ui_app *app)
{
	struct tonight *t = calloc(1, sizeof *t);

	if (t)
		load(t, app);
	return t;
}

static void
tonight_close(void *st)
{
	struct tonight *t = st;

	if (t->has)
		cb_session_clear(&t->s);
	cb_conflict_list_free(&t->conflicts);
	free(t);
}

static void
tonight_reload(void *st, struct ui_app *app)
{
	load(st, app);
}

static bool
tonight_start_here(void *st, struct ui_app *app)
{
	struct tonight *t = st;

	(void)app;
	return t->has && t->days == 0;
}

static int32_t
session_day(const struct tonight *t)
{
	int32_t day;

	return cb_date_parse(t->s.date, &day) == CB_OK ? day : 0;
}

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
	t->can_undo = true;
	t->undo_id = t->s.id;
	t->undo_status = t->s.status;
	load(t, app);
	ui_draw_keys_of(ui_app_keymap(app), ui_app_scope(app), UI_A_UNDO, keys, sizeof keys);
	ui_app_message(app, _("Tonight's session is marked as held (%s: undo)."), keys);
	return UI_R_DATA;
}

static unsigned
undo(struct tonight *t, struct ui_app *app)
{
	cb_status st;

	if (!t->can_undo) {
		ui_app_error(app, "%s", _("Nothing to undo."));
		return UI_R_DONE;
	}
	st = t->undo_status == CB_SESSION_CANCELLED
	     ? cb_session_cancel(ui_app_db(app), &t->undo_id, NULL)
	     : cb_session_restore(ui_app_db(app), &t->undo_id);
	if (st != CB_OK) {
		ui_app_error(app, _("Cannot undo: %s"), cb_status_message(st));
		return UI_R_DONE;
	}
	t->can_undo = false;
	load(t, app);
	ui_app_message(app, "%s", _("Undone: the session is no longer marked as held."));
	return UI_R_DATA;
}

static unsigned
tonight_handle(void *st, struct ui_app *app, enum ui_action a, int key)
{
	struct tonight *t = st;

	(void)key;
	switch (a) {
	case UI_A_MARK_HELD: return mark_held(t, app);
	case UI_A_UNDO: return undo(t, app);
	case UI_A_OPEN:
	case UI_A_SHOW_IN_CALENDAR:
		if (t->has)
			ui_app_show(app, "calendar", session_day(t), a == UI_A_OPEN);
		else
			ui_app_show(app, "calendar", ui_app_today(app), false);
		return UI_R_DONE;
	default:
		return UI_R_UNHANDLED;
	}
}

static bool
tonight_text_input(void *st)
{
	(void)st;
	return false;
}

static size_t
tonight_hints(void *st, enum ui_action *out, size_t max)
{
	struct tonight *t = st;
	size_t n = 0;

	if (t->has && t->days == 0 && t->s.status != CB_SESSION_HELD && n < max)
		out[n++] = UI_A_MARK_HELD;
	if (t->has && n < max)
		out[n++] = UI_A_OPEN;
	if (n < max)
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

static void
tonight_draw(void *st, struct ui_app *app, const struct ui_rect *area)
{
	struct tonight *t = st;
	const char *labels[] = {_("Times"), _("Venue"), _("Status"), _("Conflicts")};
	char title[256], date[64], when[64], line[700];
	int y = area->y + 1, x = area->x + 2, w = area->w - 4, lw = 0;

	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (cb_utf8_width(labels[i]) > lw)
			lw = cb_utf8_width(labels[i]);
	if (!t->has) {
		char keys[64];
		ui_draw_keys_of(ui_app_keymap(app), ui_app_scope(app), UI_A_SHOW_IN_CALENDAR, keys,
				sizeof keys);
		ui_draw_text(y, x, w, _("No session is planned."), UI_ROLE_TITLE);
		snprintf(line, sizeof line, _("Plan a series in the calendar (%s)."), keys);
		ui_draw_text(y + 2, x, w, line, UI_ROLE_DIM);
		return;
	}
	ui_day_long(session_day(t), date, sizeof date);
	if (t->days == 0) {
		snprintf(title, sizeof title, _("Today, %s"), date);
	} else {
		ui_days_until(t->days, when, sizeof when);
		snprintf(title, sizeof title, _("Next session: %s, %s"), date, when);
	}
	ui_draw_text(y, x, w, title, UI_ROLE_TITLE);
	y += 2;
	snprintf(line, sizeof line, "%s–%s", t->s.start, t->s.end);
	field(y++, x, lw, w, _("Times"), line, UI_ROLE_NORMAL);
	field(y++, x, lw, w, _("Venue"), *t->s.venue_name ? t->s.venue_name : "—",
	      UI_ROLE_TITLE);
	if (*t->s.venue_address || *t->s.venue_commune) {
		snprintf(line, sizeof line, "%s%s%s", t->s.venue_address,
			 *t->s.venue_address && *t->s.venue_commune ? ", " : "", t->s.venue_commune);
		field(y++, x, lw, w, "", line, UI_ROLE_NORMAL);
	}
	if (t->s.status == CB_SESSION_CANCELLED && *t->s.reason)
		snprintf(line, sizeof line, "%s — %s", cb_session_status_label(t->s.status),
			 t->s.reason);
	else
		snprintf(line, sizeof line, "%s", cb_session_status_label(t->s.status));
	field(y++, x, lw, w, _("Status"), line, t->s.status == CB_SESSION_CANCELLED
	      ? UI_ROLE_CAL_CANCELLED : t->s.status == CB_SESSION_HELD ? UI_ROLE_CAL_SESSION
	      : UI_ROLE_NORMAL);
	for (size_t i = 0; i < t->nours && y < area->y + area->h - 1; i++) {
		const struct cb_conflict *k = &t->conflicts.items[i];
		const char *what = k->kind == CB_CONFLICT_SAME_DAY ? _("another session that day")
				   : k->kind == CB_CONFLICT_CLOSED ? _("the venue is closed")
				   : _("holiday");
		snprintf(line, sizeof line, "! %s%s%s", what, k->detail && *k->detail ? ": " : "",
			 k->detail ? k->detail : "");
		field(y++, x, lw, w, i == 0 ? _("Conflicts") : "", line, UI_ROLE_CAL_CONFLICT);
	}
	/* The rows below y belong to the people at the session (arrivals,
	 * pairs): the attendance and pairings modules draw there when they
	 * land. Until then the space stays empty on purpose. */
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
	.start_here = tonight_start_here,
};
