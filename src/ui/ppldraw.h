/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_UI_PPLDRAW_H
#define CAMBOUIS_UI_PPLDRAW_H

#include "ui/draw.h"
#include "ui/pplvm.h"

/* Drawing the people screens' widgets from their view-models (curses). */

/* The suggested mentors as a box at the bottom of area. */
void ui_draw_suggest(const struct ui_suggest *s, const struct ui_rect *area);
/* The rows the person picker's list gets in area (for paging). */
int ui_person_pick_height(const struct ui_rect *area);
void ui_draw_person_pick(const struct ui_person_pick *p, const struct ui_rect *area);
/* Lines from top in r; returns the lines shown. */
int ui_draw_lines(const struct ui_lines *l, size_t top, const struct ui_rect *r);
/* A list whose rows have roles of their own (role_of(row's key, ctx));
 * the selection wins. Like ui_draw_list otherwise, but for a list in a
 * fixed order (sort_mark false) the header shows no sort arrow. */
void ui_draw_list_roles(const struct ui_list *l, const struct ui_rect *r,
			const char *const *titles, const char *empty_text, bool sort_mark,
			enum ui_role (*role_of)(const char *key, const void *ctx), const void *ctx);

#endif
