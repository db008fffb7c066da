"""What iltdesk ships that others wrote, under which licences, with the licences' texts.

Made from the installed distributions' own metadata: the runtime dependencies of the
``iltdesk`` distribution, followed recursively (markers evaluated for this machine, extras
left out), each with its name, version, licence, home page and the licence files its
wheel carries. Then the parts that are no Python distribution of their own but come inside
one: Qt (in PySide6-Essentials), SQLCipher, SQLite and OpenSSL (compiled into sqlcipher3;
cryptography carries its own OpenSSL), Python itself and the DejaVu fonts.

The bundle carries the result as a file (``tools/third_party_notices.py`` writes it when the
bundle is built, where metadata and Python's own licence are still at hand); a checkout or
an installed wheel makes it from the metadata when asked (``third_party_text``).
"""

from __future__ import annotations

import importlib
import re
import sys
import textwrap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from iltdesk import __version__
from iltdesk.paths import resources_dir

OWN_DISTRIBUTION = "iltdesk"
NOTICES_FILE = "THIRD_PARTY_NOTICES.txt"
RULE = "=" * 78  # between two components' notices, on a line of its own
OWN_LICENCE_START = "--- iltdesk's licence (LICENSE) ---"  # not shown: a marker, read back
OWN_LICENCE_END = "--- end of iltdesk's licence ---"  # not shown: a marker, read back
_LICENCE_FILE = re.compile(r"^(licen[cs]e|copying|notice)", re.IGNORECASE)
# Project-URL labels, matched in order.
_HOME_LABELS = ("homepage", "home", "source", "source code", "repository", "code")  # not shown: ids
# What a distribution's metadata leaves out, said here (looked at in its wheel by hand). Not
# translated: the notices are a legal text in English, built once with the bundle (``render``).
_GPL = "GPL-3.0 (which the LGPL-3.0 adds to)"  # not shown: notices
_NO_TEXT = "Its wheel carries no licence text: see the Qt notice below."  # not shown: notices
_ADDED_NOTES = {
    "sqlcipher3": (
        "Zlib",
        "Its LICENSE is pysqlite's (zlib-style); SQLCipher, SQLite and OpenSSL, compiled into "
        "it, have notices of their own below.",  # not shown: notices
    ),
    "pyside6-essentials": ("", _NO_TEXT),
    "shiboken6": ("", _NO_TEXT),
}


@dataclass(frozen=True)
class Notice:
    """One component: what it is, its licence, and the licence texts that come with it."""

    name: str
    version: str
    licence: str
    home: str
    texts: tuple[tuple[str, str], ...] = ()  # (file name, text)
    note: str = ""  # where it comes from, when not a distribution of its own

    @property
    def title(self) -> str:
        return f"{self.name} {self.version}".strip()


def _key(name: str) -> str:
    """A distribution's name as PEP 503 compares it."""
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_closure(root: str = OWN_DISTRIBUTION) -> list[metadata.Distribution]:
    """The installed distributions ``root`` needs at run time (not ``root``), by name."""
    found: dict[str, metadata.Distribution] = {}
    pending = [root]
    while pending:
        for requirement in _requires(metadata.distribution(pending.pop())):
            key = _key(requirement)
            if key in found or key == _key(root):
                continue
            try:
                found[key] = metadata.distribution(requirement)
            except metadata.PackageNotFoundError:  # not for this machine (its marker said so)
                continue
            pending.append(requirement)
    return sorted(found.values(), key=lambda d: _key(_field(d, "Name")))


def _requires(dist: metadata.Distribution) -> Iterator[str]:
    """The names of what ``dist`` requires here: markers evaluated, extras' requirements not."""
    for line in dist.requires or ():
        requirement, _, marker = line.partition(";")
        if marker.strip() and not _marker_holds(marker.strip()):
            continue
        name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
        if name:  # ``name[extra]`` too: the distribution itself is required, its extra is not
            yield name.group(1)


def _marker_holds(marker: str) -> bool:
    """Whether an environment marker holds on this machine, for no extra.

    ``packaging`` evaluates it where it is installed (a development venv, the bundle's
    build); without it, a marker that names an extra is false and any other one is taken as
    true: a requirement it excludes is simply not installed, and is skipped then.
    """
    try:
        # Imported by name, so that PyInstaller does not bundle packaging for it: the bundle
        # reads its notices from the file, and would ship a library its notices never name.
        markers = importlib.import_module("packaging.markers")
    except ImportError:
        return re.search(r"\bextra\b", marker) is None
    return bool(markers.Marker(marker).evaluate({"extra": ""}))


def _field(dist: metadata.Distribution, name: str) -> str:
    """A metadata field's first value, or "" when it is not there."""
    values = dist.metadata.get_all(name) or []
    return str(values[0]) if values else ""


def licence_of(dist: metadata.Distribution) -> str:
    """``License-Expression``, else a one-line ``License``, else the licence classifiers."""
    meta = dist.metadata
    expression = _field(dist, "License-Expression").strip()
    if expression:
        return expression
    stated = _field(dist, "License").strip()
    if stated and "\n" not in stated and len(stated) <= 100:
        return stated
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    if classifiers:
        return ", ".join(classifiers)
    return stated.splitlines()[0] if stated else ""


def home_of(dist: metadata.Distribution) -> str:
    """The home page: ``Home-page``, else the first fitting ``Project-URL``."""
    if _field(dist, "Home-page"):
        return _field(dist, "Home-page")
    listed: list[str] = dist.metadata.get_all("Project-URL") or []
    urls = [u.split(",", 1) for u in listed if "," in u]
    for wanted in _HOME_LABELS:
        for label, url in urls:
            if label.strip().lower() == wanted:
                return url.strip()
    return urls[0][1].strip() if urls else ""


def licence_texts(dist: metadata.Distribution) -> tuple[tuple[str, str], ...]:
    """The licence files ``dist`` carries: ``License-File`` (PEP 639, in ``licenses/`` or
    the metadata folder itself), else any LICENSE/COPYING/NOTICE file in its metadata."""
    named = dist.metadata.get_all("License-File") or []
    texts: dict[str, str] = {}
    for name in named:
        for where in (f"licenses/{name}", name):
            text = dist.read_text(where)
            if text is not None:
                texts[name] = text
                break
    if not texts:
        for file in dist.files or ():
            in_metadata = file.parent.name.endswith((".dist-info", ".egg-info"))
            if in_metadata and _LICENCE_FILE.match(file.name):
                texts[file.name] = dist.read_text(file.name) or ""
    stated = _field(dist, "License").strip()
    if not texts and "\n" in stated:  # the whole licence in the field, as older tools did
        texts["License"] = stated
    return tuple(texts.items())


def distribution_notice(dist: metadata.Distribution) -> Notice:
    """A distribution's notice, from its metadata alone."""
    name = _field(dist, "Name")
    unstated, note = _ADDED_NOTES.get(_key(name), ("", ""))
    return Notice(
        name=name,
        version=dist.version,
        licence=licence_of(dist) or unstated,
        home=home_of(dist),
        texts=licence_texts(dist),
        note=note,
    )


def _resource_text(name: str) -> str:
    return (resources_dir() / "notices" / name).read_text(encoding="utf-8")


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""


def python_licence_text() -> str | None:
    """Python's own LICENSE file, where this interpreter's installation keeps it."""
    base = Path(sys.base_prefix)
    major_minor = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for candidate in (base / "lib" / major_minor / "LICENSE.txt", base / "LICENSE.txt"):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8", errors="replace")
    return None


def _qt_note(version: str) -> str:
    """Where Qt comes from, that it can be replaced, and where its source is (LGPL-3.0 s. 4)."""
    series = ".".join(version.split(".")[:2])
    return (
        f"Qt's libraries and plug-ins come inside PySide6-Essentials {version} (Qt for Python, "
        "under the same licence), and are used as shared libraries: they can be replaced with "
        "another build of the same Qt version (in the bundle: the Qt and PySide6 libraries in "
        "its folder; iltdesk's own source and build recipe are public, so the whole bundle can "
        "be rebuilt against a modified Qt). The source of this Qt: "
        f"https://download.qt.io/official_releases/qt/{series}/{version}/src/ and of PySide6: "
        f"https://download.qt.io/official_releases/QtForPython/pyside6/PySide6-{version}-src/. "
        "Qt includes third-party code under its own licences: "
        "https://doc.qt.io/qt-6/licenses-used-in-qt.html."  # not shown: notices
    )


def component_notices() -> list[Notice]:
    """The parts that come inside distributions, or with the interpreter, not as one."""
    pyside = _version("PySide6-Essentials")
    sqlcipher3 = _version("sqlcipher3")
    python = python_licence_text()
    return [
        Notice(
            "Qt",
            pyside,
            "LGPL-3.0-only",
            "https://www.qt.io/",
            (
                ("LGPL-3.0", _resource_text("LICENSE.LGPL-3.0")),
                (_GPL, _resource_text("LICENSE.GPL-3.0")),
            ),
            note=_qt_note(pyside),
        ),
        Notice(
            "SQLCipher",
            "",
            "BSD-3-Clause",
            "https://www.zetetic.net/sqlcipher/",
            (("LICENSE", _resource_text("LICENSE.SQLCipher")),),
            note=f"Compiled into sqlcipher3 {sqlcipher3}, with SQLite (public domain, "
            "https://sqlite.org/copyright.html) and OpenSSL.",  # not shown: notices
        ),
        Notice(
            "OpenSSL",
            "",
            "Apache-2.0",
            "https://www.openssl.org/",
            (("LICENSE", _resource_text("LICENSE.Apache-2.0")),),
            note=f"Compiled into sqlcipher3 {sqlcipher3} (SQLCipher's cryptography) and into "
            "cryptography (see its own notice).",  # not shown: notices
        ),
        Notice(
            "Python",
            f"{sys.version_info.major}.{sys.version_info.minor}.{sys.version_info.micro}",
            "PSF-2.0",
            "https://www.python.org/",
            (("LICENSE", python),) if python else (),
            note=""
            if python
            else "Its licence: https://docs.python.org/3/license.html",  # not shown: notices
        ),
        Notice(
            "DejaVu fonts",  # not shown: a name
            "",
            "Bitstream-Vera AND Arev (DejaVu changes: public domain)",  # not shown: a licence
            "https://dejavu-fonts.github.io/",
            (("LICENSE", (resources_dir() / "fonts" / "LICENSE").read_text(encoding="utf-8")),),
            note="Embedded in the PDF reports.",  # not shown: notices
        ),
    ]


def collect(root: str = OWN_DISTRIBUTION) -> list[Notice]:
    """Every third-party notice: the distributions first, then what comes inside them."""
    return [distribution_notice(d) for d in runtime_closure(root)] + component_notices()


def render(notices: Iterable[Notice]) -> str:
    """The notices as one plain-text file, a section a component (``parse`` reads it).

    Its heading holds iltdesk's own licence, so the file alone says everything. Its words stay
    English: a legal text, built once with the bundle and read back (``parse``)."""
    heading = "its licence, and the third-party software it includes"  # not shown: notices
    head = (
        f"iltdesk {__version__}: {heading}\n\n"
        f"{OWN_LICENCE_START}\n{own_licence_text().rstrip()}\n{OWN_LICENCE_END}\n"
    )
    sections = [head]
    for notice in notices:
        lines = [notice.title, f"Licence: {notice.licence or 'not stated'}"]  # not shown: notices
        lines += [f"Home page: {notice.home}"] if notice.home else []  # not shown: notices
        lines += (
            [textwrap.fill(notice.note, 78, break_long_words=False, break_on_hyphens=False)]
            if notice.note
            else []
        )
        for name, text in notice.texts:
            lines += ["", f"--- {name} ---", text.rstrip()]
        sections.append("\n".join(lines) + "\n")
    return f"\n{RULE}\n".join(sections)


def parse(text: str) -> list[tuple[str, str]]:
    """``render``'s file back as (title, section) pairs, its heading left out."""
    sections = text.split(f"\n{RULE}\n")[1:]
    return [(s.split("\n", 1)[0], s.strip("\n")) for s in sections]


def bundled_file() -> Path:
    """Where the bundle carries the generated notices (beside the app's other data files)."""
    return resources_dir() / NOTICES_FILE


def third_party_text() -> str:
    """The notices: the bundle's file when there is one, else made now from the metadata."""
    bundled = bundled_file()
    if bundled.is_file():
        return bundled.read_text(encoding="utf-8")
    return render(collect())


def own_licence_text() -> str:
    """iltdesk's own LICENSE: from its distribution's metadata (a wheel, an editable install,
    the bundle's copy of them), else the checkout's root, else the bundle's notices file."""
    try:
        text = metadata.distribution(OWN_DISTRIBUTION).read_text("licenses/LICENSE")
    except metadata.PackageNotFoundError:
        text = None
    if text:
        return text
    checkout = Path(__file__).resolve().parent.parent / "LICENSE"
    if checkout.is_file():
        return checkout.read_text(encoding="utf-8")
    bundled = bundled_file()
    if bundled.is_file():
        found = bundled.read_text(encoding="utf-8")
        start, end = found.find(OWN_LICENCE_START), found.find(OWN_LICENCE_END)
        if 0 <= start < end:
            return found[start + len(OWN_LICENCE_START) : end].strip("\n") + "\n"
    raise FileNotFoundError("iltdesk's LICENSE is in neither its metadata nor its folder")
