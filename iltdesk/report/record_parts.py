"""The HTML of each section of a lead's record. Every text from the journal is escaped here.

A section is a level-1 heading; each 1:1, learning cycle and agreement version under it a
level-2 one. Both carry a mark (``heading_mark``) from which the renderer makes the PDF's
bookmarks and fills in the contents page (``iltdesk.report.outline``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from iltdesk import dates
from iltdesk.agreement import TEXT_FIELDS
from iltdesk.models import ActionItem, Author, ExpectationKind, LeadTrait, TraitKind
from iltdesk.one_on_one import AGENDA_BY_SECTION
from iltdesk.report.outline import heading_mark
from iltdesk.report.record_data import AgreementPart, MeetingPart, RecordContent
from iltdesk.report.request import Section
from iltdesk.report.sections import (
    CycleContent,
    cycle_body,
    cycle_title,
    data_table,
    esc,
    field_table,
    note,
    observation_part,
    quiet,
)
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

KIND_NAMES = {
    ExpectationKind.non_negotiable: QT_TRANSLATE_NOOP("report.record_parts", "Non-negotiable"),
    ExpectationKind.adjustable: QT_TRANSLATE_NOOP(
        "report.record_parts", "Adjustable to this person"
    ),
}
CYCLE_SECTIONS = frozenset(
    {Section.intention, Section.learning, Section.outcome, Section.lead_reflection}
    | {Section.next_goal}
)


@dataclass
class Outline:
    """Numbers the bookmarks in document order and keeps what the contents page lists."""

    entries: list[tuple[int, str, int]] = field(default_factory=list)  # (key, title, level)
    count: int = 0

    def heading(self, level: int, title: str, *, listed: bool = True) -> str:
        """An ``h{level}`` with a bookmark; ``listed`` ones appear on the contents page."""
        key = self.count
        self.count += 1
        if listed:
            self.entries.append((key, title, level))
        # A section opens a page: the record cuts its layout there (iltdesk.report.flow).
        top = "; margin-top: 0" if level == 1 else ""
        return f'<h{level} style="{heading_mark(key)}{top}">{esc(title)}</h{level}>'


def owners(first_name: str) -> dict[Author, str]:
    return {
        Author.lead: first_name,
        Author.principal: translate("report.record_parts", "the principal"),
        Author.both: translate("report.record_parts", "{lead} and the principal").format(
            lead=first_name
        ),
    }


def step_list(items: list[ActionItem], first_name: str) -> str:
    """Action items with who carries each, when it is due and when it was done."""
    who = owners(first_name)
    lines = []
    for item in items:
        said = who[item.owner]
        if item.due_on:
            said = translate("report.record_parts", "{said}, due {day}").format(
                said=said, day=dates.short(item.due_on)
            )
        if item.done_on:
            said = translate("report.record_parts", "{said}, done {day}").format(
                said=said, day=dates.short(item.done_on)
            )
        else:
            said = translate("report.record_parts", "{said}, open").format(said=said)
        said = esc(said)
        lines.append(f"<li>{esc(item.text)} <span class='quiet'>({said})</span></li>")
    return f"<ul>{''.join(lines)}</ul>"


# -- overview -----------------------------------------------------------------------------------


def overview(content: RecordContent) -> str:
    """Who the lead is and what the record holds, in counts."""
    lead = content.lead
    rows = [
        (
            translate("report.record_parts", "This record covers"),
            f"<p>{esc(content.span.words())}</p>",
        )
    ]
    for label, value in (
        (translate("report.record_parts", "Role"), lead.role),
        (translate("report.record_parts", "Team"), lead.team),
    ):
        if value.strip():
            rows.append((label, f"<p>{esc(value)}</p>"))
    if lead.on_ilt_since is not None:
        since = dates.short(lead.on_ilt_since)
        rows.append((translate("report.record_parts", "On the ILT since"), f"<p>{esc(since)}</p>"))
    if lead.archived_on is not None:
        left = dates.short(lead.archived_on)
        rows.append((translate("report.record_parts", "Left the ILT"), f"<p>{esc(left)}</p>"))
    rows.append(
        (translate("report.record_parts", "In these days"), f"<p>{esc(_counts(content))}</p>")
    )
    if content.one_on_ones:
        last = dates.with_weekday(content.one_on_ones[-1].meeting.held_on)
        rows.append((translate("report.record_parts", "Latest 1:1"), f"<p>{esc(last)}</p>"))
    no_goal = translate("report.record_parts", "no goal written")
    goals = [
        f"<li>{esc(cycle_title(c))}: {esc(_first_line(c.cycle.goal) or no_goal)}</li>"
        for c in content.cycles
    ]
    if goals:
        rows.append((translate("report.record_parts", "Cycle goals"), f"<ul>{''.join(goals)}</ul>"))
    return field_table(rows)


def _counts(content: RecordContent) -> str:
    kinds = Counter(t.kind for t in content.traits)
    parts = (
        (
            len(content.one_on_ones),
            translate("report.record_parts", "{n} 1:1 check-in"),
            translate("report.record_parts", "{n} 1:1 check-ins"),
        ),
        (
            len(content.observations),
            translate("report.record_parts", "{n} observation"),
            translate("report.record_parts", "{n} observations"),
        ),
        (
            len(content.cycles),
            translate("report.record_parts", "{n} learning cycle"),
            translate("report.record_parts", "{n} learning cycles"),
        ),
        (
            kinds[TraitKind.strength],
            translate("report.record_parts", "{n} strength"),
            translate("report.record_parts", "{n} strengths"),
        ),
        (
            kinds[TraitKind.growth],
            translate("report.record_parts", "{n} growth area"),
            translate("report.record_parts", "{n} growth areas"),
        ),
    )
    said = [(one if n == 1 else many).format(n=n) for n, one, many in parts if n]
    return ", ".join(said) if said else translate("report.record_parts", "nothing recorded")


def _if_any(text: str) -> str:
    """A table cell's note; a blank cell holds a space: Qt's rich text drops the top margin
    of a heading right after a table whose last cell is empty, and the heading touches it."""
    return note(text) if text.strip() else "&nbsp;"


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip().lstrip("#-* ").strip():
            return line.strip().lstrip("#-* ").replace("**", "").strip()
    return ""


# -- strengths and growth -----------------------------------------------------------------------


def strengths(content: RecordContent) -> str:
    """Strengths, then growth areas: each with when it was noted, resolved, and the evidence."""
    out = []
    for kind, title, none in (
        (
            TraitKind.strength,
            translate("report.record_parts", "Strengths"),
            translate("report.record_parts", "No strength noted in these days."),
        ),
        (
            TraitKind.growth,
            translate("report.record_parts", "Growth areas"),
            translate("report.record_parts", "No growth area noted in these days."),
        ),
    ):
        traits = [t for t in content.traits if t.kind is kind]
        out.append(f"<h3>{esc(title)}</h3>")
        out.append(_trait_table(traits) if traits else quiet(none))
    return "".join(out)


def _trait_table(traits: list[LeadTrait]) -> str:
    rows = []
    for t in traits:
        when = f'<p class="when">{esc(dates.short(t.noted_on))}</p>'
        if t.resolved_on is not None:
            resolved = translate("report.record_parts", "resolved {day}").format(
                day=dates.short(t.resolved_on)
            )
            when += f'<p class="kind">{esc(resolved)}</p>'
        rows.append([when, f'<p class="title">{esc(t.title)}</p>', _if_any(t.evidence)])
    header = (
        translate("report.record_parts", "Noted"),
        translate("report.record_parts", "What"),
        translate("report.record_parts", "Evidence"),
    )
    return data_table(header, ("16%", "30%", "54%"), rows)


# -- 1:1s ---------------------------------------------------------------------------------------


def one_on_one(part: MeetingPart, outline: Outline, first_name: str) -> str:
    """One 1:1: the agenda, the notes, the feedback given and the next steps agreed."""
    m = part.meeting
    title = translate("report.record_parts", "1:1 on {day}").format(
        day=dates.with_weekday(m.held_on)
    )
    head = outline.heading(2, title, listed=False)
    rows = []
    if part.agenda:
        rows.append((translate("report.record_parts", "Agenda"), _agenda(part)))
    notes = note(
        m.notes if _says_something(m.notes) else "", translate("report.record_parts", "No notes.")
    )
    rows.append((translate("report.record_parts", "Notes"), notes))
    if m.feedback_given.strip():
        rows.append((translate("report.record_parts", "Feedback given"), note(m.feedback_given)))
    if part.steps:
        rows.append(
            (translate("report.record_parts", "Next steps"), step_list(part.steps, first_name))
        )
    return head + field_table(rows, "fields observation")  # not shown: CSS classes


def _says_something(notes: str) -> bool:
    """Whether notes hold more than the template's empty headings."""
    return any(line.strip() and not line.lstrip().startswith("#") for line in notes.splitlines())


def _agenda(part: MeetingPart) -> str:
    lines = []
    for item in part.agenda:
        where = ""
        if item.section in AGENDA_BY_SECTION:
            where = AGENDA_BY_SECTION[item.section].shown_title()
        said = f" — {esc(item.notes)}" if item.notes.strip() else ""
        not_discussed = esc(translate("report.record_parts", "(not discussed)"))
        left = "" if item.discussed else f" <span class='quiet'>{not_discussed}</span>"
        lines.append(
            f"<li><span class='kind'>{esc(where)}:</span> {esc(item.text)}{said}{left}</li>"
        )
    return f"<ul>{''.join(lines)}</ul>"


# -- observations -------------------------------------------------------------------------------


def observations(content: RecordContent) -> list[str]:
    """Each observation, oldest first: where, what was seen, the feedback and the next step."""
    cycles = {c.cycle.id: cycle_title(c) for c in content.cycles}
    parts = []
    for number, o in enumerate(content.observations, start=1):
        also = f" · {cycles[o.cycle_id]}" if o.cycle_id in cycles else ""
        parts.append(observation_part(number, o, also))
    return parts or [quiet(translate("report.record_parts", "No observation in these days."))]


# -- cycles -------------------------------------------------------------------------------------


def cycle(content: CycleContent, outline: Outline, *, private: bool, seen: int) -> str:
    """A cycle as the cycle summary shows it, one heading level down; its observations are
    under Observations (``seen`` of them in these days)."""
    sections = CYCLE_SECTIONS | ({Section.principal_reflection} if private else set())
    body = cycle_body(content, frozenset(sections))
    # The summary's part headings (h2) and observation titles (h3) sit under the cycle's h2.
    body = body.replace("<h3>", "<h4>").replace("</h3>", "</h4>")
    body = body.replace("<h2>", "<h3>").replace("</h2>", "</h3>")
    if seen:
        said = (
            translate("report.record_parts", "{n} observation in this cycle: see Observations.")
            if seen == 1
            else translate(
                "report.record_parts", "{n} observations in this cycle: see Observations."
            )
        )
        body += quiet(said.format(n=seen))
    return outline.heading(2, cycle_title(content)) + body


# -- the coaching agreement ---------------------------------------------------------------------


def agreement(part: AgreementPart, outline: Outline) -> str:
    """One version: the approaches, then the expectations by kind."""
    a = part.version.agreement
    title = translate("report.record_parts", "Version {version}, agreed {day}").format(
        version=a.version, day=dates.short(a.agreed_on)
    )
    status = translate("report.record_parts", "In force now")
    if part.replaced_on:
        status = translate("report.record_parts", "Replaced on {day}").format(
            day=dates.short(part.replaced_on)
        )
    rows = [(translate("report.record_parts", "Status"), f"<p>{esc(status)}</p>")]
    if a.revision_note.strip():
        rows.append((translate("report.record_parts", "Why it changed"), note(a.revision_note)))
    rows += [
        (translate("agreement", label), note(getattr(a, name)))
        for name, label in TEXT_FIELDS.items()
    ]
    for kind, label in KIND_NAMES.items():
        said = [f"<li>{esc(e.text)}</li>" for e in part.version.expectations if e.kind is kind]
        if said:
            rows.append((translate("report.record_parts", label), f"<ul>{''.join(said)}</ul>"))
    if a.revisit_on is not None and not part.replaced_on:
        rows.append(
            (
                translate("report.record_parts", "To revisit"),
                f"<p>{esc(dates.short(a.revisit_on))}</p>",
            )
        )
    return outline.heading(2, title) + field_table(rows)


# -- energy (private) ---------------------------------------------------------------------------


def energy(content: RecordContent) -> str:
    """The lead's energy check-ins in these days."""
    if not content.energy:
        return quiet(translate("report.record_parts", "No energy check-in in these days."))
    rows = [
        [
            f'<p class="when">{esc(dates.short(e.checked_on))}</p>',
            f'<p><span class="dots">{"●" * e.level}</span>'
            f'<span class="dots-off">{"●" * (5 - e.level)}</span>'
            f'&nbsp;&nbsp;<span class="quiet">{esc(_of_five(e.level))}</span></p>',
            _if_any(e.note),
        ]
        for e in content.energy
    ]
    header = (
        translate("report.record_parts", "When"),
        translate("report.record_parts", "Energy"),
        translate("report.record_parts", "What I noticed"),
    )
    return data_table(header, ("16%", "22%", "62%"), rows)


def _of_five(level: int) -> str:
    return translate("report.record_parts", "{level} of 5").format(level=level)
