"""``iltdesk``: open the app, or run one of the journal commands."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from iltdesk import __version__, crash_log, process, translation
from iltdesk.cli import early
from iltdesk.errors import EXIT_CODES, JournalError, UsageError, exit_code_meaning
from iltdesk.messages import not_opened
from iltdesk.paths import resources_dir
from iltdesk.store.opening import ENV_NEW_PASSPHRASE, ENV_PASSPHRASE
from iltdesk.translation import translate


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one plain line (``iltdesk: ...``, exit 2), as every
    other error is; subcommands' parsers are of this class too (``add_subparsers``)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(
            translate("cli.main", "{message} (see '{program} --help').").format(
                message=message, program=self.prog
            )
        )


def epilog() -> str:
    """The passphrase sources and the exit codes, after the commands in ``--help``.

    The order is store.opening's, the one every command and the app follow."""
    sources = translate(
        "cli.main",
        "passphrase sources, in order (when one does not unlock the journal, the next is tried):\n"
        "  1. the system keychain, if you chose to remember the passphrase on this computer\n"
        "  2. the {passphrase} environment variable (for scripts; less safe, since other\n"
        "     programs of yours can read your environment)\n"
        "  3. a prompt that does not echo what you type (only in a terminal)\n"
        "  A new passphrase (init, demo, passwd, recover) comes from {new_passphrase} for\n"
        "  passwd and recover or {passphrase} for init and demo, otherwise it is asked for twice.\n"
        "  recover reads the recovery key from {recovery_key}, otherwise from a prompt that\n"
        "  does not echo it.",
    ).format(
        passphrase=ENV_PASSPHRASE,
        new_passphrase=ENV_NEW_PASSPHRASE,
        recovery_key="ILTDESK_RECOVERY_KEY",
    )
    codes = "\n".join(f"  {code}  {exit_code_meaning(code)}" for code in EXIT_CODES)
    heading = translate("cli.main", "exit codes:")
    return f"{sources}\n\n{heading}\n{codes}"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    from iltdesk.cli import commands

    parser = Parser(
        prog="iltdesk",
        description=translate(
            "cli.main",
            "A principal's private, encrypted journal for coaching the ILT. "
            "With no command, opens the app.",
        ),
        epilog=epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"iltdesk {__version__}")
    parser.add_argument(
        "--journal", metavar="PATH", help=translate("cli.main", "journal for the app to open")
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.register(sub)
    return parser


def _run(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["open", *([args.journal] if args.journal else [])])
    result: int = args.func(args)
    return result


def _refuse_undecodable(words: Sequence[str]) -> None:
    """Refuse a word that was not UTF-8 (Python hands it over with lone surrogates).

    The word itself is not shown: it may be a principal's note.
    """
    for n, word in enumerate(words, start=1):
        try:
            word.encode("utf-8")
        except UnicodeEncodeError:
            raise UsageError(
                translate(
                    "cli.main",
                    "word {n} of the command line is not UTF-8 text; iltdesk takes UTF-8 "
                    "text and file names.",
                ).format(n=n)
            ) from None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the process exit code (documented in ``iltdesk --help``)."""
    process.make_private()
    words = sys.argv[1:] if argv is None else argv
    if not words or words[0] not in early.QUICK_COMMANDS:
        # A native crash (Qt's, SQLCipher's) leaves its Python frames in the crash log. The
        # quick commands skip it: their ~0.2 s would grow by the log folder's lookup.
        crash_log.enable_native_crash_log()
    translation.for_command_line(resources_dir)  # when one ships for the locale (not English)
    try:
        _refuse_undecodable(words)
    except UsageError as exc:
        print(f"iltdesk: {exc}", file=sys.stderr)
        return exc.exit_code
    early.begin(words)  # a quick command's key derivation overlaps parsing and imports
    try:
        return _run(words)
    except SystemExit as exc:  # argparse: --help, --version
        return exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 2
    except JournalError as exc:  # the core's words and the next step, as the app says them
        print(f"iltdesk: {not_opened(exc)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(
            "iltdesk: " + translate("cli.main", "interrupted; nothing more was changed."),
            file=sys.stderr,
        )
        return 1
    except BrokenPipeError:
        # The reader went away (``| head``): nothing to say to it. What is left to print
        # goes nowhere, so that the exit itself does not fail on the closed pipe again.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:
        # Never print the message: it could quote a principal's notes. The type is enough.
        said = translate("cli.main", "unexpected error ({kind}).").format(kind=type(exc).__name__)
        print(f"iltdesk: {said}", file=sys.stderr)
        if os.environ.get("ILTDESK_DEBUG") == "1":
            import traceback

            traceback.print_exc()
        return 1
    finally:
        early.release()


def run() -> NoReturn:
    """The ``iltdesk`` program: ``main``, then exit.

    A quick command (``note``, ``search``) has committed and closed the journal when ``main``
    returns, so it leaves at once: tearing down the ~400 modules its keychain lookup imported
    would add ~20 ms to a command that takes ~0.2 s.
    """
    words = sys.argv[1:]
    code = main(words)
    if not words or words[0] not in early.QUICK_COMMANDS:
        sys.exit(code)
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:  # None under pythonw: the gui-script on Windows
                stream.flush()
    except (OSError, ValueError):  # a closed pipe (``| head``): what was printed is gone anyway
        code = code or 1
    os._exit(code)
