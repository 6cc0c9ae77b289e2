# SPDX-License-Identifier: GPL-3.0-or-later
# In a French locale the messages come from po/fr.po. The expected output
# follows the translation: after translating, `make regen-cli` and review.
. "$top_srcdir/tests/cli/lib.sh"

grep -q '^#define ENABLE_NLS 1' "${top_builddir:-.}/config.h" 2>/dev/null ||
	{ echo "built without NLS: skipped"; exit 77; }
locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\{0,1\}8$' ||
	{ echo "the fr_FR.UTF-8 locale is not installed: skipped"; exit 77; }
gmo=
# the build tree's catalogue is rebuilt whenever fr.po changes (build-locale)
for f in "${top_builddir:-.}/po/locale/fr/LC_MESSAGES/cambouis.mo" "${top_builddir:-.}/po/fr.gmo" "$top_srcdir/po/fr.gmo"; do
	[ -f "$f" ] && { gmo=$f; break; }
done
[ -n "$gmo" ] || { echo "po/fr.gmo is not built: skipped"; exit 77; }

cli_setup
# The installed catalogue may be missing or older: use the one just built.
mkdir -p "$cli_tmp/locale/fr/LC_MESSAGES"
cp "$gmo" "$cli_tmp/locale/fr/LC_MESSAGES/cambouis.mo" || exit 99
CAMBOUIS_LOCALEDIR="$cli_tmp/locale"
LANG=fr_FR.UTF-8
LC_ALL=fr_FR.UTF-8
LANGUAGE=
export CAMBOUIS_LOCALEDIR LANG LC_ALL LANGUAGE

run "help" cambouis --help
run "venue help" cambouis venue --help
run "no command, no terminal" cambouis
run "unknown command" cambouis frobnicate
run "missing database" cambouis -d w.db venue list
run "init" cambouis -d w.db init --site-label t
run "bad capacity" cambouis -d w.db venue add X --capacity douze
run "add" cambouis -d w.db venue add Gymnase
run "duplicate name" cambouis -d w.db venue add gymnase
run "list, text" cambouis -d w.db venue list
run "list, tsv: the header stays in English" cambouis -d w.db venue list --format tsv
printf 'colour = 1;\n' >c.conf
run "configuration error" cambouis -c c.conf -d w.db venue list

cli_finish
