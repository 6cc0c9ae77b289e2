/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "cambouis/i18n.h"
#include "ui/ui.h"

int
ui_main(struct cli *c)
{
	(void)c;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_error(_("no terminal: give a command (see 'cambouis --help')"));
		return EXIT_USAGE;
	}
	cli_error(_("the full-screen interface is not built yet"));
	return EXIT_TERMINAL;
}
