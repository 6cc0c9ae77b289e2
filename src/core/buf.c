/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cambouis/buf.h"

void
cb_buf_addn(struct cb_buf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		char *p;
		while (cap < b->len + n + 1)
			cap *= 2;
		if (!(p = realloc(b->s, cap))) {
			b->oom = true;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
cb_buf_add(struct cb_buf *b, const char *s)
{
	cb_buf_addn(b, s, strlen(s));
}

bool
cb_grow(void *items, size_t *cap, size_t count, size_t size, size_t first)
{
	void **p = items;
	size_t ncap;
	void *grown;

	if (count < *cap)
		return true;
	ncap = *cap ? *cap * 2 : first;
	if (!(grown = realloc(*p, ncap * size)))
		return false;
	*p = grown;
	*cap = ncap;
	return true;
}
