/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_UI_CALENDAR_H
#define CAMBOUIS_UI_CALENDAR_H

/* The Calendar screen's state, shared by its two files: calendar.c (the
 * month grid, the agenda, the session card) and calendar-edit.c (the
 * forms, cancelling, moving). Private to them. */
#include "cambouis/calendar.h"
#include "cambouis/venue.h"
#include "ui/calview.h"
#include "ui/listview.h"
#include "ui/dialog.h"
#include "ui/form.h"
#include "ui/pplvm.h"
#include "ui/screen.h"

enum cal_mode {
	CM_VIEW,    /* grid and agenda (the card may be open) */
	CM_FORM,    /* a form: series, move or reason */
	CM_PICKER,  /* a picker over the form */
	CM_CONFIRM,
	CM_CHECKIN, /* who is checked in late to a past session */
};

enum cal_form { CF_SERIES, CF_MOVE, CF_REASON, CF_ICAL };

struct calendar {
	int32_t cursor;                 /* the selected day */
	struct ui_month month;          /* the month of the cursor */
	unsigned marks[31];
	struct cb_session_list sessions;
	struct cb_conflict_list conflicts;
	struct ui_agenda ag;
	size_t sel;                     /* agenda row: first on or after cursor */
	size_t top;                     /* agenda scroll */
	enum cal_mode mode;
	bool card;                      /* the session card is open */
	struct cb_id card_id;
	struct ui_form form;
	enum cal_form form_kind;
	struct ui_picker picker;
	struct ui_ask ask;              /* CM_CONFIRM: cancel the session? */
	struct ui_person_pick pick;     /* CM_CHECKIN */
	struct cb_id target;            /* the session a dialog acts on */
	struct cb_venue_list venues;    /* for the forms' pickers */
	struct ui_search search;        /* "/", n, N over the agenda */
	int32_t search_origin;
};

/* calendar.c */
void cal_reload(struct calendar *c, struct ui_app *app);
/* The agenda row of the session under the cursor, or NULL. */
const struct ui_agenda_row *cal_current(const struct calendar *c);
/* Put the cursor on a session (after a change). */
void cal_select(struct calendar *c, const struct cb_id *id);

/* calendar-edit.c */
void cal_open_series_form(struct calendar *c, struct ui_app *app);
unsigned cal_form_key(struct calendar *c, struct ui_app *app, enum ui_action a, int key);
unsigned cal_picker_key(struct calendar *c, struct ui_app *app, enum ui_action a, int key);
/* i on a session of today or the past: check someone in afterwards (they
 * forgot on the night), at the session's start. */
void cal_open_checkin(struct calendar *c, struct ui_app *app);
unsigned cal_checkin_key(struct calendar *c, struct ui_app *app, enum ui_action a, int key);
unsigned cal_confirm_key(struct calendar *c, struct ui_app *app, enum ui_action a, int key);
void cal_ask_cancel(struct calendar *c, struct ui_app *app);
void cal_open_move(struct calendar *c, struct ui_app *app);
unsigned cal_next_venue(struct calendar *c, struct ui_app *app);
unsigned cal_set_status(struct calendar *c, struct ui_app *app, enum cb_session_status to);
void cal_close_dialogs(struct calendar *c);

#endif
