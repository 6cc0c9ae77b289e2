# SPDX-License-Identifier: GPL-3.0-or-later
# The curses front end: the only code that includes curses.
UI_SOURCES = src/ui/ui.h src/ui/ui.c
