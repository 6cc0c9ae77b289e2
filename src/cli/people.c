/* SPDX-License-Identifier: GPL-3.0-or-later */
/* person add|list|show|edit|rm, and helpers for the people's commands. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/attendance.h"
#include "cambouis/calendar.h"
#include "cambouis/i18n.h"
#include "cambouis/pairing.h"
#include "cambouis/schema.h"
#include "cambouis/skills.h"
#include "cambouis/text.h"
#include "opts.h"
#include "pplcli.h"

/* --- helpers ---------------------------------------------------------------- */

int
pplcli_person(struct cli *c, const char *key, struct cb_id *id)
{
	struct cb_person_ref_list cands;
	cb_status st = cb_person_find(c->db, key, id, &cands);

	if (st == CB_OK)
		return -1;
	if (st == CB_NOT_FOUND) {
		cli_error(_("no person named '%s'"), key);
		return EXIT_FAILURE_RUNTIME;
	}
	if (st != CB_AMBIGUOUS)
		return cli_fail(st, NULL);
	cli_error(_("'%s' matches more than one person; say which:"), key);
	for (size_t i = 0; i < cands.count && i < 20; i++) {
		char hex[CB_ID_HEX_LEN + 1];
		bool twin = (i > 0 && strcmp(cands.items[i - 1].name, cands.items[i].name) == 0) ||
			    (i + 1 < cands.count && strcmp(cands.items[i + 1].name, cands.items[i].name) == 0);
		cb_id_to_hex(&cands.items[i].id, hex);
		/* the id only when two share the very same name */
		if (twin)
			cli_fprintf(stderr, "  %s  (%s)\n", cands.items[i].name, hex);
		else
			cli_fprintf(stderr, "  %s\n", cands.items[i].name);
	}
	if (cands.count > 20)
		cli_fprintf(stderr, ngettext_("  ... and %zu more\n", "  ... and %zu more\n", cands.count - 20),
			cands.count - 20);
	cb_person_ref_list_free(&cands);
	return EXIT_USAGE;
}

int
pplcli_session(struct cli *c, const char *date, struct cb_id *id, char out_date[11])
{
	struct cb_session s;
	int days;
	cb_status st;

	if (date) {
		if (cb_date_out_of_range(date)) {
			cli_error(_("--session: '%s' is outside the dates cambouis knows, "
				    "1900-01-01 to 2199-12-31"), date);
			return EXIT_USAGE;
		}
		if (cb_schema_check_text(CB_T_SESSION, CB_F_SESSION_DATE, date) != CB_OK) {
			cli_error(_("--session: '%s' is not a date such as 2026-03-04"), date);
			return EXIT_USAGE;
		}
		st = cb_session_find(c->db, date, id);
		if (st == CB_NOT_FOUND || st == CB_INVALID) {
			cli_error(_("no session on %s"), date);
			return EXIT_FAILURE_RUNTIME;
		}
		if (st == CB_AMBIGUOUS) {
			cli_error(_("more than one session on %s: give the session's id"), date);
			return EXIT_FAILURE_RUNTIME;
		}
		if (st != CB_OK)
			return cli_fail(st, NULL);
		if (out_date)
			snprintf(out_date, CB_DATE_LEN + 1, "%s", date);
		return -1;
	}
	st = cb_session_current(c->db, cb_date_today(), &s, &days);
	if (st == CB_NOT_FOUND) {
		cli_error(_("there is no session today: give --session DATE"));
		return EXIT_FAILURE_RUNTIME;
	}
	if (st != CB_OK)
		return cli_fail(st, NULL);
	if (days != 0) {
		cli_error(_("there is no session today (the next one is on %s): give --session DATE"),
			  s.date);
		cb_session_clear(&s);
		return EXIT_FAILURE_RUNTIME;
	}
	*id = s.id;
	if (out_date)
		snprintf(out_date, CB_DATE_LEN + 1, "%s", s.date);
	cb_session_clear(&s);
	return -1;
}

int
pplcli_print(struct cli_table *t, bool ok, enum cli_format fmt)
{
	bool written = ok && cli_table_print(t, stdout, fmt);

	cli_table_free(t);
	if (!ok)
		return cli_fail(CB_NOMEM, NULL);
	if (!written) {
		cli_error(_("cannot write the output"));
		return EXIT_FAILURE_RUNTIME;
	}
	return EXIT_OK;
}

void
pplcli_roles(unsigned roles, bool label, char *out, size_t size)
{
	size_t o = 0;

	out[0] = '\0';
	for (int r = CB_ROLE_LEARNER; r <= CB_ROLE_ORGANISER; r++) {
		if (!(roles & CB_ROLE_BIT(r)))
			continue;
		int k = snprintf(out + o, size - o, "%s%s", o ? "," : "",
				 label ? cb_role_label((enum cb_role)r) : cb_role_name((enum cb_role)r));
		if (k < 0 || (size_t)k >= size - o)
			break;
		o += (size_t)k;
	}
}

/* Print s (escaped) then blanks up to width columns (UTF-8 aware). */
static void
pad(const char *s, int width)
{
	char *safe = cb_text_escape(s, CB_ESCAPE_BLANK_LINES);
	int w = safe ? cb_utf8_width(safe) : 0;

	if (safe)
		fputs(safe, stdout);
	free(safe);
	for (; w < width; w++)
		putchar(' ');
}

/* The width of a column: its widest cell and two spaces, so that a label
 * never runs into its value ("learner of" + a name, a long skill name). */
static int
col(int widest, const char *s)
{
	char *safe = cb_text_escape(s, CB_ESCAPE_BLANK_LINES); /* as pad() prints it */
	int w = (safe ? cb_utf8_width(safe) : 0) + 2;

	free(safe);
	return w > widest ? w : widest;
}

/* --- person ------------------------------------------------------------------- */

static void
person_help(FILE *out)
{
	fputs(_("Usage: cambouis person add NAME --role learner|mentor|organiser[,...]\n"
		"                 [--category C] [--birth-year YYYY] [--lang fr,en]\n"
		"                 [--contact TEXT] [--notes TEXT] [--attestation DATE]\n"
		"                 [--consent PURPOSE:person|guardian|both]...\n"
		"       cambouis person list [--role R] [--format text|csv|tsv]\n"
		"       cambouis person show NAME\n"
		"       cambouis person edit NAME [--name NEW] [--role R[,...]] [--add-role R]\n"
		"                 [--category C] [--birth-year YYYY] [--lang L] [--contact T]\n"
		"                 [--notes T] [--attestation DATE] [--consent P:WHO]...\n"
		"                 [--withdraw PURPOSE]...\n"
		"       cambouis person rm NAME\n"
		"\n"
		"People are recorded under a display name or pseudonym, with the birth year\n"
		"only. A contact is kept only with consent to be contacted (--consent\n"
		"contact:person). Anyone who may be under 15 keeps nothing but a name and\n"
		"roles until a guardian consents (--consent registration:guardian).\n"
		"Consent purposes: registration, contact, photos (and the configured ones).\n"
		"Categories: student, apprentice, high-school, vocational, middle-school,\n"
		"isolated-minor, job-seeker, other (and the configured ones).\n"
		"A NAME may be abbreviated when only one person's name begins with it.\n"
		"An empty value clears a field.\n"
		"rm takes a person off the lists (a duplicate, a mistake); their history\n"
		"stays. To erase a person everywhere, use 'cambouis forget'.\n"), out);
}

#define MAX_CONSENTS 8

struct person_args {
	struct cb_person_input in;
	struct cb_consent_input consents[MAX_CONSENTS];
	const char *withdraw[MAX_CONSENTS];
	enum cli_format fmt;
	enum cb_role role; /* list filter */
};

/* "learner,mentor" into role bits; false when a name is unknown. */
static bool
parse_roles(const char *s, unsigned *bits)
{
	char buf[128];
	char *save = NULL;

	*bits = 0;
	snprintf(buf, sizeof buf, "%s", s);
	for (char *t = strtok_r(buf, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
		enum cb_role r;
		if (cb_role_parse(t, &r) != CB_OK)
			return false;
		*bits |= CB_ROLE_BIT(r);
	}
	return *bits != 0;
}

static int
bad_option(const char *opt, const char *value, const char *why)
{
	cli_error(_("%s: '%s' %s"), opt, value, why);
	return cli_usage_error("person");
}

/* The options that take more than a plain value (cli_opt_fn). */
static int
opt_role_filter(char *v, void *dest)
{
	if (cb_role_parse(v, dest) != CB_OK)
		return bad_option("--role", v, _("is not learner, mentor or organiser"));
	return -1;
}

static int
opt_roles(char *v, void *dest)
{
	struct person_args *a = dest;

	if (!parse_roles(v, &a->in.roles))
		return bad_option("--role", v, _("is not learner, mentor or organiser"));
	a->in.set_roles = true;
	return -1;
}

static int
opt_add_roles(char *v, void *dest)
{
	if (!parse_roles(v, dest))
		return bad_option("--add-role", v, _("is not learner, mentor or organiser"));
	return -1;
}

static int
opt_birth_year(char *v, void *dest)
{
	int y, m, d;
	bool was_date;

	if (!*v) {
		*(int *)dest = 0;
		return -1;
	}
	cb_civil_from_days(cb_date_today(), &y, &m, &d);
	if (cb_birth_year_parse(v, y, dest, &was_date) != CB_OK) {
		if (was_date)
			cli_error(_("--birth-year: only the year is kept, never a full date: give YYYY"));
		else
			cli_error(_("--birth-year: '%s' is not a year between 1900 and %d"), v, y);
		return EXIT_USAGE;
	}
	return -1;
}

static int
opt_attestation(char *v, void *dest)
{
	if (*v && cb_date_out_of_range(v))
		return bad_option("--attestation", v,
				  _("is outside the dates cambouis knows, 1900-01-01 to 2199-12-31"));
	if (*v && cb_schema_check_text(CB_T_PERSON, CB_F_PERSON_ATTESTATION, v) != CB_OK)
		return bad_option("--attestation", v, _("is not a date such as 2026-01-15"));
	*(const char **)dest = v;
	return -1;
}

static int
opt_consent(char *v, void *dest)
{
	struct person_args *a = dest;
	char *colon = strchr(v, ':');
	enum cb_consent_by by = CB_CONSENT_PERSON;

	if (a->in.nconsents == MAX_CONSENTS)
		return bad_option("--consent", v, _("is one too many"));
	if (colon) {
		*colon = '\0';
		if (cb_consent_by_parse(colon + 1, &by) != CB_OK) {
			*colon = ':';
			return bad_option("--consent", v, _("must end in :person, :guardian or :both"));
		}
	}
	a->consents[a->in.nconsents].purpose = v;
	a->consents[a->in.nconsents++].by = by;
	return -1;
}

static int
opt_withdraw(char *v, void *dest)
{
	struct person_args *a = dest;

	if (a->in.nwithdraw == MAX_CONSENTS)
		return bad_option("--withdraw", v, _("is one too many"));
	a->withdraw[a->in.nwithdraw++] = v;
	return -1;
}

/* Parse the options of person add/edit/list; *n gets the count of the
 * other arguments. -1 to go on, or an exit code. */
static int
parse_person(int argc, char **argv, const char *sub, struct person_args *a, int *n)
{
	bool listing = strcmp(sub, "list") == 0, adding = strcmp(sub, "add") == 0;
	char cmd[32];
	const struct cli_opt opts[] = {
		{CLI_CALL("role", listing ? opt_role_filter : opt_roles,
			  listing ? (void *)&a->role : (void *)a)},
		{CLI_CALL("add-role", opt_add_roles, &a->in.add_roles), .off = listing || adding},
		{CLI_STRING("category", &a->in.category), .off = listing},
		{CLI_CALL("birth-year", opt_birth_year, &a->in.birth_year), .off = listing},
		{CLI_STRING("lang", &a->in.languages), .off = listing},
		{CLI_STRING("contact", &a->in.contact), .off = listing},
		{CLI_STRING("notes", &a->in.notes), .off = listing},
		{CLI_CALL("attestation", opt_attestation, &a->in.attestation), .off = listing},
		{CLI_CALL("consent", opt_consent, a), .off = listing},
		{CLI_CALL("withdraw", opt_withdraw, a), .off = listing || adding},
		{CLI_STRING("name", &a->in.name), .off = listing || adding},
		{CLI_FORMAT("format", &a->fmt), .off = !listing},
		{CLI_END},
	};
	const struct cli_optspec spec = {cmd, "person", opts, NULL, person_help};
	int rc;

	snprintf(cmd, sizeof cmd, "person %s", sub);
	a->in.birth_year = -1;
	if ((rc = cli_opts_parse(&spec, argc, argv, n)) >= 0)
		return rc;
	a->in.consents = a->consents;
	a->in.withdraw = a->withdraw;
	return -1;
}

/* Explain a refusal in the user's words. */
static int
person_refused(cb_status st, enum cb_person_bad why, const char *name)
{
	switch (why) {
	case CB_PERSON_BAD_NAME:
		cli_error(_("the name must not be empty, hold control characters or pass %d bytes"),
			  CB_PERSON_NAME_MAX);
		return EXIT_USAGE;
	case CB_PERSON_BAD_NAME_IS_ID:
		cli_error(_("a name cannot be 32 hexadecimal digits: it would read as a person's id"));
		return EXIT_USAGE;
	case CB_PERSON_BAD_NAME_TAKEN:
		cli_error(_("someone is already named '%s': add an initial or a number (\"%s B.\")"),
			  name, name);
		return EXIT_FAILURE_RUNTIME;
	case CB_PERSON_BAD_ROLES:
		cli_error(_("give at least one role: --role learner, mentor or organiser"));
		return EXIT_USAGE;
	case CB_PERSON_BAD_CATEGORY:
		cli_error(_("--category: unknown category (see 'cambouis person --help')"));
		return EXIT_USAGE;
	case CB_PERSON_BAD_BIRTH_YEAR:
		cli_error(_("--birth-year: not a plausible year"));
		return EXIT_USAGE;
	case CB_PERSON_BAD_CONTACT:
		cli_error(_("--contact: %s"), cb_status_message(st));
		return EXIT_USAGE;
	case CB_PERSON_BAD_LANGUAGES:
		cli_error(_("--lang: give language codes such as fr,en (two or three letters each)"));
		return EXIT_USAGE;
	case CB_PERSON_BAD_NOTES:
		cli_error(_("--notes: %s"), cb_status_message(st));
		return EXIT_USAGE;
	case CB_PERSON_BAD_ATTESTATION:
		cli_error(_("--attestation: give the attestation's date, not later than today"));
		return EXIT_USAGE;
	case CB_PERSON_BAD_CONSENT:
		cli_error(_("--consent: unknown purpose (registration, contact, photos or a configured one)"));
		return EXIT_USAGE;
	case CB_PERSON_NEEDS_GUARDIAN:
		cli_error(_("%s may be under 15: nothing but a display name and roles can be kept "
			    "until a guardian consents (--consent registration:guardian)"), name);
		return EXIT_FAILURE_RUNTIME;
	case CB_PERSON_NEEDS_CONTACT_OK:
		cli_error(_("a contact is kept only when the person agrees to be contacted "
			    "(--consent contact:person, or contact:guardian for a child)"));
		return EXIT_FAILURE_RUNTIME;
	case CB_PERSON_NO_CONSENT:
		cli_error(_("--withdraw: no such consent is in force for %s"), name);
		return EXIT_FAILURE_RUNTIME;
	case CB_PERSON_BAD_NONE:
	default:
		return cli_fail(st, NULL);
	}
}

static int
person_add(struct cli *c, int argc, char **argv)
{
	struct person_args a = {0};
	enum cb_person_bad why;
	int n, rc;
	cb_status st;

	if ((rc = parse_person(argc, argv, "add", &a, &n)) >= 0)
		return rc;
	if (n < 1) {
		cli_error(_("person add: give the person's NAME"));
		return cli_usage_error("person");
	}
	if (n > 1) {
		cli_error(_("person add: unexpected argument '%s' (quote a name with spaces)"), argv[2]);
		return cli_usage_error("person");
	}
	a.in.name = argv[1];
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	st = cb_person_add(c->db, &c->cfg, &a.in, cb_date_today(), NULL, &why);
	if (st != CB_OK)
		return person_refused(st, why, a.in.name);
	return EXIT_OK;
}

static int
person_edit(struct cli *c, int argc, char **argv)
{
	struct person_args a = {0};
	enum cb_person_bad why;
	struct cb_id id;
	struct cb_person p;
	int n, rc;
	cb_status st;

	if ((rc = parse_person(argc, argv, "edit", &a, &n)) >= 0)
		return rc;
	if (n != 1) {
		cli_error(_("person edit: give one NAME"));
		return cli_usage_error("person");
	}
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	if ((rc = pplcli_person(c, argv[1], &id)) >= 0)
		return rc;
	if ((st = cb_person_get(c->db, &id, &p)) != CB_OK)
		return cli_fail(st, NULL);
	st = cb_person_edit(c->db, &c->cfg, &id, &a.in, cb_date_today(), &why);
	rc = st == CB_OK ? EXIT_OK
	   : person_refused(st, why, why == CB_PERSON_BAD_NAME_TAKEN && a.in.name ? a.in.name : p.name);
	cb_person_clear(&p);
	return rc;
}

static int
person_list(struct cli *c, int argc, char **argv)
{
	static const char *const names[] = {
		"name", "roles", "category", "birth_year", "languages", "sessions", "last_seen",
		"attestation_until",
	};
	const char *titles[] = {
		_("Name"), _("Roles"), _("Category"), _("Born"), _("Languages"), _("Sessions"),
		_("Last seen"), _("Attestation until"),
	};
	struct person_args a = {0};
	struct cb_person_rows rows;
	struct cb_name_list cats;
	struct cli_table *t;
	bool ok = true;
	int nargs, rc;
	cb_status st;

	if ((rc = parse_person(argc, argv, "list", &a, &nargs)) >= 0)
		return rc;
	if (nargs > 0) {
		cli_error(_("person list: unexpected argument '%s'"), argv[1]);
		return cli_usage_error("person");
	}
	if ((rc = cli_open_to_read(c)) != 0)
		return rc;
	if ((st = cb_person_list(c->db, &c->cfg, a.role, cb_date_today(), &rows)) != CB_OK)
		return cli_fail(st, NULL);
	if ((st = cb_categories(&c->cfg, &cats)) != CB_OK) {
		cb_person_rows_free(&rows);
		return cli_fail(st, NULL);
	}
	t = cli_table_new(8, names, titles);
	ok = t != NULL;
	for (size_t i = 0; ok && i < rows.count; i++) {
		const struct cb_person_row *r = &rows.items[i];
		char roles[64], year[8] = "", n[16], until[24];
		bool text = a.fmt == CLI_TEXT;
		pplcli_roles(r->roles, text, roles, sizeof roles);
		if (r->birth_year)
			snprintf(year, sizeof year, "%d", r->birth_year);
		snprintf(n, sizeof n, "%d", r->sessions);
		snprintf(until, sizeof until, "%s%s",
			 text && (r->roles & CB_ROLE_BIT(CB_ROLE_MENTOR)) && !r->attestation_until[0]
				 ? _("none") : r->attestation_until,
			 text && r->attestation_expired ? " !" : "");
		const char *cells[] = {
			r->name, roles, text ? cb_name_list_label(&cats, r->category) : r->category,
			year, r->languages, n, r->last_seen, until,
		};
		ok = cli_table_add(t, cells);
	}
	cb_name_list_free(&cats);
	cb_person_rows_free(&rows);
	return pplcli_print(t, ok, a.fmt);
}

/* The person card: what the People screen shows. */
/* The arguments of "person SUB NAME": -1 when they are one NAME, else the
 * exit status (after the help, or a usage error). */
static int
one_name(int argc, char **argv, const char *sub)
{
	static const struct cli_opt opts[] = {{CLI_END}};
	char cmd[32];
	const struct cli_optspec spec = {cmd, "person", opts, NULL, person_help};
	int n, rc;

	snprintf(cmd, sizeof cmd, "person %s", sub);
	if ((rc = cli_opts_parse(&spec, argc, argv, &n)) >= 0)
		return rc;
	if (n != 1) {
		cli_error(_("person %s: give one NAME"), sub);
		return cli_usage_error("person");
	}
	return -1;
}

static int
person_show(struct cli *c, int argc, char **argv)
{
	struct cb_name_list cats, purposes;
	struct cb_consent_list cons;
	struct cb_pairing_list pairs;
	struct cb_skill_grid grid;
	struct cb_visit_list visits;
	struct cb_progress pr;
	struct cb_person p;
	struct cb_id id;
	char roles[64];
	int32_t today = cb_date_today();
	int rc;
	cb_status st;

	if ((rc = one_name(argc, argv, "show")) >= 0)
		return rc;
	if ((rc = cli_open_to_read(c)) != 0)
		return rc;
	if ((rc = pplcli_person(c, argv[1], &id)) >= 0)
		return rc;
	if ((st = cb_person_get(c->db, &id, &p)) != CB_OK)
		return cli_fail(st, NULL);
	if ((st = cb_categories(&c->cfg, &cats)) != CB_OK ||
	    (st = cb_consent_purposes(&c->cfg, &purposes)) != CB_OK) {
		cb_person_clear(&p);
		return cli_fail(st, NULL);
	}
	pplcli_roles(p.roles, true, roles, sizeof roles);
	cli_printf("%s\n", p.name);
	cli_printf(_("  Roles:        %s\n"), roles);
	if (*p.category)
		cli_printf(_("  Category:     %s\n"), cb_name_list_label(&cats, p.category));
	if (p.birth_year)
		cli_printf(_("  Born in:      %d\n"), p.birth_year);
	if (*p.languages)
		cli_printf(_("  Languages:    %s\n"), p.languages);
	if (*p.contact)
		cli_printf(_("  Contact:      %s\n"), p.contact);
	if (p.roles & CB_ROLE_BIT(CB_ROLE_MENTOR)) {
		int32_t until = cb_attestation_until(p.attestation, cb_attestation_months(&c->cfg));
		char d[CB_DATE_LEN + 1];
		if (until < 0) {
			cli_printf(_("  Attestation:  none recorded (not suggested to minors)\n"));
		} else {
			cb_date_format(until, d);
			if (until < today)
				cli_printf(_("  Attestation:  %s, expired on %s (not suggested to minors)\n"),
				       p.attestation, d);
			else if (until - today <= 30)
				cli_printf(_("  Attestation:  %s, expires on %s: renew it soon\n"), p.attestation, d);
			else
				cli_printf(_("  Attestation:  %s, valid until %s\n"), p.attestation, d);
		}
	}
	if (!cb_id_is_zero(&p.trained_by)) {
		struct cb_person t;
		if (cb_person_get(c->db, &p.trained_by, &t) == CB_OK) {
			cli_printf(_("  Promoted:     %s, trained by %s\n"), p.promoted_on, t.name);
			cb_person_clear(&t);
		}
	}
	if (*p.notes)
		cli_printf(_("  Notes:        %s\n"), p.notes);
	if (*p.added_on)
		cli_printf(_("  Added:        %s\n"), p.added_on);
	if ((st = cb_consents_of(c->db, &id, &cons)) == CB_OK) {
		cli_printf(_("Consents:\n"));
		if (!cons.count)
			cli_printf(_("  none\n"));
		for (size_t i = 0; i < cons.count; i++) {
			const struct cb_consent *k = &cons.items[i];
			fputs("  ", stdout);
			pad(cb_name_list_label(&purposes, k->purpose), 21);
			pad(cb_consent_by_label(k->by), 23);
			cli_fputs(k->date, stdout);
			if (k->withdrawn[0])
				cli_printf(_(", withdrawn on %s"), k->withdrawn);
			putchar('\n');
		}
		cb_consent_list_free(&cons);
	}
	if (st == CB_OK && (st = cb_pairings(c->db, &id, false, &pairs)) == CB_OK) {
		cli_printf(_("Pairings:\n"));
		if (!pairs.count)
			cli_printf(_("  none\n"));
		int wr = col(col(0, _("mentor of")), _("learner of")), wn = 0, ws = 0;
		for (size_t i = 0; i < pairs.count; i++) {
			const struct cb_pairing *g = &pairs.items[i];
			bool as_mentor = cb_id_cmp(&g->mentor, &id) == 0;
			wn = col(wn, as_mentor ? g->learner_name : g->mentor_name);
			ws = col(ws, cb_pair_status_label(g->status));
		}
		for (size_t i = 0; i < pairs.count; i++) {
			const struct cb_pairing *g = &pairs.items[i];
			bool as_mentor = cb_id_cmp(&g->mentor, &id) == 0;
			fputs("  ", stdout);
			pad(as_mentor ? _("mentor of") : _("learner of"), wr);
			pad(as_mentor ? g->learner_name : g->mentor_name, wn);
			pad(cb_pair_status_label(g->status), ws);
			cli_printf(ngettext_("since %s, %d session\n", "since %s, %d sessions\n",
					 (unsigned long)g->sessions), g->since, g->sessions);
		}
		cb_pairing_list_free(&pairs);
	}
	if (st == CB_OK && (st = cb_skill_grid(c->db, &c->cfg, &id, &grid)) == CB_OK) {
		cli_printf(_("Skills (%d can teach, %d in progress):\n"), grid.can_teach, grid.working_on);
		int wl = 0, wv = 0;
		for (size_t i = 0; i < grid.count; i++)
			if (grid.items[i].level != CB_LEVEL_NONE) {
				wl = col(wl, grid.items[i].label);
				wv = col(wv, cb_level_label(grid.items[i].level));
			}
		for (size_t i = 0; i < grid.count; i++) {
			const struct cb_skill_cell *k = &grid.items[i];
			if (k->level == CB_LEVEL_NONE)
				continue;
			fputs("  ", stdout);
			pad(k->label, wl);
			pad(cb_level_label(k->level), wv);
			cli_printf(_("%s by %s\n"), k->date, k->by);
		}
		cb_skill_grid_free(&grid);
	}
	if (st == CB_OK && (p.roles & CB_ROLE_BIT(CB_ROLE_LEARNER)) && !(p.roles & CB_ROLE_BIT(CB_ROLE_MENTOR)) &&
	    (st = cb_promotion_progress(c->db, &c->cfg, &id, &pr)) == CB_OK) {
		cli_printf(_("Towards mentor: %d/%d skills at can teach, %d/%d sessions%s\n"), pr.can_teach,
		       pr.need_skills, pr.sessions, pr.need_sessions,
		       pr.eligible ? _(" (ready: cambouis promote)") : "");
		cb_progress_clear(&pr);
	}
	if (st == CB_OK && (st = cb_visits_of(c->db, &id, &visits)) == CB_OK) {
		cli_printf(_("Attendance (%zu):\n"), visits.count);
		int wro = 0, wve = 0;
		for (size_t i = 0; i < visits.count && i < 20; i++) {
			wro = col(wro, cb_role_label(visits.items[i].role));
			wve = col(wve, visits.items[i].venue);
		}
		for (size_t i = 0; i < visits.count && i < 20; i++) {
			const struct cb_visit *v = &visits.items[i];
			cli_printf("  %s  ", v->date);
			pad(cb_role_label(v->role), wro);
			cli_printf("%5s-%-5s  ", v->checkin, v->checkout);
			pad(v->venue, *v->partner ? wve : 0);
			cli_printf("%s\n", v->partner);
		}
		if (visits.count > 20)
			cli_printf(ngettext_("  ... and %zu earlier\n", "  ... and %zu earlier\n",
					 visits.count - 20), visits.count - 20);
		cb_visit_list_free(&visits);
	}
	cb_name_list_free(&cats);
	cb_name_list_free(&purposes);
	cb_person_clear(&p);
	return st == CB_OK ? EXIT_OK : cli_fail(st, NULL);
}

static int
person_rm(struct cli *c, int argc, char **argv)
{
	struct cb_id id;
	int rc;
	cb_status st;

	if ((rc = one_name(argc, argv, "rm")) >= 0)
		return rc;
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	if ((rc = pplcli_person(c, argv[1], &id)) >= 0)
		return rc;
	st = cb_person_remove(c->db, &id);
	return st == CB_OK ? EXIT_OK : cli_fail(st, NULL);
}

int
cli_cmd_person(struct cli *c, int argc, char **argv)
{
	static const struct cli_action subs[] = {
		{"add", person_add}, {"list", person_list}, {"show", person_show}, {"edit", person_edit},
		{"rm", person_rm},
	};

	return cli_dispatch(c, argc, argv, "person", subs, sizeof subs / sizeof subs[0], person_help,
			    _("person: give add, list, show, edit or rm"));
}
