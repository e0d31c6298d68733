"""`tinylogic data ...`: synthesise the built-in suite, inspect, decontaminate, select the hard subset."""

from __future__ import annotations

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
    recipe_or_fail,
    training_problems_or_fail,
)

data_app = typer.Typer(help="Problems: synthesise the built-in suite, inspect, decontaminate, select the hard subset.",
                       no_args_is_help=True)


@data_app.command("synth")
def data_synth(
    out: Annotated[Path, typer.Option(help="Output JSONL of problems (with traces and claims).")],
    n: Annotated[int | None, typer.Option(help="Number of problems [recipe: data.suite_size].", min=1)] = None,
    seed: Annotated[int | None, typer.Option(help="Seed; the same seed gives the same suite [data.suite_seed].")] = None,
    domains: Annotated[str | None, typer.Option(help="Comma-separated domains: math, code, choice (multiple "
                                                "choice over made-up facts; or `knowledge`), instruct (math "
                                                "and code tasks with checkable rules) [data.domains].")] = None,
    heldout_fraction: Annotated[float | None, typer.Option(help="Share kept out of training [data.heldout_fraction].")] = None,
    flawed_fraction: Annotated[float | None, typer.Option(help="Share of traces made wrong [data.flawed_fraction].")] = None,
    recipe: Annotated[Path | None, typer.Option(help="Recipe YAML supplying the defaults in brackets.")] = None,
) -> None:
    """Synthesise the built-in verifiable task suite: math subdomains with difficulty tiers, code from
    input/output examples, teacher traces in several strategies, claims for self-verification."""
    from tinylogic.data.loaders import write_problems
    from tinylogic.data.suite import synthesize

    cfg = recipe_or_fail(recipe, None)
    data = cfg.data
    try:
        problems = synthesize(
            n or data.suite_size, data.suite_seed if seed is None else seed,
            domains=[d.strip() for d in domains.split(",") if d.strip()] if domains else data.domains,
            heldout_fraction=data.heldout_fraction if heldout_fraction is None else heldout_fraction,
            flawed_fraction=data.flawed_fraction if flawed_fraction is None else flawed_fraction,
            passage_fraction=cfg.retrieval.suite_passage_fraction, passages_k=cfg.retrieval.k)
    except ValueError as exc:
        raise fail(str(exc)) from None
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

    render_summary(summarize(load_problems_or_fail(file)), console)


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
    from tinylogic.data.decontam import decontaminate_files
    from tinylogic.data.loaders import DataError

    data_cfg = recipe_or_fail(recipe, None).data
    against = against or [Path(p) for p in data_cfg.decontam_against]
    report = report or out.with_name(out.name + ".report.jsonl")
    try:
        summary = decontaminate_files(train, against, out, report, n or data_cfg.decontam_ngram)
    except DataError as exc:
        raise fail(str(exc)) from None
    except FileNotFoundError as exc:
        raise fail(f"no such file: {exc.filename}") from None
    seconds = sum(summary["seconds"].values())
    console.print(f"kept {summary['kept']} of {summary['train']} training rows, dropped {summary['dropped']} "
                  f"sharing a {summary['n']}-gram with {summary['against']} evaluation rows ({seconds:.1f} s)")
    for source, count in sorted(summary["dropped_by_eval_source"].items()):
        console.print(f"  {source}: {count}")
    console.print(f"kept rows: {out}\nreport: {report}")


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
    sft.hard_rollouts times, with their traces of at least sft.hard_min_trace_tokens tokens. Problems whose
    rollouts got verifier errors (a broken gold, not a wrong answer) are left out and reported."""
    model = model_or_fail(model)
    quiet_transformers()
    from tinylogic.data.loaders import write_problems
    from tinylogic.train.curriculum import hard_subset

    cfg = recipe_or_fail(recipe, set_)
    problems = training_problems_or_fail(data)
    kept, summary = hard_subset(model, problems, out.with_name(out.stem + ".hard"), rollouts=cfg.sft.hard_rollouts,
                                min_error_rate=cfg.sft.hard_min_error_rate,
                                min_trace_tokens=cfg.sft.hard_min_trace_tokens, max_new_tokens=max_new_tokens,
                                seed=cfg.seed)
    write_problems(out, kept)
    console.print(f"kept {len(kept)} of {len(problems)} problems {summary['kept_by_subdomain']} -> {out}")
    if summary["verifier_errors"]:
        console.print(f"[yellow]left out {summary['verifier_errors']} problem(s) with verifier errors (a broken "
                      "gold?); see the report's rows[/yellow]")
    console.print(f"report: {out.with_name(out.stem + '.hard') / 'hard_subset_report.json'}")
