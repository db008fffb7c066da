"""Words in ``ui/`` that a translator would never see: any string literal of two or more words
outside ``self.tr``, ``QCoreApplication.translate`` or ``QT_TRANSLATE_NOOP``, wherever it goes
(a setter, a helper, a constant, a row built in a free function).

Not counted: docstrings; style sheets and HTML markup (their words are CSS, not English);
text for the code, not a person (object names, properties, exceptions the crash report keeps,
log lines); and a line that says why with ``# not shown:`` (an identifier, a file pattern).

In the core (``iltdesk/``, ``core=True``) an exception's words count too, since most are the
sentence a person reads (``UsageError``, ``JournalDamaged``, ``ImportRefused``...); only
Python's own exceptions, which report a bug, are left out, and so is SQL. The demo's content
and shipped migrations are not the interface (``CORE_EXCLUDED``).

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
# In the core: exceptions that report a bug, calls that run SQL, and SQL itself.
BUG_REPORTS = frozenset(
    (
        "ValueError", "TypeError", "KeyError", "AttributeError", "RuntimeError",
        "FileNotFoundError", "AssertionError", "NotImplementedError", "OSError", "LookupError",
        "IndexError",
    )
)  # fmt: skip
RUNS_SQL = frozenset(("execute", "executescript", "executemany", "exec_driver_sql", "text"))
SQL = re.compile(
    r"^\s*\(?\s*(SELECT|INSERT|CREATE|UPDATE|DELETE|WITH|DROP|ALTER|PRAGMA|FROM|WHERE|AND|OR|"
    r"JOIN|LEFT|ON|ORDER|GROUP|VALUES|BEGIN|END|AFTER|BEFORE|AS|USING|SET|CASE|WHEN|NOT|"
    r"LIMIT|UNION|HAVING|REPLACE|ATTACH|DETACH|VACUUM|SAVEPOINT|RELEASE|ROLLBACK|COMMIT)\b"
)
# SQL's own words, in capitals, anywhere in a string or f-string (a fragment built up in parts).
SQL_WORDS = re.compile(
    r"\b(SELECT|INSERT|VALUES|PRIMARY KEY|INTEGER|TEXT|MATCH|AFTER|WITHOUT ROWID|ORDER BY|"
    r"GROUP BY|LIMIT|DELETE|UPDATE|WHERE|JOIN|TRIGGER|INDEX|TABLE|VIRTUAL|EXISTS|NULL)\b"
    r"|\b(content|columnsize|detail|prefix|tokenize) = "
)
CORE_EXCLUDED = ("demo", "migrations")  # the demo's story and shipped revisions: content


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


def _literal(node: ast.AST) -> str | None:
    """The fixed text of an f-string."""
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    return None


def _raised(node: ast.Raise) -> str:
    """The name of the exception a raise makes ("" for a bare raise or a raised name)."""
    return _name(node.exc) if isinstance(node.exc, ast.Call) else ""


def _exempt(node: ast.AST, parents: dict[ast.AST, ast.AST], core: bool) -> bool:
    """Inside a translation mark, a call for the code, an exception or an assert (in the
    core: a bug's exception, SQL or an assert)."""
    if core and isinstance(node, ast.Constant):
        whole = parents.get(node)
        text = _literal(whole) if isinstance(whole, ast.JoinedStr) else str(node.value)
        if SQL.match(str(node.value)) or SQL_WORDS.search(text or ""):
            return True
    up = parents.get(node)
    while up is not None:
        if isinstance(up, ast.Call) and (_name(up) in MARKS or _name(up) in FOR_THE_CODE):
            return True
        if core and isinstance(up, ast.Call) and _name(up) in RUNS_SQL:
            return True
        if isinstance(up, ast.Assert):
            return True
        if isinstance(up, ast.Raise):
            return not core or _raised(up) in BUG_REPORTS
        up = parents.get(up)
    return False


def unmarked_words(path: Path, *, core: bool = False) -> list[tuple[int, str]]:
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
        if node in docs or not is_words(node.value) or _exempt(node, parents, core):
            continue
        span = lines[node.lineno - 1 : (node.end_lineno or node.lineno)]
        if any(PRAGMA in line for line in span):
            continue
        found.append((node.lineno, node.value))
    return sorted(found)


def core_files() -> list[Path]:
    """The core's modules whose words a person reads."""
    core = REPO / "iltdesk"
    return [
        path
        for path in sorted(core.rglob("*.py"))
        if not set(path.relative_to(core).parts) & set(CORE_EXCLUDED)
    ]


def main(argv: list[str]) -> int:
    folder = REPO / (argv[0] if argv else "ui")
    core = folder == REPO / "iltdesk"
    total = 0
    for path in core_files() if core else sorted(folder.rglob("*.py")):
        for line, text in unmarked_words(path, core=core):
            total += 1
            print(f"{path.relative_to(REPO)}:{line}: {text[:80]!r}")
    print(f"{total} unmarked")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
