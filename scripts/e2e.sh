#!/usr/bin/env bash
# End-to-end: build linkdive, run it in tmux (120x40) on the built-in demo
# data as a new user would, send keys, and check the captured screens.
# Set E2E_OUT=dir to keep the captures.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
sock="linkdive-e2e-$$"
cleanup() {
	tmux -L "$sock" kill-server 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

bin="$work/linkdive"
go build -o "$bin" .
# A fresh user: no key, empty config/cache/state directories.
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_STATE_HOME="$work/state"
mkdir -p "$HOME"
unset SEMRUSH_API_KEY LINKDIVE_API_URL TMUX SSH_TTY SSH_CONNECTION NO_COLOR || true

fail() {
	echo "e2e: FAIL: $*" >&2
	echo "---- screen ----" >&2
	tmux -L "$sock" capture-pane -p -t e2e >&2 || true
	exit 1
}

screen() { tmux -L "$sock" capture-pane -p -t e2e; }

# wait_for TEXT: poll the screen until it shows TEXT (10 s).
wait_for() {
	for _ in $(seq 1 100); do
		if screen | grep -qF -- "$1"; then return 0; fi
		sleep 0.1
	done
	fail "the screen never showed: $1"
}

# gone TEXT: poll until the screen no longer shows TEXT (10 s).
gone() {
	for _ in $(seq 1 100); do
		if ! screen | grep -qF -- "$1"; then return 0; fi
		sleep 0.1
	done
	fail "the screen still shows: $1"
}

keys() { tmux -L "$sock" send-keys -t e2e "$@"; }

capture() {
	if [ -n "${E2E_OUT:-}" ]; then
		mkdir -p "$E2E_OUT"
		screen >"$E2E_OUT/$1.txt"
	fi
}

# 1. Piped output is refused with a hint, not a broken screen.
set +e
"$bin" example.com >"$work/out" 2>"$work/err"
code=$?
set -e
[ "$code" = 2 ] || { echo "e2e: FAIL: piped stdout exited $code, want 2" >&2; exit 1; }
grep -q "needs a terminal" "$work/err" || { echo "e2e: FAIL: no hint for piped stdout" >&2; exit 1; }

# 2. The explorer on demo data: the prompt is prefilled, Enter opens it.
tmux -L "$sock" new-session -d -s e2e -x 120 -y 40 "$bin; echo EXITED \$?; sleep 30"
tmux -L "$sock" set -g set-clipboard on
wait_for "Which site's backlink profile?"
wait_for "target: example.com"
wait_for "DEMO"
keys Enter
wait_for "Backlink profile of example.com"
wait_for "Authority Score profile"
wait_for "Categories of example.com"
wait_for "spent 190 units"
capture overview

# 3. Backlinks: a page of 100 rows, then the next one near the end.
keys 2
wait_for "100 rows loaded"
wait_for "Page AS"
capture backlinks
keys G
wait_for "200 rows loaded"
wait_for "spent 8,190 units"

# 4. Referring domains, drill into one, and back.
keys 3
wait_for "Referring domains"
wait_for "100 rows loaded"
keys j j Enter
wait_for "Referring domains › Backlinks from"
wait_for "filter +|refdomain|Eq|"
capture drilldown
keys Escape
wait_for "3/100"
gone "Backlinks from"

# 5. The filter editor builds a display_filter and applies it.
keys f
wait_for "Filter · Referring domains"
keys C-n Tab Right
wait_for "display_filter +|type||lostdomain"
capture filter-editor
keys Enter
gone "Filter · Referring domains"
wait_for "·  filter +|type||lostdomain"

# 6. Copy: inside tmux the OSC 52 lands in tmux's buffer.
keys y
wait_for "sent to the terminal clipboard"
sleep 0.3
buf=$(tmux -L "$sock" show-buffer 2>/dev/null || true)
case "$buf" in
*.*) ;;
*) fail "tmux buffer after y: '$buf'" ;;
esac
capture copy

# 7. History, help, resize, quit.
keys 1
for _ in 1 2 3 4 5 6 7 8 9 10; do keys Tab; done
wait_for "Backlinks (left)"
capture history
# 8. Compare and Link gap: competitors added with a / A, run, drill.
keys 9
wait_for "Similarity"
wait_for "43 rows"
keys a j a
wait_for "to Compare (3 targets"
keys g A j A
wait_for "to Link gap (3 targets"
keys Tab Tab Tab
wait_for "Compare: targets (3 of up to 200)"
wait_for "run: 3 targets × 40 = 120 units"
keys Enter
wait_for "3 targets: example.com"
wait_for "all 3 rows"
wait_for "█"
capture compare
keys Tab
wait_for "Link gap: targets (3 of up to 5)"
keys Enter
wait_for "Targets"
wait_for "100 rows loaded"
keys f C-p
wait_for "display_filter +|backlinksnum_0|Eq|0|+|backlinksnum_1|Gt|0|+|backlinksnum_2|Gt|0"
keys Enter
gone "Filter · Link gap"
wait_for "·  filter +|backlinksnum_0|Eq|0"
wait_for "100 rows loaded"
capture linkgap
keys Enter
wait_for "Backlinks from"
keys Enter
wait_for "Link gap › Backlinks from"
capture linkgap-drill
keys Escape
gone "Link gap › Backlinks from"
wait_for "·  filter +|backlinksnum_0|Eq|0"

keys '?'
wait_for "Keys"
keys x
gone "any key closes this help"
tmux -L "$sock" resize-window -t e2e -x 30 -y 8 2>/dev/null || true
tmux -L "$sock" resize-window -t e2e -x 120 -y 40 2>/dev/null || true
keys q
wait_for "EXITED 0"
echo "e2e: ok"
