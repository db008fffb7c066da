"""The sdist and wheel work outside the checkout: built as a maintainer builds them, installed
into a fresh venv, run from a folder that is not the repository.

``python -m build`` makes the sdist, then the wheel from the unpacked sdist, so the wheel also
proves the sdist is complete enough to build. The fresh venv gets only the iltdesk wheel; its
dependencies come from the test's own environment through a ``.pth`` file (installing PySide6
again would take minutes and prove nothing about iltdesk), and the checks make sure iltdesk's
code and resources are the wheel's, not the checkout's.
"""

from __future__ import annotations

import os
import site
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import REPO

pytestmark = pytest.mark.slow

PASSPHRASE = "demo"  # the demo journal's, public on purpose
LEAD = "Yolanda Brooks"  # the demo's lead with learning cycles (see iltdesk/demo/)
TIMEOUT_S = 300


def _build(out: Path) -> tuple[Path, Path]:
    # Isolated, as a maintainer builds: the build backend comes from build-system.requires.
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(REPO)],
        check=True,
        capture_output=True,
        timeout=TIMEOUT_S,
    )
    (sdist,) = out.glob("iltdesk-*.tar.gz")
    (wheel,) = out.glob("iltdesk-*.whl")
    return sdist, wheel


def _venv_with(wheel: Path, venv: Path) -> Path:
    """A fresh venv holding the wheel; its dependencies are this environment's."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # Appended after the venv's own site-packages, so the wheel's iltdesk and ui come first;
    # the lines of a .pth name folders only, so the checkout's editable finder stays out.
    borrowed = [*site.getsitepackages(), site.getusersitepackages()]
    (Path(purelib) / "borrowed_dependencies.pth").write_text("\n".join(borrowed) + "\n")
    pip = [sys.executable, "-m", "pip", "--python", str(python)]
    subprocess.run(
        [*pip, "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
        timeout=TIMEOUT_S,
    )
    return venv / "bin"


def _env(home: Path) -> dict[str, str]:
    keep = ("PATH", "LANG", "LC_ALL", "TMPDIR")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        QT_QPA_PLATFORM="offscreen",
        ILTDESK_PASSPHRASE=PASSPHRASE,
        # No keychain: nothing is remembered, nothing real is touched.
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        DBUS_SESSION_BUS_ADDRESS=f"unix:path={home / 'no-bus'}",
    )
    return env


def _run(home: Path, *args: str, **extra: str) -> str:
    done = subprocess.run(
        args,
        cwd=home,
        env={**_env(home), **extra},
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, f"{args}: exit {done.returncode}\n{done.stdout}{done.stderr}"
    return done.stdout


def test_sdist_and_wheel_work_outside_the_checkout(tmp_path: Path) -> None:
    sdist, wheel = _build(tmp_path / "dist")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for wanted in (
        "LICENSE",
        "README.md",
        "pyproject.toml",
        "resources/style.qss",
        "resources/fonts/DejaVuSans.ttf",
        "tests/conftest.py",
        "tests/fixtures/journal-0001.iltdesk",
    ):
        assert wanted in names, wanted

    home = tmp_path / "elsewhere"
    home.mkdir(mode=0o700)
    bin_ = _venv_with(wheel, tmp_path / "venv")
    where = _run(
        home,
        str(bin_ / "python"),
        "-c",
        "import iltdesk, ui; from iltdesk.paths import resources_dir; "
        "print(iltdesk.__file__, ui.__file__, resources_dir(), sep='\\n')",
    ).split()
    site_packages = tmp_path / "venv" / "lib"
    for path in where:
        assert Path(path).is_relative_to(site_packages), where
    assert (Path(where[2]) / "fonts" / "DejaVuSans.ttf").is_file()

    journal = home / "demo.iltdesk"
    _run(home, str(bin_ / "iltdesk"), "demo", str(journal))
    pdf = home / "summary.pdf"
    _run(home, str(bin_ / "iltdesk"), "export", str(journal), "--lead", LEAD, "-o", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert LEAD in text

    # The window opens and closes as a person would close it (ui/shell/app.py).
    _run(home, str(bin_ / "iltdesk"), "open", str(journal), ILTDESK_QUIT_WHEN_SHOWN="1")
    # The gui-script (no console window on Windows) is the same program.
    _run(home, str(bin_ / "iltdesk-app"), "--journal", str(journal), ILTDESK_QUIT_WHEN_SHOWN="1")
