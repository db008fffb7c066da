"""The HTML of each part of an ILT meeting's summary. Every text from the journal is escaped
here (names with ``esc``, notes through the one Markdown reading, ``note_html``)."""

from __future__ import annotations

from collections.abc import Callable

from iltdesk import dates
from iltdesk.meeting_summary import Feedback, MeetingSummary, NextStep, SummaryPart
from iltdesk.models import MeetingPart
from iltdesk.report.markdown import note_html
from iltdesk.report.sections import data_table, esc, field_table, heading, quiet
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

NOTHING = QT_TRANSLATE_NOOP("report.meeting_parts", "Nothing written down.")


def attendance(summary: MeetingSummary) -> str:
    """Who came, and who could not."""
    nobody = translate("report.meeting_parts", "No one was marked present.")
    rows = [(translate("report.meeting_parts", "Present"), _names(summary.present, nobody))]
    if summary.absent:
        rows.append(
            (translate("report.meeting_parts", "Could not come"), _names(summary.absent, ""))
        )
    return field_table(rows)


def _names(names: tuple[str, ...], empty: str) -> str:
    return f"<p>{esc(', '.join(names))}</p>" if names else quiet(empty)


def part(summary: MeetingSummary, shown: SummaryPart, *, first: bool = True) -> str:
    """One part: its heading, what the meeting recorded for it (under the first part of its
    kind only: an agenda may name a kind twice), then the notes taken in it."""
    body = WRITERS.get(shown.part, _no_content)(summary) if first else ""
    notes = note_html(shown.notes)
    if body and notes:
        label = esc(translate("report.meeting_parts", "Notes"))
        notes = f'<p class="fact-label" style="margin-top: 8px">{label}</p>{notes}'
    return heading(shown.title) + (
        (body + notes) or quiet(translate("report.meeting_parts", NOTHING))
    )


def _no_content(summary: MeetingSummary) -> str:
    return ""


def _vision(summary: MeetingSummary) -> str:
    """The charter's purpose and vision as they read on the meeting's day."""
    charter = summary.charter
    if charter is None:
        return ""
    rows = [
        (label, note_html(text))
        for label, text in (
            (translate("report.meeting_parts", "Purpose"), charter.purpose),
            (
                translate("report.meeting_parts", "How it serves the school vision"),
                charter.vision_link,
            ),
        )
        if text.strip()
    ]
    since = translate(
        "report.meeting_parts", "The charter as it read that day (its version of {day})"
    ).format(day=dates.long(charter.made_on))
    return quiet(since) + field_table(rows)


def _last_plus_delta(summary: MeetingSummary) -> str:
    if not summary.last_feedback:
        return quiet(
            translate("report.meeting_parts", "No plus/delta from an earlier meeting to revisit.")
        )
    return _feedback_table(summary.last_feedback)


def _plus_delta(summary: MeetingSummary) -> str:
    return _feedback_table(summary.feedback) if summary.feedback else ""


def _feedback_table(rows: tuple[Feedback, ...]) -> str:
    """Plus, delta and the response given to them, one row each."""
    answered = any(f.response.strip() for f in rows)
    header: tuple[str, ...] = (
        translate("report.meeting_parts", "Plus"),
        translate("report.meeting_parts", "Delta"),
    )
    widths: tuple[str, ...] = ("50%", "50%")
    if answered:
        header, widths = (
            (*header, translate("report.meeting_parts", "Our response")),
            ("34%", "33%", "33%"),
        )
    cells = [
        [note_html(f.plus), note_html(f.delta), *([note_html(f.response)] if answered else [])]
        for f in rows
    ]
    return data_table(header, widths, cells)


def _member_items(summary: MeetingSummary) -> str:
    """The items discussed, who brought each, and what was said; those not reached in a line."""
    parts = []
    if summary.discussed:
        rows = [
            [f'<p class="title">{esc(i.text)}</p>', f"<p>{esc(i.added_by)}</p>", note_html(i.notes)]
            for i in summary.discussed
        ]
        parts.append(
            data_table(
                (
                    translate("report.meeting_parts", "Item"),
                    translate("report.meeting_parts", "Brought by"),
                    translate("report.meeting_parts", "What we said"),
                ),
                ("32%", "20%", "48%"),
                rows,
            )
        )
    elif summary.member_items:
        parts.append(
            quiet(
                translate("report.meeting_parts", "No member's item was reached in this meeting.")
            )
        )
    if summary.carried:
        listed = "; ".join(f"{i.text} ({i.added_by})" for i in summary.carried)
        parts.append(
            quiet(
                translate("report.meeting_parts", "Carried to the next meeting: {listed}.").format(
                    listed=listed
                )
            )
        )
    return "".join(parts)


def _professional_learning(summary: MeetingSummary) -> str:
    rows = [
        (label, f"<p>{esc(text)}</p>")
        for label, text in (
            (translate("report.meeting_parts", "Topic"), summary.pl_topic),
            (translate("report.meeting_parts", "Led by"), summary.pl_led_by),
        )
        if text
    ]
    return field_table(rows) if rows else ""


def _data(summary: MeetingSummary) -> str:
    """What the team looked at, and the protocol and questions it looked with."""
    rows = [
        (label, note_html(text))
        for label, text in (
            (translate("report.meeting_parts", "What we looked at"), summary.artifacts),
            (translate("report.meeting_parts", "Protocol"), summary.protocol),
            (translate("report.meeting_parts", "Guiding questions"), summary.guiding_questions),
        )
        if text.strip()
    ]
    return field_table(rows) if rows else ""


def _next_steps(summary: MeetingSummary) -> str:
    if not summary.next_steps:
        return ""
    rows = [
        [
            f"<p>{esc(s.text)}</p>",
            _names(s.owners, translate("report.meeting_parts", "No one named yet.")),
            _when(s),
        ]
        for s in summary.next_steps
    ]
    header = (
        translate("report.meeting_parts", "Next step"),
        translate("report.meeting_parts", "Who"),
        translate("report.meeting_parts", "By when"),
    )
    return data_table(header, ("52%", "28%", "20%"), rows)


def _when(step: NextStep) -> str:
    due = (
        dates.short(step.due_on)
        if step.due_on
        else translate("report.meeting_parts", "No date set")
    )
    done = ""
    if step.done_on:
        said = translate("report.meeting_parts", "Done {day}").format(day=dates.short(step.done_on))
        done = f'<p class="kind">{esc(said)}</p>'
    return f'<p class="when">{esc(due)}</p>{done}'


WRITERS: dict[MeetingPart, Callable[[MeetingSummary], str]] = {
    MeetingPart.vision: _vision,
    MeetingPart.last_plus_delta: _last_plus_delta,
    MeetingPart.member_items: _member_items,
    MeetingPart.professional_learning: _professional_learning,
    MeetingPart.data: _data,
    MeetingPart.next_steps: _next_steps,
    MeetingPart.plus_delta: _plus_delta,
}
