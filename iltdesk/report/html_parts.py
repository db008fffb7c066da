"""The HTML pieces every report is built of: escaped text, quiet lines, headings, tables."""

from __future__ import annotations

import html
from collections.abc import Iterable

from iltdesk.report.markdown import note_html
from iltdesk.translation import translate


def esc(text: str) -> str:
    """Plain text as HTML."""
    return html.escape(text, quote=True)


def note(text: str, empty: str | None = None) -> str:
    """A note's Markdown as HTML, or a quiet line saying there is none (``empty``, shown as
    given: translated by the caller)."""
    if text.strip():
        return note_html(text)
    return quiet(
        empty if empty is not None else translate("report.html_parts", "Not written down yet.")
    )


def quiet(text: str) -> str:
    """A muted line for something not recorded."""
    return f'<p class="quiet">{esc(text)}</p>'


def quote(inner: str) -> str:
    """Someone's own words, set off by a rule on the left."""
    return (
        '<table class="quote" width="100%" cellspacing="0" cellpadding="0">'
        f"<tr><td>{inner}</td></tr></table>"
    )


def heading(text: str) -> str:
    """A section heading."""
    return f"<h2>{esc(text)}</h2>"


def field_table(rows: Iterable[tuple[str, str]], css: str = "fields") -> str:
    """Label and value rows (values already HTML) as a two-column table."""
    body = "".join(
        f'<tr><td class="label" width="24%">{esc(label)}</td><td class="value">{value}</td></tr>'
        for label, value in rows
    )
    return f'<table class="{css}" width="100%" cellspacing="0" cellpadding="0">{body}</table>'


def data_table(header: tuple[str, ...], widths: tuple[str, ...], rows: list[list[str]]) -> str:
    """A table with a header row that repeats when it runs onto another page."""
    head = "".join(
        f'<th width="{w}" align="left">{esc(h)}</th>' for h, w in zip(header, widths, strict=True)
    )
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return (
        '<table class="data" width="100%" cellspacing="0" cellpadding="0">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )
