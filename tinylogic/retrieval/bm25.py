"""The default retrieval backend: BM25 through `bm25s` (sparse matrices, embedded, offline; lucene scoring,
k1=1.5, b=0.75, English stopwords, no stemming). Files: bm25s' `*.index.npy` / `*.index.json` and its corpus."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tinylogic.retrieval.base import Passage, RetrievalError

STOPWORDS = "en"


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


def build(passages: Sequence[dict[str, str]], out: Path, model: str | Path | None = None) -> dict[str, Any]:
    """Write bm25s' files (the corpus included) into `out`; return the manifest's backend fields."""
    import bm25s

    retriever = bm25_index(passages).retriever
    retriever.save(out, corpus=retriever.corpus, show_progress=False)
    return {"bm25s": bm25s.__version__, "stopwords": STOPWORDS}


def load(path: Path, manifest: dict) -> BM25Index:
    import bm25s

    return BM25Index(bm25s.BM25.load(path, load_corpus=True, show_progress=False))
