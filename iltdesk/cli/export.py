"""`iltdesk export` and `iltdesk import`: the parsers, and which module does each form."""

from __future__ import annotations

import argparse
from datetime import date
from importlib import import_module
from pathlib import Path
from typing import Any

from iltdesk.errors import UsageError
from iltdesk.translation import translate

Sub = Any  # argparse's private _SubParsersAction

FORMATS = ("pdf", "markdown", "json", "csv")
REPORTS = ("cycle", "record", "recap")
IMPORT_FORMATS = ("markdown", "json", "dayone", "jrnl", "roster")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("cli.export", "'{text}' is not a date (YYYY-MM-DD)").format(text=text)
        ) from None


def register(sub: Sub, journal_arg: Any) -> None:
    """Add `export` and `import` to the command line."""
    _register_export(sub, journal_arg)
    _register_import(sub, journal_arg)


def _register_export(sub: Sub, journal_arg: Any) -> None:
    """`export`: which records, then (``_export_options``) how they are shown and where."""
    p = sub.add_parser(
        "export",
        help=translate(
            "cli.export",
            "export to PDF (a cycle summary, a lead's record, a 1:1 recap, an ILT meeting) "
            "or to open formats (Markdown, JSON, CSV of action items)",
        ),
    )
    journal_arg(p)
    p.add_argument(
        "--format", choices=FORMATS, default="pdf", help=translate("cli.export", "default pdf")
    )
    p.add_argument(
        "--report", choices=REPORTS, help=translate("cli.export", "which PDF (default cycle)")
    )
    p.add_argument(
        "--lead", metavar="NAME", help=translate("cli.export", "the lead's name, or part of it")
    )
    p.add_argument(
        "--all",
        action="store_true",
        help=translate("cli.export", "the whole journal (open formats)"),
    )
    _export_options(p)


def _export_options(p: argparse.ArgumentParser) -> None:
    """`export`'s range, cycle and sections; then ``_export_file``."""
    p.add_argument(
        "--meeting",
        metavar="latest|ID|DATE",
        help=translate(
            "cli.export",
            "an ILT meeting's summary to share; with --report recap, the 1:1 (latest or its date)",
        ),
    )
    p.add_argument(
        "--from",
        dest="since",
        type=_day,
        metavar="DATE",
        help=translate("cli.export", "from this day"),
    )
    p.add_argument(
        "--to",
        dest="until",
        type=_day,
        metavar="DATE",
        help=translate("cli.export", "up to this day"),
    )
    p.add_argument(
        "--cycle",
        metavar="latest|all|ID",
        help=translate("cli.export", "which cycle (default latest)"),
    )
    p.add_argument(
        "--all-cycles",
        action="store_true",
        help=translate("cli.export", "every cycle of the last 12 months"),
    )
    p.add_argument(
        "--sections", metavar="A,B,...", help=translate("cli.export", "what to include (see below)")
    )
    _export_file(p)


def _export_file(p: argparse.ArgumentParser) -> None:
    """`export`'s names guard, its file, and its epilog."""
    p.add_argument(
        "--name",
        action="append",
        default=[],
        metavar="'NAME=keep|initials|role[:WORDS]'",
        help=translate(
            "cli.export",
            "how a person named in a PDF meant for someone else appears (repeat per name)",
        ),
    )
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE|FOLDER")
    p.add_argument(
        "--force", action="store_true", help=translate("cli.export", "replace FILE if it exists")
    )
    p.add_argument(
        "--password-env",
        metavar="VAR",
        help=translate("cli.export", "lock the PDF with the password in VAR"),
    )
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.epilog = _epilog()
    p.set_defaults(func=cmd_export)


def _register_import(sub: Sub, journal_arg: Any) -> None:
    """`import`."""
    p = sub.add_parser(
        "import",
        help=translate(
            "cli.export", "bring notes in: Markdown or text, our JSON, Day One, jrnl, a roster"
        ),
    )
    journal_arg(p)
    p.add_argument(
        "source",
        type=Path,
        metavar="SOURCE",
        help=translate("cli.export", "the file or folder to import"),
    )
    p.add_argument(
        "--format",
        choices=IMPORT_FORMATS,
        help=translate("cli.export", "what SOURCE is (default: guessed)"),
    )
    p.add_argument(
        "--lead", metavar="NAME", help=translate("cli.export", "the lead for notes that name none")
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help=translate("cli.export", "show what would be created, only"),
    )
    p.add_argument(
        "--yes", action="store_true", help=translate("cli.export", "import without asking")
    )
    p.set_defaults(func=cmd_import)


def _epilog() -> str:
    """The sections ``--sections`` takes (their names are the option's values, not words)."""
    heading = translate(
        "cli.export", "sections (--sections a,b,...), defaults first, then private ones:"
    )
    names = (
        "  cycle:  intention, learning, observations, outcome, lead_reflection, next_goal;\n"
        "          principal_reflection, energy, conversation_notes\n"
        "  record: overview, strengths, one_on_ones, observations, cycles, agreement;\n"
        "          principal_reflection, energy, conversation_notes\n"
        "  recap:  discussed, decisions, action_items, agreement; feedback\n"  # not shown: values
    )
    private = translate(
        "cli.export", "Markdown, JSON and CSV leave the encryption: keep them somewhere private."
    )
    return f"{heading}\n{names}{private}"


def cmd_export(args: argparse.Namespace) -> int:
    """Send each form of `export` to the module that writes it."""
    if args.format != "pdf":
        form = "export_open"
    else:
        form = {"record": "export_record", "recap": "export_recap"}.get(args.report, "export_pdf")
    result: int = import_module(f"iltdesk.cli.{form}").run(args)
    return result


def cmd_import(args: argparse.Namespace) -> int:
    from iltdesk.cli.import_open import run

    return run(args)


def refuse(args: argparse.Namespace, *names: str, form: str) -> None:
    """One plain line when options that ``form`` (translated: "A PDF summary") takes no part
    of were given."""
    flags = {"since": "--from", "until": "--to"}
    given = [
        flags.get(n, f"--{n.replace('_', '-')}")
        for n in names
        if getattr(args, n, None) not in (None, False, [])
    ]
    if given:
        raise UsageError(
            translate("cli.export", "{form} takes no {options}.").format(
                form=form, options=", ".join(given)
            )
        )
