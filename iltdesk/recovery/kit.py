"""A journal's recovery kit: making or renewing it, sealing each new passphrase, and telling
whether the escrow is where it should be.

The journal keeps the kit's public key and its own copy of the escrow (so a deleted escrow
file is written again at the next unlock), and the passphrase verifier the escrow was last
sealed for (so the app knows, without the private key, whether the current passphrase is in
it). Settings live in ``journal_setting`` under ``recovery_*``.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path

from iltdesk.errors import UsageError, WrongPassphrase
from iltdesk.recovery import ESCROW, MADE_AT, PUBLIC_KEY, SEALED_FOR
from iltdesk.recovery.escrow import Escrow, EscrowUnreadable, new_escrow
from iltdesk.recovery.files import escrow_paths, read_escrow, write_escrow
from iltdesk.recovery.key import RecoveryKey
from iltdesk.store import verifier
from iltdesk.store.journal import Journal
from iltdesk.translation import QT_TRANSLATE_NOOP, translate


class Place(Enum):
    """How the escrow stands in one of its places."""

    KEPT = "kept"
    MISSING = "missing"
    OTHER_KIT = "another kit's"  # not shown: a value (NOT_KEPT says it)
    UNWRITABLE = "could not be written"  # not shown: a value (NOT_KEPT says it)


# What is told of each place (beside the journal, the backups folder, the chosen one) the
# escrow is not kept in, by its place's index and how it stands there.
NOT_KEPT: dict[tuple[int, Place], str] = {
    (0, Place.MISSING): QT_TRANSLATE_NOOP(
        "recovery.kit", "The recovery escrow beside the journal ({path}) is missing."
    ),
    (0, Place.OTHER_KIT): QT_TRANSLATE_NOOP(
        "recovery.kit", "The recovery escrow beside the journal ({path}) is another kit's."
    ),
    (0, Place.UNWRITABLE): QT_TRANSLATE_NOOP(
        "recovery.kit", "The recovery escrow beside the journal ({path}) could not be written."
    ),
    (1, Place.MISSING): QT_TRANSLATE_NOOP(
        "recovery.kit", "The recovery escrow in the backups folder ({path}) is missing."
    ),
    (1, Place.OTHER_KIT): QT_TRANSLATE_NOOP(
        "recovery.kit", "The recovery escrow in the backups folder ({path}) is another kit's."
    ),
    (1, Place.UNWRITABLE): QT_TRANSLATE_NOOP(
        "recovery.kit",
        "The recovery escrow in the backups folder ({path}) could not be written.",
    ),
    (2, Place.MISSING): QT_TRANSLATE_NOOP(
        "recovery.kit", "The recovery escrow in the chosen backups folder ({path}) is missing."
    ),
    (2, Place.OTHER_KIT): QT_TRANSLATE_NOOP(
        "recovery.kit",
        "The recovery escrow in the chosen backups folder ({path}) is another kit's.",
    ),
    (2, Place.UNWRITABLE): QT_TRANSLATE_NOOP(
        "recovery.kit",
        "The recovery escrow in the chosen backups folder ({path}) could not be written.",
    ),
}


@dataclass(frozen=True)
class KitStatus:
    """What Settings shows about the kit."""

    kit: str  # the kit's short id, "" when the journal has no kit
    made_at: datetime | None
    places: tuple[tuple[Path, Place], ...] = ()

    @property
    def has_kit(self) -> bool:
        return self.made_at is not None

    def warnings(self) -> list[str]:
        """One plain line per place the escrow is not kept."""
        return [
            translate("recovery.kit", NOT_KEPT[n, place]).format(path=path)
            for n, (path, place) in enumerate(self.places[:3])
            if place is not Place.KEPT
        ]


def journal_escrow(settings: dict[str, str]) -> Escrow | None:
    """The escrow the journal keeps for its kit, or None without a kit."""
    try:
        return Escrow.loads(settings[ESCROW]) if settings.get(ESCROW) else None
    except EscrowUnreadable:
        return None


def install_kit(journal: Journal, key: RecoveryKey, passphrase: str, now: datetime) -> Escrow:
    """Make ``key`` the journal's kit (replacing any older one) and seal ``passphrase``.

    The journal records the kit first, then the files are written: a crash in between leaves
    the journal knowing its kit, and the next unlock writes the files.
    """
    settings = journal.settings()
    if not verifier.matches(settings.get(verifier.SETTING_KEY, ""), passphrase):
        raise WrongPassphrase(
            translate("recovery.kit", "That is not the journal's passphrase; the kit was not made.")
        )
    escrow = new_escrow(key, now.astimezone(UTC))  # naive means local; kept in UTC
    escrow.seal(passphrase)
    _record(journal, escrow, settings.get(verifier.SETTING_KEY, ""))
    place_escrow(journal.path, escrow, replace_kit=True, also=chosen_folder(settings))
    return escrow


def adopt(journal: Journal, key: RecoveryKey, found: Escrow) -> None:
    """Make the kit of ``key`` (proven by opening the journal through ``found``, its escrow)
    the journal's own: a journal restored from a backup older than the kit, or a file put in
    the journal's place with another kit, then seals its next passphrase to the sheet the
    person holds, never to a kit named by a file."""
    if found.recipient != key.public_bytes():
        raise WrongPassphrase(
            translate("recovery.kit", "That recovery key does not open this escrow.")
        )
    settings = journal.settings()
    mine = journal_escrow(settings)
    if mine is not None and mine.recipient == found.recipient:
        found = mine.merged(found)
    _record(journal, found, settings.get(verifier.SETTING_KEY, ""))


def _record(journal: Journal, escrow: Escrow, sealed_for: str) -> None:
    journal.set_settings(
        {
            PUBLIC_KEY: base64.b64encode(escrow.recipient).decode("ascii"),
            MADE_AT: escrow.made,
            ESCROW: escrow.dumps(),
            SEALED_FOR: sealed_for,
        }
    )


def sealed_settings(settings: dict[str, str], passphrase: str, new_verifier: str) -> dict[str, str]:
    """The settings that record ``passphrase`` (with ``new_verifier``) in the journal's escrow,
    or {} for a journal without a kit. Used by a passphrase change before the new file is put
    in place."""
    escrow = journal_escrow(settings)
    if escrow is None:
        return {}
    escrow.seal(passphrase)
    return {ESCROW: escrow.dumps(), SEALED_FOR: new_verifier}


def heal(journal: Journal, passphrase: str) -> KitStatus:
    """After an unlock with ``passphrase``: seal it if the escrow lacks it, and write the
    escrow files where they are missing, older or short of entries. Returns the status."""
    settings = journal.settings()
    escrow = journal_escrow(settings)
    if escrow is None:
        return status(journal)
    current = settings.get(verifier.SETTING_KEY, "")
    if current and settings.get(SEALED_FOR) != current:
        escrow.seal(passphrase)
        journal.set_settings({ESCROW: escrow.dumps(), SEALED_FOR: current})
    places = place_escrow(journal.path, escrow, also=chosen_folder(settings))
    return _status(journal, settings, places)


def status(journal: Journal) -> KitStatus:
    """The kit's status, reading the files only."""
    settings = journal.settings()
    escrow = journal_escrow(settings)
    if escrow is None:
        return KitStatus("", None)
    places = []
    for path in escrow_paths(journal.path, chosen_folder(settings)):
        found = read_escrow(path)
        if found is None:
            places.append((path, Place.MISSING))
        elif found.recipient != escrow.recipient:
            places.append((path, Place.OTHER_KIT))
        else:
            places.append((path, Place.KEPT))
    return _status(journal, settings, places)


def _status(
    journal: Journal, settings: dict[str, str], places: list[tuple[Path, Place]]
) -> KitStatus:
    escrow = journal_escrow(settings)
    try:  # shown in local time (a kit made before dates were kept in UTC is read as local)
        made: datetime | None = datetime.fromisoformat(settings.get(MADE_AT, "")).astimezone()
    except (ValueError, OverflowError):
        made = None
    kit = escrow.kit if escrow is not None else ""
    return KitStatus(kit, made if escrow is not None else None, tuple(places))


def chosen_folder(settings: dict[str, str]) -> Path | None:
    """The folder the journal's automatic backups go to, if not the one beside it."""
    from iltdesk.store.backups.rotation import FOLDER_KEY  # only where a kit is handled

    folder = settings.get(FOLDER_KEY, "")
    return Path(folder) if folder and Path(folder).is_absolute() else None


def place_escrow(
    journal_path: Path, escrow: Escrow, *, replace_kit: bool = False, also: Path | None = None
) -> list[tuple[Path, Place]]:
    """Write ``escrow`` to each of its places, merging the entries already there for the same
    kit. Another kit's file is replaced only when ``replace_kit`` (a new kit was made) or when
    it is older than this one: a journal restored from an older backup must not undo a newer
    kit's escrow."""
    places = []
    for path in escrow_paths(journal_path, also):
        there = read_escrow(path)
        if there is not None and there.recipient != escrow.recipient:
            if not replace_kit and there.made >= escrow.made:
                places.append((path, Place.OTHER_KIT))
                continue
            there = None
        merged = escrow if there is None else escrow.merged(there)
        if there is not None and there.dumps() == merged.dumps():
            places.append((path, Place.KEPT))
            continue
        try:
            write_escrow(path, merged)
        except (OSError, UsageError):
            places.append((path, Place.UNWRITABLE))
        else:
            places.append((path, Place.KEPT))
    return places
