/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sync benchmark (issue 6), not part of make check: 'make bench-sync'.
 * Import of an N-op bundle (BENCH_OPS, default 1,000,000) in ops/s beside
 * the bare SQLite insert rate of the same rows into the same ops table,
 * measured in the same run; re-import of the known bundle; a full
 * rebuild; bundle bytes per op. Then the same for the demo's five years of
 * a workshop, every module's ops. BENCH_CASES=venues or workshop runs one.
 * Databases live in BENCH_DIR (default a fresh folder under /tmp). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cambouis/bundle.h"
#include "cambouis/clock.h"
#include "cambouis/db.h"
#include "cambouis/demo.h"
#include "cambouis/oplog.h"
#include "cambouis/schema.h"
#include "cambouis/sha256.h"
#include "cambouis/sync.h"

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
die(const char *what, cb_status st)
{
	fprintf(stderr, "bench-sync: %s: %s\n", what, cb_status_name(st));
	exit(1);
}

#define CHECK(what, expr) do { cb_status st_ = (expr); if (st_ != CB_OK) die(what, st_); } while (0)

static struct cb_db *
open_db(const char *path, const char *label)
{
	struct cb_db *db;
	unlink(path);
	CHECK(path, cb_db_open(path, CB_OPEN_CREATE, &db, NULL, 0));
	CHECK("label", cb_db_set_site_label(db, label));
	return db;
}

static void
fill(struct cb_db *db, long n)
{
	static const char *const communes[] = {"Tours", "Joué-lès-Tours", "La Riche", "Saint-Avertin"};
	struct cb_id row;
	char text[64];
	int64_t t = 1772384400000LL;

	CHECK("begin", cb_db_begin(db));
	for (long i = 0; i < n; i++) {
		struct cb_value v = {CB_V_TEXT, 0, text};
		int field;
		cb_clock_pin(t + i);
		switch (i % 5) {
		case 0:
			CHECK("id", cb_id_new(&row, t + i));
			snprintf(text, sizeof text, "Salle %ld", i / 5);
			field = CB_F_VENUE_NAME;
			break;
		case 1:
			snprintf(text, sizeof text, "%ld rue de la Gare", i % 97);
			field = CB_F_VENUE_ADDRESS;
			break;
		case 2:
			snprintf(text, sizeof text, "%s", communes[i % 4]);
			field = CB_F_VENUE_COMMUNE;
			break;
		case 3:
			v.type = CB_V_INT;
			v.i = i % 50;
			field = CB_F_VENUE_CAPACITY;
			break;
		default:
			snprintf(text, sizeof text, "Entrée côté cour, clé %ld", i % 13);
			field = CB_F_VENUE_NOTES;
			break;
		}
		CHECK("set", cb_oplog_set(db, CB_T_VENUE, &row, field, &v));
	}
	CHECK("commit", cb_db_commit(db));
}

struct blob {
	void *data;
	size_t size;
};

static cb_status
keep(const void *data, size_t size, const struct cb_bundle_manifest *m, void *arg)
{
	struct blob *b = arg;
	(void)m;
	if (!(b->data = malloc(size)))
		return CB_NOMEM;
	memcpy(b->data, data, size);
	b->size = size;
	return CB_OK;
}

static const char SQL_BARE[] =
	"INSERT INTO ops(op_id, site, seq, hlc, kind, tbl, row, field, value)"
	" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

static cb_status
bare_insert(const struct cb_op *op, void *arg)
{
	struct cb_db *db = arg;
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, SQL_BARE, &st);

	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_id(st, 1, &op->op_id);
	cb_stmt_bind_id(st, 2, &op->site);
	cb_stmt_bind_int(st, 3, op->seq);
	cb_stmt_bind_int(st, 4, (int64_t)op->hlc);
	cb_stmt_bind_int(st, 5, op->kind);
	cb_stmt_bind_int(st, 6, op->table);
	cb_stmt_bind_id(st, 7, &op->row);
	cb_stmt_bind_int(st, 8, op->field);
	cb_stmt_bind_value(st, 9, &op->value);
	rc = cb_stmt_step(st);
	return rc == CB_DONE ? CB_OK : rc;
}

typedef void fill_fn(struct cb_db *db, long n);

static void
fill_demo(struct cb_db *db, long n)
{
	(void)n;
	CHECK("demo", cb_demo_fill(db, CB_DEMO_5Y, 1));
}

/* One case: make the source log, export it whole, then the bare insert,
 * the import, the re-import and the rebuild on fresh databases. */
static void
run_case(const char *title, const char *dir, fill_fn *fill_src, long n)
{
	char src[300], dst[300], bare[300];
	struct cb_export_opts o = {.full = true};
	struct cb_export_result er;
	struct cb_bundle *b;
	struct cb_bundle_why why;
	struct cb_import_result r;
	struct blob x = {0};
	int64_t ops;
	double t0, t_fill, t_export, t_read, t_import, t_bare, t_reread, t_known, t_rebuild;

	snprintf(src, sizeof src, "%s/src.db", dir);
	snprintf(dst, sizeof dst, "%s/dst.db", dir);
	snprintf(bare, sizeof bare, "%s/bare.db", dir);

	struct cb_db *a = open_db(src, "source");
	t0 = now();
	fill_src(a, n);
	t_fill = now() - t0;
	CHECK("count", cb_oplog_count(a, &ops));
	cb_clock_pin(1772384400000LL + n + 1000);
	t0 = now();
	CHECK("export", cb_sync_export(a, &o, keep, &x, &er));
	t_export = now() - t0;
	cb_db_close(a);

	/* the bare insert rate: the same rows into the same ops table, one
	 * transaction, no projection, no checks */
	CHECK("read", cb_bundle_read_mem(x.data, x.size, NULL, &b, &why));
	struct cb_db *c = open_db(bare, "bare");
	t0 = now();
	CHECK("begin", cb_db_begin(c));
	CHECK("bare insert", cb_bundle_each_op(b, bare_insert, c));
	CHECK("commit", cb_db_commit(c));
	t_bare = now() - t0;
	cb_db_close(c);
	cb_bundle_free(b);

	/* the real import: read and check, then apply */
	struct cb_db *d = open_db(dst, "target");
	t0 = now();
	CHECK("read", cb_bundle_read_mem(x.data, x.size, NULL, &b, &why));
	t_read = now() - t0;
	CHECK("import", cb_sync_import(d, b, NULL, &r));
	t_import = now() - t0;
	cb_bundle_free(b);
	if (r.new_ops != ops)
		die("import count", CB_DB_ERROR);

	/* an already-imported bundle: read, check, recognise */
	t0 = now();
	CHECK("read", cb_bundle_read_mem(x.data, x.size, NULL, &b, &why));
	t_reread = now() - t0;
	CHECK("re-import", cb_sync_import(d, b, NULL, &r));
	t_known = now() - t0;
	cb_bundle_free(b);
	if (!r.already)
		die("re-import not recognised", CB_DB_ERROR);

	t0 = now();
	CHECK("rebuild", cb_oplog_rebuild(d));
	t_rebuild = now() - t0;
	cb_db_close(d);

	printf("== %s: %lld ops\n", title, (long long)ops);
	printf("make the source log: %.2f s (%.0f ops/s)\n", t_fill, ops / t_fill);
	printf("export --full: %.2f s (%.0f ops/s)\n", t_export, ops / t_export);
	printf("bundle size: %zu bytes, %.1f bytes/op\n", x.size, (double)x.size / ops);
	printf("bare SQLite insert of the same rows into ops: %.2f s (%.0f ops/s)\n", t_bare,
	       ops / t_bare);
	printf("import (read + check %.2f s, apply %.2f s): %.2f s (%.0f ops/s, %.0f%% of bare)\n",
	       t_read, t_import - t_read, t_import, ops / t_import, 100 * t_bare / t_import);
	printf("import, apply alone: %.0f ops/s (%.0f%% of bare)\n", ops / (t_import - t_read),
	       100 * t_bare / (t_import - t_read));
	printf("re-import of the known bundle: %.2f s (read + check %.2f s): %.0f ops/s\n", t_known,
	       t_reread, ops / t_known);
	printf("full rebuild: %.2f s (%.0f ops/s)\n", t_rebuild, ops / t_rebuild);
	fflush(stdout);
	free(x.data);
	unlink(src); unlink(dst); unlink(bare);
}

int
main(void)
{
	const char *env = getenv("BENCH_OPS"), *direnv = getenv("BENCH_DIR");
	const char *cases = getenv("BENCH_CASES");
	long n = env ? strtol(env, NULL, 10) : 1000000;
	char dir[256];

	if (direnv) {
		snprintf(dir, sizeof dir, "%s", direnv);
	} else {
		snprintf(dir, sizeof dir, "/tmp/cambouis-bench-XXXXXX");
		if (!mkdtemp(dir)) {
			perror("mkdtemp");
			return 1;
		}
	}
	printf("sha256: %s\n", cb_sha256_impl());
	/* the case: N venue field edits; then the demo's five years
	 * of a workshop (people, attendance, pairs, skills: ~700,000 ops) */
	if (!cases || strstr(cases, "venues"))
		run_case("venue fields", dir, fill, n);
	if (!cases || strstr(cases, "workshop"))
		run_case("five years of a workshop (demo --scale 5y)", dir, fill_demo, 0);
	if (!direnv)
		rmdir(dir);
	return 0;
}
