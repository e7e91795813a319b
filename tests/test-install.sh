#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the build into a temporary DESTDIR, checks that every file is in
# its place, and runs the installed binary from there without a display:
# --version, --help and an export of the built-in story.
#
# Usage: test-install.sh BUILD_DIR APP_ID VERSION PREFIX BINDIR DATADIR MANDIR LOCALEDIR LINGUAS_FILE

set -eu

build=$1 app_id=$2 version=$3 prefix=$4 bindir=$5 datadir=$6 mandir=$7 localedir=$8 linguas=$9

fail () {
  echo "test-install: $*" >&2
  exit 1
}

destdir=$(mktemp -d "${TMPDIR:-/tmp}/dramatis-install-XXXXXX")
trap 'rm -rf "$destdir"' EXIT INT TERM

meson install -C "$build" --no-rebuild --destdir "$destdir" >"$destdir.log" 2>&1 ||
  { cat "$destdir.log" >&2; rm -f "$destdir.log"; fail "meson install failed"; }
rm -f "$destdir.log"

root=$destdir$prefix
abs () {
  case $1 in
    /*) echo "$destdir$1" ;;
    *) echo "$root/$1" ;;
  esac
}

bin=$(abs "$bindir")/dramatis
data=$(abs "$datadir")
man=$(abs "$mandir")
locale=$(abs "$localedir")

for file in \
    "$data/applications/$app_id.desktop" \
    "$data/metainfo/$app_id.metainfo.xml" \
    "$data/icons/hicolor/scalable/apps/$app_id.svg" \
    "$data/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
    "$data/glib-2.0/schemas/$app_id.gschema.xml" \
    "$data/mime/packages/$app_id.xml" \
    "$man/man1/dramatis.1"; do
  [ -f "$file" ] || fail "${file#"$destdir"} was not installed"
done
[ -x "$bin" ] || fail "${bin#"$destdir"} was not installed"

n_languages=0
for lang in $(sed 's/#.*//' "$linguas"); do
  [ -f "$locale/$lang/LC_MESSAGES/$app_id.mo" ] ||
    fail "the $lang translation was not installed"
  n_languages=$((n_languages + 1))
done

# The installed binary, run as a user would on a machine with no display.
unset DISPLAY WAYLAND_DISPLAY

out=$("$bin" --version) || fail "--version failed"
[ "$out" = "dramatis $version" ] || fail "--version printed '$out'"

"$bin" --help >"$destdir/help.txt" || fail "--help failed"
grep -q -- '--export' "$destdir/help.txt" || fail "--help does not mention --export"

"$bin" --export "$destdir/story.png" || fail "--export of the built-in story failed"
signature=$(od -An -tx1 -N8 "$destdir/story.png" | tr -d ' \n')
[ "$signature" = 89504e470d0a1a0a ] || fail "the export is not a PNG"

echo "test-install: installed $n_languages translations; the installed dramatis ran --version, --help and --export"
