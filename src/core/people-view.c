/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The People list, and helpers shared by the people modules. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cambouis/buf.h"
#include "cambouis/calendar.h"
#include "cambouis/skills.h"
#include "cambouis/text.h"
#include "people-private.h"

/* One pass over attendance (grouped by person) joined to the people: the
 * same question the benchmark asks of the sqlite3 shell. */
static const char SQL_LIST[] =
	"SELECT p.id, p.name, p.learner, p.mentor, p.organiser, p.category, p.birth_year,"
	" p.languages, p.attestation, coalesce(v.n, 0), v.last"
	" FROM people p LEFT JOIN (SELECT a.person AS person, count(*) AS n, max(s.date) AS last"
	"   FROM attendance a JOIN sessions s ON lower(hex(s.id)) = +a.session"
	"   WHERE a.deleted = 0 GROUP BY a.person) v ON v.person = lower(hex(p.id))"
	" WHERE p.deleted = 0 AND p.name IS NOT NULL AND (?1 = 0 OR (?1 = 1 AND p.learner = 1)"
	"  OR (?1 = 2 AND p.mentor = 1) OR (?1 = 3 AND p.organiser = 1))";
static const char SQL_NAME[] = "SELECT name FROM people WHERE lower(hex(id)) = ?1";
static const char SQL_SKILL_LEVELS[] =
	"SELECT skill, level FROM skill_signoffs WHERE person = ?1 ORDER BY skill, date, id";

static uint64_t
mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

void
ppl_derive_id(uint32_t tag, const struct cb_id *a, const struct cb_id *b, struct cb_id *out)
{
	uint64_t h1 = 0xcbf29ce484222325ull ^ tag, h2;

	for (int i = 0; i < CB_ID_LEN; i++)
		h1 = (h1 ^ a->b[i]) * 0x100000001b3ull;
	for (int i = 0; i < CB_ID_LEN; i++)
		h1 = (h1 ^ b->b[i]) * 0x100000001b3ull;
	h1 = mix64(h1);
	h2 = mix64(h1 ^ 0x9E3779B97F4A7C15ull ^ ((uint64_t)tag << 32));
	memcpy(out->b, a->b, 6);
	for (int i = 0; i < 8; i++)
		out->b[6 + i] = (unsigned char)(h1 >> (8 * i));
	out->b[14] = (unsigned char)h2;
	out->b[15] = (unsigned char)(h2 >> 8);
	out->b[6] = (unsigned char)((out->b[6] & 0x0f) | 0x70);
	out->b[8] = (unsigned char)((out->b[8] & 0x3f) | 0x80);
}

int
ppl_year_of(int32_t day)
{
	int y, m, d;

	cb_civil_from_days(day, &y, &m, &d);
	return y;
}

bool
ppl_may_be_minor(int birth_year, const char *category, int this_year)
{
	if (birth_year > 0)
		return cb_may_be_under(birth_year, this_year, CB_ADULT_AGE);
	/* no year: pupils and isolated minors are taken for minors */
	return category && (strcmp(category, "middle-school") == 0 ||
			    strcmp(category, "high-school") == 0 ||
			    strcmp(category, "vocational") == 0 ||
			    strcmp(category, "isolated-minor") == 0);
}

bool
ppl_attestation_valid(const char *date, int months, int32_t today)
{
	int32_t until = cb_attestation_until(date, months);
	return until >= 0 && today <= until;
}

char *
ppl_name_of(struct cb_db *db, const char *person_hex)
{
	struct cb_stmt *st;
	char *name;

	if (!person_hex || !*person_hex || cb_db_prepare(db, SQL_NAME, &st) != CB_OK)
		return strdup("");
	cb_stmt_bind_text(st, 1, person_hex);
	name = strdup(cb_stmt_step(st) == CB_ROW ? cb_stmt_text(st, 0) : "");
	cb_stmt_reset(st);
	return name;
}

cb_status
ppl_session_times(struct cb_db *db, const struct cb_id *session, char date[11], char start[6],
		  char end[6])
{
	struct cb_session s;
	cb_status rc = cb_session_get(db, session, &s);

	date[0] = start[0] = end[0] = '\0';
	if (rc != CB_OK)
		return rc;
	cb_text_copy(date, CB_DATE_LEN + 1, s.date);
	cb_text_copy(start, CB_TIME_LEN + 1, s.start);
	cb_text_copy(end, CB_TIME_LEN + 1, s.end);
	cb_session_clear(&s);
	return CB_OK;
}

cb_status
ppl_skill_counts(struct cb_db *db, const char *person_hex, int *can_teach, int *working_on)
{
	struct cb_stmt *st;
	char last[CB_SKILL_MAX + 1] = "";
	int level = 0;
	cb_status rc = cb_db_prepare(db, SQL_SKILL_LEVELS, &st);

	*can_teach = *working_on = 0;
	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_text(st, 1, person_hex);
	/* rows by skill, latest last: count each skill's last level */
	for (;;) {
		const char *skill = "";
		bool row = (rc = cb_stmt_step(st)) == CB_ROW;
		if (row)
			skill = cb_stmt_text(st, 0);
		if (last[0] && (!row || strcmp(skill, last) != 0)) {
			if (level == CB_LEVEL_TEACH)
				(*can_teach)++;
			else if (level > 0)
				(*working_on)++;
		}
		if (!row)
			break;
		cb_text_copy(last, sizeof last, skill);
		level = (int)cb_stmt_int(st, 1);
	}
	return rc == CB_DONE ? CB_OK : rc;
}

/* --- the People list -------------------------------------------------------- */

static int
row_by_name(const void *a, const void *b)
{
	const struct cb_person_row *x = a, *y = b;
	int c = cb_text_collate(x->name, y->name);
	if (!c)
		c = strcmp(x->name, y->name);
	return c ? c : cb_id_cmp(&x->id, &y->id);
}

cb_status
cb_person_list(struct cb_db *db, const struct cb_config *cfg, enum cb_role role, int32_t today,
	       struct cb_person_rows *out)
{
	int months = cb_attestation_months(cfg);
	struct cb_stmt *st;
	size_t cap = 0;
	cb_status rc = cb_db_prepare(db, SQL_LIST, &st);

	memset(out, 0, sizeof *out);
	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_int(st, 1, role);
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		struct cb_person_row *r;
		if (!cb_grow(&out->items, &cap, out->count, sizeof *out->items, 16)) {
			rc = CB_NOMEM;
			break;
		}
		r = &out->items[out->count];
		memset(r, 0, sizeof *r);
		cb_stmt_id(st, 0, &r->id);
		r->name = strdup(cb_stmt_text(st, 1));
		r->category = strdup(cb_stmt_text(st, 5));
		r->languages = strdup(cb_stmt_text(st, 7));
		out->count++;
		if (!r->name || !r->category || !r->languages) {
			rc = CB_NOMEM;
			break;
		}
		for (int i = 0; i < 3; i++)
			if (cb_stmt_int(st, 2 + i))
				r->roles |= CB_ROLE_BIT(CB_ROLE_LEARNER + i);
		r->birth_year = (int)cb_stmt_int(st, 6);
		r->sessions = (int)cb_stmt_int(st, 9);
		cb_text_copy(r->last_seen, sizeof r->last_seen, cb_stmt_text(st, 10));
		if (r->roles & CB_ROLE_BIT(CB_ROLE_MENTOR)) {
			int32_t until = cb_attestation_until(cb_stmt_text(st, 8), months);
			if (until >= 0)
				cb_date_format(until, r->attestation_until);
			r->attestation_expired = until < today;
		}
	}
	if (rc != CB_DONE) {
		cb_stmt_reset(st);
		cb_person_rows_free(out);
		return rc;
	}
	if (out->count > 1)
		qsort(out->items, out->count, sizeof *out->items, row_by_name);
	return CB_OK;
}

void
cb_person_rows_free(struct cb_person_rows *l)
{
	for (size_t i = 0; i < l->count; i++) {
		free(l->items[i].name);
		free(l->items[i].category);
		free(l->items[i].languages);
	}
	free(l->items);
	l->items = NULL;
	l->count = 0;
}

bool
cb_attestation_valid(const char *date, const struct cb_config *cfg, int32_t today)
{
	return ppl_attestation_valid(date, cb_attestation_months(cfg), today);
}

bool
cb_person_may_be_minor(const struct cb_person *p, int32_t today)
{
	return ppl_may_be_minor(p->birth_year, p->category, ppl_year_of(today));
}
