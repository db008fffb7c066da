"""Where each record of a Markdown export goes, under a file name every system accepts.

``Leads/<name>.md`` is a lead's profile and ``Leads/<name>/`` holds the records about them
(``2024-03-01 1-1.md``); the team's records go under ``ILT/``, the principal's own under
``Principal/``. Names are cleaned for Windows, macOS and Linux (and for Obsidian's links),
capped in length and made unique within their folder, ignoring case and Unicode form.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from iltdesk.interchange.document import Row
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

#: Characters no file name may hold on some system (and ``#^[]``, which break Obsidian links).
_BAD = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|#^\[\]]')
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{n}" for n in range(1, 10)}
    | {f"lpt{n}" for n in range(1, 10)}
)
MAX_BYTES = 80  # of a name before " (2)" and ".md": a whole path stays under Windows' 260

LEADS, TEAM, OWN = "Leads", "ILT", "Principal"
NO_LEAD = "No lead"  # not shown: a folder's name (file names stay as written)


def clean(name: str, fallback: str = "Untitled") -> str:
    """``name`` as a file or folder name safe everywhere (without its extension)."""
    text = unicodedata.normalize("NFC", _BAD.sub(" ", name))
    text = " ".join(text.split())
    encoded = text.encode("utf-8")[:MAX_BYTES]
    text = encoded.decode("utf-8", errors="ignore")
    text = text.strip(" .")  # a leading dot hides a file; a trailing one Windows drops
    if not text:
        return fallback
    if text.split(".")[0].strip().lower() in _RESERVED:
        text = f"{text}_"
    return text


@dataclass
class Names:
    """Hands out names unique within each folder (as a case-blind disk compares them)."""

    taken: dict[tuple[str, ...], set[str]] = field(default_factory=dict)

    def claim(self, folder: tuple[str, ...], stem: str, suffix: str = ".md") -> str:
        used = self.taken.setdefault(tuple(_key(p) for p in folder), set())
        candidate, n = stem, 1
        while _key(candidate + suffix) in used or _key(candidate) in used:
            n += 1
            candidate = f"{stem} ({n})"
        used.add(_key(candidate + suffix))
        used.add(_key(candidate))  # a lead's folder beside its profile shares the stem
        return candidate


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def _text(row: Row, column: str, words: int = 8) -> str:
    value = row.get(column)
    return " ".join(str(value).split()[:words]) if value not in (None, "") else ""


def _word(row: Row, column: str) -> str:
    """A choice's stored value as words ("tight_loose" -> "Tight loose")."""
    words = str(row.get(column) or "").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def _date(row: Row, column: str) -> str:
    value = row.get(column)
    return str(value) if value else "No date"  # not shown: part of a file name


Stem = Callable[[Row], str]


def _dated(column: str, label: str | Stem) -> Stem:
    def stem(row: Row) -> str:
        words = label(row) if callable(label) else label
        return f"{_date(row, column)} {words}"

    return stem


def _trait(row: Row) -> str:
    kind = "Strength" if row.get("kind") == "strength" else "Growth area"  # not shown: file name
    return f"{kind} - {_text(row, 'title')}"


def _agreement(row: Row) -> str:
    return f"Coaching agreement v{row.get('version')}"  # not shown: a file name


def _conversation(row: Row) -> str:
    return f"Conversation with {_text(row, 'with_whom')}"  # not shown: a file name


def _self_check(row: Row) -> str:
    return f"Self-check {_text(row, 'taken_by')}"  # not shown: a file name


def _framework(row: Row) -> str:
    return f"{_word(row, 'framework')} {_text(row, 'code')} {_text(row, 'title')}"


#: table -> (area, folder inside the area or the lead's folder, stem, readable kind). The
#: folders and stems are file names, left as written ("# not shown"); the readable kind heads
#: the record's file, for a person (``readable_kind``).
PLACES: dict[str, tuple[str, str, Stem, str]] = {
    "one_on_one": (
        LEADS,
        "",
        _dated("held_on", "1-1"),  # not shown: a file's name
        QT_TRANSLATE_NOOP("interchange.markdown_names", "1:1"),
    ),
    "observation": (
        LEADS,
        "",
        _dated("observed_on", "Observation"),  # not shown: a file's name
        QT_TRANSLATE_NOOP("interchange.markdown_names", "Observation"),
    ),
    "learning_cycle": (
        LEADS,
        "",
        _dated("started_on", "Learning cycle"),  # not shown: a file's name
        QT_TRANSLATE_NOOP("interchange.markdown_names", "Learning cycle"),
    ),
    "coaching_agreement": (
        LEADS,
        "",
        _dated("agreed_on", _agreement),  # not shown: a file's name
        QT_TRANSLATE_NOOP("interchange.markdown_names", "Coaching agreement"),
    ),
    "energy_check": (
        LEADS,
        "",
        _dated("checked_on", "Energy check"),  # not shown: a file's name
        QT_TRANSLATE_NOOP("interchange.markdown_names", "Energy check"),
    ),
    "lead_trait": (
        LEADS,
        "",
        _dated("noted_on", _trait),  # not shown: a file's name
        QT_TRANSLATE_NOOP("interchange.markdown_names", "Strength or growth area"),
    ),
    "lead_coach": (
        LEADS,
        "",
        _dated("since", "Coach"),  # not shown: a file's name
        QT_TRANSLATE_NOOP("interchange.markdown_names", "Coach"),
    ),
    "action_item": (
        TEAM,
        "Action items",  # not shown: a folder's name
        _dated("due_on", lambda r: _text(r, "text")),  # not shown: a file's name
        QT_TRANSLATE_NOOP("interchange.markdown_names", "Action item"),
    ),
    "difficult_conversation": (
        OWN,
        "Conversations",  # not shown: a folder's name
        _dated("planned_on", _conversation),  # not shown: a file's name
        QT_TRANSLATE_NOOP("interchange.markdown_names", "Difficult conversation"),
    ),
    "ilt_meeting": (
        TEAM,
        "Meetings",  # not shown: a folder's name
        _dated("held_on", lambda r: _text(r, "title") or "ILT meeting"),  # not shown: a file's name
        QT_TRANSLATE_NOOP("interchange.markdown_names", "ILT meeting"),
    ),
    "meeting_feedback": (
        TEAM,
        "Meeting feedback",  # not shown: a folder's name
        _dated("met_on", "Feedback"),  # not shown: a file's name
        QT_TRANSLATE_NOOP("interchange.markdown_names", "Meeting feedback"),
    ),
    "charter_version": (
        TEAM,
        "Charter",  # not shown: a folder's name
        _dated("made_on", "Charter"),  # not shown: a file's name
        QT_TRANSLATE_NOOP("interchange.markdown_names", "Charter version"),
    ),
    "scope_item": (
        TEAM,
        "Scope and sequence",  # not shown: a folder's name
        lambda r: (
            f"{_text(r, 'position').zfill(2)} {_text(r, 'period')}"
        ),  # not shown: a file's name
        QT_TRANSLATE_NOOP("interchange.markdown_names", "Scope and sequence item"),
    ),
    "joint_practice": (
        TEAM,
        "Joint practice",  # not shown: a folder's name
        _dated(
            "happened_on", lambda r: _text(r, "focus") or _word(r, "kind")
        ),  # not shown: a file's name
        QT_TRANSLATE_NOOP("interchange.markdown_names", "Joint practice"),
    ),
    "learning_event": (
        TEAM,
        "Learning",  # not shown: a folder's name
        _dated(
            "held_on", lambda r: _text(r, "topic") or _word(r, "kind")
        ),  # not shown: a file's name
        QT_TRANSLATE_NOOP("interchange.markdown_names", "Learning event"),
    ),
    "self_check": (
        TEAM,
        "Self-checks",  # not shown: a folder's name
        _dated("taken_on", _self_check),  # not shown: a file's name
        QT_TRANSLATE_NOOP("interchange.markdown_names", "ILT self-check"),
    ),
    "teacher_team": (
        TEAM,
        "Teacher teams",  # not shown: a folder's name
        lambda r: _text(r, "name", 20),  # not shown: a file's name
        QT_TRANSLATE_NOOP("interchange.markdown_names", "Teacher team"),
    ),
    "framework_item": (
        TEAM,
        "Framework",  # not shown: a folder's name
        _framework,  # not shown: a file's name
        QT_TRANSLATE_NOOP("interchange.markdown_names", "Framework item"),
    ),
    "challenge": (
        OWN,
        "Challenges",  # not shown: a folder's name
        _dated("opened_on", lambda r: _text(r, "title")),  # not shown: a file's name
        QT_TRANSLATE_NOOP("interchange.markdown_names", "Complex challenge"),
    ),
    "leadership_note": (
        OWN,
        "Leadership notes",  # not shown: a folder's name
        _dated("noted_on", lambda r: _word(r, "kind")),  # not shown: a file's name
        QT_TRANSLATE_NOOP("interchange.markdown_names", "Leadership note"),
    ),
    "principal_energy": (
        OWN,
        "Energy",  # not shown: a folder's name
        _dated("checked_on", "Energy"),  # not shown: a file's name
        QT_TRANSLATE_NOOP("interchange.markdown_names", "Principal's energy"),
    ),
    "tension_note": (
        OWN,
        "Tensions",  # not shown: a folder's name
        _dated("noted_on", lambda r: _word(r, "tension")),  # not shown: a file's name
        QT_TRANSLATE_NOOP("interchange.markdown_names", "Tension"),
    ),
}


def readable_kind(table: str) -> str:
    """What a record of ``table`` is, as its file's heading names it for a person."""
    place = PLACES.get(table)
    if place:
        return translate("interchange.markdown_names", place[3])
    if table == "lead":
        return translate("interchange.markdown_names", "Lead")
    return table.replace("_", " ").title()


def place(table: str, row: Row, lead_folder: str | None) -> tuple[tuple[str, ...], str]:
    """The folder (parts) and stem of a record's file, before it is made unique."""
    if table in PLACES:
        area, sub, stem, _ = PLACES[table]
    else:  # a table added after this module: still written, plainly named
        area, sub, stem = (
            TEAM,
            table.replace("_", " ").title(),
            (lambda r: f"{table} {r.get('id')}"),
        )
    if lead_folder is not None and (area == LEADS or row.get("lead_id") is not None):
        inner = ("Action items",) if sub == "Action items" else ()  # not shown: a folder
        folder: tuple[str, ...] = (LEADS, lead_folder, *inner)
    else:
        folder = (area, *((sub,) if sub else ())) if area != LEADS else (LEADS, NO_LEAD)
    return folder, clean(stem(row))


def title(table: str, row: Row, lead: str | None) -> str:
    """The body's first line: what the record is, about whom, when (on one line)."""
    if table == "lead":
        return " ".join(str(row.get("name") or readable_kind("lead")).split())
    said = readable_kind(table)
    if lead:
        said = (
            translate("interchange.markdown_names", "{kind} with {lead}")
            if table == "one_on_one"
            else translate("interchange.markdown_names", "{kind} - {lead}")
        ).format(kind=said, lead=lead)
    column = _date_column(table)
    if column and row.get(column):
        said = translate("interchange.markdown_names", "{title} ({day})").format(
            title=said, day=row[column]
        )
    return " ".join(said.split())


def _date_column(table: str) -> str | None:
    from iltdesk.interchange import tables

    try:
        return tables.info(table).date_column
    except KeyError:
        return None
