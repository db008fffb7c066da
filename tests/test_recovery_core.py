"""The recovery kit's core (iltdesk/recovery/) on real journals: the key a person types back,
the escrow sealed to it, where the escrow files live and how they heal, and recovery itself,
which either opens the journal with a new passphrase or changes nothing at all."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from iltdesk.errors import NoEscrow, UsageError, WrongPassphrase, WrongRecoveryKey
from iltdesk.lead import add_lead
from iltdesk.recovery import kit
from iltdesk.recovery.escrow import MAX_FILE_BYTES, Entry, Escrow, new_escrow
from iltdesk.recovery.files import escrow_paths, read_escrow, write_escrow
from iltdesk.recovery.key import ALPHABET, RecoveryKey, kit_id
from iltdesk.recovery.kit import Place, heal, install_kit
from iltdesk.recovery.recover import recover
from iltdesk.store.backups import backup, backups_dir, restore
from iltdesk.store.journal import Journal
from iltdesk.store.rekey import rekey
from tests.conftest import PASSPHRASE

SECOND = "a second passphrase, after the summer"
FORGOTTEN_WITH = "the passphrase chosen on the recovery day"
NOW = datetime(2026, 9, 1, 8, 0)


def new_journal(
    path: Path, key: RecoveryKey | None = None, passphrase: str = PASSPHRASE
) -> Journal:
    """A new open journal with one lead, and (with ``key``) a recovery kit made for it."""
    journal = Journal.create(path, passphrase, school="Riverside Middle")
    add_lead(journal, "Rosa Delgado")
    if key is not None:
        install_kit(journal, key, passphrase, NOW)
    return journal


def make_journal(path: Path, key: RecoveryKey | None = None, passphrase: str = PASSPHRASE) -> Path:
    new_journal(path, key, passphrase).close()
    return path


def names(journal: Journal) -> list[str]:
    with journal:
        return [name for (name,) in journal.execute("SELECT name FROM lead")]


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


# -- the key --------------------------------------------------------------------------------


def test_the_key_reads_back_however_it_is_typed() -> None:
    key = RecoveryKey(bytes.fromhex("00" * 4 + "84" * 8 + "ff" * 8))  # holds both 0 and 1
    text = key.text()
    assert len(text.split("-")) == 9 and all(len(g) == 4 for g in text.split("-"))
    assert "0" in text and "1" in text
    typed = [
        text,
        text.lower(),
        text.replace("-", ""),
        text.replace("-", " "),
        "  " + text.replace("-", " – ").lower() + "\n",
        text.replace("0", "O").replace("1", "I"),
        text.replace("0", "o").replace("1", "l"),
        text.replace("1", "L"),
    ]
    for variant in typed:
        assert RecoveryKey.parse(variant) == key, variant
    fresh = RecoveryKey.generate()
    assert RecoveryKey.parse(fresh.text()) == fresh
    for bad in ("", text[:-1], text + "A", text.replace(text[0], "U", 1), text[:-2] + "?!"):
        with pytest.raises(WrongRecoveryKey):
            RecoveryKey.parse(bad)


def typos(plain: str) -> list[str]:
    """Every single substitution of ``plain``, and every swap of two neighbouring characters."""
    swapped = [
        plain[:i] + plain[i + 1] + plain[i] + plain[i + 2 :]
        for i in range(len(plain) - 1)
        if plain[i] != plain[i + 1]
    ]
    return [
        *(
            plain[:i] + c + plain[i + 1 :]
            for i in range(len(plain))
            for c in ALPHABET
            if c != plain[i]
        ),
        *swapped,
    ]


def test_a_single_wrong_character_almost_never_slips_through() -> None:
    """Every single substitution at every position (and every swap of neighbours) of several
    keys: each is caught by the checksum or, rarely, reads as a key of another kit, never as
    this kit's key (which would hide the typo)."""
    rng = random.Random(20)
    tried = slipped = substitutions = 0
    for _ in range(12):
        key = RecoveryKey(rng.randbytes(20))
        plain = key.text().replace("-", "")
        for typed in typos(plain):
            tried += 1
            try:
                read = RecoveryKey.parse(typed)
            except WrongRecoveryKey:
                continue
            slipped += 1
            assert read.public_bytes() != key.public_bytes()  # another kit, never this one
        substitutions += len(plain) * (len(ALPHABET) - 1)
    assert substitutions == 12 * 36 * 31
    print(f"{slipped} of {tried} single typos ({substitutions} substitutions) read as a key")
    assert slipped / tried < 0.01, f"{slipped} of {tried} typos read as a valid key"


# -- the escrow -----------------------------------------------------------------------------


def test_the_escrow_opens_only_with_its_key() -> None:
    key, other = RecoveryKey.generate(), RecoveryKey.generate()
    escrow = new_escrow(key, NOW)
    escrow.seal(PASSPHRASE)
    escrow.seal(SECOND)
    again = Escrow.loads(escrow.dumps())
    assert again.open(key) == [SECOND, PASSPHRASE]  # newest first
    assert again.kit == escrow.kit and len(again.kit) == 9
    assert again.open(other) == []
    text = escrow.dumps()
    assert PASSPHRASE not in text and SECOND not in text


def test_damaged_entries_are_skipped() -> None:
    key = RecoveryKey.generate()
    escrow = new_escrow(key, NOW)
    for passphrase in ("first", "second", "third"):
        escrow.seal(passphrase)
    third, second, first = escrow.entries
    flipped = bytes([second.sealed[0] ^ 1]) + second.sealed[1:]
    escrow.entries = [
        third,
        Entry(second.ephemeral, second.nonce, flipped),
        Entry(first.ephemeral, first.nonce, first.sealed[:-3]),  # cut short
        Entry(bytes(32), first.nonce, first.sealed),  # an all-zero (low-order) point
        first,
    ]
    assert Escrow.loads(escrow.dumps()).open(key) == ["third", "first"]


def valid_escrow_text() -> str:
    escrow = new_escrow(RecoveryKey.generate(), NOW)
    escrow.seal(PASSPHRASE)
    return escrow.dumps()


UNREADABLE: dict[str, bytes] = {
    "empty": b"",
    "garbage": bytes(random.Random(1).randbytes(4000)),
    "not JSON": b"recovery key: 7KQ2-...",
    "a JSON list": b"[1, 2, 3]",
    "a JSON string": b'"iltdesk recovery escrow"',
    "another format": json.dumps({"format": "other", "version": 1}).encode(),
    "nested lists": b"[" * 100_000 + b"]" * 100_000,
    "nested objects": b'{"a":' * 40_000 + b"1" + b"}" * 40_000,
    "a huge number": b'{"format": ' + b"9" * 200_000 + b"}",
    "huge": b" " * (MAX_FILE_BYTES + 1) + valid_escrow_text().encode(),
    "entries not a list": valid_escrow_text().replace('"entries": [', '"entries": {"x": [').encode()
    + b"}",
    "bad base64": valid_escrow_text().replace('"nonce": "', '"nonce": "!').encode(),
    "not UTF-8": b'{"format": "\xff\xfe"}',
}


def test_unreadable_escrows_are_refused_quietly(tmp_path: Path) -> None:
    path = tmp_path / "school.iltdesk-escrow"
    for name, data in UNREADABLE.items():
        path.write_bytes(data)
        assert read_escrow(path) is None, name
    text = valid_escrow_text().encode()
    for cut in range(0, len(text), 7):  # every truncation a crash or a full disk could leave
        path.write_bytes(text[:cut])
        assert read_escrow(path) is None
    path.write_bytes(text)
    assert read_escrow(path) is not None


# -- making the kit and recovering ----------------------------------------------------------


def test_a_wrong_passphrase_makes_no_kit(journal_path: Path) -> None:
    with new_journal(journal_path) as journal:
        before = journal.settings()
        with pytest.raises(WrongPassphrase):
            install_kit(journal, RecoveryKey.generate(), "not the passphrase", NOW)
        assert journal.settings() == before
        assert kit.status(journal).has_kit is False
    assert not any(p.exists() for p in escrow_paths(journal_path))


def test_recovery_after_a_passphrase_change(journal_path: Path) -> None:
    key = RecoveryKey.generate()
    journal = new_journal(journal_path, key)
    assert all(read_escrow(p) is not None for p in escrow_paths(journal_path))
    rekey(journal, SECOND).close()
    for place in escrow_paths(journal_path):  # sealed into both places with the change
        found = read_escrow(place)
        assert found is not None and found.open(key) == [SECOND, PASSPHRASE]
    # The passphrase is forgotten; the sheet's key, typed loosely, gets back in.
    assert names(recover(journal_path, key.text().lower().replace("-", " "), FORGOTTEN_WITH)) == [
        "Rosa Delgado"
    ]
    with pytest.raises(WrongPassphrase):
        Journal.open(journal_path, SECOND)
    # ... and the recovery sealed the new passphrase too: the same sheet works again.
    assert names(recover(journal_path, key.text(), "and once more")) == ["Rosa Delgado"]
    assert names(Journal.open(journal_path, "and once more")) == ["Rosa Delgado"]


def test_recovery_and_heal_after_a_restore_from_an_older_backup(journal_path: Path) -> None:
    key = RecoveryKey.generate()
    journal = new_journal(journal_path, key)
    saved = journal_path.parent / "by-hand" / "before-the-change.iltdesk"
    assert backup(journal, saved).ok
    rekey(journal, SECOND).close()
    restore(saved, journal_path, PASSPHRASE, force=True)  # opens with the earlier passphrase
    assert names(recover(journal_path, key.text(), FORGOTTEN_WITH)) == ["Rosa Delgado"]
    # The escrow files lost, the backup restored again: the next unlock writes them back.
    for place in escrow_paths(journal_path):
        place.unlink()
    restore(saved, journal_path, PASSPHRASE, force=True)
    with Journal.open(journal_path, PASSPHRASE) as journal:
        assert len(kit.status(journal).warnings()) == 2  # both places told as missing
        # A journal whose escrow was not sealed for its passphrase (as after a change by a
        # build before the kit sealed it): the next unlock seals it.
        journal.set_settings({kit.SEALED_FOR: ""})
        places = heal(journal, PASSPHRASE).places
        assert [place for _, place in places] == [Place.KEPT, Place.KEPT]
        settings = journal.settings()
        assert settings[kit.SEALED_FOR] == settings["passphrase_verifier"]
        assert kit.status(journal).warnings() == []
    for place in escrow_paths(journal_path):
        found = read_escrow(place)
        assert found is not None and found.open(key)[0] == PASSPHRASE


def test_an_older_journal_never_replaces_a_newer_kits_escrow(journal_path: Path) -> None:
    first = RecoveryKey.generate()
    saved = journal_path.parent / "by-hand" / "b.iltdesk"
    with new_journal(journal_path, first) as journal:
        assert backup(journal, saved).ok
        newer = RecoveryKey.generate()
        install_kit(journal, newer, PASSPHRASE, NOW + timedelta(days=30))  # the old sheet lost
    shutil.copyfile(saved, journal_path)  # put back by hand: the file knows only the first kit
    with Journal.open(journal_path, PASSPHRASE) as journal:
        places = heal(journal, PASSPHRASE).places
    assert [place for _, place in places] == [Place.OTHER_KIT, Place.OTHER_KIT]
    for place in escrow_paths(journal_path):
        found = read_escrow(place)
        assert found is not None and found.recipient == newer.public_bytes()
    with pytest.raises(WrongRecoveryKey):  # the shredded sheet's kit has no escrow left
        recover(journal_path, first.text(), FORGOTTEN_WITH)
    with recover(journal_path, newer.text(), FORGOTTEN_WITH) as journal:
        status = kit.status(journal)  # the journal now seals to the sheet in hand
    assert status.kit == kit_id(newer.public_bytes())
    assert [place for _, place in status.places] == [Place.KEPT, Place.KEPT]


def test_escrow_files_are_private(journal_path: Path) -> None:
    os.umask(0)  # whatever the umask (the keep_umask fixture puts it back)
    make_journal(journal_path, RecoveryKey.generate())
    for place in escrow_paths(journal_path):
        assert stat.S_IMODE(place.stat().st_mode) == 0o600
        assert stat.S_IMODE(place.parent.stat().st_mode) == 0o700


def test_the_escrow_is_never_written_through_a_link_a_folder_or_a_fifo(
    journal_path: Path, tmp_path: Path
) -> None:
    key = RecoveryKey.generate()
    make_journal(journal_path)
    beside, kept = escrow_paths(journal_path)
    target = tmp_path / "elsewhere.txt"
    target.write_text("not the escrow's")
    escrow = new_escrow(key, NOW)
    escrow.seal(PASSPHRASE)
    kept.parent.mkdir(mode=0o700)
    for make in (
        lambda p: p.symlink_to(target),
        lambda p: p.mkdir(),
        lambda p: os.mkfifo(p),
        lambda p: p.symlink_to(tmp_path / "missing"),
    ):
        for place in (beside, kept):
            make(place)
        assert kit.place_escrow(journal_path, escrow, replace_kit=True) == [
            (beside, Place.UNWRITABLE),
            (kept, Place.UNWRITABLE),
        ]
        with pytest.raises(UsageError):
            write_escrow(beside, escrow)
        assert target.read_text() == "not the escrow's"
        assert not (tmp_path / "missing").exists()
        for place in (beside, kept):
            assert read_escrow(place) is None  # a FIFO is never opened (it would block)
            place.rmdir() if place.is_dir() and not place.is_symlink() else place.unlink()


def test_a_missing_or_damaged_escrow_never_stops_the_passphrase(journal_path: Path) -> None:
    key = RecoveryKey.generate()
    make_journal(journal_path, key)
    beside, kept = escrow_paths(journal_path)
    for damage in (b"", b"\x00" * 100, b"[" * 100_000, None):
        for place in (beside, kept):
            place.unlink(missing_ok=True)
            if damage is not None:
                place.write_bytes(damage)
        with Journal.open(journal_path, PASSPHRASE) as journal:
            assert journal.execute("SELECT name FROM lead") == [("Rosa Delgado",)]
            heal(journal, PASSPHRASE)  # and the unlock puts it back
        assert all(read_escrow(p) is not None for p in (beside, kept))


def journal_files(path: Path) -> dict[str, str | None]:
    return {p.name: digest(p) for p in sorted(path.parent.iterdir()) if p.is_file()}


def test_a_wrong_key_changes_nothing(journal_path: Path, tmp_path: Path) -> None:
    key = RecoveryKey.generate()
    make_journal(journal_path, key)
    # A journal left by a crash, its last commits only in its WAL.
    live = Journal.open(journal_path, PASSPHRASE)
    add_lead(live, "Marcus Webb")
    copy = tmp_path / "copy" / journal_path.name
    copy.parent.mkdir()
    for suffix in ("", "-wal", "-escrow"):
        shutil.copyfile(f"{journal_path}{suffix}", f"{copy}{suffix}")
    live.close()
    assert Path(f"{copy}-wal").stat().st_size > 0
    before = journal_files(copy)
    other = RecoveryKey.generate()
    typo = key.text()[:-1] + ("A" if key.text()[-1] != "A" else "B")
    for typed, new in ((other.text(), "new"), (typo, "new"), (key.text(), "")):
        with pytest.raises((WrongRecoveryKey, UsageError)) as raised:
            recover(copy, typed, new)
        assert raised.value.exit_code == (2 if new == "" else 3)
        assert journal_files(copy) == before
    # The key of this kit, but the escrow holds no passphrase of the file now at the path.
    impostor = make_journal(tmp_path / "impostor.iltdesk", passphrase="another journal's")
    for suffix in ("", "-wal"):
        Path(f"{copy}{suffix}").unlink()
    shutil.copyfile(impostor, copy)
    before = journal_files(copy)
    with pytest.raises(WrongRecoveryKey) as raised:
        recover(copy, key.text(), "new")
    assert raised.value.exit_code == 3
    assert journal_files(copy) == before


def test_no_escrow_is_told_plainly(journal_path: Path) -> None:
    make_journal(journal_path)
    before = journal_files(journal_path)
    with pytest.raises(NoEscrow) as raised:
        recover(journal_path, RecoveryKey.generate().text(), "new")
    assert raised.value.exit_code == 3
    assert journal_files(journal_path) == before


# -- gaps found while writing these tests (fixed in ec5b1f5) ---------------------------------


def test_a_restored_journal_stays_recoverable_after_a_passphrase_change(
    journal_path: Path,
) -> None:
    """Kit 1, a backup, kit 2 (sheet 1 shredded), the backup restored, the passphrase changed:
    the newest sheet must still get back in (the restore carries the newer kit over)."""
    first, newest = RecoveryKey.generate(), RecoveryKey.generate()
    saved = journal_path.parent / "by-hand" / "b.iltdesk"
    with new_journal(journal_path, first) as journal:
        assert backup(journal, saved).ok
        install_kit(journal, newest, PASSPHRASE, NOW + timedelta(days=30))
    restore(saved, journal_path, PASSPHRASE, force=True)
    journal = Journal.open(journal_path, PASSPHRASE)
    status = heal(journal, PASSPHRASE)
    assert status.kit == kit_id(newest.public_bytes())
    assert [place for _, place in status.places] == [Place.KEPT, Place.KEPT]
    rekey(journal, SECOND).close()
    assert names(recover(journal_path, newest.text(), FORGOTTEN_WITH)) == ["Rosa Delgado"]


def test_a_backup_recovers_from_the_escrow_in_its_folder(
    journal_path: Path, tmp_path: Path
) -> None:
    """The journal's disk lost, a copy of its backups folder kept: the sheet must open a
    backup there, whose escrow is the folder's copy named after the journal."""
    key = RecoveryKey.generate()
    with new_journal(journal_path, key) as journal:
        assert backup(journal, backups_dir(journal_path) / "school-2026-09-01.iltdesk").ok
    usb = tmp_path / "usb" / backups_dir(journal_path).name
    shutil.copytree(backups_dir(journal_path), usb)
    shutil.rmtree(journal_path.parent)
    assert names(recover(usb / "school-2026-09-01.iltdesk", key.text(), FORGOTTEN_WITH)) == [
        "Rosa Delgado"
    ]
