"""The interface in the user's language, when a translation ships for it (issue 23).

Every string the interface shows is marked (``self.tr``/``QCoreApplication.translate``,
checked by tests/test_translation.py). ``pyside6-lupdate iltdesk ui -ts iltdesk_xx.ts``
extracts them with the core's; Qt Linguist translates them; ``pyside6-lrelease`` makes
``iltdesk_xx.qm``. A translation is ``resources/translations/iltdesk_<locale>.qm``
("iltdesk_fr.qm", "iltdesk_es_MX.qm"); none ships yet, so English shows. Qt's own strings
(dialog buttons) come from PySide6's qtbase translations, which it ships.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from iltdesk import region
from iltdesk import translation as core_words
from iltdesk.paths import resources_dir

FOLDER = core_words.FOLDER  # under resources/


def install(app: QCoreApplication) -> list[QTranslator]:
    """At start, before the first window: set the app's locale (``iltdesk.region``: dates,
    week start, paper) and install the translations found for it; return those installed.
    The core's words (errors, labels, a PDF's headings) go through the same translators."""
    region.apply()
    core_words.use(QCoreApplication.translate)
    locale = QLocale()
    installed = []
    for name, folder in (
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ("iltdesk", str(resources_dir() / FOLDER)),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder) and app.installTranslator(translator):
            installed.append(translator)
    return installed


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark a module constant's ``text`` for translation where it is defined (Qt's own is typed
    as returning ``object``); it is translated where it is shown, with the same ``context``:
    ``QCoreApplication.translate(context, CONSTANT)``."""
    return text
