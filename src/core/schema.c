/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The schema table: the registry of modules, lookups, the SQL made from
 * the table's names, and the one validator of a field's value.
 *
 * Each module declares its tables, fields and migrations in its own
 * src/core/<module>-schema.c; adding a module is one line in SCHEMA_MODULES. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/date.h"
#include "cambouis/i18n.h"
#include "cambouis/id.h"
#include "cambouis/schema.h"
#include "cambouis/text.h"
#include "schema-private.h"

/* --- the registry ---------------------------------------------------------- */

/* One line per module: its src/core/NAME-schema.c defines cb_NAME_schema.
 * The order is the order of the tables in dumps and rebuilds. */
#define SCHEMA_MODULES(_) \
	_(core) \
	_(venue) \
	_(calendar) \
	_(people) \
	_(parts)

#define SCHEMA_DECLARE(name) extern const struct cb_schema_module cb_##name##_schema;
SCHEMA_MODULES(SCHEMA_DECLARE)
#define SCHEMA_ENTRY(name) &cb_##name##_schema,
static const struct cb_schema_module *const modules[] = {SCHEMA_MODULES(SCHEMA_ENTRY)};
#define NMODULES (sizeof modules / sizeof modules[0])

const struct cb_schema_module *const *
cb_schema_modules(size_t *count)
{
	*count = NMODULES;
	return modules;
}

/* --- the index ------------------------------------------------------------- */

/* Codes are small numbers: every op asks for its field several times on
 * its way in, so a field is found by index, not by a search. */
#define CODES 64
#define TABLES_MAX 64
#define SQL_MAX 1024

static struct {
	bool ready; /* the program has one thread */
	const struct cb_field_def *by_code[CODES][CODES];
	struct cb_table_def tables[TABLES_MAX];
	size_t ntables;
	char sql[TABLES_MAX][3][SQL_MAX];
} ix;

static void
derive_sql(struct cb_table_def *t, char sql[3][SQL_MAX], const struct cb_field_def *f, size_t n)
{
	int len;

	snprintf(sql[0], SQL_MAX, "INSERT OR IGNORE INTO %s(id) VALUES(?1)", t->name);
	snprintf(sql[1], SQL_MAX, "DELETE FROM %s", t->name);
	len = snprintf(sql[2], SQL_MAX, "SELECT hex(id)");
	for (size_t i = 0; i < n && len > 0 && len < SQL_MAX; i++)
		len += snprintf(sql[2] + len, SQL_MAX - (size_t)len, ", %s", f[i].column);
	if (len > 0 && len < SQL_MAX)
		snprintf(sql[2] + len, SQL_MAX - (size_t)len, " FROM %s ORDER BY id", t->name);
	t->create_row_sql = sql[0];
	t->clear_sql = sql[1];
	t->dump_sql = sql[2];
}

static void
index_schema(void)
{
	if (ix.ready)
		return;
	for (size_t m = 0; m < NMODULES; m++) {
		const struct cb_schema_module *mod = modules[m];
		for (size_t i = 0; i < mod->nfields; i++) {
			const struct cb_field_def *f = &mod->fields[i];
			if (f->table > 0 && f->table < CODES && f->field > 0 && f->field < CODES)
				ix.by_code[f->table][f->field] = f;
		}
		for (size_t i = 0; i < mod->ntables && ix.ntables < TABLES_MAX; i++) {
			struct cb_table_def *t = &ix.tables[ix.ntables];
			const struct cb_field_def *f;
			size_t n;

			*t = mod->tables[i];
			ix.ntables++;
			f = cb_module_table_fields(mod, t->table, &n);
			derive_sql(t, ix.sql[ix.ntables - 1], f, n);
		}
	}
	ix.ready = true;
}

const struct cb_field_def *
cb_module_table_fields(const struct cb_schema_module *mod, int table, size_t *count)
{
	size_t first = 0, n = 0;

	for (size_t i = 0; i < mod->nfields; i++) {
		if (mod->fields[i].table != table)
			continue;
		if (n == 0)
			first = i;
		n++;
	}
	*count = n;
	return n ? &mod->fields[first] : NULL;
}

const struct cb_field_def *
cb_schema_field(int table, int field)
{
	if (!ix.ready)
		index_schema();
	if (table < 0 || table >= CODES || field < 0 || field >= CODES)
		return NULL;
	return ix.by_code[table][field];
}

const struct cb_field_def *
cb_schema_table_fields(int table, size_t *count)
{
	for (size_t m = 0; m < NMODULES; m++) {
		const struct cb_field_def *f = cb_module_table_fields(modules[m], table, count);
		if (f)
			return f;
	}
	*count = 0;
	return NULL;
}

const struct cb_field_def *
cb_schema_field_named(int table, const char *name)
{
	size_t n;
	const struct cb_field_def *f = cb_schema_table_fields(table, &n);

	for (size_t i = 0; i < n; i++)
		if (strcmp(f[i].name, name) == 0)
			return &f[i];
	return NULL;
}

const struct cb_table_def *
cb_schema_table(int table)
{
	index_schema();
	for (size_t i = 0; i < ix.ntables; i++)
		if (ix.tables[i].table == table)
			return &ix.tables[i];
	return NULL;
}

const struct cb_table_def *
cb_schema_tables(size_t *count)
{
	index_schema();
	*count = ix.ntables;
	return ix.tables;
}

/* --- migrations ------------------------------------------------------------ */

const char *
cb_schema_migration(int version)
{
	for (size_t m = 0; m < NMODULES; m++)
		for (size_t i = 0; i < modules[m]->nmigrations; i++)
			if (modules[m]->migrations[i].version == version)
				return modules[m]->migrations[i].sql;
	return NULL;
}

int
cb_schema_migrations(void)
{
	int n = 0;

	while (cb_schema_migration(n + 1))
		n++;
	return n;
}

/* --- words for people ------------------------------------------------------ */

const char *
cb_schema_field_label(int table, int field)
{
	const struct cb_field_def *def = cb_schema_field(table, field);

	return def && def->label ? _(def->label) : def ? def->name : "?";
}

const char *
cb_schema_table_label(int table)
{
	const struct cb_table_def *t = cb_schema_table(table);

	return t && t->label ? _(t->label) : t ? t->name : "?";
}

const char *
cb_schema_value_label(const struct cb_field_def *def, long long code)
{
	if (def->meaning != CB_M_CODE || !def->values || code < def->min || code > def->max ||
	    !def->values[code] || !*def->values[code])
		return NULL;
	return _(def->values[code]);
}

/* --- the validator --------------------------------------------------------- */


/* n ids, comma-separated, no empty one */
static bool
hex_run(const char *s)
{
	for (size_t i = 0; i < CB_ID_HEX_LEN; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return true;
}

static bool
ids_valid(const char *s)
{
	for (;;) {
		if (!hex_run(s))
			return false;
		s += CB_ID_HEX_LEN;
		if (!*s)
			return true;
		if (*s++ != ',') /* and an id must follow */
			return false;
	}
}

bool
cb_schema_id_valid(const char *s)
{
	return hex_run(s) && s[CB_ID_HEX_LEN] == '\0';
}

static bool
langs_valid(const char *s)
{
	for (;;) {
		size_t n = 0;
		while (s[n] >= 'a' && s[n] <= 'z')
			n++;
		if (n < 2 || n > 3)
			return false;
		s += n;
		if (!*s)
			return true;
		if (*s++ != ',')
			return false;
	}
}

static bool
time_valid(const char *s)
{
	int minutes;

	return strlen(s) == CB_TIME_LEN && cb_time_parse(s, &minutes) == CB_OK;
}

cb_status
cb_schema_check(const struct cb_field_def *def, const struct cb_value *v)
{
	size_t n;

	if (v->type == CB_V_NULL)
		return CB_OK;
	if (v->type != def->type)
		return CB_INVALID;
	if (v->type == CB_V_INT) {
		if (v->i < def->min || v->i > def->max)
			return CB_INVALID;
		if (def->meaning == CB_M_CODE && !cb_schema_value_label(def, v->i))
			return CB_INVALID;
		return CB_OK;
	}
	if (v->type != CB_V_TEXT || !v->s)
		return CB_INVALID;
	n = strlen(v->s);
	if ((long long)n > def->max)
		return CB_TOO_LONG;
	if ((long long)n < def->min)
		return CB_INVALID;
	/* the formats below allow a few ASCII characters only: checking them
	 * says the text is valid UTF-8 with no control character too */
	switch (def->meaning) {
	case CB_M_DATE:
		return cb_date_valid(v->s) ? CB_OK : CB_INVALID;
	case CB_M_TIME:
		return time_valid(v->s) ? CB_OK : CB_INVALID;
	case CB_M_REF:
		return cb_schema_id_valid(v->s) ? CB_OK : CB_INVALID;
	case CB_M_REFS:
		return ids_valid(v->s) ? CB_OK : CB_INVALID;
	case CB_M_LANGS:
		return langs_valid(v->s) ? CB_OK : CB_INVALID;
	default:
		return cb_utf8_valid(v->s, n) && !cb_text_has_control(v->s, def->meaning == CB_M_TEXT)
		       ? CB_OK : CB_INVALID;
	}
}

cb_status
cb_schema_check_text(int table, int field, const char *text)
{
	const struct cb_field_def *def = cb_schema_field(table, field);
	struct cb_value v = {CB_V_NULL, 0, NULL};

	if (!def)
		return CB_INVALID;
	if (text && *text) {
		if (def->type == CB_V_INT) {
			char *end;
			v.type = CB_V_INT;
			v.i = strtoll(text, &end, 10);
			if (*end)
				return CB_INVALID;
		} else {
			v.type = CB_V_TEXT;
			v.s = text;
		}
	}
	return cb_schema_check(def, &v);
}

cb_status
cb_schema_check_meaning(enum cb_meaning meaning, const char *text)
{
	struct cb_field_def def = {0};
	struct cb_value v = {CB_V_TEXT, 0, text};

	def.type = CB_V_TEXT;
	def.max = 4096;
	def.meaning = meaning;
	return text ? cb_schema_check(&def, &v) : CB_INVALID;
}

/* --- naming rows ------------------------------------------------------------- */

char *
cb_schema_printf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	return n < 0 ? NULL : s;
}
