#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
exec "$SHELL" "${top_srcdir:?}/tests/cli/golden.sh" calendar ical
