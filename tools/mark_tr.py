"""Mark the user-visible string literals of ui/ files for translation (issue 23), once.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/mark_tr.py ui/lead [more paths...]

A string literal passed where Qt shows text (``tests/test_translation.py``'s ``TEXT_CALLS``)
becomes ``self.tr("...")`` in a method of a QObject subclass, else
``QCoreApplication.translate("Context", "...")`` (the class's name, or the module's); an
f-string becomes a ``.format()`` after tr: ``self.tr("Saved {n} notes").format(n=n)``.
Whether a class is a QObject is asked of the imported module itself. Needs libcst.
"""

# ruff: noqa: N802  (libcst calls visit_ClassDef, leave_Call, ... by these names)
from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

import libcst as cst
from PySide6.QtCore import QObject

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.test_translation import (  # noqa: E402  (the repo on the path first)
    has_words,
    text_positions,
)


def _qobject_classes(path: Path) -> set[str]:
    module = importlib.import_module(".".join(path.relative_to(REPO).with_suffix("").parts))
    return {
        name
        for name, value in vars(module).items()
        if isinstance(value, type)
        and issubclass(value, QObject)
        and value.__module__ == module.__name__
    }


def _string_text(node: cst.BaseExpression) -> str | None:
    """The literal parts of a string node (to judge whether it holds words), else None."""
    if isinstance(node, cst.SimpleString):
        return str(node.evaluated_value)
    if isinstance(node, cst.FormattedString):
        return "".join(p.value for p in node.parts if isinstance(p, cst.FormattedStringText))
    if isinstance(node, cst.ConcatenatedString):
        left, right = _string_text(node.left), _string_text(node.right)
        return None if left is None or right is None else left + right
    return None


class _Format:
    """An f-string's pieces turned into a ``str.format`` template and its keyword arguments."""

    def __init__(self, module: cst.Module) -> None:
        self.module = module
        self.args: dict[str, cst.BaseExpression] = {}
        self.sources: dict[str, str] = {}

    def name_for(self, expr: cst.BaseExpression) -> str:
        source = self.module.code_for_node(expr)
        for name, seen in self.sources.items():
            if seen == source:
                return name
        if isinstance(expr, cst.Name):
            base = expr.value
        elif isinstance(expr, cst.Attribute):
            base = expr.attr.value
        else:
            base = "value"
        base = base.lstrip("_") or "value"
        name, n = base, 2
        while name in self.args:
            name, n = f"{base}{n}", n + 1
        self.args[name] = expr
        self.sources[name] = source
        return name

    def template(self, node: cst.FormattedString) -> cst.SimpleString:
        out = []
        for part in node.parts:
            if isinstance(part, cst.FormattedStringText):
                out.append(part.value)
                continue
            assert isinstance(part, cst.FormattedStringExpression)
            field = self.name_for(part.expression)
            if part.conversion:
                field += "!" + part.conversion
            if part.format_spec:
                if not all(isinstance(p, cst.FormattedStringText) for p in part.format_spec):
                    raise ValueError("nested format spec")
                field += ":" + "".join(p.value for p in part.format_spec)  # type: ignore[union-attr]
            out.append("{" + field + "}")
        start = node.start.replace("f", "").replace("F", "")  # 'f"' or 'rf"' -> '"' or 'r"'
        return cst.SimpleString(start + "".join(out) + node.end)

    @staticmethod
    def braced(node: cst.SimpleString) -> cst.SimpleString:
        return cst.SimpleString(node.value.replace("{", "{{").replace("}", "}}"))

    def convert(self, node: cst.BaseExpression) -> cst.BaseExpression:
        if isinstance(node, cst.FormattedString):
            return self.template(node)
        if isinstance(node, cst.SimpleString):
            return self.braced(node)
        assert isinstance(node, cst.ConcatenatedString)
        return node.with_changes(left=self.convert(node.left), right=self.convert(node.right))


def _constant_target(node: cst.BaseSmallStatement) -> str | None:
    """NAME of ``NAME = "Words..."`` (upper case, a plain string with words), else None."""
    if not isinstance(node, cst.Assign) or len(node.targets) != 1:
        return None
    target = node.targets[0].target
    if not isinstance(target, cst.Name) or not target.value.isupper():
        return None
    value = node.value
    if not isinstance(value, cst.SimpleString | cst.ConcatenatedString) or _has_fstring(value):
        return None
    text = _string_text(value)
    return target.value if text is not None and has_words(text) and "{" not in text else None


def _is_tr(node: cst.BaseExpression) -> bool:
    while isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
        if node.func.attr.value in ("tr", "translate"):
            return True
        node = node.func.value
    return False


def _has_fstring(node: cst.BaseExpression) -> bool:
    if isinstance(node, cst.FormattedString):
        return True
    if isinstance(node, cst.ConcatenatedString):
        return _has_fstring(node.left) or _has_fstring(node.right)
    return False


class _ShownNames(cst.CSTVisitor):
    """Which of ``candidates`` the module passes to a Qt text setter."""

    def __init__(self, module: cst.Module, candidates: set[str]) -> None:
        self.module = module
        self.candidates = candidates
        self.found: set[str] = set()

    def visit_Call(self, node: cst.Call) -> None:
        func = self.module.code_for_node(node.func)
        texts = [
            _string_text(a.value) is not None
            or _is_tr(a.value)
            or (isinstance(a.value, cst.Name) and a.value.value in self.candidates)
            for a in node.args
        ]
        for i in text_positions(func, texts):
            value = node.args[i].value
            if isinstance(value, cst.Name) and value.value in self.candidates:
                self.found.add(value.value)


class Marker(cst.CSTTransformer):
    def __init__(self, module: cst.Module, qobjects: set[str], context: str) -> None:
        self.module = module
        self.qobjects = qobjects
        self.context = context
        self.classes: list[str] = []
        self.functions: list[tuple[str, bool]] = []  # (name, has self)
        self.marked = 0
        self.skipped: list[str] = []
        self.uses_translate = False
        self.constants: set[str] = set()  # module constants with words, marked where defined
        self.uses_noop = False

    def leave_Module(self, original: cst.Module, updated: cst.Module) -> cst.Module:
        return updated

    def visit_Module(self, node: cst.Module) -> None:
        candidates = set()
        for statement in node.body:
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            for small in statement.body:
                target = _constant_target(small)
                if target is not None:
                    candidates.add(target)
        shown = _ShownNames(self.module, candidates)
        node.visit(shown)
        self.constants = shown.found  # marked only where the module itself shows them

    def leave_Assign(self, original: cst.Assign, updated: cst.Assign) -> cst.Assign:
        if self.functions or self.classes:
            return updated
        target = _constant_target(original)
        if target is None or target not in self.constants:
            return updated
        self.uses_noop = True
        return updated.with_changes(
            value=cst.Call(
                func=cst.Name("QT_TRANSLATE_NOOP"),
                args=[cst.Arg(cst.SimpleString(f'"{self.context}"')), cst.Arg(updated.value)],
            )
        )

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes.append(node.name.value)
        self.functions.append(("<class>", False))

    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        self.classes.pop()
        self.functions.pop()
        return updated

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        params = node.params.params
        is_static = any(
            isinstance(d.decorator, cst.Name)
            and d.decorator.value in ("staticmethod", "classmethod")
            for d in node.decorators
        )
        in_class = bool(self.functions) and self.functions[-1][0] == "<class>"
        has_self = in_class and not is_static and bool(params) and params[0].name.value == "self"
        if not in_class and self.functions and self.functions[-1][1]:
            has_self = not any(p.name.value == "self" for p in params)  # a closure sees self
        self.functions.append((node.name.value, has_self))

    def leave_FunctionDef(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        self.functions.pop()
        return updated

    def _wrap(self, node: cst.BaseExpression) -> cst.BaseExpression:
        text = _string_text(node)
        if text is None or not has_words(text):
            return node
        fmt = _Format(self.module)
        try:
            source = fmt.convert(node) if _has_fstring(node) else node
        except ValueError:
            self.skipped.append(self.module.code_for_node(node))
            return node
        in_qobject = bool(self.classes) and self.classes[-1] in self.qobjects
        if in_qobject and self.functions and self.functions[-1][1]:
            call = cst.Call(
                func=cst.Attribute(cst.Name("self"), cst.Name("tr")), args=[cst.Arg(source)]
            )
        else:
            context = self.classes[-1] if self.classes else self.context
            self.uses_translate = True
            call = cst.Call(
                func=cst.Attribute(cst.Name("QCoreApplication"), cst.Name("translate")),
                args=[cst.Arg(cst.SimpleString(f'"{context}"')), cst.Arg(source)],
            )
        if fmt.args:
            call = cst.Call(
                func=cst.Attribute(call, cst.Name("format")),
                args=[
                    cst.Arg(
                        value,
                        keyword=cst.Name(name),
                        equal=cst.AssignEqual(
                            whitespace_before=cst.SimpleWhitespace(""),
                            whitespace_after=cst.SimpleWhitespace(""),
                        ),
                    )
                    for name, value in fmt.args.items()
                ],
            )
        self.marked += 1
        return call

    def _constant(self, node: cst.Name) -> cst.BaseExpression:
        """A module constant marked where it is defined, translated where it is shown."""
        self.uses_translate = True
        self.marked += 1
        return cst.Call(
            func=cst.Attribute(cst.Name("QCoreApplication"), cst.Name("translate")),
            args=[cst.Arg(cst.SimpleString(f'"{self.context}"')), cst.Arg(node)],
        )

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.Call:
        func = self.module.code_for_node(original.func)
        texts = [
            _string_text(a.value) is not None
            or _is_tr(a.value)
            or (isinstance(a.value, cst.Name) and a.value.value in self.constants)
            for a in updated.args
        ]
        positions = text_positions(func, texts)
        if not positions:
            return updated
        args = list(updated.args)
        for i in positions:
            arg = args[i]
            if arg.keyword is not None or arg.star:
                continue
            value = arg.value
            if isinstance(value, cst.Name) and value.value in self.constants:
                args[i] = arg.with_changes(value=self._constant(value))
                continue
            if isinstance(value, cst.List | cst.Tuple):
                elements = [e.with_changes(value=self._wrap(e.value)) for e in value.elements]
                args[i] = arg.with_changes(value=value.with_changes(elements=elements))
            else:
                args[i] = arg.with_changes(value=self._wrap(value))
        return updated.with_changes(args=args)


def add_import(code: str, name: str) -> str:
    if re.search(rf"^from PySide6\.QtCore import[^\n]*\b{name}\b", code, re.M) or re.search(
        rf"^from PySide6\.QtCore import \([^)]*\b{name}\b", code, re.M
    ):
        return code
    marker = "from __future__ import annotations\n"
    module = "ui.kit.translation" if name == "QT_TRANSLATE_NOOP" else "PySide6.QtCore"
    return code.replace(marker, marker + f"\nfrom {module} import {name}\n", 1)


def mark(path: Path) -> tuple[int, list[str]]:
    source = path.read_text(encoding="utf-8")
    module = cst.parse_module(source)
    marker = Marker(module, _qobject_classes(path), path.stem)
    new = module.visit(marker).code
    if marker.uses_translate:
        new = add_import(new, "QCoreApplication")
    if marker.uses_noop:
        new = add_import(new, "QT_TRANSLATE_NOOP")
    if new != source:
        path.write_text(new, encoding="utf-8")
    return marker.marked, marker.skipped


def main(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    QApplication([])
    excluded = {REPO / p for p in EXCLUDED}
    for arg in argv:
        root = Path(arg).resolve()
        for path in sorted(root.rglob("*.py") if root.is_dir() else [root]):
            if path in excluded or path.name.startswith(("session_lock", "single_instance")):
                continue
            marked, skipped = mark(path)
            if marked or skipped:
                print(f"{path.relative_to(REPO)}: {marked} marked", *skipped, sep="\n  skipped: ")
    return 0


# Files whose owners mark them themselves (issue 23's other helpers).
EXCLUDED = tuple(
    f"ui/{p}.py"
    for p in (
        "shell/app",
        "shell/idle",
        "shell/main_window",
        "shell/shutdown",
        "shell/help",
        "shell/crash",
        "shell/single_instance",
        "journal/unlock",
        "journal/welcome",
        "journal/recent",
        "journal/create_dialog",
        "journal/passphrase_dialog",
        "journal/forgot",
        "journal/recovery_kit",
        "kit/new_passphrase",
        "kit/pdf_password",
    )
)

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
