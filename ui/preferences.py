"""App preferences kept in QSettings: numbers only, never anything from a journal."""

from __future__ import annotations

from PySide6.QtCore import QSettings

IDLE_LOCK_KEY = "lock/idle_minutes"
CADENCE_KEY = "leads/default_cadence_days"
DEFAULT_IDLE_MINUTES = 10
DEFAULT_CADENCE_DAYS = 14


def _int(key: str, default: int, low: int, high: int) -> int:
    value = QSettings("iltdesk", "iltdesk").value(key, default)
    try:
        number = int(str(value))
    except ValueError:
        return default
    return min(max(number, low), high)


def idle_minutes() -> int:
    """Minutes without input before the app locks itself."""
    return _int(IDLE_LOCK_KEY, DEFAULT_IDLE_MINUTES, 1, 240)


def default_cadence() -> int:
    """How often (in days) a new lead is expected to meet, unless said otherwise."""
    return _int(CADENCE_KEY, DEFAULT_CADENCE_DAYS, 1, 90)


def save(*, idle: int, cadence: int) -> None:
    """Store the preferences."""
    settings = QSettings("iltdesk", "iltdesk")
    settings.setValue(IDLE_LOCK_KEY, idle)
    settings.setValue(CADENCE_KEY, cadence)
    settings.sync()
