/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_UI_DATE_H
#define CAMBOUIS_UI_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Dates and times as people type and read them (no curses). */
struct ui_date {
	int y, m, d;
};

/* "YYYY-MM-DD", "D/M/YYYY", "today", "tomorrow", "yesterday", "+N" and
 * "-N" days (and the same words in the user's language), relative to the
 * local date of now_ms. false when it is not a real date. */
bool ui_date_parse(const char *text, int64_t now_ms, struct ui_date *out);

/* Is text a date ui_date_parse would read but for being outside the
 * supported range (CB_YEAR_MIN..CB_YEAR_MAX)? For the message. */
bool ui_date_out_of_range(const char *text, int64_t now_ms);

/* The local date of ms. */
void ui_date_of(int64_t ms, struct ui_date *out);

/* Days since 1970-01-01 and back. */
long ui_date_days(const struct ui_date *d);
void ui_date_from_days(long days, struct ui_date *out);

/* "2026-03-03" (buf of 11 bytes or more). */
void ui_date_iso(const struct ui_date *d, char *buf, size_t len);

/* In the user's locale: "Tue 3 Mar 2026", "mar. 3 mars 2026". */
void ui_date_long(const struct ui_date *d, char *buf, size_t len);

/* "18:30", "18h30", "18h", "9:05" -> hours and minutes; false otherwise. */
bool ui_time_parse(const char *text, int *h, int *m);

#endif
