"""What a problem file holds: counts by domain/subdomain/difficulty/split/source and length
statistics, as a JSON-ready dict (`summarize`) and as rich tables (`render_summary`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
from rich.console import Console
from rich.table import Table

from tinylogic.data.schema import Problem

NONE_KEY = "(none)"
COUNT_FIELDS = ("domain", "subdomain", "difficulty", "split", "source")


def length_stats(values: Sequence[int]) -> dict[str, float] | None:
    """min / mean / median / p90 / max of `values`; None when there are none."""
    if not values:
        return None
    a = np.asarray(values, dtype=float)
    return {
        "min": float(a.min()),
        "mean": float(a.mean()),
        "median": float(np.median(a)),
        "p90": float(np.percentile(a, 90)),
        "max": float(a.max()),
    }


def _counts(problems: Sequence[Problem], field: str) -> dict[str, int]:
    # Keys as strings (difficulty may be int or str) so the summary is JSON-ready; most common first.
    values = (getattr(p, field) for p in problems)
    counts = Counter(NONE_KEY if v is None else str(v) for v in values)
    return dict(counts.most_common())


def summarize(problems: Sequence[Problem]) -> dict:
    """Counts by domain, subdomain, difficulty, split and source; prompt length statistics (chars);
    and, when any problem has traces, trace length statistics (chars), traces per problem (over the
    problems that have traces) and the number of flawed traces."""
    traces = [t for p in problems for t in p.traces]
    summary: dict = {
        "problems": len(problems),
        **{f"by_{field}": _counts(problems, field) for field in COUNT_FIELDS},
        "prompt_chars": length_stats([len(p.prompt) for p in problems]),
        "traces": None,
    }
    if traces:
        summary["traces"] = {
            "total": len(traces),
            "problems_with_traces": sum(1 for p in problems if p.traces),
            "flawed": sum(t.flawed for t in traces),
            "per_problem": length_stats([len(p.traces) for p in problems if p.traces]),
            "chars": length_stats([len(t.text) for t in traces]),
        }
    return summary


def _counts_table(title: str, counts: dict[str, int], total: int) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(title.removeprefix("by "))
    table.add_column("count", justify="right")
    table.add_column("share", justify="right")
    for key, count in counts.items():
        table.add_row(key, str(count), f"{count / total:.1%}" if total else "-")
    return table


def _stats_table(title: str, rows: dict[str, dict[str, float] | None]) -> Table:
    columns = ("min", "mean", "median", "p90", "max")
    table = Table(title=title, title_justify="left")
    table.add_column("")
    for c in columns:
        table.add_column(c, justify="right")
    for name, stats in rows.items():
        if stats is not None:
            table.add_row(name, *(f"{stats[c]:,.1f}" if c == "mean" else f"{stats[c]:,.0f}" for c in columns))
    return table


def render_summary(summary: dict, console: Console) -> None:
    """Print `summarize`'s result as rich tables."""
    total = summary["problems"]
    console.print(f"[bold]{total}[/bold] problems")
    for field in COUNT_FIELDS:
        counts = summary[f"by_{field}"]
        if counts and set(counts) != {NONE_KEY}:  # skip fields nobody set
            console.print(_counts_table(f"by {field}", counts, total))
    lengths = {"prompt chars": summary["prompt_chars"]}
    traces = summary["traces"]
    if traces:
        lengths |= {"trace chars": traces["chars"], "traces per problem": traces["per_problem"]}
    console.print(_stats_table("lengths", lengths))
    if traces:
        console.print(
            f"{traces['total']} traces on {traces['problems_with_traces']} problems, {traces['flawed']} flawed"
        )
