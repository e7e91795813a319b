#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end: the real dramatis binary on the display the test runs in, used
# with the pointer and the keyboard as a user would, and read back through
# the accessibility bus as a screen reader would.
#
# 1. Start dramatis on the built-in story and wait for its window.
# 2. Zoom the diagrams to fit (Ctrl+0).  The network's view is then a pure
#    function of the story, the fonts and the canvas's size, and
#    e2e-actor-point computes where Robert Wood is drawn with the window's own
#    layout and fitting code.  The canvas's place and size come from the
#    accessibility tree.  GTK 4 gives those relative to the window's widget,
#    which sits in its X window inside the margin GTK keeps around
#    client-side decorations, the same on every side: half the difference
#    between the two sizes.
# 3. Click Robert Wood's node with xdotool, then wait until the details pane
#    shows his three quotes, and no one else's, and the network tells
#    assistive technologies that he is the actor selected.
# 4. Export: Ctrl+E, the dialog's Export… button, a file name in the file
#    chooser, Export; then check that the file is a PNG as wide as the
#    diagrams on screen.
#
# Every step waits for what it expects, with a time limit, never for a fixed
# time.  Exits with 77 (skipped) without a display, a session bus or the
# tools.  Environment, from tests/meson.build: DRAMATIS_BIN, E2E_ACTOR_POINT,
# E2E_A11Y, PYTHON, STORY.

set -eu

skip () {
  echo "test-e2e: $1: skipping"
  exit 77
}

say () {
  echo "test-e2e: $*"
}

[ -n "${DISPLAY:-}" ] || skip "no display"
[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || skip "no session bus (run under dbus-run-session)"
command -v xdotool >/dev/null 2>&1 || skip "xdotool is not installed"
"$PYTHON" -c 'import pyatspi' 2>/dev/null || skip "python3-pyatspi is not installed"

# The app must talk to the accessibility bus, and save through GTK's own
# file chooser.
unset NO_AT_BRIDGE GTK_A11Y
export GTK_USE_PORTAL=0
export GDK_BACKEND=x11

actor=robert-wood
workdir=$(mktemp -d "${TMPDIR:-/tmp}/dramatis-e2e.XXXXXX")
app=

finish () {
  status=$?
  if [ -n "$app" ] && kill -0 "$app" 2>/dev/null; then
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ] && [ -s "$workdir/app.log" ]; then
    echo "test-e2e: the app's output:"
    sed 's/^/  /' "$workdir/app.log"
  fi
  rm -rf "$workdir"
  exit "$status"
}
trap finish EXIT
trap 'exit 1' HUP INT TERM

a11y () {
  "$PYTHON" "$E2E_A11Y" "$@"
}

# 1. The app and its window.
"$DRAMATIS_BIN" >"$workdir/app.log" 2>&1 &
app=$!
say "started dramatis, pid $app"

window=$(timeout 60 xdotool search --sync --onlyvisible --pid "$app" --name 'Dramatis$' | head -n 1)
[ -n "$window" ] || { say "no window"; exit 1; }
say "window $window"

# 2. Where the network is, and Robert Wood in it.
xdotool windowfocus --sync "$window"
xdotool key --clearmodifiers ctrl+0

canvas=$(a11y canvas "$app")
read -r canvas_x canvas_y canvas_width canvas_height frame_width frame_height timeline_width <<EOF
$canvas
EOF

eval "$(xdotool getwindowgeometry --shell "$window")"
margin_x=$(( (WIDTH - frame_width) / 2 ))
margin_y=$(( (HEIGHT - frame_height) / 2 ))
say "X window ${WIDTH}x${HEIGHT}, widget ${frame_width}x${frame_height}, network ${canvas_width}x${canvas_height} at $canvas_x,$canvas_y"
if [ "$margin_x" -lt 0 ] || [ "$margin_y" -lt 0 ]; then
  say "the window is smaller than its widget"
  exit 1
fi

point=$("$E2E_ACTOR_POINT" "$actor" "$canvas_width" "$canvas_height")
read -r point_x point_y <<EOF
$point
EOF
click_x=$(( margin_x + canvas_x + point_x ))
click_y=$(( margin_y + canvas_y + point_y ))

# 3. Click him, and read the details pane.
say "clicking $actor at $click_x,$click_y in the window"
xdotool mousemove --window "$window" "$click_x" "$click_y" click 1

a11y details "$app" "$STORY" "$actor" >"$workdir/quotes"
say "the details pane shows:"
sed 's/^/  /' "$workdir/quotes"
[ "$(wc -l <"$workdir/quotes")" -eq 3 ] || { say "expected 3 quotes"; exit 1; }

# 4. Export to PNG through the dialog and the file chooser.
png="$workdir/story.png"
xdotool windowfocus --sync "$window"
xdotool key --clearmodifiers ctrl+e
a11y export-dialog "$app"
a11y save-as "$app" "$png"
a11y gone "$app" Export

[ -s "$png" ] || { say "no file at $png"; exit 1; }
signature=$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')
[ "$signature" = 89504e470d0a1a0a ] || { say "not a PNG: $signature"; exit 1; }
header=$(head -c 16 "$png" | tail -c 4)
[ "$header" = IHDR ] || { say "no PNG header: $header"; exit 1; }
png_width=$(( $(head -c 20 "$png" | tail -c 4 | od -An -tu1 | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }') ))
png_height=$(( $(head -c 24 "$png" | tail -c 4 | od -An -tu1 | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }') ))
say "exported a ${png_width}x${png_height} PNG"

# The dialog proposes the width of the diagrams on screen, at 1×.
expected_width=$canvas_width
if [ "$timeline_width" -gt "$expected_width" ]; then
  expected_width=$timeline_width
fi
if [ "$expected_width" -lt 400 ]; then
  expected_width=400
fi
[ "$png_width" -eq "$expected_width" ] || { say "expected a width of $expected_width"; exit 1; }
[ "$png_height" -gt 0 ] || { say "no height"; exit 1; }

say "ok"
