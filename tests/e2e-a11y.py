#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads and drives a running Dramatis through the accessibility bus.

A helper of test-e2e.sh, which starts the app and does what a user does with
the pointer and the keyboard; this reads what the app shows, the way a screen
reader does.  Each command waits for what it expects, polling the
accessibility tree until it holds or TIMEOUT seconds have passed, and exits
with 1, telling what it saw, if it never does.

    e2e-a11y.py canvas PID
        prints "X Y WIDTH HEIGHT FRAME-WIDTH FRAME-HEIGHT TIMELINE-WIDTH":
        where the actor network is in the window (GTK 4 gives positions
        relative to the window's widget), the size of that widget, and the
        width of the timeline
    e2e-a11y.py timeline PID
        prints "X Y WIDTH HEIGHT FRAME-WIDTH FRAME-HEIGHT": where the
        timeline is in the window, and the size of the window's widget
    e2e-a11y.py focused PID ROLE [NAME]
        waits until what has the keyboard focus in the window has the role
        ROLE (and the name NAME)
    e2e-a11y.py descriptions PID
        prints the descriptions of the timeline and of the actor network,
        each on a line: they name the event or actor selected, if any
    e2e-a11y.py description PID CANVAS TEXT
        waits until the canvas named CANVAS ("Timeline", "Actor network")
        has the description TEXT
    e2e-a11y.py details PID STORY ACTOR-ID
        waits until the details pane shows every statement of the actor in
        the story file, and no one else's, and the network says it is the
        actor selected
    e2e-a11y.py quotes PID STORY ACTOR-ID shown|hidden
        waits until every statement of the actor in the story file shows,
        wherever the details are (beside the diagrams or over them), or
        until none of them does
    e2e-a11y.py export-dialog PID
        waits for the export dialog and presses its Export… button
    e2e-a11y.py widget PID WINDOW ROLE NAME
        prints "X Y WIDTH HEIGHT FRAME-WIDTH FRAME-HEIGHT": where the widget
        with the role ROLE and the name NAME (without a mnemonic's underline)
        shows in the app's window
        titled WINDOW, the leftmost if there are several, and the size of
        that window's widget; the test clicks it with the pointer
    e2e-a11y.py dialog PID HEADING TEXT RESPONSE
        waits for a message dialog with the heading HEADING whose body has
        TEXT in it and a button RESPONSE (its label, without the mnemonic's
        underline), and leaves the pressing to the keyboard: a button pressed
        through the accessibility bus that closes its window makes GTK 4.8
        reply for a widget it has destroyed, and crash
    e2e-a11y.py save-as PID PATH
        waits for the file chooser, names the file PATH and presses Export
"""

import json
import sys
import time

import pyatspi

TIMEOUT = 60
POLL = 0.1


def fail(message):
    print(f"e2e-a11y: {message}", file=sys.stderr)
    sys.exit(1)


def app_for_pid(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.get_process_id() == pid:
            return app
    return None


def walk(accessible):
    yield accessible
    for i in range(accessible.childCount):
        child = accessible.getChildAtIndex(i)
        if child is not None:
            yield from walk(child)


def showing(accessible):
    # GTK 4.8 does not keep STATE_SHOWING up to date; what is not on screen
    # (a hidden page of a stack, say) has no size.
    if not accessible.getState().contains(pyatspi.STATE_VISIBLE):
        return False
    _, _, width, height = extents(accessible)
    return width > 0 and height > 0


def extents(accessible):
    box = accessible.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return box.x, box.y, box.width, box.height


def wait(pid, what, probe):
    """Polls probe(app) until it returns something other than None."""
    deadline = time.monotonic() + TIMEOUT
    seen = None
    while time.monotonic() < deadline:
        app = app_for_pid(pid)
        if app is not None:
            try:
                result = probe(app)
            except Exception as error:  # an object that went away meanwhile
                result, seen = None, error
            if result is not None:
                return result
        time.sleep(POLL)
    windows = []
    app = app_for_pid(pid)
    if app is not None:
        windows = [f"{window.getRoleName()} “{window.name}”" for window in walk_windows(app)]
    fail(f"timed out waiting for {what}" + (f" (last error: {seen})" if seen else "")
         + f"; the app's windows: {', '.join(windows) if windows else 'none'}")


def main_frame(app):
    for window in walk_windows(app):
        if window.getRoleName() == "frame" and window.name.endswith("Dramatis"):
            return window
    return None


def walk_windows(app):
    return [app.getChildAtIndex(i) for i in range(app.childCount)]


def find(root, role, name=None, predicate=None):
    for accessible in walk(root):
        if role is not None and accessible.getRoleName() != role:
            continue
        if name is not None and accessible.name != name:
            continue
        if predicate is not None and not predicate(accessible):
            continue
        return accessible
    return None


def canvas(pid):
    def probe(app):
        frame = main_frame(app)
        if frame is None:
            return None
        network = find(frame, "image", "Actor network", showing)
        timeline = find(frame, "image", "Timeline", showing)
        if network is None or timeline is None:
            return None
        x, y, width, height = extents(network)
        _, _, frame_width, frame_height = extents(frame)
        _, _, timeline_width, _ = extents(timeline)
        if width <= 0 or height <= 0:
            return None
        return x, y, width, height, frame_width, frame_height, timeline_width

    print(*wait(pid, "the actor network", probe))


def timeline_extents(pid):
    def probe(app):
        frame = main_frame(app)
        if frame is None:
            return None
        timeline = find(frame, "image", "Timeline", showing)
        if timeline is None:
            return None
        _, _, frame_width, frame_height = extents(frame)
        return (*extents(timeline), frame_width, frame_height)

    print(*wait(pid, "the timeline", probe))


def focused(pid, role, name=None):
    last = {}

    def probe(app):
        frame = main_frame(app)
        if frame is None:
            return None
        focus = find(frame, role, name, lambda a: a.getState().contains(pyatspi.STATE_FOCUSED))
        if focus is None:
            other = find(frame, None, None, lambda a: a.getState().contains(pyatspi.STATE_FOCUSED))
            last["focus"] = f"{other.getRoleName()} “{other.name}”" if other is not None else "nothing"
        return focus

    what = role + (f" “{name}”" if name is not None else "")
    try:
        wait(pid, f"the focus on the {what}", probe)
    except SystemExit:
        print(f"the focus is on: {last.get('focus')}", file=sys.stderr)
        raise


def canvases(app):
    frame = main_frame(app)
    if frame is None:
        return None
    timeline = find(frame, "image", "Timeline")
    network = find(frame, "image", "Actor network")
    if timeline is None or network is None:
        return None
    return {"Timeline": timeline, "Actor network": network}


def descriptions(pid):
    def probe(app):
        found = canvases(app)
        if found is None:
            return None
        return found["Timeline"].description, found["Actor network"].description

    print(*wait(pid, "the diagrams", probe), sep="\n")


def description(pid, canvas, text):
    last = {}

    def probe(app):
        found = canvases(app)
        if found is None or canvas not in found:
            return None
        last["description"] = found[canvas].description
        return True if found[canvas].description == text else None

    try:
        wait(pid, f"the {canvas} to be described as “{text}”", probe)
    except SystemExit:
        print(f"the {canvas} is described as: {last.get('description')!r}", file=sys.stderr)
        raise


def details(pid, story_path, actor_id):
    with open(story_path, encoding="utf-8") as story_file:
        story = json.load(story_file)
    actor = next(a for a in story["actors"] if a["id"] == actor_id)
    # The pane shows each statement in quotation marks, on a label of its own.
    quoted = {s["id"]: f"“{s['text']}”" for s in story["statements"]}
    mine = [quoted[s["id"]] for s in story["statements"] if s.get("creator_id") == actor_id]
    others = [quoted[s["id"]] for s in story["statements"] if s.get("creator_id") != actor_id]
    last = {}

    def probe(app):
        frame = main_frame(app)
        if frame is None:
            return None
        network = find(frame, "image", "Actor network")
        timeline = find(frame, "image", "Timeline")
        # The details pane is right of the diagrams, below the header bar.
        x, _, width, _ = extents(network)
        _, top, _, _ = extents(timeline)
        labels = [label.name for label in walk(frame)
                  if label.getRoleName() == "label" and showing(label)
                  and extents(label)[0] >= x + width and extents(label)[1] >= top]
        last["labels"] = labels
        last["description"] = network.description
        if network.description != actor["name"] or actor["name"] not in labels:
            return None
        if not all(quote in labels for quote in mine):
            return None
        repeated = [quote for quote in mine if labels.count(quote) != 1]
        strays = [quote for quote in others if quote in labels]
        if repeated or strays:
            fail(f"the details of {actor['name']} show {repeated + strays}")
        return mine

    try:
        quotes = wait(pid, f"the details of {actor['name']}", probe)
    except SystemExit:
        print(f"network description: {last.get('description')!r}", file=sys.stderr)
        print("labels in the details pane:", *last.get("labels", []), sep="\n  ", file=sys.stderr)
        raise
    for quote in quotes:
        print(quote)


def quotes(pid, story_path, actor_id, state):
    with open(story_path, encoding="utf-8") as story_file:
        story = json.load(story_file)
    actor = next(a for a in story["actors"] if a["id"] == actor_id)
    mine = [f"“{s['text']}”" for s in story["statements"] if s.get("creator_id") == actor_id]
    if state not in ("shown", "hidden"):
        fail(__doc__)

    def probe(app):
        frame = main_frame(app)
        if frame is None:
            return None
        labels = {label.name for label in walk(frame)
                  if label.getRoleName() == "label" and showing(label)}
        shown = [quote for quote in mine if quote in labels]
        if state == "shown" and len(shown) == len(mine):
            return shown
        if state == "hidden" and not shown:
            return mine
        return None

    wait(pid, f"the quotes of {actor['name']} to be {state}", probe)


def export_dialog(pid):
    def probe(app):
        for window in walk_windows(app):
            if window.name == "Export" and window.getRoleName() == "frame":
                button = find(window, "push button", predicate=lambda b: "Export…" in b.name and showing(b))
                if button is not None:
                    return button
        return None

    button = wait(pid, "the export dialog", probe)
    if not button.queryAction().doAction(0):
        fail("the Export… button did not take the click")


def dialog(pid, heading, text, response):
    def probe(app):
        for window in walk_windows(app):
            if find(window, "label", heading, showing) is None:
                continue
            body = find(window, "label", predicate=lambda l: text in l.name and showing(l))
            # GTK 4.8 names a button by its label twice, with and without
            # the underline: "_Restore Restore".
            button = find(window, "push button",
                          predicate=lambda b: response in b.name.replace("_", "").split() and showing(b))
            if body is not None and button is not None:
                return button
        return None

    wait(pid, f"a dialog “{heading}” saying “{text}” with a button {response}", probe)


def save_as(pid, path):
    def probe(app):
        for window in walk_windows(app):
            if window.name != "Export":
                continue
            name = find(window, "text", "Name:", showing)
            button = find(window, "push button",
                          predicate=lambda b: b.name.startswith("_Export") and "…" not in b.name and showing(b))
            if name is not None and button is not None:
                return name, button
        return None

    name, button = wait(pid, "the file chooser", probe)
    if not name.queryEditableText().setTextContents(path):
        fail("the file chooser did not take the name")
    text = name.queryText()
    shown = text.getText(0, text.characterCount)
    if shown != path:
        fail(f"the file chooser shows {shown!r}, not {path!r}")
    if not button.queryAction().doAction(0):
        fail("the Export button did not take the click")


def widget(pid, window_name, role, name):
    def matches(accessible):
        # GTK 4.8 names a button with a mnemonic by its label twice, the
        # first with the underline: "Add an _Actor… Add an Actor…".
        return (accessible.getRoleName() == role
                and accessible.name.replace("_", "") in (name, f"{name} {name}")
                and showing(accessible))

    def probe(app):
        for window in walk_windows(app):
            if window.name != window_name:
                continue
            found = [extents(a) for a in walk(window) if matches(a)]
            if found:
                _, _, frame_width, frame_height = extents(window)
                # The leftmost: a sidebar's row before the details' title.
                return (*min(found), frame_width, frame_height)
        return None

    print(*wait(pid, f"a {role} “{name}” in the window “{window_name}”", probe))


def main(argv):
    if len(argv) < 3:
        fail(__doc__)
    command, pid = argv[1], int(argv[2])
    if command == "canvas" and len(argv) == 3:
        canvas(pid)
    elif command == "timeline" and len(argv) == 3:
        timeline_extents(pid)
    elif command == "focused" and len(argv) in (4, 5):
        focused(pid, *argv[3:])
    elif command == "descriptions" and len(argv) == 3:
        descriptions(pid)
    elif command == "description" and len(argv) == 5:
        description(pid, argv[3], argv[4])
    elif command == "details" and len(argv) == 5:
        details(pid, argv[3], argv[4])
    elif command == "quotes" and len(argv) == 6:
        quotes(pid, *argv[3:])
    elif command == "export-dialog" and len(argv) == 3:
        export_dialog(pid)
    elif command == "widget" and len(argv) == 6:
        widget(pid, *argv[3:])
    elif command == "dialog" and len(argv) == 6:
        dialog(pid, *argv[3:])
    elif command == "save-as" and len(argv) == 4:
        save_as(pid, argv[3])
    else:
        fail(__doc__)


if __name__ == "__main__":
    main(sys.argv)
