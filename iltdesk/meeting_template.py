"""The agenda an ILT meeting starts from: an ordered list of parts the principal can edit.

A meeting copies the template when it is made (``ilt_meeting.new_meeting``), so editing the
template later changes the meetings to come, never the ones already held. The template is
kept as JSON in a journal setting; until she edits it, the default below is used.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from iltdesk.errors import UsageError
from iltdesk.models.team import MeetingPart
from iltdesk.store.journal import Journal
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

TEMPLATE_KEY = "ilt_meeting_template"


@dataclass(frozen=True)
class TemplatePart:
    """One part of the agenda: what kind of part it is (the named parts bring their own
    helpers on screen), what it is called and the question it puts to the team."""

    part: MeetingPart
    title: str
    prompt: str


DEFAULT_TEMPLATE: tuple[TemplatePart, ...] = (
    TemplatePart(
        MeetingPart.vision,
        QT_TRANSLATE_NOOP("meeting_template", "Why we are here"),
        QT_TRANSLATE_NOOP(
            "meeting_template",
            "Read the school's vision and the ILT's purpose aloud: what in today's work serves "
            "them?",
        ),
    ),
    TemplatePart(
        MeetingPart.last_plus_delta,
        QT_TRANSLATE_NOOP("meeting_template", "Last time's plus/delta"),
        QT_TRANSLATE_NOOP(
            "meeting_template",
            "What did the team say worked and what to change last time, and what did we change?",
        ),
    ),
    TemplatePart(
        MeetingPart.member_items,
        QT_TRANSLATE_NOOP("meeting_template", "Members' items"),
        QT_TRANSLATE_NOOP(
            "meeting_template",
            "What did members put on the agenda ahead of the meeting?",
        ),
    ),
    TemplatePart(
        MeetingPart.professional_learning,
        QT_TRANSLATE_NOOP("meeting_template", "Learning together"),
        QT_TRANSLATE_NOOP(
            "meeting_template",
            "What are we learning this period, who is leading it, and what will we try?",
        ),
    ),
    TemplatePart(
        MeetingPart.data,
        QT_TRANSLATE_NOOP("meeting_template", "Looking at evidence"),
        QT_TRANSLATE_NOOP(
            "meeting_template",
            "Which student work, observations or cycle artifacts are we reading, with which "
            "protocol, and what questions guide us?",
        ),
    ),
    TemplatePart(
        MeetingPart.decisions,
        QT_TRANSLATE_NOOP("meeting_template", "Decisions"),
        QT_TRANSLATE_NOOP(
            "meeting_template",
            "What did we decide, and what did we agree to leave open?",
        ),
    ),
    TemplatePart(
        MeetingPart.next_steps,
        QT_TRANSLATE_NOOP("meeting_template", "Next steps"),
        QT_TRANSLATE_NOOP(
            "meeting_template",
            "Who does what, by when? Any member or the principal can own a step.",
        ),
    ),
    TemplatePart(
        MeetingPart.plus_delta,
        QT_TRANSLATE_NOOP("meeting_template", "Plus/delta"),
        QT_TRANSLATE_NOOP(
            "meeting_template",
            "Before we leave: what worked today, and what would make the next meeting better?",
        ),
    ),
)
# Parts with a helper on screen make sense once per meeting; the principal's own ("other")
# parts may be as many as she likes.
NAMED_PARTS = frozenset(MeetingPart) - {MeetingPart.other}


def default_template() -> list[TemplatePart]:
    """The default template in the user's language (a meeting keeps the words it was made
    with)."""
    return [
        replace(
            p,
            title=translate("meeting_template", p.title),
            prompt=translate("meeting_template", p.prompt),
        )
        for p in DEFAULT_TEMPLATE
    ]


def default_part(part: MeetingPart) -> TemplatePart:
    """The default template's version of a named part (an ``other`` part: a blank one)."""
    for entry in default_template():
        if entry.part is part:
            return entry
    return TemplatePart(MeetingPart.other, translate("meeting_template", "Another part"), "")


def meeting_template(journal: Journal) -> list[TemplatePart]:
    """The template new meetings start from: the principal's own, else the default."""
    kept = journal.settings().get(TEMPLATE_KEY)
    if kept:
        try:
            # Held to the rules a saved template meets: a part without a title, or a named
            # part twice, would make a meeting the template dialog cannot show or save.
            return check_template(from_json(kept))
        except (ValueError, KeyError, TypeError, RecursionError, UsageError):
            pass  # a damaged setting must not stop a meeting from starting
    return default_template()


def save_template(journal: Journal, parts: list[TemplatePart]) -> list[TemplatePart]:
    """Keep ``parts`` as the template for meetings to come (titles and prompts trimmed)."""
    clean = check_template(parts)
    journal.set_settings({TEMPLATE_KEY: to_json(clean)})
    return clean


def reset_template(journal: Journal) -> list[TemplatePart]:
    """Go back to the default template."""
    default = default_template()
    journal.set_settings({TEMPLATE_KEY: to_json(default)})
    return default


def check_template(parts: list[TemplatePart]) -> list[TemplatePart]:
    """``parts`` trimmed, or a UsageError saying what is wrong with them."""
    if not parts:
        raise UsageError(translate("meeting_template", "Keep at least one part in the agenda."))
    clean = [replace(p, title=p.title.strip(), prompt=p.prompt.strip()) for p in parts]
    if any(not p.title for p in clean):
        raise UsageError(translate("meeting_template", "Every part of the agenda needs a title."))
    named = [p.part for p in clean if p.part in NAMED_PARTS]
    if len(named) != len(set(named)):
        raise UsageError(
            translate(
                "meeting_template", "Each named part can appear once; add your own part instead."
            )
        )
    return clean


def to_json(parts: list[TemplatePart]) -> str:
    return json.dumps([{"part": p.part.value, "title": p.title, "prompt": p.prompt} for p in parts])


def from_json(text: str) -> list[TemplatePart]:
    rows = json.loads(text)
    if not isinstance(rows, list) or not rows:
        raise ValueError("not a template")
    return [
        TemplatePart(MeetingPart(r["part"]), _text(r["title"]), _text(r["prompt"])) for r in rows
    ]


def _text(value: object) -> str:
    # str() would turn a null title into the word "None" on every new meeting.
    if not isinstance(value, str):
        raise TypeError("not a template's words")
    return value


# -- editing a template held in memory (the dialog's list), one step at a time ------------------


def rename(parts: list[TemplatePart], index: int, title: str) -> list[TemplatePart]:
    return [replace(p, title=title) if i == index else p for i, p in enumerate(parts)]


def reword(parts: list[TemplatePart], index: int, prompt: str) -> list[TemplatePart]:
    return [replace(p, prompt=prompt) if i == index else p for i, p in enumerate(parts)]


def move(parts: list[TemplatePart], index: int, by: int) -> list[TemplatePart]:
    """``parts`` with the one at ``index`` moved ``by`` places (kept inside the list)."""
    target = max(0, min(len(parts) - 1, index + by))
    moved = list(parts)
    moved.insert(target, moved.pop(index))
    return moved


def remove(parts: list[TemplatePart], index: int) -> list[TemplatePart]:
    return [p for i, p in enumerate(parts) if i != index]


def add_part(
    parts: list[TemplatePart],
    title: str,
    prompt: str = "",
    *,
    part: MeetingPart = MeetingPart.other,
) -> list[TemplatePart]:
    """``parts`` with one more at the end: her own part, or a named one she had removed."""
    if part in NAMED_PARTS and any(p.part is part for p in parts):
        raise UsageError(translate("meeting_template", "That part is already on the agenda."))
    return [*parts, TemplatePart(part, title, prompt)]


def missing_named(parts: list[TemplatePart]) -> list[TemplatePart]:
    """The named parts removed from ``parts``, as the default has them: to put back."""
    present = {p.part for p in parts}
    return [p for p in default_template() if p.part not in present]
