"""The two frameworks the principal owns: the leadership framework (leads' cycles and growth
areas) and the teacher-practice rubric (the ILT's year-long theme).

Each district names and numbers its frameworks its own way, so the principal types the items
in or imports them from a plain list, and names each framework as the district does."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, col, select

from iltdesk.errors import UsageError
from iltdesk.models import FrameworkItem, FrameworkKind
from iltdesk.store.journal import Journal, fetch
from iltdesk.translation import QT_TRANSLATE_NOOP, translate
from iltdesk.trash import trash_record

FRAMEWORK_TITLES = {
    FrameworkKind.leadership: QT_TRANSLATE_NOOP("framework", "Leadership framework"),
    FrameworkKind.teacher: QT_TRANSLATE_NOOP("framework", "Teacher-practice rubric"),
}
# Where the district's own name for each framework is kept (journal settings).
NAME_KEYS = {
    FrameworkKind.leadership: "framework_name_leadership",
    FrameworkKind.teacher: "framework_name_teacher",
}
MAX_NAME = 80
MAX_CODE = 20
MAX_LINE = 1000  # a longer line is not an item: likely the wrong file
MAX_ITEMS = 500  # districts' frameworks run to dozens of items, not hundreds
MAX_BYTES = 1_000_000
HEADER_WORDS = {"code", "number", "id", "title", "name", "item", "standard", "indicator"}
# A code leading a line: "2.1", "3d", "1.A", "IV.2", "A1" (a digit, or a short dotted token).
_CODED = re.compile(
    r"^(?P<code>\w{0,4}\d\w*(?:[.\-]\w+)*|[A-Za-z]{1,4}\.\w+)[.):]?\s+(?P<rest>.+)$"
)


def framework_items(journal: Journal, framework: FrameworkKind) -> list[FrameworkItem]:
    """One framework's items, in the principal's order."""
    with journal.session() as s:
        return _items(s, framework)


def _items(s: Session, framework: FrameworkKind) -> list[FrameworkItem]:
    return list(
        s.exec(
            select(FrameworkItem)
            .where(FrameworkItem.framework == framework)
            .order_by(col(FrameworkItem.position), col(FrameworkItem.id))
        )
    )


def item_label(item: FrameworkItem) -> str:
    """How an item is named where a record refers to it, e.g. '2.1 Leading adult learning'.

    Records keep this text (not the item's id), so a later edit of the list never rewrites
    what an earlier cycle or theme said."""
    return f"{item.code} {item.title}".strip() if item.code else item.title


def item_labels(journal: Journal, framework: FrameworkKind) -> list[str]:
    """Every item's label, in order: what a field referring to the framework offers."""
    return [item_label(item) for item in framework_items(journal, framework)]


# -- the framework's name -----------------------------------------------------------------------


def framework_name(journal: Journal, framework: FrameworkKind) -> str:
    """The framework's name as the principal's district calls it (a plain default until set)."""
    return journal.settings().get(NAME_KEYS[framework]) or _default_name(framework)


def _default_name(framework: FrameworkKind) -> str:
    return translate("framework", FRAMEWORK_TITLES[framework])


def rename_framework(journal: Journal, framework: FrameworkKind, name: str) -> str:
    """Call the framework by the district's name; a blank name goes back to the default."""
    name = " ".join(name.split())
    if len(name) > MAX_NAME:
        raise UsageError(
            translate("framework", "A framework's name fits in {count} characters.").format(
                count=MAX_NAME
            )
        )
    journal.set_settings({NAME_KEYS[framework]: name})
    return name or _default_name(framework)


# -- the items ----------------------------------------------------------------------------------


def _clean(code: str, title: str, description: str) -> tuple[str, str, str]:
    code, title = " ".join(code.split()), " ".join(title.split())
    if not title:
        raise UsageError(translate("framework", "A framework item needs a title."))
    if len(code) > MAX_CODE:
        raise UsageError(
            translate(
                "framework", "An item's code fits in {count} characters, e.g. 2.1 or 3d."
            ).format(count=MAX_CODE)
        )
    if len(title) > MAX_LINE:
        raise UsageError(
            translate("framework", "An item's title fits in {count} characters.").format(
                count=MAX_LINE
            )
        )
    return code, title, description.strip()


def add_item(
    journal: Journal, framework: FrameworkKind, title: str, *, code: str = "", description: str = ""
) -> FrameworkItem:
    """Add an item at the end of a framework."""
    code, title, description = _clean(code, title, description)
    with journal.write() as s:
        last = _items(s, framework)
        row = FrameworkItem(
            framework=framework,
            position=(last[-1].position + 1) if last else 0,
            code=code,
            title=title,
            description=description,
        )
        s.add(row)
        s.flush()
    return row


def edit_item(
    journal: Journal, item_id: int, *, code: str, title: str, description: str
) -> FrameworkItem:
    """Correct an item; records that named it keep the words they were written with."""
    code, title, description = _clean(code, title, description)
    with journal.write() as s:
        row = fetch(s, FrameworkItem, item_id, translate("framework", "framework item"))
        row.code, row.title, row.description = code, title, description
        s.add(row)
    return row


def delete_item(journal: Journal, item_id: int) -> None:
    """Move an item of a framework to the Trash; the others keep their order."""
    with journal.write() as s:
        fetch(s, FrameworkItem, item_id, translate("framework", "framework item"))
        trash_record(s, FrameworkItem, item_id)


def move_item(journal: Journal, item_id: int, step: int) -> bool:
    """Move an item ``step`` places up (negative) or down; False if it is already at that end.

    The whole list is renumbered 0, 1, 2...: positions typed by an import or left by a delete
    then never tie, so an order once shown is the order kept."""
    with journal.write() as s:
        row = fetch(s, FrameworkItem, item_id, translate("framework", "framework item"))
        items = _items(s, row.framework)
        index = next(i for i, item in enumerate(items) if item.id == item_id)
        target = index + step
        if step == 0 or not 0 <= target < len(items):
            return False
        items.insert(target, items.pop(index))
        for position, item in enumerate(items):
            if item.position != position:
                item.position = position
                s.add(item)
    return True


# -- importing a list ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ListedItem:
    """One item as a list to import gives it."""

    code: str
    title: str
    description: str = ""

    @property
    def label(self) -> str:
        """As ``item_label`` names the item once stored."""
        return f"{self.code} {self.title}".strip() if self.code else self.title


@dataclass(frozen=True)
class ImportPreview:
    """What importing a list would do: the items it adds, and those already in the framework."""

    framework: FrameworkKind
    new: tuple[ListedItem, ...]
    already: tuple[ListedItem, ...]


def read_list_file(path: Path) -> str:
    """A list file's text; a file that is not a plain text list is refused in one sentence."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise UsageError(
                translate(
                    "framework", "{file} is too large for a list of items (over 1 MB)."
                ).format(file=path.name)
            )
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(
            translate("framework", "{file} could not be read ({reason}).").format(
                file=path.name, reason=exc.strerror or exc
            )
        ) from None
    if b"\x00" in data:
        raise UsageError(
            translate(
                "framework", "{file} is not a text list: save it as text or CSV first."
            ).format(file=path.name)
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # a CSV from an older spreadsheet


def parse_list(text: str) -> list[ListedItem]:
    """The items in a pasted or imported list, one a line, in any of these shapes:

    ``code<TAB>title[<TAB>description]``, CSV ``code,title[,description]`` (a header line is
    skipped), ``2.1 Title`` or a plain title. Blank lines are skipped; a line that is not text
    or is too long refuses the whole list."""
    if len(text) > MAX_BYTES:
        raise UsageError(
            translate("framework", "This list is too large for a framework (over 1 MB of text).")
        )
    if "\x00" in text or re.search(r"[\x01-\x08\x0b\x0c\x0e-\x1f]", text):
        raise UsageError(
            translate("framework", "This is not a text list: save it as text or CSV first.")
        )
    lines = [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    for number, line in lines:
        if len(line) > MAX_LINE:
            raise UsageError(
                translate(
                    "framework",
                    "Line {number} runs over {count} characters: one item a line, please.",
                ).format(number=number, count=MAX_LINE)
            )
    if not lines:
        raise UsageError(translate("framework", "The list is empty: put one item on each line."))
    if len(lines) > MAX_ITEMS + 1:
        raise UsageError(
            translate(
                "framework", "A framework holds up to {count} items; this list has more."
            ).format(count=MAX_ITEMS)
        )
    rows = _as_csv(lines) if _looks_like_csv(lines) else [_split_line(line) for _, line in lines]
    found = (_listed(row, number) for row, (number, _) in zip(rows, lines, strict=True))
    items = [item for item in found if item is not None]
    if not items:
        raise UsageError(translate("framework", "The list has a header but no items under it."))
    return items


def _looks_like_csv(lines: list[tuple[int, str]]) -> bool:
    """CSV when the first line is a header, or every line starts with a code and a comma."""
    if any("\t" in line for _, line in lines):
        return False
    first = next(csv.reader([lines[0][1]]))
    if first and first[0].strip().lower() in HEADER_WORDS and len(first) > 1:
        return True
    for _, line in lines:
        fields = next(csv.reader([line]))
        code = fields[0].strip() if fields else ""
        if len(fields) < 2 or not _code_like(code):
            return False
    return True


def _code_like(code: str) -> bool:
    """A CSV's first field is a code: blank, short, one word, and numbered or a letter or two."""
    if not code:
        return True
    return (
        " " not in code
        and len(code) <= MAX_CODE
        and (any(c.isdigit() for c in code) or len(code) <= 3)
    )


def _as_csv(lines: list[tuple[int, str]]) -> list[list[str]]:
    rows = [next(csv.reader([line]), []) for _, line in lines]
    if rows and rows[0] and rows[0][0].strip().lower() in HEADER_WORDS:
        rows[0] = []  # the header: kept as an empty row, so line numbers still match
    return rows


def _split_line(line: str) -> list[str]:
    if "\t" in line:
        return line.split("\t")
    coded = _CODED.match(line)
    if coded:
        return [coded["code"], coded["rest"].lstrip("-–—: ")]
    return ["", line]


def _listed(row: list[str], number: int) -> ListedItem | None:
    fields = [field.strip() for field in row]
    if not any(fields):
        return None
    code, title = fields[0], (fields[1] if len(fields) > 1 else "")
    description = ", ".join(f for f in fields[2:] if f)
    if not title:
        raise UsageError(
            translate("framework", "Line {number} has a code but no title.").format(number=number)
        )
    if len(code) > MAX_CODE:
        raise UsageError(
            translate("framework", "Line {number}'s code runs over {count} characters.").format(
                number=number, count=MAX_CODE
            )
        )
    return ListedItem(" ".join(code.split()), " ".join(title.split()), description)


def _key(code: str, title: str) -> str:
    """Items match by code when they have one, else by title (either way, in any case)."""
    return f"code:{code.casefold()}" if code else f"title:{' '.join(title.split()).casefold()}"


def _plan(existing: list[FrameworkItem], framework: FrameworkKind, text: str) -> ImportPreview:
    known = {_key(item.code, item.title) for item in existing}
    known |= {_key("", item.title) for item in existing}  # a coded item, listed without code
    new: list[ListedItem] = []
    already: list[ListedItem] = []
    planned: set[str] = set()
    for listed in parse_list(text):
        key = _key(listed.code, listed.title)
        if key in planned:
            continue  # a line repeated in the list is added once, and said once
        planned.add(key)
        if key in known or (not listed.code and _key("", listed.title) in known):
            already.append(listed)
        else:
            new.append(listed)
    if len(existing) + len(new) > MAX_ITEMS:
        raise UsageError(
            translate(
                "framework", "A framework holds up to {count} items; this list would pass it."
            ).format(count=MAX_ITEMS)
        )
    return ImportPreview(framework, tuple(new), tuple(already))


def preview_import(journal: Journal, framework: FrameworkKind, text: str) -> ImportPreview:
    """What importing ``text`` would add and what is already there, without writing."""
    return _plan(framework_items(journal, framework), framework, text)


def import_list(journal: Journal, framework: FrameworkKind, text: str) -> ImportPreview:
    """Add a list's new items after the framework's own, all of them or (on any error) none.

    Items already in the framework are left as they are, so importing a list twice adds it
    once."""
    with journal.write() as s:
        existing = _items(s, framework)
        plan = _plan(existing, framework, text)
        start = (existing[-1].position + 1) if existing else 0
        for offset, listed in enumerate(plan.new):
            s.add(
                FrameworkItem(
                    framework=framework,
                    position=start + offset,
                    code=listed.code,
                    title=listed.title,
                    description=listed.description,
                )
            )
    return plan
