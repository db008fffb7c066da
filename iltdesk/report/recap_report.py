"""A 1:1's recap to give the lead, as one HTML document rendered to PDF by the same engine and
in the same look as the cycle summary (``iltdesk.report.render.write_pdf``).

What it holds comes from ``iltdesk.recap``, which never reads the principal's own notes on the
1:1. Every text from the journal is escaped here (``esc``, or notes through ``note_html``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from iltdesk import dates
from iltdesk.paths import resources_dir
from iltdesk.recap_content import (
    DEFAULT_SECTIONS,
    Recap,
    RecapAction,
    RecapSection,
    agreement_line,
    kind_word,
    section_title,
    shown,
)
from iltdesk.report.content import META_LEAD, META_PREPARED, META_SCHOOL
from iltdesk.report.markdown import note_html
from iltdesk.report.sections import data_table, esc, field_table, heading, quiet
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

STYLE = "cycle_summary.css"  # one look for every report
KICKER = QT_TRANSLATE_NOOP("report.recap_report", "1:1 recap")
SAID_HEADER = (
    QT_TRANSLATE_NOOP("report.recap_report", "Item"),
    QT_TRANSLATE_NOOP("report.recap_report", "Brought by"),
    QT_TRANSLATE_NOOP("report.recap_report", "What we said"),
)


def build_recap_html(
    recap: Recap,
    sections: frozenset[RecapSection] = DEFAULT_SECTIONS,
    *,
    today: date | None = None,
) -> str:
    """The recap as an HTML document, with the chosen sections in their fixed order."""
    today = today or date.today()
    body = _heading(recap, today) + "".join(
        heading(section_title(section)) + WRITERS[section](recap)
        for section in shown(recap, sections)
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{esc(recap.title)}</title>"
        f'<meta name="{META_SCHOOL}" content="{esc(recap.school)}">'
        f'<meta name="{META_LEAD}" content="{esc(recap.lead_name)}">'
        f'<meta name="{META_PREPARED}" content="{today.isoformat()}">'
        f"<style>{_style()}</style></head><body>{body}</body></html>"
    )


def _style() -> str:
    return (resources_dir() / "report" / STYLE).read_text(encoding="utf-8")


def _heading(recap: Recap, today: date) -> str:
    details = f" · {recap.lead_details}" if recap.lead_details else ""
    held = translate("report.recap_report", "Our 1:1 on {day}").format(
        day=dates.with_weekday(recap.held_on)
    )
    prepared = (
        translate("report.recap_report", "Prepared by {who}, {school} · {day}")
        if recap.school
        else translate("report.recap_report", "Prepared by {who} · {day}")
    ).format(who=recap.principal, school=recap.school, day=dates.long(today))
    return (
        f"<p class='kicker'>{esc(translate('report.recap_report', KICKER))}</p>"
        f"<p class='lead-name'>{esc(recap.lead_name)}</p>"
        f"<p class='lead-details'>{esc(held)}{esc(details)}</p>"
        f"<p class='prepared'>{esc(prepared)}</p>"
    )


def _discussed(recap: Recap) -> str:
    parts = []
    if recap.discussed:
        rows = [
            [
                f'<p class="title">{esc(item.text)}</p>'
                + (f'<p class="kind">{esc(item.part)}</p>' if item.part else ""),
                f"<p>{esc(_capital(item.brought_by))}</p>",
            ]
            for item in recap.discussed
        ]
        if any(item.notes.strip() for item in recap.discussed):
            for row, item in zip(rows, recap.discussed, strict=True):
                # A blank cell holds a space: Qt's rich text drops the top margin of a
                # heading right after a table whose last cell is empty.
                row.append(note_html(item.notes) if item.notes.strip() else "&nbsp;")
            table = data_table(_said_header(), ("36%", "20%", "44%"), rows)
        else:  # a column empty in every row says nothing
            table = data_table(_said_header()[:2], ("52%", "48%"), rows)  # beside "Who" below
        parts.append(table)
    if recap.carried:
        said = translate("report.recap_report", "Carried to our next 1:1: {{items}}.")
        parts.append(quiet(said.format(items="; ".join(recap.carried))))
    return "".join(parts)


def _said_header() -> tuple[str, ...]:
    return tuple(translate("report.recap_report", words) for words in SAID_HEADER)


def _capital(words: str) -> str:
    """'both of us', 'the principal' as a cell starts them; names as they are."""
    return words[:1].upper() + words[1:]


def _decisions(recap: Recap) -> str:
    if not recap.decisions:
        return ""
    items = "".join(
        f"<li>{esc(d.text)}"
        + (f' <span class="kind">{esc(_about(d.about))}</span>' if d.about else "")
        + "</li>"
        for d in recap.decisions
    )
    return f'<ul style="list-style-type: disc">{items}</ul>'


def _about(about: str) -> str:
    return translate("report.recap_report", "(on “{about}”)").format(about=about)


def _actions(recap: Recap) -> str:
    parts = []
    if recap.actions:
        parts.append(_action_table(recap.actions))
    if recap.still_open:
        label = esc(translate("report.recap_report", "Still open from before"))
        parts.append(f'<p class="fact-label" style="margin-top: 8px">{label}</p>')
        parts.append(_action_table(recap.still_open))
    return "".join(parts)


def _action_table(actions: tuple[RecapAction, ...]) -> str:
    rows = [[f"<p>{esc(a.text)}</p>", f"<p>{esc(a.owner)}</p>", _when(a)] for a in actions]
    header = (
        translate("report.recap_report", "Action item"),
        translate("report.recap_report", "Who"),
        translate("report.recap_report", "By when"),
    )
    return data_table(header, ("52%", "26%", "22%"), rows)


def _when(action: RecapAction) -> str:
    due = (
        dates.short(action.due_on)
        if action.due_on
        else translate("report.recap_report", "No date set")
    )
    done = ""
    if action.done_on:
        said = translate("report.recap_report", "Done {day}").format(
            day=dates.short(action.done_on)
        )
        done = f'<p class="kind">{esc(said)}</p>'
    return f'<p class="when">{esc(due)}</p>{done}'


def _agreement(recap: Recap) -> str:
    agreement = recap.agreement
    if agreement is None:
        return ""
    rows = [
        (kind_word(firm).capitalize(), f"<p>{esc(text)}</p>")
        for text, firm in agreement.expectations
    ]
    out = quiet(agreement_line(agreement)) + (field_table(rows) if rows else "")
    if agreement.changes:
        changed = "".join(f"<li>{esc(c)}</li>" for c in agreement.changes)
        label = esc(translate("report.recap_report", "What changed that day"))
        out += f'<p class="fact-label" style="margin-top: 8px">{label}</p>'
        out += f'<ul style="list-style-type: disc">{changed}</ul>'
    if agreement.revision_note.strip():
        why = f"<p>{esc(agreement.revision_note.strip())}</p>"
        out += field_table([(translate("report.recap_report", "Why"), why)])
    return out


def _feedback(recap: Recap) -> str:
    return note_html(recap.feedback)


WRITERS: dict[RecapSection, Callable[[Recap], str]] = {
    RecapSection.discussed: _discussed,
    RecapSection.decisions: _decisions,
    RecapSection.action_items: _actions,
    RecapSection.agreement: _agreement,
    RecapSection.feedback: _feedback,
}
