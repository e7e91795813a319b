#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the Flatpak manifest agrees with the Meson project.

Usage: check-flatpak.py MANIFEST SOURCE_ROOT APP_ID BINARY DESKTOP_FILE METAINFO_FILE

 * the manifest's id and command are the project's application id and
   binary, and the desktop file and metainfo name them in the same way;
 * it builds on the GNOME runtime and SDK of a numbered release;
 * it asks for what a document viewer needs and nothing more: ipc, wayland,
   fallback-x11 and dri, with files through the portals;
 * its last module builds this project with Meson from a folder that holds
   this project's meson.build, and any other module is pinned: a git source
   names a commit, an archive or file source a sha256.
"""

import json
import os
import re
import sys
import xml.etree.ElementTree as ElementTree

PERMISSIONS = {'--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri'}


def check_pinned(module, failures):
    for source in module.get('sources', []):
        if isinstance(source, str):
            failures.append(f'module {module.get("name")}: source {source} is not inline, so not checked')
            continue
        kind = source.get('type')
        if kind == 'git' and not re.fullmatch(r'[0-9a-f]{40}', source.get('commit', '')):
            failures.append(f'module {module.get("name")}: git source without a commit')
        elif kind in ('archive', 'file') and not re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')):
            failures.append(f'module {module.get("name")}: {kind} source without a sha256')
        elif kind == 'dir':
            failures.append(f'module {module.get("name")}: only the app may build from a folder')


def main():
    if len(sys.argv) != 7:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2

    manifest_path, root, app_id, binary, desktop_path, metainfo_path = sys.argv[1:]
    failures = []

    with open(manifest_path, encoding='utf-8') as f:
        manifest = json.load(f)

    if os.path.basename(manifest_path) != app_id + '.json':
        failures.append(f'the manifest is named {os.path.basename(manifest_path)}, not {app_id}.json')
    if manifest.get('id', manifest.get('app-id')) != app_id:
        failures.append(f'id is {manifest.get("id")!r}, not {app_id!r}')
    if manifest.get('command') != binary:
        failures.append(f'command is {manifest.get("command")!r}, not {binary!r}')
    if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
        failures.append('runtime and sdk must be org.gnome.Platform and org.gnome.Sdk')
    if not re.fullmatch(r'\d+', str(manifest.get('runtime-version', ''))):
        failures.append(f'runtime-version {manifest.get("runtime-version")!r} is not a numbered release')

    permissions = set(manifest.get('finish-args', []))
    for extra in sorted(permissions - PERMISSIONS):
        failures.append(f'finish-args asks for {extra}, which a document viewer does not need')
    for missing in sorted(PERMISSIONS - permissions):
        failures.append(f'finish-args lacks {missing}')

    modules = manifest.get('modules', [])
    if not modules:
        failures.append('there are no modules')
    else:
        app = modules[-1]
        if app.get('buildsystem') != 'meson':
            failures.append('the last module does not build with meson')
        folders = [s for s in app.get('sources', []) if isinstance(s, dict) and s.get('type') == 'dir']
        if len(folders) != 1:
            failures.append('the last module must build from one folder: this project')
        else:
            folder = os.path.normpath(os.path.join(os.path.dirname(manifest_path), folders[0]['path']))
            if os.path.realpath(folder) != os.path.realpath(root):
                failures.append(f'the last module builds {folder}, not this project')
            else:
                with open(os.path.join(folder, 'meson.build'), encoding='utf-8') as f:
                    if not re.match(r"project\('dramatis'", f.read()):
                        failures.append(f'{folder}/meson.build is not the dramatis project')
        for module in modules[:-1]:
            if isinstance(module, str):
                failures.append(f'module {module} is not inline, so not checked')
            else:
                check_pinned(module, failures)

    with open(desktop_path, encoding='utf-8') as f:
        desktop = dict(line.split('=', 1) for line in f.read().splitlines() if '=' in line)
    if desktop.get('Exec', '').split()[:1] != [binary]:
        failures.append(f'the desktop file runs {desktop.get("Exec")!r}, not {binary}')
    if desktop.get('Icon') != app_id:
        failures.append(f'the desktop file\'s icon is {desktop.get("Icon")!r}, not {app_id}')

    metainfo = ElementTree.parse(metainfo_path).getroot()
    if metainfo.findtext('id') != app_id:
        failures.append(f'the metainfo\'s id is {metainfo.findtext("id")!r}')
    if metainfo.findtext('launchable') != app_id + '.desktop':
        failures.append('the metainfo does not launch the desktop file of the app id')
    if metainfo.findtext('provides/binary') != binary:
        failures.append(f'the metainfo provides {metainfo.findtext("provides/binary")!r}, not {binary}')

    for failure in failures:
        print('FAIL:', failure)
    if not failures:
        print(f'ok: {os.path.basename(manifest_path)} builds {app_id} with {len(modules)} module(s)')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
