#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end: drag an actor in the network of the real dramatis binary, as a
# user moves one by hand, then save and reopen the story.
#
# 1. Open a copy of the built-in story's file, zoom to fit (Ctrl+0) and find
#    where Robert Wood is drawn.
# 2. Press on him, move the pointer in small steps, release.  The app must
#    survive it.
# 3. Save (Ctrl+S): the file stores his new place, pinned, and no other
#    actor's.  The key comes after the release, so by then the app has
#    handled the whole drag, which must have moved him and selected
#    nothing: the diagrams describe the selection as before it.  He must
#    be drawn where he was put down: a click there shows his quotes in the
#    details pane.
# 4. Quit, open the saved file again: he is drawn at the saved place, and a
#    click there shows his quotes.  Quit again: the app must exit with
#    status 0 both times.
#
# Every step waits for what it expects, with a time limit, never for a fixed
# time; e2e-lib.sh says how.

set -eu

name=test-e2e-drag
. "$(dirname "$0")/e2e-lib.sh"

actor=robert-wood
story="$workdir/story.dramatis.json"
cp "$STORY" "$story"

# stored_position: prints "X Y PINNED" for the actor in the saved file, or
# nothing while it stores no place, and fails if another actor has one.
stored_position () {
  "$PYTHON" - "$story" "$actor" <<'PY'
import json
import sys

with open(sys.argv[1], encoding="utf-8") as story_file:
    story = json.load(story_file)
placed = [a for a in story["actors"] if "position" in a]
others = [a["id"] for a in placed if a["id"] != sys.argv[2]]
if others:
    sys.exit(f"the file stores the places of actors nobody moved: {others}")
for a in placed:
    p = a["position"]
    print(repr(p["x"]), repr(p["y"]), str(p.get("pinned", False)).lower())
PY
}

# 1. The app on the story, and Robert Wood in its network.
start_app "$story"
locate_actor "$actor" "$story"
[ -z "$(stored_position)" ] || fail "the story stores his place before the drag"
remember_selection

# 2. Drag him 60 pixels across and 40 down, towards the middle of the
# network, in steps as a hand moves.
drag_actor

# 3. Save, and read his place back from the file.
xdotool windowfocus --sync "$window"
xdotool key --clearmodifiers ctrl+s
saved=
for _ in $(seq 100); do
  saved=$(stored_position) || fail "the saved file is not as expected"
  [ -z "$saved" ] || break
  sleep 0.1
done
[ -n "$saved" ] || fail "the saved file has no place for $actor"
read -r saved_x saved_y saved_pinned <<EOF
$saved
EOF
say "the file stores $actor at $saved_x, $saved_y, pinned: $saved_pinned"
[ "$saved_pinned" = true ] || fail "$actor is not pinned"

# A drag selects nothing, even one that moves an actor.
selection_unchanged "the drag"

# He is drawn where he was put down: a click there selects him.
click_shows_quotes "$drop_x" "$drop_y" "where he was put down"

# The place moved by what the pointer moved, in the story's units.
moved_by_drag "$saved_x" "$saved_y" || fail "the place in the file is not where he was put down"

# 4. Quit, reopen the saved story: he is drawn at his saved place.
quit_app
start_app "$story"
locate_actor "$actor" "$story"
"$PYTHON" -c 'import sys; a = list(map(float, sys.argv[1:])); sys.exit(abs(a[0] - a[2]) > 1e-9 or abs(a[1] - a[3]) > 1e-9)' \
  "$world_x" "$world_y" "$saved_x" "$saved_y" ||
  fail "the reopened story lays $actor out at $world_x, $world_y, not at his saved place"

click_shows_quotes "$point_x" "$point_y" "on his saved place, reopened,"

quit_app

say "ok"
