#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end: unsaved changes survive a kill.
#
# 1. Open a copy of the built-in story's file, find Robert Wood and drag
#    him, as test-e2e-drag.sh does.
# 2. Wait for the recovery copy, a few seconds after the drag; it stores his
#    new place.  Kill the app with SIGKILL, as a crash would end it.
# 3. Start the app again, with no file: it asks whether to restore the
#    changes to story.dramatis.json; press Restore.  He is drawn at the
#    place he was dragged to: a click there shows his quotes.
# 4. Save (Ctrl+S): the changes go to the story's own file, and the
#    recovery copy goes.  Quit: the app must exit with status 0.
#
# Every step waits for what it expects, with a time limit, never for a fixed
# time; e2e-lib.sh says how.

set -eu

name=test-e2e-recovery
. "$(dirname "$0")/e2e-lib.sh"

actor=robert-wood
story="$workdir/story.dramatis.json"
cp "$STORY" "$story"
# e2e-lib.sh gives the app a data folder of the test's own.
recovery_dir="$XDG_DATA_HOME/dramatis/recovery"

# position FILE: prints "X Y PINNED" for the actor in the story FILE, or
# nothing while it stores no place for him.
position () {
  "$PYTHON" - "$1" "$actor" <<'PY'
import json
import sys

with open(sys.argv[1], encoding="utf-8") as story_file:
    story = json.load(story_file)
for a in story["actors"]:
    if a["id"] == sys.argv[2] and "position" in a:
        p = a["position"]
        print(repr(p["x"]), repr(p["y"]), str(p.get("pinned", False)).lower())
PY
}

# recovery_copy: prints the recovery copy's path once it and the file
# naming its origin are both there, or nothing.
recovery_copy () {
  for copy in "$recovery_dir"/*.dramatis.json; do
    [ -f "$copy" ] && [ -f "${copy%.dramatis.json}.origin" ] && echo "$copy" && return 0
  done
  return 0
}

# 1. The app on the story; drag Robert Wood.
start_app "$story"
locate_actor "$actor" "$story"
drag_actor

# 2. The recovery copy comes a few seconds after the drag.
copy=
for _ in $(seq 300); do
  copy=$(recovery_copy)
  [ -z "$copy" ] || break
  sleep 0.1
  app_alive
done
[ -n "$copy" ] || fail "no recovery copy in $recovery_dir"
say "recovery copy $copy"
recovered=$(position "$copy")
[ -n "$recovered" ] || fail "the recovery copy has no place for $actor"
read -r recovered_x recovered_y recovered_pinned <<EOF2
$recovered
EOF2
[ "$recovered_pinned" = true ] || fail "$actor is not pinned in the recovery copy"
moved_by_drag "$recovered_x" "$recovered_y" || fail "the recovery copy does not have him where he was put down"
[ -z "$(position "$story")" ] || fail "the story's file changed without a save"
# What the window will show once restored, for e2e-actor-point.
cp "$copy" "$workdir/recovered.dramatis.json"

kill -KILL "$app"
wait "$app" 2>/dev/null || true
app=
say "killed the app"

# 3. Start again, and restore.
start_app
a11y dialog "$app" "Restore Unsaved Changes?" "“story.dramatis.json”" "Restore"
# Restore is the dialog's default response.
xdotool key --clearmodifiers Return
say "pressed Restore"
locate_actor "$actor" "$workdir/recovered.dramatis.json"
"$PYTHON" -c 'import sys; a = list(map(float, sys.argv[1:])); sys.exit(abs(a[0] - a[2]) > 1e-9 or abs(a[1] - a[3]) > 1e-9)' \
  "$world_x" "$world_y" "$recovered_x" "$recovered_y" ||
  fail "the restored story lays $actor out at $world_x, $world_y, not where he was dragged"
click_shows_quotes "$point_x" "$point_y" "where he was dragged, restored,"

# 4. Ctrl+S saves to the story's own file, and the copy goes.
xdotool windowfocus --sync "$window"
xdotool key --clearmodifiers ctrl+s
saved=
for _ in $(seq 100); do
  saved=$(position "$story")
  [ -z "$saved" ] || break
  sleep 0.1
done
[ "$saved" = "$recovered" ] || fail "the story's file has “$saved” for him, not “$recovered”"
say "saved to the story's file"
for _ in $(seq 100); do
  [ -n "$(recovery_copy)" ] || break
  sleep 0.1
done
[ -z "$(ls -A "$recovery_dir")" ] || fail "the recovery folder still has $(ls "$recovery_dir")"

quit_app

say "ok"
