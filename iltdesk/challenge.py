"""Complex-challenge reflections: the problem and its story, the guided areas read against the
green line, the forces board and the log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

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
from iltdesk.trash import trash_record


@dataclass(frozen=True)
class LineSide:
    """Where a part of the reflection sits against the green line, and what that side holds."""

    key: str
    title: str
    meaning: str


# The green line (equity-focused): the technical side above, the adaptive side below, equity
# the lens over both. Not the iceberg of visible events over hidden causes.
ABOVE = LineSide(
    "above",
    "Above the green line: the technical side",
    "Things you can point to and redesign: structures, systems, processes, patterns and resources.",
)
BELOW = LineSide(
    "below",
    "Below the green line: the adaptive side",
    "What happens between people: how they relate, how information moves and meaning gets "
    "made, and who they are in it (identity, values, beliefs, mindsets).",
)
LENS = LineSide(
    "lens",
    "Around it all: equity",
    "The lens over both sides: who the way things work now serves, and who it lets down.",
)
BOTH = LineSide(
    "both",
    "Reading it against the line",
    "Name the root causes on each side. Most challenges need moves above and below the line.",
)
STORY = LineSide(
    "story",
    "The challenge",
    "Start from the problem as it is, before you take it apart.",
)


@dataclass(frozen=True)
class Area:
    """One part of the guided reflection, with the questions shown beside it."""

    field: str
    title: str
    prompts: tuple[str, ...]
    side: LineSide


# Written first, before any area: the problem itself and how it came to be.
STATEMENT = Area(
    "statement",
    "The problem and the story so far",
    (
        "Say what the problem is in plain words, as you would to a colleague.",
        "How did it come to this? What has happened so far, and what has been tried?",
    ),
    STORY,
)
# Systems pair with the technical needs; relationships and information with the adaptive ones.
AREAS: tuple[Area, ...] = (
    Area("systems", "Systems and structures", (
        "Which systems, structures, processes and routines touch this?",
        "How do they fit together, and where are the gaps?",
    ), ABOVE),
    Area("technical_needs", "Technical needs", (
        "So what has to be designed, fixed, resourced or taught?",
    ), ABOVE),
    Area("relationships", "Relationships", (
        "How strong are the relationships among the people closest to this? Where is there "
        "trust, where strain?",
        "How do they see themselves in relation to it: what part do they feel they play?",
        "Which values, beliefs and mindsets are in play?",
    ), BELOW),
    Area("information_flow", "Information", (
        "How does information travel here? Does it go both ways?",
        "Where is there room to make sense of it together?",
    ), BELOW),
    Area("adaptive_needs", "Relational and adaptive needs", (
        "So what has to shift between people: in trust, in how information and meaning move, "
        "in how people see themselves and what they believe?",
    ), BELOW),
    Area("equity", "Equity", (
        "What is the equity imperative here?",
        "What is producing inequity: which practices, policies or beliefs? Who does the way "
        "things work now advantage, and who does it fail?",
    ), LENS),
    Area("root_causes", "Root causes", (
        "Above the line (technical): which structures, systems, processes, patterns or "
        "resources keep producing this?",
        "Below the line (adaptive): which relationships, flows of information and meaning, "
        "or which identity, values, beliefs and mindsets hold it in place?",
        "Through the equity lens: who bears the cost?",
        "Most challenges need a move on each side of the line.",
    ), BOTH),
)  # fmt: skip
PARTS: tuple[Area, ...] = (STATEMENT, *AREAS)  # everything written on a challenge's page
FORCE_TITLES = {
    ForceKind.hinders: "What hinders",
    ForceKind.asset: "Assets that help",
    ForceKind.move: "Moves we are trying",
    ForceKind.context: "Context",
}


def add_challenge(
    journal: Journal, title: str, *, opened_on: date | None = None, statement: str = ""
) -> Challenge:
    """Open a new reflection, with the problem and its story if already written."""
    if not title.strip():
        raise UsageError("Give the challenge a short title.")
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
        raise UsageError(f"Cannot change {', '.join(sorted(unknown))} of a challenge.")
    if "status" in changes:
        try:
            changes["status"] = ChallengeStatus(str(changes["status"]))
        except ValueError:
            raise UsageError("A challenge is open, working or resolved.") from None
    if "title" in changes and not str(changes["title"]).strip():
        raise UsageError("A challenge needs a short title.")
    with journal.write() as s:
        challenge = _get(s, challenge_id)
        for name, value in changes.items():
            setattr(challenge, name, value)
        s.add(challenge)
    return challenge


def _get(s: Session, challenge_id: int) -> Challenge:
    challenge = fetch(s, Challenge, challenge_id, "challenge")
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
        raise UsageError("Write the card first.")
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
        raise UsageError("A card cannot be empty; delete it instead.")
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
    card = fetch(s, ForceCard, card_id, "card")
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
        raise UsageError("Write the entry first.")
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
        raise UsageError("A log entry cannot be empty; delete it instead.")
    with journal.write() as s:
        entry = fetch(s, ChallengeLogEntry, entry_id, "log entry")
        entry.kind, entry.text, entry.logged_on = kind, text.strip(), on
        s.add(entry)
    return entry


def delete_log_entry(journal: Journal, entry_id: int) -> None:
    """Move a log entry to the Trash."""
    with journal.write() as s:
        fetch(s, ChallengeLogEntry, entry_id, "log entry")
        trash_record(s, ChallengeLogEntry, entry_id)
