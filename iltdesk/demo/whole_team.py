"""Writing the whole-team records: charter, scope, plus/deltas, self-checks, challenge, tensions."""

from __future__ import annotations

from iltdesk.demo import challenge, team
from iltdesk.demo.rows import Rows
from iltdesk.demo.timeline import Timeline
from iltdesk.models import ChallengeStatus, ForceKind
from iltdesk.self_check import AREAS

ILT_MEETING_DAY = 1  # the ILT meets on Tuesdays


def add_team(rows: Rows, tl: Timeline) -> None:
    """The charter, the year's scope and sequence, meeting feedback and the two self-checks."""
    charter = {k: v for k, v in team.CHARTER.items() if k != "member_qualities"}
    rows.add(
        "charter_version",
        tl.w(0),
        updated_at=rows.stamp(tl.w(2)),
        made_on=tl.w(0),
        lead_qualities=team.CHARTER["member_qualities"],
        **charter,
    )
    for position, (week, kind, focus) in enumerate(team.SCOPE):
        starts = tl.w(week)
        rows.add(
            "scope_item",
            tl.w(0),
            period=f"{starts:%B}",
            starts_on=starts,
            position=position,
            **{kind.value: focus},
        )
    for week, plus, delta, response in team.MEETING_FEEDBACK:
        met = tl.w(week, ILT_MEETING_DAY)
        rows.add("meeting_feedback", met, met_on=met, plus=plus, delta=delta, response=response)
    _add_self_checks(rows, tl)
    _add_tensions(rows, tl)


def _add_self_checks(rows: Rows, tl: Timeline) -> None:
    checks = zip(team.SELF_CHECKS, team.SELF_CHECK_RATINGS, team.SELF_CHECK_AREA_NOTES, strict=True)
    for (when, taken_by, note), ratings, area_notes in checks:
        taken = tl.at(when)
        check_id = rows.add("self_check", taken, taken_on=taken, taken_by=taken_by, note=note)
        for area in AREAS:
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
    for key, when, leaning, first, second, evidence, note in challenge.TENSION_NOTES:
        noted = tl.at(when)
        rows.add(
            "tension_note",
            noted,
            tension=key,
            noted_on=noted,
            leaning=leaning,
            first_pole_serves=first,
            second_pole_serves=second,
            evidence=evidence,
            note=note,
        )


def add_challenge(rows: Rows, tl: Timeline, lead_ids: dict[str, int]) -> None:
    """The turnover-and-burnout reflection, its forces board and its log."""
    opened = tl.at(challenge.OPENED)
    last_logged = max(tl.at(when) for when, _, _ in challenge.LOG)
    challenge_id = rows.add(
        "challenge",
        opened,
        updated_at=rows.stamp(last_logged),
        title=challenge.TITLE,
        opened_on=opened,
        status=ChallengeStatus.working,
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
    for when, log_kind, entry in challenge.LOG:
        logged = tl.at(when)
        rows.add(
            "challenge_log_entry",
            logged,
            challenge_id=challenge_id,
            logged_on=logged,
            kind=log_kind,
            text=entry,
        )
