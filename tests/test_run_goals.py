"""A recipe's `goals`, checked by the run report: levels, paired changes and TTS selections, met or missed with
the measured figure, and goals naming models the run does not evaluate refused before anything runs."""

import pytest
from pydantic import TypeAdapter

from tinylogic.config import Goal
from tinylogic.config_load import ConfigError, load_recipe
from tinylogic.run import check_stage_names
from tinylogic.run_report import _goal_rows


def goals(*specs: dict) -> list:
    return TypeAdapter(list[Goal]).validate_python(list(specs))


def summary(solved: dict[str, int], domain: str = "math", problems: int = 10, n: int = 4, **extra) -> dict:
    """An eval summary's per-problem stats: problem i solved c of n times, c = solved.get(str(i), 0)."""
    return {"per_problem": [{"id": str(i), "domain": domain, "c": solved.get(str(i), 0), "n": n}
                            for i in range(problems)], **extra}


def test_level_goals_against_a_number_and_another_model():
    evals = {"sft1": summary({"0": 4, "1": 2}), "fuse2": summary({"0": 4, "1": 1, "2": 1})}
    rows = _goal_rows(goals(
        {"kind": "level", "claim": "math after SFT", "model": "sft1", "domain": "math", "at_least": 0.15,
         "why_missed": "too few steps"},
        {"kind": "level", "claim": "math after SFT, high bar", "model": "sft1", "domain": "math", "at_least": 0.2,
         "why_missed": "too few steps"},
        # pass@4 = 1 - C(n-c, 4) / C(n, 4): sft1 solves 2 problems at least once, fuse2 3
        {"kind": "level", "claim": "fusion keeps pass@4", "model": "fuse2", "metric": "pass@4", "at_least": "sft1"},
        {"kind": "level", "claim": "code", "model": "sft1", "domain": "code", "at_least": 0.1},
    ), evals)
    # sft1 Pass@1 = (1 + 0.5) / 10 = 0.15; its per-problem values 1, 0.5 and 8 zeros have SE 0.107
    assert rows[0] == {"_name": "math after SFT", "measured": "sft1 pass@1 0.150 ± 0.107 (10 problems)",
                       "target": "≥ 0.150", "status": "met", "why missed": ""}
    assert rows[1]["status"] == "missed" and rows[1]["why missed"] == "too few steps"
    assert rows[2]["measured"].startswith("fuse2 pass@4 0.300") and rows[2]["target"] == "≥ 0.200 (sft1's)"
    assert rows[2]["status"] == "met"
    assert rows[3]["status"] == "not measured"  # no code problem in the test set


def test_level_goal_on_knowledge_asked_with_passages_only():
    stats = [{"id": "q", "domain": "choice", "c": 0, "n": 2}, {"id": "q@retrieval", "domain": "choice", "c": 2,
                                                                "n": 2, "passages": 3}]
    evals = {"sft1": {"per_problem": stats}}
    spec = {"kind": "level", "claim": "reads", "model": "sft1", "domain": "choice", "at_least": 0.8}
    retrieval, closed, both = (_goal_rows(goals(spec | {"passages": p}), evals)[0] for p in (True, False, None))
    assert (retrieval["status"], closed["status"], both["status"]) == ("met", "missed", "missed")
    assert "1.000" in retrieval["measured"] and "0.000" in closed["measured"] and "0.500" in both["measured"]


def test_change_goals_are_paired_and_cut_at_the_standard_errors_asked():
    # 6 of 17 problems gained: +0.353 ± 0.119, z = 2.95: under 3 SE, over 1
    evals = {"fuse2": summary({}, problems=17, n=1), "rl/04-instruct": summary(
        {str(i): 1 for i in range(6)}, problems=17, n=1), "distill": summary({}, problems=17, n=1)}
    rows = _goal_rows(goals(
        {"kind": "change", "claim": "RL raises math", "before": "fuse2", "after": "rl_last", "domain": "math",
         "at_least_se": 3, "why_missed": "67 problems"},
        {"kind": "change", "claim": "RL raises math a little", "before": "fuse2", "after": "rl", "at_least_se": 1},
        {"kind": "change", "claim": "distill keeps it", "before": "rl_last", "after": "distill", "at_least_se": -1},
    ), evals)
    assert rows[0]["measured"] == "fuse2 → rl_last: +0.353 ± 0.119 (+2.9 SE, 17 problems)"
    assert (rows[0]["target"], rows[0]["status"], rows[0]["why missed"]) == ("≥ +3 SE", "missed", "67 problems")
    assert rows[1]["status"] == "met"
    assert rows[2]["measured"].startswith("rl_last → distill: -0.353") and rows[2]["status"] == "missed"


def test_selection_goals_read_the_final_models_tts_block():
    math = {"problems": 3, "methods": {"single": {"accuracy": 0.4}, "clr": {"accuracy": 0.3}}}
    tts = {"samples_used": 8, "problems": 10, "by_domain": {"math": math, "choice": {"problems": 7, "methods": {}}},
           "methods": {"single": {"accuracy": 0.18}, "majority": {"accuracy": 0.22}, "clr": {"accuracy": 0.22}}}
    evals = {"sft1": summary({}), "distill": summary({}, tts=tts)}
    rows = _goal_rows(goals(
        {"kind": "selection", "claim": "CLR beats one sample", "method": "clr", "above": "single"},
        {"kind": "selection", "claim": "CLR beats majority", "method": "clr", "above": "majority"},
        {"kind": "selection", "claim": "a verifier", "method": "verifier", "above": "single"},
        {"kind": "selection", "claim": "CLR on math", "method": "clr", "above": "single", "domain": "math"},
        {"kind": "selection", "claim": "CLR on code", "method": "clr", "above": "single", "domain": "code"},
    ), evals)
    # a tie is not above; no verifier in the block, no code problem: not measured
    assert [r["status"] for r in rows] == ["met", "missed", "not measured", "missed", "not measured"]
    assert rows[0]["measured"] == "K = 8, 10 problems: clr 0.220, single 0.180"
    assert rows[3]["measured"] == "K = 8, 3 math problems: clr 0.300, single 0.400"  # the goal's domain named


@pytest.mark.parametrize(("goal", "field"), [
    ("{kind: level, claim: x, model: sft2, at_least: 0.3}", "goals[0].model"),
    ("{kind: level, claim: x, model: sft1, at_least: fuse1}", "goals[0].at_least"),
    ("{kind: change, claim: x, before: sft1, after: rl, at_least_se: 3}", "goals[0].after"),
    ("{kind: level, claim: x, model: sft1, metric: pass@8, at_least: 0.3}", "goals[0].metric"),
])
def test_goals_naming_what_the_run_does_not_evaluate_are_refused(goal, field):
    cfg = load_recipe(None, ["eval.models=[sft1, distill]", "eval.n=4", "eval.ks=[1,4]", f"goals=[{goal}]"])
    with pytest.raises(ConfigError, match=field.replace("[", r"\[").replace("]", r"\]")):
        check_stage_names(cfg)


@pytest.mark.parametrize(("goal", "message"), [
    ("{kind: speed, claim: fast}", "goals.0: Input tag 'speed'"),
    ("{kind: change, claim: x, before: a, after: b, domain: maths, at_least_se: 3}", "unknown domain 'maths'"),
])
def test_a_goal_of_an_unknown_kind_or_domain_names_the_field(goal, message):
    with pytest.raises(ConfigError, match=message):
        load_recipe(None, [f"goals=[{goal}]"])


def test_a_goal_takes_a_domain_by_its_alias():
    cfg = load_recipe(None, ["goals=[{kind: level, claim: x, model: sft1, domain: knowledge, at_least: 0.8}]"])
    assert cfg.goals[0].domain == "choice"  # the name eval summaries record


def test_selection_goal_against_pass1_is_paired_over_problems_and_cut_at_the_se_asked():
    # 4 problems: majority right on 3 whose K samples were right half the time, wrong on 1 at 0.25
    per_problem = [{"id": str(i), "domain": "math", "pass@1": p1, "correct": {"majority": ok, "single": ok}}
                   for i, (p1, ok) in enumerate([(0.5, True), (0.5, True), (0.5, True), (0.25, False)])]
    methods = {"pass@1": {"accuracy": 0.4375}, "majority": {"accuracy": 0.75}, "single": {"accuracy": 0.75}}
    tts = {"samples_used": 8, "problems": 4, "by_domain": {"math": {"problems": 4, "methods": methods}},
           "per_problem": per_problem, "methods": methods}
    evals = {"sft1": summary({}), "distill": summary({}, tts=tts)}
    spec = {"kind": "selection", "claim": "votes", "method": "majority", "above": "pass@1", "domain": "math"}
    plain, clear, loose = _goal_rows(goals(spec | {"domain": "all"}, spec | {"at_least_se": 3},
                                           spec | {"at_least_se": 1}), evals)
    # differences +0.5, +0.5, +0.5, -0.25: mean +0.3125, SD 0.375, SE 0.1875, z 1.67
    assert plain["status"] == "met" and plain["target"] == "> pass@1"
    assert clear["measured"] == "K = 8, 4 math problems: majority 0.750, pass@1 0.438 (+0.312 ± 0.188, +1.6 SE)"
    assert (clear["target"], clear["status"]) == ("≥ +3 SE above pass@1", "missed")
    assert loose["status"] == "met"
