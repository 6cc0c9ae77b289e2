/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_UI_H
#define CAMBOUIS_UI_H

#include "common/context.h"

/* Run the full-screen interface on c's database; returns an exit code.
 * Without a terminal (and no headless script) it prints a one-line hint
 * and returns EXIT_USAGE. */
int ui_main(struct cli *c);

#endif
