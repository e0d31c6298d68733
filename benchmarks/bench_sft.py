"""Trained tokens per second: tinylogic `train_sft` vs TRL's `SFTTrainer`, same model, data and schedule.

Every contender trains the embedded tiny model (fp32, CPU, sdpa attention) from the same weights on the
same records (the built-in suite's SFT records), with the same examples per optimizer step (except TRL's
dataset-level packing, whose batches are packed rows: matched on tokens per step instead), the same
maximum sequence length, the same AdamW / cosine-with-min-lr schedule and the same number of optimizer
steps. The token sequences are identical: TRL gets the prompt already rendered by the chat template and
the completion ending with <|im_end|> (its "standard prompt-completion" format), and the worker checks
TRL's tokenized examples against tinylogic's `encode_example`.

Measured: steps after the first `WARMUP_STEPS` (warm-up) only. Tokens = non-pad tokens fed to the model;
completion tokens = supervised (label != -100) targets. tinylogic's step time is its own per-step
`seconds` (batch packing + forward/backward + optimizer); TRL's is the interval between consecutive
`on_step_end` callbacks (data loading + collation + forward/backward + optimizer + its logging).
Each contender runs in its own process, `--rounds` times interleaved; the faster run is kept.
Needs trl: run it from the bench virtualenv (.venv-bench). Writes benchmarks/results/sft.json.

    python benchmarks/bench_sft.py [--records 2000 --batch 50 --steps 40 --rounds 2]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WARMUP_STEPS = 2
MAX_LENGTH = 512  # tinylogic pack_tokens == TRL max_length (no record is longer, so nothing is truncated)
LR, MIN_LR, WARMUP_RATIO, GRAD_CLIP, SEED = 1e-3, 8e-8, 0.05, 1.0, 0

# name -> settings. tinylogic packs each step's examples into rows of MAX_LENGTH (padding-free);
# TRL variants: padded batches (its default), padding-free flattening of each batch (no dataset
# packing: the same examples per step as tinylogic), dataset-level BFD packing (padding-free rows).
CONTENDERS: dict[str, dict] = {
    "tinylogic": {"kind": "tinylogic", "micro_batch_rows": 4},
    "trl_padded": {"kind": "trl", "per_device": 10, "accum": 5},
    "trl_padding_free": {"kind": "trl", "per_device": 10, "accum": 5, "padding_free": True},
    "trl_packed_bfd": {"kind": "trl", "per_device": 4, "accum": 2, "packing": True},
}


# ---------------------------------------------------------------- shared inputs


def prepare(work: Path, n_records: int) -> None:
    """The tiny model and `n_records` SFT records (train split of the suite), written once for all runs."""
    from tinylogic.data.suite import sft_records, synthesize
    from tinylogic.models import init_model

    init_model(work / "model", size="tiny", seed=SEED)
    problems = [p for p in synthesize(max(50, n_records // 8), seed=SEED) if p.split == "train"]
    records = [{"prompt": r["prompt"], "completion": r["completion"]} for r in sft_records(problems)]
    if len(records) < n_records:
        raise ValueError(f"only {len(records)} records synthesized, {n_records} asked")
    with (work / "records.jsonl").open("w") as f:
        for r in records[:n_records]:
            f.write(json.dumps(r) + "\n")


def read_records(work: Path) -> list[dict]:
    return [json.loads(line) for line in (work / "records.jsonl").read_text().splitlines()]


def summarise(steps: list[dict]) -> dict:
    """steps: {loss, tokens, completion_tokens, seconds} per optimizer step, in order."""
    timed = steps[WARMUP_STEPS:]
    seconds = sum(s["seconds"] for s in timed)
    tokens = sum(s["tokens"] for s in timed)
    completion = sum(s["completion_tokens"] for s in timed)
    return {"steps": len(steps), "timed_steps": len(timed), "timed_seconds": round(seconds, 3),
            "tokens_per_s": round(tokens / seconds, 1), "completion_tokens_per_s": round(completion / seconds, 1),
            "tokens_per_step": round(tokens / len(timed), 1), "first_loss": round(steps[0]["loss"], 4),
            "final_loss": round(steps[-1]["loss"], 4)}


# ---------------------------------------------------------------- contenders (one per process)


def run_tinylogic(work: Path, settings: dict, batch: int, steps: int) -> dict:
    from tinylogic.config import SFTConfig
    from tinylogic.train.sft import train_sft

    records = read_records(work)
    cfg = SFTConfig(epochs=steps * batch / len(records), pack_tokens=MAX_LENGTH,
                    micro_batch_rows=settings["micro_batch_rows"], global_batch_size=batch, learning_rate=LR,
                    min_learning_rate=MIN_LR, warmup_ratio=WARMUP_RATIO, grad_clip=GRAD_CLIP, bf16="off")
    out = Path(tempfile.mkdtemp(dir=work))
    t0 = time.perf_counter()
    train_sft(work / "model", records, out, cfg, seed=SEED, resume=False, progress=False)
    wall = time.perf_counter() - t0
    rows = [json.loads(line) for line in (out / "metrics.jsonl").read_text().splitlines()]
    return summarise([{"loss": r["loss"], "tokens": r["tokens"], "completion_tokens": r["loss_tokens"],
                       "seconds": r["seconds"]} for r in rows]) | {"wall_s_incl_setup": round(wall, 2)}


def packed_attention_leak(collator, examples: list[dict], model) -> float:
    """Max |logit difference| between each example run alone and the same examples in one TRL
    padding-free batch: 0 (up to float noise) when no attention crosses examples on this backend."""
    import torch

    with torch.no_grad():
        batch = collator([{"input_ids": e["input_ids"], "labels": e["input_ids"]} for e in examples])
        batch.pop("labels")
        packed = model(**batch, use_cache=False).logits[0]
        alone = torch.cat([model(input_ids=torch.tensor([e["input_ids"]]), use_cache=False).logits[0]
                           for e in examples])
    return float((packed - alone).abs().max())


def run_trl(work: Path, settings: dict, batch: int, steps: int) -> dict:
    import torch
    from datasets import Dataset
    from transformers import AutoModelForCausalLM, AutoTokenizer, TrainerCallback
    from trl import SFTConfig, SFTTrainer
    from trl.trainer.sft_trainer import DataCollatorForLanguageModeling

    from tinylogic.train.sft import encode_example

    t0 = time.perf_counter()
    tokenizer = AutoTokenizer.from_pretrained(work / "model")
    records = read_records(work)
    # The prompt as tinylogic renders it; the completion ends the turn with <|im_end|> (so TRL adds no eos).
    rendered = [{"prompt": tokenizer.apply_chat_template([{"role": "user", "content": r["prompt"]}],
                                                         add_generation_prompt=True, tokenize=False),
                 "completion": r["completion"] + "<|im_end|>"} for r in records]
    torch.manual_seed(SEED)
    model = AutoModelForCausalLM.from_pretrained(work / "model", dtype=torch.float32)
    packing = settings.get("packing", False)
    padding_free = settings.get("padding_free", False)
    args = SFTConfig(
        output_dir=str(Path(tempfile.mkdtemp(dir=work))), max_steps=steps,
        per_device_train_batch_size=settings["per_device"], gradient_accumulation_steps=settings["accum"],
        learning_rate=LR, lr_scheduler_type="cosine_with_min_lr", lr_scheduler_kwargs={"min_lr": MIN_LR},
        warmup_steps=int(WARMUP_RATIO * steps), weight_decay=0.0, max_grad_norm=GRAD_CLIP, seed=SEED,
        max_length=None if padding_free and not packing else MAX_LENGTH, packing=packing,
        padding_free=padding_free, completion_only_loss=True, eos_token="<|im_end|>",
        report_to="none", save_strategy="no", eval_strategy="no", logging_steps=10, disable_tqdm=True,
        dataloader_num_workers=0, use_cpu=True, bf16=False, fp16=False)

    log: list[dict] = []
    pending = {"loss": 0.0, "tokens": 0, "completion_tokens": 0}

    class Recorder(SFTTrainer):
        def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
            mask = inputs.get("attention_mask")
            pending["tokens"] += int(mask.sum()) if mask is not None else int(inputs["position_ids"].numel())
            pending["completion_tokens"] += int((inputs["labels"][:, 1:] != -100).sum())
            loss = super().compute_loss(model, inputs, return_outputs, num_items_in_batch)
            # Normalised by the step's token count (num_items_in_batch): micro-batch losses add up to the step's mean.
            pending["loss"] += float((loss[0] if return_outputs else loss).detach())
            return loss

    class StepClock(TrainerCallback):
        last = None

        def on_step_begin(self, *_, **__):
            if self.last is None:
                self.last = time.perf_counter()

        def on_step_end(self, *_, **__):
            now = time.perf_counter()
            log.append(dict(pending, seconds=now - self.last))
            self.last = now
            pending.update(loss=0.0, tokens=0, completion_tokens=0)

    trainer = Recorder(model=model, args=args, train_dataset=Dataset.from_list(rendered), processing_class=tokenizer,
                       callbacks=[StepClock()])
    checks: dict = {"loss_type": args.loss_type, "optim": str(args.optim),
                    "attn_implementation": model.config._attn_implementation}
    if not packing:  # the same token ids and loss mask as tinylogic's encoding
        ref = [encode_example(tokenizer, r["prompt"], r["completion"]) for r in records[:200]]
        got = trainer.train_dataset.select(range(200))
        checks["token_ids_match_tinylogic"] = sum(
            g["input_ids"] == e["input_ids"] and [x != -100 for x in g["labels"][1:]] == [x != -100 for x in e["labels"][1:]]
            for g, e in zip(got, ref, strict=True)) / len(ref)
    if packing or padding_free:
        probe = [encode_example(tokenizer, r["prompt"], r["completion"]) for r in records[:4]]
        checks["packed_attention_max_abs_logit_diff"] = packed_attention_leak(
            DataCollatorForLanguageModeling(pad_token_id=tokenizer.pad_token_id, padding_free=True), probe, model)
    setup = time.perf_counter() - t0
    trainer.train()
    return summarise(log) | {"wall_s_incl_setup": round(time.perf_counter() - t0, 2),
                             "setup_s": round(setup, 2), "checks": checks}


RUNNERS = {"tinylogic": run_tinylogic, "trl": run_trl}


# ---------------------------------------------------------------- driver


def versions() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    out = {"platform": platform.platform(), "cpu_count": os.cpu_count(), "python": platform.python_version()}
    for pkg in ("torch", "transformers", "accelerate", "trl", "datasets"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = None
    import torch

    out["torch_threads"] = torch.get_num_threads()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=50, help="examples per optimizer step")
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--only", nargs="*", default=list(CONTENDERS), choices=list(CONTENDERS))
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "sft.json"))
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--work", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:  # one contender, one run, in this process; result JSON on the last stdout line
        settings = CONTENDERS[args.worker]
        result = RUNNERS[settings["kind"]](Path(args.work), settings, args.batch, args.steps)
        print(json.dumps(result))
        return

    if args.records < args.batch * args.steps:
        parser.error("--records must cover batch * steps examples (one epoch at most)")
    load = [round(x, 2) for x in os.getloadavg()]
    started = time.perf_counter()
    runs: dict[str, list[dict]] = {name: [] for name in args.only}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        prepare(work, args.records)
        for round_no in range(args.rounds):
            for name in args.only:
                proc = subprocess.run([sys.executable, __file__, "--worker", name, "--work", str(work),
                                       "--batch", str(args.batch), "--steps", str(args.steps)],
                                      capture_output=True, text=True)
                if proc.returncode:
                    raise SystemExit(f"{name} run {round_no + 1} failed:\n{proc.stderr[-3000:]}")
                runs[name].append(json.loads(proc.stdout.strip().splitlines()[-1]))
                print(f"round {round_no + 1} {name}: {runs[name][-1]['tokens_per_s']} tok/s, "
                      f"loss {runs[name][-1]['first_loss']} -> {runs[name][-1]['final_loss']}", flush=True)
    best = {name: max(rs, key=lambda r: r["tokens_per_s"]) for name, rs in runs.items()}
    ratios = {}
    if "tinylogic" in best:
        for name in best:
            if name != "tinylogic":
                ratios[f"tinylogic/{name}"] = {
                    "tokens_per_s": round(best["tinylogic"]["tokens_per_s"] / best[name]["tokens_per_s"], 2),
                    "completion_tokens_per_s": round(best["tinylogic"]["completion_tokens_per_s"]
                                                     / best[name]["completion_tokens_per_s"], 2)}
    result = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": versions(),
        "load_average_at_start": load,
        "settings": {"model": "tinylogic embedded tiny (Qwen2, fp32, sdpa)", "records": args.records,
                     "examples_per_step": args.batch, "optimizer_steps": args.steps, "max_length": MAX_LENGTH,
                     "warmup_steps_excluded_from_timing": WARMUP_STEPS, "lr": LR, "min_lr": MIN_LR,
                     "lr_warmup_ratio": WARMUP_RATIO, "schedule": "cosine_with_min_lr", "grad_clip": GRAD_CLIP,
                     "weight_decay": 0.0, "seed": SEED, "rounds": args.rounds, "contenders": {
                         name: CONTENDERS[name] for name in args.only}},
        "best": best,
        "ratios": ratios,
        "all_runs": runs,
        "benchmark_wall_s": round(time.perf_counter() - started, 1),
    }
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps({"best": {k: v["tokens_per_s"] for k, v in best.items()}, "ratios": ratios}, indent=2))


if __name__ == "__main__":
    main()
