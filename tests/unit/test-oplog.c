/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cambouis/clock.h"
#include "cambouis/hlc.h"
#include "cambouis/oplog.h"
#include "cambouis/schema.h"
#include "cambouis/venue.h"
#include "unit.h"

#define HLC(ms, c) (((uint64_t)(ms) << CB_HLC_COUNTER_BITS) | (uint64_t)(c))
#define TEXT(s) ((struct cb_value){CB_V_TEXT, 0, (s)})
#define INT(n) ((struct cb_value){CB_V_INT, (n), NULL})
#define NUL ((struct cb_value){CB_V_NULL, 0, NULL})

static int64_t
count_ops(struct cb_db *db)
{
	int64_t n = -1;

	ck_assert_int_eq(cb_oplog_count(db, &n), CB_OK);
	return n;
}

static char *
venue_name(struct cb_db *db, const struct cb_id *row)
{
	struct cb_venue v;
	char *name;

	ck_assert_int_eq(cb_venue_get(db, row, &v), CB_OK);
	name = strdup(v.name);
	cb_venue_clear(&v);
	return name;
}

/* Apply a and b to a fresh database in the given order; return the name. */
static char *
name_after(const struct cb_op *first, const struct cb_op *second)
{
	struct cb_db *db = unit_db_memory();
	char *name;

	unit_apply(db, first, 1);
	unit_apply(db, second, 1);
	name = venue_name(db, &first->row);
	cb_db_close(db);
	return name;
}

START_TEST(test_apply_outside_transaction)
{
	struct cb_db *db = unit_db_memory();
	struct cb_id site = unit_id_fill(0xA0), row = unit_id_fill(0x01);
	struct cb_op op = unit_op(&site, 1, HLC(UNIT_NOW_MS, 0), &row, CB_F_VENUE_NAME, TEXT("Halle"));
	struct cb_value v = TEXT("Oésia");
	struct cb_venue_list list;
	bool was_new = true;

	ck_assert_int_ne(cb_oplog_apply(db, &op, &was_new), CB_OK);
	ck_assert(!was_new);
	ck_assert_int_ne(cb_oplog_set(db, CB_T_VENUE, &row, CB_F_VENUE_NAME, &v), CB_OK);
	ck_assert_int_eq(count_ops(db), 0);
	ck_assert_int_eq(cb_venue_list(db, &list), CB_OK);
	ck_assert_uint_eq(list.count, 0);
	cb_venue_list_free(&list);
	cb_db_close(db);
}
END_TEST

START_TEST(test_lww_later_hlc_wins)
{
	struct cb_id a = unit_id_fill(0xFA), b = unit_id_fill(0x0B), row = unit_id_fill(0x01);
	/* site a sorts above b, but b's clock is later: the clock decides */
	struct cb_op early = unit_op(&a, 1, HLC(UNIT_NOW_MS, 5), &row, CB_F_VENUE_NAME, TEXT("early"));
	struct cb_op late = unit_op(&b, 1, HLC(UNIT_NOW_MS, 6), &row, CB_F_VENUE_NAME, TEXT("late"));
	char *n1 = name_after(&early, &late), *n2 = name_after(&late, &early);

	ck_assert_str_eq(n1, "late");
	ck_assert_str_eq(n2, "late");
	free(n1);
	free(n2);
}
END_TEST

START_TEST(test_lww_tie_broken_by_site)
{
	struct cb_id low = unit_id_fill(0x10), high = unit_id_fill(0x20), row = unit_id_fill(0x01);
	struct cb_op x = unit_op(&low, 1, HLC(UNIT_NOW_MS, 3), &row, CB_F_VENUE_NAME, TEXT("low site"));
	struct cb_op y = unit_op(&high, 1, HLC(UNIT_NOW_MS, 3), &row, CB_F_VENUE_NAME, TEXT("high site"));
	char *n1, *n2;

	/* make sure op ids do not decide: give the low site the higher op id */
	x.op_id = unit_id_fill(0xFF);
	y.op_id = unit_id_fill(0x01);
	n1 = name_after(&x, &y);
	n2 = name_after(&y, &x);
	ck_assert_str_eq(n1, "high site");
	ck_assert_str_eq(n2, "high site");
	free(n1);
	free(n2);
}
END_TEST

START_TEST(test_lww_tie_same_site_broken_by_op_id)
{
	struct cb_id s = unit_id_fill(0x10), row = unit_id_fill(0x01);
	struct cb_op x = unit_op(&s, 1, HLC(UNIT_NOW_MS, 3), &row, CB_F_VENUE_NAME, TEXT("low id"));
	struct cb_op y = unit_op(&s, 2, HLC(UNIT_NOW_MS, 3), &row, CB_F_VENUE_NAME, TEXT("high id"));
	char *n1, *n2;

	x.op_id = unit_id_fill(0x05);
	y.op_id = unit_id_fill(0x06);
	n1 = name_after(&x, &y);
	n2 = name_after(&y, &x);
	ck_assert_str_eq(n1, "high id");
	ck_assert_str_eq(n2, "high id");
	free(n1);
	free(n2);
}
END_TEST

/* Two laptops edit different fields of the same venue: both edits stay. */
START_TEST(test_two_fields_two_sites)
{
	struct cb_db *db = unit_db_memory();
	struct cb_id a = unit_id_fill(0xA0), b = unit_id_fill(0xB0), row = unit_id_fill(0x01);
	struct cb_op ops[] = {
		unit_op(&a, 1, HLC(UNIT_NOW_MS, 0), &row, CB_F_VENUE_NAME, TEXT("Halle")),
		unit_op(&a, 2, HLC(UNIT_NOW_MS + 10, 0), &row, CB_F_VENUE_COMMUNE, TEXT("Tours")),
		/* b made its edit earlier, on another field: it must not be lost */
		unit_op(&b, 1, HLC(UNIT_NOW_MS + 5, 0), &row, CB_F_VENUE_CAPACITY, INT(50)),
		unit_op(&b, 2, HLC(UNIT_NOW_MS + 6, 0), &row, CB_F_VENUE_NOTES, TEXT("froid")),
	};
	struct cb_venue v;

	unit_apply(db, ops, 4);
	ck_assert_int_eq(cb_venue_get(db, &row, &v), CB_OK);
	ck_assert_str_eq(v.name, "Halle");
	ck_assert_str_eq(v.commune, "Tours");
	ck_assert_int_eq(v.capacity, 50);
	ck_assert_str_eq(v.notes, "froid");
	cb_venue_clear(&v);
	cb_db_close(db);
}
END_TEST

/* Many ops in one transaction (an import): a run of values for one row is
 * written once, the same as one by one; the last value of a field in the
 * run wins; another row, the commit, each write what waits; a rollback
 * drops it, and nothing of it comes back in the next transaction. */
START_TEST(test_apply_many)
{
	struct cb_db *db = unit_db_memory();
	struct cb_id a = unit_id_fill(0xA0), r1 = unit_id_fill(0x01), r2 = unit_id_fill(0x02);
	struct cb_op ops[] = {
		unit_op(&a, 1, HLC(UNIT_NOW_MS, 0), &r1, CB_F_VENUE_NAME, TEXT("Halle")),
		unit_op(&a, 2, HLC(UNIT_NOW_MS, 1), &r1, CB_F_VENUE_CAPACITY, INT(30)),
		unit_op(&a, 3, HLC(UNIT_NOW_MS, 2), &r1, CB_F_VENUE_NAME, TEXT("Grande halle")),
		unit_op(&a, 4, HLC(UNIT_NOW_MS, 3), &r2, CB_F_VENUE_NAME, TEXT("Oésia")),
		unit_op(&a, 5, HLC(UNIT_NOW_MS, 4), &r1, CB_F_VENUE_NOTES, TEXT("froid")),
		/* an older value arriving late loses, batch or not */
		unit_op(&a, 6, HLC(UNIT_NOW_MS - 9, 0), &r1, CB_F_VENUE_CAPACITY, INT(99)),
	};
	struct cb_op lost = unit_op(&a, 7, HLC(UNIT_NOW_MS, 5), &r2, CB_F_VENUE_COMMUNE,
				    TEXT("Tours"));
	struct cb_venue v;
	char *dump_batch, *dump_each;

	ck_assert_int_eq(cb_db_begin(db), CB_OK);
	cb_oplog_apply_many(db);
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
		ck_assert_int_eq(cb_oplog_apply(db, &ops[i], NULL), CB_OK);
	ck_assert_int_eq(cb_db_commit(db), CB_OK);
	ck_assert_int_eq(cb_venue_get(db, &r1, &v), CB_OK);
	ck_assert_str_eq(v.name, "Grande halle");
	ck_assert_int_eq(v.capacity, 30);
	ck_assert_str_eq(v.notes, "froid");
	cb_venue_clear(&v);
	ck_assert_int_eq(cb_oplog_dump_tables(db, &dump_batch), CB_OK);

	/* a batch rolled back writes nothing, later or ever */
	ck_assert_int_eq(cb_db_begin(db), CB_OK);
	cb_oplog_apply_many(db);
	ck_assert_int_eq(cb_oplog_apply(db, &lost, NULL), CB_OK);
	cb_db_rollback(db);
	ck_assert_int_eq(cb_db_begin(db), CB_OK);
	ck_assert_int_eq(cb_db_commit(db), CB_OK);
	ck_assert_int_eq(cb_venue_get(db, &r2, &v), CB_OK);
	ck_assert_str_eq(v.commune ? v.commune : "", "");
	cb_venue_clear(&v);
	cb_db_close(db);

	/* the same ops one by one give the same tables */
	db = unit_db_memory();
	unit_apply(db, ops, sizeof ops / sizeof ops[0]);
	ck_assert_int_eq(cb_oplog_dump_tables(db, &dump_each), CB_OK);
	ck_assert_str_eq(dump_batch, dump_each);
	free(dump_batch);
	free(dump_each);
	cb_db_close(db);
}
END_TEST

/* Every field of the fixed schema is found by its codes (they index a
 * table, so a code past its size would lose the field), each table's
 * fields are together, and unknown codes find nothing. */
START_TEST(test_schema_lookup)
{
	size_t ntabs, n, total = 0;
	const struct cb_table_def *tabs = cb_schema_tables(&ntabs);

	for (size_t t = 0; t < ntabs; t++) {
		const struct cb_field_def *f = cb_schema_table_fields(tabs[t].table, &n);
		ck_assert_ptr_nonnull(f);
		ck_assert_uint_le(n, CB_SCHEMA_TABLE_FIELDS_MAX);
		for (size_t i = 0; i < n; i++) {
			ck_assert_int_eq(f[i].table, tabs[t].table);
			ck_assert_ptr_eq(cb_schema_field(f[i].table, f[i].field), &f[i]);
		}
		total += n;
	}
	ck_assert_uint_ge(total, 70);
	ck_assert_ptr_null(cb_schema_field(CB_T_VENUE, 99));
	ck_assert_ptr_null(cb_schema_field(-1, 1));
	ck_assert_ptr_null(cb_schema_field(1000000, 1));
	ck_assert_ptr_null(cb_schema_field(2, 1));
}
END_TEST

START_TEST(test_idempotent)
{
	struct cb_db *db = unit_db_memory();
	struct cb_id a = unit_id_fill(0xA0), row = unit_id_fill(0x01);
	struct cb_op first = unit_op(&a, 1, HLC(UNIT_NOW_MS, 0), &row, CB_F_VENUE_NAME, TEXT("one"));
	struct cb_op second = unit_op(&a, 2, HLC(UNIT_NOW_MS, 1), &row, CB_F_VENUE_NAME, TEXT("two"));
	char *once, *twice;
	bool was_new = false;

	ck_assert_int_eq(cb_db_begin(db), CB_OK);
	ck_assert_int_eq(cb_oplog_apply(db, &first, &was_new), CB_OK);
	ck_assert(was_new);
	ck_assert_int_eq(cb_oplog_apply(db, &second, &was_new), CB_OK);
	ck_assert(was_new);
	ck_assert_int_eq(cb_db_commit(db), CB_OK);
	once = unit_dump(db);

	/* the same ops again, the older one last: nothing changes */
	ck_assert_int_eq(cb_db_begin(db), CB_OK);
	ck_assert_int_eq(cb_oplog_apply(db, &second, &was_new), CB_OK);
	ck_assert(!was_new);
	ck_assert_int_eq(cb_oplog_apply(db, &first, &was_new), CB_OK);
	ck_assert(!was_new);
	ck_assert_int_eq(cb_db_commit(db), CB_OK);
	twice = unit_dump(db);
	ck_assert_str_eq(once, twice);
	ck_assert_int_eq(count_ops(db), 2);
	free(once);
	free(twice);
	free(venue_name(db, &row));
	cb_db_close(db);
}
END_TEST

/* --- order independence ---------------------------------------------------
 * Random ops from three sites, applied in many orders (with repeats, split
 * over several transactions), must give the same tables, and those tables
 * must be what last-writer-wins says, computed here independently. */

enum { PROP_OPS = 300, PROP_ROWS = 6, PROP_SITES = 3, PROP_ORDERS = 100 };

static uint64_t
rnd(uint64_t *s)
{
	uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static struct cb_id
rnd_id(uint64_t *s)
{
	struct cb_id id;
	uint64_t a = rnd(s), b = rnd(s);

	memcpy(id.b, &a, 8);
	memcpy(id.b + 8, &b, 8);
	id.b[0] |= 1; /* never zero */
	return id;
}

static const char *const names[] = {"Halle", "halle", "Oésia", "Salle des fêtes", "中文"};
static const char *const texts[] = {"", "Tours", "Joué-lès-Tours", "rue\tde la Mairie", "a\nb"};
/* one line: an address or a commune holds no tab or line break */
static const char *const lines[] = {"", "Tours", "Joué-lès-Tours", "rue de la Mairie", "a b"};

static struct cb_value
rnd_value(uint64_t *s, int field)
{
	uint64_t r = rnd(s);

	if (r % 6 == 0)
		return NUL;
	r /= 6;
	switch (field) {
	case CB_F_VENUE_NAME:
		return TEXT(names[r % 5]);
	case CB_F_VENUE_CAPACITY:
		return INT(r % 3 == 0 ? 0 : (long long)(r % (CB_VENUE_CAPACITY_MAX + 1)));
	case CB_F_VENUE_DELETED:
		return INT((long long)(r % 2));
	case CB_F_VENUE_NOTES:
		return TEXT(texts[r % 5]);
	default:
		return TEXT(lines[r % 5]);
	}
}

static void
make_ops(uint64_t seed, struct cb_op *ops)
{
	struct cb_id sites[PROP_SITES], rows[PROP_ROWS];
	int64_t seq[PROP_SITES] = {0};
	uint64_t s = seed;

	for (int i = 0; i < PROP_SITES; i++)
		sites[i] = rnd_id(&s);
	for (int i = 0; i < PROP_ROWS; i++)
		rows[i] = rnd_id(&s);
	for (int i = 0; i < PROP_OPS; i++) {
		int site = (int)(rnd(&s) % PROP_SITES);
		struct cb_op *op = &ops[i];

		memset(op, 0, sizeof *op);
		op->op_id = rnd_id(&s);
		op->site = sites[site];
		op->seq = ++seq[site];
		/* a narrow clock range so equal clocks (ties) are common */
		op->hlc = HLC(UNIT_NOW_MS + (int64_t)(rnd(&s) % 40), rnd(&s) % 3);
		op->kind = CB_OP_SET;
		op->table = CB_T_VENUE;
		op->row = rows[rnd(&s) % PROP_ROWS];
		op->field = 1 + (int)(rnd(&s) % 6);
		op->value = rnd_value(&s, op->field);
		ck_assert_int_eq(cb_op_validate(op), CB_OK);
	}
}

static bool
beats(const struct cb_op *a, const struct cb_op *b)
{
	int c;

	if (a->hlc != b->hlc)
		return a->hlc > b->hlc;
	if ((c = cb_id_cmp(&a->site, &b->site)) != 0)
		return c > 0;
	return cb_id_cmp(&a->op_id, &b->op_id) > 0;
}

static int
cmp_row(const void *a, const void *b)
{
	return cb_id_cmp(a, b);
}

/* The dump last-writer-wins predicts, in the format of the venues dump. */
static char *
expected_dump(const struct cb_op *ops, size_t n)
{
	struct cb_id rows[PROP_ROWS];
	size_t nrows = 0;
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	ck_assert_ptr_nonnull(f);
	for (size_t i = 0; i < n; i++) {
		size_t r;
		for (r = 0; r < nrows && cb_id_cmp(&rows[r], &ops[i].row) != 0; r++)
			;
		if (r == nrows)
			rows[nrows++] = ops[i].row;
	}
	qsort(rows, nrows, sizeof rows[0], cmp_row);
	/* every materialised table appears in the dump; only venues have rows */
	size_t ntabs;
	const struct cb_table_def *tabs = cb_schema_tables(&ntabs);
	for (size_t t = 0; t < ntabs && tabs[t].table != CB_T_VENUE; t++)
		fprintf(f, "[%s]\n", tabs[t].name);
	fputs("[venues]\n", f);
	for (size_t r = 0; r < nrows; r++) {
		static const int order[] = {CB_F_VENUE_NAME, CB_F_VENUE_ADDRESS, CB_F_VENUE_COMMUNE,
					    CB_F_VENUE_CAPACITY, CB_F_VENUE_NOTES, CB_F_VENUE_DELETED};
		for (int b = 0; b < CB_ID_LEN; b++)
			fprintf(f, "%02X", rows[r].b[b]);
		for (int k = 0; k < 6; k++) {
			const struct cb_op *win = NULL;
			for (size_t i = 0; i < n; i++)
				if (ops[i].field == order[k] && cb_id_cmp(&ops[i].row, &rows[r]) == 0 &&
				    (!win || beats(&ops[i], win)))
					win = &ops[i];
			fputc('|', f);
			if (order[k] == CB_F_VENUE_DELETED)
				fprintf(f, "%lld", win && win->value.type == CB_V_INT ? win->value.i : 0);
			else if (!win || win->value.type == CB_V_NULL)
				fputs("NULL", f);
			else if (win->value.type == CB_V_INT)
				fprintf(f, "%lld", win->value.i);
			else
				fputs(win->value.s, f);
		}
		fputc('\n', f);
	}
	for (size_t t = 0; t < ntabs; t++)
		if (t > 0 && tabs[t - 1].table == CB_T_VENUE) {
			for (size_t u = t; u < ntabs; u++)
				fprintf(f, "[%s]\n", tabs[u].name);
			break;
		}
	ck_assert_int_eq(fclose(f), 0);
	return out;
}

static uint64_t
test_seed(void)
{
	const char *env = getenv("CAMBOUIS_TEST_SEED");

	if (env && *env)
		return strtoull(env, NULL, 0);
	return (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
}

START_TEST(test_order_independence)
{
	uint64_t seed = test_seed(), s;
	struct cb_op *ops = calloc(PROP_OPS, sizeof *ops);
	struct cb_op *order = calloc(PROP_OPS, sizeof *order);
	char *expected;

	ck_assert_ptr_nonnull(ops);
	ck_assert_ptr_nonnull(order);
	/* in the log, so a failure can be replayed with CAMBOUIS_TEST_SEED */
	fprintf(stderr, "order independence: seed %#" PRIx64 "\n", seed);
	make_ops(seed, ops);
	expected = expected_dump(ops, PROP_OPS);
	s = seed ^ 0x5EEDull;
	for (int round = 0; round < PROP_ORDERS; round++) {
		struct cb_db *db = unit_db_memory();
		size_t chunk = 1 + rnd(&s) % PROP_OPS;
		char *got;

		memcpy(order, ops, PROP_OPS * sizeof *ops);
		if (round == 1) { /* newest first */
			for (size_t i = 0; i < PROP_OPS; i++)
				order[i] = ops[PROP_OPS - 1 - i];
		} else if (round > 1) {
			for (size_t i = PROP_OPS - 1; i > 0; i--) {
				size_t j = rnd(&s) % (i + 1);
				struct cb_op t = order[i];
				order[i] = order[j];
				order[j] = t;
			}
		}
		for (size_t i = 0; i < PROP_OPS; i += chunk)
			unit_apply(db, order + i, i + chunk > PROP_OPS ? PROP_OPS - i : chunk);
		if (round % 2) /* a second delivery of some ops changes nothing */
			unit_apply(db, order + PROP_OPS / 3, PROP_OPS / 4);
		got = unit_dump(db);
		ck_assert_msg(strcmp(got, expected) == 0,
			      "seed %#" PRIx64 ", order %d: tables differ\n--- expected\n%s--- got\n%s",
			      seed, round, expected, got);
		ck_assert_msg(count_ops(db) == PROP_OPS, "seed %#" PRIx64 ": %lld ops in the log",
			      seed, (long long)count_ops(db));
		free(got);
		if (round == 0) {
			/* replaying the log gives the same tables too */
			ck_assert_int_eq(cb_oplog_rebuild(db), CB_OK);
			got = unit_dump(db);
			ck_assert_msg(strcmp(got, expected) == 0, "seed %#" PRIx64 ": rebuild differs", seed);
			free(got);
		}
		cb_db_close(db);
	}
	free(expected);
	free(order);
	free(ops);
}
END_TEST

/* --- validation -------------------------------------------------------- */

static struct cb_op
good_op(void)
{
	struct cb_id site = unit_id_fill(0xA0), row = unit_id_fill(0x01);
	return unit_op(&site, 1, HLC(UNIT_NOW_MS, 0), &row, CB_F_VENUE_NAME, TEXT("Halle"));
}

/* A date field from another laptop is held to the one supported range of
 * dates, as the command line and the screens are. */
START_TEST(test_validate_date_range)
{
	struct cb_op op = good_op();

	op.table = CB_T_SESSION;
	op.field = CB_F_SESSION_DATE;
	op.value = TEXT("2199-12-31");
	ck_assert_int_eq(cb_op_validate(&op), CB_OK);
	op.value = TEXT("1900-01-01");
	ck_assert_int_eq(cb_op_validate(&op), CB_OK);
	op.value = TEXT("2200-01-01");
	ck_assert_int_ne(cb_op_validate(&op), CB_OK);
	op.value = TEXT("1899-12-31");
	ck_assert_int_ne(cb_op_validate(&op), CB_OK);
	op.value = TEXT("9999-12-01");
	ck_assert_int_ne(cb_op_validate(&op), CB_OK);
}
END_TEST

START_TEST(test_validate_accepts)
{
	struct cb_op op = good_op();
	char name[CB_VENUE_NAME_MAX + 1], notes[CB_VENUE_NOTES_MAX + 1];

	ck_assert_int_eq(cb_op_validate(&op), CB_OK);
	for (int f = CB_F_VENUE_NAME; f <= CB_F_VENUE_DELETED; f++) {
		op.field = f;
		op.value = NUL;
		ck_assert_msg(cb_op_validate(&op) == CB_OK, "NULL refused on field %d", f);
	}
	memset(name, 'n', CB_VENUE_NAME_MAX);
	name[CB_VENUE_NAME_MAX] = '\0';
	op.field = CB_F_VENUE_NAME;
	op.value = TEXT(name);
	ck_assert_int_eq(cb_op_validate(&op), CB_OK);
	memset(notes, 'n', CB_VENUE_NOTES_MAX);
	notes[CB_VENUE_NOTES_MAX] = '\0';
	notes[10] = '\n';
	notes[11] = '\t';
	op.field = CB_F_VENUE_NOTES;
	op.value = TEXT(notes);
	ck_assert_int_eq(cb_op_validate(&op), CB_OK);
	op.field = CB_F_VENUE_CAPACITY;
	op.value = INT(CB_VENUE_CAPACITY_MAX);
	ck_assert_int_eq(cb_op_validate(&op), CB_OK);
	op.value = INT(0);
	ck_assert_int_eq(cb_op_validate(&op), CB_OK);
	op.field = CB_F_VENUE_ADDRESS;
	op.value = TEXT("");
	ck_assert_int_eq(cb_op_validate(&op), CB_OK);
	op.value = TEXT("Rue de l'Aviation \xef\xbf\xbd 中 🚲");
	ck_assert_int_eq(cb_op_validate(&op), CB_OK);
	op.hlc = CB_HLC_MAX; /* the last clock of 2199 */
	ck_assert_int_eq(cb_op_validate(&op), CB_OK);
}
END_TEST

START_TEST(test_validate_rejects)
{
	char long_name[CB_VENUE_NAME_MAX + 2], long_notes[CB_VENUE_NOTES_MAX + 2];
	struct cb_op op;
	int cases = 0;

	memset(long_name, 'n', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';
	memset(long_notes, 'n', sizeof long_notes - 1);
	long_notes[sizeof long_notes - 1] = '\0';

#define BAD(what, ...)                                                                 \
	do {                                                                           \
		op = good_op();                                                        \
		__VA_ARGS__;                                                           \
		ck_assert_msg(cb_op_validate(&op) == CB_BAD_OP, "accepted: %s", what); \
		cases++;                                                               \
	} while (0)
	BAD("kind 0", op.kind = 0);
	BAD("kind 2", op.kind = 2);
	BAD("table 0", op.table = 0);
	BAD("unknown table", op.table = 99);
	BAD("field 0", op.field = 0);
	BAD("unknown field", op.field = 7);
	BAD("text on an integer field", (op.field = CB_F_VENUE_CAPACITY, op.value = TEXT("12")));
	BAD("integer on a text field", op.value = INT(12));
	BAD("text without a string", op.value = (struct cb_value){CB_V_TEXT, 0, NULL});
	BAD("unknown value type", op.value.type = (enum cb_vtype)7);
	BAD("name too long", op.value = TEXT(long_name));
	BAD("notes too long", (op.field = CB_F_VENUE_NOTES, op.value = TEXT(long_notes)));
	BAD("empty name", op.value = TEXT(""));
	BAD("capacity below range", (op.field = CB_F_VENUE_CAPACITY, op.value = INT(-1)));
	BAD("capacity above range",
	    (op.field = CB_F_VENUE_CAPACITY, op.value = INT(CB_VENUE_CAPACITY_MAX + 1)));
	BAD("deleted = 2", (op.field = CB_F_VENUE_DELETED, op.value = INT(2)));
	BAD("truncated UTF-8", op.value = TEXT("Oe\xc3"));
	BAD("overlong UTF-8", op.value = TEXT("a\xc0\xaf"));
	BAD("UTF-16 surrogate", op.value = TEXT("a\xed\xa0\x80"));
	BAD("stray continuation byte", op.value = TEXT("a\x80z"));
	BAD("Latin-1 text", op.value = TEXT("Jou\xe9"));
	BAD("escape character", op.value = TEXT("a\x1b[31m"));
	BAD("DEL", op.value = TEXT("a\x7f"));
	BAD("C1 control", op.value = TEXT("a\xc2\x85"));
	BAD("carriage return", op.value = TEXT("a\rb"));
	BAD("zero op id", memset(&op.op_id, 0, sizeof op.op_id));
	BAD("zero site", memset(&op.site, 0, sizeof op.site));
	BAD("zero row", memset(&op.row, 0, sizeof op.row));
	BAD("seq 0", op.seq = 0);
	BAD("negative seq", op.seq = -3);
	BAD("clock beyond 63 bits", op.hlc = (uint64_t)INT64_MAX + 1);
	BAD("clock at INT64_MAX", op.hlc = (uint64_t)INT64_MAX);
	BAD("clock past the horizon", op.hlc = CB_HLC_MAX + 1);
	BAD("clock zero", op.hlc = 0);
#undef BAD
	ck_assert_int_eq(cases, 34);
}
END_TEST

/* A bad op is refused by apply too, and nothing of it is kept. */
START_TEST(test_apply_refuses_bad_op)
{
	struct cb_db *db = unit_db_memory();
	struct cb_op op = good_op();
	bool was_new = true;

	op.value = TEXT("a\x01");
	ck_assert_int_eq(cb_db_begin(db), CB_OK);
	ck_assert_int_eq(cb_oplog_apply(db, &op, &was_new), CB_BAD_OP);
	ck_assert(!was_new);
	ck_assert_int_eq(cb_db_commit(db), CB_OK);
	ck_assert_int_eq(count_ops(db), 0);
	cb_db_close(db);
}
END_TEST

START_TEST(test_set_local)
{
	struct cb_db *db = unit_db_memory();
	struct cb_id row = unit_id_fill(0x01);
	char long_name[CB_VENUE_NAME_MAX + 2];
	struct cb_value v;
	int64_t pending = -1;
	struct cb_op remote = good_op();

	memset(long_name, 'n', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';
	cb_clock_pin(UNIT_NOW_MS);
	ck_assert_int_eq(cb_db_begin(db), CB_OK);
	v = TEXT(long_name);
	ck_assert_int_eq(cb_oplog_set(db, CB_T_VENUE, &row, CB_F_VENUE_NAME, &v), CB_TOO_LONG);
	v = TEXT("a\x1b");
	ck_assert_int_eq(cb_oplog_set(db, CB_T_VENUE, &row, CB_F_VENUE_NAME, &v), CB_INVALID);
	v = INT(5);
	ck_assert_int_eq(cb_oplog_set(db, CB_T_VENUE, &row, 42, &v), CB_BAD_OP);
	ck_assert_int_eq(cb_oplog_set(db, CB_T_VENUE, &row, CB_F_VENUE_CAPACITY, &v), CB_OK);
	v = TEXT("Halle");
	ck_assert_int_eq(cb_oplog_set(db, CB_T_VENUE, &row, CB_F_VENUE_NAME, &v), CB_OK);
	ck_assert_int_eq(cb_oplog_apply(db, &remote, NULL), CB_OK);
	ck_assert_int_eq(cb_db_commit(db), CB_OK);
	ck_assert_int_eq(count_ops(db), 3);
	/* only this laptop's two ops wait for export, not the imported one */
	ck_assert_int_eq(cb_oplog_pending(db, &pending), CB_OK);
	ck_assert_int_eq(pending, 2);
	cb_clock_unpin();
	cb_db_close(db);
}
END_TEST

struct seqs {
	struct cb_id site;
	int64_t seq[8];
	int n;
};

static cb_status
collect_seq(const struct cb_op *op, void *arg)
{
	struct seqs *s = arg;

	if (cb_id_cmp(&op->site, &s->site) == 0 && s->n < 8)
		s->seq[s->n++] = op->seq;
	return CB_OK;
}

/* Local ops are numbered 1, 2, 3... per site, across transactions. */
START_TEST(test_local_seq)
{
	struct cb_db *db = unit_db_memory();
	struct cb_id row = unit_id_fill(0x01);
	struct seqs s = {.site = *cb_db_site(db), .n = 0};

	cb_clock_pin(UNIT_NOW_MS);
	for (int i = 0; i < 3; i++) {
		struct cb_value v = INT(i);
		ck_assert_int_eq(cb_db_begin(db), CB_OK);
		ck_assert_int_eq(cb_oplog_set(db, CB_T_VENUE, &row, CB_F_VENUE_CAPACITY, &v), CB_OK);
		ck_assert_int_eq(cb_oplog_set(db, CB_T_VENUE, &row, CB_F_VENUE_NOTES, &NUL), CB_OK);
		ck_assert_int_eq(cb_db_commit(db), CB_OK);
	}
	ck_assert_int_eq(cb_oplog_each(db, collect_seq, &s), CB_OK);
	ck_assert_int_eq(s.n, 6);
	for (int i = 0; i < 6; i++)
		ck_assert_int_eq(s.seq[i], i + 1);
	cb_clock_unpin();
	cb_db_close(db);
}
END_TEST

/* --- rebuild ------------------------------------------------------------- */

/* Local venue edits and imported ops on the same rows. */
static void
fill_mixed(struct cb_db *db, struct cb_id *ids)
{
	static const char *const vn[] = {"Halle", "Oésia", "Maison de quartier", "Salle des fêtes",
					 "Lycée professionnel, cour"};
	struct cb_id other = unit_id_fill(0x7E), extra = unit_id_fill(0x42);
	int64_t t = UNIT_NOW_MS;

	for (int i = 0; i < 5; i++) {
		struct cb_venue_input in = {.name = vn[i], .commune = "Tours", .set_capacity = true,
					    .capacity = 10 * (i + 1)};
		cb_clock_pin(t += 1000);
		ck_assert_int_eq(cb_venue_add(db, &in, &ids[i], NULL), CB_OK);
	}
	struct cb_venue_input edit = {.address = "Place de la Mairie", .notes = "clés\nà l'accueil",
				      .set_capacity = true, .capacity = -1};
	cb_clock_pin(t += 1000);
	ck_assert_int_eq(cb_venue_edit(db, &ids[1], &edit, NULL), CB_OK);
	cb_clock_pin(t += 1000);
	ck_assert_int_eq(cb_venue_remove(db, &ids[2]), CB_OK);
	ck_assert_int_eq(cb_venue_remove(db, &ids[3]), CB_OK);
	cb_clock_pin(t += 1000);
	ck_assert_int_eq(cb_venue_restore(db, &ids[3]), CB_OK);

	/* another laptop: a later rename, an older commune that loses, a new
	 * venue, and a removal */
	struct cb_op ops[] = {
		unit_op(&other, 1, HLC(t + 500, 0), &ids[0], CB_F_VENUE_NAME, TEXT("Halle couverte")),
		unit_op(&other, 2, HLC(UNIT_NOW_MS - 1000, 0), &ids[0], CB_F_VENUE_COMMUNE, TEXT("Ancienne")),
		unit_op(&other, 3, HLC(t + 600, 0), &extra, CB_F_VENUE_NAME, TEXT("Oésia")),
		unit_op(&other, 4, HLC(t + 600, 1), &extra, CB_F_VENUE_CAPACITY, INT(12)),
		unit_op(&other, 5, HLC(t + 700, 0), &ids[4], CB_F_VENUE_DELETED, INT(1)),
	};
	unit_apply(db, ops, sizeof ops / sizeof ops[0]);
	cb_clock_pin(t + 10000);
	edit = (struct cb_venue_input){.notes = "après import"};
	ck_assert_int_eq(cb_venue_edit(db, &ids[0], &edit, NULL), CB_OK);
}

START_TEST(test_rebuild_equal)
{
	struct cb_db *db = unit_db_memory();
	struct cb_id ids[5];
	char *before, *after;
	struct cb_venue v;

	fill_mixed(db, ids);
	before = unit_dump(db);
	ck_assert_ptr_nonnull(strstr(before, "Halle couverte|NULL|Tours|10|après import|0"));
	ck_assert_int_eq(cb_oplog_rebuild(db), CB_OK);
	after = unit_dump(db);
	ck_assert_str_eq(before, after);
	free(after);

	/* rebuild really replays: damage the tables, rebuild, same again */
	ck_assert_int_eq(cb_db_exec(db, "UPDATE venues SET name = 'x', deleted = 1"), CB_OK);
	ck_assert_int_eq(cb_db_exec(db, "INSERT INTO venues(id, name) VALUES(x'0000000000000000000000000000000F', 'stray')"), CB_OK);
	ck_assert_int_eq(cb_oplog_rebuild(db), CB_OK);
	after = unit_dump(db);
	ck_assert_str_eq(before, after);
	free(after);

	/* the field clocks were rebuilt too: an older remote edit still loses */
	struct cb_id other = unit_id_fill(0x7E);
	struct cb_op old = unit_op(&other, 6, HLC(UNIT_NOW_MS, 0), &ids[0], CB_F_VENUE_NAME, TEXT("old"));
	unit_apply(db, &old, 1);
	ck_assert_int_eq(cb_venue_get(db, &ids[0], &v), CB_OK);
	ck_assert_str_eq(v.name, "Halle couverte");
	cb_venue_clear(&v);
	free(before);
	cb_clock_unpin();
	cb_db_close(db);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("oplog");
	TCase *apply = tcase_create("apply");
	TCase *prop = tcase_create("order independence");
	TCase *valid = tcase_create("validate");
	TCase *rebuild = tcase_create("rebuild");

	tcase_add_test(apply, test_apply_outside_transaction);
	tcase_add_test(apply, test_lww_later_hlc_wins);
	tcase_add_test(apply, test_lww_tie_broken_by_site);
	tcase_add_test(apply, test_lww_tie_same_site_broken_by_op_id);
	tcase_add_test(apply, test_two_fields_two_sites);
	tcase_add_test(apply, test_idempotent);
	tcase_add_test(apply, test_apply_many);
	tcase_add_test(apply, test_schema_lookup);
	tcase_add_test(apply, test_set_local);
	tcase_add_test(apply, test_local_seq);
	tcase_add_test(prop, test_order_independence);
	tcase_set_timeout(prop, 60);
	tcase_add_test(valid, test_validate_accepts);
	tcase_add_test(valid, test_validate_rejects);
	tcase_add_test(valid, test_validate_date_range);
	tcase_add_test(valid, test_apply_refuses_bad_op);
	tcase_add_test(rebuild, test_rebuild_equal);
	suite_add_tcase(s, apply);
	suite_add_tcase(s, prop);
	suite_add_tcase(s, valid);
	suite_add_tcase(s, rebuild);
	return unit_run(s);
}
