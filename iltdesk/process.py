"""What a process that may hold a journal's key allows itself, set once at its start."""

from __future__ import annotations

import contextlib
import os


def make_private() -> None:
    """No core dumps (one would hold the key and decrypted pages) and files private to the
    user (umask 077). POSIX only; elsewhere the OS's own defaults stand."""
    if os.name != "posix":
        return
    import resource  # a built-in module: costs nothing on a quick command's path

    # Refused in an odd sandbox: keep going rather than refuse to run.
    with contextlib.suppress(OSError, ValueError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    os.umask(0o077)  # whatever this process creates is private to the user
