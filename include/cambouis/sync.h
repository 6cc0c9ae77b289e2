/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_SYNC_H
#define CAMBOUIS_SYNC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cambouis/bundle.h"
#include "cambouis/db.h"

/*
 * Export, import and folder sync (DESIGN.md §4, issue 6).
 *
 * Export takes the ops that arrived here after the destination's mark
 * (own and relayed: every op gets an arrival number), plus this laptop's
 * knowledge, into a bundle; the mark moves only once the bundle is
 * published, so a failed write loses nothing (the next export carries the
 * ops again; importing an op twice changes nothing).
 *
 * Import applies every op of a checked bundle with cb_oplog_apply_ex(), in
 * one transaction, and remembers the bundle by digest: the same bundle
 * again is recognised without writing anything.
 *
 * A conflict is an imported op and the value it met for the same field
 * (the one it replaced, or the one it lost to), made on two different
 * laptops, with different values, when the bundle's exporter had not seen
 * the local value (its seq is beyond the exporter's knowledge of that
 * laptop): two edits made without one knowing the other. Both values stay
 * in the log; last writer wins decides which one shows, the same on every
 * laptop. An edit relayed through a third laptop that deliberately
 * overwrote ours can also count: the count may be high, never low.
 */

/* Clocks this far from the wall clock draw a warning. */
#define CB_SYNC_CLOCK_SLACK_MS (24LL * 3600 * 1000)

struct cb_export_opts {
	bool full;                  /* every op, not only those after the mark */
	const char *mark;           /* destination key (NULL: keep no mark) */
	const char *exclude_source; /* leave out ops imported from this folder */
	bool skip_empty;            /* publish nothing when there is no op */
};

/* Called with the finished bundle inside the export's transaction; CB_OK
 * means it is safely stored and the mark may move. */
typedef cb_status (*cb_publish_fn)(const void *data, size_t size,
				   const struct cb_bundle_manifest *m, void *arg);

struct cb_export_result {
	int64_t op_count;
	bool skipped;               /* nothing new and skip_empty */
	size_t size;
	struct cb_bundle_manifest manifest;
};

/* Export this laptop's ops (see above). CB_INVALID when the site has no
 * label. */
cb_status cb_sync_export(struct cb_db *db, const struct cb_export_opts *o,
			 cb_publish_fn publish, void *arg, struct cb_export_result *r);

struct cb_import_result {
	int64_t new_ops, known_ops, conflicts;
	int64_t future_ops;  /* ops with a clock over a day ahead of ours */
	uint64_t max_hlc;
	bool already;        /* this very bundle was imported before */
};

/* Apply a checked bundle (one transaction, or the caller's). source is
 * the real path of the sync folder it came from (NULL for a plain import),
 * so that sync does not send the same ops back into that folder. */
cb_status cb_sync_import(struct cb_db *db, struct cb_bundle *b, const char *source,
			 struct cb_import_result *r);

/* Apply n checked bundles (a plain import) in one transaction: every one
 * or, on failure, none (r[0..n) zeroed). r has room for n results. */
cb_status cb_sync_import_all(struct cb_db *db, struct cb_bundle *const *b, size_t n,
			     struct cb_import_result *r);

/* Is this laptop's clock far behind the newest clock it has seen? Then
 * *newest_ms gets that clock's time. */
bool cb_sync_clock_behind(struct cb_db *db, int64_t now_ms, int64_t *newest_ms);

/* --- folder sync ----------------------------------------------------------- */

enum cb_sync_event_kind {
	CB_SYNC_IMPORTED,   /* a bundle brought ops (r filled) */
	CB_SYNC_KNOWN,      /* a bundle imported before (by digest) */
	CB_SYNC_REJECTED,   /* st CB_INVALID with why, or another failure */
	CB_SYNC_EXPORTED,   /* name written with n ops */
};

struct cb_sync_event {
	enum cb_sync_event_kind kind;
	const char *name;             /* path relative to the folder */
	cb_status st;
	int err;                      /* errno for CB_IO */
	struct cb_bundle_why why;
	const struct cb_bundle_manifest *m;
	struct cb_import_result r;
	int64_t exported_ops;
};

typedef void (*cb_sync_event_fn)(const struct cb_sync_event *ev, void *arg);

struct cb_sync_summary {
	int files_imported, files_known, files_rejected;
	int64_t new_ops, known_ops, conflicts, future_ops;
	int64_t exported_ops;         /* 0: nothing new, no file written */
};

/* Import every bundle under dir (dir/LABEL/NAME.cambouis, and any
 * dir/NAME.cambouis) not read before, skipping names that start with '.'
 * (temporary files) and other suffixes; then export this laptop's new ops
 * to dir/<site label>/<UTC time>-<digest>.cambouis. A rejected file is
 * reported and skipped, and read again next time. CB_INVALID when the site
 * has no label, CB_NOT_FOUND when dir is not a folder, CB_DEMO (nothing
 * read or written) when db is a demo database (cb_db_is_demo) and flags
 * lack CB_SYNC_FORCE_DEMO: invented people must not reach every laptop. */
#define CB_SYNC_FORCE_DEMO 1u
cb_status cb_sync_dir(struct cb_db *db, const char *dir, const struct cb_bundle_limits *lim,
		      unsigned flags, cb_sync_event_fn fn, void *arg, struct cb_sync_summary *s);

/* --- what the Sync screen shows (sync-status.c) ------------------------------ */

/* Another laptop this one knows of: from its ops or its bundles. */
struct cb_sync_peer {
	struct cb_id site;
	char *label;              /* its site label, or its site's first 8 hex digits */
	bool label_known;         /* a bundle from it told its label */
	int64_t last_import_ms;   /* when its last bundle was imported here; 0: none
				   * came directly (its changes came relayed) */
	int64_t last_created_ms;  /* when that bundle was made */
	int64_t bundles;          /* its bundles imported here */
	int64_t received;         /* new changes those bundles brought (own and relayed) */
	int64_t max_seq;          /* the highest seq of its own changes known here */
};

struct cb_sync_overview {
	struct cb_id site;
	char *label;              /* "" when this laptop has none yet */
	int64_t pending;          /* local changes not exported yet */
	int64_t last_export_ms;   /* 0: never */
	int64_t last_sync_ms;     /* last folder sync; 0: never */
	int64_t conflicts;        /* open conflicts to review */
	struct cb_sync_peer *peers; /* by label */
	size_t npeers;
};

/* Fill o; free with cb_sync_overview_free(). */
cb_status cb_sync_overview(struct cb_db *db, struct cb_sync_overview *o);
void cb_sync_overview_free(struct cb_sync_overview *o);

#endif
