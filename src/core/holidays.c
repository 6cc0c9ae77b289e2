/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cambouis/date.h"
#include "cambouis/holidays.h"
#include "cambouis/i18n.h"

static const char *const rule_names[] = {"skip", "before", "after", "ignore"};

cb_status
cb_holiday_rule_parse(const char *s, enum cb_holiday_rule *out)
{
	for (size_t i = 0; i < sizeof rule_names / sizeof rule_names[0]; i++)
		if (s && strcmp(s, rule_names[i]) == 0) {
			*out = (enum cb_holiday_rule)i;
			return CB_OK;
		}
	return CB_INVALID;
}

const char *
cb_holiday_rule_name(enum cb_holiday_rule rule)
{
	if ((unsigned)rule >= sizeof rule_names / sizeof rule_names[0])
		return "?";
	return rule_names[rule];
}

/* The anonymous Gregorian computus (Meeus, Jones, Butcher). */
int32_t
cb_easter_sunday(int year)
{
	int a = year % 19, b = year / 100, c = year % 100;
	int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31;
	int day = (h + l - 7 * m + 114) % 31 + 1;

	return cb_days_from_civil(year, month, day);
}

size_t
cb_public_holidays(int year, struct cb_holiday out[CB_PUBLIC_HOLIDAYS_PER_YEAR])
{
	int32_t easter = cb_easter_sunday(year);
	size_t n = 0;

#define FIXED(m, d, s) out[n++] = (struct cb_holiday){cb_days_from_civil(year, m, d), s}
#define EASTER(off, s) out[n++] = (struct cb_holiday){easter + (off), s}
	FIXED(1, 1, N_("New Year's Day"));
	EASTER(1, N_("Easter Monday"));
	FIXED(5, 1, N_("Labour Day"));
	FIXED(5, 8, N_("Victory in Europe Day"));
	EASTER(39, N_("Ascension Day"));
	EASTER(50, N_("Whit Monday"));
	FIXED(7, 14, N_("Bastille Day"));
	FIXED(8, 15, N_("Assumption Day"));
	FIXED(11, 1, N_("All Saints' Day"));
	FIXED(11, 11, N_("Armistice Day"));
	FIXED(12, 25, N_("Christmas Day"));
#undef FIXED
#undef EASTER
	/* Easter-based days move between March and June: keep date order */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && out[j].day < out[j - 1].day; j--) {
			struct cb_holiday t = out[j];
			out[j] = out[j - 1];
			out[j - 1] = t;
		}
	return n;
}

const char *
cb_public_holiday_name(int32_t day)
{
	struct cb_holiday hs[CB_PUBLIC_HOLIDAYS_PER_YEAR];
	int y, m, d;
	size_t n;

	cb_civil_from_days(day, &y, &m, &d);
	n = cb_public_holidays(y, hs);
	for (size_t i = 0; i < n; i++)
		if (hs[i].day == day)
			return hs[i].name;
	return NULL;
}

void
cb_holidays_from_config(const struct cb_config *cfg, struct cb_holidays *out)
{
	out->public_holidays = cfg->public_holidays;
	out->school = cfg->school_holidays;
	out->nschool = cfg->nschool_holidays;
}

enum cb_holiday_kind
cb_holiday_on(const struct cb_holidays *h, int32_t day, const char **name)
{
	const char *pub = h->public_holidays ? cb_public_holiday_name(day) : NULL;
	char ds[CB_DATE_LEN + 1];

	if (pub) {
		if (name)
			*name = pub;
		return CB_HOLIDAY_PUBLIC;
	}
	cb_date_format(day, ds);
	for (size_t i = 0; i < h->nschool; i++) {
		/* "YYYY-MM-DD" strings compare like the dates they name */
		if (strcmp(ds, h->school[i].from) >= 0 && strcmp(ds, h->school[i].to) <= 0) {
			if (name)
				*name = h->school[i].name;
			return CB_HOLIDAY_SCHOOL;
		}
	}
	return CB_HOLIDAY_NONE;
}
