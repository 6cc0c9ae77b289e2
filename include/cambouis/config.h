/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_CONFIG_H
#define CAMBOUIS_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include "cambouis/status.h"

/*
 * The configuration (DESIGN.md §7). Every key has a compiled-in default;
 * share/cambouis/config.example documents them all. Loading reports the
 * first problem as "FILE:LINE: message".
 */

struct cb_keybinding {
	char *scope;  /* "generic", "venues", ... */
	char *action; /* action config name, e.g. "quit" */
	char **keys;  /* key names, e.g. "Q", "C-x", "F5" */
	size_t nkeys;
	int line;     /* where it was set, for error messages */
};

/* A school-holiday period from the config (both dates included). */
struct cb_school_holiday {
	char *name;
	char *from; /* "YYYY-MM-DD" */
	char *to;
	int line;   /* where it was set, for error messages */
};

struct cb_config {
	char *path;           /* file loaded, or NULL when none */
	char *workshop_name;
	char *site_label;     /* NULL: the host name */
	char *database;       /* NULL: the XDG data path */
	char *sync_dir;       /* the folder "sync now" uses; NULL: none ("~/" allowed) */
	char *session_start;  /* "HH:MM" */
	char *session_end;
	int every_weeks;
	int retention_months;
	int small_count_threshold;
	bool colour;
	struct cb_keybinding *keys;
	size_t nkeys;
	/* calendar: holidays = { public = true; rule = "skip"; };
	 * school_holidays = ( { name = "..."; from = "..."; to = "..."; } ); */
	bool public_holidays;
	char *holiday_rule;   /* "skip", "before", "after" or "ignore" */
	struct cb_school_holiday *school_holidays;
	size_t nschool_holidays;
	/* people: people = { attestation_months = 12;
	 *   promote = { skills = 3; sessions = 4; };
	 *   categories = [...]; skills = [...]; consent_purposes = [...]; };
	 * the lists add to the built-in ones */
	int attestation_months;
	int promote_skills;   /* skills at "can teach" */
	int promote_sessions; /* sessions attended */
	char **categories;
	size_t ncategories;
	char **skills;
	size_t nskills;
	char **consent_purposes;
	size_t nconsent_purposes;
};

/* Fill cfg with the compiled-in defaults (allocates; free with
 * cb_config_free). */
cb_status cb_config_defaults(struct cb_config *cfg);

/* A configuration file larger than this is refused unread (libconfig's
 * time grows with the square of the number of settings). */
#define CB_CONFIG_MAX_BYTES (64 * 1024)

/* Read path over the defaults already in cfg. When must_exist is false a
 * missing file is not an error. On error, err holds "FILE:LINE: message"
 * (or "FILE: message") and cfg keeps its previous values. */
cb_status cb_config_load(struct cb_config *cfg, const char *path, bool must_exist,
			 char *err, size_t errlen);

void cb_config_free(struct cb_config *cfg);

/* Set the top-level string setting key to value in the configuration file
 * at path (made, with its folder, when missing): the file is edited as
 * text, so every other line and comment stays; the result must load (else
 * nothing changes: CB_CONFIG with "FILE:LINE: message" in err), then it
 * replaces the file atomically. CB_INVALID when value holds control
 * characters; CB_IO (err says why) when the file cannot be read or
 * written. The caller re-reads the file to use the new value. */
cb_status cb_config_set_string(const char *path, const char *key, const char *value, char *err,
			       size_t errlen);

#endif
