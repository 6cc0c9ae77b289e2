# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by the CLI golden tests (sourced, POSIX sh). A test calls
# cli_setup, then `run TITLE cambouis ARGS...` for each case, then
# cli_finish. Each case's command line, stdout, stderr and exit code go to
# a transcript that cli_finish compares with tests/cli/expected/NAME.out.
# UPDATE_EXPECTED=1 writes the transcript there instead (see README).

: "${CAMBOUIS:?run me through make check}"
: "${top_srcdir:?run me through make check}"

cli_name=$(basename "$0" .sh)
cli_expected="$top_srcdir/tests/cli/expected/$cli_name.out"
cli_cases=0

# A fresh home in a temporary directory: nothing from the machine leaks in.
cli_setup()
{
	cli_tmp=$(mktemp -d "${TMPDIR:-/tmp}/cambouis-cli.XXXXXX") || exit 99
	trap 'chmod -R u+rwX "$cli_tmp" 2>/dev/null; rm -rf "$cli_tmp"' EXIT
	trap 'exit 99' HUP INT TERM
	cli_out="$cli_tmp/transcript"
	mkdir "$cli_tmp/work" || exit 99
	cd "$cli_tmp/work" || exit 99
	HOME="$cli_tmp/work"
	XDG_DATA_HOME="$cli_tmp/work/data"
	XDG_CONFIG_HOME="$cli_tmp/work/config"
	CAMBOUIS_NOW=2026-03-01T18:00
	export HOME XDG_DATA_HOME XDG_CONFIG_HOME CAMBOUIS_NOW
	unset CAMBOUIS_DB CAMBOUIS_CONFIG NO_COLOR XDG_RUNTIME_DIR
	: >"$cli_out"
	cli_version=$(sed -n 's/^#define PACKAGE_VERSION "\(.*\)"$/\1/p' \
		"${top_builddir:-.}/config.h" 2>/dev/null)
}

# Make an argument readable on one line: control characters escaped, long
# values summarised, quoted when it holds blanks or is empty.
cli_show_arg()
{
	if [ "$1" = "$CAMBOUIS" ]; then
		printf cambouis
		return
	fi
	n=$(printf '%s' "$1" | wc -c)
	if [ "$n" -gt 60 ]; then
		printf "<%d bytes>" "$n"
		return
	fi
	s=$(printf '%s\n' "$1" | sed -e ':a' -e 'N' -e '$!ba' \
		-e 's/\\/\\\\/g' -e 's/\t/\\t/g' -e 's/\n/\\n/g')
	case $1 in
	'' | *[\ \"\'\	]* | *"
"*) printf "'%s'" "$s" ;;
	*) printf '%s' "$s" ;;
	esac
}

# Paths of the temporary directory and the version would change from one
# run to the next: replace them with stable words. A test may set CLI_SED
# to one more sed expression for its next cases (and unset it after).
cli_filter()
{
	sed -e "s|$cli_tmp/work|\$HOME|g" -e "s|$cli_tmp|\$TMP|g" \
		-e "s|^cambouis ${cli_version:-@VERSION@}\$|cambouis @VERSION@|" \
		-e "${CLI_SED:-p;d}"
}

# Append a file to the transcript under a heading, marking a missing final
# newline so it is not lost in the comparison.
cli_section()
{
	[ -s "$2" ] || return 0
	echo "--- $1" >>"$cli_out"
	cli_filter <"$2" >>"$cli_out"
	if [ -n "$(tail -c 1 "$2")" ]; then
		echo >>"$cli_out"
		echo "(no newline at end)" >>"$cli_out"
	fi
}

# run TITLE COMMAND [ARG]...: one golden case. "cambouis" as the command
# runs the binary under test; stdin is /dev/null unless CLI_STDIN names a
# file. The exit code is kept in $rc for the test's own assertions.
run()
{
	title=$1
	shift
	cli_cases=$((cli_cases + 1))
	{
		echo "### $title"
		printf '$'
		for a in "$@"; do
			printf ' '
			cli_show_arg "$a"
		done
		echo
	} >>"$cli_out"
	if [ "$1" = cambouis ]; then
		shift
		set -- "$CAMBOUIS" "$@"
	fi
	"$@" <"${CLI_STDIN:-/dev/null}" >"$cli_tmp/stdout" 2>"$cli_tmp/stderr"
	rc=$?
	cli_section stdout "$cli_tmp/stdout"
	cli_section stderr "$cli_tmp/stderr"
	echo "--- exit $rc" >>"$cli_out"
	echo >>"$cli_out"
	return 0
}

# A note in the transcript (a fact the test checked by other means).
note()
{
	echo "# $*" >>"$cli_out"
}

# Fail at once with a message, for assertions outside the transcript.
fail()
{
	echo "FAIL: $*" >&2
	exit 1
}

# Tests that look inside the database with the sqlite3 tool call this
# first: without the tool they are skipped, never passed silently.
need_sqlite3()
{
	if ! command -v sqlite3 >/dev/null 2>&1; then
		echo "$cli_name: the sqlite3 tool is missing: skipped"
		exit 77
	fi
}

# The number of ops in a database.
op_count()
{
	sqlite3 "$1" 'select count(*) from ops' || echo "cannot count the ops"
}

# Octal permission bits of a file, e.g. 600.
mode_of()
{
	stat -c %a "$1"
}

# French: skip (77) without NLS, the fr_FR.UTF-8 locale or the built
# catalogue; else cli_setup, then the French locale with the catalogue just
# built (the installed one may be missing or older).
cli_french()
{
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
}

cli_finish()
{
	if [ "${UPDATE_EXPECTED:-0}" = 1 ]; then
		cp "$cli_out" "$cli_expected" || exit 99
		echo "$cli_name: wrote $cli_expected ($cli_cases cases)"
		exit 0
	fi
	if [ ! -f "$cli_expected" ]; then
		echo "$cli_name: no $cli_expected; run with UPDATE_EXPECTED=1" >&2
		cat "$cli_out"
		exit 1
	fi
	if ! diff -u "$cli_expected" "$cli_out"; then
		echo "$cli_name: output differs from $cli_expected (diff above)" >&2
		echo "If the new output is right: make regen-cli (see tests/cli/README)" >&2
		exit 1
	fi
	echo "$cli_name: $cli_cases cases ok"
	exit 0
}
