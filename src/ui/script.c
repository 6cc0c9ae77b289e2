/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/i18n.h"
#include "cambouis/text.h"
#include "ui/keys.h"
#include "ui/script.h"

bool
ui_script_from_text(struct ui_script *s, const char *text)
{
	memset(s, 0, sizeof *s);
	s->line = 1;
	s->len = strlen(text);
	return (s->text = strdup(text)) != NULL;
}

bool
ui_script_open(struct ui_script *s, const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	memset(s, 0, sizeof *s);
	if (!f) {
		snprintf(s->err, sizeof s->err, "%s: %s", path, strerror(errno));
		return false;
	}
	do {
		if (len + 4096 + 1 > cap) {
			char *p = realloc(buf, cap = cap ? cap * 2 : 8192);
			if (!p) {
				free(buf);
				fclose(f);
				snprintf(s->err, sizeof s->err, "%s", _("out of memory"));
				return false;
			}
			buf = p;
		}
		n = fread(buf + len, 1, 4096, f);
		len += n;
	} while (n > 0);
	if (ferror(f)) {
		snprintf(s->err, sizeof s->err, "%s: %s", path, strerror(errno));
		fclose(f);
		free(buf);
		return false;
	}
	fclose(f);
	buf[len] = '\0';
	s->text = buf;
	s->len = len;
	s->line = 1;
	s->path = strdup(path);
	return true;
}

void
ui_script_close(struct ui_script *s)
{
	free(s->text);
	free(s->path);
	memset(s, 0, sizeof *s);
}

bool
ui_script_size(const char *text, int *cols, int *rows)
{
	char *end;
	long c, r;

	if (!text)
		return false;
	errno = 0;
	c = strtol(text, &end, 10);
	if (errno || (*end != 'x' && *end != 'X') || c < 1 || c > 1000)
		return false;
	r = strtol(end + 1, &end, 10);
	if (errno || *end || r < 1 || r > 1000)
		return false;
	*cols = (int)c;
	*rows = (int)r;
	return true;
}

static struct ui_script_event
fail(struct ui_script *s, const char *m)
{
	snprintf(s->err, sizeof s->err, "%s:%d: %s", s->path ? s->path : "script", s->line, m);
	return (struct ui_script_event){.kind = UI_SCRIPT_ERROR, .line = s->line};
}

struct ui_script_event
ui_script_next(struct ui_script *s)
{
	struct ui_script_event ev = {.kind = UI_SCRIPT_END};

	for (;;) {
		bool line_start = s->pos == 0 || s->text[s->pos - 1] == '\n';
		char *p = s->text + s->pos;

		if (s->pos >= s->len)
			return ev;
		if (*p == '\n') {
			s->pos++;
			s->line++;
			continue;
		}
		if (line_start && (*p == '#' || *p == ':')) {
			char *eol = strchr(p, '\n');
			size_t n = eol ? (size_t)(eol - p) : strlen(p);
			s->pos += n;
			if (*p == '#')
				continue;
			if (n == 5 && strncmp(p, ":idle", 5) == 0) {
				ev.kind = UI_SCRIPT_IDLE;
				ev.line = s->line;
				return ev;
			}
			if (strncmp(p, ":cambouis ", 10) == 0 && n > 10 && n - 10 < sizeof s->dump) {
				memcpy(s->dump, p + 10, n - 10);
				s->dump[n - 10] = '\0';
				ev.kind = UI_SCRIPT_RUN;
				ev.path = s->dump;
				ev.line = s->line;
				return ev;
			}
			if (strncmp(p, ":dump ", 6) == 0 && n > 6 && n - 6 < sizeof s->dump) {
				memcpy(s->dump, p + 6, n - 6);
				s->dump[n - 6] = '\0';
				ev.kind = UI_SCRIPT_DUMP;
				ev.path = s->dump;
				ev.line = s->line;
				return ev;
			}
			{
				char m[150];
				snprintf(m, sizeof m, _("unknown script command '%.*s'"), (int)n, p);
				return fail(s, m);
			}
		}
		ev.line = s->line;
		if (*p == '<') {
			char *close = strchr(p, '>');
			char name[64];
			size_t n;
			if (!close || (n = (size_t)(close - p - 1)) >= sizeof name || memchr(p, '\n', (size_t)(close - p)))
				{
				char m[150];
				snprintf(m, sizeof m, _("unclosed key name '%.*s'"), (int)strcspn(p, "\n"), p);
				return fail(s, m);
			}
			memcpy(name, p + 1, n);
			name[n] = '\0';
			s->pos += n + 2;
			if (strncmp(name, "Resize ", 7) == 0) {
				if (!ui_script_size(name + 7, &ev.cols, &ev.rows))
					{
				char m[150];
				snprintf(m, sizeof m, _("bad size in '<%.*s>'"), (int)n, name);
				return fail(s, m);
			}
				ev.kind = UI_SCRIPT_RESIZE;
				return ev;
			}
			if (!ui_key_parse(name, &ev.key))
				{
				char m[150];
				snprintf(m, sizeof m, _("unknown key '<%.*s>'"), (int)n, name);
				return fail(s, m);
			}
			ev.kind = UI_SCRIPT_KEY;
			return ev;
		}
		{
			uint32_t cp;
			size_t k = cb_utf8_decode(p, s->len - s->pos, &cp);
			s->pos += k;
			ev.kind = UI_SCRIPT_KEY;
			ev.key = (int)cp;
			return ev;
		}
	}
}
