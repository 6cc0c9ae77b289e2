/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/i18n.h"
#include "cambouis/text.h"
#include "cambouis/schema.h"
#include "ui/form.h"
#include "ui/keys.h"
#include "ui/list.h"

bool
ui_form_init(struct ui_form *f, const char *title, int64_t now_ms)
{
	memset(f, 0, sizeof *f);
	f->now_ms = now_ms;
	return (f->title = strdup(title)) != NULL;
}

static void
free_strings(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
ui_form_free(struct ui_form *f)
{
	for (size_t i = 0; i < f->n; i++) {
		struct ui_field *x = &f->fields[i];
		free(x->label);
		free(x->error);
		free_strings(x->choices, x->nchoices);
		free_strings(x->suggestions, x->nsuggestions);
		ui_edit_free(&x->edit);
	}
	free(f->fields);
	free(f->title);
	memset(f, 0, sizeof *f);
}

static char **
copy_strings(const char *const *v, size_t n)
{
	char **out = calloc(n ? n : 1, sizeof *out);

	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (!(out[i] = strdup(v[i]))) {
			free_strings(out, i);
			return NULL;
		}
	return out;
}

static struct ui_field *
add(struct ui_form *f, const char *label, enum ui_field_type type, const char *value,
    size_t max)
{
	struct ui_field *p = realloc(f->fields, (f->n + 1) * sizeof *p), *x;

	if (!p)
		return NULL;
	f->fields = p;
	x = &p[f->n];
	memset(x, 0, sizeof *x);
	x->type = type;
	if (!(x->label = strdup(label)))
		return NULL;
	if (!ui_edit_init(&x->edit, value ? value : "", max)) {
		free(x->label);
		return NULL;
	}
	f->n++;
	return x;
}

int
ui_form_add_text(struct ui_form *f, const char *label, const char *value, bool required,
		 size_t max_bytes)
{
	struct ui_field *x = add(f, label, UI_FIELD_TEXT, value, max_bytes);

	if (!x)
		return -1;
	x->required = required;
	return (int)f->n - 1;
}

int
ui_form_add_number(struct ui_form *f, const char *label, long long value, long long min,
		   long long max, bool required)
{
	char buf[32] = "";
	struct ui_field *x;

	if (value >= 0)
		snprintf(buf, sizeof buf, "%lld", value);
	if (!(x = add(f, label, UI_FIELD_NUMBER, buf, 24)))
		return -1;
	x->min = min;
	x->max = max;
	x->required = required;
	return (int)f->n - 1;
}

int
ui_form_add_date(struct ui_form *f, const char *label, const char *value, bool required)
{
	struct ui_field *x = add(f, label, UI_FIELD_DATE, value, 32);

	if (!x)
		return -1;
	x->required = required;
	return (int)f->n - 1;
}

int
ui_form_add_time(struct ui_form *f, const char *label, const char *value, bool required)
{
	struct ui_field *x = add(f, label, UI_FIELD_TIME, value, 16);

	if (!x)
		return -1;
	x->required = required;
	return (int)f->n - 1;
}

int
ui_form_add_choice(struct ui_form *f, const char *label, const char *const *choices, size_t n,
		   size_t initial)
{
	struct ui_field *x = add(f, label, UI_FIELD_CHOICE, "", 0);

	if (!x || n == 0 || !(x->choices = copy_strings(choices, n)))
		return -1;
	x->nchoices = n;
	x->choice = initial < n ? initial : 0;
	return (int)f->n - 1;
}

int
ui_form_add_yesno(struct ui_form *f, const char *label, bool initial)
{
	const char *yn[] = {_("no"), _("yes")};
	int i = ui_form_add_choice(f, label, yn, 2, initial);

	if (i >= 0)
		f->fields[i].type = UI_FIELD_YESNO;
	return i;
}

bool
ui_form_suggest(struct ui_form *f, int field, const char *const *values, size_t n)
{
	struct ui_field *x = &f->fields[field];

	free_strings(x->suggestions, x->nsuggestions);
	x->nsuggestions = 0;
	if (!(x->suggestions = copy_strings(values, n)))
		return false;
	x->nsuggestions = n;
	return true;
}

void
ui_form_set_error(struct ui_form *f, size_t i, const char *msg)
{
	if (i >= f->n)
		return;
	free(f->fields[i].error);
	f->fields[i].error = msg ? strdup(msg) : NULL;
	if (msg)
		f->cur = i;
}

bool
ui_form_set_text(struct ui_form *f, size_t i, const char *text)
{
	if (i >= f->n)
		return false;
	f->changed = true;
	free(f->fields[i].error);
	f->fields[i].error = NULL;
	return ui_edit_set(&f->fields[i].edit, text);
}

/* Parse a whole number, allowing the spaces people put between thousands
 * (including the no-break spaces of French typography). */
static bool
parse_number(const char *s, long long *out)
{
	char buf[32];
	size_t o = 0;
	char *end;

	for (size_t i = 0; s[i]; i++) {
		if (s[i] == ' ')
			continue;
		if (strncmp(s + i, "\xc2\xa0", 2) == 0) {
			i += 1;
			continue;
		}
		if (strncmp(s + i, "\xe2\x80\xaf", 3) == 0) {
			i += 2;
			continue;
		}
		if (o + 1 >= sizeof buf)
			return false;
		buf[o++] = s[i];
	}
	buf[o] = '\0';
	if (!o)
		return false;
	errno = 0;
	*out = strtoll(buf, &end, 10);
	return !errno && !*end;
}

static bool
blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ')
			return false;
	return true;
}

bool
ui_form_check_field(struct ui_form *f, size_t i)
{
	struct ui_field *x = &f->fields[i];
	const char *t = x->edit.text;
	char msg[160] = "", buf[32];
	long long v = 0;
	struct ui_date d;
	int h, m;

	if (x->type == UI_FIELD_CHOICE || x->type == UI_FIELD_YESNO)
		return true;
	if (blank(t)) {
		if (x->required)
			snprintf(msg, sizeof msg, "%s", _("required"));
	} else if (x->type == UI_FIELD_NUMBER) {
		if (!parse_number(t, &v))
			snprintf(msg, sizeof msg, "%s", _("not a whole number"));
		else if (v < x->min || v > x->max)
			snprintf(msg, sizeof msg, _("between %lld and %lld"), x->min, x->max);
	} else if (x->type == UI_FIELD_DATE) {
		if (ui_date_out_of_range(t, f->now_ms))
			snprintf(msg, sizeof msg, "%s", _("dates run from 1900-01-01 to 2199-12-31"));
		else if (!ui_date_parse(t, f->now_ms, &d))
			snprintf(msg, sizeof msg, "%s", _("not a date: YYYY-MM-DD, today, +3…"));
		else {
			ui_date_iso(&d, buf, sizeof buf);
			ui_edit_set(&x->edit, buf);
		}
	} else if (x->type == UI_FIELD_TIME) {
		if (!ui_time_parse(t, &h, &m))
			snprintf(msg, sizeof msg, "%s", _("not a time: HH:MM"));
		else {
			snprintf(buf, sizeof buf, "%02d:%02d", h, m);
			ui_edit_set(&x->edit, buf);
		}
	} else if (!cb_utf8_valid(t, strlen(t)) || cb_text_has_control(t, false)) {
		snprintf(msg, sizeof msg, "%s", _("holds characters that cannot be saved"));
	}
	if (!*msg && x->table && !blank(x->edit.text)) {
		/* what the field means, by the one validator of the schema */
		const struct cb_field_def *def = cb_schema_field(x->table, x->field);
		struct cb_value val = {CB_V_TEXT, 0, x->edit.text};
		cb_status st;
		if (x->type == UI_FIELD_NUMBER)
			val = (struct cb_value){CB_V_INT, v, NULL};
		if (def && (st = cb_schema_check(def, &val)) != CB_OK)
			snprintf(msg, sizeof msg, "%s", cb_status_message(st));
	}
	free(x->error);
	x->error = *msg ? strdup(msg) : NULL;
	return !*msg;
}

void
ui_form_bind(struct ui_form *f, int table, const int *fields, size_t n)
{
	for (size_t i = 0; i < n && i < f->n; i++) {
		f->fields[i].table = fields[i] ? table : 0;
		f->fields[i].field = fields[i];
	}
}

bool
ui_form_validate(struct ui_form *f)
{
	size_t first = f->n;

	for (size_t i = 0; i < f->n; i++)
		if (!ui_form_check_field(f, i) && first == f->n)
			first = i;
	if (first < f->n)
		f->cur = first;
	return first == f->n;
}

static void
cycle_choice(struct ui_field *x, int dir)
{
	x->choice = (x->choice + x->nchoices + (size_t)(long)dir) % x->nchoices;
}

/* A letter typed on a choice picks the next choice starting with it. */
static void
choice_letter(struct ui_field *x, int key)
{
	char u[8], *fu, *fc;

	ui_utf8_encode((unsigned)key, u);
	if (!(fu = ui_text_fold(u)))
		return;
	for (size_t step = 1; step <= x->nchoices; step++) {
		size_t i = (x->choice + step) % x->nchoices;
		if ((fc = ui_text_fold(x->choices[i]))) {
			bool hit = strncmp(fc, fu, strlen(fu)) == 0;
			free(fc);
			if (hit) {
				x->choice = i;
				break;
			}
		}
	}
	free(fu);
}

enum ui_form_result
ui_form_handle(struct ui_form *f, enum ui_action a, int key)
{
	struct ui_field *x;

	if (f->n == 0)
		return a == UI_A_CANCEL ? UI_FORM_CANCEL : UI_FORM_CONTINUE;
	x = &f->fields[f->cur];
	switch (a) {
	case UI_A_CANCEL:
		return UI_FORM_CANCEL;
	case UI_A_SAVE:
		return ui_form_validate(f) ? UI_FORM_SUBMIT : UI_FORM_CONTINUE;
	case UI_A_ACCEPT:
		if (f->cur + 1 == f->n)
			return ui_form_validate(f) ? UI_FORM_SUBMIT : UI_FORM_CONTINUE;
		/* fall through - Enter on another field goes to the next one */
	case UI_A_FIELD_NEXT:
		ui_form_check_field(f, f->cur);
		f->cur = (f->cur + 1) % f->n;
		return UI_FORM_CONTINUE;
	case UI_A_FIELD_PREV:
		ui_form_check_field(f, f->cur);
		f->cur = (f->cur + f->n - 1) % f->n;
		return UI_FORM_CONTINUE;
	case UI_A_CHOOSE:
		return x->nsuggestions ? UI_FORM_CHOOSE : UI_FORM_CONTINUE;
	default:
		break;
	}
	if (x->type == UI_FIELD_CHOICE || x->type == UI_FIELD_YESNO) {
		if (a == UI_A_CURSOR_LEFT)
			cycle_choice(x, -1);
		else if (a == UI_A_CURSOR_RIGHT || (a == UI_A_NONE && key == ' '))
			cycle_choice(x, 1);
		else if (a == UI_A_NONE && ui_key_is_text(key))
			choice_letter(x, key);
		else
			return UI_FORM_CONTINUE;
		f->changed = true;
		return UI_FORM_CONTINUE;
	}
	int r = ui_edit_handle(&x->edit, a, key);
	if (r > 0) {
		f->changed = true;
		free(x->error);
		x->error = NULL;
	} else if (r < 0) {
		free(x->error);
		x->error = strdup(_("full: no more characters fit"));
	}
	return UI_FORM_CONTINUE;
}

const char *
ui_form_text(const struct ui_form *f, size_t i)
{
	return i < f->n ? f->fields[i].edit.text : "";
}

bool
ui_form_number(const struct ui_form *f, size_t i, long long *out)
{
	return i < f->n && parse_number(f->fields[i].edit.text, out);
}

bool
ui_form_date(const struct ui_form *f, size_t i, struct ui_date *out)
{
	return i < f->n && ui_date_parse(f->fields[i].edit.text, f->now_ms, out);
}

size_t
ui_form_choice(const struct ui_form *f, size_t i)
{
	return i < f->n ? f->fields[i].choice : 0;
}

bool
ui_form_yes(const struct ui_form *f, size_t i)
{
	return ui_form_choice(f, i) == 1;
}

const char *
ui_form_hint(const struct ui_form *f, size_t i, char *buf, size_t len)
{
	const struct ui_field *x = &f->fields[i];
	struct ui_date d;

	buf[0] = '\0';
	if (x->type == UI_FIELD_DATE && !blank(x->edit.text) &&
	    ui_date_parse(x->edit.text, f->now_ms, &d))
		ui_date_long(&d, buf, len);
	return buf;
}
