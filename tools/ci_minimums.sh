#!/usr/bin/env bash
# Prove the minimum versions pyproject.toml declares: install every runtime dependency at its
# minimum (tools/minimums.py writes the constraints from pyproject.toml) into a venv of its
# own, check that pip really installed those versions, and run the whole suite there.
#
#     tools/ci_minimums.sh            # about 10 minutes on two cores
#
# When a test fails here but not in .venv, the minimum it names is too low: raise it.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
VENV="${MINIMUMS_VENV:-build/venv-minimums}"  # build/ is ignored by git, ruff and pytest
"$PYTHON" -m venv --clear "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" tools/minimums.py > "$VENV/minimums.txt"
"$VENV/bin/python" -m pip install --quiet -c "$VENV/minimums.txt" -e '.[dev]'
"$VENV/bin/python" tools/minimums.py --check
echo "minimums: $(tr '\n' ' ' < "$VENV/minimums.txt")"
QT_QPA_PLATFORM=offscreen "$VENV/bin/pytest" -q -n 2 -p no:cacheprovider
