/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cambouis forget NAME [--yes]: the right to erasure. Says what will be
 * erased and asks for "yes" on the terminal (never from a pipe, where a
 * stray line could erase someone: --yes says it in a script). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cambouis/i18n.h"
#include "cambouis/privacy.h"
#include "cambouis/text.h"
#include "cli.h"
#include "opts.h"

static void
help(FILE *out)
{
	fputs(_("Usage: cambouis forget NAME [--yes]\n"
		"Erase a person: their name and personal details, their attendance, pairings,\n"
		"consents and skill sign-offs, and the values of every change recorded about\n"
		"them. Other laptops erase them too when they next sync. It cannot be undone.\n"
		"\n"
		"  --yes   do not ask (needed when the input is not a terminal)\n"), out);
}

static int
find(struct cli *c, const char *key, struct cb_id *id)
{
	struct cb_person_ref_list cands;
	cb_status st = cb_forget_find(c->db, key, id, &cands);

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
		cb_id_to_hex(&cands.items[i].id, hex);
		/* the id always: erasing the wrong one cannot be undone */
		cli_fprintf(stderr, "  %s  (%s)\n", cands.items[i].name, hex);
	}
	if (cands.count > 20)
		cli_fprintf(stderr, ngettext_("  ... and %zu more\n", "  ... and %zu more\n", cands.count - 20),
			cands.count - 20);
	cb_person_ref_list_free(&cands);
	return EXIT_USAGE;
}

static void
print_summary(const struct cb_forget_summary *s)
{
	if (s->removed)
		cli_printf(_("This erases %s (removed already) on this laptop, and on every other laptop "
			 "when it next syncs:\n"), s->name);
	else
		cli_printf(_("This erases %s on this laptop, and on every other laptop when it next "
			 "syncs:\n"), s->name);
	cli_printf(_("  - their name, contact, notes and other personal details;\n"));
	cli_printf(ngettext_("  - %lld visit;\n", "  - %lld visits;\n", s->attendance),
	       (long long)s->attendance);
	cli_printf(ngettext_("  - %lld pairing;\n", "  - %lld pairings;\n", s->pairings),
	       (long long)s->pairings);
	cli_printf(ngettext_("  - %lld consent record;\n", "  - %lld consent records;\n", s->consents),
	       (long long)s->consents);
	cli_printf(ngettext_("  - %lld skill sign-off;\n", "  - %lld skill sign-offs;\n", s->skills),
	       (long long)s->skills);
	cli_printf(_("  - the values of every change recorded about them.\n"
		 "It cannot be undone. Bundles already written to a sync folder keep what they hold.\n"));
}

/* Read one line from the terminal: is it "yes" (or the translated word)? */
static bool
confirmed(const char *name)
{
	char line[64];
	char *t;
	bool yes;

	/* TRANSLATORS: the word to type to confirm; "yes" is accepted too */
	cli_printf(_("Type '%s' to erase %s: "), _("yes"), name);
	fflush(stdout);
	if (!fgets(line, sizeof line, stdin))
		return false;
	if (!(t = cb_text_trim(line)))
		return false;
	yes = strcasecmp(t, "yes") == 0 || strcasecmp(t, _("yes")) == 0;
	free(t);
	return yes;
}

int
cli_cmd_forget(struct cli *c, int argc, char **argv)
{
	struct cb_forget_summary sum;
	struct cb_id id;
	bool yes = false, wiped = false;
	const struct cli_opt opts[] = {
		{CLI_FLAG("yes", &yes)},
		{CLI_END},
	};
	const struct cli_optspec spec = {"forget", NULL, opts, NULL, help};
	int n, rc;
	cb_status st;

	if ((rc = cli_opts_parse(&spec, argc, argv, &n)) >= 0)
		return rc;
	if (n == 0) {
		cli_error(_("forget: say whom to forget: cambouis forget NAME"));
		return cli_usage_error("forget");
	}
	if ((rc = cli_opts_at_most(&spec, n, 1, argv)) >= 0)
		return rc;
	if (!yes && !isatty(STDIN_FILENO)) {
		cli_error(_("forget: erasing cannot be undone: run it in a terminal to confirm, "
			    "or add --yes"));
		return EXIT_USAGE;
	}
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0 || (rc = find(c, argv[1], &id)) >= 0)
		return rc;
	if ((st = cb_forget_summary(c->db, &id, &sum)) != CB_OK)
		return cli_fail(st, NULL);
	if (!yes) {
		print_summary(&sum);
		if (!confirmed(sum.name)) {
			cli_printf(_("Nothing was erased.\n"));
			cb_forget_summary_clear(&sum);
			return EXIT_FAILURE_RUNTIME;
		}
	}
	st = cb_forget(c->db, &id, &wiped);
	if (st != CB_OK) {
		cb_forget_summary_clear(&sum);
		return cli_fail(st, NULL);
	}
	cli_printf(_("%s is forgotten here; the other laptops forget them at their next sync.\n"),
	       sum.name);
	if (!wiped)
		cli_error(_("another program has the database open: old copies of the erased data "
			    "leave the file when it closes"));
	cb_forget_summary_clear(&sum);
	return EXIT_OK;
}
