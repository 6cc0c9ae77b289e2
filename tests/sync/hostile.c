/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/clock.h"
#include "cambouis/db.h"
#include "cambouis/hlc.h"
#include "cambouis/oplog.h"
#include "cambouis/sync.h"
#include "cambouis/venue.h"
#include "hostile.h"

/* SQL run on a copy of the good bundle, and the answer expected. */
static const struct {
	const char *name, *sql;
	int expect;
} edits[] = {
	{"foreign-app-id", "PRAGMA application_id = 305419896", CB_BUNDLE_FOREIGN},
	{"no-app-id", "PRAGMA application_id = 0", CB_BUNDLE_FOREIGN},
	{"cambouis-database", "PRAGMA application_id = 1128353090", CB_BUNDLE_DATABASE},
	{"newer-format", "PRAGMA user_version = 2", CB_BUNDLE_TOO_NEW},
	{"newer-min-reader", "UPDATE manifest SET format = 3, min_reader = 2", CB_BUNDLE_TOO_NEW},
	{"extra-table", "CREATE TABLE evil(x)", CB_BUNDLE_SCHEMA},
	{"extra-view", "CREATE VIEW v AS SELECT 1", CB_BUNDLE_SCHEMA},
	{"extra-trigger", "CREATE TRIGGER t AFTER INSERT ON ops BEGIN SELECT 1; END", CB_BUNDLE_SCHEMA},
	{"extra-index", "CREATE INDEX i ON ops(hlc)", CB_BUNDLE_SCHEMA},
	{"missing-table", "DROP TABLE knowledge", CB_BUNDLE_SCHEMA},
	{"altered-table", "PRAGMA writable_schema = ON;"
	 " UPDATE sqlite_schema SET sql = replace(sql, 'value)', 'value TEXT)') WHERE name = 'ops'",
	 CB_BUNDLE_SCHEMA},
	{"missing-manifest", "DELETE FROM manifest", CB_BUNDLE_MANIFEST},
	{"duplicated-manifest", "INSERT INTO manifest SELECT * FROM manifest", CB_BUNDLE_MANIFEST},
	{"manifest-bad-label", "UPDATE manifest SET origin_label = CAST(x'41c328' AS TEXT)", CB_BUNDLE_MANIFEST},
	{"manifest-empty-label", "UPDATE manifest SET origin_label = ''", CB_BUNDLE_MANIFEST},
	{"manifest-short-digest", "UPDATE manifest SET digest = x'00'", CB_BUNDLE_MANIFEST},
	{"manifest-text-count", "UPDATE manifest SET op_count = 'many'", CB_BUNDLE_MANIFEST},
	{"manifest-short-site", "UPDATE manifest SET origin_site = x'0102'", CB_BUNDLE_MANIFEST},
	{"knowledge-short-site", "UPDATE knowledge SET site = x'01'", CB_BUNDLE_MANIFEST},
	{"knowledge-zero-seq", "UPDATE knowledge SET max_seq = 0", CB_BUNDLE_MANIFEST},
	{"count-plus-one", "UPDATE manifest SET op_count = op_count + 1", CB_BUNDLE_COUNT},
	{"count-minus-one", "UPDATE manifest SET op_count = op_count - 1", CB_BUNDLE_COUNT},
	{"digest-zero", "UPDATE manifest SET digest = zeroblob(32)", CB_BUNDLE_DIGEST},
	{"value-altered", "UPDATE ops SET value = 'Hacked' WHERE n ="
	 " (SELECT min(n) FROM ops WHERE typeof(value) = 'text')", CB_BUNDLE_DIGEST},
	{"op-dropped", "DELETE FROM ops WHERE n = (SELECT max(n) FROM ops);"
	 " UPDATE manifest SET op_count = op_count - 1", CB_BUNDLE_DIGEST},
	{"knowledge-altered", "UPDATE knowledge SET max_seq = max_seq + 1", CB_BUNDLE_DIGEST},
	{"label-altered", "UPDATE manifest SET origin_label = 'mallory'", CB_BUNDLE_DIGEST},
	{"short-op-id", "UPDATE ops SET op_id = x'0011' WHERE n = 1", CB_BUNDLE_BAD_OP},
	{"long-row-id", "UPDATE ops SET row = row || x'00' WHERE n = 1", CB_BUNDLE_BAD_OP},
	{"text-site", "UPDATE ops SET site = 'abcdefghijklmnop' WHERE n = 1", CB_BUNDLE_BAD_OP},
	{"zero-op-id", "UPDATE ops SET op_id = zeroblob(16) WHERE n = 1", CB_BUNDLE_BAD_OP},
	{"invalid-utf8", "UPDATE ops SET value = CAST(x'4162ff63' AS TEXT) WHERE n ="
	 " (SELECT min(n) FROM ops WHERE typeof(value) = 'text')", CB_BUNDLE_BAD_OP},
	{"overlong-utf8", "UPDATE ops SET value = CAST(x'41c0af' AS TEXT) WHERE n ="
	 " (SELECT min(n) FROM ops WHERE typeof(value) = 'text')", CB_BUNDLE_BAD_OP},
	{"embedded-nul", "UPDATE ops SET value = CAST(x'410042' AS TEXT) WHERE n ="
	 " (SELECT min(n) FROM ops WHERE typeof(value) = 'text')", CB_BUNDLE_BAD_OP},
	{"control-char", "UPDATE ops SET value = CAST(x'41071b42' AS TEXT) WHERE n ="
	 " (SELECT min(n) FROM ops WHERE typeof(value) = 'text' AND field = 1)", CB_BUNDLE_BAD_OP},
	{"oversized-value", "UPDATE ops SET value = printf('%.*c', 200000, 'x') WHERE n ="
	 " (SELECT min(n) FROM ops WHERE typeof(value) = 'text')", CB_BUNDLE_BAD_OP},
	{"too-long-name", "UPDATE ops SET value = printf('%.*c', 3000, 'x') WHERE n ="
	 " (SELECT min(n) FROM ops WHERE typeof(value) = 'text' AND field = 1)", CB_BUNDLE_BAD_OP},
	{"real-value", "UPDATE ops SET value = 1.5 WHERE n = 1", CB_BUNDLE_BAD_OP},
	{"blob-value", "UPDATE ops SET value = x'00ff' WHERE n = 1", CB_BUNDLE_BAD_OP},
	{"int-for-text", "UPDATE ops SET value = 7 WHERE n ="
	 " (SELECT min(n) FROM ops WHERE typeof(value) = 'text' AND field = 1)", CB_BUNDLE_BAD_OP},
	{"capacity-out-of-range", "UPDATE ops SET value = 1000000000 WHERE n ="
	 " (SELECT min(n) FROM ops WHERE field = 4)", CB_BUNDLE_BAD_OP},
	{"clock-zero", "UPDATE ops SET hlc = 0 WHERE n = 1", CB_BUNDLE_BAD_OP},
	{"clock-negative", "UPDATE ops SET hlc = -5 WHERE n = 1", CB_BUNDLE_BAD_OP},
	{"seq-zero", "UPDATE ops SET seq = 0 WHERE n = 1", CB_BUNDLE_BAD_OP},
	{"numbering-gap", "UPDATE ops SET n = n + 1000 WHERE n = 2", CB_BUNDLE_BAD_OP},
	{"unknown-kind", "UPDATE ops SET kind = 99 WHERE n = 1", CB_BUNDLE_UNKNOWN_KIND},
	{"unknown-table", "UPDATE ops SET tbl = 50 WHERE n = 1", CB_BUNDLE_UNKNOWN_KIND},
	{"unknown-field", "UPDATE ops SET field = 77 WHERE n = 1", CB_BUNDLE_UNKNOWN_KIND},
	{"huge-kind", "UPDATE ops SET kind = 9000000000 WHERE n = 1", CB_BUNDLE_UNKNOWN_KIND},
	/* an erasure names a person (field 0) and carries no value */
	{"forget-of-a-venue", "UPDATE ops SET kind = 2, value = NULL WHERE n = 1",
	 CB_BUNDLE_UNKNOWN_KIND},
	{"forget-with-a-value", "UPDATE ops SET kind = 2, tbl = 20, field = 0 WHERE n = 1",
	 CB_BUNDLE_BAD_OP},
};

static int
emit(hostile_fn fn, void *arg, const struct hostile_base *base, const char *name,
     const void *data, size_t size, int expect)
{
	struct hostile h;

	memset(&h, 0, sizeof h);
	snprintf(h.name, sizeof h.name, "%s", name);
	if (!(h.data = malloc(size ? size : 1)))
		return -1;
	if (size)
		memcpy(h.data, data, size);
	h.size = size;
	h.expect = expect;
	fn(&h, base, arg);
	return 0;
}

static uint64_t
next(uint64_t *s)
{
	/* splitmix64: small, seedable, good enough for test data */
	uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

struct capture {
	unsigned char *data;
	size_t size;
	struct cb_bundle_manifest m;
};

static cb_status
capture(const void *data, size_t size, const struct cb_bundle_manifest *m, void *arg)
{
	struct capture *c = arg;

	if (!(c->data = malloc(size)))
		return CB_NOMEM;
	memcpy(c->data, data, size);
	c->size = size;
	c->m = *m;
	return CB_OK;
}

/* A small laptop with three venues, exported whole. */
static int
good_bundle(struct capture *c)
{
	static const struct cb_venue_input venues[] = {
		{.name = "Centre social de la Vallée Violette", .commune = "Tours",
		 .notes = "Entrée côté parking", .set_capacity = true, .capacity = 12},
		{.name = "Lycée Jacques-de-Vaucanson", .address = "1 rue Védrines", .commune = "Tours"},
		{.name = "Gymnase du Morier", .commune = "Joué-lès-Tours", .set_capacity = true,
		 .capacity = 30},
	};
	struct cb_export_opts o = {.full = true};
	struct cb_export_result r;
	struct cb_db *db;
	struct cb_id id;

	cb_clock_pin(1772384400000LL); /* 2026-03-01 18:00 */
	if (cb_db_open(":memory:", CB_OPEN_CREATE, &db, NULL, 0) != CB_OK)
		return -1;
	if (cb_db_set_site_label(db, "alpha") != CB_OK)
		goto failed;
	for (size_t i = 0; i < sizeof venues / sizeof venues[0]; i++)
		if (cb_venue_add(db, &venues[i], &id, NULL) != CB_OK)
			goto failed;
	if (cb_sync_export(db, &o, capture, c, &r) != CB_OK)
		goto failed;
	cb_db_close(db);
	return 0;
failed:
	cb_db_close(db);
	return -1;
}

/* A bundle with valid digest and structure whose ops carry the given
 * clocks (0 ends the list), each setting a venue's name. */
static int
clock_bundle(hostile_fn fn, void *arg, const struct hostile_base *base, const char *name,
	     const uint64_t *hlcs, int expect, bool future)
{
	struct cb_bundle_writer *w;
	struct cb_op op;
	struct hostile h;
	void *data;
	size_t size;
	int64_t ms = 4102444800000LL; /* 2100-01-01 */
	int64_t seq = 0;
	int rc = -1;

	memset(&op, 0, sizeof op);
	if (cb_bundle_writer_new(&w) != CB_OK)
		return -1;
	if (cb_id_new(&op.site, ms) != CB_OK)
		goto out;
	for (; hlcs[seq]; seq++) {
		if (cb_id_new(&op.op_id, ms) != CB_OK || cb_id_new(&op.row, ms) != CB_OK)
			goto out;
		op.seq = seq + 1;
		op.hlc = hlcs[seq];
		op.kind = CB_OP_SET;
		op.table = CB_T_VENUE;
		op.field = CB_F_VENUE_NAME;
		op.value.type = CB_V_TEXT;
		op.value.s = "Salle du futur";
		if (cb_bundle_writer_op(w, &op) != CB_OK)
			goto out;
	}
	if (cb_bundle_writer_knowledge(w, &op.site, seq) != CB_OK ||
	    cb_bundle_writer_finish(w, &op.site, "future", ms, &data, &size, NULL) != CB_OK)
		goto out;
	memset(&h, 0, sizeof h);
	snprintf(h.name, sizeof h.name, "%s", name);
	h.data = malloc(size);
	if (h.data) {
		memcpy(h.data, data, size);
		h.size = size;
		h.expect = expect;
		h.future = future;
		fn(&h, base, arg);
		rc = 0;
	}
	cb_bundle_data_free(data);
out:
	cb_bundle_writer_free(w);
	return rc;
}

/* Clocks from a laptop set in 2100 are accepted (flagged); a clock past
 * the horizon (the end of 2199) is an invalid op, which rejects its
 * whole bundle, whatever the other ops are: once accepted, such a clock
 * would be relayed everywhere and stop every laptop's local writes. */
static int
clock_bundles(hostile_fn fn, void *arg, const struct hostile_base *base)
{
	static const uint64_t y2100[] = {(uint64_t)4102444800000LL << 16, 0};
	static const uint64_t horizon[] = {CB_HLC_MAX, 0};
	static const uint64_t past[] = {CB_HLC_MAX + 1, 0};
	static const uint64_t int64_max[] = {(uint64_t)INT64_MAX, 0};
	static const uint64_t near_max[] = {(uint64_t)INT64_MAX - 3, 0};
	static const uint64_t uint_top[] = {(uint64_t)1 << 62, 0};
	static const uint64_t among_good[] = {(uint64_t)1772384400000LL << 16,
					      ((uint64_t)1772384400000LL << 16) + 1,
					      (uint64_t)INT64_MAX, 0};
	int rc = 0;

	rc |= clock_bundle(fn, arg, base, "clock-far-future", y2100, CB_BUNDLE_NONE, true);
	rc |= clock_bundle(fn, arg, base, "clock-at-horizon", horizon, CB_BUNDLE_NONE, true);
	rc |= clock_bundle(fn, arg, base, "clock-past-horizon", past, CB_BUNDLE_BAD_OP, false);
	rc |= clock_bundle(fn, arg, base, "clock-int64-max", int64_max, CB_BUNDLE_BAD_OP, false);
	rc |= clock_bundle(fn, arg, base, "clock-near-int64-max", near_max, CB_BUNDLE_BAD_OP, false);
	rc |= clock_bundle(fn, arg, base, "clock-2-pow-62", uint_top, CB_BUNDLE_BAD_OP, false);
	rc |= clock_bundle(fn, arg, base, "clock-past-horizon-among-good", among_good,
			   CB_BUNDLE_BAD_OP, false);
	return rc;
}

/* The semantic corpus: bundles whose digest and structure are valid and
 * whose one bad op (among a good one) means nothing its field allows. The
 * whole bundle is refused, as for any invalid op. Ids and clocks are
 * fixed, so the same files come out every time (tests/data/semantic). A
 * reference to a row that has not arrived is well-formed and accepted: a
 * sync may bring a session before its venue. */
struct meaning_case {
	const char *name;
	int table, field;
	const char *text; /* NULL: the integer */
	long long i;
	int expect;
};

static const struct meaning_case meaning_cases[] = {
	{"semantic-date-2026-99-99", CB_T_SESSION, CB_F_SESSION_DATE, "2026-99-99", 0,
	 CB_BUNDLE_BAD_OP},
	{"semantic-date-feb-30", CB_T_SESSION, CB_F_SESSION_DATE, "2026-02-30", 0, CB_BUNDLE_BAD_OP},
	{"semantic-date-2200", CB_T_VENUE_CLOSURE, CB_F_CLOSURE_TO, "2200-01-01", 0,
	 CB_BUNDLE_BAD_OP},
	{"semantic-time-99-99", CB_T_SESSION, CB_F_SESSION_START, "99:99", 0, CB_BUNDLE_BAD_OP},
	{"semantic-checkin-25-00", CB_T_ATTENDANCE, CB_F_ATT_CHECKIN, "25:00", 0, CB_BUNDLE_BAD_OP},
	{"semantic-birth-year-9999", CB_T_PERSON, CB_F_PERSON_BIRTH_YEAR, NULL, 9999,
	 CB_BUNDLE_BAD_OP},
	{"semantic-name-newline", CB_T_PERSON, CB_F_PERSON_NAME, "Zoé\nS.", 0, CB_BUNDLE_BAD_OP},
	{"semantic-name-tab", CB_T_PERSON, CB_F_PERSON_NAME, "Zoé\tS.", 0, CB_BUNDLE_BAD_OP},
	{"semantic-venue-name-newline", CB_T_VENUE, CB_F_VENUE_NAME, "Halle\nB", 0,
	 CB_BUNDLE_BAD_OP},
	{"semantic-series-venues-non-hex", CB_T_SERIES, CB_F_SERIES_VENUES,
	 "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", 0, CB_BUNDLE_BAD_OP},
	{"semantic-series-venues-trailing-comma", CB_T_SERIES, CB_F_SERIES_VENUES,
	 "0123456789abcdef0123456789abcdef,", 0, CB_BUNDLE_BAD_OP},
	{"semantic-ref-upper-case", CB_T_SESSION, CB_F_SESSION_VENUE,
	 "0123456789ABCDEF0123456789ABCDEF", 0, CB_BUNDLE_BAD_OP},
	{"semantic-ref-not-hex", CB_T_ATTENDANCE, CB_F_ATT_PERSON,
	 "not-an-id-but-as-long-as-one-is!", 0, CB_BUNDLE_BAD_OP},
	{"semantic-languages-digits", CB_T_PERSON, CB_F_PERSON_LANGUAGES, "f1", 0,
	 CB_BUNDLE_BAD_OP},
	{"semantic-level-0", CB_T_SKILL, CB_F_SKILL_LEVEL, NULL, 0, CB_BUNDLE_BAD_OP},
	{"semantic-ref-dangling", CB_T_SESSION, CB_F_SESSION_VENUE,
	 "0123456789abcdef0123456789abcdef", 0, CB_BUNDLE_NONE},
	/* the parts inventory */
	{"semantic-count-below-zero", CB_T_COUNT, CB_F_COUNT_QTY, NULL, -1, CB_BUNDLE_BAD_OP},
	{"semantic-move-reason-99", CB_T_MOVE, CB_F_MOVE_REASON, NULL, 99, CB_BUNDLE_BAD_OP},
	{"semantic-move-qty-huge", CB_T_MOVE, CB_F_MOVE_QTY, NULL, 2000000000, CB_BUNDLE_BAD_OP},
	{"semantic-part-name-newline", CB_T_PART, CB_F_PART_NAME, "Chambre\n700c", 0,
	 CB_BUNDLE_BAD_OP},
	{"semantic-move-part-dangling", CB_T_MOVE, CB_F_MOVE_PART,
	 "0123456789abcdef0123456789abcdef", 0, CB_BUNDLE_NONE},
};

static int
meaning_bundle(hostile_fn fn, void *arg, const struct hostile_base *base,
	       const struct meaning_case *c)
{
	struct cb_bundle_writer *w;
	struct cb_op op;
	struct hostile h;
	void *data;
	size_t size;
	int64_t ms = 1772384400000LL; /* 2026-03-01 18:00 */
	int rc = -1;

	memset(&op, 0, sizeof op);
	memset(&op.site, 0x5e, sizeof op.site);
	if (cb_bundle_writer_new(&w) != CB_OK)
		return -1;
	/* a good op, then the bad one */
	for (int k = 0; k < 2; k++) {
		memset(&op.op_id, 0x10 + k, sizeof op.op_id);
		memset(&op.row, 0x20 + k, sizeof op.row);
		op.seq = k + 1;
		op.hlc = ((uint64_t)ms << 16) + (uint64_t)k;
		op.kind = CB_OP_SET;
		if (k == 0) {
			op.table = CB_T_VENUE;
			op.field = CB_F_VENUE_NAME;
			op.value = (struct cb_value){CB_V_TEXT, 0, "Salle des fêtes"};
		} else {
			op.table = c->table;
			op.field = c->field;
			op.value = c->text ? (struct cb_value){CB_V_TEXT, 0, c->text}
					   : (struct cb_value){CB_V_INT, c->i, NULL};
		}
		if (cb_bundle_writer_op(w, &op) != CB_OK)
			goto out;
	}
	if (cb_bundle_writer_knowledge(w, &op.site, 2) != CB_OK ||
	    cb_bundle_writer_finish(w, &op.site, "semantic", ms, &data, &size, NULL) != CB_OK)
		goto out;
	memset(&h, 0, sizeof h);
	snprintf(h.name, sizeof h.name, "%s", c->name);
	h.data = malloc(size);
	if (h.data) {
		memcpy(h.data, data, size);
		h.size = size;
		h.expect = c->expect;
		fn(&h, base, arg);
		rc = 0;
	}
	cb_bundle_data_free(data);
out:
	cb_bundle_writer_free(w);
	return rc;
}

int
hostile_semantic(hostile_fn fn, void *arg)
{
	int rc = 0;

	for (size_t i = 0; i < sizeof meaning_cases / sizeof meaning_cases[0]; i++)
		rc |= meaning_bundle(fn, arg, NULL, &meaning_cases[i]);
	return rc;
}

int
hostile_generate(uint64_t seed, hostile_fn fn, void *arg)
{
	struct capture good = {0};
	struct hostile_base base;
	unsigned char *buf;
	char name[64];
	uint64_t s = seed;
	int rc = 0;

	if (good_bundle(&good) != 0)
		return -1;
	base.data = good.data;
	base.size = good.size;
	memcpy(base.digest, good.m.digest, sizeof base.digest);
	base.op_count = good.m.op_count;

	rc |= emit(fn, arg, &base, "good", good.data, good.size, CB_BUNDLE_NONE);
	for (size_t i = 0; i < sizeof meaning_cases / sizeof meaning_cases[0]; i++)
		rc |= meaning_bundle(fn, arg, &base, &meaning_cases[i]);
	rc |= emit(fn, arg, &base, "empty", "", 0, CB_BUNDLE_NOT_BUNDLE);
	if (!(buf = malloc(good.size))) {
		free(good.data);
		return -1;
	}
	for (size_t i = 0; i < good.size; i++)
		buf[i] = (unsigned char)next(&s);
	rc |= emit(fn, arg, &base, "random-bytes", buf, 4096, CB_BUNDLE_NOT_BUNDLE);
	memcpy(buf, good.data, 100); /* a valid-looking header over noise */
	rc |= emit(fn, arg, &base, "random-pages", buf, good.size, HOSTILE_ANY);
	memcpy(buf, good.data, good.size);
	buf[18] = buf[19] = 2; /* claims WAL mode */
	rc |= emit(fn, arg, &base, "wal-header", buf, good.size, HOSTILE_ANY);

	/* truncations: at page edges and at random */
	size_t cuts[] = {1, 16, 99, 100, 511, 512, 1024, 4095, 4096, 4097, 8192,
			 good.size / 2, good.size - 4096, good.size - 1};
	for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
		snprintf(name, sizeof name, "truncated-%zu", cuts[i]);
		rc |= emit(fn, arg, &base, name, good.data, cuts[i],
			   cuts[i] < 512 ? CB_BUNDLE_NOT_BUNDLE : HOSTILE_ANY);
	}
	for (int i = 0; i < 12; i++) {
		size_t cut = 512 + next(&s) % (good.size - 512);
		snprintf(name, sizeof name, "truncated-rand-%zu", cut);
		rc |= emit(fn, arg, &base, name, good.data, cut, HOSTILE_ANY);
	}
	/* bit flips anywhere */
	for (int i = 0; i < 48; i++) {
		size_t at = next(&s) % good.size;
		unsigned bit = (unsigned)(next(&s) % 8);
		memcpy(buf, good.data, good.size);
		buf[at] ^= (unsigned char)(1u << bit);
		snprintf(name, sizeof name, "bitflip-%zu-%u", at, bit);
		rc |= emit(fn, arg, &base, name, buf, good.size, HOSTILE_ANY_OR_SAME);
	}
	free(buf);

	for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++) {
		void *out;
		size_t n;
		if (cb_bundle_test_edit(good.data, good.size, edits[i].sql, &out, &n) != CB_OK) {
			fprintf(stderr, "hostile: cannot make %s\n", edits[i].name);
			rc = -1;
			continue;
		}
		rc |= emit(fn, arg, &base, edits[i].name, out, n, edits[i].expect);
		cb_bundle_data_free(out);
	}
	{
		struct hostile h;
		memset(&h, 0, sizeof h);
		snprintf(h.name, sizeof h.name, "over-size-cap");
		if ((h.data = malloc(good.size))) {
			memcpy(h.data, good.data, good.size);
			h.size = good.size;
			h.expect = CB_BUNDLE_TOO_BIG;
			h.max_bytes = good.size - 1;
			fn(&h, &base, arg);
		} else {
			rc = -1;
		}
	}
	rc |= clock_bundles(fn, arg, &base);
	free(good.data);
	return rc ? -1 : 0;
}
