"""App preferences kept in QSettings: numbers only, never anything from a journal."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings

from iltdesk.due import DEFAULT_CADENCE_DAYS, MAX_CADENCE_DAYS, MIN_CADENCE_DAYS
from iltdesk.paths import DIR_MODE, ensure_private_file

IDLE_LOCK_KEY = "lock/idle_minutes"
CADENCE_KEY = "leads/default_cadence_days"
SCREEN_LOCK_KEY = "lock/on_screen_lock"  # lock with the screen or sleep (ui/shell/session_lock)
DEFAULT_IDLE_MINUTES = 10
THEME_KEY = "appearance/theme"
TEXT_SIZE_KEY = "appearance/text_size"
THEMES = ("system", "light", "dark")
TEXT_SIZES = ("small", "normal", "large", "larger")
_SETTINGS_ARE_A_FILE = sys.platform not in ("darwin", "win32")  # elsewhere: plist, registry


def private_settings() -> QSettings:
    """The app's QSettings, whose file is made 0600 in a 0700 folder before Qt writes to it.

    Qt creates its settings file and folder with the process umask (0644/0755 under the
    usual 022) and keeps an existing file's mode when it rewrites it, so creating it first
    is enough. Only where settings are an INI file (Linux and other Unixes).
    """
    settings = QSettings("iltdesk", "iltdesk")
    if _SETTINGS_ARE_A_FILE and settings.format() == QSettings.Format.NativeFormat:
        path = Path(settings.fileName())
        ensure_private_file(path)
        if path.parent.name == "iltdesk":  # the app's own folder, perhaps made by an older one
            os.chmod(path.parent, DIR_MODE)
    return settings


def _int(key: str, default: int, low: int, high: int) -> int:
    value = private_settings().value(key, default)
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
    return _int(CADENCE_KEY, DEFAULT_CADENCE_DAYS, MIN_CADENCE_DAYS, MAX_CADENCE_DAYS)


def lock_with_screen() -> bool:
    """Whether the journal locks when the screen locks or the computer sleeps (on unless
    turned off, as KeePassXC does)."""
    return private_settings().value(SCREEN_LOCK_KEY, True) not in (False, "false", "0", 0)


def save(*, idle: int, cadence: int, with_screen: bool | None = None) -> None:
    """Store the preferences (``with_screen``: ``lock_with_screen``, unchanged when None)."""
    settings = private_settings()
    settings.setValue(IDLE_LOCK_KEY, idle)
    settings.setValue(CADENCE_KEY, cadence)
    if with_screen is not None:
        settings.setValue(SCREEN_LOCK_KEY, with_screen)
    settings.sync()


def _choice(key: str, choices: tuple[str, ...], default: str) -> str:
    value = str(private_settings().value(key, default))
    return value if value in choices else default


def theme() -> str:
    """'system' (follow the computer), 'light' or 'dark'."""
    return _choice(THEME_KEY, THEMES, "system")


def text_size() -> str:
    """'small', 'normal', 'large' or 'larger'."""
    return _choice(TEXT_SIZE_KEY, TEXT_SIZES, "normal")


def save_appearance(*, theme: str, text_size: str) -> None:
    """Store the look chosen in Settings (words from THEMES and TEXT_SIZES only)."""
    if theme not in THEMES or text_size not in TEXT_SIZES:
        raise ValueError(f"unknown appearance {theme!r}, {text_size!r}")
    settings = private_settings()
    settings.setValue(THEME_KEY, theme)
    settings.setValue(TEXT_SIZE_KEY, text_size)
    settings.sync()
