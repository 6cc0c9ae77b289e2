/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_UI_CALVIEW_H
#define CAMBOUIS_UI_CALVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cambouis/calendar.h"

/*
 * The view-models of the calendar screens (no curses): the month grid
 * (weeks start on Monday), the agenda rows, the words and marks they show.
 */

/* A month laid out in weeks: cell (row, col) is day first + 7 * row + col;
 * col 0 is Monday. Rows 0..weeks-1 hold the month (4 to 6 of them). */
struct ui_month {
	int y, m;
	int32_t first;  /* the day number of cell (0, 0): a Monday */
	int32_t day1;   /* the 1st of the month */
	int ndays;
	int weeks;
};

void ui_month_layout(int y, int m, struct ui_month *out);
int32_t ui_month_cell(const struct ui_month *mo, int row, int col);
/* Is the day of cell (row, col) in the month? */
bool ui_month_in(const struct ui_month *mo, int row, int col);
/* The cell of day; false when it is not a day of the month. */
bool ui_month_find(const struct ui_month *mo, int32_t day, int *row, int *col);

/* The mark after a day's number (one column): "!" conflict, "•" a session
 * to come, "✓" held, "×" only cancelled sessions, " " nothing. */
const char *ui_month_mark(unsigned marks);

/* "March 2026" in the user's locale ("mars 2026"). */
void ui_month_title(int y, int m, char *buf, size_t len);
/* The first two letters of a weekday's name (0 Monday .. 6 Sunday): "Mo",
 * "lu". */
void ui_weekday_short(int wd, char *buf, size_t len);

/* The day of the same date one month away (dir -1 or +1), kept within
 * the shorter month (31 March - 1 month = 28 or 29 February) and within
 * the supported range of dates. */
int32_t ui_month_shift(int32_t day, int dir);

/* day, or the nearest end of the supported range (CB_DAY_MIN..CB_DAY_MAX). */
int32_t ui_day_clamp(int32_t day);

/* "Tue 3 Mar 2026" / "mar. 3 mars 2026" for a day number. */
void ui_day_long(int32_t day, char *buf, size_t len);

/* "17:30–20:00" */
void ui_session_times(const struct cb_session *s, char *buf, size_t len);

/* One line of the agenda. */
struct ui_agenda_row {
	struct cb_id id;
	int32_t day;
	char date[64];     /* ui_day_long() */
	char times[16];
	char venue[160];
	char status[48];   /* translated status */
	enum cb_session_status st;
	bool conflict;
};

struct ui_agenda {
	struct ui_agenda_row *rows;
	size_t n;
	int date_width;    /* widest date, in columns */
};

/* The rows of sessions (sorted by date, as cb_sessions_between gives
 * them); a session listed in conflicts (may be NULL) is flagged. */
bool ui_agenda_build(struct ui_agenda *ag, const struct cb_session_list *l,
		     const struct cb_conflict_list *conflicts);
void ui_agenda_free(struct ui_agenda *ag);
/* The first row on or after day (ag->n when none). */
size_t ui_agenda_at(const struct ui_agenda *ag, int32_t day);
/* The row of session id, or ag->n. */
size_t ui_agenda_find(const struct ui_agenda *ag, const struct cb_id *id);
/* The rows on day: *first and the count. */
size_t ui_agenda_on(const struct ui_agenda *ag, int32_t day, size_t *first);

/* "in 12 days", "tomorrow", "today" (translated, plural-aware). */
void ui_days_until(int days, char *buf, size_t len);

#endif
