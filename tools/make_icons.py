"""Draw iltdesk's icon from resources/icons/app.svg: PNGs (16–512 px), an .ico and an .icns.

The ICO and ICNS files are written here (PNG entries in both) so no other tool is needed.
Output is deterministic: the same SVG and Qt version give the same bytes.

    python tools/make_icons.py [--source SVG] [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "app.svg"
OUT = ROOT / "resources" / "icons" / "app"
NAME = "iltdesk"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # the hicolor sizes desktops look for
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # Windows: 256 is the largest an ICO holds
# ICNS entries that hold PNG data (macOS 10.8+): retina "@2x" variants are ic11–ic14 and ic10.
ICNS_ENTRIES = (
    ("ic11", 32),
    ("ic12", 64),
    ("ic07", 128),
    ("ic13", 256),
    ("ic08", 256),
    ("ic14", 512),
    ("ic09", 512),
    ("ic10", 1024),
)


def _app() -> object:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(sys.argv[:1] or ["make_icons"])


def render_pngs(svg: bytes, sizes: Sequence[int]) -> dict[int, bytes]:
    """The SVG drawn at each size (square, transparent background) as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app()
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise ValueError("the icon source is not a valid SVG")
    pngs: dict[int, bytes] = {}
    for size in sorted(set(sizes)):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # The stubs ask for bytes, but PySide6 6.11 accepts only str here.
        if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
            raise OSError(f"could not encode the {size} px icon as PNG")
        pngs[size] = bytes(buffer.data().data())
    return pngs


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding each PNG as its own entry (Vista and later read PNG entries)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(sizes)
    entries, blobs = [], []
    for size in sizes:
        if not 1 <= size <= 256:
            raise ValueError(f"an ICO entry is 1–256 px, not {size}")
        data = pngs[size]
        side = 0 if size == 256 else size  # 0 means 256 in a one-byte field
        # width, height, palette size, reserved, colour planes, bits per pixel, length, offset
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset))
        blobs.append(data)
        offset += len(data)
    return header + b"".join(entries) + b"".join(blobs)


def icns_bytes(entries: Sequence[tuple[str, bytes]]) -> bytes:
    """A macOS .icns: the 'icns' magic, the file length, then (type, length, PNG) entries."""
    body = b"".join(
        kind.encode("ascii") + struct.pack(">I", len(data) + 8) + data for kind, data in entries
    )
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def write_icons(source: Path, out: Path) -> list[Path]:
    """Render ``source`` and write the PNGs, the .ico and the .icns into ``out``."""
    svg = source.read_bytes()
    wanted = {*PNG_SIZES, *ICO_SIZES, *(size for _, size in ICNS_ENTRIES)}
    pngs = render_pngs(svg, sorted(wanted))
    out.mkdir(parents=True, exist_ok=True)
    files: dict[Path, bytes] = {out / f"{NAME}-{size}.png": pngs[size] for size in PNG_SIZES}
    files[out / f"{NAME}.ico"] = ico_bytes({size: pngs[size] for size in ICO_SIZES})
    files[out / f"{NAME}.icns"] = icns_bytes([(kind, pngs[size]) for kind, size in ICNS_ENTRIES])
    for path, data in files.items():
        # Only rewrite what changed, so timestamps (and make) see no change on a rerun.
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
    return sorted(files)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--source", type=Path, default=SOURCE, help="the SVG (default: %(default)s)"
    )
    parser.add_argument(
        "--out", type=Path, default=OUT, help="output folder (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    for path in write_icons(args.source, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
