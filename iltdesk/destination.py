"""Where iltdesk may write a file a person named: never over a journal or its companions.

Every file the app or the CLI writes at a path a person chose (a PDF, a backup, a restored or
new journal) is checked here first. The rules, after resolving links (so ``-o link-to-journal``
is seen for what it is):

- never the journal itself, its ``-wal``/``-shm``/``-journal`` companions, any file that is the
  same file as one of those (a hard link), its backups folder or a backup in it;
- never the companion of some other database (``X-wal`` beside an existing ``X``), nor an
  existing iltdesk journal: replacing either loses someone's notes;
- never an existing folder, device, pipe or socket (the temp-then-rename write would put a
  regular file in place of a device node);
- never an existing regular file unless the person said so (``--force``, or yes to the save
  dialog's question).

Every refusal is one plain ``UsageError`` line, raised before anything is written.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from iltdesk.errors import UsageError
from iltdesk.paths import JOURNAL_SUFFIX, resolve_journal
from iltdesk.translation import translate

# SQLite's companions of a database file: the write-ahead log, its index, the rollback journal;
# and iltdesk's recovery escrow (iltdesk/recovery/files.py).
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal", "-escrow")


def companions(journal: Path) -> list[Path]:
    """``journal`` and the files SQLite keeps beside it."""
    return [journal, *(Path(f"{journal}{suffix}") for suffix in COMPANION_SUFFIXES)]


def backups_dir(journal: Path) -> Path:
    """The folder beside a journal where its automatic backups go (``NAME.backups``)."""
    return journal.parent / f"{journal.stem}.backups"


def check_destination(
    dest: Path,
    *,
    journal: Path | None = None,
    replace: bool = False,
    new_folders: bool = False,
    hint: str | None = None,
) -> Path:
    """The real path to write ``dest`` at, or a ``UsageError`` saying why not.

    ``journal`` is the journal the file is made from (its files are never written over);
    ``replace`` is the person's say-so for replacing an existing regular file;
    ``new_folders``: missing folders on the way will be made (a new journal's); ``hint``:
    what to do about an existing file (the CLI's ``--force``, where a command has one),
    translated; "choose another name" when None.
    """
    real = resolve_journal(dest)
    info = _stat(real, dest)
    if journal is not None:
        _refuse_journal_files(real, info, resolve_journal(journal), dest)
    if info is not None:
        how = hint or translate("destination", "choose another name")
        _refuse_existing(info, dest, replace, how)
    elif not new_folders and not real.parent.is_dir():
        raise UsageError(
            translate("destination", "There is no folder {folder} to write {name} into.").format(
                folder=real.parent, name=dest.name
            )
        )
    _refuse_database_files(real, info, dest)
    return real


def check_restore_target(target: Path, *, backup: Path, replace: bool) -> Path:
    """The real path to restore ``backup`` into, or a ``UsageError`` saying why not.

    Replacing a journal is what restoring is for (the current one is kept beside it), so an
    existing journal is fine with ``replace``; the backup itself, another database's
    companion, a folder or a device are not.
    """
    real = resolve_journal(target)
    info = _stat(real, target)
    source = resolve_journal(backup)
    for own in companions(source):
        if real == own or (info is not None and _same_file(info, own)):
            raise UsageError(
                translate(
                    "destination", "{path} is the backup itself; name the journal to restore into."
                ).format(path=target)
            )
    _refuse_database_files(real, None, target)
    if info is not None:
        how = translate("destination", "pass --force to replace it (it will be kept)")
        _refuse_existing(info, target, replace, how)
    return real


def _refuse_existing(info: os.stat_result, dest: Path, replace: bool, how: str) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise UsageError(
            translate("destination", "{path} is a folder; name a file.").format(path=dest)
        )
    if not stat.S_ISREG(info.st_mode):
        raise UsageError(
            translate(
                "destination",
                "{path} is not a regular file (a device, pipe or socket); name a file.",
            ).format(path=dest)
        )
    if not replace:
        raise UsageError(
            translate("destination", "{path} already exists; {how}.").format(path=dest, how=how)
        )


def _stat(real: Path, dest: Path) -> os.stat_result | None:
    try:
        return real.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        reason = (exc.strerror or translate("destination", "error")).lower()
        raise UsageError(
            translate("destination", "{path} cannot be used: {reason}.").format(
                path=dest, reason=reason
            )
        ) from None


def _refuse_journal_files(
    real: Path, info: os.stat_result | None, journal: Path, dest: Path
) -> None:
    folder = backups_dir(journal)
    if real == folder or (info is not None and folder in real.parents):
        raise UsageError(
            translate(
                "destination", "{path} is one of the journal's backups; choose another place."
            ).format(path=dest)
        )
    for own in companions(journal):
        if real == own or (info is not None and _same_file(info, own)):
            raise UsageError(
                translate(
                    "destination", "{path} is the journal's own file; choose another name."
                ).format(path=dest)
            )


def _refuse_database_files(real: Path, info: os.stat_result | None, dest: Path) -> None:
    for suffix in COMPANION_SUFFIXES:
        if real.name.endswith(suffix) and Path(str(real)[: -len(suffix)]).exists():
            raise UsageError(
                translate(
                    "destination",
                    "{path} belongs to the database beside it ({database}); choose another name.",
                ).format(path=dest, database=real.name[: -len(suffix)])
            )
    if info is not None and real.suffix == JOURNAL_SUFFIX and stat.S_ISREG(info.st_mode):
        raise UsageError(
            translate("destination", "{path} is an iltdesk journal; choose another name.").format(
                path=dest
            )
        )


def _same_file(info: os.stat_result, other: Path) -> bool:
    try:
        theirs = other.stat()
    except OSError:
        return False
    return (info.st_dev, info.st_ino) == (theirs.st_dev, theirs.st_ino)
