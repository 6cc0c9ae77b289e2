/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Stock: movements (a ledger never edited), transfers, stock-takes, and on
 * hand. A ledger row is ordered by the (hlc, site) of the op that set its
 * quantity (the winner, should a hostile bundle set it twice), so on hand
 * is a function of the op set (DESIGN.md §3): one ordered walk of a
 * part × location's counts and movements, where a count sets the figure
 * and a movement adds to it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cambouis/buf.h"
#include "cambouis/clock.h"
#include "cambouis/parts.h"
#include "cambouis/schema.h"
#include "cambouis/text.h"
#include "cambouis/write.h"

/* kind 1 = a count. The codes are CB_T_MOVE/CB_F_MOVE_QTY (32, 3) and
 * CB_T_COUNT/CB_F_COUNT_QTY (33, 3). */
#define LEDGER(where) \
	"SELECT part, location, qty, kind FROM (" \
	" SELECT m.part, m.location, m.qty, 0 AS kind, o.hlc AS h, o.site AS s" \
	" FROM stock_moves m JOIN ops o ON o.n = (SELECT x.n FROM ops x" \
	"  WHERE x.tbl = 32 AND x.row = m.id AND x.field = 3" \
	"  ORDER BY x.hlc DESC, x.site DESC, x.op_id DESC LIMIT 1)" where \
	" UNION ALL" \
	" SELECT c.part, c.location, c.qty, 1, o.hlc, o.site" \
	" FROM stock_counts c JOIN ops o ON o.n = (SELECT x.n FROM ops x" \
	"  WHERE x.tbl = 33 AND x.row = c.id AND x.field = 3" \
	"  ORDER BY x.hlc DESC, x.site DESC, x.op_id DESC LIMIT 1)" where \
	") ORDER BY part, location, h, s"

static const char SQL_LEDGER_ALL[] = LEDGER("");
static const char SQL_LEDGER_ONE[] = LEDGER(" WHERE part = ?1 AND location = ?2");

static void
set_bad(enum cb_part_bad *bad, enum cb_part_bad why)
{
	if (bad)
		*bad = why;
}

static void
where(const struct cb_id *location, struct cb_id *out)
{
	if (!location || cb_id_is_zero(location))
		cb_location_store(out);
	else
		*out = *location;
}

/* A live part? CB_OK, CB_NOT_FOUND or a failure. */
static cb_status
part_live(struct cb_db *db, const struct cb_id *part)
{
	struct cb_part p;
	cb_status rc = cb_part_get(db, part, &p);

	if (rc == CB_OK && p.removed)
		rc = CB_NOT_FOUND;
	cb_part_clear(&p);
	return rc;
}

static cb_status
write_move(struct cb_db *db, const struct cb_move_input *in, const struct cb_id *loc,
	   long long qty, int reason, const struct cb_id *transfer, struct cb_id *out)
{
	struct cb_id id, link;
	cb_status rc;

	if ((rc = cb_id_new(&id, cb_clock_now_ms())) != CB_OK)
		return rc;
	if ((rc = cb_write_id(db, CB_T_MOVE, &id, CB_F_MOVE_PART, &in->part)) != CB_OK ||
	    (rc = cb_write_id(db, CB_T_MOVE, &id, CB_F_MOVE_LOCATION, loc)) != CB_OK ||
	    (rc = cb_write_int(db, CB_T_MOVE, &id, CB_F_MOVE_REASON, reason)) != CB_OK)
		return rc;
	if (in->donor && *in->donor &&
	    (rc = cb_write_text(db, CB_T_MOVE, &id, CB_F_MOVE_DONOR, in->donor)) != CB_OK)
		return rc;
	if (in->session && (rc = cb_write_id(db, CB_T_MOVE, &id, CB_F_MOVE_SESSION, in->session)) != CB_OK)
		return rc;
	if (in->amount >= 0 &&
	    (rc = cb_write_int(db, CB_T_MOVE, &id, CB_F_MOVE_AMOUNT, in->amount)) != CB_OK)
		return rc;
	if (in->note && *in->note &&
	    (rc = cb_write_text(db, CB_T_MOVE, &id, CB_F_MOVE_NOTE, in->note)) != CB_OK)
		return rc;
	if (transfer && (rc = cb_write_id(db, CB_T_MOVE, &id, CB_F_MOVE_TRANSFER,
					  cb_id_is_zero(transfer) ? &id : transfer)) != CB_OK)
		return rc;
	if (in->person) {
		if ((rc = cb_id_new(&link, cb_clock_now_ms())) != CB_OK ||
		    (rc = cb_write_id(db, CB_T_MOVE_PERSON, &link, CB_F_MP_MOVE, &id)) != CB_OK ||
		    (rc = cb_write_id(db, CB_T_MOVE_PERSON, &link, CB_F_MP_PERSON, in->person)) != CB_OK)
			return rc;
	}
	/* the quantity last: its op orders the row */
	if ((rc = cb_write_int(db, CB_T_MOVE, &id, CB_F_MOVE_QTY, qty)) != CB_OK)
		return rc;
	if (out)
		*out = id;
	return CB_OK;
}

static cb_status
check_move(const struct cb_move_input *in, enum cb_part_bad *bad)
{
	cb_status st;

	set_bad(bad, CB_PART_OK);
	if (in->qty == 0 || in->qty > CB_PART_QTY_MAX || in->qty < -CB_PART_QTY_MAX) {
		set_bad(bad, CB_PART_BAD_QTY);
		return CB_INVALID;
	}
	if (!cb_move_reason_code(in->reason) || in->reason == CB_REASON_TRANSFER) {
		set_bad(bad, CB_PART_BAD_REASON);
		return CB_INVALID;
	}
	if (in->donor && *in->donor && in->reason != CB_REASON_DONATION) {
		set_bad(bad, CB_PART_DONOR_NOT_DONATION);
		return CB_INVALID;
	}
	if ((st = cb_write_check_text(in->donor, CB_PART_TEXT_MAX, false, false)) != CB_OK) {
		set_bad(bad, CB_PART_BAD_DONOR);
		return st;
	}
	if ((st = cb_write_check_text(in->note, CB_PART_TEXT_MAX, false, false)) != CB_OK) {
		set_bad(bad, CB_PART_BAD_NOTE);
		return st;
	}
	if (in->amount > CB_PART_AMOUNT_MAX || in->amount < -1) {
		set_bad(bad, CB_PART_BAD_AMOUNT);
		return CB_INVALID;
	}
	return CB_OK;
}

cb_status
cb_stock_move(struct cb_db *db, const struct cb_move_input *in, struct cb_id *out,
	      enum cb_part_bad *bad)
{
	struct cb_id loc;
	cb_status rc;

	if ((rc = check_move(in, bad)) != CB_OK)
		return rc;
	where(&in->location, &loc);
	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	if ((rc = part_live(db, &in->part)) != CB_OK)
		return rc == CB_NOT_FOUND ? cb_write_refuse(db, rc) : cb_write_finish(db, rc);
	return cb_write_finish(db, write_move(db, in, &loc, in->qty, in->reason, NULL, out));
}

cb_status
cb_stock_transfer(struct cb_db *db, const struct cb_id *part, const struct cb_id *from,
		  const struct cb_id *to, long long qty, struct cb_id *out, enum cb_part_bad *bad)
{
	struct cb_move_input in = {.part = *part, .amount = -1};
	struct cb_id a, b, first, zero = {{0}};
	cb_status rc;

	set_bad(bad, CB_PART_OK);
	where(from, &a);
	where(to, &b);
	if (qty <= 0 || qty > CB_PART_QTY_MAX) {
		set_bad(bad, CB_PART_BAD_QTY);
		return CB_INVALID;
	}
	if (cb_id_cmp(&a, &b) == 0) {
		set_bad(bad, CB_PART_SAME_LOCATION);
		return CB_INVALID;
	}
	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	if ((rc = part_live(db, part)) != CB_OK)
		return rc == CB_NOT_FOUND ? cb_write_refuse(db, rc) : cb_write_finish(db, rc);
	rc = write_move(db, &in, &a, -qty, CB_REASON_TRANSFER, &zero, &first);
	if (rc == CB_OK)
		rc = write_move(db, &in, &b, qty, CB_REASON_TRANSFER, &first, NULL);
	if ((rc = cb_write_finish(db, rc)) == CB_OK && out)
		*out = first;
	return rc;
}

cb_status
cb_stock_count(struct cb_db *db, const struct cb_id *part, const struct cb_id *location,
	       long long qty, enum cb_part_bad *bad)
{
	struct cb_id loc, id;
	cb_status rc;

	set_bad(bad, CB_PART_OK);
	if (qty < 0 || qty > CB_PART_QTY_MAX) {
		set_bad(bad, CB_PART_BAD_QTY);
		return CB_INVALID;
	}
	where(location, &loc);
	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	if ((rc = part_live(db, part)) != CB_OK)
		return rc == CB_NOT_FOUND ? cb_write_refuse(db, rc) : cb_write_finish(db, rc);
	rc = cb_id_new(&id, cb_clock_now_ms());
	if (rc == CB_OK)
		rc = cb_write_id(db, CB_T_COUNT, &id, CB_F_COUNT_PART, part);
	if (rc == CB_OK)
		rc = cb_write_id(db, CB_T_COUNT, &id, CB_F_COUNT_LOCATION, &loc);
	if (rc == CB_OK)
		rc = cb_write_int(db, CB_T_COUNT, &id, CB_F_COUNT_QTY, qty);
	return cb_write_finish(db, rc);
}

/* Walk the ledger rows of st (ordered by part, location, hlc, site) and
 * call fn once per part × location with its on hand. */
typedef cb_status (*pair_fn)(const char *part, const char *location, long long on_hand, void *arg);

static cb_status
walk(struct cb_stmt *st, pair_fn fn, void *arg)
{
	char part[CB_ID_HEX_LEN + 1] = "", loc[CB_ID_HEX_LEN + 1] = "";
	long long acc = 0;
	bool any = false;
	cb_status rc;

	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		const char *p = cb_stmt_text(st, 0), *l = cb_stmt_text(st, 1);
		if (!any || strcmp(p, part) != 0 || strcmp(l, loc) != 0) {
			if (any && (rc = fn(part, loc, acc, arg)) != CB_OK) {
				cb_stmt_reset(st);
				return rc;
			}
			cb_text_copy(part, sizeof part, p);
			cb_text_copy(loc, sizeof loc, l);
			acc = 0;
			any = true;
		}
		if (cb_stmt_int(st, 3))
			acc = cb_stmt_int(st, 2);
		else
			acc += cb_stmt_int(st, 2);
	}
	if (rc != CB_DONE)
		return rc;
	return any ? fn(part, loc, acc, arg) : CB_OK;
}

static cb_status
one(const char *part, const char *location, long long on_hand, void *arg)
{
	(void)part;
	(void)location;
	*(long long *)arg = on_hand;
	return CB_OK;
}

cb_status
cb_stock_on_hand(struct cb_db *db, const struct cb_id *part, const struct cb_id *location,
		 long long *out)
{
	char p[CB_ID_HEX_LEN + 1], l[CB_ID_HEX_LEN + 1];
	struct cb_id loc;
	struct cb_stmt *st;
	cb_status rc;

	*out = 0;
	where(location, &loc);
	cb_id_to_hex(part, p);
	cb_id_to_hex(&loc, l);
	if ((rc = cb_db_prepare(db, SQL_LEDGER_ONE, &st)) != CB_OK)
		return rc;
	cb_stmt_bind_text(st, 1, p);
	cb_stmt_bind_text(st, 2, l);
	return walk(st, one, out);
}

/* --- listings ------------------------------------------------------------- */

struct lists {
	struct cb_db *db;
	struct cb_part_rows parts;      /* every live part, by name */
	struct cb_location_list locs;
	struct cb_stock_rows *rows;     /* or NULL */
	size_t cap;
	const struct cb_id *only;
	bool low_only;
};

static struct cb_part_row *
find_part(struct lists *s, const char *hex)
{
	struct cb_id id;

	if (cb_id_from_hex(hex, &id) != CB_OK)
		return NULL;
	for (size_t i = 0; i < s->parts.count; i++)
		if (cb_id_cmp(&s->parts.items[i].part.id, &id) == 0)
			return &s->parts.items[i];
	return NULL;
}

static const struct cb_location *
find_loc(struct lists *s, const char *hex)
{
	struct cb_id id;

	if (cb_id_from_hex(hex, &id) != CB_OK)
		return NULL;
	for (size_t i = 0; i < s->locs.count; i++)
		if (cb_id_cmp(&s->locs.items[i].id, &id) == 0)
			return &s->locs.items[i];
	return NULL;
}

static bool
is_low(long long on_hand, long long minimum)
{
	return on_hand < 0 || (minimum >= 0 && on_hand < minimum);
}

static cb_status
collect(const char *part, const char *location, long long on_hand, void *arg)
{
	struct lists *s = arg;
	struct cb_part_row *p = find_part(s, part);
	const struct cb_location *l = find_loc(s, location);
	struct cb_stock_row *r;

	if (!p || !l)
		return CB_OK; /* a removed part or location */
	p->on_hand += on_hand;
	if (!s->rows || (s->only && cb_id_cmp(s->only, &l->id) != 0))
		return CB_OK;
	if (s->low_only && !is_low(on_hand, p->part.minimum))
		return CB_OK;
	if (!cb_grow(&s->rows->items, &s->cap, s->rows->count, sizeof *r, 16))
		return CB_NOMEM;
	r = &s->rows->items[s->rows->count];
	memset(r, 0, sizeof *r);
	r->part = p->part.id;
	r->location = l->id;
	r->on_hand = on_hand;
	r->minimum = p->part.minimum;
	r->low = is_low(on_hand, p->part.minimum);
	r->part_name = strdup(p->part.name);
	r->location_name = strdup(l->name);
	s->rows->count++;
	return r->part_name && r->location_name ? CB_OK : CB_NOMEM;
}

static const char SQL_PARTS_LIVE[] =
	"SELECT id, name, category, note, unit, condition, minimum, desired, deleted"
	" FROM parts WHERE deleted = 0 AND name IS NOT NULL";

static int
part_by_name(const void *a, const void *b)
{
	const struct cb_part_row *x = a, *y = b;
	int c = cb_text_collate(x->part.name, y->part.name);
	return c ? c : cb_id_cmp(&x->part.id, &y->part.id);
}

static cb_status
load_parts(struct cb_db *db, struct cb_part_rows *out)
{
	struct cb_stmt *st;
	size_t cap = 0;
	cb_status rc;

	out->items = NULL;
	out->count = 0;
	if ((rc = cb_db_prepare(db, SQL_PARTS_LIVE, &st)) != CB_OK)
		return rc;
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		struct cb_part_row *r;
		if (!cb_grow(&out->items, &cap, out->count, sizeof *r, 16)) {
			rc = CB_NOMEM;
			break;
		}
		r = &out->items[out->count];
		memset(r, 0, sizeof *r);
		r->part.id = (struct cb_id){{0}};
		cb_stmt_id(st, 0, &r->part.id);
		r->part.name = strdup(cb_stmt_text(st, 1));
		r->part.category = strdup(cb_stmt_text(st, 2));
		r->part.note = strdup(cb_stmt_text(st, 3));
		r->part.unit = (int)cb_stmt_int(st, 4);
		r->part.condition = (int)cb_stmt_int(st, 5);
		r->part.minimum = cb_stmt_is_null(st, 6) ? -1 : cb_stmt_int(st, 6);
		r->part.desired = cb_stmt_is_null(st, 7) ? -1 : cb_stmt_int(st, 7);
		out->count++;
		if (!r->part.name || !r->part.category || !r->part.note) {
			rc = CB_NOMEM;
			break;
		}
	}
	if (rc != CB_DONE) {
		cb_stmt_reset(st);
		cb_part_rows_free(out);
		return rc;
	}
	if (out->count > 1)
		qsort(out->items, out->count, sizeof *out->items, part_by_name);
	return CB_OK;
}

static cb_status
gather(struct lists *s)
{
	struct cb_stmt *st;
	cb_status rc;

	if ((rc = load_parts(s->db, &s->parts)) != CB_OK)
		return rc;
	if ((rc = cb_location_list(s->db, &s->locs)) != CB_OK) {
		cb_part_rows_free(&s->parts);
		return rc;
	}
	if ((rc = cb_db_prepare(s->db, SQL_LEDGER_ALL, &st)) == CB_OK)
		rc = walk(st, collect, s);
	cb_location_list_free(&s->locs);
	if (rc != CB_OK)
		cb_part_rows_free(&s->parts);
	return rc;
}

static int
row_order(const void *a, const void *b)
{
	const struct cb_stock_row *x = a, *y = b;
	struct cb_id store;
	int c = cb_text_collate(x->part_name, y->part_name);

	if (c)
		return c;
	if ((c = cb_id_cmp(&x->part, &y->part)))
		return c;
	cb_location_store(&store);
	if (cb_id_cmp(&x->location, &store) == 0)
		return -1;
	if (cb_id_cmp(&y->location, &store) == 0)
		return 1;
	c = cb_text_collate(x->location_name, y->location_name);
	return c ? c : cb_id_cmp(&x->location, &y->location);
}

cb_status
cb_stock_list(struct cb_db *db, const struct cb_id *location, bool low_only,
	      struct cb_stock_rows *out)
{
	struct lists s = {.db = db, .rows = out, .only = location, .low_only = low_only};
	struct cb_id store;
	cb_status rc;

	out->items = NULL;
	out->count = 0;
	if (location && cb_id_is_zero(location)) {
		cb_location_store(&store);
		s.only = &store;
	}
	if ((rc = gather(&s)) != CB_OK) {
		cb_stock_rows_free(out);
		return rc;
	}
	cb_part_rows_free(&s.parts);
	if (out->count > 1)
		qsort(out->items, out->count, sizeof *out->items, row_order);
	return CB_OK;
}

void
cb_stock_rows_free(struct cb_stock_rows *l)
{
	for (size_t i = 0; i < l->count; i++) {
		free(l->items[i].part_name);
		free(l->items[i].location_name);
	}
	free(l->items);
	l->items = NULL;
	l->count = 0;
}

cb_status
cb_part_list(struct cb_db *db, bool low_only, struct cb_part_rows *out)
{
	struct lists s = {.db = db};
	size_t k = 0;
	cb_status rc;

	out->items = NULL;
	out->count = 0;
	if ((rc = gather(&s)) != CB_OK)
		return rc;
	for (size_t i = 0; i < s.parts.count; i++) {
		struct cb_part_row *r = &s.parts.items[i];
		r->low = is_low(r->on_hand, r->part.minimum);
		if (low_only && !r->low) {
			cb_part_clear(&r->part);
			continue;
		}
		s.parts.items[k++] = *r;
	}
	s.parts.count = k;
	*out = s.parts;
	return CB_OK;
}

void
cb_part_rows_free(struct cb_part_rows *l)
{
	for (size_t i = 0; i < l->count; i++)
		cb_part_clear(&l->items[i].part);
	free(l->items);
	l->items = NULL;
	l->count = 0;
}
