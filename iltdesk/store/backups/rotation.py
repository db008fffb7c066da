"""Automatic rotating backups: one a day when the journal is unlocked, a few weeks kept.

Backups go to the journal's backups folder (``NAME.backups/`` beside ``NAME.iltdesk``, where
the before-migration copies also go) or to a folder chosen in Settings. The choice is kept in
the journal's own encrypted settings, never in the OS preferences, because a path can name a
school. Each backup is written through ``copy.write_verified``: under a neutral temporary name,
checked page by page, then renamed into place, so a crash never leaves a half backup that looks
complete, and only then are older ones pruned. The app's daily one is copied in steps by
``daily`` instead (same names, checks and pruning), so the journal stays usable meanwhile.

Automatic backups are named ``NAME.auto-YYYYMMDD-HHMMSS.iltdesk`` (local time). Only files of
that shape for this journal are ever pruned: copies kept before a migration or a restore, the
backups a person made by hand, other journals' backups and anything else are left alone.

Retention, applied by ``retained``: automatic backups dated after ``now`` (a clock that was
wrong) are kept and not counted. Of the others, newest first, the newest backup of each of the
7 most recent calendar days that have one is kept (daily); then, going back week by week, the
newest backup of each ISO week is kept unless it is already a daily one, until 4 such weekly
backups are kept (a week whose newest backup is a daily one adds no weekly). The rest go.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from iltdesk.destination import backups_dir
from iltdesk.errors import DiskFull, JournalError, UsageError
from iltdesk.paths import JOURNAL_SUFFIX, ensure_private_dir, fsync_dir
from iltdesk.store.backups.copy import backup
from iltdesk.store.backups.progress import Report
from iltdesk.store.journal import Journal
from iltdesk.translation import translate

AUTOMATIC_KEY = "backup.automatic"  # "on" (the default) or "off"
FOLDER_KEY = "backup.folder"  # an absolute folder, or "" for the one beside the journal
KEEP_DAILY = 7
KEEP_WEEKLY = 4
_STAMP = "%Y%m%d-%H%M%S"
_SUFFIX = re.escape(JOURNAL_SUFFIX)
_AGAIN = r"(?:-\d{1,5})?"  # "-2", "-3"… when two were made within one second
_MIGRATION = re.compile(rf"before-migration-from-.+-(\d{{8}}-\d{{6}}){_AGAIN}{_SUFFIX}")

Kind = Literal["automatic", "manual", "before-update", "before-restore"]


@dataclass(frozen=True)
class BackupEntry:
    """One backup the app can offer to restore: where, when (local time), how big, which kind.

    ``kind`` is ``automatic`` (rotation), ``manual`` (Settings' "Back up to a file" under its
    suggested name), ``before-update`` (kept before a migration) or ``before-restore`` (the
    journal as it was before a restore replaced it).
    """

    path: Path
    taken_at: datetime
    size: int
    kind: Kind


# -- settings -------------------------------------------------------------------------------


def is_enabled(journal: Journal) -> bool:
    """Whether automatic backups are on for this journal (they are unless turned off)."""
    return journal.settings().get(AUTOMATIC_KEY, "on") != "off"


def set_enabled(journal: Journal, enabled: bool) -> None:
    """Turn automatic backups on or off (kept inside the journal)."""
    journal.set_settings({AUTOMATIC_KEY: "on" if enabled else "off"})


def chosen_folder(journal: Journal) -> Path | None:
    """The folder chosen in Settings, or None for the default one beside the journal."""
    value = journal.settings().get(FOLDER_KEY, "")
    return Path(value) if value else None


def set_folder(journal: Journal, folder: Path | None) -> None:
    """Choose where automatic backups go; None goes back to the folder beside the journal."""
    if folder is not None and not folder.is_absolute():
        raise UsageError(
            translate(
                "store.backups.rotation", "Choose a full path for the backups folder, not {folder}."
            ).format(folder=folder)
        )
    journal.set_settings({FOLDER_KEY: "" if folder is None else str(folder)})


def backup_folder(journal: Journal) -> Path:
    """Where this journal's automatic backups go."""
    return chosen_folder(journal) or backups_dir(journal.path)


# -- names and listing ----------------------------------------------------------------------


def _automatic_pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(stem)}\.auto-(\d{{8}}-\d{{6}})(?:-(\d{{1,5}}))?{_SUFFIX}")


def local_time(moment: datetime) -> datetime:
    """Naive local time, as backup names are written (an aware ``now`` is converted)."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


def _parse(stamp: str, shape: str = _STAMP) -> datetime | None:
    try:
        return datetime.strptime(stamp, shape)
    except ValueError:
        return None


def _scan(
    folder: Path, pattern: re.Pattern[str], shape: str = _STAMP
) -> list[tuple[datetime, Path]]:
    """Regular files in ``folder`` whose whole name matches ``pattern``, with their stamps.

    A second backup within the same second is named ``…-2``: the count becomes microseconds,
    so that it sorts as the newer one.
    """
    found: list[tuple[datetime, Path]] = []
    try:
        children = list(folder.iterdir())
    except OSError:  # not there (yet), or unreadable: nothing to offer
        return found
    for child in children:
        match = pattern.fullmatch(child.name)
        stamp = _parse(match.group(1), shape) if match else None
        if match and stamp is not None and len(match.groups()) > 1 and match.group(2):
            stamp = stamp.replace(microsecond=int(match.group(2)))
        if stamp is not None and child.is_file() and not child.is_symlink():
            found.append((stamp, child))
    return found


def automatic_backups(folder: Path, stem: str) -> list[tuple[datetime, Path]]:
    """The automatic backups of journal ``stem`` in ``folder``, newest first."""
    return sorted(_scan(folder, _automatic_pattern(stem)), reverse=True)


def list_backups(journal_path: Path, folder: Path | None = None) -> list[BackupEntry]:
    """Every backup of this journal the app knows how to name, newest first.

    Looks in ``folder`` (the automatic backups' folder; None for the default), in the default
    folder (copies kept before a migration, manual backups under their suggested name) and
    beside the journal (copies kept before a restore). Temporary files are never listed.
    """
    stem = journal_path.stem
    default = backups_dir(journal_path)
    places: list[tuple[Path, re.Pattern[str], str, Kind]] = [
        (folder or default, _automatic_pattern(stem), _STAMP, "automatic"),
        (default, _MIGRATION, _STAMP, "before-update"),
        (
            default,
            re.compile(rf"{re.escape(stem)}-(\d{{4}}-\d{{2}}-\d{{2}}-\d{{4}}){_SUFFIX}"),
            "%Y-%m-%d-%H%M",
            "manual",
        ),
        (
            journal_path.parent,
            re.compile(rf"{re.escape(stem)}\.before-restore-(\d{{8}}-\d{{6}}){_AGAIN}{_SUFFIX}"),
            _STAMP,
            "before-restore",
        ),
    ]
    if folder is not None and folder != default:
        places.append((default, _automatic_pattern(stem), _STAMP, "automatic"))
    entries: dict[Path, BackupEntry] = {}
    for place, pattern, shape, kind in places:
        for stamp, path in _scan(place, pattern, shape):
            try:
                size = path.stat().st_size
            except OSError:
                continue
            entries.setdefault(path, BackupEntry(path, stamp, size, kind))
    return sorted(entries.values(), key=lambda e: (e.taken_at, e.path.name), reverse=True)


# -- when, what to keep ---------------------------------------------------------------------


def due(journal: Journal, now: datetime) -> bool:
    """Whether an automatic backup should be taken: they are on and none is dated today."""
    if not is_enabled(journal):
        return False
    today = local_time(now).date()
    found = automatic_backups(backup_folder(journal), journal.path.stem)
    return all(stamp.date() != today for stamp, _ in found)


def retained(stamps: Iterable[datetime], now: datetime) -> set[datetime]:
    """The stamps the retention rule keeps (see the module's docstring for the rule)."""
    now = local_time(now)
    ordered = sorted(set(stamps), reverse=True)
    # Names carry whole seconds (a same-second count as microseconds): compare seconds only.
    future = {stamp for stamp in ordered if stamp.replace(microsecond=0) > now}
    kept = set(future)
    days: set[date] = set()
    for stamp in ordered:
        if stamp not in future and len(days) < KEEP_DAILY and stamp.date() not in days:
            days.add(stamp.date())
            kept.add(stamp)
    weekly = 0
    last_week: tuple[int, int] | None = None
    for stamp in ordered:
        week = stamp.isocalendar()[:2]
        if stamp in future or week == last_week or weekly >= KEEP_WEEKLY:
            continue
        last_week = week  # the week's newest: a weekly backup unless it is already a daily one
        if stamp not in kept:
            kept.add(stamp)
            weekly += 1
    return kept


def prune(folder: Path, now: datetime, stem: str) -> list[Path]:
    """Delete the automatic backups of journal ``stem`` in ``folder`` the rule does not keep.

    Returns what was deleted. Nothing but ``NAME.auto-…`` files is ever touched.
    """
    found = automatic_backups(folder, stem)
    keep = retained((stamp for stamp, _ in found), now)
    deleted: list[Path] = []
    for stamp, path in found:
        if stamp in keep:
            continue
        try:
            path.unlink()
        except OSError:  # gone already, or cannot be deleted: an extra old backup is harmless
            continue
        deleted.append(path)
    if deleted:
        fsync_dir(folder)
    return deleted


# -- taking one -----------------------------------------------------------------------------


def backup_name(folder: Path, stem: str, now: datetime) -> tuple[Path, datetime]:
    """A new automatic backup's name and the stamp it will be listed under."""
    base = f"{stem}.auto-{now.strftime(_STAMP)}"
    dest = folder / f"{base}{JOURNAL_SUFFIX}"
    count = 1
    while dest.exists():  # two within a second ("Back up now" twice)
        count += 1
        dest = folder / f"{base}-{count}{JOURNAL_SUFFIX}"
    return dest, now.replace(microsecond=count if count > 1 else 0)


def disk_full(folder: Path) -> DiskFull:
    """What to tell a person when the disk holding the backups folder is full."""
    return DiskFull(
        translate(
            "store.backups.rotation", "The disk holding {folder} is full, so no backup was written."
        ).format(folder=folder)
    )


def folder_unusable(folder: Path, exc: OSError) -> JournalError:
    """What to tell a person when the backups folder could not be written to."""
    if exc.errno == errno.ENOSPC:
        return disk_full(folder)
    reason = exc.strerror or str(exc)
    return JournalError(
        translate(
            "store.backups.rotation", "No backup was written: {folder} cannot be used ({reason})."
        ).format(folder=folder, reason=reason)
    )


def take(journal: Journal, now: datetime, progress: Report | None = None) -> BackupEntry:
    """Write a verified automatic backup of the open journal now, then prune older ones.

    Encrypted with the journal's passphrase; 0600 file in a 0700 folder (a folder the user
    chose is used as it is). A failure raises a ``JournalError``, leaves the journal and the
    older backups untouched, and leaves no file that could pass for a backup.
    ``progress(done, total)`` hears how far the copy and its check are, in bytes.
    """
    now = local_time(now)
    folder = usable_folder(journal)
    try:
        dest, stamp = backup_name(folder, journal.path.stem, now)
        backup(journal, dest, progress)
        size = os.stat(dest).st_size
    except DiskFull:
        raise disk_full(folder) from None
    except OSError as exc:
        raise folder_unusable(folder, exc) from None
    prune(folder, now, journal.path.stem)
    return BackupEntry(dest, stamp, size, "automatic")


def take_if_due(journal: Journal, now: datetime) -> BackupEntry | JournalError | None:
    """The day's backup for a command that holds the journal for a moment (``iltdesk note``):
    taken with the journal's own key if one is due, else None. A failure is returned, not
    raised: what the command itself wrote is already saved, and says so before the failure."""
    try:
        return take(journal, now) if due(journal, now) else None
    except JournalError as exc:
        return exc


def usable_folder(journal: Journal) -> Path:
    """The automatic backups' folder, made (0700) if it is the default one; a ``JournalError``
    when a chosen folder is missing (an unplugged drive) or cannot be made."""
    folder = backup_folder(journal)
    if chosen_folder(journal) is not None and not folder.is_dir():
        raise UsageError(
            translate(
                "store.backups.rotation",
                "The backups folder {folder} is not there (is its drive connected?). "
                "Connect it, or choose another folder in Settings.",
            ).format(folder=folder)
        )
    try:
        return ensure_private_dir(folder)
    except OSError as exc:
        raise folder_unusable(folder, exc) from None
