/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Pairings screen: tonight's unpaired learners and the active pairs,
 * a learner's skills grid with sign-off, the promotion proposals, and the
 * snowball tree (who trained whom, generations, the ratio). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/attendance.h"
#include "cambouis/calendar.h"
#include "cambouis/i18n.h"
#include "cambouis/pairing.h"
#include "cambouis/skills.h"
#include "cambouis/text.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/listview.h"
#include "ui/ppldraw.h"

enum view { V_PAIRS, V_PROMOTIONS, V_SNOWBALL, V_COUNT };
enum mode { R_MAIN, R_SKILLS, R_PICK_SKILL, R_PICK_LEVEL, R_PICK_MENTOR, R_SUGGEST };

struct pairings {
	bool loaded;
	enum view view;
	enum mode mode;
	bool has_session;            /* a session today */
	struct cb_id session;
	struct cb_presence_list here; /* everyone here tonight */
	struct cb_pairing_list pairs; /* active */
	struct ui_listview lv;        /* unpaired learners, then pairs; the questions */
	struct cb_progress_list cands;
	struct ui_listview plv;       /* promotion proposals */
	struct cb_snowball snow;
	size_t snow_sel, snow_top;
	/* a learner's skills */
	struct cb_id learner;
	char *learner_name;
	struct cb_skill_grid grid;
	size_t skill_sel;
	enum mode back_to;            /* where Esc leaves the skills grid */
	/* a sign-off being chosen */
	size_t skill;
	enum cb_level level;
	struct ui_picker picker;
	struct cb_id *mentors;        /* the mentor picker's ids, in order */
	struct ui_suggest sug;
	enum { ASK_PROMOTE, ASK_END_PAIR } asking; /* what the confirmation is for */
	struct cb_id promote_id;
	/* the pair the confirmation would end: learner, mentor */
	struct cb_id ending[2];
	char ending_names[2][CB_PERSON_NAME_MAX + 1];
};

static const struct ui_column pair_cols[] = {
	{"", 1, 0, UI_ALIGN_LEFT, true},
	{N_("Learner"), 12, 3, UI_ALIGN_LEFT, false},
	{N_("Mentor"), 12, 3, UI_ALIGN_LEFT, false},
	{N_("Since"), 10, 0, UI_ALIGN_LEFT, false},
	{N_("Sessions"), 8, 0, UI_ALIGN_RIGHT, true},
};
#define NPAIR (sizeof pair_cols / sizeof pair_cols[0])

static const struct ui_column prom_cols[] = {
	{N_("Learner"), 12, 3, UI_ALIGN_LEFT, false},
	{N_("Can teach"), 9, 0, UI_ALIGN_RIGHT, true},
	{N_("Sessions"), 8, 0, UI_ALIGN_RIGHT, true},
};
#define NPROM (sizeof prom_cols / sizeof prom_cols[0])

static const char *const view_titles[V_COUNT] = {N_("Pairs"), N_("Promotions"), N_("Snowball")};

/* The first row is the views' line; the list below it. */
static int
body_height(struct ui_app *app)
{
	struct ui_rect a = ui_app_area(app);

	return a.h - 3 > 1 ? a.h - 3 : 1;
}

/* --- loading ----------------------------------------------------------------- */

static void
load_pairs(struct pairings *r, struct ui_app *app)
{
	struct cb_db *db = ui_app_db(app);

	cb_presence_list_free(&r->here);
	memset(&r->here, 0, sizeof r->here);
	cb_pairing_list_free(&r->pairs);
	memset(&r->pairs, 0, sizeof r->pairs);
	if (r->has_session &&
	    cb_presence(db, ui_app_config(app), &r->session, ui_app_today(app), &r->here) != CB_OK)
		memset(&r->here, 0, sizeof r->here);
	if (cb_pairings(db, NULL, true, &r->pairs) != CB_OK)
		memset(&r->pairs, 0, sizeof r->pairs);
	ui_list_begin(&r->lv.list);
	for (size_t i = 0; i < r->here.count; i++) {
		const struct cb_presence *p = &r->here.items[i];
		char key[CB_ID_HEX_LEN + 2];
		long long nums[NPAIR] = {0, 0, 0, 0, -1};
		const char *cells[NPAIR] = {"!", p->name, _("— unpaired tonight"), "", ""};
		if (!ui_presence_waiting(p))
			continue;
		key[0] = 'u';
		cb_id_to_hex(&p->person, key + 1);
		ui_list_add(&r->lv.list, key, cells, nums);
	}
	for (size_t i = 0; i < r->pairs.count; i++) {
		const struct cb_pairing *p = &r->pairs.items[i];
		char key[CB_ID_HEX_LEN + 2], n[24];
		long long nums[NPAIR] = {(long long)i + 1, 0, 0, 0, p->sessions};
		const char *cells[NPAIR] = {"", p->learner_name, p->mentor_name, p->since, n};
		snprintf(n, sizeof n, "%d", p->sessions);
		key[0] = 'p';
		cb_id_to_hex(&p->id, key + 1);
		ui_list_add(&r->lv.list, key, cells, nums);
	}
	ui_list_end(&r->lv.list);
}

static void
load(struct pairings *r, struct ui_app *app)
{
	struct cb_db *db = ui_app_db(app);
	struct cb_session s;
	int days = -1;

	r->loaded = true;
	r->has_session = false;
	if (cb_session_current(db, ui_app_today(app), &s, &days) == CB_OK) {
		r->has_session = days == 0 && s.status != CB_SESSION_CANCELLED;
		r->session = s.id;
		cb_session_clear(&s);
	}
	load_pairs(r, app);
	cb_progress_list_free(&r->cands);
	memset(&r->cands, 0, sizeof r->cands);
	if (cb_promotion_candidates(db, ui_app_config(app), &r->cands) != CB_OK)
		memset(&r->cands, 0, sizeof r->cands);
	ui_list_begin(&r->plv.list);
	for (size_t i = 0; i < r->cands.count; i++) {
		const struct cb_progress *c = &r->cands.items[i];
		char key[CB_ID_HEX_LEN + 1], a[24], b[24];
		long long nums[NPROM] = {0, c->can_teach, c->sessions};
		const char *cells[NPROM] = {c->name, a, b};
		snprintf(a, sizeof a, "%d/%d", c->can_teach, c->need_skills);
		snprintf(b, sizeof b, "%d/%d", c->sessions, c->need_sessions);
		cb_id_to_hex(&c->person, key);
		ui_list_add(&r->plv.list, key, cells, nums);
	}
	ui_list_end(&r->plv.list);
	cb_snowball_free(&r->snow);
	memset(&r->snow, 0, sizeof r->snow);
	if (cb_snowball(db, NULL, &r->snow) != CB_OK)
		memset(&r->snow, 0, sizeof r->snow);
	if (r->snow_sel >= r->snow.count)
		r->snow_sel = r->snow.count ? r->snow.count - 1 : 0;
}

static void *
pairings_open(struct ui_app *app)
{
	struct pairings *r = calloc(1, sizeof *r);

	(void)app;
	if (!r)
		return NULL;
	if (!ui_listview_init(&r->lv, pair_cols, NPAIR, UI_LV_SEARCH_JUMP, N_("Nobody matches “%s”.")) ||
	    !ui_listview_init(&r->plv, prom_cols, NPROM, UI_LV_SEARCH_JUMP,
			      N_("Nobody matches “%s”."))) {
		ui_listview_free(&r->lv);
		ui_listview_free(&r->plv);
		free(r);
		return NULL;
	}
	return r;
}

static void
ensure_loaded(struct pairings *r, struct ui_app *app)
{
	if (!r->loaded)
		load(r, app);
}

static void
free_skills(struct pairings *r)
{
	free(r->learner_name);
	r->learner_name = NULL;
	cb_skill_grid_free(&r->grid);
	memset(&r->grid, 0, sizeof r->grid);
}

static void
free_picker(struct pairings *r)
{
	ui_picker_free(&r->picker);
	free(r->mentors);
	r->mentors = NULL;
}

static void
pairings_close(void *st)
{
	struct pairings *r = st;

	if (r->mode == R_PICK_SKILL || r->mode == R_PICK_LEVEL || r->mode == R_PICK_MENTOR)
		free_picker(r);
	if (r->mode == R_SUGGEST)
		ui_suggest_free(&r->sug);
	free_skills(r);
	cb_presence_list_free(&r->here);
	cb_pairing_list_free(&r->pairs);
	cb_progress_list_free(&r->cands);
	cb_snowball_free(&r->snow);
	ui_listview_free(&r->lv);
	ui_listview_free(&r->plv);
	free(r);
}

static void
pairings_reload(void *st, struct ui_app *app)
{
	(void)app;
	((struct pairings *)st)->loaded = false;
}

/* --- the skills grid and sign-off ----------------------------------------------- */

static bool
open_skills(struct pairings *r, struct ui_app *app, const struct cb_id *learner)
{
	struct cb_person p;
	cb_status st;

	free_skills(r);
	if ((st = cb_person_get(ui_app_db(app), learner, &p)) != CB_OK ||
	    (st = cb_skill_grid(ui_app_db(app), ui_app_config(app), learner, &r->grid)) != CB_OK) {
		if (st != CB_OK)
			ui_app_error(app, _("Cannot read the skills: %s"), cb_status_message(st));
		return false;
	}
	r->learner = *learner;
	r->learner_name = strdup(p.name);
	cb_person_clear(&p);
	if (r->skill_sel >= r->grid.count)
		r->skill_sel = 0;
	r->back_to = R_MAIN;
	r->mode = R_SKILLS;
	return true;
}

static bool
picker_of(struct pairings *r, struct ui_app *app, const char *title, const char *const *items,
	  size_t n, enum mode mode)
{
	if (!ui_picker_init_ordered(&r->picker, title, items, n)) {
		ui_app_error(app, "%s", cb_status_message(CB_NOMEM));
		return false;
	}
	r->mode = mode;
	return true;
}

static void
ask_skill(struct pairings *r, struct ui_app *app)
{
	const char **items;
	char title[200];

	if (!r->has_session) {
		ui_app_error(app, "%s", _("No session today: skills are signed off at a session."));
		return;
	}
	if (!(items = calloc(r->grid.count + 1, sizeof *items)))
		return;
	for (size_t i = 0; i < r->grid.count; i++)
		items[i] = r->grid.items[i].label ? r->grid.items[i].label : r->grid.items[i].key;
	snprintf(title, sizeof title, _("Which skill of %s?"), r->learner_name);
	if (picker_of(r, app, title, items, r->grid.count, R_PICK_SKILL)) {
		char key[24];
		snprintf(key, sizeof key, "%zu", r->skill_sel);
		ui_list_select_key(&r->picker.list, key);
	}
	free(items);
}

static void
ask_level(struct pairings *r, struct ui_app *app)
{
	const char *items[4] = {cb_level_label(CB_LEVEL_SEEN), cb_level_label(CB_LEVEL_HELPED),
				cb_level_label(CB_LEVEL_ALONE), cb_level_label(CB_LEVEL_TEACH)};
	const struct cb_skill_cell *c = &r->grid.items[r->skill];
	char title[200], key[8];

	if (!r->has_session) {
		ui_app_error(app, "%s", _("No session today: skills are signed off at a session."));
		return;
	}
	snprintf(title, sizeof title, _("%s: which level?"), c->label ? c->label : c->key);
	if (picker_of(r, app, title, items, 4, R_PICK_LEVEL)) {
		/* the next level up is the likely one */
		snprintf(key, sizeof key, "%d", c->level < CB_LEVEL_TEACH ? (int)c->level : 3);
		ui_list_select_key(&r->picker.list, key);
	}
}

/* The mentors who may sign: those here tonight first, then the others. */
static void
ask_mentor(struct pairings *r, struct ui_app *app)
{
	struct cb_person_rows all;
	const char **items;
	char **owned;
	size_t n = 0, cap;
	char title[200];

	if (cb_person_list(ui_app_db(app), ui_app_config(app), CB_ROLE_MENTOR, ui_app_today(app),
			   &all) != CB_OK)
		memset(&all, 0, sizeof all);
	cap = all.count + r->here.count + 1;
	items = calloc(cap, sizeof *items);
	owned = calloc(cap, sizeof *owned);
	r->mentors = calloc(cap, sizeof *r->mentors);
	if (!items || !owned || !r->mentors) {
		free(r->mentors);
		r->mentors = NULL;
		goto done;
	}
	for (size_t i = 0; i < r->here.count; i++) {
		const struct cb_presence *p = &r->here.items[i];
		if (p->role != CB_ROLE_MENTOR || cb_id_cmp(&p->person, &r->learner) == 0)
			continue;
		if (asprintf(&owned[n], _("%s (here)"), p->name) < 0)
			owned[n] = NULL;
		items[n] = owned[n] ? owned[n] : p->name;
		r->mentors[n++] = p->person;
	}
	for (size_t i = 0; i < all.count; i++) {
		bool seen = cb_id_cmp(&all.items[i].id, &r->learner) == 0;
		for (size_t j = 0; j < n && !seen; j++)
			seen = cb_id_cmp(&r->mentors[j], &all.items[i].id) == 0;
		if (seen)
			continue;
		items[n] = all.items[i].name;
		r->mentors[n++] = all.items[i].id;
	}
	if (n == 0) {
		ui_app_error(app, "%s", _("No mentor to sign off."));
		free(r->mentors);
		r->mentors = NULL;
		goto done;
	}
	snprintf(title, sizeof title, _("Signed off by which mentor?"));
	if (!ui_picker_init_ordered(&r->picker, title, items, n)) {
		free(r->mentors);
		r->mentors = NULL;
		goto done;
	}
	r->mode = R_PICK_MENTOR;
done:
	for (size_t i = 0; owned && i < n; i++)
		free(owned[i]);
	free(owned);
	free(items);
	cb_person_rows_free(&all);
}

static unsigned
sign_off(struct pairings *r, struct ui_app *app, const struct cb_id *mentor)
{
	const struct cb_skill_cell *c = &r->grid.items[r->skill];
	char *label = strdup(c->label ? c->label : c->key);
	struct cb_id learner = r->learner;
	cb_status st;

	st = cb_skill_signoff(ui_app_db(app), ui_app_config(app), &r->learner, c->key, r->level, mentor,
			      &r->session, NULL);
	if (st != CB_OK) {
		ui_app_error(app, st == CB_INVALID ? _("Not signed off: the mentor cannot sign this.")
				  : _("Not signed off: %s"), cb_status_message(st));
		free(label);
		r->mode = R_SKILLS;
		return UI_R_DONE;
	}
	ui_app_message(app, _("%s: %s, %s."), r->learner_name, label ? label : "?",
		       cb_level_label(r->level));
	ui_app_undo_note(app, _("Undone: the sign-off of %s is taken back."), label ? label : "?");
	free(label);
	open_skills(r, app, &learner);
	r->loaded = false; /* the proposals may change */
	return UI_R_DATA;
}

static unsigned
picker_key(struct pairings *r, struct ui_app *app, enum ui_action a, int key)
{
	struct ui_rect area = ui_app_area(app);
	const char *k;
	size_t i;

	switch (ui_picker_handle(&r->picker, a, key, ui_picker_height(&r->picker, &area))) {
	case UI_PICK_CANCEL:
		free_picker(r);
		r->mode = R_SKILLS;
		ui_app_message(app, "%s", _("Nothing signed off."));
		return UI_R_DONE;
	case UI_PICK_CHOSEN:
		break;
	default:
		return UI_R_DONE;
	}
	k = ui_list_selected_key(&r->picker.list);
	i = k ? strtoul(k, NULL, 10) : 0;
	switch (r->mode) {
	case R_PICK_SKILL:
		free_picker(r);
		r->skill = r->skill_sel = i;
		ask_level(r, app);
		return UI_R_DONE;
	case R_PICK_LEVEL:
		free_picker(r);
		r->level = (enum cb_level)(i + CB_LEVEL_SEEN);
		ask_mentor(r, app);
		if (r->mode == R_PICK_LEVEL)
			r->mode = R_SKILLS;
		return UI_R_DONE;
	default: {
		struct cb_id mentor = r->mentors[i];
		free_picker(r);
		return sign_off(r, app, &mentor);
	}
	}
}

static unsigned
skills_key(struct pairings *r, struct ui_app *app, enum ui_action a)
{
	switch (a) {
	case UI_A_UP: r->skill_sel -= r->skill_sel > 0; break;
	case UI_A_DOWN: r->skill_sel += r->skill_sel + 1 < r->grid.count; break;
	case UI_A_FIRST: r->skill_sel = 0; break;
	case UI_A_LAST: r->skill_sel = r->grid.count ? r->grid.count - 1 : 0; break;
	case UI_A_SIGN_OFF: ask_skill(r, app); break;
	case UI_A_OPEN:
		if (r->grid.count) {
			r->skill = r->skill_sel;
			ask_level(r, app);
		}
		break;
	case UI_A_BACK:
		free_skills(r);
		r->mode = R_MAIN;
		break;
	default:
		return UI_R_UNHANDLED;
	}
	return UI_R_DONE;
}

/* --- pairing an unpaired learner --------------------------------------------------- */

static bool
selected_is_unpaired(const struct pairings *r, struct cb_id *id)
{
	const char *k = ui_list_selected_key(&r->lv.list);

	return k && k[0] == 'u' && cb_id_from_hex(k + 1, id) == CB_OK;
}

/* The learner of the selected row (either kind). */
static bool
selected_learner(const struct pairings *r, struct cb_id *id)
{
	const char *k;
	struct cb_id pid;

	if (r->view == V_PROMOTIONS) {
		k = ui_list_selected_key(&r->plv.list);
		return k && cb_id_from_hex(k, id) == CB_OK;
	}
	if (r->view == V_SNOWBALL) {
		if (r->snow_sel >= r->snow.count)
			return false;
		*id = r->snow.items[r->snow_sel].person;
		return true;
	}
	if (selected_is_unpaired(r, id))
		return true;
	k = ui_list_selected_key(&r->lv.list);
	if (!k || cb_id_from_hex(k + 1, &pid) != CB_OK)
		return false;
	for (size_t i = 0; i < r->pairs.count; i++)
		if (cb_id_cmp(&r->pairs.items[i].id, &pid) == 0) {
			*id = r->pairs.items[i].learner;
			return true;
		}
	return false;
}

static unsigned
pair_selected(struct pairings *r, struct ui_app *app)
{
	struct cb_id id;
	cb_status st;

	if (r->view != V_PAIRS || !selected_is_unpaired(r, &id)) {
		ui_app_error(app, "%s", _("Select a learner who is unpaired tonight."));
		return UI_R_DONE;
	}
	for (size_t i = 0; i < r->here.count; i++) {
		if (cb_id_cmp(&r->here.items[i].person, &id) != 0)
			continue;
		st = ui_suggest_open(&r->sug, ui_app_db(app), ui_app_config(app), &id,
				     r->here.items[i].name, &r->session, ui_app_today(app));
		if (st != CB_OK) {
			ui_app_error(app, _("Cannot suggest a mentor: %s"), cb_status_message(st));
			return UI_R_DONE;
		}
		r->mode = R_SUGGEST;
		return UI_R_DONE;
	}
	return UI_R_DONE;
}

static unsigned
suggest_key(struct pairings *r, struct ui_app *app, enum ui_action a, int key)
{
	enum ui_suggest_result res = ui_suggest_handle(&r->sug, a, key);
	cb_status st;

	if (res == UI_SUGGEST_CONTINUE)
		return UI_R_DONE;
	r->mode = R_MAIN;
	if (res == UI_SUGGEST_CANCEL) {
		ui_suggest_free(&r->sug);
		return UI_R_DONE;
	}
	st = cb_pair(ui_app_db(app), &r->sug.list.items[r->sug.sel].mentor, &r->sug.learner,
		     &r->session, NULL);
	if (st == CB_OK) {
		ui_app_message(app, _("%s paired with %s."), r->sug.learner_name,
			       r->sug.list.items[r->sug.sel].name);
		ui_app_undo_note(app, _("Undone: %s is no longer paired."), r->sug.learner_name);
	} else
		ui_app_error(app, _("Not paired: %s"), cb_status_message(st));
	ui_suggest_free(&r->sug);
	load(r, app);
	return st == CB_OK ? UI_R_DATA : UI_R_DONE;
}

static unsigned promote_answered(struct pairings *r, struct ui_app *app, bool yes);
static unsigned end_pair_answered(struct pairings *r, struct ui_app *app, bool yes);

/* The answer to the question the screen asked (promote, end a pair). */
static unsigned
answered(void *st, struct ui_app *app, bool yes)
{
	struct pairings *r = st;

	return r->asking == ASK_END_PAIR ? end_pair_answered(r, app, yes)
					 : promote_answered(r, app, yes);
}

/* --- promotion ------------------------------------------------------------------------ */

static void
ask_promote(struct pairings *r, struct ui_app *app)
{
	const char *k = ui_list_selected_key(&r->plv.list);
	char q[300];

	if (r->view != V_PROMOTIONS || !k || cb_id_from_hex(k, &r->promote_id) != CB_OK) {
		ui_app_error(app, "%s", _("Select a proposal in Promotions to promote."));
		return;
	}
	snprintf(q, sizeof q, _("Promote %s to mentor?"), ui_list_cell(&r->plv.list, r->plv.list.sel, 0));
	r->asking = ASK_PROMOTE;
	ui_listview_ask(&r->lv, q, answered, r);
}

static unsigned
promote_answered(struct pairings *r, struct ui_app *app, bool yes)
{
	struct cb_id by;
	struct cb_person p, t;
	cb_status st;

	if (!yes) {
		ui_app_message(app, "%s", _("Nobody promoted."));
		return UI_R_DONE;
	}
	st = cb_promote(ui_app_db(app), ui_app_config(app), &r->promote_id, NULL, false,
			ui_app_today(app), &by);
	if (st == CB_NOT_FOUND) {
		ui_app_error(app, "%s", _("Not promoted: they never had a mentor (cambouis promote NAME --by MENTOR)."));
		return UI_R_DONE;
	}
	if (st != CB_OK) {
		ui_app_error(app, _("Not promoted: %s"), cb_status_message(st));
		return UI_R_DONE;
	}
	if (cb_person_get(ui_app_db(app), &r->promote_id, &p) == CB_OK) {
		if (cb_person_get(ui_app_db(app), &by, &t) == CB_OK) {
			ui_app_message(app, _("%s is now a mentor (trained by %s)"), p.name, t.name);
			ui_app_undo_note(app, _("Undone: %s is a learner again."), p.name);
			cb_person_clear(&t);
		}
		cb_person_clear(&p);
	}
	load(r, app);
	return UI_R_DATA;
}

/* --- ending a pair --------------------------------------------------------------------- */

/* The active pair on the selected row, if the row is one. */
static const struct cb_pairing *
selected_pair(const struct pairings *r)
{
	const char *k = ui_list_selected_key(&r->lv.list);
	struct cb_id id;

	if (r->view != V_PAIRS || !k || k[0] != 'p' || cb_id_from_hex(k + 1, &id) != CB_OK)
		return NULL;
	for (size_t i = 0; i < r->pairs.count; i++)
		if (cb_id_cmp(&r->pairs.items[i].id, &id) == 0)
			return &r->pairs.items[i];
	return NULL;
}

static void
ask_end_pair(struct pairings *r, struct ui_app *app)
{
	const struct cb_pairing *p = selected_pair(r);
	char q[300];

	if (!p) {
		ui_app_error(app, "%s", _("Select a pair in Pairs to end it."));
		return;
	}
	/* the list is read again before the answer: keep what it would end */
	r->ending[0] = p->learner;
	r->ending[1] = p->mentor;
	snprintf(r->ending_names[0], sizeof r->ending_names[0], "%s", p->learner_name);
	snprintf(r->ending_names[1], sizeof r->ending_names[1], "%s", p->mentor_name);
	snprintf(q, sizeof q, _("End the pair of %s with %s?"), p->learner_name, p->mentor_name);
	r->asking = ASK_END_PAIR;
	ui_listview_ask(&r->lv, q, answered, r);
}

static unsigned
end_pair_answered(struct pairings *r, struct ui_app *app, bool yes)
{
	cb_status st;

	if (!yes) {
		ui_app_message(app, "%s", _("The pair goes on."));
		return UI_R_DONE;
	}
	/* tonight's pair is undone too, as `cambouis unpair` does */
	st = cb_unpair(ui_app_db(app), &r->ending[1], &r->ending[0],
		       r->has_session ? &r->session : NULL, CB_PAIR_ENDED);
	if (st != CB_OK) {
		ui_app_error(app, _("Not ended: %s"), cb_status_message(st));
		return UI_R_DONE;
	}
	ui_app_message(app, _("%s and %s are no longer paired."), r->ending_names[0],
		       r->ending_names[1]);
	ui_app_undo_note(app, _("Undone: %s and %s are paired again."), r->ending_names[0],
			 r->ending_names[1]);
	load(r, app);
	return UI_R_DATA;
}

/* --- the screen ------------------------------------------------------------------------ */

static unsigned
main_key(struct pairings *r, struct ui_app *app, enum ui_action a, int key)
{
	int h = body_height(app);
	struct ui_listview *lv = r->lv.mode == UI_LV_ASKING || r->view != V_PROMOTIONS ? &r->lv
									       : &r->plv;
	struct cb_id id;
	unsigned res;

	if (r->view == V_SNOWBALL && !ui_listview_busy(&r->lv)) {
		size_t n = r->snow.count, page = (size_t)h;
		switch (a) {
		case UI_A_UP: r->snow_sel -= r->snow_sel > 0; return UI_R_DONE;
		case UI_A_DOWN: r->snow_sel += r->snow_sel + 1 < n; return UI_R_DONE;
		case UI_A_PAGE_UP: r->snow_sel = r->snow_sel > page ? r->snow_sel - page : 0; return UI_R_DONE;
		case UI_A_PAGE_DOWN:
			r->snow_sel = r->snow_sel + page < n ? r->snow_sel + page : n ? n - 1 : 0;
			return UI_R_DONE;
		case UI_A_FIRST: r->snow_sel = 0; return UI_R_DONE;
		case UI_A_LAST: r->snow_sel = n ? n - 1 : 0; return UI_R_DONE;
		default: break;
		}
	} else if ((res = ui_listview_handle(lv, app, a, key, h)) != UI_R_UNHANDLED) {
		return res;
	}
	switch (a) {
	case UI_A_NEXT_VIEW: r->view = (r->view + 1) % V_COUNT; return UI_R_DONE;
	case UI_A_PREV_VIEW: r->view = (r->view + V_COUNT - 1) % V_COUNT; return UI_R_DONE;
	case UI_A_PAIR: return pair_selected(r, app);
	case UI_A_END_PAIR: ask_end_pair(r, app); return UI_R_DONE;
	case UI_A_PROMOTE: ask_promote(r, app); return UI_R_DONE;
	case UI_A_OPEN:
	case UI_A_SIGN_OFF:
		if (!selected_learner(r, &id)) {
			ui_app_error(app, "%s", _("Nobody is selected."));
			return UI_R_DONE;
		}
		if (open_skills(r, app, &id) && a == UI_A_SIGN_OFF) {
			r->back_to = R_MAIN;
			ask_skill(r, app);
		}
		return UI_R_DONE;
	default:
		return UI_R_UNHANDLED;
	}
}

static unsigned
pairings_handle(void *st, struct ui_app *app, enum ui_action a, int key)
{
	struct pairings *r = st;

	ensure_loaded(r, app);
	switch (r->mode) {
	case R_SKILLS: return skills_key(r, app, a);
	case R_PICK_SKILL:
	case R_PICK_LEVEL:
	case R_PICK_MENTOR: return picker_key(r, app, a, key);
	case R_SUGGEST: return suggest_key(r, app, a, key);
	case R_MAIN: break;
	}
	return main_key(r, app, a, key);
}

static bool
pairings_text_input(void *st)
{
	struct pairings *r = st;

	return (r->mode != R_MAIN && r->mode != R_SKILLS) || ui_listview_busy(&r->lv) ||
	       ui_listview_busy(&r->plv);
}

static size_t
pairings_hints(void *st, enum ui_action *out, size_t max)
{
	static const enum ui_action pairs[] = {UI_A_OPEN, UI_A_PAIR, UI_A_END_PAIR, UI_A_SIGN_OFF,
					       UI_A_NEXT_VIEW};
	static const enum ui_action prom[] = {UI_A_PROMOTE, UI_A_OPEN, UI_A_NEXT_VIEW};
	static const enum ui_action snow[] = {UI_A_OPEN, UI_A_NEXT_VIEW};
	static const enum ui_action skills[] = {UI_A_SIGN_OFF, UI_A_OPEN, UI_A_BACK};
	static const enum ui_action pick[] = {UI_A_CANCEL};
	struct pairings *r = st;
	const enum ui_action *src;
	size_t n;

	if (r->mode == R_SKILLS) {
		src = skills;
		n = 3;
	} else if (r->mode == R_SUGGEST || r->lv.mode == UI_LV_ASKING) {
		return 0;
	} else if (ui_listview_busy(&r->lv) || ui_listview_busy(&r->plv)) {
		return ui_listview_hints(ui_listview_busy(&r->lv) ? &r->lv : &r->plv, out, max);
	} else if (r->mode != R_MAIN) {
		src = pick;
		n = 1;
	} else if (r->view == V_PAIRS) {
		src = pairs;
		n = 5;
	} else if (r->view == V_PROMOTIONS) {
		src = prom;
		n = 3;
	} else {
		src = snow;
		n = 2;
	}
	if (n > max)
		n = max;
	memcpy(out, src, n * sizeof *out);
	return n;
}

static void
draw_views(struct pairings *r, const struct ui_rect *area)
{
	int x = area->x + 1;
	char label[120];

	ui_draw_text(area->y, area->x, area->w, "", UI_ROLE_NORMAL);
	for (int v = 0; v < V_COUNT; v++) {
		size_t n = v == V_PAIRS ? r->lv.list.nrows : v == V_PROMOTIONS ? r->cands.count : 0;
		if (v == V_SNOWBALL)
			snprintf(label, sizeof label, " %s ", _(view_titles[v]));
		else
			snprintf(label, sizeof label, " %s (%zu) ", _(view_titles[v]), n);
		x += ui_draw_str(area->y, x, area->x + area->w - x, label,
				 (int)r->view == v ? UI_ROLE_TAB_ACTIVE : UI_ROLE_DIM);
		x += 1;
	}
}

static void
draw_snowball(struct pairings *r, const struct ui_rect *body)
{
	int rows = body->h - 1;
	size_t top = r->snow_top;
	char line[600];

	if (r->snow_sel < top)
		top = r->snow_sel;
	if (rows > 0 && r->snow_sel >= top + (size_t)rows)
		top = r->snow_sel - (size_t)rows + 1;
	r->snow_top = top;
	if (!r->snow.count)
		ui_draw_text(body->y + 1, body->x + 2, body->w - 4,
			     _("Nobody promoted yet: the snowball starts with the first learner "
			       "who becomes a mentor."), UI_ROLE_DIM);
	for (int i = 0; i < rows && top + (size_t)i < r->snow.count; i++) {
		const struct cb_snowball_row *s = &r->snow.items[top + (size_t)i];
		ui_snowball_line(s, line, sizeof line);
		ui_draw_text(body->y + i, body->x, body->w, "",
			     top + (size_t)i == r->snow_sel ? UI_ROLE_SELECTED : UI_ROLE_NORMAL);
		ui_draw_text(body->y + i, body->x + 1, body->w - 2, line,
			     top + (size_t)i == r->snow_sel ? UI_ROLE_SELECTED
			     : s->depth == 0 ? UI_ROLE_TITLE : UI_ROLE_NORMAL);
	}
	ui_snowball_summary(&r->snow, line, sizeof line);
	ui_draw_text(body->y + body->h - 1, body->x + 1, body->w - 2, line, UI_ROLE_TITLE);
}

static void
draw_skills(struct pairings *r, const struct ui_rect *area)
{
	char title[300], line[400];
	int lw = 0, rows = area->h - 3;
	size_t top = 0;

	snprintf(title, sizeof title, _("Skills of %s: %d at can teach, %d in progress"),
		 r->learner_name, r->grid.can_teach, r->grid.working_on);
	ui_draw_text(area->y, area->x + 1, area->w - 2, title, UI_ROLE_TITLE);
	for (size_t i = 0; i < r->grid.count; i++) {
		int w = cb_utf8_width(r->grid.items[i].label ? r->grid.items[i].label
							     : r->grid.items[i].key);
		if (w > lw)
			lw = w;
	}
	if (lw > area->w / 3)
		lw = area->w / 3;
	if (rows > 0 && r->skill_sel >= (size_t)rows)
		top = r->skill_sel - (size_t)rows + 1;
	for (int i = 0; i < rows && top + (size_t)i < r->grid.count; i++) {
		const struct cb_skill_cell *c = &r->grid.items[top + (size_t)i];
		bool sel = top + (size_t)i == r->skill_sel;
		ui_skill_line(c, lw, line, sizeof line);
		ui_draw_text(area->y + 2 + i, area->x, area->w, "", sel ? UI_ROLE_SELECTED : UI_ROLE_NORMAL);
		ui_draw_text(area->y + 2 + i, area->x + 2, area->w - 3, line,
			     sel ? UI_ROLE_SELECTED : c->level ? UI_ROLE_NORMAL : UI_ROLE_DIM);
	}
}

static enum ui_role
row_role(const char *key, const void *ctx)
{
	(void)ctx;
	return key && key[0] == 'u' ? UI_ROLE_ATTENTION : UI_ROLE_NORMAL;
}

static void
pairings_draw(void *st, struct ui_app *app, const struct ui_rect *area)
{
	struct pairings *r = st;
	struct ui_rect body = {area->y + 2, area->x, area->h - 2, area->w};
	char empty[200];

	ensure_loaded(r, app);
	if (r->mode == R_SKILLS || r->mode == R_PICK_SKILL || r->mode == R_PICK_LEVEL ||
	    r->mode == R_PICK_MENTOR) {
		draw_skills(r, area);
		if (r->mode != R_SKILLS)
			ui_draw_picker(&r->picker, area);
		return;
	}
	draw_views(r, area);
	if (r->view == V_PAIRS) {
		const char *titles[NPAIR];
		for (size_t i = 0; i < NPAIR; i++)
			titles[i] = *pair_cols[i].title ? _(pair_cols[i].title) : "";
		snprintf(empty, sizeof empty, "%s", _("No pairs yet."));
		ui_draw_list_roles(&r->lv.list, &body, titles, empty, false, row_role, r);
	} else if (r->view == V_PROMOTIONS) {
		const char *titles[NPROM];
		for (size_t i = 0; i < NPROM; i++)
			titles[i] = _(prom_cols[i].title);
		ui_draw_list(&r->plv.list, &body, titles, _("Nobody meets the promotion rule yet."));
	} else {
		draw_snowball(r, &body);
	}
	if (r->mode == R_SUGGEST) {
		ui_draw_suggest(&r->sug, area);
	} else {
		ui_listview_draw(&r->lv, area);
		ui_listview_draw(&r->plv, area);
	}
}

/* After an undo: the skills grid shown is read again. */
static bool
pairings_show(void *st, struct ui_app *app, const struct ui_target *t)
{
	struct pairings *r = st;
	struct cb_id learner = r->learner;
	enum mode back = r->back_to;

	if (t->kind != UI_TARGET_ROW || r->mode != R_SKILLS || !open_skills(r, app, &learner))
		return false;
	r->back_to = back;
	return true;
}

const struct ui_screen_ops ui_pairings_ops = {
	.name = "pairings",
	.title = N_("Pairings"),
	.open = pairings_open,
	.draw = pairings_draw,
	.handle = pairings_handle,
	.text_input = pairings_text_input,
	.hints = pairings_hints,
	.reload = pairings_reload,
	.close = pairings_close,
	.show = pairings_show,
};
