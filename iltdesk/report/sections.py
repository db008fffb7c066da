"""The HTML of each part of a cycle summary. Every text from the journal is escaped here."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from iltdesk import dates
from iltdesk.cycle import ACTIVITY_TITLES, OUTCOME_TITLES, PHASE_TITLES, planned_end, weeks_run
from iltdesk.models import (
    ActionItem,
    Author,
    CycleActivity,
    CyclePhase,
    DifficultConversation,
    EnergyCheck,
    LearningCycle,
    Observation,
    Outcome,
)
from iltdesk.observation import SETTING_TITLES
from iltdesk.report.markdown import note_html
from iltdesk.report.request import Section

OUTCOME_VERDICTS = {
    Outcome.met: "met",
    Outcome.partly: "partly met",
    Outcome.not_yet: "not yet met",
}


@dataclass(frozen=True)
class ConversationPart:
    """A difficult conversation linked to the cycle, with its follow-up items."""

    conversation: DifficultConversation
    follow_ups: list[ActionItem]


@dataclass(frozen=True)
class CycleContent:
    """One cycle and everything recorded in it, ready to be written out."""

    number: int  # 1 for the lead's first cycle ever
    cycle: LearningCycle
    activities: list[CycleActivity]
    observations: list[Observation]
    energy: list[EnergyCheck]
    lead_first_name: str
    today: date
    show_outcome: bool = True  # whether the facts may say if the goal was met
    conversations: list[ConversationPart] = field(default_factory=list)
    # Whether a conversation's planning and what happened are shown, or only its goal,
    # when, debrief and follow-up.
    conversation_notes: bool = False


def esc(text: str) -> str:
    """Plain text as HTML."""
    return html.escape(text, quote=True)


def note(text: str, empty: str = "Not written down yet.") -> str:
    """A note's Markdown as HTML, or a quiet line saying there is none."""
    return note_html(text) if text.strip() else quiet(empty)


def quiet(text: str) -> str:
    """A muted line for something not recorded."""
    return f'<p class="quiet">{esc(text)}</p>'


def quote(inner: str) -> str:
    """Someone's own words, set off by a rule on the left."""
    return (
        '<table class="quote" width="100%" cellspacing="0" cellpadding="0">'
        f"<tr><td>{inner}</td></tr></table>"
    )


def heading(text: str) -> str:
    """A section heading."""
    return f"<h2>{esc(text)}</h2>"


def field_table(rows: Iterable[tuple[str, str]], css: str = "fields") -> str:
    """Label and value rows (values already HTML) as a two-column table."""
    body = "".join(
        f'<tr><td class="label" width="24%">{esc(label)}</td><td class="value">{value}</td></tr>'
        for label, value in rows
    )
    return f'<table class="{css}" width="100%" cellspacing="0" cellpadding="0">{body}</table>'


def data_table(header: tuple[str, ...], widths: tuple[str, ...], rows: list[list[str]]) -> str:
    """A table with a header row that repeats when it runs onto another page."""
    head = "".join(
        f'<th width="{w}" align="left">{esc(h)}</th>' for h, w in zip(header, widths, strict=True)
    )
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return (
        '<table class="data" width="100%" cellspacing="0" cellpadding="0">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


# -- the cycle's heading and facts --------------------------------------------------------------


def cycle_title(content: CycleContent) -> str:
    """'Learning cycle 2'."""
    return f"Learning cycle {content.number}"


def cycle_facts(content: CycleContent) -> str:
    """Dates, length and where the cycle stands, as a row of small facts."""
    cycle = content.cycle
    week = weeks_run(cycle, content.today)
    weeks = f"{cycle.planned_weeks} week{'s' if cycle.planned_weeks != 1 else ''} planned"
    if cycle.closed_on is not None:
        end_label, end = "Closed", dates.short(cycle.closed_on)
        length = f"{weeks}; closed in week {week}"
        stands = "Closed"
        if cycle.outcome is not None and content.show_outcome:
            stands += f", goal {OUTCOME_VERDICTS[cycle.outcome]}"
    else:
        end_label, end = "Planned end", dates.short(planned_end(cycle))
        length = f"{weeks}; now in week {week}"
        stands = PHASE_TITLES[cycle.phase]
        if content.today > planned_end(cycle):
            stands += " (past the planned end)"
    facts = [
        ("Started", dates.short(cycle.started_on)),
        (end_label, end),
        ("Length", length),
        ("Where it stands", stands),
    ]
    cells = "".join(
        f'<td width="{w}"><p class="fact-label">{esc(label)}</p>'
        f'<p class="fact">{esc(value)}</p></td>'
        for (label, value), w in zip(facts, ("20%", "20%", "30%", "30%"), strict=True)
    )
    table = '<table class="facts" width="100%" cellspacing="0" cellpadding="0">'
    return f"{table}<tr>{cells}</tr></table>"


# -- the sections -------------------------------------------------------------------------------


def intention(content: CycleContent) -> str:
    """The goal, how success shows, the baseline and the part of the leadership framework
    it builds on."""
    c = content.cycle
    goal = f'<div class="goal">{note_html(c.goal)}</div>' if c.goal.strip() else ""
    rows = [("Goal", goal or quiet("No goal written down yet."))]
    optional = (
        ("How we will know", c.success_measure),
        ("Where we started: the numbers", c.baseline_quantitative),
        ("Where we started: what we saw", c.baseline_qualitative),
        ("Leadership focus", c.focus_indicator),
    )
    rows += [(label, note_html(text)) for label, text in optional if text.strip()]
    return heading("What we set out to do") + field_table(rows)


def learning(content: CycleContent) -> str:
    """The related-learning activities, oldest first, then the difficult conversations."""
    talks = "".join(conversation(part, content) for part in content.conversations)
    if not content.activities:
        empty = "" if talks else quiet("No learning activities logged yet.")
        return heading("How we learned together") + empty + talks
    rows = [
        [
            f'<p class="when">{esc(dates.short(a.happened_on))}</p>',
            f'<p class="title">{esc(a.title or ACTIVITY_TITLES[a.kind])}</p>'
            + (f'<p class="kind">{esc(ACTIVITY_TITLES[a.kind])}</p>' if a.title else ""),
            note_html(a.notes),
        ]
        for a in content.activities
    ]
    table = data_table(("When", "What we did", "Notes"), ("16%", "30%", "54%"), rows)
    return heading("How we learned together") + table + talks


def conversation(part: ConversationPart, content: CycleContent) -> str:
    """A difficult conversation: its goal, when, the debrief and the follow-up. Who it was
    with, how it was planned and rehearsed and what happened are shown only when chosen."""
    c = part.conversation
    if c.held_on is None:
        when = f"planned {dates.short(c.planned_on)}"
    else:
        held = "held" if c.held_on <= content.today else "to be held"
        when = f"{held} {dates.short(c.held_on)}"
    rows = [("Goal", note(c.goal, "No goal written down."))]
    if content.conversation_notes:
        rows += _planning_rows(c)
    rows.append(("Debrief", note(c.debrief, "Not debriefed yet.")))
    if part.follow_ups:
        rows.append(("Follow-up", _follow_up_list(part.follow_ups, content)))
    title = f"A difficult conversation, {when}"
    return f"<h3>{esc(title)}</h3>" + field_table(rows, "fields observation")


def _planning_rows(c: DifficultConversation) -> list[tuple[str, str]]:
    """The private parts: who it was with, how it was planned and rehearsed, what happened."""
    rehearsed = [dates.short(c.rehearsed_on)] if c.rehearsed_on else []
    rehearsed += [f"with {c.rehearsed_with}"] if c.rehearsed_with else []
    said = f"<p>{esc(' · '.join(rehearsed))}</p>" if rehearsed else ""
    with_whom = f"<p>{esc(c.with_whom)}</p>" if c.with_whom else quiet("Not written down.")
    return [
        ("With", with_whom),
        ("Opening words", note(c.opening_words, "Not written down.")),
        ("Likely reactions", note(c.reactions, "Not written down.")),
        ("Rehearsal", said + _notes_if_any(c.rehearsal_notes) or quiet("Not rehearsed.")),
        ("What happened", note(c.what_happened, "Not written down.")),
    ]


def _notes_if_any(text: str) -> str:
    return note_html(text) if text.strip() else ""


def _follow_up_list(items: list[ActionItem], content: CycleContent) -> str:
    owners = {
        Author.lead: content.lead_first_name,
        Author.principal: "the principal",
        Author.both: f"{content.lead_first_name} and the principal",
    }
    lines = []
    for item in items:
        due = f", due {dates.short(item.due_on)}" if item.due_on else ""
        done = f", done {dates.short(item.done_on)}" if item.done_on else ""
        lines.append(f"<li>{esc(item.text)} ({esc(owners[item.owner] + due + done)})</li>")
    return f"<ul>{''.join(lines)}</ul>"


def observations(content: CycleContent) -> str:
    """Each observation: when and where, what was seen, the feedback and the next step."""
    parts = [heading("What I saw in practice")]
    if not content.observations:
        parts.append(quiet("No observations recorded in this cycle yet."))
    for number, o in enumerate(content.observations, start=1):
        parts.append(observation_part(number, o))
    return "".join(parts)


def observation_part(number: int, o: Observation, also: str = "") -> str:
    """One observation as a report shows it: its number, day and setting (and ``also``, such
    as the cycle it was part of), what was seen, the feedback and the next step."""
    when = f"{number}. {dates.short(o.observed_on)} · {SETTING_TITLES[o.setting]}{also}"
    step = esc(o.action_step)
    if o.action_step and o.follow_up_on is not None:
        step += f' <span class="quiet">(follow up by {esc(dates.short(o.follow_up_on))})</span>'
    rows = [
        ("What I saw", note(o.evidence, "Nothing written down.")),
        ("Feedback", note(o.feedback, "Nothing written down.")),
        ("Next step", f"<p>{step}</p>" if o.action_step else quiet("None set.")),
    ]
    return f"<h3>{esc(when)}</h3>" + field_table(rows, "fields observation")


def outcome(content: CycleContent) -> str:
    """Whether the goal was met, and the evidence."""
    c = content.cycle
    still_open = c.phase is not CyclePhase.closed
    if c.outcome is None and not c.outcome_evidence.strip():
        return heading("How it went") + quiet(
            "Not decided yet: the cycle is still open." if still_open else "Not written down."
        )
    if c.outcome is None:
        verdict = quiet("Not decided yet.")
    else:
        verdict = f'<p class="verdict">{esc(OUTCOME_TITLES[c.outcome])}</p>'
    evidence = note(c.outcome_evidence, "No evidence written down yet.")
    return heading("How it went") + field_table([("Outcome", verdict), ("Evidence", evidence)])


def lead_reflection(content: CycleContent) -> str:
    """The lead's own reflection."""
    text = content.cycle.lead_reflection
    body = quote(note_html(text)) if text.strip() else quiet("No reflection written down yet.")
    return heading(f"{content.lead_first_name}’s reflection") + body


def principal_reflection(content: CycleContent) -> str:
    """The principal's reflection (private unless chosen)."""
    text = content.cycle.principal_reflection
    body = quote(note_html(text)) if text.strip() else quiet("No reflection written down yet.")
    return heading("The principal’s reflection") + body


def next_goal(content: CycleContent) -> str:
    """The goal to carry into the next cycle."""
    text = content.cycle.next_goal
    body = f'<div class="goal">{note_html(text)}</div>' if text.strip() else quiet("Not set yet.")
    return heading("Where we go next") + body


def energy(content: CycleContent) -> str:
    """The lead's energy check-ins during the cycle (private unless chosen)."""
    if not content.energy:
        return heading("Energy along the way") + quiet("No energy check-ins during this cycle.")
    rows = [
        [
            f'<p class="when">{esc(dates.short(e.checked_on))}</p>',
            f'<p><span class="dots">{"●" * e.level}</span>'
            f'<span class="dots-off">{"●" * (5 - e.level)}</span>'
            f'&nbsp;&nbsp;<span class="quiet">{e.level} of 5</span></p>',
            note_html(e.note),
        ]
        for e in content.energy
    ]
    table = data_table(("When", "Energy", "What I noticed"), ("16%", "22%", "62%"), rows)
    return heading("Energy along the way") + table


WRITERS: tuple[tuple[Section, Callable[[CycleContent], str]], ...] = (
    (Section.intention, intention),
    (Section.learning, learning),
    (Section.observations, observations),
    (Section.energy, energy),
    (Section.outcome, outcome),
    (Section.lead_reflection, lead_reflection),
    (Section.principal_reflection, principal_reflection),
    (Section.next_goal, next_goal),
)

_PENDING: dict[Section, Callable[[CycleContent], str]] = {
    Section.outcome: lambda content: "how it went",
    Section.lead_reflection: lambda content: f"{content.lead_first_name}’s reflection",
    Section.principal_reflection: lambda content: "the principal’s reflection",
    Section.next_goal: lambda content: "where we go next",
}


def _nothing_yet(section: Section, cycle: LearningCycle) -> bool:
    """Whether a closing section of an open cycle has nothing written in it yet."""
    if section is Section.outcome:
        return cycle.outcome is None and not cycle.outcome_evidence.strip()
    text = {
        Section.lead_reflection: cycle.lead_reflection,
        Section.principal_reflection: cycle.principal_reflection,
        Section.next_goal: cycle.next_goal,
    }[section]
    return not text.strip()


def cycle_body(content: CycleContent, sections: frozenset[Section]) -> str:
    """The cycle's facts and chosen sections, in order.

    In a cycle still open, closing sections with nothing in them yet share one quiet line
    under the facts instead of a heading each over an empty space.
    """
    still_open = content.cycle.phase is not CyclePhase.closed
    parts = [cycle_facts(content)]
    pending = []
    for section, write in WRITERS:
        if section not in sections:
            continue
        if still_open and section in _PENDING and _nothing_yet(section, content.cycle):
            pending.append(_PENDING[section](content))
        else:
            parts.append(write(content))
    if pending:  # said under the facts, where a reader looks first
        listed = ", ".join(pending[:-1]) + (" and " if len(pending) > 1 else "") + pending[-1]
        parts.insert(1, f'<p class="pending">Still to come when the cycle closes: {listed}.</p>')
    return "".join(parts)
