/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "cambouis/text.h"

size_t
cb_utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c, min;
	size_t len;

	if (n == 0) {
		*cp = 0xFFFD;
		return 1;
	}
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if ((c & 0xE0) == 0xC0) {
		len = 2, c &= 0x1F, min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		len = 3, c &= 0x0F, min = 0x800;
	} else if ((c & 0xF8) == 0xF0) {
		len = 4, c &= 0x07, min = 0x10000;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (n < len) {
		*cp = 0xFFFD;
		return 1;
	}
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return len;
}

bool
cb_utf8_valid(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		size_t k = cb_utf8_decode(s + i, len - i, &cp);
		if (cp == 0xFFFD && !(k == 3 && (unsigned char)s[i] == 0xEF &&
				      (unsigned char)s[i + 1] == 0xBF &&
				      (unsigned char)s[i + 2] == 0xBD))
			return false;
		i += k;
	}
	return true;
}

struct range {
	uint32_t lo, hi;
};

/* Zero-width: combining marks, joiners, variation selectors. */
static const struct range zero_width[] = {
	{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},
	{0x05C1, 0x05C2}, {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A},
	{0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x06DF, 0x06E4},
	{0x06E7, 0x06E8}, {0x06EA, 0x06ED}, {0x0900, 0x0902}, {0x093A, 0x093A},
	{0x093C, 0x093C}, {0x0941, 0x0948}, {0x094D, 0x094D}, {0x0951, 0x0957},
	{0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF},
	{0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064},
	{0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
	{0x1F3FB, 0x1F3FF}, {0xE0100, 0xE01EF},
};

/* East Asian wide and full-width, and emoji presentation. */
static const struct range wide[] = {
	{0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC},
	{0x23F0, 0x23F0}, {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615},
	{0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
	{0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE},
	{0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
	{0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B},
	{0x2728, 0x2728}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755},
	{0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
	{0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x2E80, 0x303E},
	{0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF},
	{0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19},
	{0xFE30, 0xFE6F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x18AFF},
	{0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E},
	{0x1F191, 0x1F19A}, {0x1F200, 0x1F251}, {0x1F300, 0x1F320}, {0x1F32D, 0x1F335},
	{0x1F337, 0x1F37C}, {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA}, {0x1F3CF, 0x1F3D3},
	{0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4}, {0x1F3F8, 0x1F3FA}, {0x1F400, 0x1F43E},
	{0x1F440, 0x1F440}, {0x1F442, 0x1F4FC}, {0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E},
	{0x1F550, 0x1F567}, {0x1F57A, 0x1F57A}, {0x1F595, 0x1F596}, {0x1F5A4, 0x1F5A4},
	{0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC}, {0x1F6D0, 0x1F6D2},
	{0x1F6D5, 0x1F6D7}, {0x1F6EB, 0x1F6EC}, {0x1F6F4, 0x1F6FC}, {0x1F7E0, 0x1F7EB},
	{0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945}, {0x1F947, 0x1F9FF}, {0x1FA70, 0x1FAFF},
	{0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

static bool
in_table(uint32_t cp, const struct range *t, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < t[mid].lo)
			hi = mid;
		else if (cp > t[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

bool
cb_codepoint_unsafe(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x061C || cp == 0x200E ||
	       cp == 0x200F || cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

uint32_t
cb_codepoint_visible(uint32_t cp)
{
	if (!cb_codepoint_unsafe(cp))
		return cp;
	if (cp < 0x20)
		return 0x2400 + cp; /* ␀ ... ␟ */
	return cp == 0x7F ? 0x2421 : 0xFFFD;
}

int
cb_codepoint_width(uint32_t cp)
{
	if (cp == 0)
		return 0;
	if (cb_codepoint_unsafe(cp))
		return 1; /* shown as cb_codepoint_visible() */
	if (cp < 0x300)
		return 1;
	if (in_table(cp, zero_width, sizeof zero_width / sizeof zero_width[0]))
		return 0;
	if (in_table(cp, wide, sizeof wide / sizeof wide[0]))
		return 2;
	return 1;
}

int
cb_utf8_width(const char *s)
{
	size_t n = strlen(s), i = 0;
	int w = 0;

	while (i < n) {
		uint32_t cp;
		i += cb_utf8_decode(s + i, n - i, &cp);
		w += cb_codepoint_width(cp);
	}
	return w;
}

size_t
cb_utf8_fit(const char *s, int cols, int *used)
{
	size_t n = strlen(s), i = 0;
	int w = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = cb_utf8_decode(s + i, n - i, &cp);
		int cw = cb_codepoint_width(cp);
		if (w + cw > cols)
			break;
		w += cw;
		i += k;
	}
	if (used)
		*used = w;
	return i;
}

bool
cb_text_has_control(const char *s, bool allow_newlines)
{
	size_t n = strlen(s), i = 0;

	while (i < n) {
		uint32_t cp;
		i += cb_utf8_decode(s + i, n - i, &cp);
		if (allow_newlines && (cp == '\n' || cp == '\t'))
			continue;
		if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
			return true;
	}
	return false;
}

char *
cb_text_escape(const char *s, unsigned flags)
{
	size_t n, i = 0, o = 0;
	char *out;

	if (!s)
		s = "";
	n = strlen(s);
	/* the longest escape, \uHHHH, is 6 bytes for at least 2 of input;
	 * \xHH is 4 for 1 */
	if (n > (SIZE_MAX - 1) / 4 || !(out = malloc(4 * n + 1)))
		return NULL;
	while (i < n) {
		uint32_t cp;
		size_t k = cb_utf8_decode(s + i, n - i, &cp);
		bool bad = cp == 0xFFFD && !(k == 3 && memcmp(s + i, "\xef\xbf\xbd", 3) == 0);

		if (bad) {
			/* a byte that is not UTF-8: one byte at a time */
			o += (size_t)sprintf(out + o, "\\x%02X", (unsigned char)s[i]);
			i++;
			continue;
		}
		if (!cb_codepoint_unsafe(cp)) {
			memcpy(out + o, s + i, k);
			o += k;
		} else if ((cp == '\n' || cp == '\t') && (flags & CB_ESCAPE_KEEP_LINES)) {
			out[o++] = (char)cp;
		} else if ((cp == '\n' || cp == '\t' || cp == '\r') && (flags & CB_ESCAPE_BLANK_LINES)) {
			out[o++] = ' ';
		} else if (cp == '\n' || cp == '\t' || cp == '\r' || cp == 0x1B) {
			out[o++] = '\\';
			out[o++] = cp == '\n' ? 'n' : cp == '\t' ? 't' : cp == '\r' ? 'r' : 'e';
		} else if (cp < 0x80) {
			o += (size_t)sprintf(out + o, "\\x%02X", (unsigned)cp);
		} else {
			o += (size_t)sprintf(out + o, "\\u%04X", (unsigned)cp);
		}
		i += k;
	}
	out[o] = '\0';
	return out;
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

char *
cb_text_trim(const char *s)
{
	size_t n;

	if (!s)
		s = "";
	while (is_blank(*s))
		s++;
	n = strlen(s);
	while (n > 0 && is_blank(s[n - 1]))
		n--;
	char *out = malloc(n + 1);
	if (!out)
		return NULL;
	memcpy(out, s, n);
	out[n] = '\0';
	return out;
}

void
cb_text_copy(char *dst, size_t size, const char *src)
{
	size_t n = src ? strlen(src) : 0;

	if (n >= size)
		n = size - 1;
	if (n)
		memcpy(dst, src, n);
	dst[n] = '\0';
}

char *
cb_strdup0(const char *s)
{
	return strdup(s ? s : "");
}

static char
ascii_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

bool
cb_text_equal_nocase(const char *a, const char *b)
{
	while (*a && *b) {
		if (ascii_lower(*a) != ascii_lower(*b))
			return false;
		a++, b++;
	}
	return *a == *b;
}

/* Base letters of U+00C0..U+017F (Latin-1 Supplement and Latin
 * Extended-A); '_' where there is none (multiplication and division signs). */
static const char latin_base[] =
	"aaaaaaaceeeeiiii" /* U+00C0 */
	"dnooooo_ouuuuyts" /* U+00D0 */
	"aaaaaaaceeeeiiii" /* U+00E0 */
	"dnooooo_ouuuuyty" /* U+00F0 */
	"aaaaaaccccccccdd" /* U+0100 */
	"ddeeeeeeeeeegggg" /* U+0110 */
	"gggghhhhiiiiiiii" /* U+0120 */
	"iiiijjkkklllllll" /* U+0130 */
	"lllnnnnnnnnnoooo" /* U+0140 */
	"oooorrrrrrssssss" /* U+0150 */
	"ssttttttuuuuuuuu" /* U+0160 */
	"uuuuwwyyyzzzzzzs" /* U+0170 */;

static uint32_t
fold(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp - 'A' + 'a';
	if (cp >= 0xC0 && cp <= 0x17F && latin_base[cp - 0xC0] != '_')
		return (uint32_t)(unsigned char)latin_base[cp - 0xC0];
	return cp;
}

int
cb_text_collate(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b), i = 0, j = 0;

	while (i < na && j < nb) {
		uint32_t ca, cb;
		i += cb_utf8_decode(a + i, na - i, &ca);
		j += cb_utf8_decode(b + j, nb - j, &cb);
		/* combining accents (e + U+0301) weigh nothing */
		while (cb_codepoint_width(ca) == 0 && ca && i < na)
			i += cb_utf8_decode(a + i, na - i, &ca);
		while (cb_codepoint_width(cb) == 0 && cb && j < nb)
			j += cb_utf8_decode(b + j, nb - j, &cb);
		ca = fold(ca);
		cb = fold(cb);
		if (ca != cb)
			return ca < cb ? -1 : 1;
	}
	return (i < na) - (j < nb);
}

/* --- the key that says two names are one ------------------------------------ */

char *
cb_text_name_key(const char *s)
{
	size_t len;

	return cb_text_name_key_n(s, strlen(s), &len);
}

/* ASCII alone needs no tables: NFC leaves it as it is, case folding is
 * tolower, it has no format characters, and its white space is tab to CR
 * and space. The collation compares a name with every row, so this path
 * (most names) must not pay for libunistring's allocations. */
static bool
is_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

static char *
ascii_name_key(const char *s, size_t n, size_t *keylen)
{
	char *out = malloc(n + 1);
	size_t len = 0;
	bool space = false;

	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || (c >= '\t' && c <= '\r')) {
			space = len > 0;
			continue;
		}
		if (space)
			out[len++] = ' ';
		space = false;
		out[len++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	out[len] = '\0';
	*keylen = len;
	return out;
}

char *
cb_text_name_key_n(const char *s, size_t n, size_t *keylen)
{
	size_t i = 0, len = 0, outlen = 0;
	uint8_t *clean, *folded;
	char *out;
	bool space = false;

	if (is_ascii(s, n))
		return ascii_name_key(s, n, keylen);
	if (!(clean = malloc(n + 1)))
		return NULL;
	/* drop format characters, make white space one space, trim */
	while (i < n) {
		ucs4_t uc;
		int k = u8_mbtouc(&uc, (const uint8_t *)s + i, n - i);
		if (k <= 0)
			k = 1;
		if (uc_is_property_white_space(uc)) {
			space = len > 0;
		} else if (!uc_is_general_category(uc, UC_CATEGORY_Cf)) {
			if (space)
				clean[len++] = ' ';
			space = false;
			memcpy(clean + len, s + i, (size_t)k);
			len += (size_t)k;
		}
		i += (size_t)k;
	}
	folded = u8_casefold(clean, len, NULL, UNINORM_NFC, NULL, &outlen);
	free(clean);
	if (!folded)
		return NULL;
	if ((out = malloc(outlen + 1))) {
		memcpy(out, folded, outlen);
		out[outlen] = '\0';
		*keylen = outlen;
	}
	free(folded);
	return out;
}
