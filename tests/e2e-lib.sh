# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the end-to-end tests share: starting the real dramatis binary on the
# display the test runs in, finding its window, and finding where an actor is
# drawn in its network, so that a test can use the pointer and the keyboard
# as a user would, and read the app back through the accessibility bus as a
# screen reader would.  Sourced by test-e2e*.sh after they set `name`.
#
# Every step waits for what it expects, with a time limit, never for a fixed
# time.  A test exits with 77 (skipped) without a display, a session bus or
# the tools.  Environment, from tests/meson.build: DRAMATIS_BIN,
# E2E_ACTOR_POINT, E2E_EVENT_POINT, E2E_A11Y, PYTHON, STORY.

skip () {
  echo "$name: $1: skipping"
  exit 77
}

say () {
  echo "$name: $*"
}

fail () {
  say "$*"
  exit 1
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

workdir=$(mktemp -d "${TMPDIR:-/tmp}/dramatis-e2e.XXXXXX")
# The app's data folder, where it keeps recent files and recovery copies,
# is the test's own: nothing the test does touches the user's.
export XDG_DATA_HOME="$workdir/data"
app=
window=

finish () {
  status=$?
  if [ -n "$app" ] && kill -0 "$app" 2>/dev/null; then
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ] && [ -s "$workdir/app.log" ]; then
    echo "$name: the app's output:"
    sed 's/^/  /' "$workdir/app.log"
  fi
  rm -rf "$workdir"
  exit "$status"
}
trap finish EXIT
trap 'exit 1' HUP INT TERM

# a11y COMMAND PID …: runs e2e-a11y.py.  libatspi, under it, can abort the
# client (SIGTRAP) on a reply it does not expect while the app's tree
# changes; that is the test's reader failing, not the app, so a command
# that only reads is started again, twice at most.
a11y () {
  for try in 1 2 3; do
    "$PYTHON" "$E2E_A11Y" "$@" && return 0 || status=$?
    case "$1" in canvas|timeline|focused|descriptions|description|details|quotes|widget) ;; *) return "$status" ;; esac
    [ "$status" -gt 128 ] && [ "$try" -lt 3 ] || return "$status"
    say "the accessibility reader died of signal $((status - 128)); reading again"
    app_alive
  done
}

# window_gone TITLE: waits until the app has no window TITLE on the X
# server.  GTK 4.8 crashes when an accessibility client asks about a window
# while it is destroyed (it builds a reference from an object path it has
# already dropped), so a closing window is watched through X, not the
# accessibility bus.
window_gone () {
  for _ in $(seq 600); do
    app_alive
    found=
    for id in $(xdotool search --onlyvisible --pid "$app" --name "$1" 2>/dev/null); do
      [ "$(xdotool getwindowname "$id" 2>/dev/null)" = "$1" ] && found=$id
    done
    [ -n "$found" ] || return 0
    sleep 0.1
  done
  fail "the window “$1” did not close"
}

# start_app [STORY]: starts dramatis, on STORY or the built-in story, and
# waits for its window; sets app and window.
start_app () {
  # Under AddressSanitizer, the app's allocations are traced through every
  # frame: GLib has no frame pointers, so the fast unwinder stops in
  # g_malloc(), and .ci/lsan.supp could not tell the file chooser's
  # libraries' own leaks from the app's.
  if [ -n "${ASAN_OPTIONS:-}" ]; then
    ASAN_OPTIONS="$ASAN_OPTIONS:fast_unwind_on_malloc=0" "$DRAMATIS_BIN" "$@" >>"$workdir/app.log" 2>&1 &
  else
    "$DRAMATIS_BIN" "$@" >>"$workdir/app.log" 2>&1 &
  fi
  app=$!
  say "started dramatis $*, pid $app"

  window=$(timeout 60 xdotool search --sync --onlyvisible --pid "$app" --name 'Dramatis$' | head -n 1)
  [ -n "$window" ] || fail "no window"
  say "window $window"
}

# app_alive: fails the test, with the signal, if the app is gone.
app_alive () {
  if ! kill -0 "$app" 2>/dev/null; then
    wait "$app" && status=0 || status=$?
    app=
    if [ "$status" -gt 128 ]; then
      fail "the app died of signal $((status - 128)) ($(kill -l "$status" 2>/dev/null || echo unknown))"
    fi
    fail "the app exited with status $status"
  fi
}

# quit_app: Ctrl+Q, and waits for the app to exit on its own, with status 0
# (under the sanitizers, a leak or an error found at exit fails it).
quit_app () {
  xdotool windowfocus --sync "$window"
  xdotool key --clearmodifiers ctrl+q
  for _ in $(seq 100); do
    kill -0 "$app" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$app" 2>/dev/null && fail "the app did not quit"
  wait "$app" || fail "the app exited with status $?"
  app=
  say "the app quit"
}

# find_margins FRAME-WIDTH FRAME-HEIGHT: the accessibility tree gives
# places relative to the window's widget, of FRAME-WIDTH × FRAME-HEIGHT,
# which sits in its X window inside the margin GTK keeps around client-side
# decorations, the same on every side: half the difference between the two
# sizes.  Sets margin_x and margin_y.
find_margins () {
  eval "$(xdotool getwindowgeometry --shell "$window")"
  margin_x=$(( (WIDTH - $1) / 2 ))
  margin_y=$(( (HEIGHT - $2) / 2 ))
  say "X window ${WIDTH}x${HEIGHT}, widget ${1}x${2}"
  if [ "$margin_x" -lt 0 ] || [ "$margin_y" -lt 0 ]; then
    fail "the window is smaller than its widget"
  fi
}

# locate_actor ACTOR [STORY]: zooms the diagrams to fit (Ctrl+0) and finds
# where ACTOR is drawn.  The network's view is then a pure function of the
# story, the fonts and the canvas's size, and e2e-actor-point computes where
# the actor is drawn with the window's own layout and fitting code, from
# STORY or the built-in story.  The canvas's place and size come from the
# accessibility tree, within the margins find_margins finds.  Sets point_x
# and point_y (in the X window), world_x and world_y (the actor's place in
# the story's coordinates), zoom, and canvas_width, canvas_height and
# timeline_width.
locate_actor () {
  xdotool windowfocus --sync "$window"
  xdotool key --clearmodifiers ctrl+0

  canvas=$(a11y canvas "$app")
  read -r canvas_x canvas_y canvas_width canvas_height frame_width frame_height timeline_width <<EOF2
$canvas
EOF2

  find_margins "$frame_width" "$frame_height"
  say "network ${canvas_width}x${canvas_height} at $canvas_x,$canvas_y"

  point=$("$E2E_ACTOR_POINT" "$1" "$canvas_width" "$canvas_height" ${2:+"$2"})
  read -r canvas_point_x canvas_point_y world_x world_y zoom <<EOF2
$point
EOF2
  point_x=$(( margin_x + canvas_x + canvas_point_x ))
  point_y=$(( margin_y + canvas_y + canvas_point_y ))
  say "$1 is at $point_x,$point_y in the window ($world_x, $world_y in the story, zoom $zoom)"
}

# locate_event EVENT DISTANCE: zooms the diagrams to fit (Ctrl+0) and finds
# where EVENT is drawn on the timeline, and which way to drag it by
# DISTANCE pixels so that a click tells whether the drag panned the view,
# as locate_actor does for an actor, with e2e-event-point, on the built-in
# story.  Sets point_x and point_y (in the X window), drag_dx and drag_dy,
# and event_label, how the timeline names the event when it is selected.
locate_event () {
  xdotool windowfocus --sync "$window"
  xdotool key --clearmodifiers ctrl+0

  timeline=$(a11y timeline "$app")
  read -r timeline_x timeline_y timeline_width timeline_height frame_width frame_height <<EOF2
$timeline
EOF2

  find_margins "$frame_width" "$frame_height"
  say "timeline ${timeline_width}x${timeline_height} at $timeline_x,$timeline_y"

  "$E2E_EVENT_POINT" "$1" "$timeline_width" "$timeline_height" "$2" >"$workdir/event-point"
  read -r canvas_point_x canvas_point_y drag_dx drag_dy <"$workdir/event-point"
  event_label=$(sed -n 2p "$workdir/event-point")
  point_x=$(( margin_x + timeline_x + canvas_point_x ))
  point_y=$(( margin_y + timeline_y + canvas_point_y ))
  say "“$event_label” is at $point_x,$point_y in the window; a drag by $drag_dx,$drag_dy pans it away"
}

# remember_selection: notes how the diagrams describe the selection to
# assistive technologies; they name the event or actor selected.
remember_selection () {
  a11y descriptions "$app" >"$workdir/selection"
}

# selection_unchanged WHAT: fails unless the diagrams describe the
# selection as when remember_selection ran, telling that WHAT changed it.
selection_unchanged () {
  a11y descriptions "$app" >"$workdir/selection-now"
  if ! cmp -s "$workdir/selection" "$workdir/selection-now"; then
    say "before $1, the timeline and the network were described as:"
    sed 's/^/  /' "$workdir/selection"
    say "after it:"
    sed 's/^/  /' "$workdir/selection-now"
    fail "$1 changed the selection"
  fi
  say "$1 selected nothing"
}

# drag_actor: drags the actor locate_actor found 60 pixels across and 40
# down, towards the middle of the network, in steps as a hand moves.  The
# moves are in screen coordinates, so that they do not need the window: a
# crash is then told by app_alive, not by xdotool.  Sets drop_x and drop_y,
# where it was released in the window.
drag_actor () {
  step_x=6
  step_y=4
  [ "$canvas_point_x" -lt $(( canvas_width / 2 )) ] || step_x=-6
  [ "$canvas_point_y" -lt $(( canvas_height / 2 )) ] || step_y=-4
  drop_x=$point_x
  drop_y=$point_y
  eval "$(xdotool getwindowgeometry --shell "$window")"
  say "pressing at $point_x,$point_y"
  xdotool mousemove $(( X + point_x )) $(( Y + point_y )) mousedown 1
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    drop_x=$(( drop_x + step_x ))
    drop_y=$(( drop_y + step_y ))
    xdotool mousemove $(( X + drop_x )) $(( Y + drop_y ))
    sleep 0.05
    app_alive
  done
  xdotool mouseup 1
  say "released at $drop_x,$drop_y"
  app_alive
}

# moved_by_drag X Y: succeeds if X, Y (in the story's units) is where
# drag_actor put the actor down: its place before, moved by what the
# pointer moved.
moved_by_drag () {
  "$PYTHON" - "$world_x" "$world_y" "$zoom" $(( drop_x - point_x )) $(( drop_y - point_y )) "$1" "$2" <<'PY'
import sys

x, y, zoom, dx, dy, saved_x, saved_y = map(float, sys.argv[1:])
expected_x, expected_y = x + dx / zoom, y + dy / zoom
tolerance = 1.5 / zoom
if abs(saved_x - expected_x) > tolerance or abs(saved_y - expected_y) > tolerance:
    sys.exit(f"expected about {expected_x:.2f}, {expected_y:.2f}, not {saved_x:.2f}, {saved_y:.2f}")
PY
}

# click_shows_quotes X Y WHERE: a click at X, Y in the window must show the
# 3 quotes of $actor, Robert Wood, in the details pane.
click_shows_quotes () {
  xdotool mousemove --window "$window" "$1" "$2" click 1
  app_alive
  a11y details "$app" "$STORY" "$actor" >"$workdir/quotes"
  [ "$(wc -l <"$workdir/quotes")" -eq 3 ] || fail "a click $3 does not show his 3 quotes"
  say "a click $3 shows his quotes"
}

# click_widget WINDOW ROLE NAME: clicks, with the pointer, the middle of the
# widget the accessibility tree names NAME with the role ROLE, in the app's
# window titled WINDOW, as a user would: a dialog's button, a menu's item.
click_widget () {
  place=$(a11y widget "$app" "$1" "$2" "$3")
  read -r widget_x widget_y widget_width widget_height frame_width frame_height <<EOF2
$place
EOF2
  target=
  for id in $(xdotool search --onlyvisible --pid "$app" --name "$1" 2>/dev/null); do
    [ "$(xdotool getwindowname "$id" 2>/dev/null)" = "$1" ] && target=$id
  done
  [ -n "$target" ] || fail "no window “$1” on the X server"
  eval "$(xdotool getwindowgeometry --shell "$target")"
  click_x=$(( X + (WIDTH - frame_width) / 2 + widget_x + widget_width / 2 ))
  click_y=$(( Y + (HEIGHT - frame_height) / 2 + widget_y + widget_height / 2 ))
  say "clicking the $2 “$3” of “$1” at $click_x,$click_y"
  xdotool mousemove --sync "$click_x" "$click_y" click 1
}
