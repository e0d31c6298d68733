"""What a larger embedded model costs on 2 CPU cores: an SFT step and a rollout batch, per model size (issue #19,
"choose the model size by measurement").

Each size is the built-in Qwen2 architecture (`tinylogic.models.SIZES["tiny"]` with wider or deeper layers), random
weights from seed 0, the embedded tokenizer. Per size, in one process:
- SFT: `train_sft` on the built-in suite's SFT records with the demo's stage-1 settings (global batch 32, rows of
  320 tokens, 8 rows per micro batch, bf16 autocast), `--sft-steps` optimizer steps; the mean of the per-step
  `seconds` it logs, warm-up step left out.
- Sampling: the hf engine decoding one demo-sized RL rollout batch (16 math prompts x 8 samples, 128 sequences
  together, `--new-tokens` each, T 1), timed after one untimed warm-up call. Random weights rarely emit the end
  token, so every size decodes about the same number of tokens; seconds per 1,000 sequence-tokens are reported.
Cost only: what a size learns in the budget needs its own base pretrained (recipes/base.yaml), not measured here.

    python benchmarks/bench_model_size.py [--sizes 192x4,288x6,384x6 --sft-steps 8 --new-tokens 128]

Writes benchmarks/results/model_size.json.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEED = 0


def build(out: Path, hidden: int, layers: int) -> tuple[Path, int]:
    """A random Qwen2 of the tiny model's shape with `hidden` width (FFN 3x, heads of 48: `hidden` a multiple of 96)
    and `layers` layers; returns its folder and parameter count."""
    from safetensors import safe_open

    from tinylogic.models import init_model

    init_model(out, "tiny", SEED, hidden_size=hidden, intermediate_size=3 * hidden, num_hidden_layers=layers,
               num_attention_heads=hidden // 48, num_key_value_heads=hidden // 96)
    with safe_open(out / "model.safetensors", "pt") as f:  # tied embeddings: stored once
        params = sum(math.prod(f.get_slice(name).get_shape()) for name in f.keys())  # noqa: SIM118 (not a dict)
    return out, params


def measure(model: Path, records: list[dict], prompts: list, args, work: Path) -> dict:
    from tinylogic.config import SFTTraining
    from tinylogic.engine.base import SamplingParams, load_engine
    from tinylogic.train.sft import train_sft

    cfg = SFTTraining(epochs=1, global_batch_size=32, pack_tokens=320, micro_batch_rows=8, bf16="on",
                      learning_rate=1e-3, warmup_ratio=0.02)
    train_sft(model, records, work / "sft", cfg, seed=SEED, progress=False, stop_after_steps=args.sft_steps)
    steps = [json.loads(line) for line in (work / "sft" / "metrics.jsonl").read_text().splitlines()]
    sft_step = sum(s["seconds"] for s in steps[1:]) / len(steps[1:])

    engine = load_engine(str(model), batch_size=128)
    params = SamplingParams(n=8, temperature=1.0, max_new_tokens=args.new_tokens, seed=SEED)
    engine.generate(prompts[:2], params.model_copy(update={"n": 1}), progress=False)  # warm-up
    start = time.perf_counter()
    samples = engine.generate(prompts, params, progress=False)
    seconds = time.perf_counter() - start
    tokens = sum(len(s.token_ids) for group in samples for s in group)
    return {"sft_step_s": round(sft_step, 3), "rollout_batch_s": round(seconds, 3), "rollout_tokens": tokens,
            "s_per_1k_tokens": round(1000 * seconds / tokens, 4)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="192x4,288x4,288x6,384x6,384x8",
                    help="hidden x layers, comma-separated (192x4 is the shipped tiny model's shape)")
    ap.add_argument("--sft-steps", type=int, default=8)
    ap.add_argument("--new-tokens", type=int, default=128)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "model_size.json"))
    args = ap.parse_args()

    import torch
    import transformers

    transformers.utils.logging.disable_progress_bar()  # its weight-loading bars, once per size
    from tinylogic.data.prompts import build_prompt
    from tinylogic.data.suite import sft_records, synthesize

    problems = synthesize(400, seed=SEED)
    train = [p for p in problems if p.split == "train"]
    records = [{"prompt": r["prompt"], "completion": r["completion"]} for r in sft_records(train)]
    math = [p for p in train if p.domain == "math"][:16]
    prompts = [build_prompt(p) for p in math]  # chat messages, as RL sends them
    if len(prompts) < 16:
        raise ValueError(f"only {len(prompts)} math problems synthesized, 16 needed")

    results = {}
    for size in args.sizes.split(","):
        hidden, layers = (int(x) for x in size.split("x"))
        if hidden % 96:
            raise SystemExit(f"--sizes {size}: the width must be a multiple of 96 (heads of 48, half as many KV heads)")
        with tempfile.TemporaryDirectory() as tmp:
            model, params = build(Path(tmp) / "model", hidden, layers)
            results[size] = {"parameters": params, **measure(model, records, prompts, args, Path(tmp))}
        tiny = results[next(iter(results))]
        row = results[size]
        row["sft_step_vs_first"] = round(row["sft_step_s"] / tiny["sft_step_s"], 2)
        row["sampling_vs_first"] = round(row["s_per_1k_tokens"] / tiny["s_per_1k_tokens"], 2)
        print(size, json.dumps(row), flush=True)

    from tinylogic.run import environment

    out = {"date": datetime.date.today().isoformat(), "environment": environment(),
           "threads": torch.get_num_threads(), "settings": vars(args), "results": results}
    Path(args.out).write_text(json.dumps(out, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
