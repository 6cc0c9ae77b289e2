/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The calendar's commands: series, agenda, conflicts, ical, venue close. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cambouis/buf.h"
#include "cambouis/calendar.h"
#include "cambouis/i18n.h"
#include "cambouis/ical.h"
#include "cambouis/text.h"
#include "cambouis/venue.h"
#include "calcli.h"
#include "cli.h"
#include "opts.h"

#define AGENDA_DEFAULT_DAYS 28

void
calcli_holidays(const struct cli *c, struct cb_holidays *h)
{
	cb_holidays_from_config(&c->cfg, h);
}

int
calcli_bad_date(const char *what, const char *s)
{
	if (cb_date_out_of_range(s))
		cli_error(_("invalid %s '%s': dates run from 1900-01-01 to 2199-12-31"), what, s);
	else
		cli_error(_("invalid %s '%s': use a date such as 2026-01-07"), what, s);
	return EXIT_USAGE;
}

int
calcli_bad_time(const char *what, const char *s)
{
	cli_error(_("invalid %s '%s': use a time such as 17:30"), what, s);
	return EXIT_USAGE;
}

/* The weekday abbreviation of a stored date, translated ("" if bad). */
const char *
calcli_weekday(const char *date)
{
	static const char *const names[] = {
		N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
	};
	int32_t d;

	if (cb_date_parse(date, &d) != CB_OK)
		return "";
	return _(names[cb_weekday(d)]);
}

int
calcli_venue_error(cb_status st, const char *name)
{
	if (st == CB_NOT_FOUND)
		cli_error(_("no venue named '%s'"), name);
	else if (st == CB_AMBIGUOUS)
		cli_error(_("more than one venue is named '%s'"), name);
	else
		return cli_fail(st, NULL);
	return EXIT_FAILURE_RUNTIME;
}

/* The venue named by pieces [i, j] of a comma-split list joined back with
 * commas, so names that hold a comma ("Lycée professionnel, cour") need no
 * quoting: CB_OK with *id set, or the lookup's status. */
static cb_status
find_joined(struct cli *c, char **pieces, size_t i, size_t j, struct cb_id *id, char **name)
{
	size_t len = 1;
	char *joined, *trimmed;
	cb_status st;

	for (size_t k = i; k <= j; k++)
		len += strlen(pieces[k]) + 1;
	if (!(joined = calloc(1, len)))
		return CB_NOMEM;
	for (size_t k = i; k <= j; k++) {
		if (k > i)
			strcat(joined, ",");
		strcat(joined, pieces[k]);
	}
	trimmed = cb_text_trim(joined);
	free(joined);
	if (!trimmed)
		return CB_NOMEM;
	st = *trimmed ? cb_venue_find(c->db, trimmed, id) : CB_INVALID;
	*name = trimmed;
	return st;
}

/* "A, B, C" -> venue ids (malloc'ed), longest names first so a name may
 * hold a comma. Prints the error itself. */
static int
parse_venue_list(struct cli *c, const char *list, struct cb_id **out, size_t *n)
{
	char *copy = strdup(list), *save = NULL, *tok, **pieces = NULL;
	struct cb_id *v = NULL;
	size_t count = 0, vcap = 0, npieces = 0, cap = 0;
	int rc = -1;

	*out = NULL;
	*n = 0;
	if (!copy)
		return cli_fail(CB_NOMEM, NULL);
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (!cb_grow(&pieces, &cap, npieces, sizeof *pieces, 8)) {
			rc = cli_fail(CB_NOMEM, NULL);
			break;
		}
		pieces[npieces++] = tok;
	}
	for (size_t i = 0; rc < 0 && i < npieces;) {
		struct cb_id id;
		char *name = NULL, *first = NULL;
		cb_status st = CB_NOT_FOUND, first_st = CB_NOT_FOUND;
		size_t j;

		for (j = npieces; j-- > i;) {
			free(name);
			name = NULL;
			st = find_joined(c, pieces, i, j, &id, &name);
			if (j == i) {
				first = name;
				first_st = st;
				name = NULL;
			}
			if (st == CB_OK || st == CB_NOMEM)
				break;
		}
		if (st == CB_INVALID || (j == i && first_st == CB_INVALID)) {
			/* an empty piece ("A,,B" or a trailing comma) */
			free(name);
			free(first);
			i++;
			continue;
		}
		if (st != CB_OK) {
			rc = st == CB_NOMEM ? cli_fail(st, NULL) : calcli_venue_error(first_st, first);
			free(name);
			free(first);
			break;
		}
		free(name);
		free(first);
		if (count == CB_SERIES_VENUES_MAX) {
			cli_error(_("too many venues: a rotation holds at most %d"), CB_SERIES_VENUES_MAX);
			rc = EXIT_USAGE;
			break;
		}
		if (!cb_grow(&v, &vcap, count, sizeof *v, 4)) {
			rc = cli_fail(CB_NOMEM, NULL);
			break;
		}
		v[count++] = id;
		i = j + 1;
	}
	free(pieces);
	free(copy);
	if (rc < 0 && count == 0) {
		cli_error(_("--venues: give at least one venue name"));
		rc = EXIT_USAGE;
	}
	if (rc >= 0) {
		free(v);
		return rc;
	}
	*out = v;
	*n = count;
	return -1;
}

static int
series_refused(cb_status st, enum cb_series_bad bad)
{
	if (st != CB_INVALID)
		return st == CB_NOT_FOUND && bad == CB_SERIES_BAD_VENUES
		       ? (cli_error(_("a venue of the rotation no longer exists")), EXIT_FAILURE_RUNTIME)
		       : cli_fail(st, NULL);
	switch (bad) {
	case CB_SERIES_BAD_FIRST: cli_error(_("--first: give the first date, such as 2026-01-07")); break;
	case CB_SERIES_BAD_START: cli_error(_("--start: give a time such as 17:30")); break;
	case CB_SERIES_BAD_END: cli_error(_("--end: give a time after the start, such as 20:00")); break;
	case CB_SERIES_BAD_EVERY: cli_error(_("--every-weeks: give a number from 1 to 52")); break;
	case CB_SERIES_BAD_VENUES: cli_error(_("--venues: give from 1 to %d venue names"), CB_SERIES_VENUES_MAX); break;
	case CB_SERIES_BAD_UNTIL: cli_error(_("--until: give a date on or after the first one")); break;
	case CB_SERIES_BAD_COUNT: cli_error(_("give either --until or --count (from 1 to %d), not both"), CB_SERIES_SESSIONS_MAX); break;
	case CB_SERIES_BAD_RULE: cli_error(_("--holidays: use skip, before, after or ignore")); break;
	default: return cli_fail(st, NULL);
	}
	return EXIT_USAGE;
}

static void
series_help(FILE *out)
{
	fputs(_("Usage: cambouis series add --first DATE [--start HH:MM] [--end HH:MM]\n"
		"                           [--every-weeks N] --venues \"NAME1,NAME2,...\"\n"
		"                           [--until DATE | --count N]\n"
		"                           [--holidays skip|before|after|ignore]\n"
		"       cambouis series list [--format text|csv|tsv]\n"
		"       cambouis series edit FIRST-DATE|ID [--start HH:MM] [--end HH:MM]\n"
		"                           [--venues \"NAME1,...\"] [--until DATE | --count N | --open]\n"
		"                           [--holidays skip|before|after|ignore]\n"
		"       cambouis series rm FIRST-DATE|ID\n"
		"\n"
		"A series is a session every N weeks (default from the configuration),\n"
		"at each venue of the rotation in turn. On a holiday a session is skipped\n"
		"(the rotation waits), moved to the nearest day before or after, or kept.\n"
		"Editing a series changes only its planned sessions from today on that\n"
		"were not changed one by one.\n"), out);
}

struct series_args {
	const char *first, *start, *end, *venues, *until, *rule_name;
	long long every, count;
	bool set_every, set_count, open;
	bool set_rule;
	enum cb_holiday_rule rule;
};

/* *n gets the count of the other arguments. Returns -1 to go on, or an
 * exit code. */
static int
parse_series(int argc, char **argv, struct series_args *a, const char *cmd, bool editing,
	     int *n)
{
	const struct cli_opt opts[] = {
		{CLI_DATE("first", &a->first), .off = editing},
		{CLI_TIME("start", &a->start)},
		{CLI_TIME("end", &a->end)},
		{CLI_INT("every-weeks", &a->every, 1, 52), .given = &a->set_every, .off = editing},
		{CLI_STRING("venues", &a->venues)},
		{CLI_DATE("until", &a->until)},
		{CLI_INT("count", &a->count, 1, CB_SERIES_SESSIONS_MAX), .given = &a->set_count},
		{CLI_STRING("holidays", &a->rule_name)},
		{CLI_FLAG("open", &a->open), .off = !editing},
		{CLI_END},
	};
	const struct cli_optspec spec = {cmd, "series", opts, NULL, series_help};
	int rc;

	if ((rc = cli_opts_parse(&spec, argc, argv, n)) >= 0)
		return rc;
	if (a->rule_name) {
		if (cb_holiday_rule_parse(a->rule_name, &a->rule) != CB_OK) {
			cli_error(_("invalid --holidays '%s': use skip, before, after or ignore"),
				  a->rule_name);
			return cli_usage_error("series");
		}
		a->set_rule = true;
	}
	if ((a->until != NULL) + a->set_count + a->open > 1) {
		cli_error(_("give only one of --until, --count and --open"));
		return cli_usage_error("series");
	}
	return -1;
}

static int
series_add(struct cli *c, int argc, char **argv)
{
	struct series_args a = {0};
	struct cb_series_input in = {0};
	struct cb_holidays h;
	struct cb_series s;
	struct cb_id id, *venues = NULL;
	enum cb_series_bad bad;
	size_t nvenues = 0, made = 0;
	int n, rc;
	cb_status st;

	if ((rc = parse_series(argc, argv, &a, "series add", false, &n)) >= 0)
		return rc;
	if (n > 0) {
		cli_error(_("%s: unexpected argument '%s'"), "series add", argv[1]);
		return cli_usage_error("series");
	}
	if (!a.first || !a.venues) {
		cli_error(_("series add: --first and --venues are needed"));
		return cli_usage_error("series");
	}
	in.first = a.first;
	in.start = a.start ? a.start : c->cfg.session_start;
	in.end = a.end ? a.end : c->cfg.session_end;
	in.every_weeks = a.set_every ? (int)a.every : c->cfg.every_weeks;
	in.until = a.until;
	in.count = a.set_count ? (int)a.count : 0;
	if (a.set_rule)
		in.rule = a.rule;
	else if (cb_holiday_rule_parse(c->cfg.holiday_rule, &in.rule) != CB_OK)
		in.rule = CB_HOLIDAY_SKIP;
	in.nvenues = 1; /* checked for real once the names are found */
	in.venues = &id;
	if ((st = cb_series_validate(&in, &bad)) != CB_OK)
		return series_refused(st, bad);
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	if ((rc = parse_venue_list(c, a.venues, &venues, &nvenues)) >= 0)
		return rc;
	in.venues = venues;
	in.nvenues = nvenues;
	calcli_holidays(c, &h);
	st = cb_series_add(c->db, &h, &in, cb_date_today(), &id, &made, &bad);
	free(venues);
	if (st != CB_OK)
		return series_refused(st, bad);
	if ((st = cb_series_get(c->db, &id, &s)) != CB_OK)
		return cli_fail(st, NULL);
	if (made)
		cli_printf(ngettext_("Series added: %zu session, from %s to %s.\n",
				 "Series added: %zu sessions, from %s to %s.\n", made),
		       made, s.first, s.last);
	else
		cli_printf(_("Series added, but every date falls on a holiday: no session.\n"));
	cb_series_clear(&s);
	return EXIT_OK;
}

static int
find_series(struct cli *c, const char *key, struct cb_id *id)
{
	cb_status st = cb_series_find(c->db, key, id);

	if (st == CB_NOT_FOUND)
		cli_error(_("no series starts on '%s'"), key);
	else if (st == CB_AMBIGUOUS)
		cli_error(_("more than one series starts on %s: give its id (see 'cambouis series list')"), key);
	else if (st != CB_OK)
		return cli_fail(st, NULL);
	return st == CB_OK ? -1 : EXIT_FAILURE_RUNTIME;
}

static int
series_edit(struct cli *c, int argc, char **argv)
{
	struct series_args a = {0};
	struct cb_series_change ch = {0};
	struct cb_holidays h;
	struct cb_id id, *venues = NULL;
	enum cb_series_bad bad;
	size_t changed = 0;
	int n, rc;
	cb_status st;

	if ((rc = parse_series(argc, argv, &a, "series edit", true, &n)) >= 0)
		return rc;
	if (n != 1) {
		cli_error(_("series edit: give the series' first date or id"));
		return cli_usage_error("series");
	}
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	if ((rc = find_series(c, argv[1], &id)) >= 0)
		return rc;
	if (a.venues) {
		if ((rc = parse_venue_list(c, a.venues, &venues, &ch.nvenues)) >= 0)
			return rc;
		ch.venues = venues;
	}
	ch.start = a.start;
	ch.end = a.end;
	ch.set_end = a.until || a.set_count || a.open;
	ch.until = a.until;
	ch.count = a.set_count ? (int)a.count : 0;
	ch.set_rule = a.set_rule;
	ch.rule = a.rule;
	calcli_holidays(c, &h);
	st = cb_series_edit(c->db, &h, &id, &ch, cb_date_today(), &changed, &bad);
	free(venues);
	if (st != CB_OK)
		return series_refused(st, bad);
	cli_printf(ngettext_("%zu session changed.\n", "%zu sessions changed.\n", changed), changed);
	return EXIT_OK;
}

static int
series_rm(struct cli *c, int argc, char **argv)
{
	struct series_args a = {0};
	struct cb_id id;
	int n, rc;
	cb_status st;

	if ((rc = parse_series(argc, argv, &a, "series rm", true, &n)) >= 0)
		return rc;
	if (n != 1 || a.start || a.end || a.venues || a.until || a.set_count ||
	    a.open || a.set_rule) {
		cli_error(_("series rm: give only the series' first date or id"));
		return cli_usage_error("series");
	}
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	if ((rc = find_series(c, argv[1], &id)) >= 0)
		return rc;
	st = cb_series_remove(c->db, &id, cb_date_today());
	return st == CB_OK ? EXIT_OK : cli_fail(st, NULL);
}

/* Parse just --format (and --help) for listings; *n gets the count of the
 * other arguments. */
static int
parse_format(int argc, char **argv, const char *cmd, const char *help_cmd,
	     enum cli_format *fmt, void (*help)(FILE *), int *n)
{
	const struct cli_opt opts[] = {
		{CLI_FORMAT("format", fmt)},
		{CLI_END},
	};
	const struct cli_optspec spec = {cmd, help_cmd, opts, NULL, help};

	return cli_opts_parse(&spec, argc, argv, n);
}

int
calcli_print(struct cli_table *t, bool ok, enum cli_format fmt)
{
	if (!t || !ok) {
		cli_table_free(t);
		return cli_fail(CB_NOMEM, NULL);
	}
	ok = cli_table_print(t, stdout, fmt);
	cli_table_free(t);
	if (!ok) {
		cli_error(_("cannot write the listing"));
		return EXIT_FAILURE_RUNTIME;
	}
	return EXIT_OK;
}

static int
series_list(struct cli *c, int argc, char **argv)
{
	static const char *const names[] = {"id", "first", "start", "end", "every_weeks", "venues",
					    "until", "count", "holidays", "sessions"};
	/* what a holiday does to a session, in enum cb_holiday_rule order */
	static const char *const rules[] = {N_("skipped"), N_("day before"), N_("day after"),
					    N_("kept")};
	const char *titles[] = {_("Id"), _("First date"), _("Start"), _("End"), _("Weeks"), _("Venues"),
				_("Until"), _("Count"), _("Holidays"), _("Sessions")};
	enum cli_format fmt = CLI_TEXT;
	struct cb_series_list l;
	struct cli_table *t;
	bool ok = true;
	int n, rc;
	cb_status st;

	if ((rc = parse_format(argc, argv, "series list", "series", &fmt, series_help, &n)) >= 0)
		return rc;
	if (n > 0) {
		cli_error(_("%s: unexpected argument '%s'"), "series list", argv[1]);
		return cli_usage_error("series");
	}
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	if ((st = cb_series_list(c->db, &l)) != CB_OK)
		return cli_fail(st, NULL);
	t = cli_table_new(10, names, titles);
	for (size_t i = 0; t && ok && i < l.count; i++) {
		const struct cb_series *s = &l.items[i];
		char hex[CB_ID_HEX_LEN + 1], every[12], count[12] = "", sessions[12], *venues;
		size_t len = 1;

		for (size_t k = 0; k < s->nvenues; k++)
			len += CB_VENUE_NAME_MAX + 2;
		if (!(venues = calloc(1, len))) {
			ok = false;
			break;
		}
		for (size_t k = 0; k < s->nvenues; k++) {
			struct cb_venue v;
			if (k)
				strcat(venues, ", ");
			if (cb_venue_get(c->db, &s->venues[k], &v) == CB_OK) {
				strncat(venues, v.name, CB_VENUE_NAME_MAX);
				cb_venue_clear(&v);
			} else {
				strcat(venues, "?");
			}
		}
		cb_id_to_hex(&s->id, hex);
		snprintf(every, sizeof every, "%d", s->every_weeks);
		if (s->count)
			snprintf(count, sizeof count, "%d", s->count);
		snprintf(sessions, sizeof sessions, "%d", s->sessions);
		const char *cells[] = {hex, s->first, s->start, s->end, every, venues, s->until,
				       count,
				       fmt == CLI_TEXT && (unsigned)s->rule < sizeof rules / sizeof rules[0]
					       ? _(rules[s->rule]) : cb_holiday_rule_name(s->rule),
				       sessions};
		ok = cli_table_add(t, cells);
		free(venues);
	}
	cb_series_list_free(&l);
	return calcli_print(t, ok, fmt);
}

int
cli_cmd_series(struct cli *c, int argc, char **argv)
{
	static const struct cli_action subs[] = {
		{"add", series_add}, {"list", series_list}, {"ls", series_list},
		{"edit", series_edit}, {"rm", series_rm}, {"remove", series_rm},
	};

	return cli_dispatch(c, argc, argv, "series", subs, sizeof subs / sizeof subs[0], series_help,
			    _("series: say what to do: add, list, edit or rm"));
}

/* --- agenda ------------------------------------------------------------------ */

static void
agenda_help(FILE *out)
{
	fputs(_("Usage: cambouis agenda [--from DATE] [--days N | --to DATE]\n"
		"                       [--format text|csv|tsv]\n"
		"List the sessions from DATE (default: today) for N days (default: 28),\n"
		"or up to DATE included. csv and tsv give the columns\n"
		"date, start, end, venue and status (planned, held or cancelled).\n"), out);
}

int
cli_cmd_agenda(struct cli *c, int argc, char **argv)
{
	static const char *const names[] = {"date", "start", "end", "venue", "status"};
	const char *titles[] = {_("Date"), _("Start"), _("End"), _("Venue"), _("Status")};
	enum cli_format fmt = CLI_TEXT;
	const char *from_s = NULL, *to_s = NULL;
	long long days = AGENDA_DEFAULT_DAYS;
	bool set_days = false, ok = true;
	const struct cli_opt opts[] = {
		{CLI_DATE("from", &from_s)},
		{CLI_INT("days", &days, 1, 36600), .given = &set_days},
		{CLI_DATE("to", &to_s)},
		{CLI_FORMAT("format", &fmt)},
		{CLI_END},
	};
	const struct cli_optspec spec = {"agenda", NULL, opts, NULL, agenda_help};
	char from[CB_DATE_LEN + 1], to[CB_DATE_LEN + 1];
	int32_t from_d = 0, to_d = 0;
	struct cb_session_list l;
	struct cb_holidays h;
	struct cli_table *t;
	int n, rc;
	cb_status st;

	if ((rc = cli_opts_parse(&spec, argc, argv, &n)) >= 0)
		return rc;
	if ((rc = cli_opts_at_most(&spec, n, 0, argv)) >= 0)
		return rc;
	if ((from_s && cb_date_parse(from_s, &from_d) != CB_OK) ||
	    (to_s && cb_date_parse(to_s, &to_d) != CB_OK))
		return cli_fail(CB_INVALID, NULL); /* checked by cli_opts_parse */
	if (set_days && to_s) {
		cli_error(_("agenda: give --days or --to, not both"));
		return cli_usage_error("agenda");
	}
	from_d = from_s ? from_d : cb_date_today();
	to_d = to_s ? to_d : from_d + (int32_t)days - 1;
	if (to_d < from_d) {
		cli_error(_("agenda: --to is before --from"));
		return cli_usage_error("agenda");
	}
	cb_date_format(from_d, from);
	cb_date_format(to_d, to);
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	calcli_holidays(c, &h);
	/* open series are laid out a year ahead; this tops them up when due */
	if ((st = cb_series_extend(c->db, &h, cb_date_today(), NULL)) != CB_OK)
		return cli_fail(st, NULL);
	if ((st = cb_sessions_between(c->db, from, to, &l)) != CB_OK)
		return cli_fail(st, NULL);
	t = cli_table_new(5, names, titles);
	for (size_t i = 0; t && ok && i < l.count; i++) {
		const struct cb_session *s = &l.items[i];
		char date[64], status[CB_SESSION_REASON_MAX + 64];
		if (fmt == CLI_TEXT) {
			snprintf(date, sizeof date, "%s %s", calcli_weekday(s->date), s->date);
			if (*s->reason)
				snprintf(status, sizeof status, "%s (%s)",
					 cb_session_status_label(s->status), s->reason);
			else
				snprintf(status, sizeof status, "%s", cb_session_status_label(s->status));
		} else {
			snprintf(date, sizeof date, "%s", s->date);
			snprintf(status, sizeof status, "%s", cb_session_status_name(s->status));
		}
		const char *cells[] = {date, s->start, s->end, s->venue_name, status};
		ok = cli_table_add(t, cells);
	}
	cb_session_list_free(&l);
	return calcli_print(t, ok, fmt);
}

/* --- conflicts ------------------------------------------------------------- */

static void
conflicts_help(FILE *out)
{
	fputs(_("Usage: cambouis conflicts [--from DATE] [--to DATE] [--all]\n"
		"                          [--format text|csv|tsv]\n"
		"List the sessions from today on (or in the period) that clash: two sessions\n"
		"on one day, a session at a closed venue, a session on a holiday.\n"), out);
}

static const char *
conflict_label(enum cb_conflict_kind k)
{
	switch (k) {
	case CB_CONFLICT_SAME_DAY: return _("another session that day");
	case CB_CONFLICT_CLOSED: return _("venue closed");
	case CB_CONFLICT_HOLIDAY: return _("public holiday");
	case CB_CONFLICT_SCHOOL: return _("school holidays");
	}
	return "?";
}

int
cli_cmd_conflicts(struct cli *c, int argc, char **argv)
{
	static const char *const names[] = {"date", "start", "venue", "conflict", "detail"};
	const char *titles[] = {_("Date"), _("Start"), _("Venue"), _("Conflict"), _("Detail")};
	enum cli_format fmt = CLI_TEXT;
	const char *from = NULL, *to = NULL;
	char today[CB_DATE_LEN + 1];
	bool all = false, ok = true;
	const struct cli_opt opts[] = {
		{CLI_DATE("from", &from)},
		{CLI_DATE("to", &to)},
		{CLI_FLAG("all", &all)},
		{CLI_FORMAT("format", &fmt)},
		{CLI_END},
	};
	const struct cli_optspec spec = {"conflicts", NULL, opts, NULL, conflicts_help};
	struct cb_conflict_list l;
	struct cb_holidays h;
	struct cli_table *t;
	int n, rc;
	cb_status st;

	if ((rc = cli_opts_parse(&spec, argc, argv, &n)) >= 0)
		return rc;
	if ((rc = cli_opts_at_most(&spec, n, 0, argv)) >= 0)
		return rc;
	cb_date_format(cb_date_today(), today);
	if (!from && !all)
		from = today;
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	calcli_holidays(c, &h);
	if ((st = cb_calendar_conflicts(c->db, &h, from, to, &l)) != CB_OK)
		return cli_fail(st, NULL);
	t = cli_table_new(5, names, titles);
	for (size_t i = 0; t && ok && i < l.count; i++) {
		const struct cb_conflict *k = &l.items[i];
		const char *cells[] = {k->session.date, k->session.start, k->session.venue_name,
				       fmt == CLI_TEXT ? conflict_label(k->kind)
						       : cb_conflict_kind_name(k->kind),
				       k->detail};
		ok = cli_table_add(t, cells);
	}
	cb_conflict_list_free(&l);
	return calcli_print(t, ok, fmt);
}

/* --- ical --------------------------------------------------------------- */

/* Write data to path atomically: a calendar program watching the file never
 * sees half of it. */
static int
write_file(const char *path, const char *data, size_t len)
{
	char *tmp = NULL;
	FILE *f;
	bool ok;

	if (asprintf(&tmp, "%s.tmp%ld", path, (long)getpid()) < 0)
		return cli_fail(CB_NOMEM, NULL);
	if (!(f = fopen(tmp, "wb"))) {
		cli_error("%s: %s", path, strerror(errno));
		free(tmp);
		return EXIT_FAILURE_RUNTIME;
	}
	ok = fwrite(data, 1, len, f) == len;
	ok = fflush(f) == 0 && ok;
	ok = fsync(fileno(f)) == 0 && ok;
	ok = fclose(f) == 0 && ok;
	if (!ok || rename(tmp, path) != 0) {
		cli_error("%s: %s", path, strerror(errno));
		unlink(tmp);
		free(tmp);
		return EXIT_FAILURE_RUNTIME;
	}
	free(tmp);
	return EXIT_OK;
}

int
cli_cmd_ical(struct cli *c, int argc, char **argv)
{
	static const struct cli_opt opts[] = {{CLI_END}};
	const struct cli_optspec spec = {
		"ical", NULL, opts,
		_("Usage: cambouis ical [FILE|-]\n"
		  "Write every session as an iCalendar (RFC 5545) file, or to the\n"
		  "standard output. Event ids stay the same from one export to the next,\n"
		  "so calendar programs update the events they already have.\n"), NULL};
	const char *path = "-";
	struct cb_holidays h;
	char *data;
	size_t len;
	int n, rc;
	cb_status st;

	if ((rc = cli_opts_parse(&spec, argc, argv, &n)) >= 0)
		return rc;
	if ((rc = cli_opts_at_most(&spec, n, 1, argv)) >= 0)
		return rc;
	if (n == 1)
		path = argv[1];
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	calcli_holidays(c, &h);
	if ((st = cb_series_extend(c->db, &h, cb_date_today(), NULL)) != CB_OK)
		return cli_fail(st, NULL);
	if ((st = cb_ical_export(c->db, c->cfg.workshop_name, &data, &len)) != CB_OK)
		return cli_fail(st, NULL);
	if (strcmp(path, "-") == 0) {
		rc = fwrite(data, 1, len, stdout) == len && fflush(stdout) == 0 ? EXIT_OK : -1;
		if (rc < 0) {
			cli_error(_("cannot write the calendar"));
			rc = EXIT_FAILURE_RUNTIME;
		}
	} else {
		rc = write_file(path, data, len);
	}
	free(data);
	return rc;
}
