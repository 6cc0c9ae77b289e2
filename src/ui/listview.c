/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The list-screen driver: movement, paging, sort, search and a question,
 * written once for every list screen (ui/listview.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cambouis/i18n.h"
#include "ui/draw.h"
#include "ui/listview.h"

bool
ui_listview_init(struct ui_listview *lv, const struct ui_column *cols, size_t ncols,
		 enum ui_lv_search search, const char *no_match)
{
	memset(lv, 0, sizeof *lv);
	ui_list_init(&lv->list, cols, ncols);
	lv->search_kind = search;
	lv->no_match = no_match;
	return ui_edit_init(&lv->search, "", 200);
}

void
ui_listview_free(struct ui_listview *lv)
{
	if (lv->mode == UI_LV_ASKING)
		ui_confirm_free(&lv->confirm);
	ui_list_free(&lv->list);
	ui_edit_free(&lv->search);
	free(lv->last_search);
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

/* The screen's own words ("No venue matches “%s”."), one %s, from a
 * constant it gave at init. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
no_match(const struct ui_listview *lv, struct ui_app *app, const char *text)
{
	ui_app_error(app, _(lv->no_match), text);
}
#pragma GCC diagnostic pop

/* Keys while the search prompt is open. */
static unsigned
search_key(struct ui_listview *lv, struct ui_app *app, enum ui_action a, int key, int h)
{
	bool filter = lv->search_kind == UI_LV_SEARCH_FILTER;

	if (a == UI_A_CANCEL) {
		/* back to where the search started (or the filter there was) */
		if (filter)
			ui_list_set_filter(&lv->list, lv->filter);
		else
			lv->list.sel = lv->search_origin;
		ui_listview_scroll(lv, h);
		lv->mode = UI_LV_LIST;
		return UI_R_DONE;
	}
	if (a == UI_A_ACCEPT || a == UI_A_FIELD_NEXT || a == UI_A_SAVE) {
		lv->mode = UI_LV_LIST;
		if (filter) {
			free(lv->filter);
			lv->filter = lv->search.len ? strdup(lv->search.text) : NULL;
			if (lv->search.len && !ui_list_count(&lv->list))
				no_match(lv, app, lv->search.text);
			return UI_R_DONE;
		}
		if (lv->search.len) {
			free(lv->last_search);
			lv->last_search = strdup(lv->search.text);
		}
		if (lv->search_failed)
			no_match(lv, app, lv->search.text);
		return UI_R_DONE;
	}
	if (ui_edit_handle(&lv->search, a, key) <= 0)
		return UI_R_DONE;
	if (filter) {
		ui_list_set_filter(&lv->list, lv->search.text);
		ui_list_first(&lv->list);
		return UI_R_DONE;
	}
	/* incremental: look again from where the search started */
	lv->list.sel = lv->search_origin;
	lv->search_failed = lv->search.len && !ui_list_search(&lv->list, lv->search.text, 1, true, h);
	if (!lv->search.len || lv->search_failed)
		lv->list.sel = lv->search_origin;
	ui_listview_scroll(lv, h);
	return UI_R_DONE;
}

static unsigned
search_again(struct ui_listview *lv, struct ui_app *app, int dir, int h)
{
	if (!lv->last_search) {
		ui_app_error(app, "%s", _("No search yet: press / to search."));
		return UI_R_DONE;
	}
	if (!ui_list_search(&lv->list, lv->last_search, dir, false, h))
		no_match(lv, app, lv->last_search);
	return UI_R_DONE;
}

static unsigned
answer_key(struct ui_listview *lv, struct ui_app *app, enum ui_action a, int key)
{
	enum ui_answer ans = ui_confirm_handle(&lv->confirm, a, key);

	if (ans == UI_ANSWER_NONE)
		return UI_R_DONE;
	ui_confirm_free(&lv->confirm);
	lv->mode = UI_LV_LIST;
	return lv->answer(lv->screen, app, ans == UI_ANSWER_YES);
}

unsigned
ui_listview_handle(struct ui_listview *lv, struct ui_app *app, enum ui_action a, int key,
		   int h)
{
	struct ui_list *l = &lv->list;

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
		ui_edit_set(&lv->search, lv->search_kind == UI_LV_SEARCH_FILTER && lv->filter
					 ? lv->filter : "");
		lv->search_origin = l->sel;
		lv->search_failed = false;
		lv->mode = UI_LV_SEARCHING;
		break;
	case UI_A_SEARCH_NEXT:
	case UI_A_SEARCH_PREV:
		if (lv->search_kind != UI_LV_SEARCH_JUMP)
			return UI_R_UNHANDLED;
		return search_again(lv, app, a == UI_A_SEARCH_NEXT ? 1 : -1, h);
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
	if (lv->mode == UI_LV_ASKING)
		ui_confirm_free(&lv->confirm);
	lv->mode = UI_LV_LIST;
	if (!ui_confirm_init(&lv->confirm, question))
		return false;
	lv->answer = answer;
	lv->screen = screen;
	lv->mode = UI_LV_ASKING;
	return true;
}

void
ui_listview_draw(const struct ui_listview *lv, const struct ui_rect *area)
{
	if (lv->mode == UI_LV_SEARCHING)
		ui_draw_prompt(area->y + area->h - 1, 0, area->w, _("Search:"), &lv->search,
			       lv->search_kind == UI_LV_SEARCH_FILTER
				       ? lv->search.len && !ui_list_count(&lv->list)
				       : lv->search_failed);
	else if (lv->mode == UI_LV_ASKING)
		ui_draw_confirm(&lv->confirm, area);
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
