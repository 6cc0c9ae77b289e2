/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef TESTS_SYNC_HOSTILE_H
#define TESTS_SYNC_HOSTILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cambouis/bundle.h"

/*
 * The hostile-bundle corpus, made from one good bundle: each case is
 * derived in memory and says what the reader must answer. The unit test
 * checks it against cb_bundle_read_mem(); tests/sync/mkhostile writes the
 * same cases as files for the command-line runner.
 */

/* expect: a reason, or one of these */
#define HOSTILE_ANY (-1)          /* rejected, for whatever reason */
#define HOSTILE_ANY_OR_SAME (-2)  /* rejected, or read as the good bundle
                                   * (a flip in bytes SQLite never reads) */

struct hostile {
	char name[64];
	unsigned char *data;  /* malloc'ed */
	size_t size;
	int expect;           /* enum cb_bundle_reject, HOSTILE_ANY... */
	bool future;          /* accepted, and its ops flagged as future */
	size_t max_bytes;     /* a size cap to read it with (0: default) */
};

/* The good bundle the cases come from (its digest, for ANY_OR_SAME). */
struct hostile_base {
	unsigned char *data;
	size_t size;
	unsigned char digest[CB_SHA256_LEN];
	int64_t op_count;
};

/* Make the good bundle and call fn for every case (fn owns h->data).
 * 0 on success, -1 when the corpus could not be made. */
typedef void (*hostile_fn)(struct hostile *h, const struct hostile_base *base, void *arg);
int hostile_generate(uint64_t seed, hostile_fn fn, void *arg);

/* Only the semantic cases (valid digests, invalid meanings; base is
 * NULL): the files of tests/data/semantic. */
int hostile_semantic(hostile_fn fn, void *arg);

#endif
