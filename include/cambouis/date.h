/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_DATE_H
#define CAMBOUIS_DATE_H

#include <stdbool.h>
#include <stdint.h>
#include "cambouis/status.h"

/*
 * Civil dates and wall times of the workshop (Europe/Paris local time).
 * Dates are stored as "YYYY-MM-DD" and times as "HH:MM"; arithmetic is done
 * on day numbers (days since 1970-01-01 in the proleptic Gregorian
 * calendar), never through mktime, so a daylight-saving change can never
 * shift a date or a time.
 */

#define CB_DATE_LEN 10 /* "YYYY-MM-DD" */
#define CB_TIME_LEN 5  /* "HH:MM" */

/* The one supported range of dates, everywhere: command line, screens,
 * series expansion, import. A date outside it is invalid. */
#define CB_YEAR_MIN 1900
#define CB_YEAR_MAX 2199
#define CB_DAY_MIN (-25567) /* 1900-01-01 */
#define CB_DAY_MAX 84005    /* 2199-12-31 */

/* Day number of y-m-d (m 1..12, d 1..31; not validated). */
int32_t cb_days_from_civil(int y, int m, int d);

/* The civil date of a day number. */
void cb_civil_from_days(int32_t days, int *y, int *m, int *d);

/* 0 = Monday ... 6 = Sunday. */
int cb_weekday(int32_t days);

/* Days in month m of year y. */
int cb_month_days(int y, int m);

/* Parse "YYYY-MM-DD" (years CB_YEAR_MIN..CB_YEAR_MAX, real calendar dates
 * only) into a day number. CB_INVALID otherwise. */
cb_status cb_date_parse(const char *s, int32_t *days);

/* Is s a real "YYYY-MM-DD" date outside the supported range (for a
 * message that names the range rather than the format)? */
bool cb_date_out_of_range(const char *s);

/* Is the day number within CB_DAY_MIN..CB_DAY_MAX? */
bool cb_day_in_range(int32_t days);

/* Format a day number as "YYYY-MM-DD" into out (CB_DATE_LEN + 1 bytes).
 * A day outside the supported range is clamped to its nearest end, so the
 * text is always one cb_date_parse() accepts; callers check the range
 * (cb_day_in_range) before storing a computed date. */
void cb_date_format(int32_t days, char *out);

/* Is s a valid "YYYY-MM-DD" within the supported range? The validator of
 * every date field (command line, screens, import). */
bool cb_date_valid(const char *s);

/* Parse "HH:MM" (00:00..23:59; "H:MM" accepted) into minutes after
 * midnight. CB_INVALID otherwise. */
cb_status cb_time_parse(const char *s, int *minutes);

/* Format minutes after midnight as "HH:MM" (CB_TIME_LEN + 1 bytes). */
void cb_time_format(int minutes, char *out);

/* Today's day number in local time, from cb_clock_now_ms(). */
int32_t cb_date_today(void);

#endif
