"""Checkpoints of the trainers (SFT and RL): written whole or not at all, checked before they are trusted.

A checkpoint is a save_pretrained folder plus the trainer state (optimizer, scheduler, step, RNG) and a
manifest of its files' sizes, written under a temp name and renamed, so a crash mid-write leaves the previous
checkpoint loadable. Resume takes the newest checkpoint whose sizes and headers check out, naming any it
skips; a full disk is named as such (torch says "unexpected pos").
"""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import torch
from torch.distributed.checkpoint.state_dict import (
    StateDictOptions,
    get_model_state_dict,
    get_optimizer_state_dict,
    set_optimizer_state_dict,
)

STATE_FILE = "trainer_state.pt"
MANIFEST = "manifest.json"  # {file: size} of a checkpoint folder, written with it


def _rng_state() -> dict[str, Any]:
    return {"python": random.getstate(), "torch": torch.get_rng_state()}


# Weights and optimizer state as whole (unsharded) tensors on the CPU, keyed by parameter name: the same
# format from 1 process, DDP or FSDP2, so a run resumes on another number of processes or another sharding.
FULL_STATE = StateDictOptions(full_state_dict=True, cpu_offload=True)


def is_sharded(model) -> bool:
    """Whether `model`'s parameters are FSDP2 shards (DTensors), so every process holds only a part."""
    from torch.distributed.tensor import DTensor

    return any(isinstance(p, DTensor) for p in model.parameters())


def gathered_weights(model, every_process: bool = False) -> dict[str, torch.Tensor]:
    """A sharded model's whole weights (every process must call it): on the CPU of the main process for a
    checkpoint, or on each process's device (`every_process`) for a sampler that takes the trained weights.
    A tied parameter (lm_head = embed_tokens) comes back as separate copies: only its first name is kept,
    as save_pretrained writes the model itself."""
    options = StateDictOptions(full_state_dict=True) if every_process else FULL_STATE
    weights = get_model_state_dict(model, options=options)
    first_name: dict[int, str] = {}
    for name, param in model.named_parameters(remove_duplicate=False):
        if first_name.setdefault(id(param), name) != name:  # a later name of a tied parameter
            weights.pop(name, None)
    return weights


def save_checkpoint(accelerator, model, tokenizer, optimizer, scheduler, step: int, final_dir: Path,
                    extra: dict[str, Any] | None = None, resumable: bool = True) -> None:
    """Write a save_pretrained folder + trainer state (+ `extra` entries) under a temp name, then rename
    (atomic on POSIX). Every process calls it: under FSDP2 the shards are gathered to the main process
    first. `resumable=False` (a finished phase's model) leaves the optimizer and scheduler out of the state:
    AdamW's moments are twice the fp32 weights, and nothing resumes from a finished phase."""
    weights = gathered_weights(model) if is_sharded(model) else None
    optim = get_optimizer_state_dict(model, optimizer, options=FULL_STATE) if resumable else None
    if accelerator.is_main_process:
        tmp = final_dir.with_name(f".{final_dir.name}.tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        state = {"step": step, "rng": _rng_state(), **(extra or {})}
        if resumable:
            state |= {"optimizer": optim, "scheduler": scheduler.state_dict()}
        try:
            accelerator.unwrap_model(model).save_pretrained(tmp, state_dict=weights, safe_serialization=True)
            tokenizer.save_pretrained(tmp)
            torch.save(state, tmp / STATE_FILE)
            (tmp / MANIFEST).write_text(json.dumps(file_sizes(tmp)))
        except (OSError, RuntimeError) as exc:
            shutil.rmtree(tmp, ignore_errors=True)  # the partial write; earlier checkpoints are untouched
            raise disk_full_or(exc, final_dir) from None
        if final_dir.exists():
            shutil.rmtree(final_dir)
        os.replace(tmp, final_dir)
    accelerator.wait_for_everyone()


class DiskFull(OSError):
    """A checkpoint that did not fit on the disk (the message names it and says what is left)."""


def disk_full_or(exc: BaseException, target: Path) -> BaseException:
    """`exc` as a DiskFull naming `target` when the disk is full: torch reports a full disk as
    "inline_container.cc:672 ... unexpected pos", which names neither the file nor the cause."""
    free = shutil.disk_usage(next(p for p in (target, *target.parents) if p.exists())).free
    if (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or free < 64 << 20:
        return DiskFull(errno.ENOSPC, f"no space left on device writing the checkpoint {target} ({free >> 20} MB "
                        "free); earlier checkpoints are intact: free some space and run the same command to "
                        "resume")
    return exc


def restore_checkpoint(folder: Path, model, optimizer, scheduler) -> dict[str, Any]:
    """Load a checkpoint's optimizer, scheduler and RNG state (the weights come with from_pretrained);
    returns the whole trainer state (step and any extra entries). Every process reads the file memory-mapped
    (the page cache holds one copy) and takes its own shard of the optimizer state."""
    try:
        state = torch.load(folder / STATE_FILE, weights_only=False, mmap=True)
    except Exception as exc:  # damage that checkpoint_problem's cheap checks missed: at least name the file
        raise ValueError(f"{folder / STATE_FILE}: unreadable ({type(exc).__name__}: {exc})") from exc
    if "optimizer" not in state:
        raise ValueError(f"{folder}: a finished model, not a checkpoint to resume from (no optimizer state)")
    set_optimizer_state_dict(model, optimizer, state["optimizer"], options=FULL_STATE)
    scheduler.load_state_dict(state["scheduler"])
    random.setstate(state["rng"]["python"])
    torch.set_rng_state(state["rng"]["torch"])
    return state


def trim_metrics(path: Path, step: int) -> None:
    """Keep only the metrics rows of steps up to `step` (the one training resumes from): an interrupted
    run logged steps past its last checkpoint, and the resumed run logs them again. Atomic rewrite."""
    if not path.exists():
        return
    def logged_step(line: str) -> float:
        try:
            return json.loads(line)["step"]
        except (ValueError, KeyError, TypeError):
            return float("inf")  # a row cut short by the crash: dropped

    lines = path.read_text().splitlines(keepends=True)
    kept = [line for line in lines if logged_step(line) <= step]
    if len(kept) < len(lines):
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text("".join(kept))
        tmp.replace(path)


def file_sizes(folder: Path) -> dict[str, int]:
    """Every file's size under `folder`, by relative path: recorded when a model folder is written and
    checked before it is trusted again. Sizes, not hashes: the damage seen is truncation (a full disk, a
    killed copy), which sizes catch, while a hash would re-read gigabytes of weights at every save and
    every check; damage that keeps the size is left to the loaders."""
    return {str(p.relative_to(folder)): p.stat().st_size for p in sorted(folder.rglob("*")) if p.is_file()}


def size_problem(folder: Path, recorded: dict[str, int]) -> str | None:
    """The first file of `recorded` missing or of another size under `folder`, with the cause; None if intact."""
    for name, size in recorded.items():
        path = folder / name
        if not path.is_file():
            return f"{path}: missing"
        if path.stat().st_size != size:
            return f"{path}: {path.stat().st_size} bytes, {size} when written (truncated or overwritten)"
    return None


def checkpoint_problem(folder: Path) -> str | None:
    """Why `folder` cannot be resumed from (the file and the cause), or None. Checks the sizes recorded at
    save time (folders written before MANIFEST have none), then opens the weights' safetensors headers and
    the trainer state's zip directory: cheap reads that a truncated file fails."""
    state, manifest = folder / STATE_FILE, folder / MANIFEST
    if manifest.is_file():
        try:
            problem = size_problem(folder, json.loads(manifest.read_text()))
        except (ValueError, AttributeError) as exc:
            return f"{manifest}: unreadable ({exc})"
        if problem:
            return problem
    weights = sorted(folder.glob("*.safetensors"))
    if not weights:
        return f"{folder}: no *.safetensors weights"
    if not state.is_file():
        return f"{state}: missing"
    from safetensors import safe_open

    for path in [*weights, state]:
        try:
            if path == state:
                zipfile.ZipFile(path).close()  # torch.save writes a zip; its directory is at the end
            else:
                with safe_open(str(path), "pt"):  # checks the header covers the whole file
                    pass
        except Exception as exc:
            return f"{path}: unreadable ({type(exc).__name__}: {exc})"
    return None


def latest_checkpoint(out_dir: Path, warn: Callable[[str], Any] = print) -> Path | None:
    """The newest step checkpoint that can be resumed from (temp folders of interrupted writes are
    ignored). A damaged one is named through `warn` and the one before it tried; when every one is
    damaged, ValueError: starting over from the base model would silently throw the trained steps away."""
    done = sorted((out_dir / "checkpoints").glob("step-*"), key=lambda p: int(p.name.split("-")[1]))
    problems = []
    for folder in reversed(done):
        problem = checkpoint_problem(folder)
        if problem is None:
            return folder
        problems.append(problem)
        warn(f"warning: checkpoint {folder.name} cannot be resumed from: {problem}; trying the one before it")
    if problems:
        raise ValueError(f"no checkpoint under {out_dir / 'checkpoints'} can be resumed from ({'; '.join(problems)}); "
                         "delete the folder to train from the start")
    return None


def stage_accelerator(bf16: str, **kwargs):
    """A training stage's Accelerator with bf16 autocast as its `bf16` setting resolves (auto: on a CUDA GPU
    with bf16 support), and whether bf16 is on.

    accelerate keeps one precision per process (its AcceleratorState is shared), while `tinylogic run` trains
    every stage in one process and the stages may choose differently (sft.bf16 on, rl.bf16 auto on a CPU): the
    earlier stage's state is dropped then; the process group (accelerate's PartialState) is kept."""
    from accelerate import Accelerator
    from accelerate.state import AcceleratorState

    use_bf16 = bf16 == "on" or (bf16 == "auto" and torch.cuda.is_available() and torch.cuda.is_bf16_supported())
    precision = "bf16" if use_bf16 else "no"
    if AcceleratorState._shared_state.get("_mixed_precision", precision) != precision:
        AcceleratorState._reset_state(reset_partial_state=False)
    # cpu=True without CUDA: several processes then join a gloo group (MULTI_CPU) instead of each
    # silently training alone.
    accelerator = Accelerator(cpu=not torch.cuda.is_available(), mixed_precision=precision, **kwargs)
    refuse_sharding(accelerator)
    return accelerator, use_bf16


def refuse_sharding(accelerator) -> None:
    """FSDP2 and DDP are supported; FSDP1 and DeepSpeed would half-work (the main process would save what may
    be a shard), so they are refused by name."""
    kind = getattr(accelerator.distributed_type, "value", str(accelerator.distributed_type))
    if kind == "FSDP" and getattr(accelerator, "is_fsdp2", False):
        return
    if kind in ("FSDP", "DEEPSPEED", "MEGATRON_LM"):
        raise ValueError(f"accelerate config: {'FSDP1' if kind == 'FSDP' else kind} is not supported (checkpoints and "
                         "RL sampling are written for full weights or FSDP2 shards); use FSDP2 "
                         "(`fsdp_version: 2` in the accelerate config) or DDP, see docs/SCALE.md")


def prune_checkpoints(out_dir: Path, keep: int, accelerator) -> None:
    """Delete all but the newest `keep` step checkpoints (0: keep all)."""
    if keep and accelerator.is_main_process:
        done = sorted((out_dir / "checkpoints").glob("step-*"), key=lambda p: int(p.name.split("-")[1]))
        for old in done[:-keep]:
            shutil.rmtree(old)
