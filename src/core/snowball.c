/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Promotion of learners to mentors, and the snowball lineage. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cambouis/attendance.h"
#include "cambouis/buf.h"
#include "cambouis/pairing.h"
#include "cambouis/skills.h"
#include "cambouis/text.h"
#include "people-private.h"

static const char SQL_CANDIDATES[] =
	"SELECT p.id, p.name, (SELECT count(*) FROM attendance a"
	"   WHERE a.person = lower(hex(p.id)) AND a.deleted = 0) AS n"
	" FROM people p WHERE p.deleted = 0 AND p.learner = 1 AND p.mentor = 0"
	" AND p.name IS NOT NULL AND (?2 = 0 OR EXISTS (SELECT 1 FROM skill_signoffs s"
	"   WHERE s.person = lower(hex(p.id)) AND s.level = 4)) AND n >= ?1";
static const char SQL_MOST_TOGETHER[] =
	"SELECT g.mentor, (SELECT count(*) FROM pair_sessions ps WHERE ps.pairing = lower(hex(g.id))"
	" AND ps.deleted = 0) AS n FROM pairings g WHERE g.learner = ?1 ORDER BY n DESC, g.id LIMIT 1";
static const char SQL_TREE[] =
	"SELECT id, name, trained_by, promoted_on FROM people"
	" WHERE deleted = 0 AND (mentor = 1 OR trained_by IS NOT NULL) ORDER BY id";
static const char SQL_LEARNERS[] =
	"SELECT count(*), coalesce(sum(mentor = 1 AND trained_by IS NOT NULL), 0) FROM people"
	" WHERE deleted = 0 AND learner = 1";

static int
need_skills(const struct cb_config *cfg)
{
	return cfg ? cfg->promote_skills : 3;
}

static int
need_sessions(const struct cb_config *cfg)
{
	return cfg ? cfg->promote_sessions : 4;
}

cb_status
cb_promotion_progress(struct cb_db *db, const struct cb_config *cfg, const struct cb_id *person,
		      struct cb_progress *out)
{
	char hex[CB_ID_HEX_LEN + 1];
	struct cb_person p;
	int working;
	cb_status rc;

	memset(out, 0, sizeof *out);
	if ((rc = cb_person_get(db, person, &p)) != CB_OK)
		return rc;
	out->person = *person;
	out->name = p.name;
	p.name = NULL;
	out->mentor = p.roles & CB_ROLE_BIT(CB_ROLE_MENTOR);
	cb_person_clear(&p);
	out->need_skills = need_skills(cfg);
	out->need_sessions = need_sessions(cfg);
	cb_id_to_hex(person, hex);
	if ((rc = ppl_skill_counts(db, hex, &out->can_teach, &working)) != CB_OK ||
	    (rc = cb_sessions_attended(db, person, &out->sessions)) != CB_OK) {
		cb_progress_clear(out);
		return rc;
	}
	out->eligible = out->can_teach >= out->need_skills && out->sessions >= out->need_sessions;
	return CB_OK;
}

void
cb_progress_clear(struct cb_progress *p)
{
	free(p->name);
	p->name = NULL;
}

static int
progress_by_name(const void *a, const void *b)
{
	const struct cb_progress *x = a, *y = b;
	int c = cb_text_collate(x->name, y->name);
	return c ? c : cb_id_cmp(&x->person, &y->person);
}

cb_status
cb_promotion_candidates(struct cb_db *db, const struct cb_config *cfg, struct cb_progress_list *out)
{
	struct cb_stmt *st;
	size_t cap = 0;
	cb_status rc = cb_db_prepare(db, SQL_CANDIDATES, &st);

	memset(out, 0, sizeof *out);
	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_int(st, 1, need_sessions(cfg));
	cb_stmt_bind_int(st, 2, need_skills(cfg) > 0);
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		struct cb_progress *p;
		if (!cb_grow(&out->items, &cap, out->count, sizeof *out->items, 16)) {
			rc = CB_NOMEM;
			break;
		}
		p = &out->items[out->count];
		memset(p, 0, sizeof *p);
		cb_stmt_id(st, 0, &p->person);
		if (!(p->name = strdup(cb_stmt_text(st, 1)))) {
			rc = CB_NOMEM;
			break;
		}
		p->sessions = (int)cb_stmt_int(st, 2);
		out->count++;
	}
	if (rc != CB_DONE) {
		cb_stmt_reset(st);
		cb_progress_list_free(out);
		return rc;
	}
	/* then the exact skill count; keep those who meet the rule */
	size_t k = 0;
	for (size_t i = 0; i < out->count; i++) {
		struct cb_progress *p = &out->items[i];
		char hex[CB_ID_HEX_LEN + 1];
		int working;
		cb_id_to_hex(&p->person, hex);
		if ((rc = ppl_skill_counts(db, hex, &p->can_teach, &working)) != CB_OK) {
			cb_progress_list_free(out);
			return rc;
		}
		p->need_skills = need_skills(cfg);
		p->need_sessions = need_sessions(cfg);
		p->eligible = p->can_teach >= p->need_skills && p->sessions >= p->need_sessions;
		if (p->eligible)
			out->items[k++] = *p;
		else
			free(p->name);
	}
	out->count = k;
	if (k > 1)
		qsort(out->items, k, sizeof *out->items, progress_by_name);
	return CB_OK;
}

void
cb_progress_list_free(struct cb_progress_list *l)
{
	for (size_t i = 0; i < l->count; i++)
		free(l->items[i].name);
	free(l->items);
	l->items = NULL;
	l->count = 0;
}

cb_status
cb_promote(struct cb_db *db, const struct cb_config *cfg, const struct cb_id *person,
	   const struct cb_id *trainer, bool force, int32_t today, struct cb_id *trained_by)
{
	struct cb_progress pr;
	struct cb_id by;
	char hex[CB_ID_HEX_LEN + 1], date[CB_DATE_LEN + 1];
	cb_status rc;

	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	if ((rc = cb_promotion_progress(db, cfg, person, &pr)) != CB_OK)
		return cb_write_refuse(db, rc);
	rc = pr.mentor ? CB_EXISTS : (!pr.eligible && !force) ? CB_INVALID : CB_OK;
	cb_progress_clear(&pr);
	if (rc != CB_OK)
		return cb_write_refuse(db, rc);
	if (trainer) {
		struct cb_person t;
		by = *trainer;
		if ((rc = cb_person_get(db, trainer, &t)) != CB_OK)
			return cb_write_refuse(db, rc);
		rc = t.deleted ? CB_NOT_FOUND
		   : !(t.roles & CB_ROLE_BIT(CB_ROLE_MENTOR)) || cb_id_cmp(trainer, person) == 0
			? CB_INVALID : CB_OK;
		cb_person_clear(&t);
	} else if ((rc = cb_active_mentor(db, person, &by)) == CB_NOT_FOUND) {
		struct cb_stmt *st;
		cb_id_to_hex(person, hex);
		if ((rc = cb_db_prepare(db, SQL_MOST_TOGETHER, &st)) == CB_OK) {
			cb_stmt_bind_text(st, 1, hex);
			if ((rc = cb_stmt_step(st)) == CB_ROW) {
				rc = cb_id_from_hex(cb_stmt_text(st, 0), &by);
				cb_stmt_reset(st);
			} else if (rc == CB_DONE) {
				rc = CB_NOT_FOUND;
			}
		}
	}
	if (rc != CB_OK)
		return cb_write_refuse(db, rc);
	cb_date_format(today, date);
	if ((rc = cb_write_int(db, CB_T_PERSON, person, CB_F_PERSON_MENTOR, 1)) == CB_OK &&
	    (rc = cb_write_id(db, CB_T_PERSON, person, CB_F_PERSON_TRAINED_BY, &by)) == CB_OK)
		rc = cb_write_text(db, CB_T_PERSON, person, CB_F_PERSON_PROMOTED_ON, date);
	if ((rc = cb_write_finish(db, rc)) == CB_OK && trained_by)
		*trained_by = by;
	return rc;
}

/* --- the snowball ------------------------------------------------------------ */

struct node {
	struct cb_id id;
	char *name;
	char trainer[CB_ID_HEX_LEN + 1];
	char promoted_on[CB_DATE_LEN + 1];
	size_t parent;          /* index, or SIZE_MAX: a root */
	size_t *kids;
	size_t nkids, capkids;
	int descendants;
	bool seen;
};

static struct node *sort_nodes; /* for the comparators below (one thread) */

static int
kid_order(const void *a, const void *b)
{
	const struct node *x = &sort_nodes[*(const size_t *)a], *y = &sort_nodes[*(const size_t *)b];
	int c = strcmp(x->promoted_on, y->promoted_on);
	if (!c)
		c = cb_text_collate(x->name, y->name);
	return c ? c : cb_id_cmp(&x->id, &y->id);
}

static int
root_order(const void *a, const void *b)
{
	const struct node *x = &sort_nodes[*(const size_t *)a], *y = &sort_nodes[*(const size_t *)b];
	int c = cb_text_collate(x->name, y->name);
	return c ? c : cb_id_cmp(&x->id, &y->id);
}

/* Count descendants (cycles from conflicting edits are cut by seen). */
static int
count_down(struct node *n, size_t i)
{
	int total = 0;

	n[i].seen = true;
	for (size_t k = 0; k < n[i].nkids; k++)
		if (!n[n[i].kids[k]].seen)
			total += 1 + count_down(n, n[i].kids[k]);
	n[i].descendants = total;
	return total;
}

static cb_status
emit(struct cb_snowball *out, size_t *cap, struct node *n, size_t i, int depth)
{
	struct cb_snowball_row *r;
	cb_status rc;

	if (n[i].seen)
		return CB_OK;
	n[i].seen = true;
	if (!cb_grow(&out->items, cap, out->count, sizeof *out->items, 16))
		return CB_NOMEM;
	r = &out->items[out->count];
	memset(r, 0, sizeof *r);
	r->person = n[i].id;
	if (!(r->name = strdup(n[i].name)))
		return CB_NOMEM;
	out->count++;
	r->depth = depth;
	if (depth > 0)
		cb_text_copy(r->promoted_on, sizeof r->promoted_on, n[i].promoted_on);
	r->trainees = (int)n[i].nkids;
	r->descendants = n[i].descendants;
	if (depth + 1 > out->generations)
		out->generations = depth + 1;
	for (size_t k = 0; k < n[i].nkids; k++)
		if ((rc = emit(out, cap, n, n[i].kids[k], depth + 1)) != CB_OK)
			return rc;
	return CB_OK;
}

static int
node_by_hex(const void *key, const void *elem)
{
	struct cb_id id;
	if (cb_id_from_hex(key, &id) != CB_OK)
		return -1;
	return cb_id_cmp(&id, &((const struct node *)elem)->id);
}

cb_status
cb_snowball(struct cb_db *db, const struct cb_id *root, struct cb_snowball *out)
{
	struct node *n = NULL;
	size_t nn = 0, cap = 0, ocap = 0, *roots = NULL, nroots = 0;
	struct cb_stmt *st;
	cb_status rc;

	memset(out, 0, sizeof *out);
	if ((rc = cb_db_prepare(db, SQL_LEARNERS, &st)) != CB_OK)
		return rc;
	if ((rc = cb_stmt_step(st)) == CB_ROW) {
		out->learners = (int)cb_stmt_int(st, 0);
		out->promoted = (int)cb_stmt_int(st, 1);
		cb_stmt_reset(st);
	} else {
		return rc == CB_DONE ? CB_DB_ERROR : rc;
	}
	if ((rc = cb_db_prepare(db, SQL_TREE, &st)) != CB_OK)
		return rc;
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		if (!cb_grow(&n, &cap, nn, sizeof *n, 16)) {
			rc = CB_NOMEM;
			break;
		}
		memset(&n[nn], 0, sizeof n[nn]);
		cb_stmt_id(st, 0, &n[nn].id);
		if (!(n[nn].name = strdup(cb_stmt_text(st, 1)))) {
			rc = CB_NOMEM;
			break;
		}
		cb_text_copy(n[nn].trainer, sizeof n[nn].trainer, cb_stmt_text(st, 2));
		cb_text_copy(n[nn].promoted_on, sizeof n[nn].promoted_on, cb_stmt_text(st, 3));
		nn++;
	}
	if (rc != CB_DONE) {
		cb_stmt_reset(st);
		goto out;
	}
	rc = CB_OK;
	/* rows come by id: find trainers by binary search */
	for (size_t i = 0; i < nn && rc == CB_OK; i++) {
		struct node *t = n[i].trainer[0]
			? bsearch(n[i].trainer, n, nn, sizeof *n, node_by_hex) : NULL;
		n[i].parent = t && t != &n[i] ? (size_t)(t - n) : SIZE_MAX;
		if (n[i].parent == SIZE_MAX)
			continue;
		if (!cb_grow(&t->kids, &t->capkids, t->nkids, sizeof *t->kids, 16))
			rc = CB_NOMEM;
		else
			t->kids[t->nkids++] = i;
	}
	if (rc != CB_OK)
		goto out;
	if (!(roots = calloc(nn + 1, sizeof *roots))) {
		rc = CB_NOMEM;
		goto out;
	}
	sort_nodes = n;
	for (size_t i = 0; i < nn; i++)
		if (n[i].nkids > 1)
			qsort(n[i].kids, n[i].nkids, sizeof *n[i].kids, kid_order);
	for (size_t i = 0; i < nn; i++)
		if (n[i].parent == SIZE_MAX)
			roots[nroots++] = i;
	if (nroots > 1)
		qsort(roots, nroots, sizeof *roots, root_order);
	for (size_t i = 0; i < nroots; i++)
		count_down(n, roots[i]);
	/* a cycle (A trained B and B trained A, after conflicting edits)
	 * has no root: its first member by id becomes one */
	for (size_t i = 0; i < nn; i++)
		if (!n[i].seen) {
			roots[nroots++] = i;
			count_down(n, i);
		}
	for (size_t i = 0; i < nn; i++)
		n[i].seen = false;
	if (root) {
		struct node *r = NULL;
		for (size_t i = 0; i < nn && !r; i++)
			if (cb_id_cmp(&n[i].id, root) == 0)
				r = &n[i];
		rc = r ? emit(out, &ocap, n, (size_t)(r - n), 0) : CB_NOT_FOUND;
	} else {
		for (size_t i = 0; i < nroots && rc == CB_OK; i++)
			rc = emit(out, &ocap, n, roots[i], 0);
	}
out:
	for (size_t i = 0; i < nn; i++) {
		free(n[i].name);
		free(n[i].kids);
	}
	free(n);
	free(roots);
	sort_nodes = NULL;
	if (rc != CB_OK)
		cb_snowball_free(out);
	return rc;
}

void
cb_snowball_free(struct cb_snowball *s)
{
	for (size_t i = 0; i < s->count; i++)
		free(s->items[i].name);
	free(s->items);
	memset(s, 0, sizeof *s);
}
