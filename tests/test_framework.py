"""The two frameworks the principal owns: items kept in order, named as the district names
them, and imported from a plain list on real encrypted journals."""

from __future__ import annotations

from pathlib import Path

import pytest

from iltdesk.errors import UsageError
from iltdesk.framework import (
    ListedItem,
    add_item,
    delete_item,
    edit_item,
    framework_items,
    framework_name,
    import_list,
    item_label,
    item_labels,
    move_item,
    parse_list,
    preview_import,
    read_list_file,
    rename_framework,
)
from iltdesk.models import FrameworkKind
from iltdesk.store.journal import Journal

LEAD = FrameworkKind.leadership
TEACHER = FrameworkKind.teacher


def labels(journal: Journal, framework: FrameworkKind = LEAD) -> list[str]:
    return item_labels(journal, framework)


def test_items_are_added_edited_moved_and_deleted_in_order(journal: Journal) -> None:
    vision = add_item(journal, LEAD, "Sets a shared direction", code="1.1")
    adults = add_item(journal, LEAD, "Leads adult learning", code="1.2", description="Cycles")
    add_item(journal, LEAD, "Builds trust", code="2.1")
    add_item(journal, TEACHER, "Checks for understanding", code="3d")
    assert labels(journal) == [
        "1.1 Sets a shared direction",
        "1.2 Leads adult learning",
        "2.1 Builds trust",
    ]
    assert labels(journal, TEACHER) == ["3d Checks for understanding"]

    edit_item(journal, adults.id or 0, code="1.2", title="  Grows  adult learning ", description="")
    assert labels(journal)[1] == "1.2 Grows adult learning"
    assert framework_items(journal, LEAD)[1].description == ""

    assert move_item(journal, vision.id or 0, 1)
    assert labels(journal)[:2] == ["1.2 Grows adult learning", "1.1 Sets a shared direction"]
    assert not move_item(journal, adults.id or 0, -1)  # already first
    assert move_item(journal, adults.id or 0, 2)
    assert labels(journal) == [
        "1.1 Sets a shared direction",
        "2.1 Builds trust",
        "1.2 Grows adult learning",
    ]
    assert [i.position for i in framework_items(journal, LEAD)] == [0, 1, 2]

    delete_item(journal, vision.id or 0)
    assert labels(journal) == ["2.1 Builds trust", "1.2 Grows adult learning"]
    added = add_item(journal, LEAD, "Holds hard conversations")
    assert labels(journal)[-1] == "Holds hard conversations" == item_label(added)
    with pytest.raises(UsageError, match="framework item #9999"):
        delete_item(journal, 9999)


def test_an_item_needs_a_title_and_a_short_code(journal: Journal) -> None:
    with pytest.raises(UsageError, match="needs a title"):
        add_item(journal, LEAD, "   ")
    with pytest.raises(UsageError, match="code fits"):
        add_item(journal, LEAD, "Vision", code="x" * 30)
    item = add_item(journal, LEAD, "Vision")
    with pytest.raises(UsageError, match="needs a title"):
        edit_item(journal, item.id or 0, code="", title="", description="")
    assert labels(journal) == ["Vision"]


def test_each_framework_is_named_as_the_district_names_it(journal: Journal) -> None:
    assert framework_name(journal, LEAD) == "Leadership framework"
    assert framework_name(journal, TEACHER) == "Teacher-practice rubric"
    rename_framework(journal, LEAD, "  Leader  Standards ")
    assert framework_name(journal, LEAD) == "Leader Standards"
    assert journal.settings()["framework_name_leadership"] == "Leader Standards"
    assert framework_name(journal, TEACHER) == "Teacher-practice rubric"
    assert rename_framework(journal, LEAD, "") == "Leadership framework"
    assert framework_name(journal, LEAD) == "Leadership framework"


# -- reading a list -----------------------------------------------------------------------------


def test_each_list_shape_is_read() -> None:
    assert parse_list("1.1\tSets direction\tWith the team\n\n1.2\tLeads learning\n") == [
        ListedItem("1.1", "Sets direction", "With the team"),
        ListedItem("1.2", "Leads learning"),
    ]
    csv_text = 'Code,Title,Description\n1.1,Sets direction,"Vision, mission"\n1.2,Leads learning,\n'
    assert parse_list(csv_text) == [
        ListedItem("1.1", "Sets direction", "Vision, mission"),
        ListedItem("1.2", "Leads learning"),
    ]
    assert parse_list("A,Plans lessons\nB,Checks for understanding") == [
        ListedItem("A", "Plans lessons"),
        ListedItem("B", "Checks for understanding"),
    ]
    assert parse_list(
        "2.1 Leads adult learning\n3d — Uses assessment\n4. Reflects\nIV.2 Builds trust"
    ) == [
        ListedItem("2.1", "Leads adult learning"),
        ListedItem("3d", "Uses assessment"),
        ListedItem("4", "Reflects"),
        ListedItem("IV.2", "Builds trust"),
    ]
    # Plain titles, even with commas in them, stay whole.
    assert parse_list("Leading, learning and growing\nBuilding trust") == [
        ListedItem("", "Leading, learning and growing"),
        ListedItem("", "Building trust"),
    ]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "empty"),
        ("\n  \n", "empty"),
        ("Code,Title\n", "header but no items"),
        ("1.1 Vision\n" + "x" * 1200, "Line 2 runs over"),
        ("abc\x00\x01def", "not a text list"),
        ("1.1\t \tWith the team\n", "Line 1 has a code but no title"),
    ],
)
def test_a_list_that_is_not_one_is_refused_in_a_sentence(text: str, says: str) -> None:
    with pytest.raises(UsageError, match=says) as refused:
        parse_list(text)
    assert str(refused.value).count(".") + str(refused.value).count(":") >= 1
    assert "\n" not in str(refused.value)


def test_a_file_is_read_as_text_and_a_binary_one_refused(tmp_path: Path) -> None:
    listed = tmp_path / "standards.csv"
    listed.write_bytes("\ufeffCode,Title\n1.1,Gère l'équipe\n".encode())
    assert parse_list(read_list_file(listed)) == [ListedItem("1.1", "Gère l'équipe")]
    old = tmp_path / "old.csv"
    old.write_bytes("1.1,Caf\xe9 talks\n".encode("cp1252"))
    assert parse_list(read_list_file(old)) == [ListedItem("1.1", "Café talks")]
    picture = tmp_path / "rubric.pdf"
    picture.write_bytes(b"%PDF-1.7\x00\x00\xff\xfe")
    with pytest.raises(UsageError, match=r"rubric\.pdf is not a text list"):
        read_list_file(picture)
    with pytest.raises(UsageError, match="could not be read"):
        read_list_file(tmp_path / "missing.txt")


# -- importing ----------------------------------------------------------------------------------


def test_the_preview_says_what_is_new_and_what_is_there_and_writes_nothing(
    journal: Journal,
) -> None:
    add_item(journal, LEAD, "Sets direction", code="1.1")
    add_item(journal, LEAD, "Builds trust")
    text = "1.1\tSets a direction\n1.2\tLeads learning\nBuilds trust\n1.2\tLeads learning\n"
    preview = preview_import(journal, LEAD, text)
    assert [i.label for i in preview.new] == ["1.2 Leads learning"]
    assert [i.label for i in preview.already] == ["1.1 Sets a direction", "Builds trust"]
    assert labels(journal) == ["1.1 Sets direction", "Builds trust"]


def test_importing_adds_after_the_own_items_and_twice_adds_nothing(journal: Journal) -> None:
    add_item(journal, LEAD, "Holds hard conversations")
    text = "Code,Title,Description\n1.1,Sets direction,With the team\n1.2,Leads learning,\n"
    done = import_list(journal, LEAD, text)
    assert len(done.new) == 2 and not done.already
    assert labels(journal) == [
        "Holds hard conversations",
        "1.1 Sets direction",
        "1.2 Leads learning",
    ]
    assert framework_items(journal, LEAD)[1].description == "With the team"
    again = import_list(journal, LEAD, text)
    assert not again.new and len(again.already) == 2
    assert len(labels(journal)) == 3
    assert labels(journal, TEACHER) == []


def test_bad_input_writes_nothing(journal: Journal) -> None:
    add_item(journal, LEAD, "Sets direction", code="1.1")
    before = labels(journal)
    for text in ("1.2 Leads learning\n" + "y" * 5000, "bin\x00ary", "", "Code,Title\n"):
        with pytest.raises(UsageError):
            import_list(journal, LEAD, text)
    with pytest.raises(UsageError, match="up to 500 items"):
        import_list(journal, LEAD, "\n".join(f"{n}. Item {n}" for n in range(600)))
    assert labels(journal) == before
