/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Crafted bundles for the key storm (tests/ui/storm.sh): what a careless
 * or hostile peer could send with a valid digest.
 *
 *   storm-bundles DIR YYYY-MM-DD SEED
 *
 * writes DIR/NNN.cambouis, one row of one table per bundle (every field
 * of it, from its own laptop), so that a bundle the importer refuses
 * costs one row only. The rows point at each other: venues, series,
 * sessions on the given day and around it (two on the day itself),
 * closures, people, consents, attendance at the day's sessions, pairs,
 * sign-offs. Half the rows carry plausible values at the edges (the
 * longest names, double-width and combining characters, format
 * characters, empty texts, the smallest and largest numbers, references to
 * rows that do not exist); the other half carry values a validator should
 * refuse (dates 2026-99-99, times 99:99, ids that are not hex). The same
 * seed gives the same files. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/bundle.h"
#include "cambouis/date.h"
#include "cambouis/schema.h"

static uint64_t state;

/* splitmix64 */
static uint64_t
next(void)
{
	uint64_t z = (state += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static unsigned
below(unsigned n)
{
	return (unsigned)(next() % n);
}

#define N(a) (sizeof a / sizeof a[0])

/* What a field holds, to pick values that mean something (or nearly). */
enum kind { K_TEXT, K_NAME, K_INT, K_BOOL, K_DATE, K_TIME, K_REF, K_REFS };

struct field {
	int table, field;
	enum kind kind;
	int ref;          /* K_REF, K_REFS: the table referred to */
	long long lo, hi; /* K_INT: the range; K_TEXT/K_NAME: the longest */
};

static const struct field fields[] = {
	{CB_T_VENUE, CB_F_VENUE_NAME, K_NAME, 0, 0, 120},
	{CB_T_VENUE, CB_F_VENUE_ADDRESS, K_TEXT, 0, 0, 500},
	{CB_T_VENUE, CB_F_VENUE_COMMUNE, K_TEXT, 0, 0, 500},
	{CB_T_VENUE, CB_F_VENUE_CAPACITY, K_INT, 0, 0, 100000},
	{CB_T_VENUE, CB_F_VENUE_NOTES, K_TEXT, 0, 0, 2000},
	{CB_T_VENUE, CB_F_VENUE_DELETED, K_BOOL, 0, 0, 1},
	{CB_T_SERIES, CB_F_SERIES_FIRST, K_DATE, 0, 0, 0},
	{CB_T_SERIES, CB_F_SERIES_START, K_TIME, 0, 0, 0},
	{CB_T_SERIES, CB_F_SERIES_END, K_TIME, 0, 0, 0},
	{CB_T_SERIES, CB_F_SERIES_EVERY_WEEKS, K_INT, 0, 1, 52},
	{CB_T_SERIES, CB_F_SERIES_VENUES, K_REFS, CB_T_VENUE, 0, 0},
	{CB_T_SERIES, CB_F_SERIES_UNTIL, K_DATE, 0, 0, 0},
	{CB_T_SERIES, CB_F_SERIES_COUNT, K_INT, 0, 1, 2000},
	{CB_T_SERIES, CB_F_SERIES_HOLIDAYS, K_INT, 0, 0, 3},
	{CB_T_SESSION, CB_F_SESSION_SERIES, K_REF, CB_T_SERIES, 0, 0},
	{CB_T_SESSION, CB_F_SESSION_SLOT, K_INT, 0, 0, 100000},
	{CB_T_SESSION, CB_F_SESSION_DATE, K_DATE, 0, 0, 0},
	{CB_T_SESSION, CB_F_SESSION_START, K_TIME, 0, 0, 0},
	{CB_T_SESSION, CB_F_SESSION_END, K_TIME, 0, 0, 0},
	{CB_T_SESSION, CB_F_SESSION_VENUE, K_REF, CB_T_VENUE, 0, 0},
	{CB_T_SESSION, CB_F_SESSION_STATUS, K_INT, 0, 0, 2},
	{CB_T_SESSION, CB_F_SESSION_REASON, K_TEXT, 0, 0, 500},
	{CB_T_SESSION, CB_F_SESSION_NOTES, K_TEXT, 0, 0, 2000},
	{CB_T_SESSION, CB_F_SESSION_EDITED, K_BOOL, 0, 0, 1},
	{CB_T_SESSION, CB_F_SESSION_DELETED, K_BOOL, 0, 0, 1},
	{CB_T_VENUE_CLOSURE, CB_F_CLOSURE_VENUE, K_REF, CB_T_VENUE, 0, 0},
	{CB_T_VENUE_CLOSURE, CB_F_CLOSURE_FROM, K_DATE, 0, 0, 0},
	{CB_T_VENUE_CLOSURE, CB_F_CLOSURE_TO, K_DATE, 0, 0, 0},
	{CB_T_VENUE_CLOSURE, CB_F_CLOSURE_REASON, K_TEXT, 0, 0, 500},
	{CB_T_VENUE_CLOSURE, CB_F_CLOSURE_DELETED, K_BOOL, 0, 0, 1},
	{CB_T_PERSON, CB_F_PERSON_NAME, K_NAME, 0, 1, 80},
	{CB_T_PERSON, CB_F_PERSON_LEARNER, K_BOOL, 0, 0, 1},
	{CB_T_PERSON, CB_F_PERSON_MENTOR, K_BOOL, 0, 0, 1},
	{CB_T_PERSON, CB_F_PERSON_ORGANISER, K_BOOL, 0, 0, 1},
	{CB_T_PERSON, CB_F_PERSON_CATEGORY, K_NAME, 0, 1, 60},
	{CB_T_PERSON, CB_F_PERSON_BIRTH_YEAR, K_INT, 0, 1900, 9999},
	{CB_T_PERSON, CB_F_PERSON_CONTACT, K_TEXT, 0, 1, 200},
	{CB_T_PERSON, CB_F_PERSON_LANGUAGES, K_NAME, 0, 2, 60},
	{CB_T_PERSON, CB_F_PERSON_NOTES, K_TEXT, 0, 1, 1000},
	{CB_T_PERSON, CB_F_PERSON_ATTESTATION, K_DATE, 0, 0, 0},
	{CB_T_PERSON, CB_F_PERSON_TRAINED_BY, K_REF, CB_T_PERSON, 0, 0},
	{CB_T_PERSON, CB_F_PERSON_PROMOTED_ON, K_DATE, 0, 0, 0},
	{CB_T_PERSON, CB_F_PERSON_ADDED_ON, K_DATE, 0, 0, 0},
	{CB_T_PERSON, CB_F_PERSON_DELETED, K_BOOL, 0, 0, 1},
	{CB_T_CONSENT, CB_F_CONSENT_PERSON, K_REF, CB_T_PERSON, 0, 0},
	{CB_T_CONSENT, CB_F_CONSENT_PURPOSE, K_NAME, 0, 1, 40},
	{CB_T_CONSENT, CB_F_CONSENT_BY, K_INT, 0, 1, 3},
	{CB_T_CONSENT, CB_F_CONSENT_DATE, K_DATE, 0, 0, 0},
	{CB_T_CONSENT, CB_F_CONSENT_WITHDRAWN, K_DATE, 0, 0, 0},
	{CB_T_ATTENDANCE, CB_F_ATT_PERSON, K_REF, CB_T_PERSON, 0, 0},
	{CB_T_ATTENDANCE, CB_F_ATT_SESSION, K_REF, CB_T_SESSION, 0, 0},
	{CB_T_ATTENDANCE, CB_F_ATT_ROLE, K_INT, 0, 1, 3},
	{CB_T_ATTENDANCE, CB_F_ATT_CHECKIN, K_TIME, 0, 0, 0},
	{CB_T_ATTENDANCE, CB_F_ATT_CHECKOUT, K_TIME, 0, 0, 0},
	{CB_T_ATTENDANCE, CB_F_ATT_DELETED, K_BOOL, 0, 0, 1},
	{CB_T_PAIRING, CB_F_PAIRING_MENTOR, K_REF, CB_T_PERSON, 0, 0},
	{CB_T_PAIRING, CB_F_PAIRING_LEARNER, K_REF, CB_T_PERSON, 0, 0},
	{CB_T_PAIRING, CB_F_PAIRING_STATUS, K_INT, 0, 0, 2},
	{CB_T_PAIRING, CB_F_PAIRING_SINCE, K_DATE, 0, 0, 0},
	{CB_T_PAIRING, CB_F_PAIRING_SESSION, K_REF, CB_T_SESSION, 0, 0},
	{CB_T_PAIR_SESSION, CB_F_PS_PAIRING, K_REF, CB_T_PAIRING, 0, 0},
	{CB_T_PAIR_SESSION, CB_F_PS_SESSION, K_REF, CB_T_SESSION, 0, 0},
	{CB_T_PAIR_SESSION, CB_F_PS_MENTOR, K_REF, CB_T_PERSON, 0, 0},
	{CB_T_PAIR_SESSION, CB_F_PS_LEARNER, K_REF, CB_T_PERSON, 0, 0},
	{CB_T_SKILL, CB_F_SKILL_PERSON, K_REF, CB_T_PERSON, 0, 0},
	{CB_T_SKILL, CB_F_SKILL_SKILL, K_NAME, 0, 1, 60},
	{CB_T_SKILL, CB_F_SKILL_LEVEL, K_INT, 0, 1, 4},
	{CB_T_SKILL, CB_F_SKILL_BY, K_REF, CB_T_PERSON, 0, 0},
	{CB_T_SKILL, CB_F_SKILL_SESSION, K_REF, CB_T_SESSION, 0, 0},
	{CB_T_SKILL, CB_F_SKILL_DATE, K_DATE, 0, 0, 0},
};

/* The rows made for each table (their ids are shared by references). */
static const struct {
	int table, rows;
} tables[] = {
	{CB_T_VENUE, 5}, {CB_T_SERIES, 3}, {CB_T_SESSION, 8}, {CB_T_VENUE_CLOSURE, 3},
	{CB_T_PERSON, 10}, {CB_T_CONSENT, 4}, {CB_T_ATTENDANCE, 12}, {CB_T_PAIRING, 6},
	{CB_T_PAIR_SESSION, 4}, {CB_T_SKILL, 6},
};
#define ROWS_MAX 12

static struct cb_id ids[N(tables)][ROWS_MAX];
static int64_t base_ms; /* noon on the given day */
static int32_t day;

static void
make_id(struct cb_id *id)
{
	uint64_t r = next(), s = next();

	for (int i = 0; i < 6; i++)
		id->b[i] = (unsigned char)(base_ms >> (8 * (5 - i)));
	for (int i = 6; i < 16; i++)
		id->b[i] = (unsigned char)((i < 14 ? r : s) >> (8 * (i % 8)));
	id->b[6] = (unsigned char)(0x70 | (id->b[6] & 0x0f));
	id->b[8] = (unsigned char)(0x80 | (id->b[8] & 0x3f));
}

static int
table_index(int table)
{
	for (size_t i = 0; i < N(tables); i++)
		if (tables[i].table == table)
			return (int)i;
	return -1;
}

/* A name or text with something odd about it, at most max bytes. */
static void
odd_text(char *buf, size_t size, long long max, bool wild)
{
	static const char *const parts[] = {
		"Zoé", "ZOÉ", "Ze\xcc\x81lie", "李小龍", "🚲🔧", "Ann\xe2\x80\x8b", "\xe2\x80\xae" "abc",
		"Vallée Violette", "O'Brien", "a,b", "%s%n", "\"quoted\"", " ", "=1+2", "-", "—",
		"ﷺ", "\xc2\xa0", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "x", "Maison de quartier des Rives du Cher",
	};
	size_t n = 0, limit = max > 0 && (size_t)max < size ? (size_t)max : size - 1;
	unsigned how = below(4);

	buf[0] = '\0';
	if (how == 0 && !wild)
		return; /* empty */
	do {
		const char *p = parts[below(N(parts))];
		size_t k = strlen(p);
		if (n + k > limit)
			break;
		memcpy(buf + n, p, k);
		n += k;
		buf[n] = '\0';
	} while (how >= 2 && n < limit);
	if (wild && below(3) == 0 && n + 2 <= limit) {
		/* a tab or a newline: refused on import today */
		buf[n++] = below(2) ? '\t' : '\n';
		buf[n] = '\0';
	}
}

static void
date_text(char *buf, size_t size, bool wild)
{
	static const int offsets[] = {0, 0, 0, 1, -1, 7, -7, 14, -14, 30, -365, 365, 3650};
	static const char *const bad[] = {
		"2026-99-99", "0000-00-00", "9999-12-31", "2026-02-30", "1899-12-31", "abcd-ef-gh",
		"2026-1-1xx", "10000-01-0",
	};

	if (wild && below(2)) {
		snprintf(buf, size, "%s", bad[below(N(bad))]);
		return;
	}
	cb_date_format(day + offsets[below(N(offsets))], buf);
}

static void
time_text(char *buf, size_t size, bool wild)
{
	static const char *const good[] = {"17:30", "20:00", "00:00", "23:59", "18:15", "12:00"};
	static const char *const bad[] = {"99:99", "24:00", "ab:cd", "-1:00", "7:5  "};

	snprintf(buf, size, "%s", wild && below(2) ? bad[below(N(bad))] : good[below(N(good))]);
}

static void
ref_text(char *buf, size_t size, int table, bool wild)
{
	int t = table_index(table);

	if (wild && below(2)) {
		snprintf(buf, size, "%s", below(2) ? "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"
						   : "0123456789ABCDEF0123456789ABCDEF");
		return;
	}
	if (below(6) == 0) { /* a row nobody has */
		struct cb_id id;
		make_id(&id);
		cb_id_to_hex(&id, buf);
		return;
	}
	cb_id_to_hex(&ids[t][below((unsigned)tables[t].rows)], buf);
}

static void
refs_text(char *buf, size_t size, int table, bool wild)
{
	int t = table_index(table), n = 1 + (int)below(4);
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < n && len + CB_ID_HEX_LEN + 2 < size; i++) {
		if (i)
			buf[len++] = ',';
		if (wild && below(3) == 0)
			memcpy(buf + len, "not-a-venue-id-not-a-venue-id-xx", CB_ID_HEX_LEN);
		else
			cb_id_to_hex(&ids[t][below((unsigned)tables[t].rows)], buf + len);
		len += CB_ID_HEX_LEN;
		buf[len] = '\0';
	}
}

/* One value for field f of row r; false: the field is left out. */
static bool
value(const struct field *f, int r, bool wild, char *buf, size_t size, struct cb_value *v)
{
	if (below(8) == 0)
		return false;
	if (below(12) == 0) {
		v->type = CB_V_NULL;
		return true;
	}
	v->type = CB_V_TEXT;
	v->s = buf;
	switch (f->kind) {
	case K_NAME:
	case K_TEXT:
		odd_text(buf, size, f->hi, wild);
		if (f->kind == K_NAME && !buf[0] && !wild)
			snprintf(buf, size, "%s %d", below(2) ? "Léa" : "Ω", r);
		return true;
	case K_DATE:
		/* the sessions fall on the day, mostly */
		if (f->table == CB_T_SESSION && !wild && r < 4)
			cb_date_format(day + (r == 3), buf);
		else
			date_text(buf, size, wild);
		return true;
	case K_TIME: time_text(buf, size, wild); return true;
	case K_REF:
		/* attendance and pairs point at the day's sessions, mostly */
		ref_text(buf, size, f->ref, wild);
		if (f->ref == CB_T_SESSION && !wild && below(3))
			cb_id_to_hex(&ids[table_index(CB_T_SESSION)][below(3)], buf);
		return true;
	case K_REFS: refs_text(buf, size, f->ref, wild); return true;
	case K_BOOL:
	case K_INT: {
		static const long long odd[] = {-1, 1000000, 9223372036854775807LL};
		v->type = CB_V_INT;
		if (wild && below(3) == 0)
			v->i = odd[below(N(odd))];
		else if (f->kind == K_BOOL)
			v->i = f->field == CB_F_SESSION_DELETED || f->field == CB_F_PERSON_DELETED
			       ? below(6) == 0 : below(2);
		else
			v->i = below(2) ? (below(2) ? f->lo : f->hi)
					: f->lo + (long long)(next() % (uint64_t)(f->hi - f->lo + 1));
		return true;
	}
	}
	return false;
}

static int
write_bundle(const char *dir, int n, int t, int r, bool wild)
{
	static char texts[32][4096];
	struct cb_bundle_writer *w;
	struct cb_op op;
	struct cb_id site;
	void *data;
	size_t size, k = 0;
	char path[4096], label[40];
	int64_t seq = 0;
	int rc = 1;

	if (cb_bundle_writer_new(&w) != CB_OK)
		return 1;
	make_id(&site);
	for (size_t i = 0; i < N(fields); i++) {
		if (fields[i].table != tables[t].table || k >= N(texts))
			continue;
		memset(&op, 0, sizeof op);
		if (!value(&fields[i], r, wild, texts[k], sizeof texts[k], &op.value))
			continue;
		k++;
		make_id(&op.op_id);
		op.site = site;
		op.seq = ++seq;
		op.hlc = ((uint64_t)base_ms << 16) + (uint64_t)seq;
		op.kind = CB_OP_SET;
		op.table = tables[t].table;
		op.row = ids[t][r];
		op.field = fields[i].field;
		if (cb_bundle_writer_op(w, &op) != CB_OK)
			goto out;
	}
	snprintf(label, sizeof label, "crafted-%03d", n);
	snprintf(path, sizeof path, "%s/%03d.cambouis", dir, n);
	if (seq == 0 || cb_bundle_writer_knowledge(w, &site, seq) != CB_OK ||
	    cb_bundle_writer_finish(w, &site, label, base_ms, &data, &size, NULL) != CB_OK) {
		rc = seq == 0 ? 0 : 1;
		goto out;
	}
	rc = cb_bundle_publish(path, data, size, false) == CB_OK ? 0 : 1;
	if (rc)
		perror(path);
	cb_bundle_data_free(data);
out:
	cb_bundle_writer_free(w);
	return rc;
}

int
main(int argc, char **argv)
{
	int n = 0;

	if (argc != 4 || cb_date_parse(argv[2], &day) != CB_OK) {
		fprintf(stderr, "usage: storm-bundles DIR YYYY-MM-DD SEED\n");
		return 2;
	}
	state = strtoull(argv[3], NULL, 10);
	base_ms = (int64_t)day * 86400000LL + 12 * 3600000LL;
	for (size_t t = 0; t < N(tables); t++)
		for (int r = 0; r < tables[t].rows; r++)
			make_id(&ids[t][r]);
	for (int pass = 0; pass < 2; pass++)
		for (size_t t = 0; t < N(tables); t++)
			for (int r = 0; r < tables[t].rows; r++)
				if (write_bundle(argv[1], n++, (int)t, r, pass == 1) != 0)
					return 1;
	return 0;
}
