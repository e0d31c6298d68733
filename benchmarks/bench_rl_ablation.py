"""MGPO vs GRPO (λ = 0) on the embedded default: same start model, data, budget; several seeds.

Each run: `tinylogic rl` (the recipe's phases) from the stage-1 SFT model, then held-out Pass@1 / Pass@4
with the eval harness (same eval seed for every run, so only the training differs). Results go to
benchmarks/results/rl_ablation.json (mean ± std per arm and every run's figures).

    python benchmarks/bench_rl_ablation.py --model runs/demo/sft/final --data runs/demo/train.jsonl \
        --recipe recipes/demo.yaml --seeds 0 1 2
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = str(Path(sys.executable).with_name("tinylogic"))
ARMS = {"mgpo": ["--set", "rl.advantage=mgpo"], "grpo": ["--set", "rl.advantage.lambda=0"]}


def evaluate(model: Path, data: str, out: Path, n: int, max_new_tokens: int) -> dict:
    if not (out / "summary.json").exists():
        subprocess.run([CLI, "eval", "--model", str(model), "--bench", data, "--split", "heldout", "--n", str(n),
                        "--k", f"1,{n}", "--max-new-tokens", str(max_new_tokens), "--seed", "1234", "--out", str(out)],
                       check=True, capture_output=True)
    summary = json.loads((out / "summary.json").read_text())
    overall = summary["overall"]
    return {"pass@1": overall["pass@1"], f"pass@{n}": overall[f"pass@{n}"],
            "by_domain": {d: {"pass@1": s["pass@1"], f"pass@{n}": s[f"pass@{n}"]} for d, s in summary["by_domain"].items()}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--recipe", default=str(ROOT / "recipes" / "demo.yaml"))
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--arms", nargs="+", default=list(ARMS))
    ap.add_argument("--out", default=str(ROOT / "runs" / "rl-ablation"))
    ap.add_argument("--n", type=int, default=4)
    ap.add_argument("--max-new-tokens", type=int, default=160)
    ap.add_argument("--eval-data", help="problems to evaluate on (their held-out split; default: --data)")
    ap.add_argument("--set", dest="sets", action="append", default=[], help="extra recipe overrides")
    ap.add_argument("--results", default=str(ROOT / "benchmarks" / "results" / "rl_ablation.json"))
    args = ap.parse_args()
    out = Path(args.out)
    extra = [x for s in args.sets for x in ("--set", s)]
    eval_data = args.eval_data or args.data
    runs = {"start": {"eval": evaluate(Path(args.model), eval_data, out / "eval-start", args.n, args.max_new_tokens)}}
    print("start", runs["start"]["eval"]["pass@1"], flush=True)
    for arm in args.arms:
        for seed in args.seeds:
            name = f"{arm}-seed{seed}"
            # the pass-rate filter depends on the start model, seed and sampling, not on the arm: rate once
            for done in sorted(out.glob(f"*-seed{seed}/*/filter.json")):
                target = out / name / done.parent.name / "filter.json"
                if not target.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy(done, target)
            t0 = time.perf_counter()
            subprocess.run([CLI, "rl", "--recipe", args.recipe, "--model", args.model, "--data", args.data,
                            "--out", str(out / name), "--seed", str(seed), *ARMS[arm], *extra],
                           check=True, capture_output=True)
            train_s = time.perf_counter() - t0
            last = sorted((out / name).glob("*/final"))[-1]
            metrics = [json.loads(line) for p in sorted((out / name).glob("*/metrics.jsonl"))
                       for line in p.read_text().splitlines()]
            runs[name] = {"arm": arm, "seed": seed, "train_s": round(train_s, 1), "steps": len(metrics),
                          "mean_reward": statistics.fmean(m["reward"] for m in metrics),
                          "eval": evaluate(last, eval_data, out / f"eval-{name}", args.n, args.max_new_tokens)}
            print(name, runs[name]["eval"]["pass@1"], runs[name]["eval"][f"pass@{args.n}"], f"{train_s:.0f}s", flush=True)
    arms = {}
    for arm in args.arms:
        vals = [r["eval"] for r in runs.values() if r.get("arm") == arm]
        arms[arm] = {k: {"mean": statistics.fmean(v[k] for v in vals),
                         "std": statistics.stdev(v[k] for v in vals) if len(vals) > 1 else 0.0}
                     for k in ("pass@1", f"pass@{args.n}")}
    result = {"date": time.strftime("%Y-%m-%d"), "machine": "2 CPU cores (shared)", "recipe": args.recipe,
              "model": args.model, "eval_data": eval_data,
              "overrides": args.sets, "eval": {"split": "heldout", "n": args.n, "seed": 1234,
                                               "max_new_tokens": args.max_new_tokens},
              "arms": arms, "runs": runs}
    Path(args.results).write_text(json.dumps(result, indent=1))
    print(json.dumps(arms, indent=1))


if __name__ == "__main__":
    main()
