"""Multiple-choice verifier: letters, option texts, the final-answer rule, gold errors."""

from __future__ import annotations

import pytest

from tinylogic.data.schema import Problem
from tinylogic.verify.base import verify

CHOICES = ["Paris", "London", "Rome", "Berlin"]


def choice(answer: str, choices: list[str] | None = CHOICES) -> Problem:
    return Problem(id="c", domain="choice", prompt="Capital of the UK?", choices=choices, answer=answer)


@pytest.mark.parametrize("response", [
    "B", "(B)", "Answer: B", r"\boxed{B}", "the answer is b", "The correct option is (B).",
    "The answer is London.", "I considered Paris, but London it is.",
    "A seems tempting, but after checking, B.",
    r"First I wrote \boxed{A}, but no: \boxed{B}",
    "Answer: B) London",
])
def test_designates_gold(response: str) -> None:
    assert verify(choice("B"), response).correct


@pytest.mark.parametrize("response", [
    "A", "Answer: C", r"\boxed{D}", "the answer is rome", "", "I cannot decide.",
    "The answer is B... no wait, Answer: A",
])
def test_other_or_no_option_is_wrong(response: str) -> None:
    verdict = verify(choice("B"), response)
    assert not verdict.correct and verdict.reward == 0.0 and not verdict.error


def test_gold_as_option_text_and_letters_out_of_range() -> None:
    assert verify(choice("London"), "B").correct
    assert not verify(choice("London"), "E").correct  # E is not an option: falls through to nothing
    assert verify(choice("A cat", ["A dog", "A cat"]), "Answer: B").correct  # gold text starting "A "


@pytest.mark.parametrize(("answer", "choices"), [("E", CHOICES), ("Madrid", CHOICES), ("A", None), ("A", [])])
def test_bad_gold_is_error(answer: str, choices: list[str] | None) -> None:
    verdict = verify(choice(answer, choices), "A")
    assert verdict.error and not verdict.correct
