"""Locking a finished PDF with a password (AES-256); ``write_private`` (iltdesk.paths)
writes it, 0600, whole or not at all."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TYPE_CHECKING

from iltdesk.errors import JournalError, UsageError
from iltdesk.paths import write_private as write_private
from iltdesk.translation import translate

if TYPE_CHECKING:
    from pypdf import PdfWriter


def encrypt(
    data: bytes, password: str, *, dress: Callable[[PdfWriter], object] | None = None
) -> bytes:
    """The PDF ``data`` encrypted with AES-256; opening it asks for ``password``. ``dress``
    may add to the PDF first (its bookmarks), in the same pass."""
    if not password:
        raise UsageError(translate("report.protect", "A PDF password cannot be empty."))
    try:
        from pypdf import PdfReader, PdfWriter
        from pypdf.errors import DependencyError
    except ImportError:
        raise JournalError(
            translate("report.protect", "Password protection needs the pypdf package.")
        ) from None
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    if dress is not None:
        dress(writer)
    try:
        writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
        # AES-256 (security handler revision 6) is PDF 2.0's: declare it, not pypdf's 1.3.
        writer.pdf_header = "%PDF-2.0"
    except DependencyError:
        raise JournalError(
            translate("report.protect", "Password protection needs the cryptography package.")
        ) from None
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
