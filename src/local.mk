# SPDX-License-Identifier: GPL-3.0-or-later
bin_PROGRAMS += src/cambouis
src_cambouis_CPPFLAGS = $(AM_CPPFLAGS) $(NCURSESW_CFLAGS)
src_cambouis_SOURCES = src/main.c \
	src/common/context.h src/common/context.c \
	src/cli/cli.h src/cli/common.c src/cli/opts.h src/cli/opts.c src/cli/table.c src/cli/venue.c src/cli/parts.c src/cli/admin.c \
	src/cli/calcli.h src/cli/calendar.c src/cli/calendar-session.c \
	src/cli/sync.c \
	src/cli/pplcli.h src/cli/people.c src/cli/pairing.c \
	src/cli/forget.c src/cli/backup.c \
	$(UI_SOURCES)
src_cambouis_LDADD = $(CORE_LIBS) $(NCURSESW_LIBS)

include $(srcdir)/src/ui/local.mk

# Run from the build tree, the program finds its translations there, so
# `src/cambouis` speaks French before `make install` (see locale_dir()).
src_cambouis_CPPFLAGS += -DBUILD_BINDIR=\"$(abs_top_builddir)/src\" \
	-DBUILD_LOCALEDIR=\"$(abs_top_builddir)/po/locale\"
all-local: build-locale
build-locale:
	@for lang in `cat $(srcdir)/po/LINGUAS`; do \
	  mo=po/locale/$$lang/LC_MESSAGES/$(PACKAGE).mo; \
	  if test ! -f $$mo || test $(srcdir)/po/$$lang.po -nt $$mo; then \
	    $(MKDIR_P) po/locale/$$lang/LC_MESSAGES && \
	    $(MSGFMT) -c -o $$mo $(srcdir)/po/$$lang.po || exit 1; \
	  fi; \
	done
clean-local: clean-build-locale
clean-build-locale:
	-rm -rf po/locale
.PHONY: build-locale clean-build-locale
