"""The ILT health self-check: five areas, three leadership actions each, rated by frequency."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CheckItem:
    """One leadership action the team rates."""

    key: str
    text: str


@dataclass(frozen=True)
class CheckArea:
    """One of the five areas of the self-check."""

    key: str
    title: str
    items: tuple[CheckItem, ...]


AREAS: tuple[CheckArea, ...] = (
    CheckArea(
        "learning_teaching",
        "Learning and teaching",
        (
            CheckItem(
                "shared_picture", "We hold one clear picture of excellent, equitable teaching."
            ),
            CheckItem(
                "aligned_meetings", "Team meetings line up behind our instructional strategy."
            ),
            CheckItem("data_analysis", "We help teachers dig into student data and act on it."),
        ),
    ),
    CheckArea(
        "school_culture",
        "School culture",
        (
            CheckItem("shared_norms", "We live by norms and values we agreed on together."),
            CheckItem(
                "family_community", "We build real relationships with families and community."
            ),
            CheckItem("name_inequity", "We name inequitable language or systems when we see them."),
        ),
    ),
    CheckArea(
        "talent",
        "Talent management",
        (
            CheckItem("delegation", "We hand off real work and real decisions."),
            CheckItem("new_staff", "New staff get support and coaching from day one."),
            CheckItem("differentiated_pl", "Professional learning fits what each adult needs."),
        ),
    ),
    CheckArea(
        "planning_operations",
        "Planning and operations",
        (
            CheckItem("consistent_process", "Our meetings follow one consistent process."),
            CheckItem("measurable_goals", "Our goals are measurable and grounded in data."),
            CheckItem(
                "equitable_resources", "Time, people and money go where the need is greatest."
            ),
        ),
    ),
    CheckArea(
        "personal_leadership",
        "Personal leadership",
        (
            CheckItem("honour_time", "Our relationships respect each other's time and strengths."),
            CheckItem("safe_to_ask", "It is safe to say 'I need help' on this team."),
            CheckItem("equity_of_voice", "Every voice gets the floor, not only the loudest."),
        ),
    ),
)

AREA_BY_KEY = {area.key: area for area in AREAS}
ITEM_AREA = {item.key: area.key for area in AREAS for item in area.items}
FREQUENCY_LABELS = ("Never", "Rarely", "Sometimes", "Often", "Always")
