"""Reading a journal's write-ahead log without SQLite: the damage scan and page-1 copies.

SQLite keeps the WAL beside the file that links lead to, so callers pass the resolved path
(``iltdesk.paths.resolve_journal``).
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

from iltdesk.translation import translate

PAGE_SIZE = 4096  # SQLCipher 4's default page size
# The WAL format (sqlite.org/fileformat.html#walformat): magic -> byte order of its checksums.
WAL_MAGIC = {0x377F0682: "<", 0x377F0683: ">"}
WAL_HEADER = 32
WAL_FRAME_HEADER = 24
FRAME_SIZE = WAL_FRAME_HEADER + PAGE_SIZE


def wal_path(path: Path) -> Path:
    """The write-ahead log beside the journal at (resolved) ``path``."""
    return Path(f"{path}-wal")


def _wal_checksum(data: bytes, seed: tuple[int, int], order: str) -> tuple[int, int]:
    words = struct.unpack(f"{order}{len(data) // 4}I", data)
    s0, s1 = seed
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def wal_damage(path: Path) -> str | None:
    """Why the WAL beside ``path`` would silently drop committed changes, or None.

    SQLite replays a WAL up to its first frame that fails the checksum and ignores the rest,
    because after a power cut that is a torn, unacknowledged write. But a genuine commit frame
    *after* a bad one (or frames behind a corrupt header) can only mean the log was damaged
    later: replaying would quietly roll back acknowledged work, so the journal is refused.
    A bad frame with nothing genuine after it cannot be told apart from a torn last write.
    """
    try:
        data = wal_path(path).read_bytes()
    except FileNotFoundError:
        return None
    frames = max(0, (len(data) - WAL_HEADER) // FRAME_SIZE)
    if not frames:
        return None
    magic, _, page_size, _, salt1, salt2, c1, c2 = struct.unpack(">8I", data[:WAL_HEADER])
    order = WAL_MAGIC.get(magic, ">")
    if (
        magic not in WAL_MAGIC
        or page_size != PAGE_SIZE
        or (_wal_checksum(data[:24], (0, 0), order) != (c1, c2))
    ):
        return translate("store.wal", "the header of its write-ahead log is corrupt")
    stored = computed = (c1, c2)  # the last frame's stored checksum, and its recomputed one
    replayed = True  # still inside the run of frames SQLite would replay
    for k in range(frames):
        head = data[WAL_HEADER + k * FRAME_SIZE :][:WAL_FRAME_HEADER]
        _, commit, s1, s2, f1, f2 = struct.unpack(">6I", head)
        mine = stored  # stale frames of an older log are not checked: no commit of ours there
        if (s1, s2) == (salt1, salt2):
            body = head[:8] + data[WAL_HEADER + k * FRAME_SIZE + WAL_FRAME_HEADER :][:PAGE_SIZE]
            mine = _wal_checksum(body, stored, order)
            chained = (f1, f2) == mine
            if (
                not replayed
                and commit
                and (chained or (f1, f2) == _wal_checksum(body, computed, order))
            ):
                return translate(
                    "store.wal", "its write-ahead log is corrupt before its last saved change"
                )
            replayed = replayed and chained
        else:
            replayed = False
        stored, computed = (f1, f2), mine
    return None


def wal_pages(path: Path, limit: int = 64) -> Iterator[tuple[int, bytes]]:
    """(page number, page) of up to ``limit`` whole frames in the WAL beside ``path``.

    The pages are as SQLCipher wrote them (encrypted, each with its own HMAC), whether or not
    SQLite would replay them: only a key can tell whether they belong to this journal.
    """
    try:
        with wal_path(path).open("rb") as fh:
            data = fh.read(WAL_HEADER + limit * FRAME_SIZE)
    except OSError:
        return
    for k in range(max(0, (len(data) - WAL_HEADER) // FRAME_SIZE)):
        start = WAL_HEADER + k * FRAME_SIZE
        (pgno,) = struct.unpack(">I", data[start : start + 4])
        yield pgno, data[start + WAL_FRAME_HEADER : start + FRAME_SIZE]
