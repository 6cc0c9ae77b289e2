/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_UI_PPLVM_H
#define CAMBOUIS_UI_PPLVM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cambouis/attendance.h"
#include "cambouis/pairing.h"
#include "cambouis/people.h"
#include "cambouis/skills.h"
#include "ui/action.h"
#include "ui/dialog.h"
#include "ui/edit.h"
#include "ui/form.h"

/*
 * The view-models of the people screens (Tonight's arrivals, People,
 * Pairings), without curses: what a row says, the suggestion panel, the
 * person picker, the person form, the person card and the snowball lines.
 */

/* --- arrivals ------------------------------------------------------------ */

/* A learner here tonight with no mentor (and not gone): the one who waits. */
bool ui_presence_waiting(const struct cb_presence *p);
/* The pair column: "Name", "Name +2", or "" for none. */
void ui_presence_pair(const struct cb_presence *p, char *buf, size_t len);
/* The notes column: "unpaired, minor, attestation expired, left 19:30". */
void ui_presence_notes(const struct cb_presence *p, char *buf, size_t len);
/* "Learners 4 · Mentors 2 · Pairs 1 · Unpaired 3" */
void ui_presence_counts(const struct cb_presence_list *l, char *buf, size_t len);

/* Why a minor learner gets no mentor, for the message line: the mentors
 * here left out for their honorability attestation (excluded of them,
 * from cb_suggest()), named when there is one: "No mentor for Lou E. (a
 * minor): the attestation of Hugo B. has expired." */
void ui_no_vetted_mentor(struct cb_db *db, const struct cb_presence_list *pl,
			 const struct cb_id *learner, const char *name, int excluded, char *buf,
			 size_t len);

/* --- the suggestion panel --------------------------------------------------- */

#define UI_SUGGEST_SHOWN 3

struct ui_suggest {
	struct cb_id learner;
	char *learner_name;
	struct cb_suggestion_list list;
	size_t sel;               /* among the shown ones */
};
enum ui_suggest_result { UI_SUGGEST_CONTINUE, UI_SUGGEST_CHOSEN, UI_SUGGEST_CANCEL };

/* The ranked mentors for learner (called name) at session. */
cb_status ui_suggest_open(struct ui_suggest *s, struct cb_db *db, const struct cb_config *cfg,
			  const struct cb_id *learner, const char *name,
			  const struct cb_id *session, int32_t today);
void ui_suggest_free(struct ui_suggest *s);
/* How many are shown (at most UI_SUGGEST_SHOWN). */
size_t ui_suggest_shown(const struct ui_suggest *s);
/* Enter (or F2) chooses the selection, 1..3 choose by rank, Up/Down move,
 * Esc gives up. On CHOSEN, sel is the mentor chosen. */
enum ui_suggest_result ui_suggest_handle(struct ui_suggest *s, enum ui_action a, int key);
/* "1  Name — reason" for shown row i. */
void ui_suggest_line(const struct ui_suggest *s, size_t i, char *buf, size_t len);

/* --- the person picker -------------------------------------------------------- */

/* Type a few letters: the live people whose name or a word of it begins
 * with them (cb_person_search), by name. */
#define UI_PERSON_PICK_LIMIT 200

struct ui_person_pick {
	char *title;
	struct ui_edit query;
	struct cb_person_ref_list found;
	size_t sel, top;
	/* The keys that add a newcomer when nobody matches ("Enter"); empty:
	 * the picker offers no one new. */
	char newcomer_keys[64];
};

bool ui_person_pick_init(struct ui_person_pick *p, const char *title);
void ui_person_pick_free(struct ui_person_pick *p);
/* height: the rows the list has on screen. */
enum ui_pick ui_person_pick_handle(struct ui_person_pick *p, struct cb_db *db, enum ui_action a,
				   int key, int height);
/* NULL when nothing matches. */
const struct cb_person_ref *ui_person_pick_choice(const struct ui_person_pick *p);
/* A newcomer: the name typed (trimmed, to be freed) when it is not blank
 * and nobody matches it, else NULL. */
char *ui_person_pick_newcomer(const struct ui_person_pick *p);
/* The roles as "learner, mentor" (translated). */
void ui_roles_text(unsigned roles, char *buf, size_t len);

/* --- the person form ---------------------------------------------------------- */

/* New person (one short form): name, role, category, birth year, then a
 * contact and whether the person agrees to be contacted (a contact is kept
 * only then); the newcomer's form at the door stops at the birth year.
 * Edit: name, the three roles (yes/no), category, birth year, languages,
 * attestation date, notes. */
enum { UI_PF_NAME, UI_PF_ROLE, UI_PF_CATEGORY, UI_PF_BIRTH, UI_PF_CONTACT, UI_PF_CONTACT_OK };
enum {
	UI_PE_NAME, UI_PE_LEARNER, UI_PE_MENTOR, UI_PE_ORGANISER, UI_PE_CATEGORY, UI_PE_BIRTH,
	UI_PE_LANGS, UI_PE_ATTEST, UI_PE_NOTES,
};

struct ui_person_form {
	struct ui_form form;
	bool editing;
	struct cb_id id;
	struct cb_name_list cats;
	/* A new person checked in as they are added, in one action (set
	 * before ui_person_form_save(), NULL: added only): the session and
	 * the time; after it, whom they were paired with, and whether the
	 * check-in was refused (then nobody was added). */
	const struct cb_id *checkin_session;
	const char *checkin_at;
	struct cb_id checkin_with;
	bool checkin_refused;
};

bool ui_person_form_new(struct ui_person_form *pf, const struct cb_config *cfg, int64_t now_ms);
/* The short form for a newcomer at the door, added and checked in at once:
 * the name already typed, learner, the cursor on the category. */
bool ui_person_form_newcomer(struct ui_person_form *pf, const struct cb_config *cfg,
			     int64_t now_ms, const char *name);
bool ui_person_form_edit(struct ui_person_form *pf, const struct cb_config *cfg,
			 const struct cb_person *p, int64_t now_ms);
void ui_person_form_free(struct ui_person_form *pf);
/* Add or change the person. CB_OK: *id (and *role, the role chosen for a
 * new person; may be NULL) are set. CB_INVALID: the message is at a field
 * and what was typed stays. Another status: nothing saved. */
cb_status ui_person_form_save(struct ui_person_form *pf, struct cb_db *db,
			      const struct cb_config *cfg, int32_t today, struct cb_id *id,
			      enum cb_role *role);

/* --- lines of text (the card, the skills grid, the snowball) ------------------ */

enum ui_line_kind { UI_LINE_TEXT, UI_LINE_HEADING, UI_LINE_DIM, UI_LINE_ATTENTION };

struct ui_line {
	char *text;
	enum ui_line_kind kind;
};
struct ui_lines {
	struct ui_line *items;
	size_t count, cap;
};
bool ui_lines_add(struct ui_lines *l, enum ui_line_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void ui_lines_free(struct ui_lines *l);

/* The person card: roles, consents, promotion, pairings, skills grid,
 * attendance history. */
cb_status ui_person_card(struct cb_db *db, const struct cb_config *cfg, const struct cb_id *id,
			 int32_t today, struct ui_lines *out);

/* One skills-grid row: "puncture repair   done alone   2026-02-18  Léa A."
 * with the label in label_w columns. */
void ui_skill_line(const struct cb_skill_cell *c, int label_w, char *buf, size_t len);

/* A snowball row: indented by depth, "└ " below a trainer, the date of
 * promotion and how many they trained. */
void ui_snowball_line(const struct cb_snowball_row *r, char *buf, size_t len);
/* "12 of 340 learners became mentors (3.5%), 3 generations" */
void ui_snowball_summary(const struct cb_snowball *s, char *buf, size_t len);

#endif
