"""The self-check's questions, in versioned sets.

A check-in keeps the set it was answered against (``SelfCheck.item_set``): rewording a
question never changes what an earlier answer meant. Set 1 is frozen as the first release
asked it; set 2 follows the source: fifteen leadership *actions*, three in each of five areas,
each asked as "How often do you and your team ...", so every item fits a never-to-always
scale. A new wording is a new set, never an edit of one already shipped.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CheckItem:
    """One leadership action that is rated."""

    key: str
    text: str


@dataclass(frozen=True)
class CheckArea:
    """One of the five areas of the self-check."""

    key: str
    title: str
    items: tuple[CheckItem, ...]


@dataclass(frozen=True)
class ItemSet:
    """One wording of the whole self-check: the question asked and its fifteen actions."""

    version: int
    stem: str
    areas: tuple[CheckArea, ...]

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
SET_1 = ItemSet(1, "How often does the team really do this?", (
    CheckArea("learning_teaching", "Learning and teaching", (
        _I("shared_picture", "We hold one clear picture of excellent, equitable teaching."),
        _I("aligned_meetings", "Team meetings line up behind our instructional strategy."),
        _I("data_analysis", "We help teachers dig into student data and act on it."),
    )),
    CheckArea("school_culture", "School culture", (
        _I("shared_norms", "We live by norms and values we agreed on together."),
        _I("family_community", "We build real relationships with families and community."),
        _I("name_inequity", "We name inequitable language or systems when we see them."),
    )),
    CheckArea("talent", "Talent management", (
        _I("delegation", "We hand off real work and real decisions."),
        _I("new_staff", "New staff get support and coaching from day one."),
        _I("differentiated_pl", "Professional learning fits what each adult needs."),
    )),
    CheckArea("planning_operations", "Planning and operations", (
        _I("consistent_process", "Our meetings follow one consistent process."),
        _I("measurable_goals", "Our goals are measurable and grounded in data."),
        _I("equitable_resources", "Time, people and money go where the need is greatest."),
    )),
    CheckArea("personal_leadership", "Personal leadership", (
        _I("honour_time", "Our relationships respect each other's time and strengths."),
        _I("safe_to_ask", "It is safe to say 'I need help' on this team."),
        _I("equity_of_voice", "Every voice gets the floor, not only the loudest."),
    )),
))  # fmt: skip

# Each text completes the stem: "How often do you and your team ... ?"
SET_2 = ItemSet(2, "How often do you and your team…", (
    CheckArea("learning_teaching", "Learning and teaching", (
        _I("build_shared_picture",
           "work with teachers towards a shared understanding of excellent, equitable teaching"),
        _I("align_ela_math",
           "use teacher-team meetings to agree on effective classroom procedures and "
           "teaching strategies in ELA and math"),
        _I("coach_data_steps",
           "help teachers analyse data and choose next steps for their practice and their "
           "students' learning"),
    )),
    CheckArea("school_culture", "School culture", (
        _I("decide_by_norms",
           "build and use shared norms, beliefs and values to guide decisions, while honouring "
           "different points of view"),
        _I("family_systems",
           "put systems and structures in place to communicate and build relationships with "
           "families and the community"),
        _I("hold_necessary_talks",
           "facilitate the necessary conversations with colleagues when language or systems "
           "reinforce inequity or get in the way of collaboration"),
    )),
    CheckArea("talent", "Talent management", (
        _I("delegate_across_team", "delegate responsibilities across the team's members"),
        _I("support_newcomers",
           "support new staff and new team members through a system of regular feedback or "
           "coaching"),
        _I("differentiate_pd",
           "reflect on each teacher's progress to differentiate their professional "
           "development"),
    )),
    CheckArea("planning_operations", "Planning and operations", (
        _I("run_meetings_well",
           "follow consistent processes so team meetings run smoothly and meet their "
           "objectives"),
        _I("data_into_goals",
           "draw actionable information from data systems to set clear, measurable goals"),
        _I("share_resources_fairly", "allocate resources equitably across the school"),
    )),
    CheckArea("personal_leadership", "Personal leadership", (
        _I("sustain_relationships",
           "build strong, lasting relationships that honour each other's strengths, time and "
           "contributions"),
        _I("ask_without_fear", "ask for help or clarity without fear of being devalued"),
        _I("watch_floor_time",
           "notice how often you hold the floor, and make sure every voice is heard"),
    )),
))  # fmt: skip

ITEM_SETS: dict[int, ItemSet] = {s.version: s for s in (SET_1, SET_2)}
CURRENT_SET = SET_2
