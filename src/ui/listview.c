/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The list-screen driver: movement, paging, sort, search and a question,
 * written once for every list screen (ui/listview.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cambouis/i18n.h"
#include "ui/draw.h"
#include "ui/listview.h"

/* --- the jump search, on its own ------------------------------------- */

/* The screen's own words ("No venue matches “%s”."), one %s, from a
 * constant it gave at init. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
no_match(const char *fmt, struct ui_app *app, const char *text)
{
	ui_app_error(app, _(fmt), text);
}
#pragma GCC diagnostic pop

bool
ui_search_init(struct ui_search *s, const struct ui_search_ops *ops, void *ctx,
	       const char *no_match_fmt)
{
	memset(s, 0, sizeof *s);
	s->ops = ops;
	s->ctx = ctx;
	s->no_match = no_match_fmt;
	return ui_edit_init(&s->edit, "", 200);
}

void
ui_search_free(struct ui_search *s)
{
	ui_edit_free(&s->edit);
	free(s->last);
	s->last = NULL;
}

void
ui_search_start(struct ui_search *s)
{
	ui_edit_set(&s->edit, "");
	s->ops->mark(s->ctx);
	s->failed = false;
	s->active = true;
}

unsigned
ui_search_key(struct ui_search *s, struct ui_app *app, enum ui_action a, int key)
{
	if (a == UI_A_CANCEL) {
		s->ops->back(s->ctx, app);
		s->active = false;
		return UI_R_DONE;
	}
	if (a == UI_A_ACCEPT || a == UI_A_FIELD_NEXT || a == UI_A_SAVE) {
		s->active = false;
		if (s->edit.len) {
			free(s->last);
			s->last = strdup(s->edit.text);
		}
		if (s->failed)
			no_match(s->no_match, app, s->edit.text);
		return UI_R_DONE;
	}
	if (ui_edit_handle(&s->edit, a, key) > 0) {
		/* incremental: look again from where the search started */
		s->ops->back(s->ctx, app);
		s->failed = s->edit.len && !s->ops->find(s->ctx, app, s->edit.text, 1, true);
		if (!s->edit.len || s->failed)
			s->ops->back(s->ctx, app);
	}
	return UI_R_DONE;
}

unsigned
ui_search_again(struct ui_search *s, struct ui_app *app, int dir)
{
	if (!s->last) {
		ui_app_error(app, "%s", _("No search yet: press / to search."));
		return UI_R_DONE;
	}
	if (!s->ops->find(s->ctx, app, s->last, dir, false))
		no_match(s->no_match, app, s->last);
	return UI_R_DONE;
}

void
ui_search_draw(const struct ui_search *s, const struct ui_rect *area)
{
	if (s->active)
		ui_draw_prompt(area->y + area->h - 1, 0, area->w, _("Search:"), &s->edit, s->failed);
}

/* --- the list's jump search ---------------------------------------------- */

static bool
list_find(void *ctx, struct ui_app *app, const char *text, int dir, bool include_current)
{
	struct ui_listview *lv = ctx;

	(void)app;
	return ui_list_search(&lv->list, text, dir, include_current, lv->height);
}

static void
list_mark(void *ctx)
{
	struct ui_listview *lv = ctx;

	lv->search_origin = lv->list.sel;
}

static void
list_back(void *ctx, struct ui_app *app)
{
	struct ui_listview *lv = ctx;

	(void)app;
	lv->list.sel = lv->search_origin;
	ui_listview_scroll(lv, lv->height);
}

static const struct ui_search_ops list_search = {list_find, list_mark, list_back};

/* --- the driver ------------------------------------------------------------- */

bool
ui_listview_init(struct ui_listview *lv, const struct ui_column *cols, size_t ncols,
		 enum ui_lv_search search, const char *no_match_fmt)
{
	memset(lv, 0, sizeof *lv);
	ui_list_init(&lv->list, cols, ncols);
	lv->search_kind = search;
	lv->no_match = no_match_fmt;
	lv->height = 1;
	return ui_edit_init(&lv->search, "", 200) &&
	       ui_search_init(&lv->jump, &list_search, lv, no_match_fmt);
}

void
ui_listview_free(struct ui_listview *lv)
{
	ui_ask_close(&lv->ask);
	ui_list_free(&lv->list);
	ui_edit_free(&lv->search);
	ui_search_free(&lv->jump);
	free(lv->filter);
	memset(lv, 0, sizeof *lv);
}

bool
ui_listview_busy(const struct ui_listview *lv)
{
	return lv->mode != UI_LV_LIST;
}

void
ui_listview_scroll(struct ui_listview *lv, int height)
{
	lv->list.top = ui_list_top(&lv->list, height);
}

bool
ui_listview_select(struct ui_listview *lv, const char *key, int height)
{
	bool found = ui_list_select_key(&lv->list, key);

	ui_listview_scroll(lv, height);
	return found;
}


/* Keys while the filter's prompt is open: the list narrows as one types. */
static unsigned
filter_key(struct ui_listview *lv, struct ui_app *app, enum ui_action a, int key, int h)
{
	if (a == UI_A_CANCEL) {
		/* back to the filter there was before */
		ui_list_set_filter(&lv->list, lv->filter);
		ui_listview_scroll(lv, h);
		lv->mode = UI_LV_LIST;
		return UI_R_DONE;
	}
	if (a == UI_A_ACCEPT || a == UI_A_FIELD_NEXT || a == UI_A_SAVE) {
		lv->mode = UI_LV_LIST;
		free(lv->filter);
		lv->filter = lv->search.len ? strdup(lv->search.text) : NULL;
		if (lv->search.len && !ui_list_count(&lv->list))
			no_match(lv->no_match, app, lv->search.text);
		return UI_R_DONE;
	}
	if (ui_edit_handle(&lv->search, a, key) > 0) {
		ui_list_set_filter(&lv->list, lv->search.text);
		ui_list_first(&lv->list);
	}
	return UI_R_DONE;
}

static unsigned
search_key(struct ui_listview *lv, struct ui_app *app, enum ui_action a, int key, int h)
{
	unsigned r;

	if (lv->search_kind == UI_LV_SEARCH_FILTER)
		return filter_key(lv, app, a, key, h);
	r = ui_search_key(&lv->jump, app, a, key);
	if (!lv->jump.active)
		lv->mode = UI_LV_LIST;
	return r;
}

/* --- a question --------------------------------------------------------- */

bool
ui_ask_open(struct ui_ask *q, const char *question, ui_lv_answer_fn answer, void *screen)
{
	ui_ask_close(q);
	if (!ui_confirm_init(&q->confirm, question))
		return false;
	q->answer = answer;
	q->screen = screen;
	q->open = true;
	return true;
}

void
ui_ask_close(struct ui_ask *q)
{
	if (q->open)
		ui_confirm_free(&q->confirm);
	q->open = false;
}

unsigned
ui_ask_key(struct ui_ask *q, struct ui_app *app, enum ui_action a, int key)
{
	enum ui_answer ans = ui_confirm_handle(&q->confirm, a, key);

	if (ans == UI_ANSWER_NONE)
		return UI_R_DONE;
	ui_ask_close(q);
	return q->answer(q->screen, app, ans == UI_ANSWER_YES);
}

void
ui_ask_draw(const struct ui_ask *q, const struct ui_rect *area)
{
	if (q->open)
		ui_draw_confirm(&q->confirm, area);
}

static unsigned
answer_key(struct ui_listview *lv, struct ui_app *app, enum ui_action a, int key)
{
	unsigned r = ui_ask_key(&lv->ask, app, a, key);

	if (!lv->ask.open && lv->mode == UI_LV_ASKING)
		lv->mode = UI_LV_LIST;
	return r;
}

unsigned
ui_listview_handle(struct ui_listview *lv, struct ui_app *app, enum ui_action a, int key,
		   int h)
{
	struct ui_list *l = &lv->list;

	lv->height = h;
	switch (lv->mode) {
	case UI_LV_SEARCHING: return search_key(lv, app, a, key, h);
	case UI_LV_ASKING: return answer_key(lv, app, a, key);
	case UI_LV_LIST: break;
	}
	switch (a) {
	case UI_A_UP: ui_list_move(l, -1, h); break;
	case UI_A_DOWN: ui_list_move(l, 1, h); break;
	case UI_A_PAGE_UP: ui_list_page(l, -1, h); break;
	case UI_A_PAGE_DOWN: ui_list_page(l, 1, h); break;
	case UI_A_FIRST: ui_list_first(l); break;
	case UI_A_LAST: ui_list_last(l, h); break;
	case UI_A_SORT:
		ui_list_sort(l, (l->sort_col + 1) % l->ncols, false);
		ui_listview_scroll(lv, h);
		break;
	case UI_A_SORT_REVERSE:
		ui_list_sort(l, l->sort_col, !l->sort_desc);
		ui_listview_scroll(lv, h);
		break;
	case UI_A_SEARCH:
		if (lv->search_kind == UI_LV_SEARCH_NONE)
			return UI_R_UNHANDLED;
		if (lv->search_kind == UI_LV_SEARCH_JUMP)
			ui_search_start(&lv->jump);
		else
			ui_edit_set(&lv->search, lv->filter ? lv->filter : "");
		lv->mode = UI_LV_SEARCHING;
		break;
	case UI_A_SEARCH_NEXT:
	case UI_A_SEARCH_PREV:
		if (lv->search_kind != UI_LV_SEARCH_JUMP)
			return UI_R_UNHANDLED;
		return ui_search_again(&lv->jump, app, a == UI_A_SEARCH_NEXT ? 1 : -1);
	case UI_A_BACK:
		if (!lv->filter)
			return UI_R_UNHANDLED;
		/* Back first drops the filter, then leaves */
		free(lv->filter);
		lv->filter = NULL;
		ui_list_set_filter(l, NULL);
		ui_listview_scroll(lv, h);
		break;
	default:
		return UI_R_UNHANDLED;
	}
	return UI_R_DONE;
}

bool
ui_listview_ask(struct ui_listview *lv, const char *question, ui_lv_answer_fn answer,
		void *screen)
{
	if (!ui_ask_open(&lv->ask, question, answer, screen)) {
		lv->mode = UI_LV_LIST;
		return false;
	}
	lv->mode = UI_LV_ASKING;
	return true;
}

void
ui_listview_draw(const struct ui_listview *lv, const struct ui_rect *area)
{
	if (lv->mode == UI_LV_SEARCHING && lv->search_kind == UI_LV_SEARCH_JUMP)
		ui_search_draw(&lv->jump, area);
	else if (lv->mode == UI_LV_SEARCHING)
		ui_draw_prompt(area->y + area->h - 1, 0, area->w, _("Search:"), &lv->search,
			       lv->search.len && !ui_list_count(&lv->list));
	else if (lv->mode == UI_LV_ASKING)
		ui_ask_draw(&lv->ask, area);
}

size_t
ui_listview_hints(const struct ui_listview *lv, enum ui_action *out, size_t max)
{
	if (lv->mode != UI_LV_SEARCHING || max < 2)
		return 0;
	out[0] = UI_A_ACCEPT;
	out[1] = UI_A_CANCEL;
	return 2;
}
