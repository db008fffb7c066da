"""A conversation's arc: the stages in a row, each step's prompt, and what other pages show
of it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from iltdesk.conversation import Stage, stage_of, stage_title
from iltdesk.models import DifficultConversation
from ui.kit.style import accent_text
from ui.kit.translation import QT_TRANSLATE_NOOP

# Each step's prompt, in the order the conversation goes.
PROMPTS = {
    "plan": QT_TRANSLATE_NOOP(
        "arc",
        "What must be true when it is over? Write the first words you will say, then "
        "how they might answer — defensive, upset, silent, relieved — and how you will respond.",
    ),
    "rehearse": QT_TRANSLATE_NOOP(
        "arc",
        "Say it aloud to someone first: the principal or an ILT peer. What did you "
        "change after hearing yourself?",
    ),
    "hold": QT_TRANSLATE_NOOP(
        "arc", "When it happens (or is set to happen), and what was said and done."
    ),
    "debrief": QT_TRANSLATE_NOOP(
        "arc",
        "Looking back: what worked, what you would say differently, what it taught "
        "you about leading your team.",
    ),
    "follow_up": QT_TRANSLATE_NOOP(
        "arc", "What the conversation leads to, each with an owner and a day."
    ),
}


def arc_text(current: Stage) -> str:
    """The four stages in a row, the one reached in bold (read aloud as words too)."""
    parts = []
    for stage in Stage:
        title = stage_title(stage)
        parts.append(f'<b style="color:{accent_text()}">{title}</b>' if stage is current else title)
    return " → ".join(parts)


def step_prompt(step: str) -> str:
    """What a step of the conversation (a key of ``PROMPTS``) asks, in the user's language."""
    return QCoreApplication.translate("arc", PROMPTS[step])


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
