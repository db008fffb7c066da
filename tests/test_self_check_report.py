"""The self-check's PDF for the ILT: ratings per rater, gaps, trends, the ends; never a note."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from iltdesk.errors import UsageError
from iltdesk.report import build_self_check_html, write_pdf
from iltdesk.self_check import check_ins, record_check
from iltdesk.self_check_items import CURRENT_SET
from iltdesk.store.journal import Journal

PRIVATE = ("Worried about Dana's workload", "Norms feel hollow lately", "Delegation is thin")


def words(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def pdf_words(path: Path) -> str:
    """The PDF's text, by pdftotext where it is installed (else pypdf)."""
    if tool := shutil.which("pdftotext"):
        out = subprocess.run([tool, str(path), "-"], capture_output=True, text=True, check=True)
        return words(out.stdout)
    return words(" ".join(page.extract_text() for page in PdfReader(path).pages))


def ratings(default: int, **changed: int) -> dict[str, int]:
    return {key: changed.get(key, default) for key in CURRENT_SET.item_keys}


def two_raters(journal: Journal) -> None:
    """Autumn and winter: the principal alone, then the team a few days later, each time."""
    record_check(journal, ratings(2), taken_on=date(2025, 9, 22), note=PRIVATE[0])
    record_check(journal, ratings(3), taken_on=date(2025, 9, 30), taken_by="team")
    record_check(
        journal,
        ratings(3, watch_floor_time=4, delegate_across_team=1),
        taken_on=date(2026, 1, 12),
        notes={"school_culture": PRIVATE[1], "talent": PRIVATE[2]},
    )
    record_check(
        journal,
        ratings(3, watch_floor_time=1, delegate_across_team=1),
        taken_on=date(2026, 1, 20),
        taken_by="team",
    )


def test_the_report_holds_both_raters_gaps_trends_and_no_private_note(
    qtbot: QtBot, journal: Journal, tmp_path: Path
) -> None:
    two_raters(journal)
    html = build_self_check_html(journal)  # the latest: January's pair
    text = words(_doc_text(html))
    for expected in (
        "How often do you and your team",
        "Just me",
        "With the team",
        "Notice how often you hold the floor, and make sure every voice is heard",
        "Personal leadership",
        "Seen most differently",
        "just me always, the team rarely",
        "Trend: just me",
        "Trend: with the team",
        "Strongest and weakest areas",
    ):
        assert expected in text, expected
    for secret in PRIVATE:
        assert secret not in html

    pages = write_pdf(html, tmp_path / "self-check.pdf", journal=journal.path)
    assert pages >= 1
    shown = pdf_words(tmp_path / "self-check.pdf")
    assert "Just me beside the team" in shown
    assert "Trend: with the team" in shown
    for secret in PRIVATE:
        assert secret not in shown


def _doc_text(html: str) -> str:
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


def test_a_chosen_period_and_a_lone_rater(qtbot: QtBot, journal: Journal) -> None:
    with pytest.raises(UsageError, match="Nothing to export yet"):
        build_self_check_html(journal)
    two_raters(journal)
    september_team = check_ins(journal)[1]
    text = words(_doc_text(build_self_check_html(journal, september_team.check.id)))
    assert "Rated just me on" in text and "22 September 2025" in text
    assert "20 January 2026" not in text  # the trend stops at the chosen period
    record_check(journal, ratings(1), taken_on=date(2026, 5, 4))
    alone = words(_doc_text(build_self_check_html(journal)))
    assert "nothing to set side by side" in alone


def test_an_older_check_in_is_reported_with_the_question_it_was_asked(journal: Journal) -> None:
    from iltdesk.self_check_items import SET_1

    record_check(journal, ratings(2), taken_on=date(2026, 1, 12))
    journal.execute("UPDATE self_check SET item_set = 1")  # as migration 0004 marks older ones
    for old, new in zip(SET_1.item_keys, CURRENT_SET.item_keys, strict=True):  # same areas
        journal.execute("UPDATE self_check_answer SET item = ? WHERE item = ?", (old, new))
    html = words(build_self_check_html(journal))
    assert SET_1.stem in html and CURRENT_SET.stem not in html
