#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A real transport: two laptops sync through a git repository (bare
# remote, two clones, commit, push, pull) and converge.
set -u
: "${top_builddir:?}" "${CAMBOUIS:?}"
command -v git >/dev/null 2>&1 || { echo "SKIP: git missing"; exit 77; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
HOME=$tmp; CAMBOUIS_CONFIG=/dev/null; export HOME CAMBOUIS_CONFIG
GIT_CONFIG_NOSYSTEM=1; export GIT_CONFIG_NOSYSTEM
git config --global user.name "Atelier" && git config --global user.email atelier@example.org &&
	git config --global init.defaultBranch main || exit 99
tool=$top_builddir/tests/sync/synctool
fail=0
bad() { echo "FAIL: $*"; fail=1; }
C() { "$CAMBOUIS" "$@" >>"$tmp/log" 2>&1 || bad "cambouis $*: exit $? ($(tail -1 "$tmp/log"))"; }
G() { git -C "$@" >>"$tmp/log" 2>&1 || bad "git -C $*"; }

git init -q --bare "$tmp/remote.git" || exit 99
git clone -q "$tmp/remote.git" "$tmp/a" 2>/dev/null || exit 99
git clone -q "$tmp/remote.git" "$tmp/b" 2>/dev/null || exit 99

C -d "$tmp/a.db" init --site-label alpha
C -d "$tmp/b.db" init --site-label beta
C -d "$tmp/a.db" venue add "Vallée Violette" --commune Tours
C -d "$tmp/a.db" venue add "Gymnase du Morier" --commune "Joué-lès-Tours"
C -d "$tmp/b.db" venue add "Maison des Jeunes" --commune "La Riche"

# alpha publishes first
C -d "$tmp/a.db" sync "$tmp/a"
G "$tmp/a" add -A; G "$tmp/a" commit -q -m "alpha"; G "$tmp/a" push -q origin HEAD:main
# beta pulls, syncs (imports alpha, exports its own), pushes
G "$tmp/b" pull -q origin main
C -d "$tmp/b.db" sync "$tmp/b"
C -d "$tmp/b.db" venue edit "Vallée Violette" --capacity 12
C -d "$tmp/b.db" sync "$tmp/b"
G "$tmp/b" add -A; G "$tmp/b" commit -q -m "beta"; G "$tmp/b" push -q origin HEAD:main
# meanwhile alpha edited too; it pulls and syncs
C -d "$tmp/a.db" venue edit "Gymnase du Morier" --notes "Clé chez le gardien"
G "$tmp/a" pull -q --no-rebase origin main
C -d "$tmp/a.db" sync "$tmp/a"
G "$tmp/a" add -A; G "$tmp/a" commit -q -m "alpha again"; G "$tmp/a" push -q origin HEAD:main
G "$tmp/b" pull -q --no-rebase origin main
C -d "$tmp/b.db" sync "$tmp/b"

"$tool" dump "$tmp/a.db" > "$tmp/a.txt" && "$tool" dump "$tmp/b.db" > "$tmp/b.txt" || bad "dump"
cmp -s "$tmp/a.txt" "$tmp/b.txt" || { bad "the two laptops differ"; diff "$tmp/a.txt" "$tmp/b.txt"; }
grep -q "Maison des Jeunes" "$tmp/a.txt" || bad "alpha lacks beta's venue"
grep -q "Clé chez le gardien" "$tmp/b.txt" || bad "beta lacks alpha's notes"
grep -q "|12|" "$tmp/a.txt" || bad "alpha lacks beta's capacity"
# each laptop only ever wrote its own files: git never merged a bundle
[ -z "$(git -C "$tmp/a" ls-files | grep -v '^alpha/' | grep -v '^beta/')" ] || bad "stray files"
[ $fail -eq 0 ] || cat "$tmp/log"
exit $fail
