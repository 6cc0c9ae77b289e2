/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target for the bundle reader: any bytes must be rejected cleanly or
 * read and imported without a crash, a leak or undefined behaviour.
 * Built with libFuzzer by 'make fuzz'; its corpus is replayed by make check
 * through tests/fuzz/replay.c. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "cambouis/bundle.h"
#include "cambouis/clock.h"
#include "cambouis/db.h"
#include "cambouis/sync.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cb_bundle_limits lim = {.max_bytes = 1 << 22};
	struct cb_bundle *b;
	struct cb_bundle_why why;
	struct cb_import_result r;
	struct cb_db *db;

	cb_clock_pin(1772384400000LL);
	if (cb_bundle_read_mem(data, size, &lim, &b, &why) != CB_OK)
		return 0;
	/* an accepted bundle must also import, and a second time change nothing */
	if (cb_db_open(":memory:", CB_OPEN_CREATE, &db, NULL, 0) != CB_OK)
		abort();
	if (cb_sync_import(db, b, NULL, &r) != CB_OK)
		abort();
	if (cb_sync_import(db, b, NULL, &r) != CB_OK || !r.already || r.new_ops != 0)
		abort();
	cb_db_close(db);
	cb_bundle_free(b);
	return 0;
}
