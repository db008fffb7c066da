"""The commands that keep a journal safe: check, passwd, backup, restore, remember, forget.

Each writes only where ``iltdesk.destination`` allows, and a writing command takes the day's
backup when one is due, as the app does on its first unlock of the day.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from iltdesk.cli import passphrase
from iltdesk.errors import JournalDamaged, JournalError, WrongPassphrase
from iltdesk.messages import keychain_not_updated, not_restored
from iltdesk.translation import translate

if TYPE_CHECKING:
    from iltdesk.errors import JournalError
    from iltdesk.store.backups.rotation import BackupEntry


def cmd_check(args: argparse.Namespace) -> int:
    """Check passphrase, cipher pages, SQLite integrity, foreign keys and the index; how far
    it is on a line at the terminal, and how fast it went at the end."""
    from iltdesk.cli.progress_line import ProgressLine
    from iltdesk.cli.recovery import kit_lines
    from iltdesk.store.backups import check
    from iltdesk.store.backups.integrity import damaged
    from iltdesk.store.precheck import write_problem

    read_only = write_problem(args.journal) is not None  # then checked as far as reading allows
    with passphrase.unlock(args.journal, read_only=read_only) as journal:
        with ProgressLine(translate("cli.keeping", "Checking")) as line:
            report = check(journal, line)
        kit = kit_lines(journal)
    if not report.ok:
        raise JournalDamaged(damaged(args.journal, report.problems))
    if read_only:
        said = translate(
            "cli.keeping",
            "{path}: OK (passphrase, {pages} encrypted pages, integrity, foreign keys; "
            "schema {revision}).",
        )
    else:
        said = translate(
            "cli.keeping",
            "{path}: OK (passphrase, {pages} encrypted pages, integrity, foreign keys, "
            "search index; schema {revision}).",
        )
    print(said.format(path=args.journal, pages=report.pages, revision=report.revision))
    print(line.done(translate("cli.keeping", "Checked")))
    if read_only:
        print(
            translate(
                "cli.keeping", "The search index was not checked: the journal is read-only here."
            )
        )
    print("\n".join(kit))
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    """Change the passphrase, and the keychain entry if one was kept."""
    from iltdesk.passphrase_strength import journal_names
    from iltdesk.store.backups import rotation
    from iltdesk.store.opening import change_passphrase

    journal = passphrase.unlock(args.journal)
    try:
        # The journal's own names (school, principal, leads) are an attacker's first guesses.
        secret = passphrase.new_passphrase(
            passphrase.ENV_NEW_PASSPHRASE, names=journal_names(journal)
        )
        changed = change_passphrase(journal, secret)
        journal = changed.journal
        print(
            translate("cli.keeping", "The passphrase of {path} is changed.").format(
                path=args.journal
            )
        )
        if changed.remembered:
            print(translate("cli.keeping", "The keychain now holds the new passphrase."))
        elif changed.keychain_problem is not None:
            print(keychain_not_updated(changed.keychain_problem), file=sys.stderr)
        report_days_backup(rotation.take_if_due(journal, datetime.now()))
    finally:
        journal.close()
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    """Back the journal up and verify the copy; how far it is on a line at the terminal, and
    how fast it went at the end."""
    from iltdesk.cli.progress_line import ProgressLine
    from iltdesk.destination import check_destination
    from iltdesk.store.backups import backup

    check_destination(args.dest, journal=args.journal, new_folders=True)  # before unlocking
    doing = translate("cli.keeping", "Backing up")
    with passphrase.unlock(args.journal) as journal, ProgressLine(doing) as line:
        report = backup(journal, args.dest, line)
    print(
        translate("cli.keeping", "Backed up to {path} and verified ({pages} pages).").format(
            path=args.dest, pages=report.pages
        )
    )
    print(line.done(translate("cli.keeping", "Backed up")))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore a backup, keeping the current journal beside it."""
    from iltdesk.store.backups import restore_with

    candidates = _restore_passphrases(args.backup, args.journal)
    try:
        aside, secret = restore_with(args.backup, args.journal, candidates, force=args.force)
    except JournalError as exc:  # the app says the same (iltdesk.messages)
        print(f"iltdesk: {not_restored(exc)}", file=sys.stderr)
        return exc.exit_code
    print(
        translate("cli.keeping", "Restored {backup} to {path}.").format(
            backup=args.backup, path=args.journal
        )
    )
    if aside is not None:
        print(
            translate("cli.keeping", "The journal it replaced is kept as {path}.").format(
                path=aside
            )
        )
    _keychain_after_restore(args.journal, secret)
    return 0


def _restore_passphrases(backup: Path, journal: Path) -> Iterator[str]:
    """The passphrases a backup may open with, in the one order (``store.opening``): the
    keychain's for the journal restored into, then for the backup file itself, then
    ILTDESK_PASSPHRASE, then (at a terminal) a prompt. Read lazily: a prompt comes only when
    nothing before it opened the backup."""
    from iltdesk.store.opening import passphrases

    ask = passphrase.asking(
        translate("cli.keeping", "Passphrase of the backup {path}: ").format(path=backup),
        translate("cli.keeping", "That passphrase does not open the backup; try again."),
    )
    return passphrases(journal, ask=ask, also_remembered_for=[backup])


def _keychain_after_restore(journal: Path, secret: str) -> None:
    """Say so when the keychain keeps another passphrase than the restored journal's (the
    rule is the core's, ``store.opening``), and offer to keep the restored one."""
    from iltdesk.store.opening import keep_restored_passphrase, keychain_keeps_another

    if not keychain_keeps_another(journal, secret):
        return
    print(
        translate(
            "cli.keeping",
            "The restored journal opens with the backup's passphrase, not the one the keychain "
            "keeps for it.",
        )
    )
    question = translate("cli.keeping", "Keep the backup's passphrase in the keychain? [y/N] ")
    if sys.stdin.isatty() and input(question)[:1].lower() in ("y", "j"):
        keep_restored_passphrase(journal, secret)
        print(translate("cli.keeping", "The keychain now holds the restored journal's passphrase."))
    else:
        print(
            translate(
                "cli.keeping", "Until you run `iltdesk remember {path}`, you will be asked for it."
            ).format(path=journal)
        )


def report_days_backup(outcome: BackupEntry | JournalError | None) -> None:
    """Say what became of the day's backup a writing command took (``take_if_due``)."""
    from iltdesk.store.backups.rotation import BackupEntry

    if isinstance(outcome, BackupEntry):
        print(
            translate("cli.keeping", "Took today's backup ({name}).").format(name=outcome.path.name)
        )
    elif outcome is not None:
        said = translate("cli.keeping", "today's backup was not made: {error}")
        print("iltdesk: " + said.format(error=outcome), file=sys.stderr)


def cmd_remember(args: argparse.Namespace) -> int:
    """Remember the passphrase after proving it opens the journal; it comes from the sources
    in the one order (``store.opening``: keychain, ILTDESK_PASSPHRASE, then a prompt)."""
    from iltdesk import keychain
    from iltdesk.store.journal import Journal
    from iltdesk.store.opening import first_that_opens, passphrases

    def proved(secret: str) -> str:
        if not passphrase.is_text(secret):
            raise WrongPassphrase(
                translate("cli.keeping", "The passphrase does not unlock {path}.").format(
                    path=args.journal
                )
            )
        Journal.open(args.journal, secret).close()
        return secret

    ask = passphrase.asking(
        translate("cli.keeping", "Passphrase for {path}: ").format(path=args.journal),
        translate("cli.keeping", "That passphrase does not unlock this journal; try again."),
    )
    secret = first_that_opens(passphrases(args.journal, ask=ask), proved)
    keychain.remember(args.journal, secret)
    print(
        translate("cli.keeping", "The passphrase is remembered in {keychain}.").format(
            keychain=keychain.description()
        )
    )
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    """Forget the remembered passphrase."""
    from iltdesk import keychain

    had = keychain.forget(args.journal)
    if had:
        print(translate("cli.keeping", "Forgotten."))
    else:
        print(translate("cli.keeping", "No passphrase was remembered for this journal."))
    return 0
