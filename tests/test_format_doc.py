"""docs/format.md stays complete and right: every table and column of the schema is
described in it, and its program for opening a recovery escrow by hand opens a real one."""

from __future__ import annotations

import builtins
import re
import sys
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel

import iltdesk.models  # noqa: F401  (registers every table on SQLModel.metadata)
from iltdesk.framework import NAME_KEYS
from iltdesk.meeting_template import TEMPLATE_KEY
from iltdesk.recovery import kit
from iltdesk.recovery.escrow import new_escrow
from iltdesk.recovery.files import write_escrow
from iltdesk.recovery.key import RecoveryKey
from iltdesk.search_index import CURRENT_SOURCES
from iltdesk.store import salt, verifier
from iltdesk.store.backups.rotation import AUTOMATIC_KEY, FOLDER_KEY
from iltdesk.store.lost_rows import DONE_SETTING
from iltdesk.teacher_team_today import QUIET_WEEKS_SETTING

DOC = Path(__file__).resolve().parent.parent / "docs" / "format.md"
TEXT = DOC.read_text(encoding="utf-8")
HEADING = re.compile(r"^#### `(\w+)`$", re.MULTILINE)


def sections() -> dict[str, str]:
    """Each table's section of the document: from its heading to the next table's."""
    found = list(HEADING.finditer(TEXT))
    ends = [m.start() for m in found[1:]] + [len(TEXT)]
    return {m.group(1): TEXT[m.end() : end] for m, end in zip(found, ends, strict=True)}


def test_every_table_and_column_is_described() -> None:
    described = sections()
    missing: list[str] = []
    for name, table in sorted(SQLModel.metadata.tables.items()):
        if name not in described:
            missing.append(f"table {name}")
            continue
        section = described[name]
        missing += [
            f"{name}.{column.name}" for column in table.columns if f"`{column.name}`" not in section
        ]
    assert missing == [], f"not described in {DOC.name}: {missing}"


def test_every_choice_of_every_column_is_named() -> None:
    described = sections()
    missing = [
        f"{name}.{column.name} = {value}"
        for name, table in SQLModel.metadata.tables.items()
        for column in table.columns
        if isinstance(column.type, sa.Enum)
        for value in column.type.enums
        if f"`{value}`" not in described.get(name, "")
    ]
    assert missing == []


def test_no_table_is_described_that_the_schema_lacks() -> None:
    assert set(sections()) - set(SQLModel.metadata.tables) == set()


def test_every_search_index_kind_is_listed() -> None:
    missing = [
        s.table for s in CURRENT_SOURCES if f"| {s.code} | `{s.kind}` | `{s.table}` |" not in TEXT
    ]
    assert missing == []


def test_the_known_journal_settings_are_listed() -> None:
    keys = [
        verifier.SETTING_KEY,
        salt.SETTING_KEY,
        kit.PUBLIC_KEY,
        kit.MADE_AT,
        kit.ESCROW,
        kit.SEALED_FOR,
        TEMPLATE_KEY,
        *NAME_KEYS.values(),
        QUIET_WEEKS_SETTING,
        AUTOMATIC_KEY,
        FOLDER_KEY,
        DONE_SETTING,
    ]
    assert [k for k in keys if f"`{k}`" not in sections()["journal_setting"]] == []


def test_the_documented_program_opens_a_real_escrow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (program,) = re.findall(r"```python\n(.*?)```", TEXT, re.DOTALL)
    key = RecoveryKey.generate()
    escrow = new_escrow(key, datetime.now(UTC))
    older = unicodedata.normalize("NFD", "première clé d'école")  # typed with combining accents
    escrow.seal(older)
    escrow.seal("the newer passphrase")
    path = tmp_path / "journal.iltdesk-escrow"
    write_escrow(path, escrow)
    # Typed as a person might: lower case, O for zero.
    typed = key.text().lower().replace("0", "o")
    monkeypatch.setattr(builtins, "input", lambda _prompt: typed)
    monkeypatch.setattr(sys, "argv", ["open_escrow.py", str(path)])
    exec(compile(program, "open_escrow.py", "exec"), {"__name__": "__main__"})
    printed = capsys.readouterr().out.splitlines()
    assert printed == ["the newer passphrase", unicodedata.normalize("NFC", older)]
