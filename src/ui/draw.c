/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define NCURSES_WIDECHAR 1
#include <curses.h>

#include "cambouis/i18n.h"
#include "cambouis/text.h"
#include "ui/draw.h"
#include "ui/keys.h"

/* Put UTF-8 text through the wide API so curses never guesses the
 * encoding from the locale. Every string a screen shows passes here: a
 * control or a bidirectional control (in a name from another laptop, a
 * file name...) is drawn as its one-column picture, never sent to the
 * terminal (cb_codepoint_visible). */
static void
put(int y, int x, const char *s, enum ui_role role)
{
	size_t n = strlen(s), i = 0, o = 0;
	wchar_t *w = malloc((n + 1) * sizeof *w);

	if (!w)
		return;
	while (i < n) {
		uint32_t cp;
		i += cb_utf8_decode(s + i, n - i, &cp);
		w[o++] = (wchar_t)cb_codepoint_visible(cp);
	}
	w[o] = L'\0';
	wattrset(stdscr, (int)ui_term_attr(role));
	mvwaddnwstr(stdscr, y, x, w, (int)o);
	wattrset(stdscr, A_NORMAL);
	free(w);
}

static void
blank(int y, int x, int w, enum ui_role role)
{
	if (w <= 0 || y < 0 || y >= LINES || x >= COLS)
		return;
	if (x + w > COLS)
		w = COLS - x;
	wattrset(stdscr, (int)ui_term_attr(role));
	mvwhline(stdscr, y, x, ' ', w);
	wattrset(stdscr, A_NORMAL);
}

void
ui_draw_text(int y, int x, int w, const char *s, enum ui_role role)
{
	char *cell;

	if (w <= 0)
		return;
	blank(y, x, w, role);
	if ((cell = ui_text_cell(s ? s : "", w, UI_ALIGN_LEFT))) {
		put(y, x, cell, role);
		free(cell);
	}
}

int
ui_draw_str(int y, int x, int w, const char *s, enum ui_role role)
{
	int used = cb_utf8_width(s);
	char *cell;

	if (w <= 0)
		return 0;
	if (used > w)
		used = w;
	if ((cell = ui_text_cell(s, used, UI_ALIGN_LEFT))) {
		put(y, x, cell, role);
		free(cell);
	}
	return used;
}

void
ui_draw_fill(const struct ui_rect *r, enum ui_role role)
{
	for (int i = 0; i < r->h; i++)
		blank(r->y + i, r->x, r->w, role);
}

void
ui_draw_box(const struct ui_rect *r, const char *title)
{
	char line[8];

	ui_draw_fill(r, UI_ROLE_NORMAL);
	for (int x = r->x + 1; x < r->x + r->w - 1; x++) {
		put(r->y, x, "─", UI_ROLE_BORDER);
		put(r->y + r->h - 1, x, "─", UI_ROLE_BORDER);
	}
	for (int y = r->y + 1; y < r->y + r->h - 1; y++) {
		put(y, r->x, "│", UI_ROLE_BORDER);
		put(y, r->x + r->w - 1, "│", UI_ROLE_BORDER);
	}
	put(r->y, r->x, "┌", UI_ROLE_BORDER);
	put(r->y, r->x + r->w - 1, "┐", UI_ROLE_BORDER);
	put(r->y + r->h - 1, r->x, "└", UI_ROLE_BORDER);
	put(r->y + r->h - 1, r->x + r->w - 1, "┘", UI_ROLE_BORDER);
	if (title && *title && r->w > 6) {
		snprintf(line, sizeof line, " ");
		put(r->y, r->x + 2, line, UI_ROLE_BORDER);
		int used = ui_draw_str(r->y, r->x + 3, r->w - 6, title, UI_ROLE_TITLE);
		put(r->y, r->x + 3 + used, line, UI_ROLE_BORDER);
	}
}

void
ui_draw_list(const struct ui_list *l, const struct ui_rect *r, const char *const *titles,
	     const char *empty_text)
{
	int widths[16];
	size_t top, n = ui_list_count(l);
	int rows = r->h - 1;

	if (r->h < 1 || l->ncols > 16)
		return;
	ui_list_widths(l, r->w - 2, widths);
	/* header, with the sort column marked */
	blank(r->y, r->x, r->w, UI_ROLE_HEADER);
	for (size_t c = 0, x = (size_t)r->x + 1; c < l->ncols; c++) {
		char title[128];
		snprintf(title, sizeof title, "%s%s", titles[c],
			 c == l->sort_col ? (l->sort_desc ? " ▼" : " ▲") : "");
		char *cell = ui_text_cell(title, widths[c], l->cols[c].align);
		if (cell) {
			put(r->y, (int)x, cell, UI_ROLE_HEADER);
			free(cell);
		}
		x += (size_t)widths[c] + 2;
	}
	if (n == 0) {
		if (empty_text && rows > 2) {
			int w = cb_utf8_width(empty_text);
			int x = r->x + (r->w - w) / 2;
			ui_draw_str(r->y + rows / 2, x < r->x ? r->x : x, r->w, empty_text, UI_ROLE_DIM);
		}
		return;
	}
	top = ui_list_top(l, rows);
	for (int i = 0; i < rows && top + (size_t)i < n; i++) {
		size_t vi = top + (size_t)i;
		enum ui_role role = vi == l->sel ? UI_ROLE_SELECTED : UI_ROLE_NORMAL;
		int x = r->x + 1;
		blank(r->y + 1 + i, r->x, r->w, role);
		for (size_t c = 0; c < l->ncols; c++) {
			char *cell = ui_text_cell(ui_list_cell(l, vi, c), widths[c], l->cols[c].align);
			if (cell) {
				put(r->y + 1 + i, x, cell, role);
				free(cell);
			}
			x += widths[c] + 2;
		}
	}
	/* a scroll hint when rows are hidden */
	if (n > (size_t)rows) {
		char pos[48];
		snprintf(pos, sizeof pos, " %zu/%zu ", l->sel + 1, n);
		int w = cb_utf8_width(pos);
		put(r->y, r->x + r->w - w, pos, UI_ROLE_HEADER);
	}
}

void
ui_draw_keys_of(const struct ui_keymap *km, int scope, enum ui_action a, char *buf, size_t len)
{
	if (ui_keymap_keys(km, scope, a, buf, len) == 0)
		snprintf(buf, len, "-");
}

static struct ui_rect
centred(const struct ui_rect *area, int w, int h)
{
	struct ui_rect r;

	if (w > area->w)
		w = area->w;
	if (h > area->h)
		h = area->h;
	r.w = w;
	r.h = h;
	r.x = area->x + (area->w - w) / 2;
	r.y = area->y + (area->h - h) / 2;
	return r;
}

/* The first key of a form action: the hints line has little room. */
static void
first_key(const struct ui_keymap *km, enum ui_action a, char *buf, size_t len)
{
	char *comma;

	ui_draw_keys_of(km, UI_SCOPE_FORM, a, buf, len);
	if ((comma = strchr(buf, ',')))
		*comma = '\0';
}

void
ui_draw_form(const struct ui_form *f, const struct ui_rect *area, const struct ui_keymap *km)
{
	int label_w = 0, h = 4, errors = 0;
	struct ui_rect box;
	int y, input_x, input_w;
	char k1[40], k2[40], k3[40], hints[200];

	for (size_t i = 0; i < f->n; i++) {
		int w = cb_utf8_width(f->fields[i].label);
		if (w > label_w)
			label_w = w;
		if (f->fields[i].error)
			errors++;
	}
	h += (int)f->n + errors + 1;
	box = centred(area, area->w > 76 ? 72 : area->w - 2, h);
	ui_draw_box(&box, f->title);
	if (label_w > box.w / 3)
		label_w = box.w / 3;
	input_x = box.x + 2 + label_w + 2;
	input_w = box.x + box.w - 2 - input_x;
	y = box.y + 2;
	for (size_t i = 0; i < f->n && y < box.y + box.h - 2; i++, y++) {
		const struct ui_field *x = &f->fields[i];
		bool cur = i == f->cur;
		char hint[96], *label = ui_text_cell(x->label, label_w, UI_ALIGN_RIGHT);

		if (label) {
			put(y, box.x + 2, label, cur ? UI_ROLE_LABEL_ACTIVE : UI_ROLE_NORMAL);
			free(label);
		}
		ui_form_hint(f, i, hint, sizeof hint);
		if (x->type == UI_FIELD_CHOICE || x->type == UI_FIELD_YESNO) {
			char v[160];
			snprintf(v, sizeof v, "‹ %s ›", x->choices[x->choice]);
			ui_draw_text(y, input_x, cb_utf8_width(v) < input_w ? cb_utf8_width(v) : input_w, v,
				     cur ? UI_ROLE_FIELD_ACTIVE : UI_ROLE_FIELD);
		} else {
			int hint_w = *hint ? cb_utf8_width(hint) + 2 : 0, field_w, col;
			if (hint_w > input_w / 2)
				hint_w = 0;
			field_w = input_w - hint_w;
			char *view = ui_edit_view(&x->edit, field_w, &col);
			if (view) {
				blank(y, input_x, field_w, cur ? UI_ROLE_FIELD_ACTIVE : UI_ROLE_FIELD);
				put(y, input_x, view, cur ? UI_ROLE_FIELD_ACTIVE : UI_ROLE_FIELD);
				free(view);
			}
			if (hint_w)
				ui_draw_str(y, input_x + field_w + 2, hint_w - 2, hint, UI_ROLE_DIM);
			if (cur)
				ui_term_cursor(y, input_x + col);
		}
		if (x->error) {
			y++;
			char msg[256];
			snprintf(msg, sizeof msg, "↳ %s", x->error);
			ui_draw_text(y, input_x, input_w, msg, UI_ROLE_ERROR);
		}
	}
	first_key(km, UI_A_ACCEPT, k1, sizeof k1); /* Enter: the next field */
	first_key(km, UI_A_SAVE, k2, sizeof k2);
	first_key(km, UI_A_CANCEL, k3, sizeof k3);
	/* TRANSLATORS: the keys of a form: next field, save, cancel */
	snprintf(hints, sizeof hints, _("%s: next field   %s: save   %s: cancel"), k1, k2, k3);
	if (f->n && f->fields[f->cur].nsuggestions) {
		char k4[40];
		size_t used = strlen(hints);
		first_key(km, UI_A_CHOOSE, k4, sizeof k4);
		snprintf(hints + used, sizeof hints - used, _("   %s: choose"), k4);
	}
	ui_draw_text(box.y + box.h - 2, box.x + 2, box.w - 4, hints, UI_ROLE_DIM);
}

size_t
ui_wrap_at(const char *s, int w)
{
	size_t n = cb_utf8_fit(s, w, NULL), cut = n;

	if (s[n] == '\0')
		return n;
	while (cut > 0 && s[cut - 1] != ' ')
		cut--;
	return cut > 0 ? cut : n;
}

#define CONFIRM_LINES 4

void
ui_draw_confirm(const struct ui_confirm *c, const struct ui_rect *area)
{
	char lines[CONFIRM_LINES][512], yn[96];
	int maxw = area->w - 8 > 20 ? area->w - 8 : 20, w = 0, n = 0;
	const char *s = c->question;
	struct ui_rect box;

	/* TRANSLATORS: the answers of a yes/no question */
	snprintf(yn, sizeof yn, "%s", _("y: yes   n: no"));
	while (*s && n < CONFIRM_LINES) {
		/* the last line takes the rest (cut with "…" if need be) */
		size_t k = n + 1 < CONFIRM_LINES ? ui_wrap_at(s, maxw) : strlen(s);
		snprintf(lines[n], sizeof lines[n], "%.*s", (int)k, s);
		if (cb_utf8_width(lines[n]) > w)
			w = cb_utf8_width(lines[n]);
		n++;
		for (s += k; *s == ' '; s++)
			;
	}
	if (w > maxw)
		w = maxw;
	if (w < cb_utf8_width(yn))
		w = cb_utf8_width(yn);
	box = centred(area, w + 6 < 30 ? 30 : w + 6, 5 + n);
	ui_draw_box(&box, _("Please confirm"));
	for (int i = 0; i < n; i++)
		ui_draw_text(box.y + 2 + i, box.x + 3, box.w - 6, lines[i], UI_ROLE_NORMAL);
	ui_draw_text(box.y + 2 + n, box.x + 3, box.w - 6, yn, UI_ROLE_DIM);
}

int
ui_picker_height(const struct ui_picker *p, const struct ui_rect *area)
{
	int h = area->h - 6, want = p->list.nrows < 3 ? 3 : (int)p->list.nrows;

	if (h > want)
		h = want;
	return h > 12 ? 12 : h < 1 ? 1 : h;
}

void
ui_draw_picker(const struct ui_picker *p, const struct ui_rect *area)
{
	int lh = ui_picker_height(p, area);
	struct ui_rect box = centred(area, area->w > 50 ? 46 : area->w - 2, lh + 5), lr;
	const char *titles[] = {""};
	int col;
	char *view;

	ui_draw_box(&box, p->title);
	/* the list's header row doubles as the line under the query */
	lr = (struct ui_rect){box.y + 1, box.x + 1, box.h - 2, box.w - 2};
	ui_draw_list(&p->list, &lr, titles, _("nothing matches"));
	ui_draw_text(box.y + 1, box.x + 1, box.w - 2, "", UI_ROLE_NORMAL);
	ui_draw_str(box.y + 1, box.x + 2, box.w - 4, "›", UI_ROLE_LABEL_ACTIVE);
	if ((view = ui_edit_view(&p->query, box.w - 6, &col))) {
		put(box.y + 1, box.x + 4, view, UI_ROLE_FIELD_ACTIVE);
		free(view);
		ui_term_cursor(box.y + 1, box.x + 4 + col);
	}
}

void
ui_draw_prompt(int y, int x, int w, const char *label, const struct ui_edit *e, bool failed)
{
	int used, col;
	char *view;

	blank(y, x, w, UI_ROLE_NORMAL);
	used = ui_draw_str(y, x, w, label, failed ? UI_ROLE_ERROR : UI_ROLE_LABEL_ACTIVE);
	if (w - used - 1 < 1)
		return;
	if ((view = ui_edit_view(e, w - used - 1, &col))) {
		put(y, x + used + 1, view, UI_ROLE_NORMAL);
		free(view);
		ui_term_cursor(y, x + used + 1 + col);
	}
}
