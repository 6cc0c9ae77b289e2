/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Organisers' tasks from the screens: the .ics export and the sync
 * folder (see organise.h). No curses here. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cambouis/bundle.h"
#include "cambouis/config.h"
#include "cambouis/i18n.h"
#include "cambouis/ical.h"
#include "cambouis/paths.h"
#include "ui/organise.h"

#define PATH_MAX_BYTES 4000

/* path with the home folder as "~" (for messages). */
static const char *
home_short(const char *path, char *buf, size_t len)
{
	const char *home = getenv("HOME");
	size_t n = home ? strlen(home) : 0;

	if (n > 1 && strncmp(path, home, n) == 0 && path[n] == '/') {
		snprintf(buf, len, "~%s", path + n);
		return buf;
	}
	return path;
}

bool
ui_organise_ical_form(struct ui_form *f, struct ui_app *app)
{
	if (ui_form_init(f, _("Export the calendar for calendar apps"), ui_app_now(app)) &&
	    ui_form_add_text(f, _("File (.ics)"), "~/cambouis.ics", true, PATH_MAX_BYTES) >= 0)
		return true;
	ui_form_free(f);
	ui_app_error(app, "%s", cb_status_message(CB_NOMEM));
	return false;
}

unsigned
ui_organise_export_ical(struct ui_app *app, const char *typed)
{
	char *path = NULL, *data = NULL;
	size_t len = 0;
	cb_status st;

	if ((st = cb_paths_expand_home(typed, &path)) != CB_OK) {
		ui_app_error(app, _("Cannot write %s: %s"), typed, cb_status_message(st));
		return UI_R_DONE;
	}
	if ((st = cb_ical_export(ui_app_db(app), ui_app_config(app)->workshop_name, &data, &len)) !=
	    CB_OK) {
		ui_app_error(app, _("Cannot export the calendar: %s"), cb_status_message(st));
	} else if ((st = cb_bundle_publish(path, data, len, false)) != CB_OK) {
		ui_app_error(app, _("Cannot write %s: %s"), typed,
			     st == CB_IO ? strerror(errno) : cb_status_message(st));
	} else {
		ui_app_message(app, _("Calendar written to %s: open it with your calendar app."), typed);
	}
	free(data);
	free(path);
	return UI_R_DONE;
}

bool
ui_organise_folder_form(struct ui_form *f, struct ui_app *app)
{
	const char *now = ui_app_config(app)->sync_dir;

	if (ui_form_init(f, _("The folder shared with the other laptops"), ui_app_now(app)) &&
	    ui_form_add_text(f, _("Sync folder"), now ? now : "~/", true, PATH_MAX_BYTES) >= 0)
		return true;
	ui_form_free(f);
	ui_app_error(app, "%s", cb_status_message(CB_NOMEM));
	return false;
}

unsigned
ui_organise_set_sync_dir(struct ui_app *app, const char *typed)
{
	const char *cfg = ui_app_config_path(app);
	char *path = NULL, err[512];
	struct stat sb;
	cb_status st;

	if (!cfg) {
		ui_app_error(app, "%s", _("No configuration file can be told: set HOME or use --config FILE."));
		return UI_R_DONE;
	}
	if ((st = cb_paths_expand_home(typed, &path)) != CB_OK) {
		ui_app_error(app, _("Cannot use %s: %s"), typed, cb_status_message(st));
		return UI_R_DONE;
	}
	/* a folder that is not there (a USB stick not plugged in) would be
	 * made on this disk by the first sync: say so instead */
	if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		ui_app_error(app, _("%s is not a folder: create it (or plug in the drive) first."), typed);
		free(path);
		return UI_R_DONE;
	}
	free(path);
	st = cb_config_set_string(cfg, "sync_dir", typed, err, sizeof err);
	if (st == CB_INVALID) {
		ui_app_error(app, "%s", _("A folder name cannot hold control characters."));
		return UI_R_DONE;
	}
	if (st != CB_OK) {
		ui_app_error(app, _("Cannot write the configuration file: %s"),
			     *err ? err : cb_status_message(st));
		return UI_R_DONE;
	}
	if (ui_app_reload_config(app)) {
		char shown[600];
		ui_app_message(app, _("Sync folder set to %s (in %s)."), typed,
			       home_short(cfg, shown, sizeof shown));
	}
	return UI_R_DATA;
}
