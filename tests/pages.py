"""Reading a journal's pages as SQLCipher 4 decrypts them, without SQLCipher: what a test
needs to prove that something deleted is really gone from the file (a canary).

SQLCipher 4's defaults: 4096-byte pages; the file's first 16 bytes are the salt; the key is
PBKDF2-HMAC-SHA512 of the passphrase (NFC, UTF-8) over 256,000 rounds; each page ends with 80
reserved bytes, a 16-byte IV then a 64-byte HMAC; the rest is AES-256-CBC (page 1's starts
after the salt, where SQLite's header would be). The HMAC is not checked: only the text is
wanted. A write-ahead log holds whole pages too, each after a 24-byte frame header.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
SALT = 16
RESERVE = 80
IV = 16
KDF_ROUNDS = 256_000
WAL_HEADER = 32
FRAME_HEADER = 24


def key_for(passphrase: str, salt: bytes) -> bytes:
    text = unicodedata.normalize("NFC", passphrase).encode()
    return hashlib.pbkdf2_hmac("sha512", text, salt, KDF_ROUNDS, 32)


def decrypt_page(key: bytes, page: bytes, number: int) -> bytes:
    """Page ``number`` (1-based) of the file, decrypted (page 1 without its salt)."""
    start = SALT if number == 1 else 0
    iv = page[PAGE - RESERVE : PAGE - RESERVE + IV]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(page[start : PAGE - RESERVE]) + decryptor.finalize()


def journal_pages(path: Path, passphrase: str) -> Iterator[bytes]:
    """Every page of ``path`` and of its write-ahead log (if any), decrypted."""
    data = path.read_bytes()
    key = key_for(passphrase, data[:SALT])
    for index in range(len(data) // PAGE):
        yield decrypt_page(key, data[index * PAGE : (index + 1) * PAGE], index + 1)
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        log = wal.read_bytes()
        at = WAL_HEADER
        while at + FRAME_HEADER + PAGE <= len(log):
            number = int.from_bytes(log[at : at + 4], "big")
            yield decrypt_page(key, log[at + FRAME_HEADER : at + FRAME_HEADER + PAGE], number)
            at += FRAME_HEADER + PAGE


def first_page_is_sqlite(path: Path, passphrase: str) -> bool:
    """Whether page 1 decrypts to SQLite's header (after the salt): 4096-byte pages and 80
    reserved bytes. Proves the decryption is right, so a canary not found is really absent."""
    page = next(journal_pages(path, passphrase))
    # Header bytes 16-17: page size; byte 20: reserved bytes per page (offsets less the salt).
    return page[0:2] == PAGE.to_bytes(2, "big") and page[4] == RESERVE


def holds(path: Path, passphrase: str, marker: str) -> bool:
    """Whether any page of the journal (or its log) holds ``marker`` in UTF-8."""
    needle = marker.encode()
    return any(needle in page for page in journal_pages(path, passphrase))
