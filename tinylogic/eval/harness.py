"""The evaluation harness: sample a model on a benchmark, verify every sample, score, report.

Two entry points (the CLI `tinylogic eval` wraps them):
- `evaluate_model(model_dir, problems, out_dir, ...)`: generate n samples per problem with an engine,
  verify them, write samples.jsonl / summary.json / report.html. Resumable (see docs/EVAL.md).
- `evaluate_samples(samples_path, out_dir, ...)`: score responses made elsewhere, no model loaded.
Both take `tts=[methods]` to add test-time scaling (majority, weighted, CLR, verifier; tinylogic/eval/tts.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from rich.progress import Progress

from tinylogic.data.loaders import load_problems
from tinylogic.data.prompts import build_prompt
from tinylogic.data.schema import Problem
from tinylogic.eval.metrics import Equivalent, same_answer
from tinylogic.eval.summary import answer_reader, summarise
from tinylogic.processes import rank_and_world, wait_for_all

# ------------------------------------------------------------------ benchmarks

# Built-in bench names -> files in the shared benchmarks folder.
BENCHMARKS = {
    "aime24": "aime24.parquet",
    "aime25": "aime25.parquet",
    "hmmt25": "hmmt25.parquet",
    "gsm8k": "gsm8k_test.jsonl",
    "minerva": "minerva_math_test.jsonl",
    "amc23": "amc23_test.jsonl",
    "olympiadbench": "olympiadbench_test.jsonl",
    "humaneval": "humaneval.jsonl.gz",
}
SUITE_BENCH = "suite-heldout"
SUITE_SIZE = 400  # problems synthesised for `suite-heldout`; its held-out split is kept


def benchmarks_dir() -> Path:
    """$TINYLOGIC_BENCHMARKS, else ../shared/data/benchmarks beside the project root."""
    env = os.environ.get("TINYLOGIC_BENCHMARKS")
    return Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared" / "data" / "benchmarks"


def load_bench(name: str | Path, limit: int | None = None, seed: int = 0) -> list[Problem]:
    """Problems of a built-in bench name (`BENCHMARKS`, or `suite-heldout` synthesised with `seed`),
    else of a file/folder path given to `load_problems`. `limit` keeps the first problems."""
    if name == SUITE_BENCH:
        from tinylogic.data.suite import synthesize

        problems = [p for p in synthesize(SUITE_SIZE, seed) if p.split == "heldout"]
    elif name in BENCHMARKS:
        path = benchmarks_dir() / BENCHMARKS[str(name)]
        if not path.is_file():
            raise FileNotFoundError(f"bench {name!r}: {path} not found (set TINYLOGIC_BENCHMARKS to the folder)")
        problems = load_problems(path)
    else:
        if not Path(name).exists():
            known = ", ".join([*BENCHMARKS, SUITE_BENCH])
            raise FileNotFoundError(f"bench {name!r} is neither a built-in name ({known}) nor an existing path")
        problems = load_problems(name)
    return problems[:limit] if limit is not None else problems


# ------------------------------------------------------------------ passages

PASSAGE_MODES = ("given", "closed-book", "retrieval", "compare")
RETRIEVAL_SUFFIX = "@retrieval"  # id of a question's with-passages copy in a `compare` run


def ask_with_passages(problems: Sequence[Problem], mode: str = "given", index: str | Path | None = None,
                      k: int = 5, domains: Sequence[str] = ("choice",)) -> list[Problem]:
    """How questions are asked: `given` leaves the problems as they are (a file from `tinylogic index attach`
    keeps its passages); `closed-book` drops every passage; `retrieval` replaces the passages of the
    problems of `domains` with the top-k of `index`; `compare` asks those problems both ways: closed-book,
    plus a with-passages copy whose id ends in `@retrieval` (one run, one report for both)."""
    if mode not in PASSAGE_MODES:
        raise ValueError(f"passages mode {mode!r}: choose from {', '.join(PASSAGE_MODES)}")
    if mode == "given":
        return list(problems)
    closed = [p.model_copy(update={"meta": {k_: v for k_, v in p.meta.items() if k_ != "passages"}})
              if "passages" in p.meta else p for p in problems]
    if mode == "closed-book":
        return closed
    if index is None:
        raise ValueError(f"passages mode {mode!r} needs an index (--index or retrieval.index)")
    from tinylogic.retrieval import attach_passages, load_index

    asked = [p for p in closed if p.domain in domains]
    found = attach_passages(asked, load_index(index), k, domains=None)
    if mode == "retrieval":
        by_id = {p.id: p for p in found}
        return [by_id.get(p.id, p) for p in closed]
    return closed + [p.model_copy(update={"id": p.id + RETRIEVAL_SUFFIX}) for p in found]


# ------------------------------------------------------------------ prompts and answers

def _write_json(path: Path, data: Any) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def _write_rows(path: Path, rows: Sequence[dict[str, Any]]) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    os.replace(tmp, path)


def _sample_row(problem: Problem, index: int, response: str, verdict: Any, **extra: Any) -> dict[str, Any]:
    extract = answer_reader(problem.domain)
    return {"problem_id": problem.id, "sample_index": index, "domain": problem.domain,
            "subdomain": problem.subdomain, "difficulty": problem.difficulty, "response": response,
            **extra, "correct": verdict.correct, "reward": verdict.reward, "detail": verdict.detail,
            "timeout": verdict.timeout, "error": verdict.error,
            "pred": extract(problem, response) if extract else None,
            # which passages the prompt carried (absent: asked without passages)
            **({"passage_ids": [q.get("id") for q in problem.meta["passages"]]} if problem.meta.get("passages") else {}),
            # the gold in the grader's fields, so a samples file can be re-scored with `eval --samples`
            **problem.model_dump(mode="json", include={"answer", "tests", "choices", "instructions"},
                                 exclude_none=True)}


def _finish(out: Path, problems: Sequence[Problem], rows: list[dict[str, Any]], ks: Sequence[int] | None,
            equivalent: Equivalent, extra: dict[str, Any], start: float) -> dict[str, Any]:
    from tinylogic.eval.report import write_report

    order = {p.id: i for i, p in enumerate(problems)}
    rows.sort(key=lambda r: (order[r["problem_id"]], r["sample_index"]))
    _write_rows(out / "samples.jsonl", rows)
    summary = {**extra, **summarise(problems, rows, ks, equivalent)}
    summary["wall_seconds"] = round(time.perf_counter() - start, 3)
    _write_json(out / "summary.json", summary)
    write_report(out / "report.html", summary, rows)
    return summary


# ------------------------------------------------------------------ evaluate a model

ENGINE_ROWS = 64  # samples per engine call: problems are grouped so that one call decodes ~this many
VLLM_CALL_ROWS = 2048  # vLLM batches continuously: one call of many samples keeps it full


def rows_per_call(backend: str, engine_kwargs: dict[str, Any] | None) -> int:
    """Samples per engine call (each call's samples are written before the next starts, so a call is also
    what an interruption can lose): hf decodes `batch_size` rows at a time, so a bigger call would only
    delay the write; vLLM schedules requests continuously and gets many at once."""
    if backend == "hf":
        return (engine_kwargs or {}).get("batch_size", ENGINE_ROWS)
    return VLLM_CALL_ROWS


def _problems_digest(problems: Sequence[Problem]) -> str:
    """Identity of a benchmark as the model sees it: ids, prompts (templates included) and golds."""
    h = hashlib.sha256()
    for p in problems:
        h.update(json.dumps([p.id, build_prompt(p), p.answer, p.tests and p.tests.model_dump(mode="json"),
                             p.choices, p.instructions], sort_keys=True, default=str).encode())
    return h.hexdigest()[:16]


def _call_seed(seed: int, call_index: int) -> int:
    # One seed per fixed group of problems, so a resumed run regenerates exactly what a full run would.
    return int(np.random.SeedSequence([seed, call_index]).generate_state(1, np.uint64)[0] >> 1)


def _load_scored(path: Path, expected: set[tuple[str, int]]) -> dict[tuple[str, int], dict[str, Any]]:
    """Scored rows of an earlier run, keyed (problem_id, sample_index); a torn last line is dropped."""
    kept: dict[tuple[str, int], dict[str, Any]] = {}
    if not path.exists():
        return kept
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            row = json.loads(line)
            key = (row["problem_id"], row["sample_index"])
        except (ValueError, KeyError, TypeError):
            print(f"warning: {path}, line {line_no}: unreadable sample row dropped (it will be regenerated)",
                  file=sys.stderr)
            continue
        if key in expected and isinstance(row.get("correct"), bool):
            kept[key] = row
    return kept


def _load_all_scored(out: Path, expected: set[tuple[str, int]]) -> dict[tuple[str, int], dict[str, Any]]:
    """The scored rows of samples.jsonl and of the parts that processes > 0 append to under `shard` (rank 0
    merges them at the end; an interrupted run may have left some)."""
    parts = sorted(out.glob("samples.part-*.jsonl"))
    return {key: row for path in [out / "samples.jsonl", *parts] for key, row in _load_scored(path, expected).items()}


def evaluate_model(model_dir: str | Path, problems: Sequence[Problem] | str, out_dir: str | Path, n: int = 8,
                   ks: Sequence[int] | None = None, temperature: float = 1.0, top_p: float = 0.95,
                   max_new_tokens: int = 1024, seed: int = 0, workers: int | None = None,
                   backend: str = "hf", limit: int | None = None, equivalent: Equivalent = same_answer,
                   engine_kwargs: dict[str, Any] | None = None, progress: bool = True,
                   tts: Sequence[str] | None = None, tts_settings: Any = None, passages: str = "given",
                   retrieval: Any = None, shard: bool = False) -> dict[str, Any]:
    """Sample `n` responses per problem, verify them, write out_dir/{settings.json, samples.jsonl,
    summary.json, report.html} and return the summary. `problems` is a list or a bench name/path
    (`load_bench`, with `limit`). `ks` defaults to (1, n). Re-running into the same out_dir keeps every
    scored sample and generates only the missing ones; different settings are refused.
    `passages`: how questions get passages (`ask_with_passages`), from `retrieval` (a RetrievalConfig:
    index, k, domains); each sample row records its prompt's `passage_ids`.
    `tts`: selection methods (tinylogic/eval/tts.py) run on the first min(K, n) samples per problem with
    `tts_settings` (a TTSConfig); CLR's claim assessments are cached in out_dir/claims-*.jsonl.
    `shard`: every process of the process group calls this and samples its share of the problem groups
    (group g on rank g mod world, each group with its own seed, so the samples are those of one process);
    rank 0 then merges, scores, runs TTS and writes the outputs, and every rank returns the summary."""
    from tinylogic.engine.base import SamplingParams, load_engine
    from tinylogic.verify.batch import verify_batch

    start = time.perf_counter()
    if isinstance(problems, str | Path):
        problems = load_bench(problems, limit=limit, seed=seed)
    elif limit is not None:
        problems = list(problems)[:limit]
    if retrieval is not None:
        problems = ask_with_passages(problems, passages, retrieval.index, retrieval.k, retrieval.domains)
    else:
        problems = ask_with_passages(problems, passages)
    if not problems:
        raise ValueError("evaluate_model: no problems")
    ids = [p.id for p in problems]
    if len(set(ids)) != len(ids):
        dup = next(i for i in ids if ids.count(i) > 1)
        raise ValueError(f"evaluate_model: problem id {dup!r} appears more than once")
    if ks and max(ks) > n:
        raise ValueError(f"evaluate_model: pass@{max(ks)} needs n >= {max(ks)} samples (n={n})")
    per_call = max(1, rows_per_call(backend, engine_kwargs) // n)
    model = str(Path(model_dir).resolve()) if Path(model_dir).exists() else str(model_dir)
    settings = {"model": model, "backend": backend, "n": n, "temperature": temperature, "top_p": top_p,
                "max_new_tokens": max_new_tokens, "seed": seed, "problems": len(problems),
                "problems_digest": _problems_digest(problems), "problems_per_call": per_call}
    if (engine_kwargs or {}).get("dtype", "auto") != "auto":  # only then: earlier runs' settings stay comparable
        settings["dtype"] = engine_kwargs["dtype"]
    if passages != "given":  # only then: settings of earlier runs stay comparable
        settings["passages"] = {"mode": passages} | ({} if passages == "closed-book" else {
            "index": str(Path(retrieval.index).resolve()), "k": retrieval.k, "domains": list(retrieval.domains)})
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    settings_path = out / "settings.json"
    rank, world = rank_and_world() if shard else (0, 1)
    if settings_path.exists():  # every rank checks (reads only), so a refusal stops them all
        before = json.loads(settings_path.read_text(encoding="utf-8"))
        changed = {k: (before.get(k), v) for k, v in settings.items() if before.get(k) != v}
        if changed:
            diff = "; ".join(f"{k}: {a!r} -> {b!r}" for k, (a, b) in changed.items())
            raise ValueError(f"{out} holds samples made with other settings ({diff}); "
                             "use another out_dir or delete it to start over")
    elif rank == 0:
        _write_json(settings_path, settings)

    wanted = {(p.id, j) for p in problems for j in range(n)}
    scored = _load_all_scored(out, wanted)
    reused = len(scored)
    # log-probs cost nothing extra here; their mean is the `weighted` TTS score
    params = SamplingParams(n=n, temperature=temperature, top_p=top_p, max_new_tokens=max_new_tokens, logprobs=True)
    groups = [list(problems[i:i + per_call]) for i in range(0, len(problems), per_call)]
    todo = [(g, group) for g, group in enumerate(groups) if g % world == rank
            and any((p.id, j) not in scored for p in group for j in range(n))]
    engine = None
    gen_seconds = verify_seconds = 0.0
    sink_path = out / ("samples.jsonl" if rank == 0 else f"samples.part-{rank}.jsonl")
    with Progress(disable=not progress or rank > 0) as bar, open(sink_path, "a", encoding="utf-8") as sink:
        task = bar.add_task(f"sampling {len(problems)} problems x {n}", total=len(todo))
        for g, group in todo:
            engine = engine or load_engine(model, backend, **(engine_kwargs or {}))
            t0 = time.perf_counter()
            outputs = engine.generate([build_prompt(p) for p in group],
                                      params.model_copy(update={"seed": _call_seed(seed, g)}))
            t1 = time.perf_counter()
            new = [(p, j, s) for p, samples in zip(group, outputs, strict=True)
                   for j, s in enumerate(samples) if (p.id, j) not in scored]
            verdicts = verify_batch([(p, s.text) for p, _, s in new], workers=workers)
            verify_seconds += time.perf_counter() - t1
            gen_seconds += t1 - t0
            for (p, j, s), verdict in zip(new, verdicts, strict=True):
                mean_logprob = round(sum(s.logprobs) / len(s.logprobs), 6) if s.logprobs else None
                row = _sample_row(p, j, s.text, verdict, finish_reason=s.finish_reason, n_tokens=len(s.token_ids),
                                  mean_logprob=mean_logprob)
                scored[(p.id, j)] = row
                sink.write(json.dumps(row, ensure_ascii=False) + "\n")
            sink.flush()  # each finished group survives an interruption
            bar.advance(task)
    if world > 1:
        wait_for_all()  # every rank's share is written
        scored = _load_all_scored(out, wanted)
    extra = {"source": "model", "settings": settings,
             "seeds": {"seed": seed, "call_seeds": [_call_seed(seed, g) for g in range(len(groups))]},
             "generated": len(scored) - reused, "reused": reused,
             "timing": {"generate_seconds": round(gen_seconds, 3), "verify_seconds": round(verify_seconds, 3)}}
    if tts:
        def tts_engine():
            nonlocal engine
            engine = engine or load_engine(model, backend, **(engine_kwargs or {}))
            return engine

        t0 = time.perf_counter()
        # every rank: CLR's claim assessments are split across them too
        extra["tts"] = _run_tts(problems, list(scored.values()), out, tts, tts_settings, tts_engine, model, seed,
                                equivalent, rank, world, rows_per_call(backend, engine_kwargs))
        extra["timing"]["tts_seconds"] = round(time.perf_counter() - t0, 3)
    if engine is not None:
        engine.close()  # a vLLM engine's processes and KV cache go now, not whenever it is collected
    if rank > 0:
        wait_for_all()  # rank 0 merged, scored and wrote the summary
        return json.loads((out / "summary.json").read_text(encoding="utf-8"))
    summary = _finish(out, problems, list(scored.values()), ks, equivalent, extra, start)
    for part in out.glob("samples.part-*.jsonl"):  # merged into samples.jsonl by _finish
        part.unlink()
    if world > 1:
        wait_for_all()
    return summary


def _run_tts(problems, rows, out, methods, settings, engine, model, seed, equivalent, rank=0,
             world=1, group_rows=ENGINE_ROWS) -> dict[str, Any] | None:
    from tinylogic.config import TTSConfig
    from tinylogic.eval.tts import evaluate_tts

    return evaluate_tts(problems, rows, out, list(methods), settings or TTSConfig(), engine=engine,
                        model=model, seed=seed, equivalent=equivalent, group_rows=group_rows, rank=rank,
                        world=world)


# ------------------------------------------------------------------ score samples made elsewhere

def read_sample_rows(path: str | Path) -> list[tuple[Problem, dict[str, Any]]]:
    """(problem, row) per line of a samples JSONL: `problem_id` (or `id`), `domain`, `response`, the gold
    (`answer` / `tests` / `choices` / `instructions`), optional `score`, `subdomain`, `difficulty`,
    `sample_index`. Errors name the file and line."""
    from tinylogic.data.loaders import iter_jsonl
    from tinylogic.verify.batch import RowError, parse_row

    path = Path(path)
    out = []
    for line_no, row in iter_jsonl(path):  # a malformed line raises DataError (a ValueError) naming it
        if isinstance(row, dict) and "id" not in row and "problem_id" in row:
            row = {**row, "id": row["problem_id"]}
        try:
            problem = parse_row(line_no, row)
        except RowError as err:
            raise ValueError(f"{path}, {err}") from None
        score = row.get("score")
        if score is not None and (isinstance(score, bool) or not isinstance(score, int | float)):
            raise ValueError(f"{path}, line {line_no}: field 'score': expected a number, got {score!r}")
        labels = {k: row[k] for k in ("subdomain", "difficulty") if row.get(k) is not None}
        out.append((problem.model_copy(update=labels), row))
    if not out:
        raise ValueError(f"{path}: no sample rows")
    return out


def evaluate_samples(samples_path: str | Path, out_dir: str | Path, ks: Sequence[int] | None = None,
                     workers: int | None = None, equivalent: Equivalent = same_answer,
                     progress: bool = True, tts: Sequence[str] | None = None, tts_settings: Any = None,
                     model: str | Path | None = None, backend: str = "hf",
                     engine_kwargs: dict[str, Any] | None = None) -> dict[str, Any]:
    """Score responses made elsewhere (several rows per problem, see `read_sample_rows`): verify them,
    write out_dir/{samples.jsonl, summary.json, report.html} and return the summary (weighted vote
    and score-based best-of-n too when every row has a `score`). No model is loaded, except `model`
    for the CLR claim assessment when `tts` names `clr` (see `evaluate_model` for `tts`)."""
    from tinylogic.verify.batch import verify_batch

    start = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if (out / "samples.jsonl").resolve() == Path(samples_path).resolve():
        raise ValueError(f"{samples_path}: the input would be overwritten; choose another out_dir")
    pairs = read_sample_rows(samples_path)
    problems: dict[str, Problem] = {}
    counts: dict[str, int] = {}
    for problem, _ in pairs:
        problems.setdefault(problem.id, problem)
    verdicts = verify_batch([(problems[p.id], row["response"]) for p, row in pairs], workers=workers,
                            progress=progress)
    rows = []
    for (problem, row), verdict in zip(pairs, verdicts, strict=True):
        index = row.get("sample_index", counts.get(problem.id, 0))
        counts[problem.id] = counts.get(problem.id, 0) + 1
        extra = {k: row[k] for k in ("finish_reason", "n_tokens", "score") if row.get(k) is not None}
        rows.append(_sample_row(problems[problem.id], index, row["response"], verdict, **extra))
    extra = {"source": "samples", "settings": {"samples": str(Path(samples_path).resolve())}}
    if tts:
        from functools import cache

        from tinylogic.engine.base import load_engine

        name = None if model is None else str(Path(model).resolve()) if Path(model).exists() else str(model)
        # loaded on first use (only when a claim assessment is not cached), once
        loader = cache(lambda: load_engine(name, backend, **(engine_kwargs or {}))) if name else None
        extra["tts"] = _run_tts(list(problems.values()), rows, out, tts, tts_settings, loader, name or "", 0,
                                equivalent, group_rows=rows_per_call(backend, engine_kwargs))
        if loader is not None and loader.cache_info().currsize:
            loader().close()
    return _finish(out, list(problems.values()), rows, ks, equivalent, extra, start)
