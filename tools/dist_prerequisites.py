"""What `make dist` needs from the machine, checked before minutes of building: one line.

    python3 tools/dist_prerequisites.py      # exit 0, or 1 and one line naming what to install

Checks the Python that runs it (3.11+, with its venv module while .venv does not exist yet),
free disk space, and on Linux binutils (PyInstaller reads and writes ELF files with objdump,
objcopy and strip), the libraries offscreen Qt needs (tools/make_icons.py and the smoke test
run Qt without a screen) and those of Qt's X11 and Wayland plugins, which the bundle carries
from the build machine (PyInstaller finds them only where they are installed). build.spec runs
the same check. Written for any Python 3 so that an old one hears that it is too old.
"""

from __future__ import annotations

import ctypes
import shutil
import sys
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
MIN_PYTHON = (3, 11)
# The build (build/ and dist/, about 0.6 GB at most) plus PyInstaller in .venv, with room.
MIN_FREE_BYTES = 1_500_000_000


class Need(NamedTuple):
    """Something missing: what it is, and the package that brings it on each family."""

    what: str
    debian: str
    fedora: str


_BINUTILS = tuple(Need(tool, "binutils", "binutils") for tool in ("objdump", "objcopy", "strip"))
# (shared library, Debian/Ubuntu package, Fedora package)
_OFFSCREEN_QT = (
    ("libglib-2.0.so.0", "libglib2.0-0", "glib2"),
    ("libGL.so.1", "libgl1", "libglvnd-glx"),
    ("libEGL.so.1", "libegl1", "libglvnd-egl"),
    ("libfontconfig.so.1", "libfontconfig1", "fontconfig"),
    ("libfreetype.so.6", "libfreetype6", "freetype"),
    ("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon"),
    ("libdbus-1.so.3", "libdbus-1-3", "dbus-libs"),
)
# What `make run` needs on an X11 desktop too (without libxcb-cursor Qt aborts with
# "xcb-cursor0 is needed"); the README lists the same packages.
_DESKTOP_QT = (
    ("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb"),
    ("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    ("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    ("libxcb-image.so.0", "libxcb-image0", "xcb-util-image"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    ("libxcb-randr.so.0", "libxcb-randr0", "libxcb"),
    ("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil"),
    ("libxcb-shape.so.0", "libxcb-shape0", "libxcb"),
    ("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    ("libwayland-client.so.0", "libwayland-client0", "libwayland-client"),
    ("libwayland-cursor.so.0", "libwayland-cursor0", "libwayland-cursor"),
)
LINUX_LIBRARIES = tuple(Need(*row) for row in _OFFSCREEN_QT + _DESKTOP_QT)


def _loads(library: str) -> bool:
    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def _python_needs(venv_exists: bool) -> list[Need]:
    version = ".".join(str(n) for n in MIN_PYTHON)
    if sys.version_info < MIN_PYTHON:
        found = ".".join(str(n) for n in sys.version_info[:2])
        return [Need(f"Python {version}+ (this is {found})", "python3", "python3")]
    if not venv_exists:
        try:
            import ensurepip  # noqa: F401  # Debian and Ubuntu ship it in python3-venv
        except ImportError:
            return [Need("Python's venv module", "python3-venv", "python3")]
    return []


def _disk_needs(where: Path) -> list[Need]:
    free = shutil.disk_usage(where).free
    if free >= MIN_FREE_BYTES:
        return []
    return [Need(f"{MIN_FREE_BYTES / 1e9:.1f} GB free disk (only {free / 1e9:.1f} GB)", "", "")]


def missing(root: Path = ROOT, platform: str = sys.platform) -> list[Need]:
    """Everything `make dist` would fail on, in the order it would meet it."""
    needs = _python_needs((root / ".venv").exists()) + _disk_needs(root)
    if platform.startswith("linux"):
        needs += [need for need in _BINUTILS if shutil.which(need.what) is None]
        needs += [need for need in LINUX_LIBRARIES if not _loads(need.what)]
    elif platform == "darwin" and shutil.which("codesign") is None:
        # PyInstaller signs every binary ad hoc; Apple Silicon refuses unsigned code.
        needs.append(Need("codesign (Xcode command line tools: xcode-select --install)", "", ""))
    return needs


def family(os_release: Path = Path("/etc/os-release")) -> str:
    """``debian``, ``fedora`` or "" (unknown), from /etc/os-release's ID and ID_LIKE."""
    try:
        text = os_release.read_text(encoding="utf-8")
    except OSError:
        return ""
    words = set()
    for line in text.splitlines():
        key, _, value = line.partition("=")
        if key in ("ID", "ID_LIKE"):
            words.update(value.strip().strip('"').split())
    if words & {"debian", "ubuntu"}:
        return "debian"
    if words & {"fedora", "rhel", "centos"}:
        return "fedora"
    return ""


def one_line(needs: list[Need], family: str = "") -> str:
    """What is missing and, where the family is known, the command that installs it."""
    what = ", ".join(need.what for need in needs)
    debian = sorted({n.debian for n in needs if n.debian})
    fedora = sorted({n.fedora for n in needs if n.fedora})
    line = f"make dist needs: {what}"
    if family == "debian" and debian:
        return f"{line}; install with: sudo apt-get install {' '.join(debian)}"
    if family == "fedora" and fedora:
        return f"{line}; install with: sudo dnf install {' '.join(fedora)}"
    if debian or fedora:
        return (
            f"{line}; Debian/Ubuntu: apt-get install {' '.join(debian)}; "
            f"Fedora: dnf install {' '.join(fedora)}"
        )
    return line


def main() -> int:
    needs = missing()
    if not needs:
        return 0
    print(one_line(needs, family()), file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
