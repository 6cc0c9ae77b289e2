# SPDX-License-Identifier: GPL-3.0-or-later
# The curses front end: the only code that includes curses.
# UI_VM_SOURCES are the curses-free view-models the unit tests link.
UI_VM_SOURCES = \
	src/ui/keys.h src/ui/keys.c src/ui/action.h src/ui/action.c \
	src/ui/list.h src/ui/list.c src/ui/edit.h src/ui/edit.c \
	src/ui/date.h src/ui/date.c src/ui/form.h src/ui/form.c \
	src/ui/dialog.h src/ui/dialog.c src/ui/script.h src/ui/script.c \
	src/ui/calview.h src/ui/calview.c src/ui/pplvm.h src/ui/pplvm.c
UI_SOURCES = src/ui/ui.h src/ui/ui.c $(UI_VM_SOURCES) \
	src/ui/term.h src/ui/term.c src/ui/draw.h src/ui/draw.c \
	src/ui/screen.h src/ui/app.h src/ui/app.c src/ui/screens.c \
	src/ui/listview.h src/ui/listview.c src/ui/organise.h src/ui/organise.c \
	src/ui/venues.c src/ui/tonight.c \
	src/ui/calendar.h src/ui/calendar.c src/ui/calendar-edit.c \
	src/ui/sync-screen.c src/ui/ppldraw.h src/ui/ppldraw.c \
	src/ui/people.c src/ui/pairings.c
