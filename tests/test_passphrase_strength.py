"""A new passphrase's strength, judged by zxcvbn with the journal's names as first guesses."""

from __future__ import annotations

import subprocess
import sys

import pytest

from iltdesk.lead import add_lead
from iltdesk.passphrase_strength import (
    JUDGED_LENGTH,
    MIN_SCORE,
    estimate,
    journal_names,
    refusal,
    user_inputs,
)
from iltdesk.store.journal import Journal
from tests.conftest import REPO
from tests.passphrases import SCHOOL, SCHOOL_AND_YEAR, STRONG, WEAK


@pytest.mark.parametrize(
    ("passphrase", "score"),
    [
        ("Password123456", 1),
        ("1234567890abcdef", 1),
        ("correct horse battery staple", 4),
        ("maple river chalk", 4),
    ],
)
def test_the_issues_passphrases_score_as_zxcvbn_and_keepassxc_do(
    passphrase: str, score: int
) -> None:
    assert estimate(passphrase).score == score


@pytest.mark.parametrize("passphrase", WEAK)
def test_a_weak_passphrase_is_refused_with_zxcvbns_advice_in_one_line(passphrase: str) -> None:
    strength = estimate(passphrase)
    assert not strength.acceptable and strength.score < MIN_SCORE
    assert "commonly used passphrase" in strength.warning  # zxcvbn's, in the app's words
    assert "Add another word or two" in strength.advice
    line = refusal(strength)
    assert "\n" not in line and "too easy to guess" in line and strength.advice in line


@pytest.mark.parametrize("passphrase", STRONG)
def test_a_strong_passphrase_is_accepted(passphrase: str) -> None:
    assert estimate(passphrase).acceptable


def test_the_schools_name_and_the_year_is_weak_for_someone_who_knows_the_school() -> None:
    assert estimate(SCHOOL_AND_YEAR).acceptable  # to a stranger, three uncommon parts
    knowing = estimate(SCHOOL_AND_YEAR, user_inputs([SCHOOL, "A. Rivera"]))
    assert knowing.score < MIN_SCORE
    assert "Names from the journal" in knowing.advice
    run_together = estimate("riversidemiddle2026", user_inputs([SCHOOL]))
    assert run_together.score < MIN_SCORE


def test_user_inputs_are_each_name_its_words_and_the_name_run_together() -> None:
    inputs = user_inputs(["Riverside Middle", "A. Rivera", ""])
    for wanted in ("riverside middle", "riverside", "middle", "riversidemiddle", "rivera"):
        assert wanted in inputs
    assert "a" not in inputs  # a single letter would only make every "a" look guessable
    assert "iltdesk" in inputs  # the app's own name is tried first by anyone with the file


def test_the_names_of_an_open_journal_are_the_school_the_principal_and_every_lead(
    journal: Journal,
) -> None:
    add_lead(journal, "Maya Ortiz", role="Team Lead")
    names = journal_names(journal)
    assert {"Riverside Middle", "A. Rivera", "Maya Ortiz"} <= set(names)
    assert estimate("Maya Ortiz 1987", user_inputs(names)).score < MIN_SCORE


def test_a_long_passphrase_is_judged_by_its_start() -> None:
    strong = "correct horse battery staple " * 3
    assert len(strong) > JUDGED_LENGTH and estimate(strong).acceptable
    weak_start = "a" * JUDGED_LENGTH + " maple river chalk"
    assert not estimate(weak_start).acceptable  # zxcvbn itself refuses past 72 characters
    assert estimate("x" * 10_000 + "correct horse").score == estimate("x" * JUDGED_LENGTH).score


def test_an_empty_passphrase_scores_zero_without_loading_zxcvbn() -> None:
    code = (
        "import sys\n"
        "from iltdesk.passphrase_strength import estimate\n"
        "import iltdesk.cli.main\n"
        "assert estimate('').score == 0\n"
        "print('zxcvbn' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert done.stdout.strip() == "False"  # its word lists load on the first judgement
