/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drawing the widgets of the people screens. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/i18n.h"
#include "cambouis/text.h"
#include "ui/ppldraw.h"

void
ui_draw_suggest(const struct ui_suggest *s, const struct ui_rect *area)
{
	size_t n = ui_suggest_shown(s);
	int h = (int)(n ? n : 1) + 4, w = area->w > 78 ? 76 : area->w - 2;
	struct ui_rect box = {area->y + area->h - h, area->x + (area->w - w) / 2, h, w};
	char title[200], line[600];

	if (box.y < area->y)
		box.y = area->y;
	snprintf(title, sizeof title, _("A mentor for %s"), s->learner_name);
	ui_draw_box(&box, title);
	if (n == 0) {
		ui_draw_text(box.y + 1, box.x + 2, box.w - 4, _("No mentor here to suggest."),
			     UI_ROLE_DIM);
	}
	for (size_t i = 0; i < n; i++) {
		ui_suggest_line(s, i, line, sizeof line);
		ui_draw_text(box.y + 1 + (int)i, box.x + 2, box.w - 4, line,
			     i == s->sel ? UI_ROLE_SELECTED : UI_ROLE_NORMAL);
	}
	if (s->list.excluded) {
		snprintf(line, sizeof line,
			 ngettext_("%d mentor left out: attestation missing or expired (minor)",
				   "%d mentors left out: attestation missing or expired (minor)",
				   s->list.excluded), s->list.excluded);
		ui_draw_text(box.y + box.h - 3, box.x + 2, box.w - 4, line, UI_ROLE_DIM);
	}
	/* TRANSLATORS: keys of the suggestion panel */
	ui_draw_text(box.y + box.h - 2, box.x + 2, box.w - 4,
		     n ? _("Enter: pair   1-3: choose   Esc: not now")
		       : _("Esc: not now"), UI_ROLE_DIM);
}

int
ui_person_pick_height(const struct ui_rect *area)
{
	int h = area->h - 6;

	return h > 10 ? 10 : h < 1 ? 1 : h;
}

void
ui_draw_person_pick(const struct ui_person_pick *p, const struct ui_rect *area)
{
	int lh = ui_person_pick_height(area), col;
	int w = area->w > 60 ? 56 : area->w - 2;
	struct ui_rect box = {area->y + (area->h - lh - 4) / 2, area->x + (area->w - w) / 2,
			      lh + 4, w};
	char *view, roles[120], line[300];

	ui_draw_box(&box, p->title);
	ui_draw_str(box.y + 1, box.x + 2, 2, "›", UI_ROLE_LABEL_ACTIVE);
	if (!p->query.len)
		ui_draw_text(box.y + 2, box.x + 2, box.w - 4, _("type 2 or 3 letters of the name"),
			     UI_ROLE_DIM);
	else if (!p->found.count) {
		char *name = ui_person_pick_newcomer(p);
		ui_draw_text(box.y + 2, box.x + 2, box.w - 4, _("nobody by that name"), UI_ROLE_DIM);
		if (name && p->newcomer_keys[0]) {
			/* TRANSLATORS: "Enter: add “Noor” and check in" */
			snprintf(line, sizeof line, _("%s: add “%s” and check in"), p->newcomer_keys,
				 name);
			ui_draw_text(box.y + 3, box.x + 2, box.w - 4, line, UI_ROLE_LABEL_ACTIVE);
		}
		free(name);
	}
	for (int i = 0; i < lh && p->top + (size_t)i < p->found.count; i++) {
		const struct cb_person_ref *r = &p->found.items[p->top + (size_t)i];
		char *name = ui_text_cell(r->name, (box.w - 4) * 3 / 5, UI_ALIGN_LEFT);
		ui_roles_text(r->roles, roles, sizeof roles);
		snprintf(line, sizeof line, "%s %s", name ? name : "", roles);
		free(name);
		ui_draw_text(box.y + 2 + i, box.x + 1, box.w - 2, "",
			     p->top + (size_t)i == p->sel ? UI_ROLE_SELECTED : UI_ROLE_NORMAL);
		ui_draw_text(box.y + 2 + i, box.x + 2, box.w - 4, line,
			     p->top + (size_t)i == p->sel ? UI_ROLE_SELECTED : UI_ROLE_NORMAL);
	}
	if (p->found.count > (size_t)lh) {
		char pos[48];
		snprintf(pos, sizeof pos, " %zu/%zu%s ", p->sel + 1, p->found.count,
			 p->found.count >= UI_PERSON_PICK_LIMIT ? "+" : "");
		ui_draw_str(box.y + box.h - 1, box.x + box.w - 2 - cb_utf8_width(pos),
			    cb_utf8_width(pos), pos, UI_ROLE_BORDER);
	}
	if ((view = ui_edit_view(&p->query, box.w - 6, &col))) {
		ui_draw_str(box.y + 1, box.x + 4, box.w - 6, view, UI_ROLE_FIELD_ACTIVE);
		free(view);
		ui_term_cursor(box.y + 1, box.x + 4 + col);
	}
}

int
ui_draw_lines(const struct ui_lines *l, size_t top, const struct ui_rect *r)
{
	int shown = 0;

	for (int i = 0; i < r->h; i++) {
		size_t k = top + (size_t)i;
		enum ui_role role = UI_ROLE_NORMAL;
		if (k >= l->count) {
			ui_draw_text(r->y + i, r->x, r->w, "", UI_ROLE_NORMAL);
			continue;
		}
		switch (l->items[k].kind) {
		case UI_LINE_HEADING: role = UI_ROLE_TITLE; break;
		case UI_LINE_DIM: role = UI_ROLE_DIM; break;
		case UI_LINE_ATTENTION: role = UI_ROLE_ATTENTION; break;
		default: break;
		}
		ui_draw_text(r->y + i, r->x, r->w, l->items[k].text, role);
		shown++;
	}
	return shown;
}

void
ui_draw_list_roles(const struct ui_list *l, const struct ui_rect *r, const char *const *titles,
		   const char *empty_text, bool sort_mark,
		   enum ui_role (*role_of)(const char *key, const void *ctx), const void *ctx)
{
	int widths[16], rows = r->h - 1;
	size_t top, n = ui_list_count(l);

	ui_draw_list(l, r, titles, empty_text);
	if (r->h < 2 || l->ncols > 16)
		return;
	/* what ui_draw_list drew is drawn again where it differs: the same
	 * layout (one column of margin, widths of w - 2) */
	ui_list_widths(l, r->w - 2, widths);
	if (!sort_mark) {
		char *head = ui_list_line(l, (size_t)-1, widths, titles);
		if (head) {
			ui_draw_text(r->y, r->x, r->w, "", UI_ROLE_HEADER);
			ui_draw_str(r->y, r->x + 1, r->w - 1, head, UI_ROLE_HEADER);
			free(head);
		}
		if (n > (size_t)rows) {
			char pos[48];
			snprintf(pos, sizeof pos, " %zu/%zu ", l->sel + 1, n);
			ui_draw_str(r->y, r->x + r->w - cb_utf8_width(pos), cb_utf8_width(pos), pos,
				    UI_ROLE_HEADER);
		}
	}
	top = ui_list_top(l, rows);
	for (int i = 0; i < rows && top + (size_t)i < n; i++) {
		size_t vi = top + (size_t)i;
		enum ui_role role = role_of(ui_list_key(l, vi), ctx);
		char *line;
		if (vi == l->sel || role == UI_ROLE_NORMAL)
			continue;
		if ((line = ui_list_line(l, vi, widths, NULL))) {
			ui_draw_text(r->y + 1 + i, r->x, r->w, "", role);
			ui_draw_str(r->y + 1 + i, r->x + 1, r->w - 1, line, role);
			free(line);
		}
	}
}
