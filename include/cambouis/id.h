/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_ID_H
#define CAMBOUIS_ID_H

#include <stdbool.h>
#include <stdint.h>
#include "cambouis/status.h"

/*
 * 16-byte identifiers, time-ordered like UUIDv7: 48 bits of wall-clock
 * milliseconds (big-endian, so byte order sorts by time), version and
 * variant bits, then 74 random bits. Used for op ids, site ids and row ids.
 */
#define CB_ID_LEN 16
#define CB_ID_HEX_LEN 32

struct cb_id {
	unsigned char b[CB_ID_LEN];
};

/* A new id stamped with ms. CB_IO when no randomness is available. */
cb_status cb_id_new(struct cb_id *id, int64_t ms);

/* The millisecond stamp an id carries. */
int64_t cb_id_time(const struct cb_id *id);

/* Lower-case hex into out (CB_ID_HEX_LEN + 1 bytes). */
void cb_id_to_hex(const struct cb_id *id, char *out);

/* Parse 32 hex digits; CB_INVALID otherwise. */
cb_status cb_id_from_hex(const char *hex, struct cb_id *id);

/* memcmp order: -1, 0, 1. */
int cb_id_cmp(const struct cb_id *a, const struct cb_id *b);

bool cb_id_is_zero(const struct cb_id *id);

/* Fill buf with len random bytes from the kernel. */
cb_status cb_random_bytes(void *buf, size_t len);

#endif
