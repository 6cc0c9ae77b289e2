/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_SCHEMA_PRIVATE_H
#define CAMBOUIS_SCHEMA_PRIVATE_H

/* For the modules' schema files (src/core/NAME-schema.c), each defining
 * const struct cb_schema_module cb_NAME_schema, listed by one line in
 * SCHEMA_MODULES (src/core/schema.c). */

#include "cambouis/schema.h"

/* The fields of table within mod (NULL, 0 when it has none). */
const struct cb_field_def *cb_module_table_fields(const struct cb_schema_module *mod, int table,
						  size_t *count);

/* asprintf that returns the string, or NULL without memory. */
char *cb_schema_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define CB_COUNT(a) (sizeof (a) / sizeof (a)[0])

#endif
