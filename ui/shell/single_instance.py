"""One app per person: a second launch hands its request to the running one and leaves.

docs/desktop.md tells the whole of it. In short: the app listens on a ``QLocalServer`` named
for this user (user id, and a hash of where its settings live), a 0700 socket in a 0700
folder on Unix, a named pipe for the user only on Windows. A launch takes a lock file beside
it, then connects: nobody there (or a stale socket from a crash) makes it the app, which
listens on its first event-loop turn and only then lets the next launch in; an app that
answers gets the request (one JSON line each way) and the launch exits 0; one that does not
answer in time is said in one line, and the launch starts on its own.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import socket
import stat
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer, Signal

from ui.kit.translation import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

    from iltdesk.store.unlocking import UnlockAhead

CONNECT_S = 1.0  # a hung app: connecting or answering takes longer than this
ANSWER_S = 2.0
LOCK_WAIT_S = 5.0  # another launch is between its check and its listening
LOCK_POLL_S = 0.02
MAX_LINE = 64 * 1024
HUNG = QT_TRANSLATE_NOOP(
    "single_instance",
    "iltdesk: the iltdesk already running does not answer; opening another window.",
)
# Desktop activation tokens: with one, the running app may take the focus (Wayland's
# xdg-activation, X11's startup notification); the launcher gives it to the launched process.
TOKENS = ("XDG_ACTIVATION_TOKEN", "DESKTOP_STARTUP_ID")


@dataclass(frozen=True)
class Request:
    """What a second launch asks of the running app."""

    journal: Path | None
    tokens: dict[str, str]

    def line(self) -> bytes:
        data = {"journal": None if self.journal is None else str(self.journal)}
        return (json.dumps({**data, "tokens": self.tokens}) + "\n").encode()

    @staticmethod
    def read(line: bytes) -> Request | None:
        """The request in ``line``, or None if it is not one (never trusted further)."""
        try:
            data = json.loads(line.decode())
        except (UnicodeDecodeError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        journal, tokens = data.get("journal"), data.get("tokens")
        if journal is not None and (not isinstance(journal, str) or not journal or "\0" in journal):
            return None
        if not isinstance(tokens, dict):
            tokens = {}
        kept = {k: v for k, v in tokens.items() if k in TOKENS and isinstance(v, str)}
        return Request(None if journal is None else Path(journal), kept)


def request_for(journal: Path | None) -> Request:
    """This launch's request: its journal as an absolute path (the running app's folder is
    another), and the activation tokens its launcher gave it."""
    path = None if journal is None else Path(os.path.abspath(journal))
    return Request(path, {k: os.environ[k] for k in TOKENS if os.environ.get(k)})


# -- where the app listens -------------------------------------------------------------------


SOCKET_PATH_MAX = 100  # bytes: a Unix socket's path must fit sun_path (104 on macOS, 108)


def _private_folder(file_name: str) -> Path | None:
    """A folder only this user can enter, where ``file_name`` fits in a socket's path; None
    if there is none (then there is no single instance)."""
    if sys.platform == "win32":
        return Path(tempfile.gettempdir())  # %TEMP% is the user's own
    uid = os.getuid()
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    candidates = [Path(runtime)] if runtime else []
    candidates.append(Path(tempfile.gettempdir()) / f"iltdesk-{uid}")
    for folder in candidates:
        if len(os.fsencode(folder / file_name)) > SOCKET_PATH_MAX:
            continue
        with contextlib.suppress(OSError):
            folder.mkdir(mode=0o700, exist_ok=True)
            info = os.lstat(folder)
            # A folder (not a link someone else planted), ours, and closed to everyone else.
            if stat.S_ISDIR(info.st_mode) and info.st_uid == uid and info.st_mode & 0o077 == 0:
                return folder
    return None


def _user() -> str:
    if sys.platform == "win32":
        return os.environ.get("USERNAME", "") + "@" + os.environ.get("USERDOMAIN", "")
    return str(os.getuid())


def server_name() -> tuple[str, Path] | None:
    """The server's name (a socket path on Unix) and its lock file, or None."""
    where = QSettings("iltdesk", "iltdesk").fileName()
    digest = hashlib.sha256(f"{_user()}\0{where}".encode()).hexdigest()[:16]
    name = f"iltdesk-{digest}"
    folder = _private_folder(f"{name}.socket")
    if folder is None:
        return None
    lock = folder / f"{name}.lock"
    return (name if sys.platform == "win32" else str(folder / f"{name}.socket")), lock


# -- the lock between a launch's check and its listening ---------------------------------------


def _try_lock(fd: int) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _take_lock(path: Path) -> int | None:
    """The lock file's descriptor, locked; None if it stayed held (or cannot be made)."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        return None
    give_up = time.monotonic() + LOCK_WAIT_S
    while not _try_lock(fd):
        if time.monotonic() > give_up:
            os.close(fd)
            return None
        time.sleep(LOCK_POLL_S)
    return fd


# -- asking the running app ---------------------------------------------------------------------


class Hung(Exception):
    """Someone listens but does not answer."""


def _talk_unix(name: str, line: bytes) -> bool:
    """Send ``line`` to the app at socket ``name``; False if nobody listens there."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(CONNECT_S)
        try:
            sock.connect(name)
        except (FileNotFoundError, ConnectionRefusedError):
            return False  # no app, or a stale socket from one that crashed
        except OSError as exc:
            raise Hung from exc
        try:
            sock.settimeout(ANSWER_S)
            sock.sendall(line)
            answer = b""
            while not answer.endswith(b"\n"):
                part = sock.recv(MAX_LINE)
                if not part:
                    raise Hung  # it went away without answering
                answer += part
        except OSError as exc:
            raise Hung from exc
    return True


def _talk_qt(name: str, line: bytes) -> bool:
    """As ``_talk_unix``, through QLocalSocket (Windows' named pipes)."""
    from PySide6.QtNetwork import QLocalSocket

    sock = QLocalSocket()
    sock.connectToServer(name)
    if not sock.waitForConnected(int(CONNECT_S * 1000)):
        if sock.error() in (
            QLocalSocket.LocalSocketError.ServerNotFoundError,
            QLocalSocket.LocalSocketError.ConnectionRefusedError,
        ):
            return False
        raise Hung
    sock.write(line)
    sock.waitForBytesWritten(int(ANSWER_S * 1000))
    give_up = time.monotonic() + ANSWER_S
    while not sock.canReadLine():
        left = give_up - time.monotonic()
        if left <= 0 or not sock.waitForReadyRead(int(left * 1000) + 1):
            sock.abort()
            raise Hung
    sock.disconnectFromServer()
    return True


def _talk(name: str, line: bytes) -> bool:
    return _talk_qt(name, line) if sys.platform == "win32" else _talk_unix(name, line)


# -- this launch's outcome -------------------------------------------------------------------


class Claim:
    """This launch is the app: it listens once its first window is up (``listen``)."""

    def __init__(self, name: str | None, lock_fd: int | None) -> None:
        self.name = name
        self._lock_fd = lock_fd
        self.server: InstanceServer | None = None

    def listen(self) -> InstanceServer | None:
        """Listen for other launches' requests and let the next launch in; None if this app
        cannot (the name is taken by a hung app, no private folder): it then runs alone."""
        try:
            if self.name is not None and self.server is None:
                server = InstanceServer()
                if server.listen(self.name):
                    self.server = server
        finally:
            self.release()
        return self.server

    def release(self) -> None:
        """Let the next launch check (once listening, or when this app gives up)."""
        fd, self._lock_fd = self._lock_fd, None
        if fd is not None:
            os.close(fd)  # closing drops the lock


def launch(
    journal: Path | None = None, unlock: Callable[[], UnlockAhead | None] | None = None
) -> int:
    """The ``iltdesk.app`` entry point: hands over to the app already running before the app
    itself is imported (~0.3 s a launch from a double-clicked journal no longer spends) and
    before ``unlock`` (the command line's early unlock) reads the keychain or the journal;
    else starts ``unlock`` and runs the app (``ui.shell.app.launch``) while it goes on."""
    claim = arrange_launch(journal)
    if claim is None:
        return 0
    ahead = None if unlock is None else unlock()
    from ui.shell.app import launch as run_app

    return run_app(journal, ahead, claim=claim)


def arrange_launch(journal: Path | None) -> Claim | None:
    """``arrange`` for the app's launch. A probe of start-up itself
    (``ILTDESK_QUIT_WHEN_SHOWN``: the bundle's smoke test, bench) always runs on its own.
    """
    if os.environ.get("ILTDESK_QUIT_WHEN_SHOWN") == "1":
        return Claim(None, None)
    return arrange(journal)


def arrange(journal: Path | None) -> Claim | None:
    """Hand this launch's request to the app already running (None: done, exit 0), or
    claim being the app (``Claim``; its ``name`` is None when it cannot listen). Nothing of
    the journal is touched first: an early unlock starts only once this is the app.
    """
    where = server_name()
    if where is None:
        return Claim(None, None)
    name, lock_path = where
    lock_fd = _take_lock(lock_path)
    if lock_fd is None:
        return Claim(None, None)  # another launch is stuck between check and listen
    try:
        if _probe(name):
            _allow_foreground()
            _talk(name, request_for(journal).line())
            os.close(lock_fd)
            return None
    except Hung:
        print(QCoreApplication.translate("single_instance", HUNG), file=sys.stderr)
        os.close(lock_fd)
        return Claim(None, None)
    return Claim(name, lock_fd)


def _allow_foreground() -> None:
    """Windows lets only the process the person just started bring a window forward: this
    launch passes that right on to the running app before asking it."""
    if sys.platform == "win32":
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.windll.user32.AllowSetForegroundWindow(-1)  # ASFW_ANY


def _probe(name: str) -> bool:
    """Whether an app listens at ``name`` (an empty line is ignored by it)."""
    return _talk(name, b"\n")


# -- the running app's side --------------------------------------------------------------------


class InstanceServer(QObject):
    """Hears other launches of this user's app; ``requested`` carries each ``Request``."""

    requested = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        from PySide6.QtNetwork import QLocalServer

        self.server: QLocalServer = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    def listen(self, name: str) -> bool:
        """Listen at ``name``; a socket file left by a crashed app is removed first (the
        launch lock is held, and nobody answered on it)."""
        from PySide6.QtNetwork import QLocalServer

        if sys.platform != "win32":
            QLocalServer.removeServer(name)
        return self.server.listen(name)

    def close(self) -> None:
        """Stop listening (the socket file goes too)."""
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(sock.deleteLater)
            # A caller that never finishes its line is dropped.
            QTimer.singleShot(int(ANSWER_S * 2000), sock, sock.abort)

    def _read(self, sock: QLocalSocket) -> None:
        while sock.canReadLine():
            line = bytes(sock.readLine(MAX_LINE).data())
            sock.write(b'{"ok": true}\n')
            sock.flush()
            request = Request.read(line) if line.strip() else None
            if request is not None:
                # Answered first: the launch may leave while this app acts on it.
                QTimer.singleShot(0, self, lambda r=request: self.requested.emit(r))
        if sock.bytesAvailable() > MAX_LINE:
            sock.abort()
