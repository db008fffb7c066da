"""Other people's names in an export meant for someone else: who is named, and how each
appears to the reader (as written, as initials, or as a role such as "a 7th-grade teacher").

Who is listed (``find_names``): everyone named in the text other than the export's lead —
- the journal's other leads, by full name (any case, a title before it or not), by title and
  surname ("Ms. Okafor"), and by first name alone when that word is no other lead's name
  word and is no common English word (a lead called "Will" or "May" is found only by full
  name or title, so "May 3" and "Will she…" stay as written);
- anyone the text names with a title ("Ms. Pham", "Mr Okafor", "Coach Daniels", "Dr. Linh
  Pham"): one capitalised word after the title, or two when the second is no weekday or month.
A title with a lead's surname (or first name) is that lead: one entry. When a surname belongs
to two leads, "Ms. Reed" is listed on its own, so the principal still chooses for it.
People are listed in the order the reader meets them (first appearance).

The choice for a person applies to every form found (``NamedPerson.forms``); the export's lead
is never listed nor touched. Only what a reader sees is read or changed: tags, attributes,
styles and comments of HTML stay as they are, and the words put in are escaped.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from iltdesk.lead_names import name_key
from iltdesk.names_text import (
    AFTER,
    BEFORE,
    SPACE,
    TITLE,
    TITLE_WORDS,
    WORD,
    capitalised,
    chunks,
    continues_name,
    escaped,
    initials,
    looks_like_html,
    name_like,
    starts_sentence,
    with_article,
)
from iltdesk.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from iltdesk.store.journal import Journal

__all__ = ["NameChoice", "NamedPerson", "Treatment", "apply_choices", "find_names", "initials"]


class Treatment(StrEnum):
    """How a person named in an export appears to its reader."""

    keep = "keep"
    initials = "initials"
    role = "role"


@dataclass(frozen=True)
class NamedPerson:
    """Someone other than the export's lead named in its text."""

    name: str  # a lead's name as the journal has it; else as the text first writes it
    suggested_role: str  # e.g. "a 7th-grade teacher" (from a lead's role or team)
    mentions: int
    # Every way the text writes them ("Marcus Reed", "Mr. Reed", "Marcus"), first seen first.
    forms: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class NameChoice:
    """What the principal chose for one person, for one export."""

    treatment: Treatment = Treatment.keep
    role: str = ""  # the words for Treatment.role (empty: the person's suggested_role)


COLLEAGUE = QT_TRANSLATE_NOOP("names_guard", "a colleague")


def colleague() -> str:
    """The words for someone nothing more is known of ("a colleague"), as shown."""
    return translate("names_guard", COLLEAGUE)


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# First names that are also everyday words: alone, they are read as the word.
COMMON_WORDS = _word_set(
    "will may june april august grace hope faith joy mark bill art sue rose iris dawn summer "
    "autumn amber pat rob jack frank ray don guy chase grant hunter lane page reed wade "
    "victory sunny rich miles max sky star case drew jean bob tom noel holly ivy "
    "carol christian earnest norman an ed sol eve"  # not shown: matched in text
)
_GRADE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?[- ]grade\b|\bgrade (\d{1,2})\b", re.I)
# Matched in a lead's role as typed.
_NOT_TEACHERS = (
    "principal",
    "dean",
    "counsel",
    "social worker",  # not shown: matched
    "coach",
    "psycholog",
)
_TITLED = re.compile(BEFORE + rf"({TITLE}){SPACE}({WORD}){AFTER}")
_SECOND_WORD = re.compile(rf"{SPACE}({WORD}){AFTER}")

Key = tuple[str, str]  # ("lead", id) | ("titled", "ms pham") | ("unlisted", "")
_UNLISTED: Key = ("unlisted", "")


@dataclass(frozen=True)
class _Lead:
    id: int
    words: tuple[str, ...]  # the name without a title
    role: str
    team: str


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    key: Key
    rank: int  # at the same place, a lead's own form (0) wins over a title's guess (1)


def suggested_role(role: str, team: str) -> str:
    """Words for a lead that say what they do without who they are: a grade ("a 7th-grade
    teacher"), a subject ("a math teacher"), or their role ("an assistant principal")."""
    role, team = role.strip(), team.strip()
    if role and any(word in role.casefold() for word in _NOT_TEACHERS):
        return with_article(role.casefold())
    if grade := _GRADE.search(team):
        number = int(grade.group(1) or grade.group(2))
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number if number < 20 else number % 10, "th")
        said = translate("names_guard", "{number}{suffix}-grade teacher")
        return with_article(said.format(number=number, suffix=suffix))
    if team.casefold().endswith(" department"):
        subject = team[: -len(" department")].casefold()
        return with_article(translate("names_guard", "{subject} teacher").format(subject=subject))
    return with_article(role.casefold()) if role else colleague()


def find_names(
    journal: Journal, lead_id: int | None, text: str, *, readers: Collection[int] = ()
) -> list[NamedPerson]:
    """The people other than lead ``lead_id`` (and the ``readers``, leads the export is
    meant for, such as the ILT's members for a team summary) that ``text`` names, in the
    order a reader meets them."""
    from sqlmodel import select

    from iltdesk.models import Lead

    with journal.session() as s:
        rows = [(r.id or 0, r.name, r.role, r.team) for r in s.exec(select(Lead))]
    leads = [_Lead(i, _name_words(name), role, team) for i, name, role, team in rows]
    names = {i: unicodedata.normalize("NFC", name.strip()) for i, name, _, _ in rows}
    text = unicodedata.normalize("NFC", text)
    finder = _Finder(leads, {lead_id, *readers} - {None}, html.unescape(text).casefold())
    seen: dict[Key, list[str]] = {}
    for chunk in chunks(text):
        if chunk.is_text:
            for hit in finder.hits(chunk.plain):
                if hit.key != _UNLISTED:
                    seen.setdefault(hit.key, []).append(chunk.plain[hit.start : hit.end])
    roles = {str(lead.id): suggested_role(lead.role, lead.team) for lead in leads}
    return [
        NamedPerson(
            name=names[int(key[1])] if key[0] == "lead" else forms[0],
            suggested_role=roles.get(key[1], colleague()) if key[0] == "lead" else colleague(),
            mentions=len(forms),
            forms=tuple(dict.fromkeys(forms)),
        )
        for key, forms in seen.items()
    ]


def ilt_members(journal: Journal, meeting_id: int) -> set[int]:
    """The leads an ILT meeting's summary is shared with: the meeting's members and today's
    team. They know each other, so a team summary guards only the names of anyone else."""
    from sqlmodel import col, select

    from iltdesk.models import Lead
    from iltdesk.models.team import MeetingAttendance

    with journal.session() as s:
        members = s.exec(
            select(MeetingAttendance.lead_id).where(MeetingAttendance.meeting_id == meeting_id)
        )
        active = s.exec(select(Lead.id).where(col(Lead.archived_on).is_(None)))
        return {i for i in [*members, *active] if i is not None}


def _name_words(name: str) -> tuple[str, ...]:
    words = unicodedata.normalize("NFC", name).split()
    while len(words) > 1 and words[0].casefold() in TITLE_WORDS:
        words = words[1:]
    return tuple(words)


_TOKEN = re.compile(r"\w+")


def _present(word: str, tokens: Collection[str]) -> bool:
    """Whether each word-run of ``word`` is a word of the (case-folded) text: a name can
    only be written where its runs are."""
    return all(run in tokens for run in _TOKEN.findall(word.casefold()))


class _Finder:
    """Where a chunk of text names a lead or a titled person (overlaps resolved)."""

    def __init__(self, leads: Sequence[_Lead], unlisted: Collection[int | None], fold: str) -> None:
        """``fold``: the text, case folded; a lead none of whose words is in it is skipped
        (a journal of years holds many former leads, and a summary names few)."""

        def key(lead: _Lead) -> Key:
            return _UNLISTED if lead.id in unlisted else ("lead", str(lead.id))

        every_word = Counter(w.casefold() for lead in leads for w in lead.words)
        tokens = set(_TOKEN.findall(fold))
        # Each pattern under the first word-run it needs: a chunk of text tries only the
        # patterns whose run it holds (a year's record is 16,000 chunks; a journal of years,
        # hundreds of leads).
        self.patterns: dict[str, list[tuple[re.Pattern[str], Key]]] = {}
        self.by_word: dict[str, Key] = {}  # a title's word that means one lead
        surnames = Counter(lead.words[-1].casefold() for lead in leads if lead.words)
        for lead in leads:
            words = lead.words
            if not any(_present(word, tokens) for word in words):
                continue
            full = SPACE.join(re.escape(w) for w in words)
            flags = "(?i:" if len(words) > 1 else "(?:"  # one word: only as written
            if all(_present(word, tokens) for word in words):
                pattern = re.compile(rf"{BEFORE}(?:{TITLE}{SPACE})?{flags}{full}){AFTER}")
                self._add(words[0], pattern, key(lead))
            first = words[0]
            if (
                len(words) > 1
                and first[:1].isupper()
                and every_word[first.casefold()] == 1
                and first.casefold() not in COMMON_WORDS
            ):
                self._add(first, re.compile(BEFORE + re.escape(first) + AFTER), key(lead))
                self.by_word[first.casefold()] = key(lead)
            if surnames[words[-1].casefold()] == 1:
                self.by_word[words[-1].casefold()] = key(lead)

    def _add(self, word: str, pattern: re.Pattern[str], key: Key) -> None:
        runs = _TOKEN.findall(word.casefold())
        self.patterns.setdefault(runs[0] if runs else "", []).append((pattern, key))

    def hits(self, plain: str) -> list[_Hit]:
        held = set(_TOKEN.findall(plain.casefold())) | {""}
        found = [
            _Hit(m.start(), m.end(), key, 0)
            for run in held
            for pattern, key in self.patterns.get(run, ())
            for m in pattern.finditer(plain)
            if len(m.group().split()) > 1 or not continues_name(plain, m.end())
        ]
        found += self._titled(plain)
        found.sort(key=lambda h: (h.start, h.start - h.end, h.rank))
        kept: list[_Hit] = []
        for hit in found:
            if not kept or hit.start >= kept[-1].end:
                kept.append(hit)
        return kept

    def _titled(self, plain: str) -> Iterable[_Hit]:
        for m in _TITLED.finditer(plain):
            word, end = m.group(2), m.end()
            if not name_like(word):
                continue
            second = _SECOND_WORD.match(plain, end)
            if second and name_like(second.group(1)):
                word, end = second.group(1), second.end()
            title = m.group(1).rstrip(".").casefold()
            yield _Hit(
                m.start(),
                end,
                self.by_word.get(word.casefold(), ("titled", f"{title} {word.casefold()}")),
                1,
            )


def apply_choices(
    text: str, people: Sequence[NamedPerson], choices: Mapping[str, NameChoice]
) -> str:
    """``text`` as its reader will see it: each person's every form replaced as chosen
    (initials, or the role's words, with a capital where a sentence starts); people kept
    as written, and everything outside the reader's text, stay exactly as they were."""
    wanted = {name_key(name): choice for name, choice in choices.items()}
    by_form: dict[str, Callable[[str, bool], str]] = {}
    for person in people:
        choice = _choice_for(person, wanted)
        for form in person.forms or (person.name,):
            by_form[form] = _replacer(person, choice)
    if all(_choice_for(p, wanted).treatment == Treatment.keep for p in people):
        return text
    is_html = looks_like_html(text)
    forms = sorted(by_form, key=len, reverse=True)
    pattern = re.compile(BEFORE + "(?:" + "|".join(map(re.escape, forms)) + ")" + AFTER)
    out: list[str] = []
    for chunk in chunks(unicodedata.normalize("NFC", text)):
        if not chunk.is_text or not pattern.search(chunk.plain):
            out.append(chunk.raw)
            continue
        plain = chunk.plain

        def swap(m: re.Match[str], plain: str = plain, opens: bool = chunk.block_start) -> str:
            if len(m.group().split()) == 1 and continues_name(plain, m.end()):
                return m.group()  # a first name in someone else's full name, as find_names
            first = starts_sentence(plain[: m.start()], opens, lines=not is_html)
            words = by_form[m.group()](m.group(), first)
            # "…met Ms. Pham." as initials: one full stop, not two.
            return (
                words[:-1] if words.endswith(".") and plain[m.end() : m.end() + 1] == "." else words
            )

        new = pattern.sub(swap, plain)
        out.append(escaped(new) if is_html else new)
    return "".join(out)


def _choice_for(person: NamedPerson, wanted: Mapping[str, NameChoice]) -> NameChoice:
    for name in (person.name, *person.forms):
        if (choice := wanted.get(name_key(name))) is not None:
            return choice
    return NameChoice()


def _replacer(person: NamedPerson, choice: NameChoice) -> Callable[[str, bool], str]:
    if choice.treatment == Treatment.initials:
        return lambda form, _opens: initials(form)
    if choice.treatment == Treatment.role:
        words = choice.role.strip() or person.suggested_role or colleague()
        return lambda _form, opens: capitalised(words) if opens else words
    return lambda form, _opens: form
