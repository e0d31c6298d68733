r"""Test-time scaling (docs/RECIPE.md §5): choose one of K sampled answers, and Claim-Level Reliability (CLR).

Selection methods (`select`, registry `METHODS`):
- `single`: the first sample (what Pass@1 measures);
- `majority`: the largest answer cluster (metrics.majority_vote), its earliest member;
- `weighted`: the cluster with the largest total per-sample score (e.g. exp of the mean token log-prob);
- `clr`: the cluster with the largest Score(G) = Σ_{k∈G} r_k, r_k = ((1/M) Σ_m v_{k,m})^M, where the
  model lists M claims of trajectory k and gives each a yes/no verdict v_{k,m} (`assess_claims`);
- `verifier`: the first sample a domain verifier accepts (gold tests / answer), else a fallback.

Open choices are TTSConfig settings (tinylogic/config.py, docs/EVAL.md): ties, the all-zero case,
trajectories with fewer than M claims, the verifier fallback, the prompts. Model output is hostile:
unparseable extraction gives no claims (r = 0), an unparseable verdict counts as false.

The second half runs the methods inside `evaluate_model` / `evaluate_samples` (`evaluate_tts`), with
claim assessments cached in out_dir/claims-<digest>.jsonl so a re-run does not redo them.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tinylogic.config import TTSConfig
from tinylogic.data.claims import (
    CLAIM_CHECK_PROMPT,
    CLAIM_EXTRACT_PROMPT,
    parse_claim_check,
    parse_claim_extract,
)
from tinylogic.data.schema import Problem
from tinylogic.engine.base import SamplingParams
from tinylogic.eval.metrics import Equivalent, cluster_answers, majority_vote, same_answer
from tinylogic.eval.summary import vote_equivalence, vote_keys

# ------------------------------------------------------------------ reliability and selection


def reliability(verdicts: Sequence[bool | None], m: int, missing: str = "false") -> float:
    """r = ((1/M) Σ v)^M over a trajectory's claim verdicts (None, unparseable, counts as false).
    Fewer than M verdicts: `missing="false"` divides by M (absent claims are false), `"ignore"` by the
    number listed. No verdicts: 0. More than M is a caller error (`assess_claims` keeps M)."""
    if m < 1:
        raise ValueError(f"reliability: M must be >= 1, got {m}")
    if len(verdicts) > m:
        raise ValueError(f"reliability: {len(verdicts)} verdicts for M = {m}; keep at most M claims")
    if missing not in ("false", "ignore"):
        raise ValueError(f"reliability: missing must be 'false' or 'ignore', got {missing!r}")
    if not verdicts:
        return 0.0
    share = sum(1 for v in verdicts if v) / (m if missing == "false" else len(verdicts))
    return share ** m


def _clusters(answers: Sequence[str | None], equivalent: Equivalent) -> list[list[int]]:
    # Blank answers never form a cluster; when every answer is blank (code, instruct: no final answer to
    # compare) each sample is its own cluster, so weighted/CLR become best-of-n by score.
    return cluster_answers(answers, equivalent) or [[i] for i in range(len(answers))]


def _pick(answers: Sequence[str | None], weights: Sequence[float], tie_break: str,
          equivalent: Equivalent) -> int:
    """The top-weighted member of the cluster with the largest total weight (equal totals: see
    TTSConfig.tie_break; equal members: the earliest)."""
    def key(c: list[int]) -> tuple:
        total = round(sum(weights[i] for i in c), 12)  # summation order must not break a tie
        return (total, len(c)) if tie_break == "larger" else (total,)

    best = max(_clusters(answers, equivalent), key=key)  # max keeps the first (earliest) of equal keys
    return max(best, key=lambda i: (weights[i], -i))


def _checked(name: str, values: Sequence[float] | None, n: int) -> Sequence[float] | None:
    if values is not None and len(values) != n:
        raise ValueError(f"select: {n} answers but {len(values)} {name}")
    return values


def _single(answers, scores, reliabilities, correct, settings, equivalent) -> int | None:
    return 0


def _majority(answers, scores, reliabilities, correct, settings, equivalent) -> int | None:
    return majority_vote(answers, equivalent)[0]  # all blank: every index, so the first sample


def _weighted(answers, scores, reliabilities, correct, settings, equivalent) -> int | None:
    if scores is None or not all(s is not None and math.isfinite(s) for s in scores):
        return _majority(answers, scores, reliabilities, correct, settings, equivalent)  # no score: plain vote
    return _pick(answers, scores, settings.tie_break, equivalent)


def _clr(answers, scores, reliabilities, correct, settings, equivalent) -> int | None:
    if reliabilities is None:
        raise ValueError("select('clr'): needs reliabilities (assess_claims gives them)")
    if not all(r is not None and math.isfinite(r) and r >= 0 for r in reliabilities):
        raise ValueError(f"select('clr'): reliabilities must be finite and >= 0, got {list(reliabilities)}")
    scored = {i for c in _clusters(answers, equivalent) for i in c}
    if all(reliabilities[i] == 0 for i in scored):  # no cluster has any support: nothing to rank
        fallback = {"majority": _majority, "single": _single, "abstain": _abstain}[settings.all_zero]
        return fallback(answers, scores, reliabilities, correct, settings, equivalent)
    return _pick(answers, reliabilities, settings.tie_break, equivalent)


def _verifier(answers, scores, reliabilities, correct, settings, equivalent) -> int | None:
    accepted = next((i for i, ok in enumerate(correct or []) if ok is True), None)
    if accepted is not None:
        return accepted
    return METHODS[settings.verifier_fallback](answers, scores, reliabilities, correct, settings, equivalent)


def _abstain(answers, scores, reliabilities, correct, settings, equivalent) -> int | None:
    return None


METHODS: dict[str, Callable[..., int | None]] = {
    "single": _single, "majority": _majority, "weighted": _weighted, "clr": _clr, "verifier": _verifier,
    "abstain": _abstain,  # only as a fallback (TTSConfig.all_zero / verifier_fallback)
}
SELECTION_METHODS = tuple(m for m in METHODS if m != "abstain")  # the config's TTSMethod names (tested)


def select(method: str, answers: Sequence[str | None], *, scores: Sequence[float] | None = None,
           reliabilities: Sequence[float] | None = None, correct: Sequence[bool | None] | None = None,
           settings: TTSConfig | None = None, equivalent: Equivalent = same_answer) -> int | None:
    """Index of the sample `method` chooses among `answers` (the K samples' final answers, None when
    none was found), or None for no answer (empty input, or an `abstain` fallback).

    `scores`: per-sample weights for `weighted` (missing or non-finite: majority vote instead).
    `reliabilities`: r_k for `clr` (required). `correct`: per-sample verifier verdicts for `verifier`
    (None where no verifier applies). Answers cluster by `equivalent` (metrics.cluster_answers)."""
    if method not in SELECTION_METHODS:
        raise ValueError(f"unknown TTS method {method!r}; choose from {', '.join(SELECTION_METHODS)}")
    n = len(answers)
    _checked("scores", scores, n)
    _checked("reliabilities", reliabilities, n)
    _checked("verdicts", correct, n)
    if n == 0:
        return None
    return METHODS[method](answers, scores, reliabilities, correct, settings or TTSConfig(), equivalent)


# ------------------------------------------------------------------ claim assessment by the model

_PLACEHOLDER = re.compile(r"\{(trace|claim|problem)\}")


def _fill(template: str, problem: Problem | str | None, **fields: str) -> list[dict[str, str]]:
    # one regex pass, not str.format: templates may hold braces (\boxed{}), and a response that says
    # "{problem}" must stay as written
    fields["problem"] = problem.prompt if isinstance(problem, Problem) else str(problem or "")
    text = _PLACEHOLDER.sub(lambda m: fields.get(m.group(1), m.group(0)), template)
    return [{"role": "user", "content": text}]  # one user turn, as the suite's SFT records are trained


def assess_claims_batch(engine, items: Sequence[tuple[Problem | str | None, str]],
                        settings: TTSConfig | None = None, seed: int | None = 0) -> list[dict[str, Any]]:
    """`assess_claims` over (problem, response) pairs of any problems: one engine call for all
    extractions, one for all claim checks."""
    settings = settings or TTSConfig()
    if not items:
        return []
    params = SamplingParams(n=1, temperature=settings.temperature, top_p=1.0, seed=seed,
                            max_new_tokens=settings.extract_max_tokens)
    extract_tpl = settings.extract_prompt or CLAIM_EXTRACT_PROMPT
    extracted = engine.generate([_fill(extract_tpl, p, trace=r) for p, r in items], params)
    parsed = []
    for (problem, _), (sample, *_) in zip(items, extracted, strict=True):
        claims, answer = parse_claim_extract(sample.text)
        claims = [c for c in claims if c][-settings.m:]  # the last M: the decisive steps
        parsed.append((problem, sample, claims, answer or None))
    check_tpl = settings.check_prompt or CLAIM_CHECK_PROMPT
    checks = [_fill(check_tpl, p, claim=c) for p, _, claims, _ in parsed for c in claims]
    checked = iter(engine.generate(checks, params.model_copy(update={"max_new_tokens": settings.check_max_tokens}))
                   if checks else [])
    out = []
    for _, sample, claims, answer in parsed:
        verdicts = [next(checked)[0] for _ in claims]
        flags = [parse_claim_check(v.text) for v in verdicts]
        extract_tokens, check_tokens = len(sample.token_ids), sum(len(v.token_ids) for v in verdicts)
        out.append({"answer": answer, "claims": [{"text": c, "verdict": f} for c, f in zip(claims, flags, strict=True)],
                    "reliability": reliability(flags, settings.m, settings.missing_claims),
                    "tokens": extract_tokens + check_tokens, "extract_tokens": extract_tokens,
                    "check_tokens": check_tokens, "extraction": sample.text})
    return out


def assess_claims(engine, problem: Problem | str | None, responses: Sequence[str],
                  settings: TTSConfig | None = None, seed: int | None = 0) -> list[dict[str, Any]]:
    """Per response, the model's own CLR assessment: {"answer" (its `Answer:` line or None), "claims":
    [{"text", "verdict": True/False/None}], "reliability": r_k, "tokens": generated extraction + check
    tokens (also split as "extract_tokens" / "check_tokens"), "extraction": the raw extraction text}.

    Prompts: TTSConfig.extract_prompt / check_prompt, default the suite's (what the model trained on);
    `problem` fills an optional `{problem}` placeholder. Decoding: TTSConfig.temperature (greedy)."""
    return assess_claims_batch(engine, [(problem, r) for r in responses], settings, seed)


# ------------------------------------------------------------------ in the evaluation harness


def _digest(data: Any) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:16]


def claims_path(out: Path, model: str, settings: TTSConfig) -> Path:
    """The claim cache of one (model, assessment settings) pair: a change of either starts a new file."""
    key = {"model": model, **settings.model_dump(include={"m", "extract_prompt", "check_prompt", "temperature",
                                                          "extract_max_tokens", "check_max_tokens"})}
    return out / f"claims-{_digest(key)}.jsonl"


def _load_claims(path: Path) -> dict[tuple[str, int, str], dict[str, Any]]:
    cached: dict[tuple[str, int, str], dict[str, Any]] = {}
    if not path.exists():
        return cached
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            row = json.loads(line)
            cached[(row["problem_id"], row["sample_index"], row["response_sha"])] = row
        except (ValueError, KeyError, TypeError):
            print(f"warning: {path}, line {line_no}: unreadable claim row dropped (it will be redone)", file=sys.stderr)
    return cached


def _response_sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def evaluate_tts(problems: Sequence[Problem], rows: Sequence[dict[str, Any]], out: Path, methods: Sequence[str],
                 settings: TTSConfig, engine: Callable[[], Any] | None = None, model: str = "", seed: int = 0,
                 equivalent: Equivalent = same_answer, group_rows: int = 64, rank: int = 0,
                 world: int = 1) -> dict[str, Any] | None:
    """The `tts` block of summary.json: per method the chosen sample's accuracy and the tokens spent
    per problem, beside Pass@1 over the same K samples. `rows` are scored sample rows; the first
    min(K, n) per problem are used. `engine()` gives an engine for CLR claim assessment (called only
    when some assessment is not cached). Samples cluster by their own answers (`eval.summary.vote_keys`,
    compared by `vote_equivalence`), as in maj@K: the gold only scores the chosen sample.
    Several processes (`world` > 1, every one calls it): each assesses its share of the claims; the
    main process (rank 0) gathers them and returns the block, the others return None."""
    unknown = [m for m in methods if m not in SELECTION_METHODS]
    if unknown or not methods:
        raise ValueError(f"TTS methods {unknown or '(none)'}: choose from {', '.join(SELECTION_METHODS)}")
    by_problem: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_problem.setdefault(row["problem_id"], []).append(row)
    picked = [(p, sorted(by_problem[p.id], key=lambda r: r["sample_index"])[:settings.k])
              for p in problems if p.id in by_problem and (not settings.domains or p.domain in settings.domains)]
    if settings.domains and not picked:
        present = sorted({p.domain for p in problems if p.id in by_problem})
        raise ValueError(f"tts.domains {settings.domains}: no sampled problem of these domains (present: "
                         f"{', '.join(present)})")
    claims: dict[tuple[str, int], dict[str, Any]] = {}
    claim_info: dict[str, Any] = {}
    need_claims = "clr" in methods or ("verifier" in methods and settings.verifier_fallback == "clr")
    if need_claims:
        claims, claim_info = _assess_rows(picked, out, settings, engine, model, seed, group_rows, rank, world)
    if rank > 0:
        return None  # the main process writes the table

    per_problem = []
    rel_by_verdict: dict[bool, list[float]] = {True: [], False: []}  # r_k of correct / incorrect samples
    for p, mine in picked:
        answers = vote_keys(mine)
        correct = [bool(r["correct"]) for r in mine]
        scores = [r["score"] if r.get("score") is not None
                  else (math.exp(r["mean_logprob"]) if r.get("mean_logprob") is not None else None) for r in mine]
        rel = None
        if need_claims:
            rel = [reliability([c["verdict"] for c in claims[(p.id, r["sample_index"])]["claims"]], settings.m,
                               settings.missing_claims) for r in mine]
            for ok, r_k in zip(correct, rel, strict=True):
                rel_by_verdict[ok].append(r_k)
        same = vote_equivalence(p.domain, equivalent)
        chosen = {m: select(m, answers, scores=scores, reliabilities=rel, correct=correct, settings=settings,
                            equivalent=same) for m in methods}
        sample_tokens = [r.get("n_tokens") for r in mine]
        known = None not in sample_tokens
        claim_tokens = sum(claims[(p.id, r["sample_index"])]["tokens"] for r in mine) if rel is not None else 0
        tokens = {}
        for m in methods:
            spent = sample_tokens[0] if m == "single" else sum(sample_tokens) if known else None
            uses_claims = m == "clr" or (m == "verifier" and settings.verifier_fallback == "clr")
            tokens[m] = spent + claim_tokens if uses_claims and spent is not None else spent
        per_problem.append({"id": p.id, "domain": p.domain, "k": len(mine), "pass@1": sum(correct) / len(mine),
                            "mean_tokens": sum(sample_tokens) / len(mine) if known else None,
                            "chosen": chosen, "correct": {m: i is not None and correct[i] for m, i in chosen.items()},
                            "tokens": tokens, "reliabilities": rel, "all_zero": rel is not None and not any(rel)})

    def table(stats: list[dict[str, Any]]) -> dict[str, Any]:
        def mean_or_none(values: list) -> float | None:
            return None if None in values else _mean(values)

        by_method = {"pass@1": {"accuracy": _mean([s["pass@1"] for s in stats]),
                            "tokens_per_problem": mean_or_none([s["mean_tokens"] for s in stats])}}
        for m in methods:
            by_method[m] = {"accuracy": _mean([float(s["correct"][m]) for s in stats]),
                        "tokens_per_problem": mean_or_none([s["tokens"][m] for s in stats])}
        return {"problems": len(stats), "methods": by_method}

    domains = sorted({s["domain"] for s in per_problem})
    result = {"k": settings.k, "samples_used": min((s["k"] for s in per_problem), default=0),
              "settings": settings.model_dump(mode="json"), **table(per_problem),
              "by_domain": {d: table([s for s in per_problem if s["domain"] == d]) for d in domains},
              "per_problem": per_problem}
    if claim_info:
        result["claims"] = {**claim_info, "all_zero_problems": sum(s["all_zero"] for s in per_problem),
                            "mean_reliability_correct": _mean(rel_by_verdict[True]),
                            "mean_reliability_incorrect": _mean(rel_by_verdict[False])}
    return result


def _assess_rows(picked, out: Path, settings: TTSConfig, engine: Callable[[], Any] | None, model: str, seed: int,
                 group_rows: int, rank: int = 0, world: int = 1) -> tuple[dict[tuple[str, int], dict[str, Any]],
                                                                        dict[str, Any]]:
    """Claim assessments of every picked row: cached ones reused, the rest made in groups of about
    `group_rows` samples, each group appended to the cache as soon as it is done. Under several processes
    process r takes every world-th group from the r-th (the groups, and so the samples, are the same for any
    number of processes) into a part file of its own, which the main process merges into the cache."""
    path = claims_path(out, model, settings)
    parts = f"{path.stem}.part-*.jsonl"
    cached = _load_claims(path)
    for part in sorted(path.parent.glob(parts)):  # shares of an interrupted run of several processes
        cached |= _load_claims(part)
    todo, found = [], {}
    for p, mine in picked:
        for r in mine:
            key = (p.id, r["sample_index"], _response_sha(r["response"]))
            if key in cached:
                found[key[:2]] = cached[key]
            else:
                todo.append((p, r, key))
    reused = len(found)
    if todo and engine is None:
        raise ValueError("TTS method 'clr' needs a model to assess claims (give the model)")
    groups = [todo[start:start + group_rows] for start in range(0, len(todo), group_rows)]
    sink_path = path if rank == 0 else path.with_name(f"{path.stem}.part-{rank}.jsonl")
    with open(sink_path, "a", encoding="utf-8") as sink:
        for group in groups[rank::world]:
            assessed = assess_claims_batch(engine(), [(p, r["response"]) for p, r, _ in group], settings, seed)
            for (_, _, key), a in zip(group, assessed, strict=True):
                row = {"problem_id": key[0], "sample_index": key[1], "response_sha": key[2], **a}
                found[key[:2]] = row
                sink.write(json.dumps(row, ensure_ascii=False) + "\n")
            sink.flush()  # an interrupted run keeps every finished group
    if world > 1:
        from tinylogic.processes import wait_for_all

        wait_for_all()  # every share is written
        if rank > 0:
            return found, {}
        wanted = {key for _, _, key in todo}
        for part in sorted(path.parent.glob(parts)):  # merged into the cache
            rows = _load_claims(part)
            found |= {key[:2]: row for key, row in rows.items() if key in wanted}
            with open(path, "a", encoding="utf-8") as sink:
                sink.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows.values())
            part.unlink()
    verdicts = [c["verdict"] for a in found.values() for c in a["claims"]]
    info = {"cache": path.name, "assessed": len(found) - reused, "reused": reused,
            "mean_claims": _mean([len(a["claims"]) for a in found.values()]),
            "no_claims": sum(not a["claims"] for a in found.values()),
            "unparsed_verdicts": sum(v is None for v in verdicts), "verdicts": len(verdicts),
            "claim_tokens_per_problem": _mean([sum(found[(p.id, r["sample_index"])]["tokens"] for r in mine)
                                               for p, mine in picked])}
    return found, info
