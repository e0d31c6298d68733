"""The CLI end to end on small inputs: each command does its job and fails clearly on bad input."""

import json
import os
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tinylogic import __version__
from tinylogic.cli import app
from tinylogic.data.loaders import load_problems

runner = CliRunner()


def test_version_and_help_lists_working_commands():
    assert runner.invoke(app, ["--version"]).output.strip() == f"tinylogic {__version__}"
    listed = runner.invoke(app, ["--help"]).output
    for command in ("config", "data", "model", "verify", "sft"):
        assert command in listed
        assert runner.invoke(app, [command, "--help"]).exit_code == 0


def test_synth_inspect_decontam(tmp_path, benchmarks_dir):
    suite = tmp_path / "suite.jsonl"
    assert runner.invoke(app, ["data", "synth", "--out", str(suite), "--n", "60", "--seed", "3"]).exit_code == 0
    problems = load_problems(suite)
    assert len(problems) == 60 and {p.domain for p in problems} == {"math", "code"}

    inspect = runner.invoke(app, ["data", "inspect", str(suite)])
    assert inspect.exit_code == 0 and "60 problems" in inspect.output

    # Plant a near-copy of a real AIME problem (case and punctuation changed) among the training rows.
    aime = load_problems(benchmarks_dir / "aime24_test.jsonl")[0]
    planted = problems[0].model_copy(update={"id": "planted", "prompt": aime.prompt.upper().replace(",", " ;")})
    rows = [json.loads(line) for line in suite.read_text().splitlines()]
    rows.append(planted.model_dump(mode="json"))
    suite.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "clean.jsonl"
    result = runner.invoke(app, ["data", "decontam", "--train", str(suite), "--out", str(out),
                                 "--against", str(benchmarks_dir / "aime24_test.jsonl")])
    assert result.exit_code == 0, result.output
    kept = load_problems(out)
    assert len(kept) == 60 and "planted" not in {p.id for p in kept}
    report = [json.loads(line) for line in out.with_name(out.name + ".report.jsonl").read_text().splitlines()]
    assert [r["train_id"] for r in report] == ["planted"] and report[0]["eval_id"] == aime.id


def test_inspect_names_bad_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "domain": "math", "prompt": "1+1", "answer": "2"}\n{not json\n')
    result = runner.invoke(app, ["data", "inspect", str(bad)])
    assert result.exit_code == 2
    assert "line 2" in result.output


def test_verify_file_keeps_going_past_bad_rows(tmp_path):
    rows = [
        {"id": "m1", "domain": "math", "response": "so \\boxed{\\frac{1}{2}}", "answer": "0.5"},
        {"id": "m2", "domain": "math", "response": "\\boxed{3}", "answer": "4"},
        {"id": "c1", "domain": "choice", "response": "Answer: B", "answer": "B", "choices": ["x", "y", "z"]},
        {"id": "k1", "domain": "code", "response": "```python\ndef f(x):\n    return x + 1\n```",
         "tests": {"style": "call", "fn_name": "f", "inputs": [[1], [5]], "outputs": [2, 6]}},
        {"id": "bad", "domain": "math"},
    ]
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows) + "{oops\n")
    result = runner.invoke(app, ["verify", "--input", str(src), "--output", str(dst), "--workers", "2"])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in dst.read_text().splitlines()]
    assert [r.get("correct") for r in out[:4]] == [True, False, True, True]
    assert out[4]["error"] and "line 5" in out[4]["detail"]
    assert out[5]["error"] and "line 6" in out[5]["detail"]


def test_verify_as_the_readme_shows_it(tmp_path, monkeypatch):
    """README's `tinylogic verify --input rows.jsonl --output verdicts.jsonl`, word for word (no --workers)."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    args = shlex.split(re.search(r"`tinylogic (verify [^`]*)`", readme).group(1))
    source, target = args[args.index("--input") + 1], args[args.index("--output") + 1]
    monkeypatch.chdir(tmp_path)
    rows = [{"id": "m1", "domain": "math", "response": "so \\boxed{4}", "answer": "4"},
            {"id": "m2", "domain": "math", "response": "\\boxed{3}", "answer": "4"}]
    Path(source).write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    verdicts = [json.loads(line) for line in Path(target).read_text().splitlines()]
    assert [(v["id"], v["correct"]) for v in verdicts] == [("m1", True), ("m2", False)]


def test_model_init_rejects_unknown_size(tmp_path):
    result = runner.invoke(app, ["model", "init", "--out", str(tmp_path / "m"), "--size", "huge"])
    assert result.exit_code == 2 and "huge" in result.output


def test_eval_held_out_split_of_a_suite_file(tmp_path, tiny_model):
    suite = tmp_path / "suite.jsonl"
    runner.invoke(app, ["data", "synth", "--out", str(suite), "--n", "40", "--seed", "1"])
    heldout = [p.id for p in load_problems(suite) if p.split == "heldout"]
    out = tmp_path / "eval"
    result = runner.invoke(app, ["eval", "--model", str(tiny_model), "--bench", str(suite), "--split", "heldout",
                                 "--n", "2", "--k", "1,2", "--max-new-tokens", "8", "--out", str(out)])
    assert result.exit_code == 0, result.output
    summary = json.loads((out / "summary.json").read_text())
    assert {p["id"] for p in summary["per_problem"]} == set(heldout)
    assert (out / "report.html").exists()
    bad = runner.invoke(app, ["eval", "--model", str(tiny_model), "--bench", str(suite), "--split", "nope"])
    assert bad.exit_code == 2 and "split 'nope'" in bad.output
    assert runner.invoke(app, ["eval", "--model", str(tiny_model)]).exit_code == 2  # no bench, no samples


def test_fuse_the_specialists_of_a_probe(tmp_path, tiny_model):
    from tinylogic.models import init_model

    other = init_model(tmp_path / "other", seed=1)
    probe = tmp_path / "probe.json"
    probe.write_text(json.dumps({"best": {"add": str(tiny_model), "mul": str(tiny_model), "sub": str(other)},
                                 "specialists": [str(tiny_model), str(other)]}))
    # 1/N per subdomain by default (best on 2 of 3: 2/3); per_checkpoint: each specialist equally
    for extra, want in (([], [2 / 3, 1 / 3]), (["--probe-weights", "per_checkpoint"], [0.5, 0.5])):
        result = runner.invoke(app, ["fuse", "--probe", str(probe), "--out", str(tmp_path / "fused"), *extra])
        assert result.exit_code == 0, result.output
        assert json.loads((tmp_path / "fused" / "fusion.json").read_text())["weights"] == want
    nothing = runner.invoke(app, ["fuse", "--out", str(tmp_path / "x")])
    assert nothing.exit_code == 2 and "--checkpoint" in nothing.output
    mixed = runner.invoke(app, ["fuse", "--probe", str(probe), "--checkpoint", str(other), "--out", str(tmp_path / "x")])
    assert mixed.exit_code == 2 and "give a --weight for every checkpoint" in mixed.output


def _bad_input_cases(tmp: Path) -> dict[str, tuple[list[str], str]]:
    """Each bad input: the command line, and what its one-line error must name."""
    folder = tmp / "folder"
    folder.mkdir()
    model = tmp / "model"  # passes the --model check; never loaded (every case fails before)
    model.mkdir()
    (model / "config.json").write_text("{}")
    (tmp / "empty.jsonl").write_text("")
    (tmp / "fake.parquet").write_text("not parquet\n")
    (tmp / "rows.jsonl").write_text(json.dumps({"id": "m", "domain": "math", "response": "4", "answer": "4"}) + "\n")
    (tmp / "problems.jsonl").write_text(json.dumps({"id": "a", "domain": "math", "prompt": "1+1", "answer": "2"}) + "\n")
    gone, out = str(tmp / "no-model"), str(tmp / "out")
    return {
        "recipe is a folder": (["config", "show", str(folder)], str(folder)),
        "--set bad YAML": (["config", "show", "--set", "sft.epochs=[1,"], "sft.epochs"),
        "sft data missing": (["sft", "--model", str(model), "--data", str(tmp / "nope.jsonl"), "--out", out],
                             "nope.jsonl"),
        "sft data empty": (["sft", "--model", str(model), "--data", str(tmp / "empty.jsonl"), "--out", out],
                           "empty.jsonl"),
        "sft data is a folder": (["sft", "--model", str(model), "--data", str(folder), "--out", out], str(folder)),
        "sft model missing": (["sft", "--model", gone, "--data", str(tmp / "problems.jsonl"), "--out", out], gone),
        "rl model missing": (["rl", "--model", gone, "--data", str(tmp / "problems.jsonl"), "--out", out], gone),
        "eval model missing": (["eval", "--model", gone, "--bench", str(tmp / "problems.jsonl"), "--out", out], gone),
        "sft model without config.json": (["sft", "--model", str(folder), "--data", str(tmp / "problems.jsonl"),
                                           "--out", out], "config.json"),
        "inspect fake parquet": (["data", "inspect", str(tmp / "fake.parquet")], "fake.parquet"),
        "rl data fake parquet": (["rl", "--model", str(model), "--data", str(tmp / "fake.parquet"), "--out", out],
                                 "fake.parquet"),
        "sft data fake parquet": (["sft", "--model", str(model), "--data", str(tmp / "fake.parquet"), "--out", out],
                                  "fake.parquet: not a readable parquet file"),
        "eval bench fake parquet": (["eval", "--model", str(model), "--bench", str(tmp / "fake.parquet"), "--out",
                                     out], "fake.parquet: not a readable parquet file"),
        "verify input is a folder": (["verify", "--input", str(folder), "--output", str(tmp / "v.jsonl")], str(folder)),
        "verify output folder missing": (["verify", "--input", str(tmp / "rows.jsonl"), "--output",
                                          str(tmp / "missing" / "v.jsonl")], str(tmp / "missing")),
        # /dev/full: every write fails with ENOSPC, as on a full disk (it named the input file)
        "verify output on a full disk": (["verify", "--input", str(tmp / "rows.jsonl"), "--output", "/dev/full"],
                                         "/dev/full: No space left on device"),
    }


@pytest.mark.parametrize("case", [
    "recipe is a folder", "--set bad YAML", "sft data missing", "sft data empty", "sft data is a folder",
    "sft model missing", "rl model missing", "eval model missing", "sft model without config.json",
    "inspect fake parquet", "rl data fake parquet", "sft data fake parquet", "eval bench fake parquet",
    "verify input is a folder", "verify output folder missing", "verify output on a full disk"])
def test_bad_input_is_one_line_error(tmp_path, case):
    args, named = _bad_input_cases(tmp_path)[case]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, (result.output, result.exception)
    assert "Traceback" not in result.output and named in result.output, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:"), result.output


def test_a_bad_set_value_is_echoed_whole():
    # brackets in the value must not be eaten as console markup
    result = runner.invoke(app, ["config", "show", "--set", "data.domains=[math, chemistry]"])
    assert result.exit_code == 2 and "--set data.domains=[math, chemistry]:" in result.output
    assert "data.domains.1" in result.output and "chemistry" in result.output


def test_config_show_names_an_unknown_eval_model():
    # eval.models names the run's stages that make a model: a typo fails every command that reads the recipe
    result = runner.invoke(app, ["config", "show", "--set", "eval.models=[sft1, fuse9]"])
    assert result.exit_code == 2 and "eval.models: unknown 'fuse9'" in result.output, result.output
    assert "choose among base, rl_last, pretrain, sft1, fuse1, sft2, fuse2, rl, distill" in " ".join(result.output.split())


SLOW_RANK = """
import sys, time
from tinylogic.processes import join_processes
from tinylogic.config_load import load_recipe
join_processes(load_recipe(None, [f"distributed.timeout={sys.argv[1]}"]))
import torch.distributed as dist
if dist.get_rank() == 0:
    time.sleep(float(sys.argv[2]))  # rank 0 busy; rank 1 waits at the barrier
dist.barrier()
print("rank", dist.get_rank(), "through", flush=True)
"""


@pytest.mark.slow
def test_distributed_timeout_bounds_a_wait_at_a_barrier(tmp_path):
    script = tmp_path / "slow_rank.py"
    script.write_text(SLOW_RANK)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RANK", "WORLD_SIZE", "LOCAL_RANK"))}
    launch = [str(Path(sys.executable).with_name("accelerate")), "launch", "--multi_gpu", "--num_processes", "2",
              "--num_machines", "1", "--mixed_precision", "no", "--dynamo_backend", "no", str(script)]
    ok = subprocess.run([*launch, "60", "2"], env=env, capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0 and ok.stdout.count("through") == 2, ok.stderr[-2000:]
    start = time.monotonic()
    late = subprocess.run([*launch, "3", "40"], env=env, capture_output=True, text=True, timeout=300)
    assert late.returncode != 0 and "rank 1 through" not in late.stdout
    assert time.monotonic() - start < 38  # the 3-second timeout fired long before rank 0 arrived
