/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Erasure (`forget`): the person is gone on every laptop, in any order of
 * arrival, after a rebuild, and not one byte of their name is left in the
 * database file or its WAL. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cambouis/bundle.h"
#include "cambouis/privacy.h"
#include "cambouis/sync.h"
#include "people-fixture.h"
#include "unit.h"

/* An unusual name, so finding its bytes anywhere means it leaked. */
#define NAME "Zéphyrine-Qwx"
#define MARK "Qwx"

static struct cb_id zep, mentor;

/* A learner with notes and a contact (and the consents they need), seen
 * at two sessions, paired with a mentor who signed off a skill. */
static void
fill_person(struct cb_db *d)
{
	static const struct cb_consent_input contact = {CB_PURPOSE_CONTACT, CB_CONSENT_PERSON};
	struct cb_person_input in = {
		.name = NAME, .set_roles = true, .roles = LEARNER, .birth_year = 1990,
		.contact = "zephyrine.qwx@example.org", .notes = "Aime les pneus, " MARK,
		.languages = "fr,en", .consents = &contact, .nconsents = 1,
	};
	enum cb_person_bad why = CB_PERSON_BAD_NONE;

	mentor = person(d, "Bernard", MENTOR, 0, NULL, "2026-01-10");
	ck_assert_msg(cb_person_add(d, NULL, &in, today, &zep, &why) == CB_OK, "add: %d", why);
	ck_assert_int_eq(cb_checkin(d, &zep, &past, CB_ROLE_NONE, "17:40", NULL), CB_OK);
	ck_assert_int_eq(cb_checkin(d, &zep, &tonight, CB_ROLE_NONE, "17:45", NULL), CB_OK);
	ck_assert_int_eq(cb_checkin(d, &mentor, &tonight, CB_ROLE_NONE, "17:30", NULL), CB_OK);
	ck_assert_int_eq(cb_pair(d, &mentor, &zep, &tonight, NULL), CB_OK);
	ck_assert_int_eq(cb_skill_signoff(d, NULL, &zep, "puncture", CB_LEVEL_HELPED, &mentor,
					  &tonight, NULL), CB_OK);
}

static void
edit_notes(struct cb_db *d, const char *notes)
{
	struct cb_person_input in = {.birth_year = -1, .notes = notes};
	enum cb_person_bad why;
	ck_assert_int_eq(cb_person_edit(d, NULL, &zep, &in, today, &why), CB_OK);
}

static int64_t
count(struct cb_db *d, const char *sql)
{
	int64_t n = -1;
	ck_assert_int_eq(cb_db_query_int(d, sql, &n), CB_OK);
	return n;
}

static int64_t
ops_with_mark(struct cb_db *d)
{
	return count(d, "SELECT count(*) FROM ops WHERE value LIKE '%" MARK "%'"
			" OR value LIKE '%zephyrine%'");
}

/* --- bundles in memory ---------------------------------------------------- */

struct capture {
	unsigned char *data;
	size_t size;
};

static cb_status
capture(const void *data, size_t size, const struct cb_bundle_manifest *m, void *arg)
{
	struct capture *c = arg;
	(void)m;
	free(c->data);
	ck_assert_ptr_nonnull(c->data = malloc(size));
	memcpy(c->data, data, size);
	c->size = size;
	return CB_OK;
}

static struct capture
export_full(struct cb_db *from)
{
	struct cb_export_opts o = {.full = true};
	struct cb_export_result r;
	struct capture c = {0};

	if (!*cb_db_site_label(from))
		ck_assert_int_eq(cb_db_set_site_label(from, "laptop"), CB_OK);
	ck_assert_int_eq(cb_sync_export(from, &o, capture, &c, &r), CB_OK);
	return c;
}

static void
import(struct cb_db *to, const struct capture *c)
{
	struct cb_bundle *b;
	struct cb_bundle_why why;
	struct cb_import_result r;
	ck_assert_int_eq(cb_bundle_read_mem(c->data, c->size, NULL, &b, &why), CB_OK);
	ck_assert_int_eq(cb_sync_import(to, b, NULL, &r), CB_OK);
	cb_bundle_free(b);
}

static void
ship(struct cb_db *from, struct cb_db *to)
{
	struct capture c = export_full(from);
	import(to, &c);
	free(c.data);
}

static struct cb_db *
laptop(void)
{
	struct cb_db *d;
	ck_assert_int_eq(cb_db_open(":memory:", CB_OPEN_CREATE, &d, NULL, 0), CB_OK);
	return d;
}

/* Every op as "op_id|kind|value" in log order: blanked alike everywhere? */
static cb_status
op_line(const struct cb_op *op, void *arg)
{
	FILE *f = arg;
	char hex[CB_ID_HEX_LEN + 1];
	cb_id_to_hex(&op->op_id, hex);
	fprintf(f, "%s|%d|", hex, op->kind);
	if (op->value.type == CB_V_INT)
		fprintf(f, "%lld\n", op->value.i);
	else if (op->value.type == CB_V_TEXT)
		fprintf(f, "'%s'\n", op->value.s);
	else
		fputs("NULL\n", f);
	return CB_OK;
}

static char *
ops_dump(struct cb_db *d)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(cb_oplog_each(d, op_line, f), CB_OK);
	ck_assert_int_eq(fclose(f), 0);
	return s;
}

/* --- on one laptop ------------------------------------------------------- */

START_TEST(test_forget_erases_everything)
{
	struct cb_forget_summary sum;
	struct cb_person p;
	struct cb_id found;
	char placeholder[CB_FORGOTTEN_NAME_LEN + 1];
	bool wiped = false, gone = true;

	fill_person(db);
	ck_assert_int_eq(cb_forget_find(db, "zéphyrine", &found, NULL), CB_OK);
	ck_assert(cb_id_cmp(&found, &zep) == 0);
	ck_assert_int_eq(cb_forget_summary(db, &zep, &sum), CB_OK);
	ck_assert_str_eq(sum.name, NAME);
	ck_assert_int_eq(sum.attendance, 2);
	ck_assert_int_eq(sum.pairings, 1);
	ck_assert_int_eq(sum.consents, 1);
	ck_assert_int_eq(sum.skills, 1);
	cb_forget_summary_clear(&sum);
	ck_assert_int_eq(cb_person_forgotten(db, &zep, &gone), CB_OK);
	ck_assert(!gone);
	ck_assert_int_gt(ops_with_mark(db), 0);

	ck_assert_int_eq(cb_forget(db, &zep, &wiped), CB_OK);
	ck_assert(wiped);
	ck_assert_int_eq(cb_person_forgotten(db, &zep, &gone), CB_OK);
	ck_assert(gone);
	/* no name, no notes, no contact anywhere in the log or the tables */
	ck_assert_int_eq(ops_with_mark(db), 0);
	ck_assert_int_eq(count(db, "SELECT count(*) FROM ops WHERE value LIKE '%example.org%'"), 0);
	char *dump = unit_dump(db);
	ck_assert_ptr_null(strstr(dump, MARK));
	ck_assert_ptr_nonnull(strstr(dump, "Bernard"));
	free(dump);
	/* a tombstone: placeholder name, nothing personal, removed */
	ck_assert_int_eq(cb_person_get(db, &zep, &p), CB_OK);
	cb_forgotten_name(&zep, placeholder);
	ck_assert_str_eq(p.name, placeholder);
	ck_assert_str_eq(p.notes ? p.notes : "", "");
	ck_assert_str_eq(p.contact, "");
	ck_assert_str_eq(p.languages, "");
	ck_assert_int_eq(p.birth_year, 0);
	ck_assert(p.deleted);
	ck_assert(p.roles == LEARNER); /* roles stay: counts still work */
	cb_person_clear(&p);
	/* their rows are gone; the mentor's own attendance stays */
	ck_assert_int_eq(count(db, "SELECT count(*) FROM attendance"), 1);
	ck_assert_int_eq(count(db, "SELECT count(*) FROM pairings"), 0);
	ck_assert_int_eq(count(db, "SELECT count(*) FROM pair_sessions"), 0);
	ck_assert_int_eq(count(db, "SELECT count(*) FROM consents"), 0);
	ck_assert_int_eq(count(db, "SELECT count(*) FROM skill_signoffs"), 0);
	/* the ops on those rows keep only the id tying them to the person */
	ck_assert_int_eq(count(db, "SELECT count(*) FROM ops WHERE tbl IN (21, 22, 23, 24, 25)"
				   " AND value IS NOT NULL AND NOT ((tbl IN (21, 22, 25) AND field = 1)"
				   " OR (tbl = 23 AND field IN (1, 2)) OR (tbl = 24 AND field IN (3, 4)))"
				   " AND row NOT IN (SELECT id FROM attendance)"),
			 0);
	/* no longer found; forgetting twice is refused */
	ck_assert_int_eq(cb_person_find(db, NAME, NULL, NULL), CB_NOT_FOUND);
	ck_assert_int_eq(cb_forget_find(db, NAME, NULL, NULL), CB_NOT_FOUND);
	ck_assert_int_eq(cb_forget_find(db, placeholder, NULL, NULL), CB_NOT_FOUND);
	ck_assert_int_eq(cb_forget(db, &zep, NULL), CB_EXISTS);
	/* a later local edit is stored blank and shows nothing */
	{
		struct cb_value v = {CB_V_TEXT, 0, "again " MARK};
		ck_assert_int_eq(cb_db_begin(db), CB_OK);
		ck_assert_int_eq(cb_oplog_set(db, CB_T_PERSON, &zep, CB_F_PERSON_NOTES, &v), CB_OK);
		ck_assert_int_eq(cb_db_commit(db), CB_OK);
		ck_assert_int_eq(ops_with_mark(db), 0);
	}
	/* rebuild gives the same erased state */
	dump = unit_dump(db);
	ck_assert_int_eq(cb_oplog_rebuild(db), CB_OK);
	char *again = unit_dump(db);
	ck_assert_str_eq(again, dump);
	free(again);
	free(dump);
}
END_TEST

START_TEST(test_forget_refusals)
{
	struct cb_id nobody = unit_id_fill(7), removed;
	struct cb_person_ref_list cands;

	ck_assert_int_eq(cb_forget(db, &nobody, NULL), CB_NOT_FOUND);
	/* forgetting needs its own transaction (the checkpoint follows it) */
	removed = person(db, "Gaston", LEARNER, 0, NULL, NULL);
	ck_assert_int_eq(cb_db_begin(db), CB_OK);
	ck_assert_int_eq(cb_forget(db, &removed, NULL), CB_DB_ERROR);
	cb_db_rollback(db);
	/* a removed person can still be found and forgotten */
	ck_assert_int_eq(cb_person_remove(db, &removed), CB_OK);
	ck_assert_int_eq(cb_person_find(db, "gaston", NULL, NULL), CB_NOT_FOUND);
	struct cb_id found;
	ck_assert_int_eq(cb_forget_find(db, "gaston", &found, NULL), CB_OK);
	ck_assert(cb_id_cmp(&found, &removed) == 0);
	ck_assert_int_eq(cb_forget(db, &found, NULL), CB_OK);
	/* two live people both answering to a beginning: ambiguous */
	person(db, "Camille Aa", LEARNER, 0, NULL, NULL);
	person(db, "Camille Bb", LEARNER, 0, NULL, NULL);
	ck_assert_int_eq(cb_forget_find(db, "Camille", NULL, &cands), CB_AMBIGUOUS);
	ck_assert_uint_eq(cands.count, 2);
	cb_person_ref_list_free(&cands);
}
END_TEST

START_TEST(test_forget_op_validation)
{
	struct cb_op op;

	memset(&op, 0, sizeof op);
	op.op_id = unit_id_fill(1);
	op.site = unit_id_fill(2);
	op.row = unit_id_fill(3);
	op.seq = 1;
	op.hlc = 1;
	op.kind = CB_OP_FORGET;
	op.table = CB_T_PERSON;
	ck_assert(cb_op_kind_known(CB_OP_FORGET));
	ck_assert_int_eq(cb_op_validate(&op), CB_OK);
	op.field = CB_F_PERSON_NAME;
	ck_assert_int_eq(cb_op_validate(&op), CB_BAD_OP);
	op.field = 0;
	op.table = CB_T_VENUE;
	ck_assert_int_eq(cb_op_validate(&op), CB_BAD_OP);
	op.table = CB_T_PERSON;
	op.value.type = CB_V_TEXT;
	op.value.s = "x";
	ck_assert_int_eq(cb_op_validate(&op), CB_BAD_OP);
	op.value.type = CB_V_INT;
	ck_assert_int_eq(cb_op_validate(&op), CB_BAD_OP);
	ck_assert(cb_op_target_known(CB_OP_FORGET, CB_T_PERSON, 0));
	ck_assert(!cb_op_target_known(CB_OP_FORGET, CB_T_ATTENDANCE, 0));
	ck_assert(!cb_op_target_known(3, CB_T_PERSON, 0));
}
END_TEST

/* --- between laptops ----------------------------------------------------- */

START_TEST(test_forget_reaches_other_laptop)
{
	struct cb_db *b = laptop();
	struct capture c;

	fill_person(db);
	ship(db, b);
	ck_assert_int_eq(cb_person_find(b, NAME, NULL, NULL), CB_OK);
	/* B edits the person before it hears of the erasure */
	edit_notes(b, "Vue avec sa sœur, " MARK " encore");
	ck_assert_int_eq(cb_checkout(b, &zep, &tonight, "19:10"), CB_OK);

	ck_assert_int_eq(cb_forget(db, &zep, NULL), CB_OK);
	/* an export after the erasure never carries what was blanked */
	c = export_full(db);
	ck_assert_ptr_null(memmem(c.data, c.size, MARK, strlen(MARK)));
	ck_assert_ptr_null(memmem(c.data, c.size, "example.org", 11));
	import(b, &c);
	free(c.data);
	/* B lost the data, its own edit included */
	ck_assert_int_eq(cb_person_find(b, NAME, NULL, NULL), CB_NOT_FOUND);
	ck_assert_int_eq(ops_with_mark(b), 0);
	ck_assert_int_eq(count(b, "SELECT count(*) FROM pairings"), 0);
	/* B's edit reaches A after the erasure: stored blank, shows nothing */
	ship(b, db);
	ck_assert_int_eq(ops_with_mark(db), 0);
	ship(db, b);
	char *da = unit_dump(db), *dbb = unit_dump(b);
	ck_assert_str_eq(da, dbb);
	ck_assert_ptr_null(strstr(da, MARK));
	free(dbb);
	char *oa = ops_dump(db), *ob = ops_dump(b);
	ck_assert_str_eq(oa, ob);
	free(oa);
	free(ob);
	/* and a rebuild on either side is the same erased state */
	ck_assert_int_eq(cb_oplog_rebuild(b), CB_OK);
	dbb = unit_dump(b);
	ck_assert_str_eq(da, dbb);
	free(dbb);
	free(da);
	cb_db_close(b);
}
END_TEST

/* --- any order ------------------------------------------------------------ */

struct oplist {
	struct cb_op *v;
	size_t n;
};

static cb_status
collect(const struct cb_op *op, void *arg)
{
	struct oplist *l = arg;
	struct cb_op *v = realloc(l->v, (l->n + 1) * sizeof *v);
	if (!v)
		return CB_NOMEM;
	l->v = v;
	v[l->n] = *op;
	if (op->value.type == CB_V_TEXT && !(v[l->n].value.s = strdup(op->value.s)))
		return CB_NOMEM;
	l->n++;
	return CB_OK;
}

static cb_status
collect_forget(const struct cb_op *op, void *arg)
{
	return op->kind == CB_OP_FORGET ? collect(op, arg) : CB_OK;
}

static void
oplist_free(struct oplist *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].value.type == CB_V_TEXT)
			free((char *)l->v[i].value.s);
	free(l->v);
}

static void
replay(const struct oplist *l, const size_t *order, const char *want_tables,
       const char *want_ops, const char *what)
{
	struct cb_db *d = laptop();
	ck_assert_int_eq(cb_db_begin(d), CB_OK);
	for (size_t i = 0; i < l->n; i++)
		ck_assert_int_eq(cb_oplog_apply(d, &l->v[order[i]], NULL), CB_OK);
	ck_assert_int_eq(cb_db_commit(d), CB_OK);
	char *t = unit_dump(d), *o = ops_dump(d);
	ck_assert_msg(strcmp(t, want_tables) == 0, "%s: other tables", what);
	ck_assert_msg(strcmp(o, want_ops) == 0, "%s: other ops", what);
	free(t);
	free(o);
	cb_db_close(d);
}

START_TEST(test_forget_any_order)
{
	struct cb_db *b = laptop();
	struct oplist l = {0};
	size_t *order, forget_at = 0;
	uint64_t rng = 42;

	fill_person(db);
	ship(db, b);
	edit_notes(b, "Note tardive " MARK);
	ck_assert_int_eq(cb_checkout(b, &zep, &tonight, "19:10"), CB_OK);
	/* B edits again after the mentor's pairing ended there */
	ck_assert_int_eq(cb_unpair(b, &mentor, &zep, NULL, CB_PAIR_ENDED), CB_OK);
	ck_assert_int_eq(cb_forget(db, &zep, NULL), CB_OK);
	/* the whole story, unblanked as B holds it, and A's erasure */
	ck_assert_int_eq(cb_oplog_each(b, collect, &l), CB_OK);
	ck_assert_int_eq(cb_oplog_each(db, collect_forget, &l), CB_OK);
	ship(b, db);
	char *want = unit_dump(db), *want_ops = ops_dump(db);
	ck_assert_ptr_null(strstr(want, MARK));
	ck_assert_ptr_null(strstr(want_ops, MARK));

	ck_assert_ptr_nonnull(order = malloc(l.n * sizeof *order));
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].kind == CB_OP_FORGET)
			forget_at = i;
	/* the erasure first, then last, then shuffled orders */
	order[0] = forget_at;
	for (size_t i = 0, k = 1; i < l.n; i++)
		if (i != forget_at)
			order[k++] = i;
	replay(&l, order, want, want_ops, "erasure first");
	for (size_t i = 0; i + 1 < l.n; i++)
		order[i] = order[i + 1];
	order[l.n - 1] = forget_at;
	replay(&l, order, want, want_ops, "erasure last");
	for (int round = 0; round < 40; round++) {
		char what[32];
		for (size_t i = l.n; i > 1; i--) {
			rng = rng * 6364136223846793005ull + 1442695040888963407ull;
			size_t j = (size_t)(rng >> 33) % i, t = order[i - 1];
			order[i - 1] = order[j];
			order[j] = t;
		}
		snprintf(what, sizeof what, "shuffle %d", round);
		replay(&l, order, want, want_ops, what);
	}
	free(order);
	free(want);
	free(want_ops);
	oplist_free(&l);
	cb_db_close(b);
}
END_TEST

/* --- not one byte left in the files --------------------------------------- */

static bool
file_holds(const char *path, const char *needle)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;
	bool found;

	if (!f)
		return false; /* no WAL: nothing in it */
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	ck_assert_int_ge(n, 0);
	rewind(f);
	ck_assert_ptr_nonnull(buf = malloc((size_t)n + 1));
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	found = memmem(buf, (size_t)n, needle, strlen(needle)) != NULL;
	free(buf);
	return found;
}

static bool
db_files_hold(const char *path, const char *needle)
{
	char wal[4096];
	snprintf(wal, sizeof wal, "%s-wal", path);
	return file_holds(path, needle) || file_holds(wal, needle);
}

START_TEST(test_forget_leaves_no_byte)
{
	char *dir = unit_tmpdir();
	char *pa = unit_path(dir, "a.db"), *pb = unit_path(dir, "b.db");
	struct cb_db *a, *b;
	bool wiped = false;

	ck_assert_int_eq(cb_db_open(pa, CB_OPEN_CREATE, &a, NULL, 0), CB_OK);
	ck_assert_int_eq(cb_db_open(pb, CB_OPEN_CREATE, &b, NULL, 0), CB_OK);
	fill_calendar(a);
	/* enough other people that the pages split and move around */
	for (int i = 0; i < 300; i++) {
		char name[32];
		snprintf(name, sizeof name, "Personne %03d", i);
		person(a, name, LEARNER, 0, NULL, NULL);
	}
	fill_person(a);
	for (int i = 0; i < 5; i++) {
		char notes[64];
		snprintf(notes, sizeof notes, "Version %d des notes, " MARK, i);
		edit_notes(a, notes);
	}
	ship(a, b);
	ck_assert_int_eq(cb_checkout(b, &zep, &tonight, "19:00"), CB_OK);
	edit_notes(b, "Édité sur B, " MARK);
	/* the test can see the name when it is there */
	ck_assert_int_eq(cb_db_checkpoint(a), CB_OK);
	ck_assert(db_files_hold(pa, MARK));
	ck_assert(db_files_hold(pb, MARK));

	/* erased on A: A's files hold nothing of it */
	ck_assert_int_eq(cb_forget(a, &zep, &wiped), CB_OK);
	ck_assert(wiped);
	ck_assert_msg(!db_files_hold(pa, MARK), "A's files still hold the name");
	ck_assert_msg(!db_files_hold(pa, "zephyrine.qwx"), "A's files still hold the contact");
	/* B hears of it through a bundle: B's files hold nothing either */
	ship(a, b);
	ck_assert_int_eq(cb_db_wipe_pending(b), false);
	ck_assert_msg(!db_files_hold(pb, MARK), "B's files still hold the name");
	ck_assert_msg(!db_files_hold(pb, "zephyrine.qwx"), "B's files still hold the contact");
	/* B's edit travels back to A: stored blank there */
	ship(b, a);
	ck_assert_int_eq(cb_db_checkpoint(a), CB_OK);
	ck_assert(!db_files_hold(pa, MARK));
	cb_db_close(a);
	cb_db_close(b);
	ck_assert(!db_files_hold(pa, MARK));
	ck_assert(!db_files_hold(pb, MARK));
	free(pa);
	free(pb);
	unit_tmpdir_remove(dir);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("privacy");
	TCase *tc = tcase_create("forget");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_forget_erases_everything);
	tcase_add_test(tc, test_forget_refusals);
	tcase_add_test(tc, test_forget_op_validation);
	tcase_add_test(tc, test_forget_reaches_other_laptop);
	tcase_add_test(tc, test_forget_any_order);
	tcase_add_test(tc, test_forget_leaves_no_byte);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
