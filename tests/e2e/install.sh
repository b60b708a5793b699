#!/usr/bin/env bash
# `cmake --install` as a store machine gets it (into a scratch DESTDIR): the programs run from
# where they land, the menu entry passes desktop-file-validate and the systemd user unit passes
# systemd-analyze verify (its ExecStart pointed into the scratch tree, where the program is).
set -euo pipefail
build_dir="$1"
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
DESTDIR="$root" cmake --install "$build_dir" >/dev/null
prefix="$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' "$build_dir/CMakeCache.txt")"
top="$root$prefix"
for file in bin/smartpos bin/smartpos-admin bin/smartpos-printer-sim \
            share/applications/smartpos.desktop share/icons/hicolor/scalable/apps/smartpos.svg \
            share/systemd/user/smartpos.service share/smartpos/udev/60-smartpos.rules; do
  [ -e "$top/$file" ] || { echo "install: $file is missing under $prefix"; exit 1; }
done
"$top/bin/smartpos-admin" --help >/dev/null
"$top/bin/smartpos" --help >/dev/null

desktop-file-validate "$top/share/applications/smartpos.desktop"
grep -qx "Exec=$prefix/bin/smartpos" "$top/share/applications/smartpos.desktop"

unit="$root/smartpos.service"
sed "s|^ExecStart=$prefix/bin/|ExecStart=$top/bin/|" "$top/share/systemd/user/smartpos.service" >"$unit"
report="$(systemd-analyze verify "$unit" 2>&1)" || { echo "$report"; exit 1; }
# verify only warns about unknown keys and misplaced settings; they are mistakes all the same.
if [ -n "$report" ]; then echo "$report"; exit 1; fi
echo "install: programs, menu entry, icon, user unit and udev rules in place under $prefix"
