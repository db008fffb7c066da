"""One Markdown: a note prints the way the editor reads it (Qt's reader, the same features)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from iltdesk.cycle import start_cycle
from iltdesk.lead import add_lead
from iltdesk.observation import ObservationNotes, add_observation
from iltdesk.report import DEFAULT_SECTIONS, ReportRequest, build_html, print_document, render_pdf
from iltdesk.report.markdown import (
    FEATURES,
    note_html,
    plain_text,
    read_markdown,
    write_markdown,
)
from iltdesk.store.journal import Journal
from tests.test_report import pdf_text

# What a principal writes: a bullet inside a numbered item, a table, a fenced code block,
# emphasis, and HTML that must print as typed (the editor stores a typed "&amp;" as "\&amp;").
NOTE = """Opened with **the agenda** and *a timer*.

1. Reviewed the exit tickets
   - Nested point about fractions
   - Second nested point
2. Chose one next step

| Group | Tickets |
|-------|--------:|
| Blue table | 14 |
| Red table | 9 |

```
step = owner + deadline
```

Typed <script>alert(1)</script> and <b>not bold</b> and \\&amp; as text.
"""


def test_a_note_prints_as_it_was_written(
    qapp: QApplication, journal: Journal, tmp_path: Path
) -> None:
    lead = add_lead(journal, "Maria Lopez")
    assert lead.id is not None
    cycle = start_cycle(journal, lead.id, goal="Meetings end with a step")
    assert cycle.id is not None
    add_observation(journal, lead.id, ObservationNotes(evidence=NOTE), cycle_id=cycle.id)
    html = build_html(journal, ReportRequest(lead.id, (cycle.id,), DEFAULT_SECTIONS))
    assert "<script>" not in html and "<b>not bold</b>" not in html
    path = tmp_path / "summary.pdf"
    render_pdf(html, path)
    text = " ".join(pdf_text(path))

    parent, nested = text.index("Reviewed the exit tickets"), text.index("Nested point about")
    assert parent < nested < text.index("Second nested point") < text.index("Chose one next")
    for cell in ("Group", "Tickets", "Blue table", "14", "Red table", "9"):
        assert cell in text
    assert "step = owner + deadline" in text and "```" not in text
    assert "the agenda" in text and "a timer" in text and "*" not in text
    assert "Typed <script>alert(1)</script> and <b>not bold</b> and &amp; as text." in text


def test_the_report_reads_a_note_as_the_editor_does(qapp: QApplication) -> None:
    plain = QTextDocument()
    plain.setMarkdown(NOTE, FEATURES)
    ours = QTextDocument()
    read_markdown(ours, NOTE)
    assert ours.toPlainText() == plain.toPlainText()
    assert "<script>alert(1)</script>" in plain.toPlainText()  # raw HTML is not interpreted
    # ...and the HTML the report writes from that reading holds the same text.
    printed = print_document(note_html(NOTE))
    assert printed.toPlainText().strip() == plain.toPlainText().strip()


def test_what_the_editor_writes_reads_back_the_same(qapp: QApplication) -> None:
    typed = QTextDocument()
    typed.setPlainText("Tom &amp; Jerry <b>x</b> *not bold*")
    again = QTextDocument()
    read_markdown(again, write_markdown(typed))
    assert again.toPlainText() == typed.toPlainText()
    assert FEATURES & QTextDocument.MarkdownFeature.MarkdownNoHTML


def test_plain_text_is_what_a_note_says_without_its_marks(qapp: QApplication) -> None:
    text = plain_text("## Check-in\n- **Energy**: a *busy* week with [parents](https://x.org)")
    assert text.split("\n") == ["Check-in", "Energy: a busy week with parents"]
    assert plain_text("Typed <b>not bold</b> and 2024 as written") == (
        "Typed <b>not bold</b> and 2024 as written"
    )
    assert plain_text("  \n") == ""
