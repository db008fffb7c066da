"""`iltdesk kit` and `iltdesk recover` on real journals: the way back in when the passphrase is
forgotten, which never stands in the passphrase's way and never changes a journal it does
not open."""

from __future__ import annotations

import hashlib
import io
import os
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from iltdesk import keychain
from iltdesk.cli.main import main
from iltdesk.errors import WrongPassphrase
from iltdesk.lead import add_lead
from iltdesk.one_on_one import add_quick_note
from iltdesk.recovery.files import escrow_paths, read_escrow
from iltdesk.recovery.key import ALPHABET, RecoveryKey
from iltdesk.recovery.kit import install_kit
from iltdesk.store.backups import backup
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, run_cli

CANARY = "zebracanary7731"
NEW = "a brand new passphrase"


def make_kit(journal: Path, secret: str = PASSPHRASE) -> str:
    """Make ``journal``'s kit in the core (no sheet); return its key as printed."""
    key = RecoveryKey.generate()
    with Journal.open(journal, secret) as opened:
        install_kit(opened, key, secret, datetime.now().replace(microsecond=0))
    return key.text()


def recover(journal: Path, key: str, new: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("ILTDESK_RECOVERY_KEY", key)
    monkeypatch.setenv("ILTDESK_NEW_PASSPHRASE", new)
    return main(["recover", str(journal)])


def opens_with(journal: Path, secret: str) -> bool:
    try:
        Journal.open(journal, secret).close()
    except WrongPassphrase:
        return False
    return True


def fingerprint(journal: Path) -> dict[str, str]:
    """The bytes of every file beside the journal (and in its backups folder)."""
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(journal.parent.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def kept(journal_path: Path) -> Path:
    """A closed journal with one lead and no kit."""
    with Journal.create(journal_path, PASSPHRASE) as journal:
        add_lead(journal, "Rosa Delgado", role="Team Lead")
    return journal_path


def test_round_trip_init_kit_forget_recover_and_read_back_in_a_fresh_process(
    journal_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    assert main(["init", str(journal_path), "--remember"]) == 0
    assert f"iltdesk kit {journal_path} -o recovery-sheet.pdf" in capsys.readouterr().out
    with Journal.open(journal_path, PASSPHRASE) as journal:
        add_lead(journal, "Rosa Delgado", role="Team Lead")
        add_quick_note(journal, "Rosa", f"Talked about the {CANARY} reading plan.")
    monkeypatch.delenv("ILTDESK_PASSPHRASE")  # the keychain's passphrase makes the kit
    sheet = tmp_path / "sheet.pdf"
    assert main(["kit", str(journal_path), "-o", str(sheet), "--print-key"]) == 0
    out, err = capsys.readouterr()
    key = RecoveryKey.parse(out.strip())  # stdout holds the key alone
    assert out == f"{key.text()}\n" and f"to {sheet}; older recovery sheets" in err
    text = " ".join(PdfReader(io.BytesIO(sheet.read_bytes())).pages[0].extract_text().split())
    assert key.text() in text and journal_path.name in text
    assert str(journal_path) in "".join(text.split())
    assert CANARY not in "".join(text.split()).lower()  # the sheet holds no note content

    assert recover(journal_path, key.text().lower().replace("-", " "), NEW, monkeypatch) == 0
    out = capsys.readouterr().out
    assert "it now has the new passphrase" in out and "keychain now holds the new" in out
    assert keychain.recall(journal_path) == NEW
    sealed = read_escrow(escrow_paths(journal_path)[0])
    assert sealed is not None and sealed.open(key)[0] == NEW  # the same sheet still works
    assert not opens_with(journal_path, PASSPHRASE)
    found = run_cli("search", str(journal_path), CANARY, env={"ILTDESK_PASSPHRASE": NEW})
    assert found.returncode == 0, found.stderr
    assert "Rosa Delgado" in found.stdout and CANARY in found.stdout
    assert main(["check", str(journal_path)]) == 0  # from the keychain, with the new one
    assert "Recovery kit: made" in capsys.readouterr().out


def test_recovery_after_a_passphrase_change_and_after_restoring_an_older_backup(
    kept: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = make_kit(kept)
    with Journal.open(kept, PASSPHRASE) as journal:
        backup(journal, tmp_path / "before.iltdesk")  # opens with PASSPHRASE
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("ILTDESK_NEW_PASSPHRASE", "second passphrase")
    assert main(["passwd", str(kept)]) == 0
    monkeypatch.delenv("ILTDESK_PASSPHRASE")
    assert recover(kept, key, "third passphrase", monkeypatch) == 0
    assert opens_with(kept, "third passphrase")

    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    assert main(["restore", str(tmp_path / "before.iltdesk"), str(kept), "--force"]) == 0
    monkeypatch.delenv("ILTDESK_PASSPHRASE")
    assert recover(kept, key, "fourth passphrase", monkeypatch) == 0
    with Journal.open(kept, "fourth passphrase") as journal:
        assert [lead.name for lead in _leads(journal)] == ["Rosa Delgado"]


def _leads(journal: Journal) -> list[object]:
    from iltdesk.lead import lead_summaries

    return list(lead_summaries(journal))


def test_a_wrong_key_or_a_typo_is_exit_3_and_changes_nothing(
    kept: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    key = make_kit(kept)
    before = fingerprint(kept)
    other = RecoveryKey.generate().text()
    assert recover(kept, other, NEW, monkeypatch) == 3
    assert "belongs to another kit" in capsys.readouterr().err
    swapped = next(c for c in ALPHABET if c != key[0])
    assert recover(kept, swapped + key[1:], NEW, monkeypatch) == 3
    err = capsys.readouterr().err
    assert "typo" in err and "journal was not changed" in err and "Caps Lock" not in err
    monkeypatch.delenv("ILTDESK_RECOVERY_KEY")
    assert main(["recover", str(kept)]) == 2  # nobody at a terminal to type it
    assert "No recovery key: run in a terminal" in capsys.readouterr().err
    assert fingerprint(kept) == before
    assert opens_with(kept, PASSPHRASE)


@pytest.mark.parametrize(
    "damage", ["deleted", "garbage", "truncated", "symlink", "folder"], ids=str
)
def test_a_missing_or_damaged_escrow_never_stands_in_the_passphrases_way(
    kept: Path,
    damage: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    key = make_kit(kept)
    for place in escrow_paths(kept):
        whole = place.read_text()
        place.unlink()
        if damage == "garbage":
            place.write_bytes(os.urandom(700))
        elif damage == "truncated":
            place.write_text(whole[: len(whole) // 2])
        elif damage == "symlink":
            place.symlink_to(kept)
        elif damage == "folder":
            place.mkdir()
    assert recover(kept, key, NEW, monkeypatch) == 3
    err = capsys.readouterr().err
    assert "No recovery escrow was found" in err and "Traceback" not in err
    assert opens_with(kept, PASSPHRASE)
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    assert main(["check", str(kept)]) == 0
    out = capsys.readouterr().out
    assert "OK (passphrase" in out and "is missing" in out  # the kit's state is told


def test_kit_refuses_to_write_its_sheet_over_the_journals_files(
    kept: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    key = make_kit(kept)
    link = tmp_path / "link.pdf"
    link.symlink_to(kept)
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    escrow = escrow_paths(kept)[0]
    for dest in (kept, Path(f"{kept}-wal"), escrow, tmp_path, Path("/dev/null"), link):
        assert main(["kit", str(kept), "-o", str(dest), "--force"]) == 2, dest
    assert "iltdesk:" in capsys.readouterr().err
    monkeypatch.delenv("ILTDESK_PASSPHRASE")
    assert recover(kept, key, NEW, monkeypatch) == 0  # the old kit still stands


def test_help_lists_kit_and_recover_with_their_exit_code(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "kit " in out and "recover " in out
    assert "3  wrong passphrase or recovery key, or no recovery escrow" in out
