# SPDX-License-Identifier: GPL-3.0-or-later
bin_PROGRAMS += src/cambouis
src_cambouis_CPPFLAGS = $(AM_CPPFLAGS) $(NCURSESW_CFLAGS)
src_cambouis_SOURCES = src/main.c \
	src/cli/cli.h src/cli/common.c src/cli/table.c src/cli/venue.c src/cli/admin.c \
	src/cli/calcli.h src/cli/calendar.c src/cli/calendar-session.c \
	$(UI_SOURCES)
src_cambouis_LDADD = $(CORE_LIBS) $(NCURSESW_LIBS)

include $(srcdir)/src/ui/local.mk
