/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The parts inventory's schema: parts, locations, the movements ledger,
 * stock-takes, and who used a part (a row of its own that `forget`
 * erases, leaving the movement and so the stock). */
#include "config.h"

#include "cambouis/i18n.h"
#include "cambouis/parts.h"
#include "schema-private.h"

static const char *const units[] = {"", N_("piece"), N_("pair"), N_("metre"), N_("litre")};
static const char *const conditions[] = {"", N_("new"), N_("used"), N_("reclaimed, to check")};
static const char *const reasons[] = {"", N_("donation"), N_("purchase"), N_("harvest"),
				      N_("used"), N_("given"), N_("sold"), N_("scrapped"),
				      N_("transfer")};

static const struct cb_table_def tables[] = {
	{CB_T_PART, "parts", N_("Part"), CB_RECORD, CB_F_PART_DELETED,
	 "SELECT name FROM parts WHERE id = ?1", NULL, NULL, NULL, NULL},
	{CB_T_LOCATION, "locations", N_("Location"), CB_RECORD, CB_F_LOC_DELETED,
	 "SELECT name FROM locations WHERE id = ?1", NULL, NULL, NULL, NULL},
	{CB_T_MOVE, "stock_moves", N_("Stock movement"), CB_LEDGER, 0,
	 NULL, NULL, NULL, NULL, NULL},
	{CB_T_COUNT, "stock_counts", N_("Stock-take"), CB_LEDGER, 0,
	 NULL, NULL, NULL, NULL, NULL},
	{CB_T_MOVE_PERSON, "stock_move_people", N_("Part used by"), CB_LEDGER, 0,
	 NULL, NULL, NULL, NULL, NULL},
};

#define ID CB_V_TEXT, CB_ID_HEX_LEN, CB_ID_HEX_LEN
#define QTY CB_V_INT, -CB_PART_QTY_MAX, CB_PART_QTY_MAX

static const struct cb_field_def fields[] = {
	{CB_T_PART, CB_F_PART_NAME, "name", CB_V_TEXT, 1, CB_PART_NAME_MAX,
	 "name", false, N_("Name"), CB_M_LINE, 0, 0, NULL},
	{CB_T_PART, CB_F_PART_CATEGORY, "category", CB_V_TEXT, 1, CB_PART_NAME_MAX,
	 "category", false, N_("Category"), CB_M_KEY, 0, 0, NULL},
	{CB_T_PART, CB_F_PART_UNIT, "unit", CB_V_INT, 1, 4,
	 "unit", false, N_("Unit"), CB_M_CODE, 0, 0, units},
	{CB_T_PART, CB_F_PART_CONDITION, "condition", CB_V_INT, 1, 3,
	 "condition", false, N_("Condition"), CB_M_CODE, 0, 0, conditions},
	{CB_T_PART, CB_F_PART_NOTE, "note", CB_V_TEXT, 1, CB_PART_TEXT_MAX,
	 "note", false, N_("Compatibility"), CB_M_LINE, 0, 0, NULL},
	{CB_T_PART, CB_F_PART_MIN, "minimum", CB_V_INT, 0, CB_PART_LEVEL_MAX,
	 "minimum", false, N_("Minimum"), CB_M_NUMBER, 0, 0, NULL},
	{CB_T_PART, CB_F_PART_DESIRED, "desired", CB_V_INT, 0, CB_PART_LEVEL_MAX,
	 "desired", false, N_("Desired"), CB_M_NUMBER, 0, 0, NULL},
	{CB_T_PART, CB_F_PART_DELETED, "deleted", CB_V_INT, 0, 1,
	 "deleted", true, N_("Deleted"), CB_M_FLAG, 0, 0, NULL},

	{CB_T_LOCATION, CB_F_LOC_NAME, "name", CB_V_TEXT, 1, CB_PART_NAME_MAX,
	 "name", false, N_("Name"), CB_M_LINE, 0, 0, NULL},
	{CB_T_LOCATION, CB_F_LOC_CRATE, "crate", CB_V_INT, 0, 1,
	 "crate", true, N_("Crate"), CB_M_FLAG, 0, 0, NULL},
	{CB_T_LOCATION, CB_F_LOC_DELETED, "deleted", CB_V_INT, 0, 1,
	 "deleted", true, N_("Deleted"), CB_M_FLAG, 0, 0, NULL},

	{CB_T_MOVE, CB_F_MOVE_PART, "part", ID,
	 "part", false, N_("Part"), CB_M_REF, CB_T_PART, 0, NULL},
	{CB_T_MOVE, CB_F_MOVE_LOCATION, "location", ID,
	 "location", false, N_("Location"), CB_M_REF, CB_T_LOCATION, 0, NULL},
	{CB_T_MOVE, CB_F_MOVE_QTY, "quantity", QTY,
	 "qty", true, N_("Quantity"), CB_M_NUMBER, 0, 0, NULL},
	{CB_T_MOVE, CB_F_MOVE_REASON, "reason", CB_V_INT, 1, CB_REASON_MAX,
	 "reason", false, N_("Reason"), CB_M_CODE, 0, 0, reasons},
	{CB_T_MOVE, CB_F_MOVE_DONOR, "donor", CB_V_TEXT, 1, CB_PART_TEXT_MAX,
	 "donor", false, N_("Donor"), CB_M_LINE, 0, 0, NULL},
	{CB_T_MOVE, CB_F_MOVE_SESSION, "session", ID,
	 "session", false, N_("Session"), CB_M_REF, CB_T_SESSION, 0, NULL},
	{CB_T_MOVE, CB_F_MOVE_AMOUNT, "amount", CB_V_INT, 0, CB_PART_AMOUNT_MAX,
	 "amount", false, N_("Amount"), CB_M_NUMBER, 0, 0, NULL},
	{CB_T_MOVE, CB_F_MOVE_NOTE, "note", CB_V_TEXT, 1, CB_PART_TEXT_MAX,
	 "note", false, N_("Note"), CB_M_LINE, 0, 0, NULL},
	{CB_T_MOVE, CB_F_MOVE_TRANSFER, "transfer", ID,
	 "transfer", false, N_("Transfer"), CB_M_REF, CB_T_MOVE, 0, NULL},

	{CB_T_COUNT, CB_F_COUNT_PART, "part", ID,
	 "part", false, N_("Part"), CB_M_REF, CB_T_PART, 0, NULL},
	{CB_T_COUNT, CB_F_COUNT_LOCATION, "location", ID,
	 "location", false, N_("Location"), CB_M_REF, CB_T_LOCATION, 0, NULL},
	{CB_T_COUNT, CB_F_COUNT_QTY, "quantity", CB_V_INT, 0, CB_PART_QTY_MAX,
	 "qty", true, N_("Counted"), CB_M_NUMBER, 0, 0, NULL},

	{CB_T_MOVE_PERSON, CB_F_MP_MOVE, "move", ID,
	 "move", false, N_("Stock movement"), CB_M_REF, CB_T_MOVE, 0, NULL},
	{CB_T_MOVE_PERSON, CB_F_MP_PERSON, "person", ID,
	 "person", false, N_("Person"), CB_M_REF, CB_T_PERSON, CB_FIELD_OWNER, NULL},
};

static const struct cb_migration migrations[] = {
	/* 11: the parts inventory. Ids of other rows as lower-case hex. */
	{11,
	 "CREATE TABLE parts("
	 "  id BLOB PRIMARY KEY CHECK(length(id) = 16),"
	 "  name TEXT, category TEXT, unit INTEGER, condition INTEGER, note TEXT,"
	 "  minimum INTEGER, desired INTEGER,"
	 "  deleted INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
	 "CREATE INDEX parts_name ON parts(name COLLATE NOCASE);"
	 "CREATE TABLE locations("
	 "  id BLOB PRIMARY KEY CHECK(length(id) = 16),"
	 "  name TEXT, crate INTEGER NOT NULL DEFAULT 0,"
	 "  deleted INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
	 "CREATE TABLE stock_moves("
	 "  id BLOB PRIMARY KEY CHECK(length(id) = 16),"
	 "  part TEXT, location TEXT, qty INTEGER NOT NULL DEFAULT 0, reason INTEGER,"
	 "  donor TEXT, session TEXT, amount INTEGER, note TEXT, transfer TEXT) WITHOUT ROWID;"
	 "CREATE INDEX stock_moves_part ON stock_moves(part, location);"
	 "CREATE TABLE stock_counts("
	 "  id BLOB PRIMARY KEY CHECK(length(id) = 16),"
	 "  part TEXT, location TEXT, qty INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
	 "CREATE INDEX stock_counts_part ON stock_counts(part, location);"
	 "CREATE TABLE stock_move_people("
	 "  id BLOB PRIMARY KEY CHECK(length(id) = 16),"
	 "  move TEXT, person TEXT) WITHOUT ROWID;"
	 "CREATE INDEX stock_move_people_person ON stock_move_people(person);"},
};

const struct cb_schema_module cb_parts_schema = {
	"parts", tables, CB_COUNT(tables), fields, CB_COUNT(fields),
	migrations, CB_COUNT(migrations),
};
