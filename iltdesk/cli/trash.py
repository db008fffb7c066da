"""`iltdesk trash`: what "Delete…" put in the Trash, and putting it back or removing it."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from iltdesk.cli import passphrase
from iltdesk.errors import UsageError
from iltdesk.translation import translate

if TYPE_CHECKING:
    from iltdesk.store.journal import Journal
    from iltdesk.trash import TrashItem


def trash_help() -> str:
    """The one line ``iltdesk --help`` says of ``trash``."""
    return translate(
        "cli.trash", "list what was deleted in the last 30 days; restore it or remove it for good"
    )


def trash_description() -> str:
    """What ``iltdesk trash --help`` says first."""
    return translate(
        "cli.trash",
        "List what was deleted in the last 30 days, newest first; --restore puts one back where "
        "it was, --delete removes one for good and --empty removes everything in the Trash (both "
        "ask first unless --yes is given). After 30 days a deleted record is removed for good at "
        "the next command or opening that writes to the journal.\n\n"
        "exit codes: 0 done; 2 no such number in the Trash, a restore that must wait for "
        "another one first, or a removal not confirmed; 3 wrong passphrase; 5 the journal is "
        "open elsewhere; 8 the journal is read-only here.",
    )


def register(sub: Any) -> None:
    """Add `trash` to ``sub``."""
    from iltdesk.cli.commands import journal_path

    p = sub.add_parser("trash", help=trash_help(), description=trash_description())
    p.add_argument(
        "journal",
        type=journal_path,
        metavar="JOURNAL",
        help=translate("cli.trash", "the journal file"),
    )
    action = p.add_mutually_exclusive_group()
    action.add_argument(
        "--restore",
        type=int,
        metavar="N",
        help=translate("cli.trash", "put item N back where it was"),
    )
    action.add_argument(
        "--delete", type=int, metavar="N", help=translate("cli.trash", "remove item N for good")
    )
    action.add_argument(
        "--empty",
        action="store_true",
        help=translate("cli.trash", "remove everything in the Trash"),
    )
    p.add_argument(
        "--yes", action="store_true", help=translate("cli.trash", "remove without asking")
    )
    p.add_argument("--json", action="store_true", help=translate("cli.trash", "list as JSON"))
    p.set_defaults(func=cmd_trash)


def cmd_trash(args: argparse.Namespace) -> int:
    """List the Trash, or restore, delete or empty as asked."""
    from iltdesk import trash

    if args.restore is None and args.delete is None and not args.empty:
        with passphrase.unlock(args.journal, read_only=True) as journal:
            _print_items(trash.trash_items(journal), args.json)
        return 0
    with passphrase.unlock(args.journal) as journal:
        trash.purge_expired(journal)  # a writing command does the day's housekeeping
        if args.restore is not None:
            _restore(journal, args.restore)
        elif args.delete is not None:
            item = _item(journal, args.delete)
            question = translate(
                "cli.trash", "Remove {item} for good? It can't be restored. [y/N] "
            ).format(item=_named(item))
            passphrase.confirm(question, yes=args.yes, done="removed")
            trash.delete_forever(journal, args.delete)
            print(translate("cli.trash", "Removed {item} for good.").format(item=_named(item)))
        else:
            count = len(trash.trash_items(journal))
            if count:
                question = translate(
                    "cli.trash", "Remove all {count} items in the Trash for good? [y/N] "
                ).format(count=count)
                passphrase.confirm(question, yes=args.yes, done="removed")
            trash.empty_trash(journal)
            if count:
                print(translate("cli.trash", "The Trash is empty."))
            else:
                print(translate("cli.trash", "The Trash was already empty."))
    return 0


def _restore(journal: Journal, entry_id: int) -> None:
    from iltdesk import trash

    item = _item(journal, entry_id)
    trash.restore(journal, entry_id)
    print(translate("cli.trash", "Restored {item}.").format(item=_named(item)))


def _item(journal: Journal, entry_id: int) -> TrashItem:
    from iltdesk import trash

    for item in trash.trash_items(journal):
        if item.id == entry_id:
            return item
    raise UsageError(
        translate(
            "cli.trash", "There is nothing numbered {id} in the Trash (see 'iltdesk trash')."
        ).format(id=entry_id)
    )


def _named(item: TrashItem) -> str:
    from iltdesk.trash import in_sentence

    kind = in_sentence(item.label)
    if item.lead_name:
        return translate("cli.trash", "the {kind} “{title}” ({lead})").format(
            kind=kind, title=item.title, lead=item.lead_name
        )
    return translate("cli.trash", "the {kind} “{title}”").format(kind=kind, title=item.title)


def _print_items(items: list[TrashItem], as_json: bool) -> None:
    if as_json:
        import json

        rows = [
            {
                "id": i.id,
                "kind": i.kind,
                "label": i.label,
                "title": i.title,
                "lead": i.lead_name or None,
                "deleted_at": i.deleted_at.isoformat(),
                "days_left": i.days_left,
            }
            for i in items
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not items:
        print(translate("cli.trash", "The Trash is empty."))
        return
    for i in items:
        whose = f"  ({i.lead_name})" if i.lead_name else ""
        deleted = i.deleted_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if i.days_left == 1:
            left = translate("cli.trash", "deleted {deleted}, 1 day left")
        else:
            left = translate("cli.trash", "deleted {deleted}, {count} days left")
        shown = left.format(deleted=deleted, count=i.days_left)
        print(f"{i.id:>4}  {i.label}: {i.title}{whose}  {shown}")
