"""The seven tensions a system leader balances between two goods."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tension:
    """A pull between two poles; leanings run from -2 (first pole) to +2 (second)."""

    key: str
    first_pole: str
    second_pole: str
    question: str


TENSIONS: tuple[Tension, ...] = (
    Tension(
        "tight_loose",
        "Centralised (tight)",
        "Decentralised (loose)",
        "What must be the same everywhere, and what should each school decide?",
    ),
    Tension(
        "fast_slow",
        "Scale fast",
        "Scale slowly",
        "Spread it now to reach more students, or prove it first?",
    ),
    Tension(
        "need_readiness",
        "Pilot where need is greatest",
        "Pilot where readiness is greatest",
        "Start where it matters most, or where it is most likely to work?",
    ),
    Tension(
        "build_buy",
        "Build talent inside",
        "Bring expertise in",
        "Grow our own people, or buy what we lack?",
    ),
    Tension(
        "fixed_adaptive",
        "Hold a fixed strategy",
        "Adapt as we learn",
        "Stay the course, or change with what experience teaches?",
    ),
    Tension(
        "model_menu",
        "One comprehensive model",
        "A menu of modular tools",
        "Adopt one whole design, or let schools pick the parts they need?",
    ),
    Tension(
        "practices_process",
        "Share best practices",
        "Share process and failures",
        "Pass on what worked, or how we learned, including what did not?",
    ),
)

TENSION_BY_KEY = {t.key: t for t in TENSIONS}
