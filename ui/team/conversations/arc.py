"""A conversation's arc: the stages in a row, and what other pages show of it."""

from __future__ import annotations

from datetime import date

from iltdesk.conversation import STAGE_TITLES, Stage, stage_of
from iltdesk.models import DifficultConversation
from ui.kit.style import accent_text


def arc_text(current: Stage) -> str:
    """The four stages in a row, the one reached in bold (read aloud as words too)."""
    parts = []
    for stage in Stage:
        title = STAGE_TITLES[stage]
        parts.append(f'<b style="color:{accent_text()}">{title}</b>' if stage is current else title)
    return " → ".join(parts)


def seen_elsewhere(c: DifficultConversation) -> tuple[object, ...]:
    """What Today and the lead timelines show of a conversation: a save that
    changes none of it (most typing) need not make them read the journal again."""
    return (
        c.lead_id,
        c.holder,
        c.cycle_id,
        c.planned_on,
        c.rehearsed_on,
        c.held_on,
        c.with_whom,
        c.goal,
        stage_of(c, date.today()),
    )
