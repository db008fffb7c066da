"""Tell a damaged journal from a wrong passphrase, and a journal from some other file.

SQLCipher answers "file is not a database" both when the key is wrong and when the first
page fails its HMAC, so on that failure (and only then: it costs one more key derivation)
the passphrase is tried here against pages that SQLCipher did not need to read. This is
SQLCipher 4's own page format with its defaults (sqlcipher.net/design): the key is
PBKDF2-HMAC-SHA512(passphrase, salt, 256,000); the HMAC key is PBKDF2-HMAC-SHA512(key,
salt XOR 0x3a, 2); each page ends with a 16-byte IV and an HMAC-SHA512 over the page's
ciphertext and IV followed by its page number (4 bytes, little-endian). Page 1 starts with
the 16-byte salt, which its HMAC does not cover. Nothing here decrypts anything.
"""

from __future__ import annotations

import hashlib
import hmac
import struct
from collections.abc import Iterable, Iterator
from pathlib import Path

from iltdesk.store.connection import keyed_secret
from iltdesk.store.precheck import SALT_SIZE
from iltdesk.store.wal import PAGE_SIZE, wal_pages
from iltdesk.translation import translate

HMAC_SIZE = 64  # HMAC-SHA512
KDF_ITERATIONS = 256_000  # SQLCipher 4's default; only ever used to check, never to key
HMAC_KDF_ITERATIONS = 2
HMAC_SALT_MASK = 0x3A
WITNESSES = 8  # pages checked besides page 1: enough to be sure, cheap (each ~10 µs)


def _hmac_key(secret: bytes, salt: bytes) -> bytes:
    key = hashlib.pbkdf2_hmac("sha512", secret, salt, KDF_ITERATIONS, 32)
    mask = bytes(b ^ HMAC_SALT_MASK for b in salt)
    return hashlib.pbkdf2_hmac("sha512", key, mask, HMAC_KDF_ITERATIONS, 32)


def page_verifies(page: bytes, pgno: int, hmac_key: bytes) -> bool:
    """Whether ``page`` (as stored, page number ``pgno``) carries a valid HMAC for this key."""
    if len(page) != PAGE_SIZE or pgno < 1:
        return False
    body = page[SALT_SIZE if pgno == 1 else 0 : PAGE_SIZE - HMAC_SIZE]
    mac = hmac.new(hmac_key, body + struct.pack("<I", pgno), hashlib.sha512).digest()
    return hmac.compare_digest(mac, page[PAGE_SIZE - HMAC_SIZE :])


def _main_pages(path: Path, count: int) -> list[bytes]:
    with path.open("rb") as fh:
        data = fh.read(count * PAGE_SIZE)
    return [data[i : i + PAGE_SIZE] for i in range(0, len(data) - PAGE_SIZE + 1, PAGE_SIZE)]


def _witnesses(main: list[bytes], wal: Iterable[tuple[int, bytes]]) -> Iterator[tuple[int, bytes]]:
    """Pages other than page 1 to check a key against: the main file's, then the WAL's."""
    yield from ((n, page) for n, page in enumerate(main[1:], start=2))
    yield from ((n, page) for n, page in wal if n != 1)


def first_page_damaged() -> str:
    """The reason given for a journal whose first page fails its check."""
    return translate("store.diagnose", "its first page is damaged")


def first_page_verifies(path: Path, secret: bytes) -> bool:
    """Whether the first page of ``path`` carries a valid HMAC under ``secret`` (one
    key derivation)."""
    main = _main_pages(path, 1)
    return bool(main) and page_verifies(main[0], 1, _hmac_key(secret, main[0][:SALT_SIZE]))


def damage_reason(path: Path, secret: bytes) -> str | None:
    """Why SQLCipher refused ``path`` although ``secret`` is its passphrase, or None.

    ``secret`` is the passphrase as keyed (NFC, UTF-8). Called only after SQLCipher said "not
    a database": a page other than page 1 that verifies under the file's own salt proves the
    passphrase right, so page 1 is damaged. If none does, the salt itself may be damaged; a
    copy of page 1 in a crash-left WAL still holds the true salt, and the main file's page 1
    (whose HMAC leaves the salt out) verifying under it proves that. Without such a copy a
    damaged salt cannot be told from a wrong passphrase by anyone (the salt is 16 random
    bytes; trying every one-byte change would take 4,080 derivations, ~15 minutes), so None
    (``refusal_reason`` then asks the journal's backups for the salt).
    """
    main = _main_pages(path, 1 + WITNESSES)
    if not main:
        return None
    wal = list(wal_pages(path))
    salt = main[0][:SALT_SIZE]
    key = _hmac_key(secret, salt)
    witnesses = [w for _, w in zip(range(WITNESSES), _witnesses(main, wal), strict=False)]
    if any(page_verifies(page, n, key) for n, page in witnesses):
        if page_verifies(main[0], 1, key):
            return None  # every HMAC holds: not a damaged page (SQLCipher refused otherwise)
        return first_page_damaged()
    for other in dict.fromkeys(page[:SALT_SIZE] for n, page in wal if n == 1):
        if other != salt and page_verifies(main[0], 1, _hmac_key(secret, other)):
            return translate("store.diagnose", "the salt at the head of its file is damaged")
    return None


def salt_recorded_elsewhere(path: Path, secret: bytes, recorded: Iterable[bytes]) -> bool:
    """Whether one of the ``recorded`` salts (the journal's, as its backups remember it)
    differs from the salt at the head of ``path`` and keys its other pages under ``secret``.

    One key derivation per distinct salt tried. Pages past page 1 must verify: a salt that
    only made page 1 verify could not prove the rest of the file is this journal.
    """
    main = _main_pages(path, 1 + WITNESSES)
    if not main:
        return False
    witnesses = list(zip(range(WITNESSES), _witnesses(main, wal_pages(path)), strict=False))
    tried = {main[0][:SALT_SIZE]}
    for salt in recorded:
        if salt in tried:
            continue
        tried.add(salt)
        key = _hmac_key(secret, salt)
        if any(page_verifies(page, n, key) for _, (n, page) in witnesses):
            return True
    return False


def refusal_reason(path: Path, shown: Path, passphrase: str) -> str | None:
    """Why SQLCipher said "not a database" to ``passphrase`` on ``path`` (real) if the
    passphrase is right and the file damaged, or None (a wrong passphrase, as far as anyone
    can tell).

    Only when the file itself cannot tell does this open the journal's newest backups
    (``salt.BACKUPS_TRIED``, each one more derivation), read-only and immutable: one that
    opens with this passphrase remembers the journal's salt, and a damaged salt is then
    proven by the journal's pages verifying under the remembered one.
    """
    from iltdesk.store import salt

    secret = keyed_secret(passphrase)
    reason = damage_reason(path, secret)
    if reason is not None:
        return reason
    if salt_recorded_elsewhere(path, secret, salt.salts_in_backups(path, shown, passphrase)):
        return first_page_damaged()
    return None
