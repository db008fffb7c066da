"""A translation made from the code itself reaches what a person reads (issue 23).

Qt's extractor reads every marked string of ``ui/`` and the core into a catalogue; each is
"translated" as itself between ⟦ ⟧ and compiled. Then, in that locale, the command line's help
and errors, the core's labels and a PDF report's headings come out translated: the marks, their
contexts and the places that translate a marked constant agree.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from iltdesk import translation
from iltdesk.cli.main import main
from tests.catalogues import LRELEASE, compile_catalogue
from tests.unmarked_words import core_files

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
LUPDATE = BIN / "pyside6-lupdate"
pytestmark = pytest.mark.skipif(
    not (LUPDATE.exists() and LRELEASE.exists()), reason="Qt's translation tools are missing"
)


def pseudo(text: str) -> str:
    return f"⟦{text}⟧"


@pytest.fixture(scope="module")
def pseudo_resources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A resources folder with ``iltdesk_fr.qm``: every marked string, as ⟦itself⟧."""
    work = tmp_path_factory.mktemp("pseudo")
    sources = work / "sources.lst"
    files = [*sorted((REPO / "ui").rglob("*.py")), *core_files()]
    sources.write_text("\n".join(str(p) for p in files), encoding="utf-8")
    ts = work / "iltdesk_fr.ts"
    made = subprocess.run(
        [str(LUPDATE), f"@{sources}", "-ts", str(ts)], capture_output=True, text=True, check=False
    )
    assert made.returncode == 0, made.stderr
    tree = ET.parse(ts)
    for message in tree.iter("message"):
        source, target = message.find("source"), message.find("translation")
        assert source is not None and target is not None
        target.text = pseudo(source.text or "")
        target.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return compile_catalogue(ts, work / "resources")


@pytest.fixture
def in_pseudo(
    pseudo_resources: Path, monkeypatch: pytest.MonkeyPatch, locale: Callable[[str], None]
) -> Iterator[Path]:
    """The command line and the core in the pseudo-translation (a French locale)."""
    monkeypatch.setattr("iltdesk.cli.main.resources_dir", lambda: pseudo_resources)
    locale("fr_FR")
    assert translation.for_command_line(lambda: pseudo_resources)
    yield pseudo_resources
    translation.use(None)


def test_the_command_lines_help_is_translated(
    in_pseudo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "⟦A principal's private, encrypted journal" in out
    assert out.count("⟦") >= 10, out
    assert main(["export", "--help"]) == 0
    assert capsys.readouterr().out.count("⟦") >= 5


def test_the_core_errors_reach_the_command_line_translated(
    in_pseudo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "a folder.iltdesk"
    folder.mkdir()
    code = main(["check", str(folder)])
    err = capsys.readouterr().err
    assert code != 0 and "⟦" in err, err


def test_labels_and_sentences_of_the_core_are_translated(in_pseudo: Path) -> None:
    from iltdesk.cycle import phase_title
    from iltdesk.errors import WrongPassphrase
    from iltdesk.messages import not_opened
    from iltdesk.models import CyclePhase
    from iltdesk.record_kinds import RecordKind
    from iltdesk.search import kind_label
    from iltdesk.self_check_items import CURRENT_SET
    from iltdesk.today_words import Section, section

    assert not_opened(WrongPassphrase("x")) == pseudo("{error} Check Caps Lock.").format(error="x")
    assert all(kind_label(kind).startswith("⟦") for kind in RecordKind)
    assert all(section(which).startswith("⟦") for which in Section)
    assert all(phase_title(p).startswith("⟦") for p in CyclePhase)
    shown = [CURRENT_SET.stem, *(area.title for area in CURRENT_SET.areas)]
    shown += [item.text for area in CURRENT_SET.areas for item in area.items]
    assert len(shown) > 15 and all(text.startswith("⟦") for text in shown)


def test_a_pdf_reports_headings_are_translated(in_pseudo: Path, journal_path: Path) -> None:
    from iltdesk import report
    from iltdesk.demo import build_demo
    from iltdesk.lead import lead_summaries
    from iltdesk.store.journal import Journal
    from tests.conftest import PASSPHRASE

    with Journal.create(journal_path, PASSPHRASE) as journal:
        build_demo(journal, entries=40)
        lead = next(s for s in lead_summaries(journal) if s.active)
        cycles = report.cycles_for_export(journal, lead.id, which=report.Cycles.ALL)
        html = report.build_html(
            journal, report.ReportRequest(lead.id, cycles, report.DEFAULT_SECTIONS)
        )
    headings = re.findall(r"<(h[1-3]|th)\b[^>]*>(.*?)</\1>", html, re.S)
    assert len(headings) >= 10, html[:2000]
    untranslated = [text for _tag, text in headings if "⟦" not in text]
    assert untranslated == [], untranslated
