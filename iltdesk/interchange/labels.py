"""How a preview names a kind of record and one record, in the principal's words."""

from __future__ import annotations

from iltdesk.interchange.document import Row
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

LABELS = {  # how a preview names one record of a table, and several
    "lead": (
        QT_TRANSLATE_NOOP("interchange.labels", "lead"),
        QT_TRANSLATE_NOOP("interchange.labels", "leads"),
    ),
    "one_on_one": (
        QT_TRANSLATE_NOOP("interchange.labels", "1:1"),
        QT_TRANSLATE_NOOP("interchange.labels", "1:1s"),
    ),
    "lead_trait": (
        QT_TRANSLATE_NOOP("interchange.labels", "strength or growth area"),
        QT_TRANSLATE_NOOP("interchange.labels", "strengths and growth areas"),
    ),
    "energy_check": (
        QT_TRANSLATE_NOOP("interchange.labels", "energy check"),
        QT_TRANSLATE_NOOP("interchange.labels", "energy checks"),
    ),
    "coaching_agreement": (
        QT_TRANSLATE_NOOP("interchange.labels", "coaching agreement"),
        QT_TRANSLATE_NOOP("interchange.labels", "coaching agreements"),
    ),
    "learning_cycle": (
        QT_TRANSLATE_NOOP("interchange.labels", "learning cycle"),
        QT_TRANSLATE_NOOP("interchange.labels", "learning cycles"),
    ),
    "observation": (
        QT_TRANSLATE_NOOP("interchange.labels", "observation"),
        QT_TRANSLATE_NOOP("interchange.labels", "observations"),
    ),
    "action_item": (
        QT_TRANSLATE_NOOP("interchange.labels", "action item"),
        QT_TRANSLATE_NOOP("interchange.labels", "action items"),
    ),
    "lead_coach": (
        QT_TRANSLATE_NOOP("interchange.labels", "coach"),
        QT_TRANSLATE_NOOP("interchange.labels", "coaches"),
    ),
    "challenge": (
        QT_TRANSLATE_NOOP("interchange.labels", "complex challenge"),
        QT_TRANSLATE_NOOP("interchange.labels", "complex challenges"),
    ),
    "charter_version": (
        QT_TRANSLATE_NOOP("interchange.labels", "charter version"),
        QT_TRANSLATE_NOOP("interchange.labels", "charter versions"),
    ),
    "framework_item": (
        QT_TRANSLATE_NOOP("interchange.labels", "framework item"),
        QT_TRANSLATE_NOOP("interchange.labels", "framework items"),
    ),
    "joint_practice": (
        QT_TRANSLATE_NOOP("interchange.labels", "joint practice"),
        QT_TRANSLATE_NOOP("interchange.labels", "joint practices"),
    ),
    "leadership_note": (
        QT_TRANSLATE_NOOP("interchange.labels", "leadership note"),
        QT_TRANSLATE_NOOP("interchange.labels", "leadership notes"),
    ),
    "learning_event": (
        QT_TRANSLATE_NOOP("interchange.labels", "professional learning"),
        QT_TRANSLATE_NOOP("interchange.labels", "professional learning sessions"),
    ),
    "principal_energy": (
        QT_TRANSLATE_NOOP("interchange.labels", "energy check of your own"),
        QT_TRANSLATE_NOOP("interchange.labels", "energy checks of your own"),
    ),
    "scope_item": (
        QT_TRANSLATE_NOOP("interchange.labels", "scope and sequence item"),
        QT_TRANSLATE_NOOP("interchange.labels", "scope and sequence items"),
    ),
    "self_check": (
        QT_TRANSLATE_NOOP("interchange.labels", "self-check"),
        QT_TRANSLATE_NOOP("interchange.labels", "self-checks"),
    ),
    "teacher_team": (
        QT_TRANSLATE_NOOP("interchange.labels", "teacher team"),
        QT_TRANSLATE_NOOP("interchange.labels", "teacher teams"),
    ),
    "tension_note": (
        QT_TRANSLATE_NOOP("interchange.labels", "tension note"),
        QT_TRANSLATE_NOOP("interchange.labels", "tension notes"),
    ),
    "ilt_meeting": (
        QT_TRANSLATE_NOOP("interchange.labels", "ILT meeting"),
        QT_TRANSLATE_NOOP("interchange.labels", "ILT meetings"),
    ),
    "meeting_feedback": (
        QT_TRANSLATE_NOOP("interchange.labels", "plus/delta"),
        QT_TRANSLATE_NOOP("interchange.labels", "plus/deltas"),
    ),
    "difficult_conversation": (
        QT_TRANSLATE_NOOP("interchange.labels", "difficult conversation"),
        QT_TRANSLATE_NOOP("interchange.labels", "difficult conversations"),
    ),
}
# The first of these a record has, on one line, names it in a preview.
TITLE_FIELDS = (
    "name",
    "title",
    "topic",
    "goal",
    "text",
    "statement",
    "tension",
    "focus",
    "plus",
    "purpose",
    "notes",
    "evidence",
    "note",
    "with_whom",
)
TITLE_LENGTH = 80


def label(table: str, count: int = 1) -> str:
    """How a preview names ``count`` records of ``table``, in the person's language."""
    if table not in LABELS:
        return table.replace("_", " ") + ("" if count == 1 else "s")
    one, many = LABELS[table]
    return translate("interchange.labels", one if count == 1 else many)


def plural(count: int, one_label: str) -> str:
    """ "3 leads": ``count`` records of the kind ``label`` names ``one_label``."""
    things = next((label(t, count) for t in LABELS if label(t) == one_label), one_label)
    return translate("interchange.labels", "{count} {things}").format(count=count, things=things)


def title_of(table: str, row: Row) -> str:
    for name in TITLE_FIELDS:
        value = row.get(name)
        if isinstance(value, str) and value.strip():
            line = value.strip().splitlines()[0].strip().lstrip("#").strip()
            return line if len(line) <= TITLE_LENGTH else line[: TITLE_LENGTH - 1] + "…"
    return label(table)[:1].upper() + label(table)[1:]
