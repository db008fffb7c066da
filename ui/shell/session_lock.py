"""Lock the journal when the screen locks or the computer goes to sleep (a setting, on by
default, as in KeePassXC): the same lock the idle timer asks for, which saves first.

The operating system says so in its own way; each way ends in ``SessionLock.heard``:

- Linux, over D-Bus (``QtDBus``): logind's ``PrepareForSleep(true)`` on the system bus, and
  its ``Lock`` signal for this login session (``loginctl lock-session``); the screen saver's
  ``ActiveChanged(true)`` on the session bus (``org.freedesktop.ScreenSaver``: KDE, Xfce and
  others; ``org.gnome.ScreenSaver``: GNOME).
- Windows: ``WM_WTSSESSION_CHANGE``/``WTS_SESSION_LOCK`` and ``WM_POWERBROADCAST``/
  ``PBT_APMSUSPEND`` (``session_lock_windows``).
- macOS: the ``com.apple.screenIsLocked`` distributed notification and NSWorkspace's
  ``NSWorkspaceWillSleepNotification`` (``session_lock_macos``).

A bus that is absent or goes away only means the journal is not locked this way: the idle
lock still is. Nothing here is imported before the first window is up.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, Signal, Slot

from ui.kit import preferences

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection

SETTING_KEY = preferences.SCREEN_LOCK_KEY
SCREEN = "screen"  # why the lock was asked for
SLEEP = "sleep"
LOGIN1 = "org.freedesktop.login1"
SCREEN_SAVERS = ("org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver")


def enabled() -> bool:
    """Whether the journal locks with the screen (Settings; on unless turned off)."""
    return preferences.lock_with_screen()


def set_enabled(on: bool) -> None:
    """Store the setting (Settings' checkbox)."""
    preferences.save(
        idle=preferences.idle_minutes(), cadence=preferences.default_cadence(), with_screen=bool(on)
    )


def session_path(session_id: str) -> str:
    """logind's object path for a session id: its label escaped as sd-bus escapes it (each
    byte that is not a letter, or a digit after the first, becomes ``_xx``)."""
    label = "".join(
        c if (c.isascii() and c.isalpha()) or (c.isdigit() and n) else f"_{ord(c):02x}"
        for n, c in enumerate(session_id)
    )
    return f"/org/freedesktop/login1/session/{label or '_'}"


class SessionLock(QObject):
    """Emits ``lock_requested`` (why: ``SCREEN`` or ``SLEEP``) when the OS locks the screen or
    is about to sleep, if the setting is on."""

    lock_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.hooks: list[Any] = []  # what listens, kept alive as long as this

    def start(self) -> None:
        """Listen in this platform's way; what is not there is left out quietly."""
        if sys.platform == "win32":
            from ui.shell.session_lock_windows import WindowsSessionHook

            self.hooks.append(WindowsSessionHook(self.heard))
        elif sys.platform == "darwin":
            from ui.shell.session_lock_macos import MacSessionHook

            self.hooks.append(MacSessionHook(self.heard))
        else:
            from PySide6.QtDBus import QDBusConnection

            self.hooks.append(
                DBusSessionHook(
                    self.heard, QDBusConnection.sessionBus(), QDBusConnection.systemBus()
                )
            )
        for hook in self.hooks:
            hook.start()

    def stop(self) -> None:
        for hook in self.hooks:
            hook.stop()
        self.hooks.clear()

    def heard(self, why: str) -> None:
        """The OS locked the screen (``SCREEN``) or is going to sleep (``SLEEP``)."""
        if enabled():
            self.lock_requested.emit(why)


def watch(lock: Callable[[str], None]) -> SessionLock:
    """Start hearing the OS; ``lock(why)`` when it locks the screen or sleeps (setting on)."""
    watcher = SessionLock()
    watcher.lock_requested.connect(lock)
    watcher.start()
    return watcher


class DBusSessionHook(QObject):
    """Linux: logind and the screen savers over D-Bus (either bus may be missing)."""

    def __init__(
        self, heard: Callable[[str], None], session: QDBusConnection, system: QDBusConnection
    ) -> None:
        super().__init__()
        self._heard = heard
        self.session = session
        self.system = system
        self.listening: list[str] = []  # what was subscribed to (for tests)
        self._matches: list[tuple[QDBusConnection, str, str, str, str, bytes]] = []

    def start(self) -> None:
        if self.session.isConnected():
            for interface in SCREEN_SAVERS:  # whoever serves it: several desktops do
                self._connect(self.session, "", "", interface, "ActiveChanged", "active(bool)")
        if self.system.isConnected():
            manager = "/org/freedesktop/login1"
            self._connect(
                self.system,
                LOGIN1,
                manager,
                f"{LOGIN1}.Manager",
                "PrepareForSleep",
                "sleeping(bool)",
            )
            session_id = os.environ.get("XDG_SESSION_ID")
            if session_id:  # only this login's Lock: other users' sessions share the bus
                self._connect(
                    self.system,
                    LOGIN1,
                    session_path(session_id),
                    f"{LOGIN1}.Session",
                    "Lock",
                    "locked()",
                )

    def _connect(
        self, bus: QDBusConnection, service: str, path: str, interface: str, name: str, slot: str
    ) -> None:
        from PySide6.QtCore import SLOT

        method = cast(bytes, SLOT(slot))  # a str at run time: PySide's stub says bytes
        if bus.connect(service, path, interface, name, self, method):
            self.listening.append(f"{interface}.{name}")
            self._matches.append((bus, service, path, interface, name, method))

    def stop(self) -> None:
        for bus, service, path, interface, name, method in self._matches:
            if bus.isConnected():
                bus.disconnect(service, path, interface, name, self, method)
        self._matches.clear()
        self.listening.clear()

    @Slot(bool)
    def active(self, on: bool) -> None:
        if on:
            self._heard(SCREEN)

    @Slot(bool)
    def sleeping(self, start: bool) -> None:
        if start:
            self._heard(SLEEP)

    @Slot()
    def locked(self) -> None:
        self._heard(SCREEN)
