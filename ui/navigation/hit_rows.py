"""How a search hit reads in the results: where it comes from, then its snippet with the
words found highlighted, drawn as rich text and measured once per search."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QObject, QSize
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem

from iltdesk import dates
from iltdesk.search import Hit
from ui.kit.rich_delegate import ItemIndex, RichTextDelegate
from ui.kit.roles import RECORD
from ui.kit.theme import colour, highlight_colour
from ui.navigation.version_hits import VersionHit, version_html

TITLE_CHARS = 48


def long_date(day: date) -> str:
    """Like "12 Mar 2027": unambiguous wherever the principal works."""
    return dates.short(day)


def hit_html(hit: Hit, *, muted: str | None = None, highlight: str | None = None) -> str:
    """Two lines of rich text for a hit: where it comes from, then the snippet.

    Everything the principal wrote is escaped, so a note containing ``<b>`` shows as typed.
    """
    muted = muted or colour("muted")  # a view passes its palette's own quiet colour
    mark_bg = highlight or highlight_colour()
    # Readable on the highlight whatever the row's own text colour (selected rows are white):
    # each look names the text that goes on its own highlight.
    mark_fg = colour("on_highlight")
    meta = [f"<span style='font-weight:600'>{html.escape(hit.kind_label)}</span>"]
    details = [hit.lead_name or "", long_date(hit.happened_on) if hit.happened_on else ""]
    plain_snippet = "".join(text for text, _ in hit.snippet_parts())
    title = hit.title.strip()
    # The title earns a place only when the snippet comes from elsewhere (a note, evidence).
    from_title = plain_snippet.strip("… ") in title
    if title and title != hit.lead_name and not from_title:
        details.append(title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1] + "…")
    meta += [f"<span style='color:{muted}'>{html.escape(d)}</span>" for d in details if d]
    snippet = "".join(
        f"<span style='background-color:{mark_bg}; color:{mark_fg}; font-weight:bold'>"
        f"{html.escape(text)}</span>"
        if marked
        else html.escape(text)
        for text, marked in _joined_marks(list(hit.snippet_parts()))
    )
    sep = f"<span style='color:{muted}'> · </span>"
    return (
        f"<div style='margin-bottom:3px'>{sep.join(meta)}</div>"
        f"<div>{snippet or html.escape(title)}</div>"
    )


def _joined_marks(parts: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Highlight the spaces between highlighted words too, so a phrase reads as one mark."""
    joined: list[tuple[str, bool]] = []
    for i, (text, marked) in enumerate(parts):
        between = 0 < i < len(parts) - 1 and parts[i - 1][1] and parts[i + 1][1]
        marked = marked or (between and not text.strip())
        if joined and joined[-1][1] == marked:
            joined[-1] = (joined[-1][0] + text, marked)
        else:
            joined.append((text, marked))
    return joined


class HitDelegate(RichTextDelegate):
    """A search hit: source on the first line, snippet with highlighted terms below.

    ``forget_sizes()`` whenever the rows change (a new search): until then a row's size is
    kept by its row, the list's width and the font, as the list asks for it several times
    for each row it lays out.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # A row's HTML is asked for at each measure and paint; it only changes with the hit,
        # the row's quiet colour or the theme's marks, so it is made once for each of those.
        self._html: dict[tuple[object, ...], str] = {}
        self._sizes: dict[tuple[int, int, str, bool], QSize] = {}

    def forget_sizes(self) -> None:
        """The rows changed: measure them again."""
        self._sizes.clear()

    def sizeHint(self, option: QStyleOptionViewItem, index: ItemIndex) -> QSize:
        view = option.widget
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else 0
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        key = (index.row(), width or option.rect.width(), option.font.key(), selected)
        size = self._sizes.get(key)
        if size is None:
            size = self._sizes[key] = super().sizeHint(option, index)
        return QSize(size)

    def html(self, index: ItemIndex, muted: str, selected: bool) -> str:
        hit = index.data(RECORD)
        if not isinstance(hit, Hit | VersionHit):
            return ""
        marks = {"mark_bg": highlight_colour(), "mark_fg": colour("on_highlight")}
        # A hit equals the same record's hit of another search: what that search looked for
        # (so marks) is part of the key.
        wanted = hit.wanted if isinstance(hit, Hit) else None
        key = (hit, wanted, muted, marks["mark_bg"], marks["mark_fg"])
        made = self._html.get(key)
        if made is None:
            if len(self._html) >= self.KEPT:
                self._html.clear()  # older searches' rows: rarely seen again
            if isinstance(hit, VersionHit):
                made = version_html(hit, muted=muted, **marks)
            else:
                made = hit_html(hit, muted=muted, highlight=marks["mark_bg"])
            self._html[key] = made
        return made
