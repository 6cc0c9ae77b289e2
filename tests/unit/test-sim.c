/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The multi-laptop simulation over many seeds (tests/sync/sim.c).
 * SIM_SEEDS=N runs N seeds per laptop count (default 12), SIM_EDITS the
 * edits per run (default 1500), SIM_SEED=S replays one seed. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "../sync/sim.h"

static long
env(const char *name, long def)
{
	const char *v = getenv(name);
	return v && *v ? strtol(v, NULL, 10) : def;
}

int
main(void)
{
	static const int sizes[] = {3, 5};
	long seeds = env("SIM_SEEDS", 12), edits = env("SIM_EDITS", 1500);
	long only = env("SIM_SEED", -1);
	int failed = 0, runs = 0;
	struct sim_stats total = {0};

	for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
		for (long i = 0; i < seeds; i++) {
			uint64_t seed = only >= 0 ? (uint64_t)only : (uint64_t)(1000 * sizes[k] + i);
			struct sim_stats st;
			char err[512];

			runs++;
			if (sim_run(seed, sizes[k], (int)edits, &st, err, sizeof err) != 0) {
				printf("FAIL: seed %" PRIu64 " with %d laptops: %s\n"
				       "  replay: SIM_SEED=%" PRIu64 " tests/unit/test-sim\n",
				       seed, sizes[k], err, seed);
				failed++;
				continue;
			}
			total.edits += st.edits;
			total.bundles += st.bundles;
			total.imports += st.imports;
			total.rejected += st.rejected;
			total.lost += st.lost;
			total.conflicts += st.conflicts;
			total.erasures += st.erasures;
			if (only >= 0)
				break;
		}
	}
	printf("%d runs, %d failed: %lld edits, %lld bundles, %lld imports, %lld corrupted copies"
	       " rejected, %lld lost, %lld conflicts, %lld erasures\n", runs, failed,
	       (long long)total.edits, (long long)total.bundles, (long long)total.imports,
	       (long long)total.rejected, (long long)total.lost, (long long)total.conflicts,
	       (long long)total.erasures);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
