"""Notes on the tensions a system leader balances (see iltdesk.tension for the seven)."""

from __future__ import annotations

from datetime import date

from sqlmodel import Field

from iltdesk.models.base import Stamped, today


class TensionNote(Stamped, table=True):
    """A dated note on one tension: when each pole serves, the decision at stake, and where
    the principal leans, if anywhere.

    ``leaning`` runs from -2 (fully the first pole) to +2 (fully the second); 0 is balanced;
    None when no leaning is given (leaders rarely pick one pole: "both, depending on...").
    """

    __tablename__ = "tension_note"

    id: int | None = Field(default=None, primary_key=True)
    tension: str = Field(index=True)
    noted_on: date = Field(default_factory=today)
    leaning: int | None = Field(default=None, ge=-2, le=2)
    decision: str = ""
    first_pole_serves: str = ""
    second_pole_serves: str = ""
    evidence: str = ""
    note: str = ""
