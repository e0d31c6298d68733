"""MGPO vs GRPO (λ = 0) on the embedded default: same start model, data, budget; several seeds.

Each run: `tinylogic rl` (the recipe's phases) from the given model, then held-out Pass@1 / Pass@4 with the
eval harness (same eval seed for every run, so only the training differs). Results go to
benchmarks/results/rl_ablation.json (mean ± std per arm and every run's figures).

Arms: `mgpo` (the recipe's λ = 2), `grpo` (λ = 0), `mgpo-lambda1` (λ = 1), and `mgpo-equal-step`: λ = 2 with
the learning rate divided by the mean MGPO weight that the same seed's `mgpo` run logged, so its average
step matches GRPO's (a weak model's groups sit at low p, where w is well under 1; run it after `mgpo`).

    python benchmarks/bench_rl_ablation.py --model runs/demo/sft/final --data runs/demo/train.jsonl \
        --recipe recipes/demo.yaml --seeds 0 1 2

Re-running with the same --out skips finished runs and evaluations (their results are read back).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tinylogic.config_load import load_recipe
from tinylogic.eval.metrics import paired_change, per_problem_pass1
from tinylogic.run import environment

ROOT = Path(__file__).resolve().parents[1]
CLI = str(Path(sys.executable).with_name("tinylogic"))
ARMS = {"mgpo": ["--set", "rl.advantage=mgpo"], "grpo": ["--set", "rl.advantage.lambda=0"],
        "mgpo-lambda1": ["--set", "rl.advantage.lambda=1"], "mgpo-equal-step": ["--set", "rl.advantage=mgpo"]}


def run_metrics(run: Path) -> list[dict]:
    return [json.loads(line) for p in sorted(run.glob("*/metrics.jsonl")) for line in p.read_text().splitlines()]


def evaluate(model: Path, data: str, out: Path, n: int, max_new_tokens: int) -> dict:
    if not (out / "summary.json").exists():
        subprocess.run([CLI, "eval", "--model", str(model), "--bench", data, "--split", "heldout", "--n", str(n),
                        "--k", f"1,{n}", "--max-new-tokens", str(max_new_tokens), "--seed", "1234", "--out", str(out)],
                       check=True, capture_output=True)
    summary = json.loads((out / "summary.json").read_text())
    overall = summary["overall"]
    return {"pass@1": overall["pass@1"], f"pass@{n}": overall[f"pass@{n}"],
            "per_problem": per_problem_pass1(summary["per_problem"]),
            "by_domain": {d: {"pass@1": s["pass@1"], f"pass@{n}": s[f"pass@{n}"]} for d, s in summary["by_domain"].items()}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--recipe", default=str(ROOT / "recipes" / "demo.yaml"))
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--arms", nargs="+", default=list(ARMS), choices=list(ARMS))
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
    learning_rate = load_recipe(args.recipe, args.sets).rl.learning_rate
    load_before = os.getloadavg()
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
            arm_sets = list(ARMS[arm])
            if arm == "mgpo-equal-step":
                mgpo_run = out / f"mgpo-seed{seed}"
                if not list(mgpo_run.glob("*/final")):
                    ap.error(f"mgpo-equal-step needs the mgpo arm's run for seed {seed} first ({mgpo_run})")
                mean_weight = statistics.fmean(m["mgpo_weight_mean"] for m in run_metrics(mgpo_run))
                arm_sets += ["--set", f"rl.learning_rate={learning_rate / mean_weight:.6g}"]
            timing = out / name / "train_seconds.json"  # written after a finished run: a re-run skips it
            if timing.exists():
                train_s = json.loads(timing.read_text())["train_s"]
            else:
                t0 = time.perf_counter()
                subprocess.run([CLI, "rl", "--recipe", args.recipe, "--model", args.model, "--data", args.data,
                                "--out", str(out / name), "--seed", str(seed), *arm_sets, *extra],
                               check=True, capture_output=True)
                train_s = time.perf_counter() - t0
                timing.write_text(json.dumps({"train_s": train_s}))
            last = sorted((out / name).glob("*/final"))[-1]
            metrics = run_metrics(out / name)
            runs[name] = {"arm": arm, "seed": seed, "train_s": round(train_s, 1), "steps": len(metrics),
                          "overrides": arm_sets[1::2],
                          "mean_reward": statistics.fmean(m["reward"] for m in metrics),
                          "mgpo_weight_mean": statistics.fmean(m["mgpo_weight_mean"] for m in metrics),
                          "eval": evaluate(last, eval_data, out / f"eval-{name}", args.n, args.max_new_tokens)}
            print(name, runs[name]["eval"]["pass@1"], runs[name]["eval"][f"pass@{args.n}"], f"{train_s:.0f}s", flush=True)
    arms = {}
    for arm in args.arms:
        vals = [r["eval"] for r in runs.values() if r.get("arm") == arm]
        arms[arm] = {k: {"mean": statistics.fmean(v[k] for v in vals),
                         "std": statistics.stdev(v[k] for v in vals) if len(vals) > 1 else 0.0}
                     for k in ("pass@1", f"pass@{args.n}")}
    # paired over the test problems (each problem's Pass@1 averaged over the arm's seeds): the seeds' std
    # mixes training noise with sampling noise; this is the error of the comparison itself
    per_problem = {arm: {pid: statistics.fmean(r["eval"]["per_problem"][pid] for r in runs.values()
                                               if r.get("arm") == arm)
                         for pid in runs["start"]["eval"]["per_problem"]} for arm in args.arms}
    per_problem["start"] = runs["start"]["eval"]["per_problem"]
    paired = {f"{arm} - {other}": paired_change(per_problem[other], per_problem[arm])
              for arm in args.arms for other in ("start", "grpo") if other != arm and other in per_problem}
    result = {"date": time.strftime("%Y-%m-%d"),
              "load_average": {"start": load_before[0], "end": os.getloadavg()[0]}, "environment": environment(),
              "recipe": args.recipe,
              "model": args.model, "eval_data": eval_data,
              "overrides": args.sets, "eval": {"split": "heldout", "n": args.n, "seed": 1234,
                                               "max_new_tokens": args.max_new_tokens},
              "arms": arms, "paired_pass@1": paired, "runs": runs}
    Path(args.results).write_text(json.dumps(result, indent=1))
    print(json.dumps({"arms": arms, "paired_pass@1": paired}, indent=1))


if __name__ == "__main__":
    main()
