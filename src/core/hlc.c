/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cambouis/hlc.h"

uint64_t
cb_hlc_tick(uint64_t last, int64_t wall_ms)
{
	uint64_t wall;

	if (wall_ms <= 0)
		wall = 0;
	else if (wall_ms >= CB_HLC_HORIZON_MS)
		wall = CB_HLC_MAX; /* a wall clock past 2199 (and no shift overflow) */
	else
		wall = (uint64_t)wall_ms << CB_HLC_COUNTER_BITS;
	/* a clock at the horizon stays there rather than leave the valid range */
	if (last >= CB_HLC_MAX)
		return CB_HLC_MAX;
	/* last + 1 carries from the counter into the ms part on overflow, so
	 * the value keeps growing even within one millisecond. */
	return wall > last ? wall : last + 1;
}

uint64_t
cb_hlc_observe(uint64_t last, uint64_t remote)
{
	uint64_t v = remote > last ? remote : last;

	return v > CB_HLC_MAX ? CB_HLC_MAX : v;
}

bool
cb_hlc_valid(uint64_t hlc)
{
	return hlc >= 1 && hlc <= CB_HLC_MAX;
}

int64_t
cb_hlc_ms(uint64_t hlc)
{
	return (int64_t)(hlc >> CB_HLC_COUNTER_BITS);
}
