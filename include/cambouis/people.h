/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_PEOPLE_H
#define CAMBOUIS_PEOPLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cambouis/config.h"
#include "cambouis/date.h"
#include "cambouis/db.h"
#include "cambouis/id.h"

/*
 * People (DESIGN.md §5, DOMAIN.md privacy rules), pseudonymous by design:
 * a display name (unique among live people by cb_text_name_key: case,
 * normal form and format characters aside; never 32 hex digits), roles
 * (learner, mentor, organiser: one field each, so two laptops adding two
 * roles keep both), a beneficiary category, the birth *year* only, a
 * contact only with consent to be contacted, languages, notes, and for
 * mentors the date of their honorability attestation.
 *
 * Consent records are rows of their own: purpose, given by (person,
 * guardian or both), date, withdrawal date.
 *
 * Minors: a person who may be under 15 (birth year within 15 years of
 * this year: with a year only we cannot tell the birthday, so the doubt
 * counts as under 15) keeps nothing but a display name and roles until a
 * guardian's consent to registration is recorded (CB_NEEDS_GUARDIAN).
 *
 * Every personal field is flagged CB_FIELD_PERSONAL in the schema table
 * (src/core/people-schema.c), so erasure (the privacy module) blanks them
 * all.
 *
 * Every function that changes something runs in one transaction (joining
 * the caller's if one is open). `cfg` may be NULL: built-in lists and
 * defaults are used.
 */

#define CB_PERSON_NAME_MAX 80
#define CB_PERSON_CONTACT_MAX 200
#define CB_PERSON_LANGS_MAX 60
#define CB_PERSON_NOTES_MAX 1000
#define CB_PERSON_CATEGORY_MAX 60
#define CB_CONSENT_PURPOSE_MAX 40
#define CB_GUARDIAN_AGE 15 /* CNIL: under 15, the guardian consents too */
#define CB_ADULT_AGE 18

/* Stored in ops: never renumber. */
enum cb_role {
	CB_ROLE_NONE = 0,
	CB_ROLE_LEARNER = 1,
	CB_ROLE_MENTOR = 2,
	CB_ROLE_ORGANISER = 3,
};
#define CB_ROLE_BIT(r) (1u << (r))

/* "learner", "mentor", "organiser" (stable, for csv/tsv); labels translated. */
const char *cb_role_name(enum cb_role r);
const char *cb_role_label(enum cb_role r);
/* Parse a role name (or its translated label, or an unambiguous prefix of
 * either). CB_INVALID otherwise. */
cb_status cb_role_parse(const char *s, enum cb_role *out);

/* Stored in ops: never renumber. */
enum cb_consent_by {
	CB_CONSENT_PERSON = 1,
	CB_CONSENT_GUARDIAN = 2,
	CB_CONSENT_BOTH = 3,
};
const char *cb_consent_by_name(enum cb_consent_by b); /* "person", "guardian", "both" */
const char *cb_consent_by_label(enum cb_consent_by b);
cb_status cb_consent_by_parse(const char *s, enum cb_consent_by *out);

/* The built-in consent purposes. */
#define CB_PURPOSE_REGISTRATION "registration"
#define CB_PURPOSE_CONTACT "contact"
#define CB_PURPOSE_PHOTOS "photos"

/* A list of names: the built-in keys (English, stable, stored in ops) and
 * the config's additions (stored as written). */
struct cb_name_list {
	const char **keys;   /* what is stored */
	const char **labels; /* what people read (translated for built-ins) */
	size_t count;
};
/* Categories, consent purposes (built-ins then cfg's extra ones). Free
 * with cb_name_list_free (the strings belong to the program or to cfg). */
cb_status cb_categories(const struct cb_config *cfg, struct cb_name_list *out);
cb_status cb_consent_purposes(const struct cb_config *cfg, struct cb_name_list *out);
void cb_name_list_free(struct cb_name_list *l);
/* Find s among keys or labels (ignoring case and accents; an unambiguous
 * prefix will do). *index gets its position. CB_NOT_FOUND / CB_AMBIGUOUS. */
cb_status cb_name_list_find(const struct cb_name_list *l, const char *s, size_t *index);
/* The label of a stored key ("" for NULL; the key itself when unknown). */
const char *cb_name_list_label(const struct cb_name_list *l, const char *key);

/* Parse a birth year as typed: "2009" is fine; a full date ("2009-05-12",
 * "12/05/2009") is refused (*was_date true) since only the year is kept.
 * The year must be between 1900 and this_year. */
cb_status cb_birth_year_parse(const char *s, int this_year, int *year, bool *was_date);

/* With a birth year only, may the person be younger than age this year?
 * (Unknown year: false.) */
bool cb_may_be_under(int birth_year, int this_year, int age);

/* Languages: "fr,en" (2 or 3 lower-case letters each, comma-separated,
 * no repeats). Normalises into out (CB_PERSON_LANGS_MAX + 1 bytes). */
cb_status cb_languages_parse(const char *s, char *out);

struct cb_person {
	struct cb_id id;
	char *name;
	unsigned roles;          /* CB_ROLE_BIT(...) of the roles held */
	char *category;          /* stored key, "" when none */
	int birth_year;          /* 0 when unknown */
	char *contact;           /* "" when none */
	char *languages;         /* "fr,en", "" when none */
	char *notes;
	char attestation[CB_DATE_LEN + 1];  /* "" when none */
	struct cb_id trained_by; /* zero when not promoted */
	char promoted_on[CB_DATE_LEN + 1];
	char added_on[CB_DATE_LEN + 1];
	bool deleted;
};

/* A consent to record, as typed: purpose (a stored key of
 * cb_consent_purposes) and who gave it. */
struct cb_consent_input {
	const char *purpose;
	enum cb_consent_by by;
};

/* What to set. A NULL string leaves a field alone, "" clears it;
 * birth_year -1 leaves it, 0 clears it; set_roles replaces the roles;
 * add_roles adds to them. */
struct cb_person_input {
	const char *name;
	bool set_roles;
	unsigned roles;
	unsigned add_roles;
	const char *category;    /* a key or label of cb_categories */
	int birth_year;
	const char *contact;
	const char *languages;
	const char *notes;
	const char *attestation; /* "YYYY-MM-DD" */
	const struct cb_consent_input *consents; /* recorded with the change */
	size_t nconsents;
	const char *const *withdraw; /* purposes whose consent is withdrawn */
	size_t nwithdraw;
};

/* Why a person input is refused (for messages): */
enum cb_person_bad {
	CB_PERSON_BAD_NONE = 0,
	CB_PERSON_BAD_NAME,
	CB_PERSON_BAD_NAME_TAKEN,
	CB_PERSON_BAD_ROLES,
	CB_PERSON_BAD_CATEGORY,
	CB_PERSON_BAD_BIRTH_YEAR,
	CB_PERSON_BAD_CONTACT,
	CB_PERSON_BAD_LANGUAGES,
	CB_PERSON_BAD_NOTES,
	CB_PERSON_BAD_ATTESTATION,
	CB_PERSON_BAD_CONSENT,
	CB_PERSON_NEEDS_GUARDIAN,   /* may be under 15: guardian consent first */
	CB_PERSON_NEEDS_CONTACT_OK, /* a contact needs consent to be contacted */
	CB_PERSON_NO_CONSENT,       /* --withdraw of a consent never given */
	CB_PERSON_BAD_NAME_IS_ID,   /* 32 hex digits: it would read as an id */
};

/* Add a person (name and at least one role required). On refusal nothing
 * is written and *bad (may be NULL) says why. today: day number. */
cb_status cb_person_add(struct cb_db *db, const struct cb_config *cfg,
			const struct cb_person_input *in, int32_t today,
			struct cb_id *out_id, enum cb_person_bad *bad);

/* Change the given fields (only those that differ produce ops). */
cb_status cb_person_edit(struct cb_db *db, const struct cb_config *cfg, const struct cb_id *id,
			 const struct cb_person_input *in, int32_t today, enum cb_person_bad *bad);

/* Mark removed (an op; the log keeps the row). Erasure is `forget`. */
cb_status cb_person_remove(struct cb_db *db, const struct cb_id *id);

/* Bring a removed person back (undo). CB_NOT_FOUND when there is no such
 * person; CB_INVALID for a forgotten one (never restored). */
cb_status cb_person_restore(struct cb_db *db, const struct cb_id *id);

/* Fetch one person (live or removed); free with cb_person_clear(). */
cb_status cb_person_get(struct cb_db *db, const struct cb_id *id, struct cb_person *out);
void cb_person_clear(struct cb_person *p);

/* Find a live person by what was typed: the same name (compared by
 * cb_text_name_key: case, normal form and format characters aside; among
 * several, the one written exactly so), a 32-digit hex id, the name
 * ignoring (Latin) accents too, or an unambiguous beginning of it. An id
 * that is also another person's name is CB_AMBIGUOUS, never a silent pick.
 * CB_NOT_FOUND, or CB_AMBIGUOUS with the candidates in *cands (may be
 * NULL; free with cb_person_ref_list_free). */
struct cb_person_ref {
	struct cb_id id;
	char *name;
	unsigned roles;
};
struct cb_person_ref_list {
	struct cb_person_ref *items;
	size_t count;
};
cb_status cb_person_find(struct cb_db *db, const char *key, struct cb_id *out,
			 struct cb_person_ref_list *cands);
void cb_person_ref_list_free(struct cb_person_ref_list *l);

/* For a picker: live people whose name, or a word of it, begins with text
 * (case and accents ignored), by name, at most limit (0: no limit). */
cb_status cb_person_search(struct cb_db *db, const char *text, size_t limit,
			   struct cb_person_ref_list *out);

/* --- the People list ----------------------------------------------------- */

struct cb_person_row {
	struct cb_id id;
	char *name;
	unsigned roles;
	char *category;          /* stored key */
	int birth_year;          /* 0: unknown */
	char *languages;
	int sessions;            /* sessions attended */
	char last_seen[CB_DATE_LEN + 1];   /* "" never */
	char attestation_until[CB_DATE_LEN + 1]; /* mentors: "" none */
	bool attestation_expired;
};
struct cb_person_rows {
	struct cb_person_row *items;
	size_t count;
};
/* Live people holding role (CB_ROLE_NONE: all), by name (cb_text_collate,
 * then id). today decides expired attestations. */
cb_status cb_person_list(struct cb_db *db, const struct cb_config *cfg, enum cb_role role,
			 int32_t today, struct cb_person_rows *out);
void cb_person_rows_free(struct cb_person_rows *l);

/* --- consents ------------------------------------------------------------ */

struct cb_consent {
	struct cb_id id;
	char *purpose;           /* stored key */
	enum cb_consent_by by;
	char date[CB_DATE_LEN + 1];
	char withdrawn[CB_DATE_LEN + 1]; /* "" while in force */
};
struct cb_consent_list {
	struct cb_consent *items;
	size_t count;
};
/* A person's consent records, by date then id. */
cb_status cb_consents_of(struct cb_db *db, const struct cb_id *person, struct cb_consent_list *out);
void cb_consent_list_free(struct cb_consent_list *l);
/* Is a consent for purpose in force (given, not withdrawn)? With
 * need_guardian, only one given by the guardian (or both) counts. */
cb_status cb_consent_in_force(struct cb_db *db, const struct cb_id *person, const char *purpose,
			      bool need_guardian, bool *yes);

/* --- attestation --------------------------------------------------------- */

/* The last valid day of an attestation dated date ("YYYY-MM-DD") valid
 * for months (cfg->attestation_months, default 12); -1 when date is bad. */
int32_t cb_attestation_until(const char *date, int months);
/* Months of validity from cfg (12 when cfg is NULL). */
int cb_attestation_months(const struct cb_config *cfg);
/* Is an attestation dated date ("" none) still valid on today? */
bool cb_attestation_valid(const char *date, const struct cb_config *cfg, int32_t today);
/* May p be a minor (under 18) on today? By birth year, else by a school or
 * isolated-minor category. Such learners only get vetted mentors. */
bool cb_person_may_be_minor(const struct cb_person *p, int32_t today);

#endif
