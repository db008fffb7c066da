"""Drafts: what was typed in an open dialog, kept inside the journal until it is saved.

A dialog keeps its draft about a second after typing stops and at once before a lock or a
quit; it drops the draft when it saves or the person discards. Opened again for the same
``kind`` and ``place`` after a lock, a quit, a signal or a crash, it gets its fields back.
Drafts live only in the encrypted journal (never a temp file or a setting) and are not
records: not listed, searched or exported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import select

from iltdesk.models import Draft
from iltdesk.models.base import utcnow
from iltdesk.store.journal import Journal


@dataclass(frozen=True)
class KeptDraft:
    """A dialog's kept fields (each text box's name -> its text), and when they were kept."""

    fields: dict[str, str]
    saved_at: datetime


def keep_draft(journal: Journal, kind: str, place: str, fields: dict[str, str]) -> None:
    """Keep ``fields`` as the draft of ``kind`` at ``place``, replacing the one kept before."""
    text = json.dumps({str(k): str(v) for k, v in fields.items()}, ensure_ascii=False)
    with journal.write() as s:
        draft = s.exec(select(Draft).where(Draft.kind == kind, Draft.place == place)).first()
        if draft is None:
            draft = Draft(kind=kind, place=place)
        draft.fields, draft.saved_at = text, utcnow()
        s.add(draft)


def kept_draft(journal: Journal, kind: str, place: str) -> KeptDraft | None:
    """The draft of ``kind`` at ``place`` with when it was kept; None if there is none."""
    with journal.session() as s:
        draft = s.exec(select(Draft).where(Draft.kind == kind, Draft.place == place)).first()
        if draft is None:
            return None
        fields, saved_at = draft.fields, draft.saved_at
    try:
        loaded = json.loads(fields)
    except ValueError:  # never written so; a damaged draft is no draft, not a failed dialog
        return None
    if not isinstance(loaded, dict):
        return None
    if saved_at.tzinfo is None:
        saved_at = saved_at.replace(tzinfo=UTC)
    return KeptDraft({str(k): str(v) for k, v in loaded.items()}, saved_at)


def draft_for(journal: Journal, kind: str, place: str) -> dict[str, str] | None:
    """The fields kept for ``kind`` at ``place`` (name -> text); None if there is no draft."""
    kept = kept_draft(journal, kind, place)
    return None if kept is None else kept.fields


def drop_draft(journal: Journal, kind: str, place: str) -> None:
    """Forget the draft of ``kind`` at ``place`` (saved, or discarded); nothing if none."""
    with journal.write() as s:
        for draft in s.exec(select(Draft).where(Draft.kind == kind, Draft.place == place)):
            s.delete(draft)
