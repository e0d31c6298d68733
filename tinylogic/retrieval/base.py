"""What every retrieval backend shares: the passage record, the index interface, the error, and the
registry of backends by name (as the engine's: a module path, imported when the backend is used).

A backend module has `build(passages, out, model) -> dict` (writes its files into the folder `out`,
returns its fields of index.json) and `load(path, manifest) -> Index`.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Protocol


class RetrievalError(ValueError):
    """Unusable documents or index; the message names the file (and line)."""


@dataclass(frozen=True)
class Passage:
    id: str
    text: str
    score: float


class Index(Protocol):
    """What `load_index` returns, whatever the backend."""

    backend: str
    passages: list[dict[str, str]]  # {id, text} in index order

    def search(self, query: str, k: int = 5) -> list[Passage]: ...

    def search_many(self, queries: Sequence[str], k: int = 5) -> list[list[Passage]]: ...


BACKENDS = {
    "bm25": "tinylogic.retrieval.bm25",
    "dense": "tinylogic.retrieval.dense",
}


def backend_module(name: str, where: str = "") -> ModuleType:
    """The module of the named backend; an unknown name raises RetrievalError (prefixed with `where`)."""
    if name not in BACKENDS:
        raise RetrievalError(f"{where}unknown backend {name!r} (known: {', '.join(BACKENDS)})")
    return importlib.import_module(BACKENDS[name])
