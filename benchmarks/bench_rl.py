"""RL throughput: tinylogic's `train_rl_phase` vs TRL's GRPOTrainer, in one run.

Same model, prompts (built-in suite math problems, the same solve prompt), G, sampling (temperature 1,
top_p 1), max completion length, rollout batch (prompts × G completions, one optimizer step per batch),
reward (tinylogic's math verifier), LR, no KL, no reference model, CPU fp32. Measures samples/s over
`--steps` steps after one warm-up step, with the per-stage split (generate / verify / train).
Run from the bench venv (`pip install -e .[bench]`):

    .venv-bench/bin/python benchmarks/bench_rl.py --model runs/demo/sft/final --data runs/demo/train.jsonl
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

import torch

from tinylogic.data.loaders import load_problems
from tinylogic.data.prompts import solve_prompt

ROOT = Path(__file__).resolve().parents[1]


def run_tinylogic(model: str, problems, args, out: Path) -> dict:
    from tinylogic.config import RLConfig
    from tinylogic.train.rl import train_rl_phase

    cfg = RLConfig(group_size=args.g, prompts_per_step=args.prompts, steps=args.steps + 1,
                   max_new_tokens=args.max_new_tokens, learning_rate=args.lr, pass_rate_filter=False,
                   report_to="none", advantage="grpo", top_p=1.0, temperature=1.0)
    start = time.perf_counter()
    train_rl_phase(model, problems, out, cfg, progress=False)
    wall = time.perf_counter() - start
    rows = [json.loads(line) for line in (out / "metrics.jsonl").read_text().splitlines()][1:]  # skip warm-up
    seconds = sum(r["generate_s"] + r["verify_wait_s"] + r["train_s"] for r in rows)
    return {"samples_per_s": len(rows) * args.prompts * args.g / seconds, "step_s": seconds / len(rows),
            "generate_s": sum(r["generate_s"] for r in rows) / len(rows),
            "verify_s": sum(r["verify_wait_s"] for r in rows) / len(rows),
            "train_s": sum(r["train_s"] for r in rows) / len(rows),
            "mean_completion_tokens": sum(r["response_len_mean"] for r in rows) / len(rows), "wall_s": wall}


def run_trl(model: str, problems, args, out: Path) -> dict:
    from datasets import Dataset
    from transformers import AutoModelForCausalLM, AutoTokenizer, TrainerCallback
    from trl import GRPOConfig, GRPOTrainer

    from tinylogic.verify.batch import verify_batch

    by_prompt = {solve_prompt(p): p for p in problems}
    timing = {"generate": 0.0, "verify": 0.0, "steps": []}

    def reward(prompts, completions, **kwargs):
        t0 = time.perf_counter()
        items = [(by_prompt[p[-1]["content"]], c[0]["content"]) for p, c in zip(prompts, completions, strict=True)]
        verdicts = verify_batch(items)
        timing["verify"] += time.perf_counter() - t0
        return [v.reward for v in verdicts]

    tokenizer = AutoTokenizer.from_pretrained(model)
    policy = AutoModelForCausalLM.from_pretrained(model, dtype=torch.float32)
    generate = policy.generate

    def timed_generate(*a, **k):
        t0 = time.perf_counter()
        result = generate(*a, **k)
        timing["generate"] += time.perf_counter() - t0
        return result

    policy.generate = timed_generate

    class StepTimer(TrainerCallback):
        def on_step_begin(self, a, state, control, **kw):
            self.t0 = time.perf_counter()
            self.before = (timing["generate"], timing["verify"])

        def on_step_end(self, a, state, control, **kw):
            timing["steps"].append((time.perf_counter() - self.t0, timing["generate"] - self.before[0],
                                    timing["verify"] - self.before[1]))

    data = Dataset.from_list([{"prompt": [{"role": "user", "content": solve_prompt(p)}]} for p in problems])
    cfg = GRPOConfig(output_dir=str(out), per_device_train_batch_size=args.prompts * args.g,
                     gradient_accumulation_steps=1, steps_per_generation=1, num_generations=args.g,
                     max_completion_length=args.max_new_tokens, temperature=1.0, top_p=1.0,
                     learning_rate=args.lr, lr_scheduler_type="constant", beta=0.0, loss_type="grpo",
                     max_steps=args.steps + 1, logging_steps=1, save_strategy="no", report_to="none",
                     use_cpu=True, bf16=False, seed=0, disable_dropout=True, log_completions=False)
    trainer = GRPOTrainer(model=policy, reward_funcs=reward, args=cfg, train_dataset=data, processing_class=tokenizer,
                          callbacks=[StepTimer()])
    start = time.perf_counter()
    trainer.train()
    wall = time.perf_counter() - start
    steps = timing["steps"][1:]
    seconds = sum(s[0] for s in steps)
    gen, ver = sum(s[1] for s in steps) / len(steps), sum(s[2] for s in steps) / len(steps)
    return {"samples_per_s": len(steps) * args.prompts * args.g / seconds, "step_s": seconds / len(steps),
            "generate_s": gen, "verify_s": ver, "train_s": seconds / len(steps) - gen - ver, "wall_s": wall}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--prompts", type=int, default=16)
    ap.add_argument("--g", type=int, default=8)
    ap.add_argument("--max-new-tokens", type=int, default=128)
    ap.add_argument("--steps", type=int, default=4)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "rl_throughput.json"))
    args = ap.parse_args()
    problems = [p for p in load_problems(args.data) if p.domain == "math" and p.split != "heldout"][:2000]
    tmp = Path(tempfile.mkdtemp(prefix="bench-rl-"))
    try:
        results = {"tinylogic": run_tinylogic(args.model, problems, args, tmp / "tinylogic"),
                   "trl": run_trl(args.model, problems, args, tmp / "trl")}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    import trl

    results["ratio_samples_per_s"] = results["tinylogic"]["samples_per_s"] / results["trl"]["samples_per_s"]
    record = {"date": time.strftime("%Y-%m-%d"), "machine": f"{torch.get_num_threads()} CPU threads, torch "
              f"{torch.__version__}, trl {trl.__version__}", "settings": vars(args), "results": results}
    Path(args.out).write_text(json.dumps(record, indent=1))
    print(json.dumps(record, indent=1))


if __name__ == "__main__":
    main()
