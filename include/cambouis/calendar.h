/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_CALENDAR_H
#define CAMBOUIS_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cambouis/date.h"
#include "cambouis/db.h"
#include "cambouis/demo.h"
#include "cambouis/holidays.h"
#include "cambouis/id.h"

/*
 * The workshop calendar (DESIGN.md §5): series of sessions every N weeks at
 * an ordered rotation of venues, each session a row of its own, venue
 * closures, conflicts.
 *
 * Everything is written as ops (series, sessions and closures are tables
 * projected from CB_OP_SET ops). A session made by a series has an id
 * derived from the series id and its slot (the cadence step it fills), so
 * two laptops that extend the same series make the same rows, and a
 * session's id never changes: later modules (attendance, pairings, parts,
 * referrals) point to it, and the iCalendar UID is made from it.
 *
 * Dates are day numbers or "YYYY-MM-DD" strings, times "HH:MM" (local wall
 * time of the workshop). "today" is always a parameter so tests and the
 * screens decide what it is (cb_date_today() in production).
 *
 * Every function that changes something runs in one transaction (joining
 * the caller's if one is open).
 */

#define CB_SERIES_VENUES_MAX 32     /* venues in a rotation */
#define CB_SERIES_SESSIONS_MAX 2000 /* sessions one series may make */
#define CB_SERIES_HORIZON_DAYS 366  /* how far an open series is laid out */
#define CB_SESSION_REASON_MAX 500
#define CB_SESSION_NOTES_MAX 2000
#define CB_CLOSURE_REASON_MAX 500

/* Stored in ops: never renumber. */
enum cb_session_status {
	CB_SESSION_PLANNED = 0,
	CB_SESSION_HELD = 1,
	CB_SESSION_CANCELLED = 2,
};

/* "planned", "held", "cancelled" (stable, for csv/tsv and iCalendar). */
const char *cb_session_status_name(enum cb_session_status st);
/* The same, translated for people. */
const char *cb_session_status_label(enum cb_session_status st);

/* --- series ----------------------------------------------------------- */

/* A series as the plan sees it: what is needed to lay its sessions out. */
struct cb_series_def {
	int32_t first;          /* day number of the first session */
	int start, end;         /* minutes after midnight */
	int every_weeks;        /* 1..52 */
	size_t nvenues;         /* 1..CB_SERIES_VENUES_MAX */
	int32_t until;          /* last day (included), or -1: none */
	int count;              /* number of sessions, or 0: none */
	enum cb_holiday_rule rule;
};

/* One session of a plan. */
struct cb_plan_item {
	int slot;       /* cadence step: the nominal date is first + slot * every_weeks weeks */
	int32_t day;    /* the date after the holiday rule */
	size_t venue;   /* index into the rotation */
	bool moved;     /* day differs from the nominal date (before/after rule) */
};

/* Lay out the sessions of def: pure, deterministic. Slots falling on a
 * holiday follow def->rule; a skipped slot does not advance the rotation
 * and does not count towards def->count. An open series (no until, no
 * count) stops after horizon (a day number). *out is malloc'ed (may be
 * NULL when *n is 0). */
cb_status cb_series_plan(const struct cb_series_def *def, const struct cb_holidays *h,
			 int32_t horizon, struct cb_plan_item **out, size_t *n);

/* What `series add` takes. Strings as typed; venues are ids. */
struct cb_series_input {
	const char *first;      /* "YYYY-MM-DD" */
	const char *start;      /* "HH:MM" */
	const char *end;        /* "HH:MM", after start */
	int every_weeks;        /* 1..52 */
	const struct cb_id *venues;
	size_t nvenues;
	const char *until;      /* NULL: none */
	int count;              /* 0: none */
	enum cb_holiday_rule rule;
};

/* Which field of an input is wrong (for messages). */
enum cb_series_bad {
	CB_SERIES_BAD_NONE = 0,
	CB_SERIES_BAD_FIRST,
	CB_SERIES_BAD_START,
	CB_SERIES_BAD_END,
	CB_SERIES_BAD_EVERY,
	CB_SERIES_BAD_VENUES,
	CB_SERIES_BAD_UNTIL,
	CB_SERIES_BAD_COUNT,
	CB_SERIES_BAD_RULE,
};

/* Check an input without touching the database (CB_INVALID + *bad). */
cb_status cb_series_validate(const struct cb_series_input *in, enum cb_series_bad *bad);

/* Add a series and make its sessions (up to today + the horizon for an
 * open series). *out_id and *made (may be NULL) get the series id and the
 * number of sessions made. */
cb_status cb_series_add(struct cb_db *db, const struct cb_holidays *h,
			const struct cb_series_input *in, int32_t today,
			struct cb_id *out_id, size_t *made, enum cb_series_bad *bad);

/* A change to a series. NULL / false leaves a field alone. */
struct cb_series_change {
	const char *start;
	const char *end;
	const struct cb_id *venues;
	size_t nvenues;             /* with venues */
	bool set_end;               /* replace the end: */
	const char *until;          /*   a last day, or */
	int count;                  /*   a number of sessions, or neither: open */
	bool set_rule;
	enum cb_holiday_rule rule;
};

/* Change a series and lay its sessions out again. Only sessions from today
 * on that are still planned and were never edited one by one are changed,
 * made or removed: the past, held or cancelled sessions and individually
 * moved ones stay as they are. *changed (may be NULL) gets the number of
 * sessions made, changed or removed. */
cb_status cb_series_edit(struct cb_db *db, const struct cb_holidays *h, const struct cb_id *id,
			 const struct cb_series_change *ch, int32_t today, size_t *changed,
			 enum cb_series_bad *bad);

/* Remove a series: marked deleted, and its untouched sessions from today
 * on removed with it. */
cb_status cb_series_remove(struct cb_db *db, const struct cb_id *id, int32_t today);

/* Lay out open series up to today + the horizon (makes only missing
 * sessions; cheap when nothing is missing). *made may be NULL. */
cb_status cb_series_extend(struct cb_db *db, const struct cb_holidays *h, int32_t today,
			   size_t *made);

struct cb_series {
	struct cb_id id;
	char first[CB_DATE_LEN + 1];
	char start[CB_TIME_LEN + 1];
	char end[CB_TIME_LEN + 1];
	int every_weeks;
	struct cb_id *venues;      /* the rotation (malloc'ed) */
	size_t nvenues;
	char until[CB_DATE_LEN + 1]; /* "" when none */
	int count;                 /* 0 when none */
	enum cb_holiday_rule rule;
	int sessions;              /* live sessions it has */
	char last[CB_DATE_LEN + 1]; /* its last live session, "" if none */
};

struct cb_series_list {
	struct cb_series *items;
	size_t count;
};

/* Every live series, by first date. */
cb_status cb_series_list(struct cb_db *db, struct cb_series_list *out);
void cb_series_list_free(struct cb_series_list *l);

/* Fetch one series (live or not); free with cb_series_clear(). */
cb_status cb_series_get(struct cb_db *db, const struct cb_id *id, struct cb_series *out);
void cb_series_clear(struct cb_series *s);

/* Find a live series by its hex id or by its first date ("YYYY-MM-DD").
 * CB_NOT_FOUND or CB_AMBIGUOUS otherwise. */
cb_status cb_series_find(struct cb_db *db, const char *key, struct cb_id *out);

/* --- sessions ---------------------------------------------------------- */

struct cb_session {
	struct cb_id id;
	struct cb_id series;       /* zero for a one-off session */
	int slot;                  /* -1 for a one-off session */
	char date[CB_DATE_LEN + 1];
	char start[CB_TIME_LEN + 1];
	char end[CB_TIME_LEN + 1];
	struct cb_id venue;        /* zero when none */
	enum cb_session_status status;
	bool edited;               /* changed one by one: series edits leave it */
	char *reason;              /* why cancelled ("" when none) */
	char *notes;
	char *venue_name;          /* "" when the venue is unknown */
	char *venue_address;
	char *venue_commune;
	int sequence;              /* changes since creation (iCalendar SEQUENCE) */
	int64_t modified_ms;       /* clock of its last change */
};

struct cb_session_list {
	struct cb_session *items;
	size_t count;
};

/* Live sessions with from <= date <= to ("YYYY-MM-DD"; NULL: unbounded),
 * ordered by date, then start time, then id. */
cb_status cb_sessions_between(struct cb_db *db, const char *from, const char *to,
			      struct cb_session_list *out);
void cb_session_list_free(struct cb_session_list *l);

/* One session by id (live or removed). */
cb_status cb_session_get(struct cb_db *db, const struct cb_id *id, struct cb_session *out);
void cb_session_clear(struct cb_session *s);

/* Find the live session on date (or by its 32-digit hex id).
 * CB_NOT_FOUND, or CB_AMBIGUOUS when two sessions share the date. */
cb_status cb_session_find(struct cb_db *db, const char *date_or_id, struct cb_id *out);

/* Today's session, else the next one that is not cancelled. *days_until
 * gets 0 for today. CB_NOT_FOUND when there is none. */
cb_status cb_session_current(struct cb_db *db, int32_t today, struct cb_session *out,
			     int *days_until);

/* Add a one-off session (not part of a series). */
cb_status cb_session_add(struct cb_db *db, const char *date, const char *start, const char *end,
			 const struct cb_id *venue, struct cb_id *out_id);

/* Cancel (reason may be NULL), mark held, or plan again a cancelled one. */
cb_status cb_session_cancel(struct cb_db *db, const struct cb_id *id, const char *reason);
cb_status cb_session_held(struct cb_db *db, const struct cb_id *id);
cb_status cb_session_restore(struct cb_db *db, const struct cb_id *id);

/* Move a session: any of date, start/end, venue (NULL: unchanged). The
 * session is then marked edited, so series edits leave it alone. */
struct cb_session_change {
	const char *date;
	const char *start;
	const char *end;
	const struct cb_id *venue;
};
cb_status cb_session_move(struct cb_db *db, const struct cb_id *id,
			  const struct cb_session_change *ch);

/* The venue after the session's own in its series' rotation that is not
 * closed on the session's date. CB_NOT_FOUND when none is open (or the
 * session has no series). */
cb_status cb_session_next_venue(struct cb_db *db, const struct cb_id *id, struct cb_id *out);

/* Free notes (no personal data, please). */
cb_status cb_session_set_notes(struct cb_db *db, const struct cb_id *id, const char *notes);

/* --- venue closures ---------------------------------------------------- */

struct cb_closure {
	struct cb_id id;
	struct cb_id venue;
	char *venue_name;
	char from[CB_DATE_LEN + 1];
	char to[CB_DATE_LEN + 1]; /* "" when open-ended */
	char *reason;
};

struct cb_closure_list {
	struct cb_closure *items;
	size_t count;
};

/* A venue is unavailable from from to to (both included; to NULL: until
 * further notice). Each period is a row of its own. */
cb_status cb_venue_close(struct cb_db *db, const struct cb_id *venue, const char *from,
			 const char *to, const char *reason, struct cb_id *out_id);

/* Forget a closure period (marked deleted). */
cb_status cb_venue_closure_remove(struct cb_db *db, const struct cb_id *closure);

/* Live closures (of venue, or of every venue when venue is NULL), by venue
 * name then start date. */
cb_status cb_venue_closures(struct cb_db *db, const struct cb_id *venue,
			    struct cb_closure_list *out);
void cb_closure_list_free(struct cb_closure_list *l);

/* --- conflicts and the month view --------------------------------------- */

enum cb_conflict_kind {
	CB_CONFLICT_SAME_DAY = 1, /* another session on the same day */
	CB_CONFLICT_CLOSED = 2,   /* the venue is closed that day */
	CB_CONFLICT_HOLIDAY = 3,  /* the session falls on a public holiday */
	CB_CONFLICT_SCHOOL = 4,   /* the session falls in school holidays */
};

/* "same-day", "venue-closed", "holiday", "school-holidays" */
const char *cb_conflict_kind_name(enum cb_conflict_kind k);

struct cb_conflict {
	enum cb_conflict_kind kind;
	struct cb_session session;
	char *detail; /* the other session's venue, the closure's reason or
		       * the holiday's name (translated) */
};

struct cb_conflict_list {
	struct cb_conflict *items;
	size_t count;
};

/* Conflicts of the sessions that are not cancelled with from <= date <= to
 * (NULL: unbounded), by date. */
cb_status cb_calendar_conflicts(struct cb_db *db, const struct cb_holidays *h, const char *from,
				const char *to, struct cb_conflict_list *out);
void cb_conflict_list_free(struct cb_conflict_list *l);

/* Marks of one day in the month grid. */
enum cb_day_mark {
	CB_MARK_SESSION = 1 << 0,   /* a planned or held session */
	CB_MARK_CANCELLED = 1 << 1, /* a cancelled session */
	CB_MARK_HELD = 1 << 2,
	CB_MARK_PUBLIC = 1 << 3,    /* public holiday */
	CB_MARK_SCHOOL = 1 << 4,    /* school holidays */
	CB_MARK_TODAY = 1 << 5,
	CB_MARK_CONFLICT = 1 << 6,
};

/* marks[d - 1] for each day d of month m of year y (the rest zeroed). */
cb_status cb_calendar_month(struct cb_db *db, const struct cb_holidays *h, int y, int m,
			    int32_t today, unsigned marks[31]);

/* The calendar's demo data (called by cb_demo_fill): a biweekly series
 * over the demo venues around today, sized by scale (small: a few months,
 * year, 5y: about 130 sessions), with held, cancelled and moved sessions
 * and one venue closure. Does nothing when a series exists already. */
cb_status cb_calendar_demo_fill(struct cb_db *db, enum cb_demo_scale scale, uint64_t seed,
				int32_t today);

/* The id a series gives the session of a slot (exposed for tests). */
void cb_session_id_for_slot(const struct cb_id *series, int slot, struct cb_id *out);

#endif
