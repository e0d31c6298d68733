"""Throughput of `verify_batch` (math process pool) vs sequential math-verify calls in one process.

Items: the shared benchmark reference solutions vs their gold (aime24, minerva_math, gsm8k rationale,
olympiadbench solution; ~2,300 pairs, as in tests/test_verify_math.py). Both sides use the same
extraction (`extract_answer_text`, the same gold delimiting); the baseline calls
`math_verify.verify(parse(gold), parse(pred))` with math-verify's own (signal) timeouts, in the main
thread. Writes benchmarks/results/math_verify.json.

    python benchmarks/bench_math_verify.py [--workers 2]
"""

from __future__ import annotations

import argparse
import datetime
import json
import logging
import os
import platform
import time
from pathlib import Path

from tinylogic.data.schema import Problem
from tinylogic.verify.batch import verify_batch
from tinylogic.verify.math import extract_answer_text, normalise_latex
from tinylogic.verify.math_reference import reference_pairs

ROOT = Path(__file__).resolve().parents[1]

BENCHMARKS = ROOT.parent / "shared" / "data" / "benchmarks"
SETS = ("aime24", "minerva_math", "gsm8k_rationale", "olympiadbench_solution")


def gold_text(gold: str) -> str:  # the same delimiting as tinylogic.verify.math._parse_gold
    text = gold.strip()
    if "\\boxed" not in text:
        text = "$" + text.replace("$", " ").strip().rstrip(".") + "$"
    return normalise_latex(text)


def sequential(pairs: list[tuple[str, str]]) -> list[bool]:
    from math_verify import parse, verify

    out = []
    for gold, response in pairs:
        pred_text, _ = extract_answer_text(response)
        out.append(bool(verify(parse(gold_text(gold)), parse(normalise_latex(pred_text)))))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "math_verify.json"))
    args = parser.parse_args()
    logging.getLogger("math_verify").setLevel(logging.CRITICAL)
    sets = reference_pairs(BENCHMARKS)
    pairs = [pair for name in SETS for pair in sets[name]]
    items = [(Problem(id=f"b{i}", domain="math", prompt="q", answer=gold), response)
             for i, (gold, response) in enumerate(pairs)]
    import math_verify  # noqa: F401 - import cost outside both timings

    verify_batch(items[:4], workers=args.workers)  # start the pool (forks) outside the timing
    start = time.perf_counter()
    pooled = [v.correct for v in verify_batch(items, workers=args.workers)]
    pooled_s = time.perf_counter() - start
    start = time.perf_counter()
    seq = sequential(pairs)
    seq_s = time.perf_counter() - start
    agree = sum(a == b for a, b in zip(pooled, seq, strict=True)) / len(pairs)
    result = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "python": platform.python_version(),
                    "cpus": os.cpu_count(), "load_avg_at_end": os.getloadavg()},
        "math_verify_version": math_verify.__version__ if hasattr(math_verify, "__version__") else
        __import__("importlib.metadata").metadata.version("math-verify"),
        "items": len(pairs), "sets": {name: len(sets[name]) for name in SETS},
        "workers": args.workers,
        "verify_batch": {"seconds": round(pooled_s, 3), "items_per_s": round(len(pairs) / pooled_s, 1),
                         "correct": sum(pooled)},
        "sequential_math_verify": {"seconds": round(seq_s, 3), "items_per_s": round(len(pairs) / seq_s, 1),
                                   "correct": sum(seq)},
        "speedup": round(seq_s / pooled_s, 2),
        "agreement": round(agree, 4),
    }
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
