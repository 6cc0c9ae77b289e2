/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replay the fuzz corpus through the fuzz target without libFuzzer: each
 * file given (or each file of $top_srcdir/tests/fuzz/corpus) once. */
#include "config.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t n = 0, cap = 0, got;

	if (!f) {
		perror(path);
		return 1;
	}
	do {
		if (n == cap) {
			unsigned char *p = realloc(buf, cap = cap ? cap * 2 : 65536);
			if (!p) {
				fclose(f);
				free(buf);
				return 1;
			}
			buf = p;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	LLVMFuzzerTestOneInput(buf, n);
	free(buf);
	return 0;
}

int
main(int argc, char **argv)
{
	const char *top = getenv("top_srcdir");
	char dir[4096], path[8192];
	struct dirent *e;
	int files = 0, failed = 0;
	DIR *d;

	if (argc > 1) {
		for (int i = 1; i < argc; i++, files++)
			failed |= run_file(argv[i]);
		printf("%d files replayed\n", files);
		return failed;
	}
	snprintf(dir, sizeof dir, "%s/tests/fuzz/corpus", top ? top : ".");
	if (!(d = opendir(dir))) {
		perror(dir);
		return 99;
	}
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		failed |= run_file(path);
		files++;
	}
	closedir(d);
	printf("%d corpus files replayed\n", files);
	return failed || files == 0;
}
