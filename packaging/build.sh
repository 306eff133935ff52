#!/usr/bin/env bash
# Builds the one-folder program with PyInstaller, then runs its self-test.
#
#   bash packaging/build.sh [--dist DIR] [--work DIR]
#
# Output: DIR/notebook/notebook (default DIR: dist/). Exit 0 only if the build succeeded and the
# built program's --self-test passed (offscreen, and under Xvfb with the real X11 plugin when
# xvfb-run is installed). Works from a clean checkout: scripts/bootstrap.sh makes .venv first.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
DIST="$ROOT/dist"
WORK="$ROOT/build/pyinstaller"
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) DIST="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    *) echo "usage: $0 [--dist DIR] [--work DIR]" >&2; exit 2 ;;
  esac
done

bash scripts/bootstrap.sh
NAME=notebook
rm -rf "${DIST:?}/$NAME"
start=$(date +%s)
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" packaging/evidence-vault.spec
echo "Built $DIST/$NAME in $(( $(date +%s) - start )) s: $(du -sh "$DIST/$NAME" | cut -f1)"

# Run from an empty folder, with no PYTHONPATH, so nothing can come from the checkout.
cd "$(mktemp -d)"
env -u PYTHONPATH -u EVIDENCE_VAULT_FAST_KDF QT_QPA_PLATFORM=offscreen "$DIST/$NAME/$NAME" --self-test
echo "Self-test passed (offscreen)."
if command -v xvfb-run >/dev/null 2>&1; then
  env -u PYTHONPATH xvfb-run -a "$DIST/$NAME/$NAME" --self-test --qt-only --qt-platform=xcb
  echo "Self-test passed (X11 under Xvfb)."
fi
