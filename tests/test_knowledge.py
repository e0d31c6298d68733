"""The knowledge domain of the built-in suite: the fact world, questions, held-out split, passages.

Gold answers are checked against the fact table independently of the generator; the verifier is the
real `choice` verifier."""

import hashlib
import json
import re
from collections import Counter

import pytest

from tinylogic.data.prompts import solve_prompt
from tinylogic.data.suite import sft_records, synthesize
from tinylogic.data.suite_knowledge import ATTRIBUTES, corpus_path, fact_table, passages, write_corpus
from tinylogic.verify.base import verify

N = 600


@pytest.fixture(scope="module")
def problems():
    return synthesize(N, seed=4, domains=["knowledge"], passage_fraction=0.5, passages_k=5)


def _facts():
    return {f["id"]: f for f in fact_table()}


def test_fact_table_is_fixed_large_and_stated_by_its_passages():
    facts = fact_table()
    assert fact_table.__wrapped__() == facts  # rebuilt from scratch: the same world
    assert fact_table.__wrapped__(towns=10, seed=1) != fact_table.__wrapped__(towns=10, seed=2)
    assert len(facts) >= 20_000 and len({f["id"] for f in facts}) == len(facts)
    assert len({f["town"] for f in facts}) * len(ATTRIBUTES) == len(facts)  # one value per attribute
    corpus = {p["id"]: p["text"] for p in passages()}
    assert corpus.keys() == {f["id"] for f in facts}
    for f in facts[:2000]:
        text = corpus[f["id"]]
        assert f["town"] in text and f["value"] in text
        assert f["value"] in ATTRIBUTES[f["attribute"]][3]
    paraphrased = sum(corpus[f["id"]] != f["statement"] for f in facts) / len(facts)
    assert 0.2 < paraphrased < 0.4  # PARAPHRASE_SHARE: retrieval is not a string match


def test_questions_are_choice_problems_with_correct_gold(problems):
    facts = _facts()
    assert len({p.id for p in problems}) == N
    for p in problems:
        assert re.fullmatch(r"knowledge-facts-\d{6}", p.id) and p.domain == "choice"
        fact = facts[p.meta["fact_id"]]
        assert p.prompt == ATTRIBUTES[fact["attribute"]][0].format(e=fact["town"])
        assert len(p.choices) == 2 + p.difficulty and len(set(p.choices)) == len(p.choices)
        assert set(p.choices) <= set(ATTRIBUTES[fact["attribute"]][3])
        assert p.choices[ord(p.answer) - 65] == fact["value"]
        assert all(not t.flawed for t in p.traces) and p.claims == []
        for t in p.traces:  # every teacher trace is graded correct by the real verifier
            assert verify(p, t.text).correct, (p.id, t.text)
    assert Counter(p.difficulty for p in problems) == {1: N // 3, 2: N // 3, 3: N // 3}


def test_chance_level_is_one_over_options(problems):
    # A fixed guess ("A" everywhere) scores about the mean of 1/len(choices) = (1/3 + 1/4 + 1/5) / 3.
    chance = sum(1 / len(p.choices) for p in problems) / len(problems)
    assert chance == pytest.approx((1 / 3 + 1 / 4 + 1 / 5) / 3)
    guessed = sum(verify(p, "Answer: A").correct for p in problems) / len(problems)
    assert abs(guessed - chance) < 0.06


def test_heldout_questions_never_appear_in_training(problems):
    train = [p for p in problems if p.split == "train"]
    heldout = [p for p in problems if p.split == "heldout"]
    assert 0.05 < len(heldout) / N < 0.16
    assert not {p.prompt for p in heldout} & {p.prompt for p in train}
    assert not {p.meta["fact_id"] for p in heldout} & {p.meta["fact_id"] for p in train}
    train_text = "\n".join(r["prompt"] + r["completion"] for r in sft_records(train))
    for p in heldout:
        assert p.prompt not in train_text and "passages" not in p.meta
    corpus = {x["id"] for x in passages()}
    assert {p.meta["fact_id"] for p in heldout} <= corpus  # the fact is still in the corpus: retrieval finds it


def test_both_closed_book_and_with_passages_training_examples(problems):
    train = [p for p in problems if p.split == "train"]
    with_passages = [p for p in train if "passages" in p.meta]
    assert 0.4 < len(with_passages) / len(train) < 0.6
    cited = 0
    for p in with_passages:
        prompt = solve_prompt(p)
        assert prompt.startswith("Passages:\n[1] ") and len(p.meta["passages"]) == 5
        assert prompt.endswith(solve_prompt(p.model_copy(update={"meta": {}})))  # the question follows them
        strategies = [t.strategy for t in p.traces]
        hit = p.meta["fact_id"] in [x["id"] for x in p.meta["passages"]]
        assert strategies == (["cite"] if hit else ["recall"])
        cited += hit
        # with the fact's passage: the option's text, which the passage states (a copy from the context);
        # without it: the option's line as the prompt lists it (the model is to name one of the options)
        value = p.choices[ord(p.answer) - 65]
        assert p.traces[0].text == (f"Answer: {value}" if hit else f"Answer: {p.answer}. {value}")
        assert hit or p.traces[0].text.removeprefix("Answer: ") in prompt.splitlines()
        if hit:
            assert value in next(x["text"] for x in p.meta["passages"] if x["id"] == p.meta["fact_id"])
    assert cited / len(with_passages) > 0.9  # BM25 top-5 nearly always holds the fact's passage
    for p in train:
        if "passages" not in p.meta:  # closed book: the option's line, as the prompt lists it
            line = p.traces[0].text.removeprefix("Answer: ")
            assert line == f"{p.answer}. {p.choices[ord(p.answer) - 65]}" and line in solve_prompt(p).splitlines()
    records = sft_records(train)
    assert {r["kind"] for r in records} == {"solve"}  # facts have no arithmetic claims
    prompts = [r["prompt"] for r in records]
    assert any(x.startswith("Passages:") for x in prompts) and any(not x.startswith("Passages:") for x in prompts)
    none = synthesize(120, seed=4, domains=["knowledge"], passage_fraction=0)
    assert not any("passages" in p.meta for p in none)


def test_same_seed_same_suite_and_mixed_domains():
    a = synthesize(90, seed=2, domains=["math", "knowledge"])
    b = synthesize(90, seed=2, domains=["math", "knowledge"])
    assert [p.model_dump() for p in a] == [p.model_dump() for p in b]
    assert Counter(p.domain for p in a) == {"math": 45, "choice": 45}


def test_math_and_code_suite_unchanged():
    # Digest of synthesize(90, seed=7) (math + code) and its SFT records, taken before the knowledge
    # domain and passage rendering were added: adding them must not change one byte of the old suite
    # (records gained a `domain` field later, left out here).
    problems = synthesize(90, seed=7)
    records = [{k: v for k, v in r.items() if k != "domain"} for r in sft_records(problems)]
    blob = json.dumps([p.model_dump(mode="json") for p in problems] + records, sort_keys=True)
    assert hashlib.sha256(blob.encode()).hexdigest() == \
        "bd56e7881e5fc99bbcbee8e2adbd950ec4d2a1c27c40dd498a9d675d7341582f"


def test_corpus_written_next_to_the_suite(tmp_path):
    assert corpus_path(tmp_path / "suite.jsonl") == tmp_path / "suite.passages.jsonl"
    assert corpus_path(tmp_path / "s.jsonl.gz") == tmp_path / "s.passages.jsonl"
    rows = [json.loads(line) for line in write_corpus(tmp_path / "suite.jsonl").read_text().splitlines()]
    assert rows == passages()


def test_bad_passages_in_meta_are_named(problems):
    p = problems[0].model_copy(update={"meta": {"passages": [{"id": "x"}]}})
    with pytest.raises(ValueError, match=r"knowledge-facts-000000.*passages\[0\].*'text'"):
        solve_prompt(p)
