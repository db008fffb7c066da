"""The names guard's rules, without a screen: who an export's text names besides its lead,
and how each appears once the principal has chosen (as written, initials, a role)."""

from __future__ import annotations

import html
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest

from iltdesk.cli.names import choices_from, guard
from iltdesk.errors import UsageError
from iltdesk.lead import add_lead
from iltdesk.names_guard import (
    NameChoice,
    NamedPerson,
    Treatment,
    apply_choices,
    find_names,
    initials,
    suggested_role,
)
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE

Ids = dict[str, int]


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Journal, Ids]]:
    """One journal of leads, shared by these read-only tests."""
    path = tmp_path_factory.mktemp("guard") / "school.iltdesk"
    journal = Journal.create(path, PASSPHRASE, school="Riverside Middle", principal="A. Rivera")
    cast = {
        "Amara Okafor": ("Team Lead", "7th grade team"),
        "Marcus Reed": ("Department head", "Science department"),
        "Will Tan": ("Team Lead", "6th grade team"),
        "Ngọc Trần": ("Team Specialist", "Multilingual learners, 8th grade"),
        "Zoë O'Neil": ("Assistant principal", "7th grade and electives"),
        "Anne-Marie Roy": ("", ""),
        "Dr. Lena Fischer": ("Dean of Instruction", "Whole school"),
    }
    ids = {name: add_lead(journal, name, role=r, team=t).id or 0 for name, (r, t) in cast.items()}
    yield journal, ids
    journal.close()


def named(school: tuple[Journal, Ids], about: str | None, text: str) -> dict[str, NamedPerson]:
    journal, ids = school
    return {p.name: p for p in find_names(journal, ids[about] if about else None, text)}


def test_other_leads_and_titled_names_are_listed_in_the_order_met(
    school: tuple[Journal, Ids],
) -> None:
    text = "Co-planned with Ms. Pham, then Marcus Reed joined. Mr Okafor came late."
    people = find_names(school[0], school[1]["Will Tan"], text)
    assert [p.name for p in people] == ["Ms. Pham", "Marcus Reed", "Amara Okafor"]
    assert [p.mentions for p in people] == [1, 1, 1]


def test_a_leads_every_form_is_one_person(school: tuple[Journal, Ids]) -> None:
    text = "Amara Okafor led. Later Ms. Okafor asked Amara for data; AMARA OKAFOR agreed."
    amara = named(school, "Will Tan", text)["Amara Okafor"]
    assert amara.mentions == 4
    assert amara.forms == ("Amara Okafor", "Ms. Okafor", "Amara", "AMARA OKAFOR")
    assert len(named(school, "Will Tan", text)) == 1


def test_the_exports_lead_is_never_listed_in_any_form(school: tuple[Journal, Ids]) -> None:
    text = "Marcus Reed, Mr. Reed and Marcus: all the same lead. Dr. Lee helped."
    assert list(named(school, "Marcus Reed", text)) == ["Dr. Lee"]
    text = "<h1>Marcus Reed</h1><p>Marcus met Mr Reed's team.</p>"
    assert named(school, "Marcus Reed", text) == {}


def test_readers_of_a_team_summary_are_not_listed(school: tuple[Journal, Ids]) -> None:
    journal, ids = school
    text = "Amara Okafor and Marcus Reed spoke; Ms. Pham visited."
    people = find_names(journal, None, text, readers=[ids["Amara Okafor"], ids["Marcus Reed"]])
    assert [p.name for p in people] == ["Ms. Pham"]


def test_a_first_name_that_is_a_common_word_counts_only_in_full(
    school: tuple[Journal, Ids],
) -> None:
    text = "Will the team agree? We will see in May. Will Tan thinks so."
    will = named(school, "Amara Okafor", text)
    assert list(will) == ["Will Tan"]
    assert will["Will Tan"].forms == ("Will Tan",)


def test_lower_case_words_and_lone_titles_are_no_names(school: tuple[Journal, Ids]) -> None:
    text = "the coach said amara was right; Coach helped; Ms. P. and Dr. Monday; coach Lee."
    assert named(school, "Will Tan", text) == {}


def test_unicode_hyphenated_and_apostrophe_names(school: tuple[Journal, Ids]) -> None:
    text = "Ngọc Trần's plan; Zoë O'Neil, Anne-Marie Roy (and Mr. Roy-Smith, not Roy)."
    people = named(school, "Will Tan", text)
    assert list(people) == ["Ngọc Trần", "Zoë O'Neil", "Anne-Marie Roy", "Mr. Roy-Smith"]
    assert people["Ngọc Trần"].forms == ("Ngọc Trần",)


def test_decomposed_text_finds_a_composed_name(school: tuple[Journal, Ids]) -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", "Met Zoë O'Neil today.")
    assert list(named(school, "Will Tan", text)) == ["Zoë O'Neil"]


def test_a_lead_stored_with_a_title(school: tuple[Journal, Ids]) -> None:
    people = named(school, "Will Tan", "Dr. Lena Fischer and Lena; Dr Fischer agreed.")
    assert list(people) == ["Dr. Lena Fischer"]
    assert people["Dr. Lena Fischer"].mentions == 3


def test_two_word_titled_names_stop_before_a_weekday(school: tuple[Journal, Ids]) -> None:
    people = named(school, "Will Tan", "Ms. Linh Pham came; Ms. Pham Monday, and Ms. Pham.")
    assert list(people) == ["Ms. Linh Pham"]
    assert people["Ms. Linh Pham"].forms == ("Ms. Linh Pham", "Ms. Pham")


def test_names_in_tags_and_attributes_are_not_read(school: tuple[Journal, Ids]) -> None:
    text = '<p title="Marcus Reed" class="Ms. Pham"><!-- Dr. Lee --><style>.Amara{}</style>ok</p>'
    assert named(school, "Will Tan", text) == {}


def test_suggested_roles_say_what_not_who() -> None:
    assert suggested_role("Team Lead", "7th grade team") == "a 7th-grade teacher"
    assert suggested_role("Team Specialist", "Multilingual learners, 8th grade") == (
        "an 8th-grade teacher"
    )
    assert suggested_role("Department head", "Math department") == "a math teacher"
    assert suggested_role("Assistant principal", "7th grade") == "an assistant principal"
    assert suggested_role("", "") == "a colleague"
    assert suggested_role("Instructional specialist", "") == "an instructional specialist"


def test_initials() -> None:
    assert initials("Ms. Pham") == "Ms. P."
    assert initials("Ms Pham") == "Ms P."
    assert initials("Marcus Reed") == "M. R."
    assert initials("Anne-Marie Roy") == "A.-M. R."
    assert initials("Zoë O'Neil") == "Z. O."
    assert initials("Ngọc Trần") == "N. T."
    assert initials("Dr. Lena Fischer") == "Dr. L. F."
    assert initials("Amara") == "A."


AMARA = NamedPerson(
    "Amara Okafor", "a 7th-grade teacher", 3, ("Amara Okafor", "Ms. Okafor", "Amara")
)
PHAM = NamedPerson("Ms. Pham", "a colleague", 2, ("Ms. Pham", "Ms Pham"))


def test_initials_and_roles_replace_every_form() -> None:
    text = "Amara Okafor met Ms. Pham. Later, Ms Pham saw Amara; Ms. Okafor's data."
    chosen = {
        "Amara Okafor": NameChoice(Treatment.role),
        "Ms. Pham": NameChoice(Treatment.initials),
    }
    assert apply_choices(text, [AMARA, PHAM], chosen) == (
        "A 7th-grade teacher met Ms. P. Later, Ms P. saw a 7th-grade teacher; "
        "a 7th-grade teacher's data."
    )


def test_keep_is_the_default_and_leaves_the_text_as_it_was() -> None:
    text = "Amara met Ms. Pham."
    assert apply_choices(text, [AMARA, PHAM], {}) is text
    assert apply_choices(text, [AMARA, PHAM], {"Ms. Pham": NameChoice()}) is text


def test_a_choice_may_name_any_form_in_any_case() -> None:
    chosen = {"ms. okafor": NameChoice(Treatment.initials)}
    assert apply_choices("Amara, Ms. Okafor.", [AMARA], chosen) == "A., Ms. O."


def test_role_words_the_principal_wrote() -> None:
    chosen = {"Ms. Pham": NameChoice(Treatment.role, "a science teacher")}
    out = apply_choices('- Ms. Pham led.\n\n"Ms. Pham," I said, (Ms. Pham)', [PHAM], chosen)
    assert out == '- A science teacher led.\n\n"A science teacher," I said, (a science teacher)'


def test_html_stays_valid_and_attributes_untouched() -> None:
    text = (
        '<html><body><h2 title="Ms. Pham">Ms. Pham</h2><p>With <b>Amara</b> &amp; '
        "Ms. Pham's class.</p></body></html>"
    )
    chosen = {"Ms. Pham": NameChoice(Treatment.role, "a <new> teacher & coach")}
    out = apply_choices(text, [AMARA, PHAM], chosen)
    assert 'title="Ms. Pham"' in out
    assert '<h2 title="Ms. Pham">A &lt;new&gt; teacher &amp; coach</h2>' in out
    assert "<b>Amara</b> &amp; a &lt;new&gt; teacher &amp; coach's class." in out
    assert html.unescape(_visible(out)).count("Pham") == 0
    wrapped = "<p>Done.\n  Ms. Pham came, with\n  Ms. Pham's notes</p>"
    assert apply_choices(wrapped, [PHAM], chosen).replace("&lt;new&gt;", "new") == (
        "<p>Done.\n  A new teacher &amp; coach came, with\n  a new teacher &amp; coach's notes</p>"
    )


def test_names_next_to_punctuation_and_no_double_full_stop() -> None:
    chosen = {"Amara Okafor": NameChoice(Treatment.initials)}
    text = "(Amara Okafor), “Amara”: Amara! Met Amara. Amara's, Amara—Amara…"
    assert apply_choices(text, [AMARA], chosen) == "(A. O.), “A.”: A.! Met A. A.'s, A.—A.…"


def test_a_name_inside_a_longer_word_or_name_is_left() -> None:
    chosen = {"Amara Okafor": NameChoice(Treatment.initials)}
    text = "Amaranth, Amara-Lee, O'Amara, Amara Okafor-Smith, Amara Jones"
    assert apply_choices(text, [AMARA], chosen) == text
    assert apply_choices("Amara Monday", [AMARA], chosen) == "A. Monday"


def _visible(markup: str) -> str:
    class Text(HTMLParser):
        seen = ""

        def handle_data(self, data: str) -> None:
            self.seen += data

    parser = Text()
    parser.feed(markup)
    return parser.seen


def test_choices_from_specs() -> None:
    assert choices_from(["Ms. Pham=initials", "Marcus Reed=role:a science teacher", "X=keep"]) == {
        "Ms. Pham": NameChoice(Treatment.initials),
        "Marcus Reed": NameChoice(Treatment.role, "a science teacher"),
        "X": NameChoice(),
    }
    assert choices_from(["Amara = Role"]) == {"Amara": NameChoice(Treatment.role)}
    for bad in ["Ms. Pham", "=initials", "Ms. Pham=hide", "Ms. Pham=initials:x:y"]:
        with pytest.raises(UsageError, match="is not NAME=keep"):
            choices_from([bad])


def test_guard_applies_the_specs_and_names_the_rest(
    school: tuple[Journal, Ids], capsys: pytest.CaptureFixture[str]
) -> None:
    journal, ids = school
    text = "<p>Ms. Pham met Marcus Reed and Dr. Lee.</p>"
    out = guard(text, journal, ids["Will Tan"], ["Ms. Pham=initials", "Mr. Nobody=role"])
    assert out == "<p>Ms. P. met Marcus Reed and Dr. Lee.</p>"
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "--name 'Mr. Nobody': no one by that name is in it.",
        "Also named in it: Marcus Reed, Dr. Lee (kept as written; "
        "choose with --name 'NAME=initials|role').",
    ]


def test_escaped_html_and_curly_apostrophes(school: tuple[Journal, Ids]) -> None:
    journal, ids = school
    text = "<p>" + html.escape("Zoë O'Neil’s plan for Ms. Pham’s class") + "</p>"
    people = find_names(journal, ids["Will Tan"], text)
    assert [p.name for p in people] == ["Zoë O'Neil", "Ms. Pham"]
    chosen = {p.name: NameChoice(Treatment.initials) for p in people}
    assert apply_choices(text, people, chosen) == "<p>Z. O.’s plan for Ms. P.’s class</p>"
