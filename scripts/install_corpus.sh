#!/usr/bin/env bash
# Installs the Debian crate sources the differential tests read (under
# /usr/share/cargo/registry). Never copied into the repository: tests/data/corpus holds
# only the file list and rustc's recorded trees. Safe to run again: installed packages
# are skipped, so a warm run does no network access.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mapfile -t PACKAGES < <(grep -v '^#' "$ROOT/tests/data/corpus/debian-packages.txt")
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "corpus: all ${#PACKAGES[@]} Debian packages installed"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "corpus: installing ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
