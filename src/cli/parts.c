/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The parts inventory's commands: part, location, stock, transfer, count. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/i18n.h"
#include "cambouis/namematch.h"
#include "cambouis/parts.h"
#include "cli.h"
#include "opts.h"
#include "pplcli.h"

static void
parts_help(FILE *out)
{
	fputs(_("Usage: cambouis part add NAME [--category C] [--unit U] [--condition new|used|reclaimed]\n"
		"                         [--min N] [--desired N] [--note T]\n"
		"       cambouis part list [--low] [--format text|csv|tsv]\n"
		"       cambouis part edit NAME [--name NEW] [--category C] [--unit U] [--condition C]\n"
		"                               [--min N] [--desired N] [--note T]\n"
		"       cambouis part rm NAME\n"
		"       cambouis location add NAME [--crate]\n"
		"       cambouis location list [--format text|csv|tsv]\n"
		"       cambouis stock PART DELTA --reason R [--location L] [--session DATE]\n"
		"                      [--person NAME] [--donor D] [--amount EUROS] [--note T]\n"
		"       cambouis stock list [--location L] [--low] [--format text|csv|tsv]\n"
		"       cambouis transfer PART QTY --from L --to L\n"
		"       cambouis count PART QTY [--location L]\n"
		"\n"
		"Units: piece, pair, metre, litre. Reasons: donation, purchase, harvest, used,\n"
		"given, sold, scrapped. DELTA is +4, -2 or 3. The location is the store unless\n"
		"given. On hand is the last count plus the movements after it.\n"), out);
}

/* Say which of several rows a name could be; returns EXIT_USAGE. */
static int
name_problem(cb_status st, const char *what, const char *key, struct cb_name_matches *cands)
{
	if (st == CB_NOT_FOUND) {
		/* TRANSLATORS: "no part named 'x'", "no location named 'x'" */
		cli_error(_("no %s named '%s'"), what, key);
		return EXIT_USAGE;
	}
	if (st != CB_AMBIGUOUS)
		return cli_fail(st, NULL);
	cli_error(_("'%s' matches more than one %s; say which:"), key, what);
	for (size_t i = 0; cands && i < cands->count; i++)
		cli_fprintf(stderr, "  %s\n", cands->items[i].name);
	cb_name_matches_free(cands);
	return EXIT_USAGE;
}

static int
find_part(struct cli *c, const char *key, struct cb_id *id)
{
	struct cb_name_matches cands;
	cb_status st = cb_part_find(c->db, key, id, &cands);

	return st == CB_OK ? -1 : name_problem(st, _("part"), key, &cands);
}

static int
find_location(struct cli *c, const char *key, struct cb_id *id)
{
	struct cb_name_matches cands;
	cb_status st;

	if (!key) {
		cb_location_store(id);
		return -1;
	}
	st = cb_location_find(c->db, key, id, &cands);
	return st == CB_OK ? -1 : name_problem(st, _("location"), key, &cands);
}

static int
refused(cb_status st, enum cb_part_bad bad, const char *name)
{
	if (st == CB_EXISTS) {
		cli_error(_("'%s' already exists"), name);
		return EXIT_USAGE;
	}
	if (st == CB_NOT_FOUND) {
		cli_error(_("no part named '%s'"), name);
		return EXIT_USAGE;
	}
	if (st != CB_INVALID && st != CB_TOO_LONG)
		return cli_fail(st, NULL);
	switch (bad) {
	case CB_PART_BAD_NAME: cli_error(_("name: must not be empty or hold control characters"));
		break;
	case CB_PART_BAD_CATEGORY: cli_error(_("unknown category; the categories are: tubes, tyres,"
					       " brakes, cables, transmission, bearings, lighting,"
					       " tools-consumables, other"));
		break;
	case CB_PART_BAD_QTY: cli_error(_("the quantity is out of range"));
		break;
	case CB_PART_SAME_LOCATION: cli_error(_("a transfer needs two different locations"));
		break;
	case CB_PART_DONOR_NOT_DONATION: cli_error(_("--donor goes with --reason donation only"));
		break;
	case CB_PART_BAD_REASON: cli_error(_("use 'cambouis transfer' for a transfer"));
		break;
	default:
		/* TRANSLATORS: a field and what is wrong with it */
		cli_error(_("%s: %s"), name, cb_status_message(st));
	}
	return EXIT_USAGE;
}

/* A signed whole number: "+4", "-2", "3". */
static bool
parse_qty(const char *s, bool sign_ok, long long *out)
{
	const char *p = s;

	if (sign_ok && (*p == '+' || *p == '-'))
		p++;
	if (!*p || strspn(p, "0123456789") != strlen(p) || strlen(p) > 9)
		return false;
	*out = strtoll(p, NULL, 10);
	if (*s == '-')
		*out = -*out;
	return true;
}

/* "12", "12.5", "12,50": cents. */
static bool
parse_euros(const char *s, long long *cents)
{
	size_t i = strspn(s, "0123456789"), j;
	long long e, c = 0;

	if (i == 0 || i > 7)
		return false;
	e = strtoll(s, NULL, 10);
	if (s[i]) {
		if (s[i] != '.' && s[i] != ',')
			return false;
		j = strspn(s + i + 1, "0123456789");
		if (j < 1 || j > 2 || s[i + 1 + j])
			return false;
		c = strtoll(s + i + 1, NULL, 10) * (j == 1 ? 10 : 1);
	}
	*cents = e * 100 + c;
	return true;
}

/* Take out of argv the arguments that are negative numbers (not the value
 * of an option before them), so the option parser never reads them as
 * options; *neg gets the first. */
static int
take_negative(int argc, char **argv, const char **neg)
{
	int k = 1;

	*neg = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *prev = argv[i - 1];
		bool value_of_prev = i > 1 && strncmp(prev, "--", 2) == 0 && !strchr(prev, '=') &&
				     strcmp(prev, "--low") != 0 && strcmp(prev, "--crate") != 0 && prev[2];
		if (!*neg && !value_of_prev && a[0] == '-' && a[1] && strspn(a + 1, "0123456789") == strlen(a + 1)) {
			*neg = a;
			continue;
		}
		argv[k++] = argv[i];
	}
	argv[k] = NULL;
	return k;
}

static int
bad_number(const char *what, const char *s)
{
	/* TRANSLATORS: "quantity: not a whole number: 'x'" */
	cli_error(_("%s: not a whole number: '%s'"), what, s);
	return EXIT_USAGE;
}

/* --- part ----------------------------------------------------------------- */

static int
part_fields(int argc, char **argv, const char *sub, bool editing, struct cb_part_input *in, int *n)
{
	char cmd[32];
	const char *unit = NULL, *cond = NULL, *min = NULL, *desired = NULL;
	const struct cli_opt opts[] = {
		{CLI_STRING("category", &in->category)},
		{CLI_STRING("unit", &unit)},
		{CLI_STRING("condition", &cond)},
		{CLI_STRING("min", &min)},
		{CLI_STRING("desired", &desired)},
		{CLI_STRING("note", &in->note)},
		{CLI_STRING("name", &in->name), .off = !editing},
		{CLI_END},
	};
	const struct cli_optspec spec = {cmd, "part", opts, NULL, parts_help};
	int rc;

	snprintf(cmd, sizeof cmd, "part %s", sub);
	if ((rc = cli_opts_parse(&spec, argc, argv, n)) >= 0)
		return rc;
	if (unit && !(in->unit = cb_part_unit_parse(unit))) {
		cli_error(_("invalid --unit '%s': piece, pair, metre or litre"), unit);
		return EXIT_USAGE;
	}
	if (cond && !(in->condition = cb_part_condition_parse(cond))) {
		cli_error(_("invalid --condition '%s': new, used or reclaimed"), cond);
		return EXIT_USAGE;
	}
	if (min) {
		in->set_min = true;
		if (!*min || strcmp(min, "none") == 0)
			in->minimum = -1;
		else if (!parse_qty(min, false, &in->minimum))
			return bad_number("--min", min);
	}
	if (desired) {
		in->set_desired = true;
		if (!*desired || strcmp(desired, "none") == 0)
			in->desired = -1;
		else if (!parse_qty(desired, false, &in->desired))
			return bad_number("--desired", desired);
	}
	if (*n < 1) {
		cli_error(_("part %s: the part's NAME is missing"), sub);
		return cli_usage_error("part");
	}
	if (*n > 1) {
		cli_error(_("part %s: unexpected argument '%s' (quote names that hold spaces)"), sub, argv[2]);
		return cli_usage_error("part");
	}
	return -1;
}

static int
part_add(struct cli *c, int argc, char **argv)
{
	struct cb_part_input in = {0};
	enum cb_part_bad bad = CB_PART_OK;
	int n, rc;
	cb_status st;

	if ((rc = part_fields(argc, argv, "add", false, &in, &n)) >= 0)
		return rc;
	in.name = argv[1];
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	st = cb_part_add(c->db, &in, NULL, &bad);
	return st == CB_OK ? EXIT_OK : refused(st, bad, in.name);
}

static int
part_edit(struct cli *c, int argc, char **argv)
{
	struct cb_part_input in = {0};
	enum cb_part_bad bad = CB_PART_OK;
	struct cb_id id;
	int n, rc;
	cb_status st;

	if ((rc = part_fields(argc, argv, "edit", true, &in, &n)) >= 0)
		return rc;
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	if ((rc = find_part(c, argv[1], &id)) >= 0)
		return rc;
	st = cb_part_edit(c->db, &id, &in, &bad);
	return st == CB_OK ? EXIT_OK : refused(st, bad, in.name ? in.name : argv[1]);
}

static int
part_rm(struct cli *c, int argc, char **argv)
{
	static const struct cli_opt opts[] = {{CLI_END}};
	const struct cli_optspec spec = {"part rm", "part", opts, NULL, parts_help};
	struct cb_id id;
	int n, rc;
	cb_status st;

	if ((rc = cli_opts_parse(&spec, argc, argv, &n)) >= 0)
		return rc;
	if (n != 1) {
		cli_error(_("part rm: give one part's NAME"));
		return cli_usage_error("part");
	}
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	if ((rc = find_part(c, argv[1], &id)) >= 0)
		return rc;
	st = cb_part_remove(c->db, &id);
	return st == CB_OK ? EXIT_OK : cli_fail(st, NULL);
}

static int
print_table(struct cli_table *t, bool ok, enum cli_format fmt)
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

static void
level(long long v, char *out, size_t size)
{
	if (v < 0)
		*out = 0;
	else
		snprintf(out, size, "%lld", v);
}

static int
part_list(struct cli *c, int argc, char **argv)
{
	enum cli_format fmt = CLI_TEXT;
	bool low = false;
	const struct cli_opt opts[] = {
		{CLI_FLAG("low", &low)},
		{CLI_FORMAT("format", &fmt)},
		{CLI_END},
	};
	const struct cli_optspec spec = {"part list", "part", opts, NULL, parts_help};
	static const char *const names[] = {"name", "category", "unit", "condition", "on_hand",
					    "minimum", "desired", "low", "note"};
	const char *titles[] = {_("Name"), _("Category"), _("Unit"), _("Condition"), _("On hand"),
				_("Minimum"), _("Desired"), _("Low"), _("Compatibility")};
	struct cb_part_rows rows;
	struct cli_table *t;
	bool ok = true;
	int n, rc;
	cb_status st;

	if ((rc = cli_opts_parse(&spec, argc, argv, &n)) >= 0)
		return rc;
	if ((rc = cli_opts_at_most(&spec, n, 0, argv)) >= 0)
		return rc;
	if ((rc = cli_open_to_read(c)) != 0)
		return rc;
	if ((st = cb_part_list(c->db, low, &rows)) != CB_OK)
		return cli_fail(st, NULL);
	t = cli_table_new(9, names, titles);
	for (size_t i = 0; t && ok && i < rows.count; i++) {
		const struct cb_part_row *r = &rows.items[i];
		char oh[24], mn[24], ds[24];
		const char *u = cb_part_unit_code(r->part.unit), *k = cb_part_condition_code(r->part.condition);
		snprintf(oh, sizeof oh, "%lld", r->on_hand);
		level(r->part.minimum, mn, sizeof mn);
		level(r->part.desired, ds, sizeof ds);
		const char *cells[] = {r->part.name, r->part.category, u ? u : "", k ? k : "", oh, mn, ds,
				       r->low ? (fmt == CLI_TEXT ? _("low") : "1") : (fmt == CLI_TEXT ? "" : "0"),
				       r->part.note};
		ok = cli_table_add(t, cells);
	}
	cb_part_rows_free(&rows);
	return print_table(t, ok, fmt);
}

int
cli_cmd_part(struct cli *c, int argc, char **argv)
{
	static const struct cli_action subs[] = {
		{"add", part_add}, {"list", part_list}, {"ls", part_list},
		{"edit", part_edit}, {"rm", part_rm}, {"remove", part_rm},
	};

	return cli_dispatch(c, argc, argv, "part", subs, sizeof subs / sizeof subs[0], parts_help,
			    _("part: say what to do: add, list, edit or rm"));
}

/* --- location ------------------------------------------------------------- */

static int
location_add(struct cli *c, int argc, char **argv)
{
	bool crate = false;
	const struct cli_opt opts[] = {{CLI_FLAG("crate", &crate)}, {CLI_END}};
	const struct cli_optspec spec = {"location add", "location", opts, NULL, parts_help};
	enum cb_part_bad bad = CB_PART_OK;
	int n, rc;
	cb_status st;

	if ((rc = cli_opts_parse(&spec, argc, argv, &n)) >= 0)
		return rc;
	if (n != 1) {
		cli_error(_("location add: give one location's NAME (quote names that hold spaces)"));
		return cli_usage_error("location");
	}
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	st = cb_location_add(c->db, argv[1], crate, NULL, &bad);
	return st == CB_OK ? EXIT_OK : refused(st, bad, argv[1]);
}

static int
location_list(struct cli *c, int argc, char **argv)
{
	enum cli_format fmt = CLI_TEXT;
	const struct cli_opt opts[] = {{CLI_FORMAT("format", &fmt)}, {CLI_END}};
	const struct cli_optspec spec = {"location list", "location", opts, NULL, parts_help};
	static const char *const names[] = {"name", "crate"};
	const char *titles[] = {_("Name"), _("Crate")};
	struct cb_location_list l;
	struct cli_table *t;
	bool ok = true;
	int n, rc;
	cb_status st;

	if ((rc = cli_opts_parse(&spec, argc, argv, &n)) >= 0)
		return rc;
	if ((rc = cli_opts_at_most(&spec, n, 0, argv)) >= 0)
		return rc;
	if ((rc = cli_open_to_read(c)) != 0)
		return rc;
	if ((st = cb_location_list(c->db, &l)) != CB_OK)
		return cli_fail(st, NULL);
	t = cli_table_new(2, names, titles);
	for (size_t i = 0; t && ok && i < l.count; i++) {
		const char *name = i == 0 && fmt == CLI_TEXT ? _("store") : l.items[i].name;
		const char *cells[] = {name, l.items[i].crate ? (fmt == CLI_TEXT ? _("yes") : "1")
				       : (fmt == CLI_TEXT ? "" : "0")};
		ok = cli_table_add(t, cells);
	}
	cb_location_list_free(&l);
	return print_table(t, ok, fmt);
}

int
cli_cmd_location(struct cli *c, int argc, char **argv)
{
	static const struct cli_action subs[] = {
		{"add", location_add}, {"list", location_list}, {"ls", location_list},
	};

	return cli_dispatch(c, argc, argv, "location", subs, sizeof subs / sizeof subs[0], parts_help,
			    _("location: say what to do: add or list"));
}

/* --- stock, transfer, count ----------------------------------------------- */

static int
stock_list(struct cli *c, int argc, char **argv)
{
	enum cli_format fmt = CLI_TEXT;
	const char *where = NULL;
	bool low = false;
	const struct cli_opt opts[] = {
		{CLI_STRING("location", &where)},
		{CLI_FLAG("low", &low)},
		{CLI_FORMAT("format", &fmt)},
		{CLI_END},
	};
	const struct cli_optspec spec = {"stock list", "stock", opts, NULL, parts_help};
	static const char *const names[] = {"part", "location", "on_hand", "minimum"};
	const char *titles[] = {_("Part"), _("Location"), _("On hand"), _("Minimum")};
	struct cb_stock_rows rows;
	struct cli_table *t;
	struct cb_id loc;
	bool ok = true;
	int n, rc;
	cb_status st;

	if ((rc = cli_opts_parse(&spec, argc, argv, &n)) >= 0)
		return rc;
	if ((rc = cli_opts_at_most(&spec, n, 0, argv)) >= 0)
		return rc;
	if ((rc = cli_open_to_read(c)) != 0)
		return rc;
	if (where && (rc = find_location(c, where, &loc)) >= 0)
		return rc;
	if ((st = cb_stock_list(c->db, where ? &loc : NULL, low, &rows)) != CB_OK)
		return cli_fail(st, NULL);
	t = cli_table_new(4, names, titles);
	for (size_t i = 0; t && ok && i < rows.count; i++) {
		const struct cb_stock_row *r = &rows.items[i];
		struct cb_id store;
		char oh[24], mn[24];
		cb_location_store(&store);
		snprintf(oh, sizeof oh, "%lld%s", r->on_hand, fmt == CLI_TEXT && r->low ? " !" : "");
		level(r->minimum, mn, sizeof mn);
		const char *ln = fmt == CLI_TEXT && cb_id_cmp(&r->location, &store) == 0 ? _("store")
				 : r->location_name;
		const char *cells[] = {r->part_name, ln, oh, mn};
		ok = cli_table_add(t, cells);
	}
	cb_stock_rows_free(&rows);
	return print_table(t, ok, fmt);
}

static int
stock_move(struct cli *c, int argc, char **argv)
{
	const char *reason = NULL, *where = NULL, *session = NULL, *person = NULL, *amount = NULL,
		   *neg;
	struct cb_move_input in = {.amount = -1};
	struct cb_id sid, pid;
	char date[11];
	const struct cli_opt opts[] = {
		{CLI_STRING("reason", &reason)},
		{CLI_STRING("location", &where)},
		{CLI_DATE("session", &session)},
		{CLI_STRING("person", &person)},
		{CLI_STRING("donor", &in.donor)},
		{CLI_STRING("amount", &amount)},
		{CLI_STRING("note", &in.note)},
		{CLI_END},
	};
	const struct cli_optspec spec = {"stock", NULL, opts, NULL, parts_help};
	enum cb_part_bad bad = CB_PART_OK;
	const char *qty;
	int n, rc;
	cb_status st;

	argc = take_negative(argc, argv, &neg);
	if ((rc = cli_opts_parse(&spec, argc, argv, &n)) >= 0)
		return rc;
	if (n != (neg ? 1 : 2)) {
		cli_error(_("stock: give a PART and a DELTA (+4, -2 or 3)"));
		return cli_usage_error("stock");
	}
	qty = neg ? neg : argv[2];
	if (!parse_qty(qty, true, &in.qty))
		return bad_number(_("quantity"), qty);
	if (in.qty == 0) {
		cli_error(_("a movement of 0 parts records nothing"));
		return EXIT_USAGE;
	}
	if (!reason) {
		cli_error(_("stock: --reason is missing (donation, purchase, harvest, used, given, sold"
			    " or scrapped)"));
		return cli_usage_error("stock");
	}
	in.reason = cb_move_reason_parse(reason);
	if (!in.reason || in.reason == CB_REASON_TRANSFER) {
		cli_error(_("invalid --reason '%s': donation, purchase, harvest, used, given, sold"
			    " or scrapped"), reason);
		return EXIT_USAGE;
	}
	if (amount && !parse_euros(amount, &in.amount)) {
		cli_error(_("invalid --amount '%s': give euros, such as 12 or 3.50"), amount);
		return EXIT_USAGE;
	}
	if (in.donor && in.reason != CB_REASON_DONATION)
		return refused(CB_INVALID, CB_PART_DONOR_NOT_DONATION, argv[1]);
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	if ((rc = find_part(c, argv[1], &in.part)) >= 0 ||
	    (rc = find_location(c, where, &in.location)) >= 0)
		return rc;
	if (session) {
		if ((rc = pplcli_session(c, session, &sid, date)) >= 0)
			return rc;
		in.session = &sid;
	}
	if (person) {
		if ((rc = pplcli_person(c, person, &pid)) >= 0)
			return rc;
		in.person = &pid;
	}
	st = cb_stock_move(c->db, &in, NULL, &bad);
	return st == CB_OK ? EXIT_OK : refused(st, bad, argv[1]);
}

int
cli_cmd_stock(struct cli *c, int argc, char **argv)
{
	if (argc > 1 && (strcmp(argv[1], "list") == 0 || strcmp(argv[1], "ls") == 0))
		return stock_list(c, argc - 1, argv + 1);
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		parts_help(stdout);
		return EXIT_OK;
	}
	return stock_move(c, argc, argv);
}

int
cli_cmd_transfer(struct cli *c, int argc, char **argv)
{
	const char *from = NULL, *to = NULL, *neg;
	const struct cli_opt opts[] = {
		{CLI_STRING("from", &from)},
		{CLI_STRING("to", &to)},
		{CLI_END},
	};
	const struct cli_optspec spec = {"transfer", NULL, opts, NULL, parts_help};
	enum cb_part_bad bad = CB_PART_OK;
	struct cb_id part, a, b;
	long long qty;
	const char *q;
	int n, rc;
	cb_status st;

	argc = take_negative(argc, argv, &neg);
	if ((rc = cli_opts_parse(&spec, argc, argv, &n)) >= 0)
		return rc;
	if (n != (neg ? 1 : 2) || !from || !to) {
		cli_error(_("transfer: give a PART, a QTY, --from and --to"));
		return cli_usage_error("transfer");
	}
	q = neg ? neg : argv[2];
	if (!parse_qty(q, false, &qty) || qty == 0)
		return bad_number(_("quantity"), q);
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	if ((rc = find_part(c, argv[1], &part)) >= 0 || (rc = find_location(c, from, &a)) >= 0 ||
	    (rc = find_location(c, to, &b)) >= 0)
		return rc;
	st = cb_stock_transfer(c->db, &part, &a, &b, qty, NULL, &bad);
	return st == CB_OK ? EXIT_OK : refused(st, bad, argv[1]);
}

int
cli_cmd_count(struct cli *c, int argc, char **argv)
{
	const char *where = NULL, *neg;
	const struct cli_opt opts[] = {{CLI_STRING("location", &where)}, {CLI_END}};
	const struct cli_optspec spec = {"count", NULL, opts, NULL, parts_help};
	enum cb_part_bad bad = CB_PART_OK;
	struct cb_id part, loc;
	long long qty;
	const char *q;
	int n, rc;
	cb_status st;

	argc = take_negative(argc, argv, &neg);
	if ((rc = cli_opts_parse(&spec, argc, argv, &n)) >= 0)
		return rc;
	if (n != (neg ? 1 : 2)) {
		cli_error(_("count: give a PART and the QTY counted"));
		return cli_usage_error("count");
	}
	q = neg ? neg : argv[2];
	if (!parse_qty(q, true, &qty))
		return bad_number(_("quantity"), q);
	if (qty < 0) {
		cli_error(_("a count cannot be below zero"));
		return EXIT_USAGE;
	}
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	if ((rc = find_part(c, argv[1], &part)) >= 0 || (rc = find_location(c, where, &loc)) >= 0)
		return rc;
	st = cb_stock_count(c->db, &part, &loc, qty, &bad);
	return st == CB_OK ? EXIT_OK : refused(st, bad, argv[1]);
}
