/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Series: the plan of a series and the sessions it lays out. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "calendar-private.h"
#include "cambouis/buf.h"
#include "cambouis/clock.h"
#include "cambouis/text.h"

static const char SQL_SERIES_GET[] =
	"SELECT id, first_date, starts, ends, every_weeks, venues, until_date, count,"
	" holiday_rule, deleted FROM series WHERE id = ?1";
static const char SQL_SERIES_LIST[] =
	"SELECT id, first_date, starts, ends, every_weeks, venues, until_date, count,"
	" holiday_rule, deleted FROM series WHERE deleted = 0 AND first_date IS NOT NULL"
	" ORDER BY first_date, id";
static const char SQL_SERIES_BY_FIRST[] =
	"SELECT id FROM series WHERE deleted = 0 AND first_date = ?1 LIMIT 2";
static const char SQL_SERIES_STATS[] =
	"SELECT count(*), coalesce(max(date), '') FROM sessions WHERE series = ?1 AND deleted = 0";
static const char SQL_SERIES_SESSIONS[] =
	"SELECT slot, date, starts, ends, venue, status, edited, deleted FROM sessions"
	" WHERE series = ?1 AND slot IS NOT NULL ORDER BY slot";
static const char SQL_SERIES_OPEN[] =
	"SELECT id FROM series WHERE deleted = 0 AND until_date IS NULL AND count IS NULL";
static const char SQL_SERIES_MAX_SLOT[] =
	"SELECT coalesce(max(slot), -1) FROM sessions WHERE series = ?1";

/* Past this, a series is surely mistyped (and the loop must end). */
#define SLOT_MAX 100000
/* How far before/after may push a session out of a holiday period. */
#define MOVE_MAX_DAYS 366

/* --- the plan (pure) -------------------------------------------------- */

/* Move day off a holiday in direction dir; false when no free day is near. */
static bool
move_off_holiday(const struct cb_holidays *h, int32_t *day, int dir)
{
	for (int i = 1; i <= MOVE_MAX_DAYS; i++) {
		if (cb_holiday_on(h, *day + dir * i, NULL) == CB_HOLIDAY_NONE) {
			*day += dir * i;
			return true;
		}
	}
	return false;
}

cb_status
cb_series_plan(const struct cb_series_def *def, const struct cb_holidays *h, int32_t horizon,
	       struct cb_plan_item **out, size_t *n)
{
	struct cb_plan_item *items = NULL;
	size_t cap = 0, made = 0, rotation = 0;
	bool open = def->until < 0 && def->count <= 0;

	*out = NULL;
	*n = 0;
	if (def->every_weeks < 1 || def->every_weeks > 52 || def->nvenues < 1)
		return CB_INVALID;
	for (int slot = 0; slot < SLOT_MAX; slot++) {
		int32_t nominal = def->first + (int32_t)slot * 7 * def->every_weeks;
		int32_t day = nominal;
		bool moved = false;

		if (def->until >= 0 && nominal > def->until)
			break;
		/* a series ends with the supported range of dates */
		if (nominal > CB_DAY_MAX)
			break;
		if (def->count > 0 && made >= (size_t)def->count)
			break;
		if ((open && nominal > horizon) || made >= CB_SERIES_SESSIONS_MAX)
			break;
		if (cb_holiday_on(h, nominal, NULL) != CB_HOLIDAY_NONE) {
			switch (def->rule) {
			case CB_HOLIDAY_SKIP:
				continue; /* the rotation stays where it is */
			case CB_HOLIDAY_BEFORE:
			case CB_HOLIDAY_AFTER:
				if (!move_off_holiday(h, &day, def->rule == CB_HOLIDAY_BEFORE ? -1 : 1) ||
				    !cb_day_in_range(day))
					continue;
				moved = true;
				break;
			case CB_HOLIDAY_IGNORE:
				break;
			}
		}
		if (!cb_grow(&items, &cap, made, sizeof *items, 64)) {
			free(items);
			return CB_NOMEM;
		}
		items[made++] = (struct cb_plan_item){slot, day, rotation % def->nvenues, moved};
		rotation++;
	}
	*out = items;
	*n = made;
	return CB_OK;
}

/* --- small helpers shared by the calendar files ------------------------ */

/* splitmix64's finaliser: spreads every input bit over the output. */
static uint64_t
mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

void
cb_session_id_for_slot(const struct cb_id *series, int slot, struct cb_id *out)
{
	uint64_t h = 0xcbf29ce484222325ull, h2;

	for (int i = 0; i < CB_ID_LEN; i++)
		h = (h ^ series->b[i]) * 0x100000001b3ull;
	h = mix64(h ^ ((uint64_t)(unsigned)slot * 0x9E3779B97F4A7C15ull));
	h2 = mix64(h ^ 0x5EC5105Eull);
	/* keep the series' time stamp so ids still sort by creation */
	memcpy(out->b, series->b, 6);
	for (int i = 0; i < 8; i++)
		out->b[6 + i] = (unsigned char)(h >> (8 * i));
	out->b[14] = (unsigned char)h2;
	out->b[15] = (unsigned char)(h2 >> 8);
	out->b[6] = (unsigned char)((out->b[6] & 0x0f) | 0x70);
	out->b[8] = (unsigned char)((out->b[8] & 0x3f) | 0x80);
}

/* --- series rows --------------------------------------------------------- */

/* Parse "hex,hex,..." into a malloc'ed array. */
static cb_status
parse_venues(const char *s, struct cb_id **out, size_t *n)
{
	size_t len = strlen(s), count = 0;
	struct cb_id *v;
	char hex[CB_ID_HEX_LEN + 1];

	*out = NULL;
	*n = 0;
	if (!len)
		return CB_OK;
	if ((len + 1) % (CB_ID_HEX_LEN + 1) != 0)
		return CB_INVALID;
	count = (len + 1) / (CB_ID_HEX_LEN + 1);
	if (!(v = calloc(count, sizeof *v)))
		return CB_NOMEM;
	for (size_t i = 0; i < count; i++) {
		const char *p = s + i * (CB_ID_HEX_LEN + 1);
		memcpy(hex, p, CB_ID_HEX_LEN);
		hex[CB_ID_HEX_LEN] = '\0';
		if ((i + 1 < count && p[CB_ID_HEX_LEN] != ',') || cb_id_from_hex(hex, &v[i]) != CB_OK) {
			free(v);
			return CB_INVALID;
		}
	}
	*out = v;
	*n = count;
	return CB_OK;
}

/* "hex,hex,..." (malloc'ed) */
static char *
format_venues(const struct cb_id *v, size_t n)
{
	char *s = malloc(n * (CB_ID_HEX_LEN + 1) + 1);

	if (!s)
		return NULL;
	s[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		cb_id_to_hex(&v[i], s + i * (CB_ID_HEX_LEN + 1));
		if (i + 1 < n)
			s[(i + 1) * (CB_ID_HEX_LEN + 1) - 1] = ',';
	}
	return s;
}

static cb_status
read_series(struct cb_stmt *st, struct cb_series *s)
{
	cb_status rc;

	memset(s, 0, sizeof *s);
	cb_stmt_id(st, 0, &s->id);
	cb_text_copy(s->first, sizeof s->first, cb_stmt_text(st, 1));
	cb_text_copy(s->start, sizeof s->start, cb_stmt_text(st, 2));
	cb_text_copy(s->end, sizeof s->end, cb_stmt_text(st, 3));
	s->every_weeks = (int)cb_stmt_int(st, 4);
	cb_text_copy(s->until, sizeof s->until, cb_stmt_text(st, 6));
	s->count = cb_stmt_is_null(st, 7) ? 0 : (int)cb_stmt_int(st, 7);
	s->rule = (enum cb_holiday_rule)cb_stmt_int(st, 8);
	/* a venue list that is not one (written by an older version, before
	 * import checked meanings) reads as no venue: the series is listed,
	 * shown with no venue and can be removed, and plans nothing */
	rc = parse_venues(cb_stmt_text(st, 5), &s->venues, &s->nvenues);
	return rc == CB_INVALID ? CB_OK : rc;
}

static cb_status
series_stats(struct cb_db *db, struct cb_series *s)
{
	struct cb_stmt *st;
	char hex[CB_ID_HEX_LEN + 1];
	cb_status rc = cb_db_prepare(db, SQL_SERIES_STATS, &st);

	if (rc != CB_OK)
		return rc;
	cb_id_to_hex(&s->id, hex);
	cb_stmt_bind_text(st, 1, hex);
	if ((rc = cb_stmt_step(st)) != CB_ROW)
		return rc == CB_DONE ? CB_DB_ERROR : rc;
	s->sessions = (int)cb_stmt_int(st, 0);
	cb_text_copy(s->last, sizeof s->last, cb_stmt_text(st, 1));
	cb_stmt_reset(st);
	return CB_OK;
}

cb_status
cb_series_get(struct cb_db *db, const struct cb_id *id, struct cb_series *out)
{
	struct cb_stmt *st;
	cb_status rc;

	memset(out, 0, sizeof *out);
	if ((rc = cb_db_row_by_id(db, SQL_SERIES_GET, id, &st)) != CB_OK)
		return rc;
	rc = read_series(st, out);
	cb_stmt_reset(st);
	if (rc == CB_OK)
		rc = series_stats(db, out);
	if (rc != CB_OK)
		cb_series_clear(out);
	return rc;
}

void
cb_series_clear(struct cb_series *s)
{
	free(s->venues);
	s->venues = NULL;
	s->nvenues = 0;
}

cb_status
cb_series_list(struct cb_db *db, struct cb_series_list *out)
{
	struct cb_stmt *st;
	size_t cap = 0;
	cb_status rc = cb_db_prepare(db, SQL_SERIES_LIST, &st);

	out->items = NULL;
	out->count = 0;
	if (rc != CB_OK)
		return rc;
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		if (!cb_grow(&out->items, &cap, out->count, sizeof *out->items, 8)) {
			rc = CB_NOMEM;
			break;
		}
		if ((rc = read_series(st, &out->items[out->count])) != CB_OK)
			break;
		out->count++;
	}
	if (rc != CB_DONE) {
		cb_stmt_reset(st);
		cb_series_list_free(out);
		return rc;
	}
	for (size_t i = 0; i < out->count; i++)
		if ((rc = series_stats(db, &out->items[i])) != CB_OK) {
			cb_series_list_free(out);
			return rc;
		}
	return CB_OK;
}

void
cb_series_list_free(struct cb_series_list *l)
{
	for (size_t i = 0; i < l->count; i++)
		cb_series_clear(&l->items[i]);
	free(l->items);
	l->items = NULL;
	l->count = 0;
}

cb_status
cb_series_find(struct cb_db *db, const char *key, struct cb_id *out)
{
	struct cb_series s;
	cb_status rc;

	if (cb_id_from_hex(key, out) == CB_OK) {
		if ((rc = cb_series_get(db, out, &s)) != CB_OK)
			return rc;
		cb_series_clear(&s);
		return s.first[0] ? CB_OK : CB_NOT_FOUND;
	}
	if (!cb_date_valid(key))
		return CB_NOT_FOUND;
	return cb_db_find_id(db, SQL_SERIES_BY_FIRST, key, out);
}

/* The plan's view of a stored series; CB_INVALID when its ops are not all
 * there yet (a half-synced row). */
static cb_status
series_def(const struct cb_series *s, struct cb_series_def *def)
{
	memset(def, 0, sizeof *def);
	if (cb_date_parse(s->first, &def->first) != CB_OK ||
	    cb_time_parse(s->start, &def->start) != CB_OK ||
	    cb_time_parse(s->end, &def->end) != CB_OK || s->nvenues < 1 ||
	    s->every_weeks < 1 || s->every_weeks > 52 || (unsigned)s->rule > CB_HOLIDAY_IGNORE)
		return CB_INVALID;
	def->every_weeks = s->every_weeks;
	def->nvenues = s->nvenues;
	def->until = -1;
	if (s->until[0] && cb_date_parse(s->until, &def->until) != CB_OK)
		return CB_INVALID;
	def->count = s->count;
	def->rule = s->rule;
	return CB_OK;
}

/* --- laying sessions out ------------------------------------------------- */

/* What a series' session looks like now. */
struct existing {
	int slot;
	char date[CB_DATE_LEN + 1];
	char start[CB_TIME_LEN + 1];
	char end[CB_TIME_LEN + 1];
	char venue[CB_ID_HEX_LEN + 1];
	int status;
	bool edited, deleted;
};

static cb_status
load_existing(struct cb_db *db, const char *series_hex, struct existing **out, size_t *n)
{
	struct cb_stmt *st;
	struct existing *v = NULL;
	size_t cap = 0, count = 0;
	cb_status rc = cb_db_prepare(db, SQL_SERIES_SESSIONS, &st);

	*out = NULL;
	*n = 0;
	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_text(st, 1, series_hex);
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		if (!cb_grow(&v, &cap, count, sizeof *v, 64)) {
			cb_stmt_reset(st);
			free(v);
			return CB_NOMEM;
		}
		struct existing *e = &v[count++];
		e->slot = (int)cb_stmt_int(st, 0);
		cb_text_copy(e->date, sizeof e->date, cb_stmt_text(st, 1));
		cb_text_copy(e->start, sizeof e->start, cb_stmt_text(st, 2));
		cb_text_copy(e->end, sizeof e->end, cb_stmt_text(st, 3));
		cb_text_copy(e->venue, sizeof e->venue, cb_stmt_text(st, 4));
		e->status = (int)cb_stmt_int(st, 5);
		e->edited = cb_stmt_int(st, 6) != 0;
		e->deleted = cb_stmt_int(st, 7) != 0;
	}
	if (rc != CB_DONE) {
		free(v);
		return rc;
	}
	*out = v;
	*n = count;
	return CB_OK;
}

/* Set a text field of a session when it differs from what it holds. */
static cb_status
update_text(struct cb_db *db, const struct cb_id *id, int field, const char *now,
	    const char *want, size_t *changes)
{
	if (now && strcmp(now, want) == 0)
		return CB_OK;
	(*changes)++;
	return cb_write_text(db, CB_T_SESSION, id, field, want);
}

enum lay_mode {
	LAY_ALL,      /* a new series: make every session of the plan */
	LAY_FUTURE,   /* an edit: make, change or remove untouched sessions from today on */
	LAY_MISSING,  /* extension: only make the sessions not there yet */
};

/* Bring the sessions of series s in line with its plan (see enum lay_mode).
 * *changed counts sessions made, changed or removed. */
static cb_status
lay_out(struct cb_db *db, const struct cb_holidays *h, const struct cb_series *s,
	int32_t today, enum lay_mode mode, size_t *changed)
{
	struct cb_series_def def;
	struct cb_plan_item *plan = NULL;
	struct existing *ex = NULL;
	size_t nplan = 0, nex = 0, j = 0;
	char series_hex[CB_ID_HEX_LEN + 1], from[CB_DATE_LEN + 1], start[CB_TIME_LEN + 1],
		end[CB_TIME_LEN + 1];
	int32_t horizon;
	cb_status rc;

	if ((rc = series_def(s, &def)) != CB_OK)
		return rc;
	horizon = (def.first > today ? def.first : today) + CB_SERIES_HORIZON_DAYS;
	if ((rc = cb_series_plan(&def, h, horizon, &plan, &nplan)) != CB_OK)
		return rc;
	cb_id_to_hex(&s->id, series_hex);
	if ((rc = load_existing(db, series_hex, &ex, &nex)) != CB_OK) {
		free(plan);
		return rc;
	}
	if (mode == LAY_ALL)
		from[0] = '\0'; /* every date is after "" */
	else
		cb_date_format(today, from);
	cb_time_format(def.start, start);
	cb_time_format(def.end, end);

	for (size_t i = 0; i < nplan && rc == CB_OK; i++) {
		const struct cb_plan_item *p = &plan[i];
		struct existing *e = NULL;
		char date[CB_DATE_LEN + 1], venue[CB_ID_HEX_LEN + 1];
		struct cb_id id;
		size_t before;

		/* ex is ordered by slot: drop what the plan no longer has */
		for (; j < nex && ex[j].slot < p->slot; j++) {
			if (mode == LAY_FUTURE && !ex[j].deleted && !ex[j].edited &&
			    ex[j].status == CB_SESSION_PLANNED && strcmp(ex[j].date, from) >= 0) {
				struct cb_id gone;
				cb_session_id_for_slot(&s->id, ex[j].slot, &gone);
				rc = cb_write_int(db, CB_T_SESSION, &gone, CB_F_SESSION_DELETED, 1);
				(*changed)++;
			}
		}
		if (rc != CB_OK)
			break;
		if (j < nex && ex[j].slot == p->slot)
			e = &ex[j++];
		cb_date_format(p->day, date);
		cb_id_to_hex(&s->venues[p->venue], venue);
		cb_session_id_for_slot(&s->id, p->slot, &id);
		if (strcmp(date, from) < 0)
			continue; /* the past is left as it is */
		if (e && (mode == LAY_MISSING || e->edited || e->status != CB_SESSION_PLANNED ||
			  strcmp(e->date, from) < 0))
			continue; /* touched by hand, or already there */
		before = *changed;
		if (!e) {
			rc = cb_write_text(db, CB_T_SESSION, &id, CB_F_SESSION_SERIES, series_hex);
			if (rc == CB_OK)
				rc = cb_write_int(db, CB_T_SESSION, &id, CB_F_SESSION_SLOT, p->slot);
			/* written now so a cancellation is a change (SEQUENCE) */
			if (rc == CB_OK)
				rc = cb_write_int(db, CB_T_SESSION, &id, CB_F_SESSION_STATUS,
						 CB_SESSION_PLANNED);
		} else if (e->deleted) {
			rc = cb_write_int(db, CB_T_SESSION, &id, CB_F_SESSION_DELETED, 0);
		}
		if (rc == CB_OK)
			rc = update_text(db, &id, CB_F_SESSION_DATE, e ? e->date : NULL, date, changed);
		if (rc == CB_OK)
			rc = update_text(db, &id, CB_F_SESSION_START, e ? e->start : NULL, start, changed);
		if (rc == CB_OK)
			rc = update_text(db, &id, CB_F_SESSION_END, e ? e->end : NULL, end, changed);
		if (rc == CB_OK)
			rc = update_text(db, &id, CB_F_SESSION_VENUE, e ? e->venue : NULL, venue, changed);
		/* count the session once, however many of its fields moved */
		if (*changed > before || (e && e->deleted))
			*changed = before + 1;
	}
	for (; rc == CB_OK && j < nex; j++) {
		if (mode == LAY_FUTURE && !ex[j].deleted && !ex[j].edited &&
		    ex[j].status == CB_SESSION_PLANNED && strcmp(ex[j].date, from) >= 0) {
			struct cb_id gone;
			cb_session_id_for_slot(&s->id, ex[j].slot, &gone);
			rc = cb_write_int(db, CB_T_SESSION, &gone, CB_F_SESSION_DELETED, 1);
			(*changed)++;
		}
	}
	free(plan);
	free(ex);
	return rc;
}

/* --- series changes ------------------------------------------------------- */

cb_status
cb_series_validate(const struct cb_series_input *in, enum cb_series_bad *bad)
{
	enum cb_series_bad dummy;
	int32_t first, until;
	int start, end;

	if (!bad)
		bad = &dummy;
	*bad = CB_SERIES_BAD_NONE;
	if (cb_date_parse(in->first, &first) != CB_OK)
		*bad = CB_SERIES_BAD_FIRST;
	else if (cb_time_parse(in->start, &start) != CB_OK)
		*bad = CB_SERIES_BAD_START;
	else if (cb_time_parse(in->end, &end) != CB_OK || end <= start)
		*bad = CB_SERIES_BAD_END;
	else if (in->every_weeks < 1 || in->every_weeks > 52)
		*bad = CB_SERIES_BAD_EVERY;
	else if (in->nvenues < 1 || in->nvenues > CB_SERIES_VENUES_MAX)
		*bad = CB_SERIES_BAD_VENUES;
	else if (in->until && (cb_date_parse(in->until, &until) != CB_OK || until < first))
		*bad = CB_SERIES_BAD_UNTIL;
	else if (in->count < 0 || in->count > CB_SERIES_SESSIONS_MAX || (in->count && in->until))
		*bad = CB_SERIES_BAD_COUNT;
	else if ((unsigned)in->rule > CB_HOLIDAY_IGNORE)
		*bad = CB_SERIES_BAD_RULE;
	return *bad == CB_SERIES_BAD_NONE ? CB_OK : CB_INVALID;
}

/* The venues must exist (and not be removed). */
static cb_status
check_venues(struct cb_db *db, const struct cb_id *v, size_t n)
{
	static const char sql[] = "SELECT deleted FROM venues WHERE id = ?1";
	struct cb_stmt *st;
	cb_status rc;

	for (size_t i = 0; i < n; i++) {
		if ((rc = cb_db_prepare(db, sql, &st)) != CB_OK)
			return rc;
		cb_stmt_bind_id(st, 1, &v[i]);
		if ((rc = cb_stmt_step(st)) == CB_DONE)
			return CB_NOT_FOUND;
		if (rc != CB_ROW)
			return rc;
		rc = cb_stmt_int(st, 0) ? CB_NOT_FOUND : CB_OK;
		cb_stmt_reset(st);
		if (rc != CB_OK)
			return rc;
	}
	return CB_OK;
}

static cb_status
normalised_time(const char *in, char *out)
{
	int m;

	if (cb_time_parse(in, &m) != CB_OK)
		return CB_INVALID;
	cb_time_format(m, out);
	return CB_OK;
}

cb_status
cb_series_add(struct cb_db *db, const struct cb_holidays *h, const struct cb_series_input *in,
	      int32_t today, struct cb_id *out_id, size_t *made, enum cb_series_bad *bad)
{
	struct cb_series s;
	struct cb_id id;
	char *venues = NULL, start[CB_TIME_LEN + 1], end[CB_TIME_LEN + 1];
	size_t count = 0;
	cb_status rc;

	if (made)
		*made = 0;
	if ((rc = cb_series_validate(in, bad)) != CB_OK)
		return rc;
	normalised_time(in->start, start);
	normalised_time(in->end, end);
	if (!(venues = format_venues(in->venues, in->nvenues)))
		return CB_NOMEM;
	if ((rc = cb_db_begin(db)) != CB_OK) {
		free(venues);
		return rc;
	}
	if ((rc = check_venues(db, in->venues, in->nvenues)) != CB_OK && bad)
		*bad = CB_SERIES_BAD_VENUES;
	if (rc == CB_OK)
		rc = cb_id_new(&id, cb_clock_now_ms());
	if (rc == CB_OK)
		rc = cb_write_text(db, CB_T_SERIES, &id, CB_F_SERIES_FIRST, in->first);
	if (rc == CB_OK)
		rc = cb_write_text(db, CB_T_SERIES, &id, CB_F_SERIES_START, start);
	if (rc == CB_OK)
		rc = cb_write_text(db, CB_T_SERIES, &id, CB_F_SERIES_END, end);
	if (rc == CB_OK)
		rc = cb_write_int(db, CB_T_SERIES, &id, CB_F_SERIES_EVERY_WEEKS, in->every_weeks);
	if (rc == CB_OK)
		rc = cb_write_text(db, CB_T_SERIES, &id, CB_F_SERIES_VENUES, venues);
	if (rc == CB_OK && in->until)
		rc = cb_write_text(db, CB_T_SERIES, &id, CB_F_SERIES_UNTIL, in->until);
	if (rc == CB_OK && in->count)
		rc = cb_write_int(db, CB_T_SERIES, &id, CB_F_SERIES_COUNT, in->count);
	if (rc == CB_OK)
		rc = cb_write_int(db, CB_T_SERIES, &id, CB_F_SERIES_HOLIDAYS, in->rule);
	free(venues);
	if (rc == CB_OK && (rc = cb_series_get(db, &id, &s)) == CB_OK) {
		rc = lay_out(db, h, &s, today, LAY_ALL, &count);
		cb_series_clear(&s);
	}
	if ((rc = cb_write_finish(db, rc)) != CB_OK)
		return rc;
	if (out_id)
		*out_id = id;
	if (made)
		*made = count;
	return CB_OK;
}

cb_status
cb_series_edit(struct cb_db *db, const struct cb_holidays *h, const struct cb_id *id,
	       const struct cb_series_change *ch, int32_t today, size_t *changed,
	       enum cb_series_bad *bad)
{
	struct cb_series s;
	enum cb_series_bad dummy;
	size_t count = 0;
	int32_t first, until;
	int start, end;
	char t[CB_TIME_LEN + 1];
	cb_status rc;

	if (!bad)
		bad = &dummy;
	*bad = CB_SERIES_BAD_NONE;
	if (changed)
		*changed = 0;
	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	if ((rc = cb_series_get(db, id, &s)) != CB_OK)
		return cb_write_finish(db, rc);
	/* check the series as it will be */
	if (cb_date_parse(s.first, &first) != CB_OK || cb_time_parse(s.start, &start) != CB_OK ||
	    cb_time_parse(s.end, &end) != CB_OK)
		rc = CB_INVALID;
	if (rc == CB_OK && ch->start && cb_time_parse(ch->start, &start) != CB_OK) {
		*bad = CB_SERIES_BAD_START;
		rc = CB_INVALID;
	}
	if (rc == CB_OK && ch->end && cb_time_parse(ch->end, &end) != CB_OK) {
		*bad = CB_SERIES_BAD_END;
		rc = CB_INVALID;
	}
	if (rc == CB_OK && end <= start) {
		*bad = CB_SERIES_BAD_END;
		rc = CB_INVALID;
	}
	if (rc == CB_OK && ch->venues && (ch->nvenues < 1 || ch->nvenues > CB_SERIES_VENUES_MAX)) {
		*bad = CB_SERIES_BAD_VENUES;
		rc = CB_INVALID;
	}
	if (rc == CB_OK && ch->venues && (rc = check_venues(db, ch->venues, ch->nvenues)) != CB_OK)
		*bad = CB_SERIES_BAD_VENUES;
	if (rc == CB_OK && ch->set_end && ch->until &&
	    (cb_date_parse(ch->until, &until) != CB_OK || until < first)) {
		*bad = CB_SERIES_BAD_UNTIL;
		rc = CB_INVALID;
	}
	if (rc == CB_OK && ch->set_end &&
	    (ch->count < 0 || ch->count > CB_SERIES_SESSIONS_MAX || (ch->count && ch->until))) {
		*bad = CB_SERIES_BAD_COUNT;
		rc = CB_INVALID;
	}
	if (rc == CB_OK && ch->set_rule && (unsigned)ch->rule > CB_HOLIDAY_IGNORE) {
		*bad = CB_SERIES_BAD_RULE;
		rc = CB_INVALID;
	}

	if (rc == CB_OK && ch->start) {
		cb_time_format(start, t);
		if (strcmp(t, s.start) != 0)
			rc = cb_write_text(db, CB_T_SERIES, id, CB_F_SERIES_START, t);
	}
	if (rc == CB_OK && ch->end) {
		cb_time_format(end, t);
		if (strcmp(t, s.end) != 0)
			rc = cb_write_text(db, CB_T_SERIES, id, CB_F_SERIES_END, t);
	}
	if (rc == CB_OK && ch->venues) {
		char *v = format_venues(ch->venues, ch->nvenues);
		rc = v ? cb_write_text(db, CB_T_SERIES, id, CB_F_SERIES_VENUES, v) : CB_NOMEM;
		free(v);
	}
	if (rc == CB_OK && ch->set_end) {
		rc = cb_write_text(db, CB_T_SERIES, id, CB_F_SERIES_UNTIL, ch->until);
		if (rc == CB_OK) {
			struct cb_value v = {ch->count ? CB_V_INT : CB_V_NULL, ch->count, NULL};
			rc = cb_oplog_set(db, CB_T_SERIES, id, CB_F_SERIES_COUNT, &v);
		}
	}
	if (rc == CB_OK && ch->set_rule && ch->rule != s.rule)
		rc = cb_write_int(db, CB_T_SERIES, id, CB_F_SERIES_HOLIDAYS, ch->rule);
	cb_series_clear(&s);
	if (rc == CB_OK && (rc = cb_series_get(db, id, &s)) == CB_OK) {
		rc = lay_out(db, h, &s, today, LAY_FUTURE, &count);
		cb_series_clear(&s);
	}
	if ((rc = cb_write_finish(db, rc)) == CB_OK && changed)
		*changed = count;
	return rc;
}

cb_status
cb_series_remove(struct cb_db *db, const struct cb_id *id, int32_t today)
{
	struct cb_series s;
	struct existing *ex = NULL;
	size_t nex = 0;
	char hex[CB_ID_HEX_LEN + 1], from[CB_DATE_LEN + 1];
	cb_status rc;

	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	if ((rc = cb_series_get(db, id, &s)) != CB_OK)
		return cb_write_finish(db, rc);
	cb_series_clear(&s);
	cb_id_to_hex(id, hex);
	cb_date_format(today, from);
	if ((rc = load_existing(db, hex, &ex, &nex)) != CB_OK)
		return cb_write_finish(db, rc);
	rc = cb_write_int(db, CB_T_SERIES, id, CB_F_SERIES_DELETED, 1);
	for (size_t i = 0; rc == CB_OK && i < nex; i++) {
		if (!ex[i].deleted && !ex[i].edited && ex[i].status == CB_SESSION_PLANNED &&
		    strcmp(ex[i].date, from) >= 0) {
			struct cb_id sid;
			cb_session_id_for_slot(id, ex[i].slot, &sid);
			rc = cb_write_int(db, CB_T_SESSION, &sid, CB_F_SESSION_DELETED, 1);
		}
	}
	free(ex);
	return cb_write_finish(db, rc);
}

cb_status
cb_series_extend(struct cb_db *db, const struct cb_holidays *h, int32_t today, size_t *made)
{
	struct cb_id *ids = NULL;
	size_t nids = 0, cap = 0, count = 0;
	struct cb_stmt *st;
	cb_status rc;

	if (made)
		*made = 0;
	if ((rc = cb_db_prepare(db, SQL_SERIES_OPEN, &st)) != CB_OK)
		return rc;
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		if (!cb_grow(&ids, &cap, nids, sizeof *ids, 4)) {
			cb_stmt_reset(st);
			free(ids);
			return CB_NOMEM;
		}
		cb_stmt_id(st, 0, &ids[nids++]);
	}
	if (rc != CB_DONE) {
		free(ids);
		return rc;
	}
	rc = CB_OK;
	for (size_t i = 0; i < nids && rc == CB_OK; i++) {
		struct cb_series s;
		struct cb_series_def def;
		char hex[CB_ID_HEX_LEN + 1];
		int64_t max_slot;
		int32_t horizon;

		if ((rc = cb_series_get(db, &ids[i], &s)) != CB_OK)
			break;
		if (series_def(&s, &def) != CB_OK) {
			cb_series_clear(&s);
			continue; /* not all of it has arrived yet */
		}
		/* cheap test first: is the next cadence step past the horizon? */
		cb_id_to_hex(&s.id, hex);
		if ((rc = cb_db_prepare(db, SQL_SERIES_MAX_SLOT, &st)) == CB_OK) {
			cb_stmt_bind_text(st, 1, hex);
			rc = cb_stmt_step(st);
			max_slot = rc == CB_ROW ? cb_stmt_int(st, 0) : -1;
			if (rc == CB_ROW) {
				cb_stmt_reset(st);
				rc = CB_OK;
			}
		}
		horizon = (def.first > today ? def.first : today) + CB_SERIES_HORIZON_DAYS;
		if (rc == CB_OK &&
		    def.first + (int32_t)(max_slot + 1) * 7 * def.every_weeks <= horizon) {
			if ((rc = cb_db_begin(db)) == CB_OK)
				rc = cb_write_finish(db, lay_out(db, h, &s, today, LAY_MISSING, &count));
		}
		cb_series_clear(&s);
	}
	free(ids);
	if (rc == CB_OK && made)
		*made = count;
	return rc;
}
