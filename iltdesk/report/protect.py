"""Writing a finished PDF privately, and locking it with a password (AES-256)."""

from __future__ import annotations

import errno
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from iltdesk.errors import DiskFull, JournalError, UsageError
from iltdesk.paths import fsync_dir, private_temp_path

if TYPE_CHECKING:
    from pypdf import PdfWriter


def encrypt(
    data: bytes, password: str, *, dress: Callable[[PdfWriter], object] | None = None
) -> bytes:
    """The PDF ``data`` encrypted with AES-256; opening it asks for ``password``. ``dress``
    may add to the PDF first (its bookmarks), in the same pass."""
    if not password:
        raise UsageError("A PDF password cannot be empty.")
    try:
        from pypdf import PdfReader, PdfWriter
        from pypdf.errors import DependencyError
    except ImportError:
        raise JournalError("Password protection needs the pypdf package.") from None
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    if dress is not None:
        dress(writer)
    try:
        writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
        # AES-256 (security handler revision 6) is PDF 2.0's: declare it, not pypdf's 1.3.
        writer.pdf_header = "%PDF-2.0"
    except DependencyError:
        raise JournalError("Password protection needs the cryptography package.") from None
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to exactly ``path`` (mode 0600) through a temporary file beside it."""
    if path.is_dir():
        raise UsageError(f"{path} is a folder; name the PDF file to write.")
    if not path.parent.is_dir():
        raise UsageError(f"There is no folder {path.parent} to write the PDF into.")
    try:
        with private_temp_path(path) as tmp:
            with open(tmp, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, path)
        fsync_dir(path.parent)
    except PermissionError:
        raise UsageError(f"You may not write to {path}.") from None
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise DiskFull("The disk is full; the PDF was not written.") from None
        raise
