/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_CLI_COMMANDS_H
#define CAMBOUIS_CLI_COMMANDS_H

#include "cambouis/i18n.h"

/*
 * The sub-commands, one line each, in the order `cambouis --help` lists
 * them. From this table come src/main.c's dispatch, the "Commands:" part of
 * usage() and the prototypes of cli.h:
 *
 *   CMD(name, args, help)  `cambouis name` runs
 *                          int cli_cmd_name(struct cli *, int argc, char **argv)
 *                          (argv[0] is "name"); usage() shows
 *                          "name args" and the one-line help
 *   MORE(synopsis, help)   one more whole usage line, for the command above
 *                          ("venue close|closures")
 *
 * args is what follows the name in the usage line ("" for none): wrap it
 * in N_() when it has words to translate (FILE, NAME...). help is always
 * N_(). Tests: every command needs a golden case under tests/cli and a
 * subsection in share/man/cambouis.1 (tests/cli/manpage-commands.sh).
 */
#define CLI_COMMAND_INFO(CMD, MORE) \
	CMD(init, N_("[--site-label LABEL] [--workshop-name NAME]"), \
	    N_("create the database and name this laptop")) \
	CMD(venue, "add|list|edit|rm", N_("manage the venues (see 'cambouis venue --help')")) \
	MORE("venue close|closures", N_("venues closed for a period")) \
	CMD(series, "add|list|edit|rm", N_("sessions every N weeks at rotating venues")) \
	CMD(agenda, N_("[--from D] [--days N | --to D]"), \
	    N_("list the sessions (default: the next 28 days)")) \
	CMD(session, N_("cancel|move|held|restore|show|add DATE"), N_("change one session")) \
	CMD(conflicts, "", N_("sessions that clash (day, closed venue, holiday)")) \
	CMD(ical, N_("[FILE|-]"), N_("export the sessions as iCalendar")) \
	CMD(person, "add|list|show|edit|rm", N_("the people (see 'cambouis person --help')")) \
	CMD(checkin, N_("NAME"), N_("a person arrives at today's session")) \
	CMD(checkout, N_("NAME"), N_("a person leaves")) \
	CMD(tonight, "", N_("who is here, with their pairs")) \
	CMD(pair, N_("MENTOR LEARNER"), N_("pair a learner with a mentor (see 'cambouis pair --help')")) \
	CMD(unpair, N_("LEARNER [MENTOR]"), N_("end or pause a pair")) \
	CMD(suggest, N_("LEARNER"), N_("the present mentors, best first")) \
	CMD(skill, N_("NAME SKILL LEVEL --by MENTOR"), N_("sign off a repair skill")) \
	CMD(promote, N_("[NAME]"), N_("make a learner who meets the rule a mentor")) \
	CMD(snowball, N_("[NAME]"), N_("who trained whom, and the share who became mentors")) \
	CMD(forget, N_("NAME [--yes]"), N_("erase a person on every laptop (asks first)")) \
	CMD(part, "add|list|edit|rm", N_("the parts inventory (see 'cambouis part --help')")) \
	CMD(location, "add|list", N_("the store and the crates")) \
	CMD(stock, N_("PART DELTA --reason R | list"), N_("record a stock movement, or list what is on hand")) \
	CMD(transfer, N_("PART QTY --from L --to L"), N_("move parts between locations")) \
	CMD(count, N_("PART QTY [--location L]"), N_("record a stock-take")) \
	CMD(demo, N_("[--scale S] [--seed N] [--db FILE]"), N_("fill a database with demo data")) \
	CMD(rebuild, "", N_("rebuild the tables from the op log")) \
	CMD(check, "", N_("check the database file's integrity")) \
	CMD(backup, N_("FILE"), N_("write a consistent copy of the database to FILE")) \
	CMD(restore, N_("FILE"), N_("restore a backup; the replaced database is kept")) \
	CMD(export, N_("FILE [--full]"), N_("write the changes not exported before to a bundle")) \
	CMD(import, N_("FILE..."), N_("check bundles and apply their new changes")) \
	CMD(sync, N_("DIR"), N_("exchange bundles with the other laptops through DIR"))

#endif
