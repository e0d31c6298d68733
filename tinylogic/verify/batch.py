"""Verify many (problem, response) pairs at once, and grade a JSONL file of responses.

`verify_batch` keeps input order. Math goes to the persistent math process pool (each item under its
own hard deadline, see tinylogic/verify/math.py); the other domains run on a thread pool through
`tinylogic.verify.base.verify` (code spawns its own sandbox subprocess, choice/instruct are cheap).
One item's failure or timeout never touches the others' verdicts.

Grader rows (`verify_file`): one JSON object per line with `id`, `domain`, `response` and the domain's
gold fields (`Domain.gold_fields`): `answer` (math; choice with `choices`), `tests` (code, a schema.py test
style), `instructions` (instruct). A malformed line becomes an error row naming the line (1-based) and the
field.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from tinylogic.data.schema import Problem, Verdict, cancelled
from tinylogic.domains import known, registry
from tinylogic.verify.base import verify
from tinylogic.verify.math import DEFAULT_TIMEOUT, get_pool, verify_math_many


class RowError(ValueError):
    """A grader row that cannot become a Problem; the message names the line and the field."""


def verify_batch(
    items: Sequence[tuple[Problem, str]],
    workers: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    progress: bool = False,
    cancel: threading.Event | None = None,
) -> list[Verdict]:
    """Verdicts in input order. `workers`: math processes and threads for the rest (default: CPUs).
    `timeout` is the per-item hard limit of a math check (other domains use their verifier's own).
    `cancel`: once set, items not started yet are skipped (error verdicts saying so); at most `workers`
    running checks finish, each within its own limit (a server's timed-out request sets it)."""
    workers = workers or os.cpu_count() or 1
    verdicts: list[Verdict | None] = [None] * len(items)
    math_index = [i for i, (p, _) in enumerate(items) if p.domain == "math"]
    other_index = [i for i, (p, _) in enumerate(items) if p.domain != "math"]
    # Fork the math workers and import every verifier (every domain) before any thread starts: a fork while
    # another thread holds the import lock could leave a worker stuck (the deadline would still kill it).
    registry()
    if math_index:
        get_pool(workers).start()
    bar = Progress(transient=True) if progress and items else None
    with bar or nullcontext():
        task = bar.add_task("verifying", total=len(items)) if bar else None

        def tick() -> None:
            if bar is not None:
                bar.advance(task)

        def run_other(i: int) -> None:
            problem, response = items[i]
            if cancel is not None and cancel.is_set():
                verdicts[i] = cancelled()
            else:
                verdicts[i] = verify(problem, response)
            tick()

        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(run_other, i) for i in other_index]
            if math_index:
                def math_done(k: int, verdict: Verdict) -> None:
                    verdicts[math_index[k]] = verdict
                    tick()

                verify_math_many([items[i] for i in math_index], workers=workers, timeout=timeout,
                                 on_done=math_done, cancel=cancel)
            for i, future in zip(other_index, futures, strict=True):
                if future.exception() is not None:  # base.verify already catches; this is the last guard
                    verdicts[i] = Verdict(correct=False, reward=0.0, error=True,
                                          detail=f"verifier crashed: {future.exception()!r}")
    assert all(v is not None for v in verdicts)
    return verdicts  # type: ignore[return-value]


# ---------------------------------------------------------------- grader files

def parse_row(line_no: int, row: dict[str, Any]) -> Problem:
    """A grader row as a `Problem` (the `response` is checked here, read from the row by the caller).
    Raises RowError("line N: field 'x': ...")."""
    def fail(field: str, why: str) -> RowError:
        return RowError(f"line {line_no}: field {field!r}: {why}")

    if not isinstance(row, dict):
        raise RowError(f"line {line_no}: expected a JSON object, got {type(row).__name__}")
    for field, kind in {"id": (str, int), "domain": str, "response": str}.items():
        if field not in row:
            raise fail(field, "missing")
        if not isinstance(row[field], kind) or isinstance(row[field], bool):
            raise fail(field, f"wrong type {type(row[field]).__name__}")
    domain = row["domain"]
    if domain not in registry():
        raise fail("domain", f"unknown domain {domain!r} (known: {known()})")
    gold: dict[str, Any] = {}
    for field, kind in registry()[domain].gold_fields.items():
        if row.get(field) is None:
            raise fail(field, f"missing (needed for domain {domain!r})")
        if not isinstance(row[field], kind) or isinstance(row[field], bool):
            raise fail(field, f"wrong type {type(row[field]).__name__}")
        gold[field] = str(row[field]) if field == "answer" else row[field]
    try:
        return Problem(id=str(row["id"]), domain=domain, prompt=str(row.get("prompt") or ""), **gold)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise fail(field, first["msg"]) from None


def _read_rows(path: Path) -> list[tuple[int, Problem | None, str, str]]:
    """(line number, problem or None, response, error detail) per line."""
    rows = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        try:
            row = json.loads(line)
        except ValueError as exc:
            rows.append((line_no, None, "", f"line {line_no}: not valid JSON ({exc.msg} at column {exc.colno})"))
            continue
        try:
            rows.append((line_no, parse_row(line_no, row), row["response"], ""))
        except RowError as exc:
            rows.append((line_no, None, "", str(exc)))
    return rows


def verify_file(
    input_path: str | Path,
    output_path: str | Path,
    workers: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    progress: bool = False,
    cancel: threading.Event | None = None,
) -> dict[str, Any]:
    """Grade a JSONL file of responses; write one result row per input line (same order); return a summary.
    `cancel`: as verify_batch's."""
    start = time.perf_counter()
    rows = _read_rows(Path(input_path))
    valid = [(p, r) for _, p, r, _ in rows if p is not None]
    verdicts = iter(verify_batch(valid, workers=workers, timeout=timeout, progress=progress, cancel=cancel))
    summary: dict[str, Any] = {"rows": len(rows), "correct": 0, "timeouts": 0, "errors": 0, "malformed": 0,
                               "by_domain": {}}
    out_rows = []
    for _, problem, _, error in rows:
        if problem is None:
            summary["malformed"] += 1
            summary["errors"] += 1
            out_rows.append({"id": None, "correct": False, "reward": 0.0, "detail": error, "seconds": 0.0,
                             "error": True})
            continue
        verdict = next(verdicts)
        out = {"id": problem.id, "correct": verdict.correct, "reward": verdict.reward,
               "detail": verdict.detail, "seconds": round(verdict.seconds, 4)}
        out.update({flag: True for flag in ("timeout", "error") if getattr(verdict, flag)})
        out_rows.append(out)
        stats = summary["by_domain"].setdefault(problem.domain, {"rows": 0, "correct": 0, "timeouts": 0,
                                                                 "errors": 0})
        for counts in (summary, stats):
            counts["correct"] += verdict.correct
            counts["timeouts"] += verdict.timeout
            counts["errors"] += verdict.error
        stats["rows"] += 1
    for stats in summary["by_domain"].values():
        stats["accuracy"] = stats["correct"] / stats["rows"]
    summary["accuracy"] = summary["correct"] / len(rows) if rows else 0.0
    summary["seconds"] = round(time.perf_counter() - start, 3)
    try:
        Path(output_path).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out_rows),
                                     encoding="utf-8")
    except OSError as exc:  # a full disk's error carries no file name: name the output, not the input
        raise OSError(exc.errno, exc.strerror, str(output_path)) from None
    return summary


def render_summary(summary: dict[str, Any], console: Console | None = None) -> None:
    """Per-domain table plus totals (the CLI prints it on stderr)."""
    console = console or Console(stderr=True)
    table = Table(title="verification summary")
    for column in ("domain", "rows", "correct", "accuracy", "timeouts", "errors"):
        table.add_column(column, justify="left" if column == "domain" else "right")
    for domain, s in sorted(summary["by_domain"].items()):
        table.add_row(domain, str(s["rows"]), str(s["correct"]), f"{s['accuracy']:.1%}", str(s["timeouts"]),
                      str(s["errors"]))
    table.add_row("all", str(summary["rows"]), str(summary["correct"]), f"{summary['accuracy']:.1%}",
                  str(summary["timeouts"]), str(summary["errors"]), style="bold")
    console.print(table)
    if summary["malformed"]:
        console.print(f"[yellow]{summary['malformed']} malformed row(s) reported as errors[/yellow]")

