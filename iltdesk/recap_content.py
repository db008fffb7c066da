"""What a 1:1's recap holds, ready to be written out (``iltdesk.recap`` reads it from the
journal; ``recap_markdown`` and ``iltdesk.report.recap_report`` write it), and the words both
writers share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from iltdesk import dates
from iltdesk.translation import QT_TRANSLATE_NOOP, translate


class RecapSection(StrEnum):
    """What a recap can hold; the values are the names ``--sections`` takes."""

    discussed = "discussed"
    decisions = "decisions"
    action_items = "action_items"
    agreement = "agreement"
    feedback = "feedback"  # the principal's words: chosen, not by default


# The sections' headings in English: ``section_title`` says one in the user's language.
SECTION_TITLES = {
    RecapSection.discussed: QT_TRANSLATE_NOOP("recap_content", "What we discussed"),
    RecapSection.decisions: QT_TRANSLATE_NOOP("recap_content", "What we decided"),
    RecapSection.action_items: QT_TRANSLATE_NOOP("recap_content", "Action items"),
    RecapSection.agreement: QT_TRANSLATE_NOOP("recap_content", "Our coaching agreement"),
    RecapSection.feedback: QT_TRANSLATE_NOOP("recap_content", "Feedback I gave"),
}
DEFAULT_SECTIONS = frozenset(RecapSection) - {RecapSection.feedback}


def section_title(section: RecapSection) -> str:
    """A section's heading in the recap ("What we decided"), in the user's language."""
    return translate("recap_content", SECTION_TITLES[section])


@dataclass(frozen=True)
class DiscussedItem:
    """An agenda item talked through: its part of the agenda, who brought it, what was said."""

    part: str
    text: str
    brought_by: str
    notes: str  # Markdown, without the lines taken out as decisions


@dataclass(frozen=True)
class Decision:
    text: str
    about: str  # the agenda item it was decided under ("" for the agreement)


@dataclass(frozen=True)
class RecapAction:
    """An action item: what, who carries it, by when, and whether it is done."""

    text: str
    owner: str
    due_on: date | None
    done_on: date | None


@dataclass(frozen=True)
class AgreementRevisited:
    """The coaching agreement in force on the 1:1's day."""

    version: int
    agreed_on: date
    revisit_on: date | None
    expectations: tuple[tuple[str, bool], ...]  # text, non-negotiable
    revised_that_day: bool
    changes: tuple[str, ...]  # what that day's revision changed, in words
    revision_note: str


@dataclass(frozen=True)
class Recap:
    """Everything the recap of one 1:1 may show; the sections chosen decide what it does."""

    one_on_one_id: int
    lead_id: int
    lead_name: str
    lead_details: str  # role · team
    held_on: date
    principal: str
    school: str
    discussed: tuple[DiscussedItem, ...]
    carried: tuple[str, ...]  # items not reached: they go on to the next 1:1
    decisions: tuple[Decision, ...]
    actions: tuple[RecapAction, ...]  # agreed at this 1:1
    still_open: tuple[RecapAction, ...]  # the lead's open items from before
    agreement: AgreementRevisited | None
    feedback: str  # Markdown

    @property
    def title(self) -> str:
        """'1:1 recap: Priya Natarajan, 3 Mar 2027'."""
        return translate("recap_content", "1:1 recap: {lead}, {day}").format(
            lead=self.lead_name, day=dates.short(self.held_on)
        )


def holds(recap: Recap, section: RecapSection) -> bool:
    """Whether this 1:1 has anything for ``section``: an empty one is left out of the recap
    (a lead reading "What we decided: nothing" learns nothing from it)."""
    return {
        RecapSection.discussed: bool(recap.discussed or recap.carried),
        RecapSection.decisions: bool(recap.decisions),
        RecapSection.action_items: bool(recap.actions or recap.still_open),
        RecapSection.agreement: recap.agreement is not None,
        RecapSection.feedback: bool(recap.feedback.strip()),
    }[section]


def shown(recap: Recap, sections: frozenset[RecapSection]) -> list[RecapSection]:
    """The sections chosen that hold something, in the recap's order."""
    return [s for s in RecapSection if s in sections and holds(recap, s)]


def when(action: RecapAction) -> str:
    """'by Fri 6 Mar 2027', with 'done 5 Mar 2027' when it is."""
    done = dates.short(action.done_on) if action.done_on else ""
    if action.due_on is None:
        said = (
            translate("recap_content", "no date set, done {done}")
            if done
            else translate("recap_content", "no date set")
        )
        return said.format(done=done)
    said = (
        translate("recap_content", "by {due}, done {done}")
        if done
        else translate("recap_content", "by {due}")
    )
    return said.format(due=dates.with_weekday(action.due_on), done=done)


def agreement_line(agreement: AgreementRevisited) -> str:
    """'Version 2, agreed on 3 March 2027; to revisit by 1 June 2027.'"""
    agreed = dates.long(agreement.agreed_on)
    if agreement.revisit_on is None:
        return translate("recap_content", "Version {version}, agreed on {agreed}.").format(
            version=agreement.version, agreed=agreed
        )
    return translate(
        "recap_content", "Version {version}, agreed on {agreed}; to revisit by {revisit}."
    ).format(version=agreement.version, agreed=agreed, revisit=dates.long(agreement.revisit_on))


def kind_word(non_negotiable: bool) -> str:
    if non_negotiable:
        return translate("recap_content", "non-negotiable")
    return translate("recap_content", "adjustable to you")
