"""Words in ``ui/`` that a translator would never see: any string literal of two or more words
outside ``self.tr``, ``QCoreApplication.translate`` or ``QT_TRANSLATE_NOOP``, wherever it goes
(a setter, a helper, a constant, a row built in a free function).

Not counted: docstrings; style sheets and HTML markup (their words are CSS, not English);
text for the code, not a person (object names, properties, exceptions the crash report keeps,
log lines); and a line that says why with ``# not shown:`` (an identifier, a file pattern).

Run ``python -m tests.unmarked_words [FOLDER]`` to list them (``ui`` by default).
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MARKS = frozenset(("tr", "translate", "QT_TRANSLATE_NOOP"))
# Calls whose string arguments are for the code: names, properties, patterns, styles, logs.
FOR_THE_CODE = frozenset(
    (
        "setObjectName", "setProperty", "property", "objectName", "findChild", "findChildren",
        "getattr", "hasattr", "setattr", "startswith", "endswith", "split", "replace", "join",
        "strip", "icon", "colour", "setStyleSheet", "restyle", "QKeySequence", "QShortcut",
        "debug", "info", "warning", "error", "exception", "compile", "match", "search", "sub",
        "fullmatch", "fromString", "toString", "strftime", "strptime", "Signal", "QSettings",
        "setValue", "value", "environ", "getenv", "print", "TypeVar", "cast",
    )
)  # fmt: skip
WORD = re.compile(r"[A-Za-z]{2,}")
STYLE = re.compile(
    r"(\b(px|pt|em|rgba?|palette|font-|border|padding|margin|color|background|spacing)\b"
    r"|[{};]\s*$|^\s*[};]|<[a-z/][^>]*>?|=['\"])",
    re.IGNORECASE,
)
PRAGMA = "# not shown:"


def is_words(text: str) -> bool:
    """Two or more words a person reads (not a style, markup or an identifier)."""
    bare = re.sub(r"\{[^}]*\}", "", text)
    if len(WORD.findall(bare)) < 2 or " " not in bare.strip():
        return False
    return not STYLE.search(text)


def _docstrings(tree: ast.AST) -> set[ast.AST]:
    found: set[ast.AST] = set()
    for node in ast.walk(tree):
        kinds = ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef
        if isinstance(node, kinds) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(first.value)
    return found


def _name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _exempt(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """Inside a translation mark, a call for the code, an exception or an assert."""
    up = parents.get(node)
    while up is not None:
        if isinstance(up, ast.Call) and (_name(up) in MARKS or _name(up) in FOR_THE_CODE):
            return True
        if isinstance(up, ast.Raise | ast.Assert):
            return True
        up = parents.get(up)
    return False


def unmarked_words(path: Path) -> list[tuple[int, str]]:
    """(line, text) of each literal with words in ``path`` no translation mark covers."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    docs = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        if node in docs or not is_words(node.value) or _exempt(node, parents):
            continue
        span = lines[node.lineno - 1 : (node.end_lineno or node.lineno)]
        if any(PRAGMA in line for line in span):
            continue
        found.append((node.lineno, node.value))
    return sorted(found)


def main(argv: list[str]) -> int:
    folder = REPO / (argv[0] if argv else "ui")
    total = 0
    for path in sorted(folder.rglob("*.py")):
        for line, text in unmarked_words(path):
            total += 1
            print(f"{path.relative_to(REPO)}:{line}: {text[:80]!r}")
    print(f"{total} unmarked")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
