/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_BACKUP_H
#define CAMBOUIS_BACKUP_H

#include <stddef.h>
#include <stdint.h>
#include "cambouis/db.h"

/*
 * Backups of the database file: one file, made and put back whole.
 *
 * A backup is SQLite's VACUUM INTO the open database: a consistent
 * snapshot (one read transaction, so writes made meanwhile by the screen
 * or another command are in it entirely or not at all), written to a
 * temporary name beside the destination, synced, mode 0600, then renamed.
 *
 * A restore checks the backup first (an SQLite file with cambouis's
 * application id and a schema version this build reads, then, on a copy,
 * upgraded if older, SQLite's integrity check), refuses while another
 * program has the database open, keeps the database it replaces beside it
 * under a new name, and puts the checked copy in its place in one rename.
 * The restored file is a new file: it takes a new site id when opened, so
 * it never reuses the sequence numbers the replaced one gave its changes
 * after the backup (those changes, already sent to other laptops, come
 * back at the next sync).
 */

/* Write a consistent copy of db to path (replaced if it exists; never the
 * database itself: CB_EXISTS). */
cb_status cb_backup_write(struct cb_db *db, const char *path);

/* Put the backup at from in the place of the database at live (which may
 * not exist). now_ms names the kept file "live.before-restore-YYYYMMDD-
 * HHMMSS" (local time); *aside (may be NULL) gets its malloc'ed path, or NULL when there
 * was no database. CB_DB_FOREIGN, CB_DB_DAMAGED or CB_DB_TOO_NEW when from
 * is not a backup to restore (detail says why), CB_DB_LOCKED when another
 * program has the database open. Nothing changes unless CB_OK. */
cb_status cb_backup_restore(const char *live, const char *from, int64_t now_ms, char **aside,
			    char *detail, size_t detail_len);

#endif
