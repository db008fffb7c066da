"""Check a typed passphrase against the open journal without keeping the passphrase.

The journal holds a salted PBKDF2 hash of its passphrase, inside the encrypted file. It lets
the app confirm "type your current passphrase" (before a change, say) while the file is
locked open, and reveals nothing that the key to the file does not already grant.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from iltdesk.errors import UsageError
from iltdesk.store.connection import is_encodable, normalise_passphrase
from iltdesk.translation import translate

ITERATIONS = 100_000
SETTING_KEY = "passphrase_verifier"


def make(passphrase: str) -> str:
    """A new verifier string for ``passphrase``."""
    salt = secrets.token_bytes(16)
    digest = _hash(passphrase, salt, ITERATIONS)
    return f"pbkdf2_sha256${ITERATIONS}${salt.hex()}${digest.hex()}"


def matches(verifier: str, passphrase: str) -> bool:
    """Whether ``passphrase`` is the one ``verifier`` was made from."""
    try:
        scheme, iterations, salt, digest = verifier.split("$")
        if scheme != "pbkdf2_sha256":
            return False
        expected = bytes.fromhex(digest)
        actual = _hash(passphrase, bytes.fromhex(salt), int(iterations))
    except (ValueError, UsageError):
        return False
    return hmac.compare_digest(expected, actual)


def _hash(passphrase: str, salt: bytes, iterations: int) -> bytes:
    if not is_encodable(passphrase):  # no journal can be keyed with it either
        raise UsageError(
            translate(
                "store.verifier",
                "The passphrase contains a character that cannot be stored; retype it.",
            )
        )
    data = normalise_passphrase(passphrase).encode("utf-8")
    return hashlib.pbkdf2_hmac("sha256", data, salt, iterations)
