/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_UI_ORGANISE_H
#define CAMBOUIS_UI_ORGANISE_H

#include "ui/form.h"
#include "ui/screen.h"

/*
 * Organisers' tasks from the screens (no curses): export the calendar as
 * an .ics file (Calendar, E) and choose the sync folder (Sync, f). Each
 * asks for a path in a one-field form; "~/" is the home folder.
 */

/* The form asking for the .ics file, filled with ~/cambouis.ics. */
bool ui_organise_ical_form(struct ui_form *f, struct ui_app *app);
/* Write the calendar to the path typed (atomically); the message line
 * says where, or why not. */
unsigned ui_organise_export_ical(struct ui_app *app, const char *typed);

/* The form asking for the sync folder, filled with the current one. */
bool ui_organise_folder_form(struct ui_form *f, struct ui_app *app);
/* Check that the folder typed exists, write sync_dir to the configuration
 * file (keeping the rest) and read it again; the message line says so. */
unsigned ui_organise_set_sync_dir(struct ui_app *app, const char *typed);

#endif
