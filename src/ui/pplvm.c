/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The people screens' view-models: no curses, so the unit tests drive
 * them on an in-memory database. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/i18n.h"
#include "cambouis/schema.h"
#include "cambouis/text.h"
#include "ui/keys.h"
#include "ui/list.h"
#include "ui/pplvm.h"

/* Append part to buf, after ", " unless buf is empty. */
static void
join(char *buf, size_t len, const char *part)
{
	size_t n = strlen(buf);

	if (n + 1 >= len)
		return;
	snprintf(buf + n, len - n, "%s%s", n ? ", " : "", part);
}

/* --- arrivals ------------------------------------------------------------ */

bool
ui_presence_waiting(const struct cb_presence *p)
{
	return p->role == CB_ROLE_LEARNER && p->npartners == 0 && !p->checkout[0];
}

void
ui_presence_pair(const struct cb_presence *p, char *buf, size_t len)
{
	if (p->partner_name && *p->partner_name && p->npartners > 1)
		snprintf(buf, len, "%s +%d", p->partner_name, p->npartners - 1);
	else if (p->partner_name && *p->partner_name)
		snprintf(buf, len, "%s", p->partner_name);
	else
		snprintf(buf, len, "%s", "");
}

void
ui_presence_notes(const struct cb_presence *p, char *buf, size_t len)
{
	char left[64];

	buf[0] = '\0';
	if (ui_presence_waiting(p))
		join(buf, len, _("unpaired"));
	if (p->minor)
		join(buf, len, _("minor"));
	if (p->role == CB_ROLE_MENTOR && p->attestation_expired)
		join(buf, len, _("attestation expired"));
	if (p->checkout[0]) {
		snprintf(left, sizeof left, _("left %s"), p->checkout);
		join(buf, len, left);
	}
}

void
ui_no_vetted_mentor(struct cb_db *db, const struct cb_presence_list *pl,
		    const struct cb_id *learner, const char *name, int excluded, char *buf,
		    size_t len)
{
	const struct cb_presence *only = NULL;
	struct cb_person m;

	for (size_t i = 0; excluded == 1 && i < pl->count; i++) {
		const struct cb_presence *p = &pl->items[i];
		if (p->role == CB_ROLE_MENTOR && !p->checkout[0] && p->attestation_expired &&
		    cb_id_cmp(&p->person, learner) != 0)
			only = p;
	}
	if (only && cb_person_get(db, &only->person, &m) == CB_OK) {
		if (m.attestation[0])
			snprintf(buf, len, _("No mentor for %s (a minor): the attestation of %s has expired."),
				 name, only->name);
		else
			snprintf(buf, len, _("No mentor for %s (a minor): %s has no attestation."), name,
				 only->name);
		cb_person_clear(&m);
		return;
	}
	snprintf(buf, len,
		 ngettext_("%s (a minor): %d mentor here, without a valid attestation.",
			   "%s (a minor): none of the %d mentors here has a valid attestation.",
			   (unsigned long)excluded),
		 name, excluded);
}

void
ui_presence_counts(const struct cb_presence_list *l, char *buf, size_t len)
{
	/* TRANSLATORS: tonight's counts, always on screen */
	snprintf(buf, len, _("Learners %d · Mentors %d · Pairs %d · Unpaired %d"), l->learners,
		 l->mentors, l->pairs, l->unpaired);
}

/* --- the suggestion panel --------------------------------------------------- */

cb_status
ui_suggest_open(struct ui_suggest *s, struct cb_db *db, const struct cb_config *cfg,
		const struct cb_id *learner, const char *name, const struct cb_id *session,
		int32_t today)
{
	cb_status st;

	memset(s, 0, sizeof *s);
	s->learner = *learner;
	if (!(s->learner_name = strdup(name ? name : "")))
		return CB_NOMEM;
	if ((st = cb_suggest(db, cfg, learner, session, today, &s->list)) != CB_OK) {
		free(s->learner_name);
		memset(s, 0, sizeof *s);
	}
	return st;
}

void
ui_suggest_free(struct ui_suggest *s)
{
	free(s->learner_name);
	cb_suggestion_list_free(&s->list);
	memset(s, 0, sizeof *s);
}

size_t
ui_suggest_shown(const struct ui_suggest *s)
{
	return s->list.count < UI_SUGGEST_SHOWN ? s->list.count : UI_SUGGEST_SHOWN;
}

enum ui_suggest_result
ui_suggest_handle(struct ui_suggest *s, enum ui_action a, int key)
{
	size_t n = ui_suggest_shown(s);

	if (a == UI_A_CANCEL)
		return UI_SUGGEST_CANCEL;
	if (n == 0)
		return a == UI_A_SAVE || a == UI_A_ACCEPT ? UI_SUGGEST_CANCEL : UI_SUGGEST_CONTINUE;
	if (a == UI_A_SAVE || a == UI_A_ACCEPT)
		return UI_SUGGEST_CHOSEN;
	if (a == UI_A_FIELD_NEXT) {
		s->sel = (s->sel + 1) % n;
		return UI_SUGGEST_CONTINUE;
	}
	if (a == UI_A_FIELD_PREV) {
		s->sel = (s->sel + n - 1) % n;
		return UI_SUGGEST_CONTINUE;
	}
	if (key >= '1' && key < '1' + (int)n) {
		s->sel = (size_t)(key - '1');
		return UI_SUGGEST_CHOSEN;
	}
	return UI_SUGGEST_CONTINUE;
}

void
ui_suggest_line(const struct ui_suggest *s, size_t i, char *buf, size_t len)
{
	const struct cb_suggestion *x;

	if (i >= s->list.count) {
		snprintf(buf, len, "%s", "");
		return;
	}
	x = &s->list.items[i];
	if (x->reason && *x->reason)
		snprintf(buf, len, "%zu  %s — %s", i + 1, x->name, x->reason);
	else
		snprintf(buf, len, "%zu  %s", i + 1, x->name);
}

/* --- the person picker -------------------------------------------------------- */

bool
ui_person_pick_init(struct ui_person_pick *p, const char *title)
{
	memset(p, 0, sizeof *p);
	if (!(p->title = strdup(title)) || !ui_edit_init(&p->query, "", CB_PERSON_NAME_MAX)) {
		free(p->title);
		p->title = NULL;
		return false;
	}
	return true;
}

void
ui_person_pick_free(struct ui_person_pick *p)
{
	free(p->title);
	ui_edit_free(&p->query);
	cb_person_ref_list_free(&p->found);
	memset(p, 0, sizeof *p);
}

static void
pick_keep_visible(struct ui_person_pick *p, int height)
{
	size_t h = height > 0 ? (size_t)height : 1;

	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + h)
		p->top = p->sel - h + 1;
}

enum ui_pick
ui_person_pick_handle(struct ui_person_pick *p, struct cb_db *db, enum ui_action a, int key,
		      int height)
{
	size_t n = p->found.count;

	switch (a) {
	case UI_A_CANCEL:
		return UI_PICK_CANCEL;
	case UI_A_SAVE:
	case UI_A_ACCEPT:
		return n ? UI_PICK_CHOSEN : UI_PICK_CONTINUE;
	case UI_A_FIELD_NEXT:
		if (n && p->sel + 1 < n)
			p->sel++;
		pick_keep_visible(p, height);
		return UI_PICK_CONTINUE;
	case UI_A_FIELD_PREV:
		if (p->sel > 0)
			p->sel--;
		pick_keep_visible(p, height);
		return UI_PICK_CONTINUE;
	default:
		break;
	}
	if (ui_edit_handle(&p->query, a, key) > 0) {
		cb_person_ref_list_free(&p->found);
		memset(&p->found, 0, sizeof p->found);
		p->sel = p->top = 0;
		if (p->query.len &&
		    cb_person_search(db, p->query.text, UI_PERSON_PICK_LIMIT, &p->found) != CB_OK)
			memset(&p->found, 0, sizeof p->found);
	}
	return UI_PICK_CONTINUE;
}

const struct cb_person_ref *
ui_person_pick_choice(const struct ui_person_pick *p)
{
	return p->sel < p->found.count ? &p->found.items[p->sel] : NULL;
}

char *
ui_person_pick_newcomer(const struct ui_person_pick *p)
{
	char *name;

	if (p->found.count || !p->query.len || !(name = cb_text_trim(p->query.text)))
		return NULL;
	if (!*name) {
		free(name);
		return NULL;
	}
	return name;
}

void
ui_roles_text(unsigned roles, char *buf, size_t len)
{
	buf[0] = '\0';
	for (int r = CB_ROLE_LEARNER; r <= CB_ROLE_ORGANISER; r++)
		if (roles & CB_ROLE_BIT(r))
			join(buf, len, cb_role_label((enum cb_role)r));
}

/* --- the person form ---------------------------------------------------------- */

/* The category choices: "—" (none) then the list's labels. */
static bool
add_category(struct ui_person_form *pf, const char *key)
{
	const char **labels = calloc(pf->cats.count + 1, sizeof *labels);
	size_t initial = 0;
	bool ok;

	if (!labels)
		return false;
	labels[0] = "—";
	for (size_t i = 0; i < pf->cats.count; i++) {
		labels[i + 1] = pf->cats.labels[i];
		if (key && strcmp(key, pf->cats.keys[i]) == 0)
			initial = i + 1;
	}
	ok = ui_form_add_choice(&pf->form, _("Category"), labels, pf->cats.count + 1, initial) >= 0;
	free(labels);
	return ok;
}

static bool
person_form_new(struct ui_person_form *pf, const struct cb_config *cfg, int64_t now_ms,
		bool contact)
{
	const char *roles[] = {cb_role_label(CB_ROLE_LEARNER), cb_role_label(CB_ROLE_MENTOR),
			       cb_role_label(CB_ROLE_ORGANISER)};

	memset(pf, 0, sizeof *pf);
	if (cb_categories(cfg, &pf->cats) != CB_OK)
		return false;
	if (ui_form_init(&pf->form, _("New person"), now_ms) &&
	    ui_form_add_text(&pf->form, _("Display name"), "", true, CB_PERSON_NAME_MAX) >= 0 &&
	    ui_form_add_choice(&pf->form, _("Role"), roles, 3, 0) >= 0 &&
	    add_category(pf, NULL) &&
	    ui_form_add_text(&pf->form, _("Birth year"), "", false, 16) >= 0 &&
	    (!contact ||
	     (ui_form_add_text(&pf->form, _("Contact"), "", false, CB_PERSON_CONTACT_MAX) >= 0 &&
	      ui_form_add_yesno(&pf->form, _("Agrees to be contacted"), false) >= 0))) {
		static const int fields[] = {CB_F_PERSON_NAME};
		ui_form_bind(&pf->form, CB_T_PERSON, fields, 1);
		return true;
	}
	ui_person_form_free(pf);
	return false;
}

bool
ui_person_form_new(struct ui_person_form *pf, const struct cb_config *cfg, int64_t now_ms)
{
	return person_form_new(pf, cfg, now_ms, true);
}

bool
ui_person_form_newcomer(struct ui_person_form *pf, const struct cb_config *cfg, int64_t now_ms,
			const char *name)
{
	if (!person_form_new(pf, cfg, now_ms, false))
		return false;
	free(pf->form.title);
	if (!(pf->form.title = strdup(_("Add and check in"))) ||
	    !ui_form_set_text(&pf->form, UI_PF_NAME, name)) {
		ui_person_form_free(pf);
		return false;
	}
	pf->form.cur = UI_PF_CATEGORY;
	return true;
}

bool
ui_person_form_edit(struct ui_person_form *pf, const struct cb_config *cfg,
		    const struct cb_person *p, int64_t now_ms)
{
	char year[16] = "";

	memset(pf, 0, sizeof *pf);
	if (cb_categories(cfg, &pf->cats) != CB_OK)
		return false;
	pf->editing = true;
	pf->id = p->id;
	if (p->birth_year)
		snprintf(year, sizeof year, "%d", p->birth_year);
	if (ui_form_init(&pf->form, _("Edit the person"), now_ms) &&
	    ui_form_add_text(&pf->form, _("Display name"), p->name, true, CB_PERSON_NAME_MAX) >= 0 &&
	    ui_form_add_yesno(&pf->form, cb_role_label(CB_ROLE_LEARNER),
			      p->roles & CB_ROLE_BIT(CB_ROLE_LEARNER)) >= 0 &&
	    ui_form_add_yesno(&pf->form, cb_role_label(CB_ROLE_MENTOR),
			      p->roles & CB_ROLE_BIT(CB_ROLE_MENTOR)) >= 0 &&
	    ui_form_add_yesno(&pf->form, cb_role_label(CB_ROLE_ORGANISER),
			      p->roles & CB_ROLE_BIT(CB_ROLE_ORGANISER)) >= 0 &&
	    add_category(pf, p->category) &&
	    ui_form_add_text(&pf->form, _("Birth year"), year, false, 16) >= 0 &&
	    ui_form_add_text(&pf->form, _("Languages"), p->languages, false, CB_PERSON_LANGS_MAX) >= 0 &&
	    ui_form_add_date(&pf->form, _("Attestation"), p->attestation, false) >= 0 &&
	    ui_form_add_text(&pf->form, _("Notes"), p->notes, false, CB_PERSON_NOTES_MAX) >= 0) {
		/* the birth year and languages are read by their own parsers */
		static const int fields[] = {CB_F_PERSON_NAME, 0, 0, 0, 0, 0, 0,
					     CB_F_PERSON_ATTESTATION, CB_F_PERSON_NOTES};
		ui_form_bind(&pf->form, CB_T_PERSON, fields, sizeof fields / sizeof fields[0]);
		return true;
	}
	ui_person_form_free(pf);
	return false;
}

void
ui_person_form_free(struct ui_person_form *pf)
{
	ui_form_free(&pf->form);
	cb_name_list_free(&pf->cats);
	memset(pf, 0, sizeof *pf);
}

/* Where a refusal is shown, and what it says. */
static bool
refusal(const struct ui_person_form *pf, enum cb_person_bad bad, size_t *field, const char **msg)
{
	bool e = pf->editing;

	switch (bad) {
	case CB_PERSON_BAD_NAME:
		*field = e ? UI_PE_NAME : UI_PF_NAME;
		*msg = _("a display name is required");
		return true;
	case CB_PERSON_BAD_NAME_IS_ID:
		*field = e ? UI_PE_NAME : UI_PF_NAME;
		*msg = _("not 32 hexadecimal digits: it reads as an id");
		return true;
	case CB_PERSON_BAD_NAME_TAKEN:
		*field = e ? UI_PE_NAME : UI_PF_NAME;
		*msg = _("someone already has this name: add a letter");
		return true;
	case CB_PERSON_BAD_ROLES:
		*field = e ? UI_PE_LEARNER : UI_PF_ROLE;
		*msg = _("at least one role");
		return true;
	case CB_PERSON_BAD_CATEGORY:
		*field = e ? UI_PE_CATEGORY : UI_PF_CATEGORY;
		*msg = _("not a category of the list");
		return true;
	case CB_PERSON_BAD_BIRTH_YEAR:
		*field = e ? UI_PE_BIRTH : UI_PF_BIRTH;
		*msg = _("not a year");
		return true;
	case CB_PERSON_NEEDS_GUARDIAN:
		*field = e ? UI_PE_BIRTH : UI_PF_BIRTH;
		*msg = _("may be under 15: leave the year and category empty until a guardian consents");
		return true;
	case CB_PERSON_BAD_CONTACT:
		if (e || pf->form.n <= UI_PF_CONTACT)
			return false;
		*field = UI_PF_CONTACT;
		*msg = _("holds characters that cannot be saved");
		return true;
	case CB_PERSON_NEEDS_CONTACT_OK:
		if (e || pf->form.n <= UI_PF_CONTACT)
			return false;
		*field = UI_PF_CONTACT_OK;
		*msg = _("a contact needs this consent");
		return true;
	case CB_PERSON_BAD_LANGUAGES:
		if (!e)
			return false;
		*field = UI_PE_LANGS;
		*msg = _("two or three letters each, as in fr,en");
		return true;
	case CB_PERSON_BAD_ATTESTATION:
		if (!e)
			return false;
		*field = UI_PE_ATTEST;
		*msg = _("not a date: YYYY-MM-DD");
		return true;
	case CB_PERSON_BAD_NOTES:
		if (!e)
			return false;
		*field = UI_PE_NOTES;
		*msg = _("holds characters that cannot be saved");
		return true;
	default:
		return false;
	}
}

cb_status
ui_person_form_save(struct ui_person_form *pf, struct cb_db *db, const struct cb_config *cfg,
		    int32_t today, struct cb_id *id, enum cb_role *role)
{
	struct cb_person_input in;
	struct ui_form *f = &pf->form;
	size_t birth = pf->editing ? UI_PE_BIRTH : UI_PF_BIRTH;
	size_t cat = pf->editing ? UI_PE_CATEGORY : UI_PF_CATEGORY;
	enum cb_person_bad bad = CB_PERSON_BAD_NONE;
	const char *year_text = ui_form_text(f, birth), *msg;
	char *trimmed = cb_text_trim(year_text);
	size_t c, field;
	int y, m, d;
	cb_status st;

	if (!trimmed)
		return CB_NOMEM;
	memset(&in, 0, sizeof in);
	in.name = ui_form_text(f, pf->editing ? UI_PE_NAME : UI_PF_NAME);
	in.birth_year = 0;
	if (*trimmed) {
		bool was_date = false;
		char m2[160];
		cb_civil_from_days(today, &y, &m, &d);
		if (cb_birth_year_parse(trimmed, y, &in.birth_year, &was_date) != CB_OK) {
			free(trimmed);
			if (was_date) {
				ui_form_set_error(f, birth, _("only the year is kept, never a full date: type YYYY"));
			} else {
				snprintf(m2, sizeof m2, _("a year between 1900 and %d"), y);
				ui_form_set_error(f, birth, m2);
			}
			return CB_INVALID;
		}
	}
	free(trimmed);
	c = ui_form_choice(f, cat);
	in.category = c ? pf->cats.keys[c - 1] : "";
	in.set_roles = true;
	if (pf->editing) {
		in.roles = (ui_form_yes(f, UI_PE_LEARNER) ? CB_ROLE_BIT(CB_ROLE_LEARNER) : 0) |
			   (ui_form_yes(f, UI_PE_MENTOR) ? CB_ROLE_BIT(CB_ROLE_MENTOR) : 0) |
			   (ui_form_yes(f, UI_PE_ORGANISER) ? CB_ROLE_BIT(CB_ROLE_ORGANISER) : 0);
		in.languages = ui_form_text(f, UI_PE_LANGS);
		in.attestation = ui_form_text(f, UI_PE_ATTEST);
		in.notes = ui_form_text(f, UI_PE_NOTES);
		st = cb_person_edit(db, cfg, &pf->id, &in, today, &bad);
		if (st == CB_OK)
			*id = pf->id;
	} else {
		enum cb_role r = (enum cb_role)(ui_form_choice(f, UI_PF_ROLE) + CB_ROLE_LEARNER);
		static const struct cb_consent_input contact_ok = {CB_PURPOSE_CONTACT,
								   CB_CONSENT_PERSON};
		in.roles = CB_ROLE_BIT(r);
		if (f->n > UI_PF_CONTACT_OK) {
			/* no contact typed: no contact field written at all */
			if (*ui_form_text(f, UI_PF_CONTACT))
				in.contact = ui_form_text(f, UI_PF_CONTACT);
			if (ui_form_yes(f, UI_PF_CONTACT_OK)) {
				in.consents = &contact_ok;
				in.nconsents = 1;
			}
		}
		if (role)
			*role = r;
		pf->checkin_refused = false;
		memset(&pf->checkin_with, 0, sizeof pf->checkin_with);
		if (pf->checkin_session) {
			st = cb_person_add_checkin(db, cfg, &in, today, pf->checkin_session, r,
						   pf->checkin_at, id, &pf->checkin_with, &bad);
			pf->checkin_refused = st != CB_OK && bad == CB_PERSON_BAD_NONE;
		} else {
			st = cb_person_add(db, cfg, &in, today, id, &bad);
		}
	}
	if (st != CB_OK && refusal(pf, bad, &field, &msg)) {
		ui_form_set_error(f, field, msg);
		return CB_INVALID;
	}
	return st;
}

/* --- lines of text ------------------------------------------------------------- */

bool
ui_lines_add(struct ui_lines *l, enum ui_line_kind kind, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	if (l->count == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 32;
		struct ui_line *p = realloc(l->items, ncap * sizeof *p);
		if (!p)
			return false;
		l->items = p;
		l->cap = ncap;
	}
	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		return false;
	/* one line each: no tab or newline from a note breaks the layout */
	for (char *p = s; *p; p++)
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
	l->items[l->count++] = (struct ui_line){s, kind};
	return true;
}

void
ui_lines_free(struct ui_lines *l)
{
	for (size_t i = 0; i < l->count; i++)
		free(l->items[i].text);
	free(l->items);
	memset(l, 0, sizeof *l);
}

void
ui_skill_line(const struct cb_skill_cell *c, int label_w, char *buf, size_t len)
{
	char *label = ui_text_cell(c->label ? c->label : c->key, label_w, UI_ALIGN_LEFT);
	char *level = ui_text_cell(c->level ? cb_level_label(c->level) : "—", 16, UI_ALIGN_LEFT);

	if (!label || !level)
		snprintf(buf, len, "%s", "");
	else if (c->level)
		snprintf(buf, len, "%s  %s  %s  %s", label, level, c->date, c->by ? c->by : "");
	else
		snprintf(buf, len, "%s  %s", label, level);
	free(label);
	free(level);
	/* no trailing spaces: the lines are compared as text in tests */
	for (size_t n = strlen(buf); n && buf[n - 1] == ' ';)
		buf[--n] = '\0';
}

static cb_status
card_skills(struct cb_db *db, const struct cb_config *cfg, const struct cb_id *id,
	    struct ui_lines *out)
{
	struct cb_skill_grid g;
	int lw = 0;
	char line[400];
	cb_status st;

	if ((st = cb_skill_grid(db, cfg, id, &g)) != CB_OK)
		return st;
	ui_lines_add(out, UI_LINE_HEADING, _("Skills (%d at can teach, %d in progress)"), g.can_teach,
		     g.working_on);
	for (size_t i = 0; i < g.count; i++) {
		int w = cb_utf8_width(g.items[i].label ? g.items[i].label : g.items[i].key);
		if (w > lw)
			lw = w;
	}
	if (lw > 30)
		lw = 30;
	for (size_t i = 0; i < g.count; i++) {
		ui_skill_line(&g.items[i], lw, line, sizeof line);
		ui_lines_add(out, g.items[i].level ? UI_LINE_TEXT : UI_LINE_DIM, "  %s", line);
	}
	cb_skill_grid_free(&g);
	return CB_OK;
}

static void
card_consents(const struct cb_consent_list *cl, const struct cb_name_list *purposes,
	      struct ui_lines *out)
{
	ui_lines_add(out, UI_LINE_HEADING, "%s", _("Consents"));
	if (!cl->count)
		ui_lines_add(out, UI_LINE_DIM, "  %s", _("none recorded"));
	for (size_t i = 0; i < cl->count; i++) {
		const struct cb_consent *k = &cl->items[i];
		if (k->withdrawn[0])
			ui_lines_add(out, UI_LINE_DIM, _("  %s: given by %s on %s, withdrawn on %s"),
				     cb_name_list_label(purposes, k->purpose), cb_consent_by_label(k->by),
				     k->date, k->withdrawn);
		else
			ui_lines_add(out, UI_LINE_TEXT, _("  %s: given by %s on %s"),
				     cb_name_list_label(purposes, k->purpose), cb_consent_by_label(k->by),
				     k->date);
	}
}

static cb_status
card_pairings(struct cb_db *db, const struct cb_id *id, struct ui_lines *out)
{
	struct cb_pairing_list pl;
	cb_status st;

	if ((st = cb_pairings(db, id, false, &pl)) != CB_OK)
		return st;
	ui_lines_add(out, UI_LINE_HEADING, "%s", _("Pairings"));
	if (!pl.count)
		ui_lines_add(out, UI_LINE_DIM, "  %s", _("none"));
	for (size_t i = 0; i < pl.count; i++) {
		const struct cb_pairing *p = &pl.items[i];
		bool mentor = cb_id_cmp(&p->mentor, id) == 0;
		char since[64] = "";
		if (p->since[0])
			snprintf(since, sizeof since, _(", since %s"), p->since);
		ui_lines_add(out, p->status == CB_PAIR_ACTIVE ? UI_LINE_TEXT : UI_LINE_DIM,
			     mentor ? ngettext_("  mentor of %s (%s%s, %d session together)",
						"  mentor of %s (%s%s, %d sessions together)", p->sessions)
				    : ngettext_("  learner of %s (%s%s, %d session together)",
						"  learner of %s (%s%s, %d sessions together)", p->sessions),
			     mentor ? p->learner_name : p->mentor_name, cb_pair_status_label(p->status),
			     since, p->sessions);
	}
	cb_pairing_list_free(&pl);
	return CB_OK;
}

static cb_status
card_visits(struct cb_db *db, const struct cb_id *id, struct ui_lines *out)
{
	struct cb_visit_list vl;
	cb_status st;

	if ((st = cb_visits_of(db, id, &vl)) != CB_OK)
		return st;
	ui_lines_add(out, UI_LINE_HEADING, ngettext_("Attendance (%zu session)",
						     "Attendance (%zu sessions)", vl.count), vl.count);
	if (!vl.count)
		ui_lines_add(out, UI_LINE_DIM, "  %s", _("never came yet"));
	for (size_t i = 0; i < vl.count; i++) {
		const struct cb_visit *v = &vl.items[i];
		char with[200] = "", hours[32] = "";
		if (v->partner && *v->partner)
			snprintf(with, sizeof with, _(", with %s"), v->partner);
		if (v->minutes > 0)
			snprintf(hours, sizeof hours, "  %dh%02d", v->minutes / 60, v->minutes % 60);
		ui_lines_add(out, UI_LINE_TEXT, "  %s  %s  %s%s%s", v->date,
			     *v->venue ? v->venue : "—", cb_role_label(v->role), with, hours);
	}
	cb_visit_list_free(&vl);
	return CB_OK;
}

cb_status
ui_person_card(struct cb_db *db, const struct cb_config *cfg, const struct cb_id *id,
	       int32_t today, struct ui_lines *out)
{
	struct cb_person p;
	struct cb_consent_list cl;
	struct cb_name_list cats = {0}, purposes = {0};
	struct cb_progress pr;
	char roles[200], about[600] = "", part[200];
	cb_status st;

	memset(out, 0, sizeof *out);
	if ((st = cb_person_get(db, id, &p)) != CB_OK)
		return st;
	if ((st = cb_categories(cfg, &cats)) != CB_OK ||
	    (st = cb_consent_purposes(cfg, &purposes)) != CB_OK)
		goto done;
	ui_roles_text(p.roles, roles, sizeof roles);
	ui_lines_add(out, UI_LINE_HEADING, "%s — %s", p.name, *roles ? roles : "—");
	if (*p.category)
		join(about, sizeof about, cb_name_list_label(&cats, p.category));
	if (p.birth_year) {
		snprintf(part, sizeof part, _("born %d"), p.birth_year);
		join(about, sizeof about, part);
	}
	if (*p.languages) {
		snprintf(part, sizeof part, _("speaks %s"), p.languages);
		join(about, sizeof about, part);
	}
	if (cb_person_may_be_minor(&p, today))
		join(about, sizeof about, _("may be a minor"));
	ui_lines_add(out, UI_LINE_TEXT, "  %s", *about ? about : "—");
	if (p.roles & CB_ROLE_BIT(CB_ROLE_MENTOR)) {
		if (!p.attestation[0])
			ui_lines_add(out, UI_LINE_ATTENTION, "  %s", _("! no honorability attestation"));
		else if (!cb_attestation_valid(p.attestation, cfg, today))
			ui_lines_add(out, UI_LINE_ATTENTION, _("  ! attestation of %s has expired"),
				     p.attestation);
		else
			ui_lines_add(out, UI_LINE_TEXT, _("  attestation of %s"), p.attestation);
	}
	if (*p.contact)
		ui_lines_add(out, UI_LINE_TEXT, _("  contact: %s"), p.contact);
	if (*p.notes)
		ui_lines_add(out, UI_LINE_TEXT, _("  notes: %s"), p.notes);
	if (!cb_id_is_zero(&p.trained_by)) {
		struct cb_person t;
		if (cb_person_get(db, &p.trained_by, &t) == CB_OK) {
			ui_lines_add(out, UI_LINE_TEXT, _("  mentor since %s, trained by %s"),
				     p.promoted_on, t.name);
			cb_person_clear(&t);
		}
	}
	if ((st = cb_consents_of(db, id, &cl)) != CB_OK)
		goto done;
	ui_lines_add(out, UI_LINE_TEXT, "%s", "");
	card_consents(&cl, &purposes, out);
	cb_consent_list_free(&cl);
	if ((p.roles & CB_ROLE_BIT(CB_ROLE_LEARNER)) &&
	    cb_promotion_progress(db, cfg, id, &pr) == CB_OK) {
		ui_lines_add(out, UI_LINE_TEXT, "%s", "");
		ui_lines_add(out, UI_LINE_HEADING, "%s", _("Towards mentor"));
		if (pr.mentor)
			ui_lines_add(out, UI_LINE_TEXT, "  %s", _("a mentor already"));
		else
			ui_lines_add(out, pr.eligible ? UI_LINE_ATTENTION : UI_LINE_TEXT,
				     _("  %d/%d skills at can teach, %d/%d sessions%s"), pr.can_teach,
				     pr.need_skills, pr.sessions, pr.need_sessions,
				     pr.eligible ? _(": can be promoted") : "");
		cb_progress_clear(&pr);
	}
	ui_lines_add(out, UI_LINE_TEXT, "%s", "");
	if ((st = card_pairings(db, id, out)) != CB_OK)
		goto done;
	ui_lines_add(out, UI_LINE_TEXT, "%s", "");
	if ((st = card_skills(db, cfg, id, out)) != CB_OK)
		goto done;
	ui_lines_add(out, UI_LINE_TEXT, "%s", "");
	st = card_visits(db, id, out);
done:
	cb_name_list_free(&cats);
	cb_name_list_free(&purposes);
	cb_person_clear(&p);
	if (st != CB_OK)
		ui_lines_free(out);
	return st;
}

/* --- the snowball ---------------------------------------------------------------- */

void
ui_snowball_line(const struct cb_snowball_row *r, char *buf, size_t len)
{
	char since[80] = "", trained[120] = "";
	int indent = r->depth > 0 ? (r->depth - 1) * 2 : 0;

	if (r->promoted_on[0])
		snprintf(since, sizeof since, _(" (mentor since %s)"), r->promoted_on);
	if (r->trainees)
		snprintf(trained, sizeof trained, _(": trained %d, %d down the line"), r->trainees,
			 r->descendants);
	snprintf(buf, len, "%*s%s%s%s%s", indent, "", r->depth ? "└ " : "", r->name, since, trained);
}

void
ui_snowball_summary(const struct cb_snowball *s, char *buf, size_t len)
{
	char who[160], gen[48];

	snprintf(who, sizeof who,
		 ngettext_("%d of %d learners became a mentor (%.1f%%)",
			   "%d of %d learners became mentors (%.1f%%)", (unsigned long)s->promoted),
		 s->promoted, s->learners, s->learners ? 100.0 * s->promoted / s->learners : 0.0);
	snprintf(gen, sizeof gen, ngettext_("%d generation", "%d generations",
					    (unsigned long)s->generations), s->generations);
	snprintf(buf, len, "%s, %s", who, gen);
}
