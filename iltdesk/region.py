"""The user's region: which locale words dates and starts the week, and which paper a PDF is on.

The one core module that may import PySide6 outside ``iltdesk/report/``, and then only QtCore,
lazily, on the first date worded or page sized: QLocale knows every locale's date order, names
and first weekday (CLDR), which Python's ``locale`` module only knows for the locales a machine
has generated. The command line pays for QtCore only when it prints a date.

Which locale (one for the app, the command line and the PDF, set as Qt's default):
``ILTDESK_LOCALE`` if set (tests pin it; a user may too), else the system's: on Linux/Unix the
POSIX variables for dates (``LC_ALL``, ``LC_TIME``, ``LANG``), elsewhere ``QLocale.system()``.
A machine with no locale chosen ("C", "POSIX") keeps the app's original British style.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QLocale

OVERRIDE = "ILTDESK_LOCALE"
FALLBACK = "en_GB"  # what the app always showed; used where no locale is chosen
UNCHOSEN = ("", "C", "POSIX")  # no locale chosen

# Territories whose paper is US Letter: CLDR's supplemental measurement data ("paperSize"
# US-Letter: BZ CA CL CO CR GT MX NI PA PH PR SV US VE); every other territory uses A4.
LETTER_TERRITORIES = frozenset(
    ("BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE")
)


@dataclass
class _State:
    applied: str | None = None  # the name of the locale set as Qt's default, once set
    names: QLocale | None = None  # the locale whose month and day names dates are worded in


_state = _State()


def _posix_name(*variables: str) -> str | None:
    """The locale the first set POSIX variable names, without codeset or modifier
    ("en_US.UTF-8@euro" -> "en_US"); None when none is set."""
    for variable in variables:
        value = os.environ.get(variable, "")
        if value:
            return value.split(".")[0].split("@")[0]
    return None


def chosen_name() -> str | None:
    """The locale's name from the environment, or None to ask the system (Windows, macOS)."""
    name = _posix_name(OVERRIDE, "LC_ALL", "LC_TIME", "LANG")
    if name is None:
        return None
    return FALLBACK if name in UNCHOSEN else name


def apply(name: str | None = None) -> None:
    """Make ``name`` (by default the chosen locale) Qt's default locale: date fields, their
    calendars and every date this module words follow it. Called at start and by tests."""
    from PySide6.QtCore import QLocale

    name = name or chosen_name()
    locale = QLocale(name) if name else QLocale.system()
    if locale.language() == QLocale.Language.C:
        locale = QLocale(FALLBACK)
    QLocale.setDefault(locale)
    _state.applied = locale.name()
    # English names are the US ones everywhere ("Sep": en_GB's own "Sept" is not how the app
    # ever wrote it); other languages use their own.
    english = locale.language() == QLocale.Language.English
    _state.names = QLocale("en_US") if english else locale


def current() -> QLocale:
    """Qt's default locale, set from the chosen one on first use."""
    from PySide6.QtCore import QLocale

    if _state.applied is None:
        apply()
    return QLocale()


def current_name() -> str:
    """'en_US', 'en_GB', ... of the locale in use (sets it on first use)."""
    return current().name()


def first_weekday() -> int:
    """The day a week starts on where the user is, Monday=0 like ``date.weekday()``: Sunday
    in the US, Monday in the UK."""
    return current().firstDayOfWeek().value - 1


def paper_territory() -> str:
    """The two-letter territory whose paper size applies: ``LC_PAPER`` on Unix when set (and
    not overridden by ``ILTDESK_LOCALE`` or ``LC_ALL``), else the locale in use."""
    from PySide6.QtCore import QLocale

    name = _posix_name(OVERRIDE, "LC_ALL", "LC_PAPER")
    locale = QLocale(name) if name and name not in UNCHOSEN else current()
    return QLocale.territoryToCode(locale.territory())


def uses_letter() -> bool:
    """Whether PDFs are on US Letter (8.5 x 11 in) rather than A4."""
    return paper_territory() in LETTER_TERRITORIES


def long_date_format(name: str) -> tuple[str, bool]:
    """Locale ``name``'s long date format ('dddd, MMMM d, yyyy') and whether it is English."""
    from PySide6.QtCore import QLocale

    locale = QLocale(name)
    english = locale.language() == QLocale.Language.English
    return locale.dateFormat(QLocale.FormatType.LongFormat), english


def names_name() -> str:
    """The locale whose month and day names dates are worded in ('en_US' for English)."""
    if _state.names is None:
        apply()
    assert _state.names is not None
    return _state.names.name()


def word(day: date, pattern: str) -> str:
    """``day`` in Qt's date ``pattern``, in the names of the locale in use."""
    from PySide6.QtCore import QDate

    if _state.names is None:
        apply()
    assert _state.names is not None
    return _state.names.toString(QDate(day.year, day.month, day.day), pattern)
