"""The little Markdown a principal writes in notes, as escaped HTML for a report.

Paragraphs, bullet and numbered lists, headings, quotes, **bold**, *italic*, `code` and links.
Everything else stays as the text that was typed; nothing typed can inject markup.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_BULLET = re.compile(r"^\s{0,8}(?:[-*+]|(\d{1,9})[.)])\s+(.*)$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_QUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def inline(text: str) -> str:
    """One line of Markdown as escaped HTML with its emphasis."""
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unmatched backtick is just a backtick
        parts[-2:] = ["`".join(parts[-2:])]
    out = []
    for index, part in enumerate(parts):
        if index % 2:
            out.append(html.escape(part, quote=False))
        else:
            out.append(_emphasis(part))
    return "".join(out)


def _emphasis(text: str) -> str:
    text = _ESCAPED.sub(lambda m: f"&#{ord(m.group(1))};", html.escape(text, quote=False))
    text = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", text)
    text = _BOLD.sub(lambda m: f"<b>{m.group(1) or m.group(2)}</b>", text)
    text = _ITALIC.sub(lambda m: f"<i>{m.group(1) or m.group(2)}</i>", text)
    return _STRIKE.sub(r"<s>\1</s>", text)


@dataclass
class _Blocks:
    """Lines gathered into paragraphs and lists, then written out as HTML."""

    out: list[str] = field(default_factory=list)
    para: list[str] = field(default_factory=list)
    items: list[list[str]] = field(default_factory=list)
    ordered: bool = False
    quote: bool = False

    def flush(self) -> None:
        if self.para:
            css = ' class="quote"' if self.quote else ""
            self.out.append(f"<p{css}>{inline(' '.join(self.para))}</p>")
        if self.items:
            tag = "ol" if self.ordered else "ul"
            rows = "".join(f"<li>{inline(' '.join(item))}</li>" for item in self.items)
            self.out.append(f"<{tag}>{rows}</{tag}>")
        self.para, self.items, self.quote = [], [], False

    def line(self, raw: str) -> None:
        if not raw.strip() or _RULE.match(raw):
            self.flush()
        elif heading := _HEADING.match(raw):
            self.flush()
            self.out.append(f'<p class="md-heading"><b>{inline(heading.group(1))}</b></p>')
        elif bullet := _BULLET.match(raw):
            if self.para or (self.items and self.ordered != bool(bullet.group(1))):
                self.flush()
            self.ordered = bool(bullet.group(1))
            self.items.append([bullet.group(2).strip()])
        elif quote := _QUOTE.match(raw):
            if not self.quote:
                self.flush()
            self.quote = True
            self.para.append(quote.group(1).strip())
        elif self.items:
            self.items[-1].append(raw.strip())  # a wrapped list item goes on
        else:
            self.para.append(raw.strip())


def to_html(text: str) -> str:
    """A note's Markdown as HTML paragraphs and lists (empty text gives an empty string)."""
    blocks = _Blocks()
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        blocks.line(raw)
    blocks.flush()
    return "".join(blocks.out)
