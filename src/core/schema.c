/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cambouis/schema.h"
#include "cambouis/venue.h"

/* The fixed table of what an op may touch. Adding a field: add its code in
 * schema.h, a line here, and a migration for the column. */

static const struct cb_table_def tables[] = {
	{CB_T_VENUE, "venues",
	 "INSERT OR IGNORE INTO venues(id) VALUES(?1)",
	 "DELETE FROM venues",
	 "SELECT hex(id), name, address, commune, capacity, notes, deleted FROM venues ORDER BY id"},
};

static const struct cb_field_def fields[] = {
	{CB_T_VENUE, CB_F_VENUE_NAME, "name", CB_V_TEXT, 1, CB_VENUE_NAME_MAX,
	 "UPDATE venues SET name = ?2 WHERE id = ?1"},
	{CB_T_VENUE, CB_F_VENUE_ADDRESS, "address", CB_V_TEXT, 0, CB_VENUE_TEXT_MAX,
	 "UPDATE venues SET address = ?2 WHERE id = ?1"},
	{CB_T_VENUE, CB_F_VENUE_COMMUNE, "commune", CB_V_TEXT, 0, CB_VENUE_TEXT_MAX,
	 "UPDATE venues SET commune = ?2 WHERE id = ?1"},
	{CB_T_VENUE, CB_F_VENUE_CAPACITY, "capacity", CB_V_INT, 0, CB_VENUE_CAPACITY_MAX,
	 "UPDATE venues SET capacity = ?2 WHERE id = ?1"},
	{CB_T_VENUE, CB_F_VENUE_NOTES, "notes", CB_V_TEXT, 0, CB_VENUE_NOTES_MAX,
	 "UPDATE venues SET notes = ?2 WHERE id = ?1"},
	{CB_T_VENUE, CB_F_VENUE_DELETED, "deleted", CB_V_INT, 0, 1,
	 "UPDATE venues SET deleted = coalesce(?2, 0) WHERE id = ?1"},
};

const struct cb_field_def *
cb_schema_field(int table, int field)
{
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (fields[i].table == table && fields[i].field == field)
			return &fields[i];
	return NULL;
}

const struct cb_table_def *
cb_schema_table(int table)
{
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
		if (tables[i].table == table)
			return &tables[i];
	return NULL;
}

const struct cb_table_def *
cb_schema_tables(size_t *count)
{
	*count = sizeof tables / sizeof tables[0];
	return tables;
}
