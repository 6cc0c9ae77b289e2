/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/i18n.h"
#include "cambouis/schema.h"
#include "cambouis/venue.h"
#include "cli.h"

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

enum { OPT_ADDRESS = 256, OPT_COMMUNE, OPT_CAPACITY, OPT_NOTES, OPT_NAME, OPT_FORMAT, OPT_HELP };

/* Parse the field options shared by add and edit. Returns -1 to go on, or
 * an exit code. */
static int
parse_fields(int argc, char **argv, bool editing, struct cb_venue_input *in, const char *sub)
{
	static const struct option opts[] = {
		{"address", required_argument, NULL, OPT_ADDRESS},
		{"commune", required_argument, NULL, OPT_COMMUNE},
		{"capacity", required_argument, NULL, OPT_CAPACITY},
		{"notes", required_argument, NULL, OPT_NOTES},
		{"name", required_argument, NULL, OPT_NAME},
		{"help", no_argument, NULL, OPT_HELP},
		{NULL, 0, NULL, 0},
	};
	int opt;

	optind = 0; /* 0: GNU getopt starts afresh (and permutes) */
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (opt) {
		case OPT_ADDRESS: in->address = optarg; break;
		case OPT_COMMUNE: in->commune = optarg; break;
		case OPT_NOTES: in->notes = optarg; break;
		case OPT_NAME:
			if (!editing) {
				/* argv[optind - 1] is the value here, not the option */
				cli_error(_("venue %s: unknown option '%s'"), sub, "--name");
				return cli_usage_error("venue");
			}
			in->name = optarg;
			break;
		case OPT_CAPACITY:
			in->set_capacity = true;
			if (strcmp(optarg, "none") == 0 || !*optarg)
				in->capacity = -1;
			else if (!cli_parse_int(optarg, 0, CB_VENUE_CAPACITY_MAX, &in->capacity)) {
				cli_error(_("invalid capacity '%s': give a number from 0 to %d"),
					  optarg, CB_VENUE_CAPACITY_MAX);
				return EXIT_USAGE;
			}
			break;
		case 'h':
		case OPT_HELP:
			venue_help(stdout);
			return EXIT_OK;
		case ':':
			cli_error(_("option '%s' needs a value"), argv[optind - 1]);
			return cli_usage_error("venue");
		default:
			cli_error(_("venue %s: unknown option '%s'"), sub, argv[optind - 1]);
			return cli_usage_error("venue");
		}
	}
	return -1;
}

static int
one_name(int argc, char **argv, const char *sub)
{
	if (optind >= argc) {
		cli_error(_("venue %s: the venue's NAME is missing"), sub);
		return cli_usage_error("venue");
	}
	if (optind + 1 < argc) {
		cli_error(_("venue %s: unexpected argument '%s' (quote names that hold spaces)"),
			  sub, argv[optind + 1]);
		return cli_usage_error("venue");
	}
	return -1;
}

static int
venue_add(struct cli *c, int argc, char **argv)
{
	struct cb_venue_input in = {0};
	int field = 0, rc;
	cb_status st;

	if ((rc = parse_fields(argc, argv, false, &in, "add")) >= 0)
		return rc;
	if ((rc = one_name(argc, argv, "add")) >= 0)
		return rc;
	in.name = argv[optind];
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
	int field = 0, rc;
	cb_status st;

	if ((rc = parse_fields(argc, argv, true, &in, "edit")) >= 0)
		return rc;
	if ((rc = one_name(argc, argv, "edit")) >= 0)
		return rc;
	name = argv[optind];
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
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct cb_id id;
	int opt, rc;
	cb_status st;

	optind = 0; /* 0: GNU getopt starts afresh (and permutes) */
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (opt == 'h') {
			venue_help(stdout);
			return EXIT_OK;
		}
		cli_error(_("venue %s: unknown option '%s'"), "rm", argv[optind - 1]);
		return cli_usage_error("venue");
	}
	if ((rc = one_name(argc, argv, "rm")) >= 0)
		return rc;
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		return rc;
	if ((st = cb_venue_find(c->db, argv[optind], &id)) != CB_OK)
		return not_found(st, argv[optind]);
	st = cb_venue_remove(c->db, &id);
	return st == CB_OK ? EXIT_OK : cli_fail(st, NULL);
}

static int
venue_list(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, OPT_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	static const char *const names[] = {"name", "address", "commune", "capacity", "notes"};
	const char *titles[] = {_("Name"), _("Address"), _("Commune"), _("Capacity"), _("Notes")};
	enum cli_format fmt = CLI_TEXT;
	struct cb_venue_list list;
	struct cli_table *t;
	int opt, rc;
	cb_status st;
	bool ok = true;

	optind = 0; /* 0: GNU getopt starts afresh (and permutes) */
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (opt) {
		case OPT_FORMAT:
			if (!cli_format_parse(optarg, &fmt))
				return cli_bad_format(optarg, "venue");
			break;
		case 'h':
			venue_help(stdout);
			return EXIT_OK;
		case ':':
			cli_error(_("option '%s' needs a value"), argv[optind - 1]);
			return cli_usage_error("venue");
		default:
			cli_error(_("venue %s: unknown option '%s'"), "list", argv[optind - 1]);
			return cli_usage_error("venue");
		}
	}
	if (optind < argc) {
		cli_error(_("venue %s: unexpected argument '%s'"), "list", argv[optind]);
		return cli_usage_error("venue");
	}
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
