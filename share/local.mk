# SPDX-License-Identifier: GPL-3.0-or-later
dist_man_MANS = share/man/cambouis.1 share/man/cambouis.conf.5
exampledir = $(docdir)
dist_example_DATA = share/cambouis/config.example
bashcompletiondir = $(BASH_COMPLETION_DIR)
dist_bashcompletion_DATA = share/bash-completion/cambouis
# the French man page: man -L fr cambouis (tests/cli/manpage-fr.sh keeps it
# in step with the English one)
frman1dir = $(mandir)/fr/man1
dist_frman1_DATA = share/man/fr/cambouis.1
