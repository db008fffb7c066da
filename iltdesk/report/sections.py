"""The HTML of each part of a cycle summary. Every text from the journal is escaped here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from iltdesk import dates
from iltdesk.cycle import ACTIVITY_TITLES, OUTCOME_TITLES, PHASE_TITLES, planned_end, weeks_run
from iltdesk.models import (
    ActionItem,
    CycleActivity,
    CyclePhase,
    DifficultConversation,
    EnergyCheck,
    LearningCycle,
    Observation,
    Outcome,
)
from iltdesk.observation import SETTING_TITLES
from iltdesk.report.conversation_part import conversation
from iltdesk.report.html_parts import data_table as data_table
from iltdesk.report.html_parts import esc as esc
from iltdesk.report.html_parts import field_table as field_table
from iltdesk.report.html_parts import heading as heading
from iltdesk.report.html_parts import note as note
from iltdesk.report.html_parts import quiet as quiet
from iltdesk.report.html_parts import quote as quote
from iltdesk.report.markdown import note_html
from iltdesk.report.request import Section
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

OUTCOME_VERDICTS = {
    Outcome.met: QT_TRANSLATE_NOOP("report.sections", "met"),
    Outcome.partly: QT_TRANSLATE_NOOP("report.sections", "partly met"),
    Outcome.not_yet: QT_TRANSLATE_NOOP("report.sections", "not yet met"),
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


# -- the cycle's heading and facts --------------------------------------------------------------


def cycle_title(content: CycleContent) -> str:
    """'Learning cycle 2'."""
    return translate("report.sections", "Learning cycle {number}").format(number=content.number)


def cycle_facts(content: CycleContent) -> str:
    """Dates, length and where the cycle stands, as a row of small facts."""
    cycle = content.cycle
    week = weeks_run(cycle, content.today)
    n = cycle.planned_weeks
    weeks = (
        translate("report.sections", "{n} week planned")
        if n == 1
        else translate("report.sections", "{n} weeks planned")
    ).format(n=n)
    if cycle.closed_on is not None:
        end_label, end = translate("report.sections", "Closed"), dates.short(cycle.closed_on)
        length = translate("report.sections", "{weeks}; closed in week {week}")
        stands = translate("report.sections", "Closed")
        if cycle.outcome is not None and content.show_outcome:
            verdict = translate("report.sections", OUTCOME_VERDICTS[cycle.outcome])
            stands = translate("report.sections", "Closed, goal {verdict}").format(verdict=verdict)
    else:
        end_label = translate("report.sections", "Planned end")
        end = dates.short(planned_end(cycle))
        length = translate("report.sections", "{weeks}; now in week {week}")
        stands = translate("cycle", PHASE_TITLES[cycle.phase])
        if content.today > planned_end(cycle):
            stands = translate("report.sections", "{phase} (past the planned end)").format(
                phase=stands
            )
    facts = [
        (translate("report.sections", "Started"), dates.short(cycle.started_on)),
        (end_label, end),
        (translate("report.sections", "Length"), length.format(weeks=weeks, week=week)),
        (translate("report.sections", "Where it stands"), stands),
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
    none = quiet(translate("report.sections", "No goal written down yet."))
    rows = [(translate("report.sections", "Goal"), goal or none)]
    optional = (
        (translate("report.sections", "How we will know"), c.success_measure),
        (translate("report.sections", "Where we started: the numbers"), c.baseline_quantitative),
        (translate("report.sections", "Where we started: what we saw"), c.baseline_qualitative),
        (translate("report.sections", "Leadership focus"), c.focus_indicator),
    )
    rows += [(label, note_html(text)) for label, text in optional if text.strip()]
    return heading(translate("report.sections", "What we set out to do")) + field_table(rows)


def learning(content: CycleContent) -> str:
    """The related-learning activities, oldest first, then the difficult conversations."""
    talks = "".join(conversation(part, content) for part in content.conversations)
    title = heading(translate("report.sections", "How we learned together"))
    if not content.activities:
        empty = (
            ""
            if talks
            else quiet(translate("report.sections", "No learning activities logged yet."))
        )
        return title + empty + talks
    rows = [
        [
            f'<p class="when">{esc(dates.short(a.happened_on))}</p>',
            f'<p class="title">{esc(a.title or translate("cycle", ACTIVITY_TITLES[a.kind]))}</p>'
            + (
                f'<p class="kind">{esc(translate("cycle", ACTIVITY_TITLES[a.kind]))}</p>'
                if a.title
                else ""
            ),
            note_html(a.notes),
        ]
        for a in content.activities
    ]
    header = (
        translate("report.sections", "When"),
        translate("report.sections", "What we did"),
        translate("report.sections", "Notes"),
    )
    return title + data_table(header, ("16%", "30%", "54%"), rows) + talks


def observations(content: CycleContent) -> str:
    """Each observation: when and where, what was seen, the feedback and the next step."""
    parts = [heading(translate("report.sections", "What I saw in practice"))]
    if not content.observations:
        parts.append(
            quiet(translate("report.sections", "No observations recorded in this cycle yet."))
        )
    for number, o in enumerate(content.observations, start=1):
        parts.append(observation_part(number, o))
    return "".join(parts)


def observation_part(number: int, o: Observation, also: str = "") -> str:
    """One observation as a report shows it: its number, day and setting (and ``also``, such
    as the cycle it was part of), what was seen, the feedback and the next step."""
    setting = translate("observation", SETTING_TITLES[o.setting])
    when = f"{number}. {dates.short(o.observed_on)} · {setting}{also}"
    step = esc(o.action_step)
    if o.action_step and o.follow_up_on is not None:
        by = translate("report.sections", "(follow up by {day})")
        step += f' <span class="quiet">{esc(by.format(day=dates.short(o.follow_up_on)))}</span>'
    nothing = translate("report.sections", "Nothing written down.")
    none_set = quiet(translate("report.sections", "None set."))
    rows = [
        (translate("report.sections", "What I saw"), note(o.evidence, nothing)),
        (translate("report.sections", "Feedback"), note(o.feedback, nothing)),
        (
            translate("report.sections", "Next step"),
            f"<p>{step}</p>" if o.action_step else none_set,
        ),
    ]
    return f"<h3>{esc(when)}</h3>" + field_table(rows, "fields observation")  # not shown: CSS


def outcome(content: CycleContent) -> str:
    """Whether the goal was met, and the evidence."""
    c = content.cycle
    still_open = c.phase is not CyclePhase.closed
    title = heading(translate("report.sections", "How it went"))
    if c.outcome is None and not c.outcome_evidence.strip():
        return title + quiet(
            translate("report.sections", "Not decided yet: the cycle is still open.")
            if still_open
            else translate("report.sections", "Not written down.")
        )
    if c.outcome is None:
        verdict = quiet(translate("report.sections", "Not decided yet."))
    else:
        shown = translate("cycle", OUTCOME_TITLES[c.outcome])
        verdict = f'<p class="verdict">{esc(shown)}</p>'
    evidence = note(
        c.outcome_evidence, translate("report.sections", "No evidence written down yet.")
    )
    rows = [
        (translate("report.sections", "Outcome"), verdict),
        (translate("report.sections", "Evidence"), evidence),
    ]
    return title + field_table(rows)


def lead_reflection(content: CycleContent) -> str:
    """The lead's own reflection."""
    text = content.cycle.lead_reflection
    body = quote(note_html(text)) if text.strip() else quiet(_NO_REFLECTION())
    said = translate("report.sections", "{lead}’s reflection")
    return heading(said.format(lead=content.lead_first_name)) + body


def _NO_REFLECTION() -> str:  # noqa: N802 - said like a constant
    return translate("report.sections", "No reflection written down yet.")


def principal_reflection(content: CycleContent) -> str:
    """The principal's reflection (private unless chosen)."""
    text = content.cycle.principal_reflection
    body = quote(note_html(text)) if text.strip() else quiet(_NO_REFLECTION())
    return heading(translate("report.sections", "The principal’s reflection")) + body


def next_goal(content: CycleContent) -> str:
    """The goal to carry into the next cycle."""
    text = content.cycle.next_goal
    none = quiet(translate("report.sections", "Not set yet."))
    body = f'<div class="goal">{note_html(text)}</div>' if text.strip() else none
    return heading(translate("report.sections", "Where we go next")) + body


def energy(content: CycleContent) -> str:
    """The lead's energy check-ins during the cycle (private unless chosen)."""
    title = heading(translate("report.sections", "Energy along the way"))
    if not content.energy:
        return title + quiet(translate("report.sections", "No energy check-ins during this cycle."))
    rows = [
        [
            f'<p class="when">{esc(dates.short(e.checked_on))}</p>',
            f'<p><span class="dots">{"●" * e.level}</span>'
            f'<span class="dots-off">{"●" * (5 - e.level)}</span>'
            f'&nbsp;&nbsp;<span class="quiet">{esc(_of_five(e.level))}</span></p>',
            note_html(e.note),
        ]
        for e in content.energy
    ]
    header = (
        translate("report.sections", "When"),
        translate("report.sections", "Energy"),
        translate("report.sections", "What I noticed"),
    )
    return title + data_table(header, ("16%", "22%", "62%"), rows)


def _of_five(level: int) -> str:
    return translate("report.sections", "{level} of 5").format(level=level)


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
    Section.outcome: lambda content: translate("report.sections", "how it went"),
    Section.lead_reflection: lambda content: translate(
        "report.sections", "{lead}’s reflection"
    ).format(lead=content.lead_first_name),
    Section.principal_reflection: lambda content: translate(
        "report.sections", "the principal’s reflection"
    ),
    Section.next_goal: lambda content: translate("report.sections", "where we go next"),
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
        listed = pending[-1]
        if len(pending) > 1:
            listed = translate("report.sections", "{items} and {last}").format(
                items=", ".join(pending[:-1]), last=pending[-1]
            )
        said = translate("report.sections", "Still to come when the cycle closes: {listed}.")
        parts.insert(1, f'<p class="pending">{esc(said.format(listed=listed))}</p>')
    return "".join(parts)
