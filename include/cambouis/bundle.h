/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_BUNDLE_H
#define CAMBOUIS_BUNDLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cambouis/id.h"
#include "cambouis/oplog.h"
#include "cambouis/sha256.h"
#include "cambouis/status.h"

/*
 * Bundles: the files that carry ops between laptops (DESIGN.md §4). A
 * bundle is itself a small SQLite file, application_id 'CBBN',
 * user_version = the oldest reader format that can read it, with exactly
 * three tables (src/core/bundle.c holds their SQL; any other table, index,
 * view or trigger makes the bundle rejected):
 *
 *   manifest   one row: format, min_reader, origin_site (16 bytes),
 *              origin_label, created_ms, op_count, digest (32 bytes)
 *   knowledge  the exporter's highest seq of every site it holds
 *   ops        n = 1..op_count, then the fields of struct cb_op
 *
 * The digest is SHA-256 over a canonical encoding of the ops (in n order),
 * then the knowledge rows, then the manifest's other fields, so it names
 * the bundle's content: a flipped bit anywhere SQLite reads is caught, and
 * a bundle imported twice is recognised by it.
 */

#define CB_BUNDLE_FORMAT 1          /* the format this build writes */
#define CB_BUNDLE_READER 1          /* the newest min_reader it can read */
#define CB_BUNDLE_APPLICATION_ID 0x4342424E /* 'CBBN' */
#define CB_BUNDLE_LABEL_MAX 64
#define CB_BUNDLE_SUFFIX ".cambouis"
/* The default size cap for reading: a million ops take about 110 MB. */
#define CB_BUNDLE_MAX_BYTES ((size_t)1 << 30)

/* Why a bundle was rejected: code, then translatable message. */
#define CB_BUNDLE_REJECT_INFO(_) \
	_(NONE,         N_("no problem")) \
	_(TOO_BIG,      N_("the file is too large to be a bundle")) \
	_(NOT_BUNDLE,   N_("not a cambouis bundle")) \
	_(FOREIGN,      N_("not a cambouis bundle: another program's file")) \
	_(DATABASE,     N_("this is a cambouis database, not a bundle: make one with 'cambouis export'")) \
	_(TOO_NEW,      N_("made by a newer cambouis: update cambouis to import it")) \
	_(DAMAGED,      N_("the bundle is damaged")) \
	_(SCHEMA,       N_("the bundle holds unexpected contents")) \
	_(MANIFEST,     N_("the bundle's manifest is missing, duplicated or invalid")) \
	_(COUNT,        N_("the number of changes does not match the manifest")) \
	_(DIGEST,       N_("the checksum does not match: the bundle was altered or damaged")) \
	_(BAD_OP,       N_("the bundle holds an invalid change")) \
	_(UNKNOWN_KIND, N_("the bundle holds changes this version does not know: update cambouis"))

enum cb_bundle_reject {
#define CB_BUNDLE_REJECT_ENUM(name, msg) CB_BUNDLE_##name,
	CB_BUNDLE_REJECT_INFO(CB_BUNDLE_REJECT_ENUM)
#undef CB_BUNDLE_REJECT_ENUM
};

/* A rejection: the reason and a short untranslated detail ("" when none),
 * e.g. "change 12: table 1 field 9" or "table 'evil'". */
struct cb_bundle_why {
	enum cb_bundle_reject reason;
	char detail[160];
};

/* The translated message of a reason (static, never NULL). */
const char *cb_bundle_reject_message(enum cb_bundle_reject reason);

struct cb_bundle_manifest {
	int format, min_reader;
	struct cb_id origin_site;
	char origin_label[CB_BUNDLE_LABEL_MAX + 1];
	int64_t created_ms;
	int64_t op_count;
	unsigned char digest[CB_SHA256_LEN];
};

struct cb_bundle_limits {
	size_t max_bytes;       /* the size cap (0: CB_BUNDLE_MAX_BYTES) */
	int64_t max_ops;        /* 0: no limit beyond the size */
};

/* --- reading ---------------------------------------------------------------
 * A bundle is read whole into memory and checked before anything uses it:
 * size cap, header, application id, format (newer: TOO_NEW), exact schema,
 * SQLite integrity check, manifest, knowledge, every op (types, blob
 * lengths, known kind and codes, cb_op_validate()), count and digest. The
 * SQLite connection is opened with the defensive settings (no triggers,
 * no views, untrusted schema, tight limits) and read-only.
 *
 * On rejection: returns CB_INVALID, *out is NULL, *why says why. Other
 * failures (CB_NOMEM, CB_IO with errno kept) are not the bundle's fault. */
struct cb_bundle;

cb_status cb_bundle_read(const char *path, const struct cb_bundle_limits *lim,
			 struct cb_bundle **out, struct cb_bundle_why *why);
cb_status cb_bundle_read_mem(const void *data, size_t n, const struct cb_bundle_limits *lim,
			     struct cb_bundle **out, struct cb_bundle_why *why);
void cb_bundle_free(struct cb_bundle *b);

const struct cb_bundle_manifest *cb_bundle_manifest(const struct cb_bundle *b);

/* The highest op clock in the bundle (0 when it has no ops). */
uint64_t cb_bundle_max_hlc(const struct cb_bundle *b);

/* The exporter's highest seq of site (0 when it knew none). */
int64_t cb_bundle_knows(const struct cb_bundle *b, const struct cb_id *site);

/* Visit the ops in order (already checked); text is valid during fn. */
cb_status cb_bundle_each_op(struct cb_bundle *b, cb_op_visit_fn fn, void *arg);

/* --- writing ---------------------------------------------------------------
 * Ops, then knowledge, are added to a bundle built in memory; finish gives
 * the bytes of the finished file (compact: no free pages). */
struct cb_bundle_writer;

cb_status cb_bundle_writer_new(struct cb_bundle_writer **out);
cb_status cb_bundle_writer_op(struct cb_bundle_writer *w, const struct cb_op *op);
cb_status cb_bundle_writer_knowledge(struct cb_bundle_writer *w, const struct cb_id *site,
				     int64_t max_seq);
/* On success *data (free with cb_bundle_data_free) holds *size bytes and
 * m (may be NULL) the manifest as written, digest included. */
cb_status cb_bundle_writer_finish(struct cb_bundle_writer *w, const struct cb_id *origin,
				  const char *label, int64_t created_ms,
				  void **data, size_t *size, struct cb_bundle_manifest *m);
void cb_bundle_writer_free(struct cb_bundle_writer *w);
void cb_bundle_data_free(void *data);

/* Write data to path safely: a temporary file in the same folder (named
 * ".NAME.tmp-XXXXXX", which sync ignores), mode 0600, fsync, then into
 * place, then fsync of the folder. With no_replace an existing path is
 * left as it is (bundle names carry their digest, so it is the same
 * bundle). CB_IO / CB_FULL with errno kept on failure. */
cb_status cb_bundle_publish(const char *path, const void *data, size_t size, bool no_replace);

/* For tests and the hostile-bundle generator only: run sql (no checks,
 * any statement) on a copy of a bundle's bytes and return the result
 * (free with cb_bundle_data_free). */
cb_status cb_bundle_test_edit(const void *data, size_t n, const char *sql,
			      void **out, size_t *out_n);

#endif
