/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_HLC_H
#define CAMBOUIS_HLC_H

#include <stdint.h>

/*
 * Hybrid logical clock: (wall-clock ms << 16) | counter. Pure functions, so
 * they are trivially testable; the op log keeps the last value.
 *
 * A clock never goes backwards: when the wall clock jumps back, or 65536
 * events happen within one millisecond, the value still grows by one (the
 * counter carries into the millisecond part, which is harmless: the ms part
 * only orders, it is never shown as a date).
 */
#define CB_HLC_COUNTER_BITS 16

/* The next local value after last, given the wall clock in ms. */
uint64_t cb_hlc_tick(uint64_t last, int64_t wall_ms);

/* The value after observing a remote clock: never below either. */
uint64_t cb_hlc_observe(uint64_t last, uint64_t remote);

/* The millisecond part of a value. */
int64_t cb_hlc_ms(uint64_t hlc);

#endif
