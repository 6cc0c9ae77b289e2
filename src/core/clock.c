/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cambouis/clock.h"

static bool pinned;
static int64_t pinned_ms;

int64_t
cb_clock_now_ms(void)
{
	struct timespec ts;

	if (pinned)
		return pinned_ms;
	if (clock_gettime(CLOCK_REALTIME, &ts) != 0)
		return 0;
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void
cb_clock_pin(int64_t ms)
{
	pinned = true;
	pinned_ms = ms;
}

void
cb_clock_unpin(void)
{
	pinned = false;
}

cb_status
cb_clock_parse(const char *text, int64_t *ms)
{
	int y, mo, d, h, mi, s = 0, n = 0;
	char sep;
	struct tm tm;
	time_t t;

	if (!text)
		return CB_INVALID;
	if (sscanf(text, "%4d-%2d-%2d%c%2d:%2d%n", &y, &mo, &d, &sep, &h, &mi, &n) != 6)
		return CB_INVALID;
	if (text[n] == ':') {
		int m = 0;
		if (sscanf(text + n, ":%2d%n", &s, &m) != 1)
			return CB_INVALID;
		n += m;
	}
	if (text[n] != '\0' || (sep != 'T' && sep != ' '))
		return CB_INVALID;
	if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 ||
	    h > 23 || mi > 59 || s > 59 || h < 0 || mi < 0 || s < 0)
		return CB_INVALID;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	if (t == (time_t)-1 || tm.tm_mday != d)
		return CB_INVALID;
	*ms = (int64_t)t * 1000;
	return CB_OK;
}
