"""The reliability suite (docs/reliability.md): each test T1–T12 runs a short version in
``make test`` and a long one under ``make reliability`` (``tools/reliability.py``), which also
collects the figures.

Two fixtures are shared by every test here:

- ``trials(short, full)`` gives how many trials to run: ``short`` in ``make test``, ``full`` when
  ``ILTDESK_RELIABILITY_FULL=1``, or exactly ``ILTDESK_RELIABILITY_COUNT`` when that is set.
- ``figure(test, title, text, ok)`` reports one result line. ``tools/reliability.py`` gathers the
  lines (through ``ILTDESK_RELIABILITY_OUT``) into ``docs/reliability.md``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

Trials = Callable[[int, int], int]
Figure = Callable[[str, str, str, bool], None]


def trial_count(short: int, full: int) -> int:
    """How many trials a test runs in this run (see the module docstring)."""
    override = os.environ.get("ILTDESK_RELIABILITY_COUNT", "").strip()
    if override:
        return max(1, int(override))
    return full if os.environ.get("ILTDESK_RELIABILITY_FULL") == "1" else short


def full_run() -> bool:
    """True under ``make reliability``; tests may use it to pick bigger inputs."""
    return os.environ.get("ILTDESK_RELIABILITY_FULL") == "1"


@pytest.fixture
def trials() -> Trials:
    return trial_count


@pytest.fixture
def figure(request: pytest.FixtureRequest) -> Figure:
    """Report a figure line; the test still asserts its own goal."""
    out = os.environ.get("ILTDESK_RELIABILITY_OUT")

    def record(test: str, title: str, text: str, ok: bool) -> None:
        line = {"test": test, "title": title, "text": text, "ok": ok, "node": request.node.nodeid}
        print(f"{test} {title}: {text} [{'ok' if ok else 'FAILED'}]")
        if out:
            with Path(out).open("a", encoding="utf-8") as f:
                f.write(json.dumps(line) + "\n")

    return record


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.reliability)
