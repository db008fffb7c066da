"""The files that make iltdesk at home on a desktop: menu entry, file type, AppStream metainfo.

The freedesktop validators run when installed (`desktop-file-validate` from
desktop-file-utils, `appstreamcli` from appstream, `xmllint` from libxml2-utils,
`update-mime-database` from shared-mime-info; .ci/run installs them); the checks that need
no tool run everywhere.
"""

from __future__ import annotations

import configparser
import importlib.util
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

import iltdesk

REPO = Path(__file__).resolve().parent.parent
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
# The schema shared-mime-info validates its own database with (a DTD inside the file).
FREEDESKTOP_MIME = Path("/usr/share/mime/packages/freedesktop.org.xml")


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


desktop = _load("desktop_integration")


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def _entry() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(desktop.DESKTOP_FILE.read_text(encoding="utf-8"))
    return dict(parser["Desktop Entry"])


def _metainfo() -> ET.Element:
    return ET.parse(desktop.METAINFO_FILE).getroot()


def test_the_desktop_entry_opens_journals_of_its_type() -> None:
    entry = _entry()
    # %f: the file manager passes one journal; from the menu it expands to nothing, and
    # `iltdesk open` with no journal opens the last one.
    assert entry["Exec"] == "iltdesk open %f"
    assert entry["MimeType"] == f"{desktop.MIME_TYPE};"
    assert entry["Icon"] == desktop.ICON_NAME


def test_desktop_file_validate_accepts_the_entry() -> None:
    done = subprocess.run(
        [_tool("desktop-file-validate"), str(desktop.DESKTOP_FILE)], capture_output=True, text=True
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_the_mime_type_is_known_by_its_extension() -> None:
    root = ET.parse(desktop.MIME_FILE).getroot()
    types = root.findall(f"{MIME_NS}mime-type")
    assert [t.get("type") for t in types] == [desktop.MIME_TYPE]
    globs = [g.get("pattern") for g in types[0].findall(f"{MIME_NS}glob")]
    assert globs == [f"*.{desktop.EXTENSION}"]
    # An encrypted journal has no magic bytes: a <magic> rule would match random files.
    assert types[0].find(f"{MIME_NS}magic") is None


def test_the_mime_file_is_valid_against_shared_mime_infos_schema(tmp_path: Path) -> None:
    xmllint = _tool("xmllint")
    if not FREEDESKTOP_MIME.exists():
        pytest.skip("shared-mime-info is not installed")
    text = FREEDESKTOP_MIME.read_text(encoding="utf-8")
    subset = re.search(r"<!DOCTYPE mime-info \[(.*?)\]>", text, re.DOTALL)
    assert subset is not None, "freedesktop.org.xml no longer carries its DTD"
    dtd = tmp_path / "shared-mime-info.dtd"
    dtd.write_text(subset.group(1), encoding="utf-8")
    done = subprocess.run(
        [xmllint, "--noout", "--dtdvalid", str(dtd), str(desktop.MIME_FILE)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


def test_update_mime_database_learns_the_glob(tmp_path: Path) -> None:
    tool = _tool("update-mime-database")
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy2(desktop.MIME_FILE, packages / f"{desktop.APP_ID}.xml")
    done = subprocess.run([tool, str(tmp_path / "mime")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8")
    assert f"{desktop.MIME_TYPE}:*.{desktop.EXTENSION}" in globs


def test_metainfo_names_the_app_its_file_type_and_this_release() -> None:
    root = _metainfo()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == desktop.APP_ID
    assert root.findtext("launchable") == desktop.DESKTOP_FILE.name
    assert [m.text for m in root.iter("mediatype")] == [desktop.MIME_TYPE]
    releases = root.findall("releases/release")
    # The newest release comes first, and it is the version being built.
    assert releases and releases[0].get("version") == iltdesk.__version__
    assert root.find("content_rating") is not None
    images = [image.text or "" for image in root.iter("image")]
    assert images and all(url.startswith("https://") for url in images)
    for url in images:  # each screenshot named is one the repository has
        assert (REPO / "docs" / "screenshots" / url.rsplit("/", 1)[-1]).is_file(), url


def test_appstreamcli_validates_the_metainfo() -> None:
    done = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(desktop.METAINFO_FILE)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_bundles_share_tree_validates_as_installed(tmp_path: Path) -> None:
    # As build.spec lays it out beside the executable, and as a user copies it into
    # ~/.local/share: the metainfo's launchable must find the desktop entry there.
    appstreamcli = _tool("appstreamcli")
    share = tmp_path / "usr" / "share"
    svg = REPO / "resources" / "icons" / "app.svg"
    for source, relative in desktop.linux_share_files(tmp_path / "no-pngs", svg):
        target = share / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    assert (share / "applications" / desktop.DESKTOP_FILE.name).is_file()
    assert (share / "mime" / "packages" / f"{desktop.APP_ID}.xml").is_file()
    done = subprocess.run(
        [appstreamcli, "validate-tree", "--no-net", str(tmp_path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_macos_declares_and_opens_the_file_type() -> None:
    plist = desktop.macos_document_types("iltdesk.icns")
    (document,) = plist["CFBundleDocumentTypes"]
    (declared,) = plist["UTExportedTypeDeclarations"]
    assert document["LSItemContentTypes"] == [declared["UTTypeIdentifier"]] == [desktop.UTI]
    tags = declared["UTTypeTagSpecification"]
    assert tags["public.filename-extension"] == [desktop.EXTENSION]
    assert tags["public.mime-type"] == [desktop.MIME_TYPE]
    spec = (REPO / "build.spec").read_text(encoding="utf-8")
    assert "desktop.macos_document_types(" in spec
    assert "bundle_identifier=desktop.APP_ID" in spec
