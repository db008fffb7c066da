"""Today's words, in the user's language: its section headings and what its rows say about
when and whose (``iltdesk.today`` reads the rows; ``iltdesk.team_action`` shares the owners'
words). Each phrase is whole, so a translator can word and order it freely."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum

from iltdesk import dates
from iltdesk.translation import QT_TRANSLATE_NOOP, translate


class Section(StrEnum):
    """Today's sections (the rows of a conversation or a teacher team name their own)."""

    overdue = "overdue"
    due_soon = "due_soon"
    leads = "leads"
    cycles = "cycles"
    follow_ups = "follow_ups"
    revisits = "revisits"


_SECTIONS = {
    Section.overdue: QT_TRANSLATE_NOOP("today_words", "Overdue action items"),
    Section.due_soon: QT_TRANSLATE_NOOP("today_words", "Due this week"),
    Section.leads: QT_TRANSLATE_NOOP("today_words", "Leads to meet"),
    Section.cycles: QT_TRANSLATE_NOOP("today_words", "Learning cycles to wrap up"),
    Section.follow_ups: QT_TRANSLATE_NOOP("today_words", "Observation follow-ups"),
    Section.revisits: QT_TRANSLATE_NOOP("today_words", "Agreements to revisit"),
}
OWNER_WORDS = {
    "lead": QT_TRANSLATE_NOOP("today_words", "the lead's"),
    "principal": QT_TRANSLATE_NOOP("today_words", "yours"),
    "both": QT_TRANSLATE_NOOP("today_words", "shared"),
}
# What comes up when: today, tomorrow, or on a day ({day}, as Today's lists write one).
_WHEN = {
    "due": (
        QT_TRANSLATE_NOOP("today_words", "due today"),
        QT_TRANSLATE_NOOP("today_words", "due tomorrow"),
        QT_TRANSLATE_NOOP("today_words", "due {day}"),
    ),
    "ends": (
        QT_TRANSLATE_NOOP("today_words", "ends today"),
        QT_TRANSLATE_NOOP("today_words", "ends tomorrow"),
        QT_TRANSLATE_NOOP("today_words", "ends {day}"),
    ),
    "follow_up": (
        QT_TRANSLATE_NOOP("today_words", "follow up today"),
        QT_TRANSLATE_NOOP("today_words", "follow up tomorrow"),
        QT_TRANSLATE_NOOP("today_words", "follow up {day}"),
    ),
    "revisit": (
        QT_TRANSLATE_NOOP("today_words", "revisit today"),
        QT_TRANSLATE_NOOP("today_words", "revisit tomorrow"),
        QT_TRANSLATE_NOOP("today_words", "revisit {day}"),
    ),
}
TEAM_WORD = QT_TRANSLATE_NOOP("today_words", "ILT")  # where a team row's lead's name would go


def section(which: Section) -> str:
    """A section's heading ("Overdue action items")."""
    return translate("today_words", _SECTIONS[which])


def team_word() -> str:
    """What stands for the lead on a team item's row ("ILT")."""
    return translate("today_words", TEAM_WORD)


def owner_word(owner: str) -> str:
    """Whose a lead's action item is: "the lead's", "yours" or "shared"."""
    return translate("today_words", OWNER_WORDS[owner])


def coming(what: str, day: date, today: date) -> str:
    """When ``what`` ("due", "ends", "follow_up", "revisit") comes: "due today", "due
    tomorrow", "due Fri 6 Mar"."""
    now, tomorrow, later = _WHEN[what]
    delta = (day - today).days
    if delta == 0:
        return translate("today_words", now)
    if delta == 1:
        return translate("today_words", tomorrow)
    return translate("today_words", later).format(day=dates.list_date(day, today))


def was_due(day: date, today: date) -> str:
    """A follow-up or a revisit whose day has passed: 'was due Mon 2 Mar'."""
    return translate("today_words", "was due {day}").format(day=dates.list_date(day, today))


def overdue_detail(days: int, whose: str) -> str:
    """An overdue item's line: '3 days overdue · yours'."""
    if days == 1:
        return translate("today_words", "{days} day overdue · {whose}").format(
            days=days, whose=whose
        )
    return translate("today_words", "{days} days overdue · {whose}").format(days=days, whose=whose)


def due_detail(day: date, today: date, whose: str) -> str:
    """An item due soon: 'due tomorrow · shared'."""
    return translate("today_words", "{when} · {whose}").format(
        when=coming("due", day, today), whose=whose
    )


def past_plan(days: int) -> str:
    """A learning cycle that ran on: "ran 3 days past its plan"."""
    if days == 1:
        return translate("today_words", "ran {days} day past its plan").format(days=days)
    return translate("today_words", "ran {days} days past its plan").format(days=days)


def last_one_on_one(gap: int, cadence_days: int) -> str:
    """A lead to meet: 'last 1:1 40 days ago (every 30 days planned)'."""
    return translate(
        "today_words", "last 1:1 {gap} days ago (every {cadence} days planned)"
    ).format(gap=gap, cadence=cadence_days)


def owner_words(principal: bool, names: Sequence[str], *, in_sentence: bool = False) -> str:
    """Who carries a team item, as a short phrase: "You, Ana Ruiz and Ben Lee" ("you, Ana
    Ruiz and Ben Lee" ``in_sentence``)."""
    you = translate("today_words", "you") if in_sentence else translate("today_words", "You")
    words = ([you] if principal else []) + [name for name in names if name]
    if len(words) <= 1:
        return words[0] if words else translate("today_words", "No owner")
    return translate("today_words", "{names} and {last}").format(
        names=", ".join(words[:-1]), last=words[-1]
    )
