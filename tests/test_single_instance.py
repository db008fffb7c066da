"""One app per person: a second launch hands its request to the running app and leaves."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from iltdesk import keychain
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, REPO
from tests.keys import Keys, active, settle
from ui.journal.unlock import UnlockDialog
from ui.shell import single_instance
from ui.shell.app import AppController
from ui.shell.single_instance import Claim, Request
from ui.shell.single_instance_ui import FileOpenFilter

# Each test has its own runtime folder for the app's socket and lock files (conftest).
pytestmark = pytest.mark.usefixtures("runtime_dir")

LAUNCH_S = 60


@pytest.fixture
def controller(qtbot: QtBot) -> Iterator[AppController]:
    """The running app's controller, listening as ``launch`` has it listen."""
    made = AppController()
    claim = single_instance.arrange(None)
    assert isinstance(claim, Claim) and claim.name is not None
    made.listen(claim)
    assert made.server is not None
    yield made
    made.server.close()
    if made.window is not None:
        made.window.close()
        made.window.context.journal.close()
    if made.welcome is not None:
        made.welcome.close()


def _name() -> str:
    where = single_instance.server_name()
    assert where is not None
    return where[0]


def _ask(journal: Path | None) -> list[bool | Exception]:
    """A second launch's request, sent from a thread (this one runs the app's event loop);
    the list receives what the launch made of the answer."""
    return _send(single_instance.request_for(journal).line())


def _send(line: bytes) -> list[bool | Exception]:
    outcome: list[bool | Exception] = []

    def talk() -> None:
        try:
            outcome.append(single_instance._talk(_name(), line))
        except single_instance.Hung as exc:
            outcome.append(exc)

    threading.Thread(target=talk, daemon=True).start()
    return outcome


def _answered(qtbot: QtBot, outcome: list[bool | Exception]) -> None:
    qtbot.waitUntil(lambda: bool(outcome), timeout=10_000)
    assert outcome == [True]


def _when(ready: Callable[[], QWidget | None], act: Callable[[QWidget], None]) -> None:
    """Run ``act`` on the window ``ready`` returns, once it returns one (polled)."""

    def poll() -> None:
        window = ready()
        if window is None:
            QTimer.singleShot(10, poll)
        else:
            act(window)

    QTimer.singleShot(0, poll)


def _unlocking(path: Path) -> Callable[[], QWidget | None]:
    def ready() -> QWidget | None:
        window = active()
        focus = QApplication.focusWidget()
        if isinstance(window, UnlockDialog) and window.path == path and focus is not None:
            return window if focus.window() is window else None
        return None

    return ready


def test_a_request_is_one_json_line_and_anything_else_is_ignored(tmp_path: Path) -> None:
    request = Request(tmp_path / "a b.iltdesk", {"XDG_ACTIVATION_TOKEN": "t"})
    assert Request.read(request.line()) == request
    assert Request.read(b'{"journal": null, "tokens": {}}\n') == Request(None, {})
    for odd in (b"\xff\n", b"[1]\n", b'{"journal": 3}\n', b'{"journal": "a\\u0000b"}\n'):
        assert Request.read(odd) is None
    kept = Request.read(b'{"journal": null, "tokens": {"LD_PRELOAD": "x"}}\n')
    assert kept == Request(None, {})  # only the desktop's activation tokens are taken


LIGHT_ENTRY = (
    "import sys\n"
    "from pathlib import Path\n"
    "from ui.shell.single_instance import launch\n"
    "sys.exit(launch(Path(sys.argv[1])))\n"
)


def _second_launch(
    qtbot: QtBot, args: list[str], env: dict[str, str] | None = None
) -> tuple[str, str]:
    """Run ``python ARGS`` as a second launch while this app runs; its output, once it
    exited 0."""
    launch = subprocess.Popen(
        [sys.executable, *args],
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        qtbot.waitUntil(lambda: launch.poll() is not None, timeout=LAUNCH_S * 1000)
    finally:
        if launch.poll() is None:
            launch.kill()
    out, err = launch.communicate()
    assert launch.returncode == 0, err
    return out, err


@pytest.mark.parametrize(
    "command",
    [["-m", "iltdesk", "open"], ["-c", LIGHT_ENTRY]],
    ids=["iltdesk open", "single_instance.launch"],
)
def test_a_second_launch_hands_over_and_exits_at_once(
    qtbot: QtBot, controller: AppController, journal: Journal, command: list[str]
) -> None:
    controller.show_main(journal)
    window = controller.window
    out, err = _second_launch(qtbot, [*command, str(journal.path)])
    assert "open elsewhere" not in out + err and "already open" not in out + err
    settle(50)
    # The same journal: the window comes forward, nothing is asked, nothing reopened.
    assert controller.window is window and not journal.closed
    assert QApplication.activeModalWidget() is None


SPY_ENTRY = (
    "import sys\n"
    "from iltdesk.cli.main import main\n"
    "code = main(['open', sys.argv[1]])\n"
    "print('unlock started' if 'iltdesk.store.unlocking' in sys.modules else 'untouched')\n"
    "sys.exit(code)\n"
)


def test_a_second_launch_hands_over_before_it_touches_the_keychain_or_the_journal(
    qtbot: QtBot, controller: AppController, journal: Journal
) -> None:
    """With a passphrase it could unlock with at hand, the second ``iltdesk open`` still
    leaves the journal and the keychain alone: it only asks the running app."""
    controller.show_main(journal)
    env = {**os.environ, "ILTDESK_PASSPHRASE": PASSPHRASE}
    out, _err = _second_launch(qtbot, ["-c", SPY_ENTRY, str(journal.path)], env)
    assert out.strip() == "untouched"
    assert not journal.closed and controller.window is not None


def test_another_journal_is_opened_only_when_the_person_says_so(
    qtbot: QtBot, controller: AppController, journal: Journal, tmp_path: Path
) -> None:
    other = tmp_path / "other.iltdesk"
    Journal.create(other, PASSPHRASE).close()
    keychain.remember(other, PASSPHRASE)  # so its unlock needs no typing here
    controller.show_main(journal)
    keys = Keys()
    asked: list[str] = []

    def answer(key: Callable[[], None]) -> Callable[[QWidget], None]:
        def act(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            asked.append(box.text())
            key()

        return act

    keys.then_in(QMessageBox, answer(keys.escape))
    _answered(qtbot, _ask(other))
    qtbot.waitUntil(lambda: len(asked) == 1)
    settle(50)
    assert asked == ["Open other.iltdesk?"]
    assert controller.window is not None and controller.window.context.journal is journal
    assert not journal.closed  # Cancel: the open journal stays as it was

    keys.then_in(QMessageBox, answer(keys.enter))
    _answered(qtbot, _ask(other))
    qtbot.waitUntil(lambda: journal.closed and controller.window is not None, timeout=10_000)
    assert controller.window is not None
    assert controller.window.context.journal.path == other.resolve()


def test_the_welcome_window_opens_the_journal_another_launch_names(
    qtbot: QtBot, controller: AppController, journal: Journal
) -> None:
    path = journal.path
    journal.close()
    keychain.remember(path, PASSPHRASE)  # as a launch naming it would, the keychain opens it
    controller.show_welcome()
    _answered(qtbot, _ask(path))
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    assert controller.window is not None and controller.window.context.journal.path == path
    assert controller.welcome is not None and not controller.welcome.isVisible()


def test_macos_opening_a_file_in_the_running_app_is_the_same_request(
    qtbot: QtBot, controller: AppController, journal: Journal
) -> None:
    path = journal.path
    journal.close()
    keychain.remember(path, PASSPHRASE)
    controller.show_welcome()
    app = QApplication.instance()
    assert app is not None
    files = FileOpenFilter(controller.open_from_elsewhere)
    app.installEventFilter(files)  # as launch does on macOS
    try:
        QApplication.sendEvent(app, QFileOpenEvent(str(path)))  # what Qt makes of the odoc event
        qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    finally:
        app.removeEventFilter(files)
    assert controller.window is not None and controller.window.context.journal.path == path


def test_a_request_while_a_journal_opens_is_answered_once_it_is_open(
    qtbot: QtBot, controller: AppController, journal: Journal, tmp_path: Path
) -> None:
    path = journal.path
    journal.close()
    other = tmp_path / "other.iltdesk"
    Journal.create(other, PASSPHRASE).close()
    keychain.remember(path, PASSPHRASE)
    keys = Keys()
    asked: list[str] = []

    def cancel(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        keys.escape()

    keys.then_in(QMessageBox, cancel)
    real = controller._finish_ahead

    def slow_unlock(ahead: object) -> object:
        _answered(qtbot, _ask(other))  # arrives while the keychain's passphrase is tried
        return real(ahead)  # type: ignore[arg-type]

    controller._finish_ahead = slow_unlock  # type: ignore[assignment,method-assign]
    controller.start(path)
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert asked == ["Open other.iltdesk?"]  # not lost, and nothing closed unasked
    assert controller.window is not None and controller.window.context.journal.path == path


def test_a_locked_app_asks_for_the_journal_another_launch_names(
    qtbot: QtBot, controller: AppController, journal: Journal, tmp_path: Path
) -> None:
    locked = journal.path
    journal.close()
    other = tmp_path / "other.iltdesk"
    Journal.create(other, PASSPHRASE).close()
    keys = Keys()
    seen: list[Path] = []

    def on_locked(dialog: QWidget) -> None:
        assert isinstance(dialog, UnlockDialog)
        seen.append(dialog.path)
        _ask(other)
        _when(_unlocking(other.resolve()), on_other)

    def on_other(dialog: QWidget) -> None:
        assert isinstance(dialog, UnlockDialog)
        seen.append(dialog.path)
        keys.type(PASSPHRASE)  # its own passphrase is asked for
        keys.enter()

    _when(_unlocking(locked), on_locked)
    controller.unlock(locked, automatic=False)  # returns once a journal is open
    assert seen == [locked, other.resolve()]
    assert controller.window is not None
    assert controller.window.context.journal.path == other.resolve()


def test_a_stale_socket_from_a_crash_is_replaced(qtbot: QtBot) -> None:
    name = _name()
    crashed = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    crashed.bind(name)  # bound, never listening, closed without removing the file
    crashed.close()
    assert Path(name).exists()
    claim = single_instance.arrange(None)
    assert isinstance(claim, Claim) and claim.name == name
    server = claim.listen()
    assert server is not None
    try:
        _answered(qtbot, _send(b"\n"))  # it answers there now
    finally:
        server.close()


def test_a_hung_app_is_said_in_one_line_and_this_launch_runs_alone(
    capsys: pytest.CaptureFixture[str],
) -> None:
    hung = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    hung.bind(_name())
    hung.listen(4)  # connections queue; nobody ever answers
    try:
        started = time.monotonic()
        claim = single_instance.arrange(None)
        took = time.monotonic() - started
    finally:
        hung.close()
    assert isinstance(claim, Claim) and claim.name is None
    assert capsys.readouterr().err == single_instance.HUNG + "\n"
    assert took < single_instance.CONNECT_S + single_instance.ANSWER_S + 1


def test_a_runtime_folder_open_to_others_or_too_deep_is_not_used(
    runtime_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fallback = Path(tempfile.gettempdir()) / f"iltdesk-{os.getuid()}"
    where = single_instance.server_name()
    assert where is not None and Path(where[0]).parent == runtime_dir
    runtime_dir.chmod(0o755)  # others may enter: not a place for the socket
    where = single_instance.server_name()
    assert where is not None and Path(where[0]).parent == fallback
    deep = runtime_dir / ("d" * 90)
    deep.mkdir(mode=0o700)
    runtime_dir.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(deep))  # the socket's path would not fit
    where = single_instance.server_name()
    assert where is not None and Path(where[0]).parent == fallback


def test_the_socket_is_this_users_alone(tmp_path: Path) -> None:
    claim = single_instance.arrange(None)
    assert isinstance(claim, Claim) and claim.name is not None
    server = claim.listen()
    assert server is not None
    try:
        socket_file = Path(claim.name)
        assert stat.S_IMODE(socket_file.parent.stat().st_mode) & 0o077 == 0
        assert stat.S_IMODE(socket_file.stat().st_mode) & 0o077 == 0
        system_python = Path("/usr/bin/python3")  # one another user may run
        if os.geteuid() != 0 or not system_python.exists():
            return  # only root can try it as another user
        probe = (
            "import socket, sys\n"
            "s = socket.socket(socket.AF_UNIX)\n"
            "try:\n    s.connect(sys.argv[1])\nexcept PermissionError:\n    print('refused')\n"
        )
        done = subprocess.run(
            [str(system_python), "-c", probe, claim.name],
            user=65534,  # nobody
            capture_output=True,
            text=True,
            timeout=30,
            cwd="/",
            check=False,
        )
        assert done.stdout.strip() == "refused", done.stderr
    finally:
        server.close()


def test_the_qt_client_used_on_windows_talks_the_same_protocol(
    qtbot: QtBot, controller: AppController
) -> None:

    heard: list[Request] = []
    assert controller.server is not None
    controller.server.requested.disconnect()
    controller.server.requested.connect(heard.append)
    # As a launch uses it: on the main thread of a fresh process, before any QApplication.
    code = (
        "import sys\n"
        "from ui.shell.single_instance import Request, _talk_qt\n"
        "print(_talk_qt(sys.argv[1], Request(None, {}).line()))\n"
    )
    talk = subprocess.Popen(
        [sys.executable, "-c", code, _name()], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    qtbot.waitUntil(lambda: talk.poll() is not None, timeout=LAUNCH_S * 1000)
    assert talk.communicate()[0].strip() == "True"
    qtbot.waitUntil(lambda: bool(heard))
    assert heard == [Request(None, {})]
    controller.server.close()
    assert single_instance._talk_qt(_name(), b"\n") is False  # nobody: start as the app


def test_the_check_costs_a_cold_start_almost_nothing() -> None:
    """Nobody listens: the check is a lock and a failed connect; QtNetwork waits for the
    window (``Claim.listen``)."""
    code = (
        "import sys, time\n"
        "from ui.shell import single_instance\n"
        "t = time.perf_counter(); claim = single_instance.arrange(None)\n"
        "checked = time.perf_counter() - t\n"
        "print('PySide6.QtNetwork' in sys.modules, claim.name is not None)\n"
        "t = time.perf_counter(); server = claim.listen(); listened = time.perf_counter() - t\n"
        "print(f'{checked * 1000:.1f} {listened * 1000:.1f}')\n"
        "server.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    imported, timings = done.stdout.splitlines()
    assert imported == "False True"
    checked_ms, _listened_ms = map(float, timings.split())
    assert checked_ms < 50, timings
