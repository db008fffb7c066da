#!/usr/bin/env bash
# Refresh requirements/dist.txt, the bundle's locked dependencies (`make lock` runs this).
#
# One file for every platform (uv's universal resolution: tzdata and pywin32-ctypes carry a
# Windows marker, macholib a macOS one), with the hashes of every wheel, so `make dist`
# installs exactly these files wherever it runs. The runtime dependencies and PyInstaller
# (the `dist` extra) come from pyproject.toml; refresh after changing either, then commit.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"
"$PY" -m pip install --quiet 'uv>=0.5,<1'
"$PY" -m uv pip compile pyproject.toml --extra dist --universal --python-version 3.11 \
    --generate-hashes --custom-compile-command "make lock" --quiet -o requirements/dist.txt
