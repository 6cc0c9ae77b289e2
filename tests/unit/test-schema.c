/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Guards on the schema table, the single source: they fail when the
 * database, the translations or `forget` drift from it. Every check walks
 * the registry, so a module added there is covered with no change here. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/calendar.h"
#include "cambouis/clock.h"
#include "cambouis/date.h"
#include "cambouis/oplog.h"
#include "cambouis/privacy.h"
#include "cambouis/schema.h"
#include "unit.h"

/* The tables of the op log's own bookkeeping, not made from the schema. */
static const char *const bookkeeping[] = {
	"meta", "ops", "sync_imports", "sync_marks", "sync_files", "sync_conflicts", "erased",
};

static const char SQL_COLUMNS[] = "SELECT name FROM pragma_table_info(?1) ORDER BY cid";
static const char SQL_TABLES[] =
	"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";

static bool
is_bookkeeping(const char *name)
{
	for (size_t i = 0; i < sizeof bookkeeping / sizeof bookkeeping[0]; i++)
		if (strcmp(bookkeeping[i], name) == 0)
			return true;
	return false;
}

/* The columns of every materialised table are id then the schema's
 * columns in order; the dump reads them all; every table of the database
 * is in the schema or the bookkeeping; migrations are numbered 1..N. */
START_TEST(schema_equals_database)
{
	struct cb_db *db = unit_db_memory();
	size_t ntabs;
	const struct cb_table_def *tabs = cb_schema_tables(&ntabs);
	struct cb_stmt *st;

	ck_assert_uint_gt(ntabs, 0);
	ck_assert_int_eq(cb_schema_migrations(), cb_db_latest_version());
	for (int v = 1; v <= cb_schema_migrations(); v++) {
		size_t nmod, seen = 0;
		const struct cb_schema_module *const *mods = cb_schema_modules(&nmod);
		for (size_t m = 0; m < nmod; m++)
			for (size_t i = 0; i < mods[m]->nmigrations; i++)
				seen += mods[m]->migrations[i].version == v;
		ck_assert_msg(seen == 1, "migration %d declared %zu times", v, seen);
	}
	for (size_t t = 0; t < ntabs; t++) {
		size_t n, col = 0;
		const struct cb_field_def *f = cb_schema_table_fields(tabs[t].table, &n);
		ck_assert_ptr_nonnull(f);
		ck_assert_int_eq(cb_db_prepare(db, SQL_COLUMNS, &st), CB_OK);
		cb_stmt_bind_text(st, 1, tabs[t].name);
		while (cb_stmt_step(st) == CB_ROW) {
			const char *want = col == 0 ? "id" : col <= n ? f[col - 1].column : "(none)";
			ck_assert_msg(strcmp(cb_stmt_text(st, 0), want) == 0, "%s column %zu: %s, schema %s",
				      tabs[t].name, col, cb_stmt_text(st, 0), want);
			col++;
		}
		ck_assert_msg(col == n + 1, "%s: %zu columns, schema %zu", tabs[t].name, col, n + 1);
		ck_assert_int_eq(cb_db_prepare(db, tabs[t].dump_sql, &st), CB_OK);
		ck_assert_int_eq(cb_stmt_columns(st), (int)n + 1);
		ck_assert_int_eq(cb_db_prepare(db, tabs[t].clear_sql, &st), CB_OK);
		ck_assert_int_eq(cb_db_prepare(db, tabs[t].create_row_sql, &st), CB_OK);
		if (tabs[t].title_sql)
			ck_assert_int_eq(cb_db_prepare(db, tabs[t].title_sql, &st), CB_OK);
		ck_assert(tabs[t].kind == CB_RECORD || tabs[t].kind == CB_LEDGER);
		if (tabs[t].deleted) {
			const struct cb_field_def *d = cb_schema_field(tabs[t].table, tabs[t].deleted);
			ck_assert_ptr_nonnull(d);
			ck_assert_int_eq(d->meaning, CB_M_FLAG);
		}
		for (size_t i = 0; i < n; i++) {
			ck_assert_msg(f[i].meaning >= CB_M_NUMBER && f[i].meaning <= CB_M_REFS,
				      "%s.%s: no meaning", tabs[t].name, f[i].name);
			ck_assert_int_eq(f[i].type, f[i].meaning <= CB_M_YEAR ? CB_V_INT : CB_V_TEXT);
			if (f[i].meaning == CB_M_REF || f[i].meaning == CB_M_REFS)
				ck_assert_msg(cb_schema_table(f[i].ref), "%s.%s: refers to no table",
					      tabs[t].name, f[i].name);
			if (f[i].meaning == CB_M_CODE)
				ck_assert_ptr_nonnull(f[i].values);
			if (f[i].flags & CB_FIELD_OWNER)
				ck_assert_int_eq(f[i].ref, CB_T_PERSON);
			if (f[i].flags & CB_FIELD_PERSONAL)
				ck_assert_int_eq(f[i].table, CB_T_PERSON);
		}
	}
	ck_assert_int_eq(cb_db_prepare(db, SQL_TABLES, &st), CB_OK);
	while (cb_stmt_step(st) == CB_ROW) {
		const char *name = cb_stmt_text(st, 0);
		bool known = is_bookkeeping(name);
		for (size_t t = 0; t < ntabs && !known; t++)
			known = strcmp(tabs[t].name, name) == 0;
		ck_assert_msg(known, "table %s is in no schema", name);
	}
	cb_db_close(db);
}
END_TEST

/* Is msgid translated in po (a whole "msgid" line followed by a non-empty
 * msgstr)? */
static bool
translated(const char *po, const char *msgid)
{
	char want[512];
	const char *p;

	snprintf(want, sizeof want, "\nmsgid \"%s\"\nmsgstr \"", msgid);
	if (!(p = strstr(po, want)))
		return false;
	p += strlen(want);
	return *p != '"';
}

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s;
	long n;

	ck_assert_msg(f != NULL, "cannot read %s", path);
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	rewind(f);
	s = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(s);
	ck_assert_uint_eq(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	return s;
}

/* Every table, field and code has a label, in English and in French. */
START_TEST(labels_in_english_and_french)
{
	const char *top = getenv("top_srcdir");
	char path[4096];
	char *po;
	size_t ntabs;
	const struct cb_table_def *tabs = cb_schema_tables(&ntabs);

	snprintf(path, sizeof path, "%s/po/fr.po", top ? top : ".");
	po = slurp(path);
	for (size_t t = 0; t < ntabs; t++) {
		size_t n;
		const struct cb_field_def *f = cb_schema_table_fields(tabs[t].table, &n);
		ck_assert_msg(tabs[t].label && *tabs[t].label, "%s: no label", tabs[t].name);
		ck_assert_msg(translated(po, tabs[t].label), "%s: \"%s\" not in French",
			      tabs[t].name, tabs[t].label);
		for (size_t i = 0; i < n; i++) {
			ck_assert_msg(f[i].label && *f[i].label, "%s.%s: no label", tabs[t].name,
				      f[i].name);
			ck_assert_msg(translated(po, f[i].label), "%s.%s: \"%s\" not in French",
				      tabs[t].name, f[i].name, f[i].label);
			for (long long c = f[i].min; f[i].values && c <= f[i].max; c++)
				if (f[i].values[c] && *f[i].values[c])
					ck_assert_msg(translated(po, f[i].values[c]),
						      "%s.%s: code %lld \"%s\" not in French",
						      tabs[t].name, f[i].name, c, f[i].values[c]);
		}
	}
	free(po);
}
END_TEST

/* --- forget reaches every table that points at a person ------------------- */

#define MARK "secret"
#define HLC_OF(ms) ((uint64_t)(ms) << 16)

/* A valid value for def, carrying MARK in every text that can hold it. */
static struct cb_value
sample(const struct cb_field_def *def, const char *person, char *buf, size_t len, unsigned k)
{
	struct cb_value v = {CB_V_TEXT, 0, buf};

	switch (def->meaning) {
	case CB_M_NUMBER:
	case CB_M_FLAG:
	case CB_M_YEAR:
		return (struct cb_value){CB_V_INT, def->max > def->min ? def->min + 1 : def->min, NULL};
	case CB_M_CODE:
		for (long long c = def->min; c <= def->max; c++)
			if (cb_schema_value_label(def, c))
				return (struct cb_value){CB_V_INT, c, NULL};
		return (struct cb_value){CB_V_NULL, 0, NULL};
	case CB_M_DATE:
		snprintf(buf, len, "2001-02-03");
		return v;
	case CB_M_TIME:
		snprintf(buf, len, "18:30");
		return v;
	case CB_M_LANGS:
		snprintf(buf, len, "fr,en");
		return v;
	case CB_M_REF:
	case CB_M_REFS:
		if (def->ref == CB_T_PERSON)
			snprintf(buf, len, "%s", person);
		else
			snprintf(buf, len, "%032x", 0xabc00u + k);
		return v;
	default:
		snprintf(buf, len, MARK "-%d-%d", def->table, def->field);
		return v;
	}
}

static void
set(struct cb_db *db, const struct cb_field_def *def, const struct cb_id *row,
    const struct cb_value *v)
{
	ck_assert_msg(cb_oplog_set(db, def->table, row, def->field, v) == CB_OK,
		      "cannot set %d.%d", def->table, def->field);
}

/* Does any column of any row of sql hold needle? */
static bool
dump_holds(struct cb_db *db, const char *sql, const char *needle)
{
	struct cb_stmt *st;
	bool found = false;

	ck_assert_int_eq(cb_db_prepare(db, sql, &st), CB_OK);
	while (cb_stmt_step(st) == CB_ROW)
		for (int c = 0; c < cb_stmt_columns(st); c++)
			if (strcasestr(cb_stmt_text(st, c), needle))
				found = true;
	return found;
}

START_TEST(forget_reaches_every_person_table)
{
	struct cb_db *db = unit_db_memory();
	struct cb_id person = unit_id_fill(0x77), row;
	char hex[CB_ID_HEX_LEN + 1], buf[128];
	size_t ntabs, linked = 0;
	const struct cb_table_def *tabs = cb_schema_tables(&ntabs);
	int64_t n;
	bool wiped;

	cb_clock_pin(UNIT_NOW_MS);
	cb_id_to_hex(&person, hex);
	ck_assert_int_eq(cb_db_begin(db), CB_OK);
	/* the person, every field filled */
	{
		size_t nf;
		const struct cb_field_def *f = cb_schema_table_fields(CB_T_PERSON, &nf);
		for (size_t i = 0; i < nf; i++) {
			struct cb_value v = sample(&f[i], hex, buf, sizeof buf, 0);
			if (f[i].field == CB_F_PERSON_DELETED)
				v.i = 0;
			set(db, &f[i], &person, &v);
		}
	}
	/* one row in every other table that points at a person */
	for (size_t t = 0; t < ntabs; t++) {
		size_t nf;
		bool points = false, owned = false;
		const struct cb_field_def *f = cb_schema_table_fields(tabs[t].table, &nf);
		if (tabs[t].table == CB_T_PERSON)
			continue;
		for (size_t i = 0; i < nf; i++) {
			points = points || ((f[i].meaning == CB_M_REF || f[i].meaning == CB_M_REFS) &&
					    f[i].ref == CB_T_PERSON);
			owned = owned || (f[i].flags & CB_FIELD_OWNER);
		}
		if (!points)
			continue;
		ck_assert_msg(owned, "%s points at a person but no field says whose row it is"
			      " (CB_FIELD_OWNER): forget would leave it behind", tabs[t].name);
		linked++;
		row = unit_id_fill((unsigned char)(0x10 + t));
		for (size_t i = 0; i < nf; i++) {
			struct cb_value v = sample(&f[i], hex, buf, sizeof buf, (unsigned)t);
			if (f[i].field == tabs[t].deleted)
				v.i = 0;
			set(db, &f[i], &row, &v);
		}
	}
	ck_assert_int_eq(cb_db_commit(db), CB_OK);
	ck_assert_uint_ge(linked, 5);
	ck_assert(dump_holds(db, "SELECT value FROM ops", MARK));

	ck_assert_int_eq(cb_forget(db, &person, &wiped), CB_OK);

	/* nothing personal is left in the log or in any table */
	ck_assert_int_eq(cb_db_query_int(db, "SELECT count(*) FROM ops WHERE value LIKE '%" MARK "%'",
					 &n), CB_OK);
	ck_assert_msg(n == 0, "%lld ops still hold what was forgotten", (long long)n);
	for (size_t t = 0; t < ntabs; t++) {
		ck_assert_msg(!dump_holds(db, tabs[t].dump_sql, MARK), "%s keeps a forgotten value",
			      tabs[t].name);
		if (tabs[t].table != CB_T_PERSON)
			ck_assert_msg(!dump_holds(db, tabs[t].dump_sql, hex),
				      "%s keeps a row of the forgotten person", tabs[t].name);
	}
	/* and a rebuild from the log brings nothing back */
	ck_assert_int_eq(cb_oplog_rebuild(db), CB_OK);
	for (size_t t = 0; t < ntabs; t++) {
		ck_assert(!dump_holds(db, tabs[t].dump_sql, MARK));
		if (tabs[t].table != CB_T_PERSON)
			ck_assert(!dump_holds(db, tabs[t].dump_sql, hex));
	}
	cb_db_close(db);
}
END_TEST

/* One validator per field, by meaning: what import refuses, a local write
 * refuses too. */
START_TEST(values_checked_for_meaning)
{
	static const char *const venues2 =
		"0123456789abcdef0123456789abcdef,fedcba9876543210fedcba9876543210";
	static const struct {
		int table, field;
		const char *text; /* NULL: use i */
		long long i;
		cb_status want;
	} cases[] = {
		{CB_T_SESSION, CB_F_SESSION_DATE, "2026-03-05", 0, CB_OK},
		{CB_T_SESSION, CB_F_SESSION_DATE, "2026-99-99", 0, CB_INVALID},
		{CB_T_SESSION, CB_F_SESSION_DATE, "2026-02-29", 0, CB_INVALID},
		{CB_T_SESSION, CB_F_SESSION_DATE, "2200-01-01", 0, CB_INVALID},
		{CB_T_SESSION, CB_F_SESSION_DATE, "2026/03/05", 0, CB_INVALID},
		{CB_T_SESSION, CB_F_SESSION_START, "18:30", 0, CB_OK},
		{CB_T_SESSION, CB_F_SESSION_START, "99:99", 0, CB_INVALID},
		{CB_T_SESSION, CB_F_SESSION_START, "24:00", 0, CB_INVALID},
		{CB_T_SESSION, CB_F_SESSION_START, "8:30 ", 0, CB_INVALID},
		{CB_T_SESSION, CB_F_SESSION_VENUE, "0123456789abcdef0123456789abcdef", 0, CB_OK},
		{CB_T_SESSION, CB_F_SESSION_VENUE, "0123456789ABCDEF0123456789ABCDEF", 0, CB_INVALID},
		{CB_T_SESSION, CB_F_SESSION_VENUE, "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", 0, CB_INVALID},
		{CB_T_SESSION, CB_F_SESSION_STATUS, NULL, 2, CB_OK},
		{CB_T_SESSION, CB_F_SESSION_STATUS, NULL, 3, CB_INVALID},
		{CB_T_SERIES, CB_F_SERIES_VENUES, venues2, 0, CB_OK},
		{CB_T_SERIES, CB_F_SERIES_VENUES, "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", 0, CB_INVALID},
		{CB_T_SERIES, CB_F_SERIES_VENUES, "0123456789abcdef0123456789abcdef,", 0, CB_INVALID},
		{CB_T_PERSON, CB_F_PERSON_BIRTH_YEAR, NULL, 2010, CB_OK},
		{CB_T_PERSON, CB_F_PERSON_BIRTH_YEAR, NULL, 9999, CB_INVALID},
		{CB_T_PERSON, CB_F_PERSON_NAME, "Zoé", 0, CB_OK},
		{CB_T_PERSON, CB_F_PERSON_NAME, "Zo\né", 0, CB_INVALID},
		{CB_T_PERSON, CB_F_PERSON_NAME, "Zo\té", 0, CB_INVALID},
		{CB_T_PERSON, CB_F_PERSON_NOTES, "line\nline", 0, CB_OK},
		{CB_T_PERSON, CB_F_PERSON_LANGUAGES, "fr,en", 0, CB_OK},
		{CB_T_PERSON, CB_F_PERSON_LANGUAGES, "fr,,en", 0, CB_INVALID},
		{CB_T_ATTENDANCE, CB_F_ATT_ROLE, NULL, 0, CB_INVALID},
		{CB_T_SKILL, CB_F_SKILL_LEVEL, NULL, 4, CB_OK},
	};
	struct cb_db *db = unit_db_memory();
	struct cb_id site = unit_id_fill(0x31), row = unit_id_fill(0x32);

	cb_clock_pin(UNIT_NOW_MS);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct cb_field_def *def = cb_schema_field(cases[i].table, cases[i].field);
		struct cb_value v = cases[i].text ? (struct cb_value){CB_V_TEXT, 0, cases[i].text}
						  : (struct cb_value){CB_V_INT, cases[i].i, NULL};
		struct cb_op op = unit_op(&site, (int64_t)i + 1, HLC_OF(UNIT_NOW_MS), &row, 1, v);
		ck_assert_ptr_nonnull(def);
		ck_assert_msg(cb_schema_check(def, &v) == cases[i].want, "case %zu", i);
		op.table = cases[i].table;
		op.field = cases[i].field;
		ck_assert_msg((cb_op_validate(&op) == CB_OK) == (cases[i].want == CB_OK),
			      "import, case %zu", i);
		ck_assert_int_eq(cb_db_begin(db), CB_OK);
		ck_assert_msg((cb_oplog_set(db, op.table, &row, op.field, &v) == CB_OK) ==
			      (cases[i].want == CB_OK), "local write, case %zu", i);
		ck_assert_int_eq(cb_db_commit(db), CB_OK);
		if (cases[i].text && cases[i].table == CB_T_SESSION)
			ck_assert_int_eq(cb_schema_check_text(op.table, op.field, cases[i].text),
					 cases[i].want);
	}
	cb_db_close(db);
}
END_TEST

/* A bad value already in a database (an older version let it in) is read
 * as such and never stops a listing: a series whose venue list is not
 * ids is listed, got and removed. */
START_TEST(readers_tolerate_a_bad_row)
{
	static const char corrupt[] =
		"UPDATE series SET venues = 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz'";
	struct cb_db *db = unit_db_memory();
	struct cb_id row = unit_id_fill(0x61);
	struct cb_series_list l;
	struct cb_series x;
	struct cb_value first = {CB_V_TEXT, 0, "2026-03-05"};

	cb_clock_pin(UNIT_NOW_MS);
	ck_assert_int_eq(cb_db_begin(db), CB_OK);
	ck_assert_int_eq(cb_oplog_set(db, CB_T_SERIES, &row, CB_F_SERIES_FIRST, &first), CB_OK);
	ck_assert_int_eq(cb_db_commit(db), CB_OK);
	ck_assert_int_eq(cb_db_exec(db, corrupt), CB_OK);
	ck_assert_int_eq(cb_series_list(db, &l), CB_OK);
	ck_assert_uint_eq(l.count, 1);
	ck_assert_uint_eq(l.items[0].nvenues, 0);
	cb_series_list_free(&l);
	ck_assert_int_eq(cb_series_get(db, &row, &x), CB_OK);
	cb_series_clear(&x);
	ck_assert_int_eq(cb_series_remove(db, &row, cb_date_today()), CB_OK);
	cb_db_close(db);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("schema");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, schema_equals_database);
	tcase_add_test(tc, labels_in_english_and_french);
	tcase_add_test(tc, forget_reaches_every_person_table);
	tcase_add_test(tc, values_checked_for_meaning);
	tcase_add_test(tc, readers_tolerate_a_bad_row);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
