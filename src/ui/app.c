/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NCURSES_WIDECHAR 1
#include <curses.h>

#include "cambouis/clock.h"
#include "cambouis/date.h"
#include "cambouis/i18n.h"
#include "cambouis/oplog.h"
#include "cambouis/text.h"
#include "cambouis/undo.h"
#include "ui/app.h"
#include "ui/date.h"
#include "ui/draw.h"
#include "ui/keys.h"

struct cb_db *
ui_app_db(struct ui_app *app)
{
	return app->cli->db;
}

int64_t
ui_app_now(struct ui_app *app)
{
	(void)app;
	return cb_clock_now_ms();
}

const struct cb_config *
ui_app_config(struct ui_app *app)
{
	return &app->cli->cfg;
}

const char *
ui_app_config_path(struct ui_app *app)
{
	return app->cli->config_path;
}

bool
ui_app_reload_config(struct ui_app *app)
{
	struct cb_config fresh;
	char err[512];
	cb_status st;

	if (!app->cli->config_path)
		return false;
	if ((st = cb_config_defaults(&fresh)) == CB_OK)
		st = cb_config_load(&fresh, app->cli->config_path, true, err, sizeof err);
	if (st != CB_OK) {
		if (st == CB_NOMEM)
			ui_app_error(app, "%s", cb_status_message(st));
		else
			ui_app_error(app, "%s", err);
		cb_config_free(&fresh);
		return false;
	}
	/* only what a screen sets changes under the running screens: the
	 * key bindings and the holidays were read at start */
	char *sync_dir = fresh.sync_dir, *name = fresh.workshop_name, *path = fresh.path;
	fresh.sync_dir = app->cli->cfg.sync_dir;
	fresh.workshop_name = app->cli->cfg.workshop_name;
	fresh.path = app->cli->cfg.path;
	app->cli->cfg.sync_dir = sync_dir;
	app->cli->cfg.workshop_name = name;
	app->cli->cfg.path = path;
	cb_config_free(&fresh);
	return true;
}

const struct cb_holidays *
ui_app_holidays(struct ui_app *app)
{
	return &app->holidays;
}

int32_t
ui_app_today(struct ui_app *app)
{
	(void)app;
	return cb_date_today();
}

static void switch_to(struct ui_app *app, size_t i);

bool
ui_app_show(struct ui_app *app, const char *name, const struct ui_target *target)
{
	for (size_t i = 0; i < ui_nscreens; i++) {
		if (strcmp(ui_screens[i]->name, name) != 0)
			continue;
		switch_to(app, i);
		app->help = false;
		if (ui_screens[i]->show)
			ui_screens[i]->show(app->states[i], app, target);
		return true;
	}
	return false;
}

void
ui_app_undo_note(struct ui_app *app, const char *fmt, ...)
{
	char note[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(note, sizeof note, fmt, ap);
	va_end(ap);
	/* out of memory: undo says "Undone." alone */
	(void)cb_undo_note(app->cli->db, app->key_mark, note);
}

const struct ui_keymap *
ui_app_keymap(struct ui_app *app)
{
	return app->km;
}

int
ui_app_scope(struct ui_app *app)
{
	return (int)app->cur + 2;
}

struct ui_rect
ui_app_area(struct ui_app *app)
{
	(void)app;
	return (struct ui_rect){1, 0, LINES - 3, COLS};
}

static void
vmessage(struct ui_app *app, enum ui_role role, const char *fmt, va_list ap)
{
	vsnprintf(app->message, sizeof app->message, fmt, ap);
	app->message_role = role;
}

void
ui_app_message(struct ui_app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(app, UI_ROLE_INFO, fmt, ap);
	va_end(ap);
}

void
ui_app_error(struct ui_app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(app, UI_ROLE_ERROR, fmt, ap);
	va_end(ap);
}

static void
count_pending(struct ui_app *app)
{
	if (cb_oplog_pending(app->cli->db, &app->pending) != CB_OK)
		app->pending = -1;
}

bool
ui_app_start(struct ui_app *app, struct cli *cli, struct ui_keymap *km)
{
	memset(app, 0, sizeof *app);
	app->cli = cli;
	app->km = km;
	cb_holidays_from_config(&cli->cfg, &app->holidays);
	for (size_t i = 0; i < ui_nscreens && i < UI_MAX_SCREENS; i++) {
		if (!(app->states[i] = ui_screens[i]->open(app))) {
			ui_app_stop(app);
			return false;
		}
	}
	for (size_t i = 0; i < ui_nscreens && i < UI_MAX_SCREENS; i++) {
		const struct ui_target start = {.kind = UI_TARGET_START};
		if (ui_screens[i]->show && ui_screens[i]->show(app->states[i], app, &start)) {
			app->cur = i;
			break;
		}
	}
	count_pending(app);
	if (cb_db_data_version(cli->db, &app->data_version) != CB_OK)
		app->data_version = -1;
	app->undo_mark = app->key_mark = cb_undo_mark(cli->db);
	return true;
}

void
ui_app_stop(struct ui_app *app)
{
	for (size_t i = 0; i < ui_nscreens && i < UI_MAX_SCREENS; i++)
		if (app->states[i])
			ui_screens[i]->close(app->states[i]);
	memset(app->states, 0, sizeof app->states);
}

/* --- drawing ------------------------------------------------------------ */

/* " 3 Venues " (with full, or for the current tab), else " 3 ". */
static void
tab_label(struct ui_app *app, size_t i, bool full, char *buf, size_t len)
{
	if (full || (i == app->cur && !app->help))
		snprintf(buf, len, " %zu %s ", i + 1, _(ui_screens[i]->title));
	else
		snprintf(buf, len, " %zu ", i + 1);
}

static void
draw_tabs(struct ui_app *app)
{
	char now[96], date[64], label[96];
	struct ui_date d;
	int64_t ms = cb_clock_now_ms();
	int x = 0, right;

	bool full = true, name = true;
	int titles = 0;

	ui_draw_text(0, 0, COLS, "", UI_ROLE_TABBAR);
	/* every title with the program's name; else every title; else the
	 * other tabs show their number only */
	for (size_t i = 0; i < ui_nscreens; i++)
		titles += cb_utf8_width(_(ui_screens[i]->title)) + 4 + 1 + (i >= 9);
	if (11 + titles > COLS)
		name = titles + 1 <= COLS ? false : true;
	full = (name ? 11 : 1) + titles <= COLS;
	if (name)
		x += ui_draw_str(0, 1, COLS - 1, "cambouis", UI_ROLE_TABBAR) + 2;
	else
		x = 1;
	{
		/* more tabs than the line holds even with numbers alone: the
		 * bar scrolls so the current one shows, ‹ and › say more */
		int widths[UI_MAX_SCREENS], sum = 0;
		size_t first = 0, n = ui_nscreens < UI_MAX_SCREENS ? ui_nscreens : UI_MAX_SCREENS;
		for (size_t i = 0; i < n; i++) {
			tab_label(app, i, full, label, sizeof label);
			sum += widths[i] = cb_utf8_width(label) + 1;
		}
		if (x + sum > COLS) {
			first = ui_tabs_first(widths, n, app->cur, COLS - x - 2);
			if (first > 0)
				x += ui_draw_str(0, x, COLS - x, "‹", UI_ROLE_TABBAR);
		}
		for (size_t i = first; i < n; i++) {
			bool cur = i == app->cur && !app->help;
			if (i > first && x + widths[i] > COLS - 1 && x + sum > COLS) {
				ui_draw_str(0, x, COLS - x, "›", UI_ROLE_TABBAR);
				x++;
				break;
			}
			tab_label(app, i, full, label, sizeof label);
			x += ui_draw_str(0, x, COLS - x, label, cur ? UI_ROLE_TAB_ACTIVE : UI_ROLE_TABBAR);
			x += 1;
		}
	}
	ui_date_of(ms, &d);
	ui_date_long(&d, date, sizeof date);
	{
		time_t t = (time_t)(ms / 1000);
		struct tm tm;
		char hm[16] = "";
		if (localtime_r(&t, &tm))
			snprintf(hm, sizeof hm, "%02d:%02d", tm.tm_hour, tm.tm_min);
		/* the date and time, else the date alone, else the time: what fits */
		for (int k = 0; k < 3; k++) {
			if (k == 0)
				snprintf(now, sizeof now, "%s  %s ", date, hm);
			else
				snprintf(now, sizeof now, "%s ", k == 1 ? date : hm);
			right = COLS - cb_utf8_width(now);
			if (right > x) {
				ui_draw_str(0, right, COLS - right, now, UI_ROLE_TABBAR);
				break;
			}
		}
	}
}

/* The database path with the home directory as "~". */
static void
short_path(const char *path, char *buf, size_t len)
{
	const char *home = getenv("HOME");
	size_t n = home ? strlen(home) : 0;

	if (n > 1 && strncmp(path, home, n) == 0 && path[n] == '/')
		snprintf(buf, len, "~%s", path + n);
	else
		snprintf(buf, len, "%s", path);
}

static void
draw_status(struct ui_app *app)
{
	char left[1024], path[900], right[128];
	int y = LINES - 2, rw;

	short_path(app->cli->db_path, path, sizeof path);
	snprintf(left, sizeof left, " %s · %s", app->cli->cfg.workshop_name, path);
	if (app->cli->db && cb_db_is_readonly(app->cli->db))
		snprintf(right, sizeof right, "%s ", _("READ-ONLY · changes refused"));
	else if (app->cli->db && cb_db_is_demo(app->cli->db))
		snprintf(right, sizeof right, "%s ", _("DEMO · not synced"));
	else if (app->pending < 0)
		snprintf(right, sizeof right, "%s ", _("sync: unknown"));
	else if (app->pending == 0)
		snprintf(right, sizeof right, "%s ", _("nothing to sync"));
	else
		snprintf(right, sizeof right,
			 ngettext_("%lld change to sync ", "%lld changes to sync ", app->pending),
			 (long long)app->pending);
	rw = cb_utf8_width(right);
	ui_draw_text(y, 0, COLS, left, UI_ROLE_STATUS);
	if (rw < COLS / 2) {
		ui_draw_text(y, COLS - rw - 1, rw + 1, "", UI_ROLE_STATUS);
		ui_draw_str(y, COLS - rw, rw, right, UI_ROLE_STATUS);
	}
}

static void
draw_hints(struct ui_app *app)
{
	enum ui_action acts[12];
	size_t n = 0;
	int x = 0, y = LINES - 1;
	void *st = app->states[app->cur];
	bool text = ui_screens[app->cur]->text_input(st);

	if (app->message[0]) {
		ui_draw_text(y, 0, COLS, app->message, app->message_role);
		return;
	}
	if (app->help) {
		acts[n++] = UI_A_BACK;
		acts[n++] = UI_A_DOWN;
		acts[n++] = UI_A_UP;
	} else {
		n = ui_screens[app->cur]->hints(st, acts, 9);
		if (!text) {
			acts[n++] = UI_A_HELP;
			acts[n++] = UI_A_QUIT;
		}
	}
	for (size_t i = 0; i < n && x < COLS; i++) {
		char keys[64], *comma;
		ui_keymap_keys(app->km, text ? UI_SCOPE_FORM : ui_app_scope(app), acts[i], keys,
			       sizeof keys);
		if (!keys[0])
			continue;
		if ((comma = strchr(keys, ',')))
			*comma = '\0'; /* the first key is enough here */
		/* a hint that does not fit whole is left out, never cut */
		const char *label = _(ui_action_info(acts[i])->label);
		if (x + cb_utf8_width(keys) + 1 + cb_utf8_width(label) > COLS)
			continue;
		x += ui_draw_str(y, x, COLS - x, keys, UI_ROLE_KEY);
		x += ui_draw_str(y, x, COLS - x, " ", UI_ROLE_NORMAL);
		x += ui_draw_str(y, x, COLS - x, label, UI_ROLE_NORMAL);
		if (x + 2 <= COLS) /* a cut separator would show as "…" */
			x += ui_draw_str(y, x, COLS - x, "  ", UI_ROLE_NORMAL);
	}
}

/* The help lines, generated from the action table and the key map. */
static size_t
help_lines(struct ui_app *app, char ***out)
{
	char **lines = calloc(UI_A_COUNT + UI_G_COUNT * 2 + 4, sizeof *lines);
	size_t n = 0;

	*out = lines;
	if (!lines)
		return 0;
	for (int g = 0; g < UI_G_COUNT; g++) {
		int scope = g == UI_G_FORM ? UI_SCOPE_FORM : ui_app_scope(app);
		size_t head = n;
		if (n)
			lines[n++] = strdup("");
		if (asprintf(&lines[n], "\x01%s", ui_group_title((enum ui_group)g)) < 0)
			lines[n] = NULL;
		n++;
		for (int a = 1; a < UI_A_COUNT; a++) {
			const struct ui_action_info *info = ui_action_info((enum ui_action)a);
			char keys[96], *cell;
			if ((int)info->group != g)
				continue;
			if (ui_action_screen((enum ui_action)a) >= 0 &&
			    (size_t)ui_action_screen((enum ui_action)a) >= ui_nscreens)
				continue;
			/* another screen's own action has no key here: left out */
			if (ui_keymap_keys(app->km, scope, (enum ui_action)a, keys, sizeof keys) == 0 &&
			    (g == UI_G_CALENDAR || g == UI_G_PEOPLE || a == UI_A_ADD_CLOSURE || a == UI_A_REMOVE_CLOSURE ||
			     a == UI_A_SYNC_NOW || a == UI_A_SYNC_FOLDER || a == UI_A_KEEP_CURRENT ||
			     a == UI_A_KEEP_OTHER))
				continue;
			ui_draw_keys_of(app->km, scope, (enum ui_action)a, keys, sizeof keys);
			cell = ui_text_cell(keys, 18, UI_ALIGN_LEFT);
			if (!cell || asprintf(&lines[n], "  %s  %s", cell, _(info->help)) < 0)
				lines[n] = NULL;
			free(cell);
			n++;
		}
		/* a group with nothing for this screen shows no title either */
		if (n == head + 1 + (head > 0)) {
			while (n > head)
				free(lines[--n]);
			lines[n] = NULL;
		}
	}
	return n;
}

static void
draw_help(struct ui_app *app, const struct ui_rect *area)
{
	char **lines, title[160];
	size_t n = help_lines(app, &lines), top;
	int rows = area->h - 2;

	snprintf(title, sizeof title, _("Keys — %s"), _(ui_screens[app->cur]->title));
	ui_draw_text(area->y, 0, COLS, "", UI_ROLE_NORMAL);
	ui_draw_str(area->y, 1, COLS - 2, title, UI_ROLE_TITLE);
	if (rows < 1)
		rows = 1;
	top = app->help_top;
	if (n > (size_t)rows && top > n - (size_t)rows)
		top = n - (size_t)rows;
	if (n <= (size_t)rows)
		top = 0;
	for (int i = 0; i < rows && top + (size_t)i < n; i++) {
		const char *s = lines[top + (size_t)i];
		if (!s)
			continue;
		if (s[0] == '\x01')
			ui_draw_text(area->y + 2 + i, 1, COLS - 2, s + 1, UI_ROLE_HEADER);
		else
			ui_draw_text(area->y + 2 + i, 1, COLS - 2, s, UI_ROLE_NORMAL);
	}
	if (n > (size_t)rows) {
		char pos[48];
		snprintf(pos, sizeof pos, "%zu–%zu/%zu",
			 top + 1, top + (size_t)rows < n ? top + (size_t)rows : n, n);
		ui_draw_str(area->y, COLS - cb_utf8_width(pos) - 1, cb_utf8_width(pos), pos, UI_ROLE_DIM);
	}
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

static void
draw_too_small(void)
{
	char msg[160], size[64];
	int y = LINES / 2 - 1;

	snprintf(msg, sizeof msg, "%s", _("Terminal too small"));
	/* TRANSLATORS: sizes in columns x rows */
	snprintf(size, sizeof size, _("%d×%d, needs at least %d×%d"), COLS, LINES, UI_MIN_COLS,
		 UI_MIN_ROWS);
	if (y < 0)
		y = 0;
	ui_draw_str(y, (COLS - cb_utf8_width(msg)) / 2 > 0 ? (COLS - cb_utf8_width(msg)) / 2 : 0,
		    COLS, msg, UI_ROLE_ERROR);
	if (y + 1 < LINES)
		ui_draw_str(y + 1, (COLS - cb_utf8_width(size)) / 2 > 0 ? (COLS - cb_utf8_width(size)) / 2 : 0,
			    COLS, size, UI_ROLE_NORMAL);
}

static bool
too_small(void)
{
	return COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS;
}

void
ui_app_draw(struct ui_app *app)
{
	struct ui_rect area = ui_app_area(app);

	ui_term_begin_frame();
	if (too_small()) {
		draw_too_small();
	} else {
		draw_tabs(app);
		if (app->help)
			draw_help(app, &area);
		else
			ui_screens[app->cur]->draw(app->states[app->cur], app, &area);
		draw_status(app);
		draw_hints(app);
	}
	ui_term_end_frame();
}

/* --- keys --------------------------------------------------------------- */

static void
switch_to(struct ui_app *app, size_t i)
{
	if (i >= ui_nscreens)
		return;
	app->cur = i;
	if (app->stale[i] && ui_screens[i]->reload)
		ui_screens[i]->reload(app->states[i], app);
	app->stale[i] = false;
}

static void
help_key(struct ui_app *app, enum ui_action a)
{
	struct ui_rect area = ui_app_area(app);
	size_t page = area.h > 4 ? (size_t)area.h - 3 : 1;

	switch (a) {
	case UI_A_UP: app->help_top -= app->help_top > 0; break;
	case UI_A_DOWN: app->help_top++; break;
	case UI_A_PAGE_UP: app->help_top = app->help_top > page ? app->help_top - page : 0; break;
	case UI_A_PAGE_DOWN: app->help_top += page; break;
	case UI_A_FIRST: app->help_top = 0; break;
	case UI_A_LAST: app->help_top = UI_A_COUNT; break;
	case UI_A_QUIT: app->quit = true; break;
	case UI_A_NONE: break;
	default: app->help = false; break;
	}
	/* keep help_top within the lines (draw clamps; this keeps Up quick) */
	if (app->help_top > UI_A_COUNT)
		app->help_top = UI_A_COUNT;
	{
		char **lines;
		size_t n = help_lines(app, &lines), rows = area.h > 2 ? (size_t)area.h - 2 : 1;
		if (app->help_top + rows > n)
			app->help_top = n > rows ? n - rows : 0;
		for (size_t i = 0; i < n; i++)
			free(lines[i]);
		free(lines);
	}
}

/* A change made on one screen: the others read their data again when they
 * are next shown, not on this key press (People alone reads thousands of
 * rows). */
static void
reload_others(struct ui_app *app)
{
	count_pending(app);
	for (size_t i = 0; i < ui_nscreens; i++)
		if (i != app->cur)
			app->stale[i] = true;
}

bool
ui_app_idle(struct ui_app *app)
{
	const struct ui_screen_ops *ops = ui_screens[app->cur];
	int64_t v;

	/* not under a form or a prompt being typed: the next idle tick after
	 * it closes reads the change */
	if (app->help || (ops->text_input && ops->text_input(app->states[app->cur])))
		return false;
	if (cb_db_data_version(app->cli->db, &v) != CB_OK || v == app->data_version)
		return false;
	app->data_version = v;
	reload_others(app);
	if (ui_screens[app->cur]->reload)
		ui_screens[app->cur]->reload(app->states[app->cur], app);
	return true;
}

/* u: the last action of this session, whichever screen made it. The
 * screens read their data again and the current one shows the row. */
static void
undo(struct ui_app *app)
{
	const struct ui_screen_ops *ops = ui_screens[app->cur];
	struct cb_undo_info info;
	struct ui_target t = {.kind = UI_TARGET_ROW};
	cb_status st = cb_undo_last(app->cli->db, app->undo_mark, &info);

	if (st == CB_NOT_FOUND) {
		ui_app_error(app, "%s", _("Nothing to undo."));
		return;
	}
	if (st != CB_OK) {
		ui_app_error(app, _("Cannot undo: %s"), cb_status_message(st));
		return;
	}
	reload_others(app);
	if (ops->reload)
		ops->reload(app->states[app->cur], app);
	t.table = info.table;
	t.row = info.row;
	if (ops->show)
		ops->show(app->states[app->cur], app, &t);
	if (info.kept)
		ui_app_message(app, ngettext_("%s (%zu field kept: changed since on another laptop.)",
					      "%s (%zu fields kept: changed since on another laptop.)",
					      info.kept),
			       info.note ? info.note : _("Undone."), info.kept);
	else
		ui_app_message(app, "%s", info.note ? info.note : _("Undone."));
	cb_undo_info_clear(&info);
}

void
ui_app_key(struct ui_app *app, int key)
{
	const struct ui_screen_ops *ops = ui_screens[app->cur];
	void *st = app->states[app->cur];
	enum ui_action a;
	unsigned r;

	if (key == UI_KEY_RESIZE)
		return; /* draw() lays everything out again */
	/* Keys work as usual while the terminal is too small to draw in:
	 * nothing here depends on its size, and what was typed must not be
	 * lost (keys typed before a resize may be read after it). */
	app->message[0] = '\0';
	app->key_mark = cb_undo_mark(app->cli->db);
	if (app->help) {
		help_key(app, ui_keymap_lookup(app->km, ui_app_scope(app), key));
		return;
	}
	if (ops->text_input(st)) {
		a = ui_keymap_lookup(app->km, UI_SCOPE_FORM, key);
		r = ops->handle(st, app, a, key);
	} else {
		a = ui_keymap_lookup(app->km, ui_app_scope(app), key);
		switch (a) {
		case UI_A_QUIT: app->quit = true; return;
		case UI_A_HELP: app->help = true; app->help_top = 0; return;
		case UI_A_NEXT_SCREEN: switch_to(app, (app->cur + 1) % ui_nscreens); return;
		case UI_A_PREV_SCREEN: switch_to(app, (app->cur + ui_nscreens - 1) % ui_nscreens); return;
		case UI_A_REDRAW:
			if (!ui_term_headless())
				clearok(curscr, TRUE);
			return;
		default:
			break;
		}
		if (ui_action_screen(a) >= 0) {
			switch_to(app, (size_t)ui_action_screen(a));
			return;
		}
		r = ops->handle(st, app, a, key);
		if ((r & UI_R_UNHANDLED) && a == UI_A_BACK && key != UI_KEY_ESC)
			app->quit = true; /* q on a screen's top level leaves */
		if ((r & UI_R_UNHANDLED) && a == UI_A_UNDO) {
			undo(app);
			return;
		}
	}
	if (r & UI_R_DATA)
		reload_others(app);
}
