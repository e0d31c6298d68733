"""What every `tinylogic` command module shares: the consoles, the error exit, `--set`, small parsers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

console = Console()
err_console = Console(stderr=True)

SetOption = Annotated[list[str] | None, typer.Option(
    "--set", help="Override one field, e.g. --set rl.advantage.lambda=2 (repeatable; value read as YAML).")]


def fail(message: str) -> typer.Exit:
    # soft_wrap: a long path or field name stays on one line (copyable, greppable)
    # escape: a message quoting a value such as `[math, chemistry]` must not be read as rich markup
    from rich.markup import escape

    err_console.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(code=2)


def quiet_transformers() -> None:
    # Per-file "Loading weights" / "Writing model shards" bars drown our own progress bars.
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()


@contextmanager
def reading_or_fail(path) -> Iterator[None]:
    """Turn what reading the data file PATH can raise into a one-line error naming PATH and the cause."""
    from tinylogic.data.loaders import DataError

    try:
        yield
    except DataError as exc:
        raise fail(str(exc)) from None
    except FileNotFoundError:
        raise fail(f"no such file or dataset: {path}") from None
    except IsADirectoryError:
        raise fail(f"{path}: is a folder, expected a file") from None
    except OSError as exc:
        raise fail(f"{path}: cannot read: {exc.strerror or exc}") from None
    except ValueError as exc:  # e.g. pyarrow's ArrowInvalid: a .parquet name on something else
        raise fail(f"{path}: cannot read: {exc}") from None


def load_problems_or_fail(path: str):
    from tinylogic.data.loaders import load_problems

    with reading_or_fail(path):
        return load_problems(path)


def model_or_fail(model: str | Path, option: str = "--model") -> str:
    """MODEL as the folder to load, checked before anything heavy is imported or loaded: a base shipped in the
    package by its name (`tiny-pretrained`) becomes its folder; an existing folder must hold a config.json;
    a name that is not on disk must be a Hugging Face id (owner/name, which transformers may fetch) or a
    model in the local Hugging Face cache (e.g. gpt2), else it is a missing folder."""
    from tinylogic.pretrained import resolve_model

    text = resolve_model(model)
    path = Path(text).expanduser()
    if path.exists():
        if not path.is_dir():
            raise fail(f"{option} {text}: not a model folder (a file)")
        if not (path / "config.json").is_file():
            raise fail(f"{option} {text}: not a model folder (no config.json)")
    elif text.startswith((".", "/", "~")) or not (re.fullmatch(r"[\w.-]+/[\w.-]+", text) or _cached(text)):
        raise fail(f"{option} {text}: no such model folder")
    return text


def _cached(name: str) -> bool:
    from huggingface_hub import try_to_load_from_cache

    try:
        return isinstance(try_to_load_from_cache(name, "config.json"), str)
    except Exception:  # noqa: BLE001 -- not a valid repo id at all: not cached
        return False


def recipe_or_fail(recipe, sets: list[str] | None):
    """The recipe (file < --set), or a clean exit naming the field at fault."""
    from tinylogic.config_load import ConfigError, load_recipe
    from tinylogic.run import check_stage_names

    try:
        cfg = load_recipe(recipe, sets)
        check_stage_names(cfg)  # its names are the run's stages, which the config cannot import
        return cfg
    except ConfigError as exc:
        raise fail(str(exc)) from None
    except IsADirectoryError:
        raise fail(f"recipe {recipe}: is a folder, expected a YAML file") from None
    except OSError as exc:
        raise fail(f"recipe {recipe}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise fail(f"recipe {recipe}: not a text file ({exc.reason})") from None


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
