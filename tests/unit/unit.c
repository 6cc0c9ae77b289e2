/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"

struct cb_db *
unit_db_memory(void)
{
	struct cb_db *db = NULL;
	char detail[256];
	cb_status st = cb_db_open(":memory:", CB_OPEN_CREATE, &db, detail, sizeof detail);

	ck_assert_msg(st == CB_OK, "open :memory: gave %s (%s)", cb_status_name(st), detail);
	ck_assert_ptr_nonnull(db);
	return db;
}

char *
unit_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *dir;

	if (!base || !*base)
		base = "/tmp";
	ck_assert_int_gt(asprintf(&dir, "%s/cambouis-unit-XXXXXX", base), 0);
	ck_assert_msg(mkdtemp(dir) != NULL, "mkdtemp %s failed", dir);
	return dir;
}

static int
remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void
unit_tmpdir_remove(char *dir)
{
	if (!dir)
		return;
	nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	free(dir);
}

char *
unit_path(const char *dir, const char *name)
{
	char *p;

	ck_assert_int_gt(asprintf(&p, "%s/%s", dir, name), 0);
	return p;
}

void
unit_write_file(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	ck_assert_msg(fd >= 0, "cannot create %s", path);
	ck_assert_int_eq(write(fd, data, len), (ssize_t)len);
	ck_assert_int_eq(close(fd), 0);
}

void
unit_copy_file(const char *from, const char *to)
{
	char buf[65536];
	ssize_t n;
	int in = open(from, O_RDONLY | O_CLOEXEC);
	int out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	ck_assert_msg(in >= 0 && out >= 0, "cannot copy %s to %s", from, to);
	while ((n = read(in, buf, sizeof buf)) > 0)
		ck_assert_int_eq(write(out, buf, (size_t)n), n);
	ck_assert_int_eq(n, 0);
	close(in);
	ck_assert_int_eq(close(out), 0);
}

char *
unit_dump(struct cb_db *db)
{
	char *out = NULL;
	cb_status st = cb_oplog_dump_tables(db, &out);

	ck_assert_msg(st == CB_OK, "dump gave %s", cb_status_name(st));
	ck_assert_ptr_nonnull(out);
	return out;
}

void
unit_apply(struct cb_db *db, const struct cb_op *ops, size_t n)
{
	ck_assert_int_eq(cb_db_begin(db), CB_OK);
	for (size_t i = 0; i < n; i++) {
		cb_status st = cb_oplog_apply(db, &ops[i], NULL);
		ck_assert_msg(st == CB_OK, "apply op %zu gave %s", i, cb_status_name(st));
	}
	ck_assert_int_eq(cb_db_commit(db), CB_OK);
}

struct cb_op
unit_op(const struct cb_id *site, int64_t seq, uint64_t hlc, const struct cb_id *row,
	int field, struct cb_value value)
{
	struct cb_op op;

	memset(&op, 0, sizeof op);
	ck_assert_int_eq(cb_id_new(&op.op_id, (int64_t)(hlc >> 16)), CB_OK);
	op.site = *site;
	op.seq = seq;
	op.hlc = hlc;
	op.kind = CB_OP_SET;
	op.table = CB_T_VENUE;
	op.row = *row;
	op.field = field;
	op.value = value;
	return op;
}

struct cb_id
unit_id_fill(unsigned char b)
{
	struct cb_id id;

	memset(id.b, b, sizeof id.b);
	return id;
}

int
unit_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
