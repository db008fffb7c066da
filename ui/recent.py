"""Recently opened journals: their paths only, never anything from inside them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "recent_journals"
LIMIT = 6


def _settings() -> QSettings:
    return QSettings("iltdesk", "iltdesk")


def recent_journals() -> list[Path]:
    """Most recent first."""
    value = _settings().value(KEY, [])
    items = [value] if isinstance(value, str) else list(value or [])
    return [Path(str(p)) for p in items if p]


def add_recent(path: Path) -> None:
    """Put ``path`` at the top of the list."""
    resolved = str(path.expanduser().resolve())
    items = [str(p) for p in recent_journals() if str(p) != resolved]
    settings = _settings()
    settings.setValue(KEY, [resolved, *items][:LIMIT])
    settings.sync()


def forget_recent(path: Path) -> None:
    """Drop ``path`` from the list."""
    resolved = str(path.expanduser().resolve())
    settings = _settings()
    settings.setValue(KEY, [str(p) for p in recent_journals() if str(p) != resolved])
    settings.sync()
