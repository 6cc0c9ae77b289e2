/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_UI_TERM_H
#define CAMBOUIS_UI_TERM_H

#include <stdbool.h>

/*
 * The terminal: curses set-up and restore, colour roles, signals, input,
 * and the headless virtual screen. Screens draw with the roles; they never
 * pick colours themselves.
 */
enum ui_role {
	UI_ROLE_NORMAL,
	UI_ROLE_TABBAR,
	UI_ROLE_TAB_ACTIVE,
	UI_ROLE_HEADER,
	UI_ROLE_SELECTED,
	UI_ROLE_STATUS,
	UI_ROLE_INFO,
	UI_ROLE_ERROR,
	UI_ROLE_KEY,
	UI_ROLE_DIM,
	UI_ROLE_BORDER,
	UI_ROLE_TITLE,
	UI_ROLE_FIELD,
	UI_ROLE_FIELD_ACTIVE,
	UI_ROLE_LABEL_ACTIVE,
	UI_ROLE_CAL_TODAY,     /* today in the month grid */
	UI_ROLE_CAL_SESSION,   /* a day with a session */
	UI_ROLE_CAL_CANCELLED, /* a cancelled session */
	UI_ROLE_CAL_PUBLIC,    /* a public holiday (shaded) */
	UI_ROLE_CAL_SCHOOL,    /* school holidays (shaded) */
	UI_ROLE_CAL_CONFLICT,  /* the conflict mark */
	UI_ROLE_ATTENTION,     /* someone waiting: an unpaired learner */
	UI_ROLE_COUNT,
};

/* Start curses. Headless (cols > 0): no terminal at all, a virtual screen
 * of that size. Returns false (with a message in err) when the terminal
 * cannot be used. */
bool ui_term_open(int cols, int rows, bool colour, char *err, size_t errlen);
/* Can the terminal TERM names draw a full screen (known, and able to
 * place the cursor)? Checked before the database is opened; false with a
 * message in err. */
bool ui_term_usable(char *err, size_t errlen);
/* Restore the terminal (safe to call twice). */
void ui_term_close(void);
bool ui_term_headless(void);

/* Signals: SIGINT, SIGTERM and SIGHUP set a flag; SIGSEGV and SIGABRT
 * restore the terminal and re-raise. Call before ui_term_open(). */
void ui_term_signals(void);
/* The pending terminating signal, or 0. */
int ui_term_signal(void);

/* Next key (a ui_key), UI_KEY_RESIZE after a resize, -1 on timeout or
 * when a signal arrived. */
int ui_term_key(void);

/* Headless: the virtual screen changes size. */
void ui_term_resize(int cols, int rows);

/* Draw the screen (after erase and drawing): position the cursor where
 * the last ui_term_cursor() asked, or hide it. */
void ui_term_cursor(int y, int x);
void ui_term_begin_frame(void);
void ui_term_end_frame(void);

/* Write the virtual (or real) screen as UTF-8 text lines to path. */
bool ui_term_dump(const char *path);

/* The attributes (colour pair included) of a role. */
unsigned long ui_term_attr(enum ui_role role);

#endif
