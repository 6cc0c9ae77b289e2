/* SPDX-License-Identifier: GPL-3.0-or-later */
/* At the event: checkin, checkout, tonight, pair, unpair, suggest, skill;
 * and promote, snowball. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/attendance.h"
#include "cambouis/calendar.h"
#include "cambouis/i18n.h"
#include "cambouis/pairing.h"
#include "cambouis/skills.h"
#include "opts.h"
#include "pplcli.h"

static void
event_help(FILE *out)
{
	fputs(_("Usage: cambouis checkin NAME [--session DATE] [--role R] [--at HH:MM]\n"
		"       cambouis checkout NAME [--session DATE] [--at HH:MM]\n"
		"       cambouis tonight [--session DATE] [--format text|csv|tsv]\n"
		"       cambouis pair MENTOR LEARNER [--session DATE]\n"
		"       cambouis unpair LEARNER [MENTOR] [--pause] [--session DATE]\n"
		"       cambouis suggest LEARNER [--session DATE] [--format text|csv|tsv]\n"
		"       cambouis skill NAME SKILL LEVEL --by MENTOR [--session DATE]\n"
		"       cambouis promote [NAME [--by MENTOR] [--force]]\n"
		"       cambouis snowball [NAME] [--format text|tsv]\n"
		"\n"
		"The session is today's unless --session names another day's. A learner\n"
		"keeps their mentor from session to session: checking in pairs them again\n"
		"when both are there. suggest ranks the mentors present by continuity,\n"
		"skills they can teach, a shared language and how busy they are; a mentor\n"
		"whose attestation has expired is never suggested to a minor.\n"
		"LEVEL: seen, helped, alone or can-teach (1 to 4). promote with no NAME\n"
		"lists the learners who meet the promotion rule. Names may be abbreviated.\n"), out);
}

enum {
	OPT_SESSION = 1, OPT_ROLE, OPT_AT, OPT_FORMAT, OPT_PAUSE, OPT_BY, OPT_FORCE,
};

struct event_args {
	const char *session, *at, *by;
	enum cb_role role;
	enum cli_format fmt;
	bool pause, force;
	int nargs;
	char **args;
	const char *cmd;
};

static bool
allows(const int *allowed, int opt)
{
	for (const int *p = allowed; *p; p++)
		if (*p == opt)
			return true;
	return false;
}

/* The options that take more than a plain value (cli_opt_fn). */
static int
opt_role(char *v, void *dest)
{
	struct event_args *a = dest;

	if (cb_role_parse(v, &a->role) != CB_OK) {
		cli_error(_("--role: '%s' is not learner, mentor or organiser"), v);
		return cli_usage_error(a->cmd);
	}
	return -1;
}

static int
opt_at(char *v, void *dest)
{
	struct event_args *a = dest;
	int m;

	if (cb_time_parse(v, &m) != CB_OK) {
		cli_error(_("--at: '%s' is not a time such as 17:45"), v);
		return cli_usage_error(a->cmd);
	}
	a->at = v;
	return -1;
}

static int
opt_format(char *v, void *dest)
{
	struct event_args *a = dest;

	if (!cli_format_parse(v, &a->fmt) || (strcmp(a->cmd, "snowball") == 0 && a->fmt == CLI_CSV)) {
		cli_error(_("--format: '%s' is not one of the formats of %s"), v, a->cmd);
		return cli_usage_error(a->cmd);
	}
	return -1;
}

/* Parse the options allowed for cmd and its min..max arguments. */
static int
parse_event(int argc, char **argv, const char *cmd, const int *allowed, int min, int max,
	    struct event_args *a)
{
	const struct cli_opt opts[] = {
		{CLI_STRING("session", &a->session), .off = !allows(allowed, OPT_SESSION)},
		{CLI_CALL("role", opt_role, a), .off = !allows(allowed, OPT_ROLE)},
		{CLI_CALL("at", opt_at, a), .off = !allows(allowed, OPT_AT)},
		{CLI_CALL("format", opt_format, a), .off = !allows(allowed, OPT_FORMAT)},
		{CLI_FLAG("pause", &a->pause), .off = !allows(allowed, OPT_PAUSE)},
		{CLI_STRING("by", &a->by), .off = !allows(allowed, OPT_BY)},
		{CLI_FLAG("force", &a->force), .off = !allows(allowed, OPT_FORCE)},
		{CLI_END},
	};
	const struct cli_optspec spec = {cmd, NULL, opts, NULL, event_help};
	int rc;

	a->cmd = cmd;
	if ((rc = cli_opts_parse(&spec, argc, argv, &a->nargs)) >= 0)
		return rc;
	a->args = argv + 1;
	if (a->nargs < min) {
		cli_error(_("%s: missing argument (see 'cambouis %s --help')"), cmd, cmd);
		return EXIT_USAGE;
	}
	if (a->nargs > max) {
		cli_error(_("%s: unexpected argument '%s' (quote a name with spaces)"), cmd, a->args[max]);
		return cli_usage_error(cmd);
	}
	return -1;
}

static char *
name_of(struct cli *c, const struct cb_id *id)
{
	struct cb_person p;
	char *n;

	if (cb_person_get(c->db, id, &p) != CB_OK)
		return strdup("?");
	n = p.name;
	p.name = NULL;
	cb_person_clear(&p);
	return n;
}

/* The role someone has at session (CB_ROLE_NONE when not checked in). */
static enum cb_role
role_at(struct cli *c, const struct cb_id *person, const struct cb_id *session)
{
	enum cb_role role = CB_ROLE_NONE;

	if (cb_attendance_role(c->db, person, session, &role, NULL) != CB_OK)
		return CB_ROLE_NONE;
	return role;
}

static int
say_checked_in(struct cli *c, const struct cb_id *person, const struct cb_id *session,
	       const char *date, const struct cb_id *with)
{
	char *n = name_of(c, person);

	cli_printf(_("%s checked in at the session of %s as %s"), n ? n : "?", date,
	       cb_role_label(role_at(c, person, session)));
	free(n);
	if (!cb_id_is_zero(with)) {
		char *w = name_of(c, with);
		cli_printf(_(", paired with %s"), w ? w : "?");
		free(w);
	}
	putchar('\n');
	return EXIT_OK;
}

int
cli_cmd_checkin(struct cli *c, int argc, char **argv)
{
	static const int allowed[] = {OPT_SESSION, OPT_ROLE, OPT_AT, 0};
	struct event_args a = {0};
	struct cb_id person, session, with;
	char date[CB_DATE_LEN + 1], now[CB_TIME_LEN + 1];
	const char *at;
	int rc;
	cb_status st;

	if ((rc = parse_event(argc, argv, "checkin", allowed, 1, 1, &a)) >= 0)
		return rc;
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	if ((rc = pplcli_session(c, a.session, &session, date)) >= 0 ||
	    (rc = pplcli_person(c, a.args[0], &person)) >= 0)
		return rc;
	if (!a.at && a.role == CB_ROLE_NONE) {
		/* checking in again only says so; --role or --at change the visit */
		enum cb_role here = CB_ROLE_NONE;
		bool left = false;
		if (cb_attendance_role(c->db, &person, &session, &here, &left) == CB_OK &&
		    here != CB_ROLE_NONE && !left) {
			char *n = name_of(c, &person);
			cli_printf(_("%s is already here at the session of %s (as %s)\n"), n ? n : "?", date,
			       cb_role_label(here));
			free(n);
			return EXIT_OK;
		}
	}
	at = a.at;
	if (!at && !a.session) {
		cb_time_now(now); /* today's session: the time is now */
		at = now;
	}
	st = cb_checkin(c->db, &person, &session, a.role, at, &with);
	if (st == CB_INVALID) {
		struct cb_session s;
		if (cb_session_get(c->db, &session, &s) == CB_OK) {
			bool cancelled = s.status == CB_SESSION_CANCELLED;
			cb_session_clear(&s);
			if (cancelled) {
				cli_error(_("the session of %s is cancelled"), date);
				return EXIT_FAILURE_RUNTIME;
			}
		}
		char *n = name_of(c, &person);
		cli_error(_("%s is not a %s (promote them, or give their roles with 'person edit')"),
			  n ? n : "?", cb_role_label(a.role));
		free(n);
		return EXIT_FAILURE_RUNTIME;
	}
	if (st != CB_OK)
		return cli_fail(st, NULL);
	return say_checked_in(c, &person, &session, date, &with);
}

int
cli_cmd_checkout(struct cli *c, int argc, char **argv)
{
	static const int allowed[] = {OPT_SESSION, OPT_AT, 0};
	struct event_args a = {0};
	struct cb_id person, session;
	char date[CB_DATE_LEN + 1], now[CB_TIME_LEN + 1];
	const char *at;
	char *n;
	int rc;
	cb_status st;

	if ((rc = parse_event(argc, argv, "checkout", allowed, 1, 1, &a)) >= 0)
		return rc;
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	if ((rc = pplcli_session(c, a.session, &session, date)) >= 0 ||
	    (rc = pplcli_person(c, a.args[0], &person)) >= 0)
		return rc;
	at = a.at;
	if (!at && a.session) {
		cli_error(_("checkout: give the time with --at HH:MM for another day's session"));
		return EXIT_USAGE;
	}
	if (!at) {
		cb_time_now(now);
		at = now;
	}
	st = cb_checkout(c->db, &person, &session, at);
	n = name_of(c, &person);
	if (st == CB_NOT_FOUND) {
		cli_error(_("%s is not checked in at the session of %s"), n ? n : "?", date);
		rc = EXIT_FAILURE_RUNTIME;
	} else if (st == CB_INVALID) {
		cli_error(_("%s cannot leave at %s, before arriving"), n ? n : "?", at);
		rc = EXIT_USAGE;
	} else if (st != CB_OK) {
		rc = cli_fail(st, NULL);
	} else {
		cli_printf(_("%s checked out at %s\n"), n ? n : "?", at);
		rc = EXIT_OK;
	}
	free(n);
	return rc;
}

int
cli_cmd_tonight(struct cli *c, int argc, char **argv)
{
	static const int allowed[] = {OPT_SESSION, OPT_FORMAT, 0};
	static const char *const names[] = {"name", "role", "checkin", "checkout", "pair", "flags"};
	const char *titles[] = {_("Name"), _("Role"), _("In"), _("Out"), _("Pair"), _("Notes")};
	struct event_args a = {0};
	struct cb_presence_list pl;
	struct cb_id session;
	struct cli_table *t;
	char date[CB_DATE_LEN + 1];
	bool ok;
	int rc;
	cb_status st;

	if ((rc = parse_event(argc, argv, "tonight", allowed, 0, 0, &a)) >= 0)
		return rc;
	if ((rc = cli_open_to_read(c)) != 0)
		return rc;
	if ((rc = pplcli_session(c, a.session, &session, date)) >= 0)
		return rc;
	if ((st = cb_presence(c->db, &c->cfg, &session, cb_date_today(), &pl)) != CB_OK)
		return cli_fail(st, NULL);
	t = cli_table_new(6, names, titles);
	ok = t != NULL;
	for (size_t i = 0; ok && i < pl.count; i++) {
		const struct cb_presence *p = &pl.items[i];
		bool text = a.fmt == CLI_TEXT;
		char pair[160] = "", flags[96] = "";
		if (p->partner_name && p->npartners > 1)
			snprintf(pair, sizeof pair, "%s +%d", p->partner_name, p->npartners - 1);
		else if (p->partner_name)
			snprintf(pair, sizeof pair, "%s", p->partner_name);
		{
			const char *f[3] = {
				p->role == CB_ROLE_LEARNER && !p->npartners && !p->checkout[0]
					? (text ? _("unpaired") : "unpaired") : NULL,
				p->minor ? (text ? _("minor") : "minor") : NULL,
				p->attestation_expired ? (text ? _("attestation expired") : "attestation-expired")
						       : NULL,
			};
			size_t o = 0;
			for (int k = 0; k < 3; k++) {
				int w;
				if (!f[k])
					continue;
				w = snprintf(flags + o, sizeof flags - o, "%s%s", o ? ", " : "", f[k]);
				if (w > 0 && (size_t)w < sizeof flags - o)
					o += (size_t)w;
			}
		}
		const char *cells[] = {
			p->name, text ? cb_role_label(p->role) : cb_role_name(p->role), p->checkin,
			p->checkout, pair, flags,
		};
		ok = cli_table_add(t, cells);
	}
	if (ok && a.fmt == CLI_TEXT) {
		char ls[48], ms[48], ps[48], us[48];
		snprintf(ls, sizeof ls, ngettext_("%d learner", "%d learners", (unsigned long)pl.learners),
			 pl.learners);
		snprintf(ms, sizeof ms, ngettext_("%d mentor", "%d mentors", (unsigned long)pl.mentors),
			 pl.mentors);
		snprintf(ps, sizeof ps, ngettext_("%d pair", "%d pairs", (unsigned long)pl.pairs), pl.pairs);
		snprintf(us, sizeof us, ngettext_("%d unpaired", "%d unpaired", (unsigned long)pl.unpaired),
			 pl.unpaired);
		cli_printf(_("Session of %s: %s, %s, %s, %s\n"), date, ls, ms, ps, us);
	}
	cb_presence_list_free(&pl);
	return pplcli_print(t, ok, a.fmt);
}

int
cli_cmd_pair(struct cli *c, int argc, char **argv)
{
	static const int allowed[] = {OPT_SESSION, 0};
	struct event_args a = {0};
	struct cb_id mentor, learner, session;
	char date[CB_DATE_LEN + 1];
	char *mn, *ln;
	int rc;
	cb_status st;

	if ((rc = parse_event(argc, argv, "pair", allowed, 2, 2, &a)) >= 0)
		return rc;
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	if ((rc = pplcli_session(c, a.session, &session, date)) >= 0 ||
	    (rc = pplcli_person(c, a.args[0], &mentor)) >= 0 ||
	    (rc = pplcli_person(c, a.args[1], &learner)) >= 0)
		return rc;
	st = cb_pair(c->db, &mentor, &learner, &session, NULL);
	mn = name_of(c, &mentor);
	ln = name_of(c, &learner);
	if (st == CB_INVALID) {
		if (cb_id_cmp(&mentor, &learner) == 0)
			cli_error(_("a person cannot be their own mentor"));
		else
			cli_error(_("%s is not a mentor"), mn ? mn : "?");
		rc = EXIT_FAILURE_RUNTIME;
	} else if (st == CB_NOT_FOUND) {
		cli_error(_("both must be checked in at the session of %s first (cambouis checkin)"), date);
		rc = EXIT_FAILURE_RUNTIME;
	} else if (st != CB_OK) {
		rc = cli_fail(st, NULL);
	} else {
		struct cb_person m, l;
		cli_printf(_("%s is paired with %s (mentor)\n"), ln ? ln : "?", mn ? mn : "?");
		if (cb_person_get(c->db, &mentor, &m) == CB_OK) {
			if (cb_person_get(c->db, &learner, &l) == CB_OK) {
				if (cb_person_may_be_minor(&l, cb_date_today()) &&
				    !cb_attestation_valid(m.attestation, &c->cfg, cb_date_today()))
					cli_fprintf(stderr, _("warning: %s may be a minor and %s has no valid "
							  "honorability attestation\n"), l.name, m.name);
				cb_person_clear(&l);
			}
			cb_person_clear(&m);
		}
		rc = EXIT_OK;
	}
	free(mn);
	free(ln);
	return rc;
}

int
cli_cmd_unpair(struct cli *c, int argc, char **argv)
{
	static const int allowed[] = {OPT_SESSION, OPT_PAUSE, 0};
	struct event_args a = {0};
	struct cb_id mentor, learner, session;
	char date[CB_DATE_LEN + 1];
	bool today = true;
	int rc;
	cb_status st;

	if ((rc = parse_event(argc, argv, "unpair", allowed, 1, 2, &a)) >= 0)
		return rc;
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	if ((rc = pplcli_person(c, a.args[0], &learner)) >= 0)
		return rc;
	if (a.nargs == 2) {
		if ((rc = pplcli_person(c, a.args[1], &mentor)) >= 0)
			return rc;
	} else if ((st = cb_active_mentor(c->db, &learner, &mentor)) != CB_OK) {
		if (st != CB_NOT_FOUND)
			return cli_fail(st, NULL);
		cli_error(_("'%s' has no active mentor: name the MENTOR too"), a.args[0]);
		return EXIT_FAILURE_RUNTIME;
	}
	/* without a session today, only the pairing changes */
	if (a.session) {
		if ((rc = pplcli_session(c, a.session, &session, date)) >= 0)
			return rc;
	} else {
		struct cb_session s;
		int days = -1;
		st = cb_session_current(c->db, cb_date_today(), &s, &days);
		if (st != CB_OK && st != CB_NOT_FOUND)
			return cli_fail(st, NULL);
		today = st == CB_OK && days == 0;
		if (st == CB_OK) {
			session = s.id;
			cb_session_clear(&s);
		}
	}
	st = cb_unpair(c->db, &mentor, &learner, today ? &session : NULL,
		       a.pause ? CB_PAIR_PAUSED : CB_PAIR_ENDED);
	if (st == CB_NOT_FOUND) {
		cli_error(_("they were never paired"));
		return EXIT_FAILURE_RUNTIME;
	}
	if (st != CB_OK)
		return cli_fail(st, NULL);
	cli_printf(a.pause ? _("Pairing paused\n") : _("Pairing ended\n"));
	return EXIT_OK;
}

int
cli_cmd_suggest(struct cli *c, int argc, char **argv)
{
	static const int allowed[] = {OPT_SESSION, OPT_FORMAT, 0};
	static const char *const names[] = {"rank", "mentor", "continuity", "sessions_together",
					    "skills", "shared_language", "load", "why"};
	const char *titles[] = {_("#"), _("Mentor"), _("Continuity"), _("Together"), _("Skills"),
				_("Language"), _("Load"), _("Why")};
	struct event_args a = {0};
	struct cb_suggestion_list l;
	struct cb_id learner, session;
	struct cli_table *t;
	char date[CB_DATE_LEN + 1];
	bool ok;
	enum cb_role role;
	int rc;
	cb_status st;

	if ((rc = parse_event(argc, argv, "suggest", allowed, 1, 1, &a)) >= 0)
		return rc;
	if ((rc = cli_open_to_read(c)) != 0)
		return rc;
	if ((rc = pplcli_session(c, a.session, &session, date)) >= 0 ||
	    (rc = pplcli_person(c, a.args[0], &learner)) >= 0)
		return rc;
	role = role_at(c, &learner, &session);
	if (role == CB_ROLE_NONE)
		cli_fprintf(stderr, _("note: %s is not checked in at the session of %s\n"), a.args[0], date);
	if ((st = cb_suggest(c->db, &c->cfg, &learner, &session, cb_date_today(), &l)) != CB_OK)
		return cli_fail(st, NULL);
	t = cli_table_new(8, names, titles);
	ok = t != NULL;
	for (size_t i = 0; ok && i < l.count; i++) {
		const struct cb_suggestion *s = &l.items[i];
		char rank[24], cont[16], tog[16], sk[16], load[16];
		snprintf(rank, sizeof rank, "%zu", i + 1);
		snprintf(cont, sizeof cont, "%d", s->continuity);
		snprintf(tog, sizeof tog, "%d", s->together);
		snprintf(sk, sizeof sk, "%d", s->skills);
		snprintf(load, sizeof load, "%d", s->load);
		const char *cells[] = {rank, s->name, cont, tog, sk, s->language ? "1" : "0", load,
				       s->reason};
		ok = cli_table_add(t, cells);
	}
	if (ok && a.fmt == CLI_TEXT && !l.count)
		cli_printf(_("No mentor present to suggest.\n"));
	if (ok && a.fmt == CLI_TEXT && l.excluded)
		cli_printf(ngettext_("%d mentor left out: the learner may be a minor and their attestation is missing or expired.\n",
				 "%d mentors left out: the learner may be a minor and their attestation is missing or expired.\n",
				 (unsigned long)l.excluded),
		       l.excluded);
	cb_suggestion_list_free(&l);
	return pplcli_print(t, ok, a.fmt);
}

int
cli_cmd_skill(struct cli *c, int argc, char **argv)
{
	static const int allowed[] = {OPT_SESSION, OPT_BY, 0};
	struct event_args a = {0};
	struct cb_id person, mentor, session;
	struct cb_name_list skills;
	char date[CB_DATE_LEN + 1];
	enum cb_level level;
	size_t k;
	int rc;
	cb_status st;

	if ((rc = parse_event(argc, argv, "skill", allowed, 3, 3, &a)) >= 0)
		return rc;
	if (cb_level_parse(a.args[2], &level) != CB_OK) {
		cli_error(_("'%s' is not a level: seen, helped, alone or can-teach (1 to 4)"), a.args[2]);
		return EXIT_USAGE;
	}
	if (!a.by) {
		cli_error(_("skill: say which mentor signs it off with --by MENTOR"));
		return EXIT_USAGE;
	}
	if ((st = cb_skills(&c->cfg, &skills)) != CB_OK)
		return cli_fail(st, NULL);
	st = cb_name_list_find(&skills, a.args[1], &k);
	if (st != CB_OK) {
		cli_error(st == CB_AMBIGUOUS ? _("'%s' matches more than one skill; say which:")
					     : _("no skill '%s' in the checklist; the skills are:"), a.args[1]);
		for (size_t i = 0; i < skills.count; i++)
			cli_fprintf(stderr, strcmp(skills.keys[i], skills.labels[i]) ? "  %-16s %s\n" : "  %s\n",
				skills.keys[i], skills.labels[i]);
		cb_name_list_free(&skills);
		return EXIT_USAGE;
	}
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0 ||
	    (rc = pplcli_session(c, a.session, &session, date)) >= 0 ||
	    (rc = pplcli_person(c, a.args[0], &person)) >= 0 ||
	    (rc = pplcli_person(c, a.by, &mentor)) >= 0) {
		cb_name_list_free(&skills);
		return rc;
	}
	st = cb_skill_signoff(c->db, &c->cfg, &person, skills.keys[k], level, &mentor, &session, NULL);
	if (st == CB_INVALID) {
		cli_error(cb_id_cmp(&person, &mentor) == 0 ? _("nobody signs off their own skills")
							   : _("--by: '%s' is not a mentor"), a.by);
		rc = EXIT_FAILURE_RUNTIME;
	} else if (st != CB_OK) {
		rc = cli_fail(st, NULL);
	} else {
		char *n = name_of(c, &person);
		cli_printf(_("%s: %s, %s (%s)\n"), n ? n : "?", skills.labels[k], cb_level_label(level), date);
		free(n);
		rc = EXIT_OK;
	}
	cb_name_list_free(&skills);
	return rc;
}

int
cli_cmd_promote(struct cli *c, int argc, char **argv)
{
	static const int allowed[] = {OPT_BY, OPT_FORCE, 0};
	struct event_args a = {0};
	struct cb_id person, trainer, by;
	struct cb_progress pr;
	int rc;
	cb_status st;

	if ((rc = parse_event(argc, argv, "promote", allowed, 0, 1, &a)) >= 0)
		return rc;
	if (a.nargs == 0) {
		struct cb_progress_list l;
		if (a.by || a.force) {
			cli_error(_("promote: --by and --force need a NAME"));
			return cli_usage_error("promote");
		}
		if ((rc = cli_open_to_read(c)) != 0)
			return rc;
		if ((st = cb_promotion_candidates(c->db, &c->cfg, &l)) != CB_OK)
			return cli_fail(st, NULL);
		if (!l.count)
			cli_printf(_("Nobody meets the promotion rule yet.\n"));
		for (size_t i = 0; i < l.count; i++) {
			char sk[64], se[48];
			snprintf(sk, sizeof sk, ngettext_("%d skill at can teach", "%d skills at can teach",
							  (unsigned long)l.items[i].can_teach),
				 l.items[i].can_teach);
			snprintf(se, sizeof se, ngettext_("%d session", "%d sessions",
							  (unsigned long)l.items[i].sessions),
				 l.items[i].sessions);
			cli_printf(_("%s: %s, %s\n"), l.items[i].name, sk, se);
		}
		cb_progress_list_free(&l);
		return EXIT_OK;
	}
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0 || (rc = pplcli_person(c, a.args[0], &person)) >= 0 ||
	    (a.by && (rc = pplcli_person(c, a.by, &trainer)) >= 0))
		return rc;
	st = cb_promote(c->db, &c->cfg, &person, a.by ? &trainer : NULL, a.force, cb_date_today(), &by);
	if (st == CB_OK) {
		char *n = name_of(c, &person), *t = name_of(c, &by);
		cli_printf(_("%s is now a mentor, trained by %s\n"), n ? n : "?", t ? t : "?");
		free(n);
		free(t);
		return EXIT_OK;
	}
	if (st == CB_EXISTS) {
		cli_error(_("'%s' is a mentor already"), a.args[0]);
		return EXIT_FAILURE_RUNTIME;
	}
	if (st == CB_NOT_FOUND) {
		cli_error(_("who trained '%s'? They never had a mentor: say it with --by MENTOR"), a.args[0]);
		return EXIT_FAILURE_RUNTIME;
	}
	if (st == CB_INVALID && cb_promotion_progress(c->db, &c->cfg, &person, &pr) == CB_OK) {
		if (pr.eligible)
			cli_error(_("--by: '%s' is not a mentor"), a.by ? a.by : "");
		else
			cli_error(_("'%s' does not meet the promotion rule yet: %d/%d skills at can teach, "
				    "%d/%d sessions (--force to promote anyway)"), a.args[0], pr.can_teach,
				  pr.need_skills, pr.sessions, pr.need_sessions);
		cb_progress_clear(&pr);
		return EXIT_FAILURE_RUNTIME;
	}
	return cli_fail(st, NULL);
}

int
cli_cmd_snowball(struct cli *c, int argc, char **argv)
{
	static const int allowed[] = {OPT_FORMAT, 0};
	struct event_args a = {0};
	struct cb_snowball s;
	struct cb_id root;
	int rc;
	cb_status st;

	if ((rc = parse_event(argc, argv, "snowball", allowed, 0, 1, &a)) >= 0)
		return rc;
	if ((rc = cli_open_to_read(c)) != 0)
		return rc;
	if (a.nargs && (rc = pplcli_person(c, a.args[0], &root)) >= 0)
		return rc;
	st = cb_snowball(c->db, a.nargs ? &root : NULL, &s);
	if (st == CB_NOT_FOUND) {
		cli_error(_("'%s' is not a mentor: nobody in the snowball below them yet"), a.args[0]);
		return EXIT_FAILURE_RUNTIME;
	}
	if (st != CB_OK)
		return cli_fail(st, NULL);
	if (a.fmt == CLI_TSV) {
		cli_printf("depth\tname\tpromoted_on\ttrainees\tdescendants\n");
		for (size_t i = 0; i < s.count; i++)
			cli_printf("%d\t%s\t%s\t%d\t%d\n", s.items[i].depth, s.items[i].name,
			       s.items[i].promoted_on, s.items[i].trainees, s.items[i].descendants);
	} else {
		if (a.nargs) {
			/* the line above the root: who trained whom up to a founder */
			struct cb_person p;
			struct cb_id at = root;
			int guard = 0;
			while (guard++ < 64 && cb_person_get(c->db, &at, &p) == CB_OK) {
				bool up = !cb_id_is_zero(&p.trained_by);
				if (guard > 1)
					cli_printf(_("trained by %s\n"), p.name);
				at = p.trained_by;
				cb_person_clear(&p);
				if (!up)
					break;
			}
		}
		for (size_t i = 0; i < s.count; i++) {
			const struct cb_snowball_row *r = &s.items[i];
			cli_printf("%*s%s%s", r->depth * 2, "", r->depth ? "└ " : "", r->name);
			if (r->promoted_on[0])
				cli_printf(_(" (mentor since %s)"), r->promoted_on);
			if (r->descendants)
				cli_printf(_(": trained %d, %d down the line"), r->trainees, r->descendants);
			putchar('\n');
		}
		char who[160], gen[48];
		snprintf(who, sizeof who,
			 ngettext_("%d of %d learners became a mentor (%.1f%%)",
				   "%d of %d learners became mentors (%.1f%%)", (unsigned long)s.promoted),
			 s.promoted, s.learners, s.learners ? 100.0 * s.promoted / s.learners : 0.0);
		snprintf(gen, sizeof gen, ngettext_("%d generation", "%d generations",
						    (unsigned long)s.generations), s.generations);
		cli_printf(_("Snowball: %s, %s\n"), who, gen);
	}
	cb_snowball_free(&s);
	if (fflush(stdout) != 0) {
		cli_error(_("cannot write the output"));
		return EXIT_FAILURE_RUNTIME;
	}
	return EXIT_OK;
}
