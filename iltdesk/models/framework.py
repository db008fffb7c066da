"""The two frameworks the principal owns: leaders grow against one, teachers are observed
against the other."""

from __future__ import annotations

from enum import StrEnum

from sqlmodel import Field

from iltdesk.models.base import Stamped


class FrameworkKind(StrEnum):
    """Which list an item belongs to."""

    leadership = "leadership"  # the district's leader standards: leads' cycles, growth areas
    teacher = "teacher"  # the district's teacher rubric: the ILT's year-long theme


class FrameworkItem(Stamped, table=True):
    """One standard or indicator, as the principal entered or imported it."""

    __tablename__ = "framework_item"

    id: int | None = Field(default=None, primary_key=True)
    framework: FrameworkKind = Field(index=True)
    position: int = 0
    code: str = ""
    title: str
    description: str = ""
