"""Writing the whole-team records: charter versions, scope, self-checks, the
challenge and the tensions. Only what has happened by ``tl.now`` (the scope is a plan)."""

from __future__ import annotations

from datetime import date, timedelta

from iltdesk.demo import challenge, charter, team
from iltdesk.demo.frameworks import add_frameworks
from iltdesk.demo.principal import add_principal
from iltdesk.demo.rows import Rows
from iltdesk.demo.timeline import ILT_WEEKDAY, Timeline, is_school_day, school_day_on_or_after
from iltdesk.models import ChallengeStatus, ForceKind
from iltdesk.self_check_items import SET_2


def ilt_day(day: date) -> date:
    """The ILT meeting on or before ``day``: a Tuesday school day."""
    day -= timedelta(days=(day.weekday() - ILT_WEEKDAY) % 7)
    while not is_school_day(day):
        day -= timedelta(weeks=1)
    return day


def add_team(rows: Rows, tl: Timeline) -> None:
    """Frameworks, charter, scope and sequence, self-checks, tensions and the principal's
    own records (the meetings and their plus/deltas: ``ilt_year``)."""
    add_frameworks(rows, tl)
    for when, texts in charter.CHARTER_VERSIONS:
        made = ilt_day(tl.at(when))
        if tl.happened(made):
            rows.add("charter_version", made, made_on=made, **texts)
    planned = ilt_day(tl.w(0, 1))
    for position, (month, focus, data, observed, learning) in enumerate(charter.SCOPE):
        starts = school_day_on_or_after(date(tl.year + (month < 8), month, 1))
        rows.add(
            "scope_item",
            planned,
            period=f"{starts:%B}",
            starts_on=starts,
            position=position,
            focus=focus,
            data=data,
            observation_feedback=observed,
            professional_learning=learning,
        )
    _add_self_checks(rows, tl)
    _add_tensions(rows, tl)
    add_principal(rows, tl)


def _add_self_checks(rows: Rows, tl: Timeline) -> None:
    checks = zip(team.SELF_CHECKS, team.SELF_CHECK_RATINGS, team.SELF_CHECK_AREA_NOTES, strict=True)
    for (when, taken_by, note), ratings, area_notes in checks:
        taken = tl.at(when)
        if taken_by == "team":
            taken = ilt_day(taken)  # the team rates together, at an ILT meeting
        if not tl.happened(taken):
            continue
        check_id = rows.add(
            "self_check", taken, taken_on=taken, taken_by=taken_by, note=note, item_set=2
        )
        for area in SET_2.areas:
            for item in area.items:
                rows.add(
                    "self_check_answer",
                    taken,
                    self_check_id=check_id,
                    area=area.key,
                    item=item.key,
                    frequency=ratings[item.key],
                )
            rows.add(
                "self_check_area_note",
                taken,
                self_check_id=check_id,
                area=area.key,
                note=area_notes[area.key],
            )


def _add_tensions(rows: Rows, tl: Timeline) -> None:
    for key, when, leaning, decision, first, second, evidence, note in challenge.TENSION_NOTES:
        noted = tl.at(when)
        if not tl.happened(noted):
            continue
        rows.add(
            "tension_note",
            noted,
            tension=key,
            noted_on=noted,
            leaning=leaning,
            decision=decision,
            first_pole_serves=first,
            second_pole_serves=second,
            evidence=evidence,
            note=note,
        )


def add_challenge(rows: Rows, tl: Timeline, lead_ids: dict[str, int]) -> None:
    """The turnover-and-burnout reflection, its forces board and its log (once opened)."""
    opened = tl.at(challenge.OPENED)
    if not tl.happened(opened):
        return
    logged = [(tl.at(when), kind, text) for when, kind, text in challenge.LOG]
    logged = [entry for entry in logged if tl.happened(entry[0])]
    challenge_id = rows.add(
        "challenge",
        opened,
        updated_at=rows.stamp(max(day for day, _, _ in logged)),
        title=challenge.TITLE,
        opened_on=opened,
        status=ChallengeStatus.working,
        statement=challenge.STATEMENT,
        **challenge.REFLECTION,
    )
    positions: dict[ForceKind, int] = {}
    for kind, card_text, keys in challenge.FORCE_CARDS:
        position = positions.get(kind, 0)
        positions[kind] = position + 1
        card_id = rows.add(
            "force_card",
            opened,
            challenge_id=challenge_id,
            kind=kind,
            position=position,
            text=card_text,
        )
        for key in keys:
            rows.add("force_card_lead", opened, card_id=card_id, lead_id=lead_ids[key])
    for day, log_kind, entry in logged:
        rows.add(
            "challenge_log_entry",
            day,
            challenge_id=challenge_id,
            logged_on=day,
            kind=log_kind,
            text=entry,
        )
