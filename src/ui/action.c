/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/i18n.h"
#include "ui/action.h"
#include "ui/keys.h"

static const struct ui_action_info actions[UI_A_COUNT] = {
	[UI_A_NONE] = {"none", UI_G_GLOBAL, "", ""},
#define UI_ACTION_ROW(id, name, group, label, help) [UI_A_##id] = {name, group, label, help},
	UI_ACTION_INFO(UI_ACTION_ROW)
#undef UI_ACTION_ROW
};

static const char *const group_titles[UI_G_COUNT] = {
	N_("Everywhere"), N_("Moving and searching"), N_("In lists"),
	N_("In forms and prompts"), N_("In the calendar"), N_("With people"),
};

/* The default bindings, in the order the help shows them. */
/* Scopes by name: "generic", "form" or a screen's name (a screen that is
 * not in the tab bar simply gets none of its bindings). */
#define G "generic"
#define F "form"
static const struct {
	const char *scope;
	enum ui_action action;
	const char *key;
} defaults[] = {
	{G, UI_A_QUIT, "Q"},
	{G, UI_A_BACK, "q"}, {G, UI_A_BACK, "Esc"},
	{G, UI_A_HELP, "?"}, {G, UI_A_HELP, "F1"},
	{G, UI_A_NEXT_SCREEN, "Tab"},
	{G, UI_A_PREV_SCREEN, "BTab"},
	{G, UI_A_SCREEN_1, "1"}, {G, UI_A_SCREEN_2, "2"},
	{G, UI_A_SCREEN_3, "3"}, {G, UI_A_SCREEN_4, "4"},
	{G, UI_A_SCREEN_5, "5"}, {G, UI_A_SCREEN_6, "6"},
	{G, UI_A_SCREEN_7, "7"}, {G, UI_A_SCREEN_8, "8"},
	{G, UI_A_SCREEN_9, "9"}, {G, UI_A_SCREEN_10, "0"},
	{G, UI_A_REDRAW, "C-l"},
	{G, UI_A_UP, "k"}, {G, UI_A_UP, "Up"},
	{G, UI_A_DOWN, "j"}, {G, UI_A_DOWN, "Down"},
	{G, UI_A_PAGE_UP, "PgUp"}, {G, UI_A_PAGE_UP, "C-b"},
	{G, UI_A_PAGE_DOWN, "PgDn"}, {G, UI_A_PAGE_DOWN, "C-f"},
	{G, UI_A_FIRST, "g"}, {G, UI_A_FIRST, "Home"},
	{G, UI_A_LAST, "G"}, {G, UI_A_LAST, "End"},
	{G, UI_A_SEARCH, "/"},
	{G, UI_A_SEARCH_NEXT, "n"},
	{G, UI_A_SEARCH_PREV, "N"},
	{G, UI_A_OPEN, "Enter"},
	{G, UI_A_ADD, "a"},
	{G, UI_A_EDIT, "e"},
	{G, UI_A_DELETE, "d"},
	{G, UI_A_UNDO, "u"},
	{G, UI_A_SORT, "s"},
	{G, UI_A_SORT_REVERSE, "S"},
	{F, UI_A_ACCEPT, "Enter"},
	{F, UI_A_FIELD_NEXT, "Tab"}, {F, UI_A_FIELD_NEXT, "Down"},
	{F, UI_A_FIELD_PREV, "BTab"}, {F, UI_A_FIELD_PREV, "Up"},
	{F, UI_A_SAVE, "F2"},
	{F, UI_A_CANCEL, "Esc"},
	{F, UI_A_CHOOSE, "F4"}, {F, UI_A_CHOOSE, "C-p"},
	{F, UI_A_CURSOR_LEFT, "Left"},
	{F, UI_A_CURSOR_RIGHT, "Right"},
	{F, UI_A_LINE_START, "Home"}, {F, UI_A_LINE_START, "C-a"},
	{F, UI_A_LINE_END, "End"}, {F, UI_A_LINE_END, "C-e"},
	{F, UI_A_DELETE_BACK, "Backspace"},
	{F, UI_A_DELETE_CHAR, "Del"}, {F, UI_A_DELETE_CHAR, "C-d"},
	{F, UI_A_KILL_LINE, "C-u"},
	{"calendar", UI_A_PREV_DAY, "h"}, {"calendar", UI_A_PREV_DAY, "Left"},
	{"calendar", UI_A_NEXT_DAY, "l"}, {"calendar", UI_A_NEXT_DAY, "Right"},
	{"calendar", UI_A_PREV_MONTH, "["}, {"calendar", UI_A_NEXT_MONTH, "]"},
	{"calendar", UI_A_TODAY, "t"},
	{"calendar", UI_A_PREV_SESSION, "K"}, {"calendar", UI_A_NEXT_SESSION, "J"},
	{"calendar", UI_A_CANCEL_SESSION, "x"},
	{"calendar", UI_A_MOVE_SESSION, "m"},
	{"calendar", UI_A_NEXT_VENUE, "v"},
	{"calendar", UI_A_MARK_HELD, "H"},
	{"calendar", UI_A_RESTORE, "r"},
	{"calendar", UI_A_EXPORT_ICAL, "E"},
	{"calendar", UI_A_CHECKIN, "i"},
	{"tonight", UI_A_MARK_HELD, "H"},
	{"tonight", UI_A_SHOW_IN_CALENDAR, "c"},
	{"venues", UI_A_ADD_CLOSURE, "c"},
	{"venues", UI_A_REMOVE_CLOSURE, "C"},
	{"tonight", UI_A_CHECKIN, "i"},
	{"tonight", UI_A_CHECKOUT, "o"},
	{"tonight", UI_A_PAIR, "p"},
	{"pairings", UI_A_PAIR, "p"},
	{"pairings", UI_A_END_PAIR, "d"},
	{"pairings", UI_A_SIGN_OFF, "s"},
	{"pairings", UI_A_PROMOTE, "P"},
	{"pairings", UI_A_NEXT_VIEW, "v"}, {"pairings", UI_A_NEXT_VIEW, "Right"},
	{"pairings", UI_A_PREV_VIEW, "V"}, {"pairings", UI_A_PREV_VIEW, "Left"},
	{"sync", UI_A_SYNC_NOW, "s"},
	{"sync", UI_A_SYNC_FOLDER, "f"},
	{"sync", UI_A_KEEP_CURRENT, "c"},
	{"sync", UI_A_KEEP_OTHER, "o"},
};
#undef G
#undef F

struct binding {
	int scope;
	int key;
	enum ui_action action;
};

struct ui_keymap {
	struct binding *b;
	size_t n, cap;
	char **scopes; /* 0 generic, 1 form, then the screens' */
	size_t nscopes;
};

const struct ui_action_info *
ui_action_info(enum ui_action a)
{
	return &actions[a < UI_A_COUNT ? a : UI_A_NONE];
}

enum ui_action
ui_action_by_name(const char *name)
{
	for (int a = UI_A_NONE + 1; a < UI_A_COUNT; a++)
		if (strcmp(actions[a].name, name) == 0)
			return (enum ui_action)a;
	return UI_A_NONE;
}

int
ui_action_screen(enum ui_action a)
{
	return a >= UI_A_SCREEN_1 && a <= UI_A_SCREEN_16 ? (int)(a - UI_A_SCREEN_1) : -1;
}

const char *
ui_group_title(enum ui_group g)
{
	return _(group_titles[g < UI_G_COUNT ? g : 0]);
}

static bool
add(struct ui_keymap *km, int scope, int key, enum ui_action a)
{
	if (km->n == km->cap) {
		size_t ncap = km->cap ? km->cap * 2 : 64;
		struct binding *p = realloc(km->b, ncap * sizeof *p);
		if (!p)
			return false;
		km->b = p;
		km->cap = ncap;
	}
	km->b[km->n++] = (struct binding){scope, key, a};
	return true;
}

void
ui_keymap_free(struct ui_keymap *km)
{
	if (!km)
		return;
	for (size_t i = 0; i < km->nscopes; i++)
		free(km->scopes[i]);
	free(km->scopes);
	free(km->b);
	free(km);
}

static int
scope_by_name(const struct ui_keymap *km, const char *name)
{
	for (size_t i = 0; i < km->nscopes; i++)
		if (strcmp(km->scopes[i], name) == 0)
			return (int)i;
	return -1;
}

bool
ui_action_default(size_t i, const char **scope, enum ui_action *a, const char **key)
{
	if (i >= sizeof defaults / sizeof defaults[0])
		return false;
	*scope = defaults[i].scope;
	*a = defaults[i].action;
	*key = defaults[i].key;
	return true;
}

struct ui_keymap *
ui_keymap_new(const char *const *scopes, size_t nscopes)
{
	struct ui_keymap *km = calloc(1, sizeof *km);

	if (!km || !(km->scopes = calloc(nscopes + 2, sizeof *km->scopes)))
		goto oom;
	km->nscopes = nscopes + 2;
	km->scopes[0] = strdup("generic");
	km->scopes[1] = strdup("form");
	for (size_t i = 0; i < nscopes; i++)
		km->scopes[i + 2] = strdup(scopes[i]);
	for (size_t i = 0; i < km->nscopes; i++)
		if (!km->scopes[i])
			goto oom;
	for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++) {
		int key, scope = scope_by_name(km, defaults[i].scope);
		if (scope < 0)
			continue;
		if (!ui_key_parse(defaults[i].key, &key) ||
		    !add(km, scope, key, defaults[i].action))
			goto oom;
	}
	return km;
oom:
	ui_keymap_free(km);
	return NULL;
}

static void
where(char *err, size_t errlen, const char *path, int line, const char *m)
{
	if (path)
		snprintf(err, errlen, "%s:%d: %s", path, line, m);
	else
		snprintf(err, errlen, "%s", m);
}

bool
ui_keymap_configure(struct ui_keymap *km, const struct cb_keybinding *kb, size_t n,
		    const char *cfg_path, char *err, size_t errlen)
{
	for (size_t i = 0; i < n; i++) {
		int scope = scope_by_name(km, kb[i].scope);
		enum ui_action a = ui_action_by_name(kb[i].action);
		int keys[16];

		if (scope < 0) {
			{
			char m[256];
			snprintf(m, sizeof m, _("unknown key scope '%s'"), kb[i].scope);
			where(err, errlen, cfg_path, kb[i].line, m);
		}
			return false;
		}
		if (a == UI_A_NONE) {
			{
			char m[256];
			snprintf(m, sizeof m, _("unknown action '%s'"), kb[i].action);
			where(err, errlen, cfg_path, kb[i].line, m);
		}
			return false;
		}
		if (kb[i].nkeys > sizeof keys / sizeof keys[0]) {
			{
			char m[256];
			snprintf(m, sizeof m, _("too many keys for '%s'"), kb[i].action);
			where(err, errlen, cfg_path, kb[i].line, m);
		}
			return false;
		}
		for (size_t k = 0; k < kb[i].nkeys; k++)
			if (!ui_key_parse(kb[i].keys[k], &keys[k])) {
				{
			char m[256];
			snprintf(m, sizeof m, _("unknown key '%s'"), kb[i].keys[k]);
			where(err, errlen, cfg_path, kb[i].line, m);
		}
				return false;
			}
		/* The action loses its old keys in this scope, and the new keys
		 * lose whatever they did there before. */
		for (size_t j = 0; j < km->n;) {
			bool drop = km->b[j].scope == scope && km->b[j].action == a;
			for (size_t k = 0; k < kb[i].nkeys && !drop; k++)
				drop = km->b[j].scope == scope && km->b[j].key == keys[k];
			if (drop)
				memmove(&km->b[j], &km->b[j + 1], (--km->n - j) * sizeof *km->b);
			else
				j++;
		}
		for (size_t k = 0; k < kb[i].nkeys; k++)
			if (!add(km, scope, keys[k], a)) {
				snprintf(err, errlen, "%s", _("out of memory"));
				return false;
			}
	}
	return true;
}

static enum ui_action
find(const struct ui_keymap *km, int scope, int key)
{
	for (size_t i = 0; i < km->n; i++)
		if (km->b[i].scope == scope && km->b[i].key == key)
			return km->b[i].action;
	return UI_A_NONE;
}

enum ui_action
ui_keymap_lookup(const struct ui_keymap *km, int scope, int key)
{
	enum ui_action a = find(km, scope, key);

	if (a == UI_A_NONE && scope > UI_SCOPE_FORM)
		a = find(km, UI_SCOPE_GENERIC, key);
	return a;
}

size_t
ui_keymap_keys(const struct ui_keymap *km, int scope, enum ui_action a, char *buf, size_t len)
{
	size_t count = 0, used = 0;

	buf[0] = '\0';
	for (int pass = 0; pass < 2; pass++) {
		int s = pass == 0 ? scope : UI_SCOPE_GENERIC;
		if (pass == 1 && scope <= UI_SCOPE_FORM)
			break;
		for (size_t i = 0; i < km->n; i++) {
			char name[32];
			int w;
			if (km->b[i].scope != s || km->b[i].action != a)
				continue;
			/* a screen binding hides the generic one for the same key */
			if (pass == 1 && find(km, scope, km->b[i].key) != UI_A_NONE)
				continue;
			ui_key_name(km->b[i].key, name, sizeof name);
			w = snprintf(buf + used, len - used, "%s%s", count ? ", " : "", name);
			if (w < 0 || (size_t)w >= len - used)
				return count;
			used += (size_t)w;
			count++;
		}
	}
	return count;
}
