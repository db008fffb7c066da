"""A lead's record as a PDF: its sections, contents page and bookmarks, the days it covers and
what it leaves private, on one real encrypted journal shared by the module's tests."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from iltdesk.agreement import AgreementTerms, Expectation, record_version
from iltdesk.cycle import close_cycle, start_cycle, update_cycle
from iltdesk.errors import UsageError
from iltdesk.growth import add_trait, record_energy, set_resolved
from iltdesk.lead import add_lead
from iltdesk.models import Author, ExpectationKind, Outcome, TraitKind
from iltdesk.observation import ObservationNotes, add_observation
from iltdesk.one_on_one import add_next_step, get_one_on_one, save_one_on_one, start_one_on_one
from iltdesk.report.record_report import TITLES, build_record_html
from iltdesk.report.record_request import (
    RECORD_DEFAULT,
    DateRange,
    NothingInRange,
    RecordRequest,
    RecordSection,
    first_half,
    parse_record_sections,
    school_year,
    second_half,
)
from iltdesk.report.render import write_pdf
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE
from tests.test_report import pdf_text

BASE = date.today() - timedelta(days=320)
SINCE, UNTIL = BASE + timedelta(days=100), BASE + timedelta(days=220)
IN_TALK = "Walked through the spring testing calendar"
OUT_TALK = "Planned the winter data day together"  # held before SINCE
IN_SEEN = "Opened the data meeting with the norms"
OUT_SEEN = "Ran the team meeting without an agenda"  # after UNTIL
STRENGTH = "Builds trust with new teachers"
OLD_GROWTH = "Lets meetings run over"  # resolved before SINCE
GOAL = "Every data meeting ends with a dated reteach plan"
PRIVATE = "I nearly took the meeting over"
ENERGY = "Worn out after report cards"
PLANNING = "Open with what the data shows"
RANGE = DateRange(SINCE, UNTIL)
LONG_TALKS = 20  # enough 1:1s for the layout to be cut in parts (record_report.PART_SIZE)


@dataclass(frozen=True)
class Made:
    lead_id: int


def make_record(journal: Journal) -> Made:
    """Maria's year: 1:1s, observations, a trait in and one out of the range, a closed cycle,
    two agreement versions, an energy check; and another lead she names."""
    lead = add_lead(journal, "Maria Lopez", role="Math lead", team="7th grade team").id or 0
    add_lead(journal, "Marcus Feld", role="Team Lead", team="6th grade team")
    for held, said in ((BASE + timedelta(days=60), OUT_TALK), (SINCE + timedelta(days=5), IN_TALK)):
        meeting = start_one_on_one(journal, lead, held_on=held)
        save_one_on_one(journal, meeting.id or 0, notes=f"{said}. Marcus Feld joined at the end.")
    add_next_step(
        journal,
        get_one_on_one(journal, meeting.id or 0),
        "Send the calendar to the team",
        owner=Author.lead,
        due_on=SINCE + timedelta(days=12),
    )
    for i in range(LONG_TALKS):
        talk = start_one_on_one(journal, lead, held_on=SINCE + timedelta(days=10 + 4 * i))
        notes = "\n".join(f"- Point {n} of check-in {i}: where the team stands." for n in range(9))
        save_one_on_one(journal, talk.id or 0, notes=notes)
    for seen, evidence in (
        (SINCE + timedelta(days=20), IN_SEEN),
        (UNTIL + timedelta(days=9), OUT_SEEN),
    ):
        add_observation(
            journal, lead, ObservationNotes(evidence=evidence, observed_on=seen), cycle_id=None
        )
    add_trait(journal, lead, TraitKind.strength, STRENGTH, noted_on=SINCE + timedelta(days=3))
    old = add_trait(journal, lead, TraitKind.growth, OLD_GROWTH, noted_on=BASE)
    set_resolved(journal, old.id or 0, True, on=BASE + timedelta(days=30))
    cycle = start_cycle(journal, lead, goal=GOAL, started_on=SINCE + timedelta(days=2)).id or 0
    update_cycle(
        journal,
        cycle,
        outcome=Outcome.met,
        outcome_evidence="Five of six plans dated",
        principal_reflection=PRIVATE,
    )
    close_cycle(journal, cycle, on=SINCE + timedelta(days=40))
    for agreed, cadence in (
        (BASE, "Weekly on Tuesdays"),
        (SINCE + timedelta(days=30), "Every two weeks"),
    ):
        terms = AgreementTerms(
            meeting_cadence=cadence,
            expectations=(Expectation("Start on time", ExpectationKind.non_negotiable),),
            agreed_on=agreed,
            revisit_on=agreed + timedelta(days=90),
        )
        record_version(journal, lead, terms)
    record_energy(journal, lead, 2, ENERGY, on=SINCE + timedelta(days=8))
    return Made(lead)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Journal, Made]]:
    path = tmp_path_factory.mktemp("record") / "school.iltdesk"
    with Journal.create(path, PASSPHRASE, school="Riverside Middle", principal="A. Rivera") as j:
        yield j, make_record(j)


def _pdf(
    made: tuple[Journal, Made],
    path: Path,
    sections: frozenset[RecordSection] = RECORD_DEFAULT,
    span: DateRange = RANGE,
    password: str | None = None,
) -> list[str]:
    journal, ids = made
    html = build_record_html(journal, RecordRequest(ids.lead_id, span, sections))
    write_pdf(html, path, password=password, replace=True)
    return pdf_text(path, password)


def _outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(level, title, page from 0) of every bookmark, in order."""
    found: list[tuple[int, str, int]] = []

    def walk(items: list[object], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item.title, reader.get_destination_page_number(item)))  # type: ignore[attr-defined, arg-type]

    walk(reader.outline, 1)
    return found


def test_contents_and_bookmarks_point_where_each_section_is(
    qapp: QApplication, made: tuple[Journal, Made], tmp_path: Path
) -> None:
    pages = _pdf(made, tmp_path / "record.pdf")
    assert "Contents" in pages[0]
    marks = _outline(PdfReader(tmp_path / "record.pdf"))
    top = {title: page for level, title, page in marks if level == 1}
    for section in RECORD_DEFAULT:
        title = TITLES.get(section)
        if title is None:
            continue  # a part of the cycles (private ones are not chosen here)
        listed = re.search(re.escape(title) + r" (\d+)", pages[0])
        assert listed, title
        assert int(listed.group(1)) == top[title] + 1, title  # the contents say the right page
        assert pages[top[title]].startswith(title), title  # the section opens its page
    assert "Energy and load" not in top  # private: not chosen
    talks = [(title, page) for level, title, page in marks if title.startswith("1:1 on")]
    assert len(talks) == LONG_TALKS + 1  # the one before the range is left out
    for title, page in talks:  # the layout was cut in parts: each still lands where it says
        assert title in pages[page], title
    assert ("Learning cycle 1", top["Learning cycles"]) in [(t, p) for _, t, p in marks]
    assert [t for lv, t, _ in marks if lv == 2 and t.startswith("Version")] == [
        f"Version 2, agreed {(SINCE + timedelta(days=30)).day} "
        f"{(SINCE + timedelta(days=30)):%b %Y}",
        f"Version 1, agreed {BASE.day} {BASE:%b %Y}",
    ]


def test_the_range_leaves_out_what_is_outside_it(
    qapp: QApplication, made: tuple[Journal, Made], tmp_path: Path
) -> None:
    text = " ".join(_pdf(made, tmp_path / "range.pdf"))
    for shown in (IN_TALK, IN_SEEN, STRENGTH, GOAL, "Every two weeks", "Weekly on Tuesdays"):
        assert shown in text, shown
    for left_out in (OUT_TALK, OUT_SEEN, OLD_GROWTH):
        assert left_out not in text, left_out
    everything = " ".join(_pdf(made, tmp_path / "all.pdf", span=DateRange()))
    for shown in (OUT_TALK, OUT_SEEN, OLD_GROWTH):
        assert shown in everything, shown


def test_private_sections_only_when_chosen(
    qapp: QApplication, made: tuple[Journal, Made], tmp_path: Path
) -> None:
    text = " ".join(_pdf(made, tmp_path / "default.pdf"))
    assert PRIVATE not in text and ENERGY not in text
    assert "Left out as private" in text
    chosen = RECORD_DEFAULT | {RecordSection.principal_reflection, RecordSection.energy}
    text = " ".join(_pdf(made, tmp_path / "private.pdf", chosen))
    assert PRIVATE in text and ENERGY in text and "Energy and load" in text


def test_a_password_keeps_the_bookmarks(
    qapp: QApplication, made: tuple[Journal, Made], tmp_path: Path
) -> None:
    path = tmp_path / "locked.pdf"
    text = " ".join(_pdf(made, path, frozenset({RecordSection.cycles}), password="hand-over"))
    assert GOAL in text and IN_TALK not in text
    reader = PdfReader(path)
    assert reader.is_encrypted
    reader.decrypt("hand-over")
    assert [(lv, t) for lv, t, _ in _outline(reader)] == [
        (1, "Learning cycles"),
        (2, "Learning cycle 1"),
    ]


def test_nothing_in_the_range_is_refused(made: tuple[Journal, Made]) -> None:
    journal, ids = made
    later = DateRange(date.today() + timedelta(days=30), None)
    with pytest.raises(NothingInRange, match="Nothing to put in Maria's record"):
        build_record_html(journal, RecordRequest(ids.lead_id, later, RECORD_DEFAULT))
    quiet = DateRange(BASE + timedelta(days=61), BASE + timedelta(days=62))
    only_talks = frozenset({RecordSection.one_on_ones})
    with pytest.raises(NothingInRange):
        build_record_html(journal, RecordRequest(ids.lead_id, quiet, only_talks))


def test_ranges_and_sections_in_words() -> None:
    assert school_year(date(2027, 3, 9)) == DateRange(date(2026, 8, 1), date(2027, 3, 9))
    assert first_half(date(2027, 3, 9)) == DateRange(date(2026, 8, 1), date(2027, 1, 31))
    assert first_half(date(2026, 9, 9)) == DateRange(date(2026, 8, 1), date(2026, 9, 9))
    assert second_half(date(2027, 3, 9)) == DateRange(date(2027, 2, 1), date(2027, 3, 9))
    assert second_half(date(2026, 9, 9)) == DateRange(date(2026, 2, 1), date(2026, 7, 31))
    assert DateRange(date(2026, 8, 1), None).words() == "Since 1 Aug 2026"
    with pytest.raises(UsageError, match=r"starts \(2 Aug 2026\) after it ends"):
        DateRange(date(2026, 8, 2), date(2026, 8, 1))
    assert parse_record_sections("overview, cycles") == {
        RecordSection.overview,
        RecordSection.cycles,
    }
    with pytest.raises(UsageError, match="Unknown section notes; choose from overview"):
        parse_record_sections("notes")


def test_each_part_of_a_long_record_starts_below_the_part_before(
    qapp: QApplication, made: tuple[Journal, Made]
) -> None:
    """The layout is cut in parts that share pages: none may be painted over another."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPdfWriter

    from iltdesk.report import flow, render

    journal, ids = made
    html = build_record_html(journal, RecordRequest(ids.lead_id, RANGE, RECORD_DEFAULT))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    page = render.Page(writer)
    parts = flow._lay_out(flow.split(html), writer, page)
    following = [part for part in parts if not part.fresh]
    assert len(following) >= 2  # the 1:1s were cut in parts
    for part in following:
        heading = part.doc.begin().next()  # after the empty line that pushes it down
        top = part.doc.documentLayout().blockBoundingRect(heading).top()
        assert heading.blockFormat().headingLevel() == 2
        assert top >= part.offset or top >= page.body.height(), (top, part.offset)


def test_each_page_number_sits_on_its_titles_line(
    qapp: QApplication, made: tuple[Journal, Made]
) -> None:
    from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument

    from iltdesk.report.outline import _scan

    journal, ids = made
    doc = QTextDocument()
    doc.setHtml(build_record_html(journal, RecordRequest(ids.lead_id, RANGE, RECORD_DEFAULT)))
    doc.setTextWidth(600)

    def baseline(block: QTextBlock) -> float:
        top = doc.documentLayout().blockBoundingRect(block).top()  # lays the block out first
        line = block.layout().lineAt(0)
        return top + line.y() + line.ascent()

    numbers = _scan(doc)[1].values()
    assert len(numbers) >= 6
    for number in numbers:
        cursor = QTextCursor(number)
        table = cursor.currentTable()
        title = table.cellAt(table.cellAt(cursor).row(), 0).firstCursorPosition().block()
        assert abs(baseline(title) - baseline(number)) < 0.5, title.text()
