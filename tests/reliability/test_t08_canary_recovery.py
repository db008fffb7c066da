"""T8 canary, the recovery kit's part: a marker written into notes never reaches the recovery
sheet, the escrow files or anything else recovery writes, in plain text. (Named test_t08_…
so that tools/reliability.py, which reads the number from the name, files it under T8.)

A journal gets the marker in a lead's name and role and in 1:1 notes, a backup, a recovery
kit and its sheet (the real PDF writer); then the passphrase is "forgotten" and the journal
recovered with the sheet's key, and a note added after. With the recovered journal still open
(its WAL on disk), every file under the test's folder is searched with T8's own helpers for
the marker, and for both passphrases: the journal, its WAL and backups must hold them only
encrypted; the escrow only sealed; the sheet (its bytes, its text and its metadata) not at
all. The sheet must hold the key itself, which proves the text was read.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from iltdesk.lead import add_lead
from iltdesk.one_on_one import add_quick_note
from iltdesk.recovery.files import escrow_paths
from iltdesk.recovery.key import RecoveryKey
from iltdesk.recovery.kit import install_kit
from iltdesk.recovery.recover import recover
from iltdesk.report.recovery_sheet import write_sheet
from iltdesk.store.backups import backup, backups_dir
from iltdesk.store.journal import Journal
from tests.reliability.conftest import Figure
from tests.reliability.test_t08_canary import _holds, _needles, _scan


def sheet_text(pdf: Path) -> str:
    reader = PdfReader(pdf)
    metadata = " ".join(str(v) for v in (reader.metadata or {}).values())
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split()) + " " + metadata


def test_the_marker_never_reaches_the_recovery_kit(
    qtbot: QtBot, tmp_path: Path, figure: Figure
) -> None:
    marker = f"CANARY-{uuid.uuid4().hex}"
    passphrase, new = (f"canary pass {uuid.uuid4().hex[:12]}" for _ in range(2))
    path = tmp_path / "journals" / "school.iltdesk"
    sheet = tmp_path / "printed" / "recovery-sheet.pdf"
    key = RecoveryKey.generate()
    made = datetime.now().replace(microsecond=0)
    with Journal.create(path, passphrase, school="Riverside Middle") as journal:
        lead = add_lead(journal, f"Lead {marker}", role=f"Role {marker}")
        add_quick_note(journal, lead.name, f"notes {marker}")
        assert backup(journal, backups_dir(path) / "by-hand.iltdesk").ok
        install_kit(journal, key, passphrase, made)
    sheet.parent.mkdir()
    write_sheet(sheet, key, path, made, school="Riverside Middle")
    recovered = recover(path, key.text(), new)
    try:
        add_quick_note(recovered, lead.name, f"after recovery {marker}")
        assert Path(f"{path}-wal").is_file()  # scanned while it holds the last note
        needles = _needles(marker.removeprefix("CANARY-"))
        found = _scan([tmp_path], set(), needles)
        secrets = _scan([tmp_path], set(), _needles(passphrase) + _needles(new))["leaks"]
    finally:
        recovered.close()
    text = sheet_text(sheet)
    in_sheet = marker[7:].lower() in text.lower() or any(s in text for s in (passphrase, new))
    escrows = [p for p in escrow_paths(path) if p.is_file()]
    problems = [f"{p} holds the marker" for p in found["leaks"]]
    problems += [f"{p} holds a passphrase" for p in secrets]
    problems += ["the sheet's text holds note content"] if in_sheet else []
    problems += [] if key.text() in text else ["the sheet's text was not read (no key in it)"]
    problems += [] if len(escrows) == 2 else [f"{len(escrows)} escrow files, not 2"]
    ok = not problems and str(sheet) in found["files"] and not _holds(sheet, needles)
    figure(
        "T8",
        "canary: recovery kit",
        f"{len(found['files'])} files after a kit, its sheet, a backup and a recovery scanned "
        f"(the sheet's bytes, text and metadata, {len(escrows)} escrow files, "
        f"{len(found['journal'])} journal, WAL and backup files among them): "
        f"{len(found['leaks']) + len(secrets) + in_sheet} hold the marker or a passphrase",
        ok,
    )
    assert ok, problems
