"""Expert fusion (docs/RECIPE.md §1): M = Σ_i w_i · M_i*, w_i ≥ 0, Σ w_i = 1 (the reports use w_i = 1/N).

The sum runs over the N subdomains, not over distinct checkpoints: a checkpoint that is the specialist
of m subdomains gets m/N (`FUSE_WEIGHTS`, setting `spectrum.fuse_weights`).

A weighted parameter average of `save_pretrained` checkpoints, streamed tensor by tensor (and row block
by row block for large tensors) through `safetensors.safe_open`, so peak memory stays near one output
shard however many checkpoints are fused. Sums are accumulated in float64 and cast back to each tensor's
own dtype; the output keeps the first checkpoint's shard layout, config and tokenizer files.

Why not mergekit (PyPI, LGPL-3.0): its `linear` method does this same average with lazy loading, but it
brings accelerate, peft, scipy, datasets and sentencepiece, needs its own YAML config and architecture
definitions, and has to be version-matched with our torch/transformers pins; a plain streamed linear
average is ~150 lines on top of safetensors, which we already depend on.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path

import torch
from safetensors import safe_open
from safetensors.torch import save_file

SINGLE_FILE, INDEX_FILE = "model.safetensors", "model.safetensors.index.json"
# Copied from the first checkpoint: config, generation settings, tokenizer and chat template.
# Everything else (optimizer state, trainer state, other weights formats) stays behind.
COPIED_FILES = ("config.json", "generation_config.json", "tokenizer*", "special_tokens_map.json",
                "added_tokens.json", "vocab.*", "merges.txt", "spiece.model", "*.tiktoken", "chat_template.*",
                "additional_chat_templates")
CHUNK_ELEMENTS = 1 << 24  # float64 working memory per checkpoint slice: 128 MiB at most
WEIGHT_TOLERANCE = 1e-6


def check_weights(weights: Sequence[float] | None, n: int) -> list[float]:
    """Equal weights by default; otherwise one per checkpoint, each finite and ≥ 0, summing to 1."""
    if weights is None:
        return [1.0 / n] * n
    weights = [float(w) for w in weights]
    if len(weights) != n:
        raise ValueError(f"fuse: {len(weights)} weight(s) given for {n} checkpoint(s); give one per checkpoint")
    for i, w in enumerate(weights):
        if not math.isfinite(w) or w < 0:
            raise ValueError(f"fuse: weight {i + 1} ({w}) must be a finite number >= 0")
    total = math.fsum(weights)
    if abs(total - 1.0) > WEIGHT_TOLERANCE:
        raise ValueError(f"fuse: weights {weights} sum to {total:.9g}; they must sum to 1 (within {WEIGHT_TOLERANCE})")
    return weights


def _per_subdomain(best: dict[str, str], specialists: list[str]) -> list[float]:
    """Σ_i (1/N)·M_i*: a checkpoint that is the specialist of m of the N subdomains gets m/N."""
    wins = Counter(best.values())
    return [wins[s] / len(best) for s in specialists]


def _per_checkpoint(best: dict[str, str], specialists: list[str]) -> list[float]:
    """1/(number of distinct specialists) each, however many subdomains each one wins."""
    return [1.0 / len(specialists)] * len(specialists)


# spectrum.fuse_weights: fn(probe's best checkpoint per subdomain, its distinct specialists) -> weights
FUSE_WEIGHTS = {"per_subdomain": _per_subdomain, "per_checkpoint": _per_checkpoint}


def probe_fusion(probe_json: str | Path, how: str = "per_subdomain") -> tuple[list[str], list[float]]:
    """The specialists of a probe.json (`probe_checkpoints`), in checkpoint order, and their fusion weights."""
    if how not in FUSE_WEIGHTS:
        raise ValueError(f"fuse: unknown weighting {how!r}; choose one of {', '.join(FUSE_WEIGHTS)}")
    probe = json.loads(Path(probe_json).read_text())
    return probe["specialists"], FUSE_WEIGHTS[how](probe["best"], probe["specialists"])


def weight_files(checkpoint: Path) -> dict[str, str]:
    """Tensor name -> safetensors file name (relative to the checkpoint folder), single file or sharded."""
    index = checkpoint / INDEX_FILE
    if index.is_file():
        weight_map = json.loads(index.read_text())["weight_map"]
        for name in sorted(set(weight_map.values())):
            if not (checkpoint / name).is_file():
                raise FileNotFoundError(f"fuse: {checkpoint}: shard {name} listed in {INDEX_FILE} is missing")
        return dict(weight_map)
    single = checkpoint / SINGLE_FILE
    if single.is_file():
        with safe_open(single, framework="pt") as f:
            return dict.fromkeys(f.keys(), SINGLE_FILE)
    raise FileNotFoundError(f"fuse: {checkpoint}: no {SINGLE_FILE} or {INDEX_FILE} (a save_pretrained folder "
                            "with safetensors weights is expected)")


def _architecture(checkpoint: Path) -> tuple[str | None, list[str] | None]:
    config = checkpoint / "config.json"
    if not config.is_file():
        raise FileNotFoundError(f"fuse: {checkpoint}: no config.json (not a save_pretrained folder)")
    cfg = json.loads(config.read_text())
    return cfg.get("model_type"), cfg.get("architectures")


def _check_compatible(checkpoints: list[Path], maps: list[dict[str, str]], handles) -> None:
    """Same architecture, same tensor names, and per tensor the same shape and dtype as the first."""
    first, first_arch = checkpoints[0], _architecture(checkpoints[0])
    for ckpt, weight_map in zip(checkpoints[1:], maps[1:], strict=True):
        arch = _architecture(ckpt)
        if arch != first_arch:
            raise ValueError(f"fuse: {ckpt}: architecture (model_type, architectures) = {arch} differs from "
                             f"{first_arch} of {first}")
        missing, extra = sorted(maps[0].keys() - weight_map.keys()), sorted(weight_map.keys() - maps[0].keys())
        if missing or extra:
            raise ValueError(f"fuse: {ckpt}: tensor names differ from {first}: missing {missing[:5]}, "
                             f"extra {extra[:5]} ({len(missing)} missing, {len(extra)} extra)")
    for key in maps[0]:
        want = None
        for ckpt, weight_map in zip(checkpoints, maps, strict=True):
            meta = handles(ckpt, weight_map[key]).get_slice(key)
            got = (meta.get_shape(), meta.get_dtype())
            if want is None:
                want = got
            elif got != want:
                raise ValueError(f"fuse: {ckpt}: tensor {key} has shape {got[0]} dtype {got[1]}; "
                                 f"{first} has shape {want[0]} dtype {want[1]}")


def _scratch(buffers: list[torch.Tensor], n: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Two float64 work buffers of n elements, reused across tensors: a fresh large allocation per
    tensor costs page faults that dominate the arithmetic."""
    if not buffers or buffers[0].numel() < n:
        buffers[:] = [torch.empty(n, dtype=torch.float64) for _ in range(2)]
    return buffers[0][:n], buffers[1][:n]


def _fused_tensor(key: str, sources: list, weights: list[float], ckpt_names: list[Path],
                  buffers: list[torch.Tensor]) -> torch.Tensor:
    """Σ w_i · t_i for one tensor, in float64 row blocks, cast back to the tensor's dtype. Non-float
    tensors (integer buffers) cannot be averaged: they must be equal and are copied."""
    shape = sources[0].get_slice(key).get_shape()
    row_numel = math.prod(shape[1:]) or 1
    rows = shape[0] if shape else 1
    step = max(1, CHUNK_ELEMENTS // row_numel)
    blocks = [None] if not shape or rows <= step else [(s, min(s + step, rows)) for s in range(0, rows, step)]

    def read(handle, block):
        return handle.get_tensor(key) if block is None else handle.get_slice(key)[block[0]:block[1]]

    out = None
    for block in blocks:
        first = read(sources[0], block)
        if out is None:
            out = torch.empty(shape, dtype=first.dtype)
        target = out if block is None else out[block[0]:block[1]]
        if not first.is_floating_point():
            for handle, ckpt in zip(sources[1:], ckpt_names[1:], strict=True):
                if not torch.equal(read(handle, block), first):
                    raise ValueError(f"fuse: {ckpt}: non-float tensor {key} ({first.dtype}) differs from "
                                     f"{ckpt_names[0]}; integer tensors cannot be averaged")
            target.copy_(first)
            continue
        acc, term = (b.view(first.shape) for b in _scratch(buffers, first.numel()))
        acc.copy_(first).mul_(weights[0])
        for handle, w in zip(sources[1:], weights[1:], strict=True):
            acc.add_(term.copy_(read(handle, block)).mul_(w))  # w·t, then +: Σ w_i·t_i as written
        target.copy_(acc)
    return out


def _copy_side_files(src: Path, dst: Path) -> None:
    for pattern in COPIED_FILES:
        for path in src.glob(pattern):
            if path.name in (SINGLE_FILE, INDEX_FILE):
                continue
            if path.is_dir():
                shutil.copytree(path, dst / path.name)
            else:
                shutil.copy2(path, dst / path.name)


def _move_into_place(tmp: Path, out: Path) -> None:
    """Rename the finished temp folder to `out`. An existing fused model there is replaced; any other
    non-empty folder is left alone (it may be a user's checkpoint)."""
    if out.exists():
        if out.is_dir() and not any(out.iterdir()):
            out.rmdir()
        elif (out / "fusion.json").is_file():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
            os.replace(out, old / out.name)
            os.replace(tmp, out)
            shutil.rmtree(old, ignore_errors=True)
            return
        else:
            raise ValueError(f"fuse: output {out} exists and is not a fused model (no fusion.json); "
                             "refusing to overwrite it")
    os.replace(tmp, out)


def fuse(checkpoints: Sequence[str | Path], out_dir: str | Path, weights: Sequence[float] | None = None) -> Path:
    """Write the weighted parameter average of `checkpoints` (save_pretrained folders with safetensors
    weights, single-file or sharded) to `out_dir`, atomically; returns `out_dir`.

    `weights` default to 1/N each. The output has the first checkpoint's shard layout, config,
    generation config, tokenizer and chat template, plus `fusion.json` (the sources, relative to
    `out_dir`, and the weights).
    """
    ckpts = [Path(c) for c in checkpoints]
    if not ckpts:
        raise ValueError("fuse: no checkpoints given")
    weights = check_weights(weights, len(ckpts))
    out = Path(out_dir)
    if any(out.resolve() == c.resolve() for c in ckpts):
        raise ValueError(f"fuse: output {out} is one of the checkpoints being fused; choose another folder")
    for ckpt in ckpts:
        if not ckpt.is_dir():
            raise FileNotFoundError(f"fuse: checkpoint folder {ckpt} not found")
    maps = [weight_files(c) for c in ckpts]

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        with ExitStack() as stack:
            opened: dict[Path, object] = {}

            def handle(ckpt: Path, name: str):  # lazily opened, memory-mapped; closed with the stack
                path = ckpt / name
                if path not in opened:
                    opened[path] = stack.enter_context(safe_open(path, framework="pt"))
                return opened[path]

            _check_compatible(ckpts, maps, handle)
            shards: dict[str, list[str]] = {}  # the first checkpoint's layout, file by file
            for key, name in maps[0].items():
                shards.setdefault(name, []).append(key)
            total_bytes, buffers = 0, []
            for name, keys in shards.items():  # one output shard in memory at a time
                metadata = handle(ckpts[0], name).metadata() or {"format": "pt"}
                tensors = {}
                for key in keys:
                    sources = [handle(c, m[key]) for c, m in zip(ckpts, maps, strict=True)]
                    tensors[key] = _fused_tensor(key, sources, weights, ckpts, buffers)
                    total_bytes += tensors[key].numel() * tensors[key].element_size()
                save_file(tensors, tmp / name, metadata=metadata)
                del tensors
        if (ckpts[0] / INDEX_FILE).is_file():
            index = json.loads((ckpts[0] / INDEX_FILE).read_text())
            index["metadata"] = {**index.get("metadata", {}), "total_size": total_bytes}
            (tmp / INDEX_FILE).write_text(json.dumps(index, indent=2, sort_keys=True) + "\n")
        _copy_side_files(ckpts[0], tmp)
        # sources relative to the fused model's folder: a run folder copied or moved still names them
        record = {"method": "linear", "sources": [os.path.relpath(c.resolve(), out.resolve()) for c in ckpts],
                  "weights": weights}
        (tmp / "fusion.json").write_text(json.dumps(record, indent=2) + "\n")
        _move_into_place(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out
