"""Throughput of `verify_batch` (math process pool) vs sequential math-verify calls in one process.

Items: the shared benchmark reference solutions vs their gold (aime24, minerva_math, gsm8k rationale,
olympiadbench solution; ~2,300 pairs, as in tests/test_verify_math.py). Both sides use the same
extraction (`extract_answer_text`, the same gold delimiting); the baseline calls
`math_verify.verify(parse(gold), parse(pred))` with math-verify's own (signal) timeouts, in the main
thread. `verify_batch` also runs with 1 worker, so the table separates per-item gains (plain-number fast
path, the compiled LaTeX parser or SLL-first parsing) from parallelism. Which parser the workers used is
recorded (`latex_parser`): the compiled one where `pip install ./native/latex` built it, else pure Python;
`TINYLOGIC_COMPILED_LATEX=0` measures the pure-Python path with it installed.

Cold and steady state: ANTLR's prediction cache warms as a process parses, so a second pass is faster.
"cold" runs every pair once in a fresh process pool and the baseline in a fresh process. "steady" is RL's
operating point (one persistent pool, a batch every step): both sides first parse every other pair
(untimed), then are timed on the rest. "groups_steady" is the same on OlympiadBench as groups of two samples
per problem (the boxed final answer, then the solution; even-numbered problems untimed), the shape in
which the pool's per-gold routing counts. Writes benchmarks/results/math_verify.json.

    python benchmarks/bench_math_verify.py [--workers 2] [--out PATH]
"""

from __future__ import annotations

import argparse
import datetime
import json
import logging
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from tinylogic.data.schema import Problem
from tinylogic.verify.batch import verify_batch
from tinylogic.verify.math import (
    compiled_latex_parser,
    extract_answer_text,
    fast_outcome,
    get_pool,
    gold_latex,
    normalise_latex,
)
from tinylogic.verify.math_reference import reference_pairs

ROOT = Path(__file__).resolve().parents[1]

BENCHMARKS = ROOT.parent / "shared" / "data" / "benchmarks"
SETS = ("aime24", "minerva_math", "gsm8k_rationale", "olympiadbench_solution")


def grouped(sets: dict[str, list[tuple[str, str]]]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(untimed, timed) pairs: OlympiadBench problems as groups of two samples, even and odd problems."""
    problems = list(zip(sets["olympiadbench_boxed"], sets["olympiadbench_solution"], strict=True))
    return [pair for group in problems[0::2] for pair in group], [pair for group in problems[1::2] for pair in group]


def sequential(pairs: list[tuple[str, str]]) -> list[bool]:
    from math_verify import parse, verify

    out = []
    for gold, response in pairs:
        pred_text, _ = extract_answer_text(response)
        out.append(bool(verify(parse(gold_latex(gold)), parse(normalise_latex(pred_text)))))
    return out


def pooled(items: list[tuple[Problem, str]], workers: int, warm_up: list[tuple[Problem, str]] = ()
           ) -> tuple[list[bool], float]:
    """verify_batch over `items` with a freshly started pool of `workers`, after `warm_up` (untimed)."""
    get_pool(workers).close()
    get_pool(workers).start()
    if warm_up:
        verify_batch(warm_up, workers=workers)
    start = time.perf_counter()
    correct = [v.correct for v in verify_batch(items, workers=workers)]
    return correct, time.perf_counter() - start


def baseline(mode: str) -> tuple[list[bool], float]:
    """Sequential math-verify in a fresh process: all pairs ("cold"), the odd ones after the even ones
    ("steady"), or the odd groups after the even ones ("groups")."""
    done = subprocess.run([sys.executable, __file__, "--baseline", mode], check=True, capture_output=True,
                          text=True)
    result = json.loads(done.stdout)
    return result["correct"], result["seconds"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "math_verify.json"))
    parser.add_argument("--baseline", choices=["cold", "steady", "groups"], help=argparse.SUPPRESS)  # in a fresh process
    args = parser.parse_args()
    logging.getLogger("math_verify").setLevel(logging.CRITICAL)
    sets = reference_pairs(BENCHMARKS)
    pairs = [pair for name in SETS for pair in sets[name]]
    import math_verify  # noqa: F401 - import cost outside both timings

    if args.baseline:
        if args.baseline == "steady":
            sequential(pairs[0::2])
            pairs = pairs[1::2]
        elif args.baseline == "groups":
            warm, pairs = grouped(sets)
            sequential(warm)
        start = time.perf_counter()
        seq = sequential(pairs)
        print(json.dumps({"seconds": time.perf_counter() - start, "correct": seq}))
        return
    items = [(Problem(id=f"b{i}", domain="math", prompt="q", answer=gold), response)
             for i, (gold, response) in enumerate(pairs)]
    pooled_correct, pooled_s = pooled(items, args.workers)
    _, one_worker_s = pooled(items, 1)
    seq, seq_s = baseline("cold")
    _, steady_s = pooled(items[1::2], args.workers, warm_up=items[0::2])
    _, steady_seq_s = baseline("steady")
    group_items = [[(Problem(id=f"g{i}", domain="math", prompt="q", answer=gold), response)
                    for i, (gold, response) in enumerate(part)] for part in grouped(sets)]
    _, groups_s = pooled(group_items[1], args.workers, warm_up=group_items[0])
    _, groups_seq_s = baseline("groups")
    agree = sum(a == b for a, b in zip(pooled_correct, seq, strict=True)) / len(pairs)
    result = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "python": platform.python_version(),
                    "cpus": os.cpu_count(), "load_avg_at_end": os.getloadavg()},
        "math_verify_version": math_verify.__version__ if hasattr(math_verify, "__version__") else
        __import__("importlib.metadata").metadata.version("math-verify"),
        "items": len(pairs), "sets": {name: len(sets[name]) for name in SETS},
        "workers": args.workers,
        "latex_parser": "compiled (tinylogic-latex)" if compiled_latex_parser() else "python (SLL first)",
        "fast_path_items": sum(fast_outcome(gold, response) is not None for gold, response in pairs),
        "verify_batch": {"seconds": round(pooled_s, 3), "items_per_s": round(len(pairs) / pooled_s, 1),
                         "correct": sum(pooled_correct)},
        "verify_batch_1_worker": {"seconds": round(one_worker_s, 3),
                                  "items_per_s": round(len(pairs) / one_worker_s, 1)},
        "sequential_math_verify": {"seconds": round(seq_s, 3), "items_per_s": round(len(pairs) / seq_s, 1),
                                   "correct": sum(seq)},
        "speedup": round(seq_s / pooled_s, 2),
        "speedup_1_worker": round(seq_s / one_worker_s, 2),
        "steady": {"items": len(items[1::2]), "verify_batch_items_per_s": round(len(items[1::2]) / steady_s, 1),
                   "sequential_items_per_s": round(len(items[1::2]) / steady_seq_s, 1),
                   "speedup": round(steady_seq_s / steady_s, 2)},
        "groups_steady": {"items": len(group_items[1]),
                          "verify_batch_items_per_s": round(len(group_items[1]) / groups_s, 1),
                          "sequential_items_per_s": round(len(group_items[1]) / groups_seq_s, 1),
                          "speedup": round(groups_seq_s / groups_s, 2)},
        "agreement": round(agree, 4),
    }
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
