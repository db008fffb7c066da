"""Journal-wide settings (school, principal), kept inside the encrypted file."""

from __future__ import annotations

from sqlmodel import Field

from iltdesk.models.base import Stamped


class JournalSetting(Stamped, table=True):
    """One named setting of this journal."""

    __tablename__ = "journal_setting"

    key: str = Field(primary_key=True)
    value: str = ""
