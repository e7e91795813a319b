#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the translations in po/ against the text of the sources.

Usage: check-translations.py SOURCE_ROOT DOMAIN [REQUIRED_LANGUAGE...]

Extracts the translatable text of the files in po/POTFILES.in with xgettext,
as the -pot target does, merges each language of po/LINGUAS with it, and runs
msgfmt --check on the result.  Prints one line per language with how much of
the current text it translates.  Fails if a translation is not valid, if a
language in LINGUAS has no .po file or a .po file is not in LINGUAS, or if a
REQUIRED_LANGUAGE does not translate every message.
"""

import os
import re
import subprocess
import sys
import tempfile

XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments', '--sort-by-file',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dngettext:2,3', '--keyword=ngettext:1,2',
]

STATISTICS = re.compile(r'(?:(\d+) translated messages?)?(?:, )?(?:(\d+) fuzzy translations?)?'
                        r'(?:, )?(?:(\d+) untranslated messages?)?\.')


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def read_list(path):
    with open(path, encoding='utf-8') as f:
        return [line.split('#')[0].strip() for line in f if line.split('#')[0].strip()]


def main():
    if len(sys.argv) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2

    root, domain, required = sys.argv[1], sys.argv[2], set(sys.argv[3:])
    po_dir = os.path.join(root, 'po')
    linguas = read_list(os.path.join(po_dir, 'LINGUAS'))
    failures = []

    present = {name[:-3] for name in os.listdir(po_dir) if name.endswith('.po')}
    for lang in sorted(present - set(linguas)):
        failures.append(f'po/{lang}.po is not listed in po/LINGUAS')
    for lang in sorted(set(linguas) - present):
        failures.append(f'po/LINGUAS lists {lang}, but po/{lang}.po does not exist')
    for lang in sorted(required - set(linguas)):
        failures.append(f'{lang} is required but not in po/LINGUAS')

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, domain + '.pot')
        result = run(['xgettext', *XGETTEXT_ARGS, f'--package-name={domain}',
                      '-D', root, '-f', os.path.join(po_dir, 'POTFILES.in'), '-o', pot])
        if result.returncode != 0:
            print('FAIL: xgettext:', result.stderr.strip())
            return 1
        result = run(['msgattrib', '--no-obsolete', pot])
        n_messages = result.stdout.count('\nmsgid ') - 1

        for lang in linguas:
            po = os.path.join(po_dir, lang + '.po')
            if not os.path.exists(po):
                continue

            check = run(['msgfmt', '--check', '-o', os.devnull, po])
            if check.returncode != 0:
                failures.append(f'po/{lang}.po is not valid:\n{check.stderr.strip()}')
                continue

            merged = os.path.join(tmp, lang + '.po')
            merge = run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged, po, pot])
            if merge.returncode != 0:
                failures.append(f'po/{lang}.po cannot be merged: {merge.stderr.strip()}')
                continue

            stats = run(['msgfmt', '--check', '--statistics', '-o', os.devnull, merged], env={**os.environ, 'LC_ALL': 'C'})
            match = STATISTICS.search(stats.stderr)
            translated = int(match.group(1) or 0) if match else 0
            percent = 100.0 * translated / n_messages if n_messages else 100.0
            print(f'{lang}: {translated} of {n_messages} messages translated ({percent:.0f}%)')
            if lang in required and translated < n_messages:
                failures.append(f'po/{lang}.po translates {translated} of {n_messages} messages; '
                                f'{lang} must be complete (run the -update-po target, then translate)')

    for failure in failures:
        print('FAIL:', failure)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
