"""Where an SFT step's GPU time goes: tinylogic's `train_sft` beside TRL's `SFTTrainer` under torch.profiler.

The GPU check (gpu_check.py) measured tinylogic at 0.84-0.97x TRL's tokens/s on the same tokens and
settings; this said which kernels made the difference (the chunked loss's logsumexp; BENCHMARKS.md). It
builds one model as gpu_check.py does and runs gpu_check.py's own two SFT cases (same records, same
settings) one after the other in this process, each under its own profiler, and writes per trainer the ops
with the most self device time (CPU time on a CPU):
profile_tinylogic.txt, profile_trl.txt and profile.json (the top ops of both, for comparing by name) in --out.
The profile spans the whole case (model load and the warm-up step too): compare the two, not absolutes.

    python benchmarks/gpu_profile.py --model qwen2.5-0.5b --length 8192   # on a GPU (carry scripts/gpu_wheels.sh's .whl)
    python benchmarks/gpu_profile.py --smoke                               # the same code on a CPU, ~30 s
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gpu_check  # noqa: E402 -- the check's model build and SFT cases, so both scripts time the same work


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="qwen2.5-0.5b", choices=[m for m in gpu_check.MODELS if m != "smoke"])
    ap.add_argument("--length", type=int, default=8192, help="packed row length in tokens (default 8192)")
    ap.add_argument("--steps", type=int, default=4, help="SFT optimizer steps per trainer (default 4)")
    ap.add_argument("--rows", type=int, default=30, help="ops listed per trainer (default 30)")
    ap.add_argument("--smoke", action="store_true", help="gpu_check.py's smoke model and 256-token rows")
    ap.add_argument("--out", default=str(gpu_check.ROOT / "benchmarks" / "results"))
    args = ap.parse_args()

    import torch
    from torch.profiler import ProfilerActivity, profile

    cuda = torch.cuda.is_available()
    model, length, example_tokens = ("smoke", 256, 128) if args.smoke else (args.model, args.length, 2048)
    work = Path(tempfile.mkdtemp(prefix="gpu-profile-"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    sort_key = "self_device_time_total" if cuda else "self_cpu_time_total"
    activities = [ProfilerActivity.CPU] + ([ProfilerActivity.CUDA] if cuda else [])
    summary: dict = {"model": model, "length": length, "steps": args.steps, "device": gpu_check.device_name()}
    try:
        case = {"model": model, "model_dir": str(work / "model"), "length": length, "example_tokens": example_tokens,
                "steps": args.steps, "attn": gpu_check.attention_implementation("auto")}
        gpu_check.build_model(model, Path(case["model_dir"]))
        contenders = [("tinylogic", gpu_check.run_tinylogic_sft)]
        if gpu_check.module_present("trl"):
            contenders.append(("trl", gpu_check.run_trl_sft))
        else:
            print("gpu_profile: trl is not installed: tinylogic alone (pip install -e '.[bench]')", flush=True)
        for who, runner in contenders:
            case_dir = work / who
            case_dir.mkdir()
            t0 = time.perf_counter()
            with profile(activities=activities) as prof:
                steps = runner(case, case_dir)["steps_detail"]
                if cuda:
                    torch.cuda.synchronize()
            ops = prof.key_averages()
            table = ops.table(sort_by=sort_key, row_limit=args.rows, max_name_column_width=70)
            (out / f"profile_{who}.txt").write_text(table + "\n")
            total = sum(getattr(e, sort_key) for e in ops)
            top = sorted(ops, key=lambda e: getattr(e, sort_key), reverse=True)[:args.rows]
            summary[who] = {"wall_s": round(time.perf_counter() - t0, 1),
                            "step_s": [round(s["seconds"], 3) for s in steps], f"{sort_key}_ms": round(total / 1e3, 1),
                            "top_ms": {e.key: round(getattr(e, sort_key) / 1e3, 2) for e in top}}
            print(f"\n## {who}: steps {summary[who]['step_s']} s, {sort_key} {total / 1e3:,.0f} ms\n{table}", flush=True)
            del prof, ops
            if cuda:
                torch.cuda.empty_cache()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    (out / "profile.json").write_text(json.dumps(summary, indent=1) + "\n")
    names = [who for who, _ in contenders]
    tops = [summary[who]["top_ms"] for who in names]
    ops = sorted(set().union(*tops), key=lambda key: -max(top.get(key, 0) for top in tops))
    print("\n| op | " + " | ".join(f"{who} ms" for who in names) + " |\n| --- |" + " ---: |" * len(names))
    for key in ops[:args.rows]:
        print(f"| {key[:70]} | " + " | ".join("—" if key not in top else f"{top[key]:,.1f}" for top in tops) + " |")
    print(f"\nwrote {', '.join(f'profile_{who}.txt' for who in names)} and profile.json in {out}")


if __name__ == "__main__":
    main()
