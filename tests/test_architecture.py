"""The house rules that keep the code base healthy."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORE = REPO / "iltdesk"


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_core_never_imports_the_interface() -> None:
    offenders = {
        str(path.relative_to(REPO)): sorted(
            m for m in imported_modules(path) if m.startswith(("PySide6.QtWidgets", "ui"))
        )
        for path in CORE.rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_core_files_stay_small() -> None:
    too_long = {
        str(p.relative_to(REPO)): n
        for p in CORE.rglob("*.py")
        if "versions" not in p.parts and (n := len(p.read_text().splitlines())) > 400
    }
    assert too_long == {}


UI = REPO / "ui"
# The app's features, each a package that mirrors a part of the core. The shell (the window,
# menus and the app's life) puts them together; the kit is what they share.
FEATURES = ("journal", "navigation", "lead", "reflect", "team", "trash", "interchange")


def ui_part(module: str) -> str:
    """The part of ui/ a module belongs to: "kit", "shell" or a feature's name."""
    return module.split(".")[1] if module.count(".") >= 1 else ""


# The one exception outside reports: the locale (date order and names, first weekday, paper)
# comes from QLocale, which has every locale's CLDR data; Python's ``locale`` knows only the
# locales a machine generated. QtCore only (no screen), imported lazily so the command line
# pays for it only when it words a date. Likewise the command line's translation catalogue,
# loaded through QtCore's QTranslator only when one ships for the locale.
LOCALE_MODULE = CORE / "region.py"
QTCORE_MODULES = (LOCALE_MODULE, CORE / "translation.py")


def test_pyside6_in_the_core_only_for_reports() -> None:
    offenders = {
        str(path.relative_to(REPO))
        for path in CORE.rglob("*.py")
        if "report" not in path.relative_to(CORE).parts
        and path not in QTCORE_MODULES
        and any(m.startswith("PySide6") for m in imported_modules(path))
    }
    assert offenders == set()


def test_the_locale_modules_import_only_qtcore_and_lazily() -> None:
    for module in QTCORE_MODULES:
        tree = ast.parse(module.read_text(encoding="utf-8"))
        qt = {m for m in imported_modules(module) if m.startswith("PySide6")}
        assert {m.split(".")[1] for m in qt} == {"QtCore"}
        at_top = [n for n in tree.body if isinstance(n, ast.ImportFrom | ast.Import)]
        assert not any(
            isinstance(n, ast.ImportFrom) and (n.module or "").startswith("PySide6") for n in at_top
        )


def test_ui_is_made_of_the_kit_the_shell_and_features() -> None:
    loose = sorted(p.name for p in UI.glob("*.py") if p.name != "__init__.py")
    parts = sorted(p.name for p in UI.iterdir() if p.is_dir() and p.name != "__pycache__")
    assert loose == []
    assert parts == sorted(("kit", "shell", *FEATURES))


def test_features_meet_only_through_the_kit_and_the_core() -> None:
    crossings: dict[str, list[str]] = {}
    for path in UI.rglob("*.py"):
        module = ".".join(path.relative_to(REPO).with_suffix("").parts)
        own = ui_part(module)
        for name in imported_modules(path):
            if not name.startswith("ui."):
                continue
            other = ui_part(name)
            allowed = other in ("kit", own) or own == "shell"
            if own == "kit":
                allowed = other == "kit"  # the kit is shared, so it depends on no feature
            if not allowed:
                crossings.setdefault(module, []).append(name)
    assert crossings == {}
