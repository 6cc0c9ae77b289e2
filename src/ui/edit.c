/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cambouis/text.h"
#include "ui/edit.h"
#include "ui/keys.h"

static bool
reserve(struct ui_edit *e, size_t need)
{
	if (need + 1 <= e->cap)
		return true;
	size_t ncap = e->cap ? e->cap : 32;
	while (ncap < need + 1)
		ncap *= 2;
	char *p = realloc(e->text, ncap);
	if (!p)
		return false;
	e->text = p;
	e->cap = ncap;
	return true;
}

bool
ui_edit_set(struct ui_edit *e, const char *text)
{
	size_t n = strlen(text ? text : "");

	if (!reserve(e, n))
		return false;
	memcpy(e->text, text ? text : "", n + 1);
	e->len = e->cursor = n;
	return true;
}

bool
ui_edit_init(struct ui_edit *e, const char *text, size_t max)
{
	memset(e, 0, sizeof *e);
	e->max = max;
	return ui_edit_set(e, text);
}

void
ui_edit_free(struct ui_edit *e)
{
	free(e->text);
	memset(e, 0, sizeof *e);
}

static bool
is_zero_width_at(const struct ui_edit *e, size_t at)
{
	uint32_t cp;

	if (at >= e->len)
		return false;
	cb_utf8_decode(e->text + at, e->len - at, &cp);
	return cb_codepoint_width(cp) == 0;
}

/* Start of the character cluster before at (a letter and its marks). */
static size_t
prev_cluster(const struct ui_edit *e, size_t at)
{
	while (at > 0) {
		do
			at--;
		while (at > 0 && ((unsigned char)e->text[at] & 0xC0) == 0x80);
		if (!is_zero_width_at(e, at))
			break;
	}
	return at;
}

/* End of the cluster starting at at. */
static size_t
next_cluster(const struct ui_edit *e, size_t at)
{
	uint32_t cp;

	if (at >= e->len)
		return e->len;
	at += cb_utf8_decode(e->text + at, e->len - at, &cp);
	while (at < e->len && is_zero_width_at(e, at))
		at += cb_utf8_decode(e->text + at, e->len - at, &cp);
	return at;
}

static void
cut(struct ui_edit *e, size_t from, size_t to)
{
	memmove(e->text + from, e->text + to, e->len - to + 1);
	e->len -= to - from;
	e->cursor = from;
}

int
ui_edit_handle(struct ui_edit *e, enum ui_action a, int key)
{
	switch (a) {
	case UI_A_CURSOR_LEFT:
		e->cursor = prev_cluster(e, e->cursor);
		return 0;
	case UI_A_CURSOR_RIGHT:
		e->cursor = next_cluster(e, e->cursor);
		return 0;
	case UI_A_LINE_START:
		e->cursor = 0;
		return 0;
	case UI_A_LINE_END:
		e->cursor = e->len;
		return 0;
	case UI_A_DELETE_BACK:
		if (e->cursor == 0)
			return 0;
		cut(e, prev_cluster(e, e->cursor), e->cursor);
		return 1;
	case UI_A_DELETE_CHAR:
		if (e->cursor >= e->len)
			return 0;
		cut(e, e->cursor, next_cluster(e, e->cursor));
		return 1;
	case UI_A_KILL_LINE:
		if (e->len == 0)
			return 0;
		cut(e, 0, e->len);
		return 1;
	case UI_A_NONE:
		break;
	default:
		return 0;
	}
	if (!ui_key_is_text(key))
		return 0;
	char u[8];
	size_t n = ui_utf8_encode((unsigned)key, u);
	if ((e->max && e->len + n > e->max) || !reserve(e, e->len + n))
		return -1;
	memmove(e->text + e->cursor + n, e->text + e->cursor, e->len - e->cursor + 1);
	memcpy(e->text + e->cursor, u, n);
	e->len += n;
	e->cursor += n;
	/* a combining mark joins the letter before it: stay after both */
	e->cursor = e->cursor < e->len && is_zero_width_at(e, e->cursor)
		? next_cluster(e, e->cursor) : e->cursor;
	return 1;
}

char *
ui_edit_view(const struct ui_edit *e, int width, int *cursor_col)
{
	size_t start = 0, n;
	int before, used = 0;
	char *out, saved;

	if (width < 1)
		width = 1;
	/* drop clusters from the left until the cursor fits, with one column
	 * kept for the cursor itself */
	for (;;) {
		char *t = e->text;
		saved = t[e->cursor];
		t[e->cursor] = '\0';
		before = cb_utf8_width(t + start);
		t[e->cursor] = saved;
		if (before < width || start >= e->cursor)
			break;
		start = next_cluster(e, start);
	}
	n = cb_utf8_fit(e->text + start, width, &used);
	/* keep trailing marks of the last letter shown */
	while (start + n < e->len && is_zero_width_at(e, start + n)) {
		uint32_t cp;
		n += cb_utf8_decode(e->text + start + n, e->len - start - n, &cp);
	}
	out = malloc(n + (size_t)width + 1);
	if (!out)
		return NULL;
	memcpy(out, e->text + start, n);
	while (used < width) {
		out[n++] = ' ';
		used++;
	}
	out[n] = '\0';
	*cursor_col = before;
	return out;
}
