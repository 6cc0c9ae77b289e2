/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cambouis/i18n.h"
#include "cambouis/text.h"
#include "ui/calview.h"
#include "ui/date.h"

void
ui_month_layout(int y, int m, struct ui_month *out)
{
	out->y = y;
	out->m = m;
	out->day1 = cb_days_from_civil(y, m, 1);
	out->ndays = cb_month_days(y, m);
	out->first = out->day1 - cb_weekday(out->day1);
	out->weeks = (int)((out->day1 + out->ndays - 1 - out->first) / 7) + 1;
}

int32_t
ui_month_cell(const struct ui_month *mo, int row, int col)
{
	return mo->first + 7 * row + col;
}

bool
ui_month_in(const struct ui_month *mo, int row, int col)
{
	int32_t d = ui_month_cell(mo, row, col);

	return d >= mo->day1 && d < mo->day1 + mo->ndays;
}

bool
ui_month_find(const struct ui_month *mo, int32_t day, int *row, int *col)
{
	if (day < mo->day1 || day >= mo->day1 + mo->ndays)
		return false;
	*row = (int)((day - mo->first) / 7);
	*col = (int)((day - mo->first) % 7);
	return true;
}

const char *
ui_month_mark(unsigned marks)
{
	if (marks & CB_MARK_CONFLICT)
		return "!";
	if (marks & CB_MARK_SESSION)
		return marks & CB_MARK_HELD ? "✓" : "•";
	if (marks & CB_MARK_CANCELLED)
		return "×";
	return " ";
}

static void
tm_of(int32_t day, struct tm *tm)
{
	int y, m, d;

	cb_civil_from_days(day, &y, &m, &d);
	memset(tm, 0, sizeof *tm);
	tm->tm_year = y - 1900;
	tm->tm_mon = m - 1;
	tm->tm_mday = d;
	tm->tm_hour = 12;
	tm->tm_wday = (cb_weekday(day) + 1) % 7;
	tm->tm_yday = (int)(day - cb_days_from_civil(y, 1, 1));
}

void
ui_month_title(int y, int m, char *buf, size_t len)
{
	struct tm tm;

	tm_of(cb_days_from_civil(y, m, 1), &tm);
	/* TRANSLATORS: strftime format of a month's title: "March 2026" */
	if (strftime(buf, len, _("%B %Y"), &tm) == 0 && len)
		snprintf(buf, len, "%04d-%02d", y, m);
}

void
ui_weekday_short(int wd, char *buf, size_t len)
{
	struct tm tm;
	char name[64];
	size_t n;

	/* 2026-03-02 was a Monday */
	tm_of(cb_days_from_civil(2026, 3, 2) + wd, &tm);
	if (strftime(name, sizeof name, "%a", &tm) == 0)
		snprintf(name, sizeof name, "%d", wd + 1);
	n = cb_utf8_fit(name, 2, NULL);
	snprintf(buf, len, "%.*s", (int)n, name);
}

int32_t
ui_month_shift(int32_t day, int dir)
{
	int y, m, d, dim;

	cb_civil_from_days(day, &y, &m, &d);
	m += dir;
	if (m < 1) {
		m = 12;
		y--;
	} else if (m > 12) {
		m = 1;
		y++;
	}
	dim = cb_month_days(y, m);
	return ui_day_clamp(cb_days_from_civil(y, m, d > dim ? dim : d));
}

int32_t
ui_day_clamp(int32_t day)
{
	return day < CB_DAY_MIN ? CB_DAY_MIN : day > CB_DAY_MAX ? CB_DAY_MAX : day;
}

void
ui_day_long(int32_t day, char *buf, size_t len)
{
	struct ui_date d;
	int y, m, dd;

	cb_civil_from_days(day, &y, &m, &dd);
	d = (struct ui_date){y, m, dd};
	ui_date_long(&d, buf, len);
}

void
ui_session_times(const struct cb_session *s, char *buf, size_t len)
{
	snprintf(buf, len, "%s–%s", s->start, s->end);
}

bool
ui_agenda_build(struct ui_agenda *ag, const struct cb_session_list *l,
		const struct cb_conflict_list *conflicts)
{
	memset(ag, 0, sizeof *ag);
	if (l->count == 0)
		return true;
	if (!(ag->rows = calloc(l->count, sizeof *ag->rows)))
		return false;
	for (size_t i = 0; i < l->count; i++) {
		const struct cb_session *s = &l->items[i];
		struct ui_agenda_row *r = &ag->rows[ag->n];
		int w;
		if (cb_date_parse(s->date, &r->day) != CB_OK)
			continue;
		r->id = s->id;
		r->st = s->status;
		ui_day_long(r->day, r->date, sizeof r->date);
		ui_session_times(s, r->times, sizeof r->times);
		snprintf(r->venue, sizeof r->venue, "%s", *s->venue_name ? s->venue_name : "—");
		snprintf(r->status, sizeof r->status, "%s", cb_session_status_label(s->status));
		for (size_t c = 0; conflicts && c < conflicts->count && !r->conflict; c++)
			r->conflict = cb_id_cmp(&conflicts->items[c].session.id, &s->id) == 0;
		if ((w = cb_utf8_width(r->date)) > ag->date_width)
			ag->date_width = w;
		ag->n++;
	}
	return true;
}

void
ui_agenda_free(struct ui_agenda *ag)
{
	free(ag->rows);
	memset(ag, 0, sizeof *ag);
}

size_t
ui_agenda_at(const struct ui_agenda *ag, int32_t day)
{
	size_t lo = 0, hi = ag->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ag->rows[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t
ui_agenda_find(const struct ui_agenda *ag, const struct cb_id *id)
{
	for (size_t i = 0; i < ag->n; i++)
		if (cb_id_cmp(&ag->rows[i].id, id) == 0)
			return i;
	return ag->n;
}

size_t
ui_agenda_on(const struct ui_agenda *ag, int32_t day, size_t *first)
{
	size_t i = ui_agenda_at(ag, day), n = 0;

	*first = i;
	while (i + n < ag->n && ag->rows[i + n].day == day)
		n++;
	return n;
}

void
ui_days_until(int days, char *buf, size_t len)
{
	if (days == 0)
		snprintf(buf, len, "%s", _("today"));
	else if (days == 1)
		snprintf(buf, len, "%s", _("tomorrow"));
	else
		snprintf(buf, len, ngettext_("in %d day", "in %d days", days), days);
}
