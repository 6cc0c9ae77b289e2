/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_UI_ACTION_H
#define CAMBOUIS_UI_ACTION_H

#include <stdbool.h>
#include <stddef.h>

#include "cambouis/config.h"

/*
 * The one table of actions: id, config name, group, short label (for the
 * key hints bar), translatable help.
 * Default bindings, the key map, the config checks and the help screen all
 * come from it, so they cannot drift apart. An action only one screen
 * knows gets its default keys in that screen's scope (action.c), and the
 * help leaves out actions with no key where it is shown.
 */
enum ui_group {
	UI_G_GLOBAL,
	UI_G_MOVE,
	UI_G_LIST,
	UI_G_FORM,
	UI_G_CALENDAR,
	UI_G_PEOPLE,
	UI_G_COUNT,
};

#define UI_ACTION_INFO(_) \
	_(QUIT,        "quit",          UI_G_GLOBAL, N_("Quit"), N_("Quit cambouis")) \
	_(BACK,        "back",          UI_G_GLOBAL, N_("Back"), N_("Go back; close a dialog; quit from a list")) \
	_(HELP,        "help",          UI_G_GLOBAL, N_("Help"), N_("Show this help")) \
	_(NEXT_SCREEN, "next-screen",   UI_G_GLOBAL, N_("Next"), N_("Next screen")) \
	_(PREV_SCREEN, "prev-screen",   UI_G_GLOBAL, N_("Previous"), N_("Previous screen")) \
	_(SCREEN_1,    "screen-1",      UI_G_GLOBAL, N_("Screen 1"), N_("Go to screen 1")) \
	_(SCREEN_2,    "screen-2",      UI_G_GLOBAL, N_("Screen 2"), N_("Go to screen 2")) \
	_(SCREEN_3,    "screen-3",      UI_G_GLOBAL, N_("Screen 3"), N_("Go to screen 3")) \
	_(SCREEN_4,    "screen-4",      UI_G_GLOBAL, N_("Screen 4"), N_("Go to screen 4")) \
	_(SCREEN_5,    "screen-5",      UI_G_GLOBAL, N_("Screen 5"), N_("Go to screen 5")) \
	_(SCREEN_6,    "screen-6",      UI_G_GLOBAL, N_("Screen 6"), N_("Go to screen 6")) \
	_(SCREEN_7,    "screen-7",      UI_G_GLOBAL, N_("Screen 7"), N_("Go to screen 7")) \
	_(SCREEN_8,    "screen-8",      UI_G_GLOBAL, N_("Screen 8"), N_("Go to screen 8")) \
	_(SCREEN_9,    "screen-9",      UI_G_GLOBAL, N_("Screen 9"), N_("Go to screen 9")) \
	_(SCREEN_10,   "screen-10",     UI_G_GLOBAL, N_("Screen 10"), N_("Go to screen 10")) \
	_(SCREEN_11,   "screen-11",     UI_G_GLOBAL, N_("Screen 11"), N_("Go to screen 11")) \
	_(SCREEN_12,   "screen-12",     UI_G_GLOBAL, N_("Screen 12"), N_("Go to screen 12")) \
	_(SCREEN_13,   "screen-13",     UI_G_GLOBAL, N_("Screen 13"), N_("Go to screen 13")) \
	_(SCREEN_14,   "screen-14",     UI_G_GLOBAL, N_("Screen 14"), N_("Go to screen 14")) \
	_(SCREEN_15,   "screen-15",     UI_G_GLOBAL, N_("Screen 15"), N_("Go to screen 15")) \
	_(SCREEN_16,   "screen-16",     UI_G_GLOBAL, N_("Screen 16"), N_("Go to screen 16")) \
	_(REDRAW,      "redraw",        UI_G_GLOBAL, N_("Redraw"), N_("Redraw the screen")) \
	_(UP,          "up",            UI_G_MOVE,   N_("Up"), N_("Move up")) \
	_(DOWN,        "down",          UI_G_MOVE,   N_("Down"), N_("Move down")) \
	_(PAGE_UP,     "page-up",       UI_G_MOVE,   N_("Page up"), N_("Move one page up")) \
	_(PAGE_DOWN,   "page-down",     UI_G_MOVE,   N_("Page down"), N_("Move one page down")) \
	_(FIRST,       "first",         UI_G_MOVE,   N_("First"), N_("Go to the first line")) \
	_(LAST,        "last",          UI_G_MOVE,   N_("Last"), N_("Go to the last line")) \
	_(SEARCH,      "search",        UI_G_MOVE,   N_("Search"), N_("Search as you type")) \
	_(SEARCH_NEXT, "search-next",   UI_G_MOVE,   N_("Next match"), N_("Next match")) \
	_(SEARCH_PREV, "search-prev",   UI_G_MOVE,   N_("Prev. match"), N_("Previous match")) \
	_(OPEN,        "open",          UI_G_LIST,   N_("Open"), N_("Open the selected line")) \
	_(ADD,         "add",           UI_G_LIST,   N_("Add"), N_("Add")) \
	_(EDIT,        "edit",          UI_G_LIST,   N_("Edit"), N_("Edit the selected line")) \
	_(DELETE,      "delete",        UI_G_LIST,   N_("Delete"), N_("Delete the selected line (asks first)")) \
	_(UNDO,        "undo",          UI_G_LIST,   N_("Undo"), N_("Undo the last change made in this session")) \
	_(SORT,        "sort",          UI_G_LIST,   N_("Sort"), N_("Sort by the next column")) \
	_(SORT_REVERSE, "sort-reverse", UI_G_LIST,   N_("Reverse"), N_("Reverse the sort order")) \
	_(SYNC_NOW,    "sync-now",      UI_G_LIST,   N_("Sync now"), N_("Sync now through the shared folder (sync_dir in the configuration)")) \
	_(SYNC_FOLDER, "sync-folder",   UI_G_LIST,   N_("Folder"), N_("Choose the sync folder (kept in the configuration)")) \
	_(KEEP_CURRENT, "keep-current", UI_G_LIST,   N_("Keep current"), N_("Conflict: keep the value shown now")) \
	_(KEEP_OTHER,  "keep-other",    UI_G_LIST,   N_("Keep other"), N_("Conflict: keep the other value (it wins on every laptop after the next sync)")) \
	_(ACCEPT,      "accept",        UI_G_FORM,   N_("OK"), N_("Accept; in a form, the next field (the last one saves)")) \
	_(FIELD_NEXT,  "field-next",    UI_G_FORM,   N_("Next field"), N_("Next field")) \
	_(FIELD_PREV,  "field-prev",    UI_G_FORM,   N_("Prev. field"), N_("Previous field")) \
	_(SAVE,        "save",          UI_G_FORM,   N_("Save"), N_("Save the form")) \
	_(CANCEL,      "cancel",        UI_G_FORM,   N_("Cancel"), N_("Cancel the form or dialog")) \
	_(CHOOSE,      "choose",        UI_G_FORM,   N_("Choose"), N_("Choose from a list for this field")) \
	_(CURSOR_LEFT, "cursor-left",   UI_G_FORM,   N_("Left"), N_("Cursor left; previous choice")) \
	_(CURSOR_RIGHT, "cursor-right", UI_G_FORM,   N_("Right"), N_("Cursor right; next choice")) \
	_(LINE_START,  "line-start",    UI_G_FORM,   N_("Start"), N_("Cursor to the start of the field")) \
	_(LINE_END,    "line-end",      UI_G_FORM,   N_("End"), N_("Cursor to the end of the field")) \
	_(DELETE_BACK, "delete-back",   UI_G_FORM,   N_("Delete"), N_("Delete the character before the cursor")) \
	_(DELETE_CHAR, "delete-char",   UI_G_FORM,   N_("Delete"), N_("Delete the character under the cursor")) \
	_(KILL_LINE,   "kill-line",     UI_G_FORM,   N_("Clear"), N_("Clear the field")) \
	_(PREV_DAY,    "prev-day",      UI_G_CALENDAR, N_("Day before"), N_("Previous day")) \
	_(NEXT_DAY,    "next-day",      UI_G_CALENDAR, N_("Day after"), N_("Next day")) \
	_(PREV_MONTH,  "prev-month",    UI_G_CALENDAR, N_("Month before"), N_("Previous month (also Page up)")) \
	_(NEXT_MONTH,  "next-month",    UI_G_CALENDAR, N_("Month after"), N_("Next month (also Page down)")) \
	_(TODAY,       "today",         UI_G_CALENDAR, N_("Today"), N_("Go to today")) \
	_(PREV_SESSION, "prev-session", UI_G_CALENDAR, N_("Prev. session"), N_("Go to the previous session")) \
	_(NEXT_SESSION, "next-session", UI_G_CALENDAR, N_("Next session"), N_("Go to the next session")) \
	_(CANCEL_SESSION, "cancel-session", UI_G_CALENDAR, N_("Call off"), N_("Cancel the session (asks first, then for a reason)")) \
	_(MOVE_SESSION, "move-session", UI_G_CALENDAR, N_("Move"), N_("Move the session to another date, venue or times")) \
	_(NEXT_VENUE,  "next-venue",    UI_G_CALENDAR, N_("Next venue"), N_("Move the session to the next open venue of its rotation")) \
	_(MARK_HELD,   "mark-held",     UI_G_CALENDAR, N_("Held"), N_("Mark the session as held")) \
	_(RESTORE,     "restore-session", UI_G_CALENDAR, N_("Restore"), N_("Plan a cancelled or held session again")) \
	_(EXPORT_ICAL, "export-ical",   UI_G_CALENDAR, N_("Export .ics"), N_("Export the calendar to an .ics file for calendar apps")) \
	_(SHOW_IN_CALENDAR, "show-in-calendar", UI_G_CALENDAR, N_("Calendar"), N_("Show the session in the calendar")) \
	_(ADD_CLOSURE, "add-closure",   UI_G_LIST,   N_("Closure"), N_("Add a period when the venue is unavailable")) \
	_(REMOVE_CLOSURE, "remove-closure", UI_G_LIST, N_("Reopen"), N_("Remove one of the venue's unavailability periods")) \
	_(CHECKIN,     "check-in",      UI_G_PEOPLE, N_("Check in"), N_("Check someone in: 2 or 3 letters of the name, Enter")) \
	_(CHECKOUT,    "check-out",     UI_G_PEOPLE, N_("Check out"), N_("Check the selected person out")) \
	_(PAIR,        "pair",          UI_G_PEOPLE, N_("Pair"), N_("Pair the selected learner (best suggestions first)")) \
	_(END_PAIR,    "end-pair",      UI_G_PEOPLE, N_("End pair"), N_("End the selected pair (asks first)")) \
	_(SIGN_OFF,    "sign-off",      UI_G_PEOPLE, N_("Sign off"), N_("Sign off a skill: the skill, the level, the mentor")) \
	_(PROMOTE,     "promote",       UI_G_PEOPLE, N_("Promote"), N_("Promote the selected learner to mentor (asks first)")) \
	_(NEXT_VIEW,   "next-view",     UI_G_PEOPLE, N_("Next view"), N_("Show the next part of the screen")) \
	_(PREV_VIEW,   "prev-view",     UI_G_PEOPLE, N_("Prev. view"), N_("Show the previous part of the screen"))

enum ui_action {
	UI_A_NONE = 0,
#define UI_ACTION_ENUM(id, name, group, label, help) UI_A_##id,
	UI_ACTION_INFO(UI_ACTION_ENUM)
#undef UI_ACTION_ENUM
	UI_A_COUNT,
};

struct ui_action_info {
	const char *name;
	enum ui_group group;
	const char *label; /* untranslated: pass through _() */
	const char *help;  /* untranslated: pass through _() */
};

const struct ui_action_info *ui_action_info(enum ui_action a);
/* UI_A_NONE when name is not an action's config name. */
enum ui_action ui_action_by_name(const char *name);
/* The tab an action goes to (0 for screen-1, ... 15 for screen-16), or
 * -1 when it is no "screen-N". Tabs past the number keys are reached with
 * Tab and BTab, 0 (screen-10), or a key the configuration binds. */
int ui_action_screen(enum ui_action a);
/* The i-th default binding, in the help's order: its scope's name
 * ("generic", "form" or a screen's), its action and its key's name; false
 * past the last. (For tests/cli/man-keys, which writes cambouis(1)'s
 * KEYS.) */
bool ui_action_default(size_t i, const char **scope, enum ui_action *a, const char **key);
/* The translated title of a group, for the help screen. */
const char *ui_group_title(enum ui_group g);

/*
 * The key map: per scope, key -> action. Scope 0 is "generic", scope 1 is
 * "form" (text entry: forms, the search prompt, pickers, dialogs); screens
 * register their own scope names, whose bindings come before the generic
 * ones. A screen with no binding of its own falls back to generic.
 */
enum { UI_SCOPE_GENERIC = 0, UI_SCOPE_FORM = 1 };

struct ui_keymap;

/* A key map with the default bindings; scopes[] are the screens' scope
 * names (index + 2 is their scope number). NULL on OOM. */
struct ui_keymap *ui_keymap_new(const char *const *scopes, size_t nscopes);
void ui_keymap_free(struct ui_keymap *km);

/* Apply the bindings of the config file (replacing the defaults of each
 * action named). On an unknown scope, action or key name, writes
 * "FILE:LINE: message" into err and returns false (km unchanged by the bad
 * entry). cfg_path may be NULL. */
bool ui_keymap_configure(struct ui_keymap *km, const struct cb_keybinding *kb, size_t n,
			 const char *cfg_path, char *err, size_t errlen);

/* The action of key in scope (then generic for a screen scope). */
enum ui_action ui_keymap_lookup(const struct ui_keymap *km, int scope, int key);

/* The keys bound to action in scope (for a screen scope, its own then the
 * generic ones), as "j, Down" into buf. Returns the number of keys. */
size_t ui_keymap_keys(const struct ui_keymap *km, int scope, enum ui_action a,
		      char *buf, size_t len);

#endif
