/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_UI_SCRIPT_H
#define CAMBOUIS_UI_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The headless script (no curses): what tests type. Each line is either
 *   # a comment, or an empty line
 *   :dump FILE          write the screen as text to FILE
 *   :idle               a pause with no key (the idle check: has another
 *                       process written the database?)
 *   :cambouis ARGS      run this program with ARGS (split at spaces,
 *                       "double quotes" group) as a second process, as
 *                       if in another terminal, and wait for it
 *   keys                characters typed as they are, and named keys in
 *                       angle brackets: <Enter> <Down> <C-u> <F2> <lt>
 *                       (a literal '<') and <Resize 60x20>
 */
enum ui_script_kind {
	UI_SCRIPT_KEY,
	UI_SCRIPT_RESIZE,
	UI_SCRIPT_DUMP,
	UI_SCRIPT_IDLE,
	UI_SCRIPT_RUN, /* path: the arguments */
	UI_SCRIPT_END,
	UI_SCRIPT_ERROR,
};

struct ui_script_event {
	enum ui_script_kind kind;
	int key;
	int cols, rows;
	const char *path; /* DUMP, RUN: valid until the next call */
	int line;
};

struct ui_script {
	char *text;
	size_t len, pos;
	int line;
	char *path;
	char err[200];
	char dump[4096];
};

/* Read the whole script from path; false with err set when unreadable. */
bool ui_script_open(struct ui_script *s, const char *path);
/* Parse a script held in memory (copied). */
bool ui_script_from_text(struct ui_script *s, const char *text);
void ui_script_close(struct ui_script *s);

/* The next event; UI_SCRIPT_ERROR leaves "LINE: message" in s->err. */
struct ui_script_event ui_script_next(struct ui_script *s);

/* "80x24" -> 80 columns, 24 rows. */
bool ui_script_size(const char *text, int *cols, int *rows);

#endif
