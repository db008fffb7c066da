"""Saving a report as a PDF from its dialog: the system's Save dialog, then the writing off
the UI thread; one way for the cycle summary's, the record's, the recap's and the ILT
meeting's dialogs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from iltdesk.errors import JournalError
from iltdesk.report.render import render_pdf
from ui.kit.worker import Progress, run_modal


def ask_pdf_path(parent: QWidget, title: str, stem: str) -> tuple[Path, bool] | None:
    """Where to save (suggesting ``stem``.pdf in the home folder), and whether the person was
    asked about replacing that very file; None when they cancelled."""
    suggested = Path.home() / f"{stem}.pdf".replace("/", "-")
    chosen, _ = QFileDialog.getSaveFileName(
        parent, title, str(suggested), QCoreApplication.translate("pdf_save", "PDF (*.pdf)")
    )
    if not chosen:
        return None
    path = Path(chosen if chosen.lower().endswith(".pdf") else f"{chosen}.pdf")
    # The save dialog asked before replacing what was chosen (not a name we added ".pdf"
    # to); the core still refuses the journal's own files, folders and devices.
    return path, path == Path(chosen)


def write_pdf_file(
    parent: QWidget, html: str, path: Path, password: str | None, journal: Path, *, replace: bool
) -> str | None:
    """Write the PDF (locked with ``password``, if given) off the UI thread; None when it
    was written, else the line saying why not."""

    def write(progress: Progress) -> None:
        render_pdf(html, path, password=password, journal=journal, replace=replace)

    try:
        run_modal(parent, QCoreApplication.translate("pdf_save", "Writing the PDF…"), write)
    except (JournalError, OSError) as exc:
        failed = QCoreApplication.translate("pdf_save", "The PDF could not be written: {error}")
        return failed.format(error=exc)
    return None


def saved_line(path: Path, password: str | None) -> str:
    if password:
        return _saved_locked(path)
    return QCoreApplication.translate("pdf_save", "Saved {path}").format(path=path)


def _saved_locked(path: Path) -> str:
    saved = QCoreApplication.translate("pdf_save", "Saved {path}, locked with its password")
    return saved.format(path=path)


def save_report(
    parent: QWidget,
    title: str,
    stem: str,
    html: str,
    password: str | None,
    journal: Path,
    say: Callable[[str], None],
) -> Path | None:
    """Ask where, write the PDF, and ``say`` how it went; the path written, or None."""
    where = ask_pdf_path(parent, title, stem)
    if where is None:
        return None
    path, replace = where
    failed = write_pdf_file(parent, html, path, password, journal, replace=replace)
    say(failed or saved_line(path, password))
    return None if failed else path


def print_to_locked_file(
    parent: QWidget,
    html: str,
    path: Path,
    password: str | None,
    journal: Path,
    fault: str,
    say: Callable[[str], None],
) -> None:
    """With the password box ticked, "Print to File" writes the locked PDF the dialog's Save
    writes, never Qt's unlocked one; ``fault`` says why the password is not ready (empty
    when it is). The print dialog asked before replacing the file."""
    if fault:
        unwritten = QCoreApplication.translate("pdf_save", "{fault} Nothing was written to {path}.")
        say(unwritten.format(fault=fault, path=path))
        return
    failed = write_pdf_file(parent, html, path, password, journal, replace=True)
    say(failed or _saved_locked(path))
