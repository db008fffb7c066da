"""The text side of the names guard: where names may be read in a report's HTML or in
Markdown, how a name is shortened to initials, and where a sentence starts.

No journal and no Qt here: ``names_guard`` finds people with these helpers and replaces them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from iltdesk.lead_names import TITLES

# Titles a colleague is written with in notes ("Ms. Pham", "Coach Daniels"): capitalised,
# with or without the dot. A lower-case "coach" is the noun, never a title.
TITLE = r"(?:Mrs|Ms|Mr|Mx|Dr|Miss|Prof|Coach)\.?"
TITLE_WORDS = TITLES  # the wider list a lead's own name may start with ("Sra.", "Rev.")
SPACE = r"[ \t\u00a0]+"
# A word of a name: letters (any script), joined by hyphens or apostrophes ("O'Neil",
# "Smith-Jones"); a possessive "'s" is not part of it ("Pham's" names Pham).
WORD = r"[^\W\d_]+(?:['’](?!s\b)[^\W\d_]+|-[^\W\d_]+)*"
# Before a name: no letter, no hyphen (the end of "Anne-Marie") and no "O'" (inside "O'Neil").
BEFORE = r"(?<![\w-])(?<!\w['’])"
# After a name: no more letters, no "-Jones" nor "'Neil"; a possessive "'s" may follow.
AFTER = r"(?![\w]|-[^\W\d_]|['’](?!s\b)[^\W\d_])"

_HTML_HINT = re.compile(r"<(?:!doctype|html|body|p|div|h[1-6]|table|ul|ol|li|span|br)\b", re.I)
_TAG = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<[^>]*>", re.S | re.I)
# Tags after which the text starts a new block, so a role's words start with a capital.
_BLOCK_TAG = re.compile(r"</?(?:p|div|h[1-6]|li|ul|ol|td|th|tr|table|br|blockquote|body)\b", re.I)
_MARKDOWN_LEAD = " \t\"'“‘(*_[#>-+"
_OPENERS = " \t\u00a0\"'“‘(*_["


_NEXT_WORD = re.compile(rf"{SPACE}({WORD})")


# English day and month names, told apart from names in what a person writes (not shown).
_DAYS = "monday tuesday wednesday thursday friday saturday sunday"  # not shown: matched
_MONTHS = (
    "january february march april may june july august "  # not shown: matched
    "september october november december"
)
CALENDAR = frozenset(f"{_DAYS} {_MONTHS}".split())


def name_like(word: str) -> bool:
    """A word that may be part of a name: capitalised, two letters or more, no day or month."""
    return word[:1].isupper() and len(word) > 1 and word.casefold() not in CALENDAR


def continues_name(plain: str, end: int) -> bool:
    """Whether a name's word follows ``plain[:end]``: a lone first name before it is someone
    else's full name ("Amara Jones"), not the lead called Amara ("Amara Monday" is)."""
    after = _NEXT_WORD.match(plain, end)
    return after is not None and name_like(after.group(1))


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is a report's HTML (tags to step around) rather than Markdown."""
    return _HTML_HINT.search(text) is not None


@dataclass
class Chunk:
    """A stretch of text a reader sees (``plain``), or a tag kept as it is (``is_text`` off).

    ``block_start``: the text opens a sentence (at the start, after a paragraph or cell tag,
    or after a sentence's end).
    """

    raw: str
    plain: str
    is_text: bool
    block_start: bool = False


def chunks(text: str) -> Iterator[Chunk]:
    """``text`` cut into what a reader sees and what they never see (tags, attributes,
    styles, scripts, comments); Markdown or plain text is one chunk."""
    if not looks_like_html(text):
        yield Chunk(text, text, True, block_start=True)
        return
    opens, at = True, 0  # whether what comes next opens a sentence
    for tag in _TAG.finditer(text):
        if tag.start() > at:
            raw = text[at : tag.start()]
            yield Chunk(raw, html.unescape(raw), True, opens)
            opens = _after(html.unescape(raw), opens)
        yield Chunk(tag.group(), "", False)
        opens = opens or _BLOCK_TAG.match(tag.group()) is not None
        at = tag.end()
    if at < len(text):
        raw = text[at:]
        yield Chunk(raw, html.unescape(raw), True, opens)


def _after(plain: str, opens: bool) -> bool:
    """Whether text after ``plain`` opens a sentence (``opens``: whether ``plain`` did)."""
    tail = plain.rstrip(_OPENERS + "\n")
    return tail[-1:] in (".", "!", "?") if tail else opens


def starts_sentence(before: str, block_start: bool, *, lines: bool = True) -> bool:
    """Whether a word after ``before`` (the chunk's text up to it) opens a sentence: after
    ". ", "! ", "? ", at the start of a chunk that itself opens one (``block_start``), and
    with ``lines`` (Markdown, not HTML, where a new line is a space) at a line's start (a
    heading, list item or quote too)."""
    if not lines:
        tail = before.rstrip(_OPENERS + "\n")
        return tail[-1:] in (".", "!", "?") if tail else block_start
    _, newline, line = before.rpartition("\n")
    if _only_marks(line):
        return bool(newline) or block_start
    return line.rstrip(_OPENERS)[-1:] in (".", "!", "?")


def _only_marks(line: str) -> bool:
    """A line holding nothing but Markdown's marks before the word ("- ", "## ", "1. ")."""
    return not line.strip(_MARKDOWN_LEAD + "0123456789.")


def initials(name: str) -> str:
    """A name shortened to its initials, a title kept: "Ms. Pham" -> "Ms. P.", "Marcus Reed"
    -> "M. R.", "Anne-Marie Roy" -> "A.-M. R.", "Zoë O'Neil" -> "Z. O."."""
    words = name.split()
    out = []
    for i, word in enumerate(words):
        if i < len(words) - 1 and word.casefold() in TITLE_WORDS:
            out.append(word)
        else:
            out.append("-".join(part[:1] + "." for part in word.split("-") if part))
    return " ".join(out)


def with_article(words: str) -> str:
    """A role with "a" or "an" before it: "team lead" -> "a team lead"."""
    words = words.strip()
    if not words:
        return words
    sounds_vowel = words[0].casefold() in "aeiou" or re.match(r"(8|11th|18th)", words)
    return f"{'an' if sounds_vowel else 'a'} {words}"


def capitalised(words: str) -> str:
    """``words`` with a capital first letter, the rest as written."""
    return words[:1].upper() + words[1:]


def escaped(plain: str) -> str:
    """Text put back into HTML: the reader's characters, with &, < and > escaped."""
    return html.escape(plain, quote=False)
