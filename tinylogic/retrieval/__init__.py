"""Retrieval for facts: a small reasoner brings facts in from passages rather than from its weights.

    from tinylogic.retrieval import build_index, load_index, attach_passages
    build_index("facts.passages.jsonl", "runs/index")          # or `tinylogic index build`
    load_index("runs/index").search("Who founded Varneth?", k=3)  # -> [Passage(id, text, score)]

See docs/RETRIEVAL.md.
"""

from tinylogic.retrieval.base import BACKENDS, Index, Passage, RetrievalError
from tinylogic.retrieval.bm25 import BM25Index, bm25_index
from tinylogic.retrieval.index import attach_passages, build_index, load_index, read_docs

__all__ = ["BACKENDS", "BM25Index", "Index", "Passage", "RetrievalError", "attach_passages", "bm25_index", "build_index",
           "load_index", "read_docs"]
