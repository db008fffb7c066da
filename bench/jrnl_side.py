"""jrnl, the comparison: installed in a throwaway venv, fed the same entries, encrypted.

jrnl keeps a journal as one text file; encrypted, it decrypts and parses the whole file on
every command and re-encrypts and rewrites all of it on every add. Its password is read
from stdin: the commands run without a terminal and with keyring's null backend.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

from bench.cold import ColdRun, run_cold
from bench.journals import NO_KEYCHAIN, PASSPHRASE, private_dir
from iltdesk.store.journal import Journal

PACKAGE = "jrnl"
TIME_FORMAT = "%Y-%m-%d %H:%M"
CONFIG = """\
colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
    encrypt: {encrypt}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '{time_format}'
version: v{version}
"""


class JrnlSide:
    """A jrnl install under the bench cache, and encrypted jrnl journals made from ours."""

    def __init__(self, root: Path) -> None:
        self.root = private_dir(root / "jrnl")
        self.venv = root / "jrnl-venv"

    @property
    def command(self) -> Path:
        """The jrnl executable in the venv."""
        return self.venv / "bin" / "jrnl"

    def install(self) -> str:
        """Install jrnl (once) and return its version."""
        stamp = self.venv / ".bench-installed"
        if not stamp.exists():
            shutil.rmtree(self.venv, ignore_errors=True)
            subprocess.run([sys.executable, "-m", "venv", str(self.venv)], check=True)
            pip = [str(self.venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
            subprocess.run([*pip, PACKAGE], check=True, stdout=subprocess.DEVNULL)
            stamp.touch()
        return self.version()

    def version(self) -> str:
        """jrnl's version, as its package reports it."""
        code = "import importlib.metadata as m; print(m.version('jrnl'))"
        out = subprocess.run(
            [str(self.venv / "bin" / "python"), "-c", code],
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout.strip()

    def env(self, home: Path) -> dict[str, str]:
        """jrnl's environment: its own private HOME and config, no keyring."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "ILTDESK_"))}
        env.update(
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"),
            PYTHON_KEYRING_BACKEND=NO_KEYCHAIN,
        )
        return env

    def journal(self, name: str, source: Path) -> Path:
        """An encrypted jrnl journal holding ``source``'s entries, built once (by jrnl)."""
        target = self.root / f"{name}.jrnl"
        if target.exists():
            return target
        building = private_dir(self.root / f"building-{name}")
        shutil.rmtree(building)
        home = private_dir(building / "home")
        plain = building / "journal.txt"
        fd = os.open(plain, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            for when, text in entries_of(source):
                out.write(f"[{when.isoformat()} 09:00] {text}\n\n")
        self.configure(home, plain, encrypt=False)
        # jrnl's own encryption: the new password twice, then "no" to keeping it in a keyring.
        secret = f"{PASSPHRASE}\n{PASSPHRASE}\nn\n".encode()
        run_cold([str(self.command), "--encrypt"], self.env(home), stdin=secret, detach=True)
        if not plain.read_bytes().startswith(b"JRNL"):
            raise RuntimeError("jrnl --encrypt did not encrypt the journal")
        plain.rename(target)
        shutil.rmtree(building)
        return target

    def configure(self, home: Path, journal: Path, *, encrypt: bool) -> None:
        """Write jrnl's config in ``home`` for ``journal``."""
        folder = private_dir(home / "config" / "jrnl")
        text = CONFIG.format(
            journal=journal,
            encrypt=str(encrypt).lower(),
            time_format=TIME_FORMAT,
            version=self.version(),
        )
        (folder / "jrnl.yaml").write_text(text, encoding="utf-8")

    def add(self, home: Path, text: str) -> ColdRun:
        """A cold ``jrnl "text"``."""
        return self._run(home, [text])

    def contains(self, home: Path, word: str) -> ColdRun:
        """A cold ``jrnl -contains WORD``."""
        return self._run(home, ["-contains", word])

    def _run(self, home: Path, args: list[str]) -> ColdRun:
        secret = f"{PASSPHRASE}\n".encode()
        return run_cold([str(self.command), *args], self.env(home), stdin=secret, detach=True)


def entries_of(journal_path: Path) -> list[tuple[date, str]]:
    """The journal's 1:1 notes and observations as dated texts, oldest first."""
    from bench.journals import PASSPHRASE as SECRET

    with Journal.open(journal_path, SECRET) as journal:
        rows = journal.execute(
            "SELECT held_on, notes || char(10) || char(10) || feedback_given FROM one_on_one "
            "UNION ALL SELECT observed_on, evidence || char(10) || char(10) || feedback || "
            "char(10) || char(10) || action_step FROM observation ORDER BY 1"
        )
    return [(date.fromisoformat(str(when)[:10]), _safe(str(text))) for when, text in rows]


def _safe(text: str) -> str:
    """Keep a body line from starting like a jrnl date header (it would split the entry)."""
    return "\n".join(" " + line if line.startswith("[") else line for line in text.splitlines())
