/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_BUF_H
#define CAMBOUIS_BUF_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Small memory helpers the core modules share: a growable string whose
 * first allocation failure sticks (so callers check once, at the end), and
 * room-making for growable arrays.
 */

struct cb_buf {
	char *s;     /* NUL-terminated once anything was added; caller frees */
	size_t len, cap;
	bool oom;
};

/* Append n bytes of s (or the string s). */
void cb_buf_addn(struct cb_buf *b, const char *s, size_t n);
void cb_buf_add(struct cb_buf *b, const char *s);

/* Make room for one more item in the array *items holding count items of
 * size bytes in *cap slots (doubling, starting at first). Returns false,
 * leaving the array as it was, when memory runs out. */
bool cb_grow(void *items, size_t *cap, size_t count, size_t size, size_t first);

#endif
