"""A difficult conversation as a cycle summary shows it: its goal, when, the debrief and the
follow-up (and, only when chosen, who it was with and how it was planned and rehearsed)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from iltdesk import dates
from iltdesk.models import ActionItem, Author, DifficultConversation
from iltdesk.report.html_parts import esc, field_table, note, quiet
from iltdesk.report.markdown import note_html
from iltdesk.translation import translate

if TYPE_CHECKING:
    from iltdesk.report.sections import ConversationPart, CycleContent


def conversation(part: ConversationPart, content: CycleContent) -> str:
    """A difficult conversation: its goal, when, the debrief and the follow-up. Who it was
    with, how it was planned and rehearsed and what happened are shown only when chosen."""
    c = part.conversation
    if c.held_on is None:
        title = translate("report.conversation_part", "A difficult conversation, planned {day}")
    elif c.held_on <= content.today:
        title = translate("report.conversation_part", "A difficult conversation, held {day}")
    else:
        title = translate("report.conversation_part", "A difficult conversation, to be held {day}")
    day = dates.short(c.planned_on if c.held_on is None else c.held_on)
    rows = [
        (
            translate("report.conversation_part", "Goal"),
            note(c.goal, translate("report.conversation_part", "No goal written down.")),
        )
    ]
    if content.conversation_notes:
        rows += _planning_rows(c)
    debrief = note(c.debrief, translate("report.conversation_part", "Not debriefed yet."))
    rows.append((translate("report.conversation_part", "Debrief"), debrief))
    if part.follow_ups:
        follow_ups = _follow_up_list(part.follow_ups, content)
        rows.append((translate("report.conversation_part", "Follow-up"), follow_ups))
    shown = title.format(day=day)
    return f"<h3>{esc(shown)}</h3>" + field_table(rows, "fields observation")  # not shown: CSS


def _planning_rows(c: DifficultConversation) -> list[tuple[str, str]]:
    """The private parts: who it was with, how it was planned and rehearsed, what happened."""
    rehearsed = [dates.short(c.rehearsed_on)] if c.rehearsed_on else []
    if c.rehearsed_with:
        rehearsed.append(
            translate("report.conversation_part", "with {whom}").format(whom=c.rehearsed_with)
        )
    said = f"<p>{esc(' · '.join(rehearsed))}</p>" if rehearsed else ""
    not_written = translate("report.conversation_part", "Not written down.")
    with_whom = f"<p>{esc(c.with_whom)}</p>" if c.with_whom else quiet(not_written)
    not_rehearsed = quiet(translate("report.conversation_part", "Not rehearsed."))
    return [
        (translate("report.conversation_part", "With"), with_whom),
        (
            translate("report.conversation_part", "Opening words"),
            note(c.opening_words, not_written),
        ),
        (translate("report.conversation_part", "Likely reactions"), note(c.reactions, not_written)),
        (
            translate("report.conversation_part", "Rehearsal"),
            said + _notes_if_any(c.rehearsal_notes) or not_rehearsed,
        ),
        (
            translate("report.conversation_part", "What happened"),
            note(c.what_happened, not_written),
        ),
    ]


def _notes_if_any(text: str) -> str:
    return note_html(text) if text.strip() else ""


def _follow_up_list(items: list[ActionItem], content: CycleContent) -> str:
    owners = {
        Author.lead: content.lead_first_name,
        Author.principal: translate("report.conversation_part", "the principal"),
        Author.both: translate("report.conversation_part", "{lead} and the principal").format(
            lead=content.lead_first_name
        ),
    }
    lines = []
    for item in items:
        said = owners[item.owner]
        if item.due_on:
            due = dates.short(item.due_on)
            said = translate("report.conversation_part", "{said}, due {day}").format(
                said=said, day=due
            )
        if item.done_on:
            done = dates.short(item.done_on)
            said = translate("report.conversation_part", "{said}, done {day}").format(
                said=said, day=done
            )
        lines.append(f"<li>{esc(item.text)} ({esc(said)})</li>")
    return f"<ul>{''.join(lines)}</ul>"
