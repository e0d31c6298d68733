"""RL and `tinylogic run` with rollouts and sampling on vLLM (`engine.backend: vllm`), on vLLM's CPU build.

Runs in `.venv-vllm` only (README.md, "The vLLM tests": `-m vllm`); elsewhere skipped, and with
TINYLOGIC_REQUIRE_VLLM=1 (CI) a missing vllm fails. Each vLLM engine takes ~15 s to start on 2 cores: RL
opens one per phase, and every sampling stage of the run its own."""

import json
from pathlib import Path

import pytest
from safetensors.torch import load_file
from test_engine_contract import vllm_or_skip
from test_rl import PROBLEMS, even_first_token, toy_cfg
from test_run import fake_verify, tiny_recipe
from transformers import AutoTokenizer

from tinylogic import run
from tinylogic.config import EngineConfig
from tinylogic.train.rl import train_rl_phase

pytestmark = [pytest.mark.vllm,
              pytest.mark.filterwarnings("ignore:`torch.jit.script_method` is deprecated:DeprecationWarning")]


def test_rl_on_vllm_syncs_weights_and_reports_the_logprob_gap(tiny_model, tmp_path):
    vllm_or_skip()
    args = EngineConfig(backend="vllm", dtype="fp32", kv_cache_gib=0.25).arguments()
    final = train_rl_phase(tiny_model, PROBLEMS, tmp_path / "rl", toy_cfg(steps=3, mini_batches=2),
                           reward_fn=even_first_token(AutoTokenizer.from_pretrained(tiny_model)), progress=False,
                           **args)
    rows = [json.loads(line) for line in (tmp_path / "rl" / "metrics.jsonl").read_text().splitlines()]
    assert [r["step"] for r in rows] == [1, 2, 3] and all(r["trained_tokens"] > 0 for r in rows)
    # the sampler's log-probs (vLLM, fp32) agree with the trainer's at step 1, and still after two weight
    # pushes: a sampler left on the old weights would drift away from the trained policy
    assert all(r["sampler_logprob_gap"] < 1e-3 for r in rows), [r["sampler_logprob_gap"] for r in rows]
    start, end = load_file(str(Path(tiny_model) / "model.safetensors")), load_file(str(final / "model.safetensors"))
    assert any(not (start[k] == end[k]).all() for k in end)


@pytest.mark.slow
def test_tinylogic_run_with_the_vllm_backend_runs_every_stage(tiny_model, tmp_path, monkeypatch):
    # `tinylogic run RECIPE --set engine.backend=vllm`, in process: the verifier is the toy one of
    # tests/test_run.py (an untrained model solves nothing, and self-distillation needs verified traces)
    vllm_or_skip()
    monkeypatch.setattr("tinylogic.verify.batch.verify_batch", fake_verify)
    cfg = tiny_recipe(tmp_path, tiny_model, "engine.backend=vllm", "engine.dtype=fp32", "engine.kv_cache_gib=0.25",
                      "eval.models=[base,rl_last]")
    run.run_recipe(cfg, progress=False)
    states = {d.name: run.read_state(d) for d in run.stage_dirs(tmp_path / "tiny")}
    assert all(s["status"] == "done" for s in states.values()), states
    # every stage ran but pretraining, which is off unless pretrain.documents > 0
    assert [name for name, s in states.items() if s["outputs"].get("skipped")] == ["02a-pretrain"]
    rl_rows = [json.loads(line) for line in
               next((tmp_path / "tiny" / "10-rl").glob("*/metrics.jsonl")).read_text().splitlines()]
    assert rl_rows[0]["sampler_logprob_gap"] < 1e-3  # RL sampled through vLLM, in step with the trainer
    summary = json.loads(Path(states["12-eval"]["outputs"]["summaries"]["base"]).read_text())
    assert summary["counts"]["samples"] > 0 and (tmp_path / "tiny" / "report.html").exists()
