/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_UI_SCREEN_H
#define CAMBOUIS_UI_SCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cambouis/config.h"
#include "cambouis/db.h"
#include "cambouis/holidays.h"
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
	/* Optional. Should the app open on this screen? Asked in tab order
	 * at start; the first yes wins (else the first tab). */
	bool (*start_here)(void *st, struct ui_app *app);
	/* Optional. Show day (a day number) and, with open, its session:
	 * how another screen jumps here (ui_app_show()). */
	void (*show_day)(void *st, struct ui_app *app, int32_t day, bool open);
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
/* The holidays the configuration describes. */
const struct cb_holidays *ui_app_holidays(struct ui_app *app);
/* Today's day number (the pinnable clock, local time). */
int32_t ui_app_today(struct ui_app *app);
/* Switch to the screen named name and show day there (see show_day);
 * false when there is no such screen. */
bool ui_app_show(struct ui_app *app, const char *name, int32_t day, bool open);
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
