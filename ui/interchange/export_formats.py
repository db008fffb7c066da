"""The open formats the export dialog offers, and the words it says about each (marked in the
dialog's translation context)."""

from __future__ import annotations

from dataclasses import dataclass

from ui.kit.translation import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Choice:
    """One open format: the core's name, the radio button's text and what it is for."""

    fmt: str
    text: str
    why: str


CHOICES = (
    Choice(
        "markdown",
        QT_TRANSLATE_NOOP("export_dialog", "&Markdown folder"),
        QT_TRANSLATE_NOOP("export_dialog", "readable in Obsidian and any editor"),
    ),
    Choice(
        "json",
        QT_TRANSLATE_NOOP("export_dialog", "&JSON file"),
        QT_TRANSLATE_NOOP("export_dialog", "everything, to import again"),
    ),
    Choice(
        "csv",
        QT_TRANSLATE_NOOP("export_dialog", "C&SV of action items"),
        QT_TRANSLATE_NOOP("export_dialog", "for a spreadsheet"),
    ),
)
SUFFIX = {"json": ".json", "csv": ".csv"}
FILTER = {
    "json": QT_TRANSLATE_NOOP("export_dialog", "JSON (*.json)"),
    "csv": QT_TRANSLATE_NOOP("export_dialog", "CSV (*.csv)"),
}
EXPORT_TEXT = QT_TRANSLATE_NOOP("export_dialog", "&Export without encryption")
WROTE = {  # (a CSV?, one written?): the line said once the export is written
    (True, True): QT_TRANSLATE_NOOP("export_dialog", "Wrote {written} action item to {dest}."),
    (True, False): QT_TRANSLATE_NOOP("export_dialog", "Wrote {written} action items to {dest}."),
    (False, True): QT_TRANSLATE_NOOP("export_dialog", "Wrote {written} record to {dest}."),
    (False, False): QT_TRANSLATE_NOOP("export_dialog", "Wrote {written} records to {dest}."),
}
