"""An ILT meeting's summary as one HTML document to share with the team, rendered to PDF by the
same engine and in the same look as the cycle summary (``iltdesk.report.render.write_pdf``).

It shows the meeting's day and who came, then each part of its agenda in the meeting's own
order and words. What it holds comes from ``iltdesk.meeting_summary``, which never reads the
principal's private notes on the meeting.
"""

from __future__ import annotations

from datetime import date

from iltdesk import dates
from iltdesk.meeting_summary import MeetingSummary, meeting_summary
from iltdesk.models import MeetingPart
from iltdesk.paths import resources_dir
from iltdesk.report.content import META_LEAD, META_PREPARED, META_SCHOOL
from iltdesk.report.meeting_parts import attendance, part
from iltdesk.report.sections import esc
from iltdesk.store.journal import Journal
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

STYLE = "cycle_summary.css"  # one look for every report
KICKER = QT_TRANSLATE_NOOP("report.meeting_report", "ILT meeting summary")


def build_meeting_html(journal: Journal, meeting_id: int) -> str:
    """The whole summary of meeting ``meeting_id`` as an HTML document."""
    summary = meeting_summary(journal, meeting_id)
    settings = journal.settings()
    school, principal = settings.get("school", "").strip(), settings.get("principal", "").strip()
    today = date.today()
    name = meeting_name(summary)
    kicker = translate("report.meeting_report", KICKER)
    body = _heading(summary, school, principal, today) + attendance(summary) + _parts(summary)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{esc(f'{kicker}: {name}')}</title>"
        f'<meta name="{META_SCHOOL}" content="{esc(school)}">'
        f'<meta name="{META_LEAD}" content="{esc(name)}">'
        f'<meta name="{META_PREPARED}" content="{today.isoformat()}">'
        f"<style>{_style()}</style></head><body>{body}</body></html>"
    )


def meeting_name(summary: MeetingSummary) -> str:
    """'ILT meeting, 14 Oct 2026', or the meeting's own title with its day."""
    day = dates.short(summary.held_on)
    if summary.title:
        return f"{summary.title}, {day}"
    return translate("report.meeting_report", "ILT meeting, {day}").format(day=day)


def _style() -> str:
    return (resources_dir() / "report" / STYLE).read_text(encoding="utf-8")


def _heading(summary: MeetingSummary, school: str, principal: str, today: date) -> str:
    who = principal or translate("report.meeting_report", "the principal")
    said = (
        translate("report.meeting_report", "Prepared by {who}, {school} · {day}")
        if school
        else translate("report.meeting_report", "Prepared by {who} · {day}")
    )
    prepared = said.format(who=who, school=school, day=dates.long(today))
    title = summary.title or translate("report.meeting_report", "ILT meeting")
    return (
        f"<p class='kicker'>{esc(translate('report.meeting_report', KICKER))}</p>"
        f"<p class='lead-name'>{esc(title)}</p>"
        f"<p class='lead-details'>{esc(dates.with_weekday(summary.held_on))}</p>"
        f"<p class='prepared'>{esc(prepared)}</p>"
    )


def _parts(summary: MeetingSummary) -> str:
    """Each part in the meeting's order; what a kind of part recorded is shown once."""
    seen: set[MeetingPart] = set()
    out = []
    for shown in summary.parts:
        first = shown.part is MeetingPart.other or shown.part not in seen
        seen.add(shown.part)
        out.append(part(summary, shown, first=first))
    return "".join(out)
