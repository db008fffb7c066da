"""T7 fuzz: every file iltdesk reads from outside, mangled by hypothesis.

- files given to ``restore``, ``open`` and ``check``: random bytes, real backups cut short or
  with bits flipped, plain SQLite, SQLCipher under another passphrase, and SQLCipher under our
  passphrase with another schema or Alembic revision;
- the QSettings file the app reads (idle minutes, cadence, window geometry, recent journals).

The report template is bundled in ``resources/`` and never read from the user's files, so it
is not an input. The goal: only our own errors (``iltdesk.errors``), never a crash, and the
current journal byte-identical whatever it was offered.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from iltdesk.errors import JournalDamaged, JournalError
from iltdesk.lead import add_lead
from iltdesk.one_on_one import add_quick_note
from iltdesk.store.backups import backup, check, restore
from iltdesk.store.connection import sql_string
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, run_cli
from tests.reliability.conftest import Figure, trial_count
from ui.journal.recent import recent_journals
from ui.kit import preferences
from ui.kit.context import AppContext
from ui.shell.main_window import MainWindow

PAGE = 4096
Sample = tuple[str, bytes]  # (kind, file content)
SETTINGS_FUZZ_EXAMPLES = trial_count(4, 200)  # each builds the welcome and main windows
FUZZ = settings(
    max_examples=trial_count(12, 400),
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)


def _sqlcipher_file(path: Path, key: str, sql: list[str]) -> bytes:
    conn = sqlcipher.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = {sql_string(key)}")
    for statement in sql:
        conn.execute(statement)
    conn.close()
    return path.read_bytes()


def _plain_sqlite(path: Path) -> bytes:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes(body TEXT)")
        conn.execute("INSERT INTO notes VALUES ('not encrypted')")
    return path.read_bytes()


def _revision(real: Path, work: Path, name: str, sql: list[str]) -> bytes:
    """A copy of the real backup changed inside (still valid SQLCipher under our key)."""
    copy = work / f"{name}.iltdesk"
    copy.write_bytes(real.read_bytes())
    return _sqlcipher_file(copy, PASSPHRASE, ["PRAGMA foreign_keys = OFF", *sql])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The seed files: a real backup and the well-formed files that are not one of ours."""
    work = tmp_path_factory.mktemp("t7-corpus")
    with Journal.create(work / "source.iltdesk", PASSPHRASE) as journal:
        add_lead(journal, "Maya Ortiz")
        add_quick_note(journal, "Maya", "Release time for **SLO** data. " * 40)
        backup(journal, work / "real.iltdesk")
    real = work / "real.iltdesk"
    files = {"real backup": real.read_bytes(), "plain SQLite": _plain_sqlite(work / "plain.db")}
    files["another passphrase"] = _sqlcipher_file(
        work / "other.iltdesk", "someone else's passphrase", ["CREATE TABLE t(x)"]
    )
    files["our key, no tables"] = _sqlcipher_file(
        work / "empty.iltdesk", PASSPHRASE, ["CREATE TABLE t(x)", "DROP TABLE t"]
    )
    files["our key, another app's tables"] = _sqlcipher_file(
        work / "foreign.iltdesk",
        PASSPHRASE,
        ["CREATE TABLE notes(body)", "INSERT INTO notes VALUES (1)"],
    )
    for name, value in (
        ("newer", "'0901'"),
        ("older", "'0000'"),
        ("garbage", "'abc'"),
        ("empty", "''"),
        ("huge", "'99999999999999999999'"),
    ):
        files[f"our key, revision {name}"] = _revision(
            real, work, name, [f"UPDATE alembic_version SET version_num = {value}"]
        )
    files["our key, no revision row"] = _revision(
        real, work, "norow", ["DELETE FROM alembic_version"]
    )
    files["our key, a table missing"] = _revision(real, work, "missing", ["DROP TABLE one_on_one"])
    files["our key, a table reshaped"] = _revision(
        real, work, "reshaped", ["DROP TABLE lead", "CREATE TABLE lead(id INTEGER PRIMARY KEY, x)"]
    )
    return files


def samples(corpus: dict[str, bytes]) -> st.SearchStrategy[Sample]:
    real = corpus["real backup"]
    pages = len(real) // PAGE
    random_bytes = st.one_of(
        st.binary(max_size=3 * PAGE),
        st.integers(1, 4).flatmap(lambda n: st.binary(min_size=n * PAGE, max_size=n * PAGE)),
    ).map(lambda b: ("random bytes", b))
    cut = st.one_of(
        st.integers(0, len(real) - 1), st.integers(0, pages - 1).map(lambda p: p * PAGE)
    )
    truncated = cut.map(lambda n: ("truncated backup", real[:n]))
    where = st.one_of(st.integers(0, PAGE - 1), st.integers(0, len(real) - 1))
    flips = st.lists(st.tuples(where, st.integers(0, 7)), min_size=1, max_size=8)
    flipped = flips.map(lambda fs: ("bit-flipped backup", _flip(real, fs)))
    others = st.sampled_from(sorted(k for k in corpus if k != "real backup"))
    whole = others.map(lambda k: (k, corpus[k]))
    return st.one_of(random_bytes, truncated, flipped, whole)


def _flip(data: bytes, flips: list[tuple[int, int]]) -> bytes:
    out = bytearray(data)
    for offset, bit in flips:
        out[offset] ^= 1 << bit
    return bytes(out) if bytes(out) != data else data[:-1]  # two flips that cancel: cut instead


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def digest(path: Path) -> str:
    return sha256(path.read_bytes())


def _check(journal: Journal) -> None:
    """What ``iltdesk check`` does with a report that found problems."""
    report = check(journal)
    if not report.ok:
        raise JournalDamaged(f"{journal.path} is damaged: " + "; ".join(report.problems))


def folder_state(folder: Path) -> dict[str, str]:
    return {p.name: digest(p) if p.is_file() else "dir" for p in sorted(folder.iterdir())}


@pytest.fixture
def current(journal_path: Path) -> Iterator[Path]:
    """The principal's current journal (closed), which a bad backup must never touch."""
    with Journal.create(journal_path, PASSPHRASE) as journal:
        add_lead(journal, "Dana Whitfield")
    yield journal_path


def outcome_of(action: object) -> str:
    """Run ``action``; name what happened: "ok", our error's class, or "uncaught X"."""
    try:
        action()  # type: ignore[operator]
    except JournalError as exc:
        return type(exc).__name__
    except Exception as exc:
        return f"uncaught {type(exc).__name__}: {str(exc)[:80]}"
    return "ok"


def summary(seen: Counter[str]) -> str:
    by_outcome: Counter[str] = Counter()
    for key, n in seen.items():
        by_outcome[re.sub(r"(uncaught \w+).*", r"\1", key.split(" → ", 1)[1])] += n
    return ", ".join(f"{n:,} {name}" for name, n in by_outcome.most_common())


def test_restore_accepts_only_verified_backups_and_never_touches_the_journal(
    current: Path, corpus: dict[str, bytes], tmp_path: Path, figure: Figure
) -> None:
    original = current.read_bytes()
    before = folder_state(current.parent)
    offered = tmp_path / "offered" / "backup.iltdesk"
    offered.parent.mkdir()
    seen: Counter[str] = Counter()
    problems: list[str] = []

    @FUZZ
    @given(sample=samples(corpus))
    def offer(sample: Sample) -> None:
        kind, content = sample
        offered.write_bytes(content)
        outcome = outcome_of(lambda: restore(offered, current, PASSPHRASE, force=True))
        seen[f"{kind} → {outcome}"] += 1
        if outcome.startswith("uncaught") or outcome == "ok":
            problems.append(f"{kind} → {outcome}")
        if folder_state(current.parent) != before:
            problems.append(f"{kind} → {outcome} changed the journal's folder")
            for path in current.parent.iterdir():
                if path.name not in before:
                    path.unlink()
            current.write_bytes(original)

    offer()
    total = sum(seen.values())
    untouched = total - sum("changed" in p for p in problems)
    figure(
        "T7",
        "fuzzed files given to restore",
        f"{total:,} files ({len({k.split(' → ')[0] for k in seen})} kinds): {summary(seen)}; "
        f"current journal byte-identical after {untouched:,}/{total:,}"
        + (f"; problems: {sorted(set(problems))[:6]}" if problems else ""),
        not problems,
    )
    assert not problems, sorted(set(problems))


def test_open_and_check_meet_any_file_with_our_errors_only(
    corpus: dict[str, bytes], tmp_path: Path, figure: Figure
) -> None:
    folder = tmp_path / "opened"
    folder.mkdir()
    path = folder / "fuzzed.iltdesk"
    seen: Counter[str] = Counter()
    problems: list[str] = []

    @FUZZ
    @given(sample=samples(corpus))
    def offer(sample: Sample) -> None:
        kind, content = sample
        shutil.rmtree(folder)
        folder.mkdir()
        path.write_bytes(content)
        opened: list[Journal] = []
        outcome = outcome_of(lambda: opened.append(Journal.open(path, PASSPHRASE)))
        if opened:
            with opened[0] as journal:
                outcome = "opened, then check: " + outcome_of(lambda: _check(journal))
        elif folder_state(folder) != {path.name: sha256(content)}:
            problems.append(f"{kind} → {outcome}, yet the file or its folder changed")
        seen[f"{kind} → {outcome}"] += 1
        if "uncaught" in outcome:
            problems.append(f"{kind} → {outcome}")

    offer()
    total = sum(seen.values())
    figure(
        "T7",
        "fuzzed files given to open and check",
        f"{total:,} files: {summary(seen)}; each refused file left byte-identical with nothing "
        "created beside it" + (f"; problems: {sorted(set(problems))[:6]}" if problems else ""),
        not problems,
    )
    assert not problems, sorted(set(problems))


def test_the_cli_refuses_each_kind_of_bad_file_with_a_plain_line(
    current: Path, corpus: dict[str, bytes], tmp_path: Path, figure: Figure
) -> None:
    real = corpus["real backup"]
    files = {k: v for k, v in corpus.items() if k != "real backup"}
    files |= {
        "truncated backup": real[: len(real) // 2 + 7],
        "bit-flipped backup": _flip(real, [(5000, 3)]),
    }
    kinds = sorted(files)[: trial_count(2, len(files))]
    before = digest(current)
    codes: Counter[int] = Counter()
    bad: list[str] = []
    env = {"ILTDESK_PASSPHRASE": PASSPHRASE}
    for i, kind in enumerate(kinds):
        offered = tmp_path / f"offered-{i}.iltdesk"
        offered.write_bytes(files[kind])
        command = ["restore", str(offered), str(current), "--force"]
        if i % 2:
            command = ["check", str(offered)]
        result = run_cli(*command, env=env)
        codes[result.returncode] += 1
        if result.returncode in (0, 1) or not result.stderr.startswith("iltdesk: "):
            bad.append(
                f"{command[0]} {kind}: exit {result.returncode} {result.stderr.strip()[:80]}"
            )
        elif result.stderr.count("\n") != 1:
            bad.append(f"{command[0]} {kind}: more than one line")
    unchanged = digest(current) == before
    figure(
        "T7",
        "bad files given to `iltdesk restore` and `iltdesk check`",
        f"{len(kinds)} kinds: exit codes {dict(sorted(codes.items()))} (2 usage, 3 passphrase, "
        f"4 damaged or not a journal, 6 too new), each with one plain line; current journal "
        f"{'byte-identical' if unchanged else 'CHANGED'}" + (f"; problems {bad}" if bad else ""),
        not bad and unchanged,
    )
    assert not bad, bad
    assert unchanged


# -- the QSettings file -----------------------------------------------------------------------

ODD_VALUES = [
    "@Rect(1 2 3 4)",
    "@Size(-1 -1)",
    "@Point(9 9)",
    "@ByteArray()",
    "@ByteArray(\\x1\\xd9\\xd0\\xcb\\0\\x3\\0\\0)",
    "@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\aQPointF)",
    "@Variant(\\0\\0\\0\\b\\0\\0\\0\\x1)",
    "@Invalid()",
    "a, b, c",
    "\\0",
    "a\\0b",
    "/",
    "~",
    "-0",
    "1e9",
    "x" * 5000,
    "/" + "d/" * 3000,
]
VALUE = st.one_of(
    st.integers(-(2**70), 2**70).map(str),
    st.floats().map(repr),
    st.text(max_size=200),
    st.sampled_from(ODD_VALUES),
    st.lists(st.sampled_from(ODD_VALUES), max_size=5).map(", ".join),
)
KEYS = [
    ("General", "recent_journals"),
    ("lock", "idle_minutes"),
    ("leads", "default_cadence_days"),
    ("window", "geometry"),
]


def _ini(values: list[str]) -> bytes:
    lines = []
    for (section, key), value in zip(KEYS, values, strict=True):
        lines += [f"[{section}]", f"{key}={value}"]
    return "\n".join(lines).encode("utf-8", "surrogatepass")


SETTINGS_FILES = st.one_of(
    st.lists(VALUE, min_size=len(KEYS), max_size=len(KEYS)).map(_ini),
    st.binary(max_size=2000),
)


@pytest.fixture
def settings_file(qtbot: QtBot, tmp_path: Path) -> Iterator[Path]:
    """Point QSettings at a file of this test's own, and back afterwards."""
    native, user = QSettings.Format.NativeFormat, QSettings.Scope.UserScope
    previous = Path(QSettings("iltdesk", "iltdesk").fileName()).parent.parent
    QSettings.setPath(native, user, str(tmp_path / "qsettings"))
    path = Path(QSettings("iltdesk", "iltdesk").fileName())
    path.parent.mkdir(parents=True)
    try:
        yield path
    finally:
        QSettings.setPath(native, user, str(previous))


def _reads_of_the_settings(journal: Journal) -> dict[str, object]:
    """Every place the app reads the settings file, each run once."""
    from ui.journal.welcome import WelcomeWindow
    from ui.shell.app import AppController

    def welcome() -> None:
        WelcomeWindow().deleteLater()

    def main_window() -> None:
        window = MainWindow(AppContext(journal))
        window.show()
        window.release()
        window.deleteLater()

    def app_start() -> None:
        controller = AppController()
        controller.start(None)  # opens the most recent journal that exists, else welcomes
        if controller.welcome is not None:
            controller.welcome.deleteLater()

    return {
        "idle minutes": preferences.idle_minutes,
        "cadence": preferences.default_cadence,
        "recent journals": recent_journals,
        "welcome window": welcome,
        "main window geometry": main_window,
        "app start": app_start,
    }


def test_garbage_in_the_settings_file_never_crashes_the_app(
    settings_file: Path, journal: Journal, monkeypatch: pytest.MonkeyPatch, figure: Figure
) -> None:
    from ui.journal.unlock import UnlockDialog

    monkeypatch.setattr(UnlockDialog, "exec", lambda self: 0)  # nobody there to type
    stamp = [1_700_000_000]
    seen: Counter[str] = Counter()
    problems: list[str] = []
    journal_before = digest(journal.path)

    @settings(FUZZ, max_examples=SETTINGS_FUZZ_EXAMPLES)
    @given(content=SETTINGS_FILES)
    def read(content: bytes) -> None:
        settings_file.write_bytes(content)
        stamp[0] += 10  # a new mtime, so QSettings reads the file again
        os.utime(settings_file, (stamp[0], stamp[0]))
        idle, cadence = preferences.idle_minutes(), preferences.default_cadence()
        if not (1 <= idle <= 240 and 1 <= cadence <= 90):
            problems.append(f"out of range: idle {idle}, cadence {cadence}")
        for name, read_it in _reads_of_the_settings(journal).items():
            outcome = outcome_of(read_it)
            seen[f"{name} → {outcome}"] += 1
            if outcome != "ok":
                problems.append(f"{name} → {outcome}")

    read()
    total = sum(seen.values())
    figure(
        "T7",
        "fuzzed QSettings file (idle minutes, cadence, geometry, recent journals)",
        f"{SETTINGS_FUZZ_EXAMPLES:,} files × 6 reads (idle, cadence, recent, welcome, "
        "main window, app start): "
        f"{total - len(problems):,}/{total:,} ok"
        + (f"; problems: {sorted(set(problems))[:6]}" if problems else "; 0 crashes"),
        not problems,
    )
    assert not problems, sorted(set(problems))[:10]
    assert digest(journal.path) == journal_before or not journal.closed
