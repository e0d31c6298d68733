"""The built-in task suite: determinism, gold correctness, traces, claims and SFT records.

Correctness is checked independently of the suite's own helpers: answers are recomputed from the
operands in `meta`, code is exec'd here and called on the gold tests, claims are judged by Python."""

import re
from collections import Counter
from statistics import median

import pytest

from tinylogic.data.claims import CLAIM_CHECK_PROMPT, MAX_TRACE_CLAIMS, parse_claim_check, parse_claim_extract
from tinylogic.data.schema import CallTests
from tinylogic.data.suite import SOURCE, claim_holds, corrupt_claim, sft_records, synthesize
from tinylogic.data.text import last_boxed
from tinylogic.domains.code import CODE_SUFFIX
from tinylogic.domains.math import MATH_SUFFIX

N = 480


@pytest.fixture(scope="module")
def problems():
    return synthesize(N, seed=3)


def _math(problems):
    return [p for p in problems if p.domain == "math"]


def _code(problems):
    return [p for p in problems if p.domain == "code"]


def _exact_answer(meta: dict) -> int:
    if "op" in meta:
        return {"+": meta["a"] + meta["b"], "-": meta["a"] - meta["b"], "*": meta["a"] * meta["b"]}[meta["op"]]
    num, den = meta["e"] - meta["b"], meta["a"] - meta["d"]  # a*x + b = d*x + e
    assert num % den == 0, f"non-integer solution for {meta}"
    return num // den


def _run_code(text: str, tests: CallTests) -> bool:
    match = re.search(r"```python\n(.*?)\n```\s*$", text, re.S)
    assert match, f"no trailing python block in {text!r}"
    namespace: dict = {}
    try:
        exec(match.group(1), namespace)
        return all(namespace[tests.fn_name](*i) == o for i, o in zip(tests.inputs, tests.outputs, strict=True))
    except Exception:
        return False


def _python_truth(claim: str) -> bool:
    return bool(eval(claim.replace(" = ", " == "), {"__builtins__": {}, "abs": abs, "max": max, "min": min}))


def test_same_seed_same_problems_other_seed_others():
    a, b, c = synthesize(40, seed=11), synthesize(40, seed=11), synthesize(40, seed=12)
    assert [p.model_dump() for p in a] == [p.model_dump() for p in b]
    assert [p.prompt for p in a] != [p.prompt for p in c]
    assert [p.id for p in a] == [p.id for p in c]  # ids depend on position, not on the draw


def test_ids_source_and_balance(problems):
    assert all(re.fullmatch(r"(math|code)-[a-z]+-\d{6}", p.id) for p in problems)
    assert len({p.id for p in problems}) == N
    assert {p.source for p in problems} == {SOURCE}
    domains = Counter(p.domain for p in problems)
    assert domains["math"] == domains["code"] == N // 2
    for group in (_math(problems), _code(problems)):
        subs = Counter(p.subdomain for p in group)
        assert max(subs.values()) - min(subs.values()) <= 1
        assert {p.difficulty for p in group} == {1, 2, 3}
    assert len({p.subdomain for p in _math(problems)}) >= 4
    assert synthesize(9, seed=0, domains=("code",))[0].domain == "code"
    with pytest.raises(ValueError, match="unknown"):
        synthesize(3, seed=0, domains=("poetry",))


def test_heldout_prompts_never_in_train(problems):
    splits = Counter(p.split for p in problems)
    assert set(splits) == {"train", "heldout"}
    assert 0.04 * N < splits["heldout"] < 0.2 * N
    train = {p.prompt for p in problems if p.split == "train"}
    assert not train & {p.prompt for p in problems if p.split == "heldout"}
    # small tiers run out of distinct prompts on large n: still no held-out prompt in train
    many = synthesize(600, seed=1, domains=("math",), heldout_fraction=0.3)
    train = {p.prompt for p in many if p.split == "train"}
    assert not train & {p.prompt for p in many if p.split == "heldout"}


def test_math_answers_recompute_from_meta(problems):
    for p in _math(problems):
        x = _exact_answer(p.meta)
        assert p.answer == str(x), p.id
        if "op" in p.meta:
            assert f"{p.meta['a']} {p.meta['op']} {p.meta['b']}" in p.prompt
        else:  # substitute the answer into the printed equation
            left, right = p.prompt.removeprefix("Solve for x: ").rstrip(".").split(" = ")
            value = {s: eval(re.sub(r"(\d)x", r"\1*x", s).replace("x", f"({x})")) for s in (left, right)}
            assert value[left] == value[right], p.id


def test_math_traces_box_the_answer_unless_flawed(problems):
    flawed = 0
    for p in _math(problems):
        for t in p.traces:
            assert t.text.rstrip().endswith("}"), t.text
            boxed = last_boxed(t.text)
            if t.flawed:
                flawed += 1
                assert boxed != p.answer, (p.id, t.strategy)
            else:
                assert boxed == p.answer, (p.id, t.strategy, t.text)
    assert flawed > 0


def test_code_references_and_traces_pass_their_tests(problems):
    flawed = 0
    for p in _code(problems):
        tests = p.tests
        assert isinstance(tests, CallTests) and tests.fn_name == "f"
        assert len(tests.inputs) > len(p.meta["shown"]), "held-back points beyond the examples"
        for x, y in p.meta["shown"]:
            assert f"f({x}) = {y}" in p.prompt
        assert _run_code(f"```python\n{p.meta['reference']}\n```", tests), p.id
        for t in p.traces:
            flawed += t.flawed
            assert _run_code(t.text, tests) is not t.flawed, (p.id, t.strategy, t.text)
    assert flawed > 0


def test_spectrum_of_strategies_and_short_traces(problems):
    for p in problems:
        assert len({t.strategy for t in p.traces}) >= 2, p.id
        assert any(not t.flawed for t in p.traces), p.id
    traces = [t for p in problems for t in p.traces]
    assert 0.02 < sum(t.flawed for t in traces) / len(traces) < 0.1
    lengths = [len(t.text) for t in traces]
    assert 40 <= median(lengths) <= 250 and max(lengths) < 400
    per_subdomain = Counter((p.subdomain, t.strategy) for p in problems for t in p.traces)
    assert all(len({s for (sub, s) in per_subdomain if sub == name}) >= 2 for name, _ in per_subdomain)


def test_claims_are_true_or_corrupted_with_right_verdicts(problems):
    verdicts = Counter()
    for p in problems:
        assert p.claims, p.id
        for c in p.claims:
            assert _python_truth(c.text) is c.verdict is claim_holds(c.text), (p.id, c.text)
            verdicts[c.verdict] += 1
        # every trace claim is written in its trace, so extraction is copying
        for t, claims in zip(p.traces, p.meta["trace_claims"], strict=True):
            assert claims and all(c in t.text for c in claims), (p.id, t.strategy)
    assert 0.4 < verdicts[True] / sum(verdicts.values()) < 0.6


def test_claim_helpers():
    import random

    assert claim_holds("7 + 8 = 15") and not claim_holds("7 + 8 = 16")
    assert claim_holds("(26 - (-5)) / 3 = 31 / 3") and claim_holds("1 + (-7) = -6 = 2 * (-3)")
    assert claim_holds("max(2, 6) + 1 = 7") and claim_holds("-1 > -4") and not claim_holds("3 / 0 = 1")
    for bad in ("x = 3", "__import__('os')", "7 +"):
        with pytest.raises(ValueError, match="claim"):
            claim_holds(bad)
    rng = random.Random(0)
    for claim in ("47 + 38 = 85", "(4 * 11 + 2) % 10 = 6", "8 > 5"):
        wrong = corrupt_claim(rng, claim)
        assert wrong != claim and not _python_truth(wrong)
    assert parse_claim_check(" Yes.") is True and parse_claim_check("no") is False
    assert parse_claim_check("maybe") is None and parse_claim_check("") is None


def test_sft_records(problems):
    records = sft_records(problems)
    by_id = {p.id: p for p in problems}
    kinds = Counter(r["kind"] for r in records)
    assert set(kinds) == {"solve", "claim_extract", "claim_check"}
    assert all(set(r) == {"prompt", "completion", "kind", "problem_id", "domain", "strategy"} for r in records)
    flawed_texts = {t.text for p in problems for t in p.traces if t.flawed}
    for r in records:
        p = by_id[r["problem_id"]]
        assert r["domain"] == p.domain  # what sft.domain_weights keys on
        if r["kind"] == "solve":
            assert r["completion"] not in flawed_texts
            if p.domain == "math":
                assert r["prompt"] == f"{p.prompt}\n{MATH_SUFFIX}"
            else:
                assert r["prompt"] == f"{p.prompt}\n\n{CODE_SUFFIX}"
        elif r["kind"] == "claim_check":
            claim = r["prompt"].removeprefix(CLAIM_CHECK_PROMPT.format(claim=""))
            assert r["completion"] == ("yes" if _python_truth(claim) else "no")
        else:
            trace = r["prompt"].split("\n\n", 1)[1]
            assert r["prompt"].startswith("List the key claims of this solution")
            claims, answer = parse_claim_extract(r["completion"])
            assert 1 <= len(claims) <= MAX_TRACE_CLAIMS and all(c in trace for c in claims)
            if p.domain == "math":
                assert answer == last_boxed(trace)
            else:
                assert f"return {answer}" in trace or answer.split(" if ")[0] in trace
    assert kinds["solve"] == sum(not t.flawed for p in problems for t in p.traces)
    only_solve = sft_records(problems[:20], include_claims=False)
    assert {r["kind"] for r in only_solve} == {"solve"}
