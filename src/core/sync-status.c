/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The state of sync for the Sync screen: this laptop, the laptops it
 * knows of and their last bundles. Reads only. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/oplog.h"
#include "cambouis/review.h"
#include "cambouis/sync.h"
#include "cambouis/text.h"

/* One seek per site on the (site, seq) index, however long the log. */
static const char SQL_NEXT_SITE[] =
	"SELECT site FROM ops WHERE site > ?1 ORDER BY site LIMIT 1";
static const char SQL_SITE_MAX_SEQ[] = "SELECT max(seq) FROM ops WHERE site = ?1";
static const char SQL_ORIGINS[] = "SELECT DISTINCT origin_site FROM sync_imports";
static const char SQL_LAST_BUNDLE[] =
	"SELECT origin_label, imported_ms, created_ms FROM sync_imports WHERE origin_site = ?1"
	" ORDER BY imported_ms DESC, created_ms DESC LIMIT 1";
static const char SQL_RECEIVED[] =
	"SELECT count(*), coalesce(sum(new_count), 0) FROM sync_imports WHERE origin_site = ?1";
static const char SQL_META_INT[] = "SELECT value FROM meta WHERE key = ?1";

void
cb_sync_overview_free(struct cb_sync_overview *o)
{
	for (size_t i = 0; i < o->npeers; i++)
		free(o->peers[i].label);
	free(o->peers);
	free(o->label);
	memset(o, 0, sizeof *o);
}

static cb_status
meta_int(struct cb_db *db, const char *key, int64_t *out)
{
	struct cb_stmt *st;
	cb_status rc = cb_db_prepare(db, SQL_META_INT, &st);

	*out = 0;
	if (rc != CB_OK)
		return rc;
	cb_stmt_bind_text(st, 1, key);
	rc = cb_stmt_step(st);
	if (rc == CB_ROW) {
		*out = cb_stmt_int(st, 0);
		cb_stmt_reset(st);
		return CB_OK;
	}
	return rc == CB_DONE ? CB_OK : rc;
}

static cb_status
add_site(struct cb_sync_overview *o, size_t *cap, const struct cb_id *site)
{
	for (size_t i = 0; i < o->npeers; i++)
		if (cb_id_cmp(&o->peers[i].site, site) == 0)
			return CB_OK;
	if (o->npeers == *cap) {
		size_t ncap = *cap ? *cap * 2 : 8;
		struct cb_sync_peer *g = realloc(o->peers, ncap * sizeof *g);
		if (!g)
			return CB_NOMEM;
		o->peers = g;
		*cap = ncap;
	}
	memset(&o->peers[o->npeers], 0, sizeof o->peers[0]);
	o->peers[o->npeers++].site = *site;
	return CB_OK;
}

/* Every site but ours, from the log and from the bundles' origins. */
static cb_status
collect_sites(struct cb_db *db, struct cb_sync_overview *o)
{
	struct cb_stmt *st;
	struct cb_id site;
	size_t cap = 0;
	cb_status rc;

	memset(&site, 0, sizeof site);
	for (;;) {
		if ((rc = cb_db_prepare(db, SQL_NEXT_SITE, &st)) != CB_OK)
			return rc;
		cb_stmt_bind_id(st, 1, &site);
		rc = cb_stmt_step(st);
		if (rc == CB_DONE)
			break;
		if (rc != CB_ROW)
			return rc;
		cb_stmt_id(st, 0, &site);
		cb_stmt_reset(st);
		if (cb_id_cmp(&site, &o->site) != 0 && (rc = add_site(o, &cap, &site)) != CB_OK)
			return rc;
	}
	if ((rc = cb_db_prepare(db, SQL_ORIGINS, &st)) != CB_OK)
		return rc;
	while ((rc = cb_stmt_step(st)) == CB_ROW) {
		cb_stmt_id(st, 0, &site);
		if (cb_id_cmp(&site, &o->site) != 0 && (rc = add_site(o, &cap, &site)) != CB_OK) {
			cb_stmt_reset(st);
			return rc;
		}
	}
	return rc == CB_DONE ? CB_OK : rc;
}

static cb_status
fill_peer(struct cb_db *db, struct cb_sync_peer *p)
{
	struct cb_stmt *st;
	cb_status rc;

	if ((rc = cb_db_prepare(db, SQL_SITE_MAX_SEQ, &st)) != CB_OK)
		return rc;
	cb_stmt_bind_id(st, 1, &p->site);
	if ((rc = cb_stmt_step(st)) == CB_ROW) {
		p->max_seq = cb_stmt_int(st, 0);
		cb_stmt_reset(st);
	} else if (rc != CB_DONE) {
		return rc;
	}
	if ((rc = cb_db_prepare(db, SQL_LAST_BUNDLE, &st)) != CB_OK)
		return rc;
	cb_stmt_bind_id(st, 1, &p->site);
	if ((rc = cb_stmt_step(st)) == CB_ROW) {
		p->label = strdup(cb_stmt_text(st, 0));
		p->label_known = true;
		p->last_import_ms = cb_stmt_int(st, 1);
		p->last_created_ms = cb_stmt_int(st, 2);
		cb_stmt_reset(st);
	} else if (rc != CB_DONE) {
		return rc;
	} else {
		char hex[CB_ID_HEX_LEN + 1];
		cb_id_to_hex(&p->site, hex);
		hex[8] = '\0';
		p->label = strdup(hex);
	}
	if (!p->label)
		return CB_NOMEM;
	if ((rc = cb_db_prepare(db, SQL_RECEIVED, &st)) != CB_OK)
		return rc;
	cb_stmt_bind_id(st, 1, &p->site);
	if ((rc = cb_stmt_step(st)) != CB_ROW)
		return rc == CB_DONE ? CB_DB_ERROR : rc;
	p->bundles = cb_stmt_int(st, 0);
	p->received = cb_stmt_int(st, 1);
	cb_stmt_reset(st);
	return CB_OK;
}

static int
peer_cmp(const void *a, const void *b)
{
	const struct cb_sync_peer *x = a, *y = b;
	/* named laptops first, then those only known by their id */
	if (x->label_known != y->label_known)
		return x->label_known ? -1 : 1;
	return cb_text_collate(x->label, y->label);
}

cb_status
cb_sync_overview(struct cb_db *db, struct cb_sync_overview *o)
{
	cb_status rc;

	memset(o, 0, sizeof *o);
	o->site = *cb_db_site(db);
	if (!(o->label = strdup(cb_db_site_label(db))))
		return CB_NOMEM;
	if ((rc = cb_oplog_pending(db, &o->pending)) != CB_OK ||
	    (rc = meta_int(db, "exported_ms", &o->last_export_ms)) != CB_OK ||
	    (rc = meta_int(db, "synced_ms", &o->last_sync_ms)) != CB_OK ||
	    (rc = cb_review_count(db, &o->conflicts)) != CB_OK ||
	    (rc = collect_sites(db, o)) != CB_OK)
		goto failed;
	for (size_t i = 0; i < o->npeers; i++)
		if ((rc = fill_peer(db, &o->peers[i])) != CB_OK)
			goto failed;
	if (o->npeers > 1)
		qsort(o->peers, o->npeers, sizeof *o->peers, peer_cmp);
	return CB_OK;
failed:
	cb_sync_overview_free(o);
	return rc;
}
