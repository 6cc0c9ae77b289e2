/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Start the full-screen interface: check the key bindings, open the
 * database, set up the terminal (or the headless virtual screen), run. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cambouis/i18n.h"
#include "ui/app.h"
#include "ui/keys.h"
#include "ui/script.h"
#include "ui/term.h"
#include "ui/ui.h"

static int
run_tty(struct ui_app *app)
{
	ui_app_draw(app);
	while (!app->quit && !ui_term_signal()) {
		int key = ui_term_key();
		if (key < 0) {
			/* a second without a key: has another process written? */
			if (ui_app_idle(app))
				ui_app_draw(app);
			continue;
		}
		ui_app_key(app, key);
		if (!app->quit)
			ui_app_draw(app);
	}
	return EXIT_OK;
}

/* ":cambouis ARGS": this program again as a second process (another
 * terminal writing the same database), its output dropped; true when it
 * ran and exited 0. */
static bool
run_second(const char *args)
{
	char *copy = strdup(args), *argv[64], *p, *w;
	int argc = 0, status;
	pid_t pid;

	if (!copy)
		return false;
	argv[argc++] = "cambouis";
	for (p = copy; *p && argc < 63;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		argv[argc++] = w = p;
		for (bool quoted = false; *p && (quoted || *p != ' '); p++) {
			if (*p == '"')
				quoted = !quoted;
			else
				*w++ = *p;
		}
		if (*p)
			p++;
		*w = '\0';
	}
	argv[argc] = NULL;
	fflush(NULL);
	if ((pid = fork()) < 0) {
		free(copy);
		return false;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		if (null >= 0) {
			dup2(null, STDIN_FILENO);
			dup2(null, STDOUT_FILENO);
			dup2(null, STDERR_FILENO);
		}
		unsetenv("CAMBOUIS_SCRIPT");
		execv("/proc/self/exe", argv);
		_exit(127);
	}
	free(copy);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return false;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* Keys from the script; the screen is written out at each ":dump". */
static int
run_script(struct ui_app *app, struct ui_script *s)
{
	ui_app_draw(app);
	while (!app->quit && !ui_term_signal()) {
		struct ui_script_event ev = ui_script_next(s);
		switch (ev.kind) {
		case UI_SCRIPT_END:
			return EXIT_OK;
		case UI_SCRIPT_ERROR:
			ui_term_close();
			cli_error("%s", s->err);
			return EXIT_USAGE;
		case UI_SCRIPT_DUMP:
			ui_app_draw(app);
			if (!ui_term_dump(ev.path)) {
				ui_term_close();
				cli_error(_("cannot write the screen to '%s'"), ev.path);
				return EXIT_FAILURE_RUNTIME;
			}
			break;
		case UI_SCRIPT_IDLE:
			ui_app_idle(app);
			ui_app_draw(app);
			break;
		case UI_SCRIPT_RUN:
			if (!run_second(ev.path)) {
				ui_term_close();
				cli_error(_("%s:%d: cannot run 'cambouis %s'"), s->path ? s->path : "script",
					  ev.line, ev.path);
				return EXIT_FAILURE_RUNTIME;
			}
			break;
		case UI_SCRIPT_RESIZE:
			ui_term_resize(ev.cols, ev.rows);
			ui_app_key(app, UI_KEY_RESIZE);
			ui_app_draw(app);
			break;
		case UI_SCRIPT_KEY:
			ui_app_key(app, ev.key);
			ui_app_draw(app);
			break;
		}
	}
	return EXIT_OK;
}

/* ncursesw reads and writes characters in the locale's encoding: under
 * LANG=C every letter beyond ASCII typed in a form would be dropped
 * ("Café" saved as "Caf"). cambouis's text is UTF-8 everywhere, so the
 * character type falls back to C.UTF-8 (messages keep their language);
 * false when no UTF-8 character type is to be had. */
static bool
utf8_ctype(void)
{
	static const char *const names[] = {"C.UTF-8", "C.utf8", "en_US.UTF-8"};
	const char *cs = nl_langinfo(CODESET);

	if (cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0))
		return true;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (setlocale(LC_CTYPE, names[i]))
			return true;
	return false;
}

int
ui_main(struct cli *c)
{
	const char *script_path = getenv("CAMBOUIS_SCRIPT");
	const char *scopes[UI_MAX_SCREENS], *nc = getenv("NO_COLOR");
	bool headless = script_path && *script_path;
	struct ui_script script = {0};
	struct ui_keymap *km;
	struct ui_app app;
	int cols = 0, rows = 0, rc, sig;
	char err[512];
	bool utf8 = utf8_ctype();

	for (size_t i = 0; i < ui_nscreens && i < UI_MAX_SCREENS; i++)
		scopes[i] = ui_screens[i]->name;
	if (!(km = ui_keymap_new(scopes, ui_nscreens)))
		return cli_fail(CB_NOMEM, NULL);
	if (!ui_keymap_configure(km, c->cfg.keys, c->cfg.nkeys, c->cfg.path, err, sizeof err)) {
		cli_error("%s", err);
		ui_keymap_free(km);
		return EXIT_USAGE;
	}
	if (headless) {
		const char *size = getenv("CAMBOUIS_SCREEN");
		if (!size || !*size)
			size = "80x24";
		if (!ui_script_size(size, &cols, &rows)) {
			cli_error(_("invalid CAMBOUIS_SCREEN '%s': use COLUMNSxROWS, e.g. 80x24"), size);
			ui_keymap_free(km);
			return EXIT_USAGE;
		}
		if (!ui_script_open(&script, script_path)) {
			cli_error("%s", script.err);
			ui_keymap_free(km);
			return EXIT_USAGE;
		}
	} else if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_error(_("no terminal: give a command (see 'cambouis --help')"));
		ui_keymap_free(km);
		return EXIT_USAGE;
	} else if (!ui_term_usable(err, sizeof err)) {
		cli_error("%s", err);
		ui_keymap_free(km);
		return EXIT_TERMINAL;
	}
	/* a database we may read but not write is shown read-only, with a
	 * banner; writes are refused in the message line */
	if ((rc = c->demo || access(c->db_path, F_OK) != 0 || access(c->db_path, W_OK) == 0
		  ? cli_open(c, CB_OPEN_CREATE)
		  : cli_open(c, CB_OPEN_READONLY)) != 0) {
		ui_script_close(&script);
		ui_keymap_free(km);
		return rc;
	}
	/* Signal handlers go in before curses, so curses keeps its hands off
	 * SIGINT and SIGTERM and we leave through the normal path. */
	ui_term_signals();
	if (!ui_term_open(cols, rows, c->cfg.colour && !(nc && *nc), err, sizeof err)) {
		cli_error("%s", err);
		ui_script_close(&script);
		ui_keymap_free(km);
		return EXIT_TERMINAL;
	}
	if (!ui_app_start(&app, c, km)) {
		ui_term_close();
		cli_error("%s", app.message[0] ? app.message : cb_status_message(CB_NOMEM));
		ui_script_close(&script);
		ui_keymap_free(km);
		return EXIT_FAILURE_RUNTIME;
	}
	if (!utf8)
		ui_app_error(&app, "%s", _("The locale is not UTF-8: letters beyond ASCII cannot be "
					   "typed. Set LANG to a UTF-8 locale."));
	rc = headless ? run_script(&app, &script) : run_tty(&app);
	ui_app_stop(&app);
	ui_term_close();
	ui_script_close(&script);
	ui_keymap_free(km);
	if ((sig = ui_term_signal()) != 0) {
		/* every change is already committed; die of the signal as the
		 * caller expects, with the terminal restored */
		cli_close(c);
		signal(sig, SIG_DFL);
		raise(sig);
	}
	return rc;
}
