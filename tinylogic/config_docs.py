"""docs/CONFIG.md, the configuration reference, generated from the models of tinylogic/config.py
(`tinylogic config docs`; a test fails if the page drifts)."""

from __future__ import annotations

import inspect
import json
from typing import Annotated, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from tinylogic.config import RecipeConfig


def sections(annotation) -> list[type[BaseModel]]:
    """The sections an annotation holds: itself, or each variant of a (possibly Annotated) union of them."""
    if isinstance(annotation, type):
        return [annotation] if issubclass(annotation, BaseModel) else []
    if get_origin(annotation) is Annotated:
        return sections(get_args(annotation)[0])
    return [a for a in get_args(annotation) if isinstance(a, type) and issubclass(a, BaseModel)]


def reference_markdown() -> str:
    """The configuration reference page (docs/CONFIG.md), section by section from `RecipeConfig`."""
    out = [
        "# Configuration reference",
        "",
        "Generated from `tinylogic/config.py` by `tinylogic config docs`; do not edit by hand.",
        "A recipe is YAML with these sections; `--set section.field=value` overrides one field",
        "(file < CLI). Unknown fields are errors.",
        "",
    ]

    def walk(model: type[BaseModel], prefix: str) -> None:
        variant = model.model_fields.get("name") or model.model_fields.get("kind")  # a union's discriminator
        title = prefix.rstrip(".") or "recipe"
        if variant is not None and get_args(variant.annotation):  # one variant of a union (rl.advantage, goals)
            title += f"` = `{get_args(variant.annotation)[0]}"
        out.extend([f"## `{title}`", "", inspect.cleandoc(model.__doc__ or ""), "",
                    "| setting | default | meaning |", "| --- | --- | --- |"])
        nested = []
        for name, field in model.model_fields.items():
            annotation = field.annotation
            name = field.alias or name
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                nested.append((annotation, f"{prefix}{name}"))
                continue
            if get_origin(annotation) is list:  # a list of sections (rl.phases, goals): document its items
                nested += [(item, f"{prefix}{name}[]") for item in sections(get_args(annotation)[0])]
            else:  # a union of sections (rl.advantage): document each variant
                nested += [(variant, f"{prefix}{name}") for variant in sections(annotation)]
            default = field.get_default(call_default_factory=True) if not field.is_required() else "(required)"
            out.append(f"| `{prefix}{name}` | `{json.dumps(to_jsonable_python(default))}` | "
                       f"{field.description or ''} |")
        out.append("")
        for sub, sub_prefix in nested:
            walk(sub, sub_prefix + ".")

    walk(RecipeConfig, "")
    return "\n".join(out).rstrip() + "\n"
