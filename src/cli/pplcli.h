/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_PPLCLI_H
#define CAMBOUIS_PPLCLI_H

/* Helpers shared by the people's command files (people.c, pairing.c) only. */

#include "cambouis/people.h"
#include "cli.h"

/* Find the person the user means. Prints why not (an ambiguous name lists
 * the candidates and gives EXIT_USAGE) and returns the exit code, or -1. */
int pplcli_person(struct cli *c, const char *key, struct cb_id *id);

/* The session of --session DATE, or today's session when date is NULL.
 * Prints why not and returns the exit code, or -1. */
int pplcli_session(struct cli *c, const char *date, struct cb_id *id, char out_date[11]);

/* Print a filled table (frees it); ok false means building it failed. */
int pplcli_print(struct cli_table *t, bool ok, enum cli_format fmt);

/* "learner, mentor" from role bits (translated when label). */
void pplcli_roles(unsigned roles, bool label, char *out, size_t size);

#endif
