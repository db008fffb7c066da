"""One way to open a journal (``store.opening``): the passphrase sources in one documented
order — keychain, then ILTDESK_PASSPHRASE, then the prompt — used by every opener; and
changing the passphrase with the keychain kept in step."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from iltdesk import keychain
from iltdesk.errors import JournalInUse, KeychainUnavailable, UsageError, WrongPassphrase
from iltdesk.lead import add_lead
from iltdesk.one_on_one import add_quick_note
from iltdesk.quick_note import save_quick_note
from iltdesk.store import opening
from iltdesk.store.journal import Journal
from iltdesk.store.opening import (
    NoPassphrase,
    change_passphrase,
    first_that_opens,
    open_journal,
    passphrases,
)
from iltdesk.store.unlocking import BackgroundUnlock, UnlockAhead, Unlocked
from tests.conftest import PASSPHRASE, REPO, MemoryKeyring

STALE = "a passphrase from before it was changed"
WRONG = "not it at all"
NEW = "a brand new passphrase — ñ"


@pytest.fixture
def closed(journal: Journal) -> Path:
    add_lead(journal, "Maya Ortiz")
    journal.close()
    return journal.path


def recording(tried: list[str]) -> Callable[[Path, str], Journal]:
    def opener(path: Path, secret: str) -> Journal:
        tried.append(secret)
        return Journal.open(path, secret)

    return opener


def asking(answers: list[str], asked: list[int]) -> opening.Ask:
    def ask(attempt: int) -> str:
        asked.append(attempt)
        if not answers:
            raise opening.no_passphrase()
        return answers.pop(0)

    return ask


# -- the order ---------------------------------------------------------------------------------


def test_the_keychain_goes_before_the_environment_before_the_prompt(
    closed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keychain.remember(closed, STALE)
    monkeypatch.setenv(opening.ENV_PASSPHRASE, WRONG)
    tried: list[str] = []
    asked: list[int] = []
    ask = asking([WRONG + "!", PASSPHRASE], asked)
    with open_journal(closed, ask=ask, opener=recording(tried)) as journal:
        assert not journal.closed
    assert tried == [STALE, WRONG, WRONG + "!", PASSPHRASE]
    assert asked == [0, 1]  # the prompt is told it is asking again


def test_a_source_is_asked_only_when_everything_before_it_failed(
    closed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keychain.remember(closed, PASSPHRASE)
    monkeypatch.setenv(opening.ENV_PASSPHRASE, WRONG)
    tried: list[str] = []
    asked: list[int] = []
    with open_journal(closed, ask=asking([], asked), opener=recording(tried)):
        pass
    assert (tried, asked) == ([PASSPHRASE], [])


def test_the_same_passphrase_in_two_sources_is_tried_once(
    closed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keychain.remember(closed, WRONG)
    monkeypatch.setenv(opening.ENV_PASSPHRASE, WRONG)
    tried: list[str] = []
    with pytest.raises(WrongPassphrase):
        open_journal(closed, opener=recording(tried))
    assert tried == [WRONG]


def test_the_order_is_one_list_for_restore_too(monkeypatch: pytest.MonkeyPatch) -> None:
    journal, backup = Path("/j/school.iltdesk"), Path("/b/old.iltdesk")
    recalled = {journal: "for the journal", backup: "for the backup"}
    monkeypatch.setenv(opening.ENV_PASSPHRASE, "from the environment")
    offers = passphrases(
        journal,
        ask=lambda attempt: f"typed {attempt}",
        also_remembered_for=[backup],
        recall=recalled.get,
    )
    assert list(offers) == [
        "for the journal",
        "for the backup",
        "from the environment",
        *(f"typed {n}" for n in range(opening.PROMPT_ATTEMPTS)),
    ]


def test_a_keychain_that_fails_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_path: Path) -> str | None:
        raise KeychainUnavailable("No system keychain is available on this computer.")

    monkeypatch.setenv(opening.ENV_PASSPHRASE, "from the environment")
    assert list(passphrases(Path("/j.iltdesk"), recall=broken)) == ["from the environment"]


def test_with_nobody_to_ask_the_last_refusal_or_no_passphrase_is_the_answer(
    closed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nobody = asking([], [])
    with pytest.raises(NoPassphrase, match=opening.ENV_PASSPHRASE) as no:
        open_journal(closed, ask=nobody)
    assert isinstance(no.value, UsageError) and no.value.exit_code == 2
    keychain.remember(closed, STALE)
    with pytest.raises(WrongPassphrase):
        open_journal(closed, ask=nobody)


def test_only_a_wrong_passphrase_hands_over_to_the_next_source(
    closed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keychain.remember(closed, PASSPHRASE)
    monkeypatch.setenv(opening.ENV_PASSPHRASE, STALE)
    tried: list[str] = []
    with Journal.open(closed, PASSPHRASE), pytest.raises(JournalInUse):
        open_journal(closed, opener=recording(tried))
    assert tried == [PASSPHRASE]  # held elsewhere: another passphrase would not help


def test_first_that_opens_stops_at_the_first_that_opens() -> None:
    def opens(secret: str) -> str:
        if secret != "b":
            raise WrongPassphrase("no")
        return secret.upper()

    offered: list[str] = []

    def offers() -> Iterator[str]:
        for secret in "abc":
            offered.append(secret)
            yield secret

    assert first_that_opens(offers(), opens) == "B"
    assert offered == ["a", "b"]


def test_the_app_unlocks_ahead_in_the_same_order_without_the_prompt(
    closed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keychain.remember(closed, STALE)
    monkeypatch.setenv(opening.ENV_PASSPHRASE, PASSPHRASE)  # read by default
    outcome = UnlockAhead(closed).outcome()
    assert isinstance(outcome, Unlocked) and outcome.secret == PASSPHRASE
    outcome.connection.close()
    monkeypatch.delenv(opening.ENV_PASSPHRASE)
    assert isinstance(UnlockAhead(closed).outcome(), WrongPassphrase)
    keychain.forget(closed)
    assert UnlockAhead(closed).outcome() is None  # nothing to try: the app asks


def test_the_variables_name_is_written_once_in_the_code() -> None:
    found = [
        path.relative_to(REPO).as_posix()
        for folder in ("iltdesk", "ui")
        for path in (REPO / folder).rglob("*.py")
        if re.search(r"""["']ILTDESK_PASSPHRASE["']""", path.read_text(encoding="utf-8"))
    ]
    assert found == ["iltdesk/store/opening.py"]


# -- the quick note ----------------------------------------------------------------------------


def test_the_apps_quick_note_is_the_command_lines(journal: Journal) -> None:
    add_lead(journal, "Maya Ortiz")
    by_app = add_quick_note(journal, "maya", "From the app")
    by_cli = save_quick_note(journal, "Maya", "From the command line")
    columns = "lead_id, held_on, feedback_given, typeof(created_at), length(created_at)"
    rows = [
        journal.execute(f"SELECT {columns} FROM one_on_one WHERE id = ?", (n,))[0]
        for n in (by_app.id, by_cli.id)
    ]
    assert rows[0] == rows[1]
    assert by_app.created_at == by_app.updated_at


def test_a_quick_note_written_raw_rolls_back_whole(journal: Journal) -> None:
    with pytest.raises(UsageError, match="No lead is called"):
        save_quick_note(journal, "Nobody", "text")
    assert journal.execute("SELECT count(*) FROM one_on_one") == [(0,)]
    assert not journal.connection.in_transaction


# -- changing the passphrase -------------------------------------------------------------------


def test_a_remembered_passphrase_follows_the_change(
    journal: Journal, memory_keyring: MemoryKeyring
) -> None:
    keychain.remember(journal.path, PASSPHRASE)
    changed = change_passphrase(journal, NEW)
    try:
        assert changed.remembered and changed.keychain_problem is None
        assert journal.closed and not changed.journal.closed
    finally:
        changed.journal.close()
    assert list(memory_keyring.secrets.values()) == [NEW]
    Journal.open(journal.path, NEW).close()


def test_nothing_is_remembered_when_nothing_was(
    journal: Journal, memory_keyring: MemoryKeyring
) -> None:
    changed = change_passphrase(journal, NEW)
    changed.journal.close()
    assert not changed.remembered and changed.keychain_problem is None
    assert memory_keyring.secrets == {}


@pytest.mark.parametrize("refused", ["", "x'00ff'"])
def test_a_failed_change_leaves_the_keychain_as_it_was(
    journal: Journal, memory_keyring: MemoryKeyring, refused: str
) -> None:
    keychain.remember(journal.path, PASSPHRASE)
    with pytest.raises(UsageError):
        change_passphrase(journal, refused)
    journal.close()
    assert list(memory_keyring.secrets.values()) == [PASSPHRASE]
    Journal.open(journal.path, PASSPHRASE).close()


def test_a_keychain_that_fails_after_the_change_is_reported(
    journal: Journal, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    keychain.remember(journal.path, PASSPHRASE)

    def refuse(*_args: object) -> None:
        raise KeychainUnavailable("The system keychain did not answer in time.")

    monkeypatch.setattr(keychain, "remember", refuse)
    changed = change_passphrase(journal, NEW)
    changed.journal.close()
    assert not changed.remembered
    assert isinstance(changed.keychain_problem, KeychainUnavailable)
    Journal.open(journal.path, NEW).close()  # the journal changed all the same


# -- a derivation started early ----------------------------------------------------------------


def test_a_derivation_under_way_for_the_passphrase_used_is_adopted(
    closed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(opening.ENV_PASSPHRASE, PASSPHRASE)
    early = BackgroundUnlock(closed, PASSPHRASE)

    def no_second_derivation(*_args: object, **_kwargs: object) -> Journal:
        raise AssertionError("derived again")

    monkeypatch.setattr(Journal, "open", no_second_derivation)
    with open_journal(closed, early=early) as journal:
        assert journal.execute("SELECT name FROM lead") == [("Maya Ortiz",)]


def test_a_derivation_for_another_passphrase_lets_the_journal_go(
    closed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keychain.remember(closed, PASSPHRASE)  # goes first, and needs the lock the thread takes
    monkeypatch.setenv(opening.ENV_PASSPHRASE, STALE)
    with open_journal(closed, overlap=True) as journal:
        assert not journal.closed
    monkeypatch.setenv(opening.ENV_PASSPHRASE, PASSPHRASE)
    keychain.forget(closed)
    with open_journal(closed, overlap=True, read_only=True) as journal:
        assert journal.read_only
    Journal.open(closed, PASSPHRASE).close()  # nothing left holding it
