"""Composing realistic note text from the phrase banks, deterministically from a seeded RNG."""

from __future__ import annotations

from collections.abc import Sequence
from random import Random
from typing import Any, TypeVar

from iltdesk.demo import bank_agenda as agenda_bank
from iltdesk.demo import bank_notes as notes_bank
from iltdesk.demo import bank_practice as practice_bank
from iltdesk.models import ActivityKind, AgendaSection, Author, ObservationSetting, Outcome

T = TypeVar("T")
Context = dict[str, str]
AgendaLine = tuple[AgendaSection, Author, str, str]

SEASONS = ("start", "slump", "recovery")
_AGENDA_CHOICES = agenda_bank.AGENDA[:-1]
_SECTION_ORDER = {section: i for i, section in enumerate(AgendaSection)}


class Composer(Random):
    """A seeded RNG that deals phrases like cards: none repeats until its bank is used up.

    One composer per story lead keeps a year of that lead's notes from reading like a loop.
    """

    def __init__(self, seed: int | str) -> None:
        super().__init__(seed)
        self._decks: dict[int, list[Any]] = {}
        self._last: dict[int, Any] = {}

    def draw(self, bank: Sequence[T]) -> T:
        """The next phrase from ``bank`` (a module-level tuple), reshuffled once used up."""
        key = id(bank)
        deck = self._decks.get(key)
        if not deck:
            deck = list(bank)
            self.shuffle(deck)
            if len(deck) > 1 and deck[-1] == self._last.get(key):
                deck[0], deck[-1] = deck[-1], deck[0]  # no repeat across the reshuffle
            self._decks[key] = deck
        phrase = deck.pop()
        self._last[key] = phrase
        return phrase  # type: ignore[no-any-return]

    def draw_many(self, bank: Sequence[T], count: int) -> list[T]:
        """``count`` different phrases from ``bank``."""
        drawn: list[T] = []
        while len(drawn) < count:
            phrase = self.draw(bank)
            if phrase not in drawn:
                drawn.append(phrase)
        return drawn


def season_of(week: int) -> str:
    """The part of the school year a week falls in: the phrase banks differ for each."""
    if week < 11:
        return "start"
    if week < 21:
        return "slump"
    return "recovery"


def context(rng: Random, first: str, team: str, topic: str | None = None) -> Context:
    """Fresh slot values for one record: two teachers, a topic, counts, a weekday."""
    teacher, teacher2 = rng.sample(agenda_bank.TEACHERS, 2)
    m = rng.randint(4, 9)
    return {
        "first": first,
        "team": team,
        "teacher": teacher,
        "teacher2": teacher2,
        "topic": topic or rng.choice(agenda_bank.TOPICS),
        "n": str(rng.randint(2, m - 1)),  # at least two, so every "{n} things" is plural
        "m": str(m),
        "pct": str(rng.randrange(35, 90, 5)),
        "day": rng.choice(agenda_bank.WEEKDAYS),
    }


def one_on_one_note(rng: Composer, ctx: Context, season: str) -> str:
    """A 1:1 note in Markdown: an opening line, a few bold-led bullets, a closing line."""
    opener = rng.draw(notes_bank.OPENERS[season])
    # one point that belongs to this part of the year, the rest from the all-year bank
    points = [rng.draw(notes_bank.POINTS[season])]
    points += rng.draw_many(notes_bank.POINTS["any"], rng.randint(1, 3))
    rng.shuffle(points)
    label, closing = rng.draw(notes_bank.CLOSINGS)
    lines = [opener, "", *(f"- {p}" for p in points), "", f"**{label}:** {closing}"]
    return "\n".join(lines).format_map(ctx)


def feedback_given(rng: Composer, ctx: Context) -> str:
    """The feedback given in a 1:1; about one meeting in five has none, as in real life."""
    if rng.random() < 0.2:
        return ""
    return rng.draw(notes_bank.FEEDBACK).format_map(ctx)


def agenda(rng: Composer, ctx: Context, count: int) -> list[AgendaLine]:
    """``count`` agenda items in the agenda's usual order, the next-steps item always last."""
    picked = [*rng.draw_many(_AGENDA_CHOICES, count - 1), agenda_bank.AGENDA[-1]]
    picked.sort(key=lambda line: _SECTION_ORDER[line[0]])
    return [(s, who, text.format_map(ctx), notes.format_map(ctx)) for s, who, text, notes in picked]


def actions(rng: Composer, ctx: Context, count: int) -> list[tuple[str, Author]]:
    """``count`` next steps with owners."""
    drawn = rng.draw_many(agenda_bank.ACTIONS, count)
    return [(text.format_map(ctx), who) for text, who in drawn]


def _script(rng: Composer, pair: bool) -> list[str]:
    """Three to five timed lines: the lead opens, probes and (in longer scripts) closes."""
    bank = practice_bank
    leads = [
        rng.draw(bank.PAIR_OPENERS if pair else bank.GROUP_OPENERS),
        rng.draw(bank.PAIR_PROBES if pair else bank.GROUP_PROBES),
        rng.draw(bank.PAIR_CLOSERS if pair else bank.GROUP_CLOSERS),
    ]
    replies = iter(rng.draw_many(bank.PAIR_TEACHER_LINES if pair else bank.TEACHER_LINES, 2))
    others = ("{teacher}", "{teacher}" if pair else "{teacher2}")
    turns = [("{first}", leads[0]), (others[0], next(replies)), ("{first}", leads[1])]
    turns += [(others[1], next(replies)), ("{first}", leads[2])]
    minute, lines = 0, []
    for speaker, line in turns[: rng.choice((3, 5))]:
        minute += rng.randint(1, 7)
        lines.append(f'- 0:{minute:02d} {speaker}: "{line}"')
    return lines


def observation(rng: Composer, ctx: Context, setting: ObservationSetting) -> tuple[str, str, str]:
    """Scripted evidence, the feedback given and the action step for one observation."""
    bank = practice_bank
    pair = setting in bank.PAIR_SETTINGS
    label = bank.SETTING_LABELS[setting]
    if pair:
        header = f"Scripted notes, {{first}} with {{teacher}}, {label}."
        notices = [rng.draw(bank.PAIR_NOTICES)]
    else:
        header = f"Scripted notes, {label}, {{m}} teachers."
        notices = [rng.draw(bank.NOTICES), rng.draw(bank.CLOSES)]
    evidence = "\n".join(
        [header, "", *_script(rng, pair), "", "**Noticed:**", *(f"- {n}" for n in notices)]
    )
    feedback = rng.draw(bank.FEEDBACK)
    step = rng.draw(bank.ACTION_STEPS)
    return evidence.format_map(ctx), feedback.format_map(ctx), step.format_map(ctx)


CycleGoal = tuple[str, str, str, str, str]


def cycle(
    rng: Composer, ctx: Context, outcome: Outcome, goal: CycleGoal
) -> tuple[dict[str, str], CycleGoal]:
    """The text fields of a closed cycle working on ``goal``, and the goal to work on next."""
    aim, measure, quant, qual, indicator = goal
    following = rng.draw(practice_bank.CYCLE_GOALS)
    fields = {
        "goal": aim,
        "success_measure": measure,
        "baseline_quantitative": quant,
        "baseline_qualitative": qual,
        "focus_indicator": indicator,
        "outcome_evidence": rng.draw(practice_bank.OUTCOME_EVIDENCE[outcome]),
        "lead_reflection": rng.draw(practice_bank.LEAD_REFLECTIONS),
        "principal_reflection": rng.draw(practice_bank.PRINCIPAL_REFLECTIONS),
        "next_goal": following[0],
    }
    return {key: value.format_map(ctx) for key, value in fields.items()}, following


def activity(rng: Composer, ctx: Context) -> tuple[ActivityKind, str, str]:
    """One related-learning activity: kind, title and notes."""
    kind, title, notes = rng.draw(practice_bank.ACTIVITIES)
    return kind, title.format_map(ctx), notes.format_map(ctx)


def energy_note(rng: Composer, level: int) -> str:
    """A short note to go with an energy check at ``level`` (1-5)."""
    return rng.draw(agenda_bank.ENERGY_NOTES[level])


def trait(rng: Composer, ctx: Context, strength: bool) -> tuple[str, str]:
    """A strength or growth area with its evidence."""
    bank = agenda_bank.STRENGTHS if strength else agenda_bank.GROWTHS
    title, evidence = rng.draw(bank)
    return title, evidence.format_map(ctx)
