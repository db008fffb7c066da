"""Complex-challenge reflections: the problem and its story, the guided areas read against the
green line, the forces board and the log."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from iltdesk.challenge_areas import ABOVE as ABOVE
from iltdesk.challenge_areas import AREAS as AREAS
from iltdesk.challenge_areas import BELOW as BELOW
from iltdesk.challenge_areas import BOTH as BOTH
from iltdesk.challenge_areas import LENS as LENS
from iltdesk.challenge_areas import PARTS as PARTS
from iltdesk.challenge_areas import STATEMENT as STATEMENT
from iltdesk.challenge_areas import STORY as STORY
from iltdesk.challenge_areas import Area as Area
from iltdesk.challenge_areas import LineSide as LineSide
from iltdesk.errors import UsageError
from iltdesk.models import (
    Challenge,
    ChallengeLogEntry,
    ChallengeStatus,
    ForceCard,
    ForceCardLead,
    ForceKind,
    LogKind,
)
from iltdesk.store.journal import Journal, fetch
from iltdesk.translation import QT_TRANSLATE_NOOP, translate
from iltdesk.trash import trash_record

FORCE_TITLES = {
    ForceKind.hinders: QT_TRANSLATE_NOOP("challenge", "What hinders"),
    ForceKind.asset: QT_TRANSLATE_NOOP("challenge", "Assets that help"),
    ForceKind.move: QT_TRANSLATE_NOOP("challenge", "Moves we are trying"),
    ForceKind.context: QT_TRANSLATE_NOOP("challenge", "Context"),
}


def force_title(kind: ForceKind) -> str:
    """A column of the forces board, by its kind, in the user's language."""
    return translate("challenge", FORCE_TITLES[kind])


def add_challenge(
    journal: Journal, title: str, *, opened_on: date | None = None, statement: str = ""
) -> Challenge:
    """Open a new reflection, with the problem and its story if already written."""
    if not title.strip():
        raise UsageError(translate("challenge", "Give the challenge a short title."))
    challenge = Challenge(
        title=title.strip(), opened_on=opened_on or date.today(), statement=statement.strip()
    )
    with journal.write() as s:
        s.add(challenge)
        s.flush()
    return challenge


def challenges(journal: Journal) -> list[Challenge]:
    """All reflections: open and working first, newest first, resolved last."""
    with journal.session() as s:
        rows = list(s.exec(select(Challenge)))
    return sorted(
        rows,
        key=lambda c: (
            c.status is ChallengeStatus.resolved,
            -c.opened_on.toordinal(),
            -(c.id or 0),
        ),
    )


_FIELDS = {part.field for part in PARTS} | {"title", "status", "opened_on"}


def update_challenge(journal: Journal, challenge_id: int, **changes: object) -> Challenge:
    """Save changes to a reflection (the autosave path)."""
    if unknown := set(changes) - _FIELDS:
        raise UsageError(
            translate("challenge", "Cannot change {fields} of a challenge.").format(
                fields=", ".join(sorted(unknown))
            )
        )
    if "status" in changes:
        try:
            changes["status"] = ChallengeStatus(str(changes["status"]))
        except ValueError:
            raise UsageError(
                translate("challenge", "A challenge is open, working or resolved.")
            ) from None
    if "title" in changes and not str(changes["title"]).strip():
        raise UsageError(translate("challenge", "A challenge needs a short title."))
    with journal.write() as s:
        challenge = _get(s, challenge_id)
        for name, value in changes.items():
            setattr(challenge, name, value)
        s.add(challenge)
    return challenge


def _get(s: Session, challenge_id: int) -> Challenge:
    challenge = fetch(s, Challenge, challenge_id, translate("challenge", "challenge"))
    return challenge


# -- the forces board ---------------------------------------------------------------------


def board(journal: Journal, challenge_id: int) -> dict[ForceKind, list[ForceCard]]:
    """The four columns of cards, each in its order."""
    columns: dict[ForceKind, list[ForceCard]] = {kind: [] for kind in ForceKind}
    with journal.session() as s:
        rows = s.exec(
            select(ForceCard)
            .where(ForceCard.challenge_id == challenge_id)
            .order_by(col(ForceCard.position), col(ForceCard.id))
        )
        for card in rows:
            columns[card.kind].append(card)
    return columns


def add_card(journal: Journal, challenge_id: int, kind: ForceKind, text: str) -> ForceCard:
    """Add a card at the bottom of a column."""
    if not text.strip():
        raise UsageError(translate("challenge", "Write the card first."))
    with journal.write() as s:
        _get(s, challenge_id)
        count = len(_column(s, challenge_id, kind))
        card = ForceCard(challenge_id=challenge_id, kind=kind, position=count, text=text.strip())
        s.add(card)
        s.flush()
    return card


def edit_card(journal: Journal, card_id: int, text: str) -> ForceCard:
    """Change what a card says."""
    if not text.strip():
        raise UsageError(translate("challenge", "A card cannot be empty; delete it instead."))
    with journal.write() as s:
        card = _card(s, card_id)
        card.text = text.strip()
        s.add(card)
    return card


def delete_card(journal: Journal, card_id: int) -> None:
    """Move a card to the Trash and close the gap in its column."""
    with journal.write() as s:
        card = _card(s, card_id)
        kind, challenge_id = card.kind, card.challenge_id
        s.expunge(card)
        trash_record(s, ForceCard, card_id)
        _renumber(s, _column(s, challenge_id, kind))


def move_card(journal: Journal, card_id: int, kind: ForceKind, position: int) -> ForceCard:
    """Put a card at ``position`` (0 = top) of column ``kind``: reorder or move across.

    ``position`` counts the column's other cards, as if this one were already lifted out: in
    its own column, position 2 means "after the second of the remaining cards".
    """
    with journal.write() as s:
        card = _card(s, card_id)
        source = [c for c in _column(s, card.challenge_id, card.kind) if c.id != card.id]
        _renumber(s, source)
        target = source if kind is card.kind else _column(s, card.challenge_id, kind)
        target = [c for c in target if c.id != card.id]
        card.kind = kind
        target.insert(max(0, min(position, len(target))), card)
        _renumber(s, target)
    return card


def _card(s: Session, card_id: int) -> ForceCard:
    card = fetch(s, ForceCard, card_id, translate("challenge", "card"))
    return card


def _column(s: Session, challenge_id: int, kind: ForceKind) -> list[ForceCard]:
    return list(
        s.exec(
            select(ForceCard)
            .where(ForceCard.challenge_id == challenge_id, ForceCard.kind == kind)
            .order_by(col(ForceCard.position), col(ForceCard.id))
        )
    )


def _renumber(s: Session, cards: list[ForceCard]) -> None:
    for position, card in enumerate(cards):
        card.position = position
        s.add(card)


def set_card_leads(journal: Journal, card_id: int, lead_ids: set[int]) -> None:
    """Name the leads a card concerns (their pages link back to it)."""
    with journal.write() as s:
        _card(s, card_id)
        for link in s.exec(select(ForceCardLead).where(ForceCardLead.card_id == card_id)):
            s.delete(link)
        s.flush()
        for lead_id in sorted(lead_ids):
            s.add(ForceCardLead(card_id=card_id, lead_id=lead_id))


def card_leads(journal: Journal, card_id: int) -> set[int]:
    """The leads a card names."""
    with journal.session() as s:
        rows = s.exec(select(ForceCardLead.lead_id).where(ForceCardLead.card_id == card_id))
        return set(rows)


def cards_about(journal: Journal, lead_id: int) -> list[tuple[Challenge, ForceCard]]:
    """Force cards that name a lead, with their challenge: for the lead's page."""
    with journal.session() as s:
        rows = s.exec(
            select(Challenge, ForceCard)
            .join(ForceCard, col(ForceCard.challenge_id) == col(Challenge.id))
            .join(ForceCardLead, col(ForceCardLead.card_id) == col(ForceCard.id))
            .where(ForceCardLead.lead_id == lead_id)
            .order_by(col(Challenge.opened_on).desc(), col(ForceCard.position))
        )
        return [(c, f) for c, f in rows]


# -- the log ------------------------------------------------------------------------------


def log(
    journal: Journal, challenge_id: int, kind: LogKind, text: str, *, on: date | None = None
) -> ChallengeLogEntry:
    """Add a dated decision, change seen, or lesson about your own leadership."""
    if not text.strip():
        raise UsageError(translate("challenge", "Write the entry first."))
    entry = ChallengeLogEntry(
        challenge_id=challenge_id, kind=kind, text=text.strip(), logged_on=on or date.today()
    )
    with journal.write() as s:
        _get(s, challenge_id)
        s.add(entry)
        s.flush()
    return entry


def log_entries(journal: Journal, challenge_id: int) -> list[ChallengeLogEntry]:
    """A challenge's log, newest first."""
    with journal.session() as s:
        return list(
            s.exec(
                select(ChallengeLogEntry)
                .where(ChallengeLogEntry.challenge_id == challenge_id)
                .order_by(col(ChallengeLogEntry.logged_on).desc(), col(ChallengeLogEntry.id).desc())
            )
        )


def edit_log_entry(
    journal: Journal, entry_id: int, kind: LogKind, text: str, *, on: date
) -> ChallengeLogEntry:
    """Correct a log entry: its kind, its date or what it says."""
    if not text.strip():
        raise UsageError(translate("challenge", "A log entry cannot be empty; delete it instead."))
    with journal.write() as s:
        entry = fetch(s, ChallengeLogEntry, entry_id, translate("challenge", "log entry"))
        entry.kind, entry.text, entry.logged_on = kind, text.strip(), on
        s.add(entry)
    return entry


def delete_log_entry(journal: Journal, entry_id: int) -> None:
    """Move a log entry to the Trash."""
    with journal.write() as s:
        fetch(s, ChallengeLogEntry, entry_id, translate("challenge", "log entry"))
        trash_record(s, ChallengeLogEntry, entry_id)
