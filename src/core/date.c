/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cambouis/clock.h"
#include "cambouis/date.h"

/* Howard Hinnant's days-from-civil: eras of 400 years, March-based years so
 * the leap day is the last day of the year. */
int32_t
cb_days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
cb_civil_from_days(int32_t z, int *y, int *m, int *d)
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

int
cb_weekday(int32_t days)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0) */
	int w = (int)((days + 3) % 7);
	return w < 0 ? w + 7 : w;
}

int
cb_month_days(int y, int m)
{
	static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (m < 1 || m > 12)
		return 0;
	return len[m - 1] + (m == 2 && leap);
}

static bool
digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* A real calendar date shaped "YYYY-MM-DD", of any four-digit year. */
static bool
parse_ymd(const char *s, int *y, int *m, int *d)
{
	if (!s || strlen(s) != CB_DATE_LEN || !digits(s, 4) || s[4] != '-' ||
	    !digits(s + 5, 2) || s[7] != '-' || !digits(s + 8, 2))
		return false;
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	*d = (s[8] - '0') * 10 + (s[9] - '0');
	return *m >= 1 && *m <= 12 && *d >= 1 && *d <= cb_month_days(*y, *m);
}

cb_status
cb_date_parse(const char *s, int32_t *days)
{
	int y, m, d;

	if (!parse_ymd(s, &y, &m, &d) || y < CB_YEAR_MIN || y > CB_YEAR_MAX)
		return CB_INVALID;
	*days = cb_days_from_civil(y, m, d);
	return CB_OK;
}

bool
cb_date_out_of_range(const char *s)
{
	int y, m, d;

	return parse_ymd(s, &y, &m, &d) && (y < CB_YEAR_MIN || y > CB_YEAR_MAX);
}

bool
cb_day_in_range(int32_t days)
{
	return days >= CB_DAY_MIN && days <= CB_DAY_MAX;
}

bool
cb_date_valid(const char *s)
{
	int32_t d;
	return cb_date_parse(s, &d) == CB_OK;
}

void
cb_date_format(int32_t days, char *out)
{
	int y, m, d;

	if (days < CB_DAY_MIN)
		days = CB_DAY_MIN;
	else if (days > CB_DAY_MAX)
		days = CB_DAY_MAX;
	cb_civil_from_days(days, &y, &m, &d);
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

cb_status
cb_time_parse(const char *s, int *minutes)
{
	size_t n = s ? strlen(s) : 0;
	int h, mi;

	if (n == 4 && digits(s, 1) && s[1] == ':' && digits(s + 2, 2)) {
		h = s[0] - '0';
		mi = (s[2] - '0') * 10 + (s[3] - '0');
	} else if (n == 5 && digits(s, 2) && s[2] == ':' && digits(s + 3, 2)) {
		h = (s[0] - '0') * 10 + (s[1] - '0');
		mi = (s[3] - '0') * 10 + (s[4] - '0');
	} else {
		return CB_INVALID;
	}
	if (h > 23 || mi > 59)
		return CB_INVALID;
	*minutes = h * 60 + mi;
	return CB_OK;
}

void
cb_time_format(int minutes, char *out)
{
	int h = minutes / 60 % 24, m = minutes % 60;

	if (minutes < 0)
		h = m = 0;
	out[0] = (char)('0' + h / 10);
	out[1] = (char)('0' + h % 10);
	out[2] = ':';
	out[3] = (char)('0' + m / 10);
	out[4] = (char)('0' + m % 10);
	out[5] = '\0';
}

int32_t
cb_date_today(void)
{
	time_t t = (time_t)(cb_clock_now_ms() / 1000);
	struct tm tm;

	/* the local calendar date of the workshop: localtime is right here,
	 * it only names today; no arithmetic goes through it */
	if (!localtime_r(&t, &tm))
		return (int32_t)(t / 86400);
	return cb_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
