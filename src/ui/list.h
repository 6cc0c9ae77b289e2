/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_UI_LIST_H
#define CAMBOUIS_UI_LIST_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The view-model of a scrolling list (no curses): rows of cells with a key
 * each, a sort column, a filter, the selection (kept by key across reloads,
 * so it survives a redraw or a change) and the scroll position. Layout
 * helpers turn a row into a line of exactly the right width, counting
 * columns (never bytes), so wide and combining characters keep alignment.
 */
enum ui_align { UI_ALIGN_LEFT, UI_ALIGN_RIGHT };

struct ui_column {
	const char *title;   /* untranslated (N_); the screen draws _(title) */
	int min_width;
	int weight;          /* share of the spare width; 0 keeps min_width */
	enum ui_align align;
	bool numeric;        /* sort by the row's number for this column */
};

struct ui_list_row {
	char *key;
	char **cells;
	char **folded;       /* cells folded for searching and sorting */
	long long *nums;     /* NULL unless a column is numeric */
};

struct ui_list {
	const struct ui_column *cols;
	size_t ncols;
	struct ui_list_row *rows;
	size_t nrows, cap;
	size_t *view;        /* indices of rows shown, filtered and sorted */
	size_t nview;
	size_t sel;          /* index into view */
	size_t top;          /* first row shown */
	size_t sort_col;
	bool sort_desc;
	char *filter;        /* folded; NULL when none */
	char *keep_key;      /* selection to restore at ui_list_end() */
	size_t keep_index;
};

void ui_list_init(struct ui_list *l, const struct ui_column *cols, size_t ncols);
void ui_list_free(struct ui_list *l);

/* Reload: begin, add every row, end. The selection follows its key; when
 * the key is gone it stays at the same position. false on OOM. */
void ui_list_begin(struct ui_list *l);
bool ui_list_add(struct ui_list *l, const char *key, const char *const *cells,
		 const long long *nums);
bool ui_list_end(struct ui_list *l);

/* Show only rows where some cell contains text (ignoring case and
 * accents); NULL or "" shows all. */
bool ui_list_set_filter(struct ui_list *l, const char *text);
void ui_list_sort(struct ui_list *l, size_t col, bool desc);

size_t ui_list_count(const struct ui_list *l);
const char *ui_list_cell(const struct ui_list *l, size_t vi, size_t col);
const char *ui_list_key(const struct ui_list *l, size_t vi);
/* NULL when the list shows nothing. */
const char *ui_list_selected_key(const struct ui_list *l);
bool ui_list_select_key(struct ui_list *l, const char *key);

/* Moving keeps the selection visible in a viewport of height rows. */
void ui_list_move(struct ui_list *l, long delta, int height);
void ui_list_first(struct ui_list *l);
void ui_list_last(struct ui_list *l, int height);
void ui_list_page(struct ui_list *l, int dir, int height);
/* The first row to show in height rows (pure: draw uses it). */
size_t ui_list_top(const struct ui_list *l, int height);

/* The tab bar: the first of n tabs (widths[i] columns each, separator
 * included) to draw in avail columns so that tab cur shows: 0 when all
 * fit up to cur, else the fewest tabs left out before it. */
size_t ui_tabs_first(const int *widths, size_t n, size_t cur, int avail);

/* Select the next (dir > 0) or previous match of text after (before) the
 * selection, wrapping; with include_current the selection itself counts
 * (incremental search). false when nothing matches. */
bool ui_list_search(struct ui_list *l, const char *text, int dir, bool include_current,
		    int height);
/* Does row vi match text (folded comparison)? */
bool ui_list_matches(const struct ui_list *l, size_t vi, const char *text);

/* Column widths for a line of width columns (gap of 2 between columns). */
void ui_list_widths(const struct ui_list *l, int width, int *out);
/* Row vi (or the header when vi == (size_t)-1, titles already translated
 * in titles[]) laid out in widths: exactly sum(widths) + gaps columns. */
char *ui_list_line(const struct ui_list *l, size_t vi, const int *widths,
		   const char *const *titles);

/* s fitted into width columns: cut with "…" when too long, padded with
 * spaces on the right (left align) or left. malloc'ed. */
char *ui_text_cell(const char *s, int width, enum ui_align align);

/* Lower case with the accents of Latin letters removed ("École" ->
 * "ecole"): what searching and sorting compare. malloc'ed. */
char *ui_text_fold(const char *s);

#endif
