/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes the KEYS section of cambouis(1) from the action table
 * (src/ui/action.h) and its default bindings (src/ui/action.c), in roff,
 * so the page and the program cannot drift: tests/cli/manpage-keys.sh
 * compares, `make man-keys` rewrites the section. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ui/action.h"

/* Text for roff: a backslash doubled, a minus as \-, and a leading dot or
 * quote kept from starting a request. */
static void
roff(const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", stdout);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", stdout);
		else if (*s == '-')
			fputs("\\-", stdout);
		else
			putchar(*s);
	}
}

int
main(void)
{
	const char *scopes[32], *scope, *key;
	size_t nscopes = 0;
	enum ui_action a;

	for (size_t i = 0; ui_action_default(i, &scope, &a, &key); i++) {
		size_t k = 0;
		while (k < nscopes && strcmp(scopes[k], scope) != 0)
			k++;
		if (k == nscopes && nscopes < sizeof scopes / sizeof scopes[0])
			scopes[nscopes++] = scope;
	}
	puts(".SH KEYS");
	puts(".\\\" Made by tests/cli/man-keys from src/ui/action.[ch]: run");
	puts(".\\\" `make man-keys` after changing them (make check compares).");
	puts("The default keys of the full-screen interface, by scope: generic keys");
	puts("work on every screen unless the screen binds the key itself; form keys");
	puts("work in forms, prompts and dialogs. The scope and the action name in");
	puts("parentheses are what the");
	puts(".B keys");
	puts("setting of");
	puts(".BR cambouis.conf (5)");
	puts("changes.");
	for (size_t k = 0; k < nscopes; k++) {
		printf(".SS \"%s\"\n", scopes[k]);
		for (int id = 1; id < UI_A_COUNT; id++) {
			const struct ui_action_info *info = ui_action_info((enum ui_action)id);
			int n = 0;
			for (size_t i = 0; ui_action_default(i, &scope, &a, &key); i++) {
				if ((int)a != id || strcmp(scope, scopes[k]) != 0)
					continue;
				if (!n++)
					puts(".TP");
				else
					fputs(", ", stdout);
				fputs("\\fB", stdout);
				roff(key);
				fputs("\\fR", stdout);
			}
			if (!n)
				continue;
			fputs(" (", stdout);
			roff(info->name);
			puts(")");
			roff(info->help);
			putchar('\n');
		}
	}
	return ferror(stdout) || fflush(stdout) ? 1 : 0;
}
