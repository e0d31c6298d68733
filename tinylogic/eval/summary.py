"""Scoring scored sample rows: the answer a vote clusters on per domain, and the summary of a run (pass@k
overall and per domain / subdomain / difficulty, the reasoning-vs-knowledge table, instruction-following
rates). No model and no I/O: the harness writes what `summarise` returns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from tinylogic.data.schema import Problem
from tinylogic.domains import registry
from tinylogic.eval.metrics import (
    Equivalent,
    aggregate,
    group_by,
    pass_at_k_curve,
    problem_stats,
    same_answer,
)


def answer_reader(domain: str) -> Callable[[Problem, str], str | None] | None:
    """How the final answer a vote clusters on is read from a response of `domain` (`Domain.vote_key`): None
    for domains without one (code, instruct: no maj@n) and for unregistered ones."""
    found = registry().get(domain)
    return found.vote_key if found else None


def vote_keys(rows: Sequence[dict[str, Any]]) -> list[str | None]:
    # The samples' own extracted answers, never their verdicts: a vote must not know the gold. Code and
    # instruct rows carry no final answer (no stdout either), so they do not vote.
    return [r.get("pred") if answer_reader(r["domain"]) else None for r in rows]


def vote_equivalence(domain: str, equivalent: Equivalent = same_answer) -> Equivalent:
    """How a vote compares two answers of `domain`: `equivalent` (cheap string check), and when it says no,
    the domain's own `same_answer` if it has one (math: math-verify between the two answers, the cluster's
    first member as the reference, under the verifier's hard timeout, so `1/2`, `0.5` and `\\frac{1}{2}`
    are one cluster)."""
    found = registry().get(domain)
    slower = found.same_answer if found else None
    if slower is None:
        return equivalent
    return lambda a, b: equivalent(a, b) or slower(a, b)


# ------------------------------------------------------------------ scoring and files

def summarise(problems: Sequence[Problem], rows: Sequence[dict[str, Any]], ks: Sequence[int] | None,
              equivalent: Equivalent = same_answer) -> dict[str, Any]:
    """Metrics of scored sample rows: overall, per domain / subdomain / difficulty, the pass@k curve,
    counts, the reasoning-vs-knowledge table and per-problem records."""
    by_problem: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_problem.setdefault(row["problem_id"], []).append(row)
    stats = []
    for p in problems:
        mine = sorted(by_problem.get(p.id, []), key=lambda r: r["sample_index"])
        if not mine:
            continue
        scores = [r["score"] for r in mine] if all(r.get("score") is not None for r in mine) else None
        chance = 1 / len(p.choices) if p.choices else None
        stats.append(problem_stats(p.id, [r["correct"] for r in mine], vote_keys(mine), scores,
                                   vote_equivalence(p.domain, equivalent),
                                   domain=p.domain, subdomain=p.subdomain, difficulty=p.difficulty,
                                   chance=chance, passages=len(p.meta.get("passages") or [])))
    if not stats:
        raise ValueError("no scored samples to summarise")
    smallest = min(s["n"] for s in stats)
    ks = sorted(set(ks or (1, smallest)))
    if ks[-1] > smallest:
        raise ValueError(f"pass@{ks[-1]} needs {ks[-1]} samples per problem; the smallest count here is {smallest}")
    return {
        "overall": aggregate(stats, ks),
        "by_domain": group_by(stats, "domain", ks),
        "by_subdomain": group_by(stats, "subdomain", ks),
        "by_difficulty": group_by(stats, "difficulty", ks),
        "pass_at_k_curve": {"all": pass_at_k_curve(stats),
                            **{d: pass_at_k_curve([s for s in stats if s["domain"] == d])
                               for d in sorted({s["domain"] for s in stats})}},
        "reasoning_vs_knowledge": reasoning_vs_knowledge(stats),
        "instruction_following": instruction_following(rows),
        "counts": {
            "problems": len(stats), "samples": sum(s["n"] for s in stats),
            "correct": sum(s["c"] for s in stats),
            "verifier_errors": sum(bool(r.get("error")) for r in rows),
            "timeouts": sum(bool(r.get("timeout")) for r in rows),
            "truncated": sum(r.get("finish_reason") == "length" for r in rows),
            "no_answer": sum(r.get("pred") is None for r in rows if answer_reader(r["domain"])),
        },
        "ks": ks,
        "per_problem": stats,
    }


def reasoning_vs_knowledge(stats: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """Accuracy (avg@n, i.e. Pass@1) on verifiable reasoning (each of math, code, and both) beside
    multiple-choice knowledge: asked closed-book, asked with retrieved passages (when the run has them),
    and all, each with its chance level (mean of 1/number of options). Rows without problems are left
    out; None when the run has no knowledge problems or nothing else to compare them with."""
    kinds = {d.name: d.kind for d in registry().values()}  # `Domain.kind`: reasoning, knowledge or neither
    reasoning = [d for d, kind in kinds.items() if kind == "reasoning"]
    knowledge = [s for s in stats if kinds.get(s["domain"]) == "knowledge"]
    closed = [s for s in knowledge if not s.get("passages")]
    rows = {**{d: [s for s in stats if s["domain"] == d] for d in reasoning},
            "reasoning": [s for s in stats if s["domain"] in reasoning],
            "knowledge closed-book": closed, "knowledge with retrieval": [s for s in knowledge if s.get("passages")],
            "knowledge": knowledge}
    if not knowledge or not (rows["reasoning"] or 0 < len(closed) < len(knowledge)):
        return None
    table = {}
    for name, group in rows.items():
        if not group:
            continue
        chances = [s["chance"] for s in group if s.get("chance") is not None]
        table[name] = {"domains": sorted({s["domain"] for s in group}), "problems": len(group),
                       "samples": sum(s["n"] for s in group),
                       "accuracy": sum(s["c"] / s["n"] for s in group) / len(group),
                       "chance": sum(chances) / len(chances) if chances else None}
    return table


def instruction_following(rows: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """Rule-pass rates of the `instruct` samples: `all_rules` (share of samples passing every rule, the
    verifier's `correct`), `rules` (mean share of a sample's rules passed, its `reward`) and `by_rule`
    (share of samples passing each kind of rule, rechecked on the response). None without instruct rows."""
    from tinylogic.verify.instruct import RULES

    mine = [r for r in rows if r["domain"] == "instruct" and not r.get("error")]
    if not mine:
        return None
    by_rule: dict[str, list[bool]] = {}
    for r in mine:
        for spec in r.get("instructions") or []:
            try:
                passed = bool(RULES[spec["rule"]](r["response"], spec))
            except Exception:  # noqa: BLE001 -- a malformed rule counts as failed here; the verdict names it
                passed = False
            by_rule.setdefault(str(spec.get("rule")), []).append(passed)
    return {"problems": len({r["problem_id"] for r in mine}), "samples": len(mine),
            "all_rules": sum(bool(r["correct"]) for r in mine) / len(mine),
            "rules": sum(float(r["reward"]) for r in mine) / len(mine),
            "by_rule": {name: sum(v) / len(v) for name, v in sorted(by_rule.items())}}
