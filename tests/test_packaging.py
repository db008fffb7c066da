"""The bundle's recipe, without building it: data files, Qt trimming, desktop entry, icons.

Building the bundle takes minutes and needs PyInstaller; `make dist` does that and runs
tools/bundle_smoke.py. These tests check the parts that can be checked in seconds.
"""

from __future__ import annotations

import configparser
import importlib.util
import shutil
import struct
import subprocess
import sys
import tomllib
import zlib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import iltdesk

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "build.spec"
# Named by the app id (org.iltdesk.iltdesk.desktop), as AppStream wants; the one there is.
(DESKTOP,) = (REPO / "packaging" / "linux").glob("*.desktop")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


contents = _load("bundle_contents")


def _tracked(folder: str) -> set[str]:
    return {
        p.relative_to(REPO).as_posix()
        for p in (REPO / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_bundle_carries_every_migration_and_resource() -> None:
    shipped = {
        Path(src).relative_to(REPO).as_posix(): dest for src, dest in contents.data_files(REPO)
    }
    migrations = _tracked("iltdesk/migrations")
    assert {"iltdesk/migrations/env.py", "iltdesk/migrations/script.py.mako"} <= migrations
    assert any(m.startswith("iltdesk/migrations/versions/") for m in migrations)
    resources = {r for r in _tracked("resources") if not r.startswith("resources/icons/app/")}
    assert {"resources/style.qss", "resources/icons/app.svg", "resources/__init__.py"} <= resources
    assert any(r.startswith("resources/fonts/") for r in resources)
    assert any(r.startswith("resources/report/") for r in resources)
    for path in migrations:
        # Alembic finds the migrations beside iltdesk.store.schema, as in the checkout.
        assert shipped.get(path) == str(Path(path).parent), path
    for path in resources:
        # resources/ is the package iltdesk.resources, in the bundle as in a wheel, where
        # iltdesk.paths.resources_dir finds it through importlib.resources.
        assert shipped.get(path) == str(Path("iltdesk") / Path(path).parent), path
    assert not [p for p in shipped if "__pycache__" in p or p.startswith("resources/icons/app/")]


def _pyproject() -> dict[str, Any]:
    with (REPO / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)


def test_every_package_folder_is_listed_for_the_wheel() -> None:
    # pyproject.toml lists the packages (its finder cannot map resources/); a folder missing
    # from the list would be missing from the wheel while every test in the checkout passes.
    listed = set(_pyproject()["tool"]["setuptools"]["packages"])
    found = {"iltdesk.resources"}
    for top in ("iltdesk", "ui"):
        for folder in [REPO / top, *(REPO / top).rglob("*")]:
            if folder.is_dir() and folder.name != "__pycache__" and any(folder.glob("*.py")):
                found.add(".".join(folder.relative_to(REPO).parts))
    for folder in (REPO / "resources").iterdir():
        if folder.is_dir() and folder.name != "__pycache__" and folder.name != "app":
            found.add(f"iltdesk.resources.{folder.name}")
    assert listed == found
    assert _pyproject()["tool"]["setuptools"]["package-dir"] == {"iltdesk.resources": "resources"}


def test_resources_are_found_as_the_installed_package() -> None:
    from iltdesk.paths import resources_dir

    assert resources_dir() == REPO / "resources"  # the editable install maps it here
    assert (resources_dir() / "style.qss").is_file()


def test_spec_uses_the_listed_contents_and_ships_the_entry_point() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    assert "contents.data_files(ROOT)" in spec
    assert "contents.prune(a.binaries" in spec
    assert "contents.keep_file(" in spec
    # Without iltdesk's dist-info, `iltdesk open` finds no "iltdesk.app" entry point when frozen.
    assert "copy_metadata(APP)" in spec
    assert 'collect_submodules("ui")' in spec


def test_version_comes_from_the_package() -> None:
    assert contents.package_version(REPO) == iltdesk.__version__


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/lib/libQt6PrintSupport.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "sqlcipher3/_sqlite3.cpython-311-x86_64-linux-gnu.so",
        "PySide6/Qt/lib/libQt6Network.so.6",  # one app per person: QLocalServer
        "libQt6Network.so.6",
        "PySide6/Qt/lib/libQt6DBus.so.6",  # locking with the session
    ],
)
def test_qt_files_the_app_needs_stay(dest: str) -> None:
    assert contents.keep_file(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6\\translations\\qtbase_de.qm",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
        "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so",
        "PySide6/Qt/plugins/generic/libqevdevmouseplugin.so",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6\\opengl32sw.dll",
    ],
)
def test_qt_files_the_app_never_uses_go(dest: str) -> None:
    assert not contents.keep_file(dest)


def test_prune_drops_libraries_only_dropped_files_link_to() -> None:
    plugins = "PySide6/Qt/plugins"
    entries = [
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        (f"{plugins}/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        (f"{plugins}/platformthemes/libqgtk3.so", "/src/libqgtk3.so", "BINARY"),
        (f"{plugins}/printsupport/libcupsprintersupport.so", "/src/libcupsps.so", "BINARY"),
        ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY"),
        ("libcairo.so.2", "/usr/lib/libcairo.so.2", "BINARY"),
        ("libxkbcommon.so.0", "/usr/lib/libxkbcommon.so.0", "BINARY"),
        ("libcups.so.2", "/usr/lib/libcups.so.2", "BINARY"),
        ("libgnutls.so.30", "/usr/lib/libgnutls.so.30", "BINARY"),
        ("libQt6Quick.so.6", "/src/libQt6Quick.so.6", "BINARY"),
        ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"),
    ]
    links = {
        "/src/libqxcb.so": {"libQt6Gui.so.6", "libxkbcommon.so.0"},
        "/src/libqgtk3.so": {"libQt6Gui.so.6", "libgtk-3.so.0"},
        "/src/libcupsps.so": {"libQt6Gui.so.6", "libcups.so.2"},
        "/usr/lib/libgtk-3.so.0": {"libcairo.so.2", "libxkbcommon.so.0"},
        "/usr/lib/libcups.so.2": {"libgnutls.so.30"},
    }
    kept = contents.prune(entries, lambda source: links.get(source, set()))
    assert [e[0] for e in kept] == [
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "libQt6Gui.so.6",
        f"{plugins}/platforms/libqxcb.so",
        # The print plugin stays and loads the system's libcups, which stays out with the
        # libraries behind it, even though the plugin links to it.
        f"{plugins}/printsupport/libcupsprintersupport.so",
        "libxkbcommon.so.0",  # GTK needed it too, but so does the xcb plugin that stays
    ]


def _desktop_entry() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def test_desktop_entry_is_valid() -> None:
    entry = _desktop_entry()
    for key in ("Type", "Name", "Exec", "Icon", "Categories"):
        assert entry.get(key), key
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == contents.APP_NAME
    # An icon name, not a path: the theme finds it under hicolor/<size>/apps/iltdesk.png.
    assert entry["Icon"] == contents.APP_NAME
    categories = entry["Categories"]
    assert categories.endswith(";")
    assert "Office" in categories.split(";")
    validator = shutil.which("desktop-file-validate")
    if validator is not None:
        done = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True)
        assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def _make_icons(out: Path) -> None:
    # A separate process: make_icons creates a QGuiApplication, which must not collide with
    # the QApplication pytest-qt makes in this one.
    subprocess.run(
        [sys.executable, str(REPO / "tools" / "make_icons.py"), "--out", str(out)],
        check=True,
        capture_output=True,
        timeout=120,
    )


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_SIGNATURE)
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _png_has_ink(data: bytes) -> bool:
    pixels, at = b"", len(PNG_SIGNATURE)
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        if data[at + 4 : at + 8] == b"IDAT":
            pixels += data[at + 8 : at + 8 + length]
        at += 12 + length
    return any(zlib.decompress(pixels))


def _ico_entries(data: bytes) -> dict[int, bytes]:
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    entries = {}
    for i in range(count):
        width, height, _, _, planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        assert (planes, bits) == (1, 32) and width == height
        assert offset + length <= len(data)
        png = data[offset : offset + length]
        assert _png_size(png) == (width or 256, height or 256)
        entries[width or 256] = png
    return entries


def _icns_entries(data: bytes) -> dict[str, bytes]:
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    entries, at = {}, 8
    while at < len(data):
        kind = data[at : at + 4].decode("ascii")
        (length,) = struct.unpack(">I", data[at + 4 : at + 8])
        assert length > 8 and at + length <= len(data)
        entries[kind] = data[at + 8 : at + length]
        at += length
    return entries


def test_make_icons_writes_valid_pngs_ico_and_icns(tmp_path: Path) -> None:
    _make_icons(tmp_path)
    for size in (16, 32, 48, 256, 512):
        png = (tmp_path / f"iltdesk-{size}.png").read_bytes()
        assert _png_size(png) == (size, size)
        assert _png_has_ink(png), f"the {size} px icon is blank"
    ico = _ico_entries((tmp_path / "iltdesk.ico").read_bytes())
    assert {16, 24, 32, 48, 256} <= set(ico)
    icns = _icns_entries((tmp_path / "iltdesk.icns").read_bytes())
    expected = {"ic07": 128, "ic08": 256, "ic09": 512, "ic10": 1024, "ic11": 32, "ic12": 64}
    for kind, size in expected.items():
        assert _png_size(icns[kind]) == (size, size), kind


def test_make_icons_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    _make_icons(first)
    _make_icons(second)
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert "iltdesk.icns" in names
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_smoke_test_fails_without_a_bundle(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "tools" / "bundle_smoke.py"), str(tmp_path / "missing")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "make dist" in done.stdout


def _locked() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (REPO / "requirements" / "dist.txt").read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace() and not line.startswith("#"):
            name, _, rest = line.partition("==")
            pins[canonicalize_name(name)] = rest.split()[0]
            assert "\\" in rest, f"{name} has no hashes"
    return pins


def test_the_lock_pins_what_pyproject_declares() -> None:
    # requirements/dist.txt is refreshed by `make lock` (tools/lock.sh); a dependency added or
    # a bound changed in pyproject.toml without a refresh fails here, not in a release build.
    locked = _locked()
    project = _pyproject()["project"]
    for text in [*project["dependencies"], *project["optional-dependencies"]["dist"]]:
        wanted = Requirement(text)
        name = canonicalize_name(wanted.name)
        assert name in locked, f"{name} is not in requirements/dist.txt: run make lock"
        assert wanted.specifier.contains(locked[name]), f"{name}=={locked[name]}: run make lock"


def test_minimums_are_read_from_pyproject() -> None:
    minimums = _load("minimums")
    pins = minimums.constraints(REPO / "pyproject.toml").splitlines()
    declared = _pyproject()["project"]["dependencies"]
    bounded = [Requirement(text) for text in declared if ">=" in text]
    assert len(pins) == len(bounded)
    for pin, wanted in zip(pins, bounded, strict=True):
        low = next(s.version for s in wanted.specifier if s.operator == ">=")
        assert pin.startswith(f"{wanted.name}=={low}")
        assert wanted.specifier.contains(low)  # the minimum is inside its own range
