"""Supervised fine-tuning on prompt -> completion records, loss on the completion tokens only.

The loop is written out (nanoGPT style): each optimizer step takes `global_batch_size` examples
(split across processes), packs each process's share into rows of at most `pack_tokens` tokens
(padding-free: one row is one micro-batch, examples are separated by restarting `position_ids`, which
transformers turns into a block-diagonal causal mask, so no attention crosses examples), and
accumulates gradients over the rows. The loss is the token mean over every completion token of the
global batch, so packing, accumulation and the number of processes do not change it.

Runs as is on one process or under `accelerate launch` (DDP; FSDP and DeepSpeed are refused).
Checkpoints (train/checkpoints.py) carry the optimizer, scheduler, step and RNG state for exact resume.
"""

from __future__ import annotations

import json
import math
import random
import time
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F

from tinylogic.config import SFTTraining
from tinylogic.models import checkpoint_activations, context_length, with_stop_tokens
from tinylogic.train.checkpoints import (
    STATE_FILE,
    checkpoint_problem,
    latest_checkpoint,
    prune_checkpoints,
    restore_checkpoint,
    save_checkpoint,
    stage_accelerator,
    trim_metrics,
)
from tinylogic.train.logprobs import IGNORE, labelled_logprobs

# ---------------------------------------------------------------- records -> token ids


def encode_examples(tokenizer, records: Sequence[dict[str, Any]]) -> list[dict[str, list[int]]]:
    """Token ids and labels per {prompt, completion} record; labels are IGNORE on the prompt. A {text}
    record (pretraining) is raw text + the tokenizer's EOS, every token a label, no chat template.

    With a chat template the prompt is the rendered user turn plus the generation prompt (exactly what
    the engine feeds at sampling time) and the completion ends with the template's end-of-turn token;
    without one, the raw prompt and completion + eos. Texts are tokenized in one batch call (the fast
    tokenizer's batch path), which is what keeps start-up short on large record sets.
    """
    def messages(prompt: str | list[dict]) -> list[dict]:
        return [{"role": "user", "content": prompt}] if isinstance(prompt, str) else prompt

    from tinylogic.models import end_of_turn

    def prompt(record: dict) -> str:
        if "text" in record:
            return ""
        if tokenizer.chat_template:
            return tokenizer.apply_chat_template(messages(record["prompt"]), add_generation_prompt=True,
                                                 tokenize=False)
        return record["prompt"] if isinstance(record["prompt"], str) else \
            "\n".join(m["content"] for m in record["prompt"])

    end = end_of_turn(tokenizer) if tokenizer.chat_template else tokenizer.eos_token or ""
    prompts = [prompt(r) for r in records]
    completions = [r["text"] + (tokenizer.eos_token or "") if "text" in r else r["completion"] + end for r in records]
    prompt_ids = tokenizer(prompts, add_special_tokens=False)["input_ids"] if prompts else []
    completion_ids = tokenizer(completions, add_special_tokens=False)["input_ids"] if records else []
    out = []
    for p_ids, c_ids in zip(prompt_ids, completion_ids, strict=True):
        labels = [IGNORE] * len(p_ids) + c_ids
        labels[0] = IGNORE  # never predict an example's first token from the previous packed example
        out.append({"input_ids": p_ids + c_ids, "labels": labels})
    return out


def encode_example(tokenizer, prompt: str | list[dict], completion: str) -> dict[str, list[int]]:
    """`encode_examples` for a single record."""
    return encode_examples(tokenizer, [{"prompt": prompt, "completion": completion}])[0]


def pack(examples: Sequence[dict[str, list]], pack_tokens: int) -> list[dict[str, torch.Tensor]]:
    """Greedy, order-preserving packing into rows of at most `pack_tokens` tokens.

    `position_ids` restart at 0 for each example: transformers builds the block-diagonal causal mask
    from them (sdpa/eager/flash alike) when no attention_mask is given. Any other per-token key an
    example carries (RL puts advantages and loss weights beside the labels) is packed alongside.
    """
    keys = list(examples[0]) if examples else ["input_ids", "labels"]
    rows: list[dict[str, list]] = []
    row: dict[str, list] = {key: [] for key in [*keys, "position_ids"]}
    for ex in examples:
        if row["input_ids"] and len(row["input_ids"]) + len(ex["input_ids"]) > pack_tokens:
            rows.append(row)
            row = {key: [] for key in row}
        for key in keys:
            row[key] = row[key] + list(ex[key])
        row["position_ids"] = row["position_ids"] + list(range(len(ex["input_ids"])))
    if row["input_ids"]:
        rows.append(row)
    return [{key: torch.tensor([values]) for key, values in r.items()} for r in rows]


PAD_VALUES = {"input_ids": 0, "labels": IGNORE}  # other per-token keys pad with 0


def stack_rows(rows: Sequence[dict[str, torch.Tensor]]) -> dict[str, torch.Tensor]:
    """Several packed rows as one [rows, length] micro-batch; short rows are right-padded with labels
    IGNORE and positions that restart at 0, so the padding is a separate (unsupervised) sequence."""
    if len(rows) == 1:
        return rows[0]
    length = max(r["input_ids"].shape[1] for r in rows)

    def pad(row: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
        extra = length - row["input_ids"].shape[1]
        return {key: torch.cat([value, torch.arange(extra).unsqueeze(0)], dim=1) if key == "position_ids"
                else F.pad(value, (0, extra), value=PAD_VALUES.get(key, 0)) for key, value in row.items()}

    padded = [pad(r) for r in rows]
    return {key: torch.cat([r[key] for r in padded]) for key in padded[0]}


def idle_row(device) -> dict[str, torch.Tensor]:
    """A two-token packed row for a process with nothing to train on: callers weight its loss by 0, so it
    only keeps that process in step with the others (same number of forward/backward passes)."""
    row = {"input_ids": [[0, 0]], "labels": [[IGNORE, 0]], "position_ids": [[0, 1]], "advantage": [[0.0, 0.0]],
           "weight": [[0.0, 0.0]]}
    return {k: torch.tensor(v, device=device) for k, v in row.items()}


def row_loss_sum(model, row: dict[str, torch.Tensor], chunk_tokens: int = 1024) -> tuple[torch.Tensor, int]:
    """Summed next-token cross-entropy over the row's completion tokens, and their count (the LM head in
    chunks: train/logprobs.py)."""
    # use_cache=False (inside) matters: with a cache, transformers skips the packed-sequence (block-diagonal) mask
    logp, _ = labelled_logprobs(model, row, chunk_tokens=chunk_tokens)
    return -logp.sum(), int((row["labels"][:, 1:] != IGNORE).sum())


def load_records(path: str | Path, include_claims: bool = True) -> list[dict[str, Any]]:
    """SFT records from JSONL: rows with `prompt` + `completion`; or problems with teacher traces (the
    built-in suite's format, in any file the loaders read; held-out rows skipped), turned into records by
    `tinylogic.data.suite.sft_records` (with claim-extraction/check records when `include_claims`)."""
    from tinylogic.data.loaders import DataError, iter_jsonl, load_problems
    from tinylogic.data.suite import sft_records

    if str(path).endswith((".jsonl", ".jsonl.gz", ".json", ".json.gz")):
        rows = list(iter_jsonl(path))
        if rows and "completion" in rows[0][1]:
            for line_no, row in rows:
                if not isinstance(row.get("prompt"), str | list) or not isinstance(row.get("completion"), str):
                    raise DataError(f"{path}: line {line_no}: an SFT record needs string `prompt` and `completion`")
            return [row for _, row in rows]
    problems = [p for p in load_problems(path) if p.split != "heldout"]
    return sft_records(problems, include_claims=include_claims)


def domain_weighted(records: Sequence[dict[str, Any]], weights: dict[str, float], seed: int) -> list[int]:
    """Indices into `records`, each domain's repeated by its weight (`SFTTraining.domain_weights`): w = 2.5
    lists a record twice plus, for a seeded half of them, a third time; w = 0 drops it; records whose
    `domain` is not in `weights` (or that have none) appear once. Deterministic in `seed`."""
    if not weights:
        return list(range(len(records)))
    if any(w < 0 for w in weights.values()):
        raise ValueError(f"sft.domain_weights: weights must be >= 0, got {weights}")
    rng = random.Random(f"domain-weights-{seed}")
    out = []
    for i, record in enumerate(records):
        weight = weights.get(record.get("domain"), 1.0)
        out += [i] * (int(weight) + (rng.random() < weight - int(weight)))
    return out


# ---------------------------------------------------------------- the loop


def train_sft(model_path: str | Path, records: Sequence[dict[str, Any]], out_dir: str | Path,
              cfg: SFTTraining, *, seed: int = 0, resume: bool = True, progress: bool = True,
              stop_after_steps: int | None = None) -> Path:
    """Fine-tune `model_path` on `records`; returns `out_dir/final` (a save_pretrained folder).

    `stop_after_steps` ends the run early as if interrupted (tests use it to check exact resume).
    """
    from rich.progress import Progress
    from transformers import AutoModelForCausalLM, AutoTokenizer, get_cosine_with_min_lr_schedule_with_warmup

    out_dir = Path(out_dir)
    accelerator, _ = stage_accelerator(cfg.bf16)
    world, rank = accelerator.num_processes, accelerator.process_index

    final = out_dir / "final"
    if resume and (final / STATE_FILE).exists():
        if (problem := checkpoint_problem(final)) is None:
            accelerator.print(f"{final} exists: training already complete (pass resume=False to retrain)")
            return final
        accelerator.print(f"warning: {final} is damaged ({problem}): training again from the newest checkpoint")
    start_from = latest_checkpoint(out_dir, accelerator.print) if resume else None
    tokenizer = AutoTokenizer.from_pretrained(model_path)
    torch.manual_seed(seed)
    model = AutoModelForCausalLM.from_pretrained(start_from or model_path, dtype=torch.float32,
                                                 attn_implementation=cfg.attn_implementation)
    model.config.use_cache = False
    if cfg.activation_checkpointing:
        checkpoint_activations(model)
    with_stop_tokens(model, tokenizer)  # saved folders stop generation where the trained turns end
    # an example longer than the model's context would train positions it never had: cut it there
    limit = min(cfg.pack_tokens, context_length(model) or cfg.pack_tokens)
    examples = encode_examples(tokenizer, records)
    if cut := sum(len(e["input_ids"]) > limit for e in examples):
        # the cut part is usually what the example teaches (an answer, a pretraining article's restated facts)
        accelerator.print(f"warning: {cut} of {len(examples)} examples are longer than {limit} tokens and lose "
                          f"their ends: raise pack_tokens (at most the model's context) to train on them whole")
    examples = [{key: value[:limit] for key, value in e.items()} for e in examples]
    examples = [examples[i] for i in domain_weighted(records, cfg.domain_weights, seed)]
    if not examples:
        raise ValueError("no SFT examples to train on")

    steps_per_epoch = math.ceil(len(examples) / cfg.global_batch_size)
    total_steps = max(1, math.ceil(cfg.epochs * steps_per_epoch))
    decay = [p for n, p in model.named_parameters() if p.ndim >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.ndim < 2]
    # fused on a GPU: one kernel, no weights-sized temporaries (torch's default there, foreach, took the 3B
    # GPU check's peak to 57.5 GiB against TRL's fused 47.7); the CPU keeps torch's default, as measured
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": cfg.weight_decay},
                                   {"params": no_decay, "weight_decay": 0.0}], lr=cfg.learning_rate,
                                  fused=accelerator.device.type == "cuda")
    scheduler = get_cosine_with_min_lr_schedule_with_warmup(
        optimizer, num_warmup_steps=int(cfg.warmup_ratio * total_steps), num_training_steps=total_steps,
        min_lr=cfg.min_learning_rate)
    model, optimizer = accelerator.prepare(model, optimizer)

    step = 0
    if start_from is not None:
        step = restore_checkpoint(start_from, model, optimizer, scheduler)["step"]
        accelerator.print(f"resuming from {start_from} (step {step}/{total_steps})")

    metrics_path = out_dir / "metrics.jsonl"
    if accelerator.is_main_process:
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / "sft_config.json").write_text(cfg.model_dump_json(indent=2))
        trim_metrics(metrics_path, step)  # rows logged after the checkpoint are logged again
    model.train()
    bar = Progress(disable=not (progress and accelerator.is_main_process))
    with bar:
        task = bar.add_task("sft", total=total_steps, completed=step)
        while step < total_steps:
            t0 = time.perf_counter()
            # The data position is a pure function of (seed, step): resume needs no iterator state.
            epoch, in_epoch = divmod(step, steps_per_epoch)
            order = torch.randperm(len(examples), generator=torch.Generator().manual_seed(seed * 1000 + epoch))
            batch_ids = order[in_epoch * cfg.global_batch_size:(in_epoch + 1) * cfg.global_batch_size].tolist()
            mine = [examples[i] for i in batch_ids[rank::world]]
            packed = pack(mine, cfg.pack_tokens)
            rows = [{k: v.to(accelerator.device) for k, v in stack_rows(packed[i:i + cfg.micro_batch_rows]).items()}
                    for i in range(0, len(packed), cfg.micro_batch_rows)]
            local_tokens = sum(int((r["labels"][:, 1:] != IGNORE).sum()) for r in rows)
            local_inputs = sum(len(ex["input_ids"]) for ex in mine)
            global_tokens, input_tokens = (int(x) for x in accelerator.reduce(
                torch.tensor([local_tokens, local_inputs], device=accelerator.device), "sum"))
            # DDP averages gradients over processes; scaling by world size turns that into the global
            # token mean, so N processes give the same update as one with the same global batch.
            scale = world / max(global_tokens, 1)
            loss_sum = 0.0
            # every process runs the same number of forward/backward passes (DDP syncs buffers in forward
            # and gradients in the last backward): pad with idle rows whose loss is multiplied by 0
            most = int(accelerator.reduce(torch.tensor(len(rows), device=accelerator.device), "max"))
            rows += [None] * (most - len(rows))
            for i, row in enumerate(rows):
                sync = i == len(rows) - 1
                with accelerator.autocast(), (accelerator.no_sync(model) if not sync else nullcontext()):
                    loss, _ = row_loss_sum(model, row or idle_row(accelerator.device), cfg.loss_chunk_tokens)
                    accelerator.backward(loss * (scale if row is not None else 0.0))
                loss_sum += float(loss.detach()) if row is not None else 0.0
            grad_norm = accelerator.clip_grad_norm_(model.parameters(), cfg.grad_clip)
            lr = scheduler.get_last_lr()[0]
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            step += 1
            mean_loss = float(accelerator.reduce(torch.tensor(loss_sum, device=accelerator.device), "sum")) / max(global_tokens, 1)
            seconds = time.perf_counter() - t0
            if accelerator.is_main_process and (step % cfg.log_every == 0 or step == total_steps):
                with metrics_path.open("a") as f:
                    f.write(json.dumps({"step": step, "epoch": epoch, "loss": round(mean_loss, 6), "lr": lr,
                                        "grad_norm": float(grad_norm), "tokens": input_tokens,
                                        "loss_tokens": global_tokens, "tokens_per_s": round(input_tokens / seconds, 1),
                                        "seconds": round(seconds, 4)}) + "\n")
            bar.update(task, advance=1, description=f"sft loss {mean_loss:.4f}")
            if cfg.save_every and step % cfg.save_every == 0 and step < total_steps:
                save_checkpoint(accelerator, model, tokenizer, optimizer, scheduler, step,
                                 out_dir / "checkpoints" / f"step-{step:06d}")
                prune_checkpoints(out_dir, cfg.keep_checkpoints, accelerator)
            if stop_after_steps is not None and step >= stop_after_steps and step < total_steps:
                return out_dir / "checkpoints"
    save_checkpoint(accelerator, model, tokenizer, optimizer, scheduler, step, final, resumable=False)
    return final
