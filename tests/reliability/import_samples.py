"""The files T7's importer fuzz offers to ``iltdesk import``: valid files in each documented
format, mangled.

A sample is a little tree of files (``Sample.files``) laid out in a fresh folder, and the path
given to the import (``Sample.source``). JSON-shaped inputs (our export, Day One's, jrnl's, a
roster's lines of cells) are mutated as values (a field deleted, retyped or renamed, a row
duplicated, an id negated or pointed at nothing, a date made impossible, a value nested
100,000 deep or a number of 5,000 digits), then as bytes (cut, bits flipped, NULs). A folder
of notes is mutated file by file and line by line, and may hold a link to the journal.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import random
import threading
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from tests.reliability.conftest import trial_count

LINK_TO_JOURNAL = "<a link to the journal>"
LINK_TO_ITS_FOLDER = "<a link to the journal's folder>"
FIFO = "<a FIFO>"
UNREADABLE = "<a file its owner may not read>"
SPECIALS = (LINK_TO_JOURNAL, LINK_TO_ITS_FOLDER, UNREADABLE)  # FIFO: its own test (a hang)
Content = bytes | str  # bytes, or one of the specials above


@dataclass(frozen=True)
class Sample:
    kind: str
    files: tuple[tuple[str, Content], ...]  # (path inside the sample's folder, content)
    source: str = ""  # what is imported, inside the sample's folder ("" the folder itself)


def lay_out(sample: Sample, root: Path, journal: Path) -> Path:
    """Write ``sample`` into the empty folder ``root``; the path to import."""
    for name, content in sample.files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if content == LINK_TO_JOURNAL:
            path.symlink_to(journal)
        elif content == LINK_TO_ITS_FOLDER:
            path.symlink_to(journal.parent, target_is_directory=True)
        elif content == FIFO:
            os.mkfifo(path)
        elif content == UNREADABLE:
            path.write_bytes(b"---\nlead: Jordan Pham\n---\nprivate")
            path.chmod(0)
        else:
            assert isinstance(content, bytes)
            path.write_bytes(content)
    return root / sample.source


# -- values ----------------------------------------------------------------------------------

DEEP = 100_000
#: Values no ``json.dumps`` writes, put in the text after it: (placeholder, JSON text).
RAW = {
    "@@deep@@": "[" * DEEP + "]" * DEEP,
    "@@digits@@": "9" * 5000,
    "@@inf@@": "1e999",
    "@@nan@@": "NaN",
    "@@minus-inf@@": "-Infinity",
    "@@deep-object@@": '{"a":' * 2000 + "1" + "}" * 2000,
}
ODD: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    -(2**31),
    2**63,
    2**70,
    1.5,
    -0.0,
    1e308,
    "",
    " ",
    "x" * 100_000,
    "\ud800",
    "a\udfffb",
    "a\x00b",
    "2025-02-30",
    "2025-13-01",
    "0000-00-00",
    "9999-12-31",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-14:00",
    "2025-02-30T10:00:00Z",
    "2024-03-01T25:61:00",
    "not a date",
    "Mars/Olympus_Mons",
    "../../etc/passwd",
    "\u202eevil",
    "@pham",
    "Jordan Pham",
    [],
    {},
    [1, 2, 3],
    {"id": 1},
    ["@pham", 3, None],
    *RAW,
]
KEYS = ["", "id", "lead_id", "held_on", "kind", "\x00", "\ud800", "x" * 300, "_source", "tables"]
TREE_OPS = ("delete", "retype", "rename", "duplicate", "negate", "dangle", "bad date", "swap")
BYTE_OPS = ("cut", "flip", "nul", "bom", "utf-16")

tree_op = st.tuples(st.sampled_from(TREE_OPS), st.integers(0, 2**16), st.integers(0, 2**10))
byte_op = st.tuples(st.sampled_from(BYTE_OPS), st.integers(0, 2**24), st.integers(0, 7))
Mutation = tuple[list[tuple[str, int, int]], list[tuple[str, int, int]]]
mutations = st.tuples(st.lists(tree_op, max_size=4), st.lists(byte_op, max_size=2))


def _places(value: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in ``value``, depth first."""
    found: list[tuple[Any, Any]] = []
    stack = [value] if isinstance(value, dict | list) else []
    while stack:
        here = stack.pop()
        keys = list(here) if isinstance(here, dict) else range(len(here))
        for key in keys:
            found.append((here, key))
            if isinstance(here[key], dict | list):
                stack.append(here[key])
    return found


def mutate_tree(value: Any, ops: list[tuple[str, int, int]]) -> Any:
    """``value`` (a fresh copy) with each of ``ops`` done to one place in it."""
    for op, where, pick in ops:
        places = _places(value)
        if not places:
            return ODD[pick % len(ODD)]
        box, key = places[where % len(places)]
        old = box[key]
        if op == "delete":
            del box[key]
        elif op == "retype":
            box[key] = ODD[pick % len(ODD)]
        elif op == "rename" and isinstance(box, dict):
            box[KEYS[pick % len(KEYS)]] = box.pop(key)
        elif op == "duplicate" and isinstance(box, list):
            box.insert(key, json.loads(json.dumps(old)))  # the same id twice
        elif op == "negate" and isinstance(old, int) and not isinstance(old, bool):
            box[key] = -old or -1
        elif op == "dangle" and isinstance(old, int) and not isinstance(old, bool):
            box[key] = old + 1_000_000  # a link to a row nobody has
        elif op == "bad date" and isinstance(old, str) and old[:4].isdigit():
            box[key] = old[:5] + "02-30" + old[10:]
        elif op == "swap":
            other_box, other_key = places[pick % len(places)]
            copy = json.loads(json.dumps(other_box[other_key]))  # never a loop
            box[key], other_box[other_key] = copy, json.loads(json.dumps(old))
    return value


def as_json(value: Any) -> bytes:
    text = json.dumps(value)  # ensure_ascii: a lone surrogate is written "\ud800"
    for placeholder, raw in RAW.items():
        text = text.replace(json.dumps(placeholder), raw)
    return text.encode()


def mutate_bytes(data: bytes, ops: list[tuple[str, int, int]]) -> bytes:
    for op, where, bit in ops:
        at = where % (len(data) + 1)
        if op == "cut":
            data = data[:at]
        elif op == "flip" and data:
            out = bytearray(data)
            out[at % len(data)] ^= 1 << (bit % 8)
            data = bytes(out)
        elif op == "nul":
            data = data[:at] + b"\x00" + data[at:]
        elif op == "bom":
            data = b"\xef\xbb\xbf" + data
        elif op == "utf-16":
            data = data.decode("utf-8", "replace").encode("utf-16")
    return data


def json_file(name: str, seed: Any, kind: str, *, folder: str = "") -> Callable[[Mutation], Sample]:
    """A JSON file (in ``folder`` when given: what is imported is then the folder)."""

    def make(mutation: Mutation) -> Sample:
        value = mutate_tree(json.loads(json.dumps(seed)), mutation[0])
        data = mutate_bytes(as_json(value), mutation[1])
        path = f"{folder}/{name}" if folder else name
        return Sample(kind, ((path, data),), folder or name)

    return make


def csv_file(name: str, seed: list[list[str]], kind: str) -> Callable[[Mutation], Sample]:
    def make(mutation: Mutation) -> Sample:
        lines = mutate_tree(json.loads(json.dumps(seed)), mutation[0])
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";" if len(mutation[0]) % 2 else ",")
        for line in lines if isinstance(lines, list) else [[lines]]:
            cells = line if isinstance(line, list) else [line]
            writer.writerow([str(c) for c in cells])
        data = out.getvalue().encode("utf-8", "surrogatepass")
        return Sample(kind, ((name, mutate_bytes(data, mutation[1])),), name)

    return make


def zipped(name: str, members: dict[str, bytes], *, how: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", how) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return out.getvalue()


def zip_file(seed: Any, kind: str) -> Callable[[tuple[Mutation, int, int]], Sample]:
    """Day One's zip: its journal mutated; its member's name, its packing or the zip itself
    odd."""
    names = ["Journal.json", "../../evil.json", "/etc/Journal.json", "a/Journal.json",
             "a/b/c/Journal.json", "__MACOSX/Journal.json", ".hidden.json", "Journal.json/",
             "Pham 1:1s.json", "..\\..\\evil.json", "Journal.JSON", "photos/x.jpeg"]  # fmt: skip
    packings = [zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]

    def make(args: tuple[Mutation, int, int]) -> Sample:
        mutation, name, packing = args
        value = mutate_tree(json.loads(json.dumps(seed)), mutation[0])
        members = {names[name % len(names)]: as_json(value), "photos/a.jpeg": b"\xff\xd8\xff"}
        if name % 5 == 4:
            members["Other.json"] = b"0" * 3_000_000  # a bomb's filler, or a second journal
        data = zipped("export.zip", members, how=packings[packing % len(packings)])
        if packing % 7 == 6:
            data = data.replace(b"PK\x03\x04\x14\x00\x00", b"PK\x03\x04\x14\x00\x01", 1)  # locked
        return Sample(kind, (("export.zip", mutate_bytes(data, mutation[1])),), "export.zip")

    return make


FILE_OPS = ("drop file", "copy file", "rename file", "drop line", "copy line", "retype line",
            "bytes", "special")  # fmt: skip
NAMES = ["a.md", ".hidden.md", "x/y/z.md", "notes.txt", "n\nl.md", "CON.md", "é.markdown",
         "2025-02-30 x.md", "Jordan Pham/20240301.md", "-.md", "x.MD"]  # fmt: skip
folder_op = st.tuples(st.sampled_from(FILE_OPS), st.integers(0, 2**16), st.integers(0, 2**10))


def mutate_folder(
    seed: dict[str, bytes], kind: str, ops: list[tuple[str, int, int]], byte_ops: list[Any]
) -> Sample:
    """A folder of notes with each of ``ops`` done to one of its files."""
    files: dict[str, Content] = dict(seed)
    for op, where, pick in ops:
        names = sorted(n for n, c in files.items() if isinstance(c, bytes))
        if not names:
            break
        name = names[where % len(names)]
        data = files[name]
        assert isinstance(data, bytes)
        lines = data.split(b"\n")
        line = where % len(lines)
        if op == "drop file":
            del files[name]
        elif op in ("copy file", "rename file"):
            new = f"notes/{pick}-{NAMES[pick % len(NAMES)]}"
            files[new] = data if op == "copy file" else files.pop(name)
        elif op == "drop line":
            files[name] = b"\n".join(lines[:line] + lines[line + 1 :])
        elif op == "copy line":
            files[name] = b"\n".join(lines[: line + 1] + lines[line:])
        elif op == "retype line":
            key = lines[line].split(b":", 1)[0] if b":" in lines[line] else b"date"
            odd = json.dumps(ODD[pick % len(ODD)])[:2000].encode()
            lines[line] = key + b": " + odd
            files[name] = b"\n".join(lines)
        elif op == "bytes":
            files[name] = mutate_bytes(data, byte_ops or [("cut", pick, 0)])
        elif op == "special":
            files[f"notes/zz-{pick}.md"] = SPECIALS[pick % len(SPECIALS)]
    return Sample(kind, tuple(sorted(files.items())), "notes")


def read_folder(folder: Path) -> dict[str, bytes]:
    """A folder's files by path inside it, each under ``notes/``."""
    return {
        f"notes/{p.relative_to(folder).as_posix()}": p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# -- each format's samples, for the fuzz and the command line ------------------------------

Seeds = dict[str, Any]


def strategies(seeds: Seeds) -> dict[str, st.SearchStrategy[Sample]]:
    """Each format's samples: random bytes, odd files, and its valid files mutated."""

    def random_bytes(name: str, source: str = "") -> st.SearchStrategy[Sample]:
        data = st.one_of(st.binary(max_size=4096), st.just(b""), st.binary(min_size=5000))
        return data.map(lambda b: Sample("random bytes", ((name, b),), source or name))

    def odd(name: str) -> st.SearchStrategy[Sample]:
        kinds = st.sampled_from(SPECIALS)
        return kinds.map(lambda k: Sample(k.strip("<>"), ((name, k),), name))

    own = [
        mutations.map(json_file("export.json", data, f"our JSON ({k}), mutated"))
        for k, data in seeds["json"].items()
    ]
    day_one = json_file("Journal.json", seeds["dayone"], "Day One JSON, mutated")
    unzipped = json_file("Pham.json", seeds["dayone"], "Day One unzipped, mutated", folder="x")
    day_one_zip = zip_file(seeds["dayone"], "Day One zip, mutated")
    jrnl = json_file("journal.json", seeds["jrnl"], "jrnl JSON, mutated")
    entry = json_file("2023_01_05.json", seeds["jrnl"]["entries"][0], "jrnl entry, mutated")
    roster = csv_file("roster.csv", seeds["roster"], "roster, mutated")
    folder = st.sampled_from(sorted(seeds["markdown"])).flatmap(
        lambda k: st.tuples(st.lists(folder_op, max_size=4), st.lists(byte_op, max_size=2)).map(
            lambda ops: mutate_folder(seeds["markdown"][k], f"{k} notes, mutated", *ops)
        )
    )
    zipped = st.tuples(mutations, st.integers(0, 99), st.integers(0, 99))
    return {
        "json": st.one_of(random_bytes("export.json"), odd("export.json"), *own),
        "dayone": st.one_of(
            random_bytes("export.zip"),
            odd("Journal.json"),
            mutations.map(day_one),
            mutations.map(unzipped),
            zipped.map(day_one_zip),
        ),
        "jrnl": st.one_of(
            random_bytes("journal.json"),
            odd("journal.json"),
            mutations.map(jrnl),
            mutations.map(entry),
        ),
        "roster": st.one_of(random_bytes("roster.csv"), odd("roster.csv"), mutations.map(roster)),
        "markdown": st.one_of(random_bytes("notes/a.md", "notes"), folder),
    }


def cli_samples(seeds: Seeds) -> list[tuple[Sample, list[str]]]:
    """One bad file of each kind the fuzz meets, a valid one, and (full runs) more mutated."""
    ours = as_json(seeds["json"]["lead"])
    deep = b'{"format": "iltdesk-export", "version": 1, "tables": ' + RAW["@@deep@@"].encode()
    day_one_zip = zip_file(seeds["dayone"], "Day One zip with a ../ name, a bit flipped")
    jrnl = {"entries": [{"title": "\ud800", "body": "x", "date": "2025-02-30", "tags": ["@pham"]}]}
    folder = {**seeds["markdown"]["foreign"], "notes/bad.md": b"---\n: [\n---\n"}
    folder["notes/zz.md"] = LINK_TO_JOURNAL
    fixed = [  # the first four in ``make test``, all of them in full runs
        (Sample("our JSON, valid", (("ok.json", ours),), "ok.json"), []),
        (day_one_zip((([], [("flip", 40, 3)]), 1, 0)), ["--format", "dayone"]),
        (Sample("notes, a link to the journal", tuple(folder.items()), "notes"), []),
        (Sample("random bytes", (("x.bin", bytes(range(256)) * 9),), "x.bin"), []),
        (Sample("our JSON, valid, again", (("ok.json", ours),), "ok.json"), []),
        (Sample("our JSON cut short", (("a.json", ours[: len(ours) // 2]),), "a.json"), []),
        (Sample("our JSON nested 100,000 deep", (("a.json", deep + b"}"),), "a.json"), []),
        (Sample("jrnl, a day that is not", (("j.json", as_json(jrnl)),), "j.json"), []),
        (Sample("a roster naming a lead twice", (("r.csv", b"Name\nAl\nal\n"),), "r.csv"), []),
    ]
    rng = random.Random(7)
    makers = [
        json_file("export.json", seeds["json"]["range"], "our JSON, mutated"),
        json_file("Journal.json", seeds["dayone"], "Day One JSON, mutated"),
        json_file("journal.json", seeds["jrnl"], "jrnl JSON, mutated"),
        csv_file("roster.csv", seeds["roster"], "roster, mutated"),
    ]
    more: list[tuple[Sample, list[str]]] = [
        (rng.choice(makers)((random_ops(rng, TREE_OPS), random_ops(rng, BYTE_OPS, 1))), [])
        for _ in range(min(trial_count(0, 40), 40))
    ]
    return fixed[: trial_count(4, len(fixed))] + more


def random_ops(rng: random.Random, ops: tuple[str, ...], most: int = 3) -> list[Any]:
    return [
        (rng.choice(ops), rng.randrange(2**16), rng.randrange(2**10))
        for _ in range(rng.randint(0, most))
    ]


HANG = 0.5  # seconds: a reader that does not wait on the FIFO is done in milliseconds


@contextmanager
def unblocking(fifo: Path) -> Iterator[list[bool]]:
    """Give a reader stuck opening ``fifo`` an empty file (a writer that opens and closes)
    after ``HANG`` seconds, again and again, and say whether it had to."""
    hung: list[bool] = []
    stop = threading.Event()

    def unblock() -> None:
        if stop.wait(HANG):
            return
        hung.append(True)
        while not stop.is_set():
            with contextlib.suppress(OSError):  # no reader waiting just now
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            stop.wait(0.02)

    thread = threading.Thread(target=unblock, daemon=True)
    thread.start()
    try:
        yield hung
    finally:
        stop.set()
        thread.join()
