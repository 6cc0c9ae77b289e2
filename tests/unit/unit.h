/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_TESTS_UNIT_H
#define CAMBOUIS_TESTS_UNIT_H

/*
 * Helpers shared by the Check suites. Each test binary links the core
 * library alone, so a suite that builds proves the core never needs curses.
 */

#include <check.h>
#include <stddef.h>
#include <stdint.h>

#include "cambouis/db.h"
#include "cambouis/oplog.h"

/* 2026-03-01T18:00:00Z: the date the suites pin the clock to. */
#define UNIT_NOW_MS INT64_C(1772388000000)

/* A fresh private database; fails the test when it cannot be opened. */
struct cb_db *unit_db_memory(void);

/* A new directory under $TMPDIR (or /tmp), mode 0700; free with
 * unit_tmpdir_remove(), which also deletes everything inside it. */
char *unit_tmpdir(void);
void unit_tmpdir_remove(char *dir);

/* dir/name, malloc'ed. */
char *unit_path(const char *dir, const char *name);

/* Write len bytes to path (created 0600 or truncated). */
void unit_write_file(const char *path, const void *data, size_t len);

/* Copy a file byte for byte into a new file (a new inode). */
void unit_copy_file(const char *from, const char *to);

/* cb_oplog_dump_tables() that fails the test on error; caller frees. */
char *unit_dump(struct cb_db *db);

/* Apply ops[0..n) in one transaction, failing the test on error. */
void unit_apply(struct cb_db *db, const struct cb_op *ops, size_t n);

/* A valid CB_OP_SET op on a venue field, from site, with a fresh op id. */
struct cb_op unit_op(const struct cb_id *site, int64_t seq, uint64_t hlc,
		     const struct cb_id *row, int field, struct cb_value value);

/* An id whose bytes are all b (handy for ordering sites in tests). */
struct cb_id unit_id_fill(unsigned char b);

/* Run the suite; returns the process exit status. */
int unit_run(Suite *s);

#endif
