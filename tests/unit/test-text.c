/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cambouis/text.h"
#include "unit.h"

#define E_ACUTE "\xc3\xa9"           /* é, precomposed U+00E9 */
#define E_COMBINING "e\xcc\x81"      /* e + U+0301 */
#define ZHONG "\xe4\xb8\xad"         /* 中 */
#define BICYCLE "\xf0\x9f\x9a\xb2"   /* U+1F6B2 */

START_TEST(test_widths)
{
	ck_assert_int_eq(cb_utf8_width(""), 0);
	ck_assert_int_eq(cb_utf8_width("Halle"), 5);
	ck_assert_int_eq(cb_utf8_width(E_ACUTE), 1);
	ck_assert_int_eq(cb_utf8_width(E_COMBINING), 1);
	ck_assert_int_eq(cb_utf8_width("Jou" E_ACUTE "-l" E_COMBINING "s-Tours"), 14);
	ck_assert_int_eq(cb_utf8_width(ZHONG), 2);
	ck_assert_int_eq(cb_utf8_width(ZHONG "文"), 4);
	ck_assert_int_eq(cb_utf8_width(BICYCLE), 2);
	ck_assert_int_eq(cb_utf8_width("a" BICYCLE "b"), 4);
	ck_assert_int_eq(cb_codepoint_width(0x301), 0);
	ck_assert_int_eq(cb_codepoint_width(0xE9), 1);
	ck_assert_int_eq(cb_codepoint_width(0x4E2D), 2);
	ck_assert_int_eq(cb_codepoint_width(0x1F6B2), 2);
	ck_assert_int_eq(cb_codepoint_width(0xAC00), 2);  /* Hangul */
	ck_assert_int_eq(cb_codepoint_width(0x200B), 0);  /* zero-width space */
	ck_assert_int_eq(cb_codepoint_width('A'), 1);
}
END_TEST

/* Fitting never cuts a character, and never ends between a letter and its
 * combining accent's width accounting. */
START_TEST(test_fit)
{
	static const char *const samples[] = {
		"Halle", "Jou" E_ACUTE "-l" E_COMBINING "s-Tours", ZHONG "文" ZHONG,
		"a" BICYCLE "b" BICYCLE, E_COMBINING E_COMBINING "x", "",
	};
	int used;

	ck_assert_uint_eq(cb_utf8_fit("Halle", 3, &used), 3);
	ck_assert_int_eq(used, 3);
	ck_assert_uint_eq(cb_utf8_fit("Halle", 10, &used), 5);
	ck_assert_int_eq(used, 5);
	ck_assert_uint_eq(cb_utf8_fit(ZHONG ZHONG, 3, &used), 3); /* the second does not fit */
	ck_assert_int_eq(used, 2);
	ck_assert_uint_eq(cb_utf8_fit(ZHONG, 1, &used), 0);
	ck_assert_int_eq(used, 0);
	ck_assert_uint_eq(cb_utf8_fit("a" BICYCLE, 2, &used), 1);
	ck_assert_uint_eq(cb_utf8_fit(E_ACUTE "t" E_ACUTE, 2, &used), 3);
	ck_assert_uint_eq(cb_utf8_fit("x", 0, NULL), 0);
	/* a combining accent takes no column, so it stays with its letter */
	ck_assert_uint_eq(cb_utf8_fit(E_COMBINING "t", 1, &used), 3);
	ck_assert_int_eq(used, 1);

	for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		const char *s = samples[i];
		for (int cols = 0; cols <= 12; cols++) {
			size_t n = cb_utf8_fit(s, cols, &used);
			char *head = strndup(s, n);
			ck_assert_uint_le(n, strlen(s));
			ck_assert_msg(cb_utf8_valid(s, n), "sample %zu cut inside a character at %d cols",
				      i, cols);
			ck_assert_int_le(used, cols);
			ck_assert_int_eq(used, cb_utf8_width(head));
			/* as much as fits: the rest would overflow (or there is none) */
			if (n < strlen(s)) {
				size_t more = n + cb_utf8_fit(s + n, 2, NULL);
				char *longer = strndup(s, more > n ? more : strlen(s));
				ck_assert_int_gt(cb_utf8_width(longer), cols);
				free(longer);
			}
			free(head);
		}
	}
}
END_TEST

START_TEST(test_valid)
{
	static const struct {
		const char *s;
		size_t len; /* 0: strlen */
		bool ok;
	} cases[] = {
		{"", 0, true},
		{"Halle", 0, true},
		{E_ACUTE E_COMBINING ZHONG BICYCLE, 0, true},
		{"\xef\xbf\xbd", 0, true},            /* U+FFFD itself is a character */
		{"\xf4\x8f\xbf\xbf", 0, true},        /* U+10FFFF */
		{"\xed\x9f\xbf", 0, true},            /* U+D7FF, just below surrogates */
		{"\xee\x80\x80", 0, true},            /* U+E000, just above */
		{"\xc0\xaf", 0, false},               /* overlong '/' */
		{"\xc1\xbf", 0, false},               /* overlong */
		{"\xe0\x80\xaf", 0, false},           /* overlong, 3 bytes */
		{"\xe0\x9f\xbf", 0, false},           /* overlong U+07FF */
		{"\xf0\x80\x80\xaf", 0, false},       /* overlong, 4 bytes */
		{"\xf0\x8f\xbf\xbf", 0, false},       /* overlong U+FFFF */
		{"\xed\xa0\x80", 0, false},           /* U+D800 */
		{"\xed\xbf\xbf", 0, false},           /* U+DFFF */
		{"\xed\xa0\xbd\xed\xb2\xa9", 0, false}, /* CESU-8 pair */
		{"\xf4\x90\x80\x80", 0, false},       /* above U+10FFFF */
		{"\xf8\x88\x80\x80\x80", 0, false},   /* 5 bytes */
		{"\xff", 0, false},
		{"\x80", 0, false},                   /* lone continuation */
		{"a\xc3", 0, false},                  /* truncated 2 */
		{"a\xe4\xb8", 0, false},              /* truncated 3 */
		{"a\xf0\x9f\x9a", 0, false},          /* truncated 4 */
		{"\xc3(", 0, false},                  /* bad continuation */
		{"\xe4\xb8x", 0, false},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t len = cases[i].len ? cases[i].len : strlen(cases[i].s);
		ck_assert_msg(cb_utf8_valid(cases[i].s, len) == cases[i].ok, "case %zu: expected %s", i,
			      cases[i].ok ? "valid" : "invalid");
	}
	/* a length that cuts a character makes it invalid */
	ck_assert(cb_utf8_valid(ZHONG, 3));
	ck_assert(!cb_utf8_valid(ZHONG, 2));
	ck_assert(!cb_utf8_valid(BICYCLE, 1));
	ck_assert(cb_utf8_valid(BICYCLE "xyz", 4));
}
END_TEST

START_TEST(test_decode)
{
	uint32_t cp;

	ck_assert_uint_eq(cb_utf8_decode(E_ACUTE, 2, &cp), 2);
	ck_assert_uint_eq(cp, 0xE9);
	ck_assert_uint_eq(cb_utf8_decode(BICYCLE, 4, &cp), 4);
	ck_assert_uint_eq(cp, 0x1F6B2);
	ck_assert_uint_eq(cb_utf8_decode("\xc0\xaf", 2, &cp), 1);
	ck_assert_uint_eq(cp, 0xFFFD);
	ck_assert_uint_eq(cb_utf8_decode(BICYCLE, 3, &cp), 1);
	ck_assert_uint_eq(cp, 0xFFFD);
	ck_assert_uint_eq(cb_utf8_decode("", 0, &cp), 1);
	ck_assert_uint_eq(cp, 0xFFFD);
}
END_TEST

START_TEST(test_control_trim_case)
{
	char *t;

	ck_assert(!cb_text_has_control("Halle " E_ACUTE, false));
	ck_assert(cb_text_has_control("a\tb", false));
	ck_assert(!cb_text_has_control("a\tb\nc", true));
	ck_assert(cb_text_has_control("a\rb", true));
	ck_assert(cb_text_has_control("\x1b[31m", true));
	ck_assert(cb_text_has_control("a\x7f", true));
	ck_assert(cb_text_has_control("a\xc2\x9b", true)); /* C1 CSI */

	t = cb_text_trim(" \t Halle couverte \n");
	ck_assert_str_eq(t, "Halle couverte");
	free(t);
	t = cb_text_trim("   ");
	ck_assert_str_eq(t, "");
	free(t);
	t = cb_text_trim(NULL);
	ck_assert_str_eq(t, "");
	free(t);
	t = cb_strdup0(NULL);
	ck_assert_str_eq(t, "");
	free(t);

	ck_assert(cb_text_equal_nocase("Halle", "hALLE"));
	ck_assert(!cb_text_equal_nocase("Halle", "Hall"));
	ck_assert(!cb_text_equal_nocase("Hall", "Halle"));
	ck_assert(cb_text_equal_nocase("O" E_ACUTE "sia", "o" E_ACUTE "SIA"));
	ck_assert(!cb_text_equal_nocase(E_ACUTE, "\xc3\x89")); /* É: not ASCII */
}
END_TEST

/* Lists sort the way a French reader expects, in any locale. */
START_TEST(test_collate)
{
	ck_assert_int_lt(cb_text_collate("abri", "Zèbre"), 0);
	ck_assert_int_lt(cb_text_collate("école", "salle"), 0);
	ck_assert_int_lt(cb_text_collate("Étoile", "faux"), 0);
	ck_assert_int_gt(cb_text_collate("étoile", "école"), 0);
	ck_assert_int_eq(cb_text_collate("Halle", "HALLE"), 0);
	ck_assert_int_eq(cb_text_collate("Oésia", "oesia"), 0);
	/* e + combining acute equals precomposed é */
	ck_assert_int_eq(cb_text_collate("e\xcc\x81" "cole", "\xc3\xa9" "cole"), 0);
	ck_assert_int_lt(cb_text_collate("Hall", "Halle"), 0);
	ck_assert_int_gt(cb_text_collate("Halle 2", "Halle"), 0);
	ck_assert_int_eq(cb_text_collate("", ""), 0);
	ck_assert_int_lt(cb_text_collate("", "a"), 0);
}
END_TEST

/* The one escaping of untrusted text: nothing a terminal acts on is left,
 * and ordinary text, accents and backslashes pass unchanged. */
/* Look-alike names share one key; accents and letters still count. */
static bool
same_key(const char *a, const char *b)
{
	char *ka = cb_text_name_key(a), *kb = cb_text_name_key(b);
	bool same;

	ck_assert_ptr_nonnull(ka);
	ck_assert_ptr_nonnull(kb);
	same = strcmp(ka, kb) == 0;
	free(ka);
	free(kb);
	return same;
}

START_TEST(test_name_key)
{
	char *k;

	ck_assert(same_key("Zoé", "zoé"));
	ck_assert(same_key("Zoé", "ZOÉ"));
	ck_assert(same_key("Zoé", "Zoe\xcc\x81"));          /* decomposed (NFD) */
	ck_assert(same_key("ZOÉ", "zoe\xcc\x81"));
	ck_assert(same_key("Ann", "Ann\xe2\x80\x8b"));      /* zero-width space */
	ck_assert(same_key("Ann", "A\xe2\x80\x8dnn"));      /* zero-width joiner */
	ck_assert(same_key("Ann", "\xef\xbb\xbf" "Ann"));  /* byte-order mark */
	ck_assert(same_key("Ann", "\xe2\x80\xae" "Ann\xe2\x80\xac")); /* bidi override */
	ck_assert(same_key("Ann", "\xe2\x81\xa6" "Ann\xe2\x81\xa9")); /* isolate */
	ck_assert(same_key("Ann B.", "  ann   b. "));
	ck_assert(same_key("Ann B.", "Ann\xc2\xa0" "B."));  /* no-break space */
	ck_assert(same_key("Straße", "STRASSE"));            /* full case folding */
	ck_assert(!same_key("Zoé", "Zoe"));
	ck_assert(!same_key("Ann", "Anne"));
	ck_assert(!same_key("Ann B.", "AnnB."));
	k = cb_text_name_key("  ZOÉ ");
	ck_assert_str_eq(k, "zoé");
	free(k);
}
END_TEST

/* ASCII names take a path of their own; it must give the key the Unicode
 * path gives (a zero-width space, dropped, sends the same text there). */
START_TEST(test_name_key_ascii)
{
	for (int c = 1; c < 0x80; c++) {
		char plain[32], wide[40];
		snprintf(plain, sizeof plain, " A%cb \t%cZ%c ", c, c, c);
		snprintf(wide, sizeof wide, "%s\xe2\x80\x8b", plain);
		ck_assert_msg(same_key(plain, wide), "byte 0x%02x", c);
	}
	ck_assert(same_key("ANN  B.", "ann b.\xe2\x80\x8b"));
}
END_TEST

START_TEST(test_escape)
{
	static const struct {
		const char *in, *out, *kept, *blank;
	} cases[] = {
		{"Vallée Violette", "Vallée Violette", NULL, NULL},
		{"C:\\atelier \\e", "C:\\atelier \\e", NULL, NULL},
		{"\r\x1b[2K\x1b[31mRED.cambouis", "\\r\\e[2K\\e[31mRED.cambouis", NULL,
		 " \\e[2K\\e[31mRED.cambouis"},
		{"\x1b]0;pwned\x07x", "\\e]0;pwned\\x07x", NULL, NULL},
		{"a\nb\tc", "a\\nb\\tc", "a\nb\tc", "a b c"},
		{"cr\r", "cr\\r", "cr\\r", "cr "},
		{"del\x7f", "del\\x7F", NULL, NULL},
		{"c1\xc2\x9b" "31m", "c1\\u009B31m", NULL, NULL},
		{"\xe2\x80\xae" "fdp.exe", "\\u202Efdp.exe", NULL, NULL},
		{"a\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad" "b",
		 "a\\u202A\\u202B\\u202C\\u202Db", NULL, NULL},
		{"\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9", "\\u2066\\u2067\\u2068\\u2069", NULL, NULL},
		{"\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c", "\\u200E\\u200F\\u061C", NULL, NULL},
		{"l\xe2\x80\xa8p\xe2\x80\xa9", "l\\u2028p\\u2029", NULL, NULL},
		{"bad\xff\xc3(", "bad\\xFF\\xC3(", NULL, NULL},
		{"\xef\xbf\xbd ok", "\xef\xbf\xbd ok", NULL, NULL},
		{"zwj 👩\xe2\x80\x8d🔧", "zwj 👩\xe2\x80\x8d🔧", NULL, NULL},
		{"", "", NULL, NULL},
	};
	char *e;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		e = cb_text_escape(cases[i].in, 0);
		ck_assert_ptr_nonnull(e);
		ck_assert_str_eq(e, cases[i].out);
		ck_assert(!cb_text_has_control(e, false));
		free(e);
		e = cb_text_escape(cases[i].in, CB_ESCAPE_KEEP_LINES);
		ck_assert_str_eq(e, cases[i].kept ? cases[i].kept : cases[i].out);
		free(e);
		e = cb_text_escape(cases[i].in, CB_ESCAPE_BLANK_LINES);
		ck_assert_str_eq(e, cases[i].blank ? cases[i].blank : cases[i].out);
		free(e);
	}
	e = cb_text_escape(NULL, 0);
	ck_assert_str_eq(e, "");
	free(e);
	/* every code point a terminal would act on, escaped */
	for (uint32_t cp = 1; cp < 0x30000; cp++) {
		char in[8];
		size_t n = 0;
		if (cp >= 0xD800 && cp < 0xE000)
			continue;
		if (cp < 0x80) {
			in[n++] = (char)cp;
		} else if (cp < 0x800) {
			in[n++] = (char)(0xC0 | cp >> 6);
			in[n++] = (char)(0x80 | (cp & 0x3F));
		} else if (cp < 0x10000) {
			in[n++] = (char)(0xE0 | cp >> 12);
			in[n++] = (char)(0x80 | (cp >> 6 & 0x3F));
			in[n++] = (char)(0x80 | (cp & 0x3F));
		} else {
			in[n++] = (char)(0xF0 | cp >> 18);
			in[n++] = (char)(0x80 | (cp >> 12 & 0x3F));
			in[n++] = (char)(0x80 | (cp >> 6 & 0x3F));
			in[n++] = (char)(0x80 | (cp & 0x3F));
		}
		in[n] = '\0';
		e = cb_text_escape(in, 0);
		if (cb_codepoint_unsafe(cp)) {
			ck_assert_msg(e[0] == '\\', "U+%04X not escaped", (unsigned)cp);
			ck_assert_uint_eq(cb_codepoint_width(cb_codepoint_visible(cp)), 1);
			ck_assert(!cb_codepoint_unsafe(cb_codepoint_visible(cp)));
		} else {
			ck_assert_str_eq(e, in);
			ck_assert_uint_eq(cb_codepoint_visible(cp), cp);
		}
		free(e);
	}
}
END_TEST

/* What a screen draws for the same code points: one column each. */
START_TEST(test_visible)
{
	ck_assert_uint_eq(cb_codepoint_visible(0x1B), 0x241B);
	ck_assert_uint_eq(cb_codepoint_visible('\r'), 0x240D);
	ck_assert_uint_eq(cb_codepoint_visible(0x7F), 0x2421);
	ck_assert_uint_eq(cb_codepoint_visible(0x9B), 0xFFFD);
	ck_assert_uint_eq(cb_codepoint_visible(0x202E), 0xFFFD);
	ck_assert_uint_eq(cb_codepoint_visible('a'), 'a');
	ck_assert_uint_eq(cb_codepoint_visible(0x200D), 0x200D); /* the emoji joiner stays */
	ck_assert_int_eq(cb_utf8_width("a\xe2\x80\xae" "b"), 3);
	ck_assert_int_eq(cb_utf8_width("a\x1b" "b"), 3);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("text");

	tcase_add_test(tc, test_widths);
	tcase_add_test(tc, test_fit);
	tcase_add_test(tc, test_valid);
	tcase_add_test(tc, test_decode);
	tcase_add_test(tc, test_control_trim_case);
	tcase_add_test(tc, test_collate);
	tcase_add_test(tc, test_name_key);
	tcase_add_test(tc, test_name_key_ascii);
	tcase_add_test(tc, test_escape);
	tcase_add_test(tc, test_visible);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
