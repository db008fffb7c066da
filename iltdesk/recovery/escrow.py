"""The escrow: the journal's passphrases, sealed to the recovery kit's public key.

A small JSON file (format in docs/format.md). Each entry is one passphrase sealed with an
ephemeral X25519 key agreement, HKDF-SHA256 and ChaCha20-Poly1305, so only the holder of the
kit's private key (the recovery sheet) can read it, and the file alone reveals nothing but
how many passphrases it holds. Entries are newest first; several are kept because a journal
restored from an older backup opens with the passphrase it had then.
"""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from iltdesk.recovery.key import RecoveryKey, kit_id, public_bytes

FORMAT = "iltdesk recovery escrow"  # not shown: the file format's name, read back
VERSION = 1
MAX_ENTRIES = 32  # every passphrase a kit has seen, within reason
MAX_FILE_BYTES = 256 * 1024  # a real escrow is a few kB; refuse to parse a huge file
_SEAL_INFO = b"iltdesk escrow v1"
PAD_TO = 256


class EscrowUnreadable(ValueError):
    """The bytes are not an escrow this build can read."""


@dataclass(frozen=True)
class Entry:
    """One sealed passphrase."""

    ephemeral: bytes
    nonce: bytes
    sealed: bytes


@dataclass
class Escrow:
    """The sealed passphrases of one recovery kit."""

    recipient: bytes  # the kit's X25519 public key
    made: str = ""  # when the kit was made (ISO 8601): a newer kit's escrow is never replaced
    entries: list[Entry] = field(default_factory=list)

    @property
    def kit(self) -> str:
        return kit_id(self.recipient)

    def seal(self, passphrase: str) -> None:
        """Add ``passphrase`` as the newest entry (keeping at most MAX_ENTRIES)."""
        ephemeral = X25519PrivateKey.generate()
        eph_public = public_bytes(ephemeral.public_key())
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(self.recipient))
        nonce = secrets.token_bytes(12)
        plain = _padded({"passphrase": passphrase, "sealed_at": datetime.now(UTC).isoformat()})
        sealed = ChaCha20Poly1305(self._key(shared, eph_public)).encrypt(nonce, plain, self._aad())
        self.entries = [Entry(eph_public, nonce, sealed), *self.entries][:MAX_ENTRIES]

    def open(self, key: RecoveryKey) -> list[str]:
        """The passphrases ``key`` unseals, newest first (damaged entries are skipped)."""
        private = key.private_key()
        found: list[str] = []
        for entry in self.entries:
            try:
                shared = private.exchange(X25519PublicKey.from_public_bytes(entry.ephemeral))
                plain = ChaCha20Poly1305(self._key(shared, entry.ephemeral)).decrypt(
                    entry.nonce, entry.sealed, self._aad()
                )
                passphrase = json.loads(plain.decode("utf-8"))["passphrase"]
            except (InvalidTag, ValueError, KeyError, TypeError):
                continue
            if isinstance(passphrase, str) and passphrase not in found:
                found.append(passphrase)
        return found

    def merged(self, other: Escrow) -> Escrow:
        """This escrow with ``other``'s entries of the same kit that it lacks (kept after)."""
        if other.recipient != self.recipient:
            return self
        mine = {e.ephemeral for e in self.entries}
        extra = [e for e in other.entries if e.ephemeral not in mine]
        return Escrow(self.recipient, self.made, [*self.entries, *extra][:MAX_ENTRIES])

    def _key(self, shared: bytes, ephemeral: bytes) -> bytes:
        hkdf = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=ephemeral + self.recipient, info=_SEAL_INFO
        )
        return hkdf.derive(shared)

    def _aad(self) -> bytes:
        return f"{FORMAT} {VERSION}".encode() + self.recipient

    def dumps(self) -> str:
        def b64(data: bytes) -> str:
            return base64.b64encode(data).decode("ascii")

        return json.dumps(
            {
                "format": FORMAT,
                "version": VERSION,
                "kit": self.kit,
                "made": self.made,
                "recipient": b64(self.recipient),
                "entries": [
                    {"ephemeral": b64(e.ephemeral), "nonce": b64(e.nonce), "sealed": b64(e.sealed)}
                    for e in self.entries
                ],
            },
            indent=1,
        )

    @classmethod
    def loads(cls, text: str | bytes) -> Escrow:
        """Parse an escrow, or raise ``EscrowUnreadable``."""
        if len(text) > MAX_FILE_BYTES:
            raise EscrowUnreadable("too large")  # not shown: caught, never told
        try:
            data = json.loads(text)
            if data["format"] != FORMAT or data["version"] != VERSION:
                raise EscrowUnreadable("another format")  # not shown: caught, never told
            recipient = _b64(data["recipient"], 32)
            made = data.get("made", "")
            if not isinstance(made, str):
                raise ValueError("bad date")
            entries = [
                Entry(_b64(e["ephemeral"], 32), _b64(e["nonce"], 12), _b64(e["sealed"], None))
                for e in data["entries"][:MAX_ENTRIES]
            ]
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            raise EscrowUnreadable(str(exc)) from None
        return cls(recipient, made[:40], entries)


def _padded(fields: dict[str, str]) -> bytes:
    """``fields`` as JSON, padded with spaces to a multiple of PAD_TO bytes, so an entry's size
    does not tell the passphrase's length (JSON ignores the trailing white space)."""
    plain = json.dumps(fields, ensure_ascii=False).encode("utf-8")
    return plain + b" " * (-len(plain) % PAD_TO)


def _b64(value: object, size: int | None) -> bytes:
    if not isinstance(value, str):
        raise ValueError("not text")
    data = base64.b64decode(value, validate=True)
    if size is not None and len(data) != size:
        raise ValueError("wrong length")
    return data


def new_escrow(key: RecoveryKey, made: datetime) -> Escrow:
    """An empty escrow for the kit ``key`` stands for, made at ``made``."""
    return Escrow(key.public_bytes(), made.isoformat(timespec="seconds"))
