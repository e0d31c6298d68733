"""Retrieval: bm25s (tinylogic's default) against rank-bm25 on the built-in facts corpus.

Both engines index the same token lists (bm25s' tokenizer, English stopwords, no stemming), so only
the BM25 engine differs. Measured: index build time (tokenisation reported apart), queries/s
(bm25s batched and one query at a time through `Index.search`, as a server calls it; rank-bm25
`get_scores` + top-k per query), and recall@1/@5 on the held-out questions of the knowledge suite
(the gold is the passage stating the asked fact). Writes benchmarks/results/retrieval.json.

    nice -n 10 python benchmarks/bench_retrieval.py [--problems 10000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import bm25s
import numpy as np
import rank_bm25

from tinylogic.data.suite import synthesize
from tinylogic.data.suite_knowledge import passages
from tinylogic.retrieval import build_index, load_index
from tinylogic.retrieval.bm25 import STOPWORDS

ROOT = Path(__file__).resolve().parents[1]
RESULT = ROOT / "benchmarks" / "results" / "retrieval.json"
KS = (1, 3, 5)


def timed(fn, rounds: int):
    """(last result, [wall seconds per round])."""
    times, out = [], None
    for _ in range(rounds):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return out, times


def recall(ranked: list[list[str]], gold: list[str]) -> dict[str, float]:
    return {f"recall@{k}": round(sum(g in r[:k] for r, g in zip(ranked, gold, strict=True)) / len(gold), 4)
            for k in KS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problems", type=int, default=10_000, help="knowledge problems synthesised (~10%% held out)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=5, help="timing rounds (the median is reported)")
    parser.add_argument("--out", type=Path, default=RESULT)
    args = parser.parse_args()

    load_at_start = os.getloadavg()
    corpus = passages()
    ids = [p["id"] for p in corpus]
    questions = [p for p in synthesize(args.problems, args.seed, domains=["knowledge"], passage_fraction=0)
                 if p.split == "heldout"]
    queries, gold = [p.prompt for p in questions], [p.meta["fact_id"] for p in questions]
    k = max(KS)

    def tokenize(texts):
        return bm25s.tokenize(texts, stopwords=STOPWORDS, return_ids=False, show_progress=False)

    corpus_tokens, tok_times = timed(lambda: tokenize([p["text"] for p in corpus]), args.rounds)
    query_tokens = tokenize(queries)

    def bm25s_build():
        retriever = bm25s.BM25()
        retriever.index(corpus_tokens, show_progress=False)
        return retriever

    retriever, bm25s_build_times = timed(bm25s_build, args.rounds)
    rank, rank_build_times = timed(lambda: rank_bm25.BM25Okapi(corpus_tokens), args.rounds)

    (docs, _), bm25s_query_times = timed(
        lambda: retriever.retrieve(query_tokens, k=k, show_progress=False), args.rounds)
    bm25s_ranked = [[ids[d] for d in row] for row in docs]

    def rank_query_all():
        out = []
        for tokens in query_tokens:
            scores = rank.get_scores(tokens)
            top = np.argpartition(-scores, k)[:k]
            out.append([ids[d] for d in top[np.argsort(-scores[top], kind="stable")]])
        return out

    rank_ranked, rank_query_times = timed(rank_query_all, 1)  # slow: one round

    with tempfile.TemporaryDirectory() as tmp:  # the tinylogic path end to end: read, tokenise, index, save
        _, tl_build_times = timed(lambda: build_index(corpus, Path(tmp) / "idx"), args.rounds)
        index, tl_load_times = timed(lambda: load_index(Path(tmp) / "idx"), args.rounds)
        tl_ranked, tl_single_times = timed(lambda: [[h.id for h in index.search(q, k)] for q in queries], 1)
        tl_batch, tl_batch_times = timed(lambda: [[h.id for h in hits] for hits in index.search_many(queries, k)],
                                         args.rounds)

    med = statistics.median
    qps = {"bm25s (retrieve, one batch)": len(queries) / med(bm25s_query_times),
           "tinylogic Index.search_many (one batch)": len(queries) / med(tl_batch_times),
           "tinylogic Index.search (one query at a time)": len(queries) / tl_single_times[0],
           "rank-bm25 (get_scores + top-k, one at a time)": len(queries) / rank_query_times[0]}
    result = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "processor": platform.processor() or platform.machine(),
                    "cpu_count": os.cpu_count(), "python": sys.version.split()[0], "numpy": np.__version__,
                    "bm25s": bm25s.__version__, "rank_bm25": importlib.metadata.version("rank-bm25"), "nice": os.nice(0)},
        "config": {"passages": len(corpus), "heldout_questions": len(queries), "problems": args.problems,
                   "seed": args.seed, "rounds": args.rounds, "k": k, "tokenizer": "bm25s.tokenize, stopwords en",
                   "bm25s": "lucene, k1=1.5, b=0.75", "rank_bm25": "BM25Okapi defaults (k1=1.5, b=0.75, eps=0.25)"},
        "load_average_at_start": [round(x, 2) for x in load_at_start],
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        "seconds (median of rounds)": {
            "tokenize corpus (shared by both engines)": round(med(tok_times), 3),
            "bm25s index build (from tokens)": round(med(bm25s_build_times), 3),
            "rank-bm25 index build (from tokens)": round(med(rank_build_times), 3),
            "tinylogic build_index (tokenize + index + save)": round(med(tl_build_times), 3),
            "tinylogic load_index": round(med(tl_load_times), 3),
        },
        "queries_per_second": {name: round(v, 1) for name, v in qps.items()},
        "speedup bm25s / rank-bm25": {
            "index build": round(med(rank_build_times) / med(bm25s_build_times), 2),
            "queries (batched)": round(qps["bm25s (retrieve, one batch)"]
                                       / qps["rank-bm25 (get_scores + top-k, one at a time)"], 1),
            "queries (tinylogic one at a time)": round(qps["tinylogic Index.search (one query at a time)"]
                                                       / qps["rank-bm25 (get_scores + top-k, one at a time)"], 1),
        },
        "recall (held-out questions)": {"bm25s": recall(bm25s_ranked, gold), "rank-bm25": recall(rank_ranked, gold),
                                        "tinylogic Index.search": recall(tl_ranked, gold)},
        "chance-level recall@1 (1 / passages)": 1 / len(corpus),
        "agreement": {"tinylogic single == batch": tl_ranked == tl_batch,
                      "top-1 same passage, bm25s vs rank-bm25": round(
                          sum(a[0] == b[0] for a, b in zip(bm25s_ranked, rank_ranked, strict=True)) / len(queries), 4)},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
