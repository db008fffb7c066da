"""A 1:1's recap to give the lead: what was discussed, what was decided, who does what by when,
and the coaching agreement as it stood that day.

The recap leaves the journal (a PDF, or Markdown pasted into an email), so it is built from
what the two of them shared and never from the principal's own running notes on the 1:1
(``OneOnOne.notes``): that column is not even selected here. What is shared:

- the agenda items ticked as discussed, and each item's notes: they record what was said
  about an item the two of them talked through (the lead may have written them ahead), as an
  ILT meeting's summary shows its members' items with their notes;
- decisions: the model has no field for them, so they are the lines of a discussed item's
  notes that start with "Decided:", "Decision:", "Agreed:", "We decided" or "We agreed"
  (taken out of the item's notes so they are not said twice), and a new version of the
  coaching agreement agreed that day;
- the action items agreed at this 1:1 (owner and due date), and the lead's ones still open
  from before;
- the coaching agreement in force that day, its expectations and what a revision that day
  changed;
- the feedback the principal gave, which the lead heard, but it is written in the
  principal's words and may say how it landed, so it is a section to choose, off by default.
"""

from __future__ import annotations

import re
from datetime import date

from sqlmodel import Session, col, select

from iltdesk import dates
from iltdesk.agreement import AgreementVersion, diff, versions
from iltdesk.errors import UsageError
from iltdesk.lead import get_lead
from iltdesk.models import (
    ActionItem,
    AgendaItem,
    AgendaSection,
    Author,
    ExpectationKind,
    Lead,
    OneOnOne,
)
from iltdesk.one_on_one import AGENDA, AGENDA_BY_SECTION, items_to_follow_up
from iltdesk.recap_content import (
    DEFAULT_SECTIONS,
    AgreementRevisited,
    Decision,
    DiscussedItem,
    Recap,
    RecapAction,
    RecapSection,
    holds,
)
from iltdesk.recap_markdown import recap_markdown
from iltdesk.section_choice import parse_sections
from iltdesk.store.journal import Journal
from iltdesk.team_action import owners_of, principal_owns
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

__all__ = [  # what it holds lives in recap_content; callers read it all from here
    "DEFAULT_SECTIONS",
    "Recap",
    "RecapSection",
    "build_recap",
    "holds",
    "parse_recap_choice",
    "parse_recap_sections",
    "recap_markdown",
    "recap_meeting",
    "split_decisions",
]

LATEST = "latest"
PRINCIPAL = QT_TRANSLATE_NOOP("recap", "the principal")  # when the journal has no name for her

_WHOSE = (AgendaSection.lead_items, AgendaSection.principal_items)
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# "Decided: …", "- Agreed: …" (the mark dropped) or "We agreed to …" (kept as said).
_DECISION = re.compile(
    r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?"
    r"(?:(?:decided|decision|agreed)\s*:\s*|(?=we (?:decided|agreed)\b))",
    re.IGNORECASE,
)


# -- which 1:1 ------------------------------------------------------------------------------


def parse_recap_choice(text: str) -> date | None:
    """The command line's ``--meeting`` for a recap: ``latest`` (None) or the 1:1's date."""
    choice = text.strip()
    if choice.casefold() == LATEST:
        return None
    try:  # only YYYY-MM-DD: fromisoformat would also take '20270303' or a week's date
        if _DAY.fullmatch(choice):
            return date.fromisoformat(choice)
    except ValueError:
        pass
    shown = text if len(text) <= 20 else f"{text[:20]}…"
    raise UsageError(
        translate(
            "recap", "Choose the 1:1 as latest or by its date (YYYY-MM-DD), not '{text}'."
        ).format(text=shown)
    )


def parse_recap_sections(text: str) -> frozenset[RecapSection]:
    """Sections from a comma-separated list such as ``discussed,action_items``."""
    return parse_sections(text, RecapSection)


def recap_meeting(
    journal: Journal, lead_id: int, held_on: date | None, *, today: date | None = None
) -> int:
    """The id of the 1:1 to recap: the lead's on ``held_on`` (the later one if two), or when
    None the latest held by ``today`` (one set up ahead has not happened yet), or the first
    one planned if none has been held."""
    today = today or date.today()
    lead = get_lead(journal, lead_id)
    with journal.session() as s:
        rows = list(
            s.exec(
                select(col(OneOnOne.id), col(OneOnOne.held_on))
                .where(OneOnOne.lead_id == lead_id)
                .order_by(col(OneOnOne.held_on).desc(), col(OneOnOne.id).desc())
            )
        )
    if not rows:
        raise UsageError(
            translate(
                "recap", "Nothing to recap yet: no 1:1 with {lead} has been recorded."
            ).format(lead=lead.name)
        )
    if held_on is None:
        held = [meeting_id for meeting_id, day in rows if day <= today]
        return (held[0] if held else rows[-1][0]) or 0
    for meeting_id, day in rows:
        if day == held_on:
            return meeting_id or 0
    nearest = sorted({day for _, day in rows}, key=lambda day: abs((day - held_on).days))[:2]
    near = _and([dates.short(day) for day in sorted(nearest)])
    raise UsageError(
        translate("recap", "{lead} had no 1:1 on {day}; the nearest: {near}.").format(
            lead=lead.name, day=dates.short(held_on), near=near
        )
    )


# -- what it holds --------------------------------------------------------------------------


def build_recap(journal: Journal, one_on_one_id: int) -> Recap:
    """The recap of 1:1 ``one_on_one_id`` (never its private notes)."""
    settings = journal.settings()
    principal = settings.get("principal", "").strip() or translate("recap", PRINCIPAL)
    with journal.session() as s:
        # Not the whole row: the principal's notes are never read into a recap.
        row = s.exec(
            select(
                col(OneOnOne.lead_id), col(OneOnOne.held_on), col(OneOnOne.feedback_given)
            ).where(OneOnOne.id == one_on_one_id)
        ).first()
        if row is None:
            raise UsageError(translate("recap", "There is no 1:1 #{id}.").format(id=one_on_one_id))
        lead_id, held_on, feedback = row
        lead = s.get(Lead, lead_id)
        assert lead is not None  # a 1:1 goes with its lead
        names = {other.id: other.name for other in s.exec(select(Lead))}
        discussed, carried, decisions = _agenda(s, one_on_one_id, lead, principal)
        actions = list(s.exec(select(ActionItem).where(ActionItem.one_on_one_id == one_on_one_id)))
    meeting = OneOnOne(id=one_on_one_id, lead_id=lead_id, held_on=held_on)
    before = items_to_follow_up(journal, meeting)
    owners = _owners(journal, [*actions, *before], lead.name, principal, names)
    agreement = _agreement(journal, lead_id, held_on)
    if agreement is not None and agreement.revised_that_day:
        agreed = (
            translate("recap", "We agreed a first version of our coaching agreement.")
            if agreement.version == 1
            else translate("recap", "We agreed a new version of our coaching agreement.")
        )
        decisions += (Decision(agreed, ""),)
    return Recap(
        one_on_one_id=one_on_one_id,
        lead_id=lead_id,
        lead_name=lead.name,
        lead_details=" · ".join(part for part in (lead.role, lead.team) if part.strip()),
        held_on=held_on,
        principal=principal,
        school=settings.get("school", "").strip(),
        discussed=discussed,
        carried=carried,
        decisions=decisions,
        actions=tuple(_action(i, owners) for i in _by_due(actions)),
        still_open=tuple(_action(i, owners) for i in before),
        agreement=agreement,
        feedback=feedback,
    )


def _agenda(
    s: Session, one_on_one_id: int, lead: Lead, principal: str
) -> tuple[tuple[DiscussedItem, ...], tuple[str, ...], tuple[Decision, ...]]:
    """The items discussed (in agenda order), those carried on, and the decisions noted."""
    order = {part.section: i for i, part in enumerate(AGENDA)}
    rows = sorted(
        s.exec(select(AgendaItem).where(AgendaItem.one_on_one_id == one_on_one_id)),
        key=lambda i: (order.get(i.section, 99), i.position, i.id or 0),
    )
    both = translate("recap", "both of us")
    who = {Author.lead: lead.name, Author.principal: principal, Author.both: both}
    discussed, carried, decisions = [], [], []
    for item in rows:
        if not item.discussed:
            if item.text.strip():
                carried.append(item.text.strip())
            continue
        notes, decided = split_decisions(item.notes)
        decisions += [Decision(text, item.text.strip()) for text in decided]
        # "The lead's items" and "My items" say no more than "brought by" does.
        title = AGENDA_BY_SECTION[item.section].title
        part = "" if item.section in _WHOSE else translate("one_on_one", title)
        discussed.append(DiscussedItem(part, item.text.strip(), who[item.added_by], notes))
    return tuple(discussed), tuple(carried), tuple(decisions)


def split_decisions(notes: str) -> tuple[str, list[str]]:
    """An item's notes without its decision lines, and those decisions in plain words."""
    kept, decided = [], []
    for line in notes.splitlines():
        marked = _DECISION.match(line)
        rest = line[marked.end() :].strip() if marked else ""
        if marked and rest:
            decided.append(rest[0].upper() + rest[1:])
        else:
            kept.append(line)
    return "\n".join(kept).strip(), decided


def _by_due(items: list[ActionItem]) -> list[ActionItem]:
    return sorted(items, key=lambda i: (i.due_on is None, i.due_on or date.max, i.id or 0))


def _owners(
    journal: Journal,
    items: list[ActionItem],
    lead_name: str,
    principal: str,
    names: dict[int | None, str],
) -> dict[int, str]:
    """Who carries each item, in words the lead reads: names, never "You"."""
    team = [i.id or 0 for i in items if i.lead_id is None]
    members = owners_of(journal, team) if team else {}
    words: dict[int, str] = {}
    for item in items:
        if item.lead_id is None:
            people = [principal] if principal_owns(item) else []
            people += sorted(
                (names.get(m, "") for m in members.get(item.id or 0, [])), key=str.casefold
            )
            named = _and([p for p in people if p])
            words[item.id or 0] = named or translate("recap", "No one named yet")
        else:
            both = _and([lead_name, principal])
            words[item.id or 0] = {Author.lead: lead_name, Author.principal: principal}.get(
                item.owner, both
            )
    return words


def _and(words: list[str]) -> str:
    """'Ana', 'Ana and Ben', 'Ana, Ben and Cy'."""
    if len(words) <= 1:
        return "".join(words)
    return translate("recap", "{names} and {last}").format(
        names=", ".join(words[:-1]), last=words[-1]
    )


def _action(item: ActionItem, owners: dict[int, str]) -> RecapAction:
    return RecapAction(item.text.strip(), owners[item.id or 0], item.due_on, item.done_on)


def _agreement(journal: Journal, lead_id: int, held_on: date) -> AgreementRevisited | None:
    """The version in force on ``held_on``, and what a revision that day changed."""
    found = [v for v in versions(journal, lead_id) if v.agreement.agreed_on <= held_on]
    if not found:
        return None
    now, older = found[0], found[1] if len(found) > 1 else None
    agreement = now.agreement
    that_day = agreement.agreed_on == held_on
    return AgreementRevisited(
        version=agreement.version,
        agreed_on=agreement.agreed_on,
        revisit_on=agreement.revisit_on,
        expectations=tuple(
            (e.text, e.kind is ExpectationKind.non_negotiable) for e in now.expectations
        ),
        revised_that_day=that_day,
        changes=_changes(older, now) if that_day and older is not None else (),
        revision_note=agreement.revision_note if that_day else "",
    )


_CHANGED = {  # an expectation's change, by agreement.Change.change
    "added": QT_TRANSLATE_NOOP("recap", "Added: {text}"),
    "removed": QT_TRANSLATE_NOOP("recap", "Removed: {text}"),
    "changed": QT_TRANSLATE_NOOP("recap", "Changed: {text}"),
}


def _changes(older: AgreementVersion, newer: AgreementVersion) -> tuple[str, ...]:
    out = []
    for change in diff(older, newer):
        if change.what == "Expectation":  # agreement.diff's mark for one, not a label
            said = translate("recap", _CHANGED[change.change])
            out.append(said.format(text=change.after or change.before))
        else:  # an approach's label (agreement.TEXT_FIELDS)
            what = translate("agreement", change.what)
            out.append(translate("recap", "{what}: changed").format(what=what))
    return tuple(out)
