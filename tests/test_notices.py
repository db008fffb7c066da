"""The third-party notices come from the installed distributions' metadata (issue 23): the
runtime closure of iltdesk, each with its licence and texts, and what ships inside them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from iltdesk import notices
from tests.conftest import REPO

DEV_ONLY = {"pytest", "pytest-qt", "pytest-xdist", "hypothesis", "ruff", "mypy", "wordfreq"}


@pytest.fixture(scope="module")
def collected() -> list[notices.Notice]:
    return notices.collect()


def _keys(found: list[notices.Notice]) -> set[str]:
    return {notices._key(n.name) for n in found}


def test_the_runtime_closure_follows_requirements_but_not_extras() -> None:
    names = {notices._key(d.metadata["Name"]) for d in notices.runtime_closure()}
    # direct requirements, and theirs (keyring -> jaraco.classes, cryptography -> cffi)
    assert {"pyside6-essentials", "shiboken6", "sqlcipher3", "sqlalchemy", "keyring"} <= names
    assert {"jaraco-classes", "cffi", "secretstorage"} <= names
    assert not names & DEV_ONLY
    assert "iltdesk" not in names
    if sys.platform != "win32":
        assert "tzdata" not in names  # only for Windows, by its marker


def test_every_distribution_names_its_licence_and_carries_its_text(
    collected: list[notices.Notice],
) -> None:
    for notice in collected:
        assert notice.licence, notice.name
        assert notice.texts or notice.note, notice.name
        for _name, text in notice.texts:
            assert text.strip(), notice.name


@pytest.mark.parametrize(
    ("component", "words"),
    [
        ("Qt", "GNU LESSER GENERAL PUBLIC LICENSE"),
        ("SQLCipher", "ZETETIC LLC"),
        ("OpenSSL", "Apache License"),
        ("Python", "PYTHON SOFTWARE FOUNDATION"),
        ("DejaVu fonts", "Bitstream"),
    ],
)
def test_what_ships_inside_the_distributions_has_its_notice(
    collected: list[notices.Notice], component: str, words: str
) -> None:
    [notice] = [n for n in collected if n.name == component]
    assert any(words.lower() in text.lower() for _, text in notice.texts)


def test_the_file_holds_iltdesks_own_licence_and_a_section_a_component(
    collected: list[notices.Notice],
) -> None:
    text = notices.render(collected)
    assert "MIT License" in text.split(notices.RULE)[0]
    sections = notices.parse(text)
    assert [title for title, _ in sections] == [n.title for n in collected]
    qt = dict(sections)[next(n.title for n in collected if n.name == "Qt")]
    assert "LGPL-3.0-only" in qt and "GNU LESSER GENERAL PUBLIC LICENSE" in qt


def test_the_bundles_file_is_read_when_there_is_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = tmp_path / notices.NOTICES_FILE
    bundled.write_text(notices.render([notices.Notice("Thing", "1.0", "MIT", "")]))
    monkeypatch.setattr(notices, "bundled_file", lambda: bundled)
    assert notices.third_party_text() == bundled.read_text()
    # and iltdesk's own licence is found in it when neither metadata nor a checkout has it
    monkeypatch.setattr(notices, "OWN_DISTRIBUTION", "no-such-distribution")
    monkeypatch.setattr(notices, "__file__", str(tmp_path / "iltdesk" / "notices.py"))
    assert notices.own_licence_text().startswith("MIT License")


def test_markers_without_packaging_skip_extras_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "packaging.markers", None)  # import fails
    assert not notices._marker_holds('extra == "dev"')
    assert notices._marker_holds('sys_platform == "win32"')  # skipped later if not installed


def test_the_command_writes_the_file(tmp_path: Path) -> None:
    out = tmp_path / "bundle" / notices.NOTICES_FILE
    done = subprocess.run(
        [sys.executable, str(REPO / "tools" / "third_party_notices.py"), str(out)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=True,
    )
    assert "components" in done.stdout
    titles = [title for title, _ in notices.parse(out.read_text(encoding="utf-8"))]
    assert "Qt" in {t.split()[0] for t in titles} and any(t.startswith("SQLCipher") for t in titles)
