"""Recently opened journals: their paths only, never anything from inside them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "recent_journals"
LIMIT = 6


def _settings() -> QSettings:
    return QSettings("iltdesk", "iltdesk")


def _usable(value: object) -> Path | None:
    """``value`` as a path, or None when the settings file holds something else there."""
    if not isinstance(value, str) or not value or "\x00" in value:
        return None
    path = Path(value)
    try:
        path.exists()  # a name too long for the OS raises here, not later in the caller
    except (OSError, ValueError):
        return None
    return path


def recent_journals() -> list[Path]:
    """Most recent first; anything in the settings file that is not a usable path is skipped."""
    value = _settings().value(KEY, [])
    items = value if isinstance(value, list) else [value]
    return [p for p in map(_usable, items) if p is not None]


def add_recent(path: Path) -> None:
    """Put ``path`` at the top of the list."""
    resolved = str(path.expanduser().resolve())
    items = [str(p) for p in recent_journals() if str(p) != resolved]
    settings = _settings()
    settings.setValue(KEY, [resolved, *items][:LIMIT])
    settings.sync()
