"""`iltdesk export --name`: the PDFs meant for someone else carry other people's names as the
principal chose (checked in the PDF's own text), and say who else is named."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from iltdesk.cli.main import main
from iltdesk.cycle import start_cycle, update_cycle
from iltdesk.lead import add_lead
from iltdesk.models.team import IltMeeting, MeetingAttendance
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE
from tests.test_self_check_report import pdf_words

GOAL = "Co-plan the data meeting with Ms. Xu and Sam Okafor before the unit test."


@pytest.fixture
def school(journal_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A closed journal: Maria's cycle names Ms. Xu and Sam; a meeting names Mr. Diaz."""
    with Journal.create(journal_path, PASSPHRASE, school="Riverside Middle") as journal:
        maria = add_lead(journal, "Maria Lopez", role="Team Lead", team="7th grade team").id
        sam = add_lead(journal, "Sam Okafor", role="Team Lead", team="6th grade team").id
        assert maria and sam
        cycle = start_cycle(journal, maria, goal=GOAL, started_on=date.today() - timedelta(9))
        update_cycle(journal, cycle.id or 0, lead_reflection="Sam Okafor's notes helped.")
        with journal.write() as s:
            meeting = IltMeeting(
                held_on=date.today() - timedelta(days=2),
                title="December ILT",
                guiding_questions="What did Mr. Diaz see? What will Sam Okafor try?",
            )
            s.add(meeting)
            s.flush()
            s.add_all(
                [MeetingAttendance(meeting_id=meeting.id or 0, lead_id=i) for i in (maria, sam)]
            )
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    return journal_path


def test_a_cycle_summary_with_names_guarded(
    qapp: QApplication, school: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cycle.pdf"
    given = ["--name", "Ms. Xu=initials", "--name", "Sam Okafor=role"]
    assert main(["export", str(school), "--lead", "Maria", *given, "-o", str(out)]) == 0
    text = pdf_words(out)
    assert "Co-plan the data meeting with Ms. X. and a 6th-grade teacher before" in text
    assert "A 6th-grade teacher's notes helped." in text
    assert "Xu" not in text and "Okafor" not in text and "Sam" not in text
    assert "Maria Lopez" in text  # the lead it is about, as written
    assert "Also named" not in capsys.readouterr().err


def test_unchosen_names_are_kept_and_said(
    qapp: QApplication, school: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cycle.pdf"
    assert main(["export", str(school), "--lead", "Maria", "-o", str(out)]) == 0
    assert "with Ms. Xu and Sam Okafor" in pdf_words(out)
    assert capsys.readouterr().err == (
        "Also named in it: Ms. Xu, Sam Okafor (kept as written; "
        "choose with --name 'NAME=initials|role').\n"
    )


def test_a_meeting_summary_guards_only_people_outside_the_team(
    qapp: QApplication, school: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "meeting.pdf"
    given = ["--name", "Mr. Diaz=role:a district coach"]
    assert main(["export", str(school), "--meeting", "latest", *given, "-o", str(out)]) == 0
    text = pdf_words(out)
    assert "What did a district coach see? What will Sam Okafor try?" in text
    assert "Diaz" not in text
    assert "Also named" not in capsys.readouterr().err


def test_a_bad_name_spec_is_one_line_and_writes_nothing(
    school: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cycle.pdf"
    assert main(["export", str(school), "--lead", "Maria", "--name", "Xu", "-o", str(out)]) == 2
    assert capsys.readouterr().err == (
        "iltdesk: --name 'Xu' is not NAME=keep, NAME=initials or NAME=role[:WORDS].\n"
    )
    assert not out.exists()
