/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_UI_KEYS_H
#define CAMBOUIS_UI_KEYS_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Keys as the screens see them, independent of curses so the view-models,
 * the key map and the headless script can be tested without a terminal.
 * A key is a Unicode code point (Enter is '\n', Tab '\t', Esc 27, Ctrl-X is
 * 24) or one of the special keys below, numbered above Unicode.
 */
enum ui_key {
	UI_KEY_ENTER = '\n',
	UI_KEY_TAB = '\t',
	UI_KEY_ESC = 27,
	UI_KEY_SPECIAL = 0x200000,
	UI_KEY_UP = UI_KEY_SPECIAL,
	UI_KEY_DOWN,
	UI_KEY_LEFT,
	UI_KEY_RIGHT,
	UI_KEY_HOME,
	UI_KEY_END,
	UI_KEY_PGUP,
	UI_KEY_PGDN,
	UI_KEY_BTAB,
	UI_KEY_BACKSPACE,
	UI_KEY_DEL,
	UI_KEY_INS,
	UI_KEY_RESIZE,
	UI_KEY_F1,
	UI_KEY_F12 = UI_KEY_F1 + 11,
	UI_KEY_LAST,
};

#define UI_KEY_CTRL(c) ((c) & 0x1f)

/* Parse a key name as written in the config file and in scripts: a single
 * character ("Q", "é"), "C-x", "Enter", "Esc", "Tab", "BTab" (or "S-Tab"),
 * "Space", "Up", "Down", "Left", "Right", "Home", "End", "PgUp", "PgDn",
 * "Backspace", "Del", "Ins", "F1".."F12" (names ignore case). */
bool ui_key_parse(const char *name, int *key);

/* The display name of key ("j", "Down", "C-u"; translated: "Bas") into
 * buf; returns buf. */
char *ui_key_name(int key, char *buf, size_t len);

/* Is key a character that can be typed into a text field? */
bool ui_key_is_text(int key);

/* Encode code point cp as UTF-8 into out (at least 5 bytes, NUL-ended);
 * returns the bytes written. */
size_t ui_utf8_encode(unsigned cp, char *out);

#endif
