"""A lead's name typed in another Unicode form (NFD from a macOS terminal, NFC from most
keyboards) still means that lead, in the core and through the real CLI; new names are stored
composed (NFC), so the journal holds one form."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from iltdesk.cli.main import main
from iltdesk.errors import UsageError
from iltdesk.lead import add_lead, find_lead, get_lead, update_lead
from iltdesk.lead_names import name_key, pick_lead
from iltdesk.models import Lead
from iltdesk.one_on_one import one_on_ones_for
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, run_cli
from tests.test_report import make_rich

NFC = unicodedata.normalize("NFC", "Tomás Ortega")
NFD = unicodedata.normalize("NFD", "Tomás Ortega")
FORMS = {"NFC": NFC, "NFD": NFD}
# (how the name is stored, how it is typed): every pairing, the crossed ones most of all.
PAIRS = [(stored, typed) for stored in FORMS for typed in FORMS]


def test_the_two_forms_differ_as_strings() -> None:
    assert NFC != NFD and len(NFD) == len(NFC) + 1  # otherwise these tests test nothing


def store_as(journal: Journal, lead_id: int, name: str) -> None:
    """Put ``name`` in the journal exactly as given, as an older iltdesk (or a sync) may have."""
    with journal.write() as s:
        lead = s.get(Lead, lead_id)
        assert lead is not None
        lead.name = name
        s.add(lead)
    assert get_lead(journal, lead_id).name == name


@pytest.fixture
def school(journal_path: Path) -> Path:
    """A journal with Tomás and another lead; the passphrase in the environment."""
    with Journal.create(journal_path, PASSPHRASE) as journal:
        add_lead(journal, "Tomasz Nowak")
        add_lead(journal, NFC)
    return journal_path


def lead_id_in(path: Path, stored: str) -> int:
    """Store Tomás's name in the form ``stored``; his id."""
    with Journal.open(path, PASSPHRASE) as journal:
        with journal.session() as s:
            lead_id = find_lead(s, "Tomás Ortega").id or 0
        store_as(journal, lead_id, FORMS[stored])
    return lead_id


# -- the core --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("stored", "typed"), PAIRS)
def test_find_lead_matches_either_form(journal: Journal, stored: str, typed: str) -> None:
    lead = add_lead(journal, "Tomás Ortega")
    add_lead(journal, "Tomasz Nowak")
    store_as(journal, lead.id or 0, FORMS[stored])

    with journal.session() as s:
        for wanted in (FORMS[typed], FORMS[typed].upper(), f"  {FORMS[typed][:5]} "):
            assert find_lead(s, wanted).id == lead.id, wanted


def test_pick_lead_matches_either_form_in_the_quick_path() -> None:
    rows = [(1, NFD), (2, "Tomasz Nowak"), (3, "Ana Tomás")]
    assert pick_lead(rows, NFC, lambda row: row[1])[0] == 1
    assert pick_lead([(1, NFC), *rows[1:]], NFD.casefold(), lambda row: row[1])[0] == 1
    with pytest.raises(UsageError, match="more than one lead: Ana Tomás, Tomás Ortega"):
        pick_lead([(1, NFC), *rows[1:]], unicodedata.normalize("NFD", "Tomás"), lambda r: r[1])


def test_case_and_form_fold_together() -> None:
    # Folding can decompose again: "ǰ" has no capital, so "J̌" folds to j + caron.
    assert name_key("J\u030c") == name_key("\u01f0") == name_key("\u01f0".upper())
    assert name_key(f"  {NFD.upper()} ") == name_key(NFC)


def test_new_and_renamed_leads_are_stored_composed(journal: Journal) -> None:
    lead = add_lead(journal, f" {NFD} ")
    assert get_lead(journal, lead.id or 0).name == NFC

    renamed = unicodedata.normalize("NFD", "Zoë Ångström")
    update_lead(journal, lead.id or 0, name=renamed, role=" Math ")
    stored = get_lead(journal, lead.id or 0)
    assert stored.name == unicodedata.normalize("NFC", "Zoë Ångström") and stored.role == "Math"
    rows = journal.execute("SELECT name FROM lead")
    assert [unicodedata.is_normalized("NFC", row[0]) for row in rows] == [True]


# -- the real CLI ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("stored", "typed"), PAIRS)
def test_cli_note_finds_the_lead_typed_in_either_form(
    school: Path, stored: str, typed: str
) -> None:
    lead_id = lead_id_in(school, stored)

    done = run_cli(
        "note",
        str(school),
        "--lead",
        FORMS[typed],
        f"typed {typed}",
        env={"ILTDESK_PASSPHRASE": PASSPHRASE},
    )

    assert done.returncode == 0, done.stderr
    with Journal.open(school, PASSPHRASE) as journal:
        assert [m.notes for m in one_on_ones_for(journal, lead_id)] == [f"typed {typed}"]


def test_cli_leads_lists_a_name_typed_decomposed_in_one_form(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with Journal.create(journal_path, PASSPHRASE) as journal:
        add_lead(journal, NFD)
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    capsys.readouterr()

    assert main(["leads", str(journal_path), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [lead["name"] for lead in listed] == [NFC]


@pytest.mark.parametrize(("stored", "typed"), [("NFC", "NFD"), ("NFD", "NFC")])
def test_cli_export_finds_the_lead_typed_in_the_other_form(
    qapp: QApplication,
    journal_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    stored: str,
    typed: str,
) -> None:
    with Journal.create(journal_path, PASSPHRASE) as journal:
        lead_id = make_rich(journal).lead_id
        store_as(journal, lead_id, FORMS[stored])
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "tomas.pdf"

    assert main(["export", str(journal_path), "--lead", FORMS[typed], "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Amara Okafor", "Amara"),
        ("Dr. Amara Okafor", "Dr. Okafor"),
        ("dr Amara Okafor", "dr Okafor"),
        ("Ms Lee", "Ms Lee"),
        ("Dr.", "Dr."),
        ("  Tomás  ", "Tomás"),
        ("", "the lead"),
    ],
)
def test_a_sentence_names_a_lead_by_first_name_or_title_and_surname(name: str, short: str) -> None:
    from iltdesk.lead_names import short_name

    assert short_name(name) == short
