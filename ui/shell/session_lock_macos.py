"""macOS: hear the screen lock and the sleep through the system's notification centres.

- Screen lock: loginwindow posts the distributed notification ``com.apple.screenIsLocked``
  (Ctrl+Cmd+Q, the lid, a screen saver that asks for the password). Observed with
  CoreFoundation's ``CFNotificationCenterAddObserver`` on the distributed centre and a C
  callback made with ctypes (``CFNotificationSuspensionBehaviorDeliverImmediately``).
- Sleep: ``NSWorkspaceWillSleepNotification`` is posted on NSWorkspace's own notification
  centre only, which CoreFoundation cannot reach: a one-method Objective-C class is made at
  run time (``objc_allocateClassPair`` + ``class_addMethod`` with a ctypes IMP) and added
  with ``addObserver:selector:name:object:``.

Both arrive on the main thread's run loop, which Qt's Cocoa event dispatcher runs. Needs
only the system's libobjc, CoreFoundation and AppKit (loaded by Qt already); no PyObjC. On
other systems ``start`` does nothing; tests call the callbacks (``on_screen_locked``,
``on_will_sleep``) as the system would.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import sys
from collections.abc import Callable
from typing import Any

SCREEN_LOCKED = b"com.apple.screenIsLocked"
WILL_SLEEP = b"NSWorkspaceWillSleepNotification"  # the constant's value is its own name
UTF8 = 0x08000100  # kCFStringEncodingUTF8
DELIVER_IMMEDIATELY = 4  # CFNotificationSuspensionBehaviorDeliverImmediately
OBSERVER_CLASS = b"IltdeskSleepObserver"

# void (*)(CFNotificationCenterRef, void *observer, CFStringRef name, const void *object,
#          CFDictionaryRef userInfo)
CF_CALLBACK = ctypes.CFUNCTYPE(
    None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p
)
# -(void)willSleep:(NSNotification *)notification, as an IMP: self, _cmd, the argument.
IMP = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)

# The Objective-C class is made once a process; its method calls whoever listens now.
_sleep_listeners: list[Callable[[], None]] = []


def _will_sleep_imp(_self: Any, _cmd: Any, _notification: Any) -> None:
    for listener in list(_sleep_listeners):
        listener()


_WILL_SLEEP_IMP = IMP(_will_sleep_imp)  # kept for the process: the class points at it


class MacSessionHook:
    """Observes the screen lock and the sleep; calls ``heard("screen"/"sleep")``."""

    def __init__(self, heard: Callable[[str], None]) -> None:
        self._heard = heard
        # Kept on self: C holds only the pointer, so the thunk must outlive the observation.
        self.on_screen_locked = CF_CALLBACK(self._screen_locked)
        self.on_will_sleep = _WILL_SLEEP_IMP
        self._token = ctypes.c_int(0)  # this observer's identity for CoreFoundation
        self._cf: Any = None
        self._center: int | None = None

    def _screen_locked(self, *_: Any) -> None:
        self._heard("screen")

    def _sleeping(self) -> None:
        self._heard("sleep")

    def start(self) -> None:
        _sleep_listeners.append(self._sleeping)  # also what a test's call reaches
        if sys.platform != "darwin":
            return
        # What cannot be observed is left out: the idle lock remains.
        with contextlib.suppress(OSError, AttributeError, TypeError):
            self._observe_screen_lock()
        with contextlib.suppress(OSError, AttributeError, TypeError):
            _observe_sleep()

    def stop(self) -> None:
        if self._sleeping in _sleep_listeners:
            _sleep_listeners.remove(self._sleeping)
        if self._cf is not None and self._center is not None:
            self._cf.CFNotificationCenterRemoveEveryObserver(
                ctypes.c_void_p(self._center), ctypes.byref(self._token)
            )
        self._center = None

    def _observe_screen_lock(self) -> None:
        cf = _load("CoreFoundation")
        cf.CFNotificationCenterGetDistributedCenter.restype = ctypes.c_void_p
        cf.CFNotificationCenterAddObserver.argtypes = [
            ctypes.c_void_p, ctypes.c_void_p, CF_CALLBACK, ctypes.c_void_p, ctypes.c_void_p,
            ctypes.c_long,
        ]  # fmt: skip
        cf.CFNotificationCenterRemoveEveryObserver.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        center = cf.CFNotificationCenterGetDistributedCenter()
        name = _cf_string(cf, SCREEN_LOCKED)
        cf.CFNotificationCenterAddObserver(
            center, ctypes.byref(self._token), self.on_screen_locked, name, None,
            DELIVER_IMMEDIATELY,
        )  # fmt: skip
        self._cf, self._center = cf, center


def _load(framework: str) -> Any:
    found = ctypes.util.find_library(framework)
    if found is None:
        raise OSError(f"{framework} not found")
    return ctypes.cdll.LoadLibrary(found)


def _cf_string(cf: Any, text: bytes) -> int:
    cf.CFStringCreateWithCString.restype = ctypes.c_void_p
    cf.CFStringCreateWithCString.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32]
    return int(cf.CFStringCreateWithCString(None, text, UTF8))


_observing_sleep: list[int] = []  # the observer object, once made (one a process)


def _observe_sleep() -> None:
    """Add an instance of a run-time class with ``willSleep:`` to NSWorkspace's centre."""
    if _observing_sleep:
        return
    objc = _load("objc")
    _load("AppKit")  # NSWorkspace (Qt has loaded it; harmless again)
    cf = _load("CoreFoundation")
    objc.objc_getClass.restype = ctypes.c_void_p
    objc.objc_getClass.argtypes = [ctypes.c_char_p]
    objc.sel_registerName.restype = ctypes.c_void_p
    objc.sel_registerName.argtypes = [ctypes.c_char_p]
    objc.objc_allocateClassPair.restype = ctypes.c_void_p
    objc.objc_allocateClassPair.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
    objc.class_addMethod.restype = ctypes.c_bool
    objc.class_addMethod.argtypes = [ctypes.c_void_p, ctypes.c_void_p, IMP, ctypes.c_char_p]
    objc.objc_registerClassPair.argtypes = [ctypes.c_void_p]
    sel = objc.sel_registerName
    cls = objc.objc_getClass(OBSERVER_CLASS)
    if not cls:
        cls = objc.objc_allocateClassPair(objc.objc_getClass(b"NSObject"), OBSERVER_CLASS, 0)
        objc.class_addMethod(cls, sel(b"willSleep:"), _WILL_SLEEP_IMP, b"v@:@")
        objc.objc_registerClassPair(cls)
    # objc_msgSend called through the prototype each message needs.
    address = ctypes.cast(objc.objc_msgSend, ctypes.c_void_p).value or 0
    send0 = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)(address)
    add = ctypes.CFUNCTYPE(
        None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p,
        ctypes.c_void_p, ctypes.c_void_p,
    )(address)  # fmt: skip
    observer = send0(send0(cls, sel(b"alloc")), sel(b"init"))
    workspace = send0(objc.objc_getClass(b"NSWorkspace"), sel(b"sharedWorkspace"))
    center = send0(workspace, sel(b"notificationCenter"))
    name = _cf_string(cf, WILL_SLEEP)  # a CFString is an NSString (toll-free bridged)
    add(center, sel(b"addObserver:selector:name:object:"), observer, sel(b"willSleep:"), name, None)
    _observing_sleep.append(observer)
