/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The multi-laptop simulation (issue 6): in-memory laptops with skewed
 * clocks edit venues and people (fields, check-ins and check-outs, pairs,
 * erasures) at random and pass bundles around with delays, duplicates,
 * reordering, relays, losses and corrupted copies; after a final
 * all-to-all exchange every laptop must hold the same tables and the same
 * ops, blanked alike, and every op ever made, replayed in a random order,
 * must give them too. */
#include "config.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/bundle.h"
#include "cambouis/clock.h"
#include "cambouis/db.h"
#include "cambouis/oplog.h"
#include "cambouis/pairing.h"
#include "cambouis/parts.h"
#include "cambouis/schema.h"
#include "cambouis/sync.h"
#include "cambouis/venue.h"
#include "sim.h"

#define T0 1772384400000LL           /* 2026-03-01 18:00 */
#define HOUR 3600000LL
#define DAY (24 * HOUR)
#define MAX_LAPTOPS 8
#define MAX_MAIL 4096

struct laptop {
	struct cb_db *db;
	int64_t base;  /* what its clock says when the simulation starts */
	int64_t ops;   /* ops it made */
};

struct mail {
	unsigned char *data;
	size_t size;
	int to;
	int64_t at;   /* delivered once the simulation time reaches it */
	bool corrupt;
};

struct oplist {
	struct cb_op *v;
	size_t n, cap;
};

struct sim {
	uint64_t rng;
	int64_t t;
	int n;
	struct laptop lap[MAX_LAPTOPS];
	struct cb_id *rows;
	size_t nrows, caprows;
	struct cb_id hot;       /* a row many laptops edit at once */
	struct cb_id parts[2], crate; /* parts and a crate every laptop has */
	struct cb_id *people, *atts; /* people and attendance rows made so far */
	size_t npeople, cappeople, natts, capatts;
	struct oplist made;     /* every op as its laptop made it */
	struct mail mail[MAX_MAIL];
	size_t nmail;
	char *err;
	size_t errlen;
	struct sim_stats *stats;
};

static uint64_t
rnd(struct sim *s)
{
	uint64_t z = (s->rng += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static int
pick(struct sim *s, int n)
{
	return (int)(rnd(s) % (uint64_t)n);
}

static bool
chance(struct sim *s, int percent)
{
	return pick(s, 100) < percent;
}

static int
fail(struct sim *s, const char *fmt, ...)
{
	va_list ap;
	if (!s->err[0]) {
		va_start(ap, fmt);
		vsnprintf(s->err, s->errlen, fmt, ap);
		va_end(ap);
	}
	return -1;
}

#define TRY(expr) do { cb_status st_ = (expr); \
	if (st_ != CB_OK) return fail(s, "%s:%d: %s: %s", __FILE__, __LINE__, #expr, cb_status_name(st_)); \
} while (0)

static void
pin(struct sim *s, int i)
{
	cb_clock_pin(s->lap[i].base + s->t);
}

static cb_status
collect(const struct cb_op *op, void *arg)
{
	struct oplist *l = arg;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 1024;
		struct cb_op *v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return CB_NOMEM;
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n] = *op;
	if (op->value.type == CB_V_TEXT && !(l->v[l->n].value.s = strdup(op->value.s)))
		return CB_NOMEM;
	l->n++;
	return CB_OK;
}

static void
oplist_free(struct oplist *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].value.type == CB_V_TEXT)
			free((char *)l->v[i].value.s);
	free(l->v);
}

static cb_status
collect_arrived(const struct cb_op *op, int64_t n, void *arg)
{
	(void)n;
	return collect(op, arg);
}

static const char *const texts[] = {
	"Vallée Violette", "Gymnase du Morier", "Lycée Vaucanson", "Maison des Jeunes",
	"Résidence Grandmont", "Salle des fêtes", "Parking côté gare", "École Pasteur",
	"Entrée par la cour, à gauche", "Clé chez le gardien", "Tours", "Joué-lès-Tours",
	"Saint-Pierre-des-Corps", "La Riche", "Éclairage faible — prévoir lampes", "",
};

static int
push_id(struct sim *s, struct cb_id **v, size_t *n, size_t *cap, const struct cb_id *id)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 64;
		struct cb_id *r = realloc(*v, c * sizeof *r);
		if (!r)
			return fail(s, "out of memory");
		*v = r;
		*cap = c;
	}
	(*v)[(*n)++] = *id;
	return 0;
}

static const char SQL_SEEN_PERSON[] = "SELECT 1 FROM people WHERE id = ?1";

/* Has laptop i heard of person p (a forgotten one included)? */
static int
seen_person(struct sim *s, struct cb_db *db, const struct cb_id *p, bool *yes)
{
	struct cb_stmt *st;
	cb_status rc;

	TRY(cb_db_prepare(db, SQL_SEEN_PERSON, &st));
	cb_stmt_bind_id(st, 1, p);
	rc = cb_stmt_step(st);
	*yes = rc == CB_ROW;
	cb_stmt_reset(st);
	if (rc != CB_ROW && rc != CB_DONE)
		return fail(s, "seen_person: %s", cb_status_name(rc));
	return 0;
}

#define SET(tbl, row, field, v) do { \
	TRY(cb_oplog_set(db, (tbl), (row), (field), (v))); \
	s->lap[i].ops++; \
	s->stats->edits++; \
} while (0)

/* One people op (or a few that belong together) on laptop i, inside its
 * transaction: a new person, a field, a check-in, a check-out (maybe of a
 * row this laptop has not seen yet), a pair (the same two people paired on
 * two laptops make one pairing), or an erasure (rare; two laptops may
 * forget the same person, and others keep editing them until they hear). */
static int
people_edit(struct sim *s, int i)
{
	static const char *const names[] = {
		"Zéphyrine", "Karim", "Léa B.", "Noé", "Sylvie", "Bruno", "Inès", "Yaël",
	};
	struct cb_db *db = s->lap[i].db;
	struct cb_value val = {CB_V_NULL, 0, NULL};
	struct cb_id row, p, q;
	char hp[CB_ID_HEX_LEN + 1], hq[CB_ID_HEX_LEN + 1];
	int what = pick(s, 100);
	bool seen = false;

	if (what < 15 || s->npeople < 2) {
		TRY(cb_id_new(&row, cb_clock_now_ms()));
		if (push_id(s, &s->people, &s->npeople, &s->cappeople, &row) != 0)
			return -1;
		val = (struct cb_value){CB_V_TEXT, 0, names[pick(s, 8)]};
		SET(CB_T_PERSON, &row, CB_F_PERSON_NAME, &val);
		val = (struct cb_value){CB_V_INT, 1, NULL};
		SET(CB_T_PERSON, &row, CB_F_PERSON_LEARNER, &val);
		return 0;
	}
	p = s->people[pick(s, (int)s->npeople)];
	if (seen_person(s, db, &p, &seen) != 0)
		return -1;
	if (!seen)
		return 0;
	cb_id_to_hex(&p, hp);
	if (what < 50) {
		static const int fields[] = {
			CB_F_PERSON_NAME, CB_F_PERSON_NOTES, CB_F_PERSON_CONTACT, CB_F_PERSON_LANGUAGES,
			CB_F_PERSON_MENTOR, CB_F_PERSON_DELETED, CB_F_PERSON_ADDED_ON,
		};
		int field = fields[pick(s, 7)];
		switch (field) {
		case CB_F_PERSON_MENTOR:
		case CB_F_PERSON_DELETED:
			val = (struct cb_value){CB_V_INT, chance(s, 50), NULL};
			break;
		case CB_F_PERSON_LANGUAGES:
			val = (struct cb_value){CB_V_TEXT, 0, chance(s, 50) ? "fr" : "fr,en"};
			break;
		case CB_F_PERSON_ADDED_ON:
			val = (struct cb_value){CB_V_TEXT, 0, chance(s, 50) ? "2026-03-01" : "2025-09-12"};
			break;
		case CB_F_PERSON_NAME:
			val = (struct cb_value){CB_V_TEXT, 0, names[pick(s, 8)]};
			break;
		default:
			if (!chance(s, 15))
				val = (struct cb_value){CB_V_TEXT, 0, texts[pick(s, 15)]};
			break;
		}
		SET(CB_T_PERSON, &p, field, &val);
	} else if (what < 70) {
		/* a check-in: a row of its own tied to the person */
		TRY(cb_id_new(&row, cb_clock_now_ms()));
		if (push_id(s, &s->atts, &s->natts, &s->capatts, &row) != 0)
			return -1;
		val = (struct cb_value){CB_V_TEXT, 0, hp};
		SET(CB_T_ATTENDANCE, &row, CB_F_ATT_PERSON, &val);
		cb_id_to_hex(&s->hot, hq);
		val = (struct cb_value){CB_V_TEXT, 0, hq};
		SET(CB_T_ATTENDANCE, &row, CB_F_ATT_SESSION, &val);
		val = (struct cb_value){CB_V_TEXT, 0, "18:00"};
		SET(CB_T_ATTENDANCE, &row, CB_F_ATT_CHECKIN, &val);
	} else if (what < 82) {
		if (s->natts == 0)
			return 0;
		row = s->atts[pick(s, (int)s->natts)];
		if (!chance(s, 20))
			val = (struct cb_value){CB_V_TEXT, 0, chance(s, 50) ? "19:30" : "20:05"};
		SET(CB_T_ATTENDANCE, &row, CB_F_ATT_CHECKOUT, &val);
	} else if (what < 97) {
		q = s->people[pick(s, (int)s->npeople)];
		if (cb_id_cmp(&p, &q) == 0)
			return 0;
		cb_id_to_hex(&q, hq);
		cb_pairing_id(&p, &q, &row);
		val = (struct cb_value){CB_V_TEXT, 0, hp};
		SET(CB_T_PAIRING, &row, CB_F_PAIRING_MENTOR, &val);
		val = (struct cb_value){CB_V_TEXT, 0, hq};
		SET(CB_T_PAIRING, &row, CB_F_PAIRING_LEARNER, &val);
		val = (struct cb_value){CB_V_INT, pick(s, 3), NULL};
		SET(CB_T_PAIRING, &row, CB_F_PAIRING_STATUS, &val);
	} else {
		TRY(cb_oplog_forget(db, &p));
		s->lap[i].ops++;
		s->stats->edits++;
		s->stats->erasures++;
	}
	return 0;
}

/* The parts inventory: counts on several laptops at once, movements
 * made offline while another laptop counts, transfers to the crate. */
static int
parts_edit(struct sim *s, int i)
{
	struct cb_db *db = s->lap[i].db;
	const struct cb_id *part = &s->parts[pick(s, 2)];
	struct cb_id store;
	const struct cb_id *loc;
	int64_t before, after;
	int what = pick(s, 10);

	cb_location_store(&store);
	loc = chance(s, 50) ? &store : &s->crate;
	TRY(cb_oplog_count(db, &before));
	if (what < 3) {
		TRY(cb_stock_count(db, part, loc, pick(s, 12), NULL));
	} else if (what < 5) {
		TRY(cb_stock_transfer(db, part, &store, &s->crate, 1 + pick(s, 3), NULL, NULL));
	} else {
		struct cb_move_input in = {.part = *part, .location = *loc, .amount = -1,
					   .qty = pick(s, 2) ? -(1 + pick(s, 3)) : 1 + pick(s, 5),
					   .reason = CB_REASON_USED};
		if (in.qty > 0) {
			in.reason = CB_REASON_DONATION;
			in.donor = "G3A";
		}
		TRY(cb_stock_move(db, &in, NULL, NULL));
	}
	TRY(cb_oplog_count(db, &after));
	s->lap[i].ops += after - before;
	s->stats->edits++;
	return 0;
}

/* On hand of every part at every location, as text. */
static int
stock_figures(struct sim *s, struct cb_db *db, char *out, size_t size)
{
	struct cb_id store;
	size_t len = 0;

	cb_location_store(&store);
	out[0] = '\0';
	for (int p = 0; p < 2; p++)
		for (int l = 0; l < 2; l++) {
			long long n;
			TRY(cb_stock_on_hand(db, &s->parts[p], l ? &s->crate : &store, &n));
			len += (size_t)snprintf(out + len, len < size ? size - len : 0, "%lld ", n);
		}
	return 0;
}

/* One user action on laptop i: a transaction of one to three ops. */
static int
edit(struct sim *s, int i)
{
	struct cb_db *db = s->lap[i].db;
	struct cb_venue v;
	struct cb_id row;
	int n = 1 + pick(s, 3);
	int64_t before;

	pin(s, i);
	TRY(cb_oplog_last_arrival(db, &before));
	TRY(cb_db_begin(db));
	for (int k = 0; k < n; k++) {
		int field;
		struct cb_value val = {CB_V_NULL, 0, NULL};
		int what = pick(s, 100);

		if (chance(s, 12)) {
			if (parts_edit(s, i) != 0)
				return -1;
			continue;
		}
		if (chance(s, 35)) {
			if (people_edit(s, i) != 0)
				return -1;
			continue;
		}

		if (what < 15 || s->nrows == 0) {
			/* a new venue: its name first */
			TRY(cb_id_new(&row, cb_clock_now_ms()));
			if (s->nrows == s->caprows) {
				size_t cap = s->caprows ? s->caprows * 2 : 256;
				struct cb_id *r = realloc(s->rows, cap * sizeof *r);
				if (!r)
					return fail(s, "out of memory");
				s->rows = r;
				s->caprows = cap;
			}
			s->rows[s->nrows++] = row;
			field = CB_F_VENUE_NAME;
		} else {
			row = what < 45 ? s->hot : s->rows[pick(s, (int)s->nrows)];
			/* only rows this laptop has seen can be edited */
			cb_status st = cb_venue_get(db, &row, &v);
			if (st == CB_NOT_FOUND)
				continue;
			if (st != CB_OK)
				return fail(s, "venue_get: %s", cb_status_name(st));
			cb_venue_clear(&v);
			field = what < 45 ? CB_F_VENUE_NOTES - pick(s, 2) * 4 /* notes or name */
					  : 1 + pick(s, 6);
		}
		switch (field) {
		case CB_F_VENUE_CAPACITY:
			if (!chance(s, 20)) {
				val.type = CB_V_INT;
				val.i = pick(s, 200);
			}
			break;
		case CB_F_VENUE_DELETED: /* deletion and restore */
			val.type = CB_V_INT;
			val.i = chance(s, 60);
			break;
		case CB_F_VENUE_NAME:
			val.type = CB_V_TEXT;
			val.s = texts[pick(s, 8)];
			break;
		default:
			val.type = CB_V_TEXT;
			val.s = texts[pick(s, (int)(sizeof texts / sizeof texts[0]))];
			break;
		}
		TRY(cb_oplog_set(db, CB_T_VENUE, &row, field, &val));
		s->lap[i].ops++;
		s->stats->edits++;
	}
	TRY(cb_db_commit(db));
	/* keep the ops as made, before any erasure blanks them anywhere */
	TRY(cb_oplog_each_arrived(db, before, NULL, collect_arrived, &s->made));
	return 0;
}

struct capture {
	unsigned char *data;
	size_t size;
};

static cb_status
capture(const void *data, size_t size, const struct cb_bundle_manifest *m, void *arg)
{
	struct capture *c = arg;
	(void)m;
	if (!(c->data = malloc(size)))
		return CB_NOMEM;
	memcpy(c->data, data, size);
	c->size = size;
	return CB_OK;
}

static int
export(struct sim *s, int i, bool full, struct capture *c)
{
	struct cb_export_opts o = {.full = full, .mark = "sim"};
	struct cb_export_result r;

	pin(s, i);
	c->data = NULL;
	TRY(cb_sync_export(s->lap[i].db, &o, capture, c, &r));
	s->stats->bundles++;
	return 0;
}

static int
post(struct sim *s, const unsigned char *data, size_t size, int to, bool corrupt)
{
	struct mail *m;

	if (s->nmail == MAX_MAIL)
		return 0; /* a full mailbox loses mail: just another loss */
	m = &s->mail[s->nmail];
	if (!(m->data = malloc(size)))
		return fail(s, "out of memory");
	memcpy(m->data, data, size);
	m->size = size;
	m->to = to;
	m->at = s->t + (int64_t)pick(s, 6) * HOUR;
	m->corrupt = corrupt;
	if (corrupt) {
		size_t at = rnd(s) % size;
		m->data[at] ^= (unsigned char)(1u << pick(s, 8));
	}
	s->nmail++;
	return 0;
}

/* Import into laptop i; a corrupted copy must be rejected or read intact. */
static int
deliver(struct sim *s, int i, const unsigned char *data, size_t size, bool corrupt,
	struct cb_import_result *out)
{
	struct cb_bundle *b;
	struct cb_bundle_why why;
	struct cb_import_result r;
	cb_status st;

	pin(s, i);
	st = cb_bundle_read_mem(data, size, NULL, &b, &why);
	if (st == CB_INVALID) {
		if (!corrupt)
			return fail(s, "good bundle rejected: %s (%s)",
				    cb_bundle_reject_message(why.reason), why.detail);
		s->stats->rejected++;
		return 0;
	}
	TRY(st);
	st = cb_sync_import(s->lap[i].db, b, NULL, &r);
	cb_bundle_free(b);
	TRY(st);
	s->stats->imports++;
	s->stats->conflicts += r.conflicts;
	if (out)
		*out = r;
	return 0;
}

/* Exchange: laptop i writes a bundle and sends it to one or more others. */
static int
exchange(struct sim *s, int i)
{
	struct capture c;
	int copies = 1 + (chance(s, 15) ? 1 : 0) + (chance(s, 10) ? 1 : 0);

	if (export(s, i, false, &c) != 0)
		return -1;
	for (int k = 0; k < copies; k++) {
		int to = (i + 1 + pick(s, s->n - 1)) % s->n;
		if (chance(s, 10)) {
			s->stats->lost++;
			continue; /* lost on the way */
		}
		if (post(s, c.data, c.size, to, false) != 0)
			break;
		if (chance(s, 10) && post(s, c.data, c.size, to, true) != 0)
			break;
	}
	free(c.data);
	return s->err[0] ? -1 : 0;
}

/* Deliver the mail that is due, in a random order. */
static int
drain(struct sim *s, bool all)
{
	for (size_t k = 0; k < s->nmail;) {
		size_t j = k + (size_t)pick(s, (int)(s->nmail - k));
		struct mail m = s->mail[j];
		if (!all && m.at > s->t) {
			k++;
			continue;
		}
		s->mail[j] = s->mail[--s->nmail];
		int rc = deliver(s, m.to, m.data, m.size, m.corrupt, NULL);
		free(m.data);
		if (rc != 0)
			return rc;
	}
	return 0;
}

static int
dump(struct sim *s, struct cb_db *db, char **out)
{
	TRY(cb_oplog_dump_tables(db, out));
	return 0;
}

/* Every op as "op_id|kind|value", in log order. */
static cb_status
op_line(const struct cb_op *op, void *arg)
{
	FILE *f = arg;
	char hex[CB_ID_HEX_LEN + 1];

	cb_id_to_hex(&op->op_id, hex);
	if (op->value.type == CB_V_INT)
		fprintf(f, "%s|%d|%lld\n", hex, op->kind, op->value.i);
	else if (op->value.type == CB_V_TEXT)
		fprintf(f, "%s|%d|'%s'\n", hex, op->kind, op->value.s);
	else
		fprintf(f, "%s|%d|NULL\n", hex, op->kind);
	return CB_OK;
}

static int
dump_ops(struct sim *s, struct cb_db *db, char **out)
{
	size_t n = 0;
	FILE *f = open_memstream(out, &n);
	cb_status st;

	if (!f)
		return fail(s, "out of memory");
	st = cb_oplog_each(db, op_line, f);
	if (fclose(f) != 0 && st == CB_OK)
		st = CB_NOMEM;
	if (st != CB_OK) {
		free(*out);
		*out = NULL;
		return fail(s, "dump_ops: %s", cb_status_name(st));
	}
	return 0;
}

/* Replay every op as it was made (values not blanked yet), in a random
 * order, into a fresh laptop: the same tables and the same blanked log. */
static int
replay_shuffled(struct sim *s, const char *want, const char *want_ops)
{
	struct oplist l = s->made;
	struct cb_db *db;
	char *got = NULL, *got_ops = NULL;
	int rc = -1;

	for (size_t i = l.n; i > 1; i--) {
		size_t j = rnd(s) % i;
		struct cb_op t = l.v[i - 1];
		l.v[i - 1] = l.v[j];
		l.v[j] = t;
	}
	if (cb_db_open(":memory:", CB_OPEN_CREATE, &db, NULL, 0) != CB_OK)
		return fail(s, "cannot open a fresh laptop");
	cb_status st = cb_db_begin(db);
	for (size_t i = 0; st == CB_OK && i < l.n; i++)
		st = cb_oplog_apply(db, &l.v[i], NULL);
	if (st == CB_OK)
		st = cb_db_commit(db);
	if (st != CB_OK)
		fail(s, "shuffled replay: %s", cb_status_name(st));
	else if (dump(s, db, &got) == 0 && dump_ops(s, db, &got_ops) == 0) {
		char a[128], b[128];
		if (stock_figures(s, s->lap[0].db, a, sizeof a) != 0 ||
		    stock_figures(s, db, b, sizeof b) != 0)
			;
		else if (strcmp(a, b) != 0)
			fail(s, "a shuffled replay gives on hand %s, laptop 0 %s", b, a);
		else if (strcmp(got, want) != 0)
			fail(s, "a shuffled replay of the ops made gives other tables");
		else if (strcmp(got_ops, want_ops) != 0)
			fail(s, "a shuffled replay of the ops made gives another (blanked) log");
		else
			rc = 0;
	}
	free(got);
	free(got_ops);
	cb_db_close(db);
	return rc;
}

static int
final_checks(struct sim *s)
{
	struct capture full[MAX_LAPTOPS];
	char *want = NULL, *got = NULL, *want_ops = NULL, *got_ops = NULL;
	int64_t total = 0, count;
	char detail[256];
	int rc = -1;

	memset(full, 0, sizeof full);
	/* all to all: every laptop's whole log to every other laptop */
	for (int i = 0; i < s->n; i++)
		if (export(s, i, true, &full[i]) != 0)
			goto out;
	for (int i = 0; i < s->n; i++)
		for (int j = 0; j < s->n; j++)
			if (i != j && deliver(s, j, full[i].data, full[i].size, false, NULL) != 0)
				goto out;
	for (int i = 0; i < s->n; i++)
		total += s->lap[i].ops;
	if (dump(s, s->lap[0].db, &want) != 0 || dump_ops(s, s->lap[0].db, &want_ops) != 0)
		goto out;
	if ((int64_t)s->made.n != total) {
		fail(s, "%zu ops recorded as made, %lld made", s->made.n, (long long)total);
		goto out;
	}
	for (int i = 0; i < s->n; i++) {
		free(got);
		free(got_ops);
		got = got_ops = NULL;
		if (dump(s, s->lap[i].db, &got) != 0 || dump_ops(s, s->lap[i].db, &got_ops) != 0)
			goto out;
		if (strcmp(got, want) != 0) {
			fail(s, "laptop %d's tables differ from laptop 0's", i);
			goto out;
		}
		{
			char a[128], b[128];
			if (stock_figures(s, s->lap[0].db, a, sizeof a) != 0 ||
			    stock_figures(s, s->lap[i].db, b, sizeof b) != 0)
				goto out;
			if (strcmp(a, b) != 0) {
				fail(s, "laptop %d has on hand %s, laptop 0 %s", i, b, a);
				goto out;
			}
		}
		/* erasure blanked the same values everywhere */
		if (strcmp(got_ops, want_ops) != 0) {
			fail(s, "laptop %d's ops (values) differ from laptop 0's", i);
			goto out;
		}
		if (cb_oplog_count(s->lap[i].db, &count) != CB_OK || count != total) {
			fail(s, "laptop %d holds %lld ops, %lld were made", i, (long long)count,
			     (long long)total);
			goto out;
		}
		if (cb_db_check(s->lap[i].db, detail, sizeof detail) != CB_OK) {
			fail(s, "laptop %d: integrity: %s", i, detail);
			goto out;
		}
	}
	/* re-importing changes nothing */
	for (int i = 0; i < s->n; i++) {
		struct cb_import_result r;
		int j = (i + 1) % s->n;
		if (deliver(s, j, full[i].data, full[i].size, false, &r) != 0)
			goto out;
		if (r.new_ops != 0 || !r.already) {
			fail(s, "re-import brought %lld new ops", (long long)r.new_ops);
			goto out;
		}
	}
	free(got);
	got = NULL;
	if (dump(s, s->lap[1].db, &got) != 0)
		goto out;
	if (strcmp(got, want) != 0) {
		fail(s, "re-import changed the tables");
		goto out;
	}
	/* rebuild from the log, in its order and in a random one */
	if (cb_oplog_rebuild(s->lap[0].db) != CB_OK) {
		fail(s, "rebuild failed");
		goto out;
	}
	free(got);
	got = NULL;
	if (dump(s, s->lap[0].db, &got) != 0)
		goto out;
	if (strcmp(got, want) != 0) {
		fail(s, "rebuild gives other tables");
		goto out;
	}
	if (replay_shuffled(s, want, want_ops) != 0)
		goto out;
	s->stats->ops = total;
	rc = 0;
out:
	for (int i = 0; i < s->n; i++)
		free(full[i].data);
	free(want);
	free(got);
	free(want_ops);
	free(got_ops);
	return rc;
}

int
sim_run(uint64_t seed, int laptops, int edits, struct sim_stats *stats, char *err, size_t errlen)
{
	/* skews: hours, days, one laptop in 1970 and one in 2035 */
	static const int64_t bases[MAX_LAPTOPS] = {
		T0, T0 + 3 * HOUR, 86400000LL /* 1970-01-02 */, T0 - 2 * DAY,
		2064384000000LL /* 2035-06-01 */, T0 + 5 * DAY, T0 - 7 * HOUR, T0 + 1,
	};
	struct sim *s = calloc(1, sizeof *s);
	int rc = -1;

	if (!s)
		return -1;
	memset(stats, 0, sizeof *stats);
	err[0] = '\0';
	s->rng = seed;
	s->n = laptops < 2 ? 2 : laptops > MAX_LAPTOPS ? MAX_LAPTOPS : laptops;
	s->err = err;
	s->errlen = errlen;
	s->stats = stats;
	for (int i = 0; i < s->n; i++) {
		char label[16];
		s->lap[i].base = bases[i];
		if (cb_db_open(":memory:", CB_OPEN_CREATE, &s->lap[i].db, NULL, 0) != CB_OK) {
			fail(s, "cannot open laptop %d", i);
			goto out;
		}
		snprintf(label, sizeof label, "laptop-%d", i);
		if (cb_db_set_site_label(s->lap[i].db, label) != CB_OK) {
			fail(s, "cannot name laptop %d", i);
			goto out;
		}
	}
	/* the hot row exists everywhere from the start */
	pin(s, 0);
	if (cb_id_new(&s->hot, cb_clock_now_ms()) != CB_OK)
		goto out;
	{
		struct cb_value name = {CB_V_TEXT, 0, "Atelier central"};
		struct capture c;
		struct cb_part_input tube = {.name = "Chambre 700c", .set_min = true, .minimum = 3};
		struct cb_part_input pads = {.name = "Patins V-brake"};
		int64_t made = 0;
		if (cb_db_begin(s->lap[0].db) != CB_OK ||
		    cb_oplog_set(s->lap[0].db, CB_T_VENUE, &s->hot, CB_F_VENUE_NAME, &name) != CB_OK ||
		    cb_part_add(s->lap[0].db, &tube, &s->parts[0], NULL) != CB_OK ||
		    cb_part_add(s->lap[0].db, &pads, &s->parts[1], NULL) != CB_OK ||
		    cb_location_add(s->lap[0].db, "Caisse 1", true, &s->crate, NULL) != CB_OK ||
		    cb_oplog_count(s->lap[0].db, &made) != CB_OK ||
		    cb_db_commit(s->lap[0].db) != CB_OK ||
		    cb_oplog_each_arrived(s->lap[0].db, 0, NULL, collect_arrived, &s->made) != CB_OK) {
			fail(s, "cannot make the hot row");
			goto out;
		}
		s->lap[0].ops += made;
		if (export(s, 0, false, &c) != 0)
			goto out;
		for (int i = 1; i < s->n; i++)
			if (deliver(s, i, c.data, c.size, false, NULL) != 0) {
				free(c.data);
				goto out;
			}
		free(c.data);
	}
	for (int k = 0; k < edits; k++) {
		int i = pick(s, s->n);
		s->t += 1 + pick(s, 20 * 60000); /* up to 20 minutes pass */
		if (edit(s, i) != 0)
			goto out;
		if (chance(s, 8) && exchange(s, pick(s, s->n)) != 0)
			goto out;
		if (drain(s, false) != 0)
			goto out;
	}
	s->t += 7 * DAY;
	if (drain(s, true) != 0 || final_checks(s) != 0)
		goto out;
	rc = 0;
out:
	for (size_t k = 0; k < s->nmail; k++)
		free(s->mail[k].data);
	for (int i = 0; i < s->n; i++)
		cb_db_close(s->lap[i].db);
	free(s->rows);
	free(s->people);
	free(s->atts);
	oplist_free(&s->made);
	free(s);
	cb_clock_unpin();
	return rc;
}
