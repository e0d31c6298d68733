"""One pydantic config tree for recipes (prime-rl style): YAML file < `--set a.b=v` overrides.

Every setting lives here with its default and meaning; docs/CONFIG.md is generated from these
models (`tinylogic config docs`), and a test fails if the page drifts. Invalid recipes fail before
any work starts, with the file and the dotted field named.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

SHARED_MATH_BENCHMARKS = [
    "../shared/data/benchmarks/aime24.parquet",
    "../shared/data/benchmarks/aime25.parquet",
    "../shared/data/benchmarks/hmmt25.parquet",
    "../shared/data/benchmarks/aime24_test.jsonl",
    "../shared/data/benchmarks/amc23_test.jsonl",
    "../shared/data/benchmarks/gsm8k_test.jsonl",
    "../shared/data/benchmarks/minerva_math_test.jsonl",
    "../shared/data/benchmarks/olympiadbench_test.jsonl",
]


class Section(BaseModel):
    # Unknown keys are errors: a typo in a recipe must not silently fall back to a default.
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class DataConfig(Section):
    """Training data: the built-in suite and/or your own files, then decontamination (RECIPE §0)."""

    suite_size: int = Field(2000, ge=0, description="Problems synthesised for the built-in suite (0: none).")
    suite_seed: int = Field(0, description="Seed of the built-in suite; same seed, same problems.")
    domains: list[Literal["math", "code"]] = Field(
        default_factory=lambda: ["math", "code"], description="Built-in suite domains to synthesise.")
    heldout_fraction: float = Field(0.1, ge=0, lt=1, description="Share of suite problems kept out of training.")
    flawed_fraction: float = Field(
        0.05, ge=0, le=1, description="Share of teacher traces made deliberately wrong (marked `flawed`).")
    train_files: list[str] = Field(
        default_factory=list, description="Extra training problems: JSONL, parquet (verl layout too) or dataset dirs.")
    decontam_against: list[str] = Field(
        default_factory=lambda: list(SHARED_MATH_BENCHMARKS),
        description="Evaluation files no training row may share an n-gram with.")
    decontam_ngram: int = Field(10, ge=1, description="n of the word n-gram overlap rule (the recipe uses 10).")


class ModelConfig(Section):
    """The base model the recipe post-trains."""

    base: str = Field(
        "tiny",
        description="`tiny` or `small` builds the embedded default (local tokenizer + Qwen2 config, "
        "nothing downloaded); otherwise a save_pretrained directory or a Hugging Face model name.")
    init_seed: int = Field(0, description="Seed of the embedded default's initial weights.")


class SFTConfig(Section):
    """Spectrum phase SFT (RECIPE §1): completion-only loss, packing, cosine LR with warmup.
    Consumed by `tinylogic sft`; the stage-2 (hard subset) settings by the curriculum (not built yet)."""

    epochs: float = Field(5, gt=0, description="Epochs over all data: a `tinylogic sft` run, stage 1 (3B report: 5).")
    pack_tokens: int = Field(
        2048, ge=16, description="Tokens per packed row (one micro-batch); examples never attend across rows' "
        "example boundaries. Longer examples are truncated to this length.")
    include_claims: bool = Field(
        True, description="From problem files: also train on claim-extraction and claim-check records "
        "(what CLR self-verification needs), besides solving.")
    micro_batch_rows: int = Field(
        1, ge=1, description="Packed rows per forward pass (right-padded to the longest). Attention costs "
        "pack_tokens² per row, so short examples train fastest in short rows stacked several at a time.")
    weight_decay: float = Field(0.0, ge=0, description="AdamW weight decay.")
    grad_clip: float = Field(1.0, gt=0, description="Clip the global gradient norm to this value.")
    save_every: int = Field(0, ge=0, description="Save a checkpoint every k optimizer steps (0: only the final model).")
    keep_checkpoints: int = Field(0, ge=0, description="Keep only the newest k step checkpoints (0: keep all; "
                                  "probing needs them).")
    bf16: Literal["auto", "on", "off"] = Field(
        "auto", description="bf16 autocast: auto = on CUDA with bf16 support, never on CPU.")
    log_every: int = Field(1, ge=1, description="Write a metrics row every k steps.")
    learning_rate: float = Field(5e-5, gt=0, description="Peak LR (3B report: 5e-5).")
    min_learning_rate: float = Field(8e-8, ge=0, description="Floor of the cosine decay (3B report: 8e-8).")
    warmup_ratio: float = Field(0.05, ge=0, lt=1, description="Share of steps spent warming up (3B report: 5%).")
    epochs_stage2: float = Field(2, gt=0, description="Stage 2 epochs over the hard subset (3B report: 2).")
    global_batch_size: int = Field(128, ge=1, description="Examples per optimizer step, across all processes (3B report: 128).")
    hard_min_trace_tokens: int = Field(5000, ge=0, description="Stage 2 keeps traces at least this long (3B: 5K).")
    hard_min_error_rate: float = Field(
        0.75, ge=0, le=1, description="Stage 2 keeps problems the reference model fails at least this often.")
    hard_rollouts: int = Field(8, ge=1, description="Rollouts per problem to estimate the error rate.")


class RLConfig(Section):
    """Signal phase RL (RECIPE §2). Consumed by `tinylogic rl` (not built yet)."""

    advantage: Literal["grpo", "mgpo", "dr_grpo", "rloo"] = Field("mgpo", description="Advantage estimator.")
    mgpo_lambda: float = Field(
        2.0, ge=0, description="λ in w = exp(−λ·D_ME(p‖0.5)); 0 is plain GRPO. Not given in the reports.")
    group_size: int = Field(8, ge=2, description="G: samples per prompt.")
    clip_eps_low: float = Field(0.2, ge=0, description="ε below 1 in clip(ρ, 1−ε, 1+ε).")
    clip_eps_high: float = Field(0.2, ge=0, description="ε above 1 in clip(ρ, 1−ε, 1+ε).")
    kl_coef: float = Field(0.0, ge=0, description="KL to a frozen reference; the recipe shows none (0 = off).")
    long2short_lambda: float = Field(0.2, ge=0, description="Long2Short brevity shaping λ (math, after accuracy).")


class RecipeConfig(Section):
    """A whole recipe: what to train, on what, with which settings."""

    name: str = Field("demo", description="Run name; outputs go to `<output_dir>/<name>/`.")
    seed: int = Field(0, description="Global seed for sampling and training.")
    output_dir: str = Field("runs", description="Folder holding one subfolder per run.")
    data: DataConfig = Field(default_factory=DataConfig)
    model: ModelConfig = Field(default_factory=ModelConfig)
    sft: SFTConfig = Field(default_factory=SFTConfig)
    rl: RLConfig = Field(default_factory=RLConfig)


class ConfigError(ValueError):
    """A recipe that cannot be used; the message names the file and the dotted field."""


def apply_override(tree: dict[str, Any], assignment: str) -> None:
    """Apply one `a.b.c=value` override in place; the value is read as YAML (2 -> int, [a,b] -> list)."""
    key, sep, raw = assignment.partition("=")
    if not sep or not key.strip():
        raise ConfigError(f"--set {assignment!r}: expected FIELD=VALUE, e.g. rl.mgpo_lambda=2")
    *parents, leaf = key.strip().split(".")
    node = tree
    for part in parents:
        node = node.setdefault(part, {})
        if not isinstance(node, dict):
            raise ConfigError(f"--set {assignment!r}: {part!r} is a value, not a section")
    node[leaf] = yaml.safe_load(raw) if raw.strip() else ""


def _format_errors(exc: ValidationError, origin: str) -> str:
    lines = [f"invalid recipe {origin}:"]
    for err in exc.errors():
        field = ".".join(str(p) for p in err["loc"]) or "(top level)"
        got = f" (got {err['input']!r})" if "input" in err and not isinstance(err["input"], dict) else ""
        lines.append(f"  {field}: {err['msg']}{got}")
    return "\n".join(lines)


def load_recipe(path: str | Path | None = None, overrides: list[str] | None = None) -> RecipeConfig:
    """Read a recipe YAML (or the defaults when `path` is None), apply overrides, validate."""
    tree: dict[str, Any] = {}
    origin = "(defaults)"
    if path is not None:
        origin = str(path)
        try:
            loaded = yaml.safe_load(Path(path).read_text())
        except FileNotFoundError:
            raise ConfigError(f"recipe file not found: {path}") from None
        except yaml.YAMLError as exc:
            raise ConfigError(f"{path}: not valid YAML: {exc}") from None
        if loaded is not None and not isinstance(loaded, dict):
            raise ConfigError(f"{path}: a recipe is a mapping of sections, got {type(loaded).__name__}")
        tree = loaded or {}
    for assignment in overrides or []:
        apply_override(tree, assignment)
    if overrides:
        origin += " with --set " + " ".join(overrides)
    try:
        return RecipeConfig.model_validate(tree)
    except ValidationError as exc:
        raise ConfigError(_format_errors(exc, origin)) from None


def reference_markdown() -> str:
    """The configuration reference page, generated from the models above (docs/CONFIG.md)."""
    out = [
        "# Configuration reference",
        "",
        "Generated from `tinylogic/config.py` by `tinylogic config docs`; do not edit by hand.",
        "A recipe is YAML with these sections; `--set section.field=value` overrides one field",
        "(file < CLI). Unknown fields are errors.",
        "",
    ]

    def walk(model: type[BaseModel], prefix: str) -> None:
        out.extend([f"## `{prefix.rstrip('.') or 'recipe'}`", "", (model.__doc__ or "").strip(), "",
                    "| setting | default | meaning |", "| --- | --- | --- |"])
        nested = []
        for name, field in model.model_fields.items():
            annotation = field.annotation
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                nested.append((annotation, f"{prefix}{name}"))
                continue
            default = field.get_default(call_default_factory=True)
            out.append(f"| `{prefix}{name}` | `{json.dumps(default)}` | {field.description or ''} |")
        out.append("")
        for sub, sub_prefix in nested:
            walk(sub, sub_prefix + ".")

    walk(RecipeConfig, "")
    return "\n".join(out).rstrip() + "\n"
