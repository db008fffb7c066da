"""Figures: a median over runs with its min–max, and percentiles within one run."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass


def percentile(values: Sequence[float], pct: float) -> float:
    """The ``pct`` percentile of ``values`` (nearest-rank, so p95 is a value really seen)."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = max(1, round(pct / 100 * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


@dataclass(frozen=True)
class Figure:
    """One measured quantity: the median of its runs, with the lowest and highest run."""

    runs: tuple[float, ...]

    @classmethod
    def of(cls, runs: Sequence[float]) -> Figure:
        """A figure from per-run values (at least one)."""
        if not runs:
            raise ValueError("a figure needs at least one run")
        return cls(tuple(runs))

    @property
    def median(self) -> float:
        """The median run."""
        return statistics.median(self.runs)

    @property
    def low(self) -> float:
        """The lowest run."""
        return min(self.runs)

    @property
    def high(self) -> float:
        """The highest run."""
        return max(self.runs)

    def show(self, unit: str, digits: int = 1) -> str:
        """``median unit (min–max, n runs)``; one run shows no range."""
        gap = "" if unit == "×" else " "
        med = f"{self.median:.{digits}f}{gap}{unit}".rstrip()
        if len(self.runs) == 1:
            return f"{med} (1 run)"
        return f"{med} ({self.low:.{digits}f}–{self.high:.{digits}f}, {len(self.runs)} runs)"


def ratios(top: Sequence[float], bottom: Sequence[float]) -> Figure:
    """Run-by-run ratios ``top[i] / bottom[i]`` (pairs measured in the same run)."""
    pairs = [(t, b) for t, b in zip(top, bottom, strict=True) if b > 0]
    return Figure.of([t / b for t, b in pairs])
