/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cambouis/hlc.h"

uint64_t
cb_hlc_tick(uint64_t last, int64_t wall_ms)
{
	uint64_t wall = wall_ms > 0 ? (uint64_t)wall_ms << CB_HLC_COUNTER_BITS : 0;

	/* last + 1 carries from the counter into the ms part on overflow, so
	 * the value keeps growing even within one millisecond. */
	return wall > last ? wall : last + 1;
}

uint64_t
cb_hlc_observe(uint64_t last, uint64_t remote)
{
	return remote > last ? remote : last;
}

int64_t
cb_hlc_ms(uint64_t hlc)
{
	return (int64_t)(hlc >> CB_HLC_COUNTER_BITS);
}
