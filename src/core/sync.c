/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cambouis/clock.h"
#include "cambouis/hlc.h"
#include "cambouis/oplog.h"
#include "cambouis/review.h"
#include "cambouis/sync.h"

static const char SQL_MARK_GET[] = "SELECT n FROM sync_marks WHERE dest = ?1";
static const char SQL_MARK_SET[] = "INSERT OR REPLACE INTO sync_marks(dest, n) VALUES(?1, ?2)";
static const char SQL_OWN_MAX[] = "SELECT coalesce(max(seq), 0) FROM ops WHERE site = ?1";
static const char SQL_EXPORTED_SEQ[] =
	"INSERT OR REPLACE INTO meta(key, value) VALUES('exported_seq', ?1)";
static const char SQL_EXPORTED_MS[] =
	"INSERT OR REPLACE INTO meta(key, value) VALUES('exported_ms', ?1)";
static const char SQL_SYNCED_MS[] =
	"INSERT OR REPLACE INTO meta(key, value) VALUES('synced_ms', ?1)";
static const char SQL_IMPORT_KNOWN[] = "SELECT 1 FROM sync_imports WHERE digest = ?1";
static const char SQL_IMPORT_ADD[] =
	"INSERT INTO sync_imports(digest, origin_site, origin_label, created_ms, imported_ms,"
	" op_count, new_count, conflicts, first_n, last_n, source)"
	" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
static const char SQL_FILE_KNOWN[] =
	"SELECT 1 FROM sync_files WHERE dir = ?1 AND name = ?2 AND size = ?3";
static const char SQL_FILE_ADD[] =
	"INSERT OR REPLACE INTO sync_files(dir, name, size, digest) VALUES(?1, ?2, ?3, ?4)";

static cb_status
step_done(struct cb_stmt *st)
{
	cb_status rc = cb_stmt_step(st);
	return rc == CB_DONE ? CB_OK : rc;
}

/* --- export ------------------------------------------------------------------ */

struct export_ctx {
	struct cb_bundle_writer *w;
};

static cb_status
add_op(const struct cb_op *op, int64_t n, void *arg)
{
	struct export_ctx *x = arg;
	(void)n;
	/* an op an older version let in and that no longer validates (a
	 * clock beyond the horizon...) stays here: every reader would refuse
	 * the whole bundle for it */
	if (cb_op_validate(op) != CB_OK)
		return CB_OK;
	return cb_bundle_writer_op(x->w, op);
}

static cb_status
add_knowledge(const struct cb_id *site, int64_t max_seq, void *arg)
{
	struct export_ctx *x = arg;
	return cb_bundle_writer_knowledge(x->w, site, max_seq);
}

static cb_status
get_mark(struct cb_db *db, const char *mark, int64_t *n)
{
	struct cb_stmt *st;
	cb_status rc;

	*n = 0;
	if (!mark)
		return CB_OK;
	if ((rc = cb_db_prepare(db, SQL_MARK_GET, &st)) != CB_OK)
		return rc;
	cb_stmt_bind_text(st, 1, mark);
	rc = cb_stmt_step(st);
	if (rc == CB_ROW) {
		*n = cb_stmt_int(st, 0);
		cb_stmt_reset(st);
		return CB_OK;
	}
	return rc == CB_DONE ? CB_OK : rc;
}

/* Everything up to arrival n has gone to mark's destination. */
static cb_status
advance_mark(struct cb_db *db, const char *mark, int64_t n)
{
	struct cb_stmt *st;
	int64_t own = 0;
	cb_status rc;

	if (mark) {
		if ((rc = cb_db_prepare(db, SQL_MARK_SET, &st)) != CB_OK)
			return rc;
		cb_stmt_bind_text(st, 1, mark);
		cb_stmt_bind_int(st, 2, n);
		if ((rc = step_done(st)) != CB_OK)
			return rc;
	}
	/* cb_oplog_pending() counts this site's ops after 'exported_seq' */
	if ((rc = cb_db_prepare(db, SQL_OWN_MAX, &st)) != CB_OK)
		return rc;
	cb_stmt_bind_id(st, 1, cb_db_site(db));
	if ((rc = cb_stmt_step(st)) != CB_ROW)
		return rc == CB_DONE ? CB_DB_ERROR : rc;
	own = cb_stmt_int(st, 0);
	cb_stmt_reset(st);
	if ((rc = cb_db_prepare(db, SQL_EXPORTED_SEQ, &st)) != CB_OK)
		return rc;
	cb_stmt_bind_int(st, 1, own);
	return step_done(st);
}

cb_status
cb_sync_export(struct cb_db *db, const struct cb_export_opts *o, cb_publish_fn publish,
	       void *arg, struct cb_export_result *r)
{
	struct export_ctx x = {0};
	int64_t mark, last;
	void *data = NULL;
	size_t size = 0;
	cb_status rc;

	memset(r, 0, sizeof *r);
	if (!*cb_db_site_label(db))
		return CB_INVALID;
	/* the write lock keeps the set of ops still while we take it */
	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	if ((rc = get_mark(db, o->mark, &mark)) != CB_OK ||
	    (rc = cb_oplog_last_arrival(db, &last)) != CB_OK ||
	    (rc = cb_bundle_writer_new(&x.w)) != CB_OK)
		goto failed;
	if ((rc = cb_oplog_each_arrived(db, o->full ? 0 : mark, o->exclude_source, add_op, &x)) != CB_OK ||
	    (rc = cb_oplog_each_site_max(db, add_knowledge, &x)) != CB_OK)
		goto failed;
	if ((rc = cb_bundle_writer_finish(x.w, cb_db_site(db), cb_db_site_label(db),
					  cb_clock_now_ms(), &data, &size, &r->manifest)) != CB_OK)
		goto failed;
	r->op_count = r->manifest.op_count;
	r->size = size;
	if (r->op_count == 0 && o->skip_empty) {
		r->skipped = true;
		rc = advance_mark(db, o->mark, last);
	} else if ((rc = publish(data, size, &r->manifest, arg)) == CB_OK &&
		   (rc = advance_mark(db, o->mark, last)) == CB_OK) {
		/* when a bundle last left this laptop, for the Sync screen */
		struct cb_stmt *st;
		if ((rc = cb_db_prepare(db, SQL_EXPORTED_MS, &st)) == CB_OK) {
			cb_stmt_bind_int(st, 1, r->manifest.created_ms);
			rc = step_done(st);
		}
	}
	if (rc != CB_OK)
		goto failed;
	cb_bundle_data_free(data);
	cb_bundle_writer_free(x.w);
	return cb_db_commit(db);
failed:
	cb_bundle_data_free(data);
	cb_bundle_writer_free(x.w);
	cb_db_rollback(db);
	return rc;
}

/* --- import ------------------------------------------------------------------ */

struct import_ctx {
	struct cb_db *db;
	struct cb_bundle *b;
	struct cb_import_result *r;
	uint64_t future_hlc;
	int64_t now_ms;
};

static bool
same_value(const struct cb_value *a, const struct cb_value *b)
{
	if (a->type != b->type)
		return false;
	if (a->type == CB_V_INT)
		return a->i == b->i;
	if (a->type == CB_V_TEXT)
		return strcmp(a->s, b->s) == 0;
	return true;
}

static cb_status
import_one(const struct cb_op *op, void *arg)
{
	struct import_ctx *x = arg;
	struct cb_apply_info info;
	struct cb_op rival;
	cb_status rc = cb_oplog_apply_ex(x->db, op, &info);

	if (rc != CB_OK)
		return rc;
	if (!info.was_new) {
		x->r->known_ops++;
		return CB_OK;
	}
	x->r->new_ops++;
	if (op->hlc > x->future_hlc)
		x->r->future_ops++;
	if (info.had_rival && cb_id_cmp(&info.rival_site, &op->site) != 0) {
		if ((rc = cb_oplog_get(x->db, &info.rival_op_id, &rival)) != CB_OK)
			return rc;
		if (rival.seq > cb_bundle_knows(x->b, &rival.site) &&
		    !same_value(&rival.value, &op->value)) {
			x->r->conflicts++;
			/* kept for the Sync screen's "conflicts to review" */
			rc = cb_review_record(x->db, op, &rival, info.won, x->now_ms);
		}
		if (rival.value.type == CB_V_TEXT)
			free((char *)rival.value.s);
	}
	return rc;
}

static cb_status
digest_known(struct cb_db *db, const unsigned char *digest, bool *known)
{
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, SQL_IMPORT_KNOWN, &st);

	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_blob(st, 1, digest, CB_SHA256_LEN);
	rc = cb_stmt_step(st);
	*known = rc == CB_ROW;
	if (rc == CB_ROW) {
		cb_stmt_reset(st);
		return CB_OK;
	}
	return rc == CB_DONE ? CB_OK : rc;
}

cb_status
cb_sync_import(struct cb_db *db, struct cb_bundle *b, const char *source,
	       struct cb_import_result *r)
{
	const struct cb_bundle_manifest *m = cb_bundle_manifest(b);
	struct import_ctx x = {db, b, r, 0, 0};
	int64_t now = cb_clock_now_ms(), first, last;
	struct cb_stmt *st;
	bool known;
	cb_status rc;

	memset(r, 0, sizeof *r);
	r->max_hlc = cb_bundle_max_hlc(b);
	x.now_ms = now;
	x.future_hlc = (uint64_t)(now + CB_SYNC_CLOCK_SLACK_MS) << CB_HLC_COUNTER_BITS;
	if ((rc = digest_known(db, m->digest, &known)) != CB_OK)
		return rc;
	if (known) {
		r->already = true;
		r->known_ops = m->op_count;
		return CB_OK;
	}
	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	/* another process may have imported it since we looked */
	if ((rc = digest_known(db, m->digest, &known)) != CB_OK)
		goto failed;
	if (known) {
		r->already = true;
		r->known_ops = m->op_count;
		return cb_db_commit(db);
	}
	/* a new row's values come one after another: each row is written once */
	cb_oplog_apply_many(db);
	if ((rc = cb_oplog_last_arrival(db, &first)) != CB_OK ||
	    (rc = cb_bundle_each_op(b, import_one, &x)) != CB_OK ||
	    (rc = cb_oplog_last_arrival(db, &last)) != CB_OK ||
	    (rc = cb_db_prepare(db, SQL_IMPORT_ADD, &st)) != CB_OK)
		goto failed;
	cb_stmt_bind_blob(st, 1, m->digest, CB_SHA256_LEN);
	cb_stmt_bind_id(st, 2, &m->origin_site);
	cb_stmt_bind_text(st, 3, m->origin_label);
	cb_stmt_bind_int(st, 4, m->created_ms);
	cb_stmt_bind_int(st, 5, now);
	cb_stmt_bind_int(st, 6, m->op_count);
	cb_stmt_bind_int(st, 7, r->new_ops);
	cb_stmt_bind_int(st, 8, r->conflicts);
	if (last > first) {
		cb_stmt_bind_int(st, 9, first + 1);
		cb_stmt_bind_int(st, 10, last);
	} else {
		cb_stmt_bind_null(st, 9);
		cb_stmt_bind_null(st, 10);
	}
	cb_stmt_bind_text(st, 11, source);
	if ((rc = step_done(st)) != CB_OK)
		goto failed;
	return cb_db_commit(db);
failed:
	cb_db_rollback(db);
	memset(r, 0, sizeof *r);
	return rc;
}

cb_status
cb_sync_import_all(struct cb_db *db, struct cb_bundle *const *b, size_t n,
		   struct cb_import_result *r)
{
	cb_status rc;

	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	for (size_t i = 0; i < n; i++)
		if ((rc = cb_sync_import(db, b[i], NULL, &r[i])) != CB_OK) {
			cb_db_rollback(db);
			memset(r, 0, n * sizeof *r);
			return rc;
		}
	return cb_db_commit(db);
}

bool
cb_sync_clock_behind(struct cb_db *db, int64_t now_ms, int64_t *newest_ms)
{
	int64_t newest = cb_hlc_ms(cb_oplog_last_hlc(db));

	*newest_ms = newest;
	return newest - now_ms > CB_SYNC_CLOCK_SLACK_MS;
}

/* --- folder sync ---------------------------------------------------------------- */

struct names {
	char **v;
	size_t n, cap;
};

static cb_status
names_add(struct names *l, const char *a, const char *b)
{
	char *s;

	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 32;
		char **v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return CB_NOMEM;
		l->v = v;
		l->cap = cap;
	}
	if (!(s = malloc(strlen(a) + strlen(b) + 2)))
		return CB_NOMEM;
	if (*a)
		sprintf(s, "%s/%s", a, b);
	else
		strcpy(s, b);
	l->v[l->n++] = s;
	return CB_OK;
}

static void
names_free(struct names *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool
is_bundle_name(const char *name)
{
	size_t n = strlen(name), s = strlen(CB_BUNDLE_SUFFIX);
	return name[0] != '.' && n > s && strcmp(name + n - s, CB_BUNDLE_SUFFIX) == 0;
}

/* dir/sub's bundle files (sub "" for dir itself), then its folders. */
static cb_status
scan(const char *dir, const char *sub, int depth, struct names *out)
{
	char path[PATH_MAX];
	struct dirent *e;
	struct stat sb;
	cb_status rc = CB_OK;
	DIR *d;

	if ((size_t)snprintf(path, sizeof path, "%s%s%s", dir, *sub ? "/" : "", sub) >= sizeof path)
		return CB_OK;
	if (!(d = opendir(path)))
		return depth == 0 ? CB_IO : CB_OK;
	while (rc == CB_OK && (e = readdir(d))) {
		char full[PATH_MAX];
		if (e->d_name[0] == '.')
			continue; /* ., .., temporary files, .git */
		if ((size_t)snprintf(full, sizeof full, "%s/%s", path, e->d_name) >= sizeof full ||
		    lstat(full, &sb) != 0)
			continue;
		if (S_ISDIR(sb.st_mode) && depth == 0)
			rc = scan(dir, e->d_name, 1, out);
		else if (S_ISREG(sb.st_mode) && is_bundle_name(e->d_name))
			rc = names_add(out, sub, e->d_name);
	}
	closedir(d);
	return rc;
}

static cb_status
file_known(struct cb_db *db, const char *dir, const char *name, int64_t size, bool *known)
{
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, SQL_FILE_KNOWN, &st);

	*known = false;
	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_text(st, 1, dir);
	cb_stmt_bind_text(st, 2, name);
	cb_stmt_bind_int(st, 3, size);
	rc = cb_stmt_step(st);
	if (rc == CB_ROW) {
		*known = true;
		cb_stmt_reset(st);
		return CB_OK;
	}
	return rc == CB_DONE ? CB_OK : rc;
}

static cb_status
file_remember(struct cb_db *db, const char *dir, const char *name, int64_t size,
	      const unsigned char *digest)
{
	struct cb_stmt *st;
	cb_status rc;

	if ((rc = cb_db_begin(db)) != CB_OK)
		return rc;
	if ((rc = cb_db_prepare(db, SQL_FILE_ADD, &st)) != CB_OK)
		goto failed;
	cb_stmt_bind_text(st, 1, dir);
	cb_stmt_bind_text(st, 2, name);
	cb_stmt_bind_int(st, 3, size);
	cb_stmt_bind_blob(st, 4, digest, CB_SHA256_LEN);
	if ((rc = step_done(st)) != CB_OK)
		goto failed;
	return cb_db_commit(db);
failed:
	cb_db_rollback(db);
	return rc;
}

struct publish_ctx {
	struct cb_db *db;
	const char *dir;
	char name[PATH_MAX];
};

/* dir/<label>/<UTC time>-<digest>.cambouis: each laptop writes only its
 * own new files, so no transport ever sees two writers on one file. */
static cb_status
publish_to_dir(const void *data, size_t size, const struct cb_bundle_manifest *m, void *arg)
{
	struct publish_ctx *x = arg;
	char folder[PATH_MAX], path[PATH_MAX], hex[2 * CB_SHA256_LEN + 1], when[32];
	time_t t = (time_t)(m->created_ms / 1000);
	struct tm tm;
	cb_status rc;

	if (!gmtime_r(&t, &tm) || !strftime(when, sizeof when, "%Y%m%dT%H%M%SZ", &tm))
		snprintf(when, sizeof when, "0");
	cb_sha256_hex(m->digest, hex);
	hex[16] = '\0';
	snprintf(x->name, sizeof x->name, "%s/%s-%s%s", m->origin_label, when, hex, CB_BUNDLE_SUFFIX);
	if ((size_t)snprintf(folder, sizeof folder, "%s/%s", x->dir, m->origin_label) >= sizeof folder ||
	    (size_t)snprintf(path, sizeof path, "%s/%s", x->dir, x->name) >= sizeof path)
		return CB_INVALID;
	if (mkdir(folder, 0700) != 0 && errno != EEXIST)
		return errno == ENOSPC ? CB_FULL : CB_IO;
	if ((rc = cb_bundle_publish(path, data, size, true)) != CB_OK)
		return rc;
	/* our own file need not be read back next time */
	struct cb_stmt *st;
	if ((rc = cb_db_prepare(x->db, SQL_FILE_ADD, &st)) != CB_OK)
		return rc;
	cb_stmt_bind_text(st, 1, x->dir);
	cb_stmt_bind_text(st, 2, x->name);
	cb_stmt_bind_int(st, 3, (int64_t)size);
	cb_stmt_bind_blob(st, 4, m->digest, CB_SHA256_LEN);
	return step_done(st);
}

static void
emit(cb_sync_event_fn fn, void *arg, struct cb_sync_event *ev)
{
	if (fn)
		fn(ev, arg);
}

static cb_status
sync_one(struct cb_db *db, const char *real, const char *name, const struct cb_bundle_limits *lim,
	 cb_sync_event_fn fn, void *arg, struct cb_sync_summary *s)
{
	struct cb_sync_event ev;
	struct cb_bundle *b = NULL;
	char path[PATH_MAX];
	struct stat sb;
	bool known;
	cb_status rc;

	memset(&ev, 0, sizeof ev);
	ev.name = name;
	if ((size_t)snprintf(path, sizeof path, "%s/%s", real, name) >= sizeof path ||
	    stat(path, &sb) != 0)
		return CB_OK; /* gone meanwhile */
	if ((rc = file_known(db, real, name, (int64_t)sb.st_size, &known)) != CB_OK)
		return rc;
	if (known)
		return CB_OK;
	rc = cb_bundle_read(path, lim, &b, &ev.why);
	if (rc != CB_OK) {
		if (rc == CB_NOMEM)
			return rc;
		ev.kind = CB_SYNC_REJECTED;
		ev.st = rc;
		ev.err = errno;
		s->files_rejected++;
		emit(fn, arg, &ev);
		return CB_OK;
	}
	ev.m = cb_bundle_manifest(b);
	if ((rc = cb_sync_import(db, b, real, &ev.r)) != CB_OK ||
	    (rc = file_remember(db, real, name, (int64_t)sb.st_size, ev.m->digest)) != CB_OK) {
		cb_bundle_free(b);
		return rc;
	}
	ev.kind = ev.r.already ? CB_SYNC_KNOWN : CB_SYNC_IMPORTED;
	if (ev.r.already) {
		s->files_known++;
	} else {
		s->files_imported++;
		s->new_ops += ev.r.new_ops;
		s->known_ops += ev.r.known_ops;
		s->conflicts += ev.r.conflicts;
		s->future_ops += ev.r.future_ops;
	}
	emit(fn, arg, &ev);
	cb_bundle_free(b);
	return CB_OK;
}

cb_status
cb_sync_dir(struct cb_db *db, const char *dir, const struct cb_bundle_limits *lim,
	    unsigned flags, cb_sync_event_fn fn, void *arg, struct cb_sync_summary *s)
{
	char real[PATH_MAX], mark[PATH_MAX + 8];
	struct names files = {0};
	struct publish_ctx px;
	struct cb_export_opts o;
	struct cb_export_result er;
	struct stat sb;
	cb_status rc;

	memset(s, 0, sizeof *s);
	if (cb_db_is_demo(db) && !(flags & CB_SYNC_FORCE_DEMO))
		return CB_DEMO;
	if (!*cb_db_site_label(db))
		return CB_INVALID;
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode) || !realpath(dir, real))
		return CB_NOT_FOUND;
	if ((rc = scan(real, "", 0, &files)) != CB_OK)
		goto out;
	if (files.n > 1)
		qsort(files.v, files.n, sizeof *files.v, name_cmp);
	for (size_t i = 0; i < files.n && rc == CB_OK; i++)
		rc = sync_one(db, real, files.v[i], lim, fn, arg, s);
	if (rc != CB_OK)
		goto out;

	memset(&o, 0, sizeof o);
	snprintf(mark, sizeof mark, "sync:%s", real);
	o.mark = mark;
	o.exclude_source = real;
	o.skip_empty = true;
	px.db = db;
	px.dir = real;
	px.name[0] = '\0';
	if ((rc = cb_sync_export(db, &o, publish_to_dir, &px, &er)) != CB_OK)
		goto out;
	s->exported_ops = er.skipped ? 0 : er.op_count;
	if (!er.skipped) {
		struct cb_sync_event ev;
		memset(&ev, 0, sizeof ev);
		ev.kind = CB_SYNC_EXPORTED;
		ev.name = px.name;
		ev.m = &er.manifest;
		ev.exported_ops = er.op_count;
		emit(fn, arg, &ev);
	}
	{
		/* when this laptop last went through a sync folder */
		struct cb_stmt *st;
		if ((rc = cb_db_prepare(db, SQL_SYNCED_MS, &st)) == CB_OK) {
			cb_stmt_bind_int(st, 1, cb_clock_now_ms());
			rc = step_done(st);
		}
	}
out:
	names_free(&files);
	return rc;
}
