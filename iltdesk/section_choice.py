"""A report's sections chosen on the command line (``--sections a,b``): one reading for the
cycle summary, the lead's record and the 1:1 recap."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from iltdesk.errors import UsageError
from iltdesk.translation import translate

S = TypeVar("S", bound=StrEnum)


def parse_sections(text: str, kind: type[S]) -> frozenset[S]:
    """The sections named in ``text`` (comma-separated), or one plain line naming the valid
    ones."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    valid = ", ".join(s.value for s in kind)
    if not names:
        raise UsageError(
            translate("section_choice", "Name at least one section: {valid}.").format(valid=valid)
        )
    unknown = [name for name in names if name not in kind.__members__]
    if unknown:
        raise UsageError(
            translate("section_choice", "Unknown section {names}; choose from {valid}.").format(
                names=", ".join(unknown), valid=valid
            )
        )
    return frozenset(kind(name) for name in names)
