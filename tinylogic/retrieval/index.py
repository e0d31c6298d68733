"""Passage indexes: read documents, build/load an index folder, search it, put passages into problems.

Default backend: BM25 through `bm25s` (sparse matrices, embedded, offline; lucene scoring, k1=1.5,
b=0.75, English stopwords, no stemming). Optional: dense retrieval (`tinylogic.retrieval.dense`).

An index folder holds `index.json` (format, backend, passage count), `corpus.jsonl` (one
{"id", "text"} per line, in index order) and the backend's files (bm25s' `*.index.npy` /
`*.index.json`, or `embeddings.npy`). A missing or damaged folder raises `RetrievalError` naming it.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from tinylogic.data.schema import Problem

FORMAT = "tinylogic-index"
VERSION = 1
STOPWORDS = "en"
DOC_SUFFIXES = (".jsonl", ".txt", ".md")


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


# ---- BM25 -----------------------------------------------------------------------------------------

class BM25Index:
    """bm25s retriever whose corpus entries are the {id, text} passages."""

    backend = "bm25"

    def __init__(self, retriever: Any):
        self.retriever = retriever
        self.passages: list[dict[str, str]] = retriever.corpus

    def search_many(self, queries: Sequence[str], k: int = 5) -> list[list[Passage]]:
        """Top-k passages per query, best first; passages sharing no term with the query are left out."""
        import bm25s

        if k < 1:
            raise ValueError(f"k must be >= 1, got {k}")
        if not queries:
            return []
        tokens = bm25s.tokenize(list(queries), stopwords=STOPWORDS, return_ids=False, show_progress=False)
        docs, scores = self.retriever.retrieve(tokens, k=min(k, len(self.passages)), show_progress=False)
        return [[Passage(d["id"], d["text"], float(s)) for d, s in zip(row, row_scores, strict=True) if s > 0]
                for row, row_scores in zip(docs, scores, strict=True)]

    def search(self, query: str, k: int = 5) -> list[Passage]:
        return self.search_many([query], k)[0]


def bm25_index(passages: Sequence[dict[str, str]]) -> BM25Index:
    """An in-memory BM25 index over {id, text} passages."""
    import bm25s

    corpus = [{"id": p["id"], "text": p["text"]} for p in passages]
    if not corpus:
        raise RetrievalError("no passages to index")
    retriever = bm25s.BM25(corpus=corpus)
    retriever.index(bm25s.tokenize([p["text"] for p in corpus], stopwords=STOPWORDS, show_progress=False),
                    show_progress=False)
    return BM25Index(retriever)


def _load_bm25(path: Path, manifest: dict) -> BM25Index:
    import bm25s

    return BM25Index(bm25s.BM25.load(path, load_corpus=True, show_progress=False))


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
        extra: dict[str, Any] = {}
        if backend == "bm25":
            import bm25s

            retriever = bm25_index(passages).retriever
            retriever.save(tmp, corpus=retriever.corpus, show_progress=False)
            extra = {"bm25s": bm25s.__version__, "stopwords": STOPWORDS}
        elif backend == "dense":
            from tinylogic.retrieval import dense

            if model is None:
                raise RetrievalError("dense retrieval needs an embedding model folder (--model)")
            extra = dense.build(passages, tmp, model)
        else:
            raise RetrievalError(f"unknown backend {backend!r} (known: bm25, dense)")
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
    backend = manifest.get("backend")
    if backend == "bm25":
        loader = _load_bm25
    elif backend == "dense":
        from tinylogic.retrieval.dense import load as loader
    else:
        raise RetrievalError(f"{manifest_path}: unknown backend {backend!r} (known: bm25, dense)")
    try:
        index = loader(path, manifest)
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
