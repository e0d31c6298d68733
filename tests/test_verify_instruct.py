"""Instruction-following verifier: each rule passes and fails where it should; reward is a fraction."""

from __future__ import annotations

from typing import Any

import pytest

from tinylogic.data.schema import Problem
from tinylogic.verify.base import verify
from tinylogic.verify.instruct import RULES


def instruct(*rules: dict[str, Any]) -> Problem:
    return Problem(id="i", domain="instruct", prompt="p", instructions=list(rules))


CASES: list[tuple[dict[str, Any], str, str]] = [  # (rule, passing response, failing response)
    ({"rule": "word_count", "relation": "at least", "n": 5}, "one two three four five", "one two"),
    ({"rule": "word_count", "relation": "less than", "n": 3}, "one two", "one two three"),
    ({"rule": "sentence_count", "relation": "exactly", "n": 2}, "It rains. We stay!", "It rains."),
    ({"rule": "paragraph_count", "n": 3}, "a\n\nb\n***\nc", "a\nb\nc"),
    ({"rule": "keywords_include", "keywords": ["river", "Stone"]}, "A stone in the River.", "A river."),
    ({"rule": "keywords_forbid", "keywords": ["bad"]}, "A badge is fine.", "That is Bad."),
    ({"rule": "keyword_frequency", "keyword": "tea", "relation": "at least", "n": 2}, "tea, Tea", "tea, steam"),
    ({"rule": "letter_frequency", "letter": "z", "relation": "at most", "n": 1}, "zebra", "Zig zag"),
    ({"rule": "json_format"}, '```json\n{"a": [1, 2]}\n```', '{"a": 1} and more'),
    ({"rule": "bullet_count", "n": 2}, "Intro\n* one\n- two", "* one\n* two\n* three"),
    ({"rule": "title"}, "<<Poem of joy>>\nverse", "<<>> no title"),
    ({"rule": "ends_with", "phrase": "Any other questions?"}, "Done. Any other questions?", "Any other questions? No."),
    ({"rule": "starts_with", "phrase": "My answer"}, "  My answer is yes", "Well, my answer"),
    ({"rule": "lowercase"}, "all quiet here", "Not quiet"),
    ({"rule": "uppercase"}, "LOUD 123", "LOUD but not"),
    ({"rule": "no_commas"}, "no commas here", "one, two"),
    ({"rule": "highlight_count", "n": 2}, "*one* and **two**", "*one* only"),
    ({"rule": "placeholder_count", "n": 2}, "Dear [name], at [address]", "Dear [name]"),
]


@pytest.mark.parametrize(("spec", "good", "bad"), CASES, ids=[f"{c[0]['rule']}-{i}" for i, c in enumerate(CASES)])
def test_rule_passes_and_fails(spec: dict[str, Any], good: str, bad: str) -> None:
    assert verify(instruct(spec), good).correct
    verdict = verify(instruct(spec), bad)
    assert not verdict.correct and spec["rule"] in verdict.detail and not verdict.error


def test_every_registered_rule_is_tested() -> None:
    assert {c[0]["rule"] for c in CASES} == set(RULES)


def test_reward_is_fraction_passed_and_detail_names_failures() -> None:
    problem = instruct({"rule": "lowercase"}, {"rule": "no_commas"}, {"rule": "word_count", "n": 3},
                       {"rule": "title"})
    verdict = verify(problem, "hello, big world")
    assert verdict.reward == 0.5 and not verdict.correct
    assert "no_commas" in verdict.detail and "title" in verdict.detail and "lowercase" not in verdict.detail


@pytest.mark.parametrize(("spec", "named"), [
    ({"rule": "rhyme_scheme"}, "rhyme_scheme"),
    ({"rule": "word_count"}, "'n'"),
    ({"rule": "word_count", "n": "ten"}, "'n'"),
    ({"rule": "word_count", "n": 3, "relation": "roughly"}, "roughly"),
    ({"rule": "letter_frequency", "letter": "ab", "n": 1}, "letter"),
])
def test_bad_rule_spec_is_error_naming_it(spec: dict[str, Any], named: str) -> None:
    verdict = verify(instruct(spec), "any response")
    assert verdict.error and not verdict.correct and named in verdict.detail
