/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "cambouis/sha256.h"

/* The SHA extensions path needs x86-64 and a compiler that can target
 * them per function; CB_SHA256_PORTABLE_ONLY builds the plain one alone
 * (tests/unit/test-sha256-portable checks it on machines that have them). */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && \
	!defined(CB_SHA256_PORTABLE_ONLY)
#define CB_SHA256_SHANI 1
#else
#define CB_SHA256_SHANI 0
#endif

/* FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube
 * roots of the first 64 primes. */
static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

/* n whole 64-byte blocks, FIPS 180-4 §6.2.2 as written */
static void
blocks_portable(uint32_t h[8], const unsigned char *p, size_t n)
{
	uint32_t w[64], a, b, c, d, e, f, g, k, t1, t2;

	for (; n > 0; n--, p += 64) {
		for (int i = 0; i < 16; i++)
			w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
			       (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
		for (int i = 16; i < 64; i++) {
			uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
			uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
			w[i] = w[i - 16] + s0 + w[i - 7] + s1;
		}
		a = h[0]; b = h[1]; c = h[2]; d = h[3];
		e = h[4]; f = h[5]; g = h[6]; k = h[7];
		for (int i = 0; i < 64; i++) {
			t1 = k + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
			t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
			k = g; g = f; f = e; e = d + t1;
			d = c; c = b; b = a; a = t1 + t2;
		}
		h[0] += a; h[1] += b; h[2] += c; h[3] += d;
		h[4] += e; h[5] += f; h[6] += g; h[7] += k;
	}
}

#if CB_SHA256_SHANI
#include <cpuid.h>
#include <immintrin.h>

/* The same with the x86 SHA extensions: a bundle's digest is read on
 * every import, so this is most of what checking a bundle costs. The
 * instructions keep the state as (A, B, E, F) and (C, D, G, H) and do two
 * rounds at a time; the schedule makes four words per step. */
__attribute__((target("sha,sse4.1")))
static void
blocks_shani(uint32_t h[8], const unsigned char *p, size_t n)
{
	const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
	__m128i dcba = _mm_loadu_si128((const __m128i *)&h[0]);
	__m128i hgfe = _mm_loadu_si128((const __m128i *)&h[4]);
	__m128i cdab = _mm_shuffle_epi32(dcba, 0xb1);
	__m128i efgh = _mm_shuffle_epi32(hgfe, 0x1b);
	__m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
	__m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xf0);

	for (; n > 0; n--, p += 64) {
		__m128i w[4], abef0 = abef, cdgh0 = cdgh;

		for (int i = 0; i < 16; i++) {
			__m128i *wi = &w[i & 3], t;
			if (i < 4)
				*wi = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * i)), bswap);
			else
				*wi = _mm_sha256msg2_epu32(
					_mm_add_epi32(_mm_sha256msg1_epu32(*wi, w[(i + 1) & 3]),
						      _mm_alignr_epi8(w[(i + 3) & 3], w[(i + 2) & 3], 4)),
					w[(i + 3) & 3]);
			t = _mm_add_epi32(*wi, _mm_loadu_si128((const __m128i *)&K[4 * i]));
			cdgh = _mm_sha256rnds2_epu32(cdgh, abef, t);
			abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(t, 0x0e));
		}
		abef = _mm_add_epi32(abef, abef0);
		cdgh = _mm_add_epi32(cdgh, cdgh0);
	}
	/* back to (A, B, C, D) and (E, F, G, H) */
	__m128i feba = _mm_shuffle_epi32(abef, 0x1b);
	__m128i dchg = _mm_shuffle_epi32(cdgh, 0xb1);
	_mm_storeu_si128((__m128i *)&h[0], _mm_blend_epi16(feba, dchg, 0xf0));
	_mm_storeu_si128((__m128i *)&h[4], _mm_alignr_epi8(dchg, feba, 8));
}

static bool
cpu_has_sha(void)
{
	unsigned a, b, c, d;

	if (!__get_cpuid_count(7, 0, &a, &b, &c, &d) || !(b & bit_SHA))
		return false;
	return __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSE4_1) && (c & bit_SSSE3);
}
#endif

typedef void blocks_fn(uint32_t h[8], const unsigned char *p, size_t n);

static blocks_fn *
pick_blocks(void)
{
#if CB_SHA256_SHANI
	if (cpu_has_sha())
		return blocks_shani;
#endif
	return blocks_portable;
}

/* chosen once; the program has one thread */
static blocks_fn *blocks;

static void
run_blocks(uint32_t h[8], const unsigned char *p, size_t n)
{
	if (!blocks)
		blocks = pick_blocks();
	blocks(h, p, n);
}

const char *
cb_sha256_impl(void)
{
	if (!blocks)
		blocks = pick_blocks();
	return blocks == blocks_portable ? "portable" : "x86 SHA extensions";
}

void
cb_sha256_init(struct cb_sha256 *c)
{
	static const uint32_t iv[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
	};
	memcpy(c->h, iv, sizeof iv);
	c->total = 0;
	c->used = 0;
}

void
cb_sha256_update(struct cb_sha256 *c, const void *data, size_t n)
{
	const unsigned char *p = data;

	c->total += n;
	if (c->used) {
		size_t take = 64 - c->used < n ? 64 - c->used : n;
		memcpy(c->buf + c->used, p, take);
		c->used += take;
		p += take;
		n -= take;
		if (c->used < 64)
			return;
		run_blocks(c->h, c->buf, 1);
		c->used = 0;
	}
	if (n >= 64) {
		run_blocks(c->h, p, n / 64);
		p += n / 64 * 64;
		n %= 64;
	}
	if (n) {
		memcpy(c->buf, p, n);
		c->used = n;
	}
}

void
cb_sha256_final(struct cb_sha256 *c, unsigned char out[CB_SHA256_LEN])
{
	uint64_t bits = c->total * 8;
	unsigned char pad[72];
	size_t padlen = (c->used < 56 ? 56 : 120) - c->used;

	memset(pad, 0, sizeof pad);
	pad[0] = 0x80;
	for (int i = 0; i < 8; i++)
		pad[padlen + i] = (unsigned char)(bits >> (56 - 8 * i));
	cb_sha256_update(c, pad, padlen + 8);
	for (int i = 0; i < 8; i++) {
		out[4 * i] = (unsigned char)(c->h[i] >> 24);
		out[4 * i + 1] = (unsigned char)(c->h[i] >> 16);
		out[4 * i + 2] = (unsigned char)(c->h[i] >> 8);
		out[4 * i + 3] = (unsigned char)c->h[i];
	}
}

void
cb_sha256(const void *data, size_t n, unsigned char out[CB_SHA256_LEN])
{
	struct cb_sha256 c;

	cb_sha256_init(&c);
	cb_sha256_update(&c, data, n);
	cb_sha256_final(&c, out);
}

void
cb_sha256_hex(const unsigned char d[CB_SHA256_LEN], char *out)
{
	static const char hex[] = "0123456789abcdef";

	for (int i = 0; i < CB_SHA256_LEN; i++) {
		out[2 * i] = hex[d[i] >> 4];
		out[2 * i + 1] = hex[d[i] & 15];
	}
	out[2 * CB_SHA256_LEN] = '\0';
}
