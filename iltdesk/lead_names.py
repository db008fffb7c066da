"""Which lead a typed name means: the rule shared by the ORM core and the quick commands.

Names are compared in one Unicode form: "Tomás" may arrive composed (NFC, as most keyboards
type it and as the journal stores it) or decomposed (NFD, as macOS terminals and file names
may hand it over), and both must mean the same lead. It imports nothing heavy, so
``iltdesk note`` can apply it without loading the ORM.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import TypeVar

from iltdesk.errors import UsageError
from iltdesk.translation import translate

_Lead = TypeVar("_Lead")


def normalise_name(name: str) -> str:
    """A lead's name as the journal stores it: trimmed, in Unicode's composed form (NFC)."""
    return unicodedata.normalize("NFC", name.strip())


def name_key(name: str) -> str:
    """What two names are compared by: composed form and case folded (any case, any form).

    Folding can decompose a character again (``"ǰ".casefold()``), hence NFC after it too.
    """
    return unicodedata.normalize("NFC", normalise_name(name).casefold())


def pick_lead(leads: Sequence[_Lead], name: str, name_of: Callable[[_Lead], str]) -> _Lead:
    """The lead called ``name``: an exact match (any case or Unicode form), else the one
    name containing it.

    Raises ``UsageError`` naming the candidates when there is none or more than one.
    """
    wanted = name_key(name)
    if not wanted:
        raise UsageError(translate("lead_names", "Name a lead."))
    keyed = [(name_key(name_of(lead)), lead) for lead in leads]
    exact = [lead for key, lead in keyed if key == wanted]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [lead for key, lead in keyed if wanted in key]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise UsageError(translate("lead_names", "No lead is called '{name}'.").format(name=name))
    names = ", ".join(sorted(name_of(lead) for lead in partial))
    raise UsageError(
        translate("lead_names", "'{name}' matches more than one lead: {names}.").format(
            name=name, names=names
        )
    )


# Titles a principal may write before a colleague's name; with one, the title stays with the
# surname ("Dr. Okafor"), never alone ("Dr.").
TITLES = frozenset(
    [
        "dr",
        "dr.",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "mx",
        "mx.",
        "miss",
        "prof",
        "prof.",
        "sr",
        "sr.",
        "sra",
        "sra.",
        "srta",
        "srta.",
        "fr",
        "fr.",
        "rev",
        "rev.",
        "coach",
        "mme",
        "mme.",
        "mlle",
        "m.",
        "herr",
        "frau",
    ]
)


def short_name(name: str, fallback: str | None = None) -> str:
    """How a sentence names a lead: the first name ("Amara" for "Amara Okafor"), or title
    and surname when the name starts with a title ("Dr. Okafor" for "Dr. Amara Okafor");
    ``fallback`` (else "the lead") for no name."""
    words = normalise_name(name).split()
    if not words:
        return translate("lead_names", "the lead") if fallback is None else fallback
    titled = len(words) > 1 and words[0].casefold() in TITLES
    return f"{words[0]} {words[-1]}" if titled else words[0]
