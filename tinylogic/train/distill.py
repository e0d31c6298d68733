"""Offline self-distillation (docs/RECIPE.md §3): teach the student the correct traces it can still learn
most from.

1. `sample_correct`: sample every teacher (the checkpoint of each RL phase) on the problems through the
   evaluation harness (resumable, verified) and keep the verified-correct traces.
2. `learning_potential`: S_LP(q, y) = −(1/|y|) Σ_t log π_student(y_t | q, y<t) per trace, i.e. the
   student's mean SFT loss on it (y is the completion as SFT trains it, end-of-turn token included),
   computed in packed batches with the SFT trainer's own encoding and packing.
3. `select`: drop truncated, very short and duplicate traces; per domain, bucket by length quantiles;
   within a bucket drop extreme high-S_LP outliers (robust z-score) and keep the middle-to-high S_LP
   quantile range; cap traces per problem; cut domains to the configured mix.
4. `distill`: the above with files (traces.jsonl, report.json, a table), then `train_sft` on the selection.

Why this ranking: a low S_LP trace is one the student already produces (little to learn); an extreme
one is far from anything it produces (often degenerate, or too far to imitate). Length buckets stop
the ranking from simply preferring long or short traces (the mean over tokens still drifts with length).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch

from tinylogic.config import DistillConfig, SFTConfig
from tinylogic.data.prompts import solve_prompt
from tinylogic.data.schema import Problem
from tinylogic.train.logprobs import IGNORE, labelled_logprobs
from tinylogic.train.sft import encode_examples, pack, stack_rows

# ---------------------------------------------------------------- 1. sample and verify


def _teacher_name(index: int, teacher: Path) -> str:
    name = f"{teacher.parent.name}-{teacher.name}" if teacher.name == "final" else teacher.name
    return f"{index}-{name}"


def sample_correct(teachers: Sequence[str | Path], problems: Sequence[Problem], out_dir: str | Path, *,
                   n: int = 8, temperature: float = 1.0, top_p: float = 0.95, max_new_tokens: int = 1024,
                   seed: int = 0, backend: str = "hf", workers: int | None = None,
                   progress: bool = True, engine_kwargs: dict[str, Any] | None = None,
                   shard: bool = False) -> list[dict[str, Any]]:
    """Verified-correct trace rows from `n` samples per problem of every teacher.

    Each teacher is sampled by the harness into out_dir/<i>-<name>/ (samples.jsonl, summary.json,
    report.html), so an interrupted run resumes and the teacher's accuracy is on record. A row is an
    SFT record (`prompt`, `completion`) plus `teacher`, `problem_id`, `sample_index`, `domain`,
    `subdomain`, `n_tokens` (the sample's tokens, end token included) and `finish_reason`.
    """
    from tinylogic.eval.harness import evaluate_model

    by_id = {p.id: p for p in problems}
    rows = []
    for i, teacher in enumerate(teachers):
        teacher = Path(teacher)
        folder = Path(out_dir) / _teacher_name(i, teacher)
        evaluate_model(teacher, problems, folder, n=n, ks=[1], temperature=temperature, top_p=top_p,
                       max_new_tokens=max_new_tokens, seed=seed, workers=workers, backend=backend,
                       engine_kwargs=engine_kwargs, progress=progress, shard=shard)
        with open(folder / "samples.jsonl", encoding="utf-8") as f:
            for line in f:
                s = json.loads(line)
                if s["correct"] is True and s["problem_id"] in by_id:
                    rows.append({"teacher": str(teacher), "problem_id": s["problem_id"],
                                 "sample_index": s["sample_index"], "domain": s["domain"],
                                 "subdomain": s.get("subdomain"), "prompt": solve_prompt(by_id[s["problem_id"]]),
                                 "completion": s["response"], "n_tokens": s.get("n_tokens") or 0,
                                 "finish_reason": s.get("finish_reason")})
    return rows


# ---------------------------------------------------------------- 2. learning potential


def _token_nll(model, batch: dict[str, torch.Tensor]) -> torch.Tensor:
    """−log p of each next token, [rows, length−1]; 0 where the label is IGNORE (prompts, padding)."""
    return -labelled_logprobs(model, batch)[0]  # the LM head in chunks: train/logprobs.py


@torch.no_grad()
def learning_potential(student, tokenizer, rows: Sequence[dict[str, Any]], *, pack_tokens: int = 2048,
                       micro_batch_rows: int = 1, progress: bool = False) -> list[float]:
    """S_LP of each {prompt, completion} row under `student` (a model, or a folder to load), in row order.

    Traces are packed (longest first, so stacked rows have similar lengths) into rows of about
    `pack_tokens` tokens with the SFT packer; a trace longer than that gets a row of its own, never
    truncated. Per-trace sums come from splitting each packed row where its position_ids restart.
    """
    from rich.progress import Progress

    if isinstance(student, str | Path):
        from transformers import AutoModelForCausalLM

        from tinylogic.engine.hf import pick_device, pick_dtype

        device = pick_device(None)
        student = AutoModelForCausalLM.from_pretrained(str(student), dtype=pick_dtype(None, device)).to(device)
    student.eval()
    device = next(student.parameters()).device
    examples = encode_examples(tokenizer, rows)
    order = sorted(range(len(examples)), key=lambda i: -len(examples[i]["input_ids"]))
    packed = pack([examples[i] for i in order], pack_tokens)
    sums = torch.zeros(len(examples), dtype=torch.float64)
    counts = torch.zeros(len(examples), dtype=torch.float64)
    done = 0  # traces already placed, in `order`
    with Progress(disable=not progress, transient=True) as bar:
        task = bar.add_task("scoring S_LP", total=len(packed))
        for start in range(0, len(packed), micro_batch_rows):
            group = packed[start:start + micro_batch_rows]
            nll = _token_nll(student, {k: v.to(device) for k, v in stack_rows(group).items()}).double().cpu()
            for r, row in enumerate(group):
                length = row["input_ids"].shape[1]  # unpadded length
                segment = (row["position_ids"][0] == 0).cumsum(0) - 1  # trace index within the row
                supervised = (row["labels"][0, 1:] != IGNORE).double()
                k = int(segment[-1]) + 1
                targets_of = order[done:done + k]
                # the target at position t+1 belongs to the trace of position t+1
                sums[targets_of] += torch.zeros(k, dtype=torch.float64).index_add_(
                    0, segment[1:], nll[r, :length - 1] * supervised)
                counts[targets_of] += torch.zeros(k, dtype=torch.float64).index_add_(0, segment[1:], supervised)
                done += k
            bar.advance(task)
    return [float(s / c) if c else math.nan for s, c in zip(sums.tolist(), counts.tolist(), strict=True)]


# ---------------------------------------------------------------- 3. select


def length_buckets(lengths: Sequence[int], buckets: int) -> list[int]:
    """Bucket index of each length: bucket b holds lengths in (q_b, q_{b+1}] for the b/B quantiles
    (ties stay together, so with many equal lengths some buckets stay empty)."""
    edges = np.quantile(np.asarray(lengths, dtype=float), np.linspace(0, 1, buckets + 1)[1:-1]) if lengths else []
    return np.searchsorted(edges, np.asarray(lengths, dtype=float), side="left").tolist()


def _spread(indices: Sequence[int], rows: Sequence[dict[str, Any]], n: int) -> list[int]:
    """`n` of the rows, round robin over their length buckets, highest S_LP first within a bucket."""
    queues: dict[int, list[int]] = defaultdict(list)
    for i in sorted(indices, key=lambda i: -rows[i]["s_lp"]):
        queues[rows[i]["bucket"]].append(i)
    lanes = [queues[b] for b in sorted(queues)]
    taken: list[int] = []
    while len(taken) < n and any(lanes):
        for lane in lanes:
            if lane and len(taken) < n:
                taken.append(lane.pop(0))
    return taken


def _span(values: Sequence[float]) -> list[float] | None:
    return [round(min(values), 4), round(max(values), 4)] if values else None


def select(rows: Sequence[dict[str, Any]], scores: Sequence[float],
           cfg: DistillConfig) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Every row, copied and annotated with `s_lp`, `bucket`, `quantile`, `kept` and `why` (the reason
    it was dropped, or "kept"), plus a report (counts per domain / bucket / teacher, S_LP ranges).

    Order of the rules: truncated, short, duplicate (same problem and completion; the first stays),
    unscored; then per domain: length buckets, outlier cut, quantile range; then per problem: the
    highest S_LP `max_per_problem`; then per domain: `max_per_domain` and `domain_weights`.
    """
    if len(rows) != len(scores):
        raise ValueError(f"select: {len(rows)} rows but {len(scores)} scores")
    out = [{**r, "s_lp": float(s), "bucket": None, "quantile": None, "kept": False, "why": ""}
           for r, s in zip(rows, scores, strict=True)]
    seen = set()
    for r in out:
        key = (r["problem_id"], r["completion"])
        if r.get("finish_reason") == "length" and not cfg.keep_truncated:
            r["why"] = "truncated"
        elif r["n_tokens"] < cfg.min_trace_tokens:
            r["why"] = "short"
        elif key in seen:
            r["why"] = "duplicate"
        elif not math.isfinite(r["s_lp"]):
            r["why"] = "unscored"
        if r["why"] in ("", "unscored"):
            seen.add(key)

    alive = defaultdict(list)  # domain -> row indices still in the running
    for i, r in enumerate(out):
        if not r["why"]:
            alive[r["domain"]].append(i)
    for indices in alive.values():
        for i, b in zip(indices, length_buckets([out[i]["n_tokens"] for i in indices], cfg.length_buckets),
                        strict=True):
            out[i]["bucket"] = b
        for b in sorted({out[i]["bucket"] for i in indices}):
            members = [i for i in indices if out[i]["bucket"] == b]
            s = np.array([out[i]["s_lp"] for i in members])
            median, mad = float(np.median(s)), float(np.median(np.abs(s - np.median(s))))
            if cfg.outlier_mad > 0 and mad > 0:
                for i in members:
                    if out[i]["s_lp"] > median + cfg.outlier_mad * 1.4826 * mad:
                        out[i]["why"] = "outlier"
            ranked = sorted((i for i in members if not out[i]["why"]), key=lambda i: out[i]["s_lp"])
            for rank, i in enumerate(ranked):
                q = (rank + 0.5) / len(ranked)
                out[i]["quantile"] = round(q, 6)
                if q < cfg.keep_low:
                    out[i]["why"] = "below range"
                elif q > cfg.keep_high:
                    out[i]["why"] = "above range"

    by_problem = defaultdict(list)
    for i, r in enumerate(out):
        if not r["why"]:
            by_problem[r["problem_id"]].append(i)
    for indices in by_problem.values():
        for i in sorted(indices, key=lambda i: -out[i]["s_lp"])[cfg.max_per_problem or len(indices):]:
            out[i]["why"] = "problem cap"

    in_domain = defaultdict(list)
    for i, r in enumerate(out):
        if not r["why"]:
            in_domain[r["domain"]].append(i)
    target = {d: min(len(ix), cfg.max_per_domain or len(ix)) for d, ix in in_domain.items()}
    if cfg.domain_weights:
        total = sum(cfg.domain_weights.get(d, 0.0) for d in target)
        weights = {d: cfg.domain_weights.get(d, 0.0) / total if total else 0.0 for d in target}
        # the largest selection with exactly these shares that every domain can fill
        size = min((target[d] / w for d, w in weights.items() if w > 0), default=0.0)
        target = {d: min(target[d], round(w * size)) for d, w in weights.items()}
    for d, indices in in_domain.items():
        taken = set(_spread(indices, out, target[d]))
        for i in indices:
            out[i]["why"] = "kept" if i in taken else ("domain mix" if cfg.domain_weights else "domain cap")
            out[i]["kept"] = i in taken
    return out, selection_report(out, cfg)


def selection_report(rows: Sequence[dict[str, Any]], cfg: DistillConfig) -> dict[str, Any]:
    """Counts and S_LP ranges of annotated rows, per domain and length bucket, and per teacher."""
    report: dict[str, Any] = {
        "settings": cfg.model_dump(mode="json"), "candidates": len(rows), "kept": sum(r["kept"] for r in rows),
        "why": dict(Counter(r["why"] for r in rows).most_common()), "by_domain": {}, "by_teacher": {}}
    for domain in sorted({r["domain"] for r in rows}):
        mine = [r for r in rows if r["domain"] == domain]
        buckets = []
        for b in sorted({r["bucket"] for r in mine if r["bucket"] is not None}):
            members = [r for r in mine if r["bucket"] == b]
            buckets.append({"bucket": b, "tokens": _span([r["n_tokens"] for r in members]),
                            "candidates": len(members), "kept": sum(r["kept"] for r in members),
                            "s_lp": _span([r["s_lp"] for r in members]),
                            "kept_s_lp": _span([r["s_lp"] for r in members if r["kept"]])})
        report["by_domain"][domain] = {"candidates": len(mine), "kept": sum(r["kept"] for r in mine),
                                       "why": dict(Counter(r["why"] for r in mine).most_common()),
                                       "buckets": buckets}
    for teacher in dict.fromkeys(r["teacher"] for r in rows):
        mine = [r for r in rows if r["teacher"] == teacher]
        report["by_teacher"][teacher] = {"candidates": len(mine), "kept": sum(r["kept"] for r in mine)}
    return report


def render_report(report: dict[str, Any], console) -> None:
    """One table row per domain and length bucket: candidates, kept, S_LP ranges; then the drop reasons."""
    from rich.table import Table

    def fmt(span: list[float] | None) -> str:
        return f"{span[0]:.3f} – {span[1]:.3f}" if span else "-"

    table = Table(title=f"self-distillation: kept {report['kept']} of {report['candidates']} correct traces")
    for column in ("domain", "bucket", "tokens", "candidates", "kept", "S_LP", "kept S_LP"):
        table.add_column(column, justify="left" if column == "domain" else "right")
    for domain, d in report["by_domain"].items():
        for b in d["buckets"]:
            table.add_row(domain, str(b["bucket"]), f"{b['tokens'][0]}–{b['tokens'][1]}", str(b["candidates"]),
                          str(b["kept"]), fmt(b["s_lp"]), fmt(b["kept_s_lp"]))
        table.add_row(domain, "all", "", str(d["candidates"]), str(d["kept"]), "", "", style="bold")
    console.print(table)
    console.print("why: " + ", ".join(f"{why} {count}" for why, count in report["why"].items()), highlight=False)


# ---------------------------------------------------------------- 4. the stage


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _model_identity(model: Path) -> list:
    """Path and weight files' sizes and mtimes: a model retrained in place gets new scores."""
    return [str(model.resolve()), sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns)
                                         for p in model.glob("*.safetensors"))]


def _write_rows(path: Path, rows: Sequence[dict[str, Any]]) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    tmp.replace(path)


def distill(student: str | Path, teachers: Sequence[str | Path], problems: Sequence[Problem],
            out_dir: str | Path, cfg: DistillConfig, sft_cfg: SFTConfig, *, seed: int = 0, backend: str = "hf",
            workers: int | None = None, train: bool = True, progress: bool = True, console=None,
            engine_kwargs: dict[str, Any] | None = None, shard: bool = False) -> Path | None:
    """Sample, score, select, then SFT the student; returns out_dir/sft/final (None with train=False).

    Writes out_dir/samples/<i>-<teacher>/ (the harness runs), scores.json (S_LP cache), traces.jsonl
    (every correct trace with s_lp, bucket, quantile, kept, why), report.json, and out_dir/sft/ (the
    SFT run, with the recipe's `sft` settings but `epochs` / `learning_rate` from `cfg`). A rerun reuses
    samples, scores (same student and traces) and the SFT run; selection settings may change between
    runs (only the cheap selection is redone), but an SFT run of another selection is refused.
    `shard`: every process calls this and samples its share of the teachers' problems; the main process
    then scores and selects, the others wait for its selection, and all of them train (an SFT run under
    `accelerate launch`); with train=False the others return None after sampling.
    """
    from rich.console import Console
    from transformers import AutoTokenizer

    from tinylogic.processes import rank_and_world, wait_for_all
    from tinylogic.train.sft import train_sft

    console = console or Console()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if not teachers:
        raise ValueError("distill: give at least one teacher checkpoint")
    rows = sample_correct(teachers, problems, out / "samples", n=cfg.samples_per_problem,
                          temperature=cfg.temperature, top_p=cfg.top_p, max_new_tokens=cfg.max_new_tokens,
                          seed=seed, backend=backend, workers=workers, progress=progress,
                          engine_kwargs=engine_kwargs, shard=shard)
    main = not shard or rank_and_world()[0] == 0
    if not main and not train:
        return None
    sft_dir = out / "sft"
    if main:
        key = _digest([_model_identity(Path(student)),
                       [(r["teacher"], r["problem_id"], r["sample_index"], r["prompt"], r["completion"])
                        for r in rows]])
        cache = out / "scores.json"
        cached = json.loads(cache.read_text()) if cache.exists() else {}
        if cached.get("key") == key:
            scores = cached["s_lp"]
        elif not rows:
            scores = []
        else:
            tokenizer = AutoTokenizer.from_pretrained(str(student))
            scores = learning_potential(student, tokenizer, rows, pack_tokens=sft_cfg.pack_tokens,
                                        micro_batch_rows=sft_cfg.micro_batch_rows, progress=progress)
            cache.write_text(json.dumps({"key": key, "student": str(student), "s_lp": scores}))
        annotated, report = select(rows, scores, cfg)
        kept = [r for r in annotated if r["kept"]]
        report.update({"student": str(student), "teachers": [str(t) for t in teachers], "problems": len(problems),
                       "selection_digest": _digest([(r["teacher"], r["problem_id"], r["sample_index"])
                                                    for r in kept])})
        _write_rows(out / "traces.jsonl", annotated)
        (out / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
        render_report(report, console)
        if not kept:
            raise ValueError(f"distill: no trace selected ({report['candidates']} verified-correct candidates, "
                             f"reasons: {report['why'] or 'none sampled'}); see {out / 'report.json'}")
        if not train:
            return None
        mark = sft_dir / "selection_digest.txt"
        if sft_dir.exists() and mark.exists() and mark.read_text() != report["selection_digest"]:
            raise ValueError(f"{sft_dir} was trained on another selection; delete it (or use another --out) to "
                             "retrain")
        sft_dir.mkdir(parents=True, exist_ok=True)
        mark.write_text(report["selection_digest"])
    if shard:
        wait_for_all()  # the main process's selection is on disk
    if not main:
        kept = [r for r in map(json.loads, (out / "traces.jsonl").read_text(encoding="utf-8").splitlines())
                if r["kept"]]
    records = [{"prompt": r["prompt"], "completion": r["completion"]} for r in kept]
    student_cfg = sft_cfg.model_copy(update={"epochs": cfg.epochs, "learning_rate": cfg.learning_rate})
    return train_sft(student, records, sft_dir, student_cfg, seed=seed, progress=progress)
