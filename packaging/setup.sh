#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Countersign developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One command for a newcomer on Debian 12: installs the Debian packages that are missing (as root,
# or through sudo), configures and builds a Release build in build/, then
#   run   opens the console on a fresh demo workspace (prints a summary where there is no display)
#   test  runs the whole test suite
#   deb   builds the Debian package build/countersign_<version>_amd64.deb
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

action=${1:-}
case "$action" in
    run|test|deb) ;;
    *) echo "usage: packaging/setup.sh run|test|deb" >&2; exit 2 ;;
esac

packages=(
    g++ cmake ninja-build pkgconf ccache
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6svg6
    libqcustomplot-dev libsodium-dev libssl-dev libsqlite3-dev
    fonts-dejavu-core fonts-wqy-microhei dpkg-dev file openssl
)
missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if ((${#missing[@]})); then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    echo "Installing: ${missing[*]}"
    $sudo apt-get update -q
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build --parallel "$(nproc)"

case "$action" in
    run)  exec build/app/countersign --demo ;;
    test) ctest --test-dir build --output-on-failure --parallel 2 ;;
    deb)  (cd build && cpack -G DEB) ;;
esac
