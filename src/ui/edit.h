/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_UI_EDIT_H
#define CAMBOUIS_UI_EDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/action.h"

/*
 * A one-line UTF-8 text being edited (no curses): the text, the cursor as
 * a byte offset that never falls inside a character or between a letter
 * and its combining marks, and the editing actions of the form scope.
 */
struct ui_edit {
	char *text;    /* always NUL-terminated */
	size_t len, cap;
	size_t cursor; /* byte offset */
	size_t max;    /* bytes; 0 for no limit */
};

bool ui_edit_init(struct ui_edit *e, const char *text, size_t max);
void ui_edit_free(struct ui_edit *e);
bool ui_edit_set(struct ui_edit *e, const char *text); /* cursor at the end */

/* Handle an editing action, or insert key when action is UI_A_NONE and key
 * is a text character. Returns 1 when the text changed, 0 when only the
 * cursor moved or nothing applied, -1 when the text is full. */
int ui_edit_handle(struct ui_edit *e, enum ui_action a, int key);

/* The part of the text to show in width columns so the cursor is visible:
 * a malloc'ed string of at most width columns (padded with spaces to
 * width), and the cursor's column in it. */
char *ui_edit_view(const struct ui_edit *e, int width, int *cursor_col);

#endif
