/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/config.h"
#include "unit.h"

/* No bindtextdomain here: messages are the untranslated English ones. */

static char *dir;

static void
setup_dir(void)
{
	dir = unit_tmpdir();
}

static void
teardown_dir(void)
{
	unit_tmpdir_remove(dir);
	dir = NULL;
}

/* Write text to dir/name; returns the path (caller frees). */
static char *
config_file(const char *name, const char *text)
{
	char *path = unit_path(dir, name);

	unit_write_file(path, text, strlen(text));
	return path;
}

/* Load text over the defaults and return the error text ("" when OK). */
static char *
load_error(const char *text, cb_status want)
{
	struct cb_config cfg;
	char *path = config_file("config", text), err[512], *out;
	cb_status st;

	ck_assert_int_eq(cb_config_defaults(&cfg), CB_OK);
	memset(err, 'x', sizeof err);
	st = cb_config_load(&cfg, path, true, err, sizeof err);
	ck_assert_msg(st == want, "loading gave %s, not %s: %s", cb_status_name(st),
		      cb_status_name(want), err);
	/* the error names the file first */
	ck_assert_int_gt(asprintf(&out, "%s", err), -1);
	if (*err) {
		ck_assert_int_eq(strncmp(err, path, strlen(path)), 0);
		memmove(out, err + strlen(dir) + 1, strlen(err) - strlen(dir));
	}
	cb_config_free(&cfg);
	free(path);
	return out;
}

/* Check that text is refused with exactly "config:LINE: message". */
#define REFUSED(text, expected)                                        \
	do {                                                           \
		char *e_ = load_error(text, CB_CONFIG);                \
		ck_assert_str_eq(e_, expected);                        \
		free(e_);                                              \
	} while (0)

/* The text of a file (caller frees). */
static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *s = calloc(1, 65536);
	size_t n;

	ck_assert_ptr_nonnull(f);
	n = fread(s, 1, 65535, f);
	s[n] = '\0';
	fclose(f);
	return s;
}

START_TEST(test_set_keeps_the_rest)
{
	/* comments, a group holding a setting of the same name, the setting
	 * itself among others: only its value changes */
	const char *text = "# my workshop\n"
			   "// workshop_name = \"in a comment\";\n"
			   "people = { attestation_months = 6; };\n"
			   "workshop_name = \"Old\"; # keep this comment\n"
			   "session = { start = \"18:00\"; };\n";
	char *path = config_file("config", text), *got, err[256];
	struct cb_config cfg;

	ck_assert_int_eq(cb_config_set_string(path, "workshop_name", "Vélo \"libre\" \\ Tours", err,
					      sizeof err), CB_OK);
	got = slurp(path);
	ck_assert_str_eq(got, "# my workshop\n"
			      "// workshop_name = \"in a comment\";\n"
			      "people = { attestation_months = 6; };\n"
			      "workshop_name = \"Vélo \\\"libre\\\" \\\\ Tours\"; # keep this comment\n"
			      "session = { start = \"18:00\"; };\n");
	free(got);
	/* it loads, and reads back the value as given */
	ck_assert_int_eq(cb_config_defaults(&cfg), CB_OK);
	ck_assert_int_eq(cb_config_load(&cfg, path, true, err, sizeof err), CB_OK);
	ck_assert_str_eq(cfg.workshop_name, "Vélo \"libre\" \\ Tours");
	ck_assert_str_eq(cfg.session_start, "18:00");
	cb_config_free(&cfg);
	/* a setting not there yet is added at the end */
	ck_assert_int_eq(cb_config_set_string(path, "sync_dir", "~/Sync/atelier", err, sizeof err), CB_OK);
	got = slurp(path);
	ck_assert_ptr_nonnull(strstr(got, "session = { start = \"18:00\"; };\nsync_dir = \"~/Sync/atelier\";\n"));
	ck_assert_ptr_nonnull(strstr(got, "# keep this comment"));
	free(got);
	free(path);
}
END_TEST

START_TEST(test_set_new_file)
{
	char *path = unit_path(dir, "sub/folder/config"), *got, err[256];

	ck_assert_int_eq(cb_config_set_string(path, "workshop_name", "Atelier du Tonkin", err, sizeof err),
			 CB_OK);
	got = slurp(path);
	ck_assert_str_eq(got, "workshop_name = \"Atelier du Tonkin\";\n");
	free(got);
	free(path);
}
END_TEST

START_TEST(test_set_refused)
{
	/* a file that does not load stays as it was; so does a control
	 * character in the value */
	const char *bad = "workshop_name = \"A\";\ncolour = 1;\n";
	char *path = config_file("config", bad), *got, err[256];

	ck_assert_int_eq(cb_config_set_string(path, "workshop_name", "B", err, sizeof err), CB_CONFIG);
	ck_assert_msg(strncmp(err, path, strlen(path)) == 0 && strncmp(err + strlen(path), ":2: ", 4) == 0,
		      "%s", err);
	got = slurp(path);
	ck_assert_str_eq(got, bad);
	free(got);
	ck_assert_int_eq(cb_config_set_string(path, "workshop_name", "B\nC", err, sizeof err), CB_INVALID);
	free(path);
}
END_TEST

START_TEST(test_defaults)
{
	struct cb_config cfg;

	ck_assert_int_eq(cb_config_defaults(&cfg), CB_OK);
	ck_assert_ptr_null(cfg.path);
	ck_assert_str_eq(cfg.workshop_name, "Atelier vélo");
	ck_assert_ptr_null(cfg.site_label);
	ck_assert_ptr_null(cfg.database);
	ck_assert_ptr_null(cfg.sync_dir);
	ck_assert_str_eq(cfg.session_start, "17:30");
	ck_assert_str_eq(cfg.session_end, "20:00");
	ck_assert_int_eq(cfg.every_weeks, 2);
	ck_assert_int_eq(cfg.retention_months, 24);
	ck_assert_int_eq(cfg.small_count_threshold, 5);
	ck_assert(cfg.colour);
	ck_assert_uint_eq(cfg.nkeys, 0);
	cb_config_free(&cfg);
	ck_assert_ptr_null(cfg.workshop_name);
	cb_config_free(&cfg); /* twice is harmless */
}
END_TEST

static const char full[] =
	"# every key, none at its default\n"
	"workshop_name = \"L'Atelier du Cambouis\";\n"
	"site_label = \"Portable de l'accueil\";\n"
	"database = \"/srv/cambouis/atelier.db\";\n"
	"sync_dir = \"~/Sync/cambouis\";\n"
	"session = {\n"
	"  start = \"18:00\";\n"
	"  end = \"21:30\";\n"
	"  every_weeks = 1;\n"
	"};\n"
	"retention_months = 36;\n"
	"small_count_threshold = 3;\n"
	"colour = false;\n"
	"keys = {\n"
	"  generic = { quit = [\"Q\", \"C-c\"]; help = \"F1\"; };\n"
	"  venues = { add = \"a\"; };\n"
	"};\n";

START_TEST(test_full_file)
{
	struct cb_config cfg;
	char *path = config_file("full.conf", full), err[256];

	ck_assert_int_eq(cb_config_defaults(&cfg), CB_OK);
	ck_assert_int_eq(cb_config_load(&cfg, path, true, err, sizeof err), CB_OK);
	ck_assert_str_eq(err, "");
	ck_assert_str_eq(cfg.path, path);
	ck_assert_str_eq(cfg.workshop_name, "L'Atelier du Cambouis");
	ck_assert_str_eq(cfg.site_label, "Portable de l'accueil");
	ck_assert_str_eq(cfg.database, "/srv/cambouis/atelier.db");
	ck_assert_str_eq(cfg.sync_dir, "~/Sync/cambouis"); /* expanded by its users */
	ck_assert_str_eq(cfg.session_start, "18:00");
	ck_assert_str_eq(cfg.session_end, "21:30");
	ck_assert_int_eq(cfg.every_weeks, 1);
	ck_assert_int_eq(cfg.retention_months, 36);
	ck_assert_int_eq(cfg.small_count_threshold, 3);
	ck_assert(!cfg.colour);
	ck_assert_uint_eq(cfg.nkeys, 3);
	ck_assert_str_eq(cfg.keys[0].scope, "generic");
	ck_assert_str_eq(cfg.keys[0].action, "quit");
	ck_assert_uint_eq(cfg.keys[0].nkeys, 2);
	ck_assert_str_eq(cfg.keys[0].keys[0], "Q");
	ck_assert_str_eq(cfg.keys[0].keys[1], "C-c");
	ck_assert_int_eq(cfg.keys[0].line, 15);
	ck_assert_str_eq(cfg.keys[1].action, "help");
	ck_assert_uint_eq(cfg.keys[1].nkeys, 1);
	ck_assert_str_eq(cfg.keys[1].keys[0], "F1");
	ck_assert_str_eq(cfg.keys[2].scope, "venues");
	ck_assert_str_eq(cfg.keys[2].action, "add");
	ck_assert_int_eq(cfg.keys[2].line, 16);
	cb_config_free(&cfg);
	free(path);
}
END_TEST

/* A second file changes only what it sets, and adds its key bindings. */
START_TEST(test_layered_files)
{
	struct cb_config cfg;
	char *a = config_file("a.conf", full);
	char *b = config_file("b.conf", "color = true;\nkeys = { venues = { edit = \"e\"; }; };\n");
	char err[256];

	ck_assert_int_eq(cb_config_defaults(&cfg), CB_OK);
	ck_assert_int_eq(cb_config_load(&cfg, a, true, err, sizeof err), CB_OK);
	ck_assert_int_eq(cb_config_load(&cfg, b, true, err, sizeof err), CB_OK);
	ck_assert(cfg.colour); /* the US spelling is accepted */
	ck_assert_str_eq(cfg.workshop_name, "L'Atelier du Cambouis");
	ck_assert_int_eq(cfg.retention_months, 36);
	ck_assert_str_eq(cfg.path, b);
	ck_assert_uint_eq(cfg.nkeys, 4);
	ck_assert_str_eq(cfg.keys[3].action, "edit");
	ck_assert_int_eq(cfg.keys[3].line, 2);
	cb_config_free(&cfg);
	free(a);
	free(b);
}
END_TEST

START_TEST(test_syntax_error)
{
	REFUSED("workshop_name = \"x\";\nretention_months = ;\n", "config:2: syntax error");
	REFUSED("session = {\n  start = \"18:00\"\n", "config:3: syntax error");
	/* libconfig notices an unterminated string at the end of the file */
	REFUSED("workshop_name = \"unterminated;\n", "config:2: syntax error");
}
END_TEST

START_TEST(test_wrong_type)
{
	REFUSED("\n\nretention_months = \"x\";\n", "config:3: 'retention_months' must be a whole number");
	REFUSED("small_count_threshold = 2.5;\n",
		"config:1: 'small_count_threshold' must be a whole number");
	REFUSED("workshop_name = 12;\n", "config:1: 'workshop_name' must be a string");
	REFUSED("colour = \"yes\";\n", "config:1: 'colour' must be true or false");
	REFUSED("session = { every_weeks = \"2\"; };\n", "config:1: 'session.every_weeks' must be a whole number");
	REFUSED("session = \"weekly\";\n", "config:1: 'session' must be a group { ... }");
}
END_TEST

START_TEST(test_out_of_range)
{
	REFUSED("retention_months = 0;\n", "config:1: 'retention_months' must be between 1 and 600");
	REFUSED("retention_months = 601;\n", "config:1: 'retention_months' must be between 1 and 600");
	REFUSED("small_count_threshold = 101;\n",
		"config:1: 'small_count_threshold' must be between 1 and 100");
	REFUSED("session = {\n every_weeks = 53;\n};\n",
		"config:2: 'session.every_weeks' must be between 1 and 52");
	REFUSED("workshop_name = \"\";\n", "config:1: 'workshop_name' must not be empty");
	REFUSED("database = \"\";\n", "config:1: 'database' must not be empty");
	REFUSED("\nsync_dir = \"\";\n", "config:2: 'sync_dir' must not be empty");
	REFUSED("sync_dir = 3;\n", "config:1: 'sync_dir' must be a string");
}
END_TEST

START_TEST(test_bad_time)
{
	REFUSED("session = {\n  start = \"25:00\";\n};\n",
		"config:2: 'session.start' must be a time such as \"17:30\"");
	REFUSED("session = { end = \"19:60\"; };\n", "config:1: 'session.end' must be a time such as \"17:30\"");
	REFUSED("session = { end = \"7:30\"; };\n", "config:1: 'session.end' must be a time such as \"17:30\"");
	REFUSED("session = { start = 1730; };\n", "config:1: 'session.start' must be a time such as \"17:30\"");
	/* the edges are accepted */
	char *e = load_error("session = { start = \"00:00\"; end = \"23:59\"; };\n", CB_OK);
	ck_assert_str_eq(e, "");
	free(e);
}
END_TEST

START_TEST(test_unknown_key)
{
	REFUSED("workshop_name = \"x\";\nretention = 12;\n", "config:2: unknown setting 'retention'");
	REFUSED("session = {\n  start = \"18:00\";\n  weekday = \"mardi\";\n};\n",
		"config:3: unknown setting 'session.weekday'");
}
END_TEST

START_TEST(test_keys_shape)
{
	REFUSED("keys = \"Q\";\n", "config:1: 'keys' must be a group { ... }");
	REFUSED("keys = {\n  generic = \"Q\";\n};\n", "config:2: 'keys.generic' must be a group { ... }");
	REFUSED("keys = { generic = {\n  quit = 3;\n}; };\n",
		"config:2: 'quit' must be a key name or a list of key names");
	/* an array must hold one type (libconfig's own check); a list need not */
	REFUSED("keys = { venues = { add = [\"a\", 1]; }; };\n",
		"config:1: mismatched element type in array");
	REFUSED("keys = { venues = { add = (\"a\", 1); }; };\n",
		"config:1: 'add' must be a key name or a list of key names");
}
END_TEST

START_TEST(test_missing_file)
{
	struct cb_config cfg;
	char *path = unit_path(dir, "absent.conf"), err[512], *want;

	ck_assert_int_eq(cb_config_defaults(&cfg), CB_OK);
	ck_assert_int_eq(cb_config_load(&cfg, path, false, err, sizeof err), CB_OK);
	ck_assert_str_eq(err, "");
	ck_assert_ptr_null(cfg.path);
	ck_assert_str_eq(cfg.workshop_name, "Atelier vélo");

	ck_assert_int_eq(cb_config_load(&cfg, path, true, err, sizeof err), CB_CONFIG);
	ck_assert_int_gt(asprintf(&want, "%s: No such file or directory", path), 0);
	ck_assert_str_eq(err, want);
	ck_assert_str_eq(cfg.workshop_name, "Atelier vélo");
	cb_config_free(&cfg);
	free(want);
	free(path);
}
END_TEST

/* A refused file changes nothing, even the keys it set before the error. */
START_TEST(test_refused_file_leaves_config)
{
	struct cb_config cfg;
	char *good = config_file("good.conf", full);
	char *bad = config_file("bad.conf",
				"workshop_name = \"Autre\";\nkeys = { venues = { rm = \"d\"; }; };\n"
				"session = { start = \"06:00\"; every_weeks = 0; };\n");
	char err[256];

	ck_assert_int_eq(cb_config_defaults(&cfg), CB_OK);
	ck_assert_int_eq(cb_config_load(&cfg, good, true, err, sizeof err), CB_OK);
	ck_assert_int_eq(cb_config_load(&cfg, bad, true, err, sizeof err), CB_CONFIG);
	ck_assert_ptr_nonnull(strstr(err, "bad.conf:3: 'session.every_weeks' must be between 1 and 52"));
	ck_assert_str_eq(cfg.path, good);
	ck_assert_str_eq(cfg.workshop_name, "L'Atelier du Cambouis");
	ck_assert_str_eq(cfg.session_start, "18:00");
	ck_assert_int_eq(cfg.every_weeks, 1);
	ck_assert_uint_eq(cfg.nkeys, 3);
	ck_assert_str_eq(cfg.keys[2].action, "add");
	cb_config_free(&cfg);
	free(good);
	free(bad);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("config");
	TCase *tw = tcase_create("write");
	TCase *tc = tcase_create("config");

	/* once per test case, in the parent: cleaned up even when a test fails */
	tcase_add_unchecked_fixture(tc, setup_dir, teardown_dir);
	tcase_add_test(tc, test_defaults);
	tcase_add_test(tc, test_full_file);
	tcase_add_test(tc, test_layered_files);
	tcase_add_test(tc, test_syntax_error);
	tcase_add_test(tc, test_wrong_type);
	tcase_add_test(tc, test_out_of_range);
	tcase_add_test(tc, test_bad_time);
	tcase_add_test(tc, test_unknown_key);
	tcase_add_test(tc, test_keys_shape);
	tcase_add_test(tc, test_missing_file);
	tcase_add_test(tc, test_refused_file_leaves_config);
	tcase_add_checked_fixture(tw, setup_dir, teardown_dir);
	tcase_add_test(tw, test_set_keeps_the_rest);
	tcase_add_test(tw, test_set_new_file);
	tcase_add_test(tw, test_set_refused);
	suite_add_tcase(s, tw);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
