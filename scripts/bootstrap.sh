#!/usr/bin/env bash
# Installs what a fresh Debian/Ubuntu machine lacks, then the Python packages into .venv.
# Safe to run again: it only installs what is missing. Nothing else is downloaded at run time.
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt's offscreen and X11 platforms, a font (without one Qt draws boxes), poppler for looking at PDFs,
# Xvfb for screenshots, and venv/pip where the system Python lacks them.
DEB_PACKAGES=(
  libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
  poppler-utils xvfb xdotool dbus-daemon dbus-bin
)

if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=()
  for pkg in "${DEB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if ! python3 -c "import venv, ensurepip" >/dev/null 2>&1; then
    missing+=(python3-venv python3-pip)
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "Installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

stamp=.venv/.installed
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test,build]"
  touch "$stamp"
fi
