/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_SCHEMA_PRIVATE_H
#define CAMBOUIS_SCHEMA_PRIVATE_H

/* The modules of the schema registry (src/core/schema.c), each declared
 * in its own src/core/<module>-schema.c. */

#include "cambouis/schema.h"

extern const struct cb_schema_module cb_core_schema;     /* core-schema.c */
extern const struct cb_schema_module cb_venue_schema;    /* venue-schema.c */
extern const struct cb_schema_module cb_calendar_schema; /* calendar-schema.c */
extern const struct cb_schema_module cb_people_schema;   /* people-schema.c */

/* The fields of table within mod (NULL, 0 when it has none). */
const struct cb_field_def *cb_module_table_fields(const struct cb_schema_module *mod, int table,
						  size_t *count);

/* asprintf that returns the string, or NULL without memory. */
char *cb_schema_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define CB_COUNT(a) (sizeof (a) / sizeof (a)[0])

#endif
