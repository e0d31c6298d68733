"""Rollouts of the Signal phase (docs/RECIPE.md §2), used by `tinylogic.train.rl`: sample G completions per
prompt and verify them, shape rewards and take each group's advantages, turn groups into training
examples, and the pass-rate filter that drops prompts without signal before a phase (it samples and
scores groups the same way)."""

from __future__ import annotations

import json
import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import torch

from tinylogic.config import RLConfig
from tinylogic.data.prompts import build_prompt
from tinylogic.data.schema import Problem
from tinylogic.train.logprobs import IGNORE
from tinylogic.train.rl_algos import ADVANTAGES, long2short

RewardFn = Callable[[list[tuple[Problem, str]]], list[Any]]  # -> objects with .correct and .reward (Verdicts)


def pass_rate_filter(engine, problems: Sequence[Problem], cfg: RLConfig, reward_fn: RewardFn, *, seed: int,
                     rank: int = 0, world: int = 1, long2short_shaping: bool = False) -> list[dict[str, Any]]:
    """Rate prompts with G samples of the phase's starting model (same sampling, reward and shaping as
    training): one row {id, subdomain, pass_rate, signal} per prompt of this process's slice, `signal`
    when the group's advantages are not all zero. `filter_report` keeps the prompts with signal."""
    from tinylogic.engine.base import SamplingParams

    rated = list(problems)
    if cfg.filter_max_prompts and len(rated) > cfg.filter_max_prompts:
        rated = random.Random(seed).sample(rated, cfg.filter_max_prompts)
    lo, hi = rank * len(rated) // world, (rank + 1) * len(rated) // world
    params = SamplingParams(n=cfg.group_size, temperature=cfg.temperature, top_p=cfg.top_p,
                            max_new_tokens=cfg.max_new_tokens, seed=seed * 1_000_003)  # training draws use + cursor > 0
    samples, verdicts, _, _ = rollout(engine, rated[lo:hi], list(range(lo, hi)), params, reward_fn,
                                max(1, cfg.engine_batch_size // cfg.group_size))
    rows = []
    for p, group, group_samples in zip(rated[lo:hi], verdicts, samples, strict=True):
        # the training step's own test: under Long2Short an all-correct group of unequal lengths has signal
        _, adv, pass_rate, _ = group_advantages(group, [len(s.token_ids) for s in group_samples], cfg,
                                             long2short_shaping)
        rows.append({"id": p.id, "subdomain": f"{p.domain}/{p.subdomain or '-'}", "pass_rate": pass_rate,
                     "signal": any(a != 0 for a in adv)})
    return rows


def filter_report(rows: Sequence[dict[str, Any]], group_size: int, max_per_subdomain: int = 0) -> dict[str, Any]:
    """Counts per subdomain: rated, solved 0/G, solved G/G, with signal (a G/G group may have it, under
    Long2Short), kept. `max_per_subdomain` > 0 keeps at most that many prompts with signal per subdomain,
    the least often solved first (ties in rating order), so that no one subdomain fills the phase (on the
    demo's code phase it did not stop the phase teaching guesses: BENCHMARKS.md, "The code phase capped")."""
    kept = [r for r in rows if r["signal"]]
    if max_per_subdomain:
        taken, capped = Counter(), set()
        for row in sorted(kept, key=lambda r: r["pass_rate"]):  # stable: ties keep the rating order
            taken[row["subdomain"]] += 1
            if taken[row["subdomain"]] <= max_per_subdomain:
                capped.add(row["id"])
        kept = [r for r in kept if r["id"] in capped]
    kept_ids = {r["id"] for r in kept}
    per_subdomain: dict[str, dict[str, int]] = {}
    for row in rows:
        counts = per_subdomain.setdefault(row["subdomain"],
                                          {"rated": 0, "none": 0, "all": 0, "signal": 0, "kept": 0})
        counts["rated"] += 1
        counts["none"] += row["pass_rate"] == 0
        counts["all"] += row["pass_rate"] == 1
        counts["signal"] += row["signal"]
        counts["kept"] += row["id"] in kept_ids
    return {"rated": len(rows), "kept": len(kept), "group_size": group_size, "per_subdomain": per_subdomain,
            "kept_ids": [r["id"] for r in kept], "pass_rates": {r["id"]: r["pass_rate"] for r in rows}}


def print_filter_report(report: dict[str, Any], console) -> None:
    from rich.table import Table

    table = Table(title=f"pass-rate filter: kept {report['kept']} of {report['rated']} prompts "
                        f"(G = {report['group_size']})")
    columns = (("rated", "rated"), ("solved 0/G", "none"), ("solved G/G", "all"), ("with signal", "signal"),
               ("kept", "kept"))
    table.add_column("subdomain")
    for title, _ in columns:
        table.add_column(title, justify="right")
    for name, row in sorted(report["per_subdomain"].items()):
        row = {"signal": row["kept"], **row}  # a filter.json from before "signal" was counted kept all with signal
        table.add_row(name, *(str(row[key]) for _, key in columns))
    console.print(table)


def default_reward(workers: int | None = None) -> RewardFn:
    from tinylogic.verify.batch import verify_batch

    return lambda items: verify_batch(items, workers=workers)


def rollout(engine, problems: Sequence[Problem], seed_ids: list[int], params, reward_fn: RewardFn,
            chunk_prompts: int) -> tuple[list[list[Any]], list[list[Any]], float, float]:
    """Samples and verdicts per problem; each chunk is verified on a worker thread while the next one
    decodes. Returns (samples, verdicts, seconds generating, seconds waiting for verdicts)."""
    samples: list[list[Any]] = []
    futures = []
    gen_s = 0.0
    with ThreadPoolExecutor(max_workers=1) as verifier:
        for start in range(0, len(problems), chunk_prompts):
            part = problems[start:start + chunk_prompts]
            t0 = time.perf_counter()
            out = engine.generate([build_prompt(p) for p in part], params, progress=False,
                                  seed_ids=seed_ids[start:start + chunk_prompts])
            gen_s += time.perf_counter() - t0
            samples.extend(out)
            futures.append(verifier.submit(reward_fn, [(p, s.text) for p, group in zip(part, out, strict=True)
                                                       for s in group]))
        t0 = time.perf_counter()
        flat = [v for f in futures for v in f.result()]
    wait_s = time.perf_counter() - t0
    g = params.n
    return samples, [flat[i * g:(i + 1) * g] for i in range(len(problems))], gen_s, wait_s


def group_advantages(verdicts: Sequence[Any], lengths: Sequence[int], cfg: RLConfig,
                     shorten: bool) -> tuple[list[float], list[float], float, float]:
    """(shaped rewards, advantages, group accuracy p, the estimator's weight on the group) of one group."""
    correct = [bool(v.correct) for v in verdicts]
    rewards = [float(v.reward) for v in verdicts]
    if shorten:
        rewards = long2short(rewards, correct, lengths, cfg.long2short_lambda)
    adv, weight = ADVANTAGES[cfg.advantage.name](torch.tensor(rewards, dtype=torch.float64),
                                                 torch.tensor(correct), cfg.advantage)
    return rewards, [float(a) for a in adv], sum(correct) / len(correct), weight


def training_examples(prompt_ids: list[int], samples: Sequence[Any], advantages: Sequence[float],
                      weights: Sequence[float]) -> list[dict[str, list]]:
    """Prompt + response token ids; labels, advantage and loss weight on the response tokens only; and the
    sampler's log-probs there when the samples carry them (a separate engine drew them)."""
    out = []
    for sample, adv, weight in zip(samples, advantages, weights, strict=True):
        response = list(sample.token_ids)
        if not response:
            continue
        pad = [0.0] * len(prompt_ids)
        example = {"input_ids": prompt_ids + response, "labels": [IGNORE] * len(prompt_ids) + response,
                   "advantage": pad + [adv] * len(response), "weight": pad + [weight] * len(response)}
        if sample.logprobs is not None:
            example["sampler_logp"] = pad + list(sample.logprobs)
        out.append(example)
    return out


def filtered_problems(engine, problems, cfg, reward_fn, out_dir: Path, seed: int, accelerator, console,
                      progress: bool, long2short_shaping: bool):
    """The pass-rate filter, once per phase: its report (filter.json) is reused on resume."""
    from accelerate.utils import gather_object

    path = out_dir / "filter.json"
    if path.exists():
        report = json.loads(path.read_text())
    else:
        with console.status("pass-rate filter: rating prompts", spinner="dots") if progress else nullcontext():
            rows = pass_rate_filter(engine, problems, cfg, reward_fn, seed=seed, rank=accelerator.process_index,
                                    world=accelerator.num_processes, long2short_shaping=long2short_shaping)
        report = filter_report(gather_object(rows), cfg.group_size, cfg.filter_max_per_subdomain)
        if accelerator.is_main_process:
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps(report, indent=1))
            tmp.replace(path)
        accelerator.wait_for_everyone()
    if accelerator.is_main_process:
        print_filter_report(report, console)
    kept = set(report["kept_ids"])
    chosen = [p for p in problems if p.id in kept]
    if not chosen:
        raise ValueError(f"{out_dir}: the pass-rate filter kept no prompt (all {report['rated']} rated prompts were "
                         "solved 0/G or G/G with no signal); rate more prompts (rl.filter_max_prompts), use easier data, or set "
                         "rl.pass_rate_filter=false")
    return chosen
