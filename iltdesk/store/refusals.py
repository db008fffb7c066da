"""What the store says when it refuses a journal or a passphrase: a SQLite/SQLCipher failure
told as the error a person can act on, and the passphrases no journal can be keyed with."""

from __future__ import annotations

import re
from pathlib import Path

from iltdesk.errors import (
    DiskFull,
    JournalDamaged,
    JournalError,
    JournalInUse,
    JournalReadOnly,
    UsageError,
    WrongPassphrase,
)
from iltdesk.translation import translate

# SQLCipher takes a key of this form as raw key bytes and skips key stretching entirely.
RAW_KEY_FORM = re.compile(r"[xX]'[0-9A-Fa-f]*'")


def is_encodable(passphrase: str) -> bool:
    """Whether ``passphrase`` can be keyed at all (a lone surrogate has no UTF-8 form)."""
    try:
        passphrase.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_new_passphrase(passphrase: str) -> None:
    """Refuse a passphrase that cannot protect a journal."""
    if not passphrase:
        raise UsageError(translate("store.refusals", "The passphrase cannot be empty."))
    if "\x00" in passphrase:
        raise UsageError(
            translate("store.refusals", "The passphrase cannot contain a NUL character.")
        )
    if not is_encodable(passphrase):
        raise UsageError(
            translate(
                "store.refusals",
                "The passphrase contains a character that cannot be stored; retype it.",
            )
        )
    if RAW_KEY_FORM.fullmatch(passphrase):
        raise UsageError(
            translate(
                "store.refusals",
                "The passphrase cannot have the form x'…' (a raw key); choose words.",
            )
        )


def restore_advice(shown: Path, reason: str) -> JournalDamaged:
    """The journal is damaged (``reason``): restore the latest backup."""
    return JournalDamaged(
        translate(
            "store.refusals",
            "The journal {path} is damaged: {reason}. The file has not been changed; "
            "restore your latest backup.",
        ).format(path=shown, reason=reason),
        says_what_to_do=True,
    )


def classify(exc: BaseException, path: Path) -> JournalError:
    """Map a SQLite/SQLCipher storage exception to the error a person should see."""
    message = str(exc).lower()
    if "locked" in message or "busy" in message:
        return JournalInUse(in_use(path))
    if "full" in message:
        return DiskFull(
            translate("store.refusals", "The disk is full, so the last change was not saved.")
        )
    if "readonly" in message or "read-only" in message:
        return JournalReadOnly(
            translate(
                "store.refusals", "The journal {path} is read-only here, so nothing was changed."
            ).format(path=path)
        )
    if "not a database" in message:  # not shown: SQLite's own words, matched
        return WrongPassphrase(
            translate("store.refusals", "The passphrase does not unlock {path}.").format(path=path)
        )
    if "malformed" in message or "corrupt" in message:
        return JournalDamaged(
            translate(
                "store.refusals",
                "The journal {path} is damaged: parts of it are missing or corrupt.",
            ).format(path=path)
        )
    return JournalDamaged(
        translate("store.refusals", "The journal {path} is damaged ({reason}).").format(
            path=path, reason=exc
        )
    )


def in_use(path: Path) -> str:
    """The journal at ``path`` is held by another iltdesk window or command."""
    return translate(
        "store.refusals", "The journal {path} is open in another iltdesk window or command."
    ).format(path=path)
