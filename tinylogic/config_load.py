"""Reading a recipe: a YAML file (or the defaults), then `--set a.b=v` overrides, validated into the
`RecipeConfig` of tinylogic/config.py. A recipe that cannot be used fails before any work starts, with
the file and the dotted field named (`ConfigError`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from tinylogic.config import RecipeConfig


class ConfigError(ValueError):
    """A recipe that cannot be used; the message names the file and the dotted field."""


def apply_override(tree: dict[str, Any], assignment: str) -> None:
    """Apply one `a.b.c=value` override in place; the value is read as YAML (2 -> int, [a,b] -> list)."""
    key, sep, raw = assignment.partition("=")
    if not sep or not key.strip():
        raise ConfigError(f"--set {assignment!r}: expected FIELD=VALUE, e.g. rl.advantage.lambda=2")
    *parents, leaf = key.strip().split(".")
    node = tree
    for part in parents:
        if isinstance(node.get(part), str):  # a variant named alone (advantage: mgpo), now given a setting
            node[part] = {"name": node[part]}
        node = node.setdefault(part, {})
        if not isinstance(node, dict):
            raise ConfigError(f"--set {assignment!r}: {part!r} is a value, not a section")
    try:
        node[leaf] = yaml.safe_load(raw) if raw.strip() else ""
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or type(exc).__name__
        raise ConfigError(f"--set {assignment!r}: the value is not valid YAML ({problem}); quote it to pass "
                          "text, e.g. --set 'name=\"a,b\"'") from None


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
