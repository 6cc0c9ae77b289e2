/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bundles are SQLite files of their own: this is storage code, so it may
 * include <sqlite3.h>. It never touches the live database's connection:
 * the ops it writes come through the caller, the ops it reads go back the
 * same way. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cambouis/bundle.h"
#include "cambouis/hlc.h"
#include "db-private.h"
#include "cambouis/i18n.h"
#include "cambouis/schema.h"
#include "cambouis/text.h"

/* The exact schema: sqlite_schema must hold these rows and nothing else. */
static const struct {
	const char *type, *name, *sql;
} schema[] = {
	{"table", "manifest",
	 "CREATE TABLE manifest(format INTEGER NOT NULL, min_reader INTEGER NOT NULL,"
	 " origin_site BLOB NOT NULL, origin_label TEXT NOT NULL,"
	 " created_ms INTEGER NOT NULL, op_count INTEGER NOT NULL, digest BLOB NOT NULL)"},
	{"table", "knowledge",
	 "CREATE TABLE knowledge(site BLOB NOT NULL, max_seq INTEGER NOT NULL)"},
	{"table", "ops",
	 "CREATE TABLE ops(n INTEGER PRIMARY KEY, op_id BLOB NOT NULL, site BLOB NOT NULL,"
	 " seq INTEGER NOT NULL, hlc INTEGER NOT NULL, kind INTEGER NOT NULL,"
	 " tbl INTEGER NOT NULL, row BLOB NOT NULL, field INTEGER NOT NULL, value)"},
};
#define N_SCHEMA (sizeof schema / sizeof schema[0])

#define MAX_KNOWLEDGE 100000
/* No field of any op is longer; anything longer is refused by SQLite
 * itself while reading (SQLITE_TOOBIG). */
#define MAX_VALUE_BYTES 65536

static const char *const reject_messages[] = {
#define CB_BUNDLE_REJECT_MSG(name, msg) msg,
	CB_BUNDLE_REJECT_INFO(CB_BUNDLE_REJECT_MSG)
#undef CB_BUNDLE_REJECT_MSG
};

const char *
cb_bundle_reject_message(enum cb_bundle_reject reason)
{
	if ((size_t)reason >= sizeof reject_messages / sizeof reject_messages[0])
		reason = CB_BUNDLE_DAMAGED;
	return _(reject_messages[reason]);
}

/* --- canonical encoding (the digest's input) ------------------------------ */

/* big-endian into p; returns the byte after */
static unsigned char *
be(unsigned char *p, uint64_t v, int bytes)
{
	for (int i = bytes - 1; i >= 0; i--)
		*p++ = (unsigned char)(v >> (8 * i));
	return p;
}

static void
put_u32(struct cb_sha256 *h, uint32_t v)
{
	unsigned char b[4];
	cb_sha256_update(h, b, (size_t)(be(b, v, 4) - b));
}

static void
put_u64(struct cb_sha256 *h, uint64_t v)
{
	unsigned char b[8];
	cb_sha256_update(h, b, (size_t)(be(b, v, 8) - b));
}

/* The canonical encoding of one op: its fixed part gathered first, as
 * hashing a few bytes at a time costs more than the bytes. */
static void
hash_op(struct cb_sha256 *h, const struct cb_op *op)
{
	unsigned char b[3 * CB_ID_LEN + 8 + 8 + 4 + 4 + 4 + 1 + 8], *p = b;
	size_t n = 0;

	memcpy(p, op->op_id.b, CB_ID_LEN);
	memcpy(p + CB_ID_LEN, op->site.b, CB_ID_LEN);
	p = be(p + 2 * CB_ID_LEN, (uint64_t)op->seq, 8);
	p = be(p, op->hlc, 8);
	p = be(p, (uint32_t)op->kind, 4);
	p = be(p, (uint32_t)op->table, 4);
	memcpy(p, op->row.b, CB_ID_LEN);
	p = be(p + CB_ID_LEN, (uint32_t)op->field, 4);
	*p++ = (unsigned char)op->value.type;
	if (op->value.type == CB_V_INT) {
		p = be(p, (uint64_t)op->value.i, 8);
	} else if (op->value.type == CB_V_TEXT) {
		n = strlen(op->value.s);
		p = be(p, (uint32_t)n, 4);
	}
	cb_sha256_update(h, b, (size_t)(p - b));
	if (n)
		cb_sha256_update(h, op->value.s, n);
}

struct site_seq {
	struct cb_id site;
	int64_t max_seq;
};

static void
hash_tail(struct cb_sha256 *h, const struct site_seq *k, size_t nk,
	  const struct cb_bundle_manifest *m)
{
	cb_sha256_update(h, "K", 1);
	put_u64(h, nk);
	for (size_t i = 0; i < nk; i++) {
		cb_sha256_update(h, k[i].site.b, CB_ID_LEN);
		put_u64(h, (uint64_t)k[i].max_seq);
	}
	cb_sha256_update(h, "M", 1);
	put_u32(h, (uint32_t)m->format);
	put_u32(h, (uint32_t)m->min_reader);
	cb_sha256_update(h, m->origin_site.b, CB_ID_LEN);
	put_u32(h, (uint32_t)strlen(m->origin_label));
	cb_sha256_update(h, m->origin_label, strlen(m->origin_label));
	put_u64(h, (uint64_t)m->created_ms);
	put_u64(h, (uint64_t)m->op_count);
}

static void
hash_start(struct cb_sha256 *h)
{
	static const char tag[] = "cambouis bundle\n";
	cb_sha256_init(h);
	cb_sha256_update(h, tag, sizeof tag - 1);
}

/* --- reading ---------------------------------------------------------------- */

struct cb_bundle {
	sqlite3 *h;
	struct cb_bundle_manifest m;
	struct site_seq *know;
	size_t n_know;
	uint64_t max_hlc;
};

static cb_status
reject(struct cb_bundle_why *why, enum cb_bundle_reject r, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static cb_status
reject(struct cb_bundle_why *why, enum cb_bundle_reject r, const char *fmt, ...)
{
	va_list ap;

	why->reason = r;
	why->detail[0] = '\0';
	if (fmt) {
		va_start(ap, fmt);
		vsnprintf(why->detail, sizeof why->detail, fmt, ap);
		va_end(ap);
	}
	/* one line, whatever SQLite or the file said */
	for (char *p = why->detail; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	return CB_INVALID;
}

/* A failure while reading the bundle's own SQLite file is the bundle's
 * fault, except running out of memory. */
static cb_status
sqlite_reject(struct cb_bundle *b, struct cb_bundle_why *why, int rc)
{
	if ((rc & 0xff) == SQLITE_NOMEM)
		return CB_NOMEM;
	if ((rc & 0xff) == SQLITE_TOOBIG)
		return reject(why, CB_BUNDLE_BAD_OP, "%s", "value too large");
	return reject(why, CB_BUNDLE_DAMAGED, "%s", sqlite3_errmsg(b->h));
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* What the 100-byte header says, before SQLite parses anything. */
static cb_status
check_header(const unsigned char *p, size_t n, struct cb_bundle_why *why)
{
	static const char magic[16] = "SQLite format 3";
	uint32_t app, reader;

	if (n < 512 || memcmp(p, magic, sizeof magic) != 0)
		return reject(why, CB_BUNDLE_NOT_BUNDLE, NULL);
	app = be32(p + 68);
	reader = be32(p + 60);
	if (app == 0x43414D42)
		return reject(why, CB_BUNDLE_DATABASE, NULL);
	if (app != CB_BUNDLE_APPLICATION_ID)
		return reject(why, CB_BUNDLE_FOREIGN, "application id %#x", app);
	if (reader > CB_BUNDLE_READER)
		return reject(why, CB_BUNDLE_TOO_NEW, "format %u", reader);
	if (reader < 1)
		return reject(why, CB_BUNDLE_NOT_BUNDLE, "format %u", reader);
	return CB_OK;
}

static int
pragma_int(sqlite3 *h, const char *sql, int64_t *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(st);
	return rc;
}

/* Open the bytes (ownership of buf passes to SQLite) defensively. */
static cb_status
open_defensive(struct cb_bundle *b, unsigned char *buf, size_t n, struct cb_bundle_why *why)
{
	static const struct {
		int id, value;
	} limits[] = {
		{SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES},
		{SQLITE_LIMIT_SQL_LENGTH, 4096},
		{SQLITE_LIMIT_COLUMN, 32},
		{SQLITE_LIMIT_EXPR_DEPTH, 16},
		{SQLITE_LIMIT_COMPOUND_SELECT, 2},
		{SQLITE_LIMIT_VDBE_OP, 2000},
		{SQLITE_LIMIT_FUNCTION_ARG, 4},
		{SQLITE_LIMIT_ATTACHED, 0},
		{SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 16},
		{SQLITE_LIMIT_VARIABLE_NUMBER, 16},
		{SQLITE_LIMIT_TRIGGER_DEPTH, 1},
		{SQLITE_LIMIT_WORKER_THREADS, 0},
	};
	int rc;

	cb_sqlite_setup();
	rc = sqlite3_open_v2(":memory:", &b->h,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE,
				 NULL);

	if (rc != SQLITE_OK) {
		sqlite3_free(buf);
		return (rc & 0xff) == SQLITE_NOMEM ? CB_NOMEM : CB_IO;
	}
	sqlite3_db_config(b->h, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(b->h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(b->h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
	sqlite3_db_config(b->h, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
	sqlite3_db_config(b->h, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
	sqlite3_db_config(b->h, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
	sqlite3_db_config(b->h, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
	for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++)
		sqlite3_limit(b->h, limits[i].id, limits[i].value);
	rc = sqlite3_deserialize(b->h, "main", buf, (sqlite3_int64)n, (sqlite3_int64)n,
				 SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY);
	if (rc != SQLITE_OK)
		return sqlite_reject(b, why, rc);
	if ((rc = sqlite3_exec(b->h, "PRAGMA cell_size_check = ON; PRAGMA query_only = ON",
			       NULL, NULL, NULL)) != SQLITE_OK)
		return sqlite_reject(b, why, rc);
	return CB_OK;
}

static cb_status
check_schema(struct cb_bundle *b, struct cb_bundle_why *why)
{
	sqlite3_stmt *st;
	size_t i = 0;
	int rc = sqlite3_prepare_v2(b->h, "SELECT type, name, tbl_name, sql FROM sqlite_schema"
				    " ORDER BY rowid", -1, &st, NULL);

	if (rc != SQLITE_OK)
		return sqlite_reject(b, why, rc);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 1);
		const char *tbl = (const char *)sqlite3_column_text(st, 2);
		const char *sql = (const char *)sqlite3_column_text(st, 3);
		if (i >= N_SCHEMA || !type || !name || !tbl || !sql ||
		    strcmp(type, schema[i].type) != 0 || strcmp(name, schema[i].name) != 0 ||
		    strcmp(tbl, schema[i].name) != 0 || strcmp(sql, schema[i].sql) != 0) {
			char what[64];
			snprintf(what, sizeof what, "%s '%s'", type ? type : "?", name ? name : "?");
			sqlite3_finalize(st);
			return reject(why, CB_BUNDLE_SCHEMA, "%s", what);
		}
		i++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sqlite_reject(b, why, rc);
	if (i != N_SCHEMA)
		return reject(why, CB_BUNDLE_SCHEMA, "table '%s' missing", schema[i].name);
	return CB_OK;
}

static cb_status
check_integrity(struct cb_bundle *b, struct cb_bundle_why *why)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(b->h, "PRAGMA integrity_check(1)", -1, &st, NULL);
	cb_status result = CB_OK;

	if (rc != SQLITE_OK)
		return sqlite_reject(b, why, rc);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(st, 0);
		static const char noise[] = "*** in database main ***\n";
		if (line && strncmp(line, noise, sizeof noise - 1) == 0)
			line += sizeof noise - 1;
		if (!line || strcmp(line, "ok") != 0)
			result = reject(why, CB_BUNDLE_DAMAGED, "%.100s", line ? line : "?");
	} else {
		result = sqlite_reject(b, why, rc);
	}
	sqlite3_finalize(st);
	return result;
}

static bool
blob_id(sqlite3_stmt *st, int col, struct cb_id *out)
{
	if (sqlite3_column_type(st, col) != SQLITE_BLOB || sqlite3_column_bytes(st, col) != CB_ID_LEN)
		return false;
	memcpy(out->b, sqlite3_column_blob(st, col), CB_ID_LEN);
	return true;
}

static bool
is_int(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_INTEGER;
}

static bool
valid_label(const char *s, size_t n)
{
	return n >= 1 && n <= CB_BUNDLE_LABEL_MAX && strlen(s) == n && cb_utf8_valid(s, n) &&
	       !cb_text_has_control(s, false);
}

static cb_status
read_manifest(struct cb_bundle *b, struct cb_bundle_why *why)
{
	struct cb_bundle_manifest *m = &b->m;
	sqlite3_stmt *st;
	int64_t rows;
	int rc;

	if ((rc = pragma_int(b->h, "SELECT count(*) FROM manifest", &rows)) != SQLITE_OK)
		return sqlite_reject(b, why, rc);
	if (rows != 1)
		return reject(why, CB_BUNDLE_MANIFEST, "%lld rows", (long long)rows);
	rc = sqlite3_prepare_v2(b->h, "SELECT format, min_reader, origin_site, origin_label,"
				" created_ms, op_count, digest FROM manifest", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return sqlite_reject(b, why, rc);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return sqlite_reject(b, why, rc);
	}
	const char *label = (const char *)sqlite3_column_text(st, 3);
	size_t label_n = (size_t)sqlite3_column_bytes(st, 3);
	int64_t format = sqlite3_column_int64(st, 0), reader = sqlite3_column_int64(st, 1);
	const char *bad = NULL;

	if (!is_int(st, 0) || !is_int(st, 1) || reader < 1 || format < reader || format > INT_MAX)
		bad = "format";
	else if (!blob_id(st, 2, &m->origin_site) || cb_id_is_zero(&m->origin_site))
		bad = "origin site";
	else if (sqlite3_column_type(st, 3) != SQLITE_TEXT || !label || !valid_label(label, label_n))
		bad = "origin label";
	else if (!is_int(st, 4) || !is_int(st, 5) || sqlite3_column_int64(st, 5) < 0)
		bad = "count";
	else if (sqlite3_column_type(st, 6) != SQLITE_BLOB ||
		 sqlite3_column_bytes(st, 6) != CB_SHA256_LEN)
		bad = "digest";
	if (bad) {
		sqlite3_finalize(st);
		return reject(why, CB_BUNDLE_MANIFEST, "%s", bad);
	}
	if (reader > CB_BUNDLE_READER) {
		sqlite3_finalize(st);
		return reject(why, CB_BUNDLE_TOO_NEW, "format %lld", (long long)reader);
	}
	m->format = (int)format;
	m->min_reader = (int)reader;
	memcpy(m->origin_label, label, label_n);
	m->origin_label[label_n] = '\0';
	m->created_ms = sqlite3_column_int64(st, 4);
	m->op_count = sqlite3_column_int64(st, 5);
	memcpy(m->digest, sqlite3_column_blob(st, 6), CB_SHA256_LEN);
	sqlite3_finalize(st);
	return CB_OK;
}

static int
site_cmp(const void *a, const void *b)
{
	return cb_id_cmp(&((const struct site_seq *)a)->site, &((const struct site_seq *)b)->site);
}

static cb_status
read_knowledge(struct cb_bundle *b, struct cb_bundle_why *why)
{
	sqlite3_stmt *st;
	int64_t rows;
	int rc;

	if ((rc = pragma_int(b->h, "SELECT count(*) FROM knowledge", &rows)) != SQLITE_OK)
		return sqlite_reject(b, why, rc);
	if (rows > MAX_KNOWLEDGE)
		return reject(why, CB_BUNDLE_MANIFEST, "%s", "knowledge too large");
	b->know = calloc((size_t)rows + 1, sizeof *b->know);
	if (!b->know)
		return CB_NOMEM;
	rc = sqlite3_prepare_v2(b->h, "SELECT site, max_seq FROM knowledge ORDER BY rowid", -1,
				&st, NULL);
	if (rc != SQLITE_OK)
		return sqlite_reject(b, why, rc);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct site_seq *k = &b->know[b->n_know];
		if (b->n_know >= (size_t)rows || !blob_id(st, 0, &k->site) ||
		    cb_id_is_zero(&k->site) || !is_int(st, 1) ||
		    (k->max_seq = sqlite3_column_int64(st, 1)) < 1) {
			sqlite3_finalize(st);
			return reject(why, CB_BUNDLE_MANIFEST, "knowledge row %zu", b->n_know + 1);
		}
		b->n_know++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sqlite_reject(b, why, rc);
	return CB_OK;
}

static const char SQL_OPS[] =
	"SELECT n, op_id, site, seq, hlc, kind, tbl, row, field, value FROM ops ORDER BY n";

/* Decode the row into op and check it (its value's meaning too when
 * check: a second pass over a bundle checked already need not, as
 * applying checks every op again); returns the reason or NONE. */
static enum cb_bundle_reject
decode_op(sqlite3_stmt *st, int64_t expect_n, struct cb_op *op, const char **what, bool check)
{
	memset(op, 0, sizeof *op);
	*what = "";
	if (!is_int(st, 0) || sqlite3_column_int64(st, 0) != expect_n) {
		*what = "numbering";
		return CB_BUNDLE_BAD_OP;
	}
	if (!blob_id(st, 1, &op->op_id) || !blob_id(st, 2, &op->site) || !blob_id(st, 7, &op->row)) {
		*what = "id length";
		return CB_BUNDLE_BAD_OP;
	}
	for (int c = 3; c <= 8; c++)
		if (c != 7 && !is_int(st, c)) {
			*what = "type";
			return CB_BUNDLE_BAD_OP;
		}
	op->seq = sqlite3_column_int64(st, 3);
	int64_t hlc = sqlite3_column_int64(st, 4);
	if (hlc < 1 || !cb_hlc_valid((uint64_t)hlc)) {
		*what = "clock";
		return CB_BUNDLE_BAD_OP;
	}
	op->hlc = (uint64_t)hlc;
	int64_t kind = sqlite3_column_int64(st, 5), tbl = sqlite3_column_int64(st, 6),
		field = sqlite3_column_int64(st, 8);
	if (kind < INT_MIN || kind > INT_MAX || tbl < INT_MIN || tbl > INT_MAX ||
	    field < INT_MIN || field > INT_MAX) {
		*what = "code";
		return CB_BUNDLE_UNKNOWN_KIND;
	}
	op->kind = (int)kind;
	op->table = (int)tbl;
	op->field = (int)field;
	if (!cb_op_target_known(op->kind, op->table, op->field)) {
		*what = "kind";
		return CB_BUNDLE_UNKNOWN_KIND;
	}
	switch (sqlite3_column_type(st, 9)) {
	case SQLITE_NULL:
		op->value.type = CB_V_NULL;
		break;
	case SQLITE_INTEGER:
		op->value.type = CB_V_INT;
		op->value.i = sqlite3_column_int64(st, 9);
		break;
	case SQLITE_TEXT: {
		const char *s = (const char *)sqlite3_column_text(st, 9);
		if (!s || strlen(s) != (size_t)sqlite3_column_bytes(st, 9)) {
			*what = "text";
			return CB_BUNDLE_BAD_OP;
		}
		op->value.type = CB_V_TEXT;
		op->value.s = s;
		break;
	}
	default:
		*what = "value type";
		return CB_BUNDLE_BAD_OP;
	}
	if (check && cb_op_validate(op) != CB_OK) {
		*what = "value";
		return CB_BUNDLE_BAD_OP;
	}
	return CB_BUNDLE_NONE;
}

static cb_status
check_ops(struct cb_bundle *b, const struct cb_bundle_limits *lim, struct cb_bundle_why *why)
{
	struct cb_sha256 h;
	unsigned char digest[CB_SHA256_LEN];
	sqlite3_stmt *st;
	struct cb_op op;
	int64_t n = 0;
	int rc = sqlite3_prepare_v2(b->h, SQL_OPS, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return sqlite_reject(b, why, rc);
	hash_start(&h);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *what;
		enum cb_bundle_reject r;

		if (++n > b->m.op_count) {
			sqlite3_finalize(st);
			return reject(why, CB_BUNDLE_COUNT, "more than %lld", (long long)b->m.op_count);
		}
		if (lim && lim->max_ops && n > lim->max_ops) {
			sqlite3_finalize(st);
			return reject(why, CB_BUNDLE_TOO_BIG, "more than %lld changes",
				      (long long)lim->max_ops);
		}
		if ((r = decode_op(st, n, &op, &what, true)) != CB_BUNDLE_NONE) {
			sqlite3_finalize(st);
			return reject(why, r, "change %lld: %s", (long long)n, what);
		}
		if (op.hlc > b->max_hlc)
			b->max_hlc = op.hlc;
		hash_op(&h, &op);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sqlite_reject(b, why, rc);
	if (n != b->m.op_count)
		return reject(why, CB_BUNDLE_COUNT, "%lld, manifest says %lld", (long long)n,
			      (long long)b->m.op_count);
	hash_tail(&h, b->know, b->n_know, &b->m);
	cb_sha256_final(&h, digest);
	if (memcmp(digest, b->m.digest, CB_SHA256_LEN) != 0)
		return reject(why, CB_BUNDLE_DIGEST, NULL);
	/* lookups by site from now on */
	if (b->n_know > 1)
		qsort(b->know, b->n_know, sizeof *b->know, site_cmp);
	for (size_t i = 1; i < b->n_know; i++)
		if (cb_id_cmp(&b->know[i - 1].site, &b->know[i].site) == 0)
			return reject(why, CB_BUNDLE_MANIFEST, "%s", "knowledge twice");
	return CB_OK;
}

/* buf (from sqlite3_malloc64) passes to the bundle in every case. */
static cb_status
read_owned(unsigned char *buf, size_t n, const struct cb_bundle_limits *lim,
	   struct cb_bundle **out, struct cb_bundle_why *why)
{
	struct cb_bundle *b;
	cb_status st;

	if ((st = check_header(buf, n, why)) != CB_OK) {
		sqlite3_free(buf);
		return st;
	}
	if (!(b = calloc(1, sizeof *b))) {
		sqlite3_free(buf);
		return CB_NOMEM;
	}
	if ((st = open_defensive(b, buf, n, why)) != CB_OK ||
	    (st = check_schema(b, why)) != CB_OK ||
	    (st = check_integrity(b, why)) != CB_OK ||
	    (st = read_manifest(b, why)) != CB_OK ||
	    (st = read_knowledge(b, why)) != CB_OK ||
	    (st = check_ops(b, lim, why)) != CB_OK) {
		cb_bundle_free(b);
		return st;
	}
	*out = b;
	return CB_OK;
}

static size_t
cap_of(const struct cb_bundle_limits *lim)
{
	return lim && lim->max_bytes ? lim->max_bytes : CB_BUNDLE_MAX_BYTES;
}

cb_status
cb_bundle_read_mem(const void *data, size_t n, const struct cb_bundle_limits *lim,
		   struct cb_bundle **out, struct cb_bundle_why *why)
{
	unsigned char *buf;

	*out = NULL;
	why->reason = CB_BUNDLE_NONE;
	why->detail[0] = '\0';
	if (n > cap_of(lim))
		return reject(why, CB_BUNDLE_TOO_BIG, "%zu bytes", n);
	if (n < 512)
		return reject(why, CB_BUNDLE_NOT_BUNDLE, n ? NULL : "empty file");
	if (!(buf = sqlite3_malloc64(n)))
		return CB_NOMEM;
	memcpy(buf, data, n);
	return read_owned(buf, n, lim, out, why);
}

cb_status
cb_bundle_read(const char *path, const struct cb_bundle_limits *lim,
	       struct cb_bundle **out, struct cb_bundle_why *why)
{
	struct stat sb;
	unsigned char *buf;
	size_t got = 0;
	int fd;

	*out = NULL;
	why->reason = CB_BUNDLE_NONE;
	why->detail[0] = '\0';
	/* O_NONBLOCK: a pipe or a device in its place must not hang the
	 * open; it is refused below as not a regular file */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0)
		return CB_IO;
	if (fstat(fd, &sb) != 0) {
		int e = errno;
		close(fd);
		errno = e;
		return CB_IO;
	}
	if (!S_ISREG(sb.st_mode)) {
		close(fd);
		return reject(why, CB_BUNDLE_NOT_BUNDLE, "%s", "not a regular file");
	}
	if ((uint64_t)sb.st_size > cap_of(lim)) {
		close(fd);
		return reject(why, CB_BUNDLE_TOO_BIG, "%lld bytes", (long long)sb.st_size);
	}
	if (sb.st_size < 512) {
		close(fd);
		return reject(why, CB_BUNDLE_NOT_BUNDLE, sb.st_size ? NULL : "empty file");
	}
	if (!(buf = sqlite3_malloc64((sqlite3_uint64)sb.st_size))) {
		close(fd);
		return CB_NOMEM;
	}
	while (got < (size_t)sb.st_size) {
		ssize_t r = read(fd, buf + got, (size_t)sb.st_size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	if (got != (size_t)sb.st_size) {
		/* it shrank while we read: someone is still writing it */
		sqlite3_free(buf);
		return reject(why, CB_BUNDLE_DAMAGED, "%s", "truncated while reading");
	}
	return read_owned(buf, got, lim, out, why);
}

void
cb_bundle_free(struct cb_bundle *b)
{
	if (!b)
		return;
	if (b->h)
		sqlite3_close(b->h);
	free(b->know);
	free(b);
}

const struct cb_bundle_manifest *
cb_bundle_manifest(const struct cb_bundle *b)
{
	return &b->m;
}

uint64_t
cb_bundle_max_hlc(const struct cb_bundle *b)
{
	return b->max_hlc;
}

int64_t
cb_bundle_knows(const struct cb_bundle *b, const struct cb_id *site)
{
	struct site_seq key = {.site = *site}, *k;

	k = b->n_know ? bsearch(&key, b->know, b->n_know, sizeof *b->know, site_cmp) : NULL;
	return k ? k->max_seq : 0;
}

cb_status
cb_bundle_each_op(struct cb_bundle *b, cb_op_visit_fn fn, void *arg)
{
	sqlite3_stmt *st;
	struct cb_op op;
	int64_t n = 0;
	cb_status result = CB_OK;
	int rc = sqlite3_prepare_v2(b->h, SQL_OPS, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return (rc & 0xff) == SQLITE_NOMEM ? CB_NOMEM : CB_DB_ERROR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *what;
		/* checked on reading; decoding again is what fills op */
		if (decode_op(st, ++n, &op, &what, false) != CB_BUNDLE_NONE) {
			result = CB_BAD_OP;
			break;
		}
		if ((result = fn(&op, arg)) != CB_OK)
			break;
	}
	if (result == CB_OK && rc != SQLITE_DONE)
		result = (rc & 0xff) == SQLITE_NOMEM ? CB_NOMEM : CB_DB_ERROR;
	sqlite3_finalize(st);
	return result;
}

/* --- writing ---------------------------------------------------------------- */

struct cb_bundle_writer {
	sqlite3 *h;
	sqlite3_stmt *ins;
	struct cb_sha256 hash;
	int64_t count;
	struct site_seq *know;
	size_t n_know, cap_know;
};

static cb_status
wfail(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_NOMEM: return CB_NOMEM;
	case SQLITE_FULL: return CB_FULL;
	case SQLITE_TOOBIG: return CB_TOO_LONG;
	default: return CB_DB_ERROR;
	}
}

cb_status
cb_bundle_writer_new(struct cb_bundle_writer **out)
{
	struct cb_bundle_writer *w = calloc(1, sizeof *w);
	char sql[160];
	int rc;

	*out = NULL;
	if (!w)
		return CB_NOMEM;
	cb_sqlite_setup();
	rc = sqlite3_open_v2(":memory:", &w->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc == SQLITE_OK) {
		snprintf(sql, sizeof sql,
			 "PRAGMA page_size = 4096; PRAGMA journal_mode = OFF;"
			 " PRAGMA application_id = %d; PRAGMA user_version = %d; BEGIN",
			 CB_BUNDLE_APPLICATION_ID, CB_BUNDLE_FORMAT);
		rc = sqlite3_exec(w->h, sql, NULL, NULL, NULL);
	}
	for (size_t i = 0; rc == SQLITE_OK && i < N_SCHEMA; i++)
		rc = sqlite3_exec(w->h, schema[i].sql, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(w->h, "INSERT INTO ops VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
					-1, &w->ins, NULL);
	if (rc != SQLITE_OK) {
		cb_bundle_writer_free(w);
		return wfail(rc);
	}
	hash_start(&w->hash);
	*out = w;
	return CB_OK;
}

cb_status
cb_bundle_writer_op(struct cb_bundle_writer *w, const struct cb_op *op)
{
	sqlite3_stmt *st = w->ins;
	int rc;

	if (w->n_know)
		return CB_DB_ERROR; /* ops come first: the digest's order */
	sqlite3_bind_int64(st, 1, w->count + 1);
	sqlite3_bind_blob(st, 2, op->op_id.b, CB_ID_LEN, SQLITE_STATIC);
	sqlite3_bind_blob(st, 3, op->site.b, CB_ID_LEN, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, op->seq);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)op->hlc);
	sqlite3_bind_int64(st, 6, op->kind);
	sqlite3_bind_int64(st, 7, op->table);
	sqlite3_bind_blob(st, 8, op->row.b, CB_ID_LEN, SQLITE_STATIC);
	sqlite3_bind_int64(st, 9, op->field);
	if (op->value.type == CB_V_INT)
		rc = sqlite3_bind_int64(st, 10, op->value.i);
	else if (op->value.type == CB_V_TEXT && op->value.s)
		rc = sqlite3_bind_text(st, 10, op->value.s, -1, SQLITE_STATIC);
	else
		rc = sqlite3_bind_null(st, 10);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	if (rc != SQLITE_OK)
		return wfail(rc);
	hash_op(&w->hash, op);
	w->count++;
	return CB_OK;
}

cb_status
cb_bundle_writer_knowledge(struct cb_bundle_writer *w, const struct cb_id *site, int64_t max_seq)
{
	if (w->n_know == w->cap_know) {
		size_t cap = w->cap_know ? w->cap_know * 2 : 16;
		struct site_seq *k = realloc(w->know, cap * sizeof *k);
		if (!k)
			return CB_NOMEM;
		w->know = k;
		w->cap_know = cap;
	}
	w->know[w->n_know].site = *site;
	w->know[w->n_know].max_seq = max_seq;
	w->n_know++;
	return CB_OK;
}

cb_status
cb_bundle_writer_finish(struct cb_bundle_writer *w, const struct cb_id *origin,
			const char *label, int64_t created_ms,
			void **data, size_t *size, struct cb_bundle_manifest *out)
{
	struct cb_bundle_manifest m;
	sqlite3_stmt *st;
	sqlite3_int64 n = 0;
	int64_t free_pages = 0;
	int rc;

	*data = NULL;
	*size = 0;
	if (!valid_label(label, strlen(label)))
		return CB_INVALID;
	memset(&m, 0, sizeof m);
	m.format = CB_BUNDLE_FORMAT;
	m.min_reader = CB_BUNDLE_FORMAT;
	m.origin_site = *origin;
	snprintf(m.origin_label, sizeof m.origin_label, "%s", label);
	m.created_ms = created_ms;
	m.op_count = w->count;
	hash_tail(&w->hash, w->know, w->n_know, &m);
	cb_sha256_final(&w->hash, m.digest);

	rc = sqlite3_prepare_v2(w->h, "INSERT INTO knowledge VALUES(?1, ?2)", -1, &st, NULL);
	for (size_t i = 0; rc == SQLITE_OK && i < w->n_know; i++) {
		sqlite3_bind_blob(st, 1, w->know[i].site.b, CB_ID_LEN, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, w->know[i].max_seq);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(w->h, "INSERT INTO manifest VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
					-1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int(st, 1, m.format);
		sqlite3_bind_int(st, 2, m.min_reader);
		sqlite3_bind_blob(st, 3, m.origin_site.b, CB_ID_LEN, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, m.origin_label, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 5, m.created_ms);
		sqlite3_bind_int64(st, 6, m.op_count);
		sqlite3_bind_blob(st, 7, m.digest, CB_SHA256_LEN, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(w->h, "COMMIT", NULL, NULL, NULL);
	/* only inserts ever ran, so there are no free pages; if some appear
	 * (a future change), compact rather than ship stale bytes */
	if (rc == SQLITE_OK && (rc = pragma_int(w->h, "PRAGMA freelist_count", &free_pages)) == SQLITE_OK &&
	    free_pages > 0)
		rc = sqlite3_exec(w->h, "VACUUM", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return wfail(rc);
	if (!(*data = sqlite3_serialize(w->h, "main", &n, 0)))
		return CB_NOMEM;
	/* the header's journal bytes say "legacy" already (journal_mode OFF) */
	*size = (size_t)n;
	if (out)
		*out = m;
	return CB_OK;
}

void
cb_bundle_writer_free(struct cb_bundle_writer *w)
{
	if (!w)
		return;
	sqlite3_finalize(w->ins);
	if (w->h)
		sqlite3_close(w->h);
	free(w->know);
	free(w);
}

void
cb_bundle_data_free(void *data)
{
	sqlite3_free(data);
}

/* --- for tests -------------------------------------------------------------- */

cb_status
cb_bundle_test_edit(const void *data, size_t n, const char *sql, void **out, size_t *out_n)
{
	sqlite3 *h;
	unsigned char *buf;
	sqlite3_int64 size = 0;
	int rc;

	*out = NULL;
	*out_n = 0;
	if (!(buf = sqlite3_malloc64(n ? n : 1)))
		return CB_NOMEM;
	memcpy(buf, data, n);
	cb_sqlite_setup();
	if (sqlite3_open_v2(":memory:", &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		sqlite3_free(buf);
		sqlite3_close(h);
		return CB_NOMEM;
	}
	rc = sqlite3_deserialize(h, "main", buf, (sqlite3_int64)n, (sqlite3_int64)n,
				 SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(h, sql, NULL, NULL, NULL);
	if (rc == SQLITE_OK && !(*out = sqlite3_serialize(h, "main", &size, 0)))
		rc = SQLITE_NOMEM;
	sqlite3_close(h);
	*out_n = (size_t)size;
	return rc == SQLITE_OK ? CB_OK : CB_DB_ERROR;
}
