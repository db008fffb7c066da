"""The recovery key: 160 random bits a person can type back from the sheet.

Written as 36 characters in nine groups of four (``7KQ2-…``), in Crockford's base32 (no I,
L, O or U; those typed by mistake are read as 1, 1, 0), the last group a checksum so a typo
is told apart from a key that belongs to another kit. The key itself is never stored: it
derives the kit's X25519 private key, whose public half the journal keeps.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from iltdesk.errors import WrongRecoveryKey
from iltdesk.translation import translate

SECRET_BYTES = 20  # 160 bits: beyond guessing, and 32 characters to type
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_READ_AS = {"O": "0", "I": "1", "L": "1"}
GROUP = 4
SECRET_CHARS = SECRET_BYTES * 8 // 5  # 32
CHECK_CHARS = 4
_DERIVE_INFO = b"iltdesk recovery key v1"


def _encode(data: bytes, chars: int) -> str:
    number = int.from_bytes(data, "big")
    out = []
    for _ in range(chars):
        out.append(ALPHABET[number & 31])
        number >>= 5
    return "".join(reversed(out))


def _decode(text: str) -> bytes:
    number = 0
    for char in text:
        number = (number << 5) | ALPHABET.index(char)
    return number.to_bytes(SECRET_BYTES, "big")


def _check(secret: bytes) -> str:
    digest = hashlib.sha256(b"iltdesk recovery check" + secret).digest()
    return _encode(digest[:3], CHECK_CHARS)[-CHECK_CHARS:]


@dataclass(frozen=True)
class RecoveryKey:
    """A recovery key's secret, with the key pair it stands for."""

    secret: bytes

    @classmethod
    def generate(cls) -> RecoveryKey:
        return cls(secrets.token_bytes(SECRET_BYTES))

    @classmethod
    def parse(cls, typed: str) -> RecoveryKey:
        """The key ``typed`` (any case, spaces and dashes ignored) or ``WrongRecoveryKey``."""
        chars = [_READ_AS.get(c, c) for c in typed.upper() if not c.isspace() and c not in "-–—"]
        text = "".join(chars)
        if len(text) != SECRET_CHARS + CHECK_CHARS or any(c not in ALPHABET for c in text):
            raise WrongRecoveryKey(
                translate(
                    "recovery.key",
                    "A recovery key is {count} letters and digits in nine groups of four, as "
                    "printed on the recovery sheet; check what was typed.",
                ).format(count=SECRET_CHARS + CHECK_CHARS)
            )
        secret = _decode(text[:SECRET_CHARS])
        if not hmac.compare_digest(_check(secret), text[SECRET_CHARS:]):
            raise WrongRecoveryKey(
                translate(
                    "recovery.key",
                    "That recovery key has a typo: check each group against the recovery sheet.",
                )
            )
        return cls(secret)

    def text(self) -> str:
        """The key as printed: nine groups of four joined by dashes."""
        plain = _encode(self.secret, SECRET_CHARS) + _check(self.secret)
        return "-".join(plain[i : i + GROUP] for i in range(0, len(plain), GROUP))

    def private_key(self) -> X25519PrivateKey:
        hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_DERIVE_INFO)
        return X25519PrivateKey.from_private_bytes(hkdf.derive(self.secret))

    def public_bytes(self) -> bytes:
        return public_bytes(self.private_key().public_key())


def public_bytes(key: X25519PublicKey) -> bytes:
    """The 32 raw bytes of an X25519 public key."""
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def kit_id(public: bytes) -> str:
    """A short name for the kit with this public key, shown on the sheet and in Settings so
    that a person can tell which sheet goes with the journal (eight hex digits, two groups)."""
    digest = hashlib.sha256(b"iltdesk kit" + public).hexdigest()
    return f"{digest[:4]}-{digest[4:8]}".upper()
