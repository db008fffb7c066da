"""Presenter mode's rule: what the principal keeps to herself while a lead's agreement,
cycle or recap is on a shared screen.

Two kinds of privacy. Some records are hers through and through (her own energy and
leadership journal, a lead's energy checks, the planning of a difficult conversation): while
she presents, nothing of them is shown, not even that they exist. Others are shared work with
one private field in them (her reflection on a learning cycle, her notes on an ILT meeting):
the record stays on screen and only that field goes.

The screens read this rule; it is kept here, away from them, so that it is one list, tested
against the models, and the same wherever a record is drawn.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from iltdesk.record_kinds import RecordKind

# Every field of these kinds is the principal's own.
PRIVATE_KINDS: frozenset[RecordKind] = frozenset(
    {
        RecordKind.ENERGY,  # how a lead's energy and load looked: her read, not theirs
        RecordKind.OWN_ENERGY,
        RecordKind.LEADERSHIP_NOTE,
        # Who it is with, the opening words, the reactions she rehearsed: planning she does
        # alone, about someone who may be the person looking at the screen.
        RecordKind.CONVERSATION,
    }
)

# Shared records with private fields in them (the field names are the models').
PRIVATE_FIELDS: Mapping[RecordKind, frozenset[str]] = {
    RecordKind.CYCLE: frozenset({"principal_reflection"}),
    RecordKind.ILT_MEETING: frozenset({"private_notes"}),
    # Her running notes on a 1:1; the agenda items, their notes and the next steps are the
    # two of them's (what a recap gives the lead, ``iltdesk.recap``).
    RecordKind.ONE_ON_ONE: frozenset({"notes"}),
}

# Kinds whose one-line summary in a list or a timeline is read from a private field (a
# 1:1's is the first line of its running notes): while presenting the line goes too.
SUMMARY_FROM_PRIVATE: frozenset[RecordKind] = frozenset({RecordKind.ONE_ON_ONE})

# Today lists every lead's overdue items and who is due a 1:1: nothing on it is about the
# lead she is sharing with alone, so while she presents it lists nothing (see ``today_shown``).
TODAY_WHILE_PRESENTING = False

# Search reaches every field of every record, private ones too, and its snippets would show
# them: while she presents it is off, not filtered (a filtered search would still say, by
# what it fails to find, that something is there).
SEARCH_WHILE_PRESENTING = False


def is_private(kind: RecordKind, field: str | None = None) -> bool:
    """Whether ``field`` of a record of ``kind`` (or, without a field, the whole record) is
    kept off the screen while presenting."""
    if kind in PRIVATE_KINDS:
        return True
    return field is not None and field in PRIVATE_FIELDS.get(kind, frozenset())


def private_fields(kind: RecordKind) -> frozenset[str]:
    """The fields of ``kind`` hidden while presenting (empty when the whole kind is hidden:
    ask ``is_private(kind)`` first)."""
    return PRIVATE_FIELDS.get(kind, frozenset())


def shown_kinds(kinds: Iterable[RecordKind], *, presenting: bool) -> list[RecordKind]:
    """The kinds of ``kinds`` a list may show (a timeline's filters, say), in their order."""
    return [kind for kind in kinds if not (presenting and kind in PRIVATE_KINDS)]


def today_shown(*, presenting: bool) -> bool:
    """Whether Today lists its rows now."""
    return TODAY_WHILE_PRESENTING or not presenting


def search_allowed(*, presenting: bool) -> bool:
    """Whether search (Ctrl+F) may run now."""
    return SEARCH_WHILE_PRESENTING or not presenting


def summary_shown(kind: RecordKind, *, presenting: bool) -> bool:
    """Whether a list may show a record's one-line summary now (its day and kind always)."""
    return not (presenting and (kind in SUMMARY_FROM_PRIVATE or kind in PRIVATE_KINDS))
