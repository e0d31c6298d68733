"""Test-time scaling: r_k, the selection methods and their documented ties / fallbacks, the model's own
claim assessment on hostile output, and `tinylogic eval --tts` end to end (plumbing, tiny model)."""

import json

import pytest
from typer.testing import CliRunner

from tinylogic.cli import app
from tinylogic.config import TTSConfig
from tinylogic.config_load import ConfigError, load_recipe
from tinylogic.data.claims import CLAIM_CHECK_PROMPT, CLAIM_EXTRACT_PROMPT
from tinylogic.data.schema import Problem
from tinylogic.engine.base import Sample
from tinylogic.eval.report import tts_scope
from tinylogic.eval.tts import assess_claims, claims_path, evaluate_tts, reliability, select

# ------------------------------------------------------------------ r_k


def test_reliability_matches_hand_values():
    assert reliability([1, 1, 1, 0, 1], 5) == pytest.approx(0.8 ** 5) == pytest.approx(0.32768)
    assert reliability([True] * 5, 5) == 1.0
    assert reliability([True, False, None], 5) == pytest.approx((1 / 5) ** 5)  # None and missing claims: false
    assert reliability([True, True, None], 5, missing="ignore") == pytest.approx((2 / 3) ** 5)
    assert reliability([True, True], 2) == 1.0 and reliability([True, False], 2) == pytest.approx(0.25)
    assert reliability([], 5) == 0.0 and reliability([], 5, missing="ignore") == 0.0
    with pytest.raises(ValueError, match="6 verdicts for M = 5"):
        reliability([True] * 6, 5)
    with pytest.raises(ValueError, match="M must be >= 1"):
        reliability([], 0)


# ------------------------------------------------------------------ selection

def test_clr_and_majority_disagree():
    answers = ["8", "8", "8", "7", "7"]
    rel = [0.0, 0.1, 0.0, 0.32768, 1.0]  # Score("8") = 0.1 < Score("7") = 1.32768
    assert select("majority", answers) == 0
    assert select("clr", answers, reliabilities=rel) == 4  # the most reliable member of the winning cluster
    assert select("single", answers, reliabilities=rel) == 0
    # equivalent spellings share a cluster (metrics.same_answer): "\\dfrac{1}{2}" joins "\\frac{1}{2}"
    assert select("clr", ["\\frac{1}{2}", "3", "\\dfrac{1}{2}"], reliabilities=[0.3, 0.5, 0.3]) == 0


def test_clr_ties_follow_the_setting():
    answers = ["a", "b", "b"]
    rel = [0.3, 0.1, 0.2]  # 0.1 + 0.2 != 0.3 in floats; the tie must still be seen
    assert select("clr", answers, reliabilities=rel) == 2  # larger cluster, then its most reliable member
    assert select("clr", answers, reliabilities=rel, settings=TTSConfig(tie_break="earliest")) == 0
    # equal members inside the winning cluster: the earliest
    assert select("clr", ["a", "a", "b"], reliabilities=[0.5, 0.5, 0.9]) == 0


def test_clr_all_zero_case():
    answers = [None, "x", "y", "y"]  # the blank answer's r_k does not count: it never forms a cluster
    rel = [1.0, 0.0, 0.0, 0.0]
    assert select("clr", answers, reliabilities=rel) == 2  # default: majority vote
    assert select("clr", answers, reliabilities=rel, settings=TTSConfig(all_zero="single")) == 0
    assert select("clr", answers, reliabilities=rel, settings=TTSConfig(all_zero="abstain")) is None
    # domains without a final answer (code): every sample is its own cluster, so CLR is best-of-n by r_k
    assert select("clr", [None, None, None], reliabilities=[0.1, 0.5, 0.5]) == 1


def test_weighted_selection_and_its_fallback():
    answers = ["a", "b", "b"]
    assert select("weighted", answers, scores=[0.9, 0.4, 0.4]) == 0  # 0.9 > 0.8
    assert select("weighted", answers, scores=[0.7, 0.4, 0.5]) == 2  # 0.9 > 0.7, top member
    assert select("weighted", answers) == 1  # no scores: majority
    assert select("weighted", answers, scores=[0.9, float("nan"), 0.4]) == 1  # a bad score: majority


def test_verifier_selection_and_fallbacks():
    answers = ["a", "b", "b", "c"]
    assert select("verifier", answers, correct=[False, False, False, True]) == 3
    assert select("verifier", answers, correct=[None] * 4) == 1  # no verdicts: majority
    assert select("verifier", answers, correct=[False] * 4) == 1  # none accepted: majority
    clr = TTSConfig(verifier_fallback="clr")
    assert select("verifier", answers, correct=None, reliabilities=[0, 0, 0, 0.5], settings=clr) == 3
    assert select("verifier", answers, correct=[False] * 4, settings=TTSConfig(verifier_fallback="abstain")) is None


def test_select_rejects_caller_errors():
    assert select("majority", []) is None
    with pytest.raises(ValueError, match="unknown TTS method 'best'"):
        select("best", ["a"])
    with pytest.raises(ValueError, match="2 answers but 1 reliabilities"):
        select("clr", ["a", "b"], reliabilities=[0.5])
    with pytest.raises(ValueError, match="needs reliabilities"):
        select("clr", ["a", "b"])


def test_tts_settings_are_validated():
    with pytest.raises(ConfigError, match="tts.extract_prompt"):
        load_recipe(None, ["tts.extract_prompt=no placeholder"])
    with pytest.raises(ConfigError, match="tts.all_zero"):
        load_recipe(None, ["tts.all_zero=random"])
    assert load_recipe(None, ["tts.m=3"]).tts.m == 3


# ------------------------------------------------------------------ claim assessment on hostile output

class ScriptedEngine:
    """Answers each prompt from `script(prompt_text)`; records every call. One token per character."""

    def __init__(self, script):
        self.script = script
        self.calls = []

    def generate(self, prompts, params):
        self.calls.append((prompts, params))
        texts = [self.script(p[-1]["content"] if isinstance(p, list) else p) for p in prompts]
        return [[Sample(text=t, token_ids=list(range(len(t) + 1)), finish_reason="stop")] * params.n for t in texts]


EXTRACTIONS = {
    "clean": "Claim: 2 + 2 = 4\nClaim: 4 * 3 = 12\nAnswer: 12",
    "long": "\n".join(f"Claim: {i} + 1 = {i + 1}" for i in range(7)) + "\nAnswer: 7",
    "garbage": "\x00\ufffd}{ Claim:\n  Claim:   \nAnswer:",
    "none": "I refuse.",
}
VERDICTS = {"2 + 2 = 4": "Yes.", "4 * 3 = 12": "no!", "5 + 1 = 6": "maybe", "6 + 1 = 7": ""}


def script(prompt):
    if prompt.startswith("List the key claims"):
        return EXTRACTIONS[prompt.rsplit("\n", 1)[-1]]  # the response is the trace's last line
    return VERDICTS.get(prompt.rsplit("Claim: ", 1)[-1], "yes")


def test_assess_claims_survives_hostile_output_and_counts_tokens():
    engine = ScriptedEngine(script)
    out = assess_claims(engine, None, ["clean", "long", "garbage", "none"])
    assert len(engine.calls) == 2  # one extraction call, one check call, for all responses
    (extract_prompts, extract_params), (check_prompts, check_params) = engine.calls
    assert extract_prompts[0] == [{"role": "user", "content": CLAIM_EXTRACT_PROMPT.format(trace="clean")}]
    assert check_prompts[0] == [{"role": "user", "content": CLAIM_CHECK_PROMPT.format(claim="2 + 2 = 4")}]
    assert extract_params.temperature == 0 and extract_params.max_new_tokens == 256
    assert check_params.max_new_tokens == 8 and len(check_prompts) == 2 + 5

    clean, long, garbage, none = out
    assert [c["verdict"] for c in clean["claims"]] == [True, False] and clean["answer"] == "12"
    assert clean["reliability"] == pytest.approx((1 / 5) ** 5)
    assert clean["tokens"] == clean["extract_tokens"] + clean["check_tokens"]
    assert clean["extract_tokens"] == len(EXTRACTIONS["clean"]) + 1 and clean["check_tokens"] == len("Yes.") + 1 + 4
    # more than M claims: the last M are kept; "maybe" and "" are unparseable verdicts (None, counted false)
    assert [c["text"] for c in long["claims"]] == [f"{i} + 1 = {i + 1}" for i in range(2, 7)]
    assert [c["verdict"] for c in long["claims"]] == [True, True, True, None, None]
    assert long["reliability"] == pytest.approx((3 / 5) ** 5)
    assert garbage["claims"] == [] and garbage["answer"] is None and garbage["reliability"] == 0.0
    assert none["claims"] == [] and none["tokens"] == len("I refuse.") + 1
    few = assess_claims(ScriptedEngine(script), None, ["clean"], TTSConfig(m=2, missing_claims="ignore"))
    assert few[0]["reliability"] == pytest.approx(0.25)

    quiet = ScriptedEngine(lambda p: "nothing here")
    assert assess_claims(quiet, None, ["a", "b"])[1]["claims"] == [] and len(quiet.calls) == 1  # no checks to run
    unparsed = assess_claims(ScriptedEngine(lambda p: "Claim: x" if p.startswith("List") else "\x00"), None, ["a"])
    assert unparsed[0]["claims"] == [{"text": "x", "verdict": None}] and unparsed[0]["reliability"] == 0.0


def test_prompt_overrides_fill_problem_and_keep_braces():
    engine = ScriptedEngine(lambda p: "Claim: 1 = 1\nAnswer: 1")
    problem = Problem(id="p", domain="math", prompt="What is 1?", answer="1")
    settings = TTSConfig(extract_prompt="Q: {problem}\nTrace: {trace}\nUse \\boxed{}.",
                         check_prompt="{problem} | {claim}?", temperature=0.7)
    assess_claims(engine, problem, ["x {y} {problem}"], settings, seed=3)
    (extract_prompts, params), (check_prompts, _) = engine.calls
    assert extract_prompts[0][0]["content"] == "Q: What is 1?\nTrace: x {y} {problem}\nUse \\boxed{}."
    assert check_prompts[0][0]["content"] == "What is 1? | 1 = 1?"
    assert params.temperature == 0.7 and params.seed == 3


# ------------------------------------------------------------------ in the harness

def rows_for(problem_id, preds, correct, tokens):
    return [{"problem_id": problem_id, "sample_index": i, "domain": "math", "response": f"{problem_id}-{i}",
             "pred": p, "correct": c, "n_tokens": t, "mean_logprob": -0.1 * (i + 1)}
            for i, (p, c, t) in enumerate(zip(preds, correct, tokens, strict=True))]


def test_evaluate_tts_accuracy_tokens_and_claim_cache(tmp_path):
    problems = [Problem(id=i, domain="math", prompt=i, answer="1") for i in ("p1", "p2")]
    # p1: the majority is wrong ("5" x2), the one correct sample is the reliable one
    rows = (rows_for("p1", ["5", "5", "1"], [False, False, True], [10, 20, 30])
            + rows_for("p2", ["1", "2", "1"], [True, False, True], [5, 5, 5]))
    reliable = {"p1-2", "p2-0", "p2-2"}

    def claims(prompt):
        if prompt.startswith("List"):
            trace = prompt.rsplit("\n", 1)[-1]
            return "Claim: ok\nAnswer: 1" if trace in reliable else "Claim: bad\nAnswer: 5"
        return "yes" if prompt.endswith("ok") else "no"

    engine = ScriptedEngine(claims)
    settings = TTSConfig(m=1)
    methods = ["single", "majority", "weighted", "clr", "verifier"]
    result = evaluate_tts(problems, rows, tmp_path, methods, settings, engine=lambda: engine,
                          model="m", group_rows=4)
    acc = {m: v["accuracy"] for m, v in result["methods"].items()}
    assert acc == {"pass@1": pytest.approx((1 / 3 + 2 / 3) / 2), "single": 0.5, "majority": 0.5,
                   "weighted": 0.5, "clr": 1.0, "verifier": 1.0}
    assert len(engine.calls) == 4  # 6 samples in groups of 4: two extraction calls, two check calls
    p1 = result["per_problem"][0]
    assert p1["chosen"] == {"single": 0, "majority": 0, "weighted": 0, "clr": 2, "verifier": 2}
    assert p1["reliabilities"] == [0.0, 0.0, 1.0]
    claim_tokens = sum(len(claims(f"List\n{r['response']}")) + 1 + len(claims("x ok" if r["response"] in reliable
                                                                              else "x bad")) + 1
                       for r in rows[:3])
    assert p1["tokens"] == {"single": 10, "majority": 60, "weighted": 60, "verifier": 60, "clr": 60 + claim_tokens}
    assert result["methods"]["pass@1"]["tokens_per_problem"] == pytest.approx((20 + 5) / 2)
    assert result["claims"]["assessed"] == 6 and result["claims"]["mean_reliability_correct"] == 1.0
    assert result["claims"]["mean_reliability_incorrect"] == 0.0

    def no_engine():
        raise AssertionError("cached assessments must not need the model")

    again = evaluate_tts(problems, rows, tmp_path, methods, settings, engine=no_engine, model="m")
    assert again["claims"]["reused"] == 6 and again["claims"]["assessed"] == 0
    assert again["methods"] == result["methods"]
    # a changed response, or other assessment settings, is assessed again
    rows[0] = {**rows[0], "response": "p1-0 changed"}
    redo = evaluate_tts(problems, rows, tmp_path, ["clr"], settings, engine=lambda: engine, model="m")
    assert (redo["claims"]["reused"], redo["claims"]["assessed"]) == (5, 1)
    assert claims_path(tmp_path, "m", TTSConfig(m=2)) != claims_path(tmp_path, "m", settings)
    # K below n: only the first K samples per problem are used
    first_two = evaluate_tts(problems, rows, tmp_path, ["majority"], TTSConfig(k=2), model="m")
    assert first_two["samples_used"] == 2 and first_two["per_problem"][1]["tokens"]["majority"] == 10
    with pytest.raises(ValueError, match="needs a model"):
        evaluate_tts(problems, rows, tmp_path / "other", ["clr"], settings, model="m")


def test_tts_domains_keep_claim_checks_to_the_named_domains(tmp_path):
    math = Problem(id="m", domain="math", prompt="m", answer="1")
    choice = Problem(id="c", domain="choice", prompt="c", answer="A", choices=["x", "y"])
    rows = rows_for("m", ["1", "2"], [True, False], [3, 3]) + [
        {**r, "domain": "choice"} for r in rows_for("c", ["A", "B"], [False, True], [2, 2])]
    engine = ScriptedEngine(lambda prompt: "Claim: ok\nAnswer: 1" if prompt.startswith("List") else "yes")
    result = evaluate_tts([math, choice], rows, tmp_path, ["clr", "majority"], TTSConfig(m=1, domains=["math"]),
                          engine=lambda: engine, model="m")
    assert [p["id"] for p in result["per_problem"]] == ["m"] and list(result["by_domain"]) == ["math"]
    assert result["claims"]["assessed"] == 2  # the choice question's samples were never sent to the model
    assert tts_scope(result) == "K = 2, 1 math problems"
    assert sum(len(prompts) for prompts, _ in engine.calls) == 4  # 2 extractions, 2 claim checks
    with pytest.raises(ValueError, match=r"tts.domains \['code'\]: no sampled problem.*present: choice, math"):
        evaluate_tts([math, choice], rows, tmp_path, ["majority"], TTSConfig(domains=["code"]))


def test_clr_clusters_answers_without_the_gold(tmp_path):
    # every sample equally reliable: three spellings of one wrong value (Score 3, merged by math-verify)
    # beat the two right answers (Score 2); the gold must not make the right ones one cluster first
    problems = [Problem(id="p", domain="math", prompt="p", answer="3")]
    rows = rows_for("p", ["1/2", "0.5", "\\frac{1}{2}", "3", "3"], [False, False, False, True, True], [1] * 5)
    engine = ScriptedEngine(lambda prompt: "Claim: ok\nAnswer: 1" if prompt.startswith("List") else "yes")
    result = evaluate_tts(problems, rows, tmp_path, ["clr", "majority"], TTSConfig(m=1), engine=lambda: engine,
                          model="m")
    assert result["per_problem"][0]["reliabilities"] == [1.0] * 5
    assert result["per_problem"][0]["chosen"] == {"clr": 0, "majority": 0}
    assert result["methods"]["clr"]["accuracy"] == 0.0


def test_eval_tts_end_to_end_on_the_tiny_model(tmp_path, tiny_model):
    from tinylogic.data.loaders import write_problems
    from tinylogic.data.suite import synthesize

    bench = tmp_path / "suite.jsonl"
    write_problems(bench, synthesize(4, seed=2))
    out = tmp_path / "eval"
    args = ["eval", "--model", str(tiny_model), "--bench", str(bench), "--n", "2", "--limit", "2",
            "--max-new-tokens", "6", "--out", str(out), "--tts", "all",
            "--set", "tts.extract_max_tokens=6", "--set", "tts.check_max_tokens=2"]
    runner = CliRunner()
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "test-time scaling" in result.output
    summary = json.loads((out / "summary.json").read_text())
    tts = summary["tts"]
    assert set(tts["methods"]) == {"pass@1", "single", "majority", "weighted", "clr", "verifier"}
    assert tts["problems"] == 2 and tts["samples_used"] == 2
    samples = [json.loads(line) for line in (out / "samples.jsonl").read_text().splitlines()]
    assert all(isinstance(r["mean_logprob"], float) and r["mean_logprob"] <= 0 for r in samples)
    cache = [json.loads(line) for line in next(out.glob("claims-*.jsonl")).read_text().splitlines()]
    assert len(cache) == 4 and all(1 <= c["extract_tokens"] <= 6 for c in cache)
    for stat in tts["per_problem"]:
        mine = [r for r in samples if r["problem_id"] == stat["id"]]
        spent = sum(c["tokens"] for c in cache if c["problem_id"] == stat["id"])
        assert stat["tokens"]["majority"] == sum(r["n_tokens"] for r in mine)
        assert stat["tokens"]["clr"] == stat["tokens"]["majority"] + spent
        assert stat["correct"]["verifier"] == any(r["correct"] for r in mine)
    assert "Test-time scaling" in (out / "report.html").read_text()
    again = runner.invoke(app, args)  # resumes: no new samples, no new claim checks
    assert again.exit_code == 0, again.output
    tts2 = json.loads((out / "summary.json").read_text())["tts"]
    assert tts2["claims"]["reused"] == 4 and tts2["claims"]["assessed"] == 0
    bad = runner.invoke(app, [*args[:args.index("--tts")], "--tts", "majority,best"])
    assert bad.exit_code == 2 and "best" in bad.output
