"""maj@n and the TTS votes cluster the samples' own answers, never through the gold: the gold only scores
the chosen cluster. Rows are made as the harness makes them (its extraction, the real verifiers)."""

import pytest

from tinylogic.config import TTSConfig
from tinylogic.data.schema import Problem
from tinylogic.eval.harness import _sample_row
from tinylogic.eval.summary import summarise, vote_keys
from tinylogic.eval.tts import evaluate_tts
from tinylogic.verify.batch import verify_batch


def scored(problem, responses):
    verdicts = verify_batch([(problem, r) for r in responses], workers=1)
    return [_sample_row(problem, i, r, v) for i, (r, v) in enumerate(zip(responses, verdicts, strict=True))]


def boxed(answer):
    return f"So the answer is \\boxed{{{answer}}}."


HALF = Problem(id="half", domain="math", prompt="?", answer="3")


def test_equivalent_wrong_answers_outvote_two_right_ones(tmp_path):
    # three spellings of one wrong value, math-verify-equal among themselves, against two right "3"s
    rows = scored(HALF, [boxed("1/2"), boxed("0.5"), boxed("\\frac{1}{2}"), boxed("3"), boxed("3")])
    assert [r["correct"] for r in rows] == [False, False, False, True, True]
    assert vote_keys(rows) == ["1/2", "0.5", "\\frac{1}{2}", "3", "3"]  # the answers, not the verdicts
    [stats] = summarise([HALF], rows, ks=(1,))["per_problem"]
    assert stats["maj"] is False
    tts = evaluate_tts([HALF], rows, tmp_path, ["majority"], TTSConfig(k=5))
    assert tts["per_problem"][0]["chosen"]["majority"] == 0 and tts["methods"]["majority"]["accuracy"] == 0.0


def test_unboxed_answers_are_blank_right_or_wrong():
    # the verifier reads the two unboxed "3"s as correct; the vote must not count them while the
    # unboxed wrong "5" is blank: the one boxed answer, wrong, is the vote
    rows = scored(HALF, ["The answer is 3", "The answer is 3", boxed("7"), "The answer is 5"])
    assert [r["correct"] for r in rows] == [True, True, False, False]
    assert vote_keys(rows) == [None, None, "7", None]
    summary = summarise([HALF], rows, ks=(1,))
    assert summary["per_problem"][0]["maj"] is False and summary["counts"]["no_answer"] == 3


def test_choice_votes_on_the_letters():
    question = Problem(id="q", domain="choice", prompt="?", choices=["red", "green", "blue"], answer="C")
    rows = scored(question, ["Answer: B", "Answer: C", "Answer: B", "It is blue.", "Answer: A"])
    assert [r["correct"] for r in rows] == [False, True, False, True, False]
    assert vote_keys(rows) == ["B", "C", "B", "C", "A"]
    # B and C tie at two votes; B's first member comes first
    assert summarise([question], rows, ks=(1,))["per_problem"][0]["maj"] is False
    gold_b = question.model_copy(update={"answer": "B"})
    assert summarise([gold_b], scored(gold_b, [r["response"] for r in rows]), ks=(1,))["per_problem"][0]["maj"]


@pytest.mark.parametrize("domain", ["code", "instruct"])
def test_domains_without_a_final_answer_do_not_vote(domain):
    assert vote_keys([{"domain": domain, "pred": "x", "correct": True}]) == [None]
