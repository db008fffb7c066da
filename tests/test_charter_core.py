"""Founding the ILT on real encrypted journals: the charter, the year's scope and sequence and
its balance, and the plus/delta at the end of each meeting."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from iltdesk.charter import (
    CHARTER_FIELDS,
    add_meeting_feedback,
    add_scope_item,
    balance_hint,
    charter,
    delete_scope_item,
    meeting_feedback,
    next_period,
    save_charter,
    scope_items,
    strand_counts,
    update_meeting_feedback,
    update_scope_item,
)
from iltdesk.errors import UsageError
from iltdesk.models import FocusKind, ScopeItem
from iltdesk.store.journal import Journal

D, OF, P = FocusKind.data, FocusKind.observation_feedback, FocusKind.professional_learning
TAIL = ": the three strands work best in roughly equal measure."


def _rows(journal: Journal, table: str) -> int:
    return int(journal.execute(f"SELECT count(*) FROM {table}")[0][0])


# -- the charter ------------------------------------------------------------------------------


def test_charter_is_empty_until_saved_then_one_row_is_updated(journal: Journal) -> None:
    empty = charter(journal)
    assert empty.id is None
    assert [getattr(empty, name) for name in CHARTER_FIELDS] == ["", "", "", "", ""]
    with pytest.raises(UsageError, match=r"^The charter has no mission\.$"):
        save_charter(journal, mission="x")
    assert _rows(journal, "charter") == 0

    created = save_charter(
        journal, purpose="Every student reads on grade level", norms="Start on time"
    )
    assert created.id is not None
    updated = save_charter(journal, norms="Start on time; assume good intent", goals="80% by May")

    assert updated.id == created.id
    assert journal.execute("SELECT id, purpose, norms, goals, vision_link FROM charter") == [
        (
            created.id,
            "Every student reads on grade level",
            "Start on time; assume good intent",
            "80% by May",
            "",
        )
    ]
    stored = charter(journal)
    assert (stored.id, stored.purpose, stored.norms, stored.goals, stored.member_qualities) == (
        created.id,
        "Every student reads on grade level",
        "Start on time; assume good intent",
        "80% by May",
        "",
    )

    with pytest.raises(UsageError, match=r"^The charter has no colour, mission\.$"):
        save_charter(journal, purpose="Changed", mission="x", colour="blue")
    assert charter(journal).purpose == "Every student reads on grade level"
    assert _rows(journal, "charter") == 1


# -- the scope and sequence -------------------------------------------------------------------


def test_scope_items_ordered_by_start_then_position(journal: Journal) -> None:
    add_scope_item(journal, "November", OF, "Feedback cycles", starts_on=date(2024, 11, 1))
    add_scope_item(journal, "  September  ", D, "Baseline data", starts_on=date(2024, 9, 1))
    add_scope_item(journal, "Quarter 1 (b)", P, "Norms", starts_on=date(2024, 10, 1))
    add_scope_item(journal, "Quarter 1 (a)", D, "Data protocol", starts_on=date(2024, 10, 1))
    add_scope_item(journal, "October (c)", OF, "Walkthroughs", starts_on=date(2024, 10, 1))

    items = scope_items(journal)

    assert [(i.period, i.kind, i.focus, i.starts_on, i.position) for i in items] == [
        ("September", D, "Baseline data", date(2024, 9, 1), 1),
        ("Quarter 1 (b)", P, "Norms", date(2024, 10, 1), 2),
        ("Quarter 1 (a)", D, "Data protocol", date(2024, 10, 1), 3),
        ("October (c)", OF, "Walkthroughs", date(2024, 10, 1), 4),
        ("November", OF, "Feedback cycles", date(2024, 11, 1), 0),
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
    add_scope_item(journal, "Summer", P, "Reflection")
    add_scope_item(journal, "Quarter 0", D, "Before the year", starts_on=date(2024, 8, 1))
    add_scope_item(journal, "Later", OF, "Someday")
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
    for period in ("", "   "):
        with pytest.raises(UsageError, match="Name the period"):
            add_scope_item(journal, period, D, "Something")
    assert _rows(journal, "scope_item") == 8


def test_update_and_delete_scope_items(journal: Journal) -> None:
    first = add_scope_item(journal, "September", D, "Baseline", starts_on=date(2024, 9, 1))
    second = add_scope_item(journal, "October", D, "Protocols", starts_on=date(2024, 10, 1))
    assert first.id is not None and second.id is not None

    returned = update_scope_item(
        journal, second.id, kind="observation_feedback", focus="Walkthroughs"
    )
    assert returned.kind is OF
    update_scope_item(journal, first.id, kind=P, starts_on=date(2024, 12, 1), period="December")

    items = scope_items(journal)
    assert [(i.id, i.period, i.kind, i.focus, i.starts_on) for i in items] == [
        (second.id, "October", OF, "Walkthroughs", date(2024, 10, 1)),
        (first.id, "December", P, "Baseline", date(2024, 12, 1)),
    ]
    assert type(items[0].kind) is FocusKind

    with pytest.raises(UsageError, match=r"^Cannot change position of a scope item\.$"):
        update_scope_item(journal, first.id, position=0, focus="Changed")
    with pytest.raises(UsageError, match="There is no scope item #99"):
        update_scope_item(journal, 99, focus="x")
    for period in ("", "  "):
        with pytest.raises(UsageError, match="Name the period"):
            update_scope_item(journal, first.id, period=period, focus="Changed")
    assert (scope_items(journal)[1].period, scope_items(journal)[1].focus) == (
        "December",
        "Baseline",
    )
    assert update_scope_item(journal, first.id, period="  Winter  ").period == "Winter"

    assert [i.period for i in scope_items(journal)] == ["October", "Winter"]

    delete_scope_item(journal, first.id)
    assert [i.id for i in scope_items(journal)] == [second.id]
    delete_scope_item(journal, first.id)  # already gone: nothing happens
    assert [i.id for i in scope_items(journal)] == [second.id]


def _year(*kinds: FocusKind) -> list[ScopeItem]:
    return [ScopeItem(period=f"Period {i}", kind=kind) for i, kind in enumerate(kinds)]


def test_balance_hint_none_when_empty_or_within_one() -> None:
    assert balance_hint([]) is None
    for year in (
        (D,),
        (OF,),
        (D, OF),
        (D, OF, P),
        (D, D, OF, P),
        (P, P, OF, OF, D),
        (D, OF, P) * 4,
    ):
        assert balance_hint(_year(*year)) is None, year


@pytest.mark.parametrize(
    ("kinds", "hint"),
    [
        ((D, D), "The year leans on data (2 periods) and gives observation and feedback none"),
        (
            (OF, OF, OF, D),
            "The year leans on observation and feedback (3 periods) and gives professional "
            "learning none",
        ),
        (
            (P, P, P, OF, D),
            "The year leans on professional learning (3 periods) and gives data only 1",
        ),
        (
            (D, OF, D, OF, D, OF, P),
            "The year leans on data (3 periods) and gives professional learning only 1",
        ),
        (
            (P, P, P, P, D, D, OF, OF, OF),
            "The year leans on professional learning (4 periods) and gives data only 2",
        ),
    ],
)
def test_balance_hint_names_the_heavy_and_the_light_strand(
    kinds: tuple[FocusKind, ...], hint: str
) -> None:
    assert balance_hint(_year(*kinds)) == hint + TAIL


def test_strand_counts_list_every_strand_in_order() -> None:
    assert strand_counts([]) == {D: 0, OF: 0, P: 0}
    counts = strand_counts(_year(P, D, P, P))
    assert counts == {D: 1, OF: 0, P: 3} and list(counts) == [D, OF, P]


def test_next_period_is_the_month_after_the_last_in_the_thinnest_strand() -> None:
    assert next_period([], date(2026, 9, 17)) == ("September", date(2026, 9, 1), D)
    year = _year(D, OF, D)
    starts = (date(2026, 9, 1), date(2026, 10, 1), date(2027, 1, 15))
    for item, start in zip(year, starts, strict=True):
        item.starts_on = start
    # The last period began in January: February comes next, in the strand with none yet.
    assert next_period(year, date(2026, 9, 17)) == ("February", date(2027, 2, 1), P)
    # Undated periods still count towards balance; the month starts from today.
    assert next_period(_year(D, OF), date(2026, 11, 3)) == ("November", date(2026, 11, 1), P)


def test_balance_hint_on_a_stored_year(journal: Journal) -> None:
    for month, kind in (("September", D), ("October", OF), ("November", P), ("December", D)):
        add_scope_item(journal, month, kind, "")
    assert balance_hint(scope_items(journal)) is None

    item = add_scope_item(journal, "January", D, "")
    assert balance_hint(scope_items(journal)) == (
        "The year leans on data (3 periods) and gives observation and feedback only 1" + TAIL
    )
    assert item.id is not None
    update_scope_item(journal, item.id, kind="professional_learning")
    assert balance_hint(scope_items(journal)) is None


# -- meeting plus/delta -----------------------------------------------------------------------


def test_meeting_feedback_last_meeting_first_and_responses(journal: Journal) -> None:
    add_meeting_feedback(journal, "Clear agenda", "Ran long", met_on=date(2024, 9, 10))
    latest = add_meeting_feedback(journal, "Data talk", "", met_on=date(2024, 10, 8))
    add_meeting_feedback(journal, "", "Too many slides", met_on=date(2024, 9, 24))
    same_day = add_meeting_feedback(journal, "Second meeting", "", met_on=date(2024, 10, 8))
    assert same_day.id is not None and latest.id is not None

    assert [(f.met_on, f.plus, f.delta) for f in meeting_feedback(journal)] == [
        (date(2024, 10, 8), "Second meeting", ""),
        (date(2024, 10, 8), "Data talk", ""),
        (date(2024, 9, 24), "", "Too many slides"),
        (date(2024, 9, 10), "Clear agenda", "Ran long"),
    ]

    for plus, delta in (("", ""), ("  ", "\n"), (" ", "")):
        with pytest.raises(
            UsageError, match=r"^Write what worked \(plus\) or what to change \(delta\)\.$"
        ):
            add_meeting_feedback(journal, plus, delta)
    assert _rows(journal, "meeting_feedback") == 4
    assert add_meeting_feedback(journal, "Undated", "").met_on == date.today()

    returned = update_meeting_feedback(
        journal, latest.id, response="Opened with a five-minute data warm-up"
    )
    assert returned.response == "Opened with a five-minute data warm-up"
    stored = {f.id: f for f in meeting_feedback(journal)}
    assert (stored[latest.id].plus, stored[latest.id].response) == (
        "Data talk",
        "Opened with a five-minute data warm-up",
    )
    assert stored[same_day.id].response == ""

    with pytest.raises(UsageError, match=r"^Cannot change id of meeting feedback\.$"):
        update_meeting_feedback(journal, latest.id, id=5, response="changed")
    with pytest.raises(UsageError, match="There is no meeting feedback #99"):
        update_meeting_feedback(journal, 99, response="x")
    assert {f.id: f for f in meeting_feedback(journal)}[latest.id].response == (
        "Opened with a five-minute data warm-up"
    )
