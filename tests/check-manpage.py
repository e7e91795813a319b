#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the man page and the command line agree.

Usage: check-manpage.py DRAMATIS_BINARY MAN_PAGE

 * every option, long and short, that `dramatis --help` lists is documented
   in the OPTIONS section of the man page, and that section documents no
   option that --help does not list;
 * the man page documents the exit statuses 0, 1 and 2;
 * man (or groff) formats the page without a warning, when one is installed;
 * the version in the page's header is the one `dramatis --version` prints.
"""

import os
import re
import shutil
import subprocess
import sys


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2

    binary, page = sys.argv[1], sys.argv[2]
    env = {**os.environ, 'LC_ALL': 'C.UTF-8', 'LANGUAGE': ''}
    failures = []

    help_text = subprocess.run([binary, '--help'], capture_output=True, text=True, env=env,
                               check=True).stdout
    version = subprocess.run([binary, '--version'], capture_output=True, text=True, env=env,
                             check=True).stdout.split()[-1]
    with open(page, encoding='utf-8') as f:
        man = f.read()

    # The options --help lists, long and short, from its option lines.
    help_options = set()
    for line in help_text.splitlines():
        match = re.match(r'\s+(?:-([A-Za-z]), )?--([a-z][a-z-]*)', line)
        if match:
            help_options.add('--' + match.group(2))
            if match.group(1):
                help_options.add('-' + match.group(1))

    # The options the man page documents: the tags of its OPTIONS section,
    # where a hyphen is written \-.
    options_section = man.split('.SH OPTIONS', 1)[-1].split('\n.SH ', 1)[0]
    man_options = set()
    for tag in re.findall(r'^\.TP\n(.*)$', options_section, re.M):
        tag = re.sub(r'\\f[RBIP]', ' ', tag.replace('\\-', '-'))
        man_options.update(re.findall(r'(?<![\w-])(--[a-z][a-z-]*|-[A-Za-z])(?![\w-])', tag))

    for option in sorted(help_options - man_options):
        failures.append(f'{option} is in --help but not in the OPTIONS of the man page')
    for option in sorted(man_options - help_options):
        failures.append(f'{option} is in the OPTIONS of the man page but not in --help')

    exit_section = man.split('.SH EXIT STATUS', 1)[-1].split('.SH', 1)[0]
    for status in ('0', '1', '2'):
        if not re.search(rf'^\.B {status}$', exit_section, re.M):
            failures.append(f'exit status {status} is not documented')

    header = re.search(r'^\.TH DRAMATIS 1 "[^"]*" "Dramatis ([^"]+)"', man, re.M)
    if header is None or header.group(1) != version:
        failures.append(f'the header does not give version {version}')

    groff = shutil.which('groff')
    if groff:
        result = subprocess.run([groff, '-man', '-ww', '-z', page], capture_output=True, text=True)
        if result.returncode != 0 or result.stderr.strip():
            failures.append('groff warns: ' + result.stderr.strip())

    for failure in failures:
        print('FAIL:', failure)
    if not failures:
        print(f'ok: the man page documents the {len(help_options)} options of --help')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
