"""Leads, strengths and growth areas, energy, and action items on real encrypted journals."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from iltdesk.action_item import (
    action_items_for,
    add_action_item,
    delete_action_item,
    is_due_soon,
    is_overdue,
    set_done,
    update_action_item,
)
from iltdesk.errors import UsageError
from iltdesk.growth import (
    EnergyTrend,
    add_trait,
    energy_checks_for,
    energy_trend,
    record_energy,
    set_resolved,
    traits_for,
    update_trait,
)
from iltdesk.lead import (
    LeadSummary,
    add_lead,
    find_lead,
    get_lead,
    lead_summaries,
    set_archived,
    update_lead,
)
from iltdesk.models import ActionItem, Author, TraitKind
from iltdesk.one_on_one import add_quick_note
from iltdesk.roster import roster
from iltdesk.store.journal import Journal

DAY = date(2025, 3, 12)


def _days(n: int) -> date:
    return DAY + timedelta(days=n)


def _lead(journal: Journal, name: str = "Maria Lopez", **fields: object) -> int:
    lead = add_lead(journal, name, **fields)
    assert lead.id is not None
    return lead.id


def _count(journal: Journal, table: str) -> int:
    return int(journal.execute(f"SELECT count(*) FROM {table}")[0][0])


# -- leads ------------------------------------------------------------------------------------


def test_add_lead_stores_details_and_defaults(journal: Journal) -> None:
    full = _lead(
        journal,
        "  Maria Lopez ",
        role="Senior Team Lead",
        team="Grade 7",
        on_ilt_since=date(2023, 8, 21),
        cadence_days=7,
        notes="Runs the data team.",
    )
    bare = _lead(journal, "Dev Patel")

    lead = get_lead(journal, full)
    assert (lead.name, lead.role, lead.team) == ("Maria Lopez", "Senior Team Lead", "Grade 7")
    assert (lead.on_ilt_since, lead.cadence_days, lead.notes) == (
        date(2023, 8, 21),
        7,
        "Runs the data team.",
    )
    assert (lead.archived_on, lead.active) == (None, True)
    other = get_lead(journal, bare)
    assert (other.role, other.team, other.on_ilt_since, other.cadence_days, other.notes) == (
        "",
        "",
        None,
        14,
        "",
    )
    with pytest.raises(UsageError, match=r"There is no lead #99\."):
        get_lead(journal, 99)


def test_add_lead_rejects_bad_details_and_saves_nothing(journal: Journal) -> None:
    with pytest.raises(UsageError, match=r"Unknown lead details: colour, mood\."):
        add_lead(journal, "Maria", colour="red", mood="ok")
    with pytest.raises(UsageError, match="A lead needs a name"):
        add_lead(journal, "   ")
    for cadence in (0, 91, -7, "14", 14.0):
        with pytest.raises(UsageError, match="Meet every 1 to 90 days"):
            add_lead(journal, "Maria", cadence_days=cadence)
    assert _count(journal, "lead") == 0

    low = _lead(journal, "Low", cadence_days=1)
    high = _lead(journal, "High", cadence_days=90)
    assert (get_lead(journal, low).cadence_days, get_lead(journal, high).cadence_days) == (1, 90)


def test_update_lead_changes_only_given_fields(journal: Journal) -> None:
    lead_id = _lead(journal, "Maria Lopez", role="Team Lead", team="Grade 6", cadence_days=14)

    update_lead(journal, lead_id, role="  Senior Team Lead ", cadence_days=21)

    lead = get_lead(journal, lead_id)
    assert (lead.name, lead.role, lead.team, lead.cadence_days) == (
        "Maria Lopez",
        "Senior Team Lead",
        "Grade 6",
        21,
    )
    update_lead(journal, lead_id, name=" María López ")
    assert get_lead(journal, lead_id).name == "María López"


def test_update_lead_rejects_bad_details_and_changes_nothing(journal: Journal) -> None:
    lead_id = _lead(journal, "Maria Lopez", cadence_days=14)

    with pytest.raises(UsageError, match=r"Unknown lead details: archived_on\."):
        update_lead(journal, lead_id, archived_on=DAY)
    with pytest.raises(UsageError, match="A lead needs a name"):
        update_lead(journal, lead_id, name="  ")
    with pytest.raises(UsageError, match="Meet every 1 to 90 days"):
        update_lead(journal, lead_id, cadence_days=0)
    with pytest.raises(UsageError, match="Meet every 1 to 90 days"):
        update_lead(journal, lead_id, cadence_days=91)
    with pytest.raises(UsageError, match=r"There is no lead #99\."):
        update_lead(journal, 99, role="x")

    lead = get_lead(journal, lead_id)
    assert (lead.name, lead.cadence_days, lead.archived_on) == ("Maria Lopez", 14, None)


def test_archiving_hides_a_lead_and_unarchiving_brings_it_back(journal: Journal) -> None:
    lead_id = _lead(journal, "Maria Lopez")
    _lead(journal, "Dev Patel")

    archived = set_archived(journal, lead_id, True, on=DAY)

    assert (archived.archived_on, archived.active) == (DAY, False)
    assert get_lead(journal, lead_id).archived_on == DAY
    assert [s.name for s in lead_summaries(journal)] == ["Dev Patel"]
    assert [(s.name, s.active) for s in lead_summaries(journal, include_archived=True)] == [
        ("Dev Patel", True),
        ("Maria Lopez", False),
    ]
    assert [(lead.name, lead.active) for lead in roster(journal)] == [
        ("Dev Patel", True),
        ("Maria Lopez", False),
    ]
    assert [lead.name for lead in roster(journal, include_archived=False)] == ["Dev Patel"]

    set_archived(journal, lead_id, False)

    assert get_lead(journal, lead_id).archived_on is None
    assert [(s.name, s.active) for s in lead_summaries(journal)] == [
        ("Dev Patel", True),
        ("Maria Lopez", True),
    ]

    set_archived(journal, lead_id, True)
    assert get_lead(journal, lead_id).archived_on == date.today()


def test_lead_summaries_order_and_counts(journal: Journal) -> None:
    bob = _lead(journal, "bob", role="Dean", team="Office", on_ilt_since=date(2022, 8, 1))
    alice = _lead(journal, "Alice")
    carol = _lead(journal, "Carol")
    aaron = _lead(journal, "Aaron")
    add_action_item(journal, bob, "One", due_on=DAY)
    add_action_item(journal, bob, "Two")
    done = add_action_item(journal, bob, "Done")
    set_done(journal, done.id or 0, True, on=DAY)
    add_action_item(journal, alice, "Alice's")
    add_quick_note(journal, "bob", "Older", held_on=_days(-20))
    add_quick_note(journal, "bob", "Latest", held_on=_days(-2))
    add_quick_note(journal, "bob", "Middle", held_on=_days(-9))
    add_quick_note(journal, "Aaron", "Before leaving", held_on=_days(-30))
    set_archived(journal, aaron, True, on=_days(-1))

    summaries = lead_summaries(journal, include_archived=True)

    assert summaries == [
        LeadSummary(alice, "Alice", "", "", True, None, None, 1),
        LeadSummary(bob, "bob", "Dean", "Office", True, date(2022, 8, 1), _days(-2), 2),
        LeadSummary(carol, "Carol", "", "", True, None, None, 0),
        LeadSummary(aaron, "Aaron", "", "", False, None, _days(-30), 0),
    ]
    assert [s.id for s in lead_summaries(journal)] == [alice, bob, carol]


def test_find_lead_prefers_an_exact_match(journal: Journal) -> None:
    ann = _lead(journal, "Ann")
    annabel = _lead(journal, "Annabel Lee")
    _lead(journal, "Dev Patel")

    with journal.session() as s:
        assert find_lead(s, "ann").id == ann
        assert find_lead(s, "  ANN ").id == ann
        assert find_lead(s, "annabel").id == annabel
        assert find_lead(s, "LEE").id == annabel
        with pytest.raises(UsageError) as many:
            find_lead(s, "an")
        with pytest.raises(UsageError) as none:
            find_lead(s, "Zoe")
        with pytest.raises(UsageError, match="Name a lead"):
            find_lead(s, "  ")
    assert str(many.value) == "'an' matches more than one lead: Ann, Annabel Lee."
    assert str(none.value) == "No lead is called 'Zoe'."


# -- strengths and growth areas ---------------------------------------------------------------


def test_add_and_update_trait(journal: Journal) -> None:
    lead_id = _lead(journal)

    trait = add_trait(
        journal, lead_id, TraitKind.growth, "  Facilitating conflict ", "Avoided pushback.",
        noted_on=DAY,
    )  # fmt: skip
    plain = add_trait(journal, lead_id, TraitKind.strength, "Data fluency")

    (stored_plain, stored) = traits_for(journal, lead_id)
    assert (stored.id, stored.kind, stored.title, stored.evidence) == (
        trait.id,
        TraitKind.growth,
        "Facilitating conflict",
        "Avoided pushback.",
    )
    assert (stored.noted_on, stored.resolved_on) == (DAY, None)
    assert (stored_plain.id, stored_plain.evidence, stored_plain.noted_on) == (
        plain.id,
        "",
        date.today(),
    )

    update_trait(journal, trait.id or 0, title=" Holding hard conversations ", evidence="Better.")

    changed = next(t for t in traits_for(journal, lead_id) if t.id == trait.id)
    assert (changed.title, changed.evidence, changed.kind, changed.noted_on) == (
        "Holding hard conversations",
        "Better.",
        TraitKind.growth,
        DAY,
    )
    with pytest.raises(UsageError, match="Name the strength or growth area"):
        update_trait(journal, trait.id or 0, title=" ", evidence="x")
    with pytest.raises(UsageError, match="Name the strength or growth area"):
        add_trait(journal, lead_id, TraitKind.strength, "")
    with pytest.raises(UsageError, match=r"There is no strength or growth area #99\."):
        update_trait(journal, 99, title="x", evidence="")
    assert _count(journal, "lead_trait") == 2


def test_traits_for_current_newest_first_then_resolved(journal: Journal) -> None:
    lead_id = _lead(journal)
    other = _lead(journal, "Dev Patel")
    jan = add_trait(journal, lead_id, TraitKind.strength, "Jan", noted_on=date(2025, 1, 10))
    mar = add_trait(journal, lead_id, TraitKind.growth, "Mar", noted_on=date(2025, 3, 1))
    feb = add_trait(journal, lead_id, TraitKind.growth, "Feb", noted_on=date(2025, 2, 5))
    dec = add_trait(journal, lead_id, TraitKind.growth, "Dec", noted_on=date(2024, 12, 1))
    add_trait(journal, other, TraitKind.growth, "Not hers", noted_on=date(2025, 3, 5))

    resolved = set_resolved(journal, feb.id or 0, True, on=DAY)
    set_resolved(journal, dec.id or 0, True, on=DAY)

    assert resolved.resolved_on == DAY
    assert [t.title for t in traits_for(journal, lead_id)] == ["Mar", "Jan", "Feb", "Dec"]
    assert [t.resolved_on for t in traits_for(journal, lead_id)] == [None, None, DAY, DAY]

    reopened = set_resolved(journal, feb.id or 0, False)

    assert reopened.resolved_on is None
    assert [(t.id, t.resolved_on) for t in traits_for(journal, lead_id)] == [
        (mar.id, None),
        (feb.id, None),
        (jan.id, None),
        (dec.id, DAY),
    ]
    set_resolved(journal, jan.id or 0, True)
    assert next(t for t in traits_for(journal, lead_id) if t.id == jan.id).resolved_on == (
        date.today()
    )


def test_traits_noted_the_same_day_list_the_newest_first(journal: Journal) -> None:
    lead_id = _lead(journal)
    first = add_trait(journal, lead_id, TraitKind.growth, "First", noted_on=DAY)
    second = add_trait(journal, lead_id, TraitKind.strength, "Second", noted_on=DAY)

    assert [t.id for t in traits_for(journal, lead_id)] == [second.id, first.id]


# -- energy -----------------------------------------------------------------------------------


def test_record_energy_accepts_one_to_five_only(journal: Journal) -> None:
    lead_id = _lead(journal)

    for level in (0, 6, -1):
        with pytest.raises(UsageError, match=r"Energy is rated from 1 \(depleted\) to 5"):
            record_energy(journal, lead_id, level, on=DAY)
    assert _count(journal, "energy_check") == 0

    low = record_energy(journal, lead_id, 1, "Running on empty", on=DAY)
    high = record_energy(journal, lead_id, 5, on=_days(1))
    today_check = record_energy(journal, lead_id, 3)

    assert [(c.id, c.level, c.note, c.checked_on) for c in energy_checks_for(journal, lead_id)] == [
        (today_check.id, 3, "", date.today()),
        (high.id, 5, "", _days(1)),
        (low.id, 1, "Running on empty", DAY),
    ]


def test_energy_checks_for_is_newest_first_and_only_that_lead(journal: Journal) -> None:
    lead_id = _lead(journal)
    other = _lead(journal, "Dev Patel")
    middle = record_energy(journal, lead_id, 3, on=_days(-7))
    newest = record_energy(journal, lead_id, 2, on=DAY)
    oldest = record_energy(journal, lead_id, 4, on=_days(-30))
    same_day_later = record_energy(journal, lead_id, 1, on=DAY)
    record_energy(journal, other, 5, on=_days(5))

    assert [c.id for c in energy_checks_for(journal, lead_id)] == [
        same_day_later.id,
        newest.id,
        middle.id,
        oldest.id,
    ]
    assert energy_checks_for(journal, 999) == []


def test_energy_trend_last_points_oldest_first_with_latest_and_change(journal: Journal) -> None:
    lead_id = _lead(journal)
    other = _lead(journal, "Dev Patel")
    assert energy_trend(journal, lead_id) == EnergyTrend((), None, 0)

    record_energy(journal, lead_id, 4, on=_days(-7))
    assert energy_trend(journal, lead_id) == EnergyTrend(((_days(-7), 4),), 4, 0)

    # Entered out of order; the trend follows the dates.
    record_energy(journal, lead_id, 2, on=_days(7))
    record_energy(journal, lead_id, 5, on=_days(-21))
    record_energy(journal, lead_id, 3, on=DAY)
    record_energy(journal, lead_id, 4, on=_days(-14))
    record_energy(journal, other, 1, on=_days(30))

    assert energy_trend(journal, lead_id, limit=3) == EnergyTrend(
        ((_days(-7), 4), (DAY, 3), (_days(7), 2)), 2, -1
    )
    assert energy_trend(journal, lead_id) == EnergyTrend(
        ((_days(-21), 5), (_days(-14), 4), (_days(-7), 4), (DAY, 3), (_days(7), 2)), 2, -1
    )
    record_energy(journal, lead_id, 5, on=_days(14))
    trend = energy_trend(journal, lead_id, limit=2)
    assert (trend.points, trend.latest, trend.change) == (((_days(7), 2), (_days(14), 5)), 5, 3)


# -- action items -----------------------------------------------------------------------------


def _stored(journal: Journal, item_id: int) -> ActionItem | None:
    with journal.session() as s:
        return s.get(ActionItem, item_id)


def test_set_done_marks_and_reopens(journal: Journal) -> None:
    item = add_action_item(journal, _lead(journal), "Send notes", due_on=DAY)
    item_id = item.id or 0

    assert set_done(journal, item_id, True, on=_days(2)).done_on == _days(2)
    stored = _stored(journal, item_id)
    assert stored is not None and stored.done_on == _days(2)

    set_done(journal, item_id, False)
    stored = _stored(journal, item_id)
    assert stored is not None and stored.done_on is None

    set_done(journal, item_id, True)
    stored = _stored(journal, item_id)
    assert stored is not None and stored.done_on == date.today()

    with pytest.raises(UsageError, match=r"There is no action item #99\."):
        set_done(journal, 99, True)


def test_update_action_item_changes_allowed_fields_only(journal: Journal) -> None:
    item = add_action_item(journal, _lead(journal), "Send notes", owner=Author.lead, due_on=DAY)
    item_id = item.id or 0

    update_action_item(journal, item_id, text="Send the notes", owner=Author.principal)
    stored = _stored(journal, item_id)
    assert stored is not None
    assert (stored.text, stored.owner, stored.due_on) == ("Send the notes", Author.principal, DAY)

    update_action_item(journal, item_id, due_on=None)
    stored = _stored(journal, item_id)
    assert stored is not None
    assert (stored.text, stored.owner, stored.due_on) == ("Send the notes", Author.principal, None)

    with pytest.raises(UsageError, match=r"Cannot change done_on, lead_id of an action item\."):
        update_action_item(journal, item_id, text="Sneaky", done_on=DAY, lead_id=2)
    with pytest.raises(UsageError, match=r"There is no action item #99\."):
        update_action_item(journal, 99, text="x")
    stored = _stored(journal, item_id)
    assert stored is not None
    assert (stored.text, stored.done_on) == ("Send the notes", None)


def test_add_and_delete_action_item(journal: Journal) -> None:
    lead_id = _lead(journal)
    with pytest.raises(UsageError, match="Describe the action item"):
        add_action_item(journal, lead_id, "  ")
    keep = add_action_item(journal, lead_id, " Keep me ")
    gone = add_action_item(journal, lead_id, "Delete me")

    delete_action_item(journal, gone.id or 0)
    delete_action_item(journal, gone.id or 0)  # already gone: nothing happens

    assert [(i.id, i.text) for i in action_items_for(journal, lead_id)] == [(keep.id, "Keep me")]
    assert _stored(journal, gone.id or 0) is None


def test_action_items_for_open_by_due_date_then_done_newest_first(journal: Journal) -> None:
    lead_id = _lead(journal)
    other = _lead(journal, "Dev Patel")

    def add(text: str, due: date | None) -> int:
        item = add_action_item(journal, lead_id, text, due_on=due)
        assert item.id is not None
        return item.id

    later = add("Later", _days(9))
    undated = add("Undated", None)
    first = add("First", _days(-3))
    done_old = add("Done long ago", _days(1))
    middle = add("Middle", _days(2))
    done_new = add("Done recently", _days(-10))
    undated_two = add("Undated two", None)
    set_done(journal, done_new, True, on=_days(-1))
    set_done(journal, done_old, True, on=_days(-20))
    add_action_item(journal, other, "Not hers", due_on=_days(-30))

    assert [i.id for i in action_items_for(journal, lead_id)] == [
        first,
        middle,
        later,
        undated,
        undated_two,
        done_new,
        done_old,
    ]
    assert [i.id for i in action_items_for(journal, lead_id, open_only=True)] == [
        first,
        middle,
        later,
        undated,
        undated_two,
    ]


# -- overdue and due soon (pure) --------------------------------------------------------------


def _item(due: date | None, done: date | None = None) -> ActionItem:
    return ActionItem(lead_id=1, text="x", due_on=due, done_on=done)


def test_is_overdue_edges() -> None:
    assert is_overdue(_item(_days(-1)), DAY) is True
    assert is_overdue(_item(_days(-400)), DAY) is True
    assert is_overdue(_item(DAY), DAY) is False
    assert is_overdue(_item(_days(1)), DAY) is False
    assert is_overdue(_item(None), DAY) is False
    assert is_overdue(_item(_days(-1), done=_days(-2)), DAY) is False


def test_is_due_soon_edges() -> None:
    assert is_due_soon(_item(DAY), DAY) is True
    assert is_due_soon(_item(_days(1)), DAY) is True
    assert is_due_soon(_item(_days(6)), DAY) is True
    assert is_due_soon(_item(_days(7)), DAY) is False
    assert is_due_soon(_item(_days(-1)), DAY) is False
    assert is_due_soon(_item(None), DAY) is False
    assert is_due_soon(_item(DAY, done=DAY), DAY) is False
    assert is_due_soon(_item(_days(3), done=_days(-1)), DAY) is False
