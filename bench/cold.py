"""Cold commands: a fresh process each time, timed from start to exit, with its peak RSS."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.journals import REPO, cli_env

TIMEOUT_SECONDS = 600


@dataclass(frozen=True)
class ColdRun:
    """One cold command: wall-clock seconds and the peak resident memory of the process."""

    seconds: float
    peak_mb: float


class CommandFailed(RuntimeError):
    """A benchmarked command exited with an error (its stderr's last lines attached)."""


def run_cold(
    command: list[str],
    env: dict[str, str],
    *,
    stdin: bytes = b"",
    detach: bool = False,
    timeout: float = TIMEOUT_SECONDS,
) -> ColdRun:
    """Run ``command`` to completion; ``detach`` gives it no terminal (prompts read stdin).

    It is started by ``bench/timed.py``, which times it from spawn to exit and reads its own
    peak RSS (see there why the harness cannot).
    """
    wrapper = [sys.executable, "-S", str(Path(__file__).with_name("timed.py"))]
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(
            [*wrapper, *command],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            start_new_session=detach,
        )
        try:
            proc.communicate(stdin, timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            raise CommandFailed(f"{Path(command[0]).name} did not finish in time") from None
        errors.seek(0)
        lines = errors.read().decode(errors="replace").strip().splitlines()
    fields = lines[-1].split() if lines else []
    if len(fields) != 4 or fields[0] != "TIMED" or fields[3] != "0":
        raise CommandFailed(f"{Path(command[0]).name} failed: {lines[-4:]}")
    return ColdRun(float(fields[1]), int(fields[2]) / 1024)


def cold_start(journal: Path, home: Path) -> float:
    """Seconds from starting ``iltdesk open`` to its unlocked main window being shown.

    The passphrase comes from the keychain (a bench keychain backend), as it does for a
    principal who chose to remember it.
    """
    bench_keychain = "bench.keyring_backend.BenchKeyring"
    # iltdesk trusts only OS keychains; the bench's is let in the documented way.
    env = cli_env(
        home, PYTHON_KEYRING_BACKEND=bench_keychain, ILTDESK_KEYRING_BACKENDS=bench_keychain
    )
    del env["ILTDESK_PASSPHRASE"]
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "bench.window_probe", str(journal)],
        env=env,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    for line in proc.stdout.splitlines():
        if line.startswith("SHOWN "):
            return float(line.split()[1]) - start
    tail = proc.stderr.strip().splitlines()[-3:]
    raise CommandFailed(f"the main window never showed (exit {proc.returncode}): {tail}")
