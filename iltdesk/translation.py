"""The core's words in the user's language, when a translation ships for it (issue 23).

The core says things a person reads: why a journal did not open, what a command did, the
labels of record kinds, a PDF's headings. Each is marked the way Qt's extractor reads:
``translate("context", "text")`` where it is said, ``QT_TRANSLATE_NOOP("context", "text")``
for a module constant (then ``translate("context", CONSTANT)`` where it is shown, with the
same context). ``pyside6-lupdate iltdesk ui -ts iltdesk_xx.ts`` extracts both folders into
one catalogue; ``resources/translations/iltdesk_<locale>.qm`` is its compiled form.

The core imports no Qt for this: the app installs ``QCoreApplication.translate`` (with its
translators) through ``use``; the command line loads the locale's catalogue itself, and only
when one ships (``for_command_line``), so a command pays nothing for English.

Not marked: text another program reads back (an export's field names and headings that
``import`` parses, SQL, file names), log lines and exceptions that report a bug.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

Translate = Callable[[str, str], str]
FOLDER = "translations"  # under resources/, as ui/kit/translation.py loads it
CATALOGUE = "iltdesk"  # iltdesk_<locale>.qm


def _english(context: str, text: str) -> str:
    return text


@dataclass
class _State:
    translate: Translate = _english


_state = _State()


def translate(context: str, text: str) -> str:
    """``text`` in the user's language if a translation has it, else as written."""
    return _state.translate(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    """Mark a constant's ``text`` for translation where it is defined; it is translated where
    it is shown, with the same ``context``: ``translate(context, CONSTANT)``."""
    return text


def use(translator: Translate | None) -> None:
    """Translate the core's words with ``translator`` from now on (None: English again)."""
    _state.translate = translator or _english


def catalogue_names(locale_name: str) -> list[str]:
    """The catalogue files to look for, most specific first, as QTranslator.load does:
    'pt_BR' -> iltdesk_pt_BR.qm, iltdesk_pt.qm."""
    parts = locale_name.split("_")
    return [f"{CATALOGUE}_{'_'.join(parts[:n])}.qm" for n in range(len(parts), 0, -1)]


def for_command_line(resources: Callable[[], Path]) -> bool:
    """Translate the command line's words when a catalogue ships for the chosen locale;
    whether one was loaded. English, the source, needs no catalogue: a quick command then
    looks for none (finding the resources folder alone costs ~5 ms), nor imports QtCore."""
    from iltdesk import region

    name = region.chosen_name()
    if name is None or name.split("_")[0] in ("en", *region.UNCHOSEN):
        return False
    folder = resources() / FOLDER
    found = [folder / file for file in catalogue_names(name)]
    catalogue = next((path for path in found if path.is_file()), None)
    if catalogue is None:
        return False
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    if not translator.load(str(catalogue)):
        return False

    def translated(context: str, text: str) -> str:
        # An empty answer means "not translated": the source text stands.
        return translator.translate(context, text) or text

    use(translated)
    return True
