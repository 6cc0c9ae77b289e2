/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cambouis/paths.h"

static cb_status
join(char **out, const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 1;

	*out = malloc(n);
	if (!*out)
		return CB_NOMEM;
	snprintf(*out, n, "%s%s", a, b);
	return CB_OK;
}

cb_status
cb_paths_home(const char **out)
{
	const char *home = getenv("HOME");
	struct stat sb;

	*out = NULL;
	if (!home || home[0] != '/')
		return CB_INVALID;
	if (stat(home, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return CB_NOT_FOUND;
	*out = home;
	return CB_OK;
}

/* $var/suffix when var is set and absolute (the XDG specification says a
 * relative one is ignored), else $HOME/fallback/suffix */
static cb_status
xdg(char **out, const char *var, const char *fallback, const char *suffix)
{
	const char *base = getenv(var);
	char *tmp;
	cb_status st;

	if (base && base[0] == '/')
		return join(out, base, suffix);
	if ((st = cb_paths_home(&base)) != CB_OK)
		return st;
	st = join(&tmp, base, fallback);
	if (st != CB_OK)
		return st;
	st = join(out, tmp, suffix);
	free(tmp);
	return st;
}

cb_status
cb_paths_data_dir(char **out)
{
	return xdg(out, "XDG_DATA_HOME", "/.local/share", "/cambouis");
}

cb_status
cb_paths_default_db(char **out)
{
	return xdg(out, "XDG_DATA_HOME", "/.local/share", "/cambouis/cambouis.db");
}

cb_status
cb_paths_demo_db(char **out)
{
	return xdg(out, "XDG_DATA_HOME", "/.local/share", "/cambouis/demo.db");
}

cb_status
cb_paths_config(char **out)
{
	return xdg(out, "XDG_CONFIG_HOME", "/.config", "/cambouis/config");
}

cb_status
cb_paths_make_parent(const char *file)
{
	char *dir = strdup(file);
	char *slash;

	if (!dir)
		return CB_NOMEM;
	slash = strrchr(dir, '/');
	if (!slash || slash == dir) {
		free(dir);
		return CB_OK;
	}
	*slash = '\0';
	for (char *p = dir + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;
			*p = '\0';
			if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
				cb_status st = errno == ENOSPC ? CB_FULL : CB_IO;
				free(dir);
				return st;
			}
			*p = c;
			if (c == '\0')
				break;
		}
	}
	free(dir);
	return CB_OK;
}

cb_status
cb_paths_expand_home(const char *path, char **out)
{
	const char *home;
	cb_status st;

	if (strncmp(path, "~/", 2) != 0) {
		*out = strdup(path);
		return *out ? CB_OK : CB_NOMEM;
	}
	*out = NULL;
	if ((st = cb_paths_home(&home)) != CB_OK)
		return st;
	return join(out, home, path + 1);
}
