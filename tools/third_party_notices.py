"""Write the third-party notices of what iltdesk ships: ``python tools/third_party_notices.py OUT``.

The bundle's build runs it (build.spec) with the build's own Python, where every runtime
dependency's metadata and Python's own licence are at hand; the frozen app then shows the file
in About. The work is iltdesk.notices', which makes the same text live in a checkout or a wheel.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere

from iltdesk import notices


def write(out: Path) -> int:
    """Write the notices to ``out``; return how many components they name."""
    found = notices.collect()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(notices.render(found), encoding="utf-8")
    return len(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "out", type=Path, help=f"the file to write (the bundle's {notices.NOTICES_FILE})"
    )
    args = parser.parse_args(argv)
    count = write(args.out)
    print(f"{args.out}: {count} components")
    return 0


if __name__ == "__main__":
    sys.exit(main())
