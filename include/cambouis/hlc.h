/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_HLC_H
#define CAMBOUIS_HLC_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Hybrid logical clock: (wall-clock ms << 16) | counter. Pure functions, so
 * they are trivially testable; the op log keeps the last value.
 *
 * A clock never goes backwards: when the wall clock jumps back, or 65536
 * events happen within one millisecond, the value still grows by one (the
 * counter carries into the millisecond part, which is harmless: the ms part
 * only orders, it is never shown as a date).
 *
 * The horizon: no valid op has a clock beyond CB_HLC_MAX, the last value of
 * the year 2199 (the end of the supported date range). It is a constant, so
 * judging an op by it is a pure function of the op: every laptop refuses
 * the same ops. A local clock that reaches it stays there (saturates):
 * local ops are still made, stamped CB_HLC_MAX, and order among
 * themselves and with others by (site, op_id). So no op anyone can send
 * stops local writes.
 */
#define CB_HLC_COUNTER_BITS 16
/* 2200-01-01T00:00:00Z, the first millisecond past the horizon */
#define CB_HLC_HORIZON_MS INT64_C(7258118400000)
#define CB_HLC_MAX (((uint64_t)CB_HLC_HORIZON_MS << CB_HLC_COUNTER_BITS) - 1)

/* The next local value after last, given the wall clock in ms: above last
 * unless last is at the horizon, and never beyond CB_HLC_MAX. */
uint64_t cb_hlc_tick(uint64_t last, int64_t wall_ms);

/* The value after observing a remote clock: never below either (a value
 * beyond the horizon counts as CB_HLC_MAX). */
uint64_t cb_hlc_observe(uint64_t last, uint64_t remote);

/* Is hlc within the horizon (1 to CB_HLC_MAX)? */
bool cb_hlc_valid(uint64_t hlc);

/* The millisecond part of a value. */
int64_t cb_hlc_ms(uint64_t hlc);

#endif
