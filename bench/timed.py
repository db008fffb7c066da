"""Run one command and report its wall time and its own peak RSS: ``python -S timed.py CMD...``.

Why a wrapper: a child's peak RSS as ``wait4`` reports it includes the memory of the process
it was forked from (Linux keeps the pre-exec high-water mark), so a command started straight
from the harness would show the harness's size. Started from this small process instead, the
figure is the command's own. Prints ``TIMED <seconds> <peak KiB> <exit code>`` last on stderr.
Standard library only and run with ``-S``, so it starts in milliseconds.
"""

import os
import sys
import time


def main() -> int:
    """Spawn argv[1:], wait for it, report."""
    command = sys.argv[1:]
    start = time.perf_counter()
    pid = os.posix_spawn(command[0], command, os.environ)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    print(f"\nTIMED {seconds!r} {usage.ru_maxrss} {code}", file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
