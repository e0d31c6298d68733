"""Self-distillation: S_LP against hand computations, packed = unpacked, the selection rules, and the
stage end to end (sampling through the harness, verification, scoring, SFT, resume)."""

import json
import math
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import torch
from transformers import AutoModelForCausalLM, AutoTokenizer
from typer.testing import CliRunner

from tinylogic.cli import app
from tinylogic.config import DistillConfig, SFTConfig
from tinylogic.config_load import ConfigError, load_recipe
from tinylogic.data.prompts import solve_prompt
from tinylogic.data.suite import synthesize
from tinylogic.engine.base import Sample
from tinylogic.train import distill as distill_mod
from tinylogic.train.distill import distill, learning_potential, length_buckets, sample_correct, select
from tinylogic.train.sft import IGNORE, encode_examples

RECORDS = [{"prompt": "Compute 2 + 3.", "completion": "2 + 3 = 5. \\boxed{5}"},
           {"prompt": "Compute 17 + 25.", "completion": "7 + 5 = 12, carry 1; 1 + 2 + 1 = 4. \\boxed{42}"},
           {"prompt": "Say hi.", "completion": "hi"},
           {"prompt": "Compute 9 * 9.", "completion": "9 * 9 = 81. So the answer is \\boxed{81}."}]


class Bigram(torch.nn.Module):
    """A toy LM whose next-token logits depend only on the current token: logits = W[token]."""

    def __init__(self, weights: torch.Tensor):
        super().__init__()
        # hidden state: the token's one-hot vector; LM head weight Wᵀ, so logits = W[token]
        self.head = torch.nn.Linear(*weights.shape, bias=False)
        self.head.weight = torch.nn.Parameter(weights.T.contiguous())

    def get_output_embeddings(self):
        return self.head

    def forward(self, input_ids, position_ids=None, use_cache=False, output_hidden_states=False, logits_to_keep=0):
        hidden = torch.nn.functional.one_hot(input_ids, self.head.in_features).float()
        return SimpleNamespace(logits=self.head(hidden[:, -logits_to_keep:]), hidden_states=(hidden,))


@pytest.fixture(scope="module")
def tok(tiny_model):
    return AutoTokenizer.from_pretrained(tiny_model)


def test_slp_of_a_uniform_model_is_log_vocab(tok):
    V = len(tok)
    scores = learning_potential(Bigram(torch.zeros(V, V)), tok, RECORDS, pack_tokens=4096)
    assert scores == pytest.approx([math.log(V)] * len(RECORDS), abs=1e-6)


def test_slp_equals_hand_computation_on_a_bigram_model(tok):
    V = len(tok)
    W = torch.randn(V, V, generator=torch.Generator().manual_seed(0)) * 3
    scores = learning_potential(Bigram(W.clone()), tok, RECORDS, pack_tokens=4096)  # all in one packed row
    table = W.tolist()
    for record, got in zip(RECORDS, scores, strict=True):
        ex = encode_examples(tok, [record])[0]
        terms = []
        for t in range(1, len(ex["input_ids"])):
            if ex["labels"][t] == IGNORE:
                continue
            row = table[ex["input_ids"][t - 1]]
            log_z = math.log(sum(math.exp(x) for x in row))
            terms.append(row[ex["input_ids"][t]] - log_z)
        # the completion plus the end-of-turn token, nothing of the prompt
        assert len(terms) == len(tok(record["completion"] + "<|im_end|>", add_special_tokens=False)["input_ids"])
        assert got == pytest.approx(-sum(terms) / len(terms), abs=1e-5)


def test_packed_slp_equals_unpacked_on_the_tiny_model(tiny_model, tok):
    model = AutoModelForCausalLM.from_pretrained(tiny_model).eval()
    expected = []
    with torch.no_grad():
        for ex in encode_examples(tok, RECORDS):
            ids = torch.tensor([ex["input_ids"]])
            logp = model(input_ids=ids).logits[0, :-1].log_softmax(-1)
            labels = torch.tensor(ex["labels"][1:])
            mask = labels != IGNORE
            expected.append(-logp[mask].gather(-1, labels[mask].unsqueeze(-1)).mean().item())
    one_row = learning_potential(model, tok, RECORDS, pack_tokens=4096)
    # rows shorter than some traces (those get a row alone, untruncated), stacked 3 per forward with padding
    stacked = learning_potential(model, tok, RECORDS, pack_tokens=40, micro_batch_rows=3)
    assert one_row == pytest.approx(expected, abs=1e-5)
    assert stacked == pytest.approx(expected, abs=1e-5)
    assert len(set(round(s, 4) for s in expected)) == len(RECORDS)  # distinct values: order errors would show


# ---------------------------------------------------------------- selection on synthetic scores


def _row(pid, n_tokens, domain="math", text=None, finish="stop", teacher="t0"):
    return {"teacher": teacher, "problem_id": pid, "sample_index": 0, "domain": domain, "subdomain": None,
            "prompt": f"q {pid}", "completion": text or f"{pid}-{n_tokens}-{teacher}", "n_tokens": n_tokens,
            "finish_reason": finish}


def test_length_buckets_are_quantiles_and_keep_ties_together():
    assert length_buckets([1, 2, 3, 4, 5, 6, 7, 8], 4) == [0, 0, 1, 1, 2, 2, 3, 3]
    assert length_buckets([10, 10, 10, 20], 2) == [0, 0, 0, 1]
    assert length_buckets([50], 4) == [0]


def test_selection_ranks_within_buckets_and_applies_filters():
    # short traces (30-39 tokens) all score higher than long ones (100-109): a global ranking would keep
    # only short traces; ranking within buckets keeps some of each.
    pairs = [(_row(f"{kind}{i}", base + i), score + step * i) for i in range(10)
             for kind, base, score, step in (("s", 30, 2.0, 0.1), ("l", 100, 0.5, 0.01))]
    pairs += [(_row("out", 35), 50.0),  # extreme outlier in the short bucket
              (_row("tiny", 3), 1.0),  # very short
              (_row("cut", 104, finish="length"), 0.55),  # truncated
              (_row("s0", 40, text=pairs[0][0]["completion"]), 2.0),  # duplicate of s0
              (_row("nan", 104), float("nan"))]
    rows, scores = [r for r, _ in pairs], [s for _, s in pairs]
    cfg = DistillConfig(length_buckets=2, min_trace_tokens=10, outlier_mad=3.5, keep_low=0.3, keep_high=0.8,
                        max_per_problem=0)
    out, report = select(rows, scores, cfg)
    why = {r["problem_id"]: r["why"] for r in out[-5:]}
    assert why == {"out": "outlier", "tiny": "short", "cut": "truncated", "s0": "duplicate", "nan": "unscored"}
    assert [r["s_lp"] for r in out] == pytest.approx(scores, nan_ok=True)
    for bucket, prefix in ((0, "s"), (1, "l")):
        members = [r for r in out if r["bucket"] == bucket and r["why"] != "outlier"]
        assert {r["problem_id"][0] for r in members} == {prefix}
        ranked = sorted(members, key=lambda r: r["s_lp"])
        n = len(ranked)
        want = [cfg.keep_low <= (k + 0.5) / n <= cfg.keep_high for k in range(n)]
        assert [r["kept"] for r in ranked] == want and any(want) and not all(want)
        assert [r["why"] for r in ranked if not r["kept"]] == \
            ["below range"] * want.index(True) + ["above range"] * (n - len(want) + want[::-1].index(True))
    assert report["candidates"] == len(rows) and report["kept"] == sum(r["kept"] for r in out)
    buckets = report["by_domain"]["math"]["buckets"]
    assert [b["tokens"] for b in buckets] == [[30, 39], [100, 109]]  # outlier's 35 inside; 40 was a duplicate
    assert buckets[1]["kept_s_lp"][0] >= buckets[1]["s_lp"][0] and buckets[0]["s_lp"][1] == 50.0


def test_selection_caps_per_problem_and_mixes_domains():
    # math: 20 problems x 2 traces in two length groups; code: 6 problems x 1 trace
    pairs = [(_row(f"m{i // 2}", 20 + (i % 2) * 100 + i, teacher=f"t{i % 2}"), 1.0 + i / 40) for i in range(40)]
    pairs += [(_row(f"c{i}", 50 + i, domain="code"), 1.0 + i / 6) for i in range(6)]
    rows, scores = [r for r, _ in pairs], [s for _, s in pairs]
    everything = DistillConfig(length_buckets=2, min_trace_tokens=0, outlier_mad=0, keep_low=0, keep_high=1,
                               max_per_problem=0)
    out, _ = select(rows, scores, everything)
    assert all(r["kept"] for r in out)

    one_each = everything.model_copy(update={"max_per_problem": 1})
    out, _ = select(rows, scores, one_each)
    for p in {r["problem_id"] for r in out}:
        mine = [r for r in out if r["problem_id"] == p]
        assert [r["kept"] for r in mine] == [r["s_lp"] == max(m["s_lp"] for m in mine) for r in mine]

    capped = everything.model_copy(update={"max_per_domain": 8})
    out, report = select(rows, scores, capped)
    math_kept = [r for r in out if r["domain"] == "math" and r["kept"]]
    assert len(math_kept) == 8 and report["by_domain"]["code"]["kept"] == 6
    assert sorted(sum(r["bucket"] == b for r in math_kept) for b in (0, 1)) == [4, 4]  # even across buckets
    assert {r["why"] for r in out if not r["kept"]} == {"domain cap"}

    mixed = everything.model_copy(update={"domain_weights": {"math": 0.5, "code": 0.5}})
    out, report = select(rows, scores, mixed)
    assert report["by_domain"]["math"]["kept"] == report["by_domain"]["code"]["kept"] == 6
    assert report["why"]["domain mix"] == 34
    only_code = everything.model_copy(update={"domain_weights": {"code": 1.0}})
    assert select(rows, scores, only_code)[1]["by_domain"]["math"]["kept"] == 0


def test_config_rejects_an_empty_range():
    with pytest.raises(ConfigError, match="keep_low"):
        load_recipe(None, ["distill.keep_low=0.9", "distill.keep_high=0.5"])
    with pytest.raises(ConfigError, match="domain_weights"):
        load_recipe(None, ["distill.domain_weights={math: -1}"])


# ---------------------------------------------------------------- the stage


class Replay:
    """An engine that answers with the suite's teacher traces (flawed ones included), so the stage sees
    both correct and wrong samples without a trained model."""

    def __init__(self, problems):
        self.by_prompt = {solve_prompt(p): p for p in problems}

    def generate(self, prompts, params):
        out = []
        for prompt in prompts:
            traces = self.by_prompt[prompt[0]["content"]].traces
            out.append([Sample(text=traces[j % len(traces)].text, token_ids=list(range(5 + len(traces[j % len(traces)].text) // 4)),
                               finish_reason="stop") for j in range(params.n)])
        return out

    def close(self):
        """Nothing to release (the Engine protocol's close)."""


@pytest.fixture
def suite():
    problems = synthesize(12, seed=5, flawed_fraction=0.4)
    problems = [p for p in problems if p.split != "heldout"]
    assert any(t.flawed for p in problems for t in p.traces)
    return problems


@pytest.fixture
def replay(monkeypatch, suite):
    monkeypatch.setattr("tinylogic.engine.base.load_engine", lambda model, backend="hf", **kw: Replay(suite))


def _teachers(tmp_path, tiny_model):
    # two "RL phase" checkpoints; their weights are never read by the replay engine
    return [tiny_model, tmp_path / "code-rl" / "final"]


def test_sample_correct_keeps_only_verified_correct(tmp_path, tiny_model, suite, replay):
    rows = sample_correct(_teachers(tmp_path, tiny_model), suite, tmp_path / "s", n=3, progress=False)
    by_id = {p.id: p for p in suite}
    expected = [(str(t), p.id, j) for t in _teachers(tmp_path, tiny_model) for p in suite for j in range(3)
                if not p.traces[j % len(p.traces)].flawed]
    assert sorted((r["teacher"], r["problem_id"], r["sample_index"]) for r in rows) == sorted(expected)
    for r in rows:
        p = by_id[r["problem_id"]]
        assert r["completion"] == p.traces[r["sample_index"] % len(p.traces)].text
        assert r["prompt"] == solve_prompt(p) and r["domain"] == p.domain and r["n_tokens"] > 5
    assert (tmp_path / "s" / "1-code-rl-final" / "samples.jsonl").exists()


def test_distill_end_to_end_and_resume(tmp_path, tiny_model, suite, replay, monkeypatch):
    cfg = DistillConfig(samples_per_problem=2, min_trace_tokens=0, length_buckets=2, keep_low=0.2, epochs=1,
                        learning_rate=1e-3)
    sft_cfg = SFTConfig(global_batch_size=16, pack_tokens=256, micro_batch_rows=2)
    final = distill(tiny_model, _teachers(tmp_path, tiny_model), suite, tmp_path / "d", cfg, sft_cfg,
                    progress=False)
    assert final == tmp_path / "d" / "sft" / "final"
    AutoModelForCausalLM.from_pretrained(final)
    traces = [json.loads(line) for line in (tmp_path / "d" / "traces.jsonl").read_text().splitlines()]
    report = json.loads((tmp_path / "d" / "report.json").read_text())
    kept = [t for t in traces if t["kept"]]
    assert 0 < len(kept) < len(traces) and report["kept"] == len(kept)
    assert {t["domain"] for t in kept} == {"math", "code"}
    assert all(math.isfinite(t["s_lp"]) for t in traces)
    # the SFT ran on exactly the kept traces: one epoch of ceil(kept / 16) steps
    steps = [json.loads(line)["step"] for line in (final.parent / "metrics.jsonl").read_text().splitlines()]
    assert steps[-1] == math.ceil(len(kept) / 16)

    # a rerun reuses samples, scores and the finished SFT
    monkeypatch.setattr(distill_mod, "learning_potential", lambda *a, **k: pytest.fail("rescored"))
    again = distill(tiny_model, _teachers(tmp_path, tiny_model), suite, tmp_path / "d", cfg, sft_cfg,
                    progress=False)
    assert again == final
    # new selection settings redo only the selection; the old SFT run is not silently reused
    with pytest.raises(ValueError, match="another selection"):
        distill(tiny_model, _teachers(tmp_path, tiny_model), suite, tmp_path / "d",
                cfg.model_copy(update={"keep_low": 0.0}), sft_cfg, progress=False)
    assert json.loads((tmp_path / "d" / "report.json").read_text())["kept"] > len(kept)


def test_cli_distill_no_train(tmp_path, tiny_model, suite, replay):
    from tinylogic.data.loaders import write_problems

    data = tmp_path / "problems.jsonl"
    write_problems(data, suite)
    result = CliRunner().invoke(app, ["distill", "--student", str(tiny_model), "--teacher", str(tiny_model),
                                      "--data", str(data), "--out", str(tmp_path / "o"), "--no-train",
                                      "--set", "distill.samples_per_problem=1"])
    assert result.exit_code == 0, result.output
    assert "self-distillation: kept" in result.output and not (tmp_path / "o" / "sft").exists()
    bad = CliRunner().invoke(app, ["distill", "--student", str(tiny_model), "--teacher", str(tiny_model),
                                   "--data", str(data), "--out", str(tmp_path / "o"),
                                   "--set", "distill.keep_high=2"])
    assert bad.exit_code == 2 and "distill.keep_high" in bad.output


def test_sample_correct_with_the_real_engine(tmp_path, tiny_model, suite):
    """Plumbing with the untrained tiny model: every sample is verified and only correct ones return."""
    rows = sample_correct([tiny_model], suite[:3], tmp_path / "s", n=2, max_new_tokens=8, progress=False)
    samples = [json.loads(line) for line in (tmp_path / "s" / f"0-{tiny_model.name}" / "samples.jsonl").open()]
    assert len(samples) == 6 and all(isinstance(s["correct"], bool) for s in samples)
    assert len(rows) == sum(s["correct"] for s in samples)


SHARDED = """
import json, sys
sys.path.insert(0, sys.argv[3])
import torch.distributed as dist
import tinylogic.engine.base as engine_base
from test_distill import Replay
from tinylogic.processes import join_processes
from tinylogic.config import DistillConfig, SFTConfig
from tinylogic.config_load import load_recipe
from tinylogic.data.suite import synthesize
from tinylogic.train.distill import distill
join_processes(load_recipe(None, ["distributed.timeout=300"]))
problems = [p for p in synthesize(12, seed=5, flawed_fraction=0.4) if p.split != "heldout"]
calls = []
def load(model, backend="hf", **kw):
    replay = Replay(problems)
    generate = replay.generate
    replay.generate = lambda prompts, params, **k: calls.append(len(prompts)) or generate(prompts, params)
    return replay
engine_base.load_engine = load
cfg = DistillConfig(samples_per_problem=16, min_trace_tokens=0, length_buckets=2, keep_low=0.2)
out = distill(sys.argv[1], [sys.argv[1], sys.argv[1]], problems, sys.argv[2], cfg, SFTConfig(), train=False,
              shard=True, progress=False)
# one file per rank: the two processes' stdout lines can interleave
open(f"{sys.argv[2]}.rank-{dist.get_rank()}.json", "w").write(json.dumps({"rank": dist.get_rank(), "calls": calls, "out": out}))
"""


@pytest.mark.slow
def test_sharded_teachers_give_the_one_process_traces(tmp_path, tiny_model, suite, replay):
    # 16 samples per problem: groups of 4 problems per engine call, 3 groups per teacher over 2 processes
    cfg = DistillConfig(samples_per_problem=16, min_trace_tokens=0, length_buckets=2, keep_low=0.2)
    distill(tiny_model, [tiny_model, tiny_model], suite, tmp_path / "one", cfg, SFTConfig(), train=False,
            progress=False)
    script = tmp_path / "sharded.py"
    script.write_text(SHARDED)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RANK", "WORLD_SIZE", "LOCAL_RANK"))}
    launch = [str(Path(sys.executable).with_name("accelerate")), "launch", "--multi_gpu", "--num_processes", "2",
              "--num_machines", "1", "--mixed_precision", "no", "--dynamo_backend", "no", str(script)]
    done = subprocess.run([*launch, str(tiny_model), str(tmp_path / "two"), str(Path(__file__).parent)], env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    ranks = [json.loads((tmp_path / f"two.rank-{rank}.json").read_text()) for rank in (0, 1)]
    sizes = [len(suite[i:i + 4]) for i in range(0, len(suite), 4)]
    assert len(sizes) >= 2 and [r["calls"] for r in ranks] == [sizes[0::2] * 2, sizes[1::2] * 2]  # per teacher
    assert ranks[1]["out"] is None  # only the main process scores and selects
    rows = {name: [json.loads(line) for line in (tmp_path / name / "traces.jsonl").read_text().splitlines()]
            for name in ("one", "two")}
    assert [(r["teacher"], r["problem_id"], r["sample_index"], r["kept"]) for r in rows["one"]] == \
        [(r["teacher"], r["problem_id"], r["sample_index"], r["kept"]) for r in rows["two"]]
    assert all(abs(a["s_lp"] - b["s_lp"]) < 1e-4 for a, b in zip(*rows.values(), strict=True))
