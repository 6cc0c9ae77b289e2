/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_UI_FORM_H
#define CAMBOUIS_UI_FORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ui/action.h"
#include "ui/date.h"
#include "ui/edit.h"

/*
 * The view-model of a form (no curses): typed fields, the current field,
 * per-field validation messages. A refused value stays as it was typed so
 * the user corrects it instead of typing it again.
 */
enum ui_field_type {
	UI_FIELD_TEXT,
	UI_FIELD_NUMBER,
	UI_FIELD_DATE,
	UI_FIELD_TIME,
	UI_FIELD_CHOICE,
	UI_FIELD_YESNO,
};

struct ui_field {
	char *label;              /* translated */
	enum ui_field_type type;
	bool required;
	long long min, max;       /* NUMBER range */
	char **choices;           /* CHOICE and YESNO labels, translated */
	size_t nchoices, choice;
	char **suggestions;       /* TEXT: what the picker offers */
	size_t nsuggestions;
	struct ui_edit edit;
	char *error;              /* shown next to the field; NULL when fine */
	int table, field;         /* the schema field it fills (0: none) */
};

struct ui_form {
	char *title;
	struct ui_field *fields;
	size_t n, cur;
	int64_t now_ms;           /* for "today", "+3", ... */
	bool changed;
};

enum ui_form_result {
	UI_FORM_CONTINUE,
	UI_FORM_SUBMIT,           /* every field is valid: save it */
	UI_FORM_CANCEL,
	UI_FORM_CHOOSE,           /* open a picker on the current field */
};

bool ui_form_init(struct ui_form *f, const char *title, int64_t now_ms);
void ui_form_free(struct ui_form *f);

/* Add a field; each returns its index, or -1 on OOM. */
int ui_form_add_text(struct ui_form *f, const char *label, const char *value,
		     bool required, size_t max_bytes);
/* value < 0 starts empty. */
int ui_form_add_number(struct ui_form *f, const char *label, long long value,
		       long long min, long long max, bool required);
int ui_form_add_date(struct ui_form *f, const char *label, const char *value, bool required);
int ui_form_add_time(struct ui_form *f, const char *label, const char *value, bool required);
int ui_form_add_choice(struct ui_form *f, const char *label, const char *const *choices,
		       size_t n, size_t initial);
int ui_form_add_yesno(struct ui_form *f, const char *label, bool initial);
/* Offer these values through the picker (copied). */
bool ui_form_suggest(struct ui_form *f, int field, const char *const *values, size_t n);

/* Fields [0, n) of f fill fields[i] of table (0: that one fills none):
 * each is checked by the schema's validator too, the one import and the
 * core's writes use (cb_schema_check). */
void ui_form_bind(struct ui_form *f, int table, const int *fields, size_t n);

/* A key press in the form. */
enum ui_form_result ui_form_handle(struct ui_form *f, enum ui_action a, int key);

/* Check one field / every field; the first bad field becomes current.
 * Valid dates are rewritten as YYYY-MM-DD, times as HH:MM. */
bool ui_form_check_field(struct ui_form *f, size_t i);
bool ui_form_validate(struct ui_form *f);

/* A message for field i from whoever saves the form (copied). */
void ui_form_set_error(struct ui_form *f, size_t i, const char *msg);
bool ui_form_set_text(struct ui_form *f, size_t i, const char *text);

/* Values, after validation. */
const char *ui_form_text(const struct ui_form *f, size_t i);
/* false when the field is empty (or not a number). */
bool ui_form_number(const struct ui_form *f, size_t i, long long *out);
bool ui_form_date(const struct ui_form *f, size_t i, struct ui_date *out);
size_t ui_form_choice(const struct ui_form *f, size_t i);
bool ui_form_yes(const struct ui_form *f, size_t i);

/* What to show after the value: a date in words, a choice's arrows; "" for
 * none. Into buf. */
const char *ui_form_hint(const struct ui_form *f, size_t i, char *buf, size_t len);

#endif
