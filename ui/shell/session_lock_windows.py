"""Windows: hear the session lock and the suspend through a native event filter.

- ``WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_THIS_SESSION)`` on a hidden window of
  ours makes Windows send it ``WM_WTSSESSION_CHANGE``; ``wParam == WTS_SESSION_LOCK`` when
  this session is locked (Win+L, the lid, a screen saver that locks).
- ``WM_POWERBROADCAST`` with ``wParam == PBT_APMSUSPEND`` goes to every top-level window
  before the computer sleeps or hibernates.

Qt hands each message to ``nativeEventFilter(b"windows_generic_MSG", address of an MSG)``;
the filter reads the MSG through ctypes and never consumes it. On other systems the module
imports (tests feed the filter a MSG made here) but ``start`` does nothing.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractNativeEventFilter, QCoreApplication

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x4
NOTIFY_FOR_THIS_SESSION = 0
EVENT_TYPES = (b"windows_generic_MSG", b"windows_dispatcher_MSG")


class MSG(ctypes.Structure):
    """winuser.h's MSG (pointer-sized handles and parameters, as on 64-bit and 32-bit)."""

    _fields_ = [
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint),
        ("wParam", ctypes.c_size_t),  # WPARAM: UINT_PTR
        ("lParam", ctypes.c_ssize_t),  # LPARAM: LONG_PTR
        ("time", ctypes.c_ulong),
        ("pt_x", ctypes.c_long),
        ("pt_y", ctypes.c_long),
    ]


def reason(message: int, wparam: int) -> str | None:
    """Why to lock for this window message: "screen", "sleep", or None."""
    if message == WM_WTSSESSION_CHANGE and wparam == WTS_SESSION_LOCK:
        return "screen"
    if message == WM_POWERBROADCAST and wparam == PBT_APMSUSPEND:
        return "sleep"
    return None


class SessionEventFilter(QAbstractNativeEventFilter):
    """Reads every native message Qt receives; calls ``heard`` for a lock or a suspend."""

    def __init__(self, heard: Callable[[str], None]) -> None:
        super().__init__()
        self._heard = heard

    def nativeEventFilter(self, event_type: Any, message: Any) -> tuple[bool, int]:
        if bytes(event_type) in EVENT_TYPES and message:
            msg = MSG.from_address(int(message))
            why = reason(msg.message, msg.wParam)
            if why is not None:
                self._heard(why)
        return False, 0  # never consumed: Qt and Windows carry on as usual


class WindowsSessionHook:
    """The filter, installed on the application, and the session notification registered
    for a hidden window of ours (Windows sends WM_WTSSESSION_CHANGE to a window only)."""

    def __init__(self, heard: Callable[[str], None]) -> None:
        self.filter = SessionEventFilter(heard)
        self._window: Any = None
        self._hwnd = 0

    def start(self) -> None:
        app = QCoreApplication.instance()
        if app is None:
            return
        app.installNativeEventFilter(self.filter)
        if sys.platform != "win32":
            return
        from PySide6.QtGui import QWindow

        self._window = QWindow()  # never shown; winId() makes its native window
        self._hwnd = int(self._window.winId())
        try:
            wtsapi = ctypes.WinDLL("wtsapi32")  # type: ignore[attr-defined,unused-ignore]
            wtsapi.WTSRegisterSessionNotification(
                ctypes.c_void_p(self._hwnd), NOTIFY_FOR_THIS_SESSION
            )
        except (OSError, AttributeError):
            self._hwnd = 0  # no lock notices; the suspend one still arrives

    def stop(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeNativeEventFilter(self.filter)
        if self._hwnd and sys.platform == "win32":
            try:
                wtsapi = ctypes.WinDLL("wtsapi32")  # type: ignore[attr-defined,unused-ignore]
                wtsapi.WTSUnRegisterSessionNotification(ctypes.c_void_p(self._hwnd))
            except (OSError, AttributeError):
                pass
        self._hwnd = 0
        self._window = None
