"""Full-text search through real encrypted journals: queries, kinds, snippets, ranking, sync."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from iltdesk import search_days
from iltdesk.cli.main import main
from iltdesk.models import (
    ActionItem,
    AgendaItem,
    AgreementExpectation,
    Challenge,
    ChallengeLogEntry,
    CharterVersion,
    CoachingAgreement,
    CycleActivity,
    EnergyCheck,
    ForceCard,
    ForceKind,
    Lead,
    LeadershipNote,
    LeadTrait,
    LearningCycle,
    MeetingFeedback,
    Observation,
    OneOnOne,
    PrincipalEnergy,
    ScopeItem,
    SelfCheck,
    SelfCheckAreaNote,
    TensionNote,
    TraitKind,
)
from iltdesk.search import MARK_END, MARK_START, Hit, search
from iltdesk.search_index import CURRENT_SOURCES, INDEX_TABLE
from iltdesk.search_lists import refill_sql
from iltdesk.search_query import Query, parse
from iltdesk.search_tables import TITLE_TABLE
from iltdesk.store.connection import Connection
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE


def add_lead(journal: Journal, name: str = "Dana Whitfield", **fields: object) -> Lead:
    with journal.write() as s:
        lead = Lead(name=name, **fields)
        s.add(lead)
    return lead


def add_one_on_one(journal: Journal, lead: Lead, notes: str, held_on: date) -> OneOnOne:
    with journal.write() as s:
        meeting = OneOnOne(lead_id=lead.id, notes=notes, held_on=held_on)
        s.add(meeting)
    return meeting


def keys(hits: list[Hit]) -> list[tuple[str, int]]:
    return [(h.kind, h.record_id) for h in hits]


def assert_index_in_step(journal: Journal) -> None:
    """FTS5's own integrity check passes, the index (every word of every record, titles
    too) equals one filled afresh from the tables, and every record's day is beside it."""
    for table in (INDEX_TABLE, TITLE_TABLE):
        journal.execute(f"INSERT INTO {table}({table}, rank) VALUES('integrity-check', 1)")

    def entries(conn: Connection) -> list[object]:
        found: list[object] = []
        for table in (INDEX_TABLE, TITLE_TABLE):
            conn.execute(
                f"CREATE VIRTUAL TABLE temp.v_{table} USING fts5vocab(main, {table}, instance)"
            )
            found += conn.execute(f"SELECT term, doc FROM temp.v_{table} ORDER BY 1, 2").fetchall()
            conn.execute(f"DROP TABLE temp.v_{table}")
        return found

    with journal.raw() as conn:
        assert search_days.out_of_step(conn, CURRENT_SOURCES) == []
        live = entries(conn)
        conn.execute("SAVEPOINT fresh_index")
        try:
            for statement in refill_sql(CURRENT_SOURCES):
                conn.execute(statement)
            fresh = entries(conn)
        finally:
            conn.execute("ROLLBACK TO fresh_index")
            conn.execute("RELEASE fresh_index")
    assert live == fresh


# -- parse -----------------------------------------------------------------------------------------


def test_words_must_all_match_and_the_last_is_a_prefix() -> None:
    assert parse("team data") == Query(("team",), "data", ())


def test_a_trailing_space_ends_the_prefix() -> None:
    assert parse("team data ") == Query(("team", "data"), None, ())


def test_quoted_phrases_are_checked_in_order() -> None:
    assert parse('"team meeting" norms') == Query(
        ("team", "meeting"), "norms", (("team", "meeting"),)
    )
    # A closing quote ends the typing of the last term: no prefix.
    assert parse('norms "team meeting"') == Query(
        ("norms", "team", "meeting"), None, (("team", "meeting"),)
    )


def test_operator_words_and_characters_become_plain_words() -> None:
    assert parse("a AND b OR NOT cat") == Query(("a", "and", "b", "or", "not"), "cat", ())
    assert parse("NEAR(data, walk) title:norms ^x-yz*") == Query(
        ("near", "data", "walk", "title", "norms", "x"), "yz", ()
    )


def test_a_single_letter_is_not_a_prefix() -> None:
    # "d*" would match half the journal; a prefix starts at the second letter.
    assert parse("data d") == Query(("data", "d"), None, ())
    assert parse("data da") == Query(("data",), "da", ())


@pytest.mark.parametrize("text", ["", "   ", "*", "()", '"', '""', "^:-+", "…", "— ! ? ;"])
def test_nothing_to_search_for_gives_no_query(text: str) -> None:
    assert parse(text) is None


# -- user input through search() -------------------------------------------------------------------


def test_fts5_syntax_in_user_input_never_raises(journal: Journal) -> None:
    lead = add_lead(journal, "Dana Whitfield")
    meeting = add_one_on_one(journal, lead, "Planned data walkthroughs and norms", date(2024, 3, 4))
    for text in [
        "AND",
        "OR",
        "NOT",
        "NEAR",
        "data AND",
        "OR walkthroughs",
        "NOT norms",
        "NEAR(data norms)",
        "NEAR(data norms, 2)",
        "data*",
        "*data",
        "^data",
        "data:",
        ":data",
        "notes:data",
        "title:walkthroughs",
        "(data",
        "data)",
        "((data) OR (norms))",
        '"data',
        'data"',
        '"data norms',
        '"""',
        "data-walkthroughs",
        "-data",
        "data - norms",
        "{title body}: data",
        "data + norms",
        "_",
        "__init__",
        "data _",
        "a\"b'c",
        "'; DROP TABLE lead; --",
    ]:
        hits = search(journal, text)
        assert isinstance(hits, list), text
    # Operators are plain words; what the person meant is still found.
    for text in ["^data", "data*", "(data", "-data", '"data', "data-walkthroughs", "data:"]:
        assert keys(search(journal, text)) == [("one_on_one", meeting.id)], text
    assert search(journal, "title:walkthroughs") == []  # "title" is not in the note
    assert search(journal, "Dana") != []  # and the table is still there


def test_empty_or_punctuation_only_text_finds_nothing(journal: Journal) -> None:
    add_lead(journal, "Dana Whitfield", notes="* ( ) ! — punctuation everywhere")
    for text in ["", "   ", "*", '"', "()", "!!!", "—"]:
        assert search(journal, text) == [], text


# -- every kind of record --------------------------------------------------------------------------


def test_each_kind_is_found_with_its_record_lead_and_date(journal: Journal) -> None:
    with journal.write() as s:
        lead = Lead(name="Marisol Quintero", role="Eighth grade algebraist", on_ilt_since=None)
        other = Lead(name="Other Person", role="Science", on_ilt_since=date(2022, 8, 1))
        s.add_all([lead, other])
        s.flush()
        assert lead.id is not None
        trait = LeadTrait(
            lead_id=lead.id,
            kind=TraitKind.strength,
            title="Facilitation",
            evidence="Ran a quillfeather protocol",
            noted_on=date(2024, 1, 5),
        )
        energy = EnergyCheck(
            lead_id=lead.id, level=2, note="Tired from bellwether duty", checked_on=date(2024, 1, 6)
        )
        meeting = OneOnOne(
            lead_id=lead.id,
            held_on=date(2024, 1, 8),
            notes="Discussed bramblewood planning",
            feedback_given="Praised cobblestone pacing",
        )
        s.add_all([trait, energy, meeting])
        s.flush()
        assert meeting.id is not None
        agenda = AgendaItem(one_on_one_id=meeting.id, text="Dandelion schedule", notes="")
        action = ActionItem(
            lead_id=lead.id, text="Send emberglow summary", due_on=date(2024, 1, 12)
        )
        agreement = CoachingAgreement(
            lead_id=lead.id, agreed_on=date(2024, 1, 2), coaching_approach="Fjordland questions"
        )
        cycle = LearningCycle(
            lead_id=lead.id,
            started_on=date(2024, 1, 15),
            goal="Hollyhock discourse in every lesson",
            lead_reflection="Inkwell journaling helped",
            principal_reflection="Juniper routines stuck",
        )
        s.add_all([agenda, action, agreement, cycle])
        s.flush()
        assert agreement.id is not None and cycle.id is not None
        expectation = AgreementExpectation(agreement_id=agreement.id, text="Gossamer punctuality")
        activity = CycleActivity(
            cycle_id=cycle.id,
            happened_on=date(2024, 1, 20),
            title="Kestrel modelling",
            notes="Co-taught a lesson",
        )
        observation = Observation(
            lead_id=lead.id, observed_on=date(2024, 1, 22), evidence="Lanternfish turn-and-talk"
        )
        challenge = Challenge(
            title="Attendance slump",
            opened_on=date(2024, 2, 1),
            equity="Marigold students miss most",
            root_causes="Nasturtium bus routes",
            statement="Umber story so far",
        )
        s.add_all([expectation, activity, observation, challenge])
        s.flush()
        assert challenge.id is not None
        card = ForceCard(challenge_id=challenge.id, kind=ForceKind.asset, text="Nightjar mentors")
        log = ChallengeLogEntry(
            challenge_id=challenge.id, logged_on=date(2024, 2, 9), text="Orchard decision made"
        )
        check = SelfCheck(taken_on=date(2024, 3, 1), note="")
        s.add_all([card, log, check])
        s.flush()
        assert check.id is not None
        area_note = SelfCheckAreaNote(
            self_check_id=check.id, area="Data use", note="Pumpernickel dashboards"
        )
        tension = TensionNote(
            tension="autonomy_alignment",
            noted_on=date(2024, 3, 3),
            evidence="Quokka grading",
            decision="Vervain pilot",
        )
        charter = CharterVersion(
            made_on=date(2024, 8, 20), purpose="Rhubarb learning for all", coach_qualities="Wombat"
        )
        scope = ScopeItem(
            period="Autumn",
            starts_on=date(2024, 9, 2),
            focus="Saffron data cycles",
            professional_learning="Xylophone study",
        )
        own = LeadershipNote(noted_on=date(2024, 3, 12), text="Yarrow: tell me more")
        energy = PrincipalEnergy(checked_on=date(2024, 3, 13), level=2, note="Zither week")
        feedback = MeetingFeedback(
            met_on=date(2024, 3, 10), plus="Tamarind pacing", delta="Umbrella agenda too long"
        )
        s.add_all([area_note, tension, charter, scope, feedback, own, energy])

    expected: dict[str, tuple[str, int | None, int | None, date | None]] = {
        "quintero": ("lead", lead.id, lead.id, None),
        "algebraist": ("lead", lead.id, lead.id, None),
        "quillfeather": ("trait", trait.id, lead.id, date(2024, 1, 5)),
        "bellwether": ("energy", energy.id, lead.id, date(2024, 1, 6)),
        "bramblewood": ("one_on_one", meeting.id, lead.id, date(2024, 1, 8)),
        "cobblestone": ("one_on_one", meeting.id, lead.id, date(2024, 1, 8)),
        "dandelion": ("agenda_item", agenda.id, lead.id, date(2024, 1, 8)),
        "emberglow": ("action_item", action.id, lead.id, date(2024, 1, 12)),
        "fjordland": ("agreement", agreement.id, lead.id, date(2024, 1, 2)),
        "gossamer": ("expectation", expectation.id, lead.id, date(2024, 1, 2)),
        "hollyhock": ("cycle", cycle.id, lead.id, date(2024, 1, 15)),
        "inkwell": ("cycle", cycle.id, lead.id, date(2024, 1, 15)),
        "juniper": ("cycle", cycle.id, lead.id, date(2024, 1, 15)),
        "kestrel": ("activity", activity.id, lead.id, date(2024, 1, 20)),
        "lanternfish": ("observation", observation.id, lead.id, date(2024, 1, 22)),
        "marigold": ("challenge", challenge.id, None, date(2024, 2, 1)),
        "nasturtium": ("challenge", challenge.id, None, date(2024, 2, 1)),
        "umber": ("challenge", challenge.id, None, date(2024, 2, 1)),
        "nightjar": ("force_card", card.id, None, date(2024, 2, 1)),
        "orchard": ("challenge_log", log.id, None, date(2024, 2, 9)),
        "pumpernickel": ("self_check_note", area_note.id, None, date(2024, 3, 1)),
        "quokka": ("tension", tension.id, None, date(2024, 3, 3)),
        "rhubarb": ("charter", charter.id, None, date(2024, 8, 20)),
        "wombat": ("charter", charter.id, None, date(2024, 8, 20)),
        "saffron": ("scope_item", scope.id, None, date(2024, 9, 2)),
        "xylophone": ("scope_item", scope.id, None, date(2024, 9, 2)),
        "vervain": ("tension", tension.id, None, date(2024, 3, 3)),
        "yarrow": ("leadership_note", own.id, None, date(2024, 3, 12)),
        "zither": ("own_energy", energy.id, None, date(2024, 3, 13)),
        "tamarind": ("meeting_feedback", feedback.id, None, date(2024, 3, 10)),
        "umbrella": ("meeting_feedback", feedback.id, None, date(2024, 3, 10)),
    }
    problems = []
    for word, (kind, record_id, lead_id, happened_on) in expected.items():
        hits = search(journal, word)
        got = [(h.kind, h.record_id, h.lead_id, h.lead_name, h.happened_on) for h in hits]
        want = [(kind, record_id, lead_id, "Marisol Quintero" if lead_id else None, happened_on)]
        if got != want:
            problems.append(f"{word}: got {got}, want {want}")
    assert problems == []

    assert [h.title for h in search(journal, "hollyhock")] == [cycle.goal]
    assert [h.title for h in search(journal, "rhubarb")] == ["ILT charter"]
    assert [h.kind_label for h in search(journal, "gossamer")] == ["Agreement expectation"]
    assert_index_in_step(journal)


# -- snippets --------------------------------------------------------------------------------------


def test_snippet_highlights_the_matched_word(journal: Journal) -> None:
    lead = add_lead(journal)
    add_one_on_one(journal, lead, "We planned Walkthroughs for the science team.", date(2024, 3, 4))

    [hit] = search(journal, "walkthroughs")
    assert [text for text, lit in hit.snippet_parts() if lit] == ["Walkthroughs"]
    assert "".join(text for text, _ in hit.snippet_parts()) == (
        "We planned Walkthroughs for the science team."
    )
    assert hit.marked("[", "]") == "We planned [Walkthroughs] for the science team."
    assert MARK_START not in hit.marked("[", "]") and MARK_END not in hit.marked("[", "]")

    # A prefix highlights the whole word found.
    [hit] = search(journal, "walk")
    assert [text for text, lit in hit.snippet_parts() if lit] == ["Walkthroughs"]
    [hit] = search(journal, "science ")
    assert hit.marked("<b>", "</b>") == "We planned Walkthroughs for the <b>science</b> team."


def test_phrase_matches_the_words_in_order_and_highlights_them(journal: Journal) -> None:
    lead = add_lead(journal)
    add_one_on_one(
        journal, lead, "The team meeting ran long; meeting the team went well.", date(2024, 3, 4)
    )

    [hit] = search(journal, '"team meeting"')
    assert "[team meeting]" in hit.marked("[", "]")
    assert search(journal, '"team went long"') == []


def test_long_notes_give_a_short_snippet_around_the_match(journal: Journal) -> None:
    lead = add_lead(journal)
    filler = " ".join(f"word{i}" for i in range(200))
    add_one_on_one(journal, lead, f"{filler} zeppelin {filler}", date(2024, 3, 4))

    [hit] = search(journal, "zeppelin")
    assert "[zeppelin]" in hit.marked("[", "]")
    assert len(hit.snippet.split()) <= 16
    assert "…" in hit.snippet


def test_only_the_last_word_is_a_prefix_and_only_while_typing(journal: Journal) -> None:
    lead = add_lead(journal)
    add_one_on_one(journal, lead, "Walkthroughs and norms", date(2024, 3, 4))

    assert len(search(journal, "walk")) == 1
    assert len(search(journal, "norms walk")) == 1
    assert search(journal, "walk ") == []  # a finished word must match whole
    assert search(journal, "walk norms") == []  # earlier words are whole words


def test_every_prefix_of_a_word_finds_it_while_typing(journal: Journal) -> None:
    lead = add_lead(journal)
    add_one_on_one(journal, lead, "A coaching session about happiness", date(2024, 3, 4))

    missing = [
        word[:n]
        for word in ("coaching", "happiness")
        for n in range(3, len(word) + 1)
        if not search(journal, word[:n])
    ]
    assert missing == []


# -- stemming, diacritics, other scripts -----------------------------------------------------------


def test_the_word_being_typed_matches_longer_forms(journal: Journal) -> None:
    # No stemmer: what is typed is matched literally, the last word as a prefix, so results
    # never blink out mid-word (a Porter stemmer made "coachi" miss "coaching").
    lead = add_lead(journal)
    add_one_on_one(journal, lead, "She is coaching new teachers", date(2024, 3, 4))

    assert len(search(journal, "coach")) == 1
    assert len(search(journal, "teacher")) == 1
    assert len(search(journal, "coach ")) == 0  # a finished word must match whole
    assert len(search(journal, "coaching teachers ")) == 1


def test_diacritics_are_ignored_both_ways(journal: Journal) -> None:
    zoe = add_lead(journal, "Zoë Brontë")
    add_lead(journal, "Renee Dubois", notes="Joined from the café programme")

    assert [h.record_id for h in search(journal, "zoe")] == [zoe.id]
    assert [h.record_id for h in search(journal, "ZOË")] == [zoe.id]
    assert [h.record_id for h in search(journal, "bronte ")] == [zoe.id]
    assert len(search(journal, "cafe")) == 1
    assert len(search(journal, "renée")) == 1
    [hit] = search(journal, "zoe")
    assert [text for text, lit in hit.snippet_parts() if lit] == ["Zoë"]


def test_japanese_and_greek_round_trip_into_snippets(journal: Journal) -> None:
    lead = add_lead(journal)
    note = "会議 について 話した。 Συνάντηση ομάδας για την αξιολόγηση."
    add_one_on_one(journal, lead, note, date(2024, 3, 4))

    [hit] = search(journal, "会議")
    assert hit.marked("[", "]") == note.replace("会議", "[会議]")
    [hit] = search(journal, "αξιολόγηση")
    assert hit.marked("[", "]") == note.replace("αξιολόγηση", "[αξιολόγηση]")
    [hit] = search(journal, "συνάντηση")  # case folds in Greek too
    assert [text for text, lit in hit.snippet_parts() if lit] == ["Συνάντηση"]


# -- the index stays in step -----------------------------------------------------------------------


def test_editing_a_note_moves_its_match(journal: Journal) -> None:
    lead = add_lead(journal)
    meeting = add_one_on_one(journal, lead, "Talked about marzipan", date(2024, 3, 4))

    with journal.write() as s:
        row = s.get(OneOnOne, meeting.id)
        assert row is not None
        row.notes = "Talked about licorice"

    assert search(journal, "marzipan") == []
    assert keys(search(journal, "licorice")) == [("one_on_one", meeting.id)]
    assert_index_in_step(journal)


def test_renaming_a_lead_shows_the_new_name_on_their_hits(journal: Journal) -> None:
    lead = add_lead(journal, "Dana Whitfield")
    add_one_on_one(journal, lead, "Talked about marzipan", date(2024, 3, 4))

    with journal.write() as s:
        row = s.get(Lead, lead.id)
        assert row is not None
        row.name = "Dana Okafor"

    assert [h.lead_name for h in search(journal, "marzipan")] == ["Dana Okafor"]
    assert search(journal, "whitfield") == []
    assert keys(search(journal, "okafor")) == [("lead", lead.id)]


def test_deleting_a_record_removes_its_hits(journal: Journal) -> None:
    lead = add_lead(journal)
    keep = add_one_on_one(journal, lead, "Marzipan planning", date(2024, 3, 4))
    drop = add_one_on_one(journal, lead, "Marzipan review", date(2024, 3, 11))

    with journal.write() as s:
        s.delete(s.get(OneOnOne, drop.id))

    assert keys(search(journal, "marzipan")) == [("one_on_one", keep.id)]
    assert search(journal, "review") == []
    assert_index_in_step(journal)


def test_deleting_a_lead_cascades_out_of_the_index(journal: Journal) -> None:
    gone = add_lead(journal, "Gone Person")
    stays = add_lead(journal, "Stays Person")
    with journal.write() as s:
        meeting = OneOnOne(lead_id=gone.id, held_on=date(2024, 3, 4), notes="Marzipan one")
        kept = OneOnOne(lead_id=stays.id, held_on=date(2024, 3, 4), notes="Marzipan two")
        s.add_all([meeting, kept])
        s.flush()
        s.add(AgendaItem(one_on_one_id=meeting.id, text="Marzipan agenda"))
        s.add(Observation(lead_id=gone.id, evidence="Marzipan observed"))
        s.add(LeadTrait(lead_id=gone.id, kind=TraitKind.growth, title="Marzipan trait"))
        s.add(ActionItem(lead_id=gone.id, text="Marzipan action"))
    assert len(search(journal, "marzipan")) == 6

    with journal.write() as s:
        s.delete(s.get(Lead, gone.id))

    hits = search(journal, "marzipan")
    assert keys(hits) == [("one_on_one", kept.id)]
    assert search(journal, "gone") == []
    assert journal.execute(
        f"SELECT count(*) FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH 'marzipan'"
    ) == [(1,)]
    assert_index_in_step(journal)


def test_nothing_is_stale_after_close_and_reopen(journal: Journal, journal_path: Path) -> None:
    lead = add_lead(journal)
    edited = add_one_on_one(journal, lead, "Talked about marzipan", date(2024, 3, 4))
    deleted = add_one_on_one(journal, lead, "Talked about nougat", date(2024, 3, 11))
    with journal.write() as s:
        row = s.get(OneOnOne, edited.id)
        assert row is not None
        row.notes = "Talked about licorice"
        s.delete(s.get(OneOnOne, deleted.id))
    journal.close()

    with Journal.open(journal_path, PASSPHRASE) as reopened:
        assert search(reopened, "marzipan") == []
        assert search(reopened, "nougat") == []
        assert keys(search(reopened, "licorice")) == [("one_on_one", edited.id)]
        assert_index_in_step(reopened)


def test_a_failed_write_leaves_the_index_unchanged(journal: Journal) -> None:
    lead = add_lead(journal)
    with pytest.raises(RuntimeError), journal.write() as s:
        s.add(OneOnOne(lead_id=lead.id, notes="Marzipan never saved"))
        s.flush()
        raise RuntimeError("the person cancelled")

    assert search(journal, "marzipan") == []
    assert_index_in_step(journal)


def test_changing_a_one_on_ones_date_redates_its_agenda_items(journal: Journal) -> None:
    lead = add_lead(journal)
    meeting = add_one_on_one(journal, lead, "", date(2024, 3, 4))
    with journal.write() as s:
        s.add(AgendaItem(one_on_one_id=meeting.id, text="Dandelion schedule"))

    with journal.write() as s:
        row = s.get(OneOnOne, meeting.id)
        assert row is not None
        row.held_on = date(2024, 3, 18)

    assert [h.happened_on for h in search(journal, "dandelion")] == [date(2024, 3, 18)]


# -- ranking, filters, limits ----------------------------------------------------------------------


def test_a_title_hit_ranks_above_a_newer_body_hit(journal: Journal) -> None:
    lead = add_lead(journal)
    with journal.write() as s:
        titled = LeadTrait(
            lead_id=lead.id,
            kind=TraitKind.growth,
            title="Questioning",
            evidence="Few open prompts in data meetings",
            noted_on=date(2024, 1, 1),
        )
        body = LeadTrait(
            lead_id=lead.id,
            kind=TraitKind.strength,
            title="Facilitation",
            evidence="Strong questioning in data meetings",
            noted_on=date(2024, 5, 1),
        )
        goal = LearningCycle(lead_id=lead.id, goal="Questioning stems", started_on=date(2024, 1, 1))
        observed = Observation(
            lead_id=lead.id, evidence="Used questioning stems twice", observed_on=date(2024, 6, 1)
        )
        s.add_all([titled, body, goal, observed])

    assert keys(search(journal, "questioning", kinds=("trait",))) == [
        ("trait", titled.id),
        ("trait", body.id),
    ]
    assert keys(search(journal, "questioning stems", kinds=("cycle", "observation"))) == [
        ("cycle", goal.id),
        ("observation", observed.id),
    ]


def test_equal_hits_come_newest_first(journal: Journal) -> None:
    lead = add_lead(journal)
    older = add_one_on_one(journal, lead, "Marzipan planning", date(2024, 1, 8))
    newest = add_one_on_one(journal, lead, "Marzipan planning", date(2024, 3, 4))
    middle = add_one_on_one(journal, lead, "Marzipan planning", date(2024, 2, 5))

    assert [h.record_id for h in search(journal, "marzipan")] == [newest.id, middle.id, older.id]


def test_kinds_filter_keeps_only_those_kinds(journal: Journal) -> None:
    lead = add_lead(journal, notes="Marzipan fan")
    meeting = add_one_on_one(journal, lead, "Marzipan chat", date(2024, 3, 4))
    with journal.write() as s:
        observed = Observation(lead_id=lead.id, evidence="Marzipan lesson")
        s.add(observed)
    assert len(search(journal, "marzipan")) == 3

    assert keys(search(journal, "marzipan", kinds=("one_on_one",))) == [("one_on_one", meeting.id)]
    got = search(journal, "marzipan", kinds=("observation", "lead"))
    assert sorted(keys(got)) == sorted([("observation", observed.id), ("lead", lead.id)])
    assert search(journal, "marzipan", kinds=("charter",)) == []


def test_limit_caps_the_number_of_hits(journal: Journal) -> None:
    lead = add_lead(journal)
    with journal.write() as s:
        s.add_all(
            OneOnOne(lead_id=lead.id, held_on=date(2024, 1, day), notes="Marzipan again")
            for day in range(1, 8)
        )

    assert len(search(journal, "marzipan")) == 7
    limited = search(journal, "marzipan", limit=3)
    assert [h.happened_on for h in limited] == [date(2024, 1, d) for d in (7, 6, 5)]
    assert len(search(journal, "marzipan", limit=1)) == 1


# -- the CLI ---------------------------------------------------------------------------------------


def make_cli_journal(path: Path) -> None:
    with Journal.create(path, PASSPHRASE) as j:
        lead = add_lead(j, "Zoë Marlowe")
        add_one_on_one(j, lead, "Planned walkthroughs with the team", date(2024, 3, 4))
        with j.write() as s:
            s.add(CharterVersion(made_on=date(2024, 8, 26), purpose="Walkthroughs every month"))


def test_cli_search_prints_json_hits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cli.iltdesk"
    make_cli_journal(path)
    monkeypatch.setenv("ILTDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # no terminal: never prompt

    assert main(["search", str(path), "walkthroughs", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {tuple(sorted(row)) for row in rows} == {
        ("date", "id", "kind", "lead", "snippet", "title")
    }
    by_kind = {row["kind"]: row for row in rows}
    assert by_kind["one_on_one"] == {
        "kind": "one_on_one",
        "id": 1,
        "lead": "Zoë Marlowe",
        "date": "2024-03-04",
        "title": "",
        "snippet": "Planned **walkthroughs** with the team",
    }
    assert by_kind["charter"]["lead"] is None
    assert by_kind["charter"]["date"] == "2024-08-26"  # a charter version is dated
    assert by_kind["charter"]["title"] == "ILT charter"
    assert by_kind["charter"]["snippet"] == "**Walkthroughs** every month"

    assert main(["search", str(path), "zoe", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["kind"], row["snippet"]) == ("lead", "**Zoë** Marlowe")

    assert main(["search", str(path), "NEAR(", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
