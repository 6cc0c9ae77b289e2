/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export, import and sync: the commands that carry changes between
 * laptops (issue 6). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cambouis/bundle.h"
#include "cambouis/clock.h"
#include "cambouis/hlc.h"
#include "cambouis/i18n.h"
#include "cambouis/paths.h"
#include "cambouis/sync.h"
#include "cli.h"
#include "opts.h"

static void
format_time(int64_t ms, char *out, size_t len)
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;

	if (!localtime_r(&t, &tm) || !strftime(out, len, "%Y-%m-%d %H:%M", &tm))
		snprintf(out, len, "?");
}

/* "cambouis: FILE: reason (detail)" */
static void
print_rejection(const char *file, cb_status st, int err, const struct cb_bundle_why *why)
{
	if (st == CB_INVALID)
		cli_error("%s: %s%s%s%s", file, cb_bundle_reject_message(why->reason),
			  why->detail[0] ? " (" : "", why->detail, why->detail[0] ? ")" : "");
	else if (st == CB_IO)
		cli_error("%s: %s", file, strerror(err));
	else
		cli_error("%s: %s", file, cb_status_message(st));
}

static int
need_label(struct cli *c)
{
	if (*cb_db_site_label(c->db))
		return 0;
	cli_error(_("this laptop has no site label: run 'cambouis init --site-label NAME' first"));
	return EXIT_USAGE;
}

static void
report_import(const char *label, const struct cb_import_result *r)
{
	cli_printf(ngettext_("%lld new change from %s", "%lld new changes from %s",
			 (unsigned long)r->new_ops), (long long)r->new_ops, label);
	cli_printf(ngettext_(" (%lld already known, ", " (%lld already known, ",
			 (unsigned long)r->known_ops), (long long)r->known_ops);
	cli_printf(ngettext_("%lld conflict)\n", "%lld conflicts)\n", (unsigned long)r->conflicts),
	       (long long)r->conflicts);
	if (r->future_ops) {
		char when[32];
		format_time(cb_hlc_ms(r->max_hlc), when, sizeof when);
		cli_error(ngettext_("warning: %lld change from %s carries a clock far in the future "
				    "(%s): that laptop's date may be wrong",
				    "warning: %lld changes from %s carry clocks far in the future "
				    "(up to %s): that laptop's date may be wrong",
				    (unsigned long)r->future_ops),
			  (long long)r->future_ops, label, when);
	}
}

static void
warn_clock(struct cli *c)
{
	int64_t now = cb_clock_now_ms(), newest;
	char a[32], b[32];

	if (!cb_sync_clock_behind(c->db, now, &newest))
		return;
	format_time(now, a, sizeof a);
	format_time(newest, b, sizeof b);
	cli_error(_("warning: this laptop's clock (%s) is far behind the newest change seen (%s): "
		    "check its date and time"), a, b);
}

/* --- export ---------------------------------------------------------------------- */

static cb_status
publish_file(const void *data, size_t size, const struct cb_bundle_manifest *m, void *arg)
{
	(void)m;
	return cb_bundle_publish(arg, data, size, false);
}

int
cli_cmd_export(struct cli *c, int argc, char **argv)
{
	struct cb_export_opts o = {.mark = "export"};
	const struct cli_opt opts[] = {
		{CLI_FLAG("full", &o.full)},
		{CLI_END},
	};
	const struct cli_optspec spec = {
		"export", NULL, opts,
		_("Usage: cambouis export FILE [--full]\n"
		  "Write the changes not exported before (this laptop's and those it\n"
		  "relays) into the bundle FILE; --full writes every change.\n"), NULL};
	struct cb_export_result r;
	const char *file;
	int n, rc;
	cb_status st;

	if ((rc = cli_opts_parse(&spec, argc, argv, &n)) >= 0)
		return rc;
	if (n != 1) {
		cli_error(n ? _("export: give one file") : _("export: which file?"));
		return cli_usage_error("export");
	}
	file = argv[1];
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0 || (rc = need_label(c)) != 0)
		return rc;
	st = cb_sync_export(c->db, &o, publish_file, (void *)file, &r);
	if (st == CB_IO || st == CB_FULL) {
		cli_error("%s: %s", file, st == CB_IO ? strerror(errno) : cb_status_message(st));
		return EXIT_FAILURE_RUNTIME;
	}
	if (st != CB_OK)
		return cli_fail(st, c->db_path);
	cli_printf(ngettext_("Exported %lld change to %s.\n", "Exported %lld changes to %s.\n",
			 (unsigned long)r.op_count), (long long)r.op_count, file);
	return EXIT_OK;
}

/* --- import ---------------------------------------------------------------------- */

int
cli_cmd_import(struct cli *c, int argc, char **argv)
{
	static const struct cli_opt opts[] = {{CLI_END}};
	const struct cli_optspec spec = {
		"import", NULL, opts,
		_("Usage: cambouis import FILE...\n"
		  "Check the bundles and apply their new changes in one transaction.\n"
		  "A bundle that fails a check is rejected whole (exit 6) and nothing\n"
		  "is imported.\n"), NULL};
	struct cb_bundle **bundles;
	int rc, nfiles, rejected = 0, unreadable = 0;
	cb_status st = CB_OK;

	if ((rc = cli_opts_parse(&spec, argc, argv, &nfiles)) >= 0)
		return rc;
	if (nfiles < 1) {
		cli_error(_("import: which file?"));
		return cli_usage_error("import");
	}
	if (!(bundles = calloc((size_t)nfiles, sizeof *bundles)))
		return cli_fail(CB_NOMEM, NULL);
	/* every file is checked before the database is even opened */
	for (int i = 0; i < nfiles; i++) {
		struct cb_bundle_why why;
		cb_status one = cb_bundle_read(argv[1 + i], NULL, &bundles[i], &why);
		if (one == CB_NOMEM) {
			st = one;
			break;
		}
		if (one != CB_OK) {
			print_rejection(argv[1 + i], one, errno, &why);
			if (one == CB_INVALID)
				rejected++;
			else
				unreadable++;
		}
	}
	if (st != CB_OK || rejected || unreadable) {
		rc = st != CB_OK ? cli_fail(st, NULL) :
		     rejected ? EXIT_IMPORT_REJECTED : EXIT_FAILURE_RUNTIME;
		goto out;
	}
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0)
		goto out;
	struct cb_import_result *res = calloc((size_t)nfiles, sizeof *res);
	if (!res) {
		rc = cli_fail(CB_NOMEM, NULL);
		goto out;
	}
	if ((st = cb_sync_import_all(c->db, bundles, (size_t)nfiles, res)) != CB_OK) {
		free(res);
		rc = cli_fail(st, c->db_path);
		goto out;
	}
	for (int i = 0; i < nfiles; i++)
		report_import(cb_bundle_manifest(bundles[i])->origin_label, &res[i]);
	free(res);
	warn_clock(c);
	rc = EXIT_OK;
out:
	for (int i = 0; i < nfiles; i++)
		cb_bundle_free(bundles[i]);
	free(bundles);
	return rc;
}

/* --- sync ------------------------------------------------------------------------ */

struct sync_out {
	const char *dir;
	unsigned flags;
};

static int sync_folder(struct cli *c, struct sync_out *o);

static void
on_event(const struct cb_sync_event *ev, void *arg)
{
	struct sync_out *o = arg;
	char path[4096];

	snprintf(path, sizeof path, "%s/%s", o->dir, ev->name);
	switch (ev->kind) {
	case CB_SYNC_IMPORTED:
		cli_printf("%s: ", ev->name);
		report_import(ev->m->origin_label, &ev->r);
		break;
	case CB_SYNC_KNOWN:
		break;
	case CB_SYNC_REJECTED:
		print_rejection(path, ev->st, ev->err, &ev->why);
		break;
	case CB_SYNC_EXPORTED:
		cli_printf(ngettext_("Exported %lld change to %s.\n", "Exported %lld changes to %s.\n",
				 (unsigned long)ev->exported_ops), (long long)ev->exported_ops, path);
		break;
	}
}

int
cli_cmd_sync(struct cli *c, int argc, char **argv)
{
	bool force_demo = false;
	const struct cli_opt opts[] = {
		{CLI_FLAG("force-demo", &force_demo)},
		{CLI_END},
	};
	const struct cli_optspec spec = {
		"sync", NULL, opts,
		_("Usage: cambouis sync [DIR] [--force-demo]\n"
		  "Import the other laptops' new bundles found in the folder DIR, then\n"
		  "write this laptop's new changes to DIR/<site label>/. DIR can be a\n"
		  "USB stick, a Syncthing or Nextcloud folder, or a git working copy.\n"
		  "Without DIR, the folder set by sync_dir in the configuration file.\n"
		  "A demo database (--demo, 'cambouis demo') holds invented people and\n"
		  "never syncs, unless --force-demo says it should.\n"), NULL};
	struct sync_out o = {0};
	char *dir;
	int n, rc;
	cb_status st;

	if ((rc = cli_opts_parse(&spec, argc, argv, &n)) >= 0)
		return rc;
	if (force_demo)
		o.flags |= CB_SYNC_FORCE_DEMO;
	if (n > 1) {
		cli_error(_("sync: give one folder"));
		return cli_usage_error("sync");
	}
	if (n == 0 && !c->cfg.sync_dir) {
		cli_error(_("sync: which folder? Give one, or set sync_dir in the configuration "
			    "file (see cambouis.conf(5))"));
		return cli_usage_error("sync");
	}
	if ((st = cb_paths_expand_home(n ? argv[1] : c->cfg.sync_dir,
				       &dir)) != CB_OK) {
		if (st == CB_NOMEM)
			return cli_fail(st, NULL);
		cli_error(_("%s: ~ cannot be told: HOME is not an absolute path to an existing "
			    "directory"), n ? argv[1] : c->cfg.sync_dir);
		return EXIT_USAGE;
	}
	o.dir = dir;
	if ((rc = cli_open(c, CB_OPEN_WRITE)) != 0 || (rc = need_label(c)) != 0) {
		free(dir);
		return rc;
	}
	rc = sync_folder(c, &o);
	free(dir);
	return rc;
}

static int
sync_folder(struct cli *c, struct sync_out *o)
{
	struct cb_sync_summary s;
	cb_status st = cb_sync_dir(c->db, o->dir, NULL, o->flags, on_event, o, &s);

	if (st == CB_DEMO) {
		cli_error(_("%s is a demo database: its invented people would reach every laptop "
			    "that syncs with %s; nothing was synced (--force-demo to sync anyway)"),
			  c->db_path, o->dir);
		return EXIT_FAILURE_RUNTIME;
	}
	if (st == CB_NOT_FOUND) {
		cli_error(_("%s: no such folder"), o->dir);
		return EXIT_FAILURE_RUNTIME;
	}
	if (st == CB_IO || st == CB_FULL) {
		cli_error("%s: %s", o->dir, st == CB_IO ? strerror(errno) : cb_status_message(st));
		return EXIT_FAILURE_RUNTIME;
	}
	if (st != CB_OK)
		return cli_fail(st, c->db_path);
	if (!s.exported_ops)
		cli_printf(_("Nothing new to export.\n"));
	cli_printf(ngettext_("Sync done: %lld new change", "Sync done: %lld new changes",
			 (unsigned long)s.new_ops), (long long)s.new_ops);
	cli_printf(ngettext_(" from %d bundle", " from %d bundles", (unsigned long)s.files_imported),
	       s.files_imported);
	cli_printf(ngettext_(", %lld conflict", ", %lld conflicts", (unsigned long)s.conflicts),
	       (long long)s.conflicts);
	cli_printf(ngettext_(", %lld change exported.\n", ", %lld changes exported.\n",
			 (unsigned long)s.exported_ops), (long long)s.exported_ops);
	warn_clock(c);
	return s.files_rejected ? EXIT_IMPORT_REJECTED : EXIT_OK;
}
