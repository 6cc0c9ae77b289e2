/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Finding people by what was typed, and telling whether a name is taken:
 * one key for comparing names (cb_text_name_key, the cambouis_name
 * collation), ids and names never mistaken for each other. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cambouis/buf.h"
#include "cambouis/text.h"
#include "people-private.h"

/* Live people with the same name: equal keys (indexed by people_name_key). */
static const char SQL_SAME_NAME[] =
	"SELECT id, name, learner, mentor, organiser FROM people"
	" WHERE deleted = 0 AND name = ?1 COLLATE cambouis_name ORDER BY id";
static const char SQL_ALL_NAMES[] =
	"SELECT id, name, learner, mentor, organiser FROM people WHERE deleted = 0 AND name IS NOT NULL";
static const char SQL_LIVE_BY_ID[] =
	"SELECT id, name, learner, mentor, organiser FROM people WHERE id = ?1 AND deleted = 0";

/* Does s begin text, ignoring case and accents? */
static bool
begins(const char *text, const char *s)
{
	size_t n = strlen(text), i = 0, k = 0, want = 0, slen = strlen(s);
	char *cut;
	bool yes;
	uint32_t cp;

	for (size_t j = 0; j < slen; want++)
		j += cb_utf8_decode(s + j, slen - j, &cp);
	while (i < n && k < want) {
		i += cb_utf8_decode(text + i, n - i, &cp);
		k++;
	}
	if (k < want)
		return false;
	if (!(cut = strndup(text, i)))
		return false;
	yes = cb_text_collate(cut, s) == 0;
	free(cut);
	return yes;
}

cb_status
ppl_match_words(const char *const *names, const char *const *labels, size_t n, const char *s,
	    size_t *index)
{
	size_t found = 0, at = 0;

	if (!s || !*s)
		return CB_NOT_FOUND;
	for (size_t i = 0; i < n; i++)
		if (cb_text_collate(names[i], s) == 0 || (labels && cb_text_collate(labels[i], s) == 0)) {
			*index = i;
			return CB_OK;
		}
	for (size_t i = 0; i < n; i++)
		if (begins(names[i], s) || (labels && begins(labels[i], s))) {
			found++;
			at = i;
		}
	if (found == 1)
		*index = at;
	return found == 0 ? CB_NOT_FOUND : found == 1 ? CB_OK : CB_AMBIGUOUS;
}

static cb_status
add_ref(struct cb_person_ref_list *l, size_t *cap, struct cb_stmt *st)
{
	struct cb_person_ref *r;

	if (!cb_grow(&l->items, cap, l->count, sizeof *l->items, 16))
		return CB_NOMEM;
	r = &l->items[l->count];
	cb_stmt_id(st, 0, &r->id);
	if (!(r->name = strdup(cb_stmt_text(st, 1))))
		return CB_NOMEM;
	r->roles = 0;
	for (int i = 0; i < 3; i++)
		if (cb_stmt_int(st, 2 + i))
			r->roles |= CB_ROLE_BIT(CB_ROLE_LEARNER + i);
	l->count++;
	return CB_OK;
}

static int
ref_by_name(const void *a, const void *b)
{
	const struct cb_person_ref *x = a, *y = b;
	int c = cb_text_collate(x->name, y->name);
	if (!c)
		c = strcmp(x->name, y->name);
	return c ? c : cb_id_cmp(&x->id, &y->id);
}

void
cb_person_ref_list_free(struct cb_person_ref_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->count; i++)
		free(l->items[i].name);
	free(l->items);
	l->items = NULL;
	l->count = 0;
}

/* Scan live people: mode 0 names equal (case and accents aside), 1 names
 * beginning with key, 2 names or words of names beginning with key. */
static cb_status
scan(struct cb_db *db, const char *key, int mode, size_t limit, struct cb_person_ref_list *out)
{
	struct cb_stmt *st;
	size_t cap = 0;
	cb_status rc = cb_db_prepare(db, SQL_ALL_NAMES, &st);

	if (rc != CB_OK)
		return rc;
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		const char *name = cb_stmt_text(st, 1);
		bool hit = mode == 0 ? cb_text_collate(name, key) == 0 : begins(name, key);
		for (const char *p = name; !hit && mode == 2 && (p = strpbrk(p, " -'.")); ) {
			p++;
			hit = *p && begins(p, key);
		}
		if (hit && (rc = add_ref(out, &cap, st)) != CB_OK)
			break;
	}
	if (rc != CB_DONE) {
		cb_stmt_reset(st);
		cb_person_ref_list_free(out);
		return rc;
	}
	if (out->count > 1)
		qsort(out->items, out->count, sizeof *out->items, ref_by_name);
	if (limit && out->count > limit) {
		for (size_t i = limit; i < out->count; i++)
			free(out->items[i].name);
		out->count = limit;
	}
	return CB_OK;
}

static cb_status
decide(struct cb_person_ref_list *l, struct cb_id *out, struct cb_person_ref_list *cands)
{
	if (l->count == 1) {
		if (out)
			*out = l->items[0].id;
		cb_person_ref_list_free(l);
		return CB_OK;
	}
	if (cands)
		*cands = *l;
	else
		cb_person_ref_list_free(l);
	return CB_AMBIGUOUS;
}

/* Everyone live whose name is name (by key): appended to out. */
static cb_status
same_name(struct cb_db *db, const char *name, struct cb_person_ref_list *out, size_t *cap)
{
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, SQL_SAME_NAME, &st);

	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_text(st, 1, name);
	while ((rc = cb_stmt_step(st)) == CB_ROW)
		if ((rc = add_ref(out, cap, st)) != CB_OK)
			break;
	if (rc != CB_DONE) {
		cb_stmt_reset(st);
		return rc;
	}
	return CB_OK;
}

bool
ppl_name_is_id(const char *name)
{
	struct cb_id id;
	char *t = cb_text_trim(name);
	bool yes = t && cb_id_from_hex(t, &id) == CB_OK;

	free(t);
	return yes;
}

cb_status
cb_person_find(struct cb_db *db, const char *key, struct cb_id *out,
	       struct cb_person_ref_list *cands)
{
	struct cb_person_ref_list l = {0};
	struct cb_id hexid;
	size_t cap = 0, exact = 0, at = 0;
	bool is_id;
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
	is_id = cb_id_from_hex(t, &hexid) == CB_OK;
	/* the same name (case, normal form, format characters aside) */
	if ((rc = same_name(db, t, &l, &cap)) != CB_OK)
		goto out;
	/* an id is an id: when it is also someone else's name, say both */
	if (is_id) {
		struct cb_stmt *st;
		bool owner_listed = false;
		if ((rc = cb_db_prepare(db, SQL_LIVE_BY_ID, &st)) != CB_OK)
			goto out;
		cb_stmt_bind_id(st, 1, &hexid);
		if ((rc = cb_stmt_step(st)) == CB_ROW) {
			for (size_t i = 0; i < l.count; i++)
				owner_listed |= cb_id_cmp(&l.items[i].id, &hexid) == 0;
			rc = owner_listed ? CB_OK : add_ref(&l, &cap, st);
			cb_stmt_reset(st);
			if (rc != CB_OK)
				goto out;
		} else if (rc != CB_DONE) {
			goto out;
		}
		rc = CB_OK;
		if (l.count)
			goto decided;
	}
	/* among equal names, the one written exactly so */
	for (size_t i = 0; i < l.count; i++)
		if (strcmp(l.items[i].name, t) == 0) {
			exact++;
			at = i;
		}
	if (exact == 1 && l.count > 1) {
		struct cb_person_ref keep = l.items[at];
		l.items[at].name = NULL;
		cb_person_ref_list_free(&l);
		l.items = malloc(sizeof *l.items);
		if (!l.items) {
			free(keep.name);
			rc = CB_NOMEM;
			goto out;
		}
		l.items[0] = keep;
		l.count = 1;
	}
	/* then accents aside, then a beginning */
	if (l.count == 0 && (rc = scan(db, t, 0, 0, &l)) == CB_OK && l.count == 0)
		rc = scan(db, t, 1, 0, &l);
	if (rc != CB_OK)
		goto out;
decided:
	free(t);
	if (l.count == 0)
		return CB_NOT_FOUND;
	if (l.count > 1)
		qsort(l.items, l.count, sizeof *l.items, ref_by_name);
	return decide(&l, out, cands);
out:
	cb_person_ref_list_free(&l);
	free(t);
	return rc;
}

cb_status
cb_person_search(struct cb_db *db, const char *text, size_t limit, struct cb_person_ref_list *out)
{
	char *t = cb_text_trim(text);
	cb_status rc;

	memset(out, 0, sizeof *out);
	if (!t)
		return CB_NOMEM;
	rc = scan(db, t, 2, limit, out);
	free(t);
	return rc;
}


/* --- is a name taken? ------------------------------------------------------ */

/* The keys of the live people's names, made once per transaction and kept
 * while the projection writes no person (cb_db_table_gen): the demo adds
 * thousands of people in one transaction, each one a look-up, not a scan. */
struct key_entry {
	char *key;               /* NULL: an empty slot */
	struct cb_id id;
};
struct name_cache {
	uint64_t tx_gen, table_gen;
	size_t n, cap;           /* cap: a power of two, at most half full */
	struct key_entry *v;
};

static uint64_t
hash(const char *s)
{
	uint64_t h = 14695981039346656037u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211u;
	return h;
}

static void
cache_free(void *arg)
{
	struct name_cache *c = arg;

	if (!c)
		return;
	for (size_t i = 0; i < c->cap; i++)
		free(c->v[i].key);
	free(c->v);
	free(c);
}

/* Add key (taken over, freed on failure) for id. */
static bool
cache_put(struct name_cache *c, char *key, const struct cb_id *id)
{
	size_t i;

	if ((c->n + 1) * 2 > c->cap) {
		struct name_cache bigger = {.cap = c->cap ? c->cap * 2 : 256};
		if (!(bigger.v = calloc(bigger.cap, sizeof *bigger.v))) {
			free(key);
			return false;
		}
		for (size_t j = 0; j < c->cap; j++)
			if (c->v[j].key) {
				for (i = hash(c->v[j].key) & (bigger.cap - 1); bigger.v[i].key;
				     i = (i + 1) & (bigger.cap - 1))
					;
				bigger.v[i] = c->v[j];
			}
		free(c->v);
		c->v = bigger.v;
		c->cap = bigger.cap;
	}
	for (i = hash(key) & (c->cap - 1); c->v[i].key; i = (i + 1) & (c->cap - 1))
		;
	c->v[i].key = key;
	c->v[i].id = *id;
	c->n++;
	return true;
}

/* The cache, good for this transaction, made when needed; *c NULL outside
 * a transaction (the caller asks the database). */
static cb_status
cache_get(struct cb_db *db, struct name_cache **out)
{
	struct name_cache *c;
	struct cb_stmt *st;
	uint64_t gen;
	int64_t changes;
	cb_status rc;

	*out = NULL;
	if (!cb_db_write_stamp(db, &gen, &changes))
		return CB_OK;
	c = cb_db_cache(db);
	if (c && c->tx_gen == gen && c->table_gen == cb_db_table_gen(db, CB_T_PERSON)) {
		*out = c;
		return CB_OK;
	}
	cb_db_set_cache(db, NULL, NULL);
	if (!(c = calloc(1, sizeof *c)))
		return CB_NOMEM;
	if ((rc = cb_db_prepare(db, SQL_ALL_NAMES, &st)) != CB_OK) {
		cache_free(c);
		return rc;
	}
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		struct cb_id id;
		char *key = cb_text_name_key(cb_stmt_text(st, 1));
		cb_stmt_id(st, 0, &id);
		if (!key || !cache_put(c, key, &id)) {
			rc = CB_NOMEM;
			break;
		}
	}
	if (rc != CB_DONE) {
		cb_stmt_reset(st);
		cache_free(c);
		return rc;
	}
	c->tx_gen = gen;
	c->table_gen = cb_db_table_gen(db, CB_T_PERSON);
	cb_db_set_cache(db, c, cache_free);
	*out = c;
	return CB_OK;
}

cb_status
ppl_name_is_free(struct cb_db *db, const char *name, const struct cb_id *self)
{
	struct cb_person_ref_list l = {0};
	struct name_cache *c;
	size_t cap = 0;
	bool taken = false;
	char *key;
	cb_status rc;

	if ((rc = cache_get(db, &c)) != CB_OK)
		return rc;
	if (c) {
		if (!(key = cb_text_name_key(name)))
			return CB_NOMEM;
		for (size_t i = hash(key) & (c->cap - 1); c->cap && c->v[i].key;
		     i = (i + 1) & (c->cap - 1))
			if (strcmp(c->v[i].key, key) == 0 && (!self || cb_id_cmp(&c->v[i].id, self) != 0))
				taken = true;
		free(key);
		return taken ? CB_EXISTS : CB_OK;
	}
	rc = same_name(db, name, &l, &cap);
	for (size_t i = 0; rc == CB_OK && i < l.count; i++)
		if (!self || cb_id_cmp(&l.items[i].id, self) != 0)
			taken = true;
	cb_person_ref_list_free(&l);
	if (rc != CB_OK)
		return rc;
	return taken ? CB_EXISTS : CB_OK;
}

void
ppl_name_added(struct cb_db *db, const char *name, const struct cb_id *id, uint64_t table_gen)
{
	struct name_cache *c = cb_db_cache(db);
	uint64_t gen;
	int64_t changes;
	char *key;

	if (!c || !cb_db_write_stamp(db, &gen, &changes) || c->tx_gen != gen ||
	    c->table_gen != table_gen)
		return;
	/* out of memory: the cache is dropped, the next check rebuilds it */
	if (!(key = cb_text_name_key(name)) || !cache_put(c, key, id)) {
		cb_db_set_cache(db, NULL, NULL);
		return;
	}
	c->table_gen = cb_db_table_gen(db, CB_T_PERSON);
}
