/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Calendar screen: a month grid beside the agenda of the sessions,
 * and the card of one session. The forms and changes are in
 * calendar-edit.c. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/i18n.h"
#include "cambouis/schema.h"
#include "cambouis/text.h"
#include "ui/calendar.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/organise.h"
#include "ui/ppldraw.h"

/* The month grid: 7 days of 3 columns ("dd" and a mark). */
#define GRID_W 21
#define LEFT_W (GRID_W + 3)
/* Below this the agenda alone fills the screen. */
#define WIDE_MIN_W 72
#define WIDE_MIN_H 14
#define AGENDA_GAP 1

static bool
wide(const struct ui_rect *a)
{
	return a->w >= WIDE_MIN_W && a->h >= WIDE_MIN_H;
}

static void
load_month(struct calendar *c, struct ui_app *app)
{
	int y, m, d;
	cb_status st;

	cb_civil_from_days(c->cursor, &y, &m, &d);
	ui_month_layout(y, m, &c->month);
	st = cb_calendar_month(ui_app_db(app), ui_app_holidays(app), y, m, ui_app_today(app),
			       c->marks);
	if (st != CB_OK)
		ui_app_error(app, _("Cannot read the calendar: %s"), cb_status_message(st));
}

static void
set_cursor(struct calendar *c, struct ui_app *app, int32_t day)
{
	int y, m, d;

	/* the calendar stops at the ends of the supported range */
	day = ui_day_clamp(day);
	c->cursor = day;
	cb_civil_from_days(day, &y, &m, &d);
	if (y != c->month.y || m != c->month.m)
		load_month(c, app);
	c->sel = ui_agenda_at(&c->ag, day);
}

const struct ui_agenda_row *
cal_current(const struct calendar *c)
{
	if (c->sel < c->ag.n && c->ag.rows[c->sel].day == c->cursor)
		return &c->ag.rows[c->sel];
	return NULL;
}

void
cal_select(struct calendar *c, const struct cb_id *id)
{
	size_t i = ui_agenda_find(&c->ag, id);

	if (i < c->ag.n) {
		c->cursor = c->ag.rows[i].day;
		c->sel = i;
	}
}

void
cal_reload(struct calendar *c, struct ui_app *app)
{
	struct cb_db *db = ui_app_db(app);
	const struct ui_agenda_row *cur = cal_current(c);
	struct cb_id keep;
	bool had = cur != NULL;
	cb_status st;

	if (had)
		keep = cur->id;
	cb_session_list_free(&c->sessions);
	cb_conflict_list_free(&c->conflicts);
	ui_agenda_free(&c->ag);
	cb_venue_list_free(&c->venues);
	if ((st = cb_sessions_between(db, NULL, NULL, &c->sessions)) != CB_OK ||
	    (st = cb_calendar_conflicts(db, ui_app_holidays(app), NULL, NULL, &c->conflicts)) != CB_OK ||
	    (st = cb_venue_list(db, &c->venues)) != CB_OK)
		ui_app_error(app, _("Cannot read the calendar: %s"), cb_status_message(st));
	if (!ui_agenda_build(&c->ag, &c->sessions, &c->conflicts))
		ui_app_error(app, "%s", cb_status_message(CB_NOMEM));
	load_month(c, app);
	c->sel = ui_agenda_at(&c->ag, c->cursor);
	/* the same session stays selected when two share the day */
	if (had) {
		size_t i = ui_agenda_find(&c->ag, &keep);
		if (i < c->ag.n && c->ag.rows[i].day == c->cursor)
			c->sel = i;
	}
	if (c->card && ui_agenda_find(&c->ag, &c->card_id) == c->ag.n)
		c->card = false;
}

static const struct ui_search_ops agenda_search;

static void *
cal_open(struct ui_app *app)
{
	struct calendar *c = calloc(1, sizeof *c);

	if (!c)
		return NULL;
	if (!ui_search_init(&c->search, &agenda_search, c, N_("No session matches “%s”."))) {
		ui_search_free(&c->search);
		free(c);
		return NULL;
	}
	c->cursor = ui_app_today(app);
	cal_reload(c, app);
	return c;
}

static void
cal_close(void *st)
{
	struct calendar *c = st;

	cal_close_dialogs(c);
	cb_session_list_free(&c->sessions);
	cb_conflict_list_free(&c->conflicts);
	cb_venue_list_free(&c->venues);
	ui_agenda_free(&c->ag);
	ui_search_free(&c->search);
	free(c);
}

static void
cal_reload_op(void *st, struct ui_app *app)
{
	cal_reload(st, app);
}

/* --- search ------------------------------------------------------------- */

static bool
row_matches(const struct ui_agenda_row *r, const char *folded_query)
{
	const char *cells[] = {r->date, r->venue, r->status, r->times};
	bool hit = false;

	for (size_t i = 0; i < sizeof cells / sizeof cells[0] && !hit; i++) {
		char *f = ui_text_fold(cells[i]);
		hit = f && strstr(f, folded_query) != NULL;
		free(f);
	}
	return hit;
}

/* Put the cursor on the next (dir > 0) or previous session matching
 * text, from row from (included when inclusive), wrapping. */
static bool
search_rows(struct calendar *c, struct ui_app *app, const char *text, size_t from, int dir,
	    bool inclusive)
{
	char *q = ui_text_fold(text);
	size_t n = c->ag.n;
	bool found = false;

	if (!q || n == 0) {
		free(q);
		return false;
	}
	if (from > n)
		from = n;
	for (size_t step = inclusive ? 0 : 1; step < n + !inclusive && !found; step++) {
		size_t i = dir > 0 ? (from + step) % n : (from + n - step % n) % n;
		if (row_matches(&c->ag.rows[i], q)) {
			set_cursor(c, app, c->ag.rows[i].day);
			c->sel = i;
			found = true;
		}
	}
	free(q);
	return found;
}

static bool
agenda_find(void *ctx, struct ui_app *app, const char *text, int dir, bool include_current)
{
	struct calendar *c = ctx;

	return search_rows(c, app, text, c->sel, dir, include_current);
}

static void
agenda_mark(void *ctx)
{
	struct calendar *c = ctx;

	c->search_origin = c->cursor;
}

static void
agenda_back(void *ctx, struct ui_app *app)
{
	struct calendar *c = ctx;

	set_cursor(c, app, c->search_origin);
}

static const struct ui_search_ops agenda_search = {agenda_find, agenda_mark, agenda_back};

/* --- moving around ------------------------------------------------------ */

static void
go_row(struct calendar *c, struct ui_app *app, long i)
{
	if (c->ag.n == 0) {
		ui_app_error(app, "%s", _("No sessions yet."));
		return;
	}
	if (i < 0 || (size_t)i >= c->ag.n) {
		ui_app_error(app, "%s", i < 0 ? _("No session before this one.")
					     : _("No session after this one."));
		return;
	}
	set_cursor(c, app, c->ag.rows[i].day);
	c->sel = (size_t)i;
}

static void
next_session(struct calendar *c, struct ui_app *app, int dir)
{
	if (dir > 0)
		go_row(c, app, cal_current(c) ? (long)c->sel + 1 : (long)c->sel);
	else
		go_row(c, app, (long)c->sel - 1);
}

static void
open_card(struct calendar *c, struct ui_app *app)
{
	const struct ui_agenda_row *r = cal_current(c);
	char keys[64];

	if (!r) {
		ui_draw_keys_of(ui_app_keymap(app), ui_app_scope(app), UI_A_NEXT_SESSION, keys,
				sizeof keys);
		ui_app_error(app, _("No session on this day (%s: next session)."), keys);
		return;
	}
	c->card = true;
	c->card_id = r->id;
}

static unsigned
cal_handle(void *st, struct ui_app *app, enum ui_action a, int key)
{
	struct calendar *c = st;
	struct ui_rect area = ui_app_area(app);
	bool w = wide(&area);

	switch (c->mode) {
	case CM_FORM: return cal_form_key(c, app, a, key);
	case CM_PICKER: return cal_picker_key(c, app, a, key);
	case CM_CONFIRM: return cal_confirm_key(c, app, a, key);
	case CM_CHECKIN: return cal_checkin_key(c, app, a, key);
	case CM_VIEW: break;
	}
	if (c->search.active)
		return ui_search_key(&c->search, app, a, key);
	switch (a) {
	case UI_A_UP:
		if (w)
			set_cursor(c, app, c->cursor - 7);
		else
			next_session(c, app, -1);
		break;
	case UI_A_DOWN:
		if (w)
			set_cursor(c, app, c->cursor + 7);
		else
			next_session(c, app, 1);
		break;
	case UI_A_PREV_DAY: set_cursor(c, app, c->cursor - 1); break;
	case UI_A_NEXT_DAY: set_cursor(c, app, c->cursor + 1); break;
	case UI_A_PAGE_UP:
	case UI_A_PREV_MONTH: set_cursor(c, app, ui_month_shift(c->cursor, -1)); break;
	case UI_A_PAGE_DOWN:
	case UI_A_NEXT_MONTH: set_cursor(c, app, ui_month_shift(c->cursor, 1)); break;
	case UI_A_TODAY: set_cursor(c, app, ui_app_today(app)); break;
	case UI_A_FIRST: go_row(c, app, 0); break;
	case UI_A_LAST: go_row(c, app, (long)c->ag.n - 1); break;
	case UI_A_PREV_SESSION: next_session(c, app, -1); break;
	case UI_A_NEXT_SESSION: next_session(c, app, 1); break;
	case UI_A_OPEN: open_card(c, app); break;
	case UI_A_BACK:
		if (!c->card)
			return UI_R_UNHANDLED;
		c->card = false;
		break;
	case UI_A_ADD: cal_open_series_form(c, app); break;
	case UI_A_EDIT:
	case UI_A_MOVE_SESSION: cal_open_move(c, app); break;
	case UI_A_CANCEL_SESSION: cal_ask_cancel(c, app); break;
	case UI_A_CHECKIN: cal_open_checkin(c, app); break;
	case UI_A_EXPORT_ICAL:
		if (ui_organise_ical_form(&c->form, app)) {
			c->form_kind = CF_ICAL;
			c->mode = CM_FORM;
		}
		break;
	case UI_A_NEXT_VENUE: return cal_next_venue(c, app);
	case UI_A_MARK_HELD: return cal_set_status(c, app, CB_SESSION_HELD);
	case UI_A_RESTORE: return cal_set_status(c, app, CB_SESSION_PLANNED);
	case UI_A_SEARCH: ui_search_start(&c->search); break;
	case UI_A_SEARCH_NEXT: return ui_search_again(&c->search, app, 1);
	case UI_A_SEARCH_PREV: return ui_search_again(&c->search, app, -1);
	default: return UI_R_UNHANDLED;
	}
	/* a card follows the cursor only while it stays on the session */
	if (c->card && (!cal_current(c) || cb_id_cmp(&cal_current(c)->id, &c->card_id) != 0) &&
	    c->mode == CM_VIEW && !c->search.active)
		c->card = cal_current(c) != NULL && (c->card_id = cal_current(c)->id, true);
	return UI_R_DONE;
}

static bool
cal_text_input(void *st)
{
	struct calendar *c = st;

	return c->mode != CM_VIEW || c->search.active;
}

static size_t
cal_hints(void *st, enum ui_action *out, size_t max)
{
	/* what fits in 80 columns beside help and quit; the rest is in the help */
	static const enum ui_action view[] = {UI_A_OPEN, UI_A_ADD, UI_A_CANCEL_SESSION,
					      UI_A_MOVE_SESSION, UI_A_NEXT_SESSION};
	static const enum ui_action card[] = {UI_A_CANCEL_SESSION, UI_A_MOVE_SESSION,
					      UI_A_NEXT_VENUE, UI_A_MARK_HELD, UI_A_RESTORE,
					      UI_A_BACK};
	static const enum ui_action form[] = {UI_A_FIELD_NEXT, UI_A_SAVE, UI_A_CANCEL};
	static const enum ui_action prompt[] = {UI_A_ACCEPT, UI_A_CANCEL};
	struct calendar *c = st;
	const enum ui_action *src;
	size_t n;

	switch (c->mode) {
	case CM_VIEW:
		if (c->search.active) {
			src = prompt;
			n = 2;
			break;
		}
		src = c->card ? card : view;
		n = c->card ? sizeof card / sizeof *card : sizeof view / sizeof *view;
		break;
	case CM_FORM: src = form; n = 3; break;
	case CM_CONFIRM: src = form; n = 0; break;
	default: src = prompt; n = 2; break;
	}
	if (n > max)
		n = max;
	memcpy(out, src, n * sizeof *out);
	return n;
}

/* --- drawing ------------------------------------------------------------ */

static enum ui_role
day_role(unsigned marks, bool cursor)
{
	if (cursor)
		return UI_ROLE_SELECTED;
	if (marks & CB_MARK_TODAY)
		return UI_ROLE_CAL_TODAY;
	if (marks & CB_MARK_PUBLIC)
		return UI_ROLE_CAL_PUBLIC;
	if (marks & CB_MARK_SCHOOL)
		return UI_ROLE_CAL_SCHOOL;
	if (marks & CB_MARK_SESSION)
		return UI_ROLE_CAL_SESSION;
	if (marks & CB_MARK_CANCELLED)
		return UI_ROLE_CAL_CANCELLED;
	return UI_ROLE_NORMAL;
}

static void
draw_grid(const struct calendar *c, int y, int x)
{
	char title[96], wd[16];
	int tw;

	ui_month_title(c->month.y, c->month.m, title, sizeof title);
	tw = cb_utf8_width(title);
	ui_draw_str(y, x + (GRID_W - tw) / 2 > x ? x + (GRID_W - tw) / 2 : x, GRID_W, title,
		    UI_ROLE_TITLE);
	for (int col = 0; col < 7; col++) {
		ui_weekday_short(col, wd, sizeof wd);
		ui_draw_str(y + 1, x + col * 3, 2, wd, col >= 5 ? UI_ROLE_DIM : UI_ROLE_HEADER);
	}
	for (int row = 0; row < c->month.weeks; row++) {
		for (int col = 0; col < 7; col++) {
			int32_t day = ui_month_cell(&c->month, row, col);
			unsigned mk;
			char num[16];
			enum ui_role role;
			if (!ui_month_in(&c->month, row, col))
				continue;
			mk = c->marks[day - c->month.day1];
			role = day_role(mk, day == c->cursor);
			snprintf(num, sizeof num, "%2d", (int)(day - c->month.day1) + 1);
			ui_draw_str(y + 2 + row, x + col * 3, 2, num, role);
			ui_draw_str(y + 2 + row, x + col * 3 + 2, 1, ui_month_mark(mk),
				    mk & CB_MARK_CONFLICT ? UI_ROLE_CAL_CONFLICT
				    : mk & (CB_MARK_SESSION | CB_MARK_CANCELLED) ? day_role(mk, false)
				    : UI_ROLE_NORMAL);
		}
	}
}

/* What the cursor's day is: its date, a holiday, its sessions. */
static int
draw_day(const struct calendar *c, struct ui_app *app, int y, int x, int w, int rows)
{
	char line[256], date[64];
	const char *name = NULL;
	size_t first, n = ui_agenda_on(&c->ag, c->cursor, &first);
	int used = 0;

	ui_day_long(c->cursor, date, sizeof date);
	ui_draw_text(y + used++, x, w, date, UI_ROLE_TITLE);
	switch (cb_holiday_on(ui_app_holidays(app), c->cursor, &name)) {
	case CB_HOLIDAY_PUBLIC:
		ui_draw_text(y + used++, x, w, _(name), UI_ROLE_CAL_PUBLIC);
		break;
	case CB_HOLIDAY_SCHOOL:
		snprintf(line, sizeof line, _("School holidays: %s"), name);
		ui_draw_text(y + used++, x, w, line, UI_ROLE_CAL_SCHOOL);
		break;
	default:
		break;
	}
	for (size_t i = 0; i < n && used < rows; i++) {
		const struct ui_agenda_row *r = &c->ag.rows[first + i];
		snprintf(line, sizeof line, "%s %s", r->times, r->venue);
		ui_draw_text(y + used++, x, w, line, r->st == CB_SESSION_CANCELLED
			     ? UI_ROLE_CAL_CANCELLED : UI_ROLE_NORMAL);
	}
	if (n == 0 && used < rows)
		ui_draw_text(y + used++, x, w, _("no session"), UI_ROLE_DIM);
	return used;
}

/* The legend: the marks, then a sample day in each shading. */
static void
draw_legend(int y, int x, int w)
{
	static const struct {
		const char *mark;
		enum ui_role role;
		const char *text;
	} rows[] = {
		{"•", UI_ROLE_CAL_SESSION, N_("planned")},
		{"✓", UI_ROLE_CAL_SESSION, N_("held")},
		{"×", UI_ROLE_CAL_CANCELLED, N_("cancelled")},
		{"!", UI_ROLE_CAL_CONFLICT, N_("conflict")},
	};
	static const struct {
		enum ui_role role;
		const char *text;
	} days[] = {
		{UI_ROLE_CAL_TODAY, N_("today")},
		{UI_ROLE_CAL_PUBLIC, N_("public holiday")},
		{UI_ROLE_CAL_SCHOOL, N_("school holidays")},
	};
	int cx = x;

	/* two marks a line when they fit, else one */
	for (size_t i = 0; i < 4; i++) {
		int need = 2 + cb_utf8_width(_(rows[i].text));
		if (cx > x && cx + 1 + need > x + w) {
			y++;
			cx = x;
		} else if (cx > x) {
			cx += 1;
		}
		cx += ui_draw_str(y, cx, x + w - cx, rows[i].mark, rows[i].role);
		cx += ui_draw_str(y, cx, x + w - cx, " ", UI_ROLE_NORMAL);
		cx += ui_draw_str(y, cx, x + w - cx, _(rows[i].text), UI_ROLE_DIM);
	}
	for (size_t i = 0; i < 3; i++) {
		y++;
		ui_draw_str(y, x, 2, "14", days[i].role);
		ui_draw_str(y, x + 3, w - 3, _(days[i].text), UI_ROLE_DIM);
	}
}

static int
status_width(void)
{
	int w = 0;

	for (int s = CB_SESSION_PLANNED; s <= CB_SESSION_CANCELLED; s++) {
		int x = cb_utf8_width(cb_session_status_label((enum cb_session_status)s));
		if (x > w)
			w = x;
	}
	return w;
}

/* One agenda line: mark, date, times, venue, status in widths. */
static void
draw_agenda_line(int y, int x, int w, const int *cw, const char *const *cells,
		 enum ui_role role, enum ui_role mark_role)
{
	int cx = x + 1;

	ui_draw_text(y, x, w, "", role);
	ui_draw_str(y, cx, 1, cells[0], mark_role);
	cx += 2;
	for (int i = 1; i < 5; i++) {
		char *cell = ui_text_cell(cells[i], cw[i], UI_ALIGN_LEFT);
		if (cell) {
			ui_draw_str(y, cx, cw[i], cell, role);
			free(cell);
		}
		cx += cw[i] + AGENDA_GAP;
	}
}

static void
draw_agenda(struct calendar *c, struct ui_app *app, const struct ui_rect *r)
{
	const char *titles[5] = {"", _("Date"), _("Times"), _("Venue"), _("Status")};
	int cw[5], rows = r->h - 1, today = ui_app_today(app);
	const struct ui_agenda_row *cur = cal_current(c);

	cw[0] = 1;
	cw[1] = c->ag.date_width > cb_utf8_width(titles[1]) ? c->ag.date_width
							    : cb_utf8_width(titles[1]);
	if (c->ag.n == 0)
		cw[1] = 15; /* room for a date, so the empty header looks as it will */
	cw[2] = 11;
	cw[4] = status_width();
	cw[3] = r->w - 3 - cw[1] - cw[2] - cw[4] - 3 * AGENDA_GAP - 1;
	if (cw[3] < 6) {
		/* a very narrow agenda: the venue keeps a little room */
		cw[1] = r->w - 3 - cw[2] - cw[4] - 3 * AGENDA_GAP - 1 - 6;
		cw[3] = 6;
	}
	draw_agenda_line(r->y, r->x, r->w, cw, titles, UI_ROLE_HEADER, UI_ROLE_HEADER);
	if (c->ag.n == 0) {
		char keys[64], msg[200];
		ui_draw_keys_of(ui_app_keymap(app), ui_app_scope(app), UI_A_ADD, keys, sizeof keys);
		snprintf(msg, sizeof msg, _("No sessions yet: press %s to plan a series."), keys);
		int mw = cb_utf8_width(msg);
		ui_draw_str(r->y + rows / 2, r->x + (r->w - mw) / 2 > r->x ? r->x + (r->w - mw) / 2
			    : r->x, r->w, msg, UI_ROLE_DIM);
		return;
	}
	if (rows < 1)
		return;
	/* One selection: the cursor's day. On a day without a session, a line
	 * of its own stands where the day falls among the sessions, selected,
	 * so the highlighted line is always what the actions are about. */
	size_t total = c->ag.n + (cur ? 0 : 1), dsel = c->sel;
	/* keep the selection in view, with a little of the past above */
	if (dsel < c->top || dsel >= c->top + (size_t)rows) {
		size_t above = rows > 6 ? 2 : 0;
		c->top = dsel > above ? dsel - above : 0;
	}
	if (c->top + (size_t)rows > total)
		c->top = total > (size_t)rows ? total - (size_t)rows : 0;
	for (int i = 0; i < rows && c->top + (size_t)i < total; i++) {
		size_t k = c->top + (size_t)i;
		if (!cur && k == dsel) {
			char date[64];
			const char *cells[5] = {"›", date, "", _("no session"), ""};
			ui_day_long(c->cursor, date, sizeof date);
			draw_agenda_line(r->y + 1 + i, r->x, r->w, cw, cells, UI_ROLE_SELECTED,
					 UI_ROLE_SELECTED);
			continue;
		}
		const struct ui_agenda_row *row = &c->ag.rows[!cur && k > dsel ? k - 1 : k];
		const char *cells[5] = {row->conflict ? "!" : " ", row->date, row->times,
					row->venue, row->status};
		enum ui_role role = UI_ROLE_NORMAL;
		if (row == cur)
			role = UI_ROLE_SELECTED;
		else if (row->st == CB_SESSION_CANCELLED)
			role = UI_ROLE_CAL_CANCELLED;
		else if (row->day < today)
			role = UI_ROLE_DIM;
		else if (row->day == today)
			role = UI_ROLE_CAL_SESSION;
		if (row == cur && !row->conflict)
			cells[0] = "›";
		draw_agenda_line(r->y + 1 + i, r->x, r->w, cw, cells, role,
				 row->conflict ? UI_ROLE_CAL_CONFLICT : role);
	}
	if (c->ag.n > (size_t)rows) {
		char pos[48];
		snprintf(pos, sizeof pos, " %zu/%zu ", (c->sel < c->ag.n ? c->sel : c->ag.n - 1) + 1,
			 c->ag.n);
		ui_draw_str(r->y, r->x + r->w - cb_utf8_width(pos), cb_utf8_width(pos), pos,
			    UI_ROLE_HEADER);
	}
}

/* --- the card ----------------------------------------------------------- */

static const char *
venue_name(const struct calendar *c, const struct cb_id *id)
{
	for (size_t i = 0; i < c->venues.count; i++)
		if (cb_id_cmp(&c->venues.items[i].id, id) == 0)
			return c->venues.items[i].name;
	return "?";
}

struct card_line {
	const char *label;
	char text[600];
	enum ui_role role;
};

static size_t
card_lines(const struct calendar *c, struct ui_app *app, const struct cb_session *s,
	   struct card_line *l, size_t max)
{
	size_t n = 0;
	struct cb_series se;
	char d1[64];

#define LINE(lab, role_, ...) \
	do { \
		if (n < max) { \
			l[n].label = (lab); \
			l[n].role = (role_); \
			snprintf(l[n].text, sizeof l[n].text, __VA_ARGS__); \
			n++; \
		} \
	} while (0)

	LINE(_("Times"), UI_ROLE_NORMAL, "%s–%s", s->start, s->end);
	LINE(_("Venue"), UI_ROLE_NORMAL, "%s", *s->venue_name ? s->venue_name : "—");
	if (*s->venue_address || *s->venue_commune)
		LINE("", UI_ROLE_NORMAL, "%s%s%s", s->venue_address,
		     *s->venue_address && *s->venue_commune ? ", " : "", s->venue_commune);
	if (s->status == CB_SESSION_CANCELLED && *s->reason)
		LINE(_("Status"), UI_ROLE_CAL_CANCELLED, "%s — %s",
		     cb_session_status_label(s->status), s->reason);
	else
		LINE(_("Status"), s->status == CB_SESSION_CANCELLED ? UI_ROLE_CAL_CANCELLED
				  : UI_ROLE_NORMAL, "%s", cb_session_status_label(s->status));
	if (!cb_id_is_zero(&s->series) && cb_series_get(ui_app_db(app), &s->series, &se) == CB_OK) {
		int32_t first;
		char rot[600] = "";
		size_t used = 0;
		if (cb_date_parse(se.first, &first) == CB_OK)
			ui_day_long(first, d1, sizeof d1);
		else
			snprintf(d1, sizeof d1, "%s", se.first);
		if (se.every_weeks == 1)
			LINE(_("Series"), UI_ROLE_NORMAL, _("every week since %s"), d1);
		else
			LINE(_("Series"), UI_ROLE_NORMAL,
			     ngettext_("every %d week since %s", "every %d weeks since %s",
				       se.every_weeks), se.every_weeks, d1);
		for (size_t i = 0; i < se.nvenues && used < sizeof rot - 1; i++) {
			bool here = cb_id_cmp(&se.venues[i], &s->venue) == 0;
			int w = snprintf(rot + used, sizeof rot - used, "%s%s%s%s", i ? " → " : "",
					 here ? "[" : "", venue_name(c, &se.venues[i]), here ? "]" : "");
			if (w < 0)
				break;
			used += (size_t)w < sizeof rot - used ? (size_t)w : sizeof rot - used - 1;
		}
		LINE(_("Rotation"), UI_ROLE_NORMAL, "%s", rot);
		cb_series_clear(&se);
	} else {
		LINE(_("Series"), UI_ROLE_DIM, "%s", _("a one-off session"));
	}
	{
		bool any = false;
		for (size_t i = 0; i < c->conflicts.count; i++) {
			const struct cb_conflict *k = &c->conflicts.items[i];
			const char *what;
			if (cb_id_cmp(&k->session.id, &s->id) != 0)
				continue;
			what = k->kind == CB_CONFLICT_SAME_DAY ? _("another session that day")
			       : k->kind == CB_CONFLICT_CLOSED ? _("the venue is closed")
			       : k->kind == CB_CONFLICT_SCHOOL ? _("school holidays")
			       : _("public holiday");
			if (k->detail && *k->detail)
				LINE(any ? "" : _("Conflicts"), UI_ROLE_CAL_CONFLICT, _("%s: %s"), what,
				     k->detail);
			else
				LINE(any ? "" : _("Conflicts"), UI_ROLE_CAL_CONFLICT, "%s", what);
			any = true;
		}
	}
	if (*s->notes) {
		LINE(_("Notes"), UI_ROLE_NORMAL, "%s", s->notes);
		for (char *p = l[n - 1].text; *p; p++)
			if (*p == '\n' || *p == '\t')
				*p = ' ';
	}
#undef LINE
	return n;
}

static void
draw_card(const struct calendar *c, struct ui_app *app, const struct ui_rect *area)
{
	struct cb_session s;
	struct card_line lines[16];
	char *pieces[48];
	size_t n, np = 0;
	int lw = 0, h, w, tw, owner[48];
	struct ui_rect box;
	char title[128], date[64];
	int32_t day;

	if (cb_session_get(ui_app_db(app), &c->card_id, &s) != CB_OK)
		return;
	n = card_lines(c, app, &s, lines, sizeof lines / sizeof lines[0]);
	for (size_t i = 0; i < n; i++)
		if (cb_utf8_width(lines[i].label) > lw)
			lw = cb_utf8_width(lines[i].label);
	w = area->w > 78 ? 74 : area->w - 2;
	tw = w - lw - 6;
	/* long values wrap onto the next lines */
	for (size_t i = 0; i < n && np < 48; i++) {
		const char *p = lines[i].text;
		do {
			size_t k = tw > 0 ? ui_wrap_at(p, tw) : strlen(p);
			owner[np] = p == lines[i].text ? (int)i : -(int)i - 1;
			pieces[np++] = strndup(p, k);
			p += k;
		} while (*p && np < 48);
	}
	h = (int)np + 4;
	if (h > area->h)
		h = area->h;
	box.w = w;
	box.h = h;
	box.x = area->x + (area->w - w) / 2;
	box.y = area->y + (area->h - h) / 2;
	if (cb_date_parse(s.date, &day) == CB_OK)
		ui_day_long(day, date, sizeof date);
	else
		snprintf(date, sizeof date, "%s", s.date);
	snprintf(title, sizeof title, _("Session of %s"), date);
	ui_draw_box(&box, title);
	for (size_t i = 0; i < np && (int)i < h - 4; i++) {
		int li = owner[i] >= 0 ? owner[i] : -owner[i] - 1;
		int y = box.y + 2 + (int)i;
		if (owner[i] >= 0) {
			char *label = ui_text_cell(lines[li].label, lw, UI_ALIGN_RIGHT);
			if (label) {
				ui_draw_str(y, box.x + 2, lw, label, UI_ROLE_DIM);
				free(label);
			}
		}
		if (pieces[i])
			ui_draw_text(y, box.x + 4 + lw, tw, pieces[i], lines[li].role);
	}
	for (size_t i = 0; i < np; i++)
		free(pieces[i]);
	cb_session_clear(&s);
}

static void
cal_draw(void *st, struct ui_app *app, const struct ui_rect *area)
{
	struct calendar *c = st;

	if (wide(area)) {
		struct ui_rect ar = {area->y, area->x + LEFT_W + 1, area->h, area->w - LEFT_W - 1};
		int x = area->x + 1, used;
		draw_grid(c, area->y, x);
		for (int y = area->y; y < area->y + area->h; y++)
			ui_draw_str(y, area->x + LEFT_W, 1, "│", UI_ROLE_BORDER);
		/* the legend (5 lines) at the bottom when the day's lines leave room */
		used = area->h - 9 - 6;
		if (used >= 2) {
			draw_day(c, app, area->y + 9, x, LEFT_W - 2, used);
			draw_legend(area->y + area->h - 5, x, LEFT_W - 2);
		} else {
			draw_day(c, app, area->y + 9, x, LEFT_W - 2, area->h - 9);
		}
		draw_agenda(c, app, &ar);
	} else {
		draw_agenda(c, app, area);
	}
	if (c->card)
		draw_card(c, app, area);
	ui_search_draw(&c->search, area);
	switch (c->mode) {
	case CM_FORM:
		ui_draw_form(&c->form, area, ui_app_keymap(app));
		break;
	case CM_PICKER:
		ui_draw_form(&c->form, area, ui_app_keymap(app));
		ui_draw_picker(&c->picker, area);
		break;
	case CM_CONFIRM:
		ui_ask_draw(&c->ask, area);
		break;
	case CM_CHECKIN:
		ui_draw_person_pick(&c->pick, area);
		break;
	default:
		break;
	}
}

/* Opened on a day without a session: say where the next one is. */
static bool
start_here(struct calendar *c, struct ui_app *app)
{
	struct cb_session s;
	int days;
	char date[64], when[64];
	int32_t day;

	if (cb_session_current(ui_app_db(app), ui_app_today(app), &s, &days) == CB_OK) {
		if (cb_date_parse(s.date, &day) == CB_OK) {
			ui_day_long(day, date, sizeof date);
			ui_days_until(days, when, sizeof when);
			ui_app_message(app, _("Next session: %s, %s (%s)."), date,
				       *s.venue_name ? s.venue_name : "—", when);
		}
		cb_session_clear(&s);
	}
	(void)c;
	return true;
}

static void
show_day(struct calendar *c, struct ui_app *app, int32_t day, bool open)
{
	cal_close_dialogs(c);
	set_cursor(c, app, day);
	c->card = false;
	if (open && cal_current(c)) {
		c->card = true;
		c->card_id = cal_current(c)->id;
	}
}

/* A day, a session (after an undo), or the start. */
static bool
cal_show(void *st, struct ui_app *app, const struct ui_target *t)
{
	struct calendar *c = st;

	switch (t->kind) {
	case UI_TARGET_START: return start_here(c, app);
	case UI_TARGET_DAY: show_day(c, app, t->day, t->open); return true;
	case UI_TARGET_ROW:
		if (t->table != CB_T_SESSION)
			return false;
		cal_select(c, &t->row);
		return true;
	}
	return false;
}

const struct ui_screen_ops ui_calendar_ops = {
	.name = "calendar",
	.title = N_("Calendar"),
	.open = cal_open,
	.draw = cal_draw,
	.handle = cal_handle,
	.text_input = cal_text_input,
	.hints = cal_hints,
	.reload = cal_reload_op,
	.close = cal_close,
	.show = cal_show,
};
