/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cambouis/id.h"
#include "unit.h"

/* Ids made later sort later, byte for byte: the op log and row ids rely
 * on it to keep insertion order cheap. */
START_TEST(test_time_order)
{
	struct cb_id prev, id;

	ck_assert_int_eq(cb_id_new(&prev, UNIT_NOW_MS), CB_OK);
	ck_assert_int_eq(cb_id_time(&prev), UNIT_NOW_MS);
	for (int64_t ms = 1; ms <= 1000; ms++) {
		ck_assert_int_eq(cb_id_new(&id, UNIT_NOW_MS + ms), CB_OK);
		ck_assert_int_eq(cb_id_time(&id), UNIT_NOW_MS + ms);
		ck_assert_msg(cb_id_cmp(&prev, &id) < 0, "id at +%lld ms does not sort after the one before",
			      (long long)ms);
		ck_assert_int_eq(cb_id_cmp(&id, &prev), 1);
		prev = id;
	}
	/* a jump of years still sorts by time, not by the random part */
	ck_assert_int_eq(cb_id_new(&id, INT64_C(0xFFFFFFFFFFFF)), CB_OK);
	ck_assert_int_eq(cb_id_time(&id), INT64_C(0xFFFFFFFFFFFF));
	ck_assert_int_lt(cb_id_cmp(&prev, &id), 0);
}
END_TEST

START_TEST(test_version_bits)
{
	struct cb_id id;

	for (int i = 0; i < 100; i++) {
		ck_assert_int_eq(cb_id_new(&id, UNIT_NOW_MS), CB_OK);
		ck_assert_int_eq(id.b[6] >> 4, 7);
		ck_assert_int_eq(id.b[8] >> 6, 2);
		ck_assert(!cb_id_is_zero(&id));
	}
}
END_TEST

START_TEST(test_hex_round_trip)
{
	struct cb_id id, back;
	char hex[CB_ID_HEX_LEN + 1];

	for (int i = 0; i < 200; i++) {
		ck_assert_int_eq(cb_id_new(&id, UNIT_NOW_MS + i), CB_OK);
		memset(hex, 'x', sizeof hex);
		cb_id_to_hex(&id, hex);
		ck_assert_uint_eq(strlen(hex), CB_ID_HEX_LEN);
		ck_assert_uint_eq(strspn(hex, "0123456789abcdef"), CB_ID_HEX_LEN);
		memset(&back, 0, sizeof back);
		ck_assert_int_eq(cb_id_from_hex(hex, &back), CB_OK);
		ck_assert_int_eq(cb_id_cmp(&id, &back), 0);
	}
	/* upper case is accepted too and reads the same */
	ck_assert_int_eq(cb_id_from_hex("0123456789ABCDEF0123456789abcdef", &back), CB_OK);
	cb_id_to_hex(&back, hex);
	ck_assert_str_eq(hex, "0123456789abcdef0123456789abcdef");
	ck_assert_int_eq(back.b[0], 0x01);
	ck_assert_int_eq(back.b[15], 0xef);
}
END_TEST

START_TEST(test_bad_hex_refused)
{
	static const char *const bad[] = {
		"",
		"0123456789abcdef0123456789abcde",   /* 31 digits */
		"0123456789abcdef0123456789abcdef0", /* 33 digits */
		"0123456789abcdef0123456789abcdeg",  /* not hex */
		"0123456789abcdef 123456789abcdef",  /* a blank */
		"-123456789abcdef0123456789abcdef",
		"0x23456789abcdef0123456789abcdef",
		"0123456789abcdef0123456789abcd\xc3\xa9",
	};
	struct cb_id id;

	ck_assert_int_eq(cb_id_from_hex(NULL, &id), CB_INVALID);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(cb_id_from_hex(bad[i], &id) == CB_INVALID, "accepted \"%s\"", bad[i]);
}
END_TEST

static int
cmp_ids(const void *a, const void *b)
{
	return cb_id_cmp(a, b);
}

/* Many ids in the same millisecond never collide (74 random bits). */
START_TEST(test_unique)
{
	enum { N = 100000 };
	struct cb_id *ids = malloc(N * sizeof *ids);

	ck_assert_ptr_nonnull(ids);
	for (int i = 0; i < N; i++)
		ck_assert_int_eq(cb_id_new(&ids[i], UNIT_NOW_MS), CB_OK);
	qsort(ids, N, sizeof *ids, cmp_ids);
	for (int i = 1; i < N; i++)
		ck_assert_msg(cb_id_cmp(&ids[i - 1], &ids[i]) != 0, "duplicate id at %d", i);
	free(ids);
}
END_TEST

START_TEST(test_zero)
{
	struct cb_id id;

	memset(&id, 0, sizeof id);
	ck_assert(cb_id_is_zero(&id));
	id.b[15] = 1;
	ck_assert(!cb_id_is_zero(&id));
	id.b[15] = 0;
	id.b[0] = 1;
	ck_assert(!cb_id_is_zero(&id));
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("id");
	TCase *tc = tcase_create("id");

	tcase_add_test(tc, test_time_order);
	tcase_add_test(tc, test_version_bits);
	tcase_add_test(tc, test_hex_round_trip);
	tcase_add_test(tc, test_bad_hex_refused);
	tcase_add_test(tc, test_unique);
	tcase_add_test(tc, test_zero);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
