#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end: the window's panes in the real dramatis binary, wide and as
# narrow as a phone.
#
# 1. Start dramatis on the built-in story, wide.  Drag the line between the
#    sidebar and the diagrams 100 pixels to the right: the diagrams start
#    100 pixels further right.  Drag it 400 more: the sidebar widens only
#    as far as the diagrams and the details leave it room, and stays.
#    Home and Right, with the handle focused, make it 216 pixels wide.
# 2. Make the window 360 pixels wide: the sidebar and the details fold
#    away, and the diagrams take the whole width.
# 3. Click Robert Wood in the network: his quotes show, over the diagrams.
#    Press Escape, which selects nothing: they are gone, and the diagrams
#    have the whole width again.
# 4. Quit (Ctrl+Q): the app must exit with status 0.
#
# Every step waits for what it expects, with a time limit, never for a fixed
# time; e2e-lib.sh says how.

set -eu

name=test-e2e-narrow
. "$(dirname "$0")/e2e-lib.sh"

actor=robert-wood
distance=100

# 1. The sidebar's handle, just left of the diagrams.
start_app
timeline=$(a11y timeline "$app")
read -r timeline_x timeline_y timeline_width timeline_height frame_width frame_height <<EOF2
$timeline
EOF2
find_margins "$frame_width" "$frame_height"
eval "$(xdotool getwindowgeometry --shell "$window")"
handle_x=$(( margin_x + timeline_x - 1 ))
handle_y=$(( margin_y + timeline_y + timeline_height / 2 ))
say "dragging the sidebar's handle at $handle_x,$handle_y by $distance pixels"
xdotool mousemove $(( X + handle_x )) $(( Y + handle_y )) mousedown 1
for step in 1 2 3 4 5 6 7 8 9 10; do
  xdotool mousemove $(( X + handle_x + step * distance / 10 )) $(( Y + handle_y ))
  app_alive
done
xdotool mouseup 1

moved=
for _ in $(seq 100); do
  read -r now_x _ <<EOF2
$(a11y timeline "$app")
EOF2
  if [ "$now_x" -ge $(( timeline_x + distance - 2 )) ] && [ "$now_x" -le $(( timeline_x + distance + 2 )) ]; then
    moved=yes
    break
  fi
  sleep 0.1
done
[ -n "$moved" ] || fail "the diagrams start at $now_x after the drag, not $(( timeline_x + distance ))"
say "the diagrams moved from $timeline_x to $now_x"

handle_x=$(( handle_x + distance ))
xdotool mousemove $(( X + handle_x )) $(( Y + handle_y )) mousedown 1
for step in 1 2 3 4 5 6 7 8 9 10; do
  xdotool mousemove $(( X + handle_x + step * 40 )) $(( Y + handle_y ))
  app_alive
done
xdotool mouseup 1
for _ in $(seq 100); do
  read -r wide_x _ <<EOF2
$(a11y timeline "$app")
EOF2
  [ "$wide_x" -gt "$now_x" ] && break
  sleep 0.1
done
[ "$wide_x" -gt "$now_x" ] || fail "the sidebar folded away when dragged wider (the diagrams start at $wide_x)"
say "dragged 400 pixels further, the sidebar stops at $wide_x and stays beside the diagrams"

# The handle also moves with the keyboard: it comes before the timeline in
# the focus chain, which comes before the network, focused by a click on
# an empty corner of it; Home narrows the sidebar to its least, 200
# pixels, and Right widens it by 16.
read -r canvas_x canvas_y canvas_width canvas_height _ <<EOF2
$(a11y canvas "$app")
EOF2
xdotool mousemove --window "$window" $(( margin_x + canvas_x + canvas_width - 20 )) \
  $(( margin_y + canvas_y + canvas_height - 20 )) click 1
a11y focused "$app" image "Actor network"
xdotool key --clearmodifiers shift+Tab shift+Tab
a11y focused "$app" separator "Sidebar Width"
xdotool key --clearmodifiers Home
xdotool key --clearmodifiers Right
for _ in $(seq 100); do
  read -r keyed_x _ <<EOF2
$(a11y timeline "$app")
EOF2
  [ "$keyed_x" -lt "$wide_x" ] && break
  sleep 0.1
done
[ "$keyed_x" -eq $(( timeline_x - 280 + 216 )) ] ||
  fail "after Home and Right on the handle, the diagrams start at $keyed_x, not $(( timeline_x - 280 + 216 ))"
say "Home and Right on the handle leave the sidebar 216 pixels wide"

# 2. As narrow as a phone.
xdotool windowsize "$window" 360 720
narrow=
for _ in $(seq 100); do
  read -r canvas_x _ canvas_width _ frame_width _ <<EOF2
$(a11y canvas "$app")
EOF2
  if [ "$frame_width" -le 360 ] && [ "$canvas_x" -eq 0 ] && [ "$canvas_width" -eq "$frame_width" ]; then
    narrow=yes
    break
  fi
  sleep 0.1
done
[ -n "$narrow" ] || fail "at 360 pixels, the network is ${canvas_width} pixels wide at $canvas_x, in a window of $frame_width"
say "at 360 pixels, the network has the whole width"

# 3. A click opens the details over the diagrams; Escape closes them.
locate_actor "$actor"
xdotool mousemove --window "$window" "$point_x" "$point_y" click 1
a11y quotes "$app" "$STORY" "$actor" shown
say "a click on $actor shows his quotes"
xdotool key --clearmodifiers Escape
a11y quotes "$app" "$STORY" "$actor" hidden
read -r canvas_x _ canvas_width _ frame_width _ <<EOF2
$(a11y canvas "$app")
EOF2
[ "$canvas_x" -eq 0 ] && [ "$canvas_width" -eq "$frame_width" ] || fail "the network is $canvas_width pixels wide at $canvas_x after Escape"
say "Escape hides them, and the network has the whole width"

# 4. Quit.
quit_app

say "ok"
