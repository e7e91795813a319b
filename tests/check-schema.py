#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the story format's JSON Schema and the story files agree.

Usage: check-schema.py SCHEMA DATA_DIR TESTS_DATA_DIR

 * Every *.dramatis.json file under DATA_DIR and TESTS_DATA_DIR, searched
   recursively, must be valid against SCHEMA, except files whose name starts
   with "invalid-", which must be invalid: they show that the schema rejects
   what the loader reports.  Other files (such as the loader's bad-*.json
   fixtures) are not looked at.
 * Every ```json block of DATA_DIR/story-format.md that says
   "format": "dramatis-story" must be valid too, so that the examples in the
   document cannot drift from the format.
 * The complete example in the document must be byte for byte the same as
   TESTS_DATA_DIR/example.dramatis.json.

Files are read as the loader reads them (UTF-8 without a byte order mark,
no NUL bytes), and strict JSON is required: no NaN or Infinity, and no
member twice in one object, which json-glib would accept without a word.

Prints one line per file or block, "ok: …" or "FAIL: …: reason", and exits
with status 1 if anything failed (2 for wrong arguments).
"""

import json
import os
import re
import sys

import jsonschema
from jsonschema.exceptions import best_match

STORY_SUFFIX = ".dramatis.json"
INVALID_PREFIX = "invalid-"
DOCUMENT = "story-format.md"
EXAMPLE = "example.dramatis.json"

FENCE_RE = re.compile(r"^```json[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
FORMAT_RE = re.compile(r'"format"\s*:\s*"dramatis-story"')


class NotStory(Exception):
    """The text cannot be read as the loader would read it."""


def reject_constant(name):
    raise NotStory(f"{name} is not JSON")


def no_duplicate_members(pairs):
    seen = set()
    for name, _ in pairs:
        if name in seen:
            # json-glib keeps the last one without a word; do not allow it.
            raise NotStory(f"the member “{name}” appears twice in one object")
        seen.add(name)
    return dict(pairs)


def parse(data):
    """Parses bytes as the loader does: UTF-8 without a byte order mark, strict JSON."""
    if b"\0" in data:
        raise NotStory("the text contains a NUL byte")
    if data.startswith(b"\xef\xbb\xbf"):
        raise NotStory("the file starts with a byte order mark")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise NotStory(f"not UTF-8: {e}") from None
    try:
        return json.loads(text, parse_constant=reject_constant,
                          object_pairs_hook=no_duplicate_members)
    except json.JSONDecodeError as e:
        raise NotStory(f"not JSON: {e}") from None


def describe(error):
    where = "/".join(str(p) for p in error.absolute_path)
    if error.validator == "pattern":
        # The date pattern is long; the value and the member say enough.
        message = f"{error.instance!r} does not have the form this member needs"
    else:
        message = error.message
    return f"{where or '(top level)'}: {message}"


class Checker:
    def __init__(self, schema):
        self.validator = jsonschema.Draft202012Validator(schema)
        self.failures = 0
        self.n_valid = 0
        self.n_invalid = 0

    def ok(self, name, detail=None):
        print(f"ok: {name}" + (f": {detail}" if detail else ""))

    def fail(self, name, reason):
        print(f"FAIL: {name}: {reason}")
        self.failures += 1

    def check(self, name, data, expect_valid):
        if expect_valid:
            self.n_valid += 1
        else:
            self.n_invalid += 1

        try:
            story = parse(data)
        except NotStory as e:
            if expect_valid:
                self.fail(name, str(e))
            else:
                self.fail(name, f"{e}, so it does not show that the schema rejects anything")
            return

        error = best_match(self.validator.iter_errors(story))
        if expect_valid:
            if error is None:
                self.ok(name)
            else:
                self.fail(name, describe(error))
        else:
            if error is None:
                self.fail(name, "valid, but a file named invalid-… must be rejected by the schema")
            else:
                self.ok(name, f"rejected as expected ({describe(error)})")


def story_files(top):
    found = []
    for root, dirs, files in os.walk(top):
        dirs.sort()
        for f in sorted(files):
            if f.endswith(STORY_SUFFIX):
                found.append(os.path.join(root, f))
    return found


def main(argv):
    if len(argv) != 4:
        print(f"usage: {argv[0]} SCHEMA DATA_DIR TESTS_DATA_DIR", file=sys.stderr)
        return 2

    schema_path, data_dir, tests_data_dir = argv[1:]

    try:
        with open(schema_path, "rb") as f:
            schema = parse(f.read())
        jsonschema.Draft202012Validator.check_schema(schema)
    except (OSError, NotStory) as e:
        print(f"FAIL: {schema_path}: {e}")
        return 1
    except jsonschema.exceptions.SchemaError as e:
        print(f"FAIL: {schema_path}: not a valid draft 2020-12 schema: {describe(e)}")
        return 1
    print(f"ok: {schema_path}: a valid draft 2020-12 schema")

    checker = Checker(schema)

    for top in (data_dir, tests_data_dir):
        if not os.path.isdir(top):
            checker.fail(top, "not a folder")
            continue
        for path in story_files(top):
            with open(path, "rb") as f:
                data = f.read()
            expect_valid = not os.path.basename(path).startswith(INVALID_PREFIX)
            checker.check(path, data, expect_valid)

    document = os.path.join(data_dir, DOCUMENT)
    example = os.path.join(tests_data_dir, EXAMPLE)
    try:
        with open(document, encoding="utf-8") as f:
            markdown = f.read()
    except (OSError, UnicodeDecodeError) as e:
        checker.fail(document, str(e))
        markdown = ""

    blocks = [(markdown.count("\n", 0, m.start()) + 2, m.group(1)) for m in FENCE_RE.finditer(markdown)]
    n_examples = 0
    for line, block in blocks:
        if FORMAT_RE.search(block):
            n_examples += 1
            checker.check(f"{document}:{line}", block.encode("utf-8"), True)
    if markdown and n_examples == 0:
        checker.fail(document, "no ```json block with \"format\": \"dramatis-story\" was found")

    try:
        with open(example, encoding="utf-8") as f:
            example_text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        checker.fail(example, str(e))
    else:
        if markdown and not any(block == example_text for _, block in blocks):
            checker.fail(example, f"not the same, byte for byte, as any ```json block of {document}")
        elif markdown:
            checker.ok(example, f"the same as the complete example in {document}")

    if checker.n_invalid == 0:
        checker.fail(tests_data_dir, f"no {INVALID_PREFIX}*{STORY_SUFFIX} file, so nothing shows that the schema rejects anything")

    print(f"{checker.n_valid} stories that must be valid, {checker.n_invalid} that must not; "
          f"{checker.failures} failed")
    return 1 if checker.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
