"""`--name 'NAME=keep|initials|role[:WORDS]'`: how other people named in a PDF meant for
someone else appear in it (the names guard, ``iltdesk.names_guard``), on the command line."""

from __future__ import annotations

import sys
from collections.abc import Collection
from typing import TYPE_CHECKING

from iltdesk.errors import UsageError
from iltdesk.lead_names import name_key
from iltdesk.names_guard import NameChoice, Treatment, apply_choices, find_names
from iltdesk.translation import translate

if TYPE_CHECKING:
    from iltdesk.store.journal import Journal


def choices_from(specs: list[str]) -> dict[str, NameChoice]:
    """Each ``--name`` spec as the choice for its name: 'Ms. Pham=initials',
    'Marcus Reed=role:a science teacher' (``role`` alone: the suggested words), 'X=keep'."""
    chosen: dict[str, NameChoice] = {}
    for spec in specs:
        name, equals, how = spec.partition("=")
        name, how = name.strip(), how.strip()
        treatment, colon, words = how.partition(":")
        treatment = treatment.strip().casefold()
        words_for_role = not colon or treatment == Treatment.role
        if not (equals and name and treatment in Treatment.__members__ and words_for_role):
            raise UsageError(
                translate(
                    "cli.names",
                    "--name '{spec}' is not NAME=keep, NAME=initials or NAME=role[:WORDS].",
                ).format(spec=spec)
            )
        chosen[name] = NameChoice(Treatment(treatment), words.strip())
    return chosen


def guard(
    text: str,
    journal: Journal,
    lead_id: int | None,
    specs: list[str],
    *,
    readers: Collection[int] = (),
) -> str:
    """``text`` with the ``--name`` choices applied to the people it names; says on stderr
    who is named but not chosen for, and which specs named no one in it."""
    chosen = choices_from(specs)
    people = find_names(journal, lead_id, text, readers=readers)
    known = {name_key(form) for p in people for form in (p.name, *p.forms)}
    for name in chosen:
        if name_key(name) not in known:
            said = translate("cli.names", "--name '{name}': no one by that name is in it.")
            print(said.format(name=name), file=sys.stderr)
    wanted = {name_key(name) for name in chosen}
    unchosen = [p.name for p in people if not wanted & {name_key(f) for f in (p.name, *p.forms)}]
    if unchosen:
        said = translate(
            "cli.names",
            "Also named in it: {names} (kept as written; choose with --name 'NAME=initials|role').",
        )
        print(said.format(names=", ".join(unchosen)), file=sys.stderr)
    return apply_choices(text, people, chosen)
