/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_UI_LISTVIEW_H
#define CAMBOUIS_UI_LISTVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/dialog.h"
#include "ui/edit.h"
#include "ui/list.h"
#include "ui/screen.h"

/*
 * The list-screen driver: what every list screen does the same way,
 * written once. It owns a ui_list (rows, sort, filter, selection, scroll)
 * and handles, in a screen's handle():
 *   - movement: up/down (arrows, j/k), page up/down, first/last (Home/End,
 *     g/G), keeping the selection in a viewport of height rows;
 *   - sort: the next column (s), the order reversed (S);
 *   - "/" search, as the screen chose: jump (incremental, to the next
 *     match; n/N for the next and previous) or filter (the list narrows as
 *     one types; Back drops the filter first);
 *   - a yes/no question whose answer goes to a callback.
 * A screen keeps only what differs: its rows, what Enter, a, e, d do, its
 * detail pane.
 *
 *	switch (v->mode) { case M_FORM: ...; }   // the screen's own dialogs
 *	r = ui_listview_handle(&v->lv, app, a, key, height);
 *	if (r != UI_R_UNHANDLED) return r;
 *	switch (a) { case UI_A_ADD: ... }        // the screen's actions
 */
enum ui_lv_search {
	UI_LV_SEARCH_NONE,   /* "/" is not the list's */
	UI_LV_SEARCH_JUMP,   /* go to the next match */
	UI_LV_SEARCH_FILTER, /* show only the matches */
};

/*
 * The "/" prompt that jumps to the next match, on its own: the driver's
 * jump search, and the one a screen whose rows are not a ui_list (the
 * calendar's agenda) uses through three callbacks.
 */
struct ui_search_ops {
	/* Select the next (dir > 0) or previous match of text from the
	 * current row (counted with include_current), wrapping; false when
	 * nothing matches. */
	bool (*find)(void *ctx, struct ui_app *app, const char *text, int dir, bool include_current);
	/* Remember where a search starts; go back there. */
	void (*mark)(void *ctx);
	void (*back)(void *ctx, struct ui_app *app);
};

struct ui_search {
	const struct ui_search_ops *ops;
	void *ctx;
	const char *no_match; /* marked for translation, one %s, translated when shown */
	bool active;          /* the prompt is open */
	struct ui_edit edit;
	char *last;           /* the last text searched (n, N) */
	bool failed;
};

bool ui_search_init(struct ui_search *s, const struct ui_search_ops *ops, void *ctx,
		    const char *no_match);
void ui_search_free(struct ui_search *s);
/* Open the prompt (/). */
void ui_search_start(struct ui_search *s);
/* A key while the prompt is open: types, Enter keeps, Esc goes back. */
unsigned ui_search_key(struct ui_search *s, struct ui_app *app, enum ui_action a, int key);
/* n (dir 1) and N (dir -1). */
unsigned ui_search_again(struct ui_search *s, struct ui_app *app, int dir);
/* The prompt on the last row of area, while it is open. */
void ui_search_draw(const struct ui_search *s, const struct ui_rect *area);

/* The answer to a question: yes or no (no also for cancel). */
typedef unsigned (*ui_lv_answer_fn)(void *screen, struct ui_app *app, bool yes);

/*
 * A yes/no question whose answer goes to a callback: the driver's, and
 * any screen's (the calendar asks before cancelling a session).
 */
struct ui_ask {
	bool open;
	struct ui_confirm confirm;
	ui_lv_answer_fn answer;
	void *screen;
};

/* Ask question; answer(screen, app, yes) runs when the user answers.
 * false on OOM (nothing asked). */
bool ui_ask_open(struct ui_ask *q, const char *question, ui_lv_answer_fn answer, void *screen);
/* A key while the question is open: the dialog closes before the
 * callback runs, which may open another. */
unsigned ui_ask_key(struct ui_ask *q, struct ui_app *app, enum ui_action a, int key);
void ui_ask_close(struct ui_ask *q);
void ui_ask_draw(const struct ui_ask *q, const struct ui_rect *area);

struct ui_listview;

struct ui_listview {
	struct ui_list list;
	enum ui_lv_search search_kind;
	const char *no_match; /* marked for translation ("No venue matches “%s”."), translated when shown */
	enum { UI_LV_LIST, UI_LV_SEARCHING, UI_LV_ASKING } mode;
	struct ui_search jump; /* jump: the prompt, n and N */
	struct ui_edit search; /* filter: the prompt */
	char *filter;         /* filter: the text the list is narrowed to */
	size_t search_origin;
	int height;           /* the viewport of the last key, for the search */
	struct ui_ask ask;
};

/* false on OOM. */
bool ui_listview_init(struct ui_listview *lv, const struct ui_column *cols, size_t ncols,
		      enum ui_lv_search search, const char *no_match);
void ui_listview_free(struct ui_listview *lv);

/* A search prompt or a question is open: keys go to it (text input). */
bool ui_listview_busy(const struct ui_listview *lv);

/* Handle a, or return UI_R_UNHANDLED for the screen to. */
unsigned ui_listview_handle(struct ui_listview *lv, struct ui_app *app, enum ui_action a,
			    int key, int height);

/* Ask question; answer(screen, app, yes) runs when the user answers. */
bool ui_listview_ask(struct ui_listview *lv, const char *question, ui_lv_answer_fn answer,
		     void *screen);

/* Select the row of key and keep it in a viewport of height rows. */
bool ui_listview_select(struct ui_listview *lv, const char *key, int height);
/* Keep the selection in a viewport of height rows (after a reload). */
void ui_listview_scroll(struct ui_listview *lv, int height);

/* The search prompt on the last row of area, or the question. */
void ui_listview_draw(const struct ui_listview *lv, const struct ui_rect *area);

/* The hints of the driver's own modes (at most max): 0 when it shows none. */
size_t ui_listview_hints(const struct ui_listview *lv, enum ui_action *out, size_t max);

#endif
