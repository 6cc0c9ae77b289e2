/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_UI_DRAW_H
#define CAMBOUIS_UI_DRAW_H

#include "ui/dialog.h"
#include "ui/form.h"
#include "ui/list.h"
#include "ui/screen.h"
#include "ui/term.h"

/* Drawing the widgets with curses, from their view-models. */

/* s in exactly w columns at (y, x): cut with "…" or padded. */
void ui_draw_text(int y, int x, int w, const char *s, enum ui_role role);
/* s at (y, x), at most w columns, not padded; returns the columns used. */
int ui_draw_str(int y, int x, int w, const char *s, enum ui_role role);
void ui_draw_fill(const struct ui_rect *r, enum ui_role role);
void ui_draw_box(const struct ui_rect *r, const char *title);

/* A list with its header line in r; titles are translated. An empty list
 * shows empty_text. */
void ui_draw_list(const struct ui_list *l, const struct ui_rect *r, const char *const *titles,
		  const char *empty_text);

/* A form as a centred dialog within area; the terminal cursor goes to the
 * current field. */
void ui_draw_form(const struct ui_form *f, const struct ui_rect *area,
		  const struct ui_keymap *km);
/* The question wraps at spaces (up to four lines) on a narrow screen. */
void ui_draw_confirm(const struct ui_confirm *c, const struct ui_rect *area);

/* How many bytes of s to put on a line of w columns: cut after a space
 * when the whole does not fit. */
size_t ui_wrap_at(const char *s, int w);
/* The rows a picker's list gets in area (for paging). */
int ui_picker_height(const struct ui_picker *p, const struct ui_rect *area);
void ui_draw_picker(const struct ui_picker *p, const struct ui_rect *area);
/* A one-line prompt (search) at row y. */
void ui_draw_prompt(int y, int x, int w, const char *label, const struct ui_edit *e,
		    bool failed);

/* "j, Down" for action a in scope. */
void ui_draw_keys_of(const struct ui_keymap *km, int scope, enum ui_action a, char *buf,
		     size_t len);

#endif
