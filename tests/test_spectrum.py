"""Spectrum phase pieces around SFT: probing, specialist choice, the hard subset."""

import json

import pytest

from tinylogic.data.schema import Problem, Trace
from tinylogic.eval.harness import _sample_row
from tinylogic.train.curriculum import hard_subset, select_hard
from tinylogic.train.probe import list_checkpoints, pick_specialists, probe_checkpoints
from tinylogic.verify.base import Verdict


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


def test_hard_subset_leaves_out_and_reports_a_broken_gold(tmp_path, tiny_model):
    """Every rollout of a problem whose gold does not parse is a verifier error, not a wrong answer: the
    problem is not hard (it used to be kept with error rate 1.0), it is left out and reported."""
    problems = [_problem("fine", ["x" * 5]), _problem("broken", ["x" * 5]).model_copy(update={"answer": "}{"})]
    kept, summary = hard_subset(tiny_model, problems, tmp_path, rollouts=2, min_error_rate=0.5, max_new_tokens=4,
                                progress=False)
    assert [p.id for p in kept] == ["fine"]  # the untrained model fails it: hard
    assert summary["verifier_errors"] == 1 and summary["kept"] == 1
    saved = json.loads((tmp_path / "hard_subset_report.json").read_text())
    assert saved["verifier_errors"] == 1
    row = next(r for r in saved["rows"] if r["id"] == "broken")
    assert not row["kept"] and row["why"] == "verifier error on 2 rollout(s): gold answer '}{' does not parse as math"


def test_probe_scores_pass_at_k_per_subdomain_and_picks_its_argmax(tmp_path):
    """Checkpoints with known verdicts, written where each one's evaluation resumes from (so nothing is
    generated): the table holds their unbiased Pass@2 over n = 4 samples, each subdomain's specialist is
    its argmax (not Pass@1's), a tie goes to the higher overall Pass@2, and probe.json says the same."""
    run = tmp_path / "run"
    for folder in (run / "checkpoints" / "step-000002", run / "checkpoints" / "step-000004", run / "final"):
        folder.mkdir(parents=True)
        (folder / "config.json").write_text("{}")
    (run / "checkpoints" / ".step-000006.tmp").mkdir()  # an interrupted write is not a checkpoint
    ckpts = list_checkpoints(run)
    assert [c.name for c in ckpts] == ["step-000002", "step-000004", "final"]
    problems = [Problem(id=pid, domain="math", subdomain=sub, prompt=f"Solve {pid}.", answer="1")
                for pid, sub in (("a1", "add"), ("a2", "add"), ("m1", "mul"), ("s1", "sub"))]
    # correct samples of 4 per problem [a1, a2, m1, s1]; Pass@2 of c correct of 4 is 1 - C(4-c, 2)/6:
    # 0, 1/2, 5/6, 1, 1 for c = 0..4
    correct = {"step-000002": [4, 1, 4, 0], "step-000004": [2, 2, 4, 1], "run--final": [0, 0, 4, 3]}
    for folder, counts in correct.items():
        rows = [_sample_row(p, j, "a response", Verdict(correct=j < c, reward=float(j < c)))
                for p, c in zip(problems, counts, strict=True) for j in range(4)]
        evaluated = tmp_path / "probe" / folder  # probe_checkpoints' evaluation folder of that checkpoint
        evaluated.mkdir(parents=True)
        (evaluated / "samples.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))

    result = probe_checkpoints(ckpts, problems, tmp_path / "probe", k=2, n=4, progress=False)
    step2, step4, final = (str(c) for c in ckpts)
    assert result["table"] == {
        step2: pytest.approx({"add": 3 / 4, "mul": 1.0, "sub": 0.0, "all": 5 / 8}),
        step4: pytest.approx({"add": 5 / 6, "mul": 1.0, "sub": 1 / 2, "all": 19 / 24}),
        final: pytest.approx({"add": 0.0, "mul": 1.0, "sub": 1.0, "all": 1 / 2}),
    }
    # add: step 4 (Pass@1 would pick step 2: 5/8 > 1/2); mul: all three tie, step 4 is the best overall
    assert result["best"] == {"add": step4, "mul": step4, "sub": final}
    assert result["specialists"] == [step4, final]
    assert json.loads((tmp_path / "probe" / "probe.json").read_text()) == result
    assert (result["metric"], result["n"], result["k"]) == ("pass@2", 4, 2)
    with pytest.raises(ValueError, match="n >= 4"):
        probe_checkpoints(ckpts, problems, tmp_path / "probe2", k=4, n=2)
