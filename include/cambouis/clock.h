/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_CLOCK_H
#define CAMBOUIS_CLOCK_H

#include <stdint.h>
#include "cambouis/status.h"

/*
 * The one place the program reads the wall clock. Tests (and the
 * CAMBOUIS_NOW environment variable, read by main) pin it, so every date and
 * every op clock is reproducible.
 */

/* Milliseconds since the Unix epoch: the pinned value if pinned, else now. */
int64_t cb_clock_now_ms(void);

/* Pin the clock to ms (a pinned clock does not move). */
void cb_clock_pin(int64_t ms);

/* Unpin: the clock follows the system clock again. */
void cb_clock_unpin(void);

/* Parse local time "YYYY-MM-DDTHH:MM[:SS]" (or "YYYY-MM-DD HH:MM") into
 * epoch ms. CB_INVALID when malformed or out of range. */
cb_status cb_clock_parse(const char *text, int64_t *ms);

#endif
