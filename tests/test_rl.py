"""The RL loop on the untrained tiny model: it learns a toy reward, resumes exactly, skips groups
without signal, matches across 2 gloo processes, filters by pass rate, and chains a math and a code
phase with the real verifiers from one recipe."""

import json
import math
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest
import torch
from safetensors.torch import load_file
from transformers import AutoModelForCausalLM, AutoTokenizer

from tinylogic.config import RLConfig
from tinylogic.config_load import load_recipe
from tinylogic.data.prompts import build_prompt
from tinylogic.data.schema import Problem
from tinylogic.engine.base import Sample
from tinylogic.train.rl import (
    draw_prompts,
    phase_problems,
    policy_loss,
    token_logprobs,
    train_rl,
    train_rl_phase,
)
from tinylogic.train.rollouts import filter_report, pass_rate_filter, print_filter_report, training_examples
from tinylogic.verify.base import Verdict

PROBLEMS = [Problem(id=f"toy-{i}", domain="math", subdomain="toy", prompt=f"Compute {i} + {i}.", answer=str(2 * i))
            for i in range(8)]


def even_first_token(tokenizer):
    """Toy reward: 1 when the response's first token id is even (≈ half the vocabulary, so an untrained
    model starts near p = 0.5: every group carries signal)."""
    def reward(items):
        out = []
        for _, text in items:
            ids = tokenizer(text, add_special_tokens=False)["input_ids"]
            ok = bool(ids) and ids[0] % 2 == 0
            out.append(Verdict(correct=ok, reward=float(ok)))
        return out
    return reward


def even_mass(model_dir, problems) -> float:
    """Exact probability that the first sampled token is even, averaged over prompts (temperature 1)."""
    from tinylogic.engine.hf import HFEngine

    engine = HFEngine(model_dir, device="cpu", dtype="fp32")
    total = 0.0
    with torch.no_grad():
        for p in problems:
            ids = torch.tensor([engine.encode(build_prompt(p))])
            probs = engine.model(input_ids=ids).logits[0, -1].softmax(-1)
            total += float(probs[0::2].sum())
    return total / len(problems)


def weights(folder: Path) -> dict[str, torch.Tensor]:
    return load_file(str(folder / "model.safetensors"))


def by_problem(items):
    """toy-0 and toy-1 always right, toy-2 never (no signal in those groups); the others half right."""
    out = []
    for k, (problem, _) in enumerate(items):
        i = int(problem.id.split("-")[1])
        ok = i < 2 or (i > 2 and k % 2 == 0)
        out.append(Verdict(correct=ok, reward=float(ok)))
    return out


def toy_cfg(**overrides) -> RLConfig:
    base = dict(group_size=4, prompts_per_step=4, steps=4, max_new_tokens=4, learning_rate=3e-3,
                pass_rate_filter=False, report_to="none", engine_batch_size=16)
    return RLConfig(**{**base, **overrides})


def test_mgpo_raises_the_reward_it_is_trained_on(tiny_model, tmp_path):
    tok = AutoTokenizer.from_pretrained(tiny_model)
    before = even_mass(tiny_model, PROBLEMS)
    final = train_rl_phase(tiny_model, PROBLEMS, tmp_path / "rl", toy_cfg(steps=8, max_new_tokens=1, learning_rate=1e-2),
                           reward_fn=even_first_token(tok), progress=False)
    after = even_mass(final, PROBLEMS)
    assert after > before + 0.1, (before, after)  # measured: 0.50 -> 0.65 after 6 steps
    rows = [json.loads(line) for line in (tmp_path / "rl" / "metrics.jsonl").read_text().splitlines()]
    assert [r["step"] for r in rows] == list(range(1, 9))
    first = rows[0]
    assert first["groups"] == 4 and first["updates"] == 1 and first["trained_tokens"] > 0
    assert 0 < first["mgpo_weight_min"] <= first["mgpo_weight_max"] <= 1
    for key in ("entropy", "response_len_mean", "generate_s", "verify_wait_s", "train_s", "pass_rate"):
        assert key in first


def test_resume_after_interruption_matches_uninterrupted(tiny_model, tmp_path):
    tok = AutoTokenizer.from_pretrained(tiny_model)
    cfg = toy_cfg(steps=4, save_every=2, mini_batches=2)  # two updates per batch: ratios and clipping in play
    whole = train_rl_phase(tiny_model, PROBLEMS, tmp_path / "whole", cfg, reward_fn=even_first_token(tok),
                           progress=False)
    # stopped after step 3, past the checkpoint of step 2: step 3 is trained (and logged) again on resume
    cut = train_rl_phase(tiny_model, PROBLEMS, tmp_path / "cut", cfg, reward_fn=even_first_token(tok), progress=False,
                         stop_after_steps=3)
    assert not (cut.parent / "final").exists()
    resumed = train_rl_phase(tiny_model, PROBLEMS, tmp_path / "cut", cfg, reward_fn=even_first_token(tok),
                             progress=False)
    a, b = weights(whole), weights(resumed)
    for name in a:
        torch.testing.assert_close(a[name], b[name], rtol=0, atol=0)
    logged = [json.loads(line) for line in (tmp_path / "cut" / "metrics.jsonl").read_text().splitlines()]
    assert [r["step"] for r in logged] == [1, 2, 3, 4]
    whole_rows = [json.loads(line) for line in (tmp_path / "whole" / "metrics.jsonl").read_text().splitlines()]
    assert [r["reward"] for r in logged] == [r["reward"] for r in whole_rows]


def test_later_mini_batches_take_ratios_to_the_sampling_policy(tiny_model, tmp_path):
    tok = AutoTokenizer.from_pretrained(tiny_model)
    rows = {}
    for mini_batches in (1, 2):
        cfg = toy_cfg(steps=1, mini_batches=mini_batches, learning_rate=0.05, max_new_tokens=3)
        train_rl_phase(tiny_model, PROBLEMS, tmp_path / f"mb{mini_batches}", cfg, reward_fn=even_first_token(tok),
                       progress=False)
        (rows[mini_batches],) = [json.loads(line) for line in
                                 (tmp_path / f"mb{mini_batches}" / "metrics.jsonl").read_text().splitlines()]
    # one mini-batch: its update starts from the sampling policy, ρ ≡ 1
    assert rows[1]["updates"] == 1 and rows[1]["ratio_deviation"] == 0 and rows[1]["clip_fraction"] == 0
    # two: the second is trained after the first's large step, against the policy that sampled it
    assert rows[2]["updates"] == 2 and rows[2]["ratio_deviation"] > 0.05 and rows[2]["clip_fraction"] > 0


class FixedLogits(torch.nn.Module):
    """A 'model' whose logits are a parameter of shape [T, V] (one packed row): its last hidden state, under
    an identity LM head."""

    def __init__(self, logits):
        super().__init__()
        self.logits = torch.nn.Parameter(torch.tensor(logits))
        self.head = torch.nn.Linear(self.logits.shape[1], self.logits.shape[1], bias=False)
        self.head.weight = torch.nn.Parameter(torch.eye(self.logits.shape[1]), requires_grad=False)

    def get_output_embeddings(self):
        return self.head

    def forward(self, input_ids, position_ids=None, use_cache=False, output_hidden_states=False, logits_to_keep=0):
        hidden = self.logits.unsqueeze(0)
        return SimpleNamespace(logits=self.head(hidden[:, -logits_to_keep:]), hidden_states=(hidden,))


def toy_row(old_logp=None):
    # prompt token 0, response tokens 1 and 0; loss on positions 1 and 2 (labels[:, 1:])
    row = {"input_ids": torch.tensor([[0, 1, 0]]), "position_ids": torch.tensor([[0, 1, 2]]),
           "labels": torch.tensor([[-100, 1, 0]]), "advantage": torch.tensor([[0.0, 1.0, -1.0]]),
           "weight": torch.tensor([[0.0, 0.5, 0.5]])}
    if old_logp is not None:
        row["old_logp"] = torch.tensor([old_logp])
    return row


def test_policy_loss_is_the_hand_computed_clipped_surrogate():
    # uniform logits over 2 tokens: log π = log 0.5 at every position
    model = FixedLogits([[0.0, 0.0], [0.0, 0.0], [0.0, 0.0]])
    half = math.log(0.5)
    # token 1 (A = +1): old π 0.25 -> ρ = 2, clipped to 1.2: −min(2·1, 1.2·1) = −1.2
    # token 0 (A = −1): old π 0.8 -> ρ = 0.625, clipped to 0.8: −min(−0.625, −0.8) = 0.8
    cfg = toy_cfg(clip_eps_low=0.2, clip_eps_high=0.2)
    loss, stats = policy_loss(model, toy_row([math.log(0.25), math.log(0.8)]), cfg)
    assert loss.item() == pytest.approx(0.5 * -1.2 + 0.5 * 0.8)
    assert stats["tokens"] == 2 and stats["clipped"] == 2
    assert stats["ratio_off"] == pytest.approx(abs(2 - 1) + abs(0.625 - 1))
    # without old log-probs it is the first update after sampling: ρ = 1, loss −A per token
    loss, stats = policy_loss(model, toy_row(), cfg)
    assert loss.item() == pytest.approx(0.5 * -1.0 + 0.5 * 1.0) and stats["clipped"] == 0
    logp, _ = token_logprobs(model, toy_row(), cfg)
    assert logp[0].tolist() == pytest.approx([half, half])


def test_loss_log_probs_are_those_of_the_sampling_distribution(tiny_model):
    from tinylogic.engine.base import SamplingParams
    from tinylogic.engine.hf import HFEngine
    from tinylogic.train.sft import pack, stack_rows

    engine = HFEngine(tiny_model, device="cpu", dtype="fp32")
    cfg = toy_cfg(temperature=0.7, top_p=0.9)
    params = SamplingParams(n=2, temperature=cfg.temperature, top_p=cfg.top_p, max_new_tokens=6, seed=1,
                            logprobs=True)
    prompt_ids = engine.encode(build_prompt(PROBLEMS[0]))
    samples = engine.generate([build_prompt(PROBLEMS[0])], params)[0]
    for s in samples:
        (example,) = training_examples(prompt_ids, [s], [1.0], [1.0])
        with torch.no_grad():
            logp, _ = token_logprobs(engine.model, stack_rows(pack([example], 4096)), cfg)
        trained = logp[0, len(prompt_ids) - 1:]  # the response tokens' log-probs
        assert torch.allclose(trained, torch.tensor(s.logprobs), atol=1e-4)
        assert trained.min() < 0  # not the trivial case (a nucleus of one token)


class FakeEngine:
    """G samples per prompt of lengths 1..G (the filter reads only token ids)."""

    def generate(self, prompts, params, progress=False, seed_ids=None):
        return [[Sample(text="x" * (j + 1), token_ids=[5] * (j + 1), finish_reason="stop") for j in range(params.n)]
                for _ in prompts]


def test_long2short_keeps_all_correct_groups_in_the_pass_rate_filter():
    def always_right(items):
        return [Verdict(correct=True, reward=1.0) for _ in items]

    cfg = toy_cfg()
    plain = filter_report(pass_rate_filter(FakeEngine(), PROBLEMS, cfg, always_right, seed=0), cfg.group_size)
    assert plain["kept"] == 0  # G/G: no GRPO signal
    shaped = filter_report(pass_rate_filter(FakeEngine(), PROBLEMS, cfg, always_right, seed=0,
                                            long2short_shaping=True), cfg.group_size)
    # under Long2Short the shorter correct samples are preferred: every group has signal
    assert shaped["kept"] == len(PROBLEMS) and shaped["per_subdomain"]["math/toy"]["all"] == len(PROBLEMS)


def test_groups_without_signal_cost_no_update(tiny_model, tmp_path):
    def always_right(items):
        return [Verdict(correct=True, reward=1.0) for _ in items]

    final = train_rl_phase(tiny_model, PROBLEMS, tmp_path / "rl", toy_cfg(steps=2), reward_fn=always_right,
                           progress=False)
    rows = [json.loads(line) for line in (tmp_path / "rl" / "metrics.jsonl").read_text().splitlines()]
    assert all(r["updates"] == 0 and r["trained_tokens"] == 0 and r["groups_all_solved"] == 4 for r in rows)
    start, end = weights_of_dir(tiny_model), weights(final)
    for name in end:
        assert torch.equal(start[name], end[name])


def weights_of_dir(model_dir: Path) -> dict[str, torch.Tensor]:
    model = AutoModelForCausalLM.from_pretrained(model_dir, dtype=torch.float32)
    return {k: v for k, v in model.state_dict().items() if k != "lm_head.weight"}


def test_pass_rate_filter_drops_zero_and_full_groups(tiny_model, tmp_path):
    cfg = toy_cfg(steps=1, pass_rate_filter=True)
    train_rl_phase(tiny_model, PROBLEMS, tmp_path / "rl", cfg, reward_fn=by_problem, progress=False)
    report = json.loads((tmp_path / "rl" / "filter.json").read_text())
    assert report["rated"] == 8
    assert report["per_subdomain"]["math/toy"] == {"rated": 8, "none": 1, "all": 2, "signal": 5, "kept": 5}
    assert sorted(report["kept_ids"]) == [f"toy-{i}" for i in range(3, 8)]


def test_dynamic_sampling_refills_groups_without_signal(tiny_model, tmp_path):
    cfg = toy_cfg(steps=3, dynamic_sampling=True, dynamic_sampling_rounds=4)
    train_rl_phase(tiny_model, PROBLEMS, tmp_path / "rl", cfg, reward_fn=by_problem, progress=False)
    rows = [json.loads(line) for line in (tmp_path / "rl" / "metrics.jsonl").read_text().splitlines()]
    assert sum(r["groups_dropped"] for r in rows) > 0
    for r in rows:
        assert r["signal_groups"] == r["groups"] >= cfg.prompts_per_step  # refilled to a full batch
        assert r["prompts_rated"] == r["groups"] + r["groups_dropped"]


def test_filter_report_counts():
    rows = [{"id": "a", "subdomain": "m/x", "pass_rate": 0.0, "signal": False},
            {"id": "b", "subdomain": "m/x", "pass_rate": 0.5, "signal": True},
            {"id": "c", "subdomain": "m/y", "pass_rate": 1.0, "signal": False}]
    report = filter_report(rows, 4)
    assert report["kept_ids"] == ["b"]
    assert report["per_subdomain"]["m/y"] == {"rated": 1, "none": 0, "all": 1, "signal": 0, "kept": 0}


def test_filter_table_reads_a_report_from_before_signal_was_counted():
    from rich.console import Console

    console = Console(record=True, width=120)
    old = {"rated": 3, "kept": 1, "group_size": 4, "per_subdomain": {"m/x": {"rated": 3, "none": 1, "all": 1, "kept": 1}}}
    print_filter_report(old, console)  # resuming a phase rated by an older tinylogic
    assert "│ m/x       │     3 │          1 │          1 │           1 │    1 │" in console.export_text()


def test_filter_caps_each_subdomain_keeping_the_least_solved():
    rows = [{"id": f"x{i}", "subdomain": "m/x", "pass_rate": rate, "signal": True}
            for i, rate in enumerate((0.75, 0.125, 0.5, 0.125, 0.25))]
    rows += [{"id": "y0", "subdomain": "m/y", "pass_rate": 0.5, "signal": True},
             {"id": "y1", "subdomain": "m/y", "pass_rate": 0.0, "signal": False}]
    report = filter_report(rows, 8, max_per_subdomain=3)
    # m/x: the two 0.125s (rating order) and the 0.25; m/y has one with signal; the order stays the rating order
    assert report["kept_ids"] == ["x1", "x3", "x4", "y0"] and report["kept"] == 4
    assert report["per_subdomain"]["m/x"] == {"rated": 5, "none": 0, "all": 0, "signal": 5, "kept": 3}
    assert filter_report(rows, 8)["kept"] == 6  # 0: no cap


def test_training_examples_mask_the_prompt():
    sample = Sample(text="", token_ids=[7, 8, 9], finish_reason="stop")
    (ex,) = training_examples([1, 2], [sample], [0.5], [0.25])
    assert ex["input_ids"] == [1, 2, 7, 8, 9]
    assert ex["labels"] == [-100, -100, 7, 8, 9]
    assert ex["advantage"] == [0.0, 0.0, 0.5, 0.5, 0.5] and ex["weight"] == [0.0, 0.0, 0.25, 0.25, 0.25]
    assert "sampler_logp" not in ex  # the policy sampled itself: no correction
    # a separate engine's log-probs line up with the response tokens, 0 on the prompt
    (ex,) = training_examples([1, 2], [sample.model_copy(update={"logprobs": [-0.1, -0.2, -0.3]})], [0.5], [0.25])
    assert ex["sampler_logp"] == [0.0, 0.0, -0.1, -0.2, -0.3]


def test_draw_prompts_covers_each_epoch_once():
    drawn = draw_prompts(5, seed=3, cursor=0, count=10)
    assert sorted(drawn[:5]) == list(range(5)) and sorted(drawn[5:]) == list(range(5))
    assert draw_prompts(5, seed=3, cursor=4, count=3) == drawn[4:7]


def test_phases_validate_and_select_problems():
    cfg = load_recipe(None, ["rl.phases=[{name: m, domains: [math], overrides: {steps: 3}}, {name: c, domains: [code]}]"])
    assert cfg.rl.for_phase(cfg.rl.phases[0]).steps == 3 and cfg.rl.for_phase(cfg.rl.phases[1]).steps == 100
    with pytest.raises(Exception, match="phase 'm' overrides: stepz"):
        load_recipe(None, ["rl.phases=[{name: m, overrides: {stepz: 3}}]"])
    held = PROBLEMS[0].model_copy(update={"split": "heldout"})
    assert held not in phase_problems([held, *PROBLEMS[1:]], cfg.rl.phases[0])
    with pytest.raises(ValueError, match="no training problems"):
        phase_problems(PROBLEMS, cfg.rl.phases[1])
    tiered = [p.model_copy(update={"difficulty": 1 + i % 3}) for i, p in enumerate(PROBLEMS)]
    (tier3,) = load_recipe(None, ["rl.phases=[{name: t, domains: [math], difficulties: [3]}]"]).rl.phases
    assert [p.id for p in phase_problems(tiered, tier3)] == ["toy-2", "toy-5"]
    with pytest.raises(ValueError, match=r"difficulties \[3\]"):
        phase_problems(PROBLEMS, tier3)  # PROBLEMS carry no tier


def test_math_then_code_phase_from_one_recipe_with_real_verifiers(tiny_model, tmp_path, monkeypatch):
    from tinylogic.data.suite import synthesize
    from tinylogic.train import rl

    started_from = []

    def recording(model_path, *args, **kwargs):
        started_from.append(Path(model_path))
        return train_rl_phase(model_path, *args, **kwargs)

    monkeypatch.setattr(rl, "train_rl_phase", recording)
    problems = synthesize(40, seed=1)
    cfg = load_recipe(None, ["rl.phases=[{name: math, domains: [math]}, {name: code, domains: [code]}]",
                             "rl.steps=1", "rl.group_size=2", "rl.prompts_per_step=2", "rl.max_new_tokens=8",
                             "rl.pass_rate_filter=false", "rl.report_to=none"])
    finals = train_rl(tiny_model, problems, tmp_path / "rl", cfg.rl, progress=False)
    assert [f.parent.name for f in finals] == ["01-math", "02-code"]
    for final in finals:
        assert (final / "model.safetensors").exists()
        (row,) = [json.loads(line) for line in (final.parent / "metrics.jsonl").read_text().splitlines()]
        assert row["groups"] == 2 and row["response_len_mean"] > 0
    # the code phase started from the math phase's final model
    assert started_from == [Path(tiny_model), finals[0]]
    assert json.loads((tmp_path / "rl" / "02-code" / "rl_config.json").read_text())["steps"] == 1


TWO_PROC_SCRIPT = """
import sys
from pathlib import Path
from transformers import AutoTokenizer
sys.path.insert(0, {tests!r})
from test_rl import PROBLEMS, even_first_token, toy_cfg
from tinylogic.train.rl import train_rl_phase

model, out = sys.argv[1], Path(sys.argv[2])
tok = AutoTokenizer.from_pretrained(model)
train_rl_phase(model, PROBLEMS, out, toy_cfg(steps=2, mini_batches=2), reward_fn=even_first_token(tok), progress=False)
from tinylogic.cli import _close_process_group
_close_process_group()  # as the CLI does at exit: an open gloo group can hang in teardown
import os
os._exit(0)  # outputs are written: skip interpreter teardown, where a gloo rank was seen to hang
"""


def test_two_processes_on_gloo_match_one(tiny_model, tmp_path):
    script = tmp_path / "run_rl.py"
    script.write_text(textwrap.dedent(TWO_PROC_SCRIPT.format(tests=str(Path(__file__).parent))))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RANK", "WORLD_SIZE", "LOCAL_RANK"))}
    subprocess.run([sys.executable, str(script), str(tiny_model), str(tmp_path / "one")], check=True, env=env,
                   capture_output=True)
    launch = [str(Path(sys.executable).with_name("accelerate")), "launch", "--multi_gpu", "--num_processes", "2",
              "--num_machines", "1", "--mixed_precision", "no", "--dynamo_backend", "no", str(script)]
    done = subprocess.run([*launch, str(tiny_model), str(tmp_path / "two")], env=env, capture_output=True, text=True,
                          timeout=600)  # a hung process group fails the test instead of stalling CI
    assert done.returncode == 0, done.stderr[-3000:]
    one = [json.loads(line) for line in (tmp_path / "one" / "metrics.jsonl").read_text().splitlines()]
    two = [json.loads(line) for line in (tmp_path / "two" / "metrics.jsonl").read_text().splitlines()]
    assert [r["reward"] for r in one] == [r["reward"] for r in two]  # same samples: seeded by global position
    a, b = weights(tmp_path / "one" / "final"), weights(tmp_path / "two" / "final")
    for name in a:
        torch.testing.assert_close(a[name], b[name], rtol=1e-3, atol=1e-4)


def test_a_separate_synced_sampler_trains_as_the_policy_itself(tiny_model, tmp_path, monkeypatch):
    # The path RL takes with vLLM or under FSDP2: rollouts from a separate engine (here an HFEngine of its
    # own, as FSDP2 gets), which takes the new weights after every step; its log-probs come with the
    # samples and the loss weights tokens by min(π_trainer / π_sampler, tis_cap). With the same weights in
    # both, that is the in-memory run: same samples, the same updates, a log-prob gap of float noise.
    tokenizer = AutoTokenizer.from_pretrained(tiny_model)
    cfg = toy_cfg(steps=3, mini_batches=2)
    alone = train_rl_phase(tiny_model, PROBLEMS, tmp_path / "in-memory", cfg,
                           reward_fn=even_first_token(tokenizer), progress=False)
    monkeypatch.setattr("tinylogic.train.rl.is_sharded", lambda model: True)
    synced = train_rl_phase(tiny_model, PROBLEMS, tmp_path / "separate", cfg, reward_fn=even_first_token(tokenizer),
                            progress=False, engine_kwargs={"dtype": "fp32"})
    rows = {run: [json.loads(line) for line in (tmp_path / run / "metrics.jsonl").read_text().splitlines()]
            for run in ("in-memory", "separate")}
    assert [r["reward"] for r in rows["in-memory"]] == [r["reward"] for r in rows["separate"]]
    assert all(r["sampler_logprob_gap"] < 1e-4 and r["trained_tokens"] > 0 for r in rows["separate"])
    assert "sampler_logprob_gap" not in rows["in-memory"][0]
    a, b = weights(alone), weights(synced)
    assert any(not torch.equal(a[k], weights_of_dir(tiny_model)[k]) for k in weights_of_dir(tiny_model))
    for name in a:
        torch.testing.assert_close(a[name], b[name], rtol=1e-3, atol=1e-4)  # recomputed vs detached ρ


def test_truncated_importance_weight_by_hand():
    from tinylogic.train.rl_algos import truncated_is_weight

    trainer = torch.tensor([math.log(0.5), math.log(0.3), math.log(0.9)])
    sampler = torch.tensor([math.log(0.25), math.log(0.6), math.log(0.3)])
    # ratios 2.0, 0.5, 3.0 -> capped at 2.5: 2.0, 0.5, 2.5
    torch.testing.assert_close(truncated_is_weight(trainer, sampler, 2.5), torch.tensor([2.0, 0.5, 2.5]))
    grad = trainer.clone().requires_grad_()
    assert not truncated_is_weight(grad, sampler, 2.5).requires_grad  # a weight, not a path for gradients
