"""Curriculum stage 2's data (docs/RECIPE.md §1): the hard subset.

Keep problems whose error rate under a reference model (n rollouts through the engine and verifiers,
default 8) is at least `min_error_rate` (default 0.75), and of their teacher traces those at least
`min_trace_tokens` long. Problems without traces are kept or dropped on the error rate alone. A problem
with a verifier error on any rollout (`Verdict.error`: its gold or the verifier is at fault, not the
response) is left out and reported: its failures say nothing about the model.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tinylogic.data.schema import Problem


def error_rates(model: str | Path, problems: Sequence[Problem], out_dir: str | Path, *, rollouts: int = 8,
                temperature: float = 1.0, top_p: float = 0.95, max_new_tokens: int = 256, seed: int = 0,
                progress: bool = True, backend: str = "hf", engine_kwargs: dict[str, Any] | None = None,
                shard: bool = False) -> tuple[dict[str, float], dict[str, list[str]]]:
    """1 − (correct rollouts / rollouts) per problem id, from a resumable harness run in out_dir, and the
    details of the rollouts whose verdict was a verifier error, per problem id (only problems with any)."""
    from tinylogic.eval.harness import evaluate_model

    summary = evaluate_model(model, problems, out_dir, n=rollouts, ks=[1], temperature=temperature, top_p=top_p,
                             max_new_tokens=max_new_tokens, seed=seed, progress=progress, backend=backend,
                             engine_kwargs=engine_kwargs, shard=shard)
    verifier_errors: dict[str, list[str]] = {}
    for line in (Path(out_dir) / "samples.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row.get("error"):
            verifier_errors.setdefault(row["problem_id"], []).append(row.get("detail", ""))
    return {s["id"]: 1.0 - s["c"] / s["n"] for s in summary["per_problem"]}, verifier_errors


def select_hard(problems: Sequence[Problem], rates: dict[str, float], *, min_error_rate: float = 0.75,
                min_trace_tokens: int = 0, count_tokens=None,
                verifier_errors: dict[str, list[str]] | None = None) -> tuple[list[Problem], list[dict[str, Any]]]:
    """The hard subset and one report row per input problem (kept or why not).

    `count_tokens(text) -> int` measures trace length (the tokenizer's count); without it, characters.
    `verifier_errors`: problem id -> details of its rollouts' verifier-error verdicts (`error_rates`).
    """
    count_tokens = count_tokens or len
    verifier_errors = verifier_errors or {}
    kept, report = [], []
    for problem in problems:
        rate = rates.get(problem.id)
        row: dict[str, Any] = {"id": problem.id, "subdomain": problem.subdomain, "error_rate": rate}
        if rate is None:
            row["kept"], row["why"] = False, "no rollouts"
        elif errors := verifier_errors.get(problem.id):
            row["kept"], row["why"] = False, f"verifier error on {len(errors)} rollout(s): {errors[0]}"
        elif rate < min_error_rate:
            row["kept"], row["why"] = False, f"error rate {rate:.3f} < {min_error_rate}"
        else:
            long_traces = [t for t in problem.traces if count_tokens(t.text) >= min_trace_tokens]
            row["traces_kept"] = len(long_traces)
            if problem.traces and not long_traces:
                row["kept"], row["why"] = False, f"no trace reaches {min_trace_tokens} tokens"
            else:
                row["kept"], row["why"] = True, "hard"
                kept.append(problem.model_copy(update={"traces": long_traces}))
        report.append(row)
    return kept, report


def hard_subset(model: str | Path, problems: Sequence[Problem], out_dir: str | Path, *, rollouts: int = 8,
                min_error_rate: float = 0.75, min_trace_tokens: int = 0, max_new_tokens: int = 256,
                seed: int = 0, progress: bool = True, backend: str = "hf",
                engine_kwargs: dict[str, Any] | None = None, shard: bool = False) -> tuple[list[Problem], dict[str, Any]]:
    """Roll out the reference model, select, and write out_dir/hard_subset_report.json. `shard`: every
    process rolls out its share (`evaluate_model`); the main one writes the report."""
    from transformers import AutoTokenizer

    from tinylogic.processes import rank_and_world

    out_dir = Path(out_dir)
    rates, verifier_errors = error_rates(model, problems, out_dir / "rollouts", rollouts=rollouts,
                                         max_new_tokens=max_new_tokens, seed=seed, progress=progress,
                                         backend=backend, engine_kwargs=engine_kwargs, shard=shard)
    tokenizer = AutoTokenizer.from_pretrained(model)
    kept, rows = select_hard(problems, rates, min_error_rate=min_error_rate, min_trace_tokens=min_trace_tokens,
                             count_tokens=lambda text: len(tokenizer(text, add_special_tokens=False)["input_ids"]),
                             verifier_errors=verifier_errors)
    summary = {"model": str(model), "rollouts": rollouts, "min_error_rate": min_error_rate,
               "min_trace_tokens": min_trace_tokens, "problems": len(problems), "kept": len(kept),
               "verifier_errors": len(verifier_errors),  # problems left out: their gold or verifier is at fault
               "kept_by_subdomain": _count(p.subdomain for p in kept), "rows": rows}
    if rank_and_world()[0] == 0:
        (out_dir / "hard_subset_report.json").write_text(json.dumps(summary, indent=2))
    return kept, summary


def _count(values) -> dict[str, int]:
    counts: dict[str, int] = {}
    for v in values:
        counts[str(v)] = counts.get(str(v), 0) + 1
    return dict(sorted(counts.items()))
