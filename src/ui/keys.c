/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cambouis/i18n.h"
#include "cambouis/text.h"
#include "ui/keys.h"

static const struct {
	const char *name;
	int key;
} named[] = {
	{"Enter", UI_KEY_ENTER}, {"Esc", UI_KEY_ESC}, {"Tab", UI_KEY_TAB},
	{"BTab", UI_KEY_BTAB}, {"Space", ' '}, {"Up", UI_KEY_UP},
	{"Down", UI_KEY_DOWN}, {"Left", UI_KEY_LEFT}, {"Right", UI_KEY_RIGHT},
	{"Home", UI_KEY_HOME}, {"End", UI_KEY_END}, {"PgUp", UI_KEY_PGUP},
	{"PgDn", UI_KEY_PGDN}, {"Backspace", UI_KEY_BACKSPACE}, {"Del", UI_KEY_DEL},
	{"Ins", UI_KEY_INS},
	/* accepted spellings, never shown */
	{"S-Tab", UI_KEY_BTAB}, {"Return", UI_KEY_ENTER}, {"Escape", UI_KEY_ESC},
	{"PageUp", UI_KEY_PGUP}, {"PageDown", UI_KEY_PGDN}, {"Delete", UI_KEY_DEL},
	{"BS", UI_KEY_BACKSPACE}, {"lt", '<'},
};

bool
ui_key_parse(const char *name, int *key)
{
	size_t n;
	uint32_t cp;

	if (!name || !*name)
		return false;
	n = strlen(name);
	/* a single character, possibly multibyte */
	if (cb_utf8_decode(name, n, &cp) == n && cp != 0xFFFD) {
		if (cp < 0x20 || cp == 0x7f)
			return false;
		*key = (int)cp;
		return true;
	}
	if (n == 3 && (name[0] == 'C' || name[0] == 'c') && name[1] == '-') {
		char c = name[2];
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c < '@' || c > '_' || c == 'I' || c == 'M' || c == '[')
			return false; /* C-i, C-m and C-[ are Tab, Enter and Esc */
		*key = UI_KEY_CTRL(c);
		return true;
	}
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (strcasecmp(name, named[i].name) == 0) {
			*key = named[i].key;
			return true;
		}
	if ((name[0] == 'F' || name[0] == 'f') && n <= 3) {
		int f = 0;
		for (size_t i = 1; i < n; i++) {
			if (name[i] < '0' || name[i] > '9')
				return false;
			f = f * 10 + (name[i] - '0');
		}
		if (f >= 1 && f <= 12) {
			*key = UI_KEY_F1 + f - 1;
			return true;
		}
	}
	return false;
}

size_t
ui_utf8_encode(unsigned cp, char *out)
{
	size_t n;

	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		out[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		out[0] = (char)(0xF0 | (cp >> 18));
		out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	out[n] = '\0';
	return n;
}

/* The names shown on the screens, in the user's language (one convention
 * per language: French says Entrée, Échap, Maj-Tab...). The config file
 * and the scripts keep the English names of named[] above. */
static const struct {
	int key;
	const char *label;
} shown[] = {
	/* TRANSLATORS: key names as the screens show them; keep them short */
	{UI_KEY_ENTER, N_("Enter")}, {UI_KEY_ESC, N_("Esc")}, {UI_KEY_TAB, N_("Tab")},
	{UI_KEY_BTAB, N_("BTab")}, {' ', N_("Space")}, {UI_KEY_UP, N_("Up")},
	{UI_KEY_DOWN, N_("Down")}, {UI_KEY_LEFT, N_("Left")}, {UI_KEY_RIGHT, N_("Right")},
	{UI_KEY_HOME, N_("Home")}, {UI_KEY_END, N_("End")}, {UI_KEY_PGUP, N_("PgUp")},
	{UI_KEY_PGDN, N_("PgDn")}, {UI_KEY_BACKSPACE, N_("Backspace")}, {UI_KEY_DEL, N_("Del")},
	{UI_KEY_INS, N_("Ins")},
};

char *
ui_key_name(int key, char *buf, size_t len)
{
	for (size_t i = 0; i < sizeof shown / sizeof shown[0]; i++)
		if (shown[i].key == key) {
			snprintf(buf, len, "%s", _(shown[i].label));
			return buf;
		}
	if (key >= UI_KEY_F1 && key <= UI_KEY_F12) {
		snprintf(buf, len, "F%d", key - UI_KEY_F1 + 1);
	} else if (key >= 0 && key < 0x20) {
		/* TRANSLATORS: a control key, %c is its letter: "C-u" */
		snprintf(buf, len, _("C-%c"), (char)(key + '`'));
	} else if (key > 0x20 && key < UI_KEY_SPECIAL && key != 0x7f) {
		char u[8];
		ui_utf8_encode((unsigned)key, u);
		snprintf(buf, len, "%s", u);
	} else {
		snprintf(buf, len, "?");
	}
	return buf;
}

bool
ui_key_is_text(int key)
{
	return key >= 0x20 && key != 0x7f && key < UI_KEY_SPECIAL &&
	       !(key >= 0x80 && key < 0xA0) && cb_codepoint_width((uint32_t)key) >= 0;
}
