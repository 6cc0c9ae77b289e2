/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SHA-256, the bundle digest: the standard vectors, every length across
 * the padding boundaries, and uneven pieces. Built twice: as the program
 * runs (the x86 SHA extensions where the processor has them) and with the
 * portable block function alone (CB_SHA256_PORTABLE_ONLY). */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/sha256.h"

static void
hex_of(const void *msg, size_t n, char hex[2 * CB_SHA256_LEN + 1])
{
	unsigned char d[CB_SHA256_LEN];

	cb_sha256(msg, n, d);
	cb_sha256_hex(d, hex);
}

static void
check_hex(const void *msg, size_t n, const char *want)
{
	char hex[2 * CB_SHA256_LEN + 1];

	hex_of(msg, n, hex);
	ck_assert_str_eq(hex, want);
}

START_TEST(standard_vectors)
{
	/* FIPS 180-4 examples and the NIST long-message vector */
	check_hex("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	check_hex("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	check_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	check_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
		  "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", 112,
		  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
	char *a = malloc(1000000);
	ck_assert_ptr_nonnull(a);
	memset(a, 'a', 1000000);
	check_hex(a, 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	/* the same, fed in uneven pieces */
	struct cb_sha256 c;
	unsigned char d[CB_SHA256_LEN];
	char hex[2 * CB_SHA256_LEN + 1];
	cb_sha256_init(&c);
	for (size_t off = 0, step = 1; off < 1000000; off += step, step = step * 7 % 193 + 1)
		cb_sha256_update(&c, a + off, off + step > 1000000 ? 1000000 - off : step);
	cb_sha256_final(&c, d);
	cb_sha256_hex(d, hex);
	ck_assert_str_eq(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(a);
}
END_TEST

/* bytes no word of which repeats soon, so a misplaced word shows */
static void
pattern(unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)((i * 131 + 7) ^ (i >> 8));
}

START_TEST(every_length)
{
	unsigned char data[4096], d[CB_SHA256_LEN];
	struct cb_sha256 outer;
	char hex[2 * CB_SHA256_LEN + 1];

	/* the digests of the first 0..1024 bytes, hashed in turn; the value
	 * was computed apart (Python's hashlib) */
	pattern(data, sizeof data);
	cb_sha256_init(&outer);
	for (size_t n = 0; n <= 1024; n++) {
		cb_sha256(data, n, d);
		cb_sha256_update(&outer, d, sizeof d);
	}
	cb_sha256_final(&outer, d);
	cb_sha256_hex(d, hex);
	ck_assert_str_eq(hex, "a6ba6f6549dda4b88c679add34fc64d7efcccd1c282c3b4cb4b405f281455f03");
	check_hex(data, sizeof data, "2a8d3d3057145359807e5d4c7558d0efd218e28e24f002f45c244782c21b6ca8");
}
END_TEST

START_TEST(implementation_named)
{
	const char *impl = cb_sha256_impl();
#ifdef CB_SHA256_PORTABLE_ONLY
	ck_assert_str_eq(impl, "portable");
#else
	ck_assert(strcmp(impl, "portable") == 0 || strcmp(impl, "x86 SHA extensions") == 0);
#endif
	printf("sha256: %s\n", impl);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("sha256");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, standard_vectors);
	tcase_add_test(tc, every_length);
	tcase_add_test(tc, implementation_named);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
