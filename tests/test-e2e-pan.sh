#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end: a drag that starts on an event of the timeline pans the view
# and selects nothing; only a click selects, in the real dramatis binary.
#
# 1. Start dramatis on the built-in story, zoom to fit (Ctrl+0) and find
#    where the invasion of Ukraine is drawn on the timeline, and a drag of
#    60 pixels after which it is drawn where it was not.
# 2. Press on the event, move the pointer that way in small steps, release.
#    Then Ctrl+F, which moves the focus to the search entry: once it has,
#    the app has handled the release, and the timeline and the network
#    must still describe the selection as they did before the drag:
#    nothing is selected.
# 3. Click where the event is once the view moved: that selects it, which
#    tells that the drag panned the view and that a click selects.
# 4. Quit (Ctrl+Q): the app must exit with status 0.
#
# Every step waits for what it expects, with a time limit, never for a fixed
# time; e2e-lib.sh says how.

set -eu

name=test-e2e-pan
. "$(dirname "$0")/e2e-lib.sh"

event=invasion-of-ukraine
distance=60

# 1. The app, and the event on its timeline.
start_app
locate_event "$event" "$distance"
remember_selection

# 2. Drag from the event, in steps as a hand moves.  The moves are in screen
# coordinates, so that they do not need the window: a crash is then told by
# app_alive, not by xdotool.
eval "$(xdotool getwindowgeometry --shell "$window")"
say "pressing on “$event_label” at $point_x,$point_y"
xdotool mousemove $(( X + point_x )) $(( Y + point_y )) mousedown 1
# The press gives the timeline the focus: then the app has handled it.
a11y focused "$app" image Timeline
drag_x=$point_x
drag_y=$point_y
for _ in 1 2 3 4 5 6 7 8 9 10; do
  drag_x=$(( drag_x + drag_dx / 10 ))
  drag_y=$(( drag_y + drag_dy / 10 ))
  xdotool mousemove $(( X + drag_x )) $(( Y + drag_y ))
  app_alive
done
xdotool mouseup 1
say "released at $drag_x,$drag_y"

# Keys come after the release: once Ctrl+F has moved the focus, the release
# has been handled too.
xdotool key --clearmodifiers ctrl+f
a11y focused "$app" entry
app_alive
selection_unchanged "the drag"
# The search must not have moved the timeline, or the click below would
# miss.
[ "$(a11y timeline "$app")" = "$timeline" ] || fail "the timeline moved when the search took the focus"

# 3. The event moved with the view: a click where it is now selects it.
xdotool mousemove --window "$window" "$drag_x" "$drag_y" click 1
a11y description "$app" Timeline "$event_label"
say "a click on “$event_label” where the drag took it selects it"

# 4. Quit.
quit_app

say "ok"
