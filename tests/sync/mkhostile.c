/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Write the hostile-bundle corpus (tests/sync/hostile.c) into a folder:
 * NAME.cambouis for each case and expect.tsv with, per line, the file, the
 * expected message ("OK", "ANY", "ANY_OR_SAME" or the reason's text) and
 * 1 when the bundle's clocks must be flagged as future. With "semantic",
 * only the bundles of valid digests and invalid meanings, as kept in
 * tests/data/semantic (make regen-semantic). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/bundle.h"
#include "hostile.h"

struct out {
	const char *dir;
	FILE *expect;
	int failed;
};

static void
write_case(struct hostile *h, const struct hostile_base *base, void *arg)
{
	struct out *o = arg;
	char path[4096];
	FILE *f;
	(void)base;

	if (h->max_bytes) { /* the command line reads with the default cap */
		free(h->data);
		return;
	}
	snprintf(path, sizeof path, "%s/%s.cambouis", o->dir, h->name);
	if (!(f = fopen(path, "wb")) || (h->size && fwrite(h->data, 1, h->size, f) != h->size) ||
	    fclose(f) != 0) {
		perror(path);
		o->failed = 1;
	}
	fprintf(o->expect, "%s.cambouis\t%s\t%d\n", h->name,
		h->expect == CB_BUNDLE_NONE ? "OK" : h->expect == HOSTILE_ANY ? "ANY" :
		h->expect == HOSTILE_ANY_OR_SAME ? "ANY_OR_SAME" :
		cb_bundle_reject_message((enum cb_bundle_reject)h->expect), h->future ? 1 : 0);
	free(h->data);
}

int
main(int argc, char **argv)
{
	struct out o = {0};
	char path[4096];

	if (argc != 2 && !(argc == 3 && strcmp(argv[2], "semantic") == 0)) {
		fprintf(stderr, "usage: mkhostile DIR [semantic]\n");
		return 2;
	}
	o.dir = argv[1];
	snprintf(path, sizeof path, "%s/expect.tsv", o.dir);
	if (!(o.expect = fopen(path, "w"))) {
		perror(path);
		return 1;
	}
	if ((argc == 3 ? hostile_semantic(write_case, &o) : hostile_generate(7, write_case, &o)) != 0)
		o.failed = 1;
	if (fclose(o.expect) != 0)
		o.failed = 1;
	return o.failed;
}
