/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Putting a finished bundle in place safely: no SQLite here, only files. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cambouis/bundle.h"

/* --- publishing a file -------------------------------------------------------- */

static cb_status
errno_status(void)
{
	return errno == ENOSPC || errno == EDQUOT ? CB_FULL : CB_IO;
}

static void
fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	/* some file systems cannot sync a folder: the rename is as safe as
	 * they allow */
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

cb_status
cb_bundle_publish(const char *path, const void *data, size_t size, bool no_replace)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	size_t dirlen = slash ? (size_t)(slash - path) : 0;
	char *dir, *tmp;
	const unsigned char *p = data;
	size_t left = size;
	cb_status st = CB_OK;
	int fd, e;

	if (!*base)
		return CB_INVALID;
	if (!(dir = malloc(dirlen + 2)) || !(tmp = malloc(dirlen + strlen(base) + 20))) {
		free(dir);
		return CB_NOMEM;
	}
	if (slash) {
		memcpy(dir, path, dirlen ? dirlen : 1);
		dir[dirlen ? dirlen : 1] = '\0';
		sprintf(tmp, "%.*s/.%s.tmp-XXXXXX", (int)dirlen, path, base);
	} else {
		strcpy(dir, ".");
		sprintf(tmp, ".%s.tmp-XXXXXX", base);
	}
	if ((fd = mkstemp(tmp)) < 0) {
		st = errno_status();
		goto out;
	}
	if (fchmod(fd, 0600) != 0)
		goto failed;
	while (left) {
		ssize_t w = write(fd, p, left);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto failed;
		p += w;
		left -= (size_t)w;
	}
	if (fsync(fd) != 0)
		goto failed;
	if (close(fd) != 0) {
		fd = -1;
		goto failed;
	}
	fd = -1;
	if (no_replace) {
		/* link() never replaces; file systems without links (FAT
		 * sticks) fall back to a rename after checking */
		if (link(tmp, path) == 0 || errno == EEXIST) {
			unlink(tmp);
		} else if (access(path, F_OK) == 0) {
			unlink(tmp);
		} else if (rename(tmp, path) != 0) {
			goto failed;
		}
	} else if (rename(tmp, path) != 0) {
		goto failed;
	}
	fsync_dir(dir);
	goto out;
failed:
	e = errno;
	st = errno_status();
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	errno = e;
out:
	free(dir);
	free(tmp);
	return st;
}
