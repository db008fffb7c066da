"""Difficult conversations: Tomás's with Mr. Whitcomb, planned, rehearsed with the principal,
held and debriefed inside his first learning cycle; and one of the principal's own, with
Keisha, about feedback that teachers hear as compliance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iltdesk.demo.rows import Rows
from iltdesk.demo.timeline import Timeline, When, week
from iltdesk.models import ActionSource, Author, ConversationHolder


@dataclass(frozen=True)
class Talk:
    """A conversation from plan to debrief, and the follow-up it left."""

    lead: str  # whose it is (lead) or whom it is with (the principal's own)
    holder: ConversationHolder
    cycle: int | None  # which of the lead's cycles it belongs to (0 = first), if any
    planned: When
    rehearsed: When
    held: When
    texts: dict[str, str]
    follow_up: tuple[str, Author, When, When | None]  # text, owner, due, done


WHITCOMB = Talk(
    lead="tomas",
    holder=ConversationHolder.lead,
    cycle=0,
    planned=week(5, 4),
    rehearsed=week(6, 0),
    held=week(6, 3),
    texts={
        "with_whom": "Mr. Whitcomb, 7th grade science (twenty years in the classroom)",
        "goal": "Mr. Whitcomb leaves knowing one step: students say the frame aloud before "
        "they type, starting with Thursday's lab.",
        "opening_words": "\"I want to talk about one thing from Tuesday's lab: the frames were "
        "on the slide and no student used one. Here's what I'd like to try.\"",
        "reactions": '- "So overall it went well?" → "The lab was strong. The frames weren\'t '
        "used, and that's the one thing.\"\n"
        "- \"I've been teaching longer than you.\" → \"You have. That's why I think you'll see "
        'it quickly once students start talking."\n'
        "- Silence → wait; then ask what he noticed about who spoke.",
        "rehearsed_with": "The principal, twice, in our 1:1",
        "rehearsal_notes": "First try: four minutes of praise before the step. Second try: "
        "step in the first sentence, one line of praise after. He said it felt rude; we "
        "talked about who the clarity is for.",
        "what_happened": "He slipped back into softening: the step came at minute six and Mr. "
        "Whitcomb heard 'it went well'. He noticed it himself halfway through.",
        "debrief": "What he'd keep: the question about who spoke. What he'd change: the step "
        "first, even when it feels abrupt. He asked to hold the follow-up within the week, "
        "and to open it with the step.",
    },
    follow_up=(
        "Hold the follow-up with Mr. Whitcomb and open with the step in one sentence",
        Author.lead,
        week(7, 3),
        week(7, 2),
    ),
)

KEISHA_FEEDBACK = Talk(
    lead="keisha",
    holder=ConversationHolder.principal,
    cycle=None,
    planned=week(11, 1),
    rehearsed=week(11, 3),
    held=week(12, 4),
    texts={
        "with_whom": "Keisha",
        "goal": "Keisha hears, without feeling attacked, that new teachers experience her "
        "feedback as compliance checks, and we agree on one change she chooses.",
        "opening_words": '"I want to talk about something teachers told me in the pulse, '
        "because I think it's about a system you built and care about.\"",
        "reactions": '- Defensive: "They want to be told less." → "Some do. Tell me more '
        'about what you see."\n- Hurt: → name what the tracker has done for the school '
        'before anything else.\n- Fast fix: "I\'ll drop the dates." → slow down; ask which '
        "part teachers need most.",
        "rehearsed_with": "My coach from the leadership programme, by phone",
        "rehearsal_notes": "She played Keisha as defensive; I over-explained. Second time I "
        "asked one question and waited.",
        "what_happened": "Keisha was quiet, then said she had felt it too. She chose to add "
        "one question for the teacher to every feedback note.",
        "debrief": "I waited longer than was comfortable and it worked. She owns the change "
        "because she chose it.",
    },
    follow_up=(
        "Add one question for the teacher to every feedback note for a month",
        Author.lead,
        week(16, 4),
        week(16, 2),
    ),
)

TALKS = (WHITCOMB, KEISHA_FEEDBACK)


def add_conversations(
    rows: Rows, tl: Timeline, lead_ids: dict[str, int], cycle_ids: dict[str, list[int]]
) -> None:
    """Each conversation once planned, with the parts that have happened by today."""
    for talk in TALKS:
        planned = tl.at(talk.planned)
        if not tl.happened(planned):
            continue
        rehearsed, held = tl.at(talk.rehearsed), tl.at(talk.held)
        texts = dict(talk.texts)
        if not tl.happened(rehearsed):
            texts.update(rehearsed_with="", rehearsal_notes="")
        if not tl.happened(held):
            texts.update(what_happened="", debrief="")
        cycles = cycle_ids.get(talk.lead, [])
        cycle_id = cycles[talk.cycle] if talk.cycle is not None and cycles else None
        last = max(d for d in (planned, rehearsed, held) if tl.happened(d))
        conversation_id = rows.add(
            "difficult_conversation",
            planned,
            updated_at=rows.stamp(last),
            lead_id=lead_ids[talk.lead],
            holder=talk.holder,
            cycle_id=cycle_id,
            planned_on=planned,
            rehearsed_on=rehearsed if tl.happened(rehearsed) else None,
            held_on=held if tl.happened(held) else None,
            **texts,
        )
        if tl.happened(held):
            _add_follow_up(rows, tl, lead_ids[talk.lead], held, talk, conversation_id)


def _add_follow_up(
    rows: Rows, tl: Timeline, lead_id: int, held: date, talk: Talk, conversation_id: int
) -> None:
    text, owner, due_when, done_when = talk.follow_up
    due = tl.at(due_when)
    done = tl.at(done_when) if done_when else None
    rows.add(
        "action_item",
        held,
        updated_at=rows.stamp(done if tl.happened(done) else held),
        lead_id=lead_id,
        text=text,
        owner=owner,
        due_on=due,
        done_on=done if tl.happened(done) else None,
        source=ActionSource.conversation,
        conversation_id=conversation_id,
    )
