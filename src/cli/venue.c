/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/i18n.h"
#include "cambouis/schema.h"
#include "cambouis/venue.h"
#include "cli.h"
#include "opts.h"

static void
venue_help(FILE *out)
{
	fputs(_("Usage: cambouis venue add NAME [--address A] [--commune C] [--capacity N] [--notes T]\n"
		"       cambouis venue list [--format text|csv|tsv]\n"
		"       cambouis venue edit NAME [--name NEW] [--address A] [--commune C]\n"
		"                               [--capacity N] [--notes T]\n"
		"       cambouis venue rm NAME\n"
		"       cambouis venue close NAME --from DATE [--to DATE] [--reason TEXT]\n"
		"       cambouis venue closures [NAME] [--format text|csv|tsv]\n"
		"\n"
		"Venues are the places where the workshop meets. An empty value clears a\n"
		"field; --capacity none clears the capacity.\n"), out);
}

static const char *
field_label(int field)
{
	switch (field) {
	case CB_F_VENUE_NAME: return _("name");
	case CB_F_VENUE_ADDRESS: return _("address");
	case CB_F_VENUE_COMMUNE: return _("commune");
	case CB_F_VENUE_CAPACITY: return _("capacity");
	case CB_F_VENUE_NOTES: return _("notes");
	default: return _("venue");
	}
}

/* Explain a refused change in the user's words. */
static int
venue_refused(cb_status st, int field, const char *name)
{
	if (st == CB_EXISTS) {
		cli_error(_("a venue named '%s' already exists"), name);
		return EXIT_FAILURE_RUNTIME;
	}
	if (st == CB_TOO_LONG || st == CB_INVALID) {
		if (field == CB_F_VENUE_NAME && st == CB_INVALID)
			cli_error(_("%s: must not be empty or hold control characters"), field_label(field));
		else
			/* TRANSLATORS: a field and what is wrong with it */
			cli_error(_("%s: %s"), field_label(field), cb_status_message(st));
		return EXIT_USAGE;
	}
	return cli_fail(st, NULL);
}

static int
not_found(cb_status st, const char *name)
{
	if (st == CB_NOT_FOUND)
		cli_error(_("no venue named '%s'"), name);
	else if (st == CB_AMBIGUOUS)
		cli_error(_("more than one venue is named '%s'"), name);
	else
		return cli_fail(st, NULL);
	return EXIT_FAILURE_RUNTIME;
}

/* Parse the field options shared by add and edit; *n gets the count of
 * the other arguments. Returns -1 to go on, or an exit code. */
static int
parse_fields(int argc, char **argv, bool editing, struct cb_venue_input *in, const char *sub,
	     int *n)
{
	char cmd[32];
	const char *capacity = NULL;
	const struct cli_opt opts[] = {
		{CLI_STRING("address", &in->address)},
		{CLI_STRING("commune", &in->commune)},
		{CLI_STRING("capacity", &capacity)},
		{CLI_STRING("notes", &in->notes)},
		{CLI_STRING("name", &in->name), .off = !editing},
		{CLI_END},
	};
	const struct cli_optspec spec = {cmd, "venue", opts, NULL, venue_help};
	int rc;

	snprintf(cmd, sizeof cmd, "venue %s", sub);
	if ((rc = cli_opts_parse(&spec, argc, argv, n)) >= 0)
		return rc;
	if (capacity) {
		in->set_capacity = true;
		if (strcmp(capacity, "none") == 0 || !*capacity)
			in->capacity = -1;
		else if (!cli_parse_int(capacity, 0, CB_VENUE_CAPACITY_MAX, &in->capacity)) {
			cli_error(_("invalid capacity '%s': give a number from 0 to %d"),
				  capacity, CB_VENUE_CAPACITY_MAX);
			return EXIT_USAGE;
		}
	}
	return -1;
}

static int
one_name(int n, char **argv, const char *sub)
{
	if (n < 1) {
		cli_error(_("venue %s: the venue's NAME is missing"), sub);
		return cli_usage_error("venue");
	}
	if (n > 1) {
		cli_error(_("venue %s: unexpected argument '%s' (quote names that hold spaces)"),
			  sub, argv[2]);
		return cli_usage_error("venue");
	}
	return -1;
}

static int
venue_add(struct cli *c, int argc, char **argv)
{
	struct cb_venue_input in = {0};
	int field = 0, n, rc;
	cb_status st;

	if ((rc = parse_fields(argc, argv, false, &in, "add", &n)) >= 0)
		return rc;
	if ((rc = one_name(n, argv, "add")) >= 0)
		return rc;
	in.name = argv[1];
	if ((st = cb_venue_validate(&in, true, &field)) != CB_OK)
		return venue_refused(st, field, in.name);
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	st = cb_venue_add(c->db, &in, NULL, &field);
	return st == CB_OK ? EXIT_OK : venue_refused(st, field, in.name);
}

static int
venue_edit(struct cli *c, int argc, char **argv)
{
	struct cb_venue_input in = {0};
	struct cb_id id;
	const char *name;
	int field = 0, n, rc;
	cb_status st;

	if ((rc = parse_fields(argc, argv, true, &in, "edit", &n)) >= 0)
		return rc;
	if ((rc = one_name(n, argv, "edit")) >= 0)
		return rc;
	name = argv[1];
	if ((st = cb_venue_validate(&in, false, &field)) != CB_OK)
		return venue_refused(st, field, in.name ? in.name : name);
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	if ((st = cb_venue_find(c->db, name, &id)) != CB_OK)
		return not_found(st, name);
	st = cb_venue_edit(c->db, &id, &in, &field);
	return st == CB_OK ? EXIT_OK : venue_refused(st, field, in.name ? in.name : name);
}

static int
venue_rm(struct cli *c, int argc, char **argv)
{
	static const struct cli_opt opts[] = {{CLI_END}};
	const struct cli_optspec spec = {"venue rm", "venue", opts, NULL, venue_help};
	struct cb_id id;
	int n, rc;
	cb_status st;

	if ((rc = cli_opts_parse(&spec, argc, argv, &n)) >= 0)
		return rc;
	if ((rc = one_name(n, argv, "rm")) >= 0)
		return rc;
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	if ((st = cb_venue_find(c->db, argv[1], &id)) != CB_OK)
		return not_found(st, argv[1]);
	st = cb_venue_remove(c->db, &id);
	return st == CB_OK ? EXIT_OK : cli_fail(st, NULL);
}

static int
venue_list(struct cli *c, int argc, char **argv)
{
	enum cli_format fmt = CLI_TEXT;
	const struct cli_opt opts[] = {
		{CLI_FORMAT("format", &fmt)},
		{CLI_END},
	};
	const struct cli_optspec spec = {"venue list", "venue", opts, NULL, venue_help};
	static const char *const names[] = {"name", "address", "commune", "capacity", "notes"};
	const char *titles[] = {_("Name"), _("Address"), _("Commune"), _("Capacity"), _("Notes")};
	struct cb_venue_list list;
	struct cli_table *t;
	int n, rc;
	cb_status st;
	bool ok = true;

	if ((rc = cli_opts_parse(&spec, argc, argv, &n)) >= 0)
		return rc;
	if ((rc = cli_opts_at_most(&spec, n, 0, argv)) >= 0)
		return rc;
	if ((rc = cli_open_to_read(c)) != 0)
		return rc;
	if ((st = cb_venue_list(c->db, &list)) != CB_OK)
		return cli_fail(st, NULL);
	t = cli_table_new(5, names, titles);
	for (size_t i = 0; t && ok && i < list.count; i++) {
		const struct cb_venue *v = &list.items[i];
		char cap[24] = "";
		if (v->capacity >= 0)
			snprintf(cap, sizeof cap, "%lld", v->capacity);
		const char *cells[] = {v->name, v->address, v->commune, cap, v->notes};
		ok = cli_table_add(t, cells);
	}
	cb_venue_list_free(&list);
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

int
cli_cmd_venue(struct cli *c, int argc, char **argv)
{
	static const struct cli_action subs[] = {
		{"add", venue_add}, {"list", venue_list}, {"ls", venue_list},
		{"edit", venue_edit}, {"rm", venue_rm}, {"remove", venue_rm},
		{"close", cli_venue_close}, {"closures", cli_venue_closures},
	};

	return cli_dispatch(c, argc, argv, "venue", subs, sizeof subs / sizeof subs[0], venue_help,
			    _("venue: say what to do: add, list, edit, rm, close or closures"));
}
