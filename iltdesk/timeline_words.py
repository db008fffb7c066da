"""The titles of a lead's timeline entries that come from a few fixed kinds (a team
intervention, a joint practice, a learning event, a coach, a conversation's steps), in the
user's language (``iltdesk.timeline`` reads the entries)."""

from __future__ import annotations

from iltdesk.translation import QT_TRANSLATE_NOOP, translate

_INTERVENTION_WORDS = {
    "brokered": QT_TRANSLATE_NOOP("timeline_words", "{team}: brokered a relationship"),
    "support": QT_TRANSLATE_NOOP("timeline_words", "{team}: added support"),
    "sat_in": QT_TRANSLATE_NOOP("timeline_words", "{team}: sat in on its meeting"),
    "other": QT_TRANSLATE_NOOP("timeline_words", "{team}: stepped in"),
}
_PRACTICE_TITLES = {
    "joint_observation": QT_TRANSLATE_NOOP("timeline_words", "Observed together"),
    "calibration": QT_TRANSLATE_NOOP("timeline_words", "Calibrated on the rubric"),
    "team_meeting_visit": QT_TRANSLATE_NOOP("timeline_words", "Visited a team meeting"),
    "data_meeting": QT_TRANSLATE_NOOP(
        "timeline_words", "Data meeting, planned or debriefed together"
    ),
    "peer_observation": QT_TRANSLATE_NOOP("timeline_words", "Observed a peer"),
    "other": QT_TRANSLATE_NOOP("timeline_words", "Joint practice"),
}
# Led or came to: each a whole title.
_EVENT_TITLES = {
    ("led", "pd_session"): QT_TRANSLATE_NOOP("timeline_words", "Led a PD session"),
    ("led", "gathering"): QT_TRANSLATE_NOOP("timeline_words", "Led the tool-sharing gathering"),
    ("led", "office_hours"): QT_TRANSLATE_NOOP("timeline_words", "Led office hours"),
    ("led", ""): QT_TRANSLATE_NOOP("timeline_words", "Led ILT learning"),
    ("came", "pd_session"): QT_TRANSLATE_NOOP("timeline_words", "Came to a PD session"),
    ("came", "gathering"): QT_TRANSLATE_NOOP(
        "timeline_words", "Came to the tool-sharing gathering"
    ),
    ("came", "office_hours"): QT_TRANSLATE_NOOP("timeline_words", "Came to office hours"),
    ("came", ""): QT_TRANSLATE_NOOP("timeline_words", "Came to ILT learning"),
}
_COACH_WORDS = {
    "veteran_lead": QT_TRANSLATE_NOOP("timeline_words", "a veteran lead"),
    "outside_partner": QT_TRANSLATE_NOOP("timeline_words", "an outside partner"),
}
# A conversation's steps, by whose it is: the lead's (with teachers) or the principal's own.
_CONVERSATION_STEPS = {
    (True, "planned"): QT_TRANSLATE_NOOP("timeline_words", "Difficult conversation planned"),
    (True, "rehearsed"): QT_TRANSLATE_NOOP("timeline_words", "Difficult conversation rehearsed"),
    (True, "held"): QT_TRANSLATE_NOOP("timeline_words", "Difficult conversation held"),
    (False, "planned"): QT_TRANSLATE_NOOP("timeline_words", "My difficult conversation planned"),
    (False, "rehearsed"): QT_TRANSLATE_NOOP(
        "timeline_words", "My difficult conversation rehearsed"
    ),
    (False, "held"): QT_TRANSLATE_NOOP("timeline_words", "My difficult conversation held"),
}


def intervention(kind: str, team: str) -> str:
    """What was done for a team: 'Grade 6: added support' (an unknown kind: stepped in)."""
    said = _INTERVENTION_WORDS.get(kind, _INTERVENTION_WORDS["other"])
    return translate("timeline_words", said).format(team=team)


def practice(kind: str) -> str:
    """A joint practice's title: "Observed together" (an unknown kind: "Joint practice")."""
    return translate("timeline_words", _PRACTICE_TITLES.get(kind, _PRACTICE_TITLES["other"]))


def learning_event(led: bool, kind: str) -> str:
    """A learning event's title: 'Led a PD session', 'Came to office hours'."""
    took = "led" if led else "came"
    return translate("timeline_words", _EVENT_TITLES.get((took, kind), _EVENT_TITLES[took, ""]))


def coach(kind: str) -> str:
    """Who coaches when the coach has no name: "a veteran lead", or "someone else"."""
    if kind in _COACH_WORDS:
        return translate("timeline_words", _COACH_WORDS[kind])
    return translate("timeline_words", "someone else")


def conversation_step(the_leads: bool, step: str) -> str:
    """A conversation's step: 'Difficult conversation held' (the lead's) or 'My difficult
    conversation planned'."""
    return translate("timeline_words", _CONVERSATION_STEPS[the_leads, step])
