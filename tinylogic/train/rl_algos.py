"""The RL algorithm variants as small registered functions (verl style), used by `tinylogic.train.rl`.

- Advantage estimators: `fn(rewards, correct, settings) -> (advantages, weight)`, one group (the G samples
  of a prompt) at a time; `settings` is the estimator's section of the config (`rl.advantage`, e.g. MGPO's
  lambda). `rewards` may be shaped (Long2Short); `correct` is the verifier's binary verdict, which is what
  MGPO's group accuracy p counts. `weight` is the factor the estimator put on the group's normalised
  advantages (MGPO's w, 1 for the others), which the step metrics report.
- Loss aggregations: `fn(lengths, n_sequences, n_tokens, cfg) -> weight per sequence`; every response
  token of sequence i is weighted by weight[i], so the loss is Σ_i Σ_t weight[i] · ℓ_{i,t}. The counts
  are global (all processes, the whole mini-batch), so accumulation and process count never change it.
- Reward shaping (Long2Short) and the clipped surrogate.

Formulas: docs/RECIPE.md §2; each has a hand-computed test in tests/test_rl_algos.py.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import torch

STD_EPS = 1e-6  # (r - mean) / (std + eps): an all-equal group gets advantage 0, not a division by zero

AdvantageFn = Callable[[torch.Tensor, torch.Tensor, object], tuple[torch.Tensor, float]]
ADVANTAGES: dict[str, AdvantageFn] = {}


def advantage_estimator(name: str) -> Callable[[AdvantageFn], AdvantageFn]:
    def wrap(fn: AdvantageFn) -> AdvantageFn:
        ADVANTAGES[name] = fn
        return fn

    return wrap


def d_me(p: float) -> float:
    """D_ME(p ‖ 0.5) = p·log(p/0.5) + (1−p)·log((1−p)/0.5), with 0·log 0 = 0: ln 2 at p ∈ {0, 1}, 0 at 0.5."""
    return sum(q * math.log(q / 0.5) for q in (p, 1.0 - p) if q > 0)


def mgpo_weight(p: float, lam: float) -> float:
    """w = exp(−λ · D_ME(p ‖ 0.5)): 1 for a group at 50% accuracy, exp(−λ ln 2) = 2^−λ at 0% or 100%."""
    return math.exp(-lam * d_me(p))


@advantage_estimator("grpo")
def grpo(rewards: torch.Tensor, correct: torch.Tensor, settings) -> tuple[torch.Tensor, float]:
    """(r − mean) / std, with the unbiased std (as TRL and verl)."""
    return (rewards - rewards.mean()) / (rewards.std() + STD_EPS), 1.0


@advantage_estimator("mgpo")
def mgpo(rewards: torch.Tensor, correct: torch.Tensor, settings) -> tuple[torch.Tensor, float]:
    """GRPO's normalised advantage × w = exp(−λ·D_ME(p‖0.5)), p the group's accuracy. Scaling the rewards
    instead would cancel under the std normalisation, so the weight multiplies the advantage."""
    weight = mgpo_weight(float(correct.float().mean()), settings.lambda_)
    return grpo(rewards, correct, settings)[0] * weight, weight


@advantage_estimator("dr_grpo")
def dr_grpo(rewards: torch.Tensor, correct: torch.Tensor, settings) -> tuple[torch.Tensor, float]:
    """r − mean, no std division (Dr. GRPO: the std re-weights easy and hard groups)."""
    return rewards - rewards.mean(), 1.0


@advantage_estimator("rloo")
def rloo(rewards: torch.Tensor, correct: torch.Tensor, settings) -> tuple[torch.Tensor, float]:
    """r_i − mean of the other G−1 rewards (leave-one-out baseline) = G/(G−1) · (r_i − mean)."""
    g = len(rewards)
    return (rewards - rewards.mean()) * g / (g - 1), 1.0


AggregationFn = Callable[[Sequence[int], int, int, object], list[float]]
LOSS_AGGREGATIONS: dict[str, AggregationFn] = {}


def loss_aggregation(name: str) -> Callable[[AggregationFn], AggregationFn]:
    def wrap(fn: AggregationFn) -> AggregationFn:
        LOSS_AGGREGATIONS[name] = fn
        return fn

    return wrap


@loss_aggregation("seq_mean_token_mean")
def seq_mean_token_mean(lengths: Sequence[int], n_sequences: int, n_tokens: int, cfg) -> list[float]:
    """The recipe's: a token mean within each sequence, then the mean over sequences (and groups)."""
    return [1.0 / (length * n_sequences) for length in lengths]


@loss_aggregation("token_mean")
def token_mean(lengths: Sequence[int], n_sequences: int, n_tokens: int, cfg) -> list[float]:
    """One mean over every response token of the batch (DAPO): long responses weigh more."""
    return [1.0 / n_tokens] * len(lengths)


@loss_aggregation("seq_mean_token_sum")
def seq_mean_token_sum(lengths: Sequence[int], n_sequences: int, n_tokens: int, cfg) -> list[float]:
    """Token sums divided by a constant (max_new_tokens), then the mean over sequences (Dr. GRPO):
    no per-sequence length normalisation."""
    return [1.0 / (cfg.max_new_tokens * n_sequences)] * len(lengths)


def long2short(rewards: Sequence[float], correct: Sequence[bool], lengths: Sequence[int],
               lam: float) -> list[float]:
    """Brevity shaping among a group's correct samples C: s_i = 1/L_i,
    r'_i = r_i + λ·(s_i − s̄)/max_{j∈C}|s_j − s̄|. Wrong samples are unchanged; with fewer than two
    correct samples or all correct lengths equal nothing changes. The shifts sum to zero."""
    shaped = list(map(float, rewards))
    group = [i for i, ok in enumerate(correct) if ok]
    if len(group) < 2:
        return shaped
    brevity = {i: 1.0 / max(lengths[i], 1) for i in group}
    mean = sum(brevity.values()) / len(group)
    spread = max(abs(s - mean) for s in brevity.values())
    if spread == 0:
        return shaped
    for i in group:
        shaped[i] += lam * (brevity[i] - mean) / spread
    return shaped


def clipped_surrogate(logp: torch.Tensor, old_logp: torch.Tensor, advantages: torch.Tensor,
                      eps_low: float, eps_high: float) -> tuple[torch.Tensor, torch.Tensor]:
    """Per-token loss −min(ρ·A, clip(ρ, 1−ε_low, 1+ε_high)·A) with ρ = exp(logp − old_logp), and the
    mask of tokens where the clipped term was the smaller one (the clip fraction's numerator)."""
    ratio = torch.exp(logp - old_logp)
    unclipped = ratio * advantages
    clipped = ratio.clamp(1.0 - eps_low, 1.0 + eps_high) * advantages
    return -torch.minimum(unclipped, clipped), clipped < unclipped


def truncated_is_weight(trainer_logp: torch.Tensor, sampler_logp: torch.Tensor, cap: float) -> torch.Tensor:
    """Per-token min(π_trainer / π_sampler, cap) = min(exp(trainer_logp − sampler_logp), cap), detached: the
    weight that corrects rollouts drawn by a separate engine whose log-probs differ from the trainer's
    (truncated importance sampling, Yao et al. 2025)."""
    return torch.exp(trainer_logp - sampler_logp).clamp(max=cap).detach()


def kl_k3(logp: torch.Tensor, ref_logp: torch.Tensor) -> torch.Tensor:
    """Per-token KL(π‖π_ref) estimate k3 = exp(ref − logp) − (ref − logp) − 1 (unbiased, ≥ 0)."""
    delta = ref_logp - logp
    return torch.exp(delta) - delta - 1.0
