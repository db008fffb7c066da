"""Pin every dependency to the minimum pyproject.toml declares, as a pip constraints file.

    python tools/minimums.py > minimums.txt        # name==minimum, one a line
    pip install -c minimums.txt -e '.[dev]'
    python tools/minimums.py --check               # the installed versions are those minimums

Read from pyproject.toml each time, so the constraints cannot drift from what the project
declares; tools/ci_minimums.sh installs them into a separate venv and runs the whole suite
there, which proves the minimums (or shows which one is too low). Only the runtime
dependencies are pinned: the dev tools are the project's own, not the user's.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*)(;.*)?$")
_LOWER_BOUND = re.compile(r">=\s*([0-9][A-Za-z0-9.+!-]*)")


def minimums(pyproject: Path = PYPROJECT) -> dict[str, tuple[str, str]]:
    """``{name: (minimum, marker)}`` for each runtime dependency with a ``>=`` bound."""
    with pyproject.open("rb") as file:
        declared: list[str] = tomllib.load(file)["project"]["dependencies"]
    found: dict[str, tuple[str, str]] = {}
    for line in declared:
        match = _REQUIREMENT.match(line)
        if match is None:
            raise ValueError(f"cannot read the requirement {line!r}")
        name, specifier, marker = match.groups()
        bound = _LOWER_BOUND.search(specifier)
        if bound is not None:  # no lower bound (tzdata): nothing to prove
            found[name] = (bound.group(1), (marker or "").strip())
    return found


def constraints(pyproject: Path = PYPROJECT) -> str:
    """The constraints file: ``name==minimum`` (with the requirement's marker, if any)."""
    lines = [
        f"{name}=={low}{' ' + marker if marker else ''}"
        for name, (low, marker) in minimums(pyproject).items()
    ]
    return "\n".join(lines) + "\n"


def _normal(version_text: str) -> tuple[int, ...]:
    numbers = [int(part) for part in re.findall(r"\d+", version_text)]
    while numbers and numbers[-1] == 0:  # 25 == 25.0.0
        numbers.pop()
    return tuple(numbers)


def check(pyproject: Path = PYPROJECT) -> list[str]:
    """What is not installed at its minimum, one line each (empty when all are)."""
    wrong = []
    for name, (low, marker) in minimums(pyproject).items():
        if marker:
            continue  # another platform's dependency (tzdata on Windows)
        try:
            installed = version(name)
        except PackageNotFoundError:
            wrong.append(f"{name}: not installed (minimum {low})")
            continue
        if _normal(installed) != _normal(low):
            wrong.append(f"{name}: {installed} installed, minimum {low}")
    return wrong


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="check the installed versions instead")
    args = parser.parse_args()
    if not args.check:
        sys.stdout.write(constraints())
        return 0
    wrong = check()
    for line in wrong:
        print(f"minimums: {line}", file=sys.stderr)
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
