/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_CALCLI_H
#define CAMBOUIS_CALCLI_H

/* Helpers shared by the calendar's command files (calendar.c,
 * calendar-session.c) only. */

#include "cambouis/calendar.h"
#include "cli.h"

void calcli_holidays(const struct cli *c, struct cb_holidays *h);
/* One-line usage errors; return EXIT_USAGE. */
int calcli_bad_date(const char *what, const char *s);
int calcli_bad_time(const char *what, const char *s);
/* A venue name that matched none or several. */
int calcli_venue_error(cb_status st, const char *name);
/* The translated weekday abbreviation of a "YYYY-MM-DD" date. */
const char *calcli_weekday(const char *date);
/* Print a filled table (frees it); ok false means building it failed. */
int calcli_print(struct cli_table *t, bool ok, enum cli_format fmt);

#endif
