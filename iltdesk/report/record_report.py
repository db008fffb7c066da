"""A lead's whole record for a range of days, as one HTML document for the report engine.

It opens with the lead and the days it covers, and a contents page whose page numbers the
renderer fills in; then one section a page onwards: overview, strengths and growth areas,
1:1s, observations, learning cycles, the coaching agreement (and, only when chosen, energy).
The PDF gets a bookmark for each section, each 1:1, each cycle and each agreement version.
What is private (my reflections, energy, how hard conversations were planned) is left out
unless chosen (``RECORD_PRIVATE``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date

from iltdesk import dates
from iltdesk.paths import resources_dir
from iltdesk.report import record_parts as parts
from iltdesk.report.content import META_LEAD, META_PREPARED, META_SCHOOL
from iltdesk.report.flow import FLOW_CUT, PAGE_CUT
from iltdesk.report.outline import page_number
from iltdesk.report.record_data import RecordContent, read_record
from iltdesk.report.record_parts import Outline
from iltdesk.report.record_request import (
    RECORD_PRIVATE,
    NothingInRange,
    RecordRequest,
    RecordSection,
)
from iltdesk.report.sections import esc, quiet
from iltdesk.store.journal import Journal

KICKER = "A lead's record"
STYLES = ("cycle_summary.css", "record.css")  # one look for every report
TITLES = {
    RecordSection.overview: "Overview",
    RecordSection.strengths: "Strengths and growth areas",
    RecordSection.one_on_ones: "1:1 check-ins",
    RecordSection.observations: "Observations",
    RecordSection.cycles: "Learning cycles",
    RecordSection.agreement: "Coaching agreement",
    RecordSection.energy: "Energy and load",
}
ORDER = tuple(TITLES)
PART_SIZE = 8  # 1:1s or observations laid out together (iltdesk.report.flow): a few pages


def build_record_html(journal: Journal, request: RecordRequest, today: date | None = None) -> str:
    """The record as an HTML document. Raises ``NothingInRange`` when the chosen sections hold
    nothing in the chosen days."""
    today = today or date.today()
    content = read_record(journal, request, today)
    if not content.holds_something(request.sections):
        raise NothingInRange(_nothing(content))
    settings = journal.settings()
    school, principal = settings.get("school", "").strip(), settings.get("principal", "").strip()
    outline = Outline()
    body = "".join(
        PAGE_CUT + _section(section, content, request, outline)
        for section in ORDER
        if section in request.sections
    )
    who = principal or "the principal"
    where = f", {school}" if school else ""
    lead = content.lead
    details = " · ".join(part for part in (lead.role, lead.team) if part.strip())
    head = (
        f"<p class='kicker'>{esc(KICKER)}</p>"
        f"<p class='lead-name'>{esc(lead.name)}</p>"
        f"<p class='lead-details'>{esc(details)}</p>"
        f"<p class='lead-details'>{esc(content.span.words())}</p>"
        f"<p class='prepared'>Prepared by {esc(who + where)} · {esc(dates.long(today))}</p>"
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{esc(f'{KICKER}: {lead.name}')}</title>"
        f'<meta name="{META_SCHOOL}" content="{esc(school)}">'
        f'<meta name="{META_LEAD}" content="{esc(lead.name)}">'
        f'<meta name="{META_PREPARED}" content="{today.isoformat()}">'
        f"<style>{_style()}</style></head><body>"
        f"{head}{_contents(outline, request)}{body}</body></html>"
    )


def _style() -> str:
    return "\n".join(
        (resources_dir() / "report" / name).read_text(encoding="utf-8") for name in STYLES
    )


def _nothing(content: RecordContent) -> str:
    first = content.first_name
    if content.span.since is None and content.span.until is None:
        return f"Nothing to put in {first}'s record yet."
    return (
        f"Nothing to put in {first}'s record ({content.span.words()}): "
        "choose other days or other sections."
    )


def _contents(outline: Outline, request: RecordRequest) -> str:
    """The contents: each section, and each cycle under its section, with its page."""
    rows = []
    for key, title, level in outline.entries:
        css = "sub" if level > 1 else "main"
        rows.append(
            f'<tr><td class="{css}">{esc(title)}</td>'
            f'<td class="page" align="right" width="12%">{page_number(key, css)}</td></tr>'
        )
    hidden = [s for s in RECORD_PRIVATE if s not in request.sections]
    note = (
        f"<p class='private-note'>Left out as private: {esc(_private_words(hidden))}.</p>"
        if hidden
        else "<p class='private-note'>This copy includes private notes: keep it to yourself.</p>"
    )
    return (
        "<p class='contents-title'>Contents</p>"
        '<table class="contents" width="100%" cellspacing="0" cellpadding="0">'
        f"{''.join(rows)}</table>{note}"
    )


PRIVATE_WORDS = {
    RecordSection.principal_reflection: "my reflections on the cycles",
    RecordSection.energy: "energy check-ins",
    RecordSection.conversation_notes: "how difficult conversations were planned",
}


def _private_words(hidden: list[RecordSection]) -> str:
    said = [PRIVATE_WORDS[s] for s in PRIVATE_WORDS if s in hidden]
    return ", ".join(said[:-1]) + (" and " if len(said) > 1 else "") + said[-1]


def _section(
    section: RecordSection, content: RecordContent, request: RecordRequest, outline: Outline
) -> str:
    head = outline.heading(1, TITLES[section])
    return head + _WRITERS[section](content, request, outline)


def _one_on_ones(content: RecordContent, request: RecordRequest, outline: Outline) -> str:
    if not content.one_on_ones:
        return quiet("No 1:1 in these days.")
    return in_parts(parts.one_on_one(m, outline, content.first_name) for m in content.one_on_ones)


def in_parts(units: Iterable[str]) -> str:
    """Units (1:1s, observations) with a place to cut the layout after every few."""
    out = []
    for index, unit in enumerate(units):
        if index and index % PART_SIZE == 0:
            out.append(FLOW_CUT)
        out.append(unit)
    return "".join(out)


def _cycles(content: RecordContent, request: RecordRequest, outline: Outline) -> str:
    if not content.cycles:
        return quiet("No learning cycle under way in these days.")
    private = RecordSection.principal_reflection in request.sections
    shown = RecordSection.observations in request.sections
    seen = Counter(o.cycle_id for o in content.observations) if shown else Counter()
    return "".join(
        parts.cycle(c, outline, private=private, seen=seen[c.cycle.id]) for c in content.cycles
    )


def _agreement(content: RecordContent, request: RecordRequest, outline: Outline) -> str:
    if not content.agreements:
        return quiet("No coaching agreement in force in these days.")
    return "".join(parts.agreement(a, outline) for a in content.agreements)


_Writer = Callable[[RecordContent, RecordRequest, Outline], str]
_WRITERS: dict[RecordSection, _Writer] = {
    RecordSection.overview: lambda content, _request, _outline: parts.overview(content),
    RecordSection.strengths: lambda content, _request, _outline: parts.strengths(content),
    RecordSection.one_on_ones: _one_on_ones,
    RecordSection.observations: lambda content, _request, _outline: in_parts(
        parts.observations(content)
    ),
    RecordSection.cycles: _cycles,
    RecordSection.agreement: _agreement,
    RecordSection.energy: lambda content, _request, _outline: parts.energy(content),
}
