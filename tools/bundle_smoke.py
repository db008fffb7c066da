"""Smoke-test a built bundle: the frozen CLI and app work offscreen, with nothing from Python.

    python tools/bundle_smoke.py dist/iltdesk [--max-mb 160]

Runs the frozen executable in a private HOME (and XDG folders, and no D-Bus session, so no
real keychain or settings are touched) with QT_QPA_PLATFORM=offscreen: --version, demo, check,
a wrong passphrase, search, backup, export (plain and password-protected, text checked with
pypdf and pdftotext), then the app window opened and closed. Prints the bundle size and the
start times; exits non-zero on any failure.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bundle_contents import APP_NAME, ROOT, package_version

PASSPHRASE = "smoke-test passphrase, not a secret"
PDF_PASSWORD = "smoke-pdf-password"
# ui/shell/app.py closes the main window (through closeEvent, as a person would) right after showing
# it when this is set; see docs/packaging.md.
QUIT_WHEN_SHOWN = "ILTDESK_QUIT_WHEN_SHOWN"
APP_TIMEOUT = 60.0
CLI_TIMEOUT = 180.0


class SmokeFailure(Exception):
    """A step of the smoke test did not do what it should."""


@dataclass
class Smoke:
    bundle: Path
    home: Path
    exe: Path
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def journal(self) -> Path:
        return self.home / "smoke.iltdesk"

    def env(self, **extra: str) -> dict[str, str]:
        keep = ("PATH", "LANG", "LC_ALL", "SYSTEMROOT", "TMPDIR", "TEMP", "TMP")
        env = {k: os.environ[k] for k in keep if k in os.environ}
        env.update(
            HOME=str(self.home),
            USERPROFILE=str(self.home),
            XDG_CONFIG_HOME=str(self.home / ".config"),
            XDG_DATA_HOME=str(self.home / ".local" / "share"),
            XDG_CACHE_HOME=str(self.home / ".cache"),
            XDG_STATE_HOME=str(self.home / ".local" / "state"),
            XDG_RUNTIME_DIR=str(self.home / "runtime"),
            QT_QPA_PLATFORM="offscreen",
            ILTDESK_PASSPHRASE=PASSPHRASE,
        )
        env.update(extra)
        return env

    def run(
        self,
        label: str,
        *args: str,
        expect: int = 0,
        timeout: float = CLI_TIMEOUT,
        env: dict[str, str] | None = None,
    ) -> subprocess.CompletedProcess[str]:
        """Run the frozen executable; fail unless it exits with ``expect``."""
        started = time.perf_counter()
        try:
            done = subprocess.run(
                [str(self.exe), *args],
                capture_output=True,
                text=True,
                env=self.env(**(env or {})),
                cwd=self.home,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise SmokeFailure(f"{label}: still running after {timeout:.0f} s") from exc
        self.timings[label] = time.perf_counter() - started
        if done.returncode != expect:
            raise SmokeFailure(
                f"{label}: exit {done.returncode}, expected {expect}\n"
                f"stdout: {done.stdout.strip()[-2000:]}\nstderr: {done.stderr.strip()[-2000:]}"
            )
        return done


def executable(bundle: Path) -> Path:
    """The console executable inside a onedir bundle."""
    name = f"{APP_NAME}.exe" if os.name == "nt" else APP_NAME
    exe = bundle / name
    if not exe.is_file():
        raise SmokeFailure(f"no executable {exe}; run `make dist` first")
    return exe


def bundle_megabytes(bundle: Path) -> float:
    """The bundle's size on disk, in MB (10^6 bytes), counting each file once."""
    total = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 1e6


def check_version(smoke: Smoke) -> str:
    runs = [smoke.run(f"--version #{i}", "--version") for i in range(4)]
    printed = runs[0].stdout.strip()
    wanted = package_version(ROOT)
    if printed != f"{APP_NAME} {wanted}":
        raise SmokeFailure(f"--version printed {printed!r}, the source says {wanted}")
    recorded = (smoke.bundle / "VERSION").read_text(encoding="utf-8").strip()
    if recorded != wanted:
        raise SmokeFailure(f"the bundle's VERSION file says {recorded}, the source {wanted}")
    warm = statistics.median(smoke.timings[f"--version #{i}"] for i in range(1, 4))
    smoke.timings["--version warm (median of 3)"] = warm
    return printed


def check_demo_and_check(smoke: Smoke) -> str:
    smoke.run("demo", "demo", str(smoke.journal))
    if os.name == "posix" and smoke.journal.stat().st_mode & 0o077:
        raise SmokeFailure(f"the journal is not private: {oct(smoke.journal.stat().st_mode)}")
    checked = smoke.run("check", "check", str(smoke.journal))
    smoke.run(
        "wrong passphrase", "check", str(smoke.journal), expect=3, env={"ILTDESK_PASSPHRASE": "no"}
    )
    return checked.stdout.strip().splitlines()[-1] if checked.stdout.strip() else "ok"


def check_search_and_backup(smoke: Smoke) -> str:
    leads = json.loads(smoke.run("leads", "leads", str(smoke.journal), "--json").stdout)
    if not leads:
        raise SmokeFailure("the demo journal has no leads")
    surname = str(leads[0]["name"]).split()[-1]
    hits = json.loads(smoke.run("search", "search", str(smoke.journal), surname, "--json").stdout)
    if not hits:
        raise SmokeFailure(f"searching the demo for {surname!r} found nothing")
    copy = smoke.home / "backups" / "copy.iltdesk"
    copy.parent.mkdir(mode=0o700)
    smoke.run("backup", "backup", str(smoke.journal), str(copy))
    smoke.run("check backup", "check", str(copy))
    return f"{len(leads)} leads, {len(hits)} hits for {surname!r}, backup verified"


def pdf_text(path: Path, password: str | None = None) -> str:
    """The PDF's text, by pypdf; and by pdftotext too when it is installed (they must agree)."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    if reader.is_encrypted != (password is not None):
        raise SmokeFailure(f"{path.name}: encrypted is {reader.is_encrypted}, expected otherwise")
    if password is not None and not reader.decrypt(password):
        raise SmokeFailure(f"{path.name}: the password does not open it")
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    if shutil.which("pdftotext"):
        args = ["pdftotext", *(["-upw", password] if password else []), str(path), "-"]
        poppler = subprocess.run(args, capture_output=True, text=True, check=False, timeout=60)
        if poppler.returncode != 0 or not poppler.stdout.strip():
            raise SmokeFailure(f"pdftotext could not read {path.name}: {poppler.stderr.strip()}")
        text += "\n" + poppler.stdout
    return text


def check_export(smoke: Smoke) -> str:
    lead = "Yolanda Brooks"  # the demo's lead with learning cycles (see iltdesk/demo/)
    plain = smoke.home / "summary.pdf"
    smoke.run("export", "export", str(smoke.journal), "--lead", lead, "-o", str(plain))
    text = pdf_text(plain)
    for wanted in (lead, "Learning cycle", "Prepared by"):
        if wanted not in " ".join(text.split()):
            raise SmokeFailure(f"the exported PDF does not say {wanted!r}")
    locked = smoke.home / "locked.pdf"
    smoke.run(
        "export with password",
        *("export", str(smoke.journal), "--lead", lead, "-o", str(locked)),
        *("--password-env", "SMOKE_PDF_PASSWORD"),
        env={"SMOKE_PDF_PASSWORD": PDF_PASSWORD},
    )
    if lead not in pdf_text(locked, PDF_PASSWORD):
        raise SmokeFailure("the password-protected PDF does not name the lead")
    pages = text.count("\f") or 1
    return f"{plain.stat().st_size // 1024} KB PDF, text found ({pages}+ pages); AES copy opens"


def check_app(smoke: Smoke) -> str:
    settings = smoke.home / ".config" / APP_NAME / f"{APP_NAME}.conf"
    try:
        smoke.run(
            "app open and close",
            *("open", str(smoke.journal)),
            timeout=APP_TIMEOUT,
            env={QUIT_WHEN_SHOWN: "1"},
        )
    except SmokeFailure as exc:
        hint = (
            f"(does ui/shell/app.py close the window when {QUIT_WHEN_SHOWN}=1?"
            " see docs/packaging.md)"
        )
        raise SmokeFailure(f"{exc}\n      {hint}") from exc
    # The main window saves its geometry when it is closed: proof that it was built, shown
    # and closed through closeEvent rather than the process just ending.
    if os.name == "posix":
        saved = settings.read_text(encoding="utf-8", errors="replace") if settings.exists() else ""
        if "window" not in saved:
            raise SmokeFailure(f"the main window did not save its place in {settings}")
        if settings.stat().st_mode & 0o077:
            raise SmokeFailure(f"the settings file is not private: {oct(settings.stat().st_mode)}")
    leftovers = [p.name for p in smoke.home.glob("smoke.iltdesk-*")]
    if leftovers:
        raise SmokeFailure(f"the app left {leftovers} beside the journal")
    smoke.run("check after app", "check", str(smoke.journal))
    return "main window shown and closed; journal released and intact"


def check_qt_libraries(smoke: Smoke) -> str:
    """Every Qt library some bundled ELF file needs is in the bundle (Linux only)."""
    readelf = shutil.which("readelf")
    if not sys.platform.startswith("linux") or readelf is None:
        return "skipped (needs Linux and readelf)"
    files = [p for p in smoke.bundle.rglob("*.so*") if p.is_file()]
    present = {p.name for p in files}
    missing: set[str] = set()
    for path in files:
        out = subprocess.run([readelf, "-d", str(path)], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if "(NEEDED)" in line:
                name = line.rsplit("[", 1)[-1].rstrip("]")
                if (
                    name.startswith(("libQt6", "libpyside6", "libshiboken6"))
                    and name not in present
                ):
                    missing.add(f"{name} (for {path.name})")
    if missing:
        raise SmokeFailure("Qt libraries missing from the bundle: " + ", ".join(sorted(missing)))
    return f"{len(files)} shared libraries, every Qt dependency present"


NOTICES_FILE = "THIRD_PARTY_NOTICES.txt"  # iltdesk.notices.NOTICES_FILE, which About reads


def check_licences(smoke: Smoke) -> str:
    """The project's licence and the third-party notices ship, where About finds them."""
    beside = [smoke.bundle / "LICENSE.txt", smoke.bundle / NOTICES_FILE]
    missing = [p.name for p in beside if not p.is_file()]
    if missing:
        raise SmokeFailure(f"nothing named {', '.join(missing)} beside the executable")
    inside = [p for p in smoke.bundle.rglob(NOTICES_FILE) if "resources" in p.parent.parts]
    if not inside:
        raise SmokeFailure(f"no {NOTICES_FILE} among the bundled resources (Help > About)")
    text = inside[0].read_text(encoding="utf-8")
    for component in ("Qt", "LGPL", "SQLCipher", "OpenSSL", "Python", "DejaVu"):
        if component not in text:
            raise SmokeFailure(f"the third-party notices do not name {component}")
    return f"LICENSE.txt and {NOTICES_FILE} ({len(text) // 1024} KB) beside and inside"


STEPS: tuple[tuple[str, Callable[[Smoke], str]], ...] = (
    ("version", check_version),
    ("demo, check, wrong passphrase", check_demo_and_check),
    ("leads, search, backup", check_search_and_backup),
    ("export PDF", check_export),
    ("app window", check_app),
    ("Qt libraries", check_qt_libraries),
    ("licences", check_licences),
)


def run_steps(smoke: Smoke) -> list[str]:
    """Run every step; return the failures (an empty list when all passed)."""
    failures = []
    for title, step in STEPS:
        try:
            print(f"ok    {title}: {step(smoke)}", flush=True)
        except (SmokeFailure, OSError, ValueError) as exc:
            print(f"FAIL  {title}: {exc}", flush=True)
            failures.append(title)
    return failures


def _timing_rows(smoke: Smoke) -> list[tuple[str, float]]:
    rows = []
    for label, seconds in smoke.timings.items():
        if label == "--version #0":
            rows.append(("--version (first run)", seconds))
        elif not label.startswith("--version #"):
            rows.append((label, seconds))
    return rows


def write_markdown(path: Path, smoke: Smoke, size: float, failures: list[str]) -> None:
    """A short Markdown section with the size and times, for docs/performance.md to include."""
    load = " / ".join(f"{n:.1f}" for n in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    lines = [
        "## The bundle (`make dist`)",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by "
        f"`tools/bundle_smoke.py` on {sys.platform}; load average {load}; "
        f"{'passed' if not failures else 'FAILED: ' + ', '.join(failures)}.",
        "",
        "| measure | figure |",
        "|---|---|",
        f"| onedir bundle size | {size:.1f} MB ({size * 1e6 / 2**20:.1f} MiB) |",
        *(f"| {label} | {seconds:.2f} s |" for label, seconds in _timing_rows(smoke)),
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Smoke-test a built iltdesk bundle.")
    parser.add_argument("bundle", type=Path, help="the onedir bundle, e.g. dist/iltdesk")
    # 144 MB before issue 23; QtNetwork (single instance, with the Kerberos and compression
    # libraries Qt6Network links to) and QtDBus (lock when the session locks) add about 7.5.
    parser.add_argument("--max-mb", type=float, default=160.0, help="size limit (default 160)")
    parser.add_argument("--markdown", type=Path, metavar="FILE", help="also write the figures")
    args = parser.parse_args(argv)
    bundle = args.bundle.resolve()
    try:
        exe = executable(bundle)
    except SmokeFailure as exc:
        print(f"FAIL  {exc}")
        return 1
    with tempfile.TemporaryDirectory(prefix="iltdesk-smoke-") as tmp:
        home = Path(tmp)
        (home / "runtime").mkdir(mode=0o700)
        smoke = Smoke(bundle=bundle, home=home, exe=exe)
        failures = run_steps(smoke)
    size = bundle_megabytes(bundle)
    print(f"\nbundle: {bundle} is {size:.1f} MB (limit {args.max_mb:.0f} MB)")
    for label, seconds in _timing_rows(smoke):
        print(f"  {label:<32} {seconds:6.2f} s")
    if size > args.max_mb:
        failures.append("size")
        print(f"FAIL  the bundle is larger than {args.max_mb:.0f} MB")
    if args.markdown is not None:
        write_markdown(args.markdown, smoke, size, failures)
    print("smoke test passed" if not failures else f"smoke test FAILED: {', '.join(failures)}")
    return 0 if not failures else 1


if __name__ == "__main__":
    raise SystemExit(main())
