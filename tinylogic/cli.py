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

app = typer.Typer(
    help="Post-train small verifiable reasoners with the Spectrum-to-Signal recipe.\n\n"
    "Start with: tinylogic data synth --out suite.jsonl  ·  tinylogic model init --out model",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    add_completion=False,
)
config_app = typer.Typer(help="Recipe configuration: show the resolved tree, generate its reference.",
                         no_args_is_help=True)
data_app = typer.Typer(help="Problems: synthesise the built-in suite, inspect, decontaminate.", no_args_is_help=True)
model_app = typer.Typer(help="Models: build the embedded default (offline).", no_args_is_help=True)
app.add_typer(config_app, name="config")
app.add_typer(data_app, name="data")
app.add_typer(model_app, name="model")

console = Console()
err_console = Console(stderr=True)


def _fail(message: str) -> typer.Exit:
    err_console.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code=2)


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
    domains: Annotated[str | None, typer.Option(help="Comma-separated domains [data.domains].")] = None,
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
        data = load_recipe(recipe).data
        problems = synthesize(
            n or data.suite_size, data.suite_seed if seed is None else seed,
            domains=[d.strip() for d in domains.split(",") if d.strip()] if domains else data.domains,
            heldout_fraction=data.heldout_fraction if heldout_fraction is None else heldout_fraction,
            flawed_fraction=data.flawed_fraction if flawed_fraction is None else flawed_fraction)
    except (ConfigError, ValueError) as exc:
        raise _fail(str(exc)) from None
    write_problems(out, problems)
    heldout = sum(p.split == "heldout" for p in problems)
    console.print(f"wrote {len(problems)} problems ({heldout} held out) to {out}")


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
    from tinylogic.config import ConfigError, load_recipe
    from tinylogic.data.loaders import DataError
    from tinylogic.train.sft import load_records, train_sft

    try:
        cfg = load_recipe(recipe, set_)
        records = load_records(data)
    except (ConfigError, DataError) as exc:
        raise _fail(str(exc)) from None
    final = train_sft(model, records, out, cfg.sft, seed=cfg.seed if seed is None else seed, resume=resume)
    if int(os.environ.get("RANK", "0")) == 0:
        console.print(f"model: {final}")


if __name__ == "__main__":
    app()
