"""ILT health self-checks: how often the team does key leadership actions."""

from __future__ import annotations

from datetime import date
from enum import IntEnum

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from iltdesk.models.base import Stamped, today


class Frequency(IntEnum):
    """How often the team does an action."""

    never = 0
    rarely = 1
    sometimes = 2
    often = 3
    always = 4


class SelfCheck(Stamped, table=True):
    """One dated self-check, by the principal alone or with the team."""

    __tablename__ = "self_check"

    id: int | None = Field(default=None, primary_key=True)
    taken_on: date = Field(default_factory=today)
    taken_by: str = "principal"
    note: str = ""
    # The wording the actions were answered against (iltdesk.self_check.ITEM_SETS): a check-in
    # keeps its set when the questions are reworded. Set 1 is the first release's wording.
    item_set: int = 2


class SelfCheckAnswer(Stamped, table=True):
    """The rating of one action (``item``, see iltdesk.self_check) in a self-check."""

    __tablename__ = "self_check_answer"
    __table_args__ = (UniqueConstraint("self_check_id", "item"),)

    id: int | None = Field(default=None, primary_key=True)
    self_check_id: int = Field(foreign_key="self_check.id", ondelete="CASCADE", index=True)
    area: str
    item: str
    frequency: int = Field(ge=0, le=4)


class SelfCheckAreaNote(Stamped, table=True):
    """The principal's note on one area of a self-check."""

    __tablename__ = "self_check_area_note"
    __table_args__ = (UniqueConstraint("self_check_id", "area"),)

    id: int | None = Field(default=None, primary_key=True)
    self_check_id: int = Field(foreign_key="self_check.id", ondelete="CASCADE", index=True)
    area: str
    note: str = ""
