"""Passage indexes: read documents, build/load an index folder, search it, put passages into problems.

Backends are registered by name in `tinylogic.retrieval.base.BACKENDS`: BM25 (`tinylogic.retrieval.bm25`,
the default) and dense retrieval (`tinylogic.retrieval.dense`, optional).

An index folder holds `index.json` (format, backend, passage count), `corpus.jsonl` (one
{"id", "text"} per line, in index order) and the backend's files (bm25s' `*.index.npy` /
`*.index.json`, or `embeddings.npy`). A missing or damaged folder raises `RetrievalError` naming it.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from tinylogic.data.schema import Problem
from tinylogic.retrieval.base import Index, RetrievalError, backend_module

FORMAT = "tinylogic-index"
VERSION = 1
DOC_SUFFIXES = (".jsonl", ".txt", ".md")


# ---- documents ------------------------------------------------------------------------------------

def _jsonl_docs(path: Path, name: str) -> list[dict[str, str]]:
    from tinylogic.data.loaders import DataError, iter_jsonl

    docs = []
    try:
        rows = list(iter_jsonl(path))
    except DataError as exc:  # "<file>, line N: malformed JSON: ..."
        raise RetrievalError(str(exc)) from None
    for line_no, row in rows:
        if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not row["text"].strip():
            raise RetrievalError(f"{path}, line {line_no}: expected an object with a non-empty 'text' string")
        pid = row.get("id", f"{name}:{line_no}")
        if not isinstance(pid, str | int) or isinstance(pid, bool):
            raise RetrievalError(f"{path}, line {line_no}: field 'id' must be a string or integer, got {pid!r}")
        docs.append({"id": str(pid), "text": row["text"]})
    return docs


def _text_docs(path: Path, name: str) -> list[dict[str, str]]:
    """One passage per paragraph (blank-line separated), ids `name#1`, `name#2`, ..."""
    paragraphs = [" ".join(p.split()) for p in path.read_text(encoding="utf-8").split("\n\n")]
    return [{"id": f"{name}#{i}", "text": p} for i, p in enumerate((p for p in paragraphs if p), 1)]


def read_docs(path: str | Path) -> list[dict[str, str]]:
    """Passages {id, text} from a JSONL file (objects with `text` and optional `id`; default id
    `file:line`), a .txt/.md file (one passage per paragraph, id `file#n`), or a folder of those
    (searched recursively, names relative to it). Ids must be unique."""
    path = Path(path)
    if path.is_dir():
        files = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix in DOC_SUFFIXES)
        if not files:
            raise RetrievalError(f"{path}: no {', '.join(DOC_SUFFIXES)} files in this folder")
        named = [(f, f.relative_to(path).as_posix()) for f in files]
    elif path.is_file():
        if path.suffix not in DOC_SUFFIXES:
            raise RetrievalError(f"{path}: unsupported document file (expected {', '.join(DOC_SUFFIXES)})")
        named = [(path, path.name)]
    else:
        raise RetrievalError(f"{path}: no such file or folder")
    docs = []
    for file, name in named:
        docs += _jsonl_docs(file, name) if file.suffix == ".jsonl" else _text_docs(file, name)
    if not docs:
        raise RetrievalError(f"{path}: no passages")
    seen: set[str] = set()
    for doc in docs:
        if doc["id"] in seen:
            raise RetrievalError(f"{path}: passage id {doc['id']!r} appears more than once")
        seen.add(doc["id"])
    return docs


# ---- index folders --------------------------------------------------------------------------------

def build_index(docs: str | Path | Sequence[dict[str, str]], out: str | Path, backend: str = "bm25",
                model: str | Path | None = None) -> Path:
    """Index passages (a path for `read_docs`, or {id, text} dicts) into the folder `out`, replacing an
    index already there. backend "bm25" (default) or "dense" (needs `model`, a local embedding model
    folder, and the `dense` extra). Returns `out`."""
    passages = read_docs(docs) if isinstance(docs, str | Path) else list(docs)
    out = Path(out)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / "index.json").exists())):
        raise RetrievalError(f"{out}: exists and is not a tinylogic index; not overwriting it")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.tmp-"))
    try:
        extra = backend_module(backend).build(passages, tmp, model)
        manifest = {"format": FORMAT, "version": VERSION, "backend": backend, "passages": len(passages), **extra}
        (tmp / "index.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        tmp.rename(out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def load_index(path: str | Path) -> Index:
    """The index in folder `path` (any backend: each has `search(query, k)` and `search_many`)."""
    path = Path(path)
    hint = f"build one with `tinylogic index build --docs FILE --out {path}`"
    if not path.is_dir():
        raise RetrievalError(f"index {path}: no such folder ({hint})")
    manifest_path = path / "index.json"
    if not manifest_path.is_file():
        raise RetrievalError(f"index {path}: not a tinylogic index (no index.json; {hint})")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise RetrievalError(f"{manifest_path}: not valid JSON ({exc}); rebuild the index") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise RetrievalError(f"{manifest_path}: not a tinylogic index manifest")
    if manifest.get("version") != VERSION:
        raise RetrievalError(f"{manifest_path}: index format version {manifest.get('version')!r}; this "
                             f"tinylogic reads version {VERSION}: rebuild the index")
    load = backend_module(manifest.get("backend"), f"{manifest_path}: ").load
    try:
        index = load(path, manifest)
    except RetrievalError:
        raise
    except Exception as exc:  # any failure to read the backend's files means a damaged folder
        raise RetrievalError(f"index {path}: damaged ({type(exc).__name__}: {exc}); rebuild it") from None
    if len(index.passages) != manifest.get("passages"):
        raise RetrievalError(f"index {path}: damaged ({len(index.passages)} passages in corpus.jsonl, "
                             f"index.json says {manifest.get('passages')}); rebuild it")
    return index


# ---- prompts ----------------------------------------------------------------------------------------

def attach_passages(problems: Iterable[Problem], index: Index, k: int,
                    domains: Sequence[str] | None = ("choice",)) -> list[Problem]:
    """Copies of `problems` whose meta["passages"] holds the top-k passages ({id, text}) retrieved for
    the question (`problem.prompt`); `solve_prompt` renders them. Only problems of `domains` (None:
    all) get passages; the others come back unchanged."""
    problems = list(problems)
    asked = [i for i, p in enumerate(problems) if domains is None or p.domain in domains]
    found = index.search_many([problems[i].prompt for i in asked], k)
    out = list(problems)
    for i, hits in zip(asked, found, strict=True):
        meta = {**problems[i].meta, "passages": [{"id": h.id, "text": h.text} for h in hits]}
        out[i] = problems[i].model_copy(update={"meta": meta})
    return out
