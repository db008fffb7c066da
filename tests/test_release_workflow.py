"""The release workflow's shape: its run happens on GitHub, so what can be checked here is.

Three bundles (Linux, Windows, macOS) built on tags, signing steps that read their secrets and
are skipped without them, the artefacts uploaded and checksummed. actionlint runs too when it
is on PATH.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / ".github" / "workflows" / "release.yml"


def _workflow() -> dict[Any, Any]:
    loaded = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def _steps(job: str) -> list[dict[str, Any]]:
    steps = _workflow()["jobs"][job]["steps"]
    assert isinstance(steps, list)
    return steps


def _named(job: str, fragment: str) -> list[dict[str, Any]]:
    return [s for s in _steps(job) if fragment in str(s.get("name", s.get("uses", "")))]


def test_tags_start_it() -> None:
    workflow = _workflow()
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert isinstance(triggers, dict)
    assert triggers["push"]["tags"] == ["v*"]
    assert "workflow_dispatch" in triggers


def test_the_three_systems_are_built_on_hosted_runners() -> None:
    bundle = _workflow()["jobs"]["bundle"]
    runners = [row["os"] for row in bundle["strategy"]["matrix"]["include"]]
    assert sorted(r.split("-")[0] for r in runners) == ["macos", "ubuntu", "windows"]
    assert bundle["runs-on"] == "${{ matrix.os }}"
    assert bundle["strategy"]["fail-fast"] is False  # one system failing still shows the others
    runs = " ".join(str(step.get("run", "")) for step in _steps("bundle"))
    assert "make dist" in runs and "tools/bundle_smoke.py dist/iltdesk" in runs


def test_each_signing_step_is_skipped_without_its_secrets() -> None:
    bundle = _workflow()["jobs"]["bundle"]
    flags = bundle["env"]
    signing = (
        _named("bundle", "Sign (Windows, Azure")
        + _named("bundle", "Sign (Windows, certificate")
        + _named("bundle", "Import the Developer ID")
        + _named("bundle", "Notarize")
    )
    assert len(signing) == 4
    for step in signing:
        condition = step["if"]
        used = set(re.findall(r"env\.(HAS_\w+) == 'true'", condition))
        assert used, step["name"]
        for flag in used:
            assert re.fullmatch(r"\$\{\{ secrets\.\w+ != '' \}\}", flags[flag]), flag
    release = _workflow()["jobs"]["release"]
    (gpg,) = _named("release", "GPG")
    assert gpg["if"] == "env.HAS_GPG_KEY == 'true'"
    assert release["env"]["HAS_GPG_KEY"] == "${{ secrets.GPG_PRIVATE_KEY != '' }}"


def test_secrets_reach_only_the_steps_that_sign() -> None:
    for job in ("bundle", "release"):
        for step in _steps(job):
            # A secret is passed in through env or with, never written into a command.
            assert "secrets." not in str(step.get("run", "")), step.get("name")
            if "secrets." in str(step.get("env", "")) + str(step.get("with", "")):
                assert "if" in step, step.get("name")


def test_windows_signs_with_signtool_or_trusted_signing_and_macos_notarizes() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "azure/trusted-signing-action" in text
    assert "signtool" in text and "/tr http" in text and "/fd sha256" in text
    assert "notarytool submit" in text and "stapler staple" in text
    assert "ILTDESK_CODESIGN_IDENTITY" in text
    assert "ILTDESK_CODESIGN_IDENTITY" in (REPO / "build.spec").read_text(encoding="utf-8")


def test_artefacts_are_uploaded_checksummed_and_released_on_tags() -> None:
    assert _named("bundle", "actions/upload-artifact")
    release = _workflow()["jobs"]["release"]
    assert release["needs"] == "bundle"
    assert release["permissions"] == {"contents": "write"}
    assert _workflow()["permissions"] == {"contents": "read"}
    (checksums,) = _named("release", "Checksums")
    assert "sha256sum" in checksums["run"]
    (publish,) = _named("release", "GitHub release")
    assert publish["if"] == "startsWith(github.ref, 'refs/tags/v')"


def test_actionlint_finds_nothing() -> None:
    actionlint = shutil.which("actionlint")
    if actionlint is None:
        pytest.skip("actionlint is not installed")
    done = subprocess.run(
        [actionlint, "-no-color", str(WORKFLOW)], capture_output=True, text=True, cwd=REPO
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_bash_steps_pass_shellcheck() -> None:
    # What actionlint does with shellcheck, for machines without actionlint: each bash step's
    # script, with the ${{ }} expressions (filled in by GitHub before bash sees them) replaced.
    shellcheck = shutil.which("shellcheck")
    if shellcheck is None:
        pytest.skip("shellcheck is not installed")
    for job_name, job in _workflow()["jobs"].items():
        shell = job.get("defaults", {}).get("run", {}).get("shell", "bash")
        for step in job["steps"]:
            if "run" not in step or step.get("shell", shell) != "bash":
                continue
            script = re.sub(r"\$\{\{.*?\}\}", "EXPR", step["run"])
            done = subprocess.run(
                [shellcheck, "--shell=bash", "-"], input=script, capture_output=True, text=True
            )
            assert done.returncode == 0, f"{job_name}: {step.get('name')}\n{done.stdout}"
