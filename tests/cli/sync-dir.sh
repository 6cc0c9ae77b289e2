#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# 'cambouis sync' without a folder uses sync_dir from the configuration
# ("~/" is the home directory); without one it says how to set it; a bad
# value is reported as FILE:LINE.
set -u
: "${CAMBOUIS:?run me through make check}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
HOME=$tmp; CAMBOUIS_NOW=2026-03-01T18:00; CAMBOUIS_CONFIG=$tmp/conf
export HOME CAMBOUIS_NOW CAMBOUIS_CONFIG
fail=0
bad() { echo "FAIL: $*"; fail=1; }
expect() { # expect RC PATTERN cmd...
	want=$1 pat=$2; shift 2
	out=$("$CAMBOUIS" "$@" 2>&1); rc=$?
	[ $rc -eq "$want" ] || bad "cambouis $*: exit $rc, expected $want: $out"
	case $out in *"$pat"*) ;; *) bad "cambouis $*: expected '$pat' in: $out" ;; esac
}

: >"$tmp/conf"
a=$tmp/a.db b=$tmp/b.db
expect 0 "" -d "$a" init --site-label alpha
expect 0 "" -d "$b" init --site-label beta
expect 0 "" -d "$a" venue add Halle --commune Tours
expect 2 "set sync_dir in the configuration file" -d "$a" sync
expect 2 "sync: give one folder" -d "$a" sync x y

mkdir "$tmp/shared"
printf '# shared folder\nsync_dir = "~/shared";\n' >"$tmp/conf"
expect 0 "Exported 2 changes to $tmp/shared/alpha/" -d "$a" sync
[ -d "$tmp/shared/alpha" ] || bad "no alpha folder under ~/shared"
expect 0 "2 new changes from alpha" -d "$b" sync
expect 0 "Halle" -d "$b" venue list
# a folder on the command line still wins
mkdir "$tmp/other"
expect 0 "Exported" -d "$b" sync "$tmp/other"
[ -d "$tmp/other/beta" ] || bad "the folder given was not used"
# the folder must exist
printf 'sync_dir = "~/nowhere";\n' >"$tmp/conf"
expect 1 "$tmp/nowhere: no such folder" -d "$a" sync
# a bad value: FILE:LINE
printf '\nsync_dir = "";\n' >"$tmp/conf"
expect 2 "$tmp/conf:2: 'sync_dir' must not be empty" -d "$a" sync
printf 'sync_dir = 3;\n' >"$tmp/conf"
expect 2 "$tmp/conf:1: 'sync_dir' must be a string" -d "$a" sync
[ $fail = 0 ] && echo "sync_dir: used, expanded, overridden and checked"
exit $fail
