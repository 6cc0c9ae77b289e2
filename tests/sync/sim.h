/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef TESTS_SYNC_SIM_H
#define TESTS_SYNC_SIM_H

#include <stddef.h>
#include <stdint.h>

struct sim_stats {
	int64_t edits, ops, bundles, imports, rejected, lost, conflicts, erasures;
};

/* Run one simulation; 0 when every laptop converged, else -1 with the
 * reason in err. The same seed always plays the same game. */
int sim_run(uint64_t seed, int laptops, int edits, struct sim_stats *stats,
	    char *err, size_t errlen);

#endif
