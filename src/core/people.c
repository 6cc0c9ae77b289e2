/* SPDX-License-Identifier: GPL-3.0-or-later */
/* People: pseudonymous records, their consents and the privacy rules. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/buf.h"
#include "cambouis/clock.h"
#include "cambouis/i18n.h"
#include "cambouis/privacy.h"
#include "cambouis/text.h"
#include "people-private.h"

static const char SQL_GET[] =
	"SELECT id, name, learner, mentor, organiser, category, birth_year, contact, languages,"
	" notes, attestation, trained_by, promoted_on, added_on, deleted FROM people WHERE id = ?1";
static const char SQL_CONSENTS[] =
	"SELECT id, purpose, given_by, date, withdrawn FROM consents"
	" WHERE person = ?1 AND deleted = 0 ORDER BY date, purpose, id";
static const char SQL_IN_FORCE[] =
	"SELECT id, given_by FROM consents WHERE person = ?1 AND purpose = ?2 AND deleted = 0"
	" AND withdrawn IS NULL ORDER BY id";

/* --- names of codes ------------------------------------------------------- */

static const char *const role_names[] = {"", "learner", "mentor", "organiser"};
static const char *const role_labels[] = {"", N_("learner"), N_("mentor"), N_("organiser")};

const char *
cb_role_name(enum cb_role r)
{
	return r >= CB_ROLE_LEARNER && r <= CB_ROLE_ORGANISER ? role_names[r] : "";
}

const char *
cb_role_label(enum cb_role r)
{
	return r >= CB_ROLE_LEARNER && r <= CB_ROLE_ORGANISER ? _(role_labels[r]) : "";
}

cb_status
cb_role_parse(const char *s, enum cb_role *out)
{
	const char *labels[3] = {_(role_labels[1]), _(role_labels[2]), _(role_labels[3])};
	size_t i;

	if (ppl_match_words(role_names + 1, labels, 3, s, &i) != CB_OK)
		return CB_INVALID;
	*out = (enum cb_role)(i + 1);
	return CB_OK;
}

static const char *const by_names[] = {"", "person", "guardian", "both"};
static const char *const by_labels[] = {"", N_("the person"), N_("the guardian"),
					N_("person and guardian")};

const char *
cb_consent_by_name(enum cb_consent_by b)
{
	return b >= CB_CONSENT_PERSON && b <= CB_CONSENT_BOTH ? by_names[b] : "";
}

const char *
cb_consent_by_label(enum cb_consent_by b)
{
	return b >= CB_CONSENT_PERSON && b <= CB_CONSENT_BOTH ? _(by_labels[b]) : "";
}

cb_status
cb_consent_by_parse(const char *s, enum cb_consent_by *out)
{
	size_t i;

	if (ppl_match_words(by_names + 1, NULL, 3, s, &i) != CB_OK)
		return CB_INVALID;
	*out = (enum cb_consent_by)(i + 1);
	return CB_OK;
}

/* --- lists of names ---------------------------------------------------------- */

static const char *const category_keys[] = {
	"student", "apprentice", "high-school", "vocational", "middle-school",
	"isolated-minor", "job-seeker", "other",
};
static const char *const category_labels[] = {
	N_("student"), N_("apprentice"), N_("high-school pupil"), N_("vocational pupil"),
	N_("middle-school pupil"), N_("isolated minor"), N_("job seeker"), N_("other"),
};
static const char *const purpose_keys[] = {"registration", "contact", "photos"};
static const char *const purpose_labels[] = {
	N_("being registered"), N_("being contacted"), N_("photos"),
};

static cb_status
make_list(const char *const *keys, const char *const *labels, size_t n, char *const *extra,
	  size_t nextra, struct cb_name_list *out)
{
	out->count = 0;
	out->keys = calloc(n + nextra + 1, sizeof *out->keys);
	out->labels = calloc(n + nextra + 1, sizeof *out->labels);
	if (!out->keys || !out->labels) {
		cb_name_list_free(out);
		return CB_NOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		out->keys[out->count] = keys[i];
		out->labels[out->count++] = _(labels[i]);
	}
	for (size_t i = 0; i < nextra; i++) {
		bool dup = false;
		for (size_t j = 0; j < out->count && !dup; j++)
			dup = cb_text_collate(out->keys[j], extra[i]) == 0 ||
			      cb_text_collate(out->labels[j], extra[i]) == 0;
		if (dup)
			continue; /* already built in (or listed twice) */
		out->keys[out->count] = extra[i];
		out->labels[out->count++] = extra[i];
	}
	return CB_OK;
}

cb_status
cb_categories(const struct cb_config *cfg, struct cb_name_list *out)
{
	return make_list(category_keys, category_labels, sizeof category_keys / sizeof category_keys[0],
			 cfg ? cfg->categories : NULL, cfg ? cfg->ncategories : 0, out);
}

cb_status
cb_consent_purposes(const struct cb_config *cfg, struct cb_name_list *out)
{
	return make_list(purpose_keys, purpose_labels, sizeof purpose_keys / sizeof purpose_keys[0],
			 cfg ? cfg->consent_purposes : NULL, cfg ? cfg->nconsent_purposes : 0, out);
}

void
cb_name_list_free(struct cb_name_list *l)
{
	free(l->keys);
	free(l->labels);
	l->keys = l->labels = NULL;
	l->count = 0;
}

cb_status
cb_name_list_find(const struct cb_name_list *l, const char *s, size_t *index)
{
	return ppl_match_words(l->keys, l->labels, l->count, s, index);
}

const char *
cb_name_list_label(const struct cb_name_list *l, const char *key)
{
	if (!key)
		return "";
	for (size_t i = 0; i < l->count; i++)
		if (strcmp(l->keys[i], key) == 0)
			return l->labels[i];
	return key;
}

/* --- checks ---------------------------------------------------------------- */

cb_status
cb_birth_year_parse(const char *s, int this_year, int *year, bool *was_date)
{
	int digits = 0, others = 0, v = 0;

	*was_date = false;
	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			digits++;
			if (digits <= 4)
				v = v * 10 + (*p - '0');
		} else {
			others++;
		}
	}
	/* "2009-05-12", "12/05/2009", "12.05.2009": a day and month too */
	if (others > 0 && digits >= 5) {
		*was_date = true;
		return CB_INVALID;
	}
	if (others || digits != 4 || v < 1900 || v > this_year)
		return CB_INVALID;
	*year = v;
	return CB_OK;
}

bool
cb_may_be_under(int birth_year, int this_year, int age)
{
	/* born in Y, a person is this_year - Y years old after their
	 * birthday, one less before it: the doubt counts as younger */
	return birth_year > 0 && this_year - birth_year <= age;
}

cb_status
cb_languages_parse(const char *s, char *out)
{
	size_t o = 0;
	const char *p = s;

	out[0] = '\0';
	while (*p) {
		char code[4];
		size_t n = 0;
		while (*p == ' ' || *p == ',')
			p++;
		if (!*p)
			break;
		while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
			if (n == 3)
				return CB_INVALID;
			code[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
			p++;
		}
		if (n < 2 || (*p && *p != ',' && *p != ' '))
			return CB_INVALID;
		code[n] = '\0';
		/* no repeats */
		for (const char *q = out; *q; ) {
			size_t m = strcspn(q, ",");
			if (m == n && strncmp(q, code, n) == 0)
				return CB_INVALID;
			q += m + (q[m] == ',');
		}
		if (o + n + 1 > CB_PERSON_LANGS_MAX)
			return CB_TOO_LONG;
		if (o)
			out[o++] = ',';
		memcpy(out + o, code, n + 1);
		o += n;
	}
	return CB_OK;
}

/* --- reading ---------------------------------------------------------------- */

static char *
dup_col(struct cb_stmt *st, int col, bool *oom)
{
	char *s = strdup(cb_stmt_text(st, col));
	if (!s)
		*oom = true;
	return s;
}

cb_status
cb_person_get(struct cb_db *db, const struct cb_id *id, struct cb_person *out)
{
	struct cb_stmt *st;
	cb_status rc;
	bool oom = false;

	memset(out, 0, sizeof *out);
	if ((rc = cb_db_row_by_id(db, SQL_GET, id, &st)) != CB_OK)
		return rc;
	cb_stmt_id(st, 0, &out->id);
	out->name = dup_col(st, 1, &oom);
	for (int r = 0; r < 3; r++)
		if (cb_stmt_int(st, 2 + r))
			out->roles |= CB_ROLE_BIT(CB_ROLE_LEARNER + r);
	out->category = dup_col(st, 5, &oom);
	out->birth_year = (int)cb_stmt_int(st, 6);
	out->contact = dup_col(st, 7, &oom);
	out->languages = dup_col(st, 8, &oom);
	out->notes = dup_col(st, 9, &oom);
	cb_text_copy(out->attestation, sizeof out->attestation, cb_stmt_text(st, 10));
	if (cb_id_from_hex(cb_stmt_text(st, 11), &out->trained_by) != CB_OK)
		memset(&out->trained_by, 0, sizeof out->trained_by);
	cb_text_copy(out->promoted_on, sizeof out->promoted_on, cb_stmt_text(st, 12));
	cb_text_copy(out->added_on, sizeof out->added_on, cb_stmt_text(st, 13));
	out->deleted = cb_stmt_int(st, 14) != 0;
	cb_stmt_reset(st);
	if (oom) {
		cb_person_clear(out);
		return CB_NOMEM;
	}
	return CB_OK;
}

void
cb_person_clear(struct cb_person *p)
{
	free(p->name);
	free(p->category);
	free(p->contact);
	free(p->languages);
	free(p->notes);
	memset(p, 0, sizeof *p);
}

/* --- consents ---------------------------------------------------------------- */

cb_status
cb_consents_of(struct cb_db *db, const struct cb_id *person, struct cb_consent_list *out)
{
	char hex[CB_ID_HEX_LEN + 1];
	struct cb_stmt *st;
	size_t cap = 0;
	cb_status rc = cb_db_prepare(db, SQL_CONSENTS, &st);

	memset(out, 0, sizeof *out);
	if (rc != CB_OK)
		return rc;
	cb_id_to_hex(person, hex);
	cb_stmt_bind_text(st, 1, hex);
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		struct cb_consent *c;
		if (!cb_grow(&out->items, &cap, out->count, sizeof *out->items, 16)) {
			rc = CB_NOMEM;
			break;
		}
		c = &out->items[out->count];
		memset(c, 0, sizeof *c);
		cb_stmt_id(st, 0, &c->id);
		if (!(c->purpose = strdup(cb_stmt_text(st, 1)))) {
			rc = CB_NOMEM;
			break;
		}
		c->by = (enum cb_consent_by)cb_stmt_int(st, 2);
		cb_text_copy(c->date, sizeof c->date, cb_stmt_text(st, 3));
		cb_text_copy(c->withdrawn, sizeof c->withdrawn, cb_stmt_text(st, 4));
		out->count++;
	}
	if (rc == CB_DONE)
		return CB_OK;
	cb_stmt_reset(st);
	cb_consent_list_free(out);
	return rc;
}

void
cb_consent_list_free(struct cb_consent_list *l)
{
	for (size_t i = 0; i < l->count; i++)
		free(l->items[i].purpose);
	free(l->items);
	l->items = NULL;
	l->count = 0;
}

cb_status
cb_consent_in_force(struct cb_db *db, const struct cb_id *person, const char *purpose,
		    bool need_guardian, bool *yes)
{
	char hex[CB_ID_HEX_LEN + 1];
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, SQL_IN_FORCE, &st);

	*yes = false;
	if (rc != CB_OK)
		return rc;
	cb_id_to_hex(person, hex);
	cb_stmt_bind_text(st, 1, hex);
	cb_stmt_bind_text(st, 2, purpose);
	while ((rc = cb_stmt_step(st)) == CB_ROW)
		if (!need_guardian || cb_stmt_int(st, 1) != CB_CONSENT_PERSON)
			*yes = true;
	return rc == CB_DONE ? CB_OK : rc;
}

/* --- attestation ---------------------------------------------------------------- */

int
cb_attestation_months(const struct cb_config *cfg)
{
	return cfg && cfg->attestation_months > 0 ? cfg->attestation_months : 12;
}

int32_t
cb_attestation_until(const char *date, int months)
{
	int32_t d;
	int y, m, dd, last;

	if (!date || cb_date_parse(date, &d) != CB_OK)
		return -1;
	cb_civil_from_days(d, &y, &m, &dd);
	m += months;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	last = cb_month_days(y, m);
	if (dd > last)
		dd = last;
	/* valid up to the day before the same date months later */
	return cb_days_from_civil(y, m, dd) - 1;
}

/* --- writing ---------------------------------------------------------------------- */

/* The input after checks: trimmed texts and resolved keys (NULL: leave). */
struct checked {
	char *name;
	const char *category;   /* key, "" clears */
	char languages[CB_PERSON_LANGS_MAX + 1];
	bool set_languages;
	char *contact, *notes;
	const char **purposes;  /* resolved keys of in->consents */
	const char **withdraw;  /* resolved keys of in->withdraw */
	struct cb_name_list cats, purp;
};

static void
checked_free(struct checked *c)
{
	free(c->name);
	free(c->contact);
	free(c->notes);
	free(c->purposes);
	free(c->withdraw);
	cb_name_list_free(&c->cats);
	cb_name_list_free(&c->purp);
}

static cb_status
bad(enum cb_person_bad *out, enum cb_person_bad why, cb_status rc)
{
	*out = why;
	return rc;
}

/* Check the input alone (no database). */
static cb_status
check_input(const struct cb_config *cfg, const struct cb_person_input *in, bool adding,
	    int32_t today, struct checked *c, enum cb_person_bad *why)
{
	int this_year = ppl_year_of(today);
	size_t k;
	cb_status rc;

	memset(c, 0, sizeof *c);
	if ((rc = cb_categories(cfg, &c->cats)) != CB_OK ||
	    (rc = cb_consent_purposes(cfg, &c->purp)) != CB_OK)
		return rc;
	if (in->name) {
		if ((rc = cb_write_check_text(in->name, CB_PERSON_NAME_MAX * 2, false, false)) != CB_OK)
			return bad(why, CB_PERSON_BAD_NAME, rc);
		if (!(c->name = cb_text_trim(in->name)))
			return CB_NOMEM;
		if (!*c->name)
			return bad(why, CB_PERSON_BAD_NAME, CB_INVALID);
		if (strlen(c->name) > CB_PERSON_NAME_MAX)
			return bad(why, CB_PERSON_BAD_NAME, CB_TOO_LONG);
		/* ids and names never share a namespace */
		if (ppl_name_is_id(c->name))
			return bad(why, CB_PERSON_BAD_NAME_IS_ID, CB_INVALID);
	} else if (adding) {
		return bad(why, CB_PERSON_BAD_NAME, CB_INVALID);
	}
	if (((in->set_roles ? in->roles : 0) | in->add_roles) &
	    ~(CB_ROLE_BIT(CB_ROLE_LEARNER) | CB_ROLE_BIT(CB_ROLE_MENTOR) | CB_ROLE_BIT(CB_ROLE_ORGANISER)))
		return bad(why, CB_PERSON_BAD_ROLES, CB_INVALID);
	if ((in->set_roles && !in->roles && !in->add_roles) ||
	    (adding && !(in->set_roles ? in->roles : 0) && !in->add_roles))
		return bad(why, CB_PERSON_BAD_ROLES, CB_INVALID);
	if (in->category) {
		if (!*in->category)
			c->category = "";
		else if (cb_name_list_find(&c->cats, in->category, &k) != CB_OK)
			return bad(why, CB_PERSON_BAD_CATEGORY, CB_INVALID);
		else
			c->category = c->cats.keys[k];
	}
	if (in->birth_year > 0 && (in->birth_year < 1900 || in->birth_year > this_year))
		return bad(why, CB_PERSON_BAD_BIRTH_YEAR, CB_INVALID);
	if (in->contact) {
		if ((rc = cb_write_check_text(in->contact, CB_PERSON_CONTACT_MAX, false, false)) != CB_OK)
			return bad(why, CB_PERSON_BAD_CONTACT, rc);
		if (!(c->contact = cb_text_trim(in->contact)))
			return CB_NOMEM;
	}
	if (in->languages) {
		if ((rc = cb_languages_parse(in->languages, c->languages)) != CB_OK)
			return bad(why, CB_PERSON_BAD_LANGUAGES, rc);
		c->set_languages = true;
	}
	if (in->notes) {
		if ((rc = cb_write_check_text(in->notes, CB_PERSON_NOTES_MAX, true, false)) != CB_OK)
			return bad(why, CB_PERSON_BAD_NOTES, rc);
		if (!(c->notes = cb_text_trim(in->notes)))
			return CB_NOMEM;
	}
	if (in->attestation && *in->attestation) {
		int32_t d;
		if (cb_date_parse(in->attestation, &d) != CB_OK || d > today)
			return bad(why, CB_PERSON_BAD_ATTESTATION, CB_INVALID);
	}
	c->purposes = calloc(in->nconsents + 1, sizeof *c->purposes);
	c->withdraw = calloc(in->nwithdraw + 1, sizeof *c->withdraw);
	if (!c->purposes || !c->withdraw)
		return CB_NOMEM;
	for (size_t i = 0; i < in->nconsents; i++) {
		if (cb_name_list_find(&c->purp, in->consents[i].purpose, &k) != CB_OK ||
		    in->consents[i].by < CB_CONSENT_PERSON || in->consents[i].by > CB_CONSENT_BOTH)
			return bad(why, CB_PERSON_BAD_CONSENT, CB_INVALID);
		c->purposes[i] = c->purp.keys[k];
	}
	for (size_t i = 0; i < in->nwithdraw; i++) {
		if (cb_name_list_find(&c->purp, in->withdraw[i], &k) != CB_OK)
			return bad(why, CB_PERSON_BAD_CONSENT, CB_INVALID);
		c->withdraw[i] = c->purp.keys[k];
	}
	return CB_OK;
}

/* Is a consent for purpose in force after this change (old records not
 * withdrawn now, or given now)? */
static cb_status
consent_after(struct cb_db *db, const struct cb_id *id, const struct cb_person_input *in,
	      const struct checked *c, const char *purpose, bool need_guardian, bool *yes)
{
	cb_status rc = CB_OK;

	*yes = false;
	for (size_t i = 0; i < in->nconsents; i++)
		if (strcmp(c->purposes[i], purpose) == 0 &&
		    (!need_guardian || in->consents[i].by != CB_CONSENT_PERSON))
			*yes = true;
	if (*yes || !id)
		return CB_OK;
	for (size_t i = 0; i < in->nwithdraw; i++)
		if (strcmp(c->withdraw[i], purpose) == 0)
			return CB_OK;
	rc = cb_consent_in_force(db, id, purpose, need_guardian, yes);
	return rc;
}

/* The privacy rules, on the person as it would be after the change. */
static cb_status
check_privacy(struct cb_db *db, const struct cb_person *old, const struct cb_person_input *in,
	      const struct checked *c, int32_t today, enum cb_person_bad *why)
{
	const struct cb_id *id = old ? &old->id : NULL;
	int year = in->birth_year >= 0 ? in->birth_year : old ? old->birth_year : 0;
	bool under15 = cb_may_be_under(year, ppl_year_of(today), CB_GUARDIAN_AGE);
	bool ok, personal, contact_after;
	cb_status rc;

	/* the contact goes with the consent to be contacted */
	contact_after = c->contact ? *c->contact != '\0' : old && *old->contact;
	if (c->contact && *c->contact) {
		if ((rc = consent_after(db, id, in, c, CB_PURPOSE_CONTACT, under15, &ok)) != CB_OK)
			return rc;
		if (!ok)
			return bad(why, CB_PERSON_NEEDS_CONTACT_OK, CB_INVALID);
	}
	(void)contact_after;
	if (!under15)
		return CB_OK;
	personal = (c->category && *c->category) || in->birth_year > 0 ||
		   (c->contact && *c->contact) || (c->set_languages && c->languages[0]) ||
		   (c->notes && *c->notes);
	if (!personal)
		return CB_OK;
	if ((rc = consent_after(db, id, in, c, CB_PURPOSE_REGISTRATION, true, &ok)) != CB_OK)
		return rc;
	return ok ? CB_OK : bad(why, CB_PERSON_NEEDS_GUARDIAN, CB_INVALID);
}

static cb_status
set_if(struct cb_db *db, const struct cb_id *id, int field, const char *want, const char *old)
{
	if (!want || (old && strcmp(want, old) == 0))
		return CB_OK;
	return cb_write_text(db, CB_T_PERSON, id, field, want);
}

static cb_status
add_consent(struct cb_db *db, const struct cb_id *person, const char *purpose,
	    enum cb_consent_by by, const char *date)
{
	struct cb_id id;
	cb_status rc;

	if ((rc = cb_id_new(&id, cb_clock_now_ms())) != CB_OK ||
	    (rc = cb_write_id(db, CB_T_CONSENT, &id, CB_F_CONSENT_PERSON, person)) != CB_OK ||
	    (rc = cb_write_text(db, CB_T_CONSENT, &id, CB_F_CONSENT_PURPOSE, purpose)) != CB_OK ||
	    (rc = cb_write_int(db, CB_T_CONSENT, &id, CB_F_CONSENT_BY, by)) != CB_OK)
		return rc;
	return cb_write_text(db, CB_T_CONSENT, &id, CB_F_CONSENT_DATE, date);
}

/* Withdraw every consent in force for purpose; *n gets how many. */
static cb_status
withdraw(struct cb_db *db, const struct cb_id *person, const char *purpose, const char *date,
	 int *n)
{
	struct cb_consent_list l;
	cb_status rc = cb_consents_of(db, person, &l);

	*n = 0;
	for (size_t i = 0; rc == CB_OK && i < l.count; i++) {
		if (strcmp(l.items[i].purpose, purpose) != 0 || l.items[i].withdrawn[0])
			continue;
		rc = cb_write_text(db, CB_T_CONSENT, &l.items[i].id, CB_F_CONSENT_WITHDRAWN, date);
		(*n)++;
	}
	if (rc == CB_OK || l.count)
		cb_consent_list_free(&l);
	return rc;
}

static cb_status
write_person(struct cb_db *db, const struct cb_id *id, const struct cb_person *old,
	     const struct cb_person_input *in, const struct checked *c, int32_t today,
	     enum cb_person_bad *why)
{
	static const int role_fields[] = {CB_F_PERSON_LEARNER, CB_F_PERSON_MENTOR, CB_F_PERSON_ORGANISER};
	char date[CB_DATE_LEN + 1];
	unsigned roles = (in->set_roles ? in->roles : old ? old->roles : 0) | in->add_roles;
	cb_status rc;

	cb_date_format(today, date);
	/* withdrawals first: a withdrawn consent to be contacted takes the
	 * contact with it */
	for (size_t i = 0; i < in->nwithdraw; i++) {
		int n;
		if ((rc = withdraw(db, id, c->withdraw[i], date, &n)) != CB_OK)
			return rc;
		if (!n)
			return bad(why, CB_PERSON_NO_CONSENT, CB_NOT_FOUND);
		if (strcmp(c->withdraw[i], CB_PURPOSE_CONTACT) == 0 && old && *old->contact &&
		    !(c->contact && *c->contact) &&
		    (rc = cb_write_null(db, CB_T_PERSON, id, CB_F_PERSON_CONTACT)) != CB_OK)
			return rc;
	}
	for (size_t i = 0; i < in->nconsents; i++)
		if ((rc = add_consent(db, id, c->purposes[i], in->consents[i].by, date)) != CB_OK)
			return rc;
	if ((rc = set_if(db, id, CB_F_PERSON_NAME, c->name, old ? old->name : NULL)) != CB_OK)
		return rc;
	for (int r = 0; r < 3; r++) {
		bool want = roles & CB_ROLE_BIT(CB_ROLE_LEARNER + r);
		bool had = old && (old->roles & CB_ROLE_BIT(CB_ROLE_LEARNER + r));
		if (want != had && (want || old) &&
		    (rc = cb_write_int(db, CB_T_PERSON, id, role_fields[r], want)) != CB_OK)
			return rc;
	}
	if ((rc = set_if(db, id, CB_F_PERSON_CATEGORY, c->category, old ? old->category : NULL)) != CB_OK ||
	    (rc = set_if(db, id, CB_F_PERSON_CONTACT, c->contact, old ? old->contact : NULL)) != CB_OK ||
	    (rc = set_if(db, id, CB_F_PERSON_LANGUAGES, c->set_languages ? c->languages : NULL,
			 old ? old->languages : NULL)) != CB_OK ||
	    (rc = set_if(db, id, CB_F_PERSON_NOTES, c->notes, old ? old->notes : NULL)) != CB_OK ||
	    (rc = set_if(db, id, CB_F_PERSON_ATTESTATION, in->attestation,
			 old ? old->attestation : NULL)) != CB_OK)
		return rc;
	if (in->birth_year >= 0 && (!old || old->birth_year != in->birth_year) &&
	    (old || in->birth_year > 0)) {
		rc = in->birth_year ? cb_write_int(db, CB_T_PERSON, id, CB_F_PERSON_BIRTH_YEAR, in->birth_year)
				    : cb_write_null(db, CB_T_PERSON, id, CB_F_PERSON_BIRTH_YEAR);
		if (rc != CB_OK)
			return rc;
	}
	if (!old)
		rc = cb_write_text(db, CB_T_PERSON, id, CB_F_PERSON_ADDED_ON, date);
	return rc;
}

cb_status
cb_person_add(struct cb_db *db, const struct cb_config *cfg, const struct cb_person_input *in,
	      int32_t today, struct cb_id *out_id, enum cb_person_bad *why)
{
	enum cb_person_bad dummy;
	struct checked c;
	struct cb_id id;
	uint64_t gen = 0;
	cb_status rc;

	if (!why)
		why = &dummy;
	*why = CB_PERSON_BAD_NONE;
	if ((rc = check_input(cfg, in, true, today, &c, why)) != CB_OK)
		goto out;
	if (in->nwithdraw) {
		rc = bad(why, CB_PERSON_NO_CONSENT, CB_NOT_FOUND);
		goto out;
	}
	if ((rc = cb_db_begin(db)) != CB_OK)
		goto out;
	rc = ppl_name_is_free(db, c.name, NULL);
	gen = cb_db_table_gen(db, CB_T_PERSON);
	if (rc == CB_EXISTS)
		*why = CB_PERSON_BAD_NAME_TAKEN;
	if (rc == CB_OK)
		rc = check_privacy(db, NULL, in, &c, today, why);
	if (rc != CB_OK) {
		rc = cb_write_refuse(db, rc);
		goto out;
	}
	if ((rc = cb_id_new(&id, cb_clock_now_ms())) == CB_OK &&
	    (rc = write_person(db, &id, NULL, in, &c, today, why)) == CB_OK)
		ppl_name_added(db, c.name, &id, gen);
	if ((rc = cb_write_finish(db, rc)) == CB_OK && out_id)
		*out_id = id;
out:
	checked_free(&c);
	return rc;
}

cb_status
cb_person_edit(struct cb_db *db, const struct cb_config *cfg, const struct cb_id *id,
	       const struct cb_person_input *in, int32_t today, enum cb_person_bad *why)
{
	enum cb_person_bad dummy;
	struct cb_person old;
	struct checked c;
	cb_status rc;

	if (!why)
		why = &dummy;
	*why = CB_PERSON_BAD_NONE;
	if ((rc = check_input(cfg, in, false, today, &c, why)) != CB_OK) {
		checked_free(&c);
		return rc;
	}
	if ((rc = cb_db_begin(db)) != CB_OK) {
		checked_free(&c);
		return rc;
	}
	if ((rc = cb_person_get(db, id, &old)) != CB_OK) {
		checked_free(&c);
		return rc == CB_NOT_FOUND ? cb_write_refuse(db, rc) : cb_write_finish(db, rc);
	}
	if (c.name)
		rc = ppl_name_is_free(db, c.name, id);
	if (rc == CB_EXISTS)
		*why = CB_PERSON_BAD_NAME_TAKEN;
	if (rc == CB_OK)
		rc = check_privacy(db, &old, in, &c, today, why);
	if (rc == CB_OK) {
		/* a withdrawal of a consent never given is refused before writing */
		for (size_t i = 0; i < in->nwithdraw && rc == CB_OK; i++) {
			bool yes;
			if ((rc = cb_consent_in_force(db, id, c.withdraw[i], false, &yes)) == CB_OK && !yes)
				rc = bad(why, CB_PERSON_NO_CONSENT, CB_NOT_FOUND);
		}
	}
	if (rc != CB_OK) {
		cb_person_clear(&old);
		checked_free(&c);
		return cb_write_refuse(db, rc);
	}
	rc = write_person(db, id, &old, in, &c, today, why);
	cb_person_clear(&old);
	checked_free(&c);
	return cb_write_finish(db, rc);
}

/* Take a person off the lists, or bring them back; a forgotten person is
 * never brought back. */
static cb_status
set_removed(struct cb_db *db, const struct cb_id *id, bool removed)
{
	struct cb_person p;
	bool forgotten = false;
	cb_status rc;

	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	if ((rc = cb_person_get(db, id, &p)) != CB_OK)
		return rc == CB_NOT_FOUND ? cb_write_refuse(db, rc) : cb_write_finish(db, rc);
	cb_person_clear(&p);
	if (!removed && (rc = cb_person_forgotten(db, id, &forgotten)) != CB_OK)
		return cb_write_finish(db, rc);
	if (forgotten)
		return cb_write_refuse(db, CB_INVALID);
	return cb_write_finish(db, cb_write_int(db, CB_T_PERSON, id, CB_F_PERSON_DELETED, removed));
}

cb_status
cb_person_remove(struct cb_db *db, const struct cb_id *id)
{
	return set_removed(db, id, true);
}

cb_status
cb_person_restore(struct cb_db *db, const struct cb_id *id)
{
	return set_removed(db, id, false);
}
