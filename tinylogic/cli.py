"""The `tinylogic` command. One typer app; sub-commands map 1:1 to stages and tools.

Heavy imports (torch, transformers, math-verify) happen inside commands so `--help` stays instant.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from tinylogic import __version__
from tinylogic.retrieval.cli import index_app

app = typer.Typer(
    help="Post-train small verifiable reasoners with the Spectrum-to-Signal recipe.\n\n"
    "The whole embedded demo: bash scripts/demo.sh. Each command's --help explains its options; "
    "every recipe setting is in docs/CONFIG.md.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    add_completion=False,
)
config_app = typer.Typer(help="Recipe configuration: show the resolved tree, generate its reference.",
                         no_args_is_help=True)
data_app = typer.Typer(help="Problems: synthesise the built-in suite, inspect, decontaminate, select the hard subset.",
                       no_args_is_help=True)
model_app = typer.Typer(help="Models: build the embedded default (offline).", no_args_is_help=True)
app.add_typer(config_app, name="config")
app.add_typer(data_app, name="data")
app.add_typer(model_app, name="model")
app.add_typer(index_app, name="index")

console = Console()
err_console = Console(stderr=True)


def _fail(message: str) -> typer.Exit:
    # soft_wrap: a long path or field name stays on one line (copyable, greppable)
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code=2)


def _quiet_transformers() -> None:
    # Per-file "Loading weights" / "Writing model shards" bars drown our own progress bars.
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()


def _version(value: bool) -> None:
    if value:
        console.print(f"tinylogic {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """tinylogic: data, verifiers and training stages for small verifiable reasoners."""


# ---------------------------------------------------------------- config

SetOption = Annotated[list[str] | None, typer.Option(
    "--set", help="Override one field, e.g. --set rl.mgpo_lambda=2 (repeatable; value read as YAML).")]


@config_app.command("show")
def config_show(
    recipe: Annotated[Path | None, typer.Argument(help="Recipe YAML; omit for the defaults.")] = None,
    set_: SetOption = None,
) -> None:
    """Print the resolved recipe (file < --set), defaults included, as YAML."""
    import yaml

    from tinylogic.config import ConfigError, load_recipe

    try:
        cfg = load_recipe(recipe, set_)
    except ConfigError as exc:
        raise _fail(str(exc)) from None
    console.print(yaml.safe_dump(cfg.model_dump(mode="json"), sort_keys=False), end="", highlight=False)


@config_app.command("docs")
def config_docs(
    out: Annotated[Path, typer.Option(help="Where to write the reference page.")] = Path("docs/CONFIG.md"),
    check: Annotated[bool, typer.Option(help="Only check that OUT is up to date (exit 1 if not).")] = False,
) -> None:
    """Generate the configuration reference (every setting, default, meaning) from the models."""
    from tinylogic.config import reference_markdown

    text = reference_markdown()
    if check:
        if not out.exists() or out.read_text() != text:
            raise _fail(f"{out} is out of date: run `tinylogic config docs --out {out}`")
        console.print(f"{out} is up to date")
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text)
    console.print(f"wrote {out}")


# ---------------------------------------------------------------- data


def _load(path: str):
    from tinylogic.data.loaders import DataError, load_problems

    try:
        return load_problems(path)
    except DataError as exc:
        raise _fail(str(exc)) from None
    except FileNotFoundError:
        raise _fail(f"no such file or dataset: {path}") from None


@data_app.command("synth")
def data_synth(
    out: Annotated[Path, typer.Option(help="Output JSONL of problems (with traces and claims).")],
    n: Annotated[int | None, typer.Option(help="Number of problems [recipe: data.suite_size].", min=1)] = None,
    seed: Annotated[int | None, typer.Option(help="Seed; the same seed gives the same suite [data.suite_seed].")] = None,
    domains: Annotated[str | None, typer.Option(help="Comma-separated domains: math, code, knowledge (multiple "
                                                "choice over made-up facts), instruct (math and code tasks with "
                                                "checkable rules) [data.domains].")] = None,
    heldout_fraction: Annotated[float | None, typer.Option(help="Share kept out of training [data.heldout_fraction].")] = None,
    flawed_fraction: Annotated[float | None, typer.Option(help="Share of traces made wrong [data.flawed_fraction].")] = None,
    recipe: Annotated[Path | None, typer.Option(help="Recipe YAML supplying the defaults in brackets.")] = None,
) -> None:
    """Synthesise the built-in verifiable task suite: math subdomains with difficulty tiers, code from
    input/output examples, teacher traces in several strategies, claims for self-verification."""
    from tinylogic.config import ConfigError, load_recipe
    from tinylogic.data.loaders import write_problems
    from tinylogic.data.suite import synthesize

    try:
        cfg = load_recipe(recipe)
        data = cfg.data
        problems = synthesize(
            n or data.suite_size, data.suite_seed if seed is None else seed,
            domains=[d.strip() for d in domains.split(",") if d.strip()] if domains else data.domains,
            heldout_fraction=data.heldout_fraction if heldout_fraction is None else heldout_fraction,
            flawed_fraction=data.flawed_fraction if flawed_fraction is None else flawed_fraction,
            passage_fraction=cfg.retrieval.suite_passage_fraction, passages_k=cfg.retrieval.k)
    except (ConfigError, ValueError) as exc:
        raise _fail(str(exc)) from None
    write_problems(out, problems)
    heldout = sum(p.split == "heldout" for p in problems)
    console.print(f"wrote {len(problems)} problems ({heldout} held out) to {out}")
    if any(p.id.startswith("knowledge-") for p in problems):  # the corpus that states every fact
        from tinylogic.data.suite_knowledge import write_corpus

        console.print(f"wrote the knowledge passages to {write_corpus(out)} (`tinylogic index build --docs` it)")


@data_app.command("inspect")
def data_inspect(
    file: Annotated[str, typer.Argument(help="JSONL(.gz), parquet, dataset directory or HF dataset name.")],
) -> None:
    """Counts by domain / subdomain / difficulty / split and length statistics."""
    from tinylogic.data.inspect import render_summary, summarize

    render_summary(summarize(_load(file)), console)


@data_app.command("decontam")
def data_decontam(
    train: Annotated[Path, typer.Option(help="Training problems to clean.")],
    out: Annotated[Path, typer.Option(help="Where to write the kept training rows (JSONL).")],
    against: Annotated[list[Path] | None, typer.Option(
        help="Evaluation file(s); repeat for several. Default: the recipe's data.decontam_against.")] = None,
    report: Annotated[Path | None, typer.Option(help="Report of dropped rows (default: OUT + .report.jsonl).")] = None,
    n: Annotated[int | None, typer.Option(help="Word n-gram length (default: the recipe's data.decontam_ngram, 10).",
                                          min=1)] = None,
    recipe: Annotated[Path | None, typer.Option(help="Recipe YAML supplying the defaults above.")] = None,
) -> None:
    """Drop every training row sharing a word n-gram (normalised text) with any evaluation row.

    The report names, for each dropped row, the evaluation item and the shared n-gram."""
    from tinylogic.config import ConfigError, load_recipe
    from tinylogic.data.decontam import decontaminate_files
    from tinylogic.data.loaders import DataError

    try:
        data_cfg = load_recipe(recipe).data
    except ConfigError as exc:
        raise _fail(str(exc)) from None
    against = against or [Path(p) for p in data_cfg.decontam_against]
    report = report or out.with_name(out.name + ".report.jsonl")
    try:
        summary = decontaminate_files(train, against, out, report, n or data_cfg.decontam_ngram)
    except DataError as exc:
        raise _fail(str(exc)) from None
    except FileNotFoundError as exc:
        raise _fail(f"no such file: {exc.filename}") from None
    seconds = sum(summary["seconds"].values())
    console.print(f"kept {summary['kept']} of {summary['train']} training rows, dropped {summary['dropped']} "
                  f"sharing a {summary['n']}-gram with {summary['against']} evaluation rows ({seconds:.1f} s)")
    for source, count in sorted(summary["dropped_by_eval_source"].items()):
        console.print(f"  {source}: {count}")
    console.print(f"kept rows: {out}\nreport: {report}")


# ---------------------------------------------------------------- model


@model_app.command("init")
def model_init(
    out: Annotated[Path, typer.Option(help="Output directory (a save_pretrained folder).")],
    size: Annotated[str, typer.Option(help="tiny (≈1–3M params, 2 CPU cores) or small (GPU).")] = "tiny",
    seed: Annotated[int, typer.Option(help="Seed of the initial weights.")] = 0,
) -> None:
    """Build the embedded default: a local tokenizer and a Qwen2-architecture model from config.

    Loads with AutoTokenizer / AutoModelForCausalLM.from_pretrained(OUT); nothing is downloaded."""
    _quiet_transformers()
    from tinylogic.models import init_model

    try:
        path = init_model(out, size=size, seed=seed)
    except ValueError as exc:
        raise _fail(str(exc)) from None
    console.print(f"wrote {size} model to {path}")


# ---------------------------------------------------------------- verify


@app.command("verify")
def verify_cmd(
    input: Annotated[Path, typer.Option("--input", help="JSONL rows: id, domain, response, and the gold "
                                        "(answer | tests | instructions).")],
    output: Annotated[Path, typer.Option("--output", help="JSONL verdicts, one per input row, same order.")],
    workers: Annotated[int, typer.Option(help="Parallel workers (default: CPU count).", min=1)] = 0,
) -> None:
    """Grade model responses with the domain verifiers (math, code sandbox, choice, instruct).

    A malformed row becomes an error row naming its line; the batch goes on. Summary on stderr."""
    from tinylogic.verify.batch import render_summary, verify_file

    if not input.exists():
        raise _fail(f"no such file: {input}")
    summary = verify_file(input, output, workers=workers or None)
    render_summary(summary, err_console)
    sys.exit(0)


# ---------------------------------------------------------------- training


@app.command("sft")
def sft_cmd(
    model: Annotated[str, typer.Option(help="Base model: a save_pretrained folder (or HF name).")],
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
    _quiet_transformers()
    from tinylogic.config import ConfigError, load_recipe
    from tinylogic.data.loaders import DataError
    from tinylogic.train.sft import load_records, train_sft

    try:
        cfg = load_recipe(recipe, set_)
        records = load_records(data, include_claims=cfg.sft.include_claims)
    except (ConfigError, DataError) as exc:
        raise _fail(str(exc)) from None
    final = train_sft(model, records, out, cfg.sft, seed=cfg.seed if seed is None else seed, resume=resume)
    if int(os.environ.get("RANK", "0")) == 0:
        console.print(f"model: {final}")


@app.command("run")
def run_cmd(
    recipe: Annotated[Path, typer.Argument(help="Recipe YAML, e.g. recipes/demo.yaml.")],
    set_: SetOption = None,
) -> None:
    """Run the whole recipe, stage by stage, into <output_dir>/<name>/<NN-stage>/, then write report.html.

    Stages: data (synthesise, decontaminate, probe/test split, index the facts' corpus when the suite has
    knowledge) → model → sft1 → probe1 → fuse1 → hard → sft2 → probe2 → fuse2 → rl (every phase) → distill →
    eval (every stage's model on the held-out test set, knowledge questions closed-book and with retrieved
    passages, CLR / majority / single on the last). Re-running skips stages already done with the same
    settings and resumes an interrupted one; a changed setting re-runs its stage and every later one.
    Multi-GPU: `accelerate launch --num_processes N $(which tinylogic) run RECIPE` (training stages use
    every process; sampling stages run on the main one). Settings: docs/CONFIG.md."""
    _quiet_transformers()
    from tinylogic.config import ConfigError, load_recipe
    from tinylogic.data.loaders import DataError
    from tinylogic.run import run_recipe

    try:
        cfg = load_recipe(recipe, set_)
        run_recipe(cfg, console=console)
    except (ConfigError, DataError, ValueError, FileNotFoundError) as exc:
        raise _fail(str(exc)) from None


@app.command("rl")
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
    """On-policy group RL with MGPO (RECIPE §2), phase by phase (default: math, then code).

    Per step: G samples per prompt from the current policy, verifier rewards, advantages (grpo, mgpo,
    dr_grpo, rloo), clipped surrogate. Before each phase, prompts the starting model solves 0/G or G/G are
    dropped (report printed and saved to filter.json). Re-running resumes from the newest checkpoint; a
    finished phase is skipped.

    Example: tinylogic rl --recipe recipes/demo.yaml --model runs/demo/09-fuse2/model
    --data runs/demo/01-data/train.jsonl
    --out runs/my-rl --set rl.advantage=grpo
    Multi-process: `accelerate launch --num_processes N $(which tinylogic) rl ...`.
    Settings: the recipe's `rl` section (docs/CONFIG.md); metrics per step go to metrics.jsonl."""
    _quiet_transformers()
    from tinylogic.config import ConfigError, load_recipe
    from tinylogic.data.loaders import DataError, load_problems
    from tinylogic.train.rl import train_rl

    try:
        cfg = load_recipe(recipe, set_)
        problems = load_problems(data)
        finals = train_rl(model, problems, out, cfg.rl, seed=cfg.seed if seed is None else seed, only=phase,
                          console=console)
    except (ConfigError, DataError, ValueError) as exc:
        raise _fail(str(exc)) from None
    if int(os.environ.get("RANK", "0")) == 0:
        for final in finals:
            console.print(f"model: {final}")


def _parse_ks(text: str) -> list[int]:
    try:
        ks = sorted({int(k) for k in text.split(",") if k.strip()})
    except ValueError:
        raise _fail(f"--k {text!r}: expected comma-separated integers, e.g. 1,8") from None
    if not ks or ks[0] < 1:
        raise _fail(f"--k {text!r}: every k must be >= 1")
    return ks


@app.command("probe")
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
    _quiet_transformers()
    from tinylogic.eval.harness import load_bench
    from tinylogic.train.probe import list_checkpoints, probe_checkpoints, render_probe

    try:
        ckpts = [c for r in run for c in ([r] if (r / "config.json").exists() else list_checkpoints(r))]
        problems = [p for p in load_bench(bench, seed=seed) if split is None or p.split == split][:limit]
        result = probe_checkpoints(ckpts, problems, out, k=k, n=n, max_new_tokens=max_new_tokens, seed=seed)
    except (ValueError, FileNotFoundError) as exc:
        raise _fail(str(exc)) from None
    render_probe(result, console)
    console.print(f"wrote {out / 'probe.json'}")


@app.command("fuse")
def fuse_cmd(
    out: Annotated[Path, typer.Option(help="Output save_pretrained folder.")],
    checkpoint: Annotated[list[Path] | None, typer.Option(help="Checkpoint folder to average (repeatable).")] = None,
    weight: Annotated[list[float] | None, typer.Option(help="Weight per checkpoint, same order; >= 0, sum 1 "
                                                       "(default: equal, as in the reports).")] = None,
    probe: Annotated[Path | None, typer.Option(help="Fuse the specialists listed in this probe.json instead.")] = None,
) -> None:
    """Expert fusion: weighted parameter average M = Σ w_i·M_i, streamed tensor by tensor."""
    _quiet_transformers()
    import json

    from tinylogic.train.fuse import fuse

    checkpoints = list(checkpoint or [])
    if probe is not None:
        checkpoints += [Path(p) for p in json.loads(probe.read_text())["specialists"]]
    if not checkpoints:
        raise _fail("give --checkpoint (repeatable) or --probe probe.json")
    try:
        path = fuse(checkpoints, out, weight or None)
    except (ValueError, FileNotFoundError) as exc:
        raise _fail(str(exc)) from None
    console.print(f"fused {len(checkpoints)} checkpoint(s) into {path}")


@app.command("distill")
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
    _quiet_transformers()
    from tinylogic.config import ConfigError, load_recipe
    from tinylogic.train.distill import distill

    try:
        cfg = load_recipe(recipe, set_)
    except ConfigError as exc:
        raise _fail(str(exc)) from None
    problems = [p for p in _load(str(data)) if p.split != "heldout"]
    if not problems:
        raise _fail(f"no training problems in {data}")
    try:
        final = distill(student, teacher, problems, out, cfg.distill, cfg.sft,
                        seed=cfg.seed if seed is None else seed, backend=backend, train=train, console=console)
    except (ValueError, FileNotFoundError) as exc:
        raise _fail(str(exc)) from None
    console.print(f"traces: {out / 'traces.jsonl'}\nreport: {out / 'report.json'}")
    if final is not None:
        console.print(f"model: {final}")


@data_app.command("hard-subset")
def data_hard_subset(
    model: Annotated[str, typer.Option(help="Reference model that rolls out every problem.")],
    data: Annotated[Path, typer.Option(help="Problems (with traces) to select from; held-out rows are skipped.")],
    out: Annotated[Path, typer.Option(help="Output JSONL of the hard subset; report and rollouts beside it.")],
    recipe: Annotated[Path | None, typer.Option(help="Recipe YAML (sft.hard_* settings).")] = None,
    set_: SetOption = None,
    max_new_tokens: Annotated[int, typer.Option(help="Generation budget per rollout.")] = 256,
) -> None:
    """Curriculum stage 2's data: problems the reference model fails at least sft.hard_min_error_rate of
    sft.hard_rollouts times, with their traces of at least sft.hard_min_trace_tokens tokens."""
    _quiet_transformers()
    from tinylogic.config import ConfigError, load_recipe
    from tinylogic.data.loaders import write_problems
    from tinylogic.train.curriculum import hard_subset

    try:
        cfg = load_recipe(recipe, set_)
    except ConfigError as exc:
        raise _fail(str(exc)) from None
    problems = [p for p in _load(str(data)) if p.split != "heldout"]
    kept, summary = hard_subset(model, problems, out.with_name(out.stem + ".hard"), rollouts=cfg.sft.hard_rollouts,
                                min_error_rate=cfg.sft.hard_min_error_rate,
                                min_trace_tokens=cfg.sft.hard_min_trace_tokens, max_new_tokens=max_new_tokens,
                                seed=cfg.seed)
    write_problems(out, kept)
    console.print(f"kept {len(kept)} of {len(problems)} problems {summary['kept_by_subdomain']} -> {out}")
    console.print(f"report: {out.with_name(out.stem + '.hard') / 'hard_subset_report.json'}")


@app.command("eval")
def eval_cmd(
    model: Annotated[str | None, typer.Option(help="Model folder to sample from (or use --samples).")] = None,
    bench: Annotated[str | None, typer.Option(
        help="aime24, aime25, hmmt25, gsm8k, minerva, amc23, olympiadbench, humaneval, suite-heldout, "
        "or a JSONL/parquet/dataset path.")] = None,
    samples: Annotated[Path | None, typer.Option(help="Score samples made elsewhere (JSONL: problem_id, domain, "
                                                  "response, gold, optional score); no model is loaded.")] = None,
    out: Annotated[Path | None, typer.Option(help="Output folder (default: runs/eval/<bench>).")] = None,
    n: Annotated[int, typer.Option(help="Samples per problem.", min=1)] = 8,
    k: Annotated[str | None, typer.Option(help="Comma-separated k of pass@k (default 1,n).")] = None,
    temperature: Annotated[float, typer.Option(help="Sampling temperature (recipe: 1.0).")] = 1.0,
    top_p: Annotated[float, typer.Option(help="Nucleus sampling (recipe: 0.95).")] = 0.95,
    max_new_tokens: Annotated[int, typer.Option(help="Generation budget per sample.")] = 1024,
    limit: Annotated[int | None, typer.Option(help="Use only the first N problems.")] = None,
    split: Annotated[str | None, typer.Option(help="Keep only problems of this split (e.g. heldout for a "
                                              "suite file from `tinylogic data synth`).")] = None,
    seed: Annotated[int, typer.Option(help="Sampling seed.")] = 0,
    workers: Annotated[int | None, typer.Option(help="Verifier workers (default: CPU count).")] = None,
    backend: Annotated[str, typer.Option(help="Engine backend: hf or vllm (optional extra).")] = "hf",
    tts: Annotated[str | None, typer.Option(
        help="Test-time scaling: comma-separated methods among single, majority, weighted, clr, verifier (or "
        "all), run on the first min(tts.k, n) samples per problem; clr has the model check its own claims "
        "(with --samples, give --model for it).")] = None,
    index: Annotated[Path | None, typer.Option(help="Passage index (`tinylogic index build`): questions of "
                                               "retrieval.domains are asked with their top-k passages "
                                               "[recipe: retrieval.index].")] = None,
    retrieve_k: Annotated[int | None, typer.Option(help="Passages per question [retrieval.k].", min=1)] = None,
    closed_book: Annotated[bool, typer.Option(help="Ask every question without passages (drops any the "
                                              "problems file carries; ignores the index).")] = False,
    compare_retrieval: Annotated[bool, typer.Option(help="Ask the questions of retrieval.domains twice, "
                                                    "closed-book and with passages (copies with ids ending "
                                                    "@retrieval): the report's reasoning-vs-knowledge table "
                                                    "then shows both.")] = False,
    recipe: Annotated[Path | None, typer.Option(help="Recipe YAML whose `tts` and `retrieval` sections to use.")] = None,
    set_: SetOption = None,
) -> None:
    """Evaluate a model, or samples made elsewhere: pass@k, avg@n, maj@n overall and per domain.

    n samples per problem, every one verified; writes samples.jsonl, summary.json and report.html
    (per domain / subdomain / difficulty, plots). With --tts, the accuracy and token cost of each
    selection method beside Pass@1, e.g. --tts majority,clr --set tts.m=5 --set tts.all_zero=majority
    (every tts.* setting: docs/CONFIG.md). Re-running the same command resumes (claim checks included).
    Knowledge with retrieval: --index runs/index (or retrieval.index), --compare-retrieval for closed-book
    vs with passages in one report; each sample row records the passage_ids of its prompt."""
    _quiet_transformers()
    from tinylogic.config import ConfigError, load_recipe
    from tinylogic.eval.harness import evaluate_model, evaluate_samples, load_bench
    from tinylogic.eval.report import print_summary
    from tinylogic.eval.tts import SELECTION_METHODS

    ks = _parse_ks(k) if k else None
    if samples is None and not (model and bench):
        raise _fail("give --model and --bench, or --samples")
    methods = None
    if tts is not None:
        methods = list(SELECTION_METHODS) if tts.strip() == "all" else [m.strip() for m in tts.split(",") if m.strip()]
        unknown = [m for m in methods if m not in SELECTION_METHODS]
        if not methods or unknown:
            raise _fail(f"--tts {tts!r}: unknown {unknown or 'empty'}; choose from {', '.join(SELECTION_METHODS)} "
                        "(comma-separated) or all")
    try:
        cfg = load_recipe(recipe, set_)
        tts_settings, retrieval = cfg.tts, cfg.retrieval
        retrieval.index = str(index) if index else retrieval.index
        retrieval.k = retrieve_k or retrieval.k
    except ConfigError as exc:
        raise _fail(str(exc)) from None
    if closed_book and compare_retrieval:
        raise _fail("--closed-book and --compare-retrieval exclude each other")
    passages = ("closed-book" if closed_book else "compare" if compare_retrieval
                else "retrieval" if retrieval.index else "given")
    if passages == "compare" and not retrieval.index:
        raise _fail("--compare-retrieval needs --index (or retrieval.index in the recipe)")
    if samples is not None and (index or closed_book or compare_retrieval):
        raise _fail("--index, --closed-book and --compare-retrieval choose how a model is asked: use them with "
                    "--model and --bench")
    out = out or Path("runs/eval") / (samples.stem if samples is not None else Path(bench).stem)
    try:
        if samples is not None:
            summary = evaluate_samples(samples, out, ks=ks, tts=methods, tts_settings=tts_settings, model=model,
                                       backend=backend)
        else:
            problems = [p for p in load_bench(bench, seed=seed) if split is None or p.split == split]
            if not problems:
                raise _fail(f"no problems in {bench!r}" + (f" with split {split!r}" if split else ""))
            summary = evaluate_model(model, problems[:limit], out, n=n, ks=ks, temperature=temperature,
                                     top_p=top_p, max_new_tokens=max_new_tokens, seed=seed, workers=workers,
                                     backend=backend, tts=methods, tts_settings=tts_settings, passages=passages,
                                     retrieval=retrieval)
    except (ValueError, FileNotFoundError) as exc:
        raise _fail(str(exc)) from None
    print_summary(summary, console)
    console.print(f"samples, summary.json and report.html in {out}")


@app.command("serve")
def serve_cmd(
    model: Annotated[str, typer.Option(help="Model folder (save_pretrained) to serve.")],
    index: Annotated[Path | None, typer.Option(help="Passage index folder (`tinylogic index build`) for `retrieve`.")] = None,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    served_name: Annotated[str | None, typer.Option(help="Model id clients send (default: the folder name).")] = None,
    api_key: Annotated[str | None, typer.Option(envvar="TINYLOGIC_API_KEY",
                                                help="Require 'Authorization: Bearer KEY' on /v1/*.")] = None,
    recipe: Annotated[Path | None, typer.Option(help="Recipe YAML whose `tts` section sets CLR / selection.")] = None,
    set_: SetOption = None,
    max_tokens: Annotated[int, typer.Option(help="Most new tokens per candidate a request may ask for.")] = 1024,
    default_max_tokens: Annotated[int, typer.Option(help="New tokens per candidate when a request gives none.")] = 256,
    max_candidates: Annotated[int, typer.Option(help="Most n_candidates per request.")] = 16,
    max_retrieve: Annotated[int, typer.Option(help="Most passages per request.")] = 10,
    max_body_bytes: Annotated[int, typer.Option(help="Largest request body (413 above).")] = 1 << 20,
    max_seconds: Annotated[float, typer.Option(help="Wall-time limit of one request (408 after).")] = 120.0,
    max_queue: Annotated[int, typer.Option(help="Requests admitted at once (429 beyond).")] = 64,
    max_verify_rows: Annotated[int, typer.Option(help="Most rows per POST /v1/verify.")] = 256,
    max_batch_rows: Annotated[int, typer.Option(help="Most sampled rows merged into one engine call.")] = 64,
    batching: Annotated[bool, typer.Option(help="Merge concurrent requests into one engine call.")] = True,
    verify_workers: Annotated[int, typer.Option(help="Verifier processes/threads per request batch.")] = 2,
    threads: Annotated[int | None, typer.Option(help="Torch threads while sampling (1 suits the tiny model).")] = None,
    backend: Annotated[str, typer.Option(help="Engine backend: hf or vllm (optional extra).")] = "hf",
) -> None:
    """Serve a model over HTTP: OpenAI-compatible /v1/chat/completions (n_candidates, tts, tests,
    retrieve), /v1/verify, /health and a page at /. Stops gracefully on Ctrl-C / SIGTERM. See docs/SERVE.md."""
    _quiet_transformers()
    from tinylogic.config import ConfigError, load_recipe

    try:
        from tinylogic.serve import ServeLimits, serve
    except ImportError as exc:
        raise _fail(f"serving needs the serve extra: pip install 'tinylogic[serve]' ({exc})") from None
    try:
        cfg = load_recipe(recipe, set_)
    except ConfigError as exc:
        raise _fail(str(exc)) from None
    limits = ServeLimits(max_tokens=max_tokens, default_max_tokens=default_max_tokens, max_candidates=max_candidates,
                         max_retrieve=max_retrieve, max_body_bytes=max_body_bytes, max_seconds=max_seconds,
                         max_queue=max_queue, max_verify_rows=max_verify_rows, max_batch_rows=max_batch_rows,
                         batching=batching)
    try:
        serve(model, host, port, index=str(index) if index else None, limits=limits, api_key=api_key,
              tts_settings=cfg.tts, verify_workers=verify_workers, backend=backend,
              engine_kwargs={"threads": threads} if backend == "hf" else None, served_name=served_name)
    except (ValueError, OSError, ImportError) as exc:  # RetrievalError is a ValueError; a taken port, OSError
        raise _fail(str(exc)) from None


if __name__ == "__main__":
    app()
