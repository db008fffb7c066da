"""The guided reflection on a complex challenge: the problem and its story, then the areas read
against the green line, each with the questions shown beside it."""

from __future__ import annotations

from dataclasses import dataclass

from iltdesk.translation import QT_TRANSLATE_NOOP, translate


@dataclass(frozen=True)
class LineSide:
    """Where a part of the reflection sits against the green line, and what that side holds."""

    key: str
    title: str
    meaning: str

    def shown_title(self) -> str:
        """The side's title in the user's language."""
        return translate("challenge_areas", self.title)

    def shown_meaning(self) -> str:
        """What the side holds, in the user's language."""
        return translate("challenge_areas", self.meaning)


# The green line (equity-focused): the technical side above, the adaptive side below, equity
# the lens over both. Not the iceberg of visible events over hidden causes.
ABOVE = LineSide(
    "above",
    QT_TRANSLATE_NOOP("challenge_areas", "Above the green line: the technical side"),
    QT_TRANSLATE_NOOP(
        "challenge_areas",
        "Things you can point to and redesign: structures, systems, processes, patterns and "
        "resources.",
    ),
)
BELOW = LineSide(
    "below",
    QT_TRANSLATE_NOOP("challenge_areas", "Below the green line: the adaptive side"),
    QT_TRANSLATE_NOOP(
        "challenge_areas",
        "What happens between people: how they relate, how information moves and meaning gets "
        "made, and who they are in it (identity, values, beliefs, mindsets).",
    ),
)
LENS = LineSide(
    "lens",
    QT_TRANSLATE_NOOP("challenge_areas", "Around it all: equity"),
    QT_TRANSLATE_NOOP(
        "challenge_areas",
        "The lens over both sides: who the way things work now serves, and who it lets down.",
    ),
)
BOTH = LineSide(
    "both",
    QT_TRANSLATE_NOOP("challenge_areas", "Reading it against the line"),
    QT_TRANSLATE_NOOP(
        "challenge_areas",
        "Name the root causes on each side. Most challenges need moves above and below the line.",
    ),
)
STORY = LineSide(
    "story",
    QT_TRANSLATE_NOOP("challenge_areas", "The challenge"),
    QT_TRANSLATE_NOOP(
        "challenge_areas",
        "Start from the problem as it is, before you take it apart.",
    ),
)


@dataclass(frozen=True)
class Area:
    """One part of the guided reflection, with the questions shown beside it."""

    field: str
    title: str
    prompts: tuple[str, ...]
    side: LineSide

    def shown_title(self) -> str:
        """The area's title in the user's language."""
        return translate("challenge_areas", self.title)

    def shown_prompts(self) -> tuple[str, ...]:
        """The area's questions in the user's language."""
        return tuple(translate("challenge_areas", prompt) for prompt in self.prompts)


# Written first, before any area: the problem itself and how it came to be.
STATEMENT = Area(
    "statement",
    QT_TRANSLATE_NOOP("challenge_areas", "The problem and the story so far"),
    (
        QT_TRANSLATE_NOOP(
            "challenge_areas",
            "Say what the problem is in plain words, as you would to a colleague.",
        ),
        QT_TRANSLATE_NOOP(
            "challenge_areas",
            "How did it come to this? What has happened so far, and what has been tried?",
        ),
    ),
    STORY,
)
# Systems pair with the technical needs; relationships and information with the adaptive ones.
AREAS: tuple[Area, ...] = (
    Area(
        "systems",
        QT_TRANSLATE_NOOP("challenge_areas", "Systems and structures"),
        (
            QT_TRANSLATE_NOOP(
                "challenge_areas",
                "Which systems, structures, processes and routines touch this?",
            ),
            QT_TRANSLATE_NOOP(
                "challenge_areas",
                "How do they fit together, and where are the gaps?",
            ),
        ),
        ABOVE,
    ),
    Area(
        "technical_needs",
        QT_TRANSLATE_NOOP("challenge_areas", "Technical needs"),
        (
            QT_TRANSLATE_NOOP(
                "challenge_areas",
                "So what has to be designed, fixed, resourced or taught?",
            ),
        ),
        ABOVE,
    ),
    Area(
        "relationships",
        QT_TRANSLATE_NOOP("challenge_areas", "Relationships"),
        (
            QT_TRANSLATE_NOOP(
                "challenge_areas",
                "How strong are the relationships among the people closest to this? Where is "
                "there trust, where strain?",
            ),
            QT_TRANSLATE_NOOP(
                "challenge_areas",
                "How do they see themselves in relation to it: what part do they feel they play?",
            ),
            QT_TRANSLATE_NOOP(
                "challenge_areas",
                "Which values, beliefs and mindsets are in play?",
            ),
        ),
        BELOW,
    ),
    Area(
        "information_flow",
        QT_TRANSLATE_NOOP("challenge_areas", "Information"),
        (
            QT_TRANSLATE_NOOP(
                "challenge_areas",
                "How does information travel here? Does it go both ways?",
            ),
            QT_TRANSLATE_NOOP(
                "challenge_areas",
                "Where is there room to make sense of it together?",
            ),
        ),
        BELOW,
    ),
    Area(
        "adaptive_needs",
        QT_TRANSLATE_NOOP("challenge_areas", "Relational and adaptive needs"),
        (
            QT_TRANSLATE_NOOP(
                "challenge_areas",
                "So what has to shift between people: in trust, in how information and meaning "
                "move, in how people see themselves and what they believe?",
            ),
        ),
        BELOW,
    ),
    Area(
        "equity",
        QT_TRANSLATE_NOOP("challenge_areas", "Equity"),
        (
            QT_TRANSLATE_NOOP("challenge_areas", "What is the equity imperative here?"),
            QT_TRANSLATE_NOOP(
                "challenge_areas",
                "What is producing inequity: which practices, policies or beliefs? Who does the "
                "way things work now advantage, and who does it fail?",
            ),
        ),
        LENS,
    ),
    Area(
        "root_causes",
        QT_TRANSLATE_NOOP("challenge_areas", "Root causes"),
        (
            QT_TRANSLATE_NOOP(
                "challenge_areas",
                "Above the line (technical): which structures, systems, processes, patterns or "
                "resources keep producing this?",
            ),
            QT_TRANSLATE_NOOP(
                "challenge_areas",
                "Below the line (adaptive): which relationships, flows of information and "
                "meaning, or which identity, values, beliefs and mindsets hold it in place?",
            ),
            QT_TRANSLATE_NOOP(
                "challenge_areas",
                "Through the equity lens: who bears the cost?",
            ),
            QT_TRANSLATE_NOOP(
                "challenge_areas",
                "Most challenges need a move on each side of the line.",
            ),
        ),
        BOTH,
    ),
)
PARTS: tuple[Area, ...] = (STATEMENT, *AREAS)  # everything written on a challenge's page
