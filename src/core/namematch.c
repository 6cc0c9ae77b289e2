/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Finding a row by a name as typed, shared by the modules whose rows have
 * names (parts, locations). */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/buf.h"
#include "cambouis/namematch.h"
#include "cambouis/text.h"

/* Does text begin with s, ignoring case and accents? */
static bool
begins(const char *text, const char *s)
{
	size_t n = strlen(text), slen = strlen(s), i = 0, k = 0, want = 0;
	uint32_t cp;
	char *cut;
	bool yes;

	for (size_t j = 0; j < slen; want++)
		j += cb_utf8_decode(s + j, slen - j, &cp);
	while (i < n && k < want) {
		i += cb_utf8_decode(text + i, n - i, &cp);
		k++;
	}
	if (k < want || !(cut = strndup(text, i)))
		return false;
	yes = cb_text_collate(cut, s) == 0;
	free(cut);
	return yes;
}

static bool
word_begins(const char *name, const char *s)
{
	for (const char *p = name; (p = strpbrk(p, " -'./\"")); )
		if (*++p && begins(p, s))
			return true;
	return false;
}

void
cb_name_matches_free(struct cb_name_matches *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->count; i++)
		free(l->items[i].name);
	free(l->items);
	l->items = NULL;
	l->count = 0;
}

static int
by_name(const void *a, const void *b)
{
	const struct cb_name_match *x = a, *y = b;
	int c = cb_text_collate(x->name, y->name);

	if (!c)
		c = strcmp(x->name, y->name);
	return c ? c : cb_id_cmp(&x->id, &y->id);
}

cb_status
cb_name_match(struct cb_db *db, const char *all_sql, const char *key, struct cb_id *out,
	      struct cb_name_matches *cands)
{
	struct cb_name_matches hit[3] = {{0}};
	size_t hcap[3] = {0};
	struct cb_stmt *st;
	char *t;
	cb_status rc;

	if (cands)
		memset(cands, 0, sizeof *cands);
	if (!(t = cb_text_trim(key)))
		return CB_NOMEM;
	if (!*t) {
		free(t);
		return CB_NOT_FOUND;
	}
	if ((rc = cb_db_prepare(db, all_sql, &st)) != CB_OK) {
		free(t);
		return rc;
	}
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		const char *name = cb_stmt_text(st, 1);
		int level = cb_text_collate(name, t) == 0 ? 0 : begins(name, t) ? 1
			    : word_begins(name, t) ? 2 : -1;
		struct cb_name_match *m;
		if (level < 0)
			continue;
		if (!cb_grow(&hit[level].items, &hcap[level], hit[level].count, sizeof *m, 8)) {
			rc = CB_NOMEM;
			break;
		}
		m = &hit[level].items[hit[level].count];
		cb_stmt_id(st, 0, &m->id);
		if (!(m->name = strdup(name))) {
			rc = CB_NOMEM;
			break;
		}
		hit[level].count++;
	}
	if (rc != CB_DONE) {
		cb_stmt_reset(st);
		for (int i = 0; i < 3; i++)
			cb_name_matches_free(&hit[i]);
		free(t);
		return rc;
	}
	rc = CB_NOT_FOUND;
	for (int i = 0; i < 3; i++) {
		struct cb_name_matches *h = &hit[i];
		if (!h->count || rc != CB_NOT_FOUND)
			continue;
		if (h->count > 1 && i == 0) {
			/* the one written exactly so */
			size_t exact = 0, at = 0;
			for (size_t j = 0; j < h->count; j++)
				if (strcmp(h->items[j].name, t) == 0) {
					exact++;
					at = j;
				}
			if (exact == 1) {
				if (out)
					*out = h->items[at].id;
				rc = CB_OK;
				continue;
			}
		}
		if (h->count == 1) {
			if (out)
				*out = h->items[0].id;
			rc = CB_OK;
		} else {
			qsort(h->items, h->count, sizeof *h->items, by_name);
			rc = CB_AMBIGUOUS;
			if (cands) {
				*cands = *h;
				memset(h, 0, sizeof *h);
			}
		}
	}
	for (int i = 0; i < 3; i++)
		cb_name_matches_free(&hit[i]);
	free(t);
	return rc;
}
