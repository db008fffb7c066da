"""The year's scope and sequence on real encrypted journals: each period's overarching focus
and its three strands, the order of periods, the strands counted in balance."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from iltdesk.charter import (
    add_scope_item,
    balance_hint,
    delete_scope_item,
    next_period,
    scope_items,
    strand_counts,
    strand_text,
    thinnest_strand,
    update_scope_item,
)
from iltdesk.errors import UsageError
from iltdesk.models import FocusKind, ScopeItem
from iltdesk.store.journal import Journal

D, OF, P = FocusKind.data, FocusKind.observation_feedback, FocusKind.professional_learning
TAIL = ": the three strands work best in roughly equal measure."


def _rows(journal: Journal) -> int:
    return int(journal.execute("SELECT count(*) FROM scope_item")[0][0])


def test_a_period_has_a_focus_and_three_strands(journal: Journal) -> None:
    item = add_scope_item(
        journal,
        "  October ",
        starts_on=date(2026, 10, 1),
        focus=" Reading across the grades ",
        data="Fall interim by student group",
        observation_feedback="Walkthroughs on questioning",
        professional_learning="",
    )
    assert item.id is not None
    stored = scope_items(journal)[0]
    assert (stored.period, stored.focus, stored.starts_on) == (
        "October",
        "Reading across the grades",
        date(2026, 10, 1),
    )
    assert [strand_text(stored, kind) for kind in FocusKind] == [
        "Fall interim by student group",
        "Walkthroughs on questioning",
        "",
    ]
    bare = add_scope_item(journal, "November")
    assert (bare.focus, bare.data, bare.observation_feedback, bare.professional_learning) == (
        "",
        "",
        "",
        "",
    )
    for period in ("", "   "):
        with pytest.raises(UsageError, match="Name the period"):
            add_scope_item(journal, period, focus="Something")
    assert _rows(journal) == 2


def test_scope_items_ordered_by_start_then_position(journal: Journal) -> None:
    add_scope_item(journal, "November", starts_on=date(2024, 11, 1), focus="Feedback cycles")
    add_scope_item(journal, "  September  ", starts_on=date(2024, 9, 1), data="Baselines")
    add_scope_item(journal, "Quarter 1 (b)", starts_on=date(2024, 10, 1), focus="Norms")
    add_scope_item(journal, "Quarter 1 (a)", starts_on=date(2024, 10, 1))
    add_scope_item(journal, "October (c)", starts_on=date(2024, 10, 1))

    items = scope_items(journal)

    assert [(i.period, i.starts_on, i.position) for i in items] == [
        ("September", date(2024, 9, 1), 1),
        ("Quarter 1 (b)", date(2024, 10, 1), 2),
        ("Quarter 1 (a)", date(2024, 10, 1), 3),
        ("October (c)", date(2024, 10, 1), 4),
        ("November", date(2024, 11, 1), 0),
    ]
    # Within a start date it is the position that counts, not the order of adding.
    with journal.write() as s:
        for item in s.exec(select(ScopeItem).where(ScopeItem.starts_on == date(2024, 10, 1))):
            item.position = 10 - item.position
            s.add(item)
    assert [i.period for i in scope_items(journal)] == [
        "September",
        "October (c)",
        "Quarter 1 (a)",
        "Quarter 1 (b)",
        "November",
    ]
    # Undated periods come after the dated ones, in the order they were added.
    add_scope_item(journal, "Summer")
    add_scope_item(journal, "Quarter 0", starts_on=date(2024, 8, 1))
    add_scope_item(journal, "Later")
    assert [i.period for i in scope_items(journal)] == [
        "Quarter 0",
        "September",
        "October (c)",
        "Quarter 1 (a)",
        "Quarter 1 (b)",
        "November",
        "Summer",
        "Later",
    ]


def test_update_and_delete_scope_items(journal: Journal) -> None:
    first = add_scope_item(journal, "September", starts_on=date(2024, 9, 1), data="Baseline")
    second = add_scope_item(journal, "October", starts_on=date(2024, 10, 1), focus="Protocols")
    assert first.id is not None and second.id is not None

    returned = update_scope_item(
        journal, second.id, observation_feedback=" Walkthroughs ", professional_learning="Norming"
    )
    assert (returned.observation_feedback, returned.professional_learning) == (
        "Walkthroughs",
        "Norming",
    )
    update_scope_item(
        journal, first.id, starts_on=date(2024, 12, 1), period="December", focus="Winter data"
    )
    update_scope_item(journal, first.id, data="")  # a strand can be emptied again

    items = scope_items(journal)
    assert [(i.id, i.period, i.focus, i.data, i.starts_on) for i in items] == [
        (second.id, "October", "Protocols", "", date(2024, 10, 1)),
        (first.id, "December", "Winter data", "", date(2024, 12, 1)),
    ]

    for bad in ("position", "kind"):
        with pytest.raises(UsageError, match=rf"^Cannot change {bad} of a scope item\.$"):
            update_scope_item(journal, first.id, **{bad: 0}, focus="Changed")
    with pytest.raises(UsageError, match="There is no scope item #99"):
        update_scope_item(journal, 99, focus="x")
    for period in ("", "  "):
        with pytest.raises(UsageError, match="Name the period"):
            update_scope_item(journal, first.id, period=period, focus="Changed")
    assert scope_items(journal)[1].focus == "Winter data"
    assert update_scope_item(journal, first.id, period="  Winter  ").period == "Winter"

    delete_scope_item(journal, first.id)
    assert [i.id for i in scope_items(journal)] == [second.id]
    delete_scope_item(journal, first.id)  # already gone: nothing happens
    assert [i.id for i in scope_items(journal)] == [second.id]


def _year(*planned: str) -> list[ScopeItem]:
    """Periods planning the strands named by letters: "d" data, "o" observation and feedback,
    "p" professional learning ("dop" plans all three)."""
    letters = {"d": D, "o": OF, "p": P}
    year = []
    for i, strands in enumerate(planned):
        item = ScopeItem(period=f"Period {i}")
        for letter in strands:
            setattr(item, letters[letter].value, f"Something {i}")
        year.append(item)
    return year


def test_strand_counts_count_periods_that_plan_each_strand() -> None:
    assert strand_counts([]) == {D: 0, OF: 0, P: 0}
    counts = strand_counts(_year("p", "dp", "p", "", "op"))
    assert counts == {D: 1, OF: 1, P: 4} and list(counts) == [D, OF, P]
    # A blank strand (spaces only) plans nothing.
    assert strand_counts([ScopeItem(period="x", data="  ", focus="Data month")])[D] == 0
    assert thinnest_strand(_year("dop", "do")) is P
    assert thinnest_strand(_year()) is D


def test_balance_hint_none_when_empty_or_within_one() -> None:
    for year in (
        (),
        ("",),
        ("d",),
        ("d", "o"),
        ("dop",),
        ("dop", "dop", "d"),
        ("dd", "o", "p", "d"),
        ("dop",) * 4,
    ):
        assert balance_hint(_year(*year)) is None, year


@pytest.mark.parametrize(
    ("year", "hint"),
    [
        (("d", "d"), "The year leans on data (2 periods) and gives observation and feedback none"),
        (
            ("o", "o", "od"),
            "The year leans on observation and feedback (3 periods) and gives professional "
            "learning none",
        ),
        (
            ("dop", "p", "p"),
            "The year leans on professional learning (3 periods) and gives data only 1",
        ),
        (
            ("do", "do", "do", "p"),
            "The year leans on data (3 periods) and gives professional learning only 1",
        ),
    ],
)
def test_balance_hint_names_the_heavy_and_the_light_strand(
    year: tuple[str, ...], hint: str
) -> None:
    assert balance_hint(_year(*year)) == hint + TAIL


def test_next_period_is_the_month_after_the_last() -> None:
    assert next_period([], date(2026, 9, 17)) == ("September", date(2026, 9, 1))
    year = _year("d", "o", "d")
    starts = (date(2026, 9, 1), date(2026, 10, 1), date(2027, 1, 15))
    for item, start in zip(year, starts, strict=True):
        item.starts_on = start
    assert next_period(year, date(2026, 9, 17)) == ("February", date(2027, 2, 1))
    # Undated periods give no month: the next starts this month.
    assert next_period(_year("d", "o"), date(2026, 11, 3)) == ("November", date(2026, 11, 1))


def test_balance_hint_on_a_stored_year(journal: Journal) -> None:
    for month in ("September", "October", "November"):
        add_scope_item(journal, month, data="Interim data", observation_feedback="Walkthroughs")
    assert balance_hint(scope_items(journal)) == (
        "The year leans on data (3 periods) and gives professional learning none" + TAIL
    )
    item = scope_items(journal)[0]
    assert item.id is not None
    update_scope_item(journal, item.id, professional_learning="Questioning workshop")
    add_scope_item(journal, "December", professional_learning="Calibrating on the rubric")
    assert balance_hint(scope_items(journal)) is None
