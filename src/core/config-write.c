/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Changing one setting of the configuration file from the program (init
 * --workshop-name, the Sync screen's folder): the file is edited as text,
 * so the user's other settings, comments and layout stay as they were,
 * checked by loading it, and replaced atomically. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cambouis/buf.h"
#include "cambouis/bundle.h"
#include "cambouis/config.h"
#include "cambouis/i18n.h"
#include "cambouis/paths.h"

/* The whole file, or "" when there is none yet. */
static cb_status
slurp(const char *path, struct cb_buf *b)
{
	char chunk[4096];
	size_t n;
	FILE *f = fopen(path, "r");

	if (!f)
		return errno == ENOENT ? CB_OK : CB_IO;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		cb_buf_addn(b, chunk, n);
	if (ferror(f)) {
		fclose(f);
		return CB_IO;
	}
	fclose(f);
	return b->oom ? CB_NOMEM : CB_OK;
}

static bool
name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-' || c == '*';
}

/* Where the top-level setting key starts and ends (after its ';') in
 * text: a small scanner that skips strings and comments and counts
 * brackets, so "name" inside a group or a comment is not it. */
static bool
find_setting(const char *text, size_t len, const char *key, size_t *start, size_t *end)
{
	size_t klen = strlen(key), i = 0;
	int depth = 0;
	bool line_start = true;

	while (i < len) {
		char c = text[i];
		if (c == '"') {
			for (i++; i < len && text[i] != '"'; i++)
				if (text[i] == '\\' && i + 1 < len)
					i++;
			i++;
			line_start = false;
		} else if (c == '#' || (c == '/' && i + 1 < len && text[i + 1] == '/')) {
			while (i < len && text[i] != '\n')
				i++;
		} else if (c == '/' && i + 1 < len && text[i + 1] == '*') {
			const char *e = strstr(text + i + 2, "*/");
			i = e ? (size_t)(e - text) + 2 : len;
		} else if (c == '\n') {
			line_start = true;
			i++;
		} else if (c == ' ' || c == '\t' || c == '\r') {
			i++;
		} else if (depth == 0 && line_start && i + klen <= len &&
			   strncmp(text + i, key, klen) == 0 &&
			   (i + klen == len || !name_char(text[i + klen]))) {
			size_t j = i + klen;
			while (j < len && (text[j] == ' ' || text[j] == '\t'))
				j++;
			if (j < len && (text[j] == '=' || text[j] == ':')) {
				*start = i;
				/* the value: strings (adjacent ones join), up to ';' or
				 * the end of the line */
				for (j++; j < len && text[j] != ';' && text[j] != '\n'; j++)
					if (text[j] == '"')
						for (j++; j < len && text[j] != '"'; j++)
							if (text[j] == '\\' && j + 1 < len)
								j++;
				*end = j < len && text[j] == ';' ? j + 1 : j;
				return true;
			}
			line_start = false;
			i++;
		} else {
			if (c == '{' || c == '(' || c == '[')
				depth++;
			else if ((c == '}' || c == ')' || c == ']') && depth > 0)
				depth--;
			line_start = c == ';' || c == ',' || c == '{' || c == '(' || c == '[';
			if (!line_start && name_char(c))
				while (i + 1 < len && name_char(text[i + 1]))
					i++;
			i++;
		}
	}
	return false;
}

/* key = "value"; with libconfig's escapes. */
static void
put_setting(struct cb_buf *b, const char *key, const char *value)
{
	cb_buf_addn(b, key, strlen(key));
	cb_buf_addn(b, " = \"", 4);
	for (const char *p = value; *p; p++) {
		if (*p == '"' || *p == '\\')
			cb_buf_addn(b, "\\", 1);
		cb_buf_addn(b, p, 1);
	}
	cb_buf_add(b, "\";");
}

cb_status
cb_config_set_string(const char *path, const char *key, const char *value, char *err, size_t errlen)
{
	struct cb_buf old = {0}, new = {0};
	size_t start, end;
	struct cb_config check;
	char *tmp = NULL;
	cb_status st;
	int fd;

	if (err && errlen)
		err[0] = '\0';
	for (const unsigned char *p = (const unsigned char *)value; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return CB_INVALID;
	if ((st = slurp(path, &old)) != CB_OK) {
		if (st == CB_IO && err)
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
		free(old.s);
		return st;
	}
	if (old.len && find_setting(old.s, old.len, key, &start, &end)) {
		cb_buf_addn(&new, old.s, start);
		put_setting(&new, key, value);
		cb_buf_addn(&new, old.s + end, old.len - end);
	} else {
		if (old.len) {
			cb_buf_addn(&new, old.s, old.len);
			if (old.s[old.len - 1] != '\n')
				cb_buf_addn(&new, "\n", 1);
		}
		put_setting(&new, key, value);
		cb_buf_addn(&new, "\n", 1);
	}
	free(old.s);
	if (new.oom) {
		free(new.s);
		return CB_NOMEM;
	}
	if ((st = cb_paths_make_parent(path)) != CB_OK)
		goto out;
	/* the new text must load before it replaces the old one */
	if (asprintf(&tmp, "%s.check-XXXXXX", path) < 0) {
		tmp = NULL;
		st = CB_NOMEM;
		goto out;
	}
	if ((fd = mkstemp(tmp)) < 0 || write(fd, new.s, new.len) != (ssize_t)new.len) {
		if (err)
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		st = CB_IO;
		goto out;
	}
	close(fd);
	if ((st = cb_config_defaults(&check)) == CB_OK) {
		st = cb_config_load(&check, tmp, true, err, errlen);
		cb_config_free(&check);
	}
	/* the message names the file, not the copy that was checked */
	if (st != CB_OK && err && strncmp(err, tmp, strlen(tmp)) == 0) {
		char *rest = strdup(err + strlen(tmp));
		if (rest)
			snprintf(err, errlen, "%s%s", path, rest);
		free(rest);
	}
	unlink(tmp);
	if (st == CB_OK && (st = cb_bundle_publish(path, new.s, new.len, false)) != CB_OK && err)
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
out:
	free(tmp);
	free(new.s);
	return st;
}
