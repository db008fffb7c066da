"""The journal file type and the app's identity on each desktop, named once.

`build.spec` loads this file by path (as it loads bundle_contents.py) for the macOS
``Info.plist`` and the Linux ``share/`` tree; tests/test_desktop_files.py checks that the files
in packaging/linux/ agree with it and pass the freedesktop validators.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
# Reverse DNS, as AppStream, Flathub and macOS want; also the desktop file's name, so that a
# software centre's launchable, the Wayland app id and the .desktop file are one name.
APP_ID = "org.iltdesk.iltdesk"
ICON_NAME = "iltdesk"  # the icon theme name (hicolor/<size>/apps/iltdesk.png)
EXTENSION = "iltdesk"
# Not registered with IANA, hence the x- prefix (shared-mime-info's advice for such types).
MIME_TYPE = "application/x-iltdesk"
UTI = "org.iltdesk.journal"  # macOS's name for the file type
TYPE_NAME = "iltdesk journal"

DESKTOP_FILE = LINUX / f"{APP_ID}.desktop"
METAINFO_FILE = LINUX / f"{APP_ID}.metainfo.xml"
MIME_FILE = LINUX / f"{APP_ID}.mime.xml"


def macos_document_types(icon_file: str) -> dict[str, object]:
    """``Info.plist`` keys that make Finder open ``*.iltdesk`` with the app.

    The app declares (exports) the type, since it is the type's owner; Finder then hands a
    double-clicked journal to the running app as a file-open event.
    """
    return {
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": TYPE_NAME,
                "CFBundleTypeRole": "Editor",
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [UTI],
                "CFBundleTypeIconFile": icon_file,
            }
        ],
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": UTI,
                "UTTypeDescription": TYPE_NAME,
                # A journal is an opaque encrypted file: data, not a document Quick Look reads.
                "UTTypeConformsTo": ["public.data"],
                "UTTypeIconFile": icon_file,
                "UTTypeTagSpecification": {
                    "public.filename-extension": [EXTENSION],
                    "public.mime-type": [MIME_TYPE],
                },
            }
        ],
    }


def linux_share_files(icons: Path, svg: Path) -> list[tuple[Path, PurePosixPath]]:
    """``(source, path under share/)`` for the menu entry, file type, metainfo and icons.

    ``icons`` holds tools/make_icons.py's ``iltdesk-<size>.png``; ``svg`` is the scalable icon.
    The layout is the freedesktop one, so ``cp -r share/* ~/.local/share/`` installs it.
    """
    files = [
        (DESKTOP_FILE, PurePosixPath("applications", DESKTOP_FILE.name)),
        (METAINFO_FILE, PurePosixPath("metainfo", METAINFO_FILE.name)),
        # update-mime-database reads packages/*.xml; the name says whose file it is.
        (MIME_FILE, PurePosixPath("mime", "packages", f"{APP_ID}.xml")),
        (svg, PurePosixPath("icons", "hicolor", "scalable", "apps", f"{ICON_NAME}.svg")),
    ]
    for png in sorted(icons.glob(f"{ICON_NAME}-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        folder = PurePosixPath("icons", "hicolor", f"{size}x{size}", "apps")
        files.append((png, folder / f"{ICON_NAME}.png"))
    return files
