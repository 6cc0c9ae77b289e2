/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_PARTS_H
#define CAMBOUIS_PARTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cambouis/db.h"
#include "cambouis/id.h"

/*
 * The parts inventory (DESIGN.md §3, DOMAIN.md): parts, locations (the
 * store and crates), a ledger of movements never edited, and stock-takes.
 * On hand at a location = the latest count there by (hlc, site) plus the
 * movements ordered after it by (hlc, site); with no count, the sum of
 * the movements. (hlc, site) of a ledger row is that of the op that set
 * its quantity, so on hand is a function of the op set: every laptop that
 * holds the same ops gets the same figures, whatever order they came in.
 * Each change is one transaction (joining the caller's if one is open).
 */

#define CB_PART_NAME_MAX 120
#define CB_PART_TEXT_MAX 500
#define CB_PART_LEVEL_MAX 1000000
#define CB_PART_QTY_MAX 1000000
#define CB_PART_AMOUNT_MAX 100000000 /* cents */

enum cb_part_unit { CB_UNIT_PIECE = 1, CB_UNIT_PAIR, CB_UNIT_METRE, CB_UNIT_LITRE };
enum cb_part_condition { CB_COND_NEW = 1, CB_COND_USED, CB_COND_RECLAIMED };
enum cb_move_reason {
	CB_REASON_DONATION = 1,
	CB_REASON_PURCHASE,
	CB_REASON_HARVEST,
	CB_REASON_USED,
	CB_REASON_GIVEN,
	CB_REASON_SOLD,
	CB_REASON_SCRAPPED,
	CB_REASON_TRANSFER,
};
#define CB_REASON_MAX CB_REASON_TRANSFER

/* Stable English codes ("piece", "reclaimed", "donation"...), as the
 * command line takes them and csv/tsv show them; NULL/0 when unknown. */
const char *cb_part_unit_code(int unit);
int cb_part_unit_parse(const char *s);
const char *cb_part_condition_code(int cond);
int cb_part_condition_parse(const char *s);
const char *cb_move_reason_code(int reason);
int cb_move_reason_parse(const char *s);
/* The categories (DOMAIN.md): "tubes", "tyres"..., NULL past the last. */
const char *cb_part_category(size_t i);
bool cb_part_category_known(const char *s);

struct cb_part {
	struct cb_id id;
	char *name;
	char *category;   /* "" none */
	char *note;       /* compatibility: wheel size, valve, speeds... */
	int unit;         /* 0 unknown */
	int condition;    /* 0 unknown */
	long long minimum; /* -1 none */
	long long desired; /* -1 none */
	bool removed;
};

/* What to set: NULL leaves a text alone, "" clears it; 0 leaves a code
 * alone; set_min/set_desired with -1 clears the level. */
struct cb_part_input {
	const char *name;
	const char *category;
	const char *note;
	int unit;
	int condition;
	bool set_min, set_desired;
	long long minimum, desired;
};

/* Why a change was refused (CB_INVALID/CB_TOO_LONG/CB_EXISTS). */
enum cb_part_bad {
	CB_PART_OK = 0,
	CB_PART_BAD_NAME,
	CB_PART_BAD_CATEGORY,
	CB_PART_BAD_NOTE,
	CB_PART_BAD_LEVEL,
	CB_PART_BAD_QTY,       /* a count below zero, a zero or huge quantity */
	CB_PART_SAME_LOCATION, /* a transfer to where it comes from */
	CB_PART_DONOR_NOT_DONATION,
	CB_PART_BAD_REASON,    /* transfer through cb_stock_move, or unknown */
	CB_PART_BAD_AMOUNT,
	CB_PART_BAD_DONOR,
};

cb_status cb_part_add(struct cb_db *db, const struct cb_part_input *in, struct cb_id *out,
		      enum cb_part_bad *bad);
cb_status cb_part_edit(struct cb_db *db, const struct cb_id *id, const struct cb_part_input *in,
		       enum cb_part_bad *bad);
/* Mark removed (its history stays). */
cb_status cb_part_remove(struct cb_db *db, const struct cb_id *id);
cb_status cb_part_get(struct cb_db *db, const struct cb_id *id, struct cb_part *out);
void cb_part_clear(struct cb_part *p);

/* A live part or location by what was typed (cb_name_match: the same
 * name, ignoring case and accents, or an unambiguous beginning of it or
 * of one of its words). CB_NOT_FOUND, or CB_AMBIGUOUS with the candidates'
 * names in *cands (may be NULL; free with cb_name_matches_free). */
struct cb_name_matches;
cb_status cb_part_find(struct cb_db *db, const char *key, struct cb_id *out,
		       struct cb_name_matches *cands);

/* --- locations ----------------------------------------------------------- */

#define CB_STORE_NAME "store"
/* The store: a well-known id, the same on every laptop, so it exists from
 * `init` with no op and two laptops' stores are one location. */
void cb_location_store(struct cb_id *out);

struct cb_location {
	struct cb_id id;
	char *name;   /* the store: CB_STORE_NAME */
	bool crate;
};
struct cb_location_list {
	struct cb_location *items;
	size_t count;
};
cb_status cb_location_add(struct cb_db *db, const char *name, bool crate, struct cb_id *out,
			  enum cb_part_bad *bad);
/* The store first, then the others by name. */
cb_status cb_location_list(struct cb_db *db, struct cb_location_list *out);
void cb_location_list_free(struct cb_location_list *l);
/* "store" (or its translation) is the store. */
cb_status cb_location_find(struct cb_db *db, const char *key, struct cb_id *out,
			   struct cb_name_matches *cands);

/* --- movements and counts ------------------------------------------------ */

struct cb_move_input {
	struct cb_id part;
	struct cb_id location;     /* zero: the store */
	long long qty;             /* signed, not 0 */
	int reason;                /* not CB_REASON_TRANSFER */
	const char *donor;         /* only with a donation */
	const struct cb_id *session; /* NULL none */
	const struct cb_id *person;  /* NULL none */
	long long amount;          /* cents, -1 none */
	const char *note;
};
cb_status cb_stock_move(struct cb_db *db, const struct cb_move_input *in, struct cb_id *out,
			enum cb_part_bad *bad);
/* Two movements sharing one transfer id: -qty at from, +qty at to. */
cb_status cb_stock_transfer(struct cb_db *db, const struct cb_id *part, const struct cb_id *from,
			    const struct cb_id *to, long long qty, struct cb_id *out,
			    enum cb_part_bad *bad);
/* A stock-take: qty counted (>= 0) of part at location (zero id: store). */
cb_status cb_stock_count(struct cb_db *db, const struct cb_id *part, const struct cb_id *location,
			 long long qty, enum cb_part_bad *bad);

/* On hand of part at location (zero id: store). */
cb_status cb_stock_on_hand(struct cb_db *db, const struct cb_id *part,
			   const struct cb_id *location, long long *out);

struct cb_stock_row {
	struct cb_id part, location;
	char *part_name, *location_name;
	long long on_hand;
	long long minimum; /* -1 none: the part's minimum at the store, and for
			    * a crate too (the part's one level) */
	bool low;          /* on hand below minimum (or below zero) */
};
struct cb_stock_rows {
	struct cb_stock_row *items;
	size_t count;
};
/* Every live part × location with a movement or a count, by part name then
 * location (the store first); location non-NULL: that one only; low_only:
 * rows under their minimum or below zero. */
cb_status cb_stock_list(struct cb_db *db, const struct cb_id *location, bool low_only,
			struct cb_stock_rows *out);
void cb_stock_rows_free(struct cb_stock_rows *l);

/* Live parts by name with their total on hand; low_only: total under the
 * minimum (or below zero). */
struct cb_part_row {
	struct cb_part part;
	long long on_hand;
	bool low;
};
struct cb_part_rows {
	struct cb_part_row *items;
	size_t count;
};
cb_status cb_part_list(struct cb_db *db, bool low_only, struct cb_part_rows *out);
void cb_part_rows_free(struct cb_part_rows *l);

/* Demo stock through the calls above (src/core/parts-demo.c). */
enum cb_demo_scale;
cb_status cb_parts_demo_fill(struct cb_db *db, enum cb_demo_scale scale, uint64_t seed);

#endif
