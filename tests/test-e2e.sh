#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end: the real dramatis binary on the display the test runs in, used
# with the pointer and the keyboard as a user would, and read back through
# the accessibility bus as a screen reader would.
#
# 1. Start dramatis on the built-in story and wait for its window.
# 2. Zoom the diagrams to fit (Ctrl+0) and find where Robert Wood is drawn.
# 3. Click Robert Wood's node with xdotool, then wait until the details pane
#    shows his three quotes, and no one else's, and the network tells
#    assistive technologies that he is the actor selected.
# 4. Export: Ctrl+E, the dialog's Export… button, a file name in the file
#    chooser, Export; then check that the file is a PNG as wide as the
#    diagrams on screen.
# 5. Quit (Ctrl+Q): the app must exit with status 0.
#
# Every step waits for what it expects, with a time limit, never for a fixed
# time; e2e-lib.sh says how.

set -eu

name=test-e2e
. "$(dirname "$0")/e2e-lib.sh"

actor=robert-wood

# 1. The app and its window.
start_app

# 2. Where the network is, and Robert Wood in it.
locate_actor "$actor"

# 3. Click him, and read the details pane.
say "clicking $actor"
xdotool mousemove --window "$window" "$point_x" "$point_y" click 1

a11y details "$app" "$STORY" "$actor" >"$workdir/quotes"
say "the details pane shows:"
sed 's/^/  /' "$workdir/quotes"
[ "$(wc -l <"$workdir/quotes")" -eq 3 ] || fail "expected 3 quotes"

# 4. Export to PNG through the dialog and the file chooser.
png="$workdir/story.png"
xdotool windowfocus --sync "$window"
xdotool key --clearmodifiers ctrl+e
a11y export-dialog "$app"
a11y save-as "$app" "$png"
window_gone Export

# The file is written after the dialog closes, in the background.
for _ in $(seq 100); do
  app_alive
  [ -s "$png" ] && break
  sleep 0.1
done
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

# 5. Quit as a user does: under the sanitizers, that is when leaks are told.
quit_app

say "ok"
