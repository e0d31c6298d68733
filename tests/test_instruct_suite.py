"""The instruct domain of the built-in suite: rules over the suite's own tasks, graded by the real
`instruct` verifier; held-out split on the base task; the other domains unchanged."""

import hashlib
import json
from collections import Counter

import pytest

from tinylogic.data.schema import Problem
from tinylogic.data.suite import sft_records, synthesize
from tinylogic.data.suite_instruct import FILLER, RULE_KINDS, correct, describe, respond
from tinylogic.verify.base import verify
from tinylogic.verify.instruct import RULES

N = 480


@pytest.fixture(scope="module")
def problems():
    return synthesize(N, seed=3, domains=["instruct"], flawed_fraction=0.1)


def test_problems_carry_checkable_rules_stated_in_the_prompt(problems):
    assert Counter(p.domain for p in problems) == {"instruct": N}
    for p in problems:
        assert p.id.startswith(f"instruct-{p.subdomain}-") and p.subdomain.startswith("rules-")
        assert len(p.instructions) == p.difficulty  # tier = number of rules
        assert len({s["rule"] for s in p.instructions}) == p.difficulty
        assert all(s["rule"] in RULES and s["rule"] in RULE_KINDS for s in p.instructions)
        task, rules = p.prompt.split("\n\nRules:\n")
        assert task.startswith(p.meta["task_prompt"])
        assert rules.splitlines() == [f"- {describe(s)}" for s in p.instructions]
        if p.meta["task_domain"] == "code":  # code keeps its commas and is never asked as JSON
            assert not {"no_commas", "json_format"} & {s["rule"] for s in p.instructions}
    assert Counter(p.difficulty for p in problems) == {1: N // 3, 2: N // 3, 3: N // 3}
    assert {s["rule"] for p in problems for s in p.instructions} == set(RULE_KINDS)


def test_clean_traces_pass_every_rule_and_flawed_ones_break_one(problems):
    flawed = 0
    for p in problems:
        assert p.traces and any(not t.flawed for t in p.traces)
        for t in p.traces:
            verdict = verify(p, t.text)  # the real verifier, not the suite's own check
            assert not verdict.error
            assert verdict.correct is (not t.flawed), (p.id, t.strategy, t.text, verdict.detail)
            flawed += t.flawed
    assert 0.03 < flawed / sum(len(p.traces) for p in problems) < 0.2


def test_rules_are_applied_and_forgotten_through_slip():
    specs = [{"rule": "lowercase"}, {"rule": "ends_with", "phrase": "Done."},
             {"rule": "word_count", "relation": "at most", "n": 12}]
    text = respond(["Add: 2 + 2 = 4"], "\\boxed{4}", specs, lambda v, unit=1: v)
    assert text == "add: 2 + 2 = 4\n\\boxed{4}\ndone."
    assert correct({"instructions": specs}, ([], text, "4"))
    forgetful = respond(["Add: 2 + 2 = 4"], "\\boxed{4}", specs, lambda v, unit=1: v + 1)  # every rule forgotten
    assert forgetful == f"Add: 2 + 2 = 4\n\\boxed{{4}}\n{FILLER}"
    assert not correct({"instructions": specs}, ([], forgetful, "4"))
    bullets = respond(["a", "b", "c", "d"], "t", [{"rule": "bullet_count", "relation": "exactly", "n": 3}],
                      lambda v, unit=1: v)
    assert bullets == "- a\n- b\n- c; d\nt"  # n groups of lines, never fewer


def test_heldout_tasks_never_reach_training_inside_another_prompt():
    mixed = synthesize(1200, seed=5, domains=["math", "code", "instruct"], heldout_fraction=0.2)
    task = [p.meta.get("task_prompt", p.prompt) for p in mixed]
    train = {t for t, p in zip(task, mixed, strict=True) if p.split == "train"}
    heldout = [t for t, p in zip(task, mixed, strict=True) if p.split == "heldout"]
    assert sum(p.domain == "instruct" for p in mixed if p.split == "heldout") > 10
    assert heldout and not set(heldout) & train
    train_text = "\n".join(r["prompt"] for r in sft_records([p for p in mixed if p.split == "train"]))
    for t in heldout[:60]:
        assert t + "\n" not in train_text  # not as a math/code prompt, not inside an instruct prompt


def test_sft_records_are_solve_records_of_clean_traces(problems):
    records = sft_records(problems)
    assert {r["kind"] for r in records} == {"solve"}  # no arithmetic claims to extract from rule traces
    assert len(records) == sum(not t.flawed for p in problems for t in p.traces)
    assert records[0]["prompt"] == problems[0].prompt  # the instruct prompt is asked as is


def test_same_seed_same_suite(problems):
    again = synthesize(N, seed=3, domains=["instruct"], flawed_fraction=0.1)
    assert [p.model_dump() for p in again] == [p.model_dump() for p in problems]
    assert [p.model_dump() for p in synthesize(N, seed=4, domains=["instruct"])] != [p.model_dump() for p in again]


def test_other_domains_unchanged_when_instruct_is_not_asked():
    # Digest of synthesize(120, seed=5, math + code + knowledge) and its SFT records, taken with the suite
    # as it was before the instruct domain: registering it must not change one byte of the others. (Retaken
    # when the knowledge traces became the option's text alone, and again when closed-book ones became the option's line;
    # records gained `domain` later, left out here.)
    problems = synthesize(120, seed=5, domains=["math", "code", "knowledge"])
    records = [{k: v for k, v in r.items() if k != "domain"} for r in sft_records(problems)]
    blob = json.dumps([p.model_dump(mode="json") for p in problems] + records, sort_keys=True)
    assert hashlib.sha256(blob.encode()).hexdigest() == \
        "e72979995ac9d4c615166df33a454163ea6063bf7c821346d4440731e6816ccc"


def test_a_violating_response_fails_the_verifier(problems):
    p = next(p for p in problems if any(s["rule"] == "ends_with" for s in p.instructions))
    clean = next(t.text for t in p.traces if not t.flawed)
    phrase = next(s["phrase"] for s in p.instructions if s["rule"] == "ends_with")
    broken = clean[: clean.lower().rindex(phrase.lower())] + "the end"
    assert verify(p, clean).correct and not verify(p, broken).correct
    bare = Problem(id="x", domain="instruct", prompt="x", instructions=[{"rule": "json_format"}])
    assert correct({"instructions": bare.instructions}, ([], '{"a": 1}', "")) and not verify(bare, "{a: 1}").correct
