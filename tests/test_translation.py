"""The interface's text is marked for translation (issue 23), so a translation can be added
later without touching the code: ``self.tr("...")`` in a QObject subclass, elsewhere
``QCoreApplication.translate("Context", "...")``, never an f-string inside (``.format`` after).

Two checks: Qt's own extractor (pyside6-lupdate) finds the marked strings, and no string
literal with words reaches a Qt text setter unmarked. Translations, when one ships, are
``resources/translations/iltdesk_<locale>.qm`` (ui/kit/translation.py loads them).
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.catalogues import LRELEASE, compile_catalogue
from tests.unmarked_words import core_files, unmarked_words

REPO = Path(__file__).resolve().parent.parent
UI = REPO / "ui"

# Where Qt shows the text it is given: the index of the text argument(s) of each call.
FIRST = frozenset(
    (
        "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip",
        "setWhatsThis", "setTitle", "setLabelText", "setInformativeText", "setDetailedText",
        "setAccessibleName", "setAccessibleDescription", "setSuffix", "setPrefix",
        "setSpecialValueText", "showMessage", "addSection", "setNameFilter",
        "setOkButtonText", "setCancelButtonText", "setHeaderLabels", "setHorizontalHeaderLabels",
        "setVerticalHeaderLabels", "addItems", "setHtml",
        # the kit's helpers that show the text they are given
        "hint", "field_label", "record_list", "FittedList",
    )
)  # fmt: skip
SECOND = frozenset(("setTabText", "setTabToolTip", "setItemText", "setButtonText"))
# The text is the first string among the arguments (an icon or a widget may come before it).
FIRST_STRING = frozenset(
    (
        "addAction", "addMenu", "addButton", "addItem", "addTab", "insertTab", "QLabel",
        "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QToolButton", "QAction",
        "QMenu", "QCommandLinkButton", "QListWidgetItem", "addRow", "QStandardItem",
        "QTableWidgetItem",
    )
)  # fmt: skip
# The text is the last argument: QPainter.drawText(rect, flags, text), (point, text), (x, y, text).
LAST = frozenset(("drawText",))
# Methods whose returned value Qt shows (a model's cells and headers): a literal returned there.
SHOWN_RETURNS = frozenset(("headerData", "data"))
# Static dialogs: (parent, title, text, ...) or (parent, caption, directory, filter).
DIALOGS = frozenset(
    f"{owner}.{name}"
    for owner, names in (
        ("QMessageBox", ("question", "information", "warning", "critical", "about")),
        ("QInputDialog", ("getText", "getItem", "getInt", "getMultiLineText", "getDouble")),
        ("QFileDialog", ("getSaveFileName", "getOpenFileName", "getExistingDirectory")),
    )
    for name in names
)
# Text that is not words to translate: a shortcut, a symbol, a number.
SHORTCUT = re.compile(r"^((Ctrl|Alt|Shift|Meta)\+)+\S+$|^F\d+$")
MASK = re.compile(r"[X\d\W]+")  # an input mask's placeholder: "XXXX-XXXX-XXXX"
NOT_WORDS = frozenset(("…", "·", "—", "–", "×", "✓", "▸", "▾", "iltdesk"))  # and the product's name


def has_words(text: str) -> bool:
    """Whether a literal holds words a translator would translate."""
    text = text.strip()
    if not text or text in NOT_WORDS or SHORTCUT.match(text) or MASK.fullmatch(text):
        return False
    return any(ch.isalpha() for ch in re.sub(r"\{[^}]*\}", "", text))


def text_positions(func: str, texts: list[bool]) -> list[int]:
    """Which arguments of a call to ``func`` (its source, e.g. "self.title.setText") are
    text Qt shows; ``texts[i]`` says whether argument i is a string or a tr() call."""
    name = func.rsplit(".", 1)[-1]
    if name in FIRST:
        return [0] if texts else []
    if name in SECOND:
        return [1] if len(texts) > 1 else []
    if name in FIRST_STRING:
        return [i for i, is_text in enumerate(texts) if is_text][:1]
    if name in LAST:
        return [len(texts) - 1] if texts else []
    if ".".join(func.split(".")[-2:]) in DIALOGS:
        return [i for i in (1, 2, 3) if i < len(texts)]
    if name == "QMessageBox":
        return [i for i, is_text in enumerate(texts) if is_text]
    return []


def _literal(node: ast.expr) -> str | None:
    """The literal text of a string or f-string node (its fixed parts), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    return None


def _is_tr(node: ast.expr) -> bool:
    """A call of tr/translate, maybe followed by .format(...)."""
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr in ("tr", "translate"):
            return True
        node = node.func.value
    return False


def unmarked(path: Path) -> list[tuple[int, str]]:
    """(line, text) of each string literal with words given unmarked to a Qt text setter."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef) and node.name in SHOWN_RETURNS:
            found.extend(_shown_returns(node))
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Name) and node.func.id == "tr":
            # tr = QCoreApplication.translate: lupdate reads tr("Context", "Text") as the text
            # "Context" told apart by the comment "Text" (a bare translate(...) it reads right).
            found.append((node.lineno, "tr(...) alias: lupdate misreads it; use translate"))
        for keyword in node.keywords:  # context.write(..., failed="Not saved") shows it
            text = _literal(keyword.value) if keyword.arg == "failed" else None
            if text is not None and has_words(text):
                found.append((keyword.value.lineno, text))
        texts = [_literal(a) is not None or _is_tr(a) for a in node.args]
        for i in text_positions(ast.unparse(node.func), texts):
            arg = node.args[i]
            values = arg.elts if isinstance(arg, ast.List | ast.Tuple) else [arg]
            if isinstance(arg, ast.IfExp):  # either text: 'Edit lead' if lead else 'Add lead'
                values = [arg.body, arg.orelse]
            for value in values:
                text = _literal(value)
                if text is not None and has_words(text):
                    found.append((value.lineno, text))
    return found


def _shown_returns(method: ast.FunctionDef) -> list[tuple[int, str]]:
    """(line, text) of each literal with words a model method returns for Qt to show."""
    found = []
    for node in ast.walk(method):
        if isinstance(node, ast.Return) and node.value is not None:
            for value in (
                (node.value.body, node.value.orelse)
                if isinstance(node.value, ast.IfExp)
                else (node.value,)
            ):
                text = _literal(value)
                if text is not None and has_words(text):
                    found.append((value.lineno, text))
    return found


def test_no_unmarked_text_reaches_a_qt_text_setter() -> None:
    offenders = [
        f"{path.relative_to(REPO)}:{line}: {text!r}"
        for path in sorted(UI.rglob("*.py"))
        for line, text in unmarked(path)
    ]
    assert offenders == []


def test_the_check_sees_what_it_should() -> None:
    sample = REPO / "tests" / "fixtures_tr_sample.txt"
    code = (
        "class W(QWidget):\n"
        "    def f(self, n):\n"
        "        QLabel('Plain')\n"
        "        self.b.setText(f'{n} notes')\n"
        "        self.c.setToolTip(self.tr('Marked'))\n"
        "        self.d.setText(self.tr('{n} saved').format(n=n))\n"
        "        menu.addAction(self.tr('Go'), 'Ctrl+G')\n"
        "        QMessageBox.question(self, 'Title', self.tr('Sure?'))\n"
        "        self.e.setText('…')\n"
        "        QStandardItem(icon('x'), 'Row')\n"
        "        self.f.setText('Then' if n else self.tr('Else'))\n"
        "        self.context.write(save, failed='Not kept')\n"
        "        painter.drawText(rect, flags, self.tr('Drawn'))\n"
        "        painter.drawText(rect, flags, 'Empty')\n"
        "    def headerData(self, section, orientation, role):\n"
        "        return 'Head' if section else self.tr('Marked')\n"
    )
    try:
        sample.write_text(code, encoding="utf-8")
        assert [text for _, text in sorted(unmarked(sample))] == [
            "Plain",
            " notes",
            "Title",
            "Row",
            "Then",
            "Not kept",
            "Empty",
            "Head",
        ]
    finally:
        sample.unlink()


def test_no_words_in_ui_escape_a_translation_mark() -> None:
    """Wherever a literal goes (a setter, a helper, a constant, a row), its words are marked."""
    offenders = [
        f"{path.relative_to(REPO)}:{line}: {text!r}"
        for path in sorted(UI.rglob("*.py"))
        for line, text in unmarked_words(path)
    ]
    assert offenders == []


def test_the_word_check_sees_what_it_should(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        '''"""A docstring is not shown."""
HINT = "Plain words in a constant"
MARKED = QT_TRANSLATE_NOOP("Ctx", "Marked words here")
STYLE = "QLabel#Title { font-weight: 600; }"
PATTERN = "Journals (*.iltdesk)"  # not shown: the file pattern's words are below
def row(n):
    return {"title": f"{n} open items", "done": QCoreApplication.translate("Ctx", "All done")}
class W(QWidget):
    def f(self):
        self.setObjectName("Main window")
        raise ValueError("a bug says this")
        return self.tr("Kept as {n}").format(n=1), "<b>bold</b>", "one"
''',
        encoding="utf-8",
    )
    assert [text for _, text in unmarked_words(sample)] == [
        "Plain words in a constant",
        " open items",
    ]


def test_no_words_in_the_core_escape_a_translation_mark() -> None:
    """The core's sentences (errors, labels, a command's output, a PDF's headings) are marked
    as the interface's are (iltdesk/translation.py); SQL and a bug's exceptions are not."""
    offenders = [
        f"{path.relative_to(REPO)}:{line}: {text!r}"
        for path in core_files()
        for line, text in unmarked_words(path, core=True)
    ]
    assert offenders == []


def test_the_core_word_check_sees_what_it_should(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        '''"""A docstring is not shown."""
LABEL = QT_TRANSLATE_NOOP("kinds", "Action item")
PLAIN = "Learning cycle"
QUERY = "SELECT id FROM lead WHERE name = ?"
def f(lead, table):
    if lead is None:
        raise UsageError(f"no lead named {lead} here")
    if table is None:
        raise ValueError("a bug says this")
    sql = f"INSERT INTO {table}(rowid, title) VALUES (1, 'x')"
    return translate("kinds", "{n} open items").format(n=1), "words for {lead} here"
''',
        encoding="utf-8",
    )
    assert [text for _, text in unmarked_words(sample, core=True)] == [
        "Learning cycle",
        "no lead named ",
        "words for {lead} here",
    ]


LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")
EXTRACTED_FLOOR = 1820  # ui/ marks some 1,860 distinct strings; far fewer means marks were lost


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate is not installed")
def test_lupdate_extracts_the_marked_strings(tmp_path: Path) -> None:
    sources = sorted(str(p) for p in [*UI.rglob("*.py"), *core_files()])
    listing = tmp_path / "sources.lst"
    listing.write_text("\n".join(sources), encoding="utf-8")
    ts = tmp_path / "iltdesk.ts"
    done = subprocess.run(
        [str(LUPDATE), f"@{listing}", "-ts", str(ts)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    xml = ts.read_text(encoding="utf-8")
    assert xml.count("<message") >= EXTRACTED_FLOOR
    for marked in (
        "New action item, then Enter",
        "Deleted {name} for good.",
        "{error} Check Caps Lock.",  # the core's, through iltdesk.translation
    ):
        assert f"<source>{marked}</source>" in xml


FRENCH_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="fr_FR"><context><name>TrashPage</name>
<message><source>Trash</source><translation>Corbeille</translation></message>
<message><source>Deleted {name} for good.</source>
<translation>{name} supprimé pour de bon.</translation></message>
</context><context><name>messages</name>
<message><source>{error} Check Caps Lock.</source>
<translation>{error} Vérifiez la touche Verr. Maj.</translation></message>
</context></TS>
"""


@pytest.mark.skipif(not LRELEASE.exists(), reason="pyside6-lrelease is not installed")
def test_a_translation_for_the_locale_is_loaded_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, locale: Callable[[str], None]
) -> None:
    from PySide6.QtCore import QCoreApplication

    from iltdesk import translation as core_words
    from iltdesk.errors import WrongPassphrase
    from iltdesk.messages import not_opened
    from ui.kit import translation
    from ui.trash.page import TrashPage

    (tmp_path / "fr.ts").write_text(FRENCH_TS, encoding="utf-8")
    compile_catalogue(tmp_path / "fr.ts", tmp_path)
    monkeypatch.setattr(translation, "resources_dir", lambda: tmp_path)
    locale("fr_FR")
    app = QCoreApplication.instance()
    assert app is not None
    installed = translation.install(app)
    try:
        assert QCoreApplication.translate("TrashPage", "Trash") == "Corbeille"
        page = TrashPage.__new__(TrashPage)  # tr() needs the class, not a built page
        assert page.tr("Deleted {name} for good.").format(name="X") == "X supprimé pour de bon."
        wrong = WrongPassphrase("Wrong passphrase.")
        assert not_opened(wrong) == "Wrong passphrase. Vérifiez la touche Verr. Maj."
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        core_words.use(None)
    assert QCoreApplication.translate("TrashPage", "Trash") == "Trash"
