"""The ILT self-check's results as one HTML document to discuss with the team, rendered to PDF
by the same engine as the cycle summary (``iltdesk.report.render.write_pdf``).

It shows, for one period (a chosen check-in, or the latest): each area and action as each
rater saw it, the gaps between the principal and the team, every rater's trend, and the
strongest and weakest areas. The principal's own notes (the check-in's note and the notes per
area) are private reflection and are never read into it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iltdesk import dates
from iltdesk.errors import UsageError
from iltdesk.paths import resources_dir
from iltdesk.report.content import META_LEAD, META_PREPARED, META_SCHOOL
from iltdesk.report.sections import esc
from iltdesk.self_check import (
    FREQUENCY_LABELS,
    PRINCIPAL,
    CheckIn,
    as_sentence,
    check_ins,
    rater_label,
)
from iltdesk.self_check_compare import Pair, pair_for, side_by_side, widest_gaps
from iltdesk.self_check_trends import RaterTrend, strongest_and_weakest, tied_with, trends
from iltdesk.store.journal import Journal

STYLE = "cycle_summary.css"  # one look for every report
TREND_COLUMNS = 6  # the latest check-ins per rater that fit across a page


@dataclass(frozen=True)
class Period:
    """The check-ins the report is about: the one chosen and, beside it, the other rater's."""

    anchor: CheckIn
    pair: Pair | None
    history: list[CheckIn]  # every check-in up to the period, oldest first

    @property
    def shown(self) -> list[CheckIn]:
        """The period's check-ins, the principal's first."""
        if self.pair is None or self.pair.principal is None:
            return [self.anchor]
        return [self.pair.principal, self.pair.team]


def period_of(journal: Journal, check_id: int | None = None) -> Period:
    """The period around check-in ``check_id`` (the latest when None)."""
    every = check_ins(journal)
    if not every:
        raise UsageError("Nothing to export yet: take a first self-check.")
    anchor = next((c for c in every if c.check.id == check_id), None) if check_id else every[-1]
    if anchor is None:
        raise UsageError(f"There is no self-check #{check_id}.")
    pair = pair_for(every, anchor.check.id or 0)
    last = max(c.check.taken_on for c in (pair.principal, pair.team) if c) if pair else None
    until = last or anchor.check.taken_on
    return Period(anchor, pair, [c for c in every if c.check.taken_on <= until])


def build_self_check_html(journal: Journal, check_id: int | None = None) -> str:
    """The whole report as an HTML document (no private note in it)."""
    period = period_of(journal, check_id)
    settings = journal.settings()
    school, principal = settings.get("school", "").strip(), settings.get("principal", "").strip()
    today = date.today()
    found = trends(period.history)
    body = (
        _heading(period, school, principal, today)
        + _ratings(period)
        + _gaps(period)
        + _ends(found)
        + "".join(_trend(t) for t in found)
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{esc('ILT self-check: ' + dates.long(period.anchor.check.taken_on))}</title>"
        f'<meta name="{META_SCHOOL}" content="{esc(school)}">'
        f'<meta name="{META_LEAD}" content="ILT self-check">'
        f'<meta name="{META_PREPARED}" content="{today.isoformat()}">'
        f"<style>{_style()}</style></head><body>{body}</body></html>"
    )


def _style() -> str:
    return (resources_dir() / "report" / STYLE).read_text(encoding="utf-8")


def _heading(period: Period, school: str, principal: str, today: date) -> str:
    raters = " and ".join(
        f"{rater_label(c.rater).lower()} on {dates.long(c.check.taken_on)}" for c in period.shown
    )
    who = principal or "the principal"
    where = f", {school}" if school else ""
    month = dates.month_year(period.anchor.check.taken_on)
    # Each check-in was asked in its own set's words: an older one is not shown as reworded.
    stems = {c.wording.stem for c in period.shown}
    asked = stems.pop() if len(stems) == 1 else "Asked in two wordings."
    return (
        "<p class='kicker'>ILT health self-check</p>"
        f"<p class='lead-name'>{esc(month)}</p>"
        f"<p class='lead-details'>{esc(asked)} Rated {esc(raters)}.</p>"
        f"<p class='prepared'>Prepared by {esc(who + where)} · {dates.long(today)}</p>"
        "<p class='quiet'>Ratings run from never (0) to always (4); an area's score is the "
        "average of its three actions.</p>"
    )


def _ratings(period: Period) -> str:
    """Per area and per action, each rater's rating, in the wording each was asked."""
    shown = period.shown
    head = "".join(f"<th align='right'>{esc(rater_label(c.rater))}</th>" for c in shown)
    first = shown[-1]  # the team's wording when both; the sets' areas are the same five
    same = len({c.check.item_set for c in shown}) == 1
    rows = []
    for area in first.wording.areas:
        scores = "".join(
            f"<td align='right'><b>{c.area_score(area.key):.1f}</b></td>" for c in shown
        )
        rows.append(f"<tr><td><b>{esc(area.title)}</b></td>{scores}</tr>")
        for item in area.items if same else ():
            cells = "".join(
                f"<td align='right'>{_word(c.answers.get(item.key))}</td>" for c in shown
            )
            rows.append(f"<tr><td>{esc(as_sentence(item.text))}</td>{cells}</tr>")
    note = (
        ""
        if same
        else (
            "<p class='quiet'>The two check-ins were asked in different wordings, so only the "
            "areas are set side by side.</p>"
        )
    )
    return (
        "<h1>Ratings for the period</h1>"
        + note
        + f"<table class='data' width='100%'><tr><th align='left'>Area and action</th>{head}</tr>"
        + "".join(rows)
        + "</table>"
    )


def _word(value: int | None) -> str:
    return FREQUENCY_LABELS[value] if value is not None else "—"


def _gaps(period: Period) -> str:
    """Where the principal and the team see things differently."""
    if period.pair is None or period.pair.principal is None:
        return (
            "<h1>Just me beside the team</h1><p class='quiet'>No check-in by the other rater "
            "within 45 days, so there is nothing to set side by side.</p>"
        )
    areas = side_by_side(period.pair)
    rows = "".join(
        f"<tr><td>{esc(a.title)}</td><td align='right'>{a.principal:.1f}</td>"
        f"<td align='right'>{a.team:.1f}</td><td align='right'>{_signed(a.gap)}</td></tr>"
        for a in areas
    )
    widest = "".join(
        f"<li>{esc(as_sentence(i.text))}: just me {_word(i.principal).lower()}, the team "
        f"{_word(i.team).lower()}</li>"
        for i in widest_gaps(areas)
    )
    return (
        "<h1>Just me beside the team</h1>"
        "<p class='quiet'>A gap is the team's rating minus the principal's.</p>"
        "<table class='data'><tr><th align='left'>Area</th><th>Just me</th><th>Team</th>"
        f"<th>Gap (team − me)</th></tr>{rows}</table>"
        + (f"<h3>Seen most differently</h3><ul>{widest}</ul>" if widest else "")
    )


def _signed(gap: float) -> str:
    if abs(gap) < 0.05:
        return "same"
    return f"{'+' if gap > 0 else '−'}{abs(gap):.1f}"


def _ends(found: list[RaterTrend]) -> str:
    """Strongest and weakest areas in each rater's latest check-in."""
    items = []
    for trend in found:
        ends = strongest_and_weakest(trend.areas)
        if ends is None:
            continue
        best, worst = (", ".join(t.title for t in tied_with(trend.areas, e)) for e in ends)
        items.append(
            f"<li><b>{esc(trend.label)}</b>: strongest {esc(best)} "
            f"({ends[0].latest or 0:.1f}); weakest {esc(worst)} ({ends[1].latest or 0:.1f})</li>"
        )
    return "<h1>Strongest and weakest areas</h1><ul>" + "".join(items) + "</ul>"


def _trend(trend: RaterTrend) -> str:
    """One rater's areas over their latest check-ins; the other rater is never mixed in."""
    own = trend.history[-TREND_COLUMNS:]
    head = "".join(f"<th align='right'>{dates.short(c.check.taken_on)}</th>" for c in own)
    rows = "".join(
        f"<tr><td>{esc(area.title)}</td>"
        + "".join(f"<td align='right'>{v:.1f}</td>" for _, v in area.points[-TREND_COLUMNS:])
        + "</tr>"
        for area in trend.areas
    )
    reworded = (
        "<p class='quiet'>The questions were reworded between the last two check-ins.</p>"
        if trend.reworded
        else ""
    )
    title = "Trend: just me" if trend.rater == PRINCIPAL else f"Trend: {trend.label.lower()}"
    return (
        f"<h2>{esc(title)}</h2>{reworded}<table class='data'><tr><th align='left'>Area</th>"
        f"{head}</tr>{rows}</table>"
    )
