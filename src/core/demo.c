/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cambouis/write.h"

#include <string.h>

#include "cambouis/calendar.h"
#include "cambouis/demo.h"
#include "cambouis/parts.h"
#include "cambouis/pairing.h"
#include "cambouis/venue.h"

cb_status
cb_demo_scale_parse(const char *s, enum cb_demo_scale *out)
{
	if (strcmp(s, "small") == 0)
		*out = CB_DEMO_SMALL;
	else if (strcmp(s, "year") == 0)
		*out = CB_DEMO_YEAR;
	else if (strcmp(s, "5y") == 0)
		*out = CB_DEMO_5Y;
	else
		return CB_INVALID;
	return CB_OK;
}

/* The rotating venues of the Tours metropolitan area (DOMAIN.md). */
static const struct {
	const char *name, *address, *commune, *notes;
	int capacity;
} venues[] = {
	{"Centre social de la Vallée Violette", "Rue de la Vallée Violette",
	 "Joué-lès-Tours", "Salle polyvalente au rez-de-chaussée ; clés à l'accueil.", 25},
	{"Oésia", "Place de la Mairie", "Notre-Dame-d'Oé",
	 "Parking vélos couvert ; prévoir rallonge électrique.", 30},
	{"Résidence étudiante Grandmont", "Avenue Monge", "Tours",
	 "Cour intérieure ; repli dans le local vélo s'il pleut.", 20},
	{"Lycée professionnel, cour", "Rue de l'Aviation", "Tours",
	 "Tours nord ; accès par le portail côté atelier.", 40},
	{"Maison de quartier", "Rue Marcel Cachin", "Saint-Pierre-des-Corps",
	 "Atelier partagé avec l'association de quartier.", 18},
	{"Salle des fêtes", "Place Daniel Mayer", "La Riche",
	 "Grande salle ; tables à installer et ranger.", 60},
	{"Halle", "Rue de la Mairie", "Chambray-lès-Tours",
	 "Halle ouverte : froid en hiver, prévoir l'éclairage.", 50},
};

static cb_status
fill_venues(struct cb_db *db, uint64_t *rng)
{
	for (size_t i = 0; i < sizeof venues / sizeof venues[0]; i++) {
		struct cb_venue_input in = {
			.name = venues[i].name,
			.address = venues[i].address,
			.commune = venues[i].commune,
			.notes = venues[i].notes,
			.set_capacity = true,
			/* capacities vary a little with the seed */
			.capacity = venues[i].capacity + (long long)(cb_write_rand(rng) % 5),
		};
		/* Skip a venue already there (demo run twice) before adding: a
		 * refused add rolls back, which would doom our transaction. */
		cb_status st = cb_venue_find(db, venues[i].name, NULL);
		if (st == CB_OK || st == CB_AMBIGUOUS)
			continue;
		if (st != CB_NOT_FOUND || (st = cb_venue_add(db, &in, NULL, NULL)) != CB_OK)
			return st;
	}
	return CB_OK;
}

cb_status
cb_demo_fill(struct cb_db *db, enum cb_demo_scale scale, uint64_t seed)
{
	uint64_t rng = seed;
	cb_status st;

	(void)scale; /* venues do not scale; the calendar and people do */
	if ((st = cb_db_begin(db)) != CB_OK)
		return st;
	if ((st = fill_venues(db, &rng)) != CB_OK ||
	    (st = cb_calendar_demo_fill(db, scale, seed, cb_date_today())) != CB_OK ||
	    (st = cb_people_demo_fill(db, scale, seed, cb_date_today())) != CB_OK ||
	    (st = cb_parts_demo_fill(db, scale, seed)) != CB_OK ||
	    (st = cb_db_mark_demo(db)) != CB_OK) {
		cb_db_rollback(db);
		return st;
	}
	return cb_db_commit(db);
}
