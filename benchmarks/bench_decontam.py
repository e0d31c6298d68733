"""Decontamination at scale: 100k synthetic training rows (word problem + answer + one worked
solution) against every shared math benchmark file, with ~100 planted near-copies of benchmark
problems (case and punctuation changed). Times load, index and scan separately, checks that every
planted copy is dropped and no clean row is, and writes benchmarks/results/decontam.json.

    python benchmarks/bench_decontam.py [--rows 100000] [--planted 100] [--n 10]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from tinylogic.data.decontam import build_index, scan, train_text, words
from tinylogic.data.loaders import load_problems, write_problems
from tinylogic.data.schema import Problem, Trace

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT.parent / "shared" / "data" / "benchmarks"
RESULT = ROOT / "benchmarks" / "results" / "decontam.json"

NAMES = [
    "Ava",
    "Ben",
    "Carla",
    "Dev",
    "Elena",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jamal",
    "Kofi",
    "Lena",
    "Mateo",
    "Nadia",
    "Omar",
    "Priya",
    "Quinn",
    "Rosa",
]
ITEMS = [
    "apples",
    "marbles",
    "stickers",
    "books",
    "pencils",
    "cupcakes",
    "tickets",
    "coins",
    "stamps",
    "shells",
    "bottles",
    "seeds",
]
PLACES = [
    "market",
    "library",
    "garden",
    "bakery",
    "workshop",
    "school",
    "harbor",
    "farm",
    "museum",
    "station",
]
VERBS = ["buys", "collects", "sells", "gives", "away", "packs", "trades", "finds", "bakes"]


def word_problem(rng: random.Random) -> tuple[str, str, str]:
    """A GSM8K-length word problem (60-120 words), its answer and a worked solution."""
    name, friend = rng.sample(NAMES, 2)
    item, place = rng.choice(ITEMS), rng.choice(PLACES)
    a, b, c, d = (rng.randint(2, 90) for _ in range(4))
    sentences = [
        f"{name} {rng.choice(VERBS)} {a} {item} at the {place} on Monday.",
        f"On Tuesday {name} gets {b} more {item}, and {friend} brings another {c} in a box.",
        f"Each box at the {place} holds exactly {d} {item}, and boxes are never split.",
        f"{friend} says that a full week of work at the {place} usually doubles the pile.",
        f"After counting twice, {name} writes the total on a card near the door.",
        f"The {place} keeper asks {name} to keep {rng.randint(1, 9)} {item} aside for a neighbour.",
    ]
    rng.shuffle(sentences)
    question = " ".join(sentences[: rng.randint(4, 6)]) + f" How many {item} does {name} have in total?"
    answer = str(a + b + c)
    solution = (
        f"{name} starts with {a} {item}. Adding the {b} from Tuesday gives {a} + {b} = {a + b}. "
        f"Then {friend} adds {c}, so the total is {a + b} + {c} = {a + b + c}. "
        f"The boxes of {d} do not change the count, they only tell us how the {item} are stored. "
        f"So {name} has {a + b + c} {item}. The answer is \\boxed{{{answer}}}."
    )
    return question, answer, solution


def near_copy(text: str, rng: random.Random) -> str:
    """Same words, different case and punctuation (what normalisation must see through)."""
    swaps = {",": ";", ".": "!", "$": "", "?": " ??", "(": "[", ")": "]"}
    text = "".join(swaps.get(ch, ch) if rng.random() < 0.7 else ch for ch in text)
    case = [str.upper, str.lower, str.title, lambda w: w]
    return " ".join(rng.choice(case)(w) for w in text.split(" "))


def make_training_rows(
    rows: int, planted_from: list[Problem], n: int, seed: int
) -> tuple[list[Problem], set[str]]:
    rng = random.Random(seed)
    problems = []
    for i in range(rows):
        question, answer, solution = word_problem(rng)
        problems.append(
            Problem(
                id=f"syn-{i}",
                domain="math",
                prompt=question,
                answer=answer,
                traces=[Trace(strategy="direct", text=solution)],
            )
        )
    # Plant near-copies at random positions, in the prompt or (a quarter of them) in the trace.
    planted = set()
    for problem, slot in zip(planted_from, rng.sample(range(rows), len(planted_from)), strict=True):
        target = problems[slot]
        copy = near_copy(problem.prompt, rng)
        if rng.random() < 0.25:
            target.traces[0].text = f"This is like a known problem: {copy}\n{target.traces[0].text}"
        else:
            target.prompt = f"Solve this one first. {copy}"
        target.id = f"planted-{slot}"
        planted.add(target.id)
    return problems, planted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--planted", type=int, default=100)
    parser.add_argument("--n", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=RESULT)
    args = parser.parse_args()

    load_at_start = os.getloadavg()
    eval_files = sorted(p for p in BENCHMARKS.iterdir() if p.name.endswith((".jsonl", ".parquet")))
    against_preview = [p for f in eval_files for p in load_problems(f)]
    # Only items with at least n words can be matched by an n-gram rule.
    matchable = [p for p in against_preview if len(words(p.prompt)) >= args.n]
    planted_from = random.Random(args.seed).sample(matchable, args.planted)

    with tempfile.TemporaryDirectory() as tmp:
        train_path = Path(tmp) / "train.jsonl"
        t = time.perf_counter()
        rows, planted = make_training_rows(args.rows, planted_from, args.n, args.seed)
        write_problems(train_path, rows)
        generate_s = time.perf_counter() - t
        train_mb = train_path.stat().st_size / 1e6
        del rows

        # Wall and CPU time per phase: on a shared machine CPU time is the stable figure.
        marks = [(time.perf_counter(), time.process_time())]
        train = load_problems(train_path)
        marks.append((time.perf_counter(), time.process_time()))
        against = [p for f in eval_files for p in load_problems(f)]
        marks.append((time.perf_counter(), time.process_time()))
        index = build_index(against, args.n)
        marks.append((time.perf_counter(), time.process_time()))
        kept, report = scan(train, index)
        marks.append((time.perf_counter(), time.process_time()))

    dropped = {r["train_id"] for r in report}
    result = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": {
            "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(),
            "cpu_count": os.cpu_count(),
            "python": sys.version.split()[0],
            "numpy": np.__version__,
        },
        "config": {
            "train_rows": len(train),
            "train_file_mb": round(train_mb, 1),
            "mean_words_per_row (first 1000)": round(
                sum(len(words(train_text(p))) for p in train[:1000]) / min(len(train), 1000), 1
            ),
            "planted": len(planted),
            "n": args.n,
            "eval_files": [f.name for f in eval_files],
            "eval_items": len(against),
            "eval_ngrams": len(index.table),
        },
        "load_average_at_start": [round(x, 2) for x in load_at_start],
        "seconds": {
            "generate_and_write (not part of decontamination)": round(generate_s, 2),
            **{
                phase: {
                    "wall": round(marks[i + 1][0] - marks[i][0], 2),
                    "cpu": round(marks[i + 1][1] - marks[i][1], 2),
                }
                for i, phase in enumerate(("load_train", "load_eval", "index", "scan"))
            },
            "decontaminate (index + scan)": {
                "wall": round(marks[4][0] - marks[2][0], 2),
                "cpu": round(marks[4][1] - marks[2][1], 2),
            },
        },
        "result": {
            "kept": len(kept),
            "dropped": len(report),
            "planted_dropped": len(planted & dropped),
            "clean_dropped": len(dropped - planted),
            "all_planted_dropped": planted <= dropped,
            "example": report[0] if report else None,
        },
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if not result["result"]["all_planted_dropped"]:
        sys.exit("some planted copies were kept")


if __name__ == "__main__":
    main()
