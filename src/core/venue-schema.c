/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The venues module's schema: its table, fields and migrations. */
#include "config.h"

#include "cambouis/i18n.h"
#include "cambouis/venue.h"
#include "schema-private.h"

static char *
describe_venue(struct cb_db *db, const struct cb_id *row)
{
	struct cb_venue v;
	char *s;

	if (cb_venue_get(db, row, &v) != CB_OK)
		return NULL;
	s = cb_schema_printf(_("Venue “%s”"), v.name);
	cb_venue_clear(&v);
	return s;
}

static const struct cb_table_def tables[] = {
	{CB_T_VENUE, "venues", N_("Venue"), CB_RECORD, CB_F_VENUE_DELETED,
	 "SELECT name FROM venues WHERE id = ?1", describe_venue, NULL, NULL, NULL},
};

static const struct cb_field_def fields[] = {
	{CB_T_VENUE, CB_F_VENUE_NAME, "name", CB_V_TEXT, 1, CB_VENUE_NAME_MAX,
	 "name", false, N_("Name"), CB_M_LINE, 0, 0, NULL},
	{CB_T_VENUE, CB_F_VENUE_ADDRESS, "address", CB_V_TEXT, 0, CB_VENUE_TEXT_MAX,
	 "address", false, N_("Address"), CB_M_LINE, 0, 0, NULL},
	{CB_T_VENUE, CB_F_VENUE_COMMUNE, "commune", CB_V_TEXT, 0, CB_VENUE_TEXT_MAX,
	 "commune", false, N_("Commune"), CB_M_LINE, 0, 0, NULL},
	{CB_T_VENUE, CB_F_VENUE_CAPACITY, "capacity", CB_V_INT, 0, CB_VENUE_CAPACITY_MAX,
	 "capacity", false, N_("Capacity"), CB_M_NUMBER, 0, 0, NULL},
	{CB_T_VENUE, CB_F_VENUE_NOTES, "notes", CB_V_TEXT, 0, CB_VENUE_NOTES_MAX,
	 "notes", false, N_("Notes"), CB_M_TEXT, 0, 0, NULL},
	{CB_T_VENUE, CB_F_VENUE_DELETED, "deleted", CB_V_INT, 0, 1,
	 "deleted", true, N_("Deleted"), CB_M_FLAG, 0, 0, NULL},
};

static const struct cb_migration migrations[] = {
	/* 2: venues */
	{2,
	 "CREATE TABLE venues("
	 "  id BLOB PRIMARY KEY CHECK(length(id) = 16),"
	 "  name TEXT, address TEXT, commune TEXT, capacity INTEGER, notes TEXT,"
	 "  deleted INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
	 "CREATE INDEX venues_name ON venues(name COLLATE NOCASE);"},
};

const struct cb_schema_module cb_venue_schema = {
	"venues", tables, CB_COUNT(tables), fields, CB_COUNT(fields),
	migrations, CB_COUNT(migrations),
};
