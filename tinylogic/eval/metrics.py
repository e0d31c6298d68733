"""Evaluation metrics as the field defines them: small pure functions, no I/O.

Per problem, n samples with binary correctness (c of them correct):
- pass@k: unbiased estimator 1 - C(n-c, k) / C(n, k) (Chen et al. 2021, "Codex"), product form;
- avg@n: mean correctness over the n samples (= pass@1 when every problem has n samples);
- maj@n: the answer chosen by majority vote over equivalence clusters is correct;
- weighted vote: the cluster with the largest total score wins (e.g. CLR reliabilities);
- best-of-n: verifier selection. Without scores it is "any sample passes" (with gold tests this
  is exactly pass@n); with scores, the top-scored sample's correctness.

Vote tie rule (documented in docs/EVAL.md): among clusters with the same vote, the cluster whose
first member appears earliest in the sample order wins. Weighted vote breaks equal totals by the
larger cluster, then by the earliest first member. None / blank answers never win unless every
answer is None or blank (then the chosen cluster is all samples, and it counts as incorrect).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any

Equivalent = Callable[[str, str], bool]


# ------------------------------------------------------------------ per-problem estimators

def pass_at_k(n: int, c: int, k: int) -> float:
    """Unbiased pass@k for n samples of which c are correct: 1 - C(n-c, k)/C(n, k), computed as
    1 - prod_{i=n-c+1..n} (1 - k/i), which never forms the (huge) binomials."""
    if not 0 <= c <= n:
        raise ValueError(f"pass_at_k: need 0 <= c <= n, got n={n}, c={c}")
    if not 1 <= k <= n:
        raise ValueError(f"pass_at_k: need 1 <= k <= n, got n={n}, k={k} (draw at least k samples)")
    if n - c < k:  # every k-subset holds a correct sample
        return 1.0
    return 1.0 - math.prod(1.0 - k / i for i in range(n - c + 1, n + 1))


def avg_at_n(correct_flags: Sequence[bool]) -> float:
    """Mean Pass@1 over the n samples of one problem."""
    if not correct_flags:
        raise ValueError("avg_at_n: no samples")
    return sum(bool(f) for f in correct_flags) / len(correct_flags)


# ------------------------------------------------------------------ voting

_SPACES = re.compile(r"\s+")
# LaTeX spellings that do not change an answer's value.
_NOISE = ("\\left", "\\right", "\\!", "\\,", "\\;", "\\displaystyle", "$")


def normalise_answer(answer: str) -> str:
    """A cheap canonical form for string equality: no whitespace, no sizing/spacing macros, `\\dfrac`
    read as `\\frac`, no trailing period, lower case."""
    text = answer.strip()
    for token in _NOISE:
        text = text.replace(token, "")
    text = text.replace("\\dfrac", "\\frac").replace("\\tfrac", "\\frac")
    return _SPACES.sub("", text).rstrip(".").lower()


def same_answer(a: str, b: str) -> bool:
    """The default equivalence: normalised string equality."""
    return normalise_answer(a) == normalise_answer(b)


def _blank(answer: str | None) -> bool:
    return answer is None or not str(answer).strip()


def cluster_answers(answers: Sequence[str | None], equivalent: Equivalent = same_answer) -> list[list[int]]:
    """Sample indices grouped by equivalent answers, clusters in order of their first member; an
    answer joins the first cluster whose first member it is equivalent to. Blank answers are left out."""
    clusters: list[list[int]] = []
    for i, answer in enumerate(answers):
        if _blank(answer):
            continue
        home = next((c for c in clusters if equivalent(answers[c[0]], answer)), None)  # type: ignore[arg-type]
        if home is None:
            clusters.append([i])
        else:
            home.append(i)
    return clusters


def majority_vote(answers: Sequence[str | None], equivalent: Equivalent = same_answer) -> list[int]:
    """Indices of the winning cluster: the most members; ties go to the cluster whose first member
    appears earliest. If every answer is blank, all indices (a cluster of non-answers)."""
    clusters = cluster_answers(answers, equivalent)
    if not clusters:
        return list(range(len(answers)))
    # max() keeps the first of equal keys, and clusters are in first-appearance order
    return max(clusters, key=len)


def weighted_vote(answers: Sequence[str | None], scores: Sequence[float],
                  equivalent: Equivalent = same_answer) -> list[int]:
    """Indices of the cluster with the largest total score; equal totals go to the larger cluster,
    then to the earliest first member. If every answer is blank, all indices."""
    if len(scores) != len(answers):
        raise ValueError(f"weighted_vote: {len(answers)} answers but {len(scores)} scores")
    clusters = cluster_answers(answers, equivalent)
    if not clusters:
        return list(range(len(answers)))
    return max(clusters, key=lambda c: (sum(scores[i] for i in c), len(c)))


def vote_correct(chosen: Sequence[int], answers: Sequence[str | None], correct: Sequence[bool]) -> bool:
    """Whether a vote's chosen cluster is correct: its first member's verdict, the answer the vote
    returns (members are equivalent; should the verifier still split them, e.g. one timed out, that
    answer's verdict counts); a cluster of blank answers is never correct."""
    return bool(chosen) and not _blank(answers[chosen[0]]) and bool(correct[chosen[0]])


def best_of_n(correct: Sequence[bool], scores: Sequence[float] | None = None) -> bool:
    """Verifier best-of-n. No scores: correct if any sample passes (with gold tests as the verifier
    this equals pass@n). With scores: the correctness of the top-scored sample (ties: earliest)."""
    if not correct:
        raise ValueError("best_of_n: no samples")
    if scores is None:
        return any(correct)
    if len(scores) != len(correct):
        raise ValueError(f"best_of_n: {len(correct)} verdicts but {len(scores)} scores")
    top = max(range(len(scores)), key=lambda i: (scores[i], -i))
    return bool(correct[top])


# ------------------------------------------------------------------ aggregation

def problem_stats(problem_id: str, correct: Sequence[bool], answers: Sequence[str | None] | None = None,
                  scores: Sequence[float] | None = None, equivalent: Equivalent = same_answer,
                  **labels: Any) -> dict[str, Any]:
    """One problem's record: n, c, maj (None when there are no answers to vote on), weighted vote
    and best-of-n by score (None without scores), plus `labels` (domain, subdomain, difficulty, ...)."""
    flags = [bool(f) for f in correct]
    has_answers = answers is not None and any(not _blank(a) for a in answers)
    maj = vote_correct(majority_vote(answers, equivalent), answers, flags) if has_answers else None
    weighted = best_scored = None
    if scores is not None:
        best_scored = best_of_n(flags, scores)
        if has_answers:
            weighted = vote_correct(weighted_vote(answers, scores, equivalent), answers, flags)
    return {"id": problem_id, **labels, "n": len(flags), "c": sum(flags), "maj": maj,
            "weighted": weighted, "best_scored": best_scored}


def _mean(values: Iterable[float]) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None


def aggregate(stats: Sequence[dict[str, Any]], ks: Sequence[int]) -> dict[str, Any]:
    """Problem-averaged metrics over `stats` (records from `problem_stats`). Keys use the smallest
    n: `pass@k` for each k, `avg@n`, `maj@n` (over problems with answers), `best@n` (any sample
    correct), `weighted@n` / `best_scored@n` when scores were given."""
    if not stats:
        return {"problems": 0, "samples": 0}
    n = min(s["n"] for s in stats)
    out: dict[str, Any] = {"problems": len(stats), "samples": sum(s["n"] for s in stats)}
    for k in ks:
        if k > n:
            short = next(s["id"] for s in stats if s["n"] < k)
            raise ValueError(f"pass@{k} needs at least {k} samples per problem; problem {short!r} has fewer")
        out[f"pass@{k}"] = _mean(pass_at_k(s["n"], s["c"], k) for s in stats)
    out[f"avg@{n}"] = _mean(s["c"] / s["n"] for s in stats)
    out[f"best@{n}"] = _mean(float(s["c"] > 0) for s in stats)
    for key in ("maj", "weighted", "best_scored"):
        values = [float(s[key]) for s in stats if s.get(key) is not None]
        if values:
            out[f"{key}@{n}"] = _mean(values)
    return out


def group_by(stats: Sequence[dict[str, Any]], label: str, ks: Sequence[int]) -> dict[str, dict[str, Any]]:
    """`aggregate` per value of `label` (e.g. "domain", "subdomain", "difficulty"); problems without
    the label are left out. Group names are strings, sorted."""
    groups: dict[Hashable, list[dict[str, Any]]] = {}
    for s in stats:
        if s.get(label) is not None:
            groups.setdefault(str(s[label]), []).append(s)
    return {name: aggregate(rows, [k for k in ks if k <= min(r["n"] for r in rows)])
            for name, rows in sorted(groups.items())}


def mean_and_se(values: Sequence[float]) -> tuple[float, float | None]:
    """The mean and its standard error (sample standard deviation / sqrt(m)); SE None for fewer than 2 values."""
    if not values:
        raise ValueError("mean_and_se: no values")
    mean = sum(values) / len(values)
    if len(values) < 2:
        return mean, None
    variance = sum((v - mean) ** 2 for v in values) / (len(values) - 1)
    return mean, math.sqrt(variance / len(values))


def per_problem_pass1(stats: Iterable[dict[str, Any]], domain: str | None = None) -> dict[str, float]:
    """Problem id -> Pass@1 (c / n) from a summary's `per_problem` stats, optionally one domain's: the input
    `paired_change` compares."""
    return {s["id"]: s["c"] / s["n"] for s in stats if domain in (None, s["domain"])}


def paired_change(before: dict[str, float], after: dict[str, float]) -> dict[str, Any] | None:
    """after - before, paired over the problems both have (problem id -> Pass@1): the mean difference, its
    standard error, the number of problems and the difference in standard errors (`z`); None without common
    problems. The pairing removes the problems' own difficulty from the error, so it is far smaller than two
    independent SEs."""
    common = [pid for pid in before if pid in after]
    if not common:
        return None
    mean, se = mean_and_se([after[pid] - before[pid] for pid in common])
    return {"change": mean, "se": se, "problems": len(common),
            "z": mean / se if se else (0.0 if mean == 0 else math.copysign(math.inf, mean))}


def pass_at_k_curve(stats: Sequence[dict[str, Any]]) -> list[tuple[int, float]]:
    """(k, mean pass@k) for k = 1 .. the smallest n (the report's curve)."""
    if not stats:
        return []
    n = min(s["n"] for s in stats)
    return [(k, _mean(pass_at_k(s["n"], s["c"], k) for s in stats)) for k in range(1, n + 1)]
