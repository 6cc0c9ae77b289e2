/* SPDX-License-Identifier: GPL-3.0-or-later */
/* iCalendar export: line folding, escaping, stable UIDs, SEQUENCE. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/calendar.h"
#include "cambouis/clock.h"
#include "cambouis/ical.h"
#include "cambouis/text.h"
#include "cambouis/venue.h"

/* Check every physical line: CRLF-ended, at most 75 octets, valid UTF-8;
 * returns the unfolded text (malloc'ed). */
static char *
check_lines(const char *s)
{
	char *out = calloc(1, strlen(s) + 1);
	size_t o = 0;

	while (*s) {
		const char *eol = strstr(s, "\r\n");
		ck_assert_ptr_nonnull(eol);
		ck_assert_ptr_null(memchr(s, '\n', (size_t)(eol - s)));
		ck_assert_uint_le((size_t)(eol - s), 75);
		ck_assert(cb_utf8_valid(s, (size_t)(eol - s)));
		if (o > 0 && *s == ' ') {
			s++; /* a continuation: drop the fold */
		} else if (o > 0) {
			out[o++] = '\n';
		}
		memcpy(out + o, s, (size_t)(eol - s));
		o += (size_t)(eol - s);
		s = eol + 2;
	}
	return out;
}

START_TEST(test_fold_ascii)
{
	char line[301], *out, *back;

	memset(line, 'x', 300);
	memcpy(line, "SUMMARY:", 8);
	line[300] = '\0';
	ck_assert_int_eq(cb_ical_fold(line, &out), CB_OK);
	back = check_lines(out);
	ck_assert_str_eq(back, line);
	/* 75 + 74 + 74 + 74 + 3 octets */
	ck_assert_uint_eq(strlen(out), 300 + 4 * 3 + 2);
	free(out);
	free(back);
	ck_assert_int_eq(cb_ical_fold("VERSION:2.0", &out), CB_OK);
	ck_assert_str_eq(out, "VERSION:2.0\r\n");
	free(out);
}
END_TEST

START_TEST(test_fold_utf8)
{
	/* two- and three-byte characters straddle every fold position */
	for (int pad = 0; pad < 3; pad++) {
		char line[600] = "LOCATION:", *out, *back;
		for (int i = 0; i < pad; i++)
			strcat(line, "a");
		for (int i = 0; i < 40; i++)
			strcat(line, i % 2 ? "é" : "–");
		ck_assert_int_eq(cb_ical_fold(line, &out), CB_OK);
		back = check_lines(out);
		ck_assert_str_eq(back, line);
		free(out);
		free(back);
	}
}
END_TEST

START_TEST(test_escape)
{
	char *e = cb_ical_escape("a,b;c\\d\ne");
	ck_assert_str_eq(e, "a\\,b\\;c\\\\d\\ne");
	free(e);
}
END_TEST

static struct cb_db *
filled(struct cb_id *series)
{
	struct cb_db *db;
	struct cb_id v[2];
	struct cb_venue_input a = {.name = "Centre social de la Vallée Violette",
				   .address = "Rue de la Vallée Violette", .commune = "Joué-lès-Tours"};
	struct cb_venue_input b = {.name = "Oésia", .commune = "Notre-Dame-d'Oé"};
	struct cb_holidays h = {true, NULL, 0};
	struct cb_series_input in = {
		.first = "2026-03-18", .start = "17:30", .end = "20:00", .every_weeks = 2,
		.venues = v, .nvenues = 2, .count = 4, .rule = CB_HOLIDAY_SKIP,
	};
	int64_t ms;

	ck_assert_int_eq(cb_clock_parse("2026-03-01T18:00", &ms), CB_OK);
	cb_clock_pin(ms);
	ck_assert_int_eq(cb_db_open(":memory:", CB_OPEN_CREATE, &db, NULL, 0), CB_OK);
	ck_assert_int_eq(cb_venue_add(db, &a, &v[0], NULL), CB_OK);
	ck_assert_int_eq(cb_venue_add(db, &b, &v[1], NULL), CB_OK);
	ck_assert_int_eq(cb_series_add(db, &h, &in, cb_date_today(), series, NULL, NULL), CB_OK);
	return db;
}

static int
count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

START_TEST(test_export)
{
	struct cb_id series, sid;
	struct cb_db *db = filled(&series);
	char *one, *two, *three, hex[CB_ID_HEX_LEN + 1], uid[64];
	size_t len;

	ck_assert_int_eq(cb_ical_export(db, "Atelier vélo, Tours", &one, &len), CB_OK);
	ck_assert_uint_eq(strlen(one), len);
	free(check_lines(one));
	ck_assert_int_eq(count(one, "BEGIN:VEVENT\r\n"), 4);
	ck_assert_int_eq(count(one, "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n"), 1);
	ck_assert_int_eq(count(one, "X-WR-CALNAME:Atelier vélo\\, Tours\r\n"), 1);
	/* the first session is before the 29 March change, the others after:
	 * the wall time stays 17:30 */
	ck_assert_int_eq(count(one, "DTSTART;TZID=Europe/Paris:20260318T173000\r\n"), 1);
	ck_assert_int_eq(count(one, "DTSTART;TZID=Europe/Paris:20260401T173000\r\n"), 1);
	ck_assert_int_eq(count(one, "DTSTAMP:20260301T170000Z\r\n"), 4);
	ck_assert_int_eq(count(one, "STATUS:CONFIRMED\r\n"), 4);
	ck_assert_int_eq(count(one, "SEQUENCE:0\r\n"), 4);
	ck_assert_int_eq(count(one, "LOCATION:Centre social de la Vallée Violette\\, Rue de la Vall"), 2);
	ck_assert_int_eq(count(one, "\r\n"), count(one, "\n"));

	/* the same data gives the same bytes */
	ck_assert_int_eq(cb_ical_export(db, "Atelier vélo, Tours", &two, &len), CB_OK);
	ck_assert_str_eq(one, two);

	/* a cancellation, a little later: same UID, STATUS and SEQUENCE move */
	int64_t ms;
	ck_assert_int_eq(cb_clock_parse("2026-03-02T09:00", &ms), CB_OK);
	cb_clock_pin(ms);
	cb_session_id_for_slot(&series, 1, &sid);
	ck_assert_int_eq(cb_session_cancel(db, &sid, "Salle indisponible"), CB_OK);
	ck_assert_int_eq(cb_ical_export(db, "Atelier vélo, Tours", &three, &len), CB_OK);
	cb_id_to_hex(&sid, hex);
	snprintf(uid, sizeof uid, "UID:%s@cambouis\r\n", hex);
	ck_assert_int_eq(count(one, uid), 1);
	ck_assert_int_eq(count(three, uid), 1);
	ck_assert_int_eq(count(three, "SUMMARY:Cancelled"), 1);
	ck_assert_int_eq(count(three, "SUMMARY:Atelier vélo\\, Tours – "), 3);
	char *ev = strstr(three, uid);
	char *end = strstr(ev, "END:VEVENT");
	*end = '\0';
	ck_assert_ptr_nonnull(strstr(ev, "STATUS:CANCELLED\r\n"));
	/* calendar apps that ignore STATUS (calcurse) still read it in the
	 * title; the others keep the workshop's name */
	ck_assert_ptr_nonnull(strstr(ev, "SUMMARY:Cancelled — Atelier vélo\\, Tours – "));
	ck_assert_ptr_nonnull(strstr(ev, "SEQUENCE:1\r\n"));
	ck_assert_ptr_nonnull(strstr(ev, "DTSTAMP:20260302T080000Z\r\n"));
	/* no notes, no reason: nothing personal leaves */
	ck_assert_ptr_null(strstr(three, "Salle indisponible"));
	free(one);
	free(two);
	free(three);
	cb_db_close(db);
	cb_clock_unpin();
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("ical");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, test_fold_ascii);
	tcase_add_test(tc, test_fold_utf8);
	tcase_add_test(tc, test_escape);
	tcase_add_test(tc, test_export);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
