"""Which lead a typed name means: the rule shared by the ORM core and the quick commands.

It imports nothing heavy, so ``iltdesk note`` can apply it without loading the ORM.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from iltdesk.errors import UsageError

_Lead = TypeVar("_Lead")


def pick_lead(leads: Sequence[_Lead], name: str, name_of: Callable[[_Lead], str]) -> _Lead:
    """The lead called ``name``: an exact match (any case), else the one name containing it.

    Raises ``UsageError`` naming the candidates when there is none or more than one.
    """
    wanted = name.strip().casefold()
    if not wanted:
        raise UsageError("Name a lead.")
    exact = [lead for lead in leads if name_of(lead).casefold() == wanted]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [lead for lead in leads if wanted in name_of(lead).casefold()]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise UsageError(f"No lead is called '{name}'.")
    names = ", ".join(sorted(name_of(lead) for lead in partial))
    raise UsageError(f"'{name}' matches more than one lead: {names}.")
