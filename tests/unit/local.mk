# SPDX-License-Identifier: GPL-3.0-or-later
unit_cppflags = $(AM_CPPFLAGS) $(CHECK_CFLAGS)
unit_ldadd = $(CORE_LIBS) $(CHECK_LIBS)
