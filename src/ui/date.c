/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cambouis/date.h"
#include "cambouis/i18n.h"
#include "cambouis/text.h"
#include "ui/date.h"
#include "ui/list.h"

/* Howard Hinnant's civil-from-days arithmetic: exact for the proleptic
 * Gregorian calendar, independent of the time zone. */
long
ui_date_days(const struct ui_date *d)
{
	long y = d->y - (d->m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (d->m + (d->m > 2 ? -3 : 9)) + 2) / 5 + d->d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
ui_date_from_days(long z, struct ui_date *out)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	out->d = (int)(doy - (153 * mp + 2) / 5 + 1);
	out->m = (int)(mp < 10 ? mp + 3 : mp - 9);
	out->y = (int)(yoe + era * 400 + (out->m <= 2));
}

static bool
valid(int y, int m, int d)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1)
		return false;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

void
ui_date_of(int64_t ms, struct ui_date *out)
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;

	if (!localtime_r(&t, &tm)) {
		ui_date_from_days((long)(ms / 86400000), out);
		return;
	}
	out->y = tm.tm_year + 1900;
	out->m = tm.tm_mon + 1;
	out->d = tm.tm_mday;
}

/* Read a whole decimal number of at most 4 digits from *p. */
static bool
number(const char **p, int *out)
{
	int v = 0, n = 0;

	while (isdigit((unsigned char)**p) && n < 5) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	*out = v;
	return n > 0 && n <= 4;
}

static bool
is_word(const char *folded, const char *english, const char *translated)
{
	char *t = ui_text_fold(translated);
	bool yes = strcmp(folded, english) == 0 || (t && strcmp(folded, t) == 0);
	free(t);
	return yes;
}

/* Any date people may type, in or out of the supported range. */
static bool
parse_any(const char *text, int64_t now_ms, struct ui_date *out)
{
	char *trimmed = cb_text_trim(text), *f;
	struct ui_date today;
	const char *p;
	int a, b, c;
	bool ok = false;

	if (!trimmed)
		return false;
	f = ui_text_fold(trimmed);
	free(trimmed);
	if (!f)
		return false;
	ui_date_of(now_ms, &today);
	p = f;
	/* TRANSLATORS: words accepted in date fields, lower case */
	if (is_word(f, "today", _("today"))) {
		*out = today;
		ok = true;
	} else if (is_word(f, "tomorrow", _("tomorrow"))) {
		ui_date_from_days(ui_date_days(&today) + 1, out);
		ok = true;
	} else if (is_word(f, "yesterday", _("yesterday"))) {
		ui_date_from_days(ui_date_days(&today) - 1, out);
		ok = true;
	} else if ((*p == '+' || *p == '-') && p[1]) {
		int sign = *p == '-' ? -1 : 1;
		p++;
		if (number(&p, &a) && *p == '\0') {
			ui_date_from_days(ui_date_days(&today) + sign * a, out);
			ok = true;
		}
	} else if (number(&p, &a)) {
		if (*p == '-' && a >= 1000) {
			/* YYYY-MM-DD */
			p++;
			if (number(&p, &b) && *p++ == '-' && number(&p, &c) && *p == '\0' &&
			    valid(a, b, c)) {
				*out = (struct ui_date){a, b, c};
				ok = true;
			}
		} else if (*p == '/') {
			/* D/M/YYYY as French speakers write it, or D/M this year */
			p++;
			if (number(&p, &b)) {
				c = today.y;
				if (*p == '/') {
					p++;
					if (!number(&p, &c))
						c = -1;
					else if (c < 100)
						c += 2000;
				}
				if (*p == '\0' && valid(c, b, a)) {
					*out = (struct ui_date){c, b, a};
					ok = true;
				}
			}
		}
	}
	free(f);
	return ok;
}

static bool
in_range(const struct ui_date *d)
{
	return d->y >= CB_YEAR_MIN && d->y <= CB_YEAR_MAX;
}

bool
ui_date_parse(const char *text, int64_t now_ms, struct ui_date *out)
{
	struct ui_date d;

	if (!parse_any(text, now_ms, &d) || !in_range(&d))
		return false;
	*out = d;
	return true;
}

bool
ui_date_out_of_range(const char *text, int64_t now_ms)
{
	struct ui_date d;

	return parse_any(text, now_ms, &d) && !in_range(&d);
}

void
ui_date_iso(const struct ui_date *d, char *buf, size_t len)
{
	snprintf(buf, len, "%04d-%02d-%02d", d->y, d->m, d->d);
}

void
ui_date_long(const struct ui_date *d, char *buf, size_t len)
{
	struct tm tm;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = d->y - 1900;
	tm.tm_mon = d->m - 1;
	tm.tm_mday = d->d;
	tm.tm_hour = 12;
	/* 1970-01-01 was a Thursday */
	tm.tm_wday = (int)(((ui_date_days(d) % 7) + 11) % 7);
	tm.tm_yday = (int)(ui_date_days(d) - ui_date_days(&(struct ui_date){d->y, 1, 1}));
	/* TRANSLATORS: strftime format of a long date; French: "%a %-d %b %Y"
	 * gives "mar. 3 mars 2026" */
	if (strftime(buf, len, _("%a %-d %b %Y"), &tm) == 0 && len)
		ui_date_iso(d, buf, len);
}

bool
ui_time_parse(const char *text, int *h, int *m)
{
	char *t = cb_text_trim(text);
	const char *p = t;
	int hh, mm = 0;
	bool ok = false;

	if (!t)
		return false;
	if (number(&p, &hh) && p - t <= 2) {
		if (*p == ':' || *p == 'h' || *p == 'H') {
			const char *q = ++p;
			if (*p == '\0' && q[-1] != ':')
				ok = true;
			else if (number(&p, &mm) && p - q == 2 && *p == '\0')
				ok = true;
		}
	}
	free(t);
	if (!ok || hh > 23 || mm > 59)
		return false;
	*h = hh;
	*m = mm;
	return true;
}
