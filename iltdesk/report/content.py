"""A lead's learning-cycle summary as one HTML document, from the template in resources/."""

from __future__ import annotations

from datetime import date
from string import Template

from sqlmodel import col, select

from iltdesk import dates
from iltdesk.conversation import conversations_in_cycle, follow_ups
from iltdesk.cycle import activities, cycles_for, observations_in
from iltdesk.errors import UsageError
from iltdesk.lead import get_lead
from iltdesk.lead_names import short_name
from iltdesk.models import EnergyCheck, Lead, LearningCycle
from iltdesk.paths import resources_dir
from iltdesk.report.request import ReportRequest, Section
from iltdesk.report.sections import (
    ConversationPart,
    CycleContent,
    cycle_body,
    cycle_title,
    esc,
)
from iltdesk.store.journal import Journal
from iltdesk.translation import translate

TEMPLATE = "cycle_summary.html"
STYLE = "cycle_summary.css"

# Read by the renderer for the running head and footer it paints on every page.
META_SCHOOL = "iltdesk-school"
META_LEAD = "iltdesk-lead"
META_PREPARED = "iltdesk-prepared"


def _resource(name: str) -> str:
    return (resources_dir() / "report" / name).read_text(encoding="utf-8")


def build_html(journal: Journal, request: ReportRequest) -> str:
    """The whole summary as an HTML document: escaped text, notes' Markdown as formatting."""
    if not request.cycle_ids:
        raise UsageError(
            translate("report.content", "Choose at least one learning cycle to export.")
        )
    lead = get_lead(journal, request.lead_id)
    settings = journal.settings()
    today = date.today()
    contents = _contents(journal, lead, request, today)
    body = []
    for index, content in enumerate(contents):
        breaks = ' style="page-break-before: always; margin-top: 0"' if index else ""
        body.append(
            f"<h1{breaks}>{esc(cycle_title(content))}</h1>" + cycle_body(content, request.sections)
        )
    school, principal = settings.get("school", "").strip(), settings.get("principal", "").strip()
    values = {
        "title": esc(
            translate("report.content", "Learning-cycle summary: {lead}").format(lead=lead.name)
        ),
        "style": _resource(STYLE),
        "meta_school": META_SCHOOL,
        "meta_lead": META_LEAD,
        "meta_prepared": META_PREPARED,
        "school": esc(school),
        "lead_name": esc(lead.name),
        "lead_details": esc(" · ".join(part for part in (lead.role, lead.team) if part.strip())),
        "prepared_on": today.isoformat(),
        "prepared": esc(_prepared_line(school, principal, today)),
        "cycles": "".join(body),
    }
    return Template(_resource(TEMPLATE)).substitute(values)


def _prepared_line(school: str, principal: str, today: date) -> str:
    who = principal or translate("report.content", "the principal")
    said = (
        translate("report.content", "Prepared by {who}, {school} · {day}")
        if school
        else translate("report.content", "Prepared by {who} · {day}")
    )
    return said.format(who=who, school=school, day=dates.long(today))


def _contents(
    journal: Journal, lead: Lead, request: ReportRequest, today: date
) -> list[CycleContent]:
    """Each wanted cycle with its records, in the order asked for."""
    own = {c.id: c for c in cycles_for(journal, lead.id or 0)}
    numbers = {c.id: n for n, c in enumerate(sorted(own.values(), key=_order), start=1)}
    first_name = short_name(lead.name, lead.name)
    contents = []
    for cycle_id in request.cycle_ids:
        cycle = own.get(cycle_id)
        if cycle is None:
            raise UsageError(
                translate("report.content", "{lead} has no learning cycle #{number}.").format(
                    lead=lead.name, number=cycle_id
                )
            )
        contents.append(
            CycleContent(
                number=numbers[cycle_id],
                cycle=cycle,
                activities=activities(journal, cycle_id),
                observations=observations_in(journal, cycle_id),
                energy=_energy(journal, cycle),
                lead_first_name=first_name,
                today=today,
                show_outcome=Section.outcome in request.sections,
                conversations=[
                    ConversationPart(c, follow_ups(journal, c.id or 0))
                    for c in conversations_in_cycle(journal, cycle_id)
                ],
                conversation_notes=Section.conversation_notes in request.sections,
            )
        )
    return contents


def _order(cycle: LearningCycle) -> tuple[date, int]:
    return cycle.started_on, cycle.id or 0


def _energy(journal: Journal, cycle: LearningCycle) -> list[EnergyCheck]:
    """The lead's energy checks from the cycle's start to its close (or to now, if open)."""
    query = select(EnergyCheck).where(
        EnergyCheck.lead_id == cycle.lead_id, col(EnergyCheck.checked_on) >= cycle.started_on
    )
    if cycle.closed_on is not None:
        query = query.where(col(EnergyCheck.checked_on) <= cycle.closed_on)
    with journal.session() as s:
        return list(s.exec(query.order_by(col(EnergyCheck.checked_on), col(EnergyCheck.id))))
