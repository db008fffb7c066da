"""`make dist` and `pyinstaller build.spec` say in one line what the machine lacks."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "dist_prerequisites", REPO / "tools" / "dist_prerequisites.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


prerequisites = _load()


def test_missing_binutils_and_libraries_are_named_with_their_packages(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no objdump, objcopy or strip
    monkeypatch.setattr(prerequisites, "_loads", lambda name: name != "libxcb-cursor.so.0")
    needs = prerequisites.missing(REPO, platform="linux")
    assert [n.what for n in needs] == ["objdump", "objcopy", "strip", "libxcb-cursor.so.0"]
    line = prerequisites.one_line(needs, "debian")
    assert line == (
        "make dist needs: objdump, objcopy, strip, libxcb-cursor.so.0; "
        "install with: sudo apt-get install binutils libxcb-cursor0"
    )
    assert "sudo dnf install binutils xcb-util-cursor" in prerequisites.one_line(needs, "fedora")
    unknown = prerequisites.one_line(needs, "")
    assert "apt-get install binutils libxcb-cursor0" in unknown and "dnf install" in unknown
    assert "\n" not in unknown


def test_windows_needs_no_binutils(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert prerequisites.missing(REPO, platform="win32") == []


def test_too_little_disk_is_said(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prerequisites, "MIN_FREE_BYTES", 10**18)
    needs = prerequisites.missing(REPO, platform="win32")
    assert len(needs) == 1 and "GB free disk" in needs[0].what


def test_the_family_comes_from_os_release(tmp_path: Path) -> None:
    release = tmp_path / "os-release"
    release.write_text('ID=ubuntu\nID_LIKE="debian"\n', encoding="utf-8")
    assert prerequisites.family(release) == "debian"
    release.write_text('ID="rocky"\nID_LIKE="rhel centos fedora"\n', encoding="utf-8")
    assert prerequisites.family(release) == "fedora"
    release.write_text("ID=arch\n", encoding="utf-8")
    assert prerequisites.family(release) == ""
    assert prerequisites.family(tmp_path / "absent") == ""


def test_this_machine_passes_or_hears_one_line() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "tools" / "dist_prerequisites.py")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout == ""
    if done.returncode:
        assert done.stderr.startswith("make dist needs: ") and done.stderr.count("\n") == 1
    else:
        assert done.stderr == ""


def test_make_dist_checks_first_and_the_spec_checks_too() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ndist:", 1)[1].split("\n\n", 1)[0]
    first = recipe.strip().splitlines()[0]
    assert "tools/dist_prerequisites.py" in first
    spec = (REPO / "build.spec").read_text(encoding="utf-8")
    for check in ("_check_machine()", "_check_installed()", "_check_output_free()"):
        assert check in spec


def test_the_readme_shows_the_two_commands_then_the_system_packages() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    developers = readme.index("## For developers")
    assert developers < 20  # near the top, before the principals' long section
    section = "\n".join(readme[developers : developers + 60])
    run, test = section.index("make run "), section.index("make test ")
    assert run < test < section.index("libxcb-cursor0") < section.index("binutils")
    assert "python3-venv" in section


def test_the_bundle_carries_the_notices_under_the_name_about_reads() -> None:
    from iltdesk import notices

    spec = (REPO / "build.spec").read_text(encoding="utf-8")
    assert f'"{notices.NOTICES_FILE}"' in spec
    smoke = (REPO / "tools" / "bundle_smoke.py").read_text(encoding="utf-8")
    assert f'NOTICES_FILE = "{notices.NOTICES_FILE}"' in smoke
