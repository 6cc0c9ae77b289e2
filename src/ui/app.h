/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_UI_APP_H
#define CAMBOUIS_UI_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "common/context.h"
#include "ui/screen.h"
#include "ui/term.h"

/* The frame around the screens: tab bar, status line, key hints, help,
 * the "terminal too small" screen, and the dispatch of keys to actions. */
#define UI_MIN_COLS 60
#define UI_MIN_ROWS 16
#define UI_MAX_SCREENS 16

struct ui_app {
	struct cli *cli;
	struct ui_keymap *km;
	void *states[UI_MAX_SCREENS];
	bool stale[UI_MAX_SCREENS]; /* data changed while the screen was hidden */
	size_t cur;
	bool help;
	size_t help_top;
	char message[512];
	enum ui_role message_role;
	int64_t pending;
	struct cb_holidays holidays;
	bool quit;
	int64_t undo_mark; /* undo reaches back to the app's start */
	int64_t key_mark;  /* the actions before the current key */
	int64_t data_version; /* the database as the screens last read it */
};

/* Open every screen; false (with a message printed) on failure. */
bool ui_app_start(struct ui_app *app, struct cli *cli, struct ui_keymap *km);
void ui_app_stop(struct ui_app *app);
/* Repaint everything from state. */
void ui_app_draw(struct ui_app *app);
/* One key (or UI_KEY_RESIZE). */
void ui_app_key(struct ui_app *app, int key);
/* No key for a while: when another process wrote the database (a sync in
 * another terminal), the shown screen reads its data again, the others
 * when next shown, and the status line recounts. True when it did (the
 * caller redraws). */
bool ui_app_idle(struct ui_app *app);

#endif
