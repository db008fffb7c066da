"""The Markdown export's file scheme, shared by its writer and its reader.

A file is YAML front matter between two ``---`` lines, then a body a person reads. The long
text fields are body sections, each opened by a marker line the reader looks for (the
heading after it is only for people, so a note's own ``## `` headings never confuse it):

    <!-- iltdesk:field notes -->
    ## Notes

    the text, exactly as written

A ``<!-- iltdesk:view -->`` marker opens a section shown for people only (a 1:1's agenda):
the reader skips it. A line of a text that itself starts with the marker's opening gets one
more leading backslash (and loses it when read), so no text can forge a section.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

FENCE = "---"
MARK = "<!-- iltdesk:"
VIEW = f"{MARK}view -->"
_SECTION = re.compile(r"^<!-- iltdesk:(?:field ([a-z_][a-z0-9_]*)|view) -->\n", re.MULTILINE)
_ESCAPED = re.compile(r"^(\\*)<!-- iltdesk:", re.MULTILINE)
_UNESCAPE = re.compile(r"^\\(\\*<!-- iltdesk:)", re.MULTILINE)
# YAML reads these as line breaks (and drops a BOM, and folds a bare CR) inside plain,
# single-quoted and literal scalars: such text is written double-quoted, where it is escaped.
_BREAKS = re.compile("[\x85\u2028\u2029\r\ufeff]")


# libyaml's safe loader and dumper when PyYAML was built with it (ten times faster, which a
# journal of thousands of records needs); the pure-Python ones otherwise. Both build only
# plain values: no tag can make an object or run code.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SafeDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_SafeDumper):  # type: ignore[valid-type,misc]
    """Front matter a person can read: multi-line text as a ``|`` block where YAML keeps it
    exact, keys in the order given, no line wrapping (a wrapped line could read as ``---``)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True  # never "&id001" anchors: each value written out where it belongs


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # A literal block ending in two newlines needs YAML's "keep" mark, after which the emitter
    # ends the document with a "..." line: double quotes keep such text exact and plain.
    quoted = bool(_BREAKS.search(value)) or value.endswith("\n\n") or not value.strip("\n")
    style = '"' if quoted else ("|" if "\n" in value else None)
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style=style)


_Dumper.add_representer(str, _text)
# SQLAlchemy's table names are a subclass of str (quoted_name): written as plain text too.
_Dumper.add_multi_representer(str, _text)


def front_matter(data: dict[str, Any]) -> str:
    """``data`` as a front matter block, fences included."""
    text = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=2**30,
        default_flow_style=False,
    )
    return f"{FENCE}\n{text}{FENCE}\n"


def split(text: str) -> tuple[str | None, str]:
    """The front matter's YAML (None when the file has none) and the body after it."""
    first, sep, rest = text.partition("\n")
    if not sep or first.rstrip("\r") != FENCE:
        return None, text
    at = 0
    while at <= len(rest):
        end = rest.find("\n", at)
        line = rest[at:] if end < 0 else rest[at:end]
        if line.rstrip("\r") in (FENCE, "..."):
            return rest[:at], "" if end < 0 else rest[end + 1 :]
        if end < 0:
            break
        at = end + 1
    return None, text  # no closing fence: the whole file is the body


def load(yaml_text: str) -> Any:
    """The front matter's value, read by YAML's safe loader only (no tags that run code)."""
    return yaml.load(yaml_text, Loader=_SafeLoader)


def escape(text: str) -> str:
    return _ESCAPED.sub(lambda m: f"\\{m.group(1)}{MARK}", text)


def unescape(text: str) -> str:
    return _UNESCAPE.sub(lambda m: m.group(1), text)


def field_section(name: str, heading: str, text: str) -> str:
    """One long text field as a body section (see the module's note)."""
    return f"{MARK}field {name} -->\n## {heading}\n\n{escape(text)}\n\n"


def view_section(heading: str, lines: list[str]) -> str:
    """A section for people only; its lines are one-line summaries (never a marker)."""
    return f"{VIEW}\n## {heading}\n\n" + "".join(f"{line}\n" for line in lines) + "\n"


def read_fields(body: str) -> dict[str, str]:
    """The long text fields of a body written by ``field_section``, exactly."""
    marks = list(_SECTION.finditer(body))
    fields: dict[str, str] = {}
    if not marks:
        return fields
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        name = mark.group(1)
        if name is None:
            continue  # a view section
        content = body[mark.end() : following.start() if following else len(body)]
        if content.startswith("## "):
            content = content.partition("\n")[2]
        content = content.removeprefix("\n")
        content = content[:-2] if content.endswith("\n\n") else content.removesuffix("\n")
        fields[name] = unescape(content)
    return fields
