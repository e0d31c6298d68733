import json
import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import tinylogic.engine.base as engine_base
from tinylogic.data.loaders import load_problems
from tinylogic.data.prompts import build_prompt
from tinylogic.eval.harness import evaluate_model, evaluate_samples, load_bench

# Per AIME24 problem (10 of them): what each of its 4 responses says. "C" is the gold answer, "C'" the
# gold written differently (gold + ".0", still verified correct), "W1".."W3" wrong numbers, None no box.
PATTERNS = [
    ["C", "C", "C", "C"],        # c=4, maj right
    ["W1", "W1", "W1", "W1"],    # c=0, maj wrong
    ["C", "W1", "W1", "W2"],     # c=1, W1 has 2 votes: maj wrong
    ["W1", "C", "W2", "C"],      # c=2, maj right
    ["W1", "C", "C", "W1"],      # c=2, 2-2 tie, W1 appears first: maj wrong
    ["C", "W1", "W1", "C"],      # c=2, 2-2 tie, C appears first: maj right
    [None, None, None, "C"],     # c=1, unanswered samples never win: maj right
    ["C", "W1", "W2", "W3"],     # c=1, four 1-vote clusters, C first: maj right
    ["W1", "W2", "C", "C"],      # c=2, maj right
    ["C'", "W1", "C", "W1"],     # c=2, the two correct spellings form one cluster, first: maj right
]
MAJ = [True, False, False, True, False, True, True, True, True, True]


def response(kind, gold: str) -> str:
    if kind is None:
        return "I am not sure."
    value = {"C": gold, "C'": f"{gold}.0", "W1": str(int(gold) + 1), "W2": str(int(gold) + 2),
             "W3": str(int(gold) + 3)}[kind]
    return f"Let me think. The total is {value}, so the answer is \\boxed{{{value}}}."


def exact_pass_at_k(n, c, k):
    return 1 - math.comb(n - c, k) / math.comb(n, k)


@pytest.fixture(scope="module")
def aime_rows(benchmarks_dir):
    problems = load_problems(benchmarks_dir / "aime24.parquet")[:10]
    rows = []
    for i, (problem, pattern) in enumerate(zip(problems, PATTERNS, strict=True)):
        for kind in pattern:
            rows.append({"problem_id": problem.id, "domain": "math", "answer": problem.answer,
                         "difficulty": i % 2, "response": response(kind, problem.answer)})
    return rows


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_evaluate_samples_matches_hand_computation(tmp_path, aime_rows):
    summary = evaluate_samples(write_jsonl(tmp_path / "in.jsonl", aime_rows), tmp_path / "out", ks=(1, 2, 4),
                               workers=2, progress=False)
    c = [sum(kind in ("C", "C'") for kind in pattern) for pattern in PATTERNS]
    overall = summary["overall"]
    assert summary["counts"]["samples"] == 40 and summary["counts"]["correct"] == sum(c) == 17
    assert overall["pass@1"] == pytest.approx(17 / 40)
    assert overall["avg@4"] == pytest.approx(17 / 40)
    assert overall["pass@2"] == pytest.approx(sum(exact_pass_at_k(4, ci, 2) for ci in c) / 10)
    assert overall["pass@4"] == pytest.approx(0.9)
    assert overall["maj@4"] == pytest.approx(sum(MAJ) / 10)
    assert [p["maj"] for p in summary["per_problem"]] == MAJ
    even = [ci for i, ci in enumerate(c) if i % 2 == 0]
    assert summary["by_difficulty"]["0"]["pass@1"] == pytest.approx(sum(even) / 20)
    assert summary["reasoning_vs_knowledge"] is None
    out = tmp_path / "out"
    scored = [json.loads(line) for line in (out / "samples.jsonl").read_text().splitlines()]
    assert len(scored) == 40 and sum(r["correct"] for r in scored) == 17
    assert scored[4]["pred"] == str(int(aime_rows[4]["answer"]) + 1)  # problem 1's wrong answer, extracted
    assert json.loads((out / "summary.json").read_text())["overall"] == overall
    assert "data:image/png;base64," in (out / "report.html").read_text()


def test_weighted_vote_and_scored_best_of_n(tmp_path, aime_rows):
    # problem 0 of the file: W1 outscores C; problem 1: C outscores the W1 majority
    gold0, gold1 = aime_rows[0]["answer"], aime_rows[4]["answer"]
    plan = [(0, gold0, "C", 0.1), (0, gold0, "W1", 0.5), (0, gold0, "C", 0.1), (0, gold0, "W1", 0.4),
            (1, gold1, "C", 0.9), (1, gold1, "W1", 0.2), (1, gold1, "W1", 0.2), (1, gold1, "W2", 0.85)]
    rows = [{"problem_id": f"p{p}", "domain": "math", "answer": g, "response": response(k, g), "score": s}
            for p, g, k, s in plan]
    summary = evaluate_samples(write_jsonl(tmp_path / "in.jsonl", rows), tmp_path / "out", workers=2,
                               progress=False)
    assert [p["maj"] for p in summary["per_problem"]] == [True, False]      # 2-2 tie -> C; W1 majority
    assert [p["weighted"] for p in summary["per_problem"]] == [False, True]  # 0.9 beats 0.85 and 0.4
    assert [p["best_scored"] for p in summary["per_problem"]] == [False, True]  # the top-scored sample
    assert summary["overall"]["weighted@4"] == 0.5 and summary["overall"]["best@4"] == 1.0


def test_reasoning_vs_knowledge_table(tmp_path):
    choices = ["red", "green", "blue", "black"]
    rows = [{"problem_id": "m", "domain": "math", "answer": "12", "response": "\\boxed{12}"},
            {"problem_id": "m", "domain": "math", "answer": "12", "response": "\\boxed{13}"},
            {"problem_id": "q", "domain": "choice", "answer": "B", "choices": choices, "response": "Answer: A"},
            {"problem_id": "q", "domain": "choice", "answer": "B", "choices": choices, "response": "Answer: A"}]
    summary = evaluate_samples(write_jsonl(tmp_path / "in.jsonl", rows), tmp_path / "out", progress=False)
    table = summary["reasoning_vs_knowledge"]
    assert table["reasoning"]["accuracy"] == 0.5 and table["reasoning"]["domains"] == ["math"]
    assert table["knowledge"]["accuracy"] == 0.0 and table["knowledge"]["chance"] == 0.25
    assert "Reasoning vs knowledge" in (tmp_path / "out" / "report.html").read_text()


@pytest.mark.parametrize("line,message", [
    ('{"problem_id": "a", "domain": "math", "answer": "1"}', "line 2: field 'response'"),
    ("{not json", "line 2: malformed JSON"),
    ('{"problem_id": "a", "domain": "math", "answer": "1", "response": "x", "score": "high"}', "line 2: field 'score'"),
])
def test_malformed_sample_rows_name_their_line(tmp_path, line, message):
    good = '{"problem_id": "a", "domain": "math", "answer": "1", "response": "\\\\boxed{1}"}'
    path = tmp_path / "in.jsonl"
    path.write_text(good + "\n" + line + "\n")
    with pytest.raises(ValueError, match=message):
        evaluate_samples(path, tmp_path / "out", progress=False)


def test_prompt_templates():
    suite = load_bench("suite-heldout", limit=50)
    math_problem = next(p for p in suite if p.domain == "math")
    [message] = build_prompt(math_problem)
    assert message["role"] == "user" and message["content"].endswith("within \\boxed{}.")
    choice = math_problem.model_copy(update={"domain": "choice", "choices": ["x", "y"], "answer": "A"})
    assert "A. x\nB. y" in build_prompt(choice)[0]["content"]
    with pytest.raises(FileNotFoundError, match="neither a built-in name"):
        load_bench("no-such-bench")


# ---------------------------------------------------------------- end to end with a real (untrained) model

@pytest.fixture
def count_generated(monkeypatch):
    counts = {"loads": 0, "samples": 0}
    real = engine_base.load_engine

    def counting_load(*args, **kwargs):
        counts["loads"] += 1
        engine = real(*args, **kwargs)
        generate = engine.generate

        def counting_generate(prompts, params):
            counts["samples"] += len(prompts) * params.n
            return generate(prompts, params)

        engine.generate = counting_generate
        return engine

    monkeypatch.setattr(engine_base, "load_engine", counting_load)
    return counts


def test_evaluate_model_end_to_end_and_resume(tmp_path, tiny_model, count_generated):
    problems = load_bench("suite-heldout", limit=3)
    out = tmp_path / "run"
    first = evaluate_model(tiny_model, problems, out, n=2, max_new_tokens=16, workers=2, progress=False)
    assert first["generated"] == 6 and first["reused"] == 0 and count_generated["samples"] == 6
    assert {p["id"] for p in first["per_problem"]} == {p.id for p in problems}
    assert set(first["overall"]) >= {"pass@1", "pass@2", "avg@2"}
    rows = [json.loads(line) for line in (out / "samples.jsonl").read_text().splitlines()]
    assert len(rows) == 6
    for field in ("problem_id", "sample_index", "domain", "subdomain", "difficulty", "response",
                  "finish_reason", "n_tokens", "correct", "reward", "detail", "pred", "answer"):
        assert field in rows[0], field
    assert json.loads((out / "settings.json").read_text())["max_new_tokens"] == 16
    html = (out / "report.html").read_text()
    assert html.count("data:image/png;base64,") >= 3 and "<table>" in html and "pass@k curve" in html

    # second run: every sample is re-used, no engine is even loaded
    again = evaluate_model(tiny_model, problems, out, n=2, max_new_tokens=16, workers=2, progress=False)
    assert again["generated"] == 0 and again["reused"] == 6 and count_generated["loads"] == 1
    assert again["overall"] == first["overall"]
    # the samples file carries the gold, so it re-scores to the same numbers without a model
    rescored = evaluate_samples(out / "samples.jsonl", tmp_path / "rescored", ks=[1, 2], progress=False)
    assert rescored["overall"]["pass@1"] == first["overall"]["pass@1"]
    assert rescored["counts"]["samples"] == 6

    # a lost row is regenerated, identically (seeds depend on the fixed problem grouping only)
    (out / "samples.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows[:-1]) + '{"torn')
    third = evaluate_model(tiny_model, problems, out, n=2, max_new_tokens=16, workers=2, progress=False)
    assert third["generated"] == 1 and third["reused"] == 5
    assert [json.loads(line) for line in (out / "samples.jsonl").read_text().splitlines()] == rows

    with pytest.raises(ValueError, match="max_new_tokens: 16 -> 8"):
        evaluate_model(tiny_model, problems, out, n=2, max_new_tokens=8, progress=False)


def test_evaluate_model_on_aime24(tmp_path, tiny_model):
    summary = evaluate_model(tiny_model, "aime24", tmp_path / "aime", n=2, ks=(1, 2), limit=3,
                             max_new_tokens=16, workers=2, progress=False)
    assert summary["counts"] == {**summary["counts"], "problems": 3, "samples": 6}
    assert summary["overall"]["pass@2"] >= summary["overall"]["pass@1"] >= 0.0  # untrained: ~0
    assert summary["settings"]["problems"] == 3 and (tmp_path / "aime" / "report.html").exists()
    with pytest.raises(ValueError, match="n >= 4"):
        evaluate_model(tiny_model, "aime24", tmp_path / "other", n=2, ks=(1, 4), limit=3)


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium (apt-get install chromium)")
def test_report_renders_in_headless_chromium(tmp_path, aime_rows):
    rows = [{"problem_id": f"p{i}", "domain": "math", "answer": r["answer"], "response": f"\\boxed{{{r['answer']}}}"}
            for i, r in enumerate(aime_rows[:4])]
    samples = tmp_path / "s.jsonl"
    samples.write_text("".join(json.dumps(r) + "\n" for r in rows))
    evaluate_samples(samples, tmp_path / "out", progress=False)
    shot = tmp_path / "report.png"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", f"--user-data-dir={tmp_path / 'profile'}",
                    "--window-size=1000,1600", f"--screenshot={shot}", (tmp_path / "out" / "report.html").as_uri()],
                   check=True, capture_output=True, timeout=120)
    from PIL import Image

    image = Image.open(shot).convert("L")
    assert image.size == (1000, 1600)
    assert len(image.getcolors(maxcolors=256)) > 20  # text and plots drawn, not a blank page


SHARDED = """
import json, sys
from tinylogic.processes import join_processes
from tinylogic.config_load import load_recipe
from tinylogic.engine.hf import HFEngine
from tinylogic.eval.harness import evaluate_model, load_bench
join_processes(load_recipe(None, ["distributed.timeout=300"]))
import torch.distributed as dist
calls = []
generate = HFEngine.generate
HFEngine.generate = lambda self, prompts, params, **kw: calls.append(len(prompts)) or generate(self, prompts, params, **kw)
from tinylogic.config import TTSConfig
summary = evaluate_model(sys.argv[1], load_bench("suite-heldout", limit=10), sys.argv[2], n=16, ks=[1, 16],
                         max_new_tokens=8, workers=1, progress=False, shard=True, tts=["majority", "clr"],
                         tts_settings=TTSConfig(k=8, m=2, extract_max_tokens=24, check_max_tokens=4))
# one file per rank: the two processes' stdout lines can interleave
open(f"{sys.argv[2]}.rank-{dist.get_rank()}.json", "w").write(json.dumps({"rank": dist.get_rank(), "prompts": calls, "overall": summary["overall"], "tts": summary["tts"]}))
"""


@pytest.mark.slow
def test_sharded_evaluation_samples_what_one_process_samples(tmp_path, tiny_model):
    # 10 problems x 16 samples: groups of 4 problems (64 rows per engine call), 3 groups over 2 processes
    from tinylogic.config import TTSConfig

    one = evaluate_model(tiny_model, load_bench("suite-heldout", limit=10), tmp_path / "one", n=16, ks=[1, 16],
                         max_new_tokens=8, workers=1, progress=False, tts=["majority", "clr"],
                         tts_settings=TTSConfig(k=8, m=2, extract_max_tokens=24, check_max_tokens=4))
    script = tmp_path / "sharded.py"
    script.write_text(SHARDED)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RANK", "WORLD_SIZE", "LOCAL_RANK"))}
    launch = [str(Path(sys.executable).with_name("accelerate")), "launch", "--multi_gpu", "--num_processes", "2",
              "--num_machines", "1", "--mixed_precision", "no", "--dynamo_backend", "no", str(script)]
    done = subprocess.run([*launch, str(tiny_model), str(tmp_path / "two")], env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    ranks = [json.loads((tmp_path / f"two.rank-{rank}.json").read_text()) for rank in (0, 1)]
    # sampling: groups 0 and 2 on rank 0, group 1 on rank 1; then CLR's claim extraction of 10 x 8 samples in
    # groups of 64: the first on rank 0, the other 16 on rank 1 (each followed by its claim checks, if any)
    assert ranks[0]["prompts"][:3] == [4, 2, 64] and ranks[1]["prompts"][:2] == [4, 16]
    assert ranks[0]["overall"] == ranks[1]["overall"] == one["overall"]
    assert ranks[0]["tts"]["methods"] == ranks[1]["tts"]["methods"] == one["tts"]["methods"]
    assert ranks[0]["tts"]["claims"]["assessed"] == 80
    claims = {name: sorted(json.dumps({k: v for k, v in json.loads(line).items()}, sort_keys=True)
                           for line in next((tmp_path / name).glob("claims-*.jsonl")).read_text().splitlines())
              for name in ("one", "two")}
    assert claims["one"] == claims["two"] and len(claims["one"]) == 80
    assert not list((tmp_path / "two").glob("claims-*.part-*"))  # merged
    rows = {name: [json.loads(line) for line in (tmp_path / name / "samples.jsonl").read_text().splitlines()]
            for name in ("one", "two")}
    # the same responses in the same order; log-prob means agree to float noise (other thread counts)
    assert [r["response"] for r in rows["one"]] == [r["response"] for r in rows["two"]] and len(rows["one"]) == 160
    assert [{**r, "mean_logprob": 0} for r in rows["one"]] == [{**r, "mean_logprob": 0} for r in rows["two"]]
    assert max(abs(a["mean_logprob"] - b["mean_logprob"]) for a, b in zip(*rows.values(), strict=True)) < 1e-4
    assert not list((tmp_path / "two").glob("samples.part-*"))  # merged


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium (apt-get install chromium)")
def test_a_wide_table_scrolls_in_its_box_at_laptop_width(tmp_path):
    # a probe table has a column per subdomain: at 1280 px the page itself must not scroll sideways
    sync_api = pytest.importorskip("playwright.sync_api")
    from tinylogic.eval.report import STYLE, html_table

    columns = [f"subdomain-{i}" for i in range(40)]
    rows = [{"_name": f"step-{s:06d}", **{c: 0.5 for c in columns}} for s in range(3)]
    page_file = tmp_path / "wide.html"
    page_file.write_text(f"<html><head><style>{STYLE}</style></head><body><h1>probe</h1>"
                         f"{html_table(rows, columns, first='checkpoint')}<p>after the table</p></body></html>")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(page_file.as_uri())
        page_width = page.evaluate("document.documentElement.scrollWidth")
        box = page.evaluate("(() => { const b = document.querySelector('.wide'); "
                            "return [b.scrollWidth, b.clientWidth]; })()")
        browser.close()
    assert page_width <= 1280
    assert box[0] > box[1]  # the table is wider than its box, which scrolls
