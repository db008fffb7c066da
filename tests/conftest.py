"""Shared fixtures. Every test runs with a private HOME and an in-memory keychain."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("ILTDESK_PASSPHRASE", None)
os.environ.pop("ILTDESK_NEW_PASSPHRASE", None)
# Dates and paper follow the locale (iltdesk/region.py): the suite pins en_GB, whatever the
# machine's, for itself and the command lines it starts; tests of other locales use ``locale``.
os.environ["ILTDESK_LOCALE"] = "en_GB"

PASSPHRASE = "correct horse 'battery' staple — ünïcode"
REPO = Path(__file__).resolve().parent.parent


class MemoryKeyring(KeyringBackend):
    """A keychain that lives only in this test's memory."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


def words_for_new_pages(count: int = 380) -> str:
    """``count`` made-up words, none alike at the start (FTS5 stores a shared beginning once),
    so the search index needs new pages for them while a 1:1's row holding them fits in its
    own page: with the file at its page limit, the save's statement fits and its commit does
    not."""
    rng = random.Random(380)
    return " ".join(
        "".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(8)) for _ in range(count)
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "real_migrations: new journals get their schema from the Alembic migrations themselves "
        "(tests of the migrations), not from the per-process record of them (tests/head_schema.py)",
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """Delete now what the test left to ``deleteLater`` (pytest-qt's widgets, closed windows).

    ``processEvents`` never does, so they piled up until some later test ran an event loop:
    then ~1,700 dead widgets were restyled by every change of look (``theme.apply``, the
    ``app_look`` fixture), seconds a test. The next event loop would delete them anyway.
    """
    result = yield
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return result


@pytest.fixture(scope="session", autouse=True)
def one_application(qapp: object) -> object:
    """The widgets' QApplication, made before any test: a report made first would otherwise
    make a bare QGuiApplication (as the command line does), and the first window a later test
    of the same worker opens would abort the process."""
    return qapp


@pytest.fixture
def locale(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Switch this test (and the command lines it starts) to a locale, e.g. ``locale("en_US")``;
    the pinned en_GB comes back afterwards."""
    from iltdesk import region

    def use(name: str) -> None:
        monkeypatch.setenv(region.OVERRIDE, name)
        region.apply(name)

    yield use
    region.apply("en_GB")


@pytest.fixture(scope="session")
def head_schema_script(tmp_path_factory: pytest.TempPathFactory) -> Callable[[], str]:
    """The head schema as one script, made by the real migrations the first time it is asked
    for in this test process (never stored: a migration edited since is what tests get)."""
    made: list[str] = []

    def script() -> str:
        if not made:
            from tests.head_schema import migrated_script

            made.append(migrated_script(tmp_path_factory.mktemp("head-schema") / "scratch.j"))
        return made[0]

    return script


@pytest.fixture(autouse=True)
def head_schema_without_migrations(
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    head_schema_script: Callable[[], str],
) -> None:
    """A brand-new journal gets the head schema from ``head_schema_script`` (a few ms) instead
    of every migration (~0.5 s); anything else, and every test marked ``real_migrations``,
    goes through Alembic as the product does. ``tests/test_head_schema.py`` proves the two
    give the same journal."""
    if request.node.get_closest_marker("real_migrations"):
        return
    from iltdesk.store import schema
    from tests.head_schema import REAL_UPGRADE, apply, is_empty

    build = (schema.HEAD_REVISION, schema.MIGRATIONS_DIR)  # a test may swap them (T11's probe)

    def upgrade(engine: object, target: str = "head") -> None:
        if target == "head" and build == (schema.HEAD_REVISION, schema.MIGRATIONS_DIR):
            with engine.connect() as connection:  # type: ignore[attr-defined]
                raw = connection.connection.dbapi_connection
                if is_empty(raw):
                    apply(raw, head_schema_script())
                    return
        REAL_UPGRADE(engine, target)  # type: ignore[arg-type]

    monkeypatch.setattr(schema, "upgrade", upgrade)


@pytest.fixture(autouse=True)
def end_key_waiters() -> Iterator[None]:
    """Stop the test's pending key waiters (tests/keys.py) when it ends."""
    from tests import keys

    yield
    keys.GENERATION[0] += 1


@pytest.fixture(autouse=True)
def keep_umask() -> Iterator[None]:
    """``iltdesk.cli.main.main`` tightens the umask; give each test the one it started with."""
    before = os.umask(0o022)
    os.umask(before)
    yield
    os.umask(before)


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point HOME and the XDG folders into tmp_path so nothing real is read or written."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name, sub in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        monkeypatch.setenv(name, str(home / sub))
    # Qt decides where its settings file lives once per process: point it at this test's HOME.
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(home / ".config"))
    # Subprocesses must never reach the real keychain either.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    monkeypatch.delenv("ILTDESK_PASSPHRASE", raising=False)
    monkeypatch.delenv("ILTDESK_NEW_PASSPHRASE", raising=False)
    return home


MEMORY_KEYRING = f"{MemoryKeyring.__module__}.{MemoryKeyring.__qualname__}"


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """Install the in-memory keychain for every test, and restore the previous one after.

    iltdesk trusts only OS keychains; the fake is let in the way a user would let in another
    backend, through the documented ``ILTDESK_KEYRING_BACKENDS`` (subprocesses inherit it).
    """
    monkeypatch.setenv("ILTDESK_KEYRING_BACKENDS", MEMORY_KEYRING)
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keychain() -> None:
    """A computer with no usable keychain."""
    keyring.set_keyring(fail.Keyring())


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    """Where a test's journal goes (not created)."""
    return tmp_path / "journals" / "school.iltdesk"


@pytest.fixture
def journal(journal_path: Path) -> Iterator[object]:
    """A new, open, empty journal."""
    from iltdesk.store.journal import Journal

    j = Journal.create(journal_path, PASSPHRASE, school="Riverside Middle", principal="A. Rivera")
    yield j
    j.close()


def run_cli(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m iltdesk ARGS`` in a fresh process, as a user's shell would."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "iltdesk", *args],
        capture_output=True,
        text=True,
        env=full_env,
        input=stdin,
        timeout=timeout,
        cwd=REPO,
        check=False,
    )


@contextmanager
def kept_look(app: object) -> Iterator[None]:
    """Whatever a test does to the app's look (style, palette, sheet, font, the dark flag)
    is undone after it, so the next test starts from Qt's own."""
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    style, palette, sheet, font = app.style().name(), app.palette(), app.styleSheet(), app.font()
    dark = app.property("iltdesk_dark")
    try:
        yield
    finally:
        app.setStyleSheet(sheet)
        app.setPalette(palette)
        app.setFont(font)
        app.setStyle(style)
        app.setProperty("iltdesk_dark", dark)


@pytest.fixture
def app_look(qapp: object) -> Iterator[None]:
    """The app's own look (Fusion, its palette and style sheet), restored after the test:
    some faults show only under it (Enter once reached another auto-default button)."""
    from ui.kit import theme

    with kept_look(qapp):
        theme.apply(qapp)  # type: ignore[arg-type]
        yield


@pytest.fixture
def controller(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """The app's controller, as ``iltdesk open`` starts it; its journal is closed and its
    windows let go after the test. (Typed ``object`` here so that conftest imports no ui.)"""
    from tests.keys import settle
    from ui.shell.app import AppController

    monkeypatch.setattr("ui.shell.automatic_backup.DELAY_MS", 600_000)  # no backup mid-journey
    app = AppController()
    yield app
    app.close_journal(True)
    for window in (app.window, app.welcome):
        if window is not None:
            window.hide()
            window.deleteLater()
    settle()


@pytest.fixture
def runtime_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A test's own ``$XDG_RUNTIME_DIR`` (0700, with a short path: a socket's must fit
    in ~100 bytes), so its sockets and lock files go with it (the tests of one app per
    person and of locking with the session use it for every test)."""
    folder = Path(tempfile.mkdtemp(prefix="ilt-run-"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)
