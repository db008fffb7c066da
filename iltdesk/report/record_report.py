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
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

KICKER = QT_TRANSLATE_NOOP("report.record_report", "A lead's record")
STYLES = ("cycle_summary.css", "record.css")  # one look for every report
TITLES = {
    RecordSection.overview: QT_TRANSLATE_NOOP("report.record_report", "Overview"),
    RecordSection.strengths: QT_TRANSLATE_NOOP(
        "report.record_report", "Strengths and growth areas"
    ),
    RecordSection.one_on_ones: QT_TRANSLATE_NOOP("report.record_report", "1:1 check-ins"),
    RecordSection.observations: QT_TRANSLATE_NOOP("report.record_report", "Observations"),
    RecordSection.cycles: QT_TRANSLATE_NOOP("report.record_report", "Learning cycles"),
    RecordSection.agreement: QT_TRANSLATE_NOOP("report.record_report", "Coaching agreement"),
    RecordSection.energy: QT_TRANSLATE_NOOP("report.record_report", "Energy and load"),
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
    who = principal or translate("report.record_report", "the principal")
    prepared = (
        translate("report.record_report", "Prepared by {who}, {school} · {day}")
        if school
        else translate("report.record_report", "Prepared by {who} · {day}")
    ).format(who=who, school=school, day=dates.long(today))
    lead = content.lead
    details = " · ".join(part for part in (lead.role, lead.team) if part.strip())
    kicker = translate("report.record_report", KICKER)
    head = (
        f"<p class='kicker'>{esc(kicker)}</p>"
        f"<p class='lead-name'>{esc(lead.name)}</p>"
        f"<p class='lead-details'>{esc(details)}</p>"
        f"<p class='lead-details'>{esc(content.span.words())}</p>"
        f"<p class='prepared'>{esc(prepared)}</p>"
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{esc(f'{kicker}: {lead.name}')}</title>"
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
        return translate("report.record_report", "Nothing to put in {lead}'s record yet.").format(
            lead=first
        )
    return translate(
        "report.record_report",
        "Nothing to put in {lead}'s record ({days}): choose other days or other sections.",
    ).format(lead=first, days=content.span.words())


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
    said = (
        translate("report.record_report", "Left out as private: {parts}.").format(
            parts=_private_words(hidden)
        )
        if hidden
        else translate(
            "report.record_report", "This copy includes private notes: keep it to yourself."
        )
    )
    note = f"<p class='private-note'>{esc(said)}</p>"
    contents = translate("report.record_report", "Contents")
    return (
        f"<p class='contents-title'>{esc(contents)}</p>"
        '<table class="contents" width="100%" cellspacing="0" cellpadding="0">'
        f"{''.join(rows)}</table>{note}"
    )


PRIVATE_WORDS = {
    RecordSection.principal_reflection: QT_TRANSLATE_NOOP(
        "report.record_report", "my reflections on the cycles"
    ),
    RecordSection.energy: QT_TRANSLATE_NOOP("report.record_report", "energy check-ins"),
    RecordSection.conversation_notes: QT_TRANSLATE_NOOP(
        "report.record_report", "how difficult conversations were planned"
    ),
}


def _private_words(hidden: list[RecordSection]) -> str:
    said = [
        translate("report.record_report", PRIVATE_WORDS[s]) for s in PRIVATE_WORDS if s in hidden
    ]
    if len(said) == 1:
        return said[0]
    return translate("report.record_report", "{parts} and {last}").format(
        parts=", ".join(said[:-1]), last=said[-1]
    )


def _section(
    section: RecordSection, content: RecordContent, request: RecordRequest, outline: Outline
) -> str:
    head = outline.heading(1, translate("report.record_report", TITLES[section]))
    return head + _WRITERS[section](content, request, outline)


def _one_on_ones(content: RecordContent, request: RecordRequest, outline: Outline) -> str:
    if not content.one_on_ones:
        return quiet(translate("report.record_report", "No 1:1 in these days."))
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
        return quiet(
            translate("report.record_report", "No learning cycle under way in these days.")
        )
    private = RecordSection.principal_reflection in request.sections
    shown = RecordSection.observations in request.sections
    seen = Counter(o.cycle_id for o in content.observations) if shown else Counter()
    return "".join(
        parts.cycle(c, outline, private=private, seen=seen[c.cycle.id]) for c in content.cycles
    )


def _agreement(content: RecordContent, request: RecordRequest, outline: Outline) -> str:
    if not content.agreements:
        return quiet(
            translate("report.record_report", "No coaching agreement in force in these days.")
        )
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
