"""A 1:1's recap as Markdown to paste into an email (``iltdesk.recap`` reads it from the journal;
``iltdesk.report.recap_report`` writes the PDF): the same sections, in the same words."""

from __future__ import annotations

from iltdesk import dates
from iltdesk.recap_content import (
    DEFAULT_SECTIONS,
    Recap,
    RecapSection,
    agreement_line,
    kind_word,
    section_title,
    shown,
    when,
)
from iltdesk.translation import translate


def recap_markdown(recap: Recap, sections: frozenset[RecapSection] = DEFAULT_SECTIONS) -> str:
    """The recap as Markdown to paste into an email: the same sections as the PDF."""
    out = [
        "# " + translate("recap_markdown", "1:1 recap: {lead}").format(lead=recap.lead_name),
        "",
        translate("recap_markdown", "Our 1:1 on {day}.").format(
            day=dates.with_weekday(recap.held_on)
        ),
    ]
    writers = {
        RecapSection.discussed: _md_discussed,
        RecapSection.decisions: _md_decisions,
        RecapSection.action_items: _md_actions,
        RecapSection.agreement: _md_agreement,
        RecapSection.feedback: _md_feedback,
    }
    for section in shown(recap, sections):
        out += ["", f"## {section_title(section)}", "", *writers[section](recap)]
    out += ["", f"— {recap.principal}"]
    return "\n".join(out).strip() + "\n"


def _indented(text: str) -> list[str]:
    return [f"  {line}" if line.strip() else "" for line in text.strip().splitlines()]


def _md_discussed(recap: Recap) -> list[str]:
    lines = []
    for item in recap.discussed:
        part = f"{item.part}: " if item.part else ""
        brought = translate("recap_markdown", "(brought by {who})").format(who=item.brought_by)
        lines.append(f"- **{part}{item.text}** {brought}")
        lines += _indented(item.notes)
    if recap.carried:
        carried = translate("recap_markdown", "Carried to our next 1:1: {items}.")
        lines += ["", carried.format(items="; ".join(recap.carried))]
    return lines


def _md_feedback(recap: Recap) -> list[str]:
    return [recap.feedback.strip()] if recap.feedback.strip() else []


def _md_decisions(recap: Recap) -> list[str]:
    on = translate("recap_markdown", "(on “{about}”)")
    return [
        f"- {d.text}" + (f" {on.format(about=d.about)}" if d.about else "") for d in recap.decisions
    ]


def _md_actions(recap: Recap) -> list[str]:
    lines = [f"- {a.text} — {a.owner}, {when(a)}" for a in recap.actions]
    if recap.still_open:
        lines += ["", translate("recap_markdown", "Still open from before:"), ""]
        lines += [f"- {a.text} — {a.owner}, {when(a)}" for a in recap.still_open]
    return lines


def _md_agreement(recap: Recap) -> list[str]:
    agreement = recap.agreement
    if agreement is None:
        return []
    lines = [agreement_line(agreement), ""]
    lines += [f"- {text} ({kind_word(firm)})" for text, firm in agreement.expectations]
    if agreement.changes:
        changed = translate("recap_markdown", "What changed that day:")
        lines += ["", changed, "", *(f"- {c}" for c in agreement.changes)]
    if agreement.revision_note.strip():
        why = translate("recap_markdown", "Why: {note}").format(
            note=agreement.revision_note.strip()
        )
        lines += ["", why]
    return lines
