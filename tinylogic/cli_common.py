"""What every `tinylogic` command module shares: the consoles, the error exit, `--set`, small parsers."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

console = Console()
err_console = Console(stderr=True)

SetOption = Annotated[list[str] | None, typer.Option(
    "--set", help="Override one field, e.g. --set rl.mgpo_lambda=2 (repeatable; value read as YAML).")]


def fail(message: str) -> typer.Exit:
    # soft_wrap: a long path or field name stays on one line (copyable, greppable)
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code=2)


def quiet_transformers() -> None:
    # Per-file "Loading weights" / "Writing model shards" bars drown our own progress bars.
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()


def load_problems_or_fail(path: str):
    from tinylogic.data.loaders import DataError, load_problems

    try:
        return load_problems(path)
    except DataError as exc:
        raise fail(str(exc)) from None
    except FileNotFoundError:
        raise fail(f"no such file or dataset: {path}") from None


def recipe_or_fail(recipe, sets: list[str] | None):
    """The recipe (file < --set), or a clean exit naming the field at fault."""
    from tinylogic.config import ConfigError, load_recipe

    try:
        return load_recipe(recipe, sets)
    except ConfigError as exc:
        raise fail(str(exc)) from None


def training_problems_or_fail(path) -> list:
    """The problems of a file without its held-out rows (those never train)."""
    return [p for p in load_problems_or_fail(str(path)) if p.split != "heldout"]


def parse_ks(text: str) -> list[int]:
    try:
        ks = sorted({int(k) for k in text.split(",") if k.strip()})
    except ValueError:
        raise fail(f"--k {text!r}: expected comma-separated integers, e.g. 1,8") from None
    if not ks or ks[0] < 1:
        raise fail(f"--k {text!r}: every k must be >= 1")
    return ks
