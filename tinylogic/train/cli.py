"""The training commands: `tinylogic sft`, `rl`, `probe`, `fuse`, `distill` (registered by tinylogic.cli)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from tinylogic.cli_common import (
    SetOption,
    console,
    fail,
    load_problems_or_fail,
    model_or_fail,
    quiet_transformers,
    reading_or_fail,
    recipe_or_fail,
    training_problems_or_fail,
)
from tinylogic.processes import join_processes


def sft_cmd(
    model: Annotated[str, typer.Option(help="Base model: a save_pretrained folder, an HF name or a shipped base (tiny-pretrained).")],
    data: Annotated[Path, typer.Option(help="JSONL of {prompt, completion} records, or problems with traces "
                                       "(e.g. from `tinylogic data synth`; held-out rows are skipped).")],
    out: Annotated[Path, typer.Option(help="Run folder: checkpoints/step-N/, final/, metrics.jsonl.")],
    recipe: Annotated[Path | None, typer.Option(help="Recipe YAML whose `sft` section to use.")] = None,
    set_: SetOption = None,
    seed: Annotated[int | None, typer.Option(help="Seed (default: the recipe's).")] = None,
    resume: Annotated[bool, typer.Option(help="Continue from the newest complete checkpoint in OUT.")] = True,
) -> None:
    """Supervised fine-tuning, loss on the completion only, packed, cosine LR with warmup.

    Multi-process: `accelerate launch --multi_gpu --num_processes N $(which tinylogic) sft ...` (on a
    machine without CUDA the processes use gloo on the CPU).
    Settings: the recipe's `sft` section (docs/CONFIG.md), e.g. --set sft.learning_rate=1e-3."""
    model = model_or_fail(model)
    quiet_transformers()
    from tinylogic.train.sft import load_records, train_sft

    cfg = recipe_or_fail(recipe, set_)
    join_processes(cfg)
    with reading_or_fail(data):
        records = load_records(data, include_claims=cfg.sft.include_claims)
    if not records:
        raise fail(f"{data}: no training records (empty, or only held-out rows)")
    try:
        final = train_sft(model, records, out, cfg.sft, seed=cfg.seed if seed is None else seed, resume=resume)
    except (ValueError, OSError) as exc:  # no checkpoint left to resume from, no examples, a full disk
        raise fail(str(exc)) from None
    if int(os.environ.get("RANK", "0")) == 0:
        console.print(f"model: {final}")


def rl_cmd(
    model: Annotated[str, typer.Option(help="Starting model (e.g. the Spectrum phase's fused model).")],
    data: Annotated[Path, typer.Option(help="Problems with gold answers/tests (e.g. from `tinylogic data synth`); "
                                       "held-out rows never train. A phase with its own `data` uses that.")],
    out: Annotated[Path, typer.Option(help="RL folder: one <NN>-<phase>/ per phase with filter.json, "
                                      "metrics.jsonl, checkpoints/ and final/.")],
    recipe: Annotated[Path | None, typer.Option(help="Recipe YAML whose `rl` section to use.")] = None,
    set_: SetOption = None,
    phase: Annotated[list[str] | None, typer.Option(help="Run only this phase (repeatable); default: all, in order.")] = None,
    seed: Annotated[int | None, typer.Option(help="Seed (default: the recipe's).")] = None,
) -> None:
    """On-policy group RL with MGPO (docs/RECIPE.md §2), phase by phase (default: math, then code).

    Per step: G samples per prompt from the current policy, verifier rewards, advantages (grpo, mgpo,
    dr_grpo, rloo), clipped surrogate. Before each phase, prompts the starting model solves 0/G or G/G are
    dropped (report printed and saved to filter.json). Re-running resumes from the newest checkpoint; a
    finished phase is skipped.

    Example: tinylogic rl --recipe recipes/demo.yaml --model runs/demo/09-fuse2/model
    --data runs/demo/01-data/train.jsonl
    --out runs/my-rl --set rl.advantage=grpo
    Multi-process: `accelerate launch --num_processes N $(which tinylogic) rl ...`.
    Settings: the recipe's `rl` section (docs/CONFIG.md); metrics per step go to metrics.jsonl."""
    model = model_or_fail(model)
    quiet_transformers()
    from tinylogic.train.rl import train_rl

    cfg = recipe_or_fail(recipe, set_)
    join_processes(cfg)
    problems = load_problems_or_fail(str(data))
    try:
        finals = train_rl(model, problems, out, cfg.rl, seed=cfg.seed if seed is None else seed, only=phase,
                          console=console)
    except (ValueError, OSError) as exc:  # a phase's own data file, a bad setting found while running, a full disk
        raise fail(str(exc)) from None
    if int(os.environ.get("RANK", "0")) == 0:
        for final in finals:
            console.print(f"model: {final}")


def probe_cmd(
    run: Annotated[list[Path], typer.Option(help="SFT run folder(s) whose checkpoints/step-*/ and final/ to probe, "
                                            "or checkpoint folders themselves (repeatable).")],
    bench: Annotated[str, typer.Option(help="Probing set: a bench name (see `tinylogic eval --help`) or a file.")] = "suite-heldout",
    out: Annotated[Path, typer.Option(help="Output folder (probe.json + one eval folder per checkpoint).")] = Path("runs/probe"),
    k: Annotated[int, typer.Option(help="K of Pass@K.", min=1)] = 8,
    n: Annotated[int | None, typer.Option(help="Samples per problem (>= K; default K).")] = None,
    limit: Annotated[int | None, typer.Option(help="Use only the first N problems.")] = None,
    split: Annotated[str | None, typer.Option(help="Keep only problems of this split (e.g. heldout).")] = None,
    max_new_tokens: Annotated[int, typer.Option(help="Generation budget per sample.")] = 256,
    seed: Annotated[int, typer.Option(help="Sampling seed.")] = 0,
) -> None:
    """Pass@K per subdomain for every checkpoint (diversity probing), and the best checkpoint per subdomain."""
    quiet_transformers()
    from tinylogic.eval.harness import load_bench
    from tinylogic.train.probe import list_checkpoints, probe_checkpoints, render_probe

    try:
        ckpts = [c for r in run for c in ([r] if (r / "config.json").exists() else list_checkpoints(r))]
        problems = [p for p in load_bench(bench, seed=seed) if split is None or p.split == split][:limit]
        result = probe_checkpoints(ckpts, problems, out, k=k, n=n, max_new_tokens=max_new_tokens, seed=seed)
    except (ValueError, FileNotFoundError) as exc:
        raise fail(str(exc)) from None
    render_probe(result, console)
    console.print(f"wrote {out / 'probe.json'}")


def fuse_cmd(
    out: Annotated[Path, typer.Option(help="Output save_pretrained folder.")],
    checkpoint: Annotated[list[Path] | None, typer.Option(help="Checkpoint folder to average (repeatable).")] = None,
    weight: Annotated[list[float] | None, typer.Option(help="Weight per checkpoint, same order; >= 0, sum 1 "
                                                       "(default: equal; with --probe: --probe-weights).")] = None,
    probe: Annotated[Path | None, typer.Option(help="Fuse the specialists listed in this probe.json instead.")] = None,
    probe_weights: Annotated[str, typer.Option(
        help="With --probe: per_subdomain (1/N per subdomain, so a checkpoint best on m of the N subdomains "
             "gets m/N; docs/RECIPE.md §1) or per_checkpoint (each distinct specialist equally); as "
             "spectrum.fuse_weights."
    )] = "per_subdomain",
) -> None:
    """Expert fusion: weighted parameter average M = Σ w_i·M_i, streamed tensor by tensor."""
    quiet_transformers()
    from tinylogic.train.fuse import fuse, probe_fusion

    checkpoints = list(checkpoint or [])
    if probe is None and not checkpoints:
        raise fail("give --checkpoint (repeatable) or --probe probe.json")
    if probe is not None and checkpoints and not weight:  # the probe's weights cover only its specialists
        raise fail("--checkpoint with --probe: give a --weight for every checkpoint")
    try:
        if probe is not None:
            specialists, probe_weighting = probe_fusion(probe, probe_weights)
            checkpoints += [Path(p) for p in specialists]
            weight = weight or probe_weighting
        path = fuse(checkpoints, out, weight or None)
    except (ValueError, FileNotFoundError) as exc:
        raise fail(str(exc)) from None
    console.print(f"fused {len(checkpoints)} checkpoint(s) into {path}")


def distill_cmd(
    student: Annotated[Path, typer.Option(help="The model to improve (usually the last RL phase's checkpoint): "
                                          "it scores every trace and is fine-tuned on the selection.")],
    teacher: Annotated[list[Path], typer.Option(help="Checkpoint to sample from, one per RL phase (repeatable), "
                                                "e.g. the math, code and STEM RL finals.")],
    data: Annotated[Path, typer.Option(help="Problems to sample (JSONL/parquet/dataset dir); held-out rows "
                                       "are skipped.")],
    out: Annotated[Path, typer.Option(help="Run folder: samples/, traces.jsonl, report.json, sft/final/.")],
    recipe: Annotated[Path | None, typer.Option(help="Recipe YAML: its `distill` and `sft` sections.")] = None,
    set_: SetOption = None,
    seed: Annotated[int | None, typer.Option(help="Seed (default: the recipe's).")] = None,
    train: Annotated[bool, typer.Option(help="Fine-tune after selecting (--no-train: stop at report.json).")] = True,
    backend: Annotated[str, typer.Option(help="Engine backend for the teachers: hf or vllm.")] = "hf",
) -> None:
    """Offline self-distillation: sample each teacher, keep verified-correct traces, score each with the
    student's learning potential S_LP = −(1/|y|) Σ log π_student(y_t | q, y<t), select, then SFT the student.

    Selection, per domain (settings `distill.*`, see docs/CONFIG.md):
    - drop truncated, very short (min_trace_tokens) and duplicate traces;
    - rank S_LP within length buckets (length_buckets);
    - drop extreme high outliers (outlier_mad), keep S_LP quantiles keep_low to keep_high;
    - cap traces per problem and per domain, cut domains to domain_weights.
    The student's SFT is the `sft` section with distill.epochs and distill.learning_rate.
    Example: --set distill.samples_per_problem=4 --set distill.keep_low=0.5

    Writes OUT/samples/ (a harness run per teacher), traces.jsonl, report.json and sft/final/.
    Re-running resumes; changing only selection settings redoes only the selection.
    To retrain on a new selection, delete OUT/sft."""
    student = model_or_fail(student, "--student")
    teacher = [model_or_fail(path, "--teacher") for path in teacher]
    quiet_transformers()
    from tinylogic.train.distill import distill

    cfg = recipe_or_fail(recipe, set_)
    join_processes(cfg)
    problems = training_problems_or_fail(data)
    if not problems:
        raise fail(f"no training problems in {data}")
    try:
        final = distill(student, teacher, problems, out, cfg.distill, cfg.sft,
                        seed=cfg.seed if seed is None else seed, backend=backend, train=train, console=console)
    except (ValueError, FileNotFoundError) as exc:
        raise fail(str(exc)) from None
    console.print(f"traces: {out / 'traces.jsonl'}\nreport: {out / 'report.json'}")
    if final is not None:
        console.print(f"model: {final}")
