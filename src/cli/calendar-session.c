/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sessions one by one (cancel, move, held...) and venue closures. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/calendar.h"
#include "cambouis/i18n.h"
#include "cambouis/schema.h"
#include "cambouis/venue.h"
#include "calcli.h"
#include "cli.h"
#include "opts.h"

static void
session_help(FILE *out)
{
	fputs(_("Usage: cambouis session cancel DATE [--reason TEXT]\n"
		"       cambouis session move DATE [--to DATE] [--venue NAME | --next-venue]\n"
		"                                  [--start HH:MM] [--end HH:MM]\n"
		"       cambouis session held DATE\n"
		"       cambouis session restore DATE\n"
		"       cambouis session show DATE\n"
		"       cambouis session add DATE --venue NAME [--start HH:MM] [--end HH:MM]\n"
		"\n"
		"DATE names the session of that day (or give the session's id when two\n"
		"share a day). A moved session keeps its place: later changes to its series\n"
		"leave it alone. --next-venue takes the next open venue of the rotation.\n"
		"restore plans a cancelled session again.\n"), out);
}

/* the options an action allows (parse_session) */
enum { OPT_REASON = 1, OPT_TO, OPT_VENUE, OPT_NEXT, OPT_START, OPT_END };

struct session_args {
	const char *reason, *to, *venue, *start, *end;
	bool next_venue;
};

static bool
allows(const int *allowed, int opt)
{
	for (const int *p = allowed; *p; p++)
		if (*p == opt)
			return true;
	return false;
}

/* Parse the options of one action (allowed: a set of OPT_ codes); the
 * session's DATE is then argv[1]. */
static int
parse_session(int argc, char **argv, const char *sub, const int *allowed, struct session_args *a)
{
	char cmd[32];
	const struct cli_opt opts[] = {
		{CLI_STRING("reason", &a->reason), .off = !allows(allowed, OPT_REASON)},
		{CLI_DATE("to", &a->to), .off = !allows(allowed, OPT_TO)},
		{CLI_STRING("venue", &a->venue), .off = !allows(allowed, OPT_VENUE)},
		{CLI_FLAG("next-venue", &a->next_venue), .off = !allows(allowed, OPT_NEXT)},
		{CLI_TIME("start", &a->start), .off = !allows(allowed, OPT_START)},
		{CLI_TIME("end", &a->end), .off = !allows(allowed, OPT_END)},
		{CLI_END},
	};
	const struct cli_optspec spec = {cmd, "session", opts, NULL, session_help};
	int n, rc;

	snprintf(cmd, sizeof cmd, "session %s", sub);
	if ((rc = cli_opts_parse(&spec, argc, argv, &n)) >= 0)
		return rc;
	if (n < 1) {
		cli_error(_("session %s: give the session's DATE"), sub);
		return cli_usage_error("session");
	}
	if (n > 1) {
		cli_error(_("session %s: unexpected argument '%s'"), sub, argv[2]);
		return cli_usage_error("session");
	}
	if (!cb_date_valid(argv[1]) && strlen(argv[1]) != CB_ID_HEX_LEN)
		return calcli_bad_date(_("date"), argv[1]);
	return -1;
}

/* Find the session the user means; print why not and return the exit code. */
static int
find_session(struct cli *c, const char *key, struct cb_id *id)
{
	cb_status st = cb_session_find(c->db, key, id);
	struct cb_session_list l;

	if (st == CB_OK)
		return -1;
	if (st == CB_NOT_FOUND || st == CB_INVALID) {
		cli_error(_("no session on %s"), key);
		return EXIT_FAILURE_RUNTIME;
	}
	if (st != CB_AMBIGUOUS)
		return cli_fail(st, NULL);
	cli_error(_("more than one session on %s: give the id of the one you mean:"), key);
	if (cb_sessions_between(c->db, key, key, &l) == CB_OK) {
		for (size_t i = 0; i < l.count; i++) {
			char hex[CB_ID_HEX_LEN + 1];
			cb_id_to_hex(&l.items[i].id, hex);
			cli_fprintf(stderr, "  %s  %s  %s\n", hex, l.items[i].start, l.items[i].venue_name);
		}
		cb_session_list_free(&l);
	}
	return EXIT_FAILURE_RUNTIME;
}

static int
session_done(cb_status st)
{
	if (st == CB_OK)
		return EXIT_OK;
	if (st == CB_INVALID) {
		cli_error(_("the session would end before it starts"));
		return EXIT_USAGE;
	}
	return cli_fail(st, NULL);
}

/* The prologue of the actions on one session: parse the options, open the
 * database and find the session argv names (DATE or id). -1 to go on with
 * *id set, else the exit code (the error already printed). */
static int
target_session(struct cli *c, int argc, char **argv, const char *sub, const int *allowed,
	       struct session_args *a, struct cb_id *id)
{
	int rc;

	if ((rc = parse_session(argc, argv, sub, allowed, a)) >= 0)
		return rc;
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	return find_session(c, argv[1], id);
}

static int
session_cancel(struct cli *c, int argc, char **argv)
{
	static const int allowed[] = {OPT_REASON, 0};
	struct session_args a = {0};
	struct cb_id id;
	int rc;
	cb_status st;

	if ((rc = target_session(c, argc, argv, "cancel", allowed, &a, &id)) >= 0)
		return rc;
	st = cb_session_cancel(c->db, &id, a.reason);
	if (st == CB_INVALID || st == CB_TOO_LONG) {
		cli_error(_("--reason: %s"), cb_status_message(st));
		return EXIT_USAGE;
	}
	return session_done(st);
}

static int
session_held(struct cli *c, int argc, char **argv)
{
	static const int allowed[] = {0};
	struct session_args a = {0};
	struct cb_session s;
	struct cb_id id;
	char today[CB_DATE_LEN + 1];
	int rc;
	cb_status st;

	if ((rc = target_session(c, argc, argv, "held", allowed, &a, &id)) >= 0)
		return rc;
	if ((st = cb_session_get(c->db, &id, &s)) != CB_OK)
		return cli_fail(st, NULL);
	cb_date_format(cb_date_today(), today);
	rc = strcmp(s.date, today) > 0;
	cb_session_clear(&s);
	if (rc) {
		cli_error(_("the session of %s has not happened yet"), argv[1]);
		return EXIT_FAILURE_RUNTIME;
	}
	return session_done(cb_session_held(c->db, &id));
}

static int
session_restore(struct cli *c, int argc, char **argv)
{
	static const int allowed[] = {0};
	struct session_args a = {0};
	struct cb_id id;
	int rc;

	if ((rc = target_session(c, argc, argv, "restore", allowed, &a, &id)) >= 0)
		return rc;
	return session_done(cb_session_restore(c->db, &id));
}

static int
session_move(struct cli *c, int argc, char **argv)
{
	static const int allowed[] = {OPT_TO, OPT_VENUE, OPT_NEXT, OPT_START, OPT_END, 0};
	struct session_args a = {0};
	struct cb_session_change ch = {0};
	struct cb_id id, venue;
	int rc;
	cb_status st;

	if ((rc = parse_session(argc, argv, "move", allowed, &a)) >= 0)
		return rc;
	if (!a.to && !a.venue && !a.next_venue && !a.start && !a.end) {
		cli_error(_("session move: say where to: --to DATE, --venue NAME, --next-venue, "
			    "--start HH:MM or --end HH:MM"));
		return cli_usage_error("session");
	}
	if (a.venue && a.next_venue) {
		cli_error(_("session move: give --venue or --next-venue, not both"));
		return cli_usage_error("session");
	}
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	if ((rc = find_session(c, argv[1], &id)) >= 0)
		return rc;
	if (a.venue) {
		if ((st = cb_venue_find(c->db, a.venue, &venue)) != CB_OK)
			return calcli_venue_error(st, a.venue);
		ch.venue = &venue;
	} else if (a.next_venue) {
		if ((st = cb_session_next_venue(c->db, &id, &venue)) == CB_NOT_FOUND) {
			cli_error(_("no other venue of the rotation is open on %s"), argv[1]);
			return EXIT_FAILURE_RUNTIME;
		}
		if (st != CB_OK)
			return cli_fail(st, NULL);
		ch.venue = &venue;
	}
	ch.date = a.to;
	ch.start = a.start;
	ch.end = a.end;
	return session_done(cb_session_move(c->db, &id, &ch));
}

/* One line of session show: a label and its value. */
static void
show_line(const char *label, const char *value)
{
	/* TRANSLATORS: a label and its value ("Venue: Halle"); French puts a
	 * space before the colon */
	cli_printf(_("%s: %s\n"), label, value);
}

static int
session_show(struct cli *c, int argc, char **argv)
{
	static const int allowed[] = {0};
	struct session_args a = {0};
	struct cb_session s;
	struct cb_id id;
	char hex[CB_ID_HEX_LEN + 1], when[64], *where = NULL;
	int rc;
	cb_status st;

	if ((rc = target_session(c, argc, argv, "show", allowed, &a, &id)) >= 0)
		return rc;
	if ((st = cb_session_get(c->db, &id, &s)) != CB_OK)
		return cli_fail(st, NULL);
	cb_id_to_hex(&s.id, hex);
	show_line(_("Id"), hex);
	snprintf(when, sizeof when, "%s %s", calcli_weekday(s.date), s.date);
	show_line(_("Date"), when);
	snprintf(when, sizeof when, "%s-%s", s.start, s.end);
	show_line(_("Time"), when);
	show_line(_("Venue"), s.venue_name);
	if (*s.venue_address || *s.venue_commune) {
		if (asprintf(&where, "%s%s%s", s.venue_address,
			     *s.venue_address && *s.venue_commune ? ", " : "", s.venue_commune) < 0)
			where = NULL;
		show_line(_("Address"), where ? where : s.venue_address);
		free(where);
	}
	show_line(_("Status"), cb_session_status_label(s.status));
	if (*s.reason)
		show_line(_("Reason"), s.reason);
	if (s.edited)
		show_line(_("Changed"), _("by hand (series edits leave it alone)"));
	if (*s.notes)
		show_line(_("Notes"), s.notes);
	cb_session_clear(&s);
	return EXIT_OK;
}

static int
session_add(struct cli *c, int argc, char **argv)
{
	static const int allowed[] = {OPT_VENUE, OPT_START, OPT_END, 0};
	struct session_args a = {0};
	struct cb_id venue;
	int rc;
	cb_status st;

	if ((rc = parse_session(argc, argv, "add", allowed, &a)) >= 0)
		return rc;
	if (cb_schema_check_text(CB_T_SESSION, CB_F_SESSION_DATE, argv[1]) != CB_OK)
		return calcli_bad_date(_("date"), argv[1]);
	if (!a.venue) {
		cli_error(_("session add: --venue is needed"));
		return cli_usage_error("session");
	}
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	if ((st = cb_venue_find(c->db, a.venue, &venue)) != CB_OK)
		return calcli_venue_error(st, a.venue);
	st = cb_session_add(c->db, argv[1], a.start ? a.start : c->cfg.session_start,
			    a.end ? a.end : c->cfg.session_end, &venue, NULL);
	return session_done(st);
}

int
cli_cmd_session(struct cli *c, int argc, char **argv)
{
	static const struct cli_action subs[] = {
		{"cancel", session_cancel}, {"move", session_move}, {"held", session_held},
		{"restore", session_restore}, {"show", session_show}, {"add", session_add},
	};

	return cli_dispatch(c, argc, argv, "session", subs, sizeof subs / sizeof subs[0], session_help,
			    _("session: say what to do: cancel, move, held, restore, show or add"));
}

/* --- venue close / venue closures ------------------------------------------ */

static void
close_help(FILE *out)
{
	fputs(_("Usage: cambouis venue close NAME --from DATE [--to DATE] [--reason TEXT]\n"
		"       cambouis venue closures [NAME] [--format text|csv|tsv]\n"
		"A closed venue cannot host a session: sessions planned there in the period\n"
		"are listed by 'cambouis conflicts'. Without --to the venue stays closed\n"
		"until further notice.\n"), out);
}

int
cli_venue_close(struct cli *c, int argc, char **argv)
{
	const char *from = NULL, *to = NULL, *reason = NULL;
	const struct cli_opt opts[] = {
		{CLI_DATE("from", &from)},
		{CLI_DATE("to", &to)},
		{CLI_STRING("reason", &reason)},
		{CLI_END},
	};
	const struct cli_optspec spec = {"venue close", "venue", opts, NULL, close_help};
	struct cb_id venue;
	int n, rc;
	cb_status st;

	if ((rc = cli_opts_parse(&spec, argc, argv, &n)) >= 0)
		return rc;
	if (n != 1) {
		cli_error(_("venue close: give one venue NAME (quote names that hold spaces)"));
		return cli_usage_error("venue");
	}
	if (!from) {
		cli_error(_("venue close: --from DATE is needed"));
		return cli_usage_error("venue");
	}
	if (to && strcmp(to, from) < 0) {
		cli_error(_("venue close: --to is before --from"));
		return cli_usage_error("venue");
	}
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	if ((st = cb_venue_find(c->db, argv[1], &venue)) != CB_OK)
		return calcli_venue_error(st, argv[1]);
	st = cb_venue_close(c->db, &venue, from, to, reason, NULL);
	if (st == CB_INVALID || st == CB_TOO_LONG) {
		cli_error(_("--reason: %s"), cb_status_message(st));
		return EXIT_USAGE;
	}
	return st == CB_OK ? EXIT_OK : cli_fail(st, NULL);
}

int
cli_venue_closures(struct cli *c, int argc, char **argv)
{
	static const char *const names[] = {"venue", "from", "to", "reason"};
	const char *titles[] = {_("Venue"), _("From"), _("To"), _("Reason")};
	enum cli_format fmt = CLI_TEXT;
	const struct cli_opt opts[] = {
		{CLI_FORMAT("format", &fmt)},
		{CLI_END},
	};
	const struct cli_optspec spec = {"venue closures", "venue", opts, NULL, close_help};
	struct cb_closure_list l;
	struct cli_table *t;
	struct cb_id venue;
	bool ok = true;
	int n, rc;
	cb_status st;

	if ((rc = cli_opts_parse(&spec, argc, argv, &n)) >= 0)
		return rc;
	if ((rc = cli_opts_at_most(&spec, n, 1, argv)) >= 0)
		return rc;
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	if (n == 1 && (st = cb_venue_find(c->db, argv[1], &venue)) != CB_OK)
		return calcli_venue_error(st, argv[1]);
	if ((st = cb_venue_closures(c->db, n == 1 ? &venue : NULL, &l)) != CB_OK)
		return cli_fail(st, NULL);
	t = cli_table_new(4, names, titles);
	for (size_t i = 0; t && ok && i < l.count; i++) {
		const struct cb_closure *k = &l.items[i];
		const char *cells[] = {k->venue_name, k->from, k->to, k->reason};
		ok = cli_table_add(t, cells);
	}
	cb_closure_list_free(&l);
	return calcli_print(t, ok, fmt);
}
