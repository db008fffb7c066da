"""The self-check's questions, in versioned sets.

A check-in keeps the set it was answered against (``SelfCheck.item_set``): rewording a
question never changes what an earlier answer meant. Set 1 is frozen as the first release
asked it; set 2 follows the source: fifteen leadership *actions*, three in each of five areas,
each asked as "How often do you and your team ...", so every item fits a never-to-always
scale. A new wording is a new set, never an edit of one already shipped.
"""

from __future__ import annotations

from dataclasses import dataclass

from iltdesk.translation import QT_TRANSLATE_NOOP, translate

# The wording is kept in English, as written (``source``); ``text``, ``title`` and ``stem``
# say it in the user's language, so every page, report and recap shows it translated.
_CONTEXT = "self_check_items"


@dataclass(frozen=True)
class CheckItem:
    """One leadership action that is rated."""

    key: str
    source: str  # the action as written (English)

    @property
    def text(self) -> str:
        """The action in the user's language."""
        return translate(_CONTEXT, self.source)


@dataclass(frozen=True)
class CheckArea:
    """One of the five areas of the self-check."""

    key: str
    source: str  # the area's title as written (English)
    items: tuple[CheckItem, ...]

    @property
    def title(self) -> str:
        """The area's title in the user's language."""
        return translate(_CONTEXT, self.source)


@dataclass(frozen=True)
class ItemSet:
    """One wording of the whole self-check: the question asked and its fifteen actions."""

    version: int
    source: str  # the question as written (English)
    areas: tuple[CheckArea, ...]

    @property
    def stem(self) -> str:
        """The question in the user's language."""
        return translate(_CONTEXT, self.source)

    def item(self, key: str) -> CheckItem | None:
        """The action ``key`` of this set, if it has one."""
        return next((i for a in self.areas for i in a.items if i.key == key), None)

    def area_of(self, item_key: str) -> str:
        """The key of the area an action belongs to."""
        return next(a.key for a in self.areas for i in a.items if i.key == item_key)

    def area(self, area_key: str) -> CheckArea | None:
        """The area ``area_key`` of this set, if it has one."""
        return next((a for a in self.areas if a.key == area_key), None)

    @property
    def item_keys(self) -> tuple[str, ...]:
        """Every action's key, area by area, in the order asked."""
        return tuple(i.key for a in self.areas for i in a.items)

    @property
    def item_area(self) -> dict[str, str]:
        """Each action's key with the key of its area."""
        return {i.key: a.key for a in self.areas for i in a.items}


_I = CheckItem
# Frozen: the wording check-ins recorded before migration 0004 were answered against.
SET_1 = ItemSet(1, QT_TRANSLATE_NOOP(
    "self_check_items", "How often does the team really do this?"), (
    CheckArea("learning_teaching", QT_TRANSLATE_NOOP(
        "self_check_items", "Learning and teaching"), (
        _I("shared_picture", QT_TRANSLATE_NOOP(
            "self_check_items", "We hold one clear picture of excellent, equitable teaching.")),
        _I("aligned_meetings", QT_TRANSLATE_NOOP(
            "self_check_items", "Team meetings line up behind our instructional strategy.")),
        _I("data_analysis", QT_TRANSLATE_NOOP(
            "self_check_items", "We help teachers dig into student data and act on it.")),
    )),
    CheckArea("school_culture", QT_TRANSLATE_NOOP(
        "self_check_items", "School culture"), (
        _I("shared_norms", QT_TRANSLATE_NOOP(
            "self_check_items", "We live by norms and values we agreed on together.")),
        _I("family_community", QT_TRANSLATE_NOOP(
            "self_check_items", "We build real relationships with families and community.")),
        _I("name_inequity", QT_TRANSLATE_NOOP(
            "self_check_items", "We name inequitable language or systems when we see them.")),
    )),
    CheckArea("talent", QT_TRANSLATE_NOOP(
        "self_check_items", "Talent management"), (
        _I("delegation", QT_TRANSLATE_NOOP(
            "self_check_items", "We hand off real work and real decisions.")),
        _I("new_staff", QT_TRANSLATE_NOOP(
            "self_check_items", "New staff get support and coaching from day one.")),
        _I("differentiated_pl", QT_TRANSLATE_NOOP(
            "self_check_items", "Professional learning fits what each adult needs.")),
    )),
    CheckArea("planning_operations", QT_TRANSLATE_NOOP(
        "self_check_items", "Planning and operations"), (
        _I("consistent_process", QT_TRANSLATE_NOOP(
            "self_check_items", "Our meetings follow one consistent process.")),
        _I("measurable_goals", QT_TRANSLATE_NOOP(
            "self_check_items", "Our goals are measurable and grounded in data.")),
        _I("equitable_resources", QT_TRANSLATE_NOOP(
            "self_check_items", "Time, people and money go where the need is greatest.")),
    )),
    CheckArea("personal_leadership", QT_TRANSLATE_NOOP(
        "self_check_items", "Personal leadership"), (
        _I("honour_time", QT_TRANSLATE_NOOP(
            "self_check_items", "Our relationships respect each other's time and strengths.")),
        _I("safe_to_ask", QT_TRANSLATE_NOOP(
            "self_check_items", "It is safe to say 'I need help' on this team.")),
        _I("equity_of_voice", QT_TRANSLATE_NOOP(
            "self_check_items", "Every voice gets the floor, not only the loudest.")),
    )),
))  # fmt: skip

# Each text completes the stem: "How often do you and your team ... ?"
SET_2 = ItemSet(2, QT_TRANSLATE_NOOP(
    "self_check_items", "How often do you and your team…"), (
    CheckArea("learning_teaching", QT_TRANSLATE_NOOP(
        "self_check_items", "Learning and teaching"), (
        _I("build_shared_picture", QT_TRANSLATE_NOOP(
            "self_check_items",
            "work with teachers towards a shared understanding of excellent, equitable teaching")),
        _I("align_ela_math", QT_TRANSLATE_NOOP(
            "self_check_items",
            "use teacher-team meetings to agree on effective classroom procedures and teaching "
            "strategies in ELA and math")),
        _I("coach_data_steps", QT_TRANSLATE_NOOP(
            "self_check_items",
            "help teachers analyse data and choose next steps for their practice and their "
            "students' learning")),
    )),
    CheckArea("school_culture", QT_TRANSLATE_NOOP(
        "self_check_items", "School culture"), (
        _I("decide_by_norms", QT_TRANSLATE_NOOP(
            "self_check_items",
            "build and use shared norms, beliefs and values to guide decisions, while honouring"
            " different points of view")),
        _I("family_systems", QT_TRANSLATE_NOOP(
            "self_check_items",
            "put systems and structures in place to communicate and build relationships with "
            "families and the community")),
        _I("hold_necessary_talks", QT_TRANSLATE_NOOP(
            "self_check_items",
            "facilitate the necessary conversations with colleagues when language or systems "
            "reinforce inequity or get in the way of collaboration")),
    )),
    CheckArea("talent", QT_TRANSLATE_NOOP(
        "self_check_items", "Talent management"), (
        _I("delegate_across_team", QT_TRANSLATE_NOOP(
            "self_check_items", "delegate responsibilities across the team's members")),
        _I("support_newcomers", QT_TRANSLATE_NOOP(
            "self_check_items",
            "support new staff and new team members through a system of regular feedback or "
            "coaching")),
        _I("differentiate_pd", QT_TRANSLATE_NOOP(
            "self_check_items",
            "reflect on each teacher's progress to differentiate their professional development")),
    )),
    CheckArea("planning_operations", QT_TRANSLATE_NOOP(
        "self_check_items", "Planning and operations"), (
        _I("run_meetings_well", QT_TRANSLATE_NOOP(
            "self_check_items",
            "follow consistent processes so team meetings run smoothly and meet their "
            "objectives")),
        _I("data_into_goals", QT_TRANSLATE_NOOP(
            "self_check_items",
            "draw actionable information from data systems to set clear, measurable goals")),
        _I("share_resources_fairly", QT_TRANSLATE_NOOP(
            "self_check_items", "allocate resources equitably across the school")),
    )),
    CheckArea("personal_leadership", QT_TRANSLATE_NOOP(
        "self_check_items", "Personal leadership"), (
        _I("sustain_relationships", QT_TRANSLATE_NOOP(
            "self_check_items",
            "build strong, lasting relationships that honour each other's strengths, time and "
            "contributions")),
        _I("ask_without_fear", QT_TRANSLATE_NOOP(
            "self_check_items", "ask for help or clarity without fear of being devalued")),
        _I("watch_floor_time", QT_TRANSLATE_NOOP(
            "self_check_items",
            "notice how often you hold the floor, and make sure every voice is heard")),
    )),
))  # fmt: skip

ITEM_SETS: dict[int, ItemSet] = {s.version: s for s in (SET_1, SET_2)}
CURRENT_SET = SET_2
