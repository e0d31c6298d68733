"""Spectrum phase pieces around SFT: probing, specialist choice, the hard subset."""

import json

import pytest

from tinylogic.data.schema import Problem, Trace
from tinylogic.models import init_model
from tinylogic.train.curriculum import select_hard
from tinylogic.train.probe import list_checkpoints, pick_specialists, probe_checkpoints


def test_pick_specialists_argmax_then_overall_then_earlier():
    table = {"step-1": {"add": 0.2, "mul": 0.5, "mod": 0.0, "all": 0.3},
             "step-2": {"add": 0.6, "mul": 0.5, "mod": 0.0, "all": 0.5},
             "final": {"add": 0.6, "mul": 0.1, "mod": 0.0, "all": 0.5}}
    # add: tie at 0.6 and on overall -> the earlier; mul: tie at 0.5 -> the better overall;
    # mod: nobody solves it -> the best overall (earliest of those), never the weak step-1
    assert pick_specialists(table) == {"add": "step-2", "mul": "step-2", "mod": "step-2"}


def _problem(pid: str, traces: list[str]) -> Problem:
    return Problem(id=pid, domain="math", subdomain="add", prompt="p", answer="1",
                   traces=[Trace(strategy=f"s{i}", text=t) for i, t in enumerate(traces)])


def test_select_hard_applies_both_thresholds():
    problems = [_problem("easy", ["x" * 50]), _problem("hard", ["x" * 5, "x" * 50]),
                _problem("hard-short", ["x" * 5]), _problem("unseen", ["x" * 50])]
    rates = {"easy": 0.5, "hard": 0.875, "hard-short": 1.0}
    kept, report = select_hard(problems, rates, min_error_rate=0.75, min_trace_tokens=20)
    assert [p.id for p in kept] == ["hard"]
    assert [t.text for t in kept[0].traces] == ["x" * 50]  # the short trace is dropped
    why = {r["id"]: r["why"] for r in report}
    assert why["easy"].startswith("error rate 0.500 < 0.75")
    assert why["hard-short"] == "no trace reaches 20 tokens"
    assert why["unseen"] == "no rollouts"
    # the boundary is inclusive: exactly 0.75 is hard
    assert [p.id for p in select_hard(problems[:1], {"easy": 0.75})[0]] == ["easy"]


def test_probe_two_checkpoints_end_to_end(tmp_path):
    run = tmp_path / "run"
    for step, seed in ((2, 0), (4, 1)):
        init_model(run / "checkpoints" / f"step-{step:06d}", seed=seed)
    (run / "checkpoints" / ".step-000006.tmp").mkdir()  # an interrupted write is not a checkpoint
    ckpts = list_checkpoints(run)
    assert [c.name for c in ckpts] == ["step-000002", "step-000004"]
    problems = [Problem(id=f"q{i}", domain="math", subdomain=sub, prompt=f"Compute {i} + 1.", answer=str(i + 1))
                for i, sub in enumerate(["add", "add", "mul"])]
    result = probe_checkpoints(ckpts, problems, tmp_path / "probe", k=2, n=2, max_new_tokens=8, progress=False)
    assert set(result["table"]) == {str(c) for c in ckpts}
    assert all(set(row) == {"add", "mul", "all"} for row in result["table"].values())
    assert set(result["best"]) == {"add", "mul"}
    saved = json.loads((tmp_path / "probe" / "probe.json").read_text())
    assert saved["metric"] == "pass@2" and saved["best"] == result["best"]
    with pytest.raises(ValueError, match="n >= 4"):
        probe_checkpoints(ckpts, problems, tmp_path / "probe2", k=4, n=2)
