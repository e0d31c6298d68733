"""Signal phase (docs/RECIPE.md §2): on-policy group RL with MGPO, phase after phase.

One rollout batch, top to bottom (`train_rl_phase`):
 1. draw `prompts_per_step` prompts: a pure function of a cursor kept in the checkpoint, so resume needs
    no iterator state; under `accelerate launch` each process takes a contiguous slice, and samples are
    seeded by the prompt's place in the global draw, so N processes sample what one process would;
 2. sample G completions per prompt from the policy being trained (the engine wraps the in-memory
    model: no copy, no weight sync), verifying each chunk on a worker thread while the next decodes;
 3. rewards (Long2Short-shaped in a long2short phase), then advantages per group with the registered
    estimator (rl_algos.ADVANTAGES); with dynamic sampling, groups without signal are replaced;
 4. groups whose advantages are all zero are left out of the forward/backward (they would add 0 to the
    loss; the aggregation's normaliser still counts them, so the update is the same);
 5. log-probs recomputed by the trainer on packed sequences under the distribution rollouts are drawn
    from (temperature, top-p: `engine.hf.sampling_logits`); the sampling policy's are taken once, before
    the first update, so later mini-batches see real ratios; the clipped surrogate (+ optional k3 KL),
    each token weighted by the loss aggregation; one optimizer step per mini-batch.

Before a phase, prompts whose group of G samples from the starting model carries no signal are
dropped (`rollouts.pass_rate_filter`): solved 0/G or G/G, except that under Long2Short a G/G group of unequal
lengths still has signal. Each phase keeps `<out>/<NN>-<name>/final`.
"""

from __future__ import annotations

import importlib.util
import json
import time
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import torch

from tinylogic.config import RLConfig, RLPhase
from tinylogic.data.prompts import build_prompt
from tinylogic.data.schema import Problem
from tinylogic.models import checkpoint_activations, with_stop_tokens
from tinylogic.train.checkpoints import (
    STATE_FILE,
    checkpoint_problem,
    gathered_weights,
    is_sharded,
    latest_checkpoint,
    prune_checkpoints,
    restore_checkpoint,
    save_checkpoint,
    stage_accelerator,
    trim_metrics,
)
from tinylogic.train.logprobs import IGNORE, labelled_logprobs
from tinylogic.train.rl_algos import (
    LOSS_AGGREGATIONS,
    clipped_surrogate,
    kl_k3,
    truncated_is_weight,
)
from tinylogic.train.rollouts import (
    RewardFn,
    default_reward,
    filtered_problems,
    group_advantages,
    rollout,
    training_examples,
)
from tinylogic.train.sft import idle_row, pack, stack_rows

# ---------------------------------------------------------------- prompts


def phase_problems(problems: Sequence[Problem], phase: RLPhase) -> list[Problem]:
    """The phase's training problems: its own file, or the run's problems of its domains (and subdomains
    and difficulty tiers, where the phase names them); held-out problems never train."""
    if phase.data:
        from tinylogic.data.loaders import load_problems

        problems = load_problems(phase.data)
    chosen = [p for p in problems if p.split != "heldout" and p.domain in phase.domains
              and (not phase.subdomains or p.subdomain in phase.subdomains)
              and (not phase.difficulties or p.difficulty in phase.difficulties)]
    if not chosen:
        raise ValueError(f"RL phase {phase.name!r}: no training problems with domains {phase.domains}"
                         + (f", subdomains {phase.subdomains}" if phase.subdomains else "")
                         + (f", difficulties {phase.difficulties}" if phase.difficulties else ""))
    return chosen


def draw_prompts(n_problems: int, seed: int, cursor: int, count: int) -> list[int]:
    """Problem indices at stream positions [cursor, cursor + count): one fresh permutation per epoch."""
    out = []
    for position in range(cursor, cursor + count):
        epoch, index = divmod(position, n_problems)
        order = torch.randperm(n_problems, generator=torch.Generator().manual_seed(seed * 1000 + epoch))
        out.append(int(order[index]))
    return out


# ---------------------------------------------------------------- the loss


def token_logprobs(model, row: dict[str, torch.Tensor], cfg: RLConfig,
                   with_entropy: bool = False) -> tuple[torch.Tensor, torch.Tensor | None]:
    """log π(target) at every response position of a packed row ([rows, T−1], aligned with labels[:, 1:],
    0 elsewhere) and π's entropy there if asked, π being the distribution rollouts are drawn from:
    logits / rl.temperature, truncated to the rl.top_p nucleus (a token outside it gets −inf, so ρ = 0
    there) exactly as the engine samples. The LM head runs in chunks (train/logprobs.py)."""
    from tinylogic.engine.base import SamplingParams
    from tinylogic.engine.hf import sampling_logits

    params = SamplingParams(temperature=cfg.temperature, top_p=cfg.top_p)
    return labelled_logprobs(model, row, chunk_tokens=cfg.loss_chunk_tokens, with_entropy=with_entropy,
                             transform=lambda logits: sampling_logits(logits, params))


def policy_loss(model, row: dict[str, torch.Tensor], cfg: RLConfig) -> tuple[torch.Tensor, dict[str, float]]:
    """Σ weight · (clipped surrogate + kl_coef · k3) over the row's response tokens, plus token stats.
    `row["old_logp"]`: the sampling policy's log-probs as the trainer computes them; without it the update
    is the first after sampling and ρ ≡ 1 (the detached current log-probs are the sampling policy's).
    `row["sampler_logp"]`: the log-probs a separate engine drew the tokens with; each token's loss is then
    weighted by min(π_old / π_sampler, tis_cap) (truncated importance sampling)."""
    logp, entropy = token_logprobs(model, row, cfg, with_entropy=True)
    mask = row["labels"][:, 1:] != IGNORE
    old = row["old_logp"] if "old_logp" in row else logp.detach()
    token_loss, clipped = clipped_surrogate(logp, old, row["advantage"][:, 1:], cfg.clip_eps_low, cfg.clip_eps_high)
    sampler_gap = torch.zeros_like(logp)
    if "sampler_logp" in row:
        sampler = row["sampler_logp"][:, 1:]
        token_loss = token_loss * truncated_is_weight(old, sampler, cfg.tis_cap)
        sampler_gap = (old - sampler).abs()
    kl = kl_k3(logp, row["ref_logp"]) if "ref_logp" in row else torch.zeros_like(logp)
    loss = ((token_loss + cfg.kl_coef * kl) * row["weight"][:, 1:] * mask).sum()
    with torch.no_grad():
        ratio_off = ((logp - old).exp() - 1).abs()  # |ρ − 1|: how far this update is from on-policy
        stats = {"tokens": float(mask.sum()), "clipped": float((clipped & mask).sum()),
                 "entropy": float((entropy * mask).sum()), "kl": float((kl * mask).sum()),
                 "ratio_off": float((ratio_off * mask).sum()), "sampler_gap": float((sampler_gap * mask).sum())}
    return loss, stats


# ---------------------------------------------------------------- one phase


def _trackers(report_to: str) -> list[str]:
    if report_to == "auto":
        found = any(importlib.util.find_spec(m) for m in ("tensorboard", "tensorboardX"))
        return ["tensorboard"] if found else []
    return [] if report_to == "none" else [report_to]


def train_rl_phase(model_path: str | Path, problems: Sequence[Problem], out_dir: str | Path, cfg: RLConfig, *,
                   seed: int = 0, long2short_shaping: bool = False, reward_fn: RewardFn | None = None,
                   resume: bool = True, progress: bool = True, stop_after_steps: int | None = None,
                   console=None, backend: str = "hf", engine_kwargs: dict[str, Any] | None = None) -> Path:
    """Train one phase from `model_path` on `problems`; returns `out_dir/final` (save_pretrained folder).

    `reward_fn` replaces the verifiers (e.g. a rubric); `stop_after_steps` ends the run as if
    interrupted (tests use it to check exact resume). `backend` / `engine_kwargs` (the recipe's `engine`
    section, `EngineConfig.arguments()`): "hf" samples from the policy in memory; another backend runs as
    a separate engine that takes the new weights after every step."""
    from accelerate.utils import gather_object
    from rich.console import Console
    from rich.progress import Progress
    from transformers import AutoModelForCausalLM, AutoTokenizer, get_constant_schedule_with_warmup

    from tinylogic.engine.base import SamplingParams, load_engine
    from tinylogic.engine.hf import HFEngine

    out_dir = Path(out_dir)
    console = console or Console(stderr=True)
    final = out_dir / "final"
    if resume and (final / STATE_FILE).exists():
        if (problem := checkpoint_problem(final)) is None:
            console.print(f"{final} exists: phase already complete")
            return final
        console.print(f"warning: {final} is damaged ({problem}): training again from the newest checkpoint",
                      markup=False)
    accelerator, use_bf16 = stage_accelerator(cfg.bf16, log_with=_trackers(cfg.report_to) or None,
                                              project_dir=str(out_dir))
    world, rank = accelerator.num_processes, accelerator.process_index
    reward_fn = reward_fn or default_reward()
    out_dir.mkdir(parents=True, exist_ok=True)
    problems = list(problems)

    start_from = latest_checkpoint(out_dir, accelerator.print) if resume else None
    tokenizer = AutoTokenizer.from_pretrained(model_path)
    torch.manual_seed(seed)
    model = with_stop_tokens(AutoModelForCausalLM.from_pretrained(
        start_from or model_path, dtype=torch.float32, attn_implementation=cfg.attn_implementation), tokenizer)
    if cfg.activation_checkpointing:  # off while sampling: generation runs the model in eval mode
        checkpoint_activations(model)
    ref_model = None
    if cfg.kl_coef > 0:
        ref_model = AutoModelForCausalLM.from_pretrained(model_path, dtype=torch.float32).to(accelerator.device).eval()
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg.learning_rate, weight_decay=cfg.weight_decay,
                                  fused=accelerator.device.type == "cuda")  # as SFT's: one kernel on a GPU
    scheduler = get_constant_schedule_with_warmup(optimizer, num_warmup_steps=cfg.warmup_steps)
    model, optimizer = accelerator.prepare(model, optimizer)
    policy = accelerator.unwrap_model(model)
    sharded = is_sharded(model)
    # hf under DDP or one process: the engine samples from the very parameters the optimizer steps. A
    # separate engine (vLLM; or under FSDP2, where each process holds a shard, a whole copy) takes the new
    # weights after every step, returns its log-probs with the samples, and the loss corrects the gap.
    separate = backend != "hf" or sharded
    if separate:
        engine = load_engine(start_from or model_path, backend, **(engine_kwargs or {}))
    else:
        engine = HFEngine(policy, tokenizer=tokenizer, batch_size=cfg.engine_batch_size,
                          autocast=torch.bfloat16 if use_bf16 else None)

    if cfg.pass_rate_filter:
        problems = filtered_problems(engine, problems, cfg, reward_fn, out_dir, seed, accelerator, console, progress,
                             long2short_shaping)

    step, cursor = 0, 0
    if start_from is not None:
        state = restore_checkpoint(start_from, model, optimizer, scheduler)
        step, cursor = state["step"], state["cursor"]
        accelerator.print(f"resuming from {start_from} (step {step}/{cfg.steps})")
    if accelerator.is_main_process:
        (out_dir / "rl_config.json").write_text(cfg.model_dump_json(indent=2))
        trim_metrics(out_dir / "metrics.jsonl", step)  # rows logged after the checkpoint are logged again
    accelerator.init_trackers("rl", config={k: v for k, v in cfg.model_dump().items() if isinstance(v, int | float | str)}
                              | {"advantage": cfg.advantage.name})

    aggregate = LOSS_AGGREGATIONS[cfg.loss_aggregation]
    # hf decodes engine_batch_size rows at a time (verifying one chunk while the next decodes); a separate
    # engine such as vLLM batches continuously and gets every prompt of the step at once
    chunk_prompts = cfg.prompts_per_step if backend != "hf" else max(1, cfg.engine_batch_size // cfg.group_size)
    bar = Progress(disable=not (progress and accelerator.is_main_process), console=console)
    with bar:
        task = bar.add_task(f"rl {out_dir.name}", total=cfg.steps, completed=step)
        while step < cfg.steps:
            # -- 1-3: draw, sample, verify, advantages (refilled while groups carry no signal)
            groups: list[dict[str, Any]] = []
            n_rated = n_dropped = 0
            gen_s = wait_s = 0.0
            target = cfg.prompts_per_step
            for _ in range(1 + (cfg.dynamic_sampling_rounds if cfg.dynamic_sampling else 0)):
                drawn = draw_prompts(len(problems), seed, cursor, target)
                cursor += target
                lo, hi = rank * target // world, (rank + 1) * target // world
                mine = [problems[i] for i in drawn[lo:hi]]
                params = SamplingParams(n=cfg.group_size, temperature=cfg.temperature, top_p=cfg.top_p,
                                        max_new_tokens=cfg.max_new_tokens, seed=seed * 1_000_003 + cursor,
                                        logprobs=separate)
                policy.eval()
                samples, verdicts, g_s, w_s = rollout(engine, mine, list(range(lo, hi)), params, reward_fn,
                                                      chunk_prompts)
                policy.train()
                gen_s, wait_s = gen_s + g_s, wait_s + w_s
                for problem, group, group_verdicts in zip(mine, samples, verdicts, strict=True):
                    lengths = [len(s.token_ids) for s in group]
                    rewards, adv, p, weight = group_advantages(group_verdicts, lengths, cfg, long2short_shaping)
                    entry = {"problem": problem, "samples": group, "rewards": rewards, "advantages": adv, "p": p,
                             "weight": weight,
                             "correct": [bool(v.correct) for v in group_verdicts], "lengths": lengths,
                             "signal": any(a != 0 for a in adv)}
                    n_rated += 1
                    if cfg.dynamic_sampling and not entry["signal"]:
                        n_dropped += 1
                        continue
                    groups.append(entry)
                if not cfg.dynamic_sampling:
                    break
                have = int(accelerator.reduce(torch.tensor(len(groups), device=accelerator.device), "sum"))
                if have >= cfg.prompts_per_step:
                    break
                target = cfg.prompts_per_step - have

            if separate:
                engine.sleep()  # a colocated engine frees what it can (vLLM: its KV cache) while the trainer runs

            # -- 4: pack each mini-batch of groups; the sampling policy's log-probs (for ρ in later
            # mini-batches) and the reference's are taken now, before any update, in the precision the
            # loss uses (autocast)
            t_train = time.perf_counter()
            totals = {"tokens": 0.0, "clipped": 0.0, "entropy": 0.0, "kl": 0.0, "ratio_off": 0.0,
                      "sampler_gap": 0.0, "loss": 0.0, "updates": 0.0}
            grad_norm = 0.0
            mini_batches = []
            for mb in range(cfg.mini_batches):
                part = groups[mb::cfg.mini_batches]
                n_seq = sum(len(g["samples"]) for g in part)
                n_tok = sum(sum(g["lengths"]) for g in part)
                n_seq, n_tok = (int(x) for x in accelerator.reduce(
                    torch.tensor([n_seq, n_tok], device=accelerator.device), "sum"))
                examples = []
                for g in part:
                    if not (g["signal"] or ref_model is not None):
                        continue  # contributes exactly 0: no forward, no backward
                    prompt_ids = engine.encode(build_prompt(g["problem"]))
                    weights = aggregate(g["lengths"], n_seq, n_tok, cfg)
                    examples += training_examples(prompt_ids, g["samples"], g["advantages"], weights)
                n_examples = int(accelerator.reduce(torch.tensor(len(examples), device=accelerator.device), "sum"))
                if n_examples == 0:
                    continue  # no process has signal: skip the step (all processes agree)
                longest = max((len(e["input_ids"]) for e in examples), default=0)
                packed = pack(examples, max(cfg.pack_tokens, longest))
                rows = [{k: v.to(accelerator.device) for k, v in stack_rows(packed[i:i + cfg.micro_batch_rows]).items()}
                        for i in range(0, len(packed), cfg.micro_batch_rows)]
                # every process runs the same number of forward/backward passes (DDP syncs buffers in
                # forward and gradients in the last backward, FSDP2 gathers each layer): pad with zero-weight rows
                most = int(accelerator.reduce(torch.tensor(len(rows), device=accelerator.device), "max"))
                rows += [idle_row(accelerator.device) for _ in range(most - len(rows))]  # weight 0
                with torch.no_grad(), accelerator.autocast():
                    for row in rows:
                        # the first mini-batch's update starts from the sampling policy (ρ ≡ 1), unless a
                        # separate engine sampled: then the trainer's own log-probs are needed for the correction
                        if mb > 0 or separate:
                            row["old_logp"] = token_logprobs(policy, row, cfg)[0]
                        if ref_model is not None:
                            row["ref_logp"] = token_logprobs(ref_model, row, cfg)[0]
                mini_batches.append(rows)

            # -- 5: one optimizer step per mini-batch
            for rows in mini_batches:
                for i, row in enumerate(rows):
                    sync = i == len(rows) - 1
                    with accelerator.autocast(), (accelerator.no_sync(model) if not sync else nullcontext()):
                        loss, stats = policy_loss(model, row, cfg)
                        # DDP averages gradients over processes; × world makes it the global weighted sum
                        accelerator.backward(loss * world)
                    totals["loss"] += float(loss.detach())
                    for key, value in stats.items():
                        totals[key] += value
                grad_norm = float(accelerator.clip_grad_norm_(model.parameters(), cfg.grad_clip))
                optimizer.step()
                scheduler.step()
                optimizer.zero_grad(set_to_none=True)
                totals["updates"] += 1
            if separate:
                engine.wake()
                weights = gathered_weights(model, every_process=True) if sharded else dict(policy.named_parameters())
                engine.update_weights(weights.items())
            train_s = time.perf_counter() - t_train
            step += 1

            # -- metrics (global over processes)
            weights = [g["weight"] for g in groups]  # the estimator's weight per group (MGPO's w)
            sums = {  # this process's sums, by name; summed over processes below
                "reward": sum(sum(g["rewards"]) for g in groups), "correct": sum(sum(g["correct"]) for g in groups),
                "samples": sum(len(g["samples"]) for g in groups), "groups": len(groups),
                "signal_groups": sum(g["signal"] for g in groups), "length": sum(sum(g["lengths"]) for g in groups),
                "truncated": sum(sum(s.finish_reason == "length" for s in g["samples"]) for g in groups),
                "none_solved": sum(g["p"] == 0 for g in groups), "all_solved": sum(g["p"] == 1 for g in groups),
                "weight": sum(weights), "rated": n_rated, "dropped": n_dropped, **totals}
            reduced = accelerator.reduce(torch.tensor(list(sums.values()), dtype=torch.float64,
                                                      device=accelerator.device), "sum").tolist()
            total = dict(zip(sums, reduced, strict=True))
            extremes = gather_object([(min(weights, default=1.0), max(weights, default=0.0),
                                       max((max(g["lengths"]) for g in groups), default=0))])
            n_samples, tokens = max(total["samples"], 1), max(total["tokens"], 1)
            metrics = {
                "step": step, "reward": total["reward"] / n_samples, "pass_rate": total["correct"] / n_samples,
                "groups": int(total["groups"]), "signal_groups": int(total["signal_groups"]),
                "groups_none_solved": int(total["none_solved"]), "groups_all_solved": int(total["all_solved"]),
                "prompts_rated": int(total["rated"]), "groups_dropped": int(total["dropped"]),
                "mgpo_weight_mean": total["weight"] / max(total["groups"], 1),
                "mgpo_weight_min": min(e[0] for e in extremes), "mgpo_weight_max": max(e[1] for e in extremes),
                "response_len_mean": total["length"] / n_samples, "response_len_max": max(e[2] for e in extremes),
                "truncated": total["truncated"] / n_samples, "loss": total["loss"] / max(totals["updates"], 1),
                "entropy": total["entropy"] / tokens, "kl": total["kl"] / tokens,
                "clip_fraction": total["clipped"] / tokens, "ratio_deviation": total["ratio_off"] / tokens,
                "trained_tokens": int(total["tokens"]), "updates": int(totals["updates"]), "grad_norm": grad_norm,
                "lr": scheduler.get_last_lr()[0], "generate_s": round(gen_s, 3), "verify_wait_s": round(wait_s, 3),
                "train_s": round(train_s, 3),
                "samples_per_s": round(total["samples"] / max(gen_s + wait_s + train_s, 1e-9), 2), "cursor": cursor,
            }
            if separate:  # mean |log π_trainer − log π_sampler| over the trained tokens, before the update
                metrics["sampler_logprob_gap"] = total["sampler_gap"] / tokens
            if accelerator.is_main_process:
                with (out_dir / "metrics.jsonl").open("a") as f:
                    f.write(json.dumps({k: round(v, 6) if isinstance(v, float) else v for k, v in metrics.items()}) + "\n")
            accelerator.log({k: v for k, v in metrics.items() if k != "step"}, step=step)
            bar.update(task, advance=1, description=f"rl {out_dir.name} reward {metrics['reward']:.3f} "
                                                    f"signal {metrics['signal_groups']}/{metrics['groups']}")
            if cfg.save_every and step % cfg.save_every == 0 and step < cfg.steps:
                save_checkpoint(accelerator, model, tokenizer, optimizer, scheduler, step,
                                out_dir / "checkpoints" / f"step-{step:06d}", extra={"cursor": cursor})
                prune_checkpoints(out_dir, cfg.keep_checkpoints, accelerator)
            if stop_after_steps is not None and step >= stop_after_steps and step < cfg.steps:
                _finish_trackers(accelerator)
                engine.close()
                return out_dir / "checkpoints"
    save_checkpoint(accelerator, model, tokenizer, optimizer, scheduler, step, final, extra={"cursor": cursor},
                    resumable=False)
    _finish_trackers(accelerator)
    engine.close()  # a separate engine's processes and memory go before the next phase starts its own
    return final


def _finish_trackers(accelerator) -> None:
    # not accelerator.end_training(): it also destroys the process group, which the next phase and the
    # recipe's later stages still use (the CLI closes it at exit)
    for tracker in accelerator.trackers:
        tracker.finish()


# ---------------------------------------------------------------- all phases


def train_rl(model_path: str | Path, problems: Sequence[Problem], out_dir: str | Path, cfg: RLConfig, *,
             seed: int = 0, only: Sequence[str] | None = None, reward_fn: RewardFn | None = None,
             progress: bool = True, console=None, backend: str = "hf",
             engine_kwargs: dict[str, Any] | None = None) -> list[Path]:
    """Run the recipe's phases in order, each from the previous phase's final model, into
    `out_dir/<NN>-<name>/`; returns each phase's final folder (self-distillation samples from them).
    `only` runs a subset by name (still chained in recipe order); `backend`, `engine_kwargs`: the rollout
    engine (train_rl_phase)."""
    unknown = set(only or []) - {p.name for p in cfg.phases}
    if unknown:
        raise ValueError(f"unknown RL phase(s) {sorted(unknown)}; the recipe has {[p.name for p in cfg.phases]}")
    if not cfg.phases:
        raise ValueError("the recipe lists no RL phase (rl.phases is empty)")
    current, finals = Path(model_path), []
    for index, phase in enumerate(cfg.phases):
        phase_dir = Path(out_dir) / f"{index + 1:02d}-{phase.name}"
        if only and phase.name not in only:
            if (phase_dir / "final" / STATE_FILE).exists():
                current = phase_dir / "final"  # a skipped phase that ran before still feeds the next
            continue
        current = train_rl_phase(current, phase_problems(problems, phase), phase_dir, cfg.for_phase(phase),
                                 seed=seed + index, long2short_shaping=phase.long2short, reward_fn=reward_fn,
                                 progress=progress, console=console, backend=backend, engine_kwargs=engine_kwargs)
        finals.append(current)
    return finals

