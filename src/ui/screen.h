/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_UI_SCREEN_H
#define CAMBOUIS_UI_SCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cambouis/config.h"
#include "cambouis/db.h"
#include "cambouis/holidays.h"
#include "cambouis/id.h"
#include "ui/action.h"

/*
 * A screen (one tab) is a table of callbacks. draw() repaints everything
 * from the screen's state, so a resize needs nothing special; handle()
 * changes state and returns reaction flags, and never draws.
 *
 * To add a module's screen: write src/ui/<module>.c with its ops and add
 * one line to the table in src/ui/screens.c.
 */
struct ui_app;

struct ui_rect {
	int y, x, h, w;
};

enum ui_reaction {
	UI_R_DONE = 0,
	UI_R_UNHANDLED = 1 << 0, /* the app tries the action itself */
	UI_R_DATA = 1 << 1,      /* the database changed: recount, reload */
};

/* Where a screen is sent: how any screen jumps to a day, a session, a
 * person, a part, a referral... on another. */
enum ui_target_kind {
	UI_TARGET_START, /* the app is starting: open here? */
	UI_TARGET_DAY,   /* day (and, with open, its session) */
	UI_TARGET_ROW,   /* the row of a table (CB_T_ code) */
};
struct ui_target {
	enum ui_target_kind kind;
	int32_t day;       /* UI_TARGET_DAY: a day number */
	int table;         /* UI_TARGET_ROW */
	struct cb_id row;
	bool open;         /* open it as well (a card, a detail) */
};

struct ui_screen_ops {
	const char *name;  /* config scope and stable id: "venues" */
	const char *title; /* N_("Venues") */
	/* NULL on failure (after ui_app_error()). */
	void *(*open)(struct ui_app *app);
	void (*draw)(void *st, struct ui_app *app, const struct ui_rect *area);
	unsigned (*handle)(void *st, struct ui_app *app, enum ui_action a, int key);
	/* true while a form, prompt or dialog wants keys (form scope) */
	bool (*text_input)(void *st);
	/* the actions worth showing in the key hints bar, at most max */
	size_t (*hints)(void *st, enum ui_action *out, size_t max);
	/* another screen changed the database */
	void (*reload)(void *st, struct ui_app *app);
	void (*close)(void *st);
	/* Optional. Show target (ui_app_show(), and the app after an undo:
	 * the row the undone action wrote); true when the screen showed it.
	 * UI_TARGET_START asks, in tab order at start, whether the app
	 * should open on this screen: the first yes wins (else the first tab). */
	bool (*show)(void *st, struct ui_app *app, const struct ui_target *t);
};

/* The tabs, in order (src/ui/screens.c). */
extern const struct ui_screen_ops *const ui_screens[];
extern const size_t ui_nscreens;

/* What screens may ask of the app. */
struct cb_db *ui_app_db(struct ui_app *app);
int64_t ui_app_now(struct ui_app *app);
const struct ui_keymap *ui_app_keymap(struct ui_app *app);
/* The configuration (defaults for new sessions, ...). */
const struct cb_config *ui_app_config(struct ui_app *app);
/* The file settings are written to (-c, CAMBOUIS_CONFIG or the XDG
 * path; NULL: none can be told). */
const char *ui_app_config_path(struct ui_app *app);
/* Read the configuration file again after a setting was written to it
 * (cb_config_set_string): the folder to sync and the workshop's name
 * follow it. False (with an error message) when it does not load. */
bool ui_app_reload_config(struct ui_app *app);
/* The holidays the configuration describes. */
const struct cb_holidays *ui_app_holidays(struct ui_app *app);
/* Today's day number (the pinnable clock, local time). */
int32_t ui_app_today(struct ui_app *app);
/* Switch to the screen named name and show target there (see show);
 * false when there is no such screen. */
bool ui_app_show(struct ui_app *app, const char *name, const struct ui_target *target);
/* What undoing the action the current key made will say (printf format):
 * call it after a core call that changed something. u (handled by the
 * app for every screen) undoes the last action of this session. */
void ui_app_undo_note(struct ui_app *app, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The key map scope of the screen being shown. */
int ui_app_scope(struct ui_app *app);
/* The area a screen gets, for paging in handle(). */
struct ui_rect ui_app_area(struct ui_app *app);
/* The status line's message (printf format). */
void ui_app_message(struct ui_app *app, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void ui_app_error(struct ui_app *app, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
