/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_SHA256_H
#define CAMBOUIS_SHA256_H

#include <stddef.h>
#include <stdint.h>

/*
 * SHA-256 (FIPS 180-4), for the bundle digest. Our own small
 * implementation so the build needs no crypto library; tested against the
 * standard vectors in tests/unit/test-sha256.c.
 */
#define CB_SHA256_LEN 32

struct cb_sha256 {
	uint32_t h[8];
	uint64_t total;          /* bytes hashed so far */
	unsigned char buf[64];
	size_t used;             /* bytes waiting in buf */
};

void cb_sha256_init(struct cb_sha256 *c);
void cb_sha256_update(struct cb_sha256 *c, const void *data, size_t n);
void cb_sha256_final(struct cb_sha256 *c, unsigned char out[CB_SHA256_LEN]);

/* One-shot convenience. */
void cb_sha256(const void *data, size_t n, unsigned char out[CB_SHA256_LEN]);

/* Which block function runs here: "portable" or "x86 SHA extensions"
 * (picked once from what the processor offers). */
const char *cb_sha256_impl(void);

/* Lower-case hex of a digest into out (2 * CB_SHA256_LEN + 1 bytes). */
void cb_sha256_hex(const unsigned char d[CB_SHA256_LEN], char *out);

#endif
