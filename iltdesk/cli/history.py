"""`iltdesk history`: earlier versions of a record's long texts, found, listed, shown,
compared with the text now and restored (the core is ``iltdesk.history``)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from iltdesk.cli import passphrase
from iltdesk.errors import UsageError
from iltdesk.history_words import record_words
from iltdesk.translation import translate

if TYPE_CHECKING:
    from iltdesk.history import Run, Version
    from iltdesk.store.journal import Journal

# The kinds of record that keep versions, as 'iltdesk search' names them, and their tables.
TABLES = {
    "one_on_one": "one_on_one",
    "observation": "observation",
    "cycle": "learning_cycle",
    "challenge": "challenge",
    "charter": "charter_version",
}
KINDS = tuple(TABLES)
EXCERPT_CHARS = 40  # either side of the words found


def history_help() -> str:
    """The one line ``iltdesk --help`` says of ``history``."""
    return translate(
        "cli.history",
        "earlier versions of notes and other long texts: find, show, compare, restore",
    )


def history_description() -> str:
    """What ``iltdesk history --help`` says first."""
    return translate(
        "cli.history",
        "A 1:1's notes and feedback, an observation, a learning cycle's texts, a complex "
        "challenge's areas and the ILT charter keep their earlier versions (one per editing "
        "session). --search lists the earlier versions holding some words (the ordinary search "
        "looks only at the texts as they are now). KIND and ID list one record's versions, "
        "newest first, with their numbers; --show prints one, --diff shows what changed from it "
        "to the text now ([-taken out-] {{+written since+}}), --restore makes it the text again "
        "(it asks first unless --yes is given; the text it replaces is kept as a version, so a "
        "restore can be undone the same way). KIND is one of {kinds}; the record's ID is the "
        "number 'iltdesk search' shows (the charter needs none).\n\n"
        "exit codes: 0 done; 2 no such kind, record, text or version, or a restore not "
        "confirmed (the journal is then unchanged); 3 wrong passphrase; 5 the journal is open "
        "elsewhere; 8 the journal is read-only here.",
    ).format(kinds=", ".join(KINDS))


def register(sub: Any) -> None:
    """Add `history` to ``sub``."""
    from iltdesk.cli.commands import journal_path

    p = sub.add_parser("history", help=history_help(), description=history_description())
    p.add_argument(
        "journal",
        type=journal_path,
        metavar="JOURNAL",
        help=translate("cli.history", "the journal file"),
    )
    p.add_argument(
        "kind",
        nargs="?",
        metavar="KIND",
        help=translate("cli.history", "the kind of record (see above)"),
    )
    p.add_argument(
        "record_id",
        nargs="?",
        type=int,
        metavar="ID",
        help=translate("cli.history", "the record's number"),
    )
    p.add_argument(
        "--field",
        metavar="F",
        help=translate("cli.history", "only this text (as --json names it: notes…)"),
    )
    action = p.add_mutually_exclusive_group()
    action.add_argument(
        "--search", metavar="WORDS", help=translate("cli.history", "earlier versions holding WORDS")
    )
    action.add_argument(
        "--show",
        type=int,
        metavar="VERSION_ID",
        help=translate("cli.history", "print this version"),
    )
    action.add_argument(
        "--diff", type=int, metavar="VERSION_ID", help=translate("cli.history", "compare with now")
    )
    action.add_argument(
        "--restore", type=int, metavar="VERSION_ID", help=translate("cli.history", "bring it back")
    )
    p.add_argument(
        "--yes", action="store_true", help=translate("cli.history", "restore without asking")
    )
    p.add_argument("--json", action="store_true", help=translate("cli.history", "print JSON"))
    p.set_defaults(func=cmd_history)


def cmd_history(args: argparse.Namespace) -> int:
    """Search, list, show, compare or restore as asked."""
    if args.search is not None:
        if args.kind is not None:
            raise UsageError(
                translate("cli.history", "Give either --search WORDS or a KIND and ID, not both.")
            )
        with passphrase.unlock(args.journal, read_only=True) as journal:
            _print_found(journal, args.search, args.json)
        return 0
    kind, record_id = _record(args.kind, args.record_id)
    with passphrase.unlock(args.journal, read_only=True) as journal:
        fields = _fields(journal, kind, record_id, args.field)
        if args.restore is None and args.show is None and args.diff is None:
            _print_versions(journal, kind, record_id, fields, args.json)
            return 0
        asked = next(n for n in (args.show, args.diff, args.restore) if n is not None)
        version = _version(journal, kind, record_id, fields, asked)
        if args.show is not None:
            _print_text(version, args.json)
            return 0
        from iltdesk.history import current_text, word_diff

        now = current_text(journal, kind, record_id, version.field)
        if args.diff is not None:
            _print_runs(word_diff(version.text, now), args.json)
            return 0
        what = _what(journal, version)
    return _restore(args, version, now, what)


def _restore(args: argparse.Namespace, version: Version, now: str, what: str) -> int:
    """Bring ``version`` back, asked first. Asked and answered before the journal is opened
    for writing (which tidies it up), so a refusal leaves the file as it was."""
    if version.text == now:
        print(
            translate(
                "cli.history", "That version is already the text of {what}: nothing to restore."
            ).format(what=what)
        )
        return 0
    question = translate(
        "cli.history", "Bring back this version of {what}, as it stood until {when}? [y/N] "
    ).format(what=what, when=_when(version))
    passphrase.confirm(question, yes=args.yes, done="restored")
    from iltdesk.history import restore

    with passphrase.unlock(args.journal) as journal:
        restore(journal, version)
    print(
        translate(
            "cli.history",
            "Restored {what} as it stood until {when} (the text it replaced is kept).",
        ).format(what=what, when=_when(version))
    )
    return 0


# -- which record, text and version ------------------------------------------------------------


def _record(kind: str | None, record_id: int | None) -> tuple[str, int]:
    if kind is None:
        raise UsageError(
            translate("cli.history", "Name a record (KIND ID) or give --search WORDS.")
        )
    if kind not in KINDS:
        raise UsageError(
            translate(
                "cli.history", "No history is kept for '{kind}': KIND is one of {kinds}."
            ).format(kind=kind, kinds=", ".join(KINDS))
        )
    if kind == "charter":
        return TABLES[kind], 0
    if record_id is None:
        raise UsageError(
            translate(
                "cli.history", "Give the {kind}'s ID (the number 'iltdesk search' shows)."
            ).format(kind=kind)
        )
    return TABLES[kind], record_id


def _fields(journal: Journal, kind: str, record_id: int, field: str | None) -> list[str]:
    """The record's texts that keep versions (only ``field``, if given); refuses a record
    that is not there."""
    from iltdesk.history import CHARTER, TRACKED

    if record_words(journal, kind, record_id) is None:
        raise UsageError(
            translate("cli.history", "There is no {kind} numbered {id} in this journal.").format(
                kind=kind_name(kind), id=record_id
            )
        )
    if kind == CHARTER:
        from iltdesk.charter import CHARTER_FIELDS

        names = list(CHARTER_FIELDS)
    else:
        names = list(TRACKED[kind])
    if field is None:
        return names
    if field not in names:
        raise UsageError(
            translate(
                "cli.history", "A {kind} has no text '{field}': --field is one of {fields}."
            ).format(kind=kind_name(kind), field=field, fields=", ".join(names))
        )
    return [field]


def _version(
    journal: Journal, kind: str, record_id: int, fields: list[str], version_id: int
) -> Version:
    from iltdesk.history import versions

    found = [v for f in fields for v in versions(journal, kind, record_id, f) if v.id == version_id]
    if not found:
        raise UsageError(
            translate("cli.history", "This record has no earlier version numbered {id}.").format(
                id=version_id
            )
        )
    if len(found) > 1:  # a charter version changed several parts at once
        names = ", ".join(v.field for v in found)
        raise UsageError(
            translate(
                "cli.history", "Version {id} changed several texts: add --field ({fields})."
            ).format(id=version_id, fields=names)
        )
    return found[0]


# -- printing ----------------------------------------------------------------------------------


def kind_name(table: str) -> str:
    """The KIND the command line names a table's records by ("cycle")."""
    return next(kind for kind, name in TABLES.items() if name == table)


def _words(text: str) -> str:
    count = len(text.split())
    if count == 1:
        return translate("cli.history", "1 word")
    return translate("cli.history", "{count} words").format(count=count)


def _when(version: Version) -> str:
    from iltdesk.history import CHARTER

    if version.kind == CHARTER:  # the charter's versions are dated by day
        return version.saved_at.strftime("%Y-%m-%d")
    return version.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")


def _what(journal: Journal, version: Version) -> str:
    """“Notes” of the 1:1 with Maria Lopez, 5 Mar 2025."""
    from iltdesk.history import field_label

    record = record_words(journal, version.kind, version.record_id) or version.kind
    return translate("cli.history", "“{text}” ({record})").format(
        text=field_label(version.kind, version.field), record=record
    )


def excerpt(text: str, words: str) -> str:
    """A line of ``text`` around the first place it holds ``words`` (any case)."""
    line = " ".join(text.split())
    at = line.lower().find(" ".join(words.split()).lower())
    start, end = max(0, at - EXCERPT_CHARS), at + len(words) + EXCERPT_CHARS
    if at < 0:
        start, end = 0, 2 * EXCERPT_CHARS
    return ("…" if start else "") + line[start:end] + ("…" if end < len(line) else "")


def _print_found(journal: Journal, words: str, as_json: bool) -> None:
    from iltdesk.history import field_label, search_versions

    found = search_versions(journal, words) if words.strip() else []
    rows = [
        {
            "id": v.id,
            "kind": kind_name(v.kind),
            "record_id": v.record_id,
            "record": record_words(journal, v.kind, v.record_id),
            "field": v.field,
            "label": field_label(v.kind, v.field),
            "saved_at": v.saved_at.isoformat(),
            "excerpt": excerpt(v.text, words),
        }
        for v in found
    ]
    if as_json:
        _dump(rows)
        return
    version = translate("cli.history", "{kind} {id}, version {version}")
    for v, row in zip(found, rows, strict=True):
        where = version.format(kind=row["kind"], id=v.record_id, version=v.id)
        print(f"{_when(v)}  {row['record']} · {row['label']}  ({where})\n    {row['excerpt']}")
    if not found:
        print(translate("cli.history", "No earlier version holds those words."), file=sys.stderr)


def _print_versions(
    journal: Journal, kind: str, record_id: int, fields: list[str], as_json: bool
) -> None:
    from iltdesk.history import field_label, versions

    found = [v for f in fields for v in versions(journal, kind, record_id, f)]
    found.sort(key=lambda v: (v.saved_at, v.id), reverse=True)
    if as_json:
        _dump([
            {"id": v.id, "field": v.field, "label": field_label(kind, v.field),
             "saved_at": v.saved_at.isoformat(), "words": len(v.text.split())}
            for v in found
        ])  # fmt: skip
        return
    print(record_words(journal, kind, record_id))
    until = translate("cli.history", "{text}, until {when}")
    for v in found:
        label = until.format(text=field_label(kind, v.field), when=_when(v))
        print(f"{v.id:>6}  {label}  ({_words(v.text)})  {excerpt(v.text, '')}")
    if not found:
        print(translate(
            "cli.history",
            "No earlier versions yet: one is kept each time a text is changed again after "
            "a pause of ten minutes or more.",
        ))  # fmt: skip


def _print_text(version: Version, as_json: bool) -> None:
    if as_json:
        _dump({"id": version.id, "field": version.field, "saved_at": version.saved_at.isoformat(),
               "text": version.text})  # fmt: skip
        return
    print(version.text)


def diff_text(runs: list[Run]) -> str:
    """Runs as git's word diff writes them: [-taken out-] and {+written since+}."""
    parts = []
    for run in runs:
        if run.op == "same":
            parts.append(run.text)
            continue
        word = run.text.rstrip()
        marks = ("[-", "-]") if run.op == "removed" else ("{+", "+}")
        parts.append(f"{marks[0]}{word}{marks[1]}{run.text[len(word) :]}")
    return "".join(parts)


def _print_runs(runs: list[Run], as_json: bool) -> None:
    if as_json:
        _dump([{"op": r.op, "text": r.text} for r in runs])
        return
    print(diff_text(runs))


def _dump(rows: object) -> None:
    import json

    print(json.dumps(rows, ensure_ascii=False, indent=2))
