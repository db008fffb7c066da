"""Learning-cycle summaries: what they hold, and the PDF they make, on real encrypted journals."""

from __future__ import annotations

import stat
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QFontDatabase, QTextDocument
from PySide6.QtWidgets import QApplication

from iltdesk.cycle import close_cycle, log_activity, start_cycle, update_cycle
from iltdesk.demo import build_demo
from iltdesk.errors import UsageError
from iltdesk.growth import record_energy
from iltdesk.lead import add_lead, find_lead
from iltdesk.models import ActivityKind, Outcome
from iltdesk.observation import ObservationNotes, add_observation
from iltdesk.report import (
    DEFAULT_SECTIONS,
    Cycles,
    ReportRequest,
    Section,
    build_html,
    cycles_for_export,
    ensure_fonts,
    parse_cycle_choice,
    parse_sections,
    print_document,
    render_pdf,
    write_pdf,
)
from iltdesk.store.journal import Journal

TODAY = date.today()

# What each section shows, for the rich cycle below: every phrase is unique to its section.
SHOWN = {
    Section.intention: (
        "Every team meeting ends with an owned next step",
        "Four of five meetings end with a written step",
        "One of five meetings ended with a step",
        "Meetings drift into scheduling talk",
        "Indicator 3d",
    ),
    Section.learning: ("Read the chapter on decisive meetings", "decisions, not discussions"),
    Section.observations: (
        "Timer rang at minute twenty-five",
        "Close with one step and one owner",
        "Keep the timer for two more weeks",
    ),
    Section.outcome: ("Five of six meetings closed with a step",),
    Section.lead_reflection: ("The timer felt silly at first",),
    Section.principal_reflection: ("She needed permission to close",),
    Section.next_goal: ("Open each meeting by checking the last step",),
    Section.energy: ("Tired after report cards",),
}


@dataclass(frozen=True)
class Rich:
    lead_id: int
    cycle_id: int


def words(text: str) -> str:
    """Text with every run of white space as one space (pypdf puts tabs and newlines about)."""
    return " ".join(text.split())


def pdf_text(path: Path, password: str | None = None) -> list[str]:
    reader = PdfReader(path)
    if password is not None:
        reader.decrypt(password)
    return [words(page.extract_text()) for page in reader.pages]


def make_rich(journal: Journal) -> Rich:
    """A lead with one closed cycle holding something in every section."""
    lead = add_lead(journal, "Maria Lopez", role="Math lead", team="7th grade team")
    assert lead.id is not None
    start = TODAY - timedelta(days=40)
    cycle = start_cycle(journal, lead.id, goal=SHOWN[Section.intention][0], started_on=start)
    assert cycle.id is not None
    update_cycle(
        journal,
        cycle.id,
        success_measure=SHOWN[Section.intention][1],
        baseline_quantitative=SHOWN[Section.intention][2],
        baseline_qualitative=SHOWN[Section.intention][3],
        focus_indicator=SHOWN[Section.intention][4] + " — Using assessment",
        outcome=Outcome.met,
        outcome_evidence=SHOWN[Section.outcome][0] + ".",
        lead_reflection=SHOWN[Section.lead_reflection][0] + ".",
        principal_reflection=SHOWN[Section.principal_reflection][0] + ".",
        next_goal=SHOWN[Section.next_goal][0] + ".",
    )
    log_activity(
        journal,
        cycle.id,
        ActivityKind.book_study,
        title=SHOWN[Section.learning][0],
        notes="She liked **decisions, not discussions** best.",
        happened_on=start + timedelta(days=3),
    )
    evidence, feedback, step = SHOWN[Section.observations]
    notes = ObservationNotes(
        evidence=f"- 0:25 {evidence}.\n- 0:26 Team laughed.",
        feedback=feedback + ".",
        action_step=step + ".",
        observed_on=start + timedelta(days=10),
        follow_up_on=start + timedelta(days=17),
    )
    add_observation(journal, lead.id, notes, cycle_id=cycle.id)
    record_energy(journal, lead.id, 2, SHOWN[Section.energy][0] + ".", on=start + timedelta(days=5))
    record_energy(journal, lead.id, 4, "Before the cycle began.", on=start - timedelta(days=5))
    close_cycle(journal, cycle.id, on=TODAY - timedelta(days=2))
    return Rich(lead.id, cycle.id)


def export(journal: Journal, rich: Rich, path: Path, sections: frozenset[Section]) -> list[str]:
    html = build_html(journal, ReportRequest(rich.lead_id, (rich.cycle_id,), sections))
    render_pdf(html, path, journal=journal.path, replace=True)  # as after "Replace?" Yes
    return pdf_text(path)


@pytest.fixture
def rich(journal: Journal) -> Rich:
    return make_rich(journal)


# -- what a summary holds -----------------------------------------------------------------------


def test_default_summary_shows_every_chosen_section_and_no_private_one(
    qapp: QApplication, journal: Journal, rich: Rich, tmp_path: Path
) -> None:
    text = " ".join(export(journal, rich, tmp_path / "summary.pdf", DEFAULT_SECTIONS))
    for section in DEFAULT_SECTIONS:
        for phrase in SHOWN[section]:
            assert phrase in text, (section, phrase)
    for phrase in ("Riverside Middle", "A. Rivera", "Maria Lopez", "Math lead", "7th grade team"):
        assert phrase in text
    assert SHOWN[Section.principal_reflection][0] not in text
    assert SHOWN[Section.energy][0] not in text
    assert "Before the cycle began" not in text


def test_private_sections_appear_only_when_chosen(
    qapp: QApplication, journal: Journal, rich: Rich, tmp_path: Path
) -> None:
    everything = " ".join(export(journal, rich, tmp_path / "all.pdf", frozenset(Section)))
    for phrases in SHOWN.values():
        assert all(phrase in everything for phrase in phrases)
    assert "Before the cycle began" not in everything  # an energy check outside the cycle

    chosen = frozenset({Section.intention, Section.energy})
    text = " ".join(export(journal, rich, tmp_path / "some.pdf", chosen))
    for section, phrases in SHOWN.items():
        for phrase in phrases:
            assert (phrase in text) == (section in chosen), (section, phrase)


def test_every_page_has_the_footer_and_each_cycle_starts_a_page(
    qapp: QApplication, journal: Journal, tmp_path: Path
) -> None:
    build_demo(journal, today=TODAY)
    with journal.session() as s:
        lead = find_lead(s, "Yolanda Brooks")
    assert lead.id is not None
    ids = cycles_for_export(journal, lead.id, which=Cycles.ALL)
    assert len(ids) == 2
    html = build_html(journal, ReportRequest(lead.id, ids, frozenset(Section)))
    path = tmp_path / "yolanda.pdf"
    pages = write_pdf(html, path)
    text = pdf_text(path)
    assert len(text) == pages > 2
    for number, page in enumerate(text, start=1):
        assert "Confidential" in page
        assert f"Page {number} of {pages}" in page
        assert "ALDER CREEK MIDDLE SCHOOL" in page
    first = next(i for i, page in enumerate(text) if "Learning cycle 1" in page)
    second = next(i for i, page in enumerate(text) if "Learning cycle 2" in page)
    assert first < second
    assert "Learning cycle 1" not in text[second]


def test_fonts_are_embedded(
    qapp: QApplication, journal: Journal, rich: Rich, tmp_path: Path
) -> None:
    export(journal, rich, tmp_path / "summary.pdf", DEFAULT_SECTIONS)
    fonts = []
    for page in PdfReader(tmp_path / "summary.pdf").pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                fonts.append((str(font["/BaseFont"]), "/FontFile2" in descriptor))
    assert fonts
    assert all(embedded for _, embedded in fonts)
    assert any("DejaVu" in name for name, _ in fonts)


def test_a_password_locks_the_pdf_with_aes_256(
    qapp: QApplication, journal: Journal, rich: Rich, tmp_path: Path
) -> None:
    html = build_html(journal, ReportRequest(rich.lead_id, (rich.cycle_id,), DEFAULT_SECTIONS))
    path = tmp_path / "locked.pdf"
    render_pdf(html, path, password="tell me more")
    assert SHOWN[Section.intention][0].encode() not in path.read_bytes()
    reader = PdfReader(path)
    assert reader.is_encrypted
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert encrypt["/V"] == 5 and encrypt["/R"] == 6
    with pytest.raises(FileNotDecryptedError):
        reader.pages[0].extract_text()
    assert not reader.decrypt("wrong password")
    assert SHOWN[Section.intention][0] in " ".join(pdf_text(path, "tell me more"))


def test_markdown_in_notes_is_formatting_not_asterisks(
    qapp: QApplication, journal: Journal, rich: Rich, tmp_path: Path
) -> None:
    html = build_html(journal, ReportRequest(rich.lead_id, (rich.cycle_id,), DEFAULT_SECTIONS))
    assert "<b>decisions, not discussions</b>" in html
    text = " ".join(export(journal, rich, tmp_path / "summary.pdf", DEFAULT_SECTIONS))
    assert "decisions, not discussions" in text
    assert "*" not in text


def test_what_was_typed_is_escaped(qapp: QApplication, journal: Journal) -> None:
    lead = add_lead(journal, "Sam <script>alert(1)</script> & Co")
    assert lead.id is not None
    cycle = start_cycle(journal, lead.id, goal='<img src="x"> & <b>not bold</b>')
    assert cycle.id is not None
    html = build_html(journal, ReportRequest(lead.id, (cycle.id,), DEFAULT_SECTIONS))
    assert "<script>" not in html and "<img" not in html and "<b>not bold</b>" not in html
    assert "Sam &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html


def test_long_words_greek_and_japanese_wrap_and_extract(
    qapp: QApplication, journal: Journal, tmp_path: Path
) -> None:
    long_word = "Unbreakable" + "x" * 240
    greek = "Η ομάδα συζήτησε τα δεδομένα της τάξης με προσοχή"
    japanese = "チームは生徒の作品を見ながら次の一歩を決めました"
    lead = add_lead(journal, "Ελένη Παπαδοπούλου", team="数学チーム")
    assert lead.id is not None
    cycle = start_cycle(journal, lead.id, goal=f"{greek} {long_word}")
    assert cycle.id is not None
    log_activity(journal, cycle.id, ActivityKind.other, title=long_word, notes=japanese)
    notes = ObservationNotes(evidence=f"{long_word} {japanese}", feedback=greek)
    add_observation(journal, lead.id, notes, cycle_id=cycle.id)
    html = build_html(journal, ReportRequest(lead.id, (cycle.id,), DEFAULT_SECTIONS))

    doc = print_document(html)
    doc.setPageSize(QSizeF(500, 700))
    assert doc.documentLayout().documentSize().width() <= 501  # nothing pushes past the page

    path = tmp_path / "wide.pdf"
    render_pdf(html, path)
    text = " ".join(pdf_text(path))
    assert greek in text and "Ελένη Παπαδοπούλου" in text
    assert long_word in "".join(text.split())  # wrapped anywhere, so rejoin the pieces
    if QFontDatabase.families(QFontDatabase.WritingSystem.Japanese):
        assert japanese in "".join(text.split())


def test_the_pdf_is_private_and_alone_in_its_folder(
    qapp: QApplication, journal: Journal, rich: Rich, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "summary.pdf"
    path.write_bytes(b"an older export")
    path.chmod(0o644)
    export(journal, rich, path, DEFAULT_SECTIONS)
    assert [p.name for p in folder.iterdir()] == ["summary.pdf"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_bytes().startswith(b"%PDF")
    with pytest.raises(UsageError, match="no folder"):
        render_pdf("<p>x</p>", tmp_path / "missing" / "summary.pdf")
    with pytest.raises(UsageError, match="folder"):
        render_pdf("<p>x</p>", folder)


def test_print_document_uses_the_bundled_font(qapp: QApplication) -> None:
    family = ensure_fonts()
    assert family == ensure_fonts() == "DejaVu Sans"
    doc = print_document("<p>Hello</p>")
    assert isinstance(doc, QTextDocument)
    assert doc.defaultFont().family() == family
    assert doc.toPlainText() == "Hello"


def test_an_open_cycle_says_what_is_still_to_come(qapp: QApplication, journal: Journal) -> None:
    lead = add_lead(journal, "Maria Lopez")
    assert lead.id is not None
    cycle = start_cycle(journal, lead.id, goal="A goal")
    assert cycle.id is not None
    update_cycle(journal, cycle.id, lead_reflection="Going well so far.")
    html = build_html(journal, ReportRequest(lead.id, (cycle.id,), DEFAULT_SECTIONS))
    assert "Still to come when the cycle closes: how it went and where we go next." in html
    assert "How it went" not in html and "Going well so far." in html


# -- choosing cycles and sections ---------------------------------------------------------------


def test_cycles_for_export(qapp: QApplication, journal: Journal) -> None:
    maria = add_lead(journal, "Maria Lopez").id
    other = add_lead(journal, "Omar Diaz").id
    assert maria is not None and other is not None
    with pytest.raises(UsageError, match="Nothing to export yet: Maria has no learning cycle"):
        cycles_for_export(journal, maria)
    old = start_cycle(journal, maria, started_on=TODAY - timedelta(days=400)).id
    first = start_cycle(journal, maria, started_on=TODAY - timedelta(days=90)).id
    latest = start_cycle(journal, maria, started_on=TODAY - timedelta(days=10)).id
    theirs = start_cycle(journal, other).id
    assert cycles_for_export(journal, maria) == (latest,)
    assert cycles_for_export(journal, maria, which=Cycles.ALL) == (first, latest)
    assert cycles_for_export(journal, maria, which=old or 0) == (old,)
    with pytest.raises(UsageError, match="no learning cycle #"):
        cycles_for_export(journal, maria, which=theirs or 0)
    # The command line's words, read once into a choice.
    assert parse_cycle_choice(" Latest ") is Cycles.LATEST
    assert parse_cycle_choice("all") is Cycles.ALL
    assert parse_cycle_choice("#12") == 12
    for text in ("newest", "²", "1" * 30, ""):
        with pytest.raises(UsageError, match="latest, all or a cycle number"):
            parse_cycle_choice(text)
    with pytest.raises(UsageError, match="no learning cycle #"):
        build_html(journal, ReportRequest(maria, (theirs or 0,), DEFAULT_SECTIONS))


def test_a_lead_without_a_cycle_has_nothing_to_export(journal: Journal) -> None:
    """What can be exported is the core's rule: a summary needs a learning cycle."""
    from iltdesk.report import NothingToExport, check_exportable

    lead = add_lead(journal, "Dr. Amara Okafor").id or 0
    with pytest.raises(NothingToExport) as raised:
        check_exportable(journal, lead)
    assert str(raised.value) == (
        "Nothing to export yet: Dr. Okafor has no learning cycle. "
        "Start one on the Learning cycles tab."
    )
    assert isinstance(raised.value, UsageError)  # the CLI's usage exit code, the app's message
    start_cycle(journal, lead)
    check_exportable(journal, lead)  # now there is something


def test_sections() -> None:
    assert Section.principal_reflection not in DEFAULT_SECTIONS
    assert Section.energy not in DEFAULT_SECTIONS
    assert Section.conversation_notes not in DEFAULT_SECTIONS
    private = {Section.principal_reflection, Section.energy, Section.conversation_notes}
    assert DEFAULT_SECTIONS | private == set(Section)
    assert parse_sections(" intention,energy ") == {Section.intention, Section.energy}
    with pytest.raises(UsageError, match="choose from intention, learning"):
        parse_sections("intention,feelings")
    with pytest.raises(UsageError, match="at least one"):
        parse_sections(" , ")


def test_a_title_stays_with_the_surname(qapp: QApplication, journal: Journal) -> None:
    lead = add_lead(journal, "Dr. Amara Okafor")
    assert lead.id is not None
    cycle = start_cycle(journal, lead.id, goal="Shorter data meetings")
    assert cycle.id is not None
    update_cycle(journal, cycle.id, lead_reflection="It worked.")
    html = build_html(journal, ReportRequest(lead.id, (cycle.id,), DEFAULT_SECTIONS))
    assert "Dr. Okafor" in html and "Dr.’s" not in html and "Dr.'s" not in html
