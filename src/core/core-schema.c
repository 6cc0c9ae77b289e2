/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The op log's and sync's own tables: no materialised table, only their
 * migrations (the numbers are the schema versions: never edit one that
 * has shipped; a new one takes the next free number, in any module). */
#include "config.h"

#include "schema-private.h"

static const struct cb_migration migrations[] = {
	/* 1: the op log and its bookkeeping */
	{1,
	 "CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;"
	 "CREATE TABLE ops("
	 "  op_id BLOB PRIMARY KEY CHECK(length(op_id) = 16),"
	 "  site  BLOB NOT NULL CHECK(length(site) = 16),"
	 "  seq   INTEGER NOT NULL,"
	 "  hlc   INTEGER NOT NULL,"
	 "  kind  INTEGER NOT NULL,"
	 "  tbl   INTEGER NOT NULL,"
	 "  row   BLOB NOT NULL CHECK(length(row) = 16),"
	 "  field INTEGER NOT NULL,"
	 "  value,"
	 "  UNIQUE(site, seq)) WITHOUT ROWID;"
	 "CREATE INDEX ops_hlc ON ops(hlc);"
	 "CREATE INDEX ops_target ON ops(tbl, row, field);"
	/* the winning op of every field: last writer wins by (hlc, site, op_id) */
	 "CREATE TABLE clocks("
	 "  tbl INTEGER NOT NULL, row BLOB NOT NULL, field INTEGER NOT NULL,"
	 "  hlc INTEGER NOT NULL, site BLOB NOT NULL, op_id BLOB NOT NULL,"
	 "  PRIMARY KEY(tbl, row, field)) WITHOUT ROWID;"},

	/* 4: sync: the order in which ops arrived here, so an export
	 * can take "every op not exported before", own and relayed; the
	 * bundles imported (remembered by digest); how far each destination
	 * has been exported; and which files of a sync folder were read. */
	{4,
	 "CREATE TABLE arrivals(n INTEGER PRIMARY KEY, op_id BLOB NOT NULL);"
	 "INSERT INTO arrivals(op_id) SELECT op_id FROM ops ORDER BY hlc, site, op_id;"
	 "CREATE TABLE sync_imports("
	 "  digest BLOB PRIMARY KEY CHECK(length(digest) = 32),"
	 "  origin_site BLOB NOT NULL, origin_label TEXT NOT NULL,"
	 "  created_ms INTEGER NOT NULL, imported_ms INTEGER NOT NULL,"
	 "  op_count INTEGER NOT NULL, new_count INTEGER NOT NULL,"
	 "  conflicts INTEGER NOT NULL,"
	 "  first_n INTEGER, last_n INTEGER," /* arrivals this import added */
	 "  source TEXT) WITHOUT ROWID;"      /* the sync folder, NULL for import */
	 "CREATE INDEX sync_imports_origin ON sync_imports(origin_site, imported_ms);"
	 "CREATE TABLE sync_marks(dest TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;"
	 "CREATE TABLE sync_files("
	 "  dir TEXT NOT NULL, name TEXT NOT NULL, size INTEGER NOT NULL,"
	 "  digest BLOB NOT NULL, PRIMARY KEY(dir, name)) WITHOUT ROWID;"},

	/* 5: conflicts to review: an imported op and the value it met for
	 * the same field, both kept in the log (winner: the op the field
	 * shows). Local bookkeeping, not a projection of the ops: rebuild
	 * leaves it alone and it never travels. */
	{5,
	 "CREATE TABLE sync_conflicts("
	 "  id INTEGER PRIMARY KEY,"
	 "  tbl INTEGER NOT NULL, row BLOB NOT NULL, field INTEGER NOT NULL,"
	 "  winner BLOB NOT NULL, loser BLOB NOT NULL,"
	 "  found_ms INTEGER NOT NULL,"
	 "  resolved INTEGER NOT NULL DEFAULT 0,"
	 "  UNIQUE(winner, loser));"
	 "CREATE INDEX sync_conflicts_open ON sync_conflicts(resolved, found_ms);"},

	/* 7: erasure (privacy.c): the rows that are gone because a person
	 * was forgotten (the person's own row under tbl 20 too), with the
	 * person they belonged to. A projection of the ops: rebuild
	 * empties it and the replay fills it again. */
	{7,
	 "CREATE TABLE erased("
	 "  tbl INTEGER NOT NULL, row BLOB NOT NULL, person BLOB NOT NULL,"
	 "  PRIMARY KEY(tbl, row, person)) WITHOUT ROWID;"
	 "CREATE INDEX erased_person ON erased(person);"},

	/* 10: the op log keeps the order ops arrived in as its row number
	 * (an export sends what arrived after its mark), which the arrivals
	 * table kept beside it at one more B-tree write per op. Ops are never
	 * deleted (erasure blanks values), so a row number is never reused.
	 * The winner of a field is the head of its ops in ops_target; the
	 * clocks table copied that at one more write per op too. */
	{10,
	 "CREATE TABLE ops_by_arrival("
	 "  n     INTEGER PRIMARY KEY,"
	 "  op_id BLOB NOT NULL UNIQUE CHECK(length(op_id) = 16),"
	 "  site  BLOB NOT NULL CHECK(length(site) = 16),"
	 "  seq   INTEGER NOT NULL,"
	 "  hlc   INTEGER NOT NULL,"
	 "  kind  INTEGER NOT NULL,"
	 "  tbl   INTEGER NOT NULL,"
	 "  row   BLOB NOT NULL CHECK(length(row) = 16),"
	 "  field INTEGER NOT NULL,"
	 "  value,"
	 "  UNIQUE(site, seq));"
	 "INSERT OR IGNORE INTO ops_by_arrival"
	 "  SELECT a.n, o.op_id, o.site, o.seq, o.hlc, o.kind, o.tbl, o.row, o.field, o.value"
	 "  FROM arrivals a JOIN ops o ON o.op_id = a.op_id ORDER BY a.n;"
	 "INSERT OR IGNORE INTO ops_by_arrival(op_id, site, seq, hlc, kind, tbl, row, field, value)"
	 "  SELECT op_id, site, seq, hlc, kind, tbl, row, field, value FROM ops"
	 "  WHERE op_id NOT IN (SELECT op_id FROM arrivals) ORDER BY hlc, site, op_id;"
	 "DROP TABLE ops;"
	 "DROP TABLE arrivals;"
	 "DROP TABLE clocks;"
	 "ALTER TABLE ops_by_arrival RENAME TO ops;"
	 "CREATE INDEX ops_hlc ON ops(hlc);"
	 "CREATE INDEX ops_target ON ops(tbl, row, field, hlc, site, op_id);"
	/* what came in from a sync folder, by where its ops start */
	 "CREATE INDEX sync_imports_source ON sync_imports(source, first_n);"},
};

const struct cb_schema_module cb_core_schema = {
	"core", NULL, 0, NULL, 0, migrations, CB_COUNT(migrations),
};
