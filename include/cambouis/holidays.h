/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_HOLIDAYS_H
#define CAMBOUIS_HOLIDAYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cambouis/config.h"
#include "cambouis/status.h"

/*
 * Holidays: the French public holidays, computed for any year (Easter by
 * the Gregorian computus), and the school-holiday periods listed in the
 * configuration. Pure functions over day numbers (see date.h).
 */

/* What a series does with a session that falls on a holiday. Stored in
 * ops: never renumber. */
enum cb_holiday_rule {
	CB_HOLIDAY_SKIP = 0,   /* no session; the venue rotation does not advance */
	CB_HOLIDAY_BEFORE = 1, /* move to the nearest earlier day that is no holiday */
	CB_HOLIDAY_AFTER = 2,  /* move to the nearest later day that is no holiday */
	CB_HOLIDAY_IGNORE = 3, /* keep the date (listed among the conflicts) */
};

/* "skip", "before", "after", "ignore" <-> rule. */
cb_status cb_holiday_rule_parse(const char *s, enum cb_holiday_rule *out);
const char *cb_holiday_rule_name(enum cb_holiday_rule rule);

/* Easter Sunday of year (Gregorian), as a day number. */
int32_t cb_easter_sunday(int year);

#define CB_PUBLIC_HOLIDAYS_PER_YEAR 11

struct cb_holiday {
	int32_t day;
	const char *name; /* English, marked N_(): translate with _() to show */
};

/* The French public holidays of year, in date order (11 of them). */
size_t cb_public_holidays(int year, struct cb_holiday out[CB_PUBLIC_HOLIDAYS_PER_YEAR]);

/* The public holiday on day, or NULL. */
const char *cb_public_holiday_name(int32_t day);

/* What counts as a holiday for the series' rules. */
struct cb_holidays {
	bool public_holidays;                  /* French public holidays count */
	const struct cb_school_holiday *school; /* periods from the config */
	size_t nschool;
};

/* The holidays the configuration describes (points into cfg). */
void cb_holidays_from_config(const struct cb_config *cfg, struct cb_holidays *out);

enum cb_holiday_kind {
	CB_HOLIDAY_NONE = 0,
	CB_HOLIDAY_PUBLIC = 1,
	CB_HOLIDAY_SCHOOL = 2,
};

/* Is day a holiday? A public holiday wins over a school period; *name
 * (may be NULL) gets its name (a public holiday's name is untranslated
 * English, a school period's name is the config's text). */
enum cb_holiday_kind cb_holiday_on(const struct cb_holidays *h, int32_t day, const char **name);

#endif
