/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cambouis/backup.h"
#include "cambouis/paths.h"
#include "cambouis/schema.h"

/* 'CAMB', as db.c sets it */
#define CB_APPLICATION_ID 0x43414D42

static cb_status
errno_status(int e)
{
	switch (e) {
	case ENOSPC:
	case EDQUOT:
	case EFBIG: return CB_FULL;
	case ENOENT: return CB_DB_MISSING;
	case EACCES:
	case EPERM:
	case EROFS: return CB_DB_READONLY;
	case ENOMEM: return CB_NOMEM;
	default: return CB_IO;
	}
}

/* The folder of path, for a temporary name beside it and its fsync. */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

static cb_status
sync_dir(const char *path)
{
	char *dir = dir_of(path);
	int fd;
	cb_status st = CB_OK;

	if (!dir)
		return CB_NOMEM;
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (fd < 0)
		return CB_OK; /* some file systems cannot: the rename stands */
	if (fsync(fd) != 0 && errno != EINVAL)
		st = errno_status(errno);
	close(fd);
	return st;
}

/* An empty file with a new name beside path, mode 0600; *tmp malloc'ed. */
static cb_status
temp_beside(const char *path, char **tmp, int *fd)
{
	char *dir = dir_of(path);
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;

	*tmp = NULL;
	if (!dir)
		return CB_NOMEM;
	if (asprintf(tmp, "%s/.%s.tmp-XXXXXX", dir, base) < 0) {
		free(dir);
		*tmp = NULL;
		return CB_NOMEM;
	}
	free(dir);
	if ((*fd = mkstemp(*tmp)) < 0) {
		cb_status st = errno_status(errno);
		free(*tmp);
		*tmp = NULL;
		return st;
	}
	return CB_OK;
}

static cb_status
sync_close(int fd)
{
	cb_status st = CB_OK;

	if (fchmod(fd, 0600) != 0 || fsync(fd) != 0)
		st = errno_status(errno);
	if (close(fd) != 0 && st == CB_OK)
		st = errno_status(errno);
	return st;
}

static bool
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

static const char SQL_VACUUM_INTO[] = "VACUUM INTO ?1";

cb_status
cb_backup_write(struct cb_db *db, const char *path)
{
	struct cb_stmt *st;
	char *tmp;
	int fd;
	cb_status rc;
	struct stat sb;

	if (same_file(path, cb_db_path(db)))
		return CB_EXISTS;
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode))
		return CB_EXISTS;
	if ((rc = temp_beside(path, &tmp, &fd)) != CB_OK)
		return rc;
	/* VACUUM INTO writes into an empty file: the one mkstemp made */
	if ((rc = cb_db_prepare(db, SQL_VACUUM_INTO, &st)) == CB_OK) {
		cb_stmt_bind_text(st, 1, tmp);
		rc = cb_stmt_step(st);
		if (rc == CB_DONE)
			rc = CB_OK;
	}
	if (rc == CB_OK)
		rc = sync_close(fd);
	else
		close(fd);
	if (rc == CB_OK && rename(tmp, path) != 0)
		rc = errno_status(errno);
	if (rc == CB_OK)
		rc = sync_dir(path);
	else
		unlink(tmp);
	free(tmp);
	return rc;
}

/* --- restore ------------------------------------------------------------- */

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Before SQLite opens it (which, read-write, would turn an empty file
 * into a new empty database): is from a cambouis database at all? Its
 * header says: magic, user_version (offset 60), application_id (68). */
static cb_status
check_header(const char *from, char *detail, size_t len)
{
	unsigned char h[100];
	struct stat sb;
	int fd;
	ssize_t n;

	if (stat(from, &sb) != 0)
		return errno_status(errno);
	if (!S_ISREG(sb.st_mode)) {
		snprintf(detail, len, "not a regular file");
		return CB_DB_FOREIGN;
	}
	if ((fd = open(from, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0)
		return errno_status(errno);
	n = read(fd, h, sizeof h);
	close(fd);
	if (n < 0)
		return CB_IO;
	if (n < (ssize_t)sizeof h || memcmp(h, "SQLite format 3", 16) != 0) {
		snprintf(detail, len, "not an SQLite file");
		return CB_DB_FOREIGN;
	}
	if (be32(h + 68) != CB_APPLICATION_ID) {
		snprintf(detail, len, "application_id %#lx", (unsigned long)be32(h + 68));
		return CB_DB_FOREIGN;
	}
	if (be32(h + 60) == 0) {
		snprintf(detail, len, "no schema");
		return CB_DB_DAMAGED;
	}
	if (be32(h + 60) > (uint32_t)cb_schema_migrations()) {
		snprintf(detail, len, "schema version %lu, this build knows %d",
			 (unsigned long)be32(h + 60), cb_schema_migrations());
		return CB_DB_TOO_NEW;
	}
	return CB_OK;
}

static cb_status
copy_file(const char *from, int to)
{
	char buf[65536];
	int fd = open(from, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	cb_status st = CB_OK;
	ssize_t n;

	if (fd < 0)
		return errno_status(errno);
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			st = errno_status(errno);
			break;
		}
		for (ssize_t o = 0; o < n;) {
			ssize_t w = write(to, buf + o, (size_t)(n - o));
			if (w < 0) {
				if (errno == EINTR)
					continue;
				close(fd);
				return errno_status(errno);
			}
			o += w;
		}
	}
	close(fd);
	return st;
}

/* Open the copy (an older schema is upgraded here) and check it whole. */
static cb_status
check_copy(const char *tmp, char *detail, size_t len)
{
	struct cb_db *db;
	cb_status st = cb_db_open(tmp, CB_OPEN_WRITE, &db, detail, len);

	if (st != CB_OK)
		return st;
	st = cb_db_check(db, detail, len);
	/* the copy goes in place as a file of its own, with no -wal */
	if (st == CB_OK)
		st = cb_db_checkpoint(db);
	cb_db_close(db);
	return st;
}

static const char SQL_JOURNAL_DELETE[] = "PRAGMA journal_mode = DELETE";

/* Take the database from every other program: leaving WAL mode needs the
 * only connection, and an exclusive transaction keeps newcomers waiting
 * until the new file is in place. */
static cb_status
take_live(const char *live, struct cb_db **out, char *detail, size_t len)
{
	struct cb_db *db;
	struct cb_stmt *st;
	cb_status rc;

	*out = NULL;
	rc = cb_db_open(live, CB_OPEN_WRITE, &db, detail, len);
	if (rc == CB_DB_DAMAGED || rc == CB_DB_FOREIGN || rc == CB_DB_TOO_NEW)
		return CB_OK; /* what cannot be opened is set aside as it is */
	if (rc != CB_OK)
		return rc;
	if ((rc = cb_db_prepare(db, SQL_JOURNAL_DELETE, &st)) == CB_OK) {
		rc = cb_stmt_step(st);
		if (rc == CB_ROW) {
			rc = strcmp(cb_stmt_text(st, 0), "delete") == 0 ? CB_OK : CB_DB_LOCKED;
			cb_stmt_reset(st);
		} else if (rc == CB_DONE) {
			rc = CB_DB_ERROR;
		}
	}
	if (rc == CB_OK)
		rc = cb_db_exec(db, "BEGIN EXCLUSIVE");
	if (rc != CB_OK) {
		if (rc == CB_DB_LOCKED)
			snprintf(detail, len, "open in another program");
		cb_db_close(db);
		return rc;
	}
	*out = db;
	return CB_OK;
}

static void
unlink_beside(const char *live, const char *suffix)
{
	char *p;

	if (asprintf(&p, "%s%s", live, suffix) >= 0) {
		unlink(p);
		free(p);
	}
}

cb_status
cb_backup_restore(const char *live, const char *from, int64_t now_ms, char **aside,
		  char *detail, size_t detail_len)
{
	struct cb_db *held = NULL;
	char *tmp = NULL, *kept = NULL, when[32];
	time_t t = (time_t)(now_ms / 1000);
	struct tm tm;
	bool had_live;
	int fd;
	cb_status st;

	if (aside)
		*aside = NULL;
	detail[0] = '\0';
	if (same_file(live, from)) {
		snprintf(detail, detail_len, "it is the database itself");
		return CB_EXISTS;
	}
	if ((st = check_header(from, detail, detail_len)) != CB_OK)
		return st;
	if ((st = cb_paths_make_parent(live)) != CB_OK)
		return st;
	if ((st = temp_beside(live, &tmp, &fd)) != CB_OK)
		return st;
	if ((st = copy_file(from, fd)) == CB_OK)
		st = sync_close(fd);
	else
		close(fd);
	if (st == CB_OK)
		st = check_copy(tmp, detail, detail_len);
	/* the checkpoint may have left an empty -wal and a -shm */
	unlink_beside(tmp, "-wal");
	unlink_beside(tmp, "-shm");
	if (st != CB_OK)
		goto failed;

	had_live = access(live, F_OK) == 0;
	if (had_live) {
		if (!localtime_r(&t, &tm) || strftime(when, sizeof when, "%Y%m%d-%H%M%S", &tm) == 0)
			snprintf(when, sizeof when, "%lld", (long long)t);
		if (asprintf(&kept, "%s.before-restore-%s", live, when) < 0) {
			kept = NULL;
			st = CB_NOMEM;
			goto failed;
		}
		if (access(kept, F_OK) == 0) {
			snprintf(detail, detail_len, "%s exists", kept);
			st = CB_EXISTS;
			goto failed;
		}
		if ((st = take_live(live, &held, detail, detail_len)) != CB_OK)
			goto failed;
		/* the old file stays whole under its new name; the new one
		 * takes the path in one step */
		if (link(live, kept) != 0) {
			st = errno_status(errno);
			goto failed;
		}
	}
	unlink_beside(live, "-wal");
	unlink_beside(live, "-shm");
	if (rename(tmp, live) != 0) {
		st = errno_status(errno);
		if (kept)
			unlink(kept);
		goto failed;
	}
	free(tmp);
	tmp = NULL;
	st = sync_dir(live);
	cb_db_close(held); /* ends the exclusive transaction on the old file */
	if (aside)
		*aside = kept;
	else
		free(kept);
	return st;
failed:
	cb_db_close(held);
	if (tmp)
		unlink(tmp);
	free(tmp);
	free(kept);
	return st;
}
