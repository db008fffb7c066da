"""The journal locks when the screen locks or the computer sleeps.

The signals come from the operating system, so emitting them is how a person's act is
simulated here: on Linux on a real (private) D-Bus daemon, with ``dbus-send`` as the screen
saver and a second connection owning logind's name; on Windows and macOS by handing the
hooks what the system would (a MSG structure, the notification callbacks).
"""

from __future__ import annotations

import ctypes
import itertools
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from pytestqt.qtbot import QtBot

from iltdesk.lead import add_lead
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, REPO, run_cli
from tests.keys import DesktopKeys, wait_for_active
from ui.journal.unlock import UnlockDialog
from ui.navigation.switcher import QuickSwitcher
from ui.shell import session_lock, single_instance
from ui.shell.app import AppController
from ui.shell.main_window import MainWindow
from ui.shell.session_lock import DBusSessionHook, SessionLock, session_path
from ui.shell.session_lock_macos import MacSessionHook
from ui.shell.session_lock_windows import (
    MSG,
    PBT_APMSUSPEND,
    WM_POWERBROADCAST,
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    SessionEventFilter,
    WindowsSessionHook,
)

# Each test has its own runtime folder for the app's socket and lock files (conftest).
pytestmark = pytest.mark.usefixtures("runtime_dir")

WTS_SESSION_UNLOCK = 0x8
TYPED = "noticed the exit tickets first"


@pytest.fixture
def daemon() -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """A private D-Bus daemon (session configuration: anyone may own any name) and its
    address."""
    found = shutil.which("dbus-daemon")
    if found is None or shutil.which("dbus-send") is None:
        pytest.skip("dbus-daemon or dbus-send is not installed (Debian: dbus-daemon dbus-bin)")
    proc = subprocess.Popen(
        [found, "--session", "--nofork", "--print-address=1"], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    address = proc.stdout.readline().strip()
    try:
        yield address, proc
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture
def bus(daemon: tuple[str, subprocess.Popen[str]]) -> str:
    return daemon[0]


_names = itertools.count()


def _connection(address: str, name: str) -> QDBusConnection:
    """A connection of its own (Qt keeps connections by name: a name used with a daemon
    since ended would hand back that dead connection)."""
    conn = QDBusConnection.connectToBus(address, f"{name}-{next(_names)}")
    assert conn.isConnected()
    return conn


def _screen_saver(address: str, on: bool, interface: str = "org.freedesktop.ScreenSaver") -> None:
    """What a screen saver broadcasts when it starts (``dbus-send``, as any program could)."""
    _dbus_send(address, "/org/freedesktop/ScreenSaver", f"{interface}.ActiveChanged",
               f"boolean:{'true' if on else 'false'}")  # fmt: skip


def _dbus_send(address: str, path: str, member: str, *values: str) -> None:
    # --session with the address in the environment: dbus-send's --address skips the bus's
    # Hello, and the bus then routes nothing it sends.
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address}
    command = ["dbus-send", "--session", "--type=signal", path, member, *values]
    subprocess.run(command, env=env, check=True, timeout=30)


def _logind(address: str) -> QDBusConnection:
    """A connection that owns logind's name, to send what logind sends."""
    conn = _connection(address, "test-logind")
    assert conn.registerService(session_lock.LOGIN1)
    return conn


def _hook(qtbot: QtBot, address: str) -> tuple[DBusSessionHook, list[str]]:
    heard: list[str] = []
    conn = _connection(address, "test-app")
    hook = DBusSessionHook(heard.append, conn, conn)  # one daemon plays both buses
    hook.start()
    return hook, heard


def test_the_setting_is_on_unless_turned_off() -> None:
    watcher = SessionLock()
    asked: list[str] = []
    watcher.lock_requested.connect(asked.append)
    assert session_lock.enabled()
    watcher.heard(session_lock.SCREEN)
    session_lock.set_enabled(False)
    watcher.heard(session_lock.SLEEP)
    assert asked == [session_lock.SCREEN]
    session_lock.set_enabled(True)
    assert session_lock.enabled()


def test_logind_session_paths_are_escaped_as_logind_escapes_them() -> None:
    assert session_path("c2") == "/org/freedesktop/login1/session/c2"
    assert session_path("1") == "/org/freedesktop/login1/session/_31"
    assert session_path("31") == "/org/freedesktop/login1/session/_331"
    assert session_path("a-b") == "/org/freedesktop/login1/session/a_2db"


def test_the_screen_savers_and_logind_are_heard_on_dbus(
    qtbot: QtBot, bus: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_SESSION_ID", "7")
    hook, heard = _hook(qtbot, bus)
    assert len(hook.listening) == 4
    _screen_saver(bus, False)  # the screen saver ending asks nothing
    _screen_saver(bus, True)
    qtbot.waitUntil(lambda: heard == ["screen"])
    _screen_saver(bus, True, "org.gnome.ScreenSaver")
    qtbot.waitUntil(lambda: heard == ["screen"] * 2)

    logind = _logind(bus)
    for path, member, value in (
        ("/org/freedesktop/login1", "Manager.PrepareForSleep", [False]),  # waking: nothing
        ("/org/freedesktop/login1", "Manager.PrepareForSleep", [True]),
        (session_path("8"), "Session.Lock", []),  # another user's session: not ours
        (session_path("7"), "Session.Lock", []),
    ):
        interface, name = member.split(".")
        message = QDBusMessage.createSignal(path, f"{session_lock.LOGIN1}.{interface}", name)
        message.setArguments(value)
        assert logind.send(message)
    qtbot.waitUntil(lambda: len(heard) == 4)
    QCoreApplication.processEvents()
    assert heard == ["screen", "screen", "sleep", "screen"]
    hook.stop()
    _screen_saver(bus, True)
    qtbot.wait(200)
    assert len(heard) == 4


def test_sleep_is_heard_only_from_logind_itself(qtbot: QtBot, bus: str) -> None:
    hook, heard = _hook(qtbot, bus)
    _dbus_send(bus, "/org/freedesktop/login1", "org.freedesktop.login1.Manager.PrepareForSleep",
               "boolean:true")  # fmt: skip
    _screen_saver(bus, True)  # after it: once this is heard, the other would have been
    qtbot.waitUntil(lambda: bool(heard))
    assert heard == ["screen"]
    hook.stop()


def test_no_bus_and_a_lost_bus_change_nothing(
    qtbot: QtBot, daemon: tuple[str, subprocess.Popen[str]]
) -> None:
    absent = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "test-absent")
    heard: list[str] = []
    alone = DBusSessionHook(heard.append, absent, absent)
    alone.start()
    assert alone.listening == []
    alone.stop()
    hook, heard = _hook(qtbot, daemon[0])
    daemon[1].terminate()  # the bus goes away under the app
    daemon[1].wait(10)
    qtbot.wait(200)
    hook.stop()
    hook.start()  # a later start on the lost bus subscribes to nothing, and says nothing
    assert heard == []
    hook.stop()


def test_windows_locks_on_the_session_lock_and_the_suspend_message() -> None:
    heard: list[str] = []
    native = SessionEventFilter(heard.append)

    def deliver(message: int, wparam: int, kind: bytes = b"windows_generic_MSG") -> None:
        msg = MSG(None, message, wparam, 0, 0, 0, 0)
        assert native.nativeEventFilter(kind, ctypes.addressof(msg)) == (False, 0)

    deliver(WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK)
    deliver(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, b"xcb_generic_event_t")  # not Windows'
    assert heard == []
    deliver(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK)
    deliver(WM_POWERBROADCAST, PBT_APMSUSPEND)
    assert heard == ["screen", "sleep"]
    hook = WindowsSessionHook(heard.append)  # installs the filter (the rest is Windows')
    hook.start()
    hook.stop()


def test_macos_locks_when_its_observers_are_called() -> None:
    heard: list[str] = []
    hook = MacSessionHook(heard.append)
    hook.start()
    try:
        hook.on_screen_locked(None, None, None, None, None)  # as CoreFoundation calls it
        hook.on_will_sleep(None, None, None)  # as NSNotificationCenter calls the IMP
    finally:
        hook.stop()
    assert heard == ["screen", "sleep"]
    hook.on_will_sleep(None, None, None)
    assert heard == ["screen", "sleep"]  # stopped: no longer heard


# -- the journey ------------------------------------------------------------------------------


@pytest.fixture
def controller() -> Iterator[AppController]:
    made = AppController()
    yield made
    made.close_journal(True)
    for window in (made.window, made.welcome):
        if window is not None:
            window.close()


def test_the_screen_locks_while_typing_a_one_on_one_and_nothing_is_lost(
    qtbot: QtBot, controller: AppController, journal_path: Path, bus: str
) -> None:
    journal = Journal.create(journal_path, PASSPHRASE, school="Riverside Middle")
    add_lead(journal, "Maya Ortiz", on_ilt_since=date.today() - timedelta(days=60))
    journal.close()
    conn = _connection(bus, "test-app")  # the app's session bus, as sessionBus() would be
    watcher = SessionLock()
    hook = DBusSessionHook(watcher.heard, conn, conn)
    watcher.hooks.append(hook)
    hook.start()
    watcher.lock_requested.connect(controller.lock_with_session)

    keys = DesktopKeys()
    keys.unlock_with(PASSPHRASE)
    controller.start(journal_path)
    window = wait_for_active(MainWindow)

    def go_to(_dialog: QuickSwitcher) -> None:
        keys.type("maya")
        keys.enter()

    keys.then_in(QuickSwitcher, go_to)
    keys.shortcut("Ctrl+K")
    keys.shortcut("Ctrl+N")
    keys.type(TYPED)  # and the person walks away, locking the screen

    found: list[list[str]] = []

    def locked(dialog: UnlockDialog) -> None:
        assert dialog.path == journal_path.resolve()
        assert window.context.journal.closed and controller.window is None
        done = run_cli("search", "--json", str(journal_path), "exit tickets",
                       env={"ILTDESK_PASSPHRASE": PASSPHRASE})  # fmt: skip
        assert done.returncode == 0, done.stderr
        found.append([hit["kind"] for hit in json.loads(done.stdout)])
        keys.escape()

    asked = keys.then_in(UnlockDialog, locked)
    _screen_saver(bus, True)
    qtbot.waitUntil(lambda: bool(asked) and bool(found), timeout=30_000)
    assert found == [["one_on_one"]]
    hook.stop()


def test_the_launched_app_locks_on_the_session_bus(
    qtbot: QtBot, journal: Journal, bus: str, private_home: Path
) -> None:
    """The real launch: ``iltdesk open`` finds the bus in DBUS_SESSION_BUS_ADDRESS."""
    path = journal.path
    journal.close()
    env = {**os.environ, "ILTDESK_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen",
           "DBUS_SESSION_BUS_ADDRESS": bus, "DBUS_SYSTEM_BUS_ADDRESS": bus}  # fmt: skip
    app = subprocess.Popen(
        [sys.executable, "-m", "iltdesk", "open", str(path)],
        cwd=REPO, env=env, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        where = single_instance.server_name()
        assert where is not None
        give_up = time.monotonic() + 60
        while not Path(where[0]).exists():  # listening: the session hook starts with it
            assert app.poll() is None and time.monotonic() < give_up
            time.sleep(0.05)
        time.sleep(0.3)
        assert _in_use(path)
        _screen_saver(bus, True)
        give_up = time.monotonic() + 30
        while _in_use(path):  # locked: the journal is free again
            assert time.monotonic() < give_up, "the app did not lock"
            time.sleep(0.2)
        assert app.poll() is None  # it asks for the passphrase again
    finally:
        app.send_signal(signal.SIGTERM)
        app.wait(30)


def _in_use(path: Path) -> bool:
    """Whether a fresh process finds the journal held by another (the app has it open)."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from iltdesk.errors import JournalInUse\n"
        "from iltdesk.store.journal import Journal\n"
        "try:\n"
        "    Journal.open(Path(sys.argv[1]), sys.argv[2]).close()\n"
        "except JournalInUse:\n"
        "    print('in use')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path), PASSPHRASE],
        cwd=REPO, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout.strip() == "in use"
