/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <libconfig.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cambouis/config.h"
#include "cambouis/date.h"
#include "cambouis/holidays.h"
#include "cambouis/i18n.h"

static char *
xstrdup(const char *s, bool *oom)
{
	char *p;

	if (!s)
		return NULL;
	p = strdup(s);
	if (!p)
		*oom = true;
	return p;
}

cb_status
cb_config_defaults(struct cb_config *cfg)
{
	bool oom = false;

	memset(cfg, 0, sizeof *cfg);
	cfg->workshop_name = xstrdup("Atelier vélo", &oom);
	cfg->session_start = xstrdup("17:30", &oom);
	cfg->session_end = xstrdup("20:00", &oom);
	cfg->every_weeks = 2;
	cfg->retention_months = 24;
	cfg->small_count_threshold = 5;
	cfg->colour = true;
	cfg->public_holidays = true;
	cfg->holiday_rule = xstrdup("skip", &oom);
	cfg->attestation_months = 12;
	cfg->promote_skills = 3;
	cfg->promote_sessions = 4;
	if (oom) {
		cb_config_free(cfg);
		return CB_NOMEM;
	}
	return CB_OK;
}

static void
free_keys(struct cb_keybinding *keys, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(keys[i].scope);
		free(keys[i].action);
		for (size_t k = 0; k < keys[i].nkeys; k++)
			free(keys[i].keys[k]);
		free(keys[i].keys);
	}
	free(keys);
}

static void
free_school(struct cb_school_holiday *sh, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(sh[i].name);
		free(sh[i].from);
		free(sh[i].to);
	}
	free(sh);
}

static void
free_strings(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static char **
copy_strings(char *const *v, size_t n, bool *oom)
{
	char **c;

	if (!n)
		return NULL;
	if (!(c = calloc(n, sizeof *c))) {
		*oom = true;
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		c[i] = xstrdup(v[i], oom);
	return c;
}

/* A deep copy, so a refused file leaves the caller's list alone. */
static struct cb_school_holiday *
copy_school(const struct cb_school_holiday *sh, size_t n, bool *oom)
{
	struct cb_school_holiday *c;

	if (!n)
		return NULL;
	if (!(c = calloc(n, sizeof *c))) {
		*oom = true;
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		c[i].name = xstrdup(sh[i].name, oom);
		c[i].from = xstrdup(sh[i].from, oom);
		c[i].to = xstrdup(sh[i].to, oom);
		c[i].line = sh[i].line;
	}
	return c;
}

void
cb_config_free(struct cb_config *cfg)
{
	free(cfg->path);
	free(cfg->workshop_name);
	free(cfg->site_label);
	free(cfg->database);
	free(cfg->sync_dir);
	free(cfg->session_start);
	free(cfg->session_end);
	free_keys(cfg->keys, cfg->nkeys);
	free(cfg->holiday_rule);
	free_school(cfg->school_holidays, cfg->nschool_holidays);
	free_strings(cfg->categories, cfg->ncategories);
	free_strings(cfg->skills, cfg->nskills);
	free_strings(cfg->consent_purposes, cfg->nconsent_purposes);
	memset(cfg, 0, sizeof *cfg);
}

/* Loading state: the first error wins and is formatted once. */
struct loader {
	const char *file;
	char *err;
	size_t errlen;
	bool failed;
	bool oom;
};

static void report(struct loader *ld, const config_setting_t *s, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
report(struct loader *ld, const config_setting_t *s, const char *fmt, ...)
{
	char msg[256];
	va_list ap;
	int line = s ? config_setting_source_line(s) : 0;

	if (ld->failed)
		return;
	ld->failed = true;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (line > 0)
		snprintf(ld->err, ld->errlen, "%s:%d: %s", ld->file, line, msg);
	else
		snprintf(ld->err, ld->errlen, "%s: %s", ld->file, msg);
}

/* "session.start" rather than "start": the name a user searches for. */
static const char *
qname(const config_setting_t *s)
{
	static char buf[128];
	const config_setting_t *parent = config_setting_parent(s);

	if (parent && !config_setting_is_root(parent) && config_setting_name(parent)) {
		snprintf(buf, sizeof buf, "%s.%s", config_setting_name(parent), config_setting_name(s));
		return buf;
	}
	return config_setting_name(s);
}

static bool
valid_time(const char *s)
{
	return strlen(s) == 5 && s[0] >= '0' && s[0] <= '2' && s[1] >= '0' && s[1] <= '9' &&
	       s[2] == ':' && s[3] >= '0' && s[3] <= '5' && s[4] >= '0' && s[4] <= '9' &&
	       (s[0] - '0') * 10 + (s[1] - '0') < 24;
}

static void
get_string(struct loader *ld, const config_setting_t *s, char **dst)
{
	const char *v;

	if (config_setting_type(s) != CONFIG_TYPE_STRING) {
		report(ld, s, _("'%s' must be a string"), qname(s));
		return;
	}
	v = config_setting_get_string(s);
	free(*dst);
	*dst = xstrdup(v, &ld->oom);
}

static void
get_time(struct loader *ld, const config_setting_t *s, char **dst)
{
	if (config_setting_type(s) != CONFIG_TYPE_STRING ||
	    !valid_time(config_setting_get_string(s))) {
		report(ld, s, _("'%s' must be a time such as \"17:30\""), qname(s));
		return;
	}
	get_string(ld, s, dst);
}

static void
get_int(struct loader *ld, const config_setting_t *s, int *dst, int min, int max)
{
	int v;

	if (config_setting_type(s) != CONFIG_TYPE_INT) {
		report(ld, s, _("'%s' must be a whole number"), qname(s));
		return;
	}
	v = config_setting_get_int(s);
	if (v < min || v > max) {
		report(ld, s, _("'%s' must be between %d and %d"), qname(s), min, max);
		return;
	}
	*dst = v;
}

static void
get_bool(struct loader *ld, const config_setting_t *s, bool *dst)
{
	if (config_setting_type(s) != CONFIG_TYPE_BOOL) {
		report(ld, s, _("'%s' must be true or false"), qname(s));
		return;
	}
	*dst = config_setting_get_bool(s);
}

static void
load_session(struct loader *ld, const config_setting_t *g, struct cb_config *cfg)
{
	if (!config_setting_is_group(g)) {
		report(ld, g, _("'%s' must be a group { ... }"), config_setting_name(g));
		return;
	}
	for (int i = 0; i < config_setting_length(g) && !ld->failed; i++) {
		const config_setting_t *s = config_setting_get_elem(g, (unsigned)i);
		const char *name = config_setting_name(s);
		if (strcmp(name, "start") == 0)
			get_time(ld, s, &cfg->session_start);
		else if (strcmp(name, "end") == 0)
			get_time(ld, s, &cfg->session_end);
		else if (strcmp(name, "every_weeks") == 0)
			get_int(ld, s, &cfg->every_weeks, 1, 52);
		else
			report(ld, s, _("unknown setting 'session.%s'"), name);
	}
}

/* holidays = { public = true; rule = "skip"; }; */
static void
load_holidays(struct loader *ld, const config_setting_t *g, struct cb_config *cfg)
{
	if (!config_setting_is_group(g)) {
		report(ld, g, _("'%s' must be a group { ... }"), config_setting_name(g));
		return;
	}
	for (int i = 0; i < config_setting_length(g) && !ld->failed; i++) {
		const config_setting_t *s = config_setting_get_elem(g, (unsigned)i);
		const char *name = config_setting_name(s);
		enum cb_holiday_rule rule;
		if (strcmp(name, "public") == 0)
			get_bool(ld, s, &cfg->public_holidays);
		else if (strcmp(name, "rule") == 0) {
			if (config_setting_type(s) != CONFIG_TYPE_STRING ||
			    cb_holiday_rule_parse(config_setting_get_string(s), &rule) != CB_OK)
				report(ld, s, _("'holidays.rule' must be \"skip\", \"before\", \"after\" or \"ignore\""));
			else
				get_string(ld, s, &cfg->holiday_rule);
		} else
			report(ld, s, _("unknown setting 'holidays.%s'"), name);
	}
}

/* One school-holiday period: { name = "Noël"; from = "2026-12-19"; to = "2027-01-04"; } */
static void
load_school_period(struct loader *ld, const config_setting_t *g, struct cb_school_holiday *sh)
{
	const char *name = NULL, *from = NULL, *to = NULL;

	sh->line = config_setting_source_line(g);
	if (!config_setting_is_group(g)) {
		report(ld, g, _("each school holiday must be a group { name = ...; from = ...; to = ...; }"));
		return;
	}
	for (int i = 0; i < config_setting_length(g) && !ld->failed; i++) {
		const config_setting_t *s = config_setting_get_elem(g, (unsigned)i);
		const char *key = config_setting_name(s);
		const char **dst = strcmp(key, "name") == 0 ? &name
				  : strcmp(key, "from") == 0 ? &from
				  : strcmp(key, "to") == 0 ? &to : NULL;
		if (!dst) {
			report(ld, s, _("unknown setting 'school_holidays.%s'"), key);
			return;
		}
		if (config_setting_type(s) != CONFIG_TYPE_STRING) {
			report(ld, s, _("'%s' must be a string"), key);
			return;
		}
		*dst = config_setting_get_string(s);
		if (dst != &name && !cb_date_valid(*dst)) {
			report(ld, s, _("'%s' must be a date such as \"2026-12-19\""), key);
			return;
		}
	}
	if (!name || !*name || !from || !to) {
		report(ld, g, _("a school holiday needs a name, a 'from' date and a 'to' date"));
		return;
	}
	if (strcmp(from, to) > 0) {
		report(ld, g, _("school holiday '%s' ends before it starts"), name);
		return;
	}
	sh->name = xstrdup(name, &ld->oom);
	sh->from = xstrdup(from, &ld->oom);
	sh->to = xstrdup(to, &ld->oom);
}

/* school_holidays = ( {...}, {...} ); replaces the list (no defaults). */
static void
load_school(struct loader *ld, const config_setting_t *l, struct cb_config *cfg)
{
	int n;

	if (!config_setting_is_list(l) && !config_setting_is_array(l)) {
		report(ld, l, _("'%s' must be a list ( { ... }, { ... } )"), config_setting_name(l));
		return;
	}
	free_school(cfg->school_holidays, cfg->nschool_holidays);
	cfg->school_holidays = NULL;
	cfg->nschool_holidays = 0;
	n = config_setting_length(l);
	if (n <= 0)
		return;
	if (!(cfg->school_holidays = calloc((size_t)n, sizeof *cfg->school_holidays))) {
		ld->oom = true;
		return;
	}
	for (int i = 0; i < n && !ld->failed && !ld->oom; i++) {
		load_school_period(ld, config_setting_get_elem(l, (unsigned)i),
				   &cfg->school_holidays[i]);
		cfg->nschool_holidays++;
	}
}

/* keys = { generic = { quit = ["Q", "C-c"]; }; venues = { add = "a"; }; };
 * Only the shape is checked here; the screens check the names, since they
 * own the action table and the key names. */
static void
load_keys(struct loader *ld, const config_setting_t *g, struct cb_config *cfg)
{
	if (!config_setting_is_group(g)) {
		report(ld, g, _("'%s' must be a group { ... }"), config_setting_name(g));
		return;
	}
	for (int i = 0; i < config_setting_length(g) && !ld->failed; i++) {
		const config_setting_t *scope = config_setting_get_elem(g, (unsigned)i);
		if (!config_setting_is_group(scope)) {
			report(ld, scope, _("'keys.%s' must be a group { ... }"), config_setting_name(scope));
			return;
		}
		for (int j = 0; j < config_setting_length(scope) && !ld->failed; j++) {
			const config_setting_t *a = config_setting_get_elem(scope, (unsigned)j);
			int n = config_setting_is_aggregate(a) ? config_setting_length(a) : 1;
			struct cb_keybinding *kb, *grown;

			grown = realloc(cfg->keys, (cfg->nkeys + 1) * sizeof *grown);
			if (!grown) {
				ld->oom = true;
				return;
			}
			cfg->keys = grown;
			kb = &cfg->keys[cfg->nkeys++];
			memset(kb, 0, sizeof *kb);
			kb->scope = xstrdup(config_setting_name(scope), &ld->oom);
			kb->action = xstrdup(config_setting_name(a), &ld->oom);
			kb->line = config_setting_source_line(a);
			kb->keys = calloc((size_t)(n > 0 ? n : 1), sizeof *kb->keys);
			if (!kb->keys) {
				ld->oom = true;
				return;
			}
			for (int k = 0; k < n; k++) {
				const config_setting_t *e = config_setting_is_aggregate(a)
					? config_setting_get_elem(a, (unsigned)k) : a;
				if (config_setting_type(e) != CONFIG_TYPE_STRING) {
					report(ld, a, _("'%s' must be a key name or a list of key names"),
					       config_setting_name(a));
					return;
				}
				kb->keys[kb->nkeys++] = xstrdup(config_setting_get_string(e), &ld->oom);
			}
		}
	}
}

/* A list of names that adds to a built-in list: ["a", "b"]. Each must be
 * a non-empty string of at most max bytes without control characters. */
static void
get_names(struct loader *ld, const config_setting_t *s, char ***dst, size_t *n, size_t max)
{
	int len;

	if (!config_setting_is_array(s) && !config_setting_is_list(s)) {
		report(ld, s, _("'%s' must be a list of strings [ \"...\", \"...\" ]"), qname(s));
		return;
	}
	free_strings(*dst, *n);
	*dst = NULL;
	*n = 0;
	len = config_setting_length(s);
	if (len <= 0)
		return;
	if (!(*dst = calloc((size_t)len, sizeof **dst))) {
		ld->oom = true;
		return;
	}
	for (int i = 0; i < len && !ld->failed; i++) {
		const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		const char *v = config_setting_type(e) == CONFIG_TYPE_STRING
			? config_setting_get_string(e) : NULL;
		bool bad = !v || !*v || strlen(v) > max;
		for (const char *p = v; !bad && *p; p++)
			bad = (unsigned char)*p < 0x20 || *p == 0x7f || *p == ',';
		if (bad) {
			report(ld, e, _("each entry of '%s' must be a non-empty name of at most %zu bytes, without commas"),
			       qname(s), max);
			return;
		}
		(*dst)[(*n)++] = xstrdup(v, &ld->oom);
	}
}

/* people = { attestation_months = 12; promote = { skills = 3; sessions = 4; }; ... }; */
static void
load_people(struct loader *ld, const config_setting_t *g, struct cb_config *cfg)
{
	if (!config_setting_is_group(g)) {
		report(ld, g, _("'%s' must be a group { ... }"), config_setting_name(g));
		return;
	}
	for (int i = 0; i < config_setting_length(g) && !ld->failed; i++) {
		const config_setting_t *s = config_setting_get_elem(g, (unsigned)i);
		const char *name = config_setting_name(s);

		if (strcmp(name, "attestation_months") == 0)
			get_int(ld, s, &cfg->attestation_months, 1, 120);
		else if (strcmp(name, "categories") == 0)
			get_names(ld, s, &cfg->categories, &cfg->ncategories, 60);
		else if (strcmp(name, "skills") == 0)
			get_names(ld, s, &cfg->skills, &cfg->nskills, 60);
		else if (strcmp(name, "consent_purposes") == 0)
			get_names(ld, s, &cfg->consent_purposes, &cfg->nconsent_purposes, 40);
		else if (strcmp(name, "promote") == 0 && config_setting_is_group(s)) {
			for (int j = 0; j < config_setting_length(s) && !ld->failed; j++) {
				const config_setting_t *r = config_setting_get_elem(s, (unsigned)j);
				const char *rn = config_setting_name(r);
				if (strcmp(rn, "skills") == 0)
					get_int(ld, r, &cfg->promote_skills, 0, 100);
				else if (strcmp(rn, "sessions") == 0)
					get_int(ld, r, &cfg->promote_sessions, 0, 1000);
				else
					report(ld, r, _("unknown setting 'people.promote.%s'"), rn);
			}
		} else if (strcmp(name, "promote") == 0)
			report(ld, s, _("'%s' must be a group { ... }"), qname(s));
		else
			report(ld, s, _("unknown setting 'people.%s'"), name);
	}
}

static void
load_root(struct loader *ld, const config_setting_t *root, struct cb_config *cfg)
{
	for (int i = 0; i < config_setting_length(root) && !ld->failed; i++) {
		const config_setting_t *s = config_setting_get_elem(root, (unsigned)i);
		const char *name = config_setting_name(s);

		if (strcmp(name, "workshop_name") == 0)
			get_string(ld, s, &cfg->workshop_name);
		else if (strcmp(name, "site_label") == 0)
			get_string(ld, s, &cfg->site_label);
		else if (strcmp(name, "database") == 0)
			get_string(ld, s, &cfg->database);
		else if (strcmp(name, "sync_dir") == 0)
			get_string(ld, s, &cfg->sync_dir);
		else if (strcmp(name, "session") == 0)
			load_session(ld, s, cfg);
		else if (strcmp(name, "retention_months") == 0)
			get_int(ld, s, &cfg->retention_months, 1, 600);
		else if (strcmp(name, "small_count_threshold") == 0)
			get_int(ld, s, &cfg->small_count_threshold, 1, 100);
		else if (strcmp(name, "colour") == 0 || strcmp(name, "color") == 0)
			get_bool(ld, s, &cfg->colour);
		else if (strcmp(name, "keys") == 0)
			load_keys(ld, s, cfg);
		else if (strcmp(name, "holidays") == 0)
			load_holidays(ld, s, cfg);
		else if (strcmp(name, "school_holidays") == 0)
			load_school(ld, s, cfg);
		else if (strcmp(name, "people") == 0)
			load_people(ld, s, cfg);
		else
			report(ld, s, _("unknown setting '%s'"), name);
	}
	if (!ld->failed && cfg->workshop_name && !*cfg->workshop_name)
		report(ld, config_setting_get_member(root, "workshop_name"),
		       _("'%s' must not be empty"), "workshop_name");
	if (!ld->failed && cfg->database && !*cfg->database)
		report(ld, config_setting_get_member(root, "database"),
		       _("'%s' must not be empty"), "database");
	if (!ld->failed && cfg->sync_dir && !*cfg->sync_dir)
		report(ld, config_setting_get_member(root, "sync_dir"),
		       _("'%s' must not be empty"), "sync_dir");
}

/* /dev/null is the usual way to say "no configuration file". */
static bool
is_dev_null(const struct stat *sb)
{
	struct stat null;

	return S_ISCHR(sb->st_mode) && stat("/dev/null", &null) == 0 && S_ISCHR(null.st_mode) &&
	       sb->st_rdev == null.st_rdev;
}

/* Open the configuration file, or say why not in err ("" when it is
 * missing and need not exist). Only a regular file of a sane size is
 * read: a pipe would block, a directory gives libconfig's scanner error,
 * and libconfig takes quadratic time over many settings. */
static FILE *
open_file(const char *path, bool must_exist, char *err, size_t errlen)
{
	struct stat sb;
	FILE *f;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0) {
		if (errno != ENOENT || must_exist)
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &sb) != 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		close(fd);
		return NULL;
	}
	if (!S_ISREG(sb.st_mode) && !is_dev_null(&sb)) {
		snprintf(err, errlen, "%s: %s", path,
			 S_ISDIR(sb.st_mode) ? _("is a directory, not a configuration file")
					     : _("is not a regular file"));
		close(fd);
		return NULL;
	}
	if (sb.st_size > CB_CONFIG_MAX_BYTES) {
		snprintf(err, errlen, _("%s: the file is larger than %d KiB: not a configuration file"),
			 path, CB_CONFIG_MAX_BYTES / 1024);
		close(fd);
		return NULL;
	}
	if (!(f = fdopen(fd, "r"))) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		close(fd);
	}
	return f;
}

cb_status
cb_config_load(struct cb_config *cfg, const char *path, bool must_exist, char *err, size_t errlen)
{
	config_t lc;
	struct cb_config work;
	struct loader ld = {path, err, errlen, false, false};
	FILE *f;

	if (err && errlen)
		err[0] = '\0';
	if ((f = open_file(path, must_exist, err, errlen)) == NULL)
		return err && errlen && err[0] ? CB_CONFIG : CB_OK;
	config_init(&lc);
	if (config_read(&lc, f) != CONFIG_TRUE) {
		fclose(f);
		snprintf(err, errlen, "%s:%d: %s", path, config_error_line(&lc),
			 config_error_text(&lc));
		config_destroy(&lc);
		return CB_CONFIG;
	}
	fclose(f);

	/* Load into a copy so a refused file leaves cfg as it was. */
	work = *cfg;
	work.workshop_name = xstrdup(cfg->workshop_name, &ld.oom);
	work.site_label = xstrdup(cfg->site_label, &ld.oom);
	work.database = xstrdup(cfg->database, &ld.oom);
	work.sync_dir = xstrdup(cfg->sync_dir, &ld.oom);
	work.session_start = xstrdup(cfg->session_start, &ld.oom);
	work.session_end = xstrdup(cfg->session_end, &ld.oom);
	work.path = xstrdup(path, &ld.oom);
	work.holiday_rule = xstrdup(cfg->holiday_rule, &ld.oom);
	work.school_holidays = copy_school(cfg->school_holidays, cfg->nschool_holidays, &ld.oom);
	if (!work.school_holidays)
		work.nschool_holidays = 0;
	work.categories = copy_strings(cfg->categories, cfg->ncategories, &ld.oom);
	work.ncategories = work.categories ? cfg->ncategories : 0;
	work.skills = copy_strings(cfg->skills, cfg->nskills, &ld.oom);
	work.nskills = work.skills ? cfg->nskills : 0;
	work.consent_purposes = copy_strings(cfg->consent_purposes, cfg->nconsent_purposes, &ld.oom);
	work.nconsent_purposes = work.consent_purposes ? cfg->nconsent_purposes : 0;
	work.keys = NULL;
	work.nkeys = 0;
	if (!ld.oom)
		load_root(&ld, config_root_setting(&lc), &work);
	config_destroy(&lc);
	if (ld.failed || ld.oom) {
		cb_config_free(&work);
		if (ld.oom && !ld.failed)
			snprintf(err, errlen, "%s: %s", path, _("out of memory"));
		return ld.oom && !ld.failed ? CB_NOMEM : CB_CONFIG;
	}
	/* key bindings from this file are added after earlier ones */
	if (cfg->nkeys) {
		struct cb_keybinding *all = realloc(cfg->keys, (cfg->nkeys + work.nkeys) * sizeof *all);
		if (!all) {
			cb_config_free(&work);
			return CB_NOMEM;
		}
		memcpy(all + cfg->nkeys, work.keys, work.nkeys * sizeof *all);
		free(work.keys);
		work.keys = all;
		work.nkeys += cfg->nkeys;
		cfg->keys = NULL;
		cfg->nkeys = 0;
	}
	cb_config_free(cfg);
	*cfg = work;
	return CB_OK;
}
