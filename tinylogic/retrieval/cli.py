"""`tinylogic index ...`: build a passage index, search it, attach passages to problems.

Imports stay light (no bm25s, no torch) so `tinylogic --help` stays instant.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from tinylogic.cli_common import console, err_console, fail, load_problems_or_fail, recipe_or_fail

index_app = typer.Typer(help="Retrieval for facts: build a passage index, search it, put passages into problems.",
                        no_args_is_help=True)


@index_app.command("build")
def build(
    docs: Annotated[Path, typer.Option(help="Passages: JSONL ({text, id?} per line), .txt/.md (one passage per "
                                       "paragraph), or a folder of those. The built-in suite's corpus is the "
                                       "`<out>.passages.jsonl` that `tinylogic data synth` writes.")],
    out: Annotated[Path, typer.Option(help="Index folder to write (an index already there is replaced).")],
    backend: Annotated[str, typer.Option(help="bm25 (default, bm25s) or dense (needs --model and the "
                                         "`dense` extra).")] = "bm25",
    model: Annotated[Path | None, typer.Option(help="Local embedding model folder (dense only).")] = None,
) -> None:
    """Index a passage corpus for `tinylogic index search`, `index attach` and the Python API."""
    import time

    from tinylogic.retrieval import RetrievalError, build_index, load_index

    start = time.perf_counter()
    try:
        build_index(docs, out, backend=backend, model=model)
        count = len(load_index(out).passages)
    except RetrievalError as exc:
        raise fail(str(exc)) from None
    console.print(f"indexed {count} passages ({backend}) into {out} in {time.perf_counter() - start:.1f} s")


@index_app.command("search")
def search(
    query: Annotated[str, typer.Argument(help="The question or keywords.")],
    index: Annotated[Path, typer.Option(help="Index folder from `tinylogic index build`.")],
    k: Annotated[int, typer.Option(help="Passages to return.", min=1)] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per passage (id, text, score).")] = False,
) -> None:
    """Print the top-k passages for a query, best first."""
    from dataclasses import asdict

    from tinylogic.retrieval import RetrievalError, load_index

    try:
        hits = load_index(index).search(query, k)
    except RetrievalError as exc:
        raise fail(str(exc)) from None
    for hit in hits:
        line = json.dumps(asdict(hit), ensure_ascii=False) if as_json else f"{hit.score:8.3f}  {hit.id}  {hit.text}"
        console.print(line, highlight=False, markup=False, soft_wrap=True)
    if not hits and not as_json:
        err_console.print("no passage shares a term with the query")


@index_app.command("attach")
def attach(
    problems: Annotated[Path, typer.Option(help="Problems file (JSONL, parquet, ...) to put passages into.")],
    out: Annotated[Path, typer.Option(help="Output JSONL: the same problems, meta.passages = [{id, text}].")],
    index: Annotated[Path | None, typer.Option(help="Index folder [recipe: retrieval.index].")] = None,
    k: Annotated[int | None, typer.Option(help="Passages per problem [retrieval.k].", min=1)] = None,
    recipe: Annotated[Path | None, typer.Option(help="Recipe YAML supplying the defaults in brackets.")] = None,
) -> None:
    """Retrieve passages for every problem of the recipe's retrieval.domains (default: choice) and write the
    problems with them: `tinylogic eval --bench OUT`, SFT and RL then ask the questions with passages
    (solve_prompt renders them) and each problem records its passage ids."""
    from tinylogic.data.loaders import write_problems
    from tinylogic.retrieval import RetrievalError, attach_passages, load_index

    cfg = recipe_or_fail(recipe, None).retrieval
    index = index or (Path(cfg.index) if cfg.index else None)
    if index is None:
        raise fail("give --index or set retrieval.index in the recipe")
    loaded = load_problems_or_fail(str(problems))
    try:
        done = attach_passages(loaded, load_index(index), k or cfg.k, domains=cfg.domains)
    except RetrievalError as exc:
        raise fail(str(exc)) from None
    write_problems(out, done)
    with_passages = sum("passages" in p.meta for p in done)
    console.print(f"wrote {len(done)} problems ({with_passages} with passages) to {out}")
