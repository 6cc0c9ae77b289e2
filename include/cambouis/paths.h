/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_PATHS_H
#define CAMBOUIS_PATHS_H

#include "cambouis/status.h"

/*
 * Where files live (XDG base directories). Each function returns a
 * malloc'ed path in *out (caller frees) or, when the XDG variable is not
 * an absolute path and HOME cannot be used, what cb_paths_home says.
 */

/* HOME, in *out, when it is an absolute path to an existing directory;
 * CB_INVALID when it is unset or relative, CB_NOT_FOUND when it names no
 * directory (cambouis never makes a home directory). */
cb_status cb_paths_home(const char **out);

/* $XDG_DATA_HOME/cambouis, else ~/.local/share/cambouis */
cb_status cb_paths_data_dir(char **out);
/* <data dir>/cambouis.db */
cb_status cb_paths_default_db(char **out);
/* <data dir>/demo.db */
cb_status cb_paths_demo_db(char **out);
/* $XDG_CONFIG_HOME/cambouis/config, else ~/.config/cambouis/config */
cb_status cb_paths_config(char **out);

/* path with a leading "~/" made $HOME/; a path without one unchanged.
 * For "~/", what cb_paths_home says when HOME cannot be used. */
cb_status cb_paths_expand_home(const char *path, char **out);

/* mkdir -p the directory holding file, mode 0700 for what it creates. */
cb_status cb_paths_make_parent(const char *file);

#endif
