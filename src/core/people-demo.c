/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The people's part of the demo data: invented pseudonyms (French first
 * names with an initial, never real persons), consents, attendance at the
 * held sessions, pairs, skills progress and promotions, made through the
 * same functions a volunteer's actions use. */
#include "config.h"

#include "cambouis/write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/attendance.h"
#include "cambouis/buf.h"
#include "cambouis/calendar.h"
#include "cambouis/pairing.h"
#include "cambouis/skills.h"
#include "people-private.h"

static const char *const first_names[] = {
	"Léa", "Hugo", "Inès", "Yanis", "Chloé", "Nathan", "Manon", "Théo", "Camille", "Lucas",
	"Sarah", "Enzo", "Jade", "Rayan", "Lina", "Mathis", "Emma", "Noah", "Zoé", "Adam",
	"Louise", "Sacha", "Alice", "Ilyes", "Anaïs", "Bilal", "Clara", "Tom", "Nour", "Maël",
	"Lou", "Kylian", "Maëlys", "Amine", "Romane", "Gabin", "Yasmine", "Aaron", "Julie", "Naël",
	"Océane", "Mehdi", "Margaux", "Timéo", "Salomé", "Nolan", "Elsa", "Ismaël", "Lison", "Axel",
	"Fatou", "Mamadou", "Awa", "Moussa", "Aïcha", "Ibrahima", "Mariam", "Samba", "Kadiatou", "Oumar",
	"Gaspard", "Agathe", "Basile", "Capucine", "Jules", "Margot", "Victor", "Apolline", "Arthur", "Rose",
	"Paul", "Mila", "Louis", "Ambre", "Malo", "Eva", "Nina", "Robin", "Célia", "Titouan",
	"Dédé", "Mimi", "Jojo", "Titi", "Lulu", "Fanfan", "Nono", "Kiki", "Loulou", "Zaza",
	"Bruno", "Sylvie", "Patrick", "Nathalie", "Thierry", "Isabelle", "Pascal", "Sandrine", "Didier", "Valérie",
	"Gérard", "Martine", "Alain", "Christine", "Michel", "Brigitte", "Yves", "Odile", "René", "Josette",
	"Kenza", "Soufiane", "Imane", "Walid", "Selma", "Karim", "Leïla", "Hamza", "Samia", "Nadir",
};
#define NFIRST (sizeof first_names / sizeof first_names[0])

static const char *const categories[] = {
	"student", "apprentice", "high-school", "vocational", "middle-school",
	"isolated-minor", "job-seeker", "other",
};
/* share of each category, in percent, and the ages it spans */
static const struct { int pct, age_min, age_max; } cat_mix[] = {
	{24, 18, 26}, {18, 16, 22}, {12, 15, 18}, {16, 15, 19}, {10, 11, 15},
	{6, 14, 17}, {9, 19, 45}, {5, 16, 60},
};
static const char *const languages[] = {"fr", "fr", "fr", "fr,en", "fr,ar", "en", "ar,fr", "fr,es",
					"ps", "ti,ar", "fr,wo", "uk,ru"};

static unsigned
pick(uint64_t *rng, unsigned n)
{
	return (unsigned)(cb_write_rand(rng) % n);
}

/* A unique pseudonym for index i: "Léa M.", later "Léa M. 2". */
static void
pseudonym(size_t i, char *out, size_t size)
{
	size_t f = i % NFIRST, l = (i / NFIRST) % 26, k = i / (NFIRST * 26);
	/* spread initials so neighbours differ */
	l = (l * 7 + f) % 26;
	if (k)
		snprintf(out, size, "%s %c. %zu", first_names[f], (char)('A' + l), k + 1);
	else
		snprintf(out, size, "%s %c.", first_names[f], (char)('A' + l));
}

struct demo_person {
	struct cb_id id;
	bool minor;          /* may be under 18: needs a vetted mentor */
	bool mentor;
	bool attested;       /* mentors: attestation valid today */
	int visits;          /* learners: visits still to come */
	int gap;             /* sessions between visits */
	int level[15];       /* learners: current level per skill */
	int attended;
};

struct demo {
	struct cb_db *db;
	uint64_t rng;
	int32_t today;
	int this_year;
	struct demo_person *p;
	size_t n, cap;
	size_t next_name;
	struct cb_name_list skills;
};

static cb_status
add_mentor(struct demo *d, bool organiser)
{
	char name[64], att[CB_DATE_LEN + 1];
	struct demo_person *p;
	struct cb_person_input in = {0};
	int32_t vetted = d->today - 30 - (int32_t)pick(&d->rng, 540); /* some have expired */
	cb_status rc;

	if (!cb_grow(&d->p, &d->cap, d->n, sizeof *d->p, 16))
		return CB_NOMEM;
	p = &d->p[d->n];
	memset(p, 0, sizeof *p);
	pseudonym(d->next_name++, name, sizeof name);
	cb_date_format(vetted, att);
	in.name = name;
	in.set_roles = true;
	in.roles = CB_ROLE_BIT(CB_ROLE_MENTOR) | (organiser ? CB_ROLE_BIT(CB_ROLE_ORGANISER) : 0);
	in.birth_year = d->this_year - 20 - (int)pick(&d->rng, 50);
	in.languages = languages[pick(&d->rng, 8)];
	in.attestation = att;
	if ((rc = cb_person_add(d->db, NULL, &in, d->today, &p->id, NULL)) != CB_OK)
		return rc;
	p->mentor = true;
	p->attested = ppl_attestation_valid(att, 12, d->today);
	d->n++;
	return CB_OK;
}

static cb_status
add_learner(struct demo *d, int32_t day)
{
	static const struct cb_consent_input guardian = {CB_PURPOSE_REGISTRATION, CB_CONSENT_GUARDIAN};
	static const struct cb_consent_input both = {CB_PURPOSE_REGISTRATION, CB_CONSENT_BOTH};
	static const struct cb_consent_input self = {CB_PURPOSE_REGISTRATION, CB_CONSENT_PERSON};
	struct cb_consent_input consents[2];
	char name[64], contact[80];
	struct demo_person *p;
	struct cb_person_input in = {0};
	unsigned r = pick(&d->rng, 100), c = 0, acc = 0;
	int year = ppl_year_of(day), age;
	cb_status rc;

	if (!cb_grow(&d->p, &d->cap, d->n, sizeof *d->p, 16))
		return CB_NOMEM;
	p = &d->p[d->n];
	memset(p, 0, sizeof *p);
	while (c < 7 && r >= acc + (unsigned)cat_mix[c].pct)
		acc += (unsigned)cat_mix[c++].pct;
	age = cat_mix[c].age_min + (int)pick(&d->rng, (unsigned)(cat_mix[c].age_max - cat_mix[c].age_min + 1));
	pseudonym(d->next_name++, name, sizeof name);
	in.name = name;
	in.set_roles = true;
	in.roles = CB_ROLE_BIT(CB_ROLE_LEARNER);
	in.category = categories[c];
	if (pick(&d->rng, 10) < 8)
		in.birth_year = year - age;
	else
		in.birth_year = -1; /* not given */
	if (pick(&d->rng, 4) == 0)
		in.languages = languages[pick(&d->rng, sizeof languages / sizeof languages[0])];
	in.consents = consents;
	if (cb_may_be_under(in.birth_year, d->this_year, CB_GUARDIAN_AGE))
		consents[in.nconsents++] = pick(&d->rng, 3) ? guardian : both;
	else if (pick(&d->rng, 3) == 0)
		consents[in.nconsents++] = self; /* the others signed on paper */
	if (pick(&d->rng, 12) == 0) {
		/* wants to hear about the next sessions */
		char low[64];
		size_t k = 0;
		for (const char *s = name; *s && k + 1 < sizeof low; s++)
			if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))
				low[k++] = (char)(*s | 0x20);
		low[k] = '\0';
		snprintf(contact, sizeof contact, "%s%zu@example.org", low, d->next_name);
		enum cb_consent_by by = in.nconsents ? consents[0].by : CB_CONSENT_PERSON;
		consents[in.nconsents].purpose = CB_PURPOSE_CONTACT;
		consents[in.nconsents++].by = by;
		in.contact = contact;
	}
	if ((rc = cb_person_add(d->db, NULL, &in, d->today, &p->id, NULL)) != CB_OK)
		return rc;
	p->minor = ppl_may_be_minor(in.birth_year > 0 ? in.birth_year : 0, in.category, d->this_year);
	/* most come once; some come back; a few become regulars */
	r = pick(&d->rng, 100);
	p->visits = r < 70 ? 1 : r < 85 ? 2 : r < 93 ? 3 : 4 + (int)pick(&d->rng, 9);
	p->gap = p->visits > 3 ? (int)pick(&d->rng, 2) : 1 + (int)pick(&d->rng, 4);
	d->n++;
	return CB_OK;
}

/* A founder who had been a learner: mentor role dropped then given back
 * by a promotion dated before the calendar, recording the trainer. */
static cb_status
demo_promote_old(struct demo *d, size_t who, size_t by, int32_t when)
{
	struct cb_person_input in = {.set_roles = true, .roles = CB_ROLE_BIT(CB_ROLE_LEARNER),
				     .birth_year = -1};
	cb_status rc = cb_person_edit(d->db, NULL, &d->p[who].id, &in, d->today, NULL);

	if (rc == CB_OK)
		rc = cb_promote(d->db, NULL, &d->p[who].id, &d->p[by].id, true, when, NULL);
	return rc;
}

/* The evening's work: the mentor signs off one or two steps of progress. */
static cb_status
progress(struct demo *d, struct demo_person *l, const struct cb_id *mentor, const struct cb_id *session)
{
	int steps = 1 + (l->attended > 1 ? 1 + (int)pick(&d->rng, 2) : 0);

	for (int s = 0; s < steps; s++) {
		/* mostly the first skill not yet mastered, sometimes another */
		unsigned k = 0;
		while (k < 15 && l->level[k] >= CB_LEVEL_TEACH)
			k++;
		if (k == 15)
			return CB_OK;
		if (pick(&d->rng, 10) < 3) {
			unsigned o = pick(&d->rng, 8);
			if (l->level[o] < CB_LEVEL_TEACH)
				k = o;
		}
		l->level[k] += 1 + (l->level[k] == 0 && pick(&d->rng, 3) == 0);
		if (l->level[k] > CB_LEVEL_TEACH)
			l->level[k] = CB_LEVEL_TEACH;
		cb_status rc = cb_skill_signoff(d->db, NULL, &l->id, d->skills.keys[k],
						(enum cb_level)l->level[k], mentor, session, NULL);
		if (rc != CB_OK)
			return rc;
	}
	return CB_OK;
}

/* Mentors of the demo can teach what they know: founders get a few
 * can-teach sign-offs from a fellow founder. */
static cb_status
founders_skills(struct demo *d, const struct cb_id *session, size_t nfounders)
{
	for (size_t i = 0; i < nfounders && nfounders > 1; i++) {
		struct demo_person *m = &d->p[i];
		const struct cb_id *by = &d->p[(i + 1) % nfounders].id;
		for (int k = 0; k < 15; k++) {
			if (pick(&d->rng, 3) == 0)
				continue;
			m->level[k] = CB_LEVEL_TEACH;
			cb_status rc = cb_skill_signoff(d->db, NULL, &m->id, d->skills.keys[k],
							CB_LEVEL_TEACH, by, session, NULL);
			if (rc != CB_OK)
				return rc;
		}
	}
	return CB_OK;
}

static cb_status
evening(struct demo *d, const struct cb_session *s, size_t *sched, size_t nsched,
	int promotions_left, int *promoted)
{
	size_t *mentors = NULL, nm = 0;
	int *load = NULL;
	char at[CB_TIME_LEN + 1];
	cb_status rc = CB_OK;

	if (!(mentors = calloc(d->n + 1, sizeof *mentors)) || !(load = calloc(d->n + 1, sizeof *load))) {
		free(mentors);
		return CB_NOMEM;
	}
	/* about two mentors in three come each time */
	for (size_t i = 0; i < d->n && rc == CB_OK; i++) {
		if (!d->p[i].mentor || pick(&d->rng, 2) == 0)
			continue;
		cb_time_format(17 * 60 + 20 + (int)pick(&d->rng, 30), at);
		if ((rc = cb_checkin(d->db, &d->p[i].id, &s->id, CB_ROLE_MENTOR, at, NULL)) == CB_OK) {
			mentors[nm++] = i;
			d->p[i].attended++;
		}
	}
	for (size_t j = 0; j < nsched && rc == CB_OK; j++) {
		struct demo_person *l = &d->p[sched[j]];
		struct cb_id with;
		size_t best = SIZE_MAX;

		if (l->mentor)
			continue; /* promoted: comes as a mentor now */

		cb_time_format(17 * 60 + 30 + (int)pick(&d->rng, 120), at);
		if ((rc = cb_checkin(d->db, &l->id, &s->id, CB_ROLE_LEARNER, at, &with)) != CB_OK)
			break;
		l->attended++;
		if (cb_id_is_zero(&with)) {
			/* the least busy of a few present mentors; a minor only
			 * with a mentor whose attestation is valid */
			for (int t = 0; t < 4 && nm; t++) {
				size_t m = mentors[pick(&d->rng, (unsigned)nm)];
				if (l->minor && !d->p[m].attested)
					continue;
				if (best == SIZE_MAX || load[m] < load[best])
					best = m;
			}
			if (best == SIZE_MAX)
				continue; /* nobody suitable tonight: stays unpaired */
			if ((rc = cb_pair(d->db, &d->p[best].id, &l->id, &s->id, NULL)) != CB_OK)
				break;
		} else {
			for (size_t k = 0; k < nm && best == SIZE_MAX; k++)
				if (cb_id_cmp(&d->p[mentors[k]].id, &with) == 0)
					best = mentors[k];
			if (best == SIZE_MAX)
				continue;
		}
		load[best]++;
		if (l->attended > 1 || pick(&d->rng, 3) == 0)
			rc = progress(d, l, &d->p[best].id, &s->id);
		if (rc == CB_OK && *promoted < promotions_left && l->attended >= 4) {
			struct cb_progress pr;
			if ((rc = cb_promotion_progress(d->db, NULL, &l->id, &pr)) == CB_OK) {
				if (pr.eligible) {
					int32_t day;
					cb_date_parse(s->date, &day);
					rc = cb_promote(d->db, NULL, &l->id, NULL, false, day, NULL);
					if (rc == CB_OK) {
						l->mentor = true;
						l->attested = pick(&d->rng, 4) != 0;
						(*promoted)++;
					}
				}
				cb_progress_clear(&pr);
			}
		}
	}
	/* a few mentors note when they leave */
	for (size_t k = 0; k < nm && rc == CB_OK; k++)
		if (pick(&d->rng, 4) == 0)
			rc = cb_checkout(d->db, &d->p[mentors[k]].id, &s->id, "20:15");
	free(mentors);
	free(load);
	return rc;
}

cb_status
cb_people_demo_fill(struct cb_db *db, enum cb_demo_scale scale, uint64_t seed, int32_t today)
{
	struct demo d = {.db = db, .rng = seed ^ 0x9E0B1E5ull, .today = today};
	struct cb_session_list l;
	char yesterday[CB_DATE_LEN + 1];
	size_t nfounders, nlearners, *held = NULL, nheld = 0;
	size_t **sched = NULL, *nsched = NULL, *capsched = NULL;
	int promotions, promoted = 0;
	int64_t existing;
	cb_status rc;

	if ((rc = cb_db_query_int(db, "SELECT count(*) FROM people", &existing)) != CB_OK)
		return rc;
	if (existing)
		return CB_OK; /* filled already */
	d.this_year = ppl_year_of(today);
	switch (scale) {
	case CB_DEMO_SMALL: nfounders = 6; nlearners = 40; promotions = 2; break;
	case CB_DEMO_YEAR: nfounders = 14; nlearners = 320; promotions = 6; break;
	case CB_DEMO_5Y:
	default:
		nfounders = 50; nlearners = 16950; promotions = 40;
		/* hundreds of thousands of ops: a larger page cache (this
		 * connection only) saves re-reading pages from the kernel */
		if ((rc = cb_db_exec(db, "PRAGMA cache_size = -262144")) != CB_OK)
			return rc;
		break;
	}
	cb_date_format(today - 1, yesterday);
	if ((rc = cb_sessions_between(db, NULL, yesterday, &l)) != CB_OK)
		return rc;
	if ((rc = cb_db_begin(db)) != CB_OK) {
		cb_session_list_free(&l);
		return rc;
	}
	if ((rc = cb_skills(NULL, &d.skills)) != CB_OK)
		goto out;
	if (!(held = calloc(l.count + 1, sizeof *held))) {
		rc = CB_NOMEM;
		goto out;
	}
	for (size_t i = 0; i < l.count; i++)
		if (l.items[i].status == CB_SESSION_HELD)
			held[nheld++] = i;
	for (size_t i = 0; i < nfounders && rc == CB_OK; i++)
		rc = add_mentor(&d, i < 2);
	/* before the calendar begins, a third of the founders had been
	 * learners trained by earlier ones: the first generations */
	for (size_t i = nfounders / 3; i < nfounders && rc == CB_OK; i += 2) {
		size_t by = pick(&d.rng, (unsigned)i);
		int32_t when = today - 1600 + (int32_t)(i * 800 / nfounders);
		rc = demo_promote_old(&d, i, by, when);
	}
	if (rc != CB_OK || !nheld)
		goto out;
	if ((rc = founders_skills(&d, &l.items[held[0]].id, nfounders)) != CB_OK)
		goto out;
	sched = calloc(nheld, sizeof *sched);
	nsched = calloc(nheld, sizeof *nsched);
	capsched = calloc(nheld, sizeof *capsched);
	if (!sched || !nsched || !capsched) {
		rc = CB_NOMEM;
		goto out;
	}
	for (size_t h = 0; h < nheld && rc == CB_OK; h++) {
		const struct cb_session *s = &l.items[held[h]];
		size_t arrivals = nlearners / nheld + (h < nlearners % nheld);
		int32_t day;
		cb_date_parse(s->date, &day);
		/* newcomers tonight, then plan their next visits */
		for (size_t a = 0; a < arrivals && rc == CB_OK; a++) {
			if ((rc = add_learner(&d, day)) != CB_OK)
				break;
			if (!cb_grow(&sched[h], &capsched[h], nsched[h], sizeof **sched, 16)) {
				rc = CB_NOMEM;
				break;
			}
			sched[h][nsched[h]++] = d.n - 1;
		}
		if (rc == CB_OK)
			rc = evening(&d, s, sched[h], nsched[h], promotions, &promoted);
		for (size_t j = 0; j < nsched[h] && rc == CB_OK; j++) {
			struct demo_person *p = &d.p[sched[h][j]];
			size_t next = h + 1 + (size_t)p->gap;
			if (--p->visits <= 0 || next >= nheld)
				continue;
			if (!cb_grow(&sched[next], &capsched[next], nsched[next], sizeof **sched, 16))
				rc = CB_NOMEM;
			else
				sched[next][nsched[next]++] = sched[h][j];
		}
		free(sched[h]);
		sched[h] = NULL;
	}
out:
	if (sched)
		for (size_t h = 0; h < nheld; h++)
			free(sched[h]);
	free(sched);
	free(nsched);
	free(capsched);
	free(held);
	free(d.p);
	cb_name_list_free(&d.skills);
	cb_session_list_free(&l);
	return cb_write_finish(db, rc);
}
