"""How a preview names a kind of record and one record, in the principal's words."""

from __future__ import annotations

from iltdesk.interchange.document import Row

LABELS = {
    "lead": ("lead", "leads"),
    "one_on_one": ("1:1", "1:1s"),
    "lead_trait": ("strength or growth area", "strengths and growth areas"),
    "energy_check": ("energy check", "energy checks"),
    "coaching_agreement": ("coaching agreement", "coaching agreements"),
    "learning_cycle": ("learning cycle", "learning cycles"),
    "observation": ("observation", "observations"),
    "action_item": ("action item", "action items"),
    "lead_coach": ("coach", "coaches"),
    "challenge": ("complex challenge", "complex challenges"),
    "charter_version": ("charter version", "charter versions"),
    "framework_item": ("framework item", "framework items"),
    "joint_practice": ("joint practice", "joint practices"),
    "leadership_note": ("leadership note", "leadership notes"),
    "learning_event": ("professional learning", "professional learning sessions"),
    "principal_energy": ("energy check of your own", "energy checks of your own"),
    "scope_item": ("scope and sequence item", "scope and sequence items"),
    "self_check": ("self-check", "self-checks"),
    "teacher_team": ("teacher team", "teacher teams"),
    "tension_note": ("tension note", "tension notes"),
    "ilt_meeting": ("ILT meeting", "ILT meetings"),
    "meeting_feedback": ("plus/delta", "plus/deltas"),
    "difficult_conversation": ("difficult conversation", "difficult conversations"),
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
    one, many = LABELS.get(table, (table.replace("_", " "), table.replace("_", " ") + "s"))
    return one if count == 1 else many


def plural(count: int, one_label: str) -> str:
    for table, (one, _many) in LABELS.items():
        if one == one_label:
            return f"{count} {label(table, count)}"
    return f"{count} {one_label}"


def title_of(table: str, row: Row) -> str:
    for name in TITLE_FIELDS:
        value = row.get(name)
        if isinstance(value, str) and value.strip():
            line = value.strip().splitlines()[0].strip().lstrip("#").strip()
            return line if len(line) <= TITLE_LENGTH else line[: TITLE_LENGTH - 1] + "…"
    return label(table)[:1].upper() + label(table)[1:]
