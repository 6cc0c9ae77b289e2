/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_I18N_H
#define CAMBOUIS_I18N_H

/* gettext wiring: _() translates at display time, N_() marks strings in
 * static tables for xgettext. */
#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#define ngettext_(s, p, n) ngettext(s, p, n)
#else
#define _(s) (s)
#define ngettext_(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) (s)

#endif
