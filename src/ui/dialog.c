/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/i18n.h"
#include "ui/dialog.h"
#include "ui/keys.h"

bool
ui_confirm_init(struct ui_confirm *c, const char *question)
{
	return (c->question = strdup(question)) != NULL;
}

void
ui_confirm_free(struct ui_confirm *c)
{
	free(c->question);
	c->question = NULL;
}

static bool
first_letter_is(const char *word, int key)
{
	char u[8], *fw, *fk;
	bool yes;

	ui_utf8_encode((unsigned)key, u);
	fw = ui_text_fold(word);
	fk = ui_text_fold(u);
	yes = fw && fk && *fk && strncmp(fw, fk, strlen(fk)) == 0;
	free(fw);
	free(fk);
	return yes;
}

enum ui_answer
ui_confirm_handle(const struct ui_confirm *c, enum ui_action a, int key)
{
	(void)c;
	if (a == UI_A_CANCEL || key == UI_KEY_ENTER)
		return UI_ANSWER_NO;
	if (!ui_key_is_text(key))
		return UI_ANSWER_NONE;
	if (key == 'y' || key == 'Y' || first_letter_is(_("yes"), key))
		return UI_ANSWER_YES;
	if (key == 'n' || key == 'N' || first_letter_is(_("no"), key))
		return UI_ANSWER_NO;
	return UI_ANSWER_NONE;
}

static const struct ui_column picker_cols[] = {
	{"", 1, 1, UI_ALIGN_LEFT, false},
};

static const struct ui_column picker_cols_ordered[] = {
	{"", 1, 1, UI_ALIGN_LEFT, true},
};

static bool
picker_init(struct ui_picker *p, const char *title, const char *const *items, size_t n,
	    bool ordered)
{
	memset(p, 0, sizeof *p);
	ui_list_init(&p->list, ordered ? picker_cols_ordered : picker_cols, 1);
	if (!(p->title = strdup(title)) || !ui_edit_init(&p->query, "", 200))
		goto oom;
	ui_list_begin(&p->list);
	for (size_t i = 0; i < n; i++) {
		char key[24];
		long long order = (long long)i;
		snprintf(key, sizeof key, "%zu", i);
		if (!ui_list_add(&p->list, key, &items[i], ordered ? &order : NULL))
			goto oom;
	}
	if (ui_list_end(&p->list))
		return true;
oom:
	ui_picker_free(p);
	return false;
}

bool
ui_picker_init(struct ui_picker *p, const char *title, const char *const *items, size_t n)
{
	return picker_init(p, title, items, n, false);
}

bool
ui_picker_init_ordered(struct ui_picker *p, const char *title, const char *const *items, size_t n)
{
	return picker_init(p, title, items, n, true);
}

void
ui_picker_free(struct ui_picker *p)
{
	free(p->title);
	ui_edit_free(&p->query);
	ui_list_free(&p->list);
	memset(p, 0, sizeof *p);
}

enum ui_pick
ui_picker_handle(struct ui_picker *p, enum ui_action a, int key, int height)
{
	switch (a) {
	case UI_A_CANCEL:
		return UI_PICK_CANCEL;
	case UI_A_ACCEPT:
		return ui_list_count(&p->list) ? UI_PICK_CHOSEN : UI_PICK_CONTINUE;
	case UI_A_FIELD_NEXT:
		ui_list_move(&p->list, 1, height);
		return UI_PICK_CONTINUE;
	case UI_A_FIELD_PREV:
		ui_list_move(&p->list, -1, height);
		return UI_PICK_CONTINUE;
	case UI_A_SAVE:
		return ui_list_count(&p->list) ? UI_PICK_CHOSEN : UI_PICK_CONTINUE;
	default:
		break;
	}
	if (ui_edit_handle(&p->query, a, key) > 0) {
		ui_list_set_filter(&p->list, p->query.text);
		ui_list_first(&p->list);
	}
	return UI_PICK_CONTINUE;
}

const char *
ui_picker_choice(const struct ui_picker *p)
{
	return ui_list_count(&p->list) ? ui_list_cell(&p->list, p->list.sel, 0) : NULL;
}
