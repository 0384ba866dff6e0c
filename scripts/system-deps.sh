#!/usr/bin/env bash
# Installs the Debian packages the browser tests and benchmarks need (Chromium for Playwright,
# rclone for the benchmark comparison). Installs only what is missing; never starts services.
set -euo pipefail

packages=(chromium rclone)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
# A fresh machine has no package lists; refresh them once when an install is needed.
$SUDO apt-get -o DPkg::Lock::Timeout=600 update -q
$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}"
