#!/usr/bin/env bash
# Installs what building and testing need (npm packages, and the Debian tools the tests drive), and does nothing
# when it is all there: safe to run before every test run. Quiet unless it installs something.
set -euo pipefail
cd "$(dirname "$0")/.."

node scripts/ensure-packages.js

# Debian packages the tests drive: the browser, LibreOffice for exported workbooks (pdftoppm renders its PDF to
# PNG; the CJK font draws the non-Latin names), xmllint for the manifest schema.
packages=(chromium libreoffice-calc-nogui libxml2-utils poppler-utils fonts-dejavu-core fonts-noto-cjk)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "Missing ${missing[*]}: install them with your package manager (the tests need them)." >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null; then
  sudo=(sudo)
else
  echo "Missing ${missing[*]}: run as root or install sudo (the tests need them)." >&2
  exit 1
fi
echo "Installing ${missing[*]}..."
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
