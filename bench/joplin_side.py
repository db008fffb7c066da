"""Joplin's terminal client, the second comparison: installed by npm, fed jrnl's entries.

Joplin keeps its notes in a plain (unencrypted) SQLite file in a profile directory; its
end-to-end encryption only covers what it syncs. Every command starts Node, loads the app
and opens that database. Its one-shot CLI has no full-text search (``search`` is only
offered inside the full-screen terminal UI), so a cold search here is Joplin's own Data
API: ``joplin server start`` in a fresh process, one ``GET /search``, then the process is
stopped; timed from spawn to the answer. A cold add is ``joplin mknote TEXT``.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

from bench.cold import TIMEOUT_SECONDS, ColdRun, CommandFailed, run_cold
from bench.journals import private_dir
from bench.jrnl_side import entries_of

# joplin 3.6.2 (latest) needs @joplin/utils ~3.6, which the npm registry reachable here
# does not have; 3.5.1 is the newest whose dependencies all resolve.
PACKAGE = "joplin@3.5.1"
NOTEBOOK = "journal"
TOKEN = "bench"  # the Data API's token, set in each bench profile
SEARCH_LIMIT = 20  # what `iltdesk search` prints by default
IMPORT_TIMEOUT = 4 * 3600.0  # importing 100k notes one by one takes a long while
INDEX_TIMEOUT = 3600.0
PING_PAUSE = 0.005


class JoplinSide:
    """A Joplin CLI under the bench cache, and Joplin profiles holding our entries."""

    def __init__(self, root: Path) -> None:
        self.prefix = root / "joplin"
        self.root = private_dir(root / "joplin-profiles")

    @property
    def command(self) -> list[str]:
        """Node and Joplin's entry script (spawned directly: no shell, no PATH lookup)."""
        node = shutil.which("node")
        if node is None:
            raise CommandFailed("node is not installed")
        return [node, str(self.prefix / "node_modules" / "joplin" / "main.js")]

    def install(self) -> str:
        """Install Joplin's CLI (once) and return its version.

        Its native modules' prebuilt binaries come from github.com, which is not reachable
        here, so keytar is compiled: that needs a C++ toolchain and ``libsecret-1-dev``.
        """
        stamp = self.prefix / ".bench-installed"
        if not stamp.exists():
            private_dir(self.prefix)
            npm = ["npm", "install", "--prefix", str(self.prefix), "--no-audit", "--no-fund"]
            proc = subprocess.run([*npm, PACKAGE], capture_output=True, text=True, check=False)
            if proc.returncode != 0:
                tail = proc.stderr.strip().splitlines()[-6:]
                raise CommandFailed(f"npm install {PACKAGE} failed: {tail}")
            stamp.touch()
        return self.version()

    def version(self) -> str:
        """Joplin's version, as its package reports it."""
        package = self.prefix / "node_modules" / "joplin" / "package.json"
        return str(json.loads(package.read_text(encoding="utf-8"))["version"])

    def env(self, home: Path) -> dict[str, str]:
        """Joplin's environment: a private HOME (it is also given an explicit profile)."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "ILTDESK_"))}
        env.update(HOME=str(home))
        return env

    def args(self, profile: Path, *args: str) -> list[str]:
        """A Joplin command line run against ``profile``."""
        return [*self.command, "--profile", str(profile), *args]

    def run(self, profile: Path, *args: str, timeout: float = TIMEOUT_SECONDS) -> ColdRun:
        """One cold Joplin command, timed like ours."""
        home = private_dir(profile.parent / "home")
        return run_cold(self.args(profile, *args), self.env(home), detach=True, timeout=timeout)

    def profile(
        self, name: str, source: Path, scratch: Path | None = None, *, hint: bool = False
    ) -> Path:
        """A Joplin profile holding ``source``'s entries in one notebook, built once.

        The import's and the indexing's cost are kept in ``bench-build.json`` beside it.
        Joplin saves (and syncs to disk) note by note, about 10–20 notes a second here, so a
        100k profile may be built in ``scratch`` (a tmpfs) and then moved into the cache; the
        record says where its import was timed. Joplin's import is also quadratic: ``hint``
        lets it finish at 100k (see ``planner_stats``), and then its time is not Joplin's own.
        """
        target = self.root / name
        if self.built(name):
            return target / "profile"
        shutil.rmtree(target, ignore_errors=True)
        building = private_dir((scratch or self.root) / f"building-{name}")
        shutil.rmtree(building)
        profile = private_dir(building / "profile")
        notes = write_markdown(entries_of(source), private_dir(building / "src" / NOTEBOOK))
        if hint:
            self.run(profile, "config", "api.token", TOKEN)  # creates the database
            planner_stats(profile / "database.sqlite", hint=True)
        imported = self.run(
            profile, "import", str(notes), "--format", "md_frontmatter", timeout=IMPORT_TIMEOUT
        )
        self.run(profile, "use", NOTEBOOK)
        self.run(profile, "config", "api.token", TOKEN)
        indexed = self.index(profile)
        if hint:
            planner_stats(profile / "database.sqlite", hint=False)
        shutil.rmtree(building / "src")
        record = {
            "version": self.version(),
            "notes": count_notes(profile),
            "import_s": imported.seconds,
            "import_mb": imported.peak_mb,
            "index_s": indexed,
            "database_mb": (profile / "database.sqlite").stat().st_size / 2**20,
            "built_in": "cache" if scratch is None else str(scratch),
            "planner_hint": hint,
        }
        (building / "bench-build.json").write_text(json.dumps(record), encoding="utf-8")
        shutil.move(building, target)
        return target / "profile"

    def built(self, name: str) -> bool:
        """Whether profile ``name`` has been built."""
        return (self.root / name / "bench-build.json").exists()

    def copy_profile(self, name: str, folder: Path) -> Path:
        """A private copy of profile ``name`` in ``folder`` that a run may change freely."""
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(self.root / name, folder)
        return folder / "profile"

    def build_record(self, name: str) -> dict[str, Any]:
        """What building profile ``name`` cost, and where it was timed (see ``profile``)."""
        path = self.root / name / "bench-build.json"
        record: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return record

    def index(self, profile: Path) -> float:
        """Build Joplin's full-text index of every note; return the seconds it took.

        Joplin indexes in the background of a running app, 10 s after it starts; a one-shot
        command exits first. So the server runs until every note is in ``notes_normalized``.
        """
        database = profile / "database.sqlite"
        with sqlite3.connect(database) as db:  # index every note, not only recorded changes
            db.execute("UPDATE settings SET value = '0' WHERE key = ?", (INDEXED,))
        port = free_port()
        self.run(profile, "config", "api.port", str(port))
        start = time.perf_counter()
        with self.server(profile) as proc:
            while not is_indexed(database):
                if proc.poll() is not None:
                    raise CommandFailed(f"joplin server exited ({proc.returncode}) while indexing")
                if time.perf_counter() - start > INDEX_TIMEOUT:
                    raise CommandFailed("joplin did not index its notes in time")
                time.sleep(0.5)
        return time.perf_counter() - start

    def server(self, profile: Path) -> _Server:
        """``joplin server start`` in a fresh process, stopped on leaving the ``with``."""
        home = private_dir(profile.parent / "home")
        return _Server(self.args(profile, "server", "start"), self.env(home))

    def use_port(self, profile: Path) -> int:
        """Give ``profile``'s Data API a port free now; return it."""
        port = free_port()
        self.run(profile, "config", "api.port", str(port))
        return port

    def add(self, profile: Path, text: str) -> ColdRun:
        """A cold ``joplin mknote TEXT`` (the note goes in the notebook in use)."""
        return self.run(profile, "mknote", text)

    def search(self, profile: Path, port: int, word: str) -> tuple[ColdRun, int, float]:
        """A cold full-text search: start the Data API, ask it once.

        Returns the whole (spawn to answer, peak MB), the hits, and the seconds the search
        request itself took once the server answered its first ping.
        """
        query = f"/search?query={quote(word)}&fields=id,title&limit={SEARCH_LIMIT}&token={TOKEN}"
        start = time.perf_counter()
        with self.server(profile) as proc:
            while not _get(port, "/ping"):
                if proc.poll() is not None:
                    raise CommandFailed(f"joplin server exited ({proc.returncode}): {proc.tail()}")
                if time.perf_counter() - start > TIMEOUT_SECONDS:
                    raise CommandFailed("joplin server did not answer in time")
                time.sleep(PING_PAUSE)
            asked = time.perf_counter()
            answer = _get(port, query)
            end = time.perf_counter()
            peak_mb = proc.peak_mb()
        if answer is None:
            raise CommandFailed("joplin's search did not answer")
        hits = len(json.loads(answer)["items"])
        return ColdRun(end - start, peak_mb), hits, end - asked


class _Server:
    """A Joplin Data API server process, with its stderr kept for errors."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.command, self.env = command, env
        # Kept open across __enter__/__exit__, which close it: a `with` cannot span them.
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115
        self.proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> _Server:
        self.proc = subprocess.Popen(
            self.command,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=self.errors,
            start_new_session=True,
        )
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.proc is not None
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.errors.close()

    @property
    def returncode(self) -> int | None:
        return None if self.proc is None else self.proc.returncode

    def poll(self) -> int | None:
        assert self.proc is not None
        return self.proc.poll()

    def tail(self) -> list[str]:
        self.errors.seek(0)
        return self.errors.read().decode(errors="replace").strip().splitlines()[-4:]

    def peak_mb(self) -> float:
        """The process's own peak resident memory so far (VmHWM is reset by exec)."""
        assert self.proc is not None
        status = Path(f"/proc/{self.proc.pid}/status").read_text(encoding="ascii")
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")


INDEXED = "searchEngine.initialIndexingDone"


def planner_stats(database: Path, *, hint: bool) -> None:
    """Give SQLite's planner item_changes statistics while importing (``hint``), or none.

    Joplin 3.5.1's import saves each note again after creating it, and every such save looks
    up the note's last change with ``WHERE item_type = ? AND item_id = ?``. Without statistics
    SQLite picks the item_type index, which every note change shares, so each save reads all
    the changes so far with their full note copies: 100k notes would take many hours. With
    these statistics it uses the item_id index. They are removed again after the build, so
    the profile is searched and written with Joplin's own (statistics-free) plans.
    """
    with sqlite3.connect(database) as db:
        db.execute("ANALYZE")  # creates sqlite_stat1
        db.execute("DELETE FROM sqlite_stat1")
        if hint:
            db.executemany(
                "INSERT INTO sqlite_stat1 VALUES ('item_changes', ?, ?)",
                [("item_changes_item_type", "100000 100000"), ("item_changes_item_id", "100000 2")],
            )


def is_indexed(database: Path) -> bool:
    """Every live note is in Joplin's search table and Joplin has recorded it."""
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as db:
            notes = db.execute("SELECT count(*) FROM notes WHERE deleted_time = 0").fetchone()[0]
            normalized = db.execute("SELECT count(*) FROM notes_normalized").fetchone()[0]
            done = db.execute("SELECT value FROM settings WHERE key = ?", (INDEXED,)).fetchone()
    except sqlite3.OperationalError:  # busy while Joplin writes
        return False
    return bool(notes) and normalized >= notes and done is not None and str(done[0]) == "1"


def count_notes(profile: Path) -> int:
    """How many notes the profile holds."""
    with sqlite3.connect(f"file:{profile / 'database.sqlite'}?mode=ro", uri=True) as db:
        return int(db.execute("SELECT count(*) FROM notes WHERE deleted_time = 0").fetchone()[0])


def write_markdown(entries: list[tuple[date, str]], folder: Path) -> Path:
    """One Markdown file per entry, dated in front matter (Joplin's md_frontmatter format)."""
    for number, (when, text) in enumerate(entries):
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        stamp = f"{when.isoformat()}T09:00:00.000Z"
        head = f"---\ntitle: {json.dumps(first[:80])}\ncreated: {stamp}\nupdated: {stamp}\n---\n"
        (folder / f"{number:07d}.md").write_text(f"{head}\n{text}\n", encoding="utf-8")
    return folder


def free_port() -> int:
    """A local TCP port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(port: int, path: str) -> bytes | None:
    """GET from the local Data API; None while it is not listening yet."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=600) as answer:
            body: bytes = answer.read()
            return body
    except (urllib.error.URLError, ConnectionError):
        return None
