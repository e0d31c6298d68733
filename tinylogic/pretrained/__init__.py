"""Bases shipped inside the package, plain save_pretrained folders, by the name `model.base` and every
`--model` option take. `tiny-pretrained` is the tiny model after `recipes/base.yaml` (pretrained on raw
text of the suite's world; BENCHMARKS.md has its command, seed, time and held-out scores). Imports nothing
heavy: the CLI resolves a name before it loads anything."""

from __future__ import annotations

from pathlib import Path

PRETRAINED: dict[str, Path] = {"tiny-pretrained": Path(__file__).parent / "tiny"}


def resolve_model(name: str | Path) -> str:
    """A shipped base's folder for its name; any other model (a folder, a Hugging Face id) as given."""
    return str(PRETRAINED.get(str(name), name))
