"""The command line says the core's words in the user's language when a catalogue ships for
it (iltdesk/translation.py), and looks for none in English."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from iltdesk import translation
from iltdesk.cli.main import main
from iltdesk.store.journal import Journal
from tests.catalogues import LRELEASE, compile_catalogue
from tests.conftest import PASSPHRASE

FRENCH_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="fr_FR"><context><name>messages</name>
<message><source>{error} Check Caps Lock.</source>
<translation>{error} Vérifiez la touche Verr. Maj.</translation></message>
</context></TS>
"""


@pytest.fixture
def english_after() -> Iterator[None]:
    yield
    translation.use(None)


@pytest.fixture
def french_catalogue(tmp_path: Path) -> Path:
    """A resources folder holding a French catalogue, as one would ship."""
    if not LRELEASE.exists():
        pytest.skip("pyside6-lrelease is not installed")
    (tmp_path / "fr.ts").write_text(FRENCH_TS, encoding="utf-8")
    return compile_catalogue(tmp_path / "fr.ts", tmp_path / "resources")


def test_catalogue_names_go_from_the_territory_to_the_language() -> None:
    assert translation.catalogue_names("pt_BR") == ["iltdesk_pt_BR.qm", "iltdesk_pt.qm"]
    assert translation.catalogue_names("fr") == ["iltdesk_fr.qm"]


def test_a_french_command_line_says_the_core_words_in_french(
    journal_path: Path,
    french_catalogue: Path,
    monkeypatch: pytest.MonkeyPatch,
    locale: Callable[[str], None],
    capsys: pytest.CaptureFixture[str],
    english_after: None,
) -> None:
    Journal.create(
        journal_path, PASSPHRASE, school="Riverside Middle", principal="A. Rivera"
    ).close()
    monkeypatch.setattr("iltdesk.cli.main.resources_dir", lambda: french_catalogue)
    monkeypatch.setenv("ILTDESK_PASSPHRASE", "not the passphrase at all")
    locale("fr_CA")  # no fr_CA catalogue: the language's own is used
    code = main(["check", str(journal_path)])
    assert code == 3
    assert capsys.readouterr().err.rstrip().endswith("Vérifiez la touche Verr. Maj.")


def test_english_looks_for_no_catalogue(
    monkeypatch: pytest.MonkeyPatch, locale: Callable[[str], None], english_after: None
) -> None:
    def not_looked_for() -> Path:
        raise AssertionError("an English command line looked for a catalogue")

    for name in ("en_US", "en_GB", "C"):
        locale(name)
        assert translation.for_command_line(not_looked_for) is False
    assert translation.translate("messages", "{error} Check Caps Lock.") == (
        "{error} Check Caps Lock."
    )


def test_a_locale_with_no_catalogue_keeps_english(
    french_catalogue: Path, locale: Callable[[str], None], english_after: None
) -> None:
    locale("de_DE")
    assert translation.for_command_line(lambda: french_catalogue) is False
    assert translation.translate("messages", "{error} Check Caps Lock.") == (
        "{error} Check Caps Lock."
    )
