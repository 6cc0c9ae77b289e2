# SPDX-License-Identifier: GPL-3.0-or-later
# The core: no curses, linked alone by the unit tests.
noinst_LIBRARIES += src/core/libcambouis-core.a
src_core_libcambouis_core_a_CPPFLAGS = $(AM_CPPFLAGS) $(SQLITE_CFLAGS) $(LIBCONFIG_CFLAGS)
src_core_libcambouis_core_a_SOURCES = \
	include/cambouis/buf.h include/cambouis/clock.h include/cambouis/config.h include/cambouis/db.h \
	include/cambouis/demo.h include/cambouis/hlc.h include/cambouis/i18n.h \
	include/cambouis/id.h include/cambouis/oplog.h include/cambouis/paths.h \
	include/cambouis/schema.h include/cambouis/status.h include/cambouis/text.h \
	include/cambouis/venue.h include/cambouis/write.h include/cambouis/undo.h \
	src/core/db-private.h src/core/project-private.h src/core/schema-private.h \
	src/core/buf.c src/core/clock.c src/core/config.c src/core/config-write.c src/core/db.c src/core/demo.c \
	src/core/hlc.c src/core/id.c src/core/oplog.c src/core/paths.c src/core/project.c \
	src/core/schema.c src/core/status.c src/core/text.c src/core/venue.c \
	src/core/core-schema.c src/core/venue-schema.c src/core/db-query.c src/core/write.c src/core/undo.c
# the calendar
src_core_libcambouis_core_a_SOURCES += \
	include/cambouis/calendar.h include/cambouis/date.h include/cambouis/holidays.h \
	include/cambouis/ical.h src/core/calendar-private.h \
	src/core/calendar.c src/core/calendar-session.c src/core/calendar-view.c \
	src/core/date.c src/core/holidays.c src/core/ical.c src/core/calendar-demo.c \
	src/core/calendar-schema.c

CORE_LIBS = src/core/libcambouis-core.a $(SQLITE_LIBS) $(LIBCONFIG_LIBS) $(UNISTRING_LIBS) $(LIBINTL)

# sync (issue 6): bundles, SHA-256, export/import/sync
src_core_libcambouis_core_a_SOURCES += \
	include/cambouis/bundle.h include/cambouis/sha256.h include/cambouis/sync.h \
	src/core/bundle.c src/core/bundle-publish.c src/core/sha256.c src/core/sync.c
# the Sync screen's core: conflicts to review, the state of sync
src_core_libcambouis_core_a_SOURCES += \
	include/cambouis/review.h src/core/review.c src/core/sync-status.c
# people, attendance, pairings, skills
src_core_libcambouis_core_a_SOURCES += \
	include/cambouis/people.h include/cambouis/attendance.h include/cambouis/pairing.h \
	include/cambouis/skills.h src/core/people-private.h \
	src/core/people.c src/core/people-find.c src/core/people-view.c src/core/attendance.c src/core/pairing.c \
	src/core/skills.c src/core/snowball.c src/core/people-demo.c \
	src/core/people-schema.c
# privacy: erasure (forget)
src_core_libcambouis_core_a_SOURCES += \
	include/cambouis/privacy.h src/core/privacy-private.h src/core/privacy.c
# backups (issue 14): a consistent copy of the database, and putting one back
src_core_libcambouis_core_a_SOURCES += include/cambouis/backup.h src/core/backup.c
# the parts inventory (issue 11)
src_core_libcambouis_core_a_SOURCES += \
	include/cambouis/parts.h include/cambouis/namematch.h \
	src/core/parts-schema.c src/core/parts.c src/core/stock.c src/core/namematch.c src/core/parts-demo.c
