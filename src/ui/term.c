/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <term.h>

#include "cambouis/i18n.h"
#include "ui/keys.h"
#include "ui/term.h"

static SCREEN *screen;
static FILE *null_out, *null_in;
static bool headless, started;
static volatile sig_atomic_t pending_signal;
static int cursor_y = -1, cursor_x = -1;
static attr_t role_attr[UI_ROLE_COUNT];

/* Colour roles: foreground, background (-1: the terminal's default) and
 * the attributes used with colour and without it. */
static const struct {
	short fg, bg;
	attr_t colour, mono;
} roles[UI_ROLE_COUNT] = {
	[UI_ROLE_NORMAL] = {-1, -1, A_NORMAL, A_NORMAL},
	[UI_ROLE_TABBAR] = {COLOR_WHITE, COLOR_BLUE, A_NORMAL, A_REVERSE},
	[UI_ROLE_TAB_ACTIVE] = {COLOR_BLACK, COLOR_CYAN, A_BOLD, A_BOLD},
	[UI_ROLE_HEADER] = {COLOR_BLACK, COLOR_GREEN, A_NORMAL, A_UNDERLINE | A_BOLD},
	[UI_ROLE_SELECTED] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
	[UI_ROLE_STATUS] = {COLOR_WHITE, COLOR_BLUE, A_NORMAL, A_REVERSE},
	[UI_ROLE_INFO] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
	[UI_ROLE_ERROR] = {COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE},
	[UI_ROLE_KEY] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
	[UI_ROLE_DIM] = {COLOR_CYAN, -1, A_NORMAL, A_NORMAL},
	[UI_ROLE_BORDER] = {COLOR_CYAN, -1, A_NORMAL, A_NORMAL},
	[UI_ROLE_TITLE] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
	[UI_ROLE_FIELD] = {-1, -1, A_UNDERLINE, A_UNDERLINE},
	[UI_ROLE_FIELD_ACTIVE] = {COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE},
	[UI_ROLE_LABEL_ACTIVE] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
	/* without colour the grid's marks (• × ✓ !) carry the meaning */
	[UI_ROLE_CAL_TODAY] = {COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_BOLD | A_UNDERLINE},
	[UI_ROLE_CAL_SESSION] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
	[UI_ROLE_CAL_CANCELLED] = {COLOR_RED, -1, A_NORMAL, A_NORMAL},
	[UI_ROLE_CAL_PUBLIC] = {COLOR_WHITE, COLOR_MAGENTA, A_NORMAL, A_DIM},
	[UI_ROLE_CAL_SCHOOL] = {COLOR_WHITE, COLOR_BLUE, A_NORMAL, A_DIM},
	[UI_ROLE_CAL_CONFLICT] = {COLOR_RED, -1, A_BOLD, A_BOLD},
	[UI_ROLE_ATTENTION] = {COLOR_MAGENTA, -1, A_BOLD, A_BOLD},
};

static void
on_signal(int sig)
{
	int saved = errno;

	pending_signal = sig;
	errno = saved;
}

/* A crash: give the terminal back, then die the same way so core dumps
 * and sanitizer reports still happen. */
static void
on_fatal(int sig)
{
	if (started && !headless)
		endwin();
	signal(sig, SIG_DFL);
	raise(sig);
}

void
ui_term_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_signal;
	/* no SA_RESTART: a signal interrupts the read of a key */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = on_fatal;
	sa.sa_flags = SA_RESETHAND;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGABRT, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGFPE, &sa, NULL);
}

int
ui_term_signal(void)
{
	return pending_signal;
}

bool
ui_term_headless(void)
{
	return headless;
}

static void
setup_roles(bool colour)
{
	colour = colour && has_colors() && start_color() == OK;
	if (colour && use_default_colors() != OK)
		colour = assume_default_colors(COLOR_WHITE, COLOR_BLACK) == OK;
	for (int r = 0; r < UI_ROLE_COUNT; r++) {
		if (!colour || COLOR_PAIRS <= r) {
			role_attr[r] = roles[r].mono;
			continue;
		}
		if (r > 0 && init_pair((short)r, roles[r].fg, roles[r].bg) != OK) {
			role_attr[r] = roles[r].mono;
			continue;
		}
		role_attr[r] = roles[r].colour | (r > 0 ? COLOR_PAIR(r) : 0);
	}
}

bool
ui_term_usable(char *err, size_t errlen)
{
	const char *term = getenv("TERM");
	const char *cup;
	int e = 0;

	if (!term || !*term) {
		snprintf(err, errlen, "%s", _("TERM is not set: cannot use the terminal"));
		return false;
	}
	if (setupterm(NULL, STDOUT_FILENO, &e) != OK) {
		snprintf(err, errlen, _("the terminal type '%s' is unknown or unusable"), term);
		return false;
	}
	/* a terminal that cannot place the cursor (TERM=dumb, a printer)
	 * would draw every line under the last */
	cup = tigetstr("cup");
	if (!cup || cup == (char *)-1 || !*cup) {
		snprintf(err, errlen,
			 _("the terminal type '%s' cannot place the cursor: a full-screen "
			   "interface needs one such as xterm-256color"), term);
		del_curterm(cur_term);
		return false;
	}
	del_curterm(cur_term);
	return true;
}

bool
ui_term_open(int cols, int rows, bool colour, char *err, size_t errlen)
{
	headless = cols > 0;
	if (headless) {
		static const char *const names[] = {"xterm-256color", "xterm", "vt100"};
		if (!(null_out = fopen("/dev/null", "w")) || !(null_in = fopen("/dev/null", "r"))) {
			snprintf(err, errlen, "/dev/null: %s", strerror(errno));
			return false;
		}
		use_env(FALSE);
		for (size_t i = 0; i < sizeof names / sizeof names[0] && !screen; i++)
			screen = newterm(names[i], null_out, null_in);
	} else {
		const char *term = getenv("TERM");
		if (!term || !*term) {
			snprintf(err, errlen, "%s", _("TERM is not set: cannot use the terminal"));
			return false;
		}
		screen = newterm(NULL, stdout, stdin);
		if (!screen) {
			snprintf(err, errlen, _("the terminal type '%s' is unknown or unusable"), term);
			return false;
		}
	}
	if (!screen) {
		snprintf(err, errlen, "%s", _("cannot make a virtual screen"));
		return false;
	}
	started = true;
	if (headless && resizeterm(rows, cols) != OK) {
		ui_term_close();
		snprintf(err, errlen, "%s", _("cannot make a virtual screen"));
		return false;
	}
	if (cbreak() == ERR || noecho() == ERR || keypad(stdscr, TRUE) == ERR) {
		if (!headless) {
			ui_term_close();
			snprintf(err, errlen, "%s", _("cannot set up the terminal"));
			return false;
		}
	}
	set_escdelay(25);
	wtimeout(stdscr, 1000);
	if (!headless) {
		curs_set(0);
		/* the terminal's flow control would swallow C-s and C-q */
		intrflush(stdscr, FALSE);
	}
	setup_roles(colour);
	return true;
}

void
ui_term_close(void)
{
	if (!started)
		return;
	started = false;
	if (!headless) {
		curs_set(1);
		endwin();
		fflush(stdout);
	} else {
		endwin();
	}
	delscreen(screen);
	screen = NULL;
	if (null_out)
		fclose(null_out);
	if (null_in)
		fclose(null_in);
	null_out = null_in = NULL;
}

void
ui_term_resize(int cols, int rows)
{
	resizeterm(rows, cols);
}

int
ui_term_key(void)
{
	wint_t wc;
	int rc = wget_wch(stdscr, &wc);

	if (rc == ERR)
		return -1;
	if (rc == KEY_CODE_YES) {
		switch (wc) {
		case KEY_UP: return UI_KEY_UP;
		case KEY_DOWN: return UI_KEY_DOWN;
		case KEY_LEFT: return UI_KEY_LEFT;
		case KEY_RIGHT: return UI_KEY_RIGHT;
		case KEY_HOME: return UI_KEY_HOME;
		case KEY_END: return UI_KEY_END;
		case KEY_PPAGE: return UI_KEY_PGUP;
		case KEY_NPAGE: return UI_KEY_PGDN;
		case KEY_BTAB: return UI_KEY_BTAB;
		case KEY_BACKSPACE: return UI_KEY_BACKSPACE;
		case KEY_DC: return UI_KEY_DEL;
		case KEY_IC: return UI_KEY_INS;
		case KEY_ENTER: return UI_KEY_ENTER;
		case KEY_RESIZE: return UI_KEY_RESIZE;
		default:
			if (wc >= KEY_F(1) && wc <= KEY_F(12))
				return UI_KEY_F1 + (int)(wc - KEY_F(1));
			return -1;
		}
	}
	if (wc == 127 || wc == 8)
		return UI_KEY_BACKSPACE;
	if (wc == '\r')
		return UI_KEY_ENTER;
	return (int)wc;
}

void
ui_term_cursor(int y, int x)
{
	cursor_y = y;
	cursor_x = x;
}

void
ui_term_begin_frame(void)
{
	cursor_y = cursor_x = -1;
	werase(stdscr);
}

void
ui_term_end_frame(void)
{
	if (headless)
		return; /* nothing to send: the virtual screen is stdscr itself */
	if (cursor_y >= 0) {
		wmove(stdscr, cursor_y, cursor_x);
		curs_set(1);
	} else {
		curs_set(0);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

unsigned long
ui_term_attr(enum ui_role role)
{
	return role_attr[role < UI_ROLE_COUNT ? role : 0];
}

bool
ui_term_dump(const char *path)
{
	FILE *f = fopen(path, "w");
	wchar_t *line;
	bool ok = true;

	if (!f)
		return false;
	line = calloc((size_t)COLS + 1, sizeof *line);
	for (int y = 0; y < LINES && line; y++) {
		char out[8];
		int n = mvwinnwstr(stdscr, y, 0, line, COLS), end;
		if (n == ERR)
			n = 0;
		line[n] = L'\0';
		end = n;
		while (end > 0 && line[end - 1] == L' ')
			end--;
		for (int i = 0; i < end; i++) {
			size_t k = ui_utf8_encode((unsigned)line[i], out);
			if (fwrite(out, 1, k, f) != k)
				ok = false;
		}
		if (fputc('\n', f) == EOF)
			ok = false;
	}
	free(line);
	if (!line)
		ok = false;
	if (fclose(f) != 0)
		ok = false;
	return ok;
}
