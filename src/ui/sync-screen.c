/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Sync screen: this laptop, the laptops it hears from, the conflicts
 * to review (each opens as a card with both values and the field's
 * history), and "sync now" through the configured folder. */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cambouis/i18n.h"
#include "cambouis/paths.h"
#include "cambouis/review.h"
#include "cambouis/sync.h"
#include "cambouis/text.h"
#include "ui/date.h"
#include "ui/draw.h"
#include "ui/listview.h"
#include "ui/organise.h"

enum mode { M_LIST, M_CARD };

/* Laptops shown above the conflicts before "… and N more". */
#define PEERS_SHOWN 4

struct sync_screen {
	enum mode mode;
	struct cb_sync_overview ov;
	bool have_ov;
	struct cb_review_list conflicts;
	struct ui_listview lv;    /* the conflicts: moves, sorts, searches */
	/* the card */
	struct cb_review_item card;
	struct cb_review_history hist;
	size_t hist_top;
	/* f: asking for the sync folder */
	bool asking;
	struct ui_form folder;
};

static const struct ui_column columns[] = {
	{N_("Conflict about"), 14, 4, UI_ALIGN_LEFT, false},
	{N_("Field"), 8, 1, UI_ALIGN_LEFT, false},
	{N_("Current value"), 10, 3, UI_ALIGN_LEFT, false},
	{N_("Other value"), 10, 3, UI_ALIGN_LEFT, false},
};

/* "Sun 1 Mar 2026 18:05" in the user's locale. */
static void
when_text(int64_t ms, char *buf, size_t len)
{
	struct ui_date d;
	char date[64];
	time_t t = (time_t)(ms / 1000);
	struct tm tm;

	ui_date_of(ms, &d);
	ui_date_long(&d, date, sizeof date);
	if (localtime_r(&t, &tm))
		snprintf(buf, len, "%s %02d:%02d", date, tm.tm_hour, tm.tm_min);
	else
		snprintf(buf, len, "%s", date);
}

/* A value on one line: tabs and newlines as spaces, nothing as "—". */
static void
value_line(const struct cb_review_value *v, char *buf, size_t len)
{
	snprintf(buf, len, "%s", v->empty || !*v->text ? _("(empty)") : v->text);
	for (char *p = buf; *p; p++)
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
}

/* "beta" or "alpha (this laptop)" */
static void
who_line(const struct cb_review_value *v, char *buf, size_t len)
{
	if (v->here)
		snprintf(buf, len, _("%s (this laptop)"), v->who);
	else
		snprintf(buf, len, "%s", v->who);
}

static int
list_height(struct ui_app *app, const struct sync_screen *s)
{
	struct ui_rect a = ui_app_area(app);
	size_t peers = s->have_ov ? s->ov.npeers : 0;
	int top = 3 + 1 + (peers ? (int)(peers > PEERS_SHOWN ? PEERS_SHOWN + 1 : peers) : 1) + 1 + 1;
	int h = a.h - top - 1;
	return h > 1 ? h : 1;
}

static void
load(struct sync_screen *s, struct ui_app *app)
{
	struct cb_db *db = ui_app_db(app);
	cb_status st;

	if (s->have_ov)
		cb_sync_overview_free(&s->ov);
	s->have_ov = false;
	cb_review_list_free(&s->conflicts);
	if ((st = cb_sync_overview(db, &s->ov)) != CB_OK ||
	    (st = cb_review_list(db, &s->conflicts)) != CB_OK) {
		ui_app_error(app, _("Cannot read the state of sync: %s"), cb_status_message(st));
		if (st == CB_OK)
			cb_sync_overview_free(&s->ov);
		ui_list_begin(&s->lv.list);
		ui_list_end(&s->lv.list);
		return;
	}
	s->have_ov = true;
	ui_list_begin(&s->lv.list);
	for (size_t i = 0; i < s->conflicts.count; i++) {
		const struct cb_review_item *it = &s->conflicts.items[i];
		char key[32], cur[256], other[256];
		value_line(&it->current, cur, sizeof cur);
		value_line(&it->other, other, sizeof other);
		const char *cells[4] = {it->what, it->field_label, cur, other};
		snprintf(key, sizeof key, "%lld", (long long)it->id);
		if (!ui_list_add(&s->lv.list, key, cells, NULL)) {
			ui_app_error(app, "%s", cb_status_message(CB_NOMEM));
			break;
		}
	}
	ui_list_end(&s->lv.list);
	s->lv.list.top = ui_list_top(&s->lv.list, list_height(app, s));
}

static void *
sync_open(struct ui_app *app)
{
	struct sync_screen *s = calloc(1, sizeof *s);

	if (!s)
		return NULL;
	if (!ui_listview_init(&s->lv, columns, sizeof columns / sizeof columns[0],
			      UI_LV_SEARCH_JUMP, N_("No conflict matches “%s”."))) {
		ui_listview_free(&s->lv);
		free(s);
		return NULL;
	}
	load(s, app);
	return s;
}

static void
close_card(struct sync_screen *s)
{
	if (s->mode == M_CARD) {
		cb_review_item_clear(&s->card);
		cb_review_history_free(&s->hist);
	}
	s->mode = M_LIST;
}

static void
sync_close(void *st)
{
	struct sync_screen *s = st;

	close_card(s);
	if (s->asking)
		ui_form_free(&s->folder);
	if (s->have_ov)
		cb_sync_overview_free(&s->ov);
	cb_review_list_free(&s->conflicts);
	ui_listview_free(&s->lv);
	free(s);
}

static void
sync_reload(void *st, struct ui_app *app)
{
	load(st, app);
}

/* The selected conflict's id, or -1. */
static int64_t
selected_id(const struct sync_screen *s)
{
	const char *key = ui_list_selected_key(&s->lv.list);
	return key ? strtoll(key, NULL, 10) : -1;
}

static void
open_card(struct sync_screen *s, struct ui_app *app, int64_t id)
{
	struct cb_db *db = ui_app_db(app);
	cb_status st;

	if (id < 0) {
		ui_app_error(app, "%s", _("No conflict selected."));
		return;
	}
	if ((st = cb_review_get(db, id, &s->card)) != CB_OK) {
		ui_app_error(app, _("Cannot read the conflict: %s"), cb_status_message(st));
		return;
	}
	if ((st = cb_review_history(db, s->card.table, &s->card.row, s->card.field,
				    &s->hist)) != CB_OK) {
		cb_review_item_clear(&s->card);
		ui_app_error(app, _("Cannot read the conflict: %s"), cb_status_message(st));
		return;
	}
	s->hist_top = SIZE_MAX; /* draw shows the newest values first */
	s->mode = M_CARD;
}

/* --- deciding -------------------------------------------------------------- */

static unsigned
keep(struct sync_screen *s, struct ui_app *app, int64_t id, bool other)
{
	struct cb_db *db = ui_app_db(app);
	struct cb_review_item it;
	char value[256];
	cb_status st;

	if (id < 0) {
		ui_app_error(app, "%s", _("No conflict selected."));
		return UI_R_DONE;
	}
	if ((st = cb_review_get(db, id, &it)) != CB_OK) {
		ui_app_error(app, _("Cannot read the conflict: %s"), cb_status_message(st));
		return UI_R_DONE;
	}
	st = other ? cb_review_keep_other(db, id) : cb_review_keep_current(db, id);
	if (st != CB_OK) {
		ui_app_error(app, _("Not changed: %s"), cb_status_message(st));
		cb_review_item_clear(&it);
		return UI_R_DONE;
	}
	value_line(other ? &it.other : &it.current, value, sizeof value);
	/* TRANSLATORS: "“Tours-Nord” kept for Commune (Venue “Halle”); …" */
	if (other)
		ui_app_message(app, _("“%s” kept for %s (%s); sent at the next sync."),
			       value, it.field_label, it.what);
	else
		ui_app_message(app, _("“%s” kept for %s (%s)."), value, it.field_label, it.what);
	cb_review_item_clear(&it);
	close_card(s);
	load(s, app);
	return other ? UI_R_DATA : UI_R_DONE;
}

/* --- sync now -------------------------------------------------------------- */

/* path with the home directory as "~", for messages */
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
no_folder(struct ui_app *app)
{
	const struct cb_config *cfg = ui_app_config(app);
	char *def = NULL, where[600];

	if (cfg->path)
		short_path(cfg->path, where, sizeof where);
	else if (cb_paths_config(&def) == CB_OK)
		short_path(def, where, sizeof where);
	else
		snprintf(where, sizeof where, "%s", _("the configuration file"));
	free(def);
	{
		char keys[64];
		ui_draw_keys_of(ui_app_keymap(app), ui_app_scope(app), UI_A_SYNC_FOLDER, keys,
				sizeof keys);
		ui_app_error(app, _("No sync folder: press %s to choose one (it goes to %s)."), keys,
			     where);
	}
}

static unsigned
sync_now(struct sync_screen *s, struct ui_app *app)
{
	const struct cb_config *cfg = ui_app_config(app);
	struct cb_sync_summary sum;
	char *dir = NULL, shown[600];
	cb_status st;

	if (cb_db_is_demo(ui_app_db(app))) {
		ui_app_error(app, "%s", _("This is the demo database: it never syncs (its people "
					  "are invented)."));
		return UI_R_DONE;
	}
	if (!cfg->sync_dir) {
		no_folder(app);
		return UI_R_DONE;
	}
	if (!*cb_db_site_label(ui_app_db(app))) {
		ui_app_error(app, "%s", _("This laptop has no site label: run 'cambouis init "
					  "--site-label NAME' first."));
		return UI_R_DONE;
	}
	if ((st = cb_paths_expand_home(cfg->sync_dir, &dir)) != CB_OK) {
		ui_app_error(app, _("Sync failed: %s"), cb_status_message(st));
		return UI_R_DONE;
	}
	short_path(dir, shown, sizeof shown);
	st = cb_sync_dir(ui_app_db(app), dir, NULL, 0, NULL, NULL, &sum);
	free(dir);
	if (st == CB_NOT_FOUND)
		ui_app_error(app, _("Sync failed: %s is not a folder (sync_dir)."), shown);
	else if (st == CB_IO)
		ui_app_error(app, _("Sync failed: %s: %s"), shown, strerror(errno));
	else if (st != CB_OK)
		ui_app_error(app, _("Sync failed: %s"), cb_status_message(st));
	load(s, app);
	if (st != CB_OK)
		return sum.new_ops ? UI_R_DATA : UI_R_DONE;
	{
		char a[128], b[128], c[128], d[160];
		snprintf(a, sizeof a, ngettext_("%lld new change", "%lld new changes",
						(unsigned long)sum.new_ops), (long long)sum.new_ops);
		snprintf(b, sizeof b, ngettext_("%lld conflict", "%lld conflicts",
						(unsigned long)sum.conflicts), (long long)sum.conflicts);
		snprintf(c, sizeof c, ngettext_("%lld change sent", "%lld changes sent",
						(unsigned long)sum.exported_ops),
			 (long long)sum.exported_ops);
		d[0] = '\0';
		if (sum.files_rejected)
			snprintf(d, sizeof d, ngettext_(" %d file refused: 'cambouis sync' tells why.",
							" %d files refused: 'cambouis sync' tells why.",
							(unsigned long)sum.files_rejected),
				 sum.files_rejected);
		/* TRANSLATORS: "Synced with ~/Sync: 3 new changes, 1 conflict, 2 changes sent." */
		if (sum.files_rejected)
			ui_app_error(app, _("Synced with %s: %s, %s, %s.%s"), shown, a, b, c, d);
		else
			ui_app_message(app, _("Synced with %s: %s, %s, %s."), shown, a, b, c);
	}
	return UI_R_DATA;
}

/* --- keys ------------------------------------------------------------------ */

static unsigned
card_key(struct sync_screen *s, struct ui_app *app, enum ui_action a)
{
	switch (a) {
	case UI_A_BACK:
		close_card(s);
		return UI_R_DONE;
	case UI_A_KEEP_CURRENT:
		return keep(s, app, s->card.id, false);
	case UI_A_KEEP_OTHER:
		return keep(s, app, s->card.id, true);
	case UI_A_UP:
		if (s->hist_top >= s->hist.count)
			s->hist_top = s->hist.count; /* not drawn yet */
		s->hist_top -= s->hist_top > 0;
		return UI_R_DONE;
	case UI_A_DOWN:
		if (s->hist_top + 1 < s->hist.count)
			s->hist_top++;
		return UI_R_DONE;
	case UI_A_FIRST:
		s->hist_top = 0;
		return UI_R_DONE;
	case UI_A_LAST:
		s->hist_top = SIZE_MAX;
		return UI_R_DONE;
	default:
		return UI_R_DONE;
	}
}

static unsigned
sync_handle(void *st, struct ui_app *app, enum ui_action a, int key)
{
	struct sync_screen *s = st;
	unsigned r;

	if (s->asking) {
		switch (ui_form_handle(&s->folder, a, key)) {
		case UI_FORM_SUBMIT: {
			char *typed = strdup(ui_form_text(&s->folder, 0));
			s->asking = false;
			ui_form_free(&s->folder);
			r = typed ? ui_organise_set_sync_dir(app, typed) : UI_R_DONE;
			free(typed);
			return r;
		}
		case UI_FORM_CANCEL:
			s->asking = false;
			ui_form_free(&s->folder);
			ui_app_message(app, "%s", _("Nothing changed."));
			return UI_R_DONE;
		default:
			return UI_R_DONE;
		}
	}
	if (a == UI_A_SYNC_FOLDER) {
		s->asking = ui_organise_folder_form(&s->folder, app);
		return UI_R_DONE;
	}
	if (s->mode == M_CARD)
		return card_key(s, app, a);
	if ((r = ui_listview_handle(&s->lv, app, a, key, list_height(app, s))) != UI_R_UNHANDLED)
		return r;
	switch (a) {
	case UI_A_OPEN: open_card(s, app, selected_id(s)); break;
	case UI_A_KEEP_CURRENT: return keep(s, app, selected_id(s), false);
	case UI_A_KEEP_OTHER: return keep(s, app, selected_id(s), true);
	case UI_A_SYNC_NOW: return sync_now(s, app);
	default: return UI_R_UNHANDLED;
	}
	return UI_R_DONE;
}

static bool
sync_text_input(void *st)
{
	struct sync_screen *s = st;

	return s->asking || (s->mode == M_LIST && ui_listview_busy(&s->lv));
}

static size_t
sync_hints(void *st, enum ui_action *out, size_t max)
{
	static const enum ui_action list[] = {UI_A_OPEN, UI_A_KEEP_CURRENT, UI_A_KEEP_OTHER,
					      UI_A_SYNC_NOW, UI_A_SYNC_FOLDER};
	static const enum ui_action empty[] = {UI_A_SYNC_NOW, UI_A_SYNC_FOLDER};
	static const enum ui_action card[] = {UI_A_KEEP_CURRENT, UI_A_KEEP_OTHER, UI_A_BACK};
	struct sync_screen *s = st;
	const enum ui_action *src = s->mode == M_CARD ? card
				    : ui_list_count(&s->lv.list) ? list : empty;
	size_t n = s->mode == M_CARD ? 3 : ui_list_count(&s->lv.list) ? 5 : 2;
	static const enum ui_action asking[] = {UI_A_ACCEPT, UI_A_CANCEL};

	if (s->asking) {
		src = asking;
		n = 2;
	}

	if (s->mode == M_LIST && ui_listview_busy(&s->lv))
		return ui_listview_hints(&s->lv, out, max);
	if (n > max)
		n = max;
	memcpy(out, src, n * sizeof *out);
	return n;
}

/* --- drawing --------------------------------------------------------------- */

/* "label  value" at row y, the label right-aligned in lw columns. */
static void
draw_pair(int y, const struct ui_rect *r, int lw, const char *label, const char *value,
	  enum ui_role role)
{
	char *cell = ui_text_cell(label, lw, UI_ALIGN_RIGHT);

	if (cell)
		ui_draw_str(y, r->x + 1, lw, cell, UI_ROLE_DIM);
	free(cell);
	ui_draw_text(y, r->x + lw + 3, r->w - lw - 4, value, role);
}

static int
max_width(const char *const *s, size_t n)
{
	int w = 0;

	for (size_t i = 0; i < n; i++)
		if (cb_utf8_width(s[i]) > w)
			w = cb_utf8_width(s[i]);
	return w;
}

static void
draw_head(const struct sync_screen *s, struct ui_app *app, const struct ui_rect *r)
{
	const struct cb_config *cfg = ui_app_config(app);
	const char *labels[3] = {_("This laptop"), _("Sync folder"), _("Last sync")};
	int lw = max_width(labels, 3);
	char line[700], when[96], pend[128];

	if (!s->have_ov)
		return;
	if (cb_db_is_demo(ui_app_db(app)))
		snprintf(pend, sizeof pend, "%s", _("demo database: never synced"));
	else if (s->ov.pending == 0)
		snprintf(pend, sizeof pend, "%s", _("nothing to send"));
	else
		snprintf(pend, sizeof pend, ngettext_("%lld change to send", "%lld changes to send",
						      (unsigned long)s->ov.pending),
			 (long long)s->ov.pending);
	snprintf(line, sizeof line, "%s · %s", *s->ov.label ? s->ov.label : _("(no site label)"),
		 pend);
	draw_pair(r->y, r, lw, labels[0], line, UI_ROLE_NORMAL);
	if (cfg->sync_dir) {
		char *dir = NULL;
		if (cb_paths_expand_home(cfg->sync_dir, &dir) == CB_OK)
			short_path(dir, line, sizeof line);
		else
			snprintf(line, sizeof line, "%s", cfg->sync_dir);
		free(dir);
		draw_pair(r->y + 1, r, lw, labels[1], line, UI_ROLE_NORMAL);
	} else {
		char keys[64];
		ui_draw_keys_of(ui_app_keymap(app), ui_app_scope(app), UI_A_SYNC_FOLDER, keys,
				sizeof keys);
		snprintf(line, sizeof line, _("none: press %s to choose one"), keys);
		draw_pair(r->y + 1, r, lw, labels[1], line, UI_ROLE_DIM);
	}
	if (s->ov.last_sync_ms)
		when_text(s->ov.last_sync_ms, when, sizeof when);
	else
		snprintf(when, sizeof when, "%s", _("never"));
	if (s->ov.last_export_ms) {
		char ex[96];
		when_text(s->ov.last_export_ms, ex, sizeof ex);
		snprintf(line, sizeof line, _("%s · last export %s"), when, ex);
	} else {
		snprintf(line, sizeof line, _("%s · never exported"), when);
	}
	draw_pair(r->y + 2, r, lw, labels[2], line, UI_ROLE_NORMAL);
}

/* The laptops heard from, as a small table; returns the rows used. */
static int
draw_peers(const struct sync_screen *s, const struct ui_rect *r)
{
	const char *titles[4] = {_("Laptop"), _("Last bundle imported"), _("Changes received"),
				 _("Own changes known")};
	int w[4], y = r->y, x;
	size_t shown;

	/* fixed widths for the numbers, the rest shared */
	w[2] = cb_utf8_width(titles[2]) > 8 ? cb_utf8_width(titles[2]) : 8;
	w[3] = cb_utf8_width(titles[3]) > 8 ? cb_utf8_width(titles[3]) : 8;
	if (w[2] + w[3] > (r->w - 2) / 2)
		w[2] = w[3] = (r->w - 2) / 5; /* a narrow terminal: cut the titles */
	w[0] = (r->w - 2 - w[2] - w[3] - 6) * 2 / 5;
	w[1] = r->w - 2 - w[2] - w[3] - 6 - w[0];
	ui_draw_text(y, r->x, r->w, "", UI_ROLE_HEADER);
	x = r->x + 1;
	for (int c = 0; c < 4; c++) {
		char *cell = ui_text_cell(titles[c], w[c], c >= 2 ? UI_ALIGN_RIGHT : UI_ALIGN_LEFT);
		if (cell)
			ui_draw_str(y, x, w[c], cell, UI_ROLE_HEADER);
		free(cell);
		x += w[c] + 2;
	}
	y++;
	if (!s->have_ov || s->ov.npeers == 0) {
		ui_draw_text(y, r->x + 1, r->w - 2, _("No other laptop yet: sync to meet them."),
			     UI_ROLE_DIM);
		return 2;
	}
	shown = s->ov.npeers > PEERS_SHOWN ? PEERS_SHOWN : s->ov.npeers;
	for (size_t i = 0; i < shown; i++, y++) {
		const struct cb_sync_peer *p = &s->ov.peers[i];
		char when[96], rec[32], seq[32];
		const char *cells[4] = {p->label, when, rec, seq};
		if (p->last_import_ms)
			when_text(p->last_import_ms, when, sizeof when);
		else
			snprintf(when, sizeof when, "%s", _("only relayed by others"));
		snprintf(rec, sizeof rec, "%'lld", (long long)p->received);
		snprintf(seq, sizeof seq, "%'lld", (long long)p->max_seq);
		x = r->x + 1;
		for (int c = 0; c < 4; c++) {
			char *cell = ui_text_cell(cells[c], w[c], c >= 2 ? UI_ALIGN_RIGHT : UI_ALIGN_LEFT);
			if (cell)
				ui_draw_str(y, x, w[c], cell,
					    c == 1 && !p->last_import_ms ? UI_ROLE_DIM : UI_ROLE_NORMAL);
			free(cell);
			x += w[c] + 2;
		}
	}
	if (s->ov.npeers > shown) {
		char more[96];
		snprintf(more, sizeof more, ngettext_("… and %zu more", "… and %zu more",
						      s->ov.npeers - shown), s->ov.npeers - shown);
		ui_draw_text(y, r->x + 1, r->w - 2, more, UI_ROLE_DIM);
		y++;
	}
	return y - r->y;
}

static void
draw_list(struct sync_screen *s, struct ui_app *app, const struct ui_rect *area)
{
	const char *titles[4] = {_(columns[0].title), _(columns[1].title), _(columns[2].title),
				 _(columns[3].title)};
	struct ui_rect r = *area, lr;
	char title[160], keys[64], empty[200];
	int used;

	draw_head(s, app, &r);
	r.y += 4;
	r.h -= 4;
	used = draw_peers(s, &r);
	r.y += used + 1;
	r.h -= used + 1;
	snprintf(title, sizeof title, _("Conflicts to review (%zu)"), ui_list_count(&s->lv.list));
	ui_draw_text(r.y, r.x, r.w, "", UI_ROLE_NORMAL);
	ui_draw_str(r.y, r.x + 1, r.w - 2, title, UI_ROLE_TITLE);
	lr = (struct ui_rect){r.y + 1, r.x, r.h - 1, r.w};
	ui_draw_keys_of(ui_app_keymap(app), ui_app_scope(app), UI_A_SYNC_NOW, keys, sizeof keys);
	snprintf(empty, sizeof empty, _("No conflicts to review. Press %s to sync now."), keys);
	if (lr.h >= 1)
		ui_draw_list(&s->lv.list, &lr, titles, empty);
}

static void
draw_card(struct sync_screen *s, struct ui_app *app, const struct ui_rect *area)
{
	const struct cb_review_item *it = &s->card;
	int half = (area->w - 3) / 2, y = area->y, xr = area->x + 2 + half + 1, rows;
	char title[700], line[700], keys[64], keys2[64];

	snprintf(title, sizeof title, _("%s — %s"), it->what, it->field_label);
	ui_draw_text(y, area->x, area->w, "", UI_ROLE_NORMAL);
	ui_draw_str(y, area->x + 1, area->w - 2, title, UI_ROLE_TITLE);
	y += 2;
	ui_draw_text(y, area->x + 1, half, _("Current value"), UI_ROLE_HEADER);
	ui_draw_text(y, xr, half, _("Other value"), UI_ROLE_HEADER);
	y++;
	value_line(&it->current, line, sizeof line);
	ui_draw_text(y, area->x + 1, half, line, UI_ROLE_NORMAL);
	value_line(&it->other, line, sizeof line);
	ui_draw_text(y, xr, half, line, UI_ROLE_NORMAL);
	y++;
	who_line(&it->current, line, sizeof line);
	ui_draw_text(y, area->x + 1, half, line, UI_ROLE_DIM);
	who_line(&it->other, line, sizeof line);
	ui_draw_text(y, xr, half, line, UI_ROLE_DIM);
	y++;
	when_text(it->current.when_ms, line, sizeof line);
	ui_draw_text(y, area->x + 1, half, line, UI_ROLE_DIM);
	when_text(it->other.when_ms, line, sizeof line);
	ui_draw_text(y, xr, half, line, UI_ROLE_DIM);
	y++;
	ui_draw_keys_of(ui_app_keymap(app), ui_app_scope(app), UI_A_KEEP_CURRENT, keys, sizeof keys);
	snprintf(line, sizeof line, _("%s: keep it"), keys);
	ui_draw_text(y, area->x + 1, half, line, UI_ROLE_DIM);
	ui_draw_keys_of(ui_app_keymap(app), ui_app_scope(app), UI_A_KEEP_OTHER, keys2, sizeof keys2);
	snprintf(line, sizeof line, _("%s: write it again"), keys2);
	ui_draw_text(y, xr, half, line, UI_ROLE_DIM);
	y += 2;

	snprintf(title, sizeof title, _("History of this field (%zu)"), s->hist.count);
	ui_draw_text(y, area->x, area->w, "", UI_ROLE_NORMAL);
	ui_draw_str(y, area->x + 1, area->w - 2, title, UI_ROLE_TITLE);
	y++;
	/* the explanation at the bottom gives way on a small terminal */
	bool explain = area->h >= 18;
	rows = area->y + area->h - y - (explain ? 2 : 0);
	if (rows < 1)
		rows = 1;
	if (s->hist.count <= (size_t)rows)
		s->hist_top = 0;
	else if (s->hist_top > s->hist.count - (size_t)rows)
		s->hist_top = s->hist.count - (size_t)rows;
	/* the laptops' names in one column */
	int ww = 0;
	for (size_t i = 0; i < s->hist.count; i++)
		if (cb_utf8_width(s->hist.items[i].who) > ww)
			ww = cb_utf8_width(s->hist.items[i].who);
	if (ww > area->w / 4)
		ww = area->w / 4;
	for (int i = 0; i < rows && s->hist_top + (size_t)i < s->hist.count; i++) {
		const struct cb_review_value *v = &s->hist.items[s->hist_top + (size_t)i];
		char when[96], val[400], *who = ui_text_cell(v->who, ww, UI_ALIGN_LEFT);
		when_text(v->when_ms, when, sizeof when);
		value_line(v, val, sizeof val);
		snprintf(line, sizeof line, "%s%s  %s  %s", v->current ? "▸ " : "  ", when,
			 who ? who : v->who, val);
		free(who);
		ui_draw_text(y + i, area->x + 1, area->w - 2, line,
			     v->current ? UI_ROLE_LABEL_ACTIVE : UI_ROLE_NORMAL);
	}
	if (explain)
		ui_draw_text(area->y + area->h - 1, area->x + 1, area->w - 2,
			     _("Keeping the other value writes it again: it wins after the next "
			       "sync."), UI_ROLE_DIM);
}

static void
sync_draw(void *st, struct ui_app *app, const struct ui_rect *area)
{
	struct sync_screen *s = st;

	if (s->mode == M_CARD) {
		draw_card(s, app, area);
	} else {
		draw_list(s, app, area);
		ui_listview_draw(&s->lv, area);
	}
	if (s->asking)
		ui_draw_form(&s->folder, area, ui_app_keymap(app));
}

const struct ui_screen_ops ui_sync_ops = {
	.name = "sync",
	.title = N_("Sync"),
	.open = sync_open,
	.draw = sync_draw,
	.handle = sync_handle,
	.text_input = sync_text_input,
	.hints = sync_hints,
	.reload = sync_reload,
	.close = sync_close,
};
