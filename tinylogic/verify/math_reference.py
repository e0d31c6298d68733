"""Real-data check of the math verifier: the shared benchmarks' reference solutions as (gold, response)
pairs, which should verify against their own gold (docs/VERIFIERS.md). One copy for the test that checks
the rates (tests/test_verify_math.py) and the throughput benchmark (benchmarks/bench_math_verify.py),
which must run without the test suite's dependencies.
"""

from __future__ import annotations

from pathlib import Path

from tinylogic.data.loaders import iter_jsonl
from tinylogic.data.text import last_boxed


def _gsm8k_answer(rationale: str) -> str:
    return rationale.split("####")[-1].strip().replace(",", "")


def reference_pairs(benchmarks_dir: Path) -> dict[str, list[tuple[str, str]]]:
    """(gold, response) per file, as docs/VERIFIERS.md describes."""
    rows = {name: [row for _, row in iter_jsonl(Path(benchmarks_dir) / f"{name}_test.jsonl")]
            for name in ("aime24", "minerva_math", "gsm8k", "olympiadbench")}
    return {
        "aime24": [(str(r["answer"]), r["solution"]) for r in rows["aime24"]],
        "minerva_math": [(last_boxed(r["solution"]) or "", r["solution"]) for r in rows["minerva_math"]],
        "gsm8k_boxed": [(_gsm8k_answer(r["answer"]), rf"\boxed{{{_gsm8k_answer(r['answer'])}}}")
                        for r in rows["gsm8k"]],
        "gsm8k_rationale": [(_gsm8k_answer(r["answer"]), r["answer"]) for r in rows["gsm8k"]],
        "olympiadbench_boxed": [(r["final_answer"][0], rf"\boxed{{{r['final_answer'][0].replace('$', '')}}}")
                                for r in rows["olympiadbench"]],
        "olympiadbench_solution": [(r["final_answer"][0], "\n".join(r["solution"])) for r in rows["olympiadbench"]],
    }
