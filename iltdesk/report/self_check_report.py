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
from iltdesk.translation import translate

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
        raise UsageError(
            translate("report.self_check_report", "Nothing to export yet: take a first self-check.")
        )
    anchor = next((c for c in every if c.check.id == check_id), None) if check_id else every[-1]
    if anchor is None:
        raise UsageError(
            translate("report.self_check_report", "There is no self-check #{number}.").format(
                number=check_id
            )
        )
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
    title = translate("report.self_check_report", "ILT self-check: {day}").format(
        day=dates.long(period.anchor.check.taken_on)
    )
    running = translate("report.self_check_report", "ILT self-check")
    body = (
        _heading(period, school, principal, today)
        + _ratings(period)
        + _gaps(period)
        + _ends(found)
        + "".join(_trend(t) for t in found)
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{esc(title)}</title>"
        f'<meta name="{META_SCHOOL}" content="{esc(school)}">'
        f'<meta name="{META_LEAD}" content="{esc(running)}">'
        f'<meta name="{META_PREPARED}" content="{today.isoformat()}">'
        f"<style>{_style()}</style></head><body>{body}</body></html>"
    )


def _style() -> str:
    return (resources_dir() / "report" / STYLE).read_text(encoding="utf-8")


def _heading(period: Period, school: str, principal: str, today: date) -> str:
    on = translate("report.self_check_report", "{rater} on {day}")
    said = [
        on.format(rater=rater_label(c.rater).lower(), day=dates.long(c.check.taken_on))
        for c in period.shown
    ]
    raters = (
        said[0]
        if len(said) == 1
        else translate("report.self_check_report", "{one} and {other}").format(
            one=said[0], other=said[1]
        )
    )
    who = principal or translate("report.self_check_report", "the principal")
    prepared = (
        translate("report.self_check_report", "Prepared by {who}, {school} · {day}")
        if school
        else translate("report.self_check_report", "Prepared by {who} · {day}")
    ).format(who=who, school=school, day=dates.long(today))
    month = dates.month_year(period.anchor.check.taken_on)
    # Each check-in was asked in its own set's words: an older one is not shown as reworded.
    stems = {c.wording.stem for c in period.shown}
    asked = (
        stems.pop()
        if len(stems) == 1
        else translate("report.self_check_report", "Asked in two wordings.")
    )
    rated = translate("report.self_check_report", "{asked} Rated {raters}.").format(
        asked=asked, raters=raters
    )
    scale = translate(
        "report.self_check_report",
        "Ratings run from never (0) to always (4); an area's score is the average of its "
        "three actions.",
    )
    kicker = translate("report.self_check_report", "ILT health self-check")
    return (
        f"<p class='kicker'>{esc(kicker)}</p>"
        f"<p class='lead-name'>{esc(month)}</p>"
        f"<p class='lead-details'>{esc(rated)}</p>"
        f"<p class='prepared'>{esc(prepared)}</p>"
        f"<p class='quiet'>{esc(scale)}</p>"
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
    different = translate(
        "report.self_check_report",
        "The two check-ins were asked in different wordings, so only the areas are set side "
        "by side.",
    )
    note = "" if same else f"<p class='quiet'>{esc(different)}</p>"
    ratings = translate("report.self_check_report", "Ratings for the period")
    area_and_action = esc(translate("report.self_check_report", "Area and action"))
    return (
        f"<h1>{esc(ratings)}</h1>"
        + note
        + f"<table class='data' width='100%'><tr><th align='left'>{area_and_action}</th>{head}</tr>"
        + "".join(rows)
        + "</table>"
    )


def _word(value: int | None) -> str:
    return translate("self_check", FREQUENCY_LABELS[value]) if value is not None else "—"


def _gaps(period: Period) -> str:
    """Where the principal and the team see things differently."""
    beside = translate("report.self_check_report", "Just me beside the team")
    title = f"<h1>{esc(beside)}</h1>"
    if period.pair is None or period.pair.principal is None:
        alone = translate(
            "report.self_check_report",
            "No check-in by the other rater within 45 days, so there is nothing to set side "
            "by side.",
        )
        return f"{title}<p class='quiet'>{esc(alone)}</p>"
    areas = side_by_side(period.pair)
    rows = "".join(
        f"<tr><td>{esc(a.title)}</td><td align='right'>{a.principal:.1f}</td>"
        f"<td align='right'>{a.team:.1f}</td><td align='right'>{_signed(a.gap)}</td></tr>"
        for a in areas
    )
    seen = translate("report.self_check_report", "{action}: just me {me}, the team {team}")
    widest = "".join(
        "<li>"
        + esc(
            seen.format(
                action=as_sentence(i.text),
                me=_word(i.principal).lower(),
                team=_word(i.team).lower(),
            )
        )
        + "</li>"
        for i in widest_gaps(areas)
    )
    gap = esc(
        translate("report.self_check_report", "A gap is the team's rating minus the principal's.")
    )
    head = "".join(
        f"<th>{esc(words)}</th>"
        for words in (
            translate("report.self_check_report", "Just me"),
            translate("report.self_check_report", "Team"),
            translate("report.self_check_report", "Gap (team − me)"),
        )
    )
    area = esc(translate("report.self_check_report", "Area"))
    most = esc(translate("report.self_check_report", "Seen most differently"))
    return (
        f"{title}<p class='quiet'>{gap}</p>"
        f"<table class='data'><tr><th align='left'>{area}</th>{head}"
        f"</tr>{rows}</table>" + (f"<h3>{most}</h3><ul>{widest}</ul>" if widest else "")
    )


def _signed(gap: float) -> str:
    if abs(gap) < 0.05:
        return translate("report.self_check_report", "same")
    return f"{'+' if gap > 0 else '−'}{abs(gap):.1f}"


def _ends(found: list[RaterTrend]) -> str:
    """Strongest and weakest areas in each rater's latest check-in."""
    items = []
    for trend in found:
        ends = strongest_and_weakest(trend.areas)
        if ends is None:
            continue
        best, worst = (", ".join(t.title for t in tied_with(trend.areas, e)) for e in ends)
        said = translate(
            "report.self_check_report", "strongest {best} ({high}); weakest {worst} ({low})"
        ).format(
            best=best,
            high=f"{ends[0].latest or 0:.1f}",
            worst=worst,
            low=f"{ends[1].latest or 0:.1f}",
        )
        items.append(f"<li><b>{esc(trend.label)}</b>: {esc(said)}</li>")
    title = esc(translate("report.self_check_report", "Strongest and weakest areas"))
    return f"<h1>{title}</h1><ul>" + "".join(items) + "</ul>"


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
    said = translate(
        "report.self_check_report", "The questions were reworded between the last two check-ins."
    )
    reworded = f"<p class='quiet'>{esc(said)}</p>" if trend.reworded else ""
    title = (
        translate("report.self_check_report", "Trend: just me")
        if trend.rater == PRINCIPAL
        else translate("report.self_check_report", "Trend: {rater}").format(
            rater=trend.label.lower()
        )
    )
    area = esc(translate("report.self_check_report", "Area"))
    return (
        f"<h2>{esc(title)}</h2>{reworded}<table class='data'><tr><th align='left'>{area}</th>"
        f"{head}</tr>{rows}</table>"
    )
