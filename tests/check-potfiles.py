#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that po/POTFILES.in lists exactly the files with translatable text.

Usage: check-potfiles.py SOURCE_ROOT

A file has translatable text when it is
 * C source that marks a string with _(), N_(), C_(), NC_(), Q_() or ngettext();
 * a GtkBuilder file with a translatable="yes" property;
 * a desktop file or AppStream metainfo template (*.desktop.in,
   *.metainfo.xml.in), whose names, summaries and descriptions are
   translated by default;
 * a GSettings schema with a gettext-domain.

Fails, naming each, for a file with such text that POTFILES.in does not
list, for a listed file that does not exist, and for a listed file that has
no translatable text any more.
"""

import os
import re
import sys

C_MARK = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|ngettext)\s*\(\s*"')
UI_MARK = re.compile(r'translatable="(?:yes|true|1)"')
SCHEMA_MARK = re.compile(r'<schemalist[^>]*gettext-domain=')

SEARCHED = ('src', 'ui', 'data')


def has_translatable_text(path):
    name = os.path.basename(path)
    if not name.endswith(('.c', '.h', '.ui', '.in', '.xml')):
        return False
    with open(path, encoding='utf-8') as f:
        text = f.read()
    if name.endswith(('.c', '.h')):
        return C_MARK.search(text) is not None
    if name.endswith('.ui'):
        return UI_MARK.search(text) is not None
    if name.endswith(('.desktop.in', '.metainfo.xml.in')):
        return True
    if name.endswith('.gschema.xml'):
        return SCHEMA_MARK.search(text) is not None
    return False


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2

    root = sys.argv[1]
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        listed = [line.strip() for line in f
                  if line.strip() and not line.lstrip().startswith('#')]

    found = set()
    for top in SEARCHED:
        for folder, _dirs, names in os.walk(os.path.join(root, top)):
            for name in names:
                path = os.path.join(folder, name)
                if has_translatable_text(path):
                    found.add(os.path.relpath(path, root))

    failures = []
    for path in sorted(found - set(listed)):
        failures.append(f'{path}: has translatable text but is not in po/POTFILES.in')
    for path in listed:
        full = os.path.join(root, path)
        if not os.path.exists(full):
            failures.append(f'po/POTFILES.in: {path} does not exist')
        elif path not in found:
            failures.append(f'po/POTFILES.in: {path} has no translatable text')
    if len(listed) != len(set(listed)):
        failures.append('po/POTFILES.in: a file is listed twice')

    for failure in failures:
        print('FAIL:', failure)
    if not failures:
        print(f'ok: po/POTFILES.in lists the {len(found)} files with translatable text')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
