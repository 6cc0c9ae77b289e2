/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_DEMO_H
#define CAMBOUIS_DEMO_H

#include <stdint.h>
#include "cambouis/db.h"

/*
 * Realistic, reproducible demo data (DOMAIN.md), made through the same core
 * functions a volunteer's actions use. Each module adds its part here.
 */
enum cb_demo_scale {
	CB_DEMO_SMALL, /* a few weeks of a small workshop */
	CB_DEMO_YEAR,  /* one year */
	CB_DEMO_5Y,    /* five years of a large workshop (benchmarks) */
};

/* Parse "small", "year" or "5y". */
cb_status cb_demo_scale_parse(const char *s, enum cb_demo_scale *out);

/* Fill db (one transaction) and mark it as a demo database
 * (cb_db_is_demo). The same seed gives the same content. */
cb_status cb_demo_fill(struct cb_db *db, enum cb_demo_scale scale, uint64_t seed);

#endif
