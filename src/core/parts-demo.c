/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo stock: realistic parts, the store and two crates, donations from
 * the partners DOMAIN.md names, purchases, parts used at sessions,
 * transfers to the crates and stock-takes, all through the same calls as
 * a volunteer's (cb_part_add, cb_stock_move, cb_stock_transfer,
 * cb_stock_count). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/clock.h"
#include "cambouis/demo.h"
#include "cambouis/parts.h"
#include "cambouis/write.h"

static const struct {
	const char *name, *category, *note;
	int unit, condition;
	int min, desired;
} catalogue[] = {
	{"Chambre à air 700c", "tubes", "700x28-32, Presta 48 mm", CB_UNIT_PIECE, CB_COND_NEW, 6, 15},
	{"Chambre à air 26\"", "tubes", "26x1.75-2.125, Schrader", CB_UNIT_PIECE, CB_COND_NEW, 6, 15},
	{"Chambre à air 24\"", "tubes", "24x1.75, Schrader", CB_UNIT_PIECE, CB_COND_NEW, 2, 5},
	{"Pneu 700x32", "tyres", "", CB_UNIT_PIECE, CB_COND_USED, 2, 6},
	{"Pneu 26x1.95", "tyres", "VTT", CB_UNIT_PIECE, CB_COND_RECLAIMED, 2, 6},
	{"Patins V-brake", "brakes", "70 mm", CB_UNIT_PAIR, CB_COND_NEW, 4, 10},
	{"Patins cantilever", "brakes", "", CB_UNIT_PAIR, CB_COND_RECLAIMED, 2, 5},
	{"Câble de frein", "cables", "1,7 m, tête poire/tonneau", CB_UNIT_PIECE, CB_COND_NEW, 5, 12},
	{"Câble de dérailleur", "cables", "2,1 m", CB_UNIT_PIECE, CB_COND_NEW, 5, 12},
	{"Gaine de frein", "cables", "5 mm", CB_UNIT_METRE, CB_COND_NEW, 5, 20},
	{"Chaîne 8 vitesses", "transmission", "6-8 vitesses", CB_UNIT_PIECE, CB_COND_NEW, 2, 5},
	{"Chaîne 1 vitesse", "transmission", "1/8\"", CB_UNIT_PIECE, CB_COND_RECLAIMED, 1, 3},
	{"Roue libre 6 vitesses", "transmission", "vissée", CB_UNIT_PIECE, CB_COND_RECLAIMED, 1, 3},
	{"Roulements 1/4\"", "bearings", "billes de moyeu", CB_UNIT_PIECE, CB_COND_NEW, 20, 60},
	{"Jeu de direction 1\"", "bearings", "fileté", CB_UNIT_PIECE, CB_COND_RECLAIMED, 1, 2},
	{"Éclairage avant à piles", "lighting", "", CB_UNIT_PIECE, CB_COND_NEW, 3, 8},
	{"Éclairage arrière à piles", "lighting", "", CB_UNIT_PIECE, CB_COND_NEW, 3, 8},
	{"Rustines", "tools-consumables", "boîte de 50", CB_UNIT_PIECE, CB_COND_NEW, 2, 4},
	{"Graisse", "tools-consumables", "", CB_UNIT_LITRE, CB_COND_NEW, 1, 2},
	{"Dégrippant", "tools-consumables", "aérosol", CB_UNIT_PIECE, CB_COND_NEW, 1, 3},
};

static const char *const donors[] = {
	"G3A", "CCAS de Tours", "Centre social de la Vallée Violette", "Couturières masquées",
	"Supermarché de Joué-lès-Tours", "Association étudiante du Grandmont",
};

#define NCAT (sizeof catalogue / sizeof catalogue[0])

cb_status
cb_parts_demo_fill(struct cb_db *db, enum cb_demo_scale scale, uint64_t seed)
{
	uint64_t rng = seed ^ 0x9a27;
	size_t nparts = scale == CB_DEMO_5Y ? 2000 : scale == CB_DEMO_YEAR ? 120 : NCAT;
	size_t nmoves = scale == CB_DEMO_5Y ? 25000 : scale == CB_DEMO_YEAR ? 4700 : 120;
	struct cb_id *ids, crates[2], store;
	char name[CB_PART_NAME_MAX];
	cb_status st = CB_OK;

	/* filled before (demo run twice): the stock is there */
	if ((st = cb_location_find(db, "Caisse 1", &crates[0], NULL)) != CB_NOT_FOUND)
		return st == CB_AMBIGUOUS ? CB_OK : st;
	if (!(ids = calloc(nparts, sizeof *ids)))
		return CB_NOMEM;
	cb_location_store(&store);
	if ((st = cb_location_add(db, "Caisse 1", true, &crates[0], NULL)) != CB_OK ||
	    (st = cb_location_add(db, "Caisse 2", true, &crates[1], NULL)) != CB_OK)
		goto out;
	for (size_t i = 0; i < nparts; i++) {
		size_t k = i % NCAT;
		struct cb_part_input in = {
			.name = name, .category = catalogue[k].category, .note = catalogue[k].note,
			.unit = catalogue[k].unit, .condition = catalogue[k].condition,
			.set_min = true, .minimum = catalogue[k].min,
			.set_desired = true, .desired = catalogue[k].desired,
		};
		if (i < NCAT)
			snprintf(name, sizeof name, "%s", catalogue[k].name);
		else
			snprintf(name, sizeof name, "%s (lot %zu)", catalogue[k].name, i / NCAT + 1);
		if ((st = cb_part_add(db, &in, &ids[i], NULL)) != CB_OK)
			goto out;
	}
	for (size_t m = 0; m < nmoves && st == CB_OK; m++) {
		size_t i = (size_t)(cb_write_rand(&rng) % nparts);
		unsigned what = (unsigned)(cb_write_rand(&rng) % 100);
		const struct cb_id *crate = &crates[cb_write_rand(&rng) % 2];
		struct cb_move_input in = {.part = ids[i], .amount = -1};
		if (what < 30) {
			in.qty = 1 + (long long)(cb_write_rand(&rng) % 10);
			in.reason = CB_REASON_DONATION;
			in.donor = donors[cb_write_rand(&rng) % (sizeof donors / sizeof donors[0])];
			st = cb_stock_move(db, &in, NULL, NULL);
		} else if (what < 40) {
			in.qty = 1 + (long long)(cb_write_rand(&rng) % 5);
			in.reason = what < 35 ? CB_REASON_PURCHASE : CB_REASON_HARVEST;
			in.amount = in.reason == CB_REASON_PURCHASE ? 350 * in.qty : -1;
			st = cb_stock_move(db, &in, NULL, NULL);
		} else if (what < 55) {
			st = cb_stock_transfer(db, &ids[i], &store, crate, 1 + (long long)(cb_write_rand(&rng) % 3),
					       NULL, NULL);
		} else if (what < 60) {
			st = cb_stock_count(db, &ids[i], what < 58 ? &store : crate,
					    (long long)(cb_write_rand(&rng) % 8), NULL);
		} else {
			in.qty = -1 - (long long)(cb_write_rand(&rng) % 2);
			in.location = what < 80 ? *crate : store;
			in.reason = what < 90 ? CB_REASON_USED : what < 95 ? CB_REASON_GIVEN : CB_REASON_SOLD;
			in.amount = in.reason == CB_REASON_SOLD ? 200 : -1;
			st = cb_stock_move(db, &in, NULL, NULL);
		}
	}
out:
	free(ids);
	return st;
}
