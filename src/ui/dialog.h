/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_UI_DIALOG_H
#define CAMBOUIS_UI_DIALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/action.h"
#include "ui/edit.h"
#include "ui/list.h"

/* Small dialogs' view-models (no curses). */

/* Yes or no. Answers: the first letter of the translated "yes"/"no" (and
 * y/n), Enter for the default answer "no", the cancel action for no. */
enum ui_answer { UI_ANSWER_NONE, UI_ANSWER_YES, UI_ANSWER_NO };

struct ui_confirm {
	char *question;
};

bool ui_confirm_init(struct ui_confirm *c, const char *question);
void ui_confirm_free(struct ui_confirm *c);
enum ui_answer ui_confirm_handle(const struct ui_confirm *c, enum ui_action a, int key);

/* A picker: type a few letters, the list shows the items that contain
 * them; arrows move, Enter chooses. */
enum ui_pick { UI_PICK_CONTINUE, UI_PICK_CHOSEN, UI_PICK_CANCEL };

struct ui_picker {
	char *title;
	struct ui_edit query;
	struct ui_list list;
};

bool ui_picker_init(struct ui_picker *p, const char *title, const char *const *items, size_t n);
/* The same, but the items stay in the order given (else by name). */
bool ui_picker_init_ordered(struct ui_picker *p, const char *title, const char *const *items,
			    size_t n);
void ui_picker_free(struct ui_picker *p);
/* height: the rows the list has on screen (for paging). */
enum ui_pick ui_picker_handle(struct ui_picker *p, enum ui_action a, int key, int height);
/* The chosen item (NULL when nothing matches). */
const char *ui_picker_choice(const struct ui_picker *p);

#endif
