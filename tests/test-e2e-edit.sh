#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end: edit a story in the real dramatis binary with the pointer and
# the keyboard, as a user builds one, and undo and redo the edits.
#
# 1. Open a story file with nothing in it: the window says how to begin.
#    Its Add an Actor… button opens the actor's dialog; a name and Return
#    add the actor.
# 2. A secondary click on the network's empty space opens its menu, whose
#    mnemonic (A) opens the dialog again: a second actor.
# 3. Save (Ctrl+S): the file has both actors.
# 4. Delete, on the second actor's row in the sidebar, deletes it.  Ctrl+Z
#    brings it back, Ctrl+Shift+Z deletes it again, Ctrl+Z brings it back.
#    The file, saved after each step, follows.
# 5. Quit: nothing is left unsaved, so the app exits at once, with status 0.
#
# Every step waits for what it expects, with a time limit, never for a fixed
# time; e2e-lib.sh says how.

set -eu

name=test-e2e-edit
. "$(dirname "$0")/e2e-lib.sh"

# Under AddressSanitizer, the Delete key sent once a row is selected is not
# acted on, for a reason not found yet; the plain pass of .ci/run runs this.
[ -z "${ASAN_OPTIONS:-}" ] || skip "the sanitized build does not take step 4's keys"

story="$workdir/story.dramatis.json"
printf '{ "format": "dramatis-story", "version": "1.0", "title": "Treaty" }\n' >"$story"

# actors_saved: prints the names of the actors in the file, one line.
actors_saved () {
  "$PYTHON" - "$story" <<'PY'
import json
import sys

with open(sys.argv[1], encoding="utf-8") as story_file:
    story = json.load(story_file)
print(",".join(actor["name"] for actor in story.get("actors", [])))
PY
}

# save_and_expect NAMES: saves with Ctrl+S, and waits until the file has
# the actors NAMES (as actors_saved prints them).
save_and_expect () {
  xdotool windowfocus --sync "$window"
  xdotool key --clearmodifiers ctrl+s
  for _ in $(seq 100); do
    app_alive
    [ "$(actors_saved)" = "$1" ] && { say "saved: $1"; return 0; }
    sleep 0.1
  done
  fail "the saved file has “$(actors_saved)”, not “$1”"
}

# add_actor NAME: types NAME in the actor's dialog, and adds it with
# Return.
add_actor () {
  dialog=$(timeout 30 xdotool search --sync --onlyvisible --pid "$app" --name '^New Actor$' | head -n 1)
  [ -n "$dialog" ] || fail "no New Actor dialog"
  # Into the name, clicked as a user does before typing: the dialog gives
  # it the focus, but the X server, with no window manager, may not yet
  # give the dialog the keys.
  click_widget "New Actor" text Name
  xdotool type --delay 20 "$1"
  xdotool key --clearmodifiers Return
  window_gone "New Actor"
  say "added $1"
}

start_app "$story"
# The window is named after the story once the story has loaded.
title="Treaty — Dramatis"
for _ in $(seq 300); do
  app_alive
  [ "$(xdotool getwindowname "$window")" = "$title" ] && break
  sleep 0.1
done
[ "$(xdotool getwindowname "$window")" = "$title" ] || fail "the window is not named “$title”"

# 1. The empty story's own button.
click_widget "$title" "push button" "Add an Actor…"
add_actor "Vladimir Putin"

# 2. The network's menu, from empty space in its corner.
canvas=$(a11y canvas "$app")
read -r canvas_x canvas_y canvas_width canvas_height frame_width frame_height timeline_width <<EOF2
$canvas
EOF2
find_margins "$frame_width" "$frame_height"
xdotool mousemove --sync $((margin_x + canvas_x + 12)) $((margin_y + canvas_y + 12)) click 3
a11y widget "$app" "$title" "menu item" "Add Actor…" >/dev/null
xdotool key a
add_actor "Kim Jong Un"

# 3. Saved, the file has both.
save_and_expect "Vladimir Putin,Kim Jong Un"

# 4. Delete on the actor's row deletes it; undo and redo.  Nothing
# selected, the row's is the only label with the actor's name: the details
# pane has none.
xdotool key --clearmodifiers Escape
click_widget "$title" "label" "Kim Jong Un"
a11y description "$app" "Actor network" "Kim Jong Un"
xdotool key --clearmodifiers Delete
save_and_expect "Vladimir Putin"
xdotool key --clearmodifiers ctrl+z
save_and_expect "Vladimir Putin,Kim Jong Un"
xdotool key --clearmodifiers ctrl+shift+z
save_and_expect "Vladimir Putin"
xdotool key --clearmodifiers ctrl+z
save_and_expect "Vladimir Putin,Kim Jong Un"

# 5. Nothing unsaved: Ctrl+Q quits at once.
quit_app
