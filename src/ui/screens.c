/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ui/screen.h"

/* One line per module that has a screen, in tab order. A module that has
 * not landed has no line, so its tab never shows as a placeholder. */
extern const struct ui_screen_ops ui_tonight_ops;
extern const struct ui_screen_ops ui_calendar_ops;
extern const struct ui_screen_ops ui_venues_ops;
extern const struct ui_screen_ops ui_people_ops;
extern const struct ui_screen_ops ui_pairings_ops;
extern const struct ui_screen_ops ui_sync_ops;

const struct ui_screen_ops *const ui_screens[] = {
	&ui_tonight_ops,
	&ui_calendar_ops,
	&ui_venues_ops,
	&ui_people_ops,
	&ui_pairings_ops,
	&ui_sync_ops,
};

const size_t ui_nscreens = sizeof ui_screens / sizeof ui_screens[0];
