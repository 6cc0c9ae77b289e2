/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/text.h"
#include "ui/keys.h"
#include "ui/list.h"

/* Base letters of U+00C0..U+00FF and U+0100..U+017F; 1 is "ae", 2 "ss",
 * 3 "oe", 0 keeps the character. */
static const char latin1[64] =
	"aaaaaa\x01" "ceeeeiiii" "dnooooo\0" "ouuuuy\0\x02"
	"aaaaaa\x01" "ceeeeiiii" "dnooooo\0" "ouuuuy\0y";
static const char latin_ext_a[128] =
	"aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii"
	"ii" "jj" "kkk" "llllllllll" "nnnnnnn" "nn" "oooooo" "\x03\x03" "rrrrrr"
	"ssssssss" "tttttt" "uuuuuuuuuuuu" "ww" "yyy" "zzzzzz" "s";

char *
ui_text_fold(const char *s)
{
	size_t n = strlen(s), i = 0, o = 0;
	char *out = malloc(n * 2 + 1);

	if (!out)
		return NULL;
	while (i < n) {
		uint32_t cp;
		size_t k = cb_utf8_decode(s + i, n - i, &cp);
		char base = 0;

		if (cp >= 0xC0 && cp <= 0xFF)
			base = latin1[cp - 0xC0];
		else if (cp >= 0x100 && cp <= 0x17F)
			base = latin_ext_a[cp - 0x100];
		if (cp < 0x80) {
			out[o++] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
		} else if (base == 1 || base == 2 || base == 3) {
			const char *two = base == 1 ? "ae" : base == 2 ? "ss" : "oe";
			out[o++] = two[0];
			out[o++] = two[1];
		} else if (base) {
			out[o++] = base;
		} else if (cb_codepoint_width(cp) == 0 && cp >= 0x300 && cp <= 0x36F) {
			/* a combining accent: "e" + U+0301 folds like "é" */
		} else {
			memcpy(out + o, s + i, k);
			o += k;
		}
		i += k;
	}
	out[o] = '\0';
	return out;
}

char *
ui_text_cell(const char *s, int width, enum ui_align align)
{
	int w = cb_utf8_width(s), used = 0;
	size_t n;
	char *out;

	if (width < 0)
		width = 0;
	out = malloc(strlen(s) + (size_t)width + 8);
	if (!out)
		return NULL;
	if (w <= width) {
		size_t len = strlen(s), pad = (size_t)(width - w);
		if (align == UI_ALIGN_RIGHT) {
			memset(out, ' ', pad);
			memcpy(out + pad, s, len);
		} else {
			memcpy(out, s, len);
			memset(out + len, ' ', pad);
		}
		out[len + pad] = '\0';
		return out;
	}
	if (width == 0) {
		out[0] = '\0';
		return out;
	}
	/* too long: keep what fits in width - 1 columns, then "…" */
	n = cb_utf8_fit(s, width - 1, &used);
	/* keep combining marks that belong to the last character kept */
	while (s[n]) {
		uint32_t cp;
		size_t k = cb_utf8_decode(s + n, strlen(s + n), &cp);
		if (cb_codepoint_width(cp) != 0)
			break;
		n += k;
	}
	memcpy(out, s, n);
	memcpy(out + n, "\xe2\x80\xa6", 3);
	n += 3;
	while (used + 1 < width) {
		out[n++] = ' ';
		used++;
	}
	out[n] = '\0';
	return out;
}

void
ui_list_init(struct ui_list *l, const struct ui_column *cols, size_t ncols)
{
	memset(l, 0, sizeof *l);
	l->cols = cols;
	l->ncols = ncols;
}

static void
free_rows(struct ui_list *l)
{
	for (size_t i = 0; i < l->nrows; i++) {
		struct ui_list_row *r = &l->rows[i];
		for (size_t c = 0; c < l->ncols; c++) {
			free(r->cells[c]);
			free(r->folded[c]);
		}
		free(r->cells);
		free(r->folded);
		free(r->nums);
		free(r->key);
	}
	l->nrows = 0;
}

void
ui_list_free(struct ui_list *l)
{
	free_rows(l);
	free(l->rows);
	free(l->view);
	free(l->filter);
	free(l->keep_key);
	memset(l, 0, sizeof *l);
}

void
ui_list_begin(struct ui_list *l)
{
	const char *key = ui_list_selected_key(l);

	free(l->keep_key);
	l->keep_key = key ? strdup(key) : NULL;
	l->keep_index = l->sel;
	free_rows(l);
	l->nview = 0;
}

bool
ui_list_add(struct ui_list *l, const char *key, const char *const *cells, const long long *nums)
{
	struct ui_list_row *r;

	if (l->nrows == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 32;
		struct ui_list_row *p = realloc(l->rows, ncap * sizeof *p);
		if (!p)
			return false;
		l->rows = p;
		l->cap = ncap;
	}
	r = &l->rows[l->nrows];
	memset(r, 0, sizeof *r);
	r->key = strdup(key ? key : "");
	r->cells = calloc(l->ncols, sizeof *r->cells);
	r->folded = calloc(l->ncols, sizeof *r->folded);
	if (nums && (r->nums = malloc(l->ncols * sizeof *r->nums)))
		memcpy(r->nums, nums, l->ncols * sizeof *r->nums);
	if (!r->key || !r->cells || !r->folded || (nums && !r->nums))
		goto oom;
	for (size_t c = 0; c < l->ncols; c++) {
		r->cells[c] = strdup(cells[c] ? cells[c] : "");
		if (!r->cells[c] || !(r->folded[c] = ui_text_fold(r->cells[c])))
			goto oom;
	}
	l->nrows++;
	return true;
oom:
	l->nrows++;
	free_rows(l); /* keeps the list consistent; the caller reports OOM */
	return false;
}

/* qsort has no context argument in C11: the list being sorted. */
static const struct ui_list *sorting;

static int
compare_rows(const void *pa, const void *pb)
{
	const struct ui_list *l = sorting;
	const struct ui_list_row *a = &l->rows[*(const size_t *)pa];
	const struct ui_list_row *b = &l->rows[*(const size_t *)pb];
	size_t c = l->sort_col;
	int r = 0;

	if (l->cols[c].numeric && a->nums && b->nums) {
		/* unknown values (negative) go last either way */
		long long x = a->nums[c], y = b->nums[c];
		if ((x < 0) != (y < 0))
			return x < 0 ? 1 : -1;
		r = x < y ? -1 : x > y;
	} else {
		/* empty cells go last either way */
		if (!*a->folded[c] != !*b->folded[c])
			return *a->folded[c] ? -1 : 1;
		r = strcmp(a->folded[c], b->folded[c]);
		if (r == 0)
			r = strcmp(a->cells[c], b->cells[c]);
	}
	if (l->sort_desc)
		r = -r;
	if (r == 0)
		r = strcmp(a->folded[0], b->folded[0]);
	if (r == 0)
		r = strcmp(a->key, b->key);
	return r;
}

static bool
row_matches(const struct ui_list *l, const struct ui_list_row *r, const char *folded)
{
	for (size_t c = 0; c < l->ncols; c++)
		if (strstr(r->folded[c], folded))
			return true;
	return false;
}

/* Rebuild view from rows, filter and sort; the selection follows keep_key. */
static bool
rebuild(struct ui_list *l)
{
	size_t *v = realloc(l->view, (l->nrows ? l->nrows : 1) * sizeof *v);

	if (!v)
		return false;
	l->view = v;
	l->nview = 0;
	for (size_t i = 0; i < l->nrows; i++)
		if (!l->filter || row_matches(l, &l->rows[i], l->filter))
			l->view[l->nview++] = i;
	sorting = l;
	if (l->nview > 1) /* qsort wants a real array, even of 0 items */
		qsort(l->view, l->nview, sizeof *l->view, compare_rows);
	sorting = NULL;
	l->sel = l->keep_index;
	if (l->keep_key) {
		for (size_t i = 0; i < l->nview; i++)
			if (strcmp(l->rows[l->view[i]].key, l->keep_key) == 0) {
				l->sel = i;
				break;
			}
	}
	if (l->sel >= l->nview)
		l->sel = l->nview ? l->nview - 1 : 0;
	free(l->keep_key);
	l->keep_key = NULL;
	return true;
}

bool
ui_list_end(struct ui_list *l)
{
	return rebuild(l);
}

static void
keep_selection(struct ui_list *l)
{
	const char *key = ui_list_selected_key(l);

	free(l->keep_key);
	l->keep_key = key ? strdup(key) : NULL;
	l->keep_index = l->sel;
}

bool
ui_list_set_filter(struct ui_list *l, const char *text)
{
	keep_selection(l);
	free(l->filter);
	l->filter = NULL;
	if (text && *text && !(l->filter = ui_text_fold(text)))
		return false;
	return rebuild(l);
}

void
ui_list_sort(struct ui_list *l, size_t col, bool desc)
{
	if (col >= l->ncols)
		return;
	keep_selection(l);
	l->sort_col = col;
	l->sort_desc = desc;
	rebuild(l);
}

size_t
ui_list_count(const struct ui_list *l)
{
	return l->nview;
}

const char *
ui_list_cell(const struct ui_list *l, size_t vi, size_t col)
{
	if (vi >= l->nview || col >= l->ncols)
		return "";
	return l->rows[l->view[vi]].cells[col];
}

const char *
ui_list_key(const struct ui_list *l, size_t vi)
{
	return vi < l->nview ? l->rows[l->view[vi]].key : NULL;
}

const char *
ui_list_selected_key(const struct ui_list *l)
{
	return ui_list_key(l, l->sel);
}

size_t
ui_list_top(const struct ui_list *l, int height)
{
	size_t h = height > 0 ? (size_t)height : 1, top = l->top;

	if (l->sel < top)
		top = l->sel;
	if (l->sel >= top + h)
		top = l->sel - h + 1;
	/* no empty space below the last row when rows could fill it */
	if (l->nview >= h && top > l->nview - h)
		top = l->nview - h;
	if (l->nview < h)
		top = 0;
	return top;
}

bool
ui_list_select_key(struct ui_list *l, const char *key)
{
	for (size_t i = 0; i < l->nview; i++)
		if (strcmp(l->rows[l->view[i]].key, key) == 0) {
			l->sel = i;
			return true;
		}
	return false;
}

void
ui_list_move(struct ui_list *l, long delta, int height)
{
	long s = (long)l->sel + delta;

	if (l->nview == 0) {
		l->sel = l->top = 0;
		return;
	}
	if (s < 0)
		s = 0;
	if (s >= (long)l->nview)
		s = (long)l->nview - 1;
	l->sel = (size_t)s;
	l->top = ui_list_top(l, height);
}

void
ui_list_first(struct ui_list *l)
{
	l->sel = l->top = 0;
}

void
ui_list_last(struct ui_list *l, int height)
{
	ui_list_move(l, (long)l->nview, height);
}

void
ui_list_page(struct ui_list *l, int dir, int height)
{
	long h = height > 1 ? height - 1 : 1;

	/* the page scrolls with the selection, as in less */
	if (dir > 0 && l->top + (size_t)height < l->nview)
		l->top += (size_t)h;
	else if (dir < 0)
		l->top = l->top > (size_t)h ? l->top - (size_t)h : 0;
	ui_list_move(l, dir > 0 ? h : -h, height);
}

bool
ui_list_matches(const struct ui_list *l, size_t vi, const char *text)
{
	char *f;
	bool m;

	if (vi >= l->nview || !text || !*text || !(f = ui_text_fold(text)))
		return false;
	m = row_matches(l, &l->rows[l->view[vi]], f);
	free(f);
	return m;
}

bool
ui_list_search(struct ui_list *l, const char *text, int dir, bool include_current, int height)
{
	char *f;

	if (l->nview == 0 || !text || !*text || !(f = ui_text_fold(text)))
		return false;
	for (size_t step = include_current ? 0 : 1; step <= l->nview; step++) {
		size_t i = dir >= 0 ? (l->sel + step) % l->nview
				    : (l->sel + l->nview * 2 - step) % l->nview;
		if (row_matches(l, &l->rows[l->view[i]], f)) {
			free(f);
			l->sel = i;
			l->top = ui_list_top(l, height);
			return true;
		}
	}
	free(f);
	return false;
}

void
ui_list_widths(const struct ui_list *l, int width, int *out)
{
	int used = 0, weights = 0, spare;

	for (size_t c = 0; c < l->ncols; c++) {
		out[c] = l->cols[c].min_width;
		used += out[c] + (c ? 2 : 0);
		weights += l->cols[c].weight;
	}
	spare = width - used;
	if (spare < 0) {
		/* too narrow: shrink from the last column backwards */
		for (size_t c = l->ncols; c-- > 0 && spare < 0;) {
			int cut = out[c] - 1 < -spare ? out[c] - 1 : -spare;
			out[c] -= cut;
			spare += cut;
		}
		return;
	}
	if (weights == 0) {
		out[l->ncols - 1] += spare;
		return;
	}
	{
		int total = 0;
		for (size_t c = 0; c < l->ncols; c++) {
			out[c] += spare * l->cols[c].weight / weights;
			total += out[c] + (c ? 2 : 0);
		}
		/* rounding leftovers go to the first weighted column */
		for (size_t c = 0; c < l->ncols && total < width; c++)
			if (l->cols[c].weight) {
				out[c] += width - total;
				break;
			}
	}
}

char *
ui_list_line(const struct ui_list *l, size_t vi, const int *widths, const char *const *titles)
{
	size_t len = 1, used = 0;
	char **parts = calloc(l->ncols, sizeof *parts);
	char *out = NULL;

	if (!parts)
		return NULL;
	for (size_t c = 0; c < l->ncols; c++) {
		const char *s = vi == (size_t)-1 ? titles[c] : ui_list_cell(l, vi, c);
		if (!(parts[c] = ui_text_cell(s, widths[c], l->cols[c].align)))
			goto done;
		len += strlen(parts[c]) + 2;
	}
	if (!(out = malloc(len)))
		goto done;
	for (size_t c = 0; c < l->ncols; c++) {
		size_t n = strlen(parts[c]);
		if (c) {
			memcpy(out + used, "  ", 2);
			used += 2;
		}
		memcpy(out + used, parts[c], n);
		used += n;
	}
	out[used] = '\0';
done:
	for (size_t c = 0; c < l->ncols; c++)
		free(parts[c]);
	free(parts);
	return out;
}

size_t
ui_tabs_first(const int *widths, size_t n, size_t cur, int avail)
{
	size_t first = 0;
	long used = 0;

	if (cur >= n)
		return 0;
	for (size_t i = 0; i <= cur; i++)
		used += widths[i];
	while (first < cur && used > avail)
		used -= widths[first++];
	return first;
}
