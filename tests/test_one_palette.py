"""ui/kit/palette.py is the one place under ui/ where a colour is written: every other module
asks it for a named colour (through ui.kit.theme), so a look changes in one table and the
contrast test sees every colour the app draws."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from PySide6.QtGui import QColor

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "ui"
PALETTE = UI / "kit" / "palette.py"
# Names assigned a colour outside the palette, and why.
EXEMPT = {
    # The printed report's paper and ink: the same on paper whatever look the app is in (they
    # mirror resources/cycle_summary.css), so they are not one of the screen's looks.
    ("ui/kit/paper.py", "PAPER"),
    ("ui/kit/paper.py", "INK"),
}
# "#rgb", "#rgba", "#rrggbb", "#aarrggbb", not part of a selector such as QPushButton#Add.
HEX = re.compile(r"(?<![\w#])#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})(?![\w-])")
# rgb(0, 0, 0) with its numbers written in (f"rgba({c.red()}, ...)" reads a palette's colour).
FUNCTIONS = re.compile(r"\b(?:rgba?|hsla?|hsva?)\s*\(\s*\d[\d.%\s,]*\)")
# A style-sheet declaration that takes a colour: "color: white", "border: 1px solid red".
DECLARATION = re.compile(r"(?:color|background|border[-a-z]*|outline)\s*:\s*([^;}]*)")
NOT_COLOURS = {"transparent"}  # no colour: what is below shows through


def _named_colours() -> set[str]:
    return {name.lower() for name in QColor.colorNames()} - NOT_COLOURS


def _exempt_constants(path: str, tree: ast.AST) -> set[int]:
    """The ids of the constants assigned to an exempt name in this module."""
    exempt: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assign):
            continue
        names = {n.id for t in node.targets for n in ast.walk(t) if isinstance(n, ast.Name)}
        if any((path, name) in EXEMPT for name in names):
            exempt |= {id(c) for c in ast.walk(node.value) if isinstance(c, ast.Constant)}
    return exempt


def _in_text(text: str, named: set[str]) -> list[str]:
    """The colours written in a string: hex, rgb()-style, and names in style declarations."""
    found = HEX.findall(text) + FUNCTIONS.findall(text)
    for value in DECLARATION.findall(text):
        found += [w for w in re.findall(r"[a-zA-Z]+", value) if w.lower() in named]
    return found


def _is_qcolor_literal(node: ast.AST) -> bool:
    """QColor("white"), QColor(0, 0, 0): a colour built from literals."""
    if not isinstance(node, ast.Call) or not node.args:
        return False
    func = node.func
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
    return name == "QColor" and isinstance(node.args[0], ast.Constant)


def _is_global_colour(node: ast.AST) -> bool:
    """Qt.GlobalColor.white and its kin (transparent is no colour)."""
    return (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "GlobalColor"
        and node.attr not in NOT_COLOURS
    )


def colour_literals(source: str, path: str) -> list[str]:
    """'line: what' for each colour written in ``source`` (a module at ``path``)."""
    tree = ast.parse(source)
    exempt, named = _exempt_constants(path, tree), _named_colours()
    found: list[str] = []
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if _is_qcolor_literal(node) or _is_global_colour(node):
            found.append(f"{line}: {ast.unparse(node)}")
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in exempt
        ):
            found += [f"{line}: {c}" for c in _in_text(node.value, named)]
    return sorted(found)


def test_no_module_under_ui_but_the_palette_writes_a_colour() -> None:
    modules = [p for p in sorted(UI.rglob("*.py")) if p != PALETTE]
    assert len(modules) > 50  # the whole of ui/ was read
    offenders = {
        rel: found
        for p in modules
        if (
            found := colour_literals(
                p.read_text(encoding="utf-8"), rel := p.relative_to(ROOT).as_posix()
            )
        )
    }
    assert offenders == {}, "write the colour in ui/kit/palette.py and ask it by name"


def test_the_check_sees_each_way_a_colour_is_written() -> None:
    source = """
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
A = "#c0392b"
B = QColor("white")
C = QColor(0, 0, 0)
D = Qt.GlobalColor.red
E = "QLabel { color: #fff; border: 1px solid navy; background: rgba(0, 0, 0, 40); }"
F = f"color:{'#abc'}"
"""
    found = colour_literals(source, "ui/somewhere.py")
    assert len(found) == 8, found
    assert {f.split(": ", 1)[0] for f in found} == {"4", "5", "6", "7", "8", "9"}


def test_the_check_passes_what_is_no_colour() -> None:
    source = """
from PySide6.QtCore import Qt
A = "QPushButton#Add { background: transparent; border: 1px solid palette(mid); }"
B = "issue #12, item 3"
C = Qt.GlobalColor.transparent
D = "Warning: a colour of red ink"  # prose, not a declaration
E = f"color: rgba({c.red()}, {c.green()}, {c.blue()}, 0.8)"  # the palette's, made quieter
PAPER, INK = "#ffffff", "#23272b"
"""
    assert colour_literals(source, "ui/kit/paper.py") == []
    assert len(colour_literals(source, "ui/elsewhere.py")) == 2  # PAPER and INK


# Modules that may read a colour's lightness, and why. "Is the look dark?" is not a reason:
# ui.kit.theme.is_dark() answers it, and each look names its own colours in the palette.
LIGHTNESS_ALLOWED: dict[str, str] = {
    "ui/kit/theme.py": "the one source of truth for the look",
    "ui/kit/palette.py": "the colours of each look",
}
LIGHTNESS = {"lightness", "lightnessF"}


def lightness_reads(source: str) -> list[int]:
    """The lines of ``source`` that ask a colour its lightness."""
    return sorted(
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in LIGHTNESS
    )


def test_no_module_under_ui_judges_the_look_by_a_colours_lightness() -> None:
    offenders = {
        rel: lines
        for p in sorted(UI.rglob("*.py"))
        if (rel := p.relative_to(ROOT).as_posix()) not in LIGHTNESS_ALLOWED
        and (lines := lightness_reads(p.read_text(encoding="utf-8")))
    }
    assert offenders == {}, "ask ui.kit.theme.is_dark() or theme.colour(name) instead"


def test_the_lightness_check_sees_a_look_judged_by_a_palette() -> None:
    source = """
dark = palette.color(QPalette.ColorRole.Text).lightness() >= 128
light = QColor(mark).lightnessF() > 0.5
"""
    assert lightness_reads(source) == [2, 3]
