#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The real binary in a real terminal (tmux): start, type, a resize storm,
# 10,000 random keys, SIGTERM inside a form, a split F-key escape on an
# empty Tonight, a write by another process showing on an idle screen. Each time the terminal must come back in its normal mode
# and the database must pass `cambouis check`.
set -u
command -v tmux >/dev/null 2>&1 || { echo "tmux not found: skipped"; exit 77; }
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${CAMBOUIS:=$top_srcdir/src/cambouis}"
tmp=$(mktemp -d) || exit 99
sock=cambouis-test-$$
T() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'T kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
export TZ=Europe/Paris CAMBOUIS_NOW=2026-03-01T18:00
fail=0
db=$tmp/data/cambouis/demo.db

now_ms() { date +%s%3N; }
screen() { T capture-pane -p -t t; }
# wait until the screen shows $1 (up to 10 s)
wait_for() {
	i=0
	while [ $i -lt 1000 ]; do
		screen 2>/dev/null | grep -q -- "$1" && return 0
		sleep 0.01; i=$((i + 1))
	done
	echo "FAIL: '$1' never showed; the screen:"; screen; fail=1; return 1
}
# run cambouis in a shell that records its exit status and the terminal
# modes afterwards
start() { # TERM, then cambouis arguments
	term=$1; shift
	rm -f "$tmp/rc" "$tmp/stty" "$tmp/pid"
	T new-session -d -s t -x 80 -y 24 -c "$tmp" \
		"TERM=$term; export TERM; sh -c 'echo \$\$ >$tmp/pid; exec \"$CAMBOUIS\" $*'; echo \$? >$tmp/rc; stty -a >$tmp/stty; sleep 30"
}
finished() { # wait for the exit status, check it and the terminal
	want=$1
	i=0
	while [ ! -s "$tmp/stty" ] && [ $i -lt 1000 ]; do sleep 0.01; i=$((i + 1)); done
	rc=$(cat "$tmp/rc" 2>/dev/null)
	[ "$rc" = "$want" ] || { echo "FAIL: exit status '$rc', wanted $want"; screen; fail=1; }
	grep -q -- '-icanon' "$tmp/stty" && { echo "FAIL: terminal left in raw mode"; fail=1; }
	grep -q -- '-echo ' "$tmp/stty" && { echo "FAIL: terminal left without echo"; fail=1; }
	T kill-server 2>/dev/null
	sleep 0.1
}
db_ok() {
	"$CAMBOUIS" -d "$db" check >/dev/null || { echo "FAIL: cambouis check after $1"; fail=1; }
}

# 1. start (first run makes the demo database), type into a form, leave
t0=$(now_ms)
start xterm-256color --demo
wait_for "Next session" || exit 1
echo "first screen (first run, demo database made): $(( $(now_ms) - t0 )) ms"
T send-keys -t t 3 a 'Vélo' Tab 'Rue 中央' Tab 'Tours'
wait_for "Rue 中央"
T send-keys -t t Escape
wait_for "Nothing changed"
T send-keys -t t Q
finished 0
db_ok start

# time to the first screen on an existing database, several terminals
for term in xterm-256color screen-256color linux vt100; do
	t0=$(now_ms)
	start "$term" --demo
	wait_for "Next session" || exit 1
	echo "first screen ($term): $(( $(now_ms) - t0 )) ms"
	T send-keys -t t Q
	finished 0
done

# 2. keys typed while the terminal is too small are kept, then a storm of
# 100 resizes, some below the minimum size
start xterm-256color --demo
wait_for "Next session" || exit 1
T send-keys -t t 3 a
wait_for "Name  "
T resize-window -t t -x 40 -y 10
wait_for "too small"
T send-keys -t t 'Ate'
T resize-window -t t -x 80 -y 24
wait_for "Name  Ate"
T send-keys -t t 'lier'
i=0
while [ $i -lt 100 ]; do
	T resize-window -t t -x $((40 + i % 60)) -y $((10 + i % 30))
	i=$((i + 1))
done
T resize-window -t t -x 80 -y 24
wait_for "Name  Atelier"
kill -0 "$(cat "$tmp/pid")" 2>/dev/null || { echo "FAIL: died in the resize storm"; fail=1; }
T send-keys -t t Escape Q
finished 0

# 3. monkey: 10,000 random keys (without the quit keys q, Q, C-c, C-z)
start xterm-256color --demo
wait_for "Next session" || exit 1
keys="a b c d e f g h i j k l m n o p r s t u v w x y z A B C D E G H J K N S 0 1 2 3 9 [ ] / ? é 中 Up Down Left Right Home End PageUp PageDown Enter Escape Tab BTab BSpace DC F1 F2 F4 C-u C-a C-e C-d C-p C-l Space"
t0=$(now_ms)
awk -v seed=42 -v list="$keys" 'BEGIN { srand(seed); n = split(list, k, " ");
	for (i = 0; i < 10000; i++) { printf "%s%s", k[int(rand() * n) + 1], (i % 50 == 49) ? "\n" : " " } }' \
	>"$tmp/monkey"
while read -r line; do
	# shellcheck disable=SC2086
	T send-keys -t t $line || { echo "FAIL: tmux send-keys"; fail=1; break; }
done <"$tmp/monkey"
T send-keys -t t Escape Escape Escape
sleep 0.3
T send-keys -t t Escape Q
echo "monkey: 10000 keys in $(( $(now_ms) - t0 )) ms"
finished 0
db_ok "10000 random keys"

# 4. SIGTERM with a form open: the terminal comes back, nothing half-saved
before=$("$CAMBOUIS" -d "$db" venue list --format tsv | wc -l)
start xterm-256color --demo
wait_for "Next session" || exit 1
T send-keys -t t 3 a 'Pas enregistré'
wait_for "Pas enregistré"
kill -TERM "$(cat "$tmp/pid")"
finished 143
after=$("$CAMBOUIS" -d "$db" venue list --format tsv | wc -l)
[ "$before" = "$after" ] || { echo "FAIL: SIGTERM saved a half-typed venue"; fail=1; }
db_ok SIGTERM

# 5. a split F-key escape on Tonight with nothing planned: Esc arrives on
# its own, the rest of the sequence later as ordinary keys, which Tonight
# must take without a session (it crashed on them)
"$CAMBOUIS" -d "$tmp/empty.db" init --site-label split >/dev/null || exit 99
start xterm-256color -d "$tmp/empty.db"
wait_for "Calendar" || exit 1
T send-keys -t t 1
wait_for "No session is planned" || exit 1
for seq in '[24~' '[1;5A' '[11~' 'OP'; do
	T send-keys -t t Escape
	sleep 0.2 # well past the escape delay: the keys come one by one
	T send-keys -t t -l "$seq"
	sleep 0.2
done
kill -0 "$(cat "$tmp/pid")" 2>/dev/null || { echo "FAIL: died on a split escape sequence"; fail=1; }
wait_for "No session is planned"
T send-keys -t t Escape Q
finished 0

# 6. another process writes the database (a sync in another terminal):
# the running screen shows it within the idle tick, with no key pressed
"$CAMBOUIS" -d "$tmp/two.db" init --site-label two >/dev/null || exit 99
start xterm-256color -d "$tmp/two.db"
wait_for "Calendar" || exit 1
T send-keys -t t 3
wait_for "No venues yet" || exit 1
"$CAMBOUIS" -d "$tmp/two.db" venue add "Gymnase Kléber" >/dev/null || exit 99
wait_for "Gymnase Kléber" || { echo "FAIL: the Venues screen stayed stale"; fail=1; }
wait_for "1 change to sync"
T send-keys -t t Q
finished 0

# 7. an unknown terminal type: exit 3 with a message
start nosuchterminal --demo
finished 3

# 9. under LC_ALL=C a letter beyond ASCII typed in a form is kept (the
# character type falls back to C.UTF-8), not dropped ("Café" as "Caf")
rm -f "$tmp/rc" "$tmp/stty" "$tmp/pid"
T new-session -d -s t -x 80 -y 24 -c "$tmp" \
	"TERM=xterm-256color LC_ALL=C; export TERM LC_ALL; \"$CAMBOUIS\" -d \"$tmp/c.db\"; echo \$? >$tmp/rc; stty -a >$tmp/stty; sleep 30"
wait_for "Calendar" || exit 1
T send-keys -t t 3 a 'Café' F2
wait_for "Caf" || exit 1
T send-keys -t t Q
finished 0
"$CAMBOUIS" -d "$tmp/c.db" venue list --format tsv | grep -q '^Café' ||
	{ echo "FAIL: under LC_ALL=C the venue was saved as:"; "$CAMBOUIS" -d "$tmp/c.db" venue list; fail=1; }

# 8. a terminal that cannot place the cursor: exit 3 as for an unusable one,
# before the database is even made
start dumb -d "$tmp/dumb.db"
finished 3
[ -e "$tmp/dumb.db" ] && { echo "FAIL: TERM=dumb made the database"; fail=1; }
exit $fail
