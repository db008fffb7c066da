"""Earlier versions in the search dialog: looked through only when the principal asks
("Also search earlier versions"), listed below the regular hits, and opened on the record's
History at that version."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QWidget

from iltdesk import history
from iltdesk.history import Version
from iltdesk.history_words import record_words
from iltdesk.record_kinds import RecordKind
from iltdesk.store.journal import Journal
from ui.kit.context import AppContext
from ui.kit.history_panel import HistoryPanel, until

MIN_CHARS = 3  # shorter words match too many versions to be worth a scan of every one
LIMIT = 20
AROUND = 40  # characters of the version shown either side of the words found
# The table a version's record lives in, the kind search opens it as, and the attribute an
# editor showing that record keeps it in (its History opens from there).
KINDS: dict[str, tuple[RecordKind, str]] = {
    "one_on_one": (RecordKind.ONE_ON_ONE, "meeting"),
    "observation": (RecordKind.OBSERVATION, "observation"),
    "learning_cycle": (RecordKind.CYCLE, "cycle"),
    "challenge": (RecordKind.CHALLENGE, "challenge"),
}


@dataclass(frozen=True)
class VersionHit:
    """An earlier version holding the words searched for."""

    version: Version
    record: str  # which record, in words: "1:1 with Maria Lopez, 5 Mar 2025"
    words: str  # what was searched for

    @property
    def kind(self) -> RecordKind:
        return KINDS[self.version.kind][0]

    @property
    def label(self) -> str:
        return history.field_label(self.version.kind, self.version.field)

    def excerpt(self) -> tuple[str, str, str]:
        """The version's text around the words: before them, the words as written, after."""
        line = " ".join(self.version.text.split())
        wanted = " ".join(self.words.split())
        at = max(0, line.lower().find(wanted.lower()))
        start, end = max(0, at - AROUND), at + len(wanted)
        before = ("…" if start else "") + line[start:at]
        after = line[end : end + AROUND] + ("…" if end + AROUND < len(line) else "")
        return before, line[at:end], after

    def plain(self) -> str:
        """For screen readers and type-ahead."""
        said = QCoreApplication.translate(
            "version_hits", "Earlier version, until {until}, {record}, {field}: {excerpt}"
        )
        return said.format(
            until=until(self.version),
            record=self.record,
            field=self.label,
            excerpt="".join(self.excerpt()),
        )


def find_versions(journal: Journal, words: str) -> list[VersionHit]:
    """Earlier versions holding ``words`` (none for fewer than MIN_CHARS characters)."""
    if len(words.strip()) < MIN_CHARS:
        return []
    found = []
    for version in history.search_versions(journal, words, LIMIT):
        record = record_words(journal, version.kind, version.record_id)
        if record is not None and version.kind in KINDS:
            found.append(VersionHit(version, record, words.strip()))
    return found


def version_html(hit: VersionHit, *, muted: str, mark_bg: str, mark_fg: str) -> str:
    """Two lines like a regular hit's: "Earlier version · <when>" and the record, then the
    words found in the version's text."""
    earlier = QCoreApplication.translate("version_hits", "Earlier version · {until}")
    earlier = html.escape(earlier.format(until=until(hit.version)))
    meta = [
        f"<span style='font-weight:600'>{earlier}</span>",
        *(f"<span style='color:{muted}'>{html.escape(d)}</span>" for d in (hit.record, hit.label)),
    ]
    before, found, after = hit.excerpt()
    mark = f"background-color:{mark_bg}; color:{mark_fg}; font-weight:bold"
    snippet = f"{html.escape(before)}<span style='{mark}'>{html.escape(found)}</span>"
    sep = f"<span style='color:{muted}'> · </span>"
    return (
        f"<div style='margin-bottom:3px'>{sep.join(meta)}</div>"
        f"<div>{snippet}{html.escape(after)}</div>"
    )


def open_version(context: AppContext, window: QWidget, hit: VersionHit) -> None:
    """Open the version's record as its regular hit would, then its History on the version
    (once the record is on screen)."""
    context.open_record.emit(hit.kind, hit.version.record_id)
    QTimer.singleShot(0, lambda: show_history_on(window, hit.version))


def show_history_on(window: QWidget, version: Version) -> HistoryPanel | None:
    """The History of the editor on screen showing ``version``'s record, on that version;
    None if no editor shows it (it could not be opened: the status bar said why)."""
    attribute = KINDS[version.kind][1]
    editors = [
        w
        for w in window.findChildren(QWidget)
        if w.isVisible()
        and callable(getattr(w, "show_history", None))
        and getattr(getattr(w, attribute, None), "id", None) == version.record_id
    ]
    if not editors:
        return None
    editors[0].show_history()  # type: ignore[attr-defined]  # the editor saves its typing first
    for panel in window.findChildren(HistoryPanel):
        if panel.isVisible() and (panel.kind, panel.record_id) == (version.kind, version.record_id):
            panel.select_version(version.field, version.id)
            return panel
    return None
