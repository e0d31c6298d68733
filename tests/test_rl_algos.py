"""RL algorithm variants against hand-computed values (docs/RECIPE.md §2)."""

import math

import pytest
import torch

from tinylogic.config import RLConfig
from tinylogic.config_base import GRPOAdvantage, MGPOAdvantage
from tinylogic.train.rl_algos import (
    ADVANTAGES,
    LOSS_AGGREGATIONS,
    clipped_surrogate,
    d_me,
    kl_k3,
    long2short,
    mgpo_weight,
)

LN2 = math.log(2)


@pytest.mark.parametrize(("p", "expected"), [
    (0.0, LN2),
    (0.25, 0.25 * math.log(0.5) + 0.75 * math.log(1.5)),  # = 0.130812...
    (0.5, 0.0),
    (1.0, LN2),
])
def test_d_me_hand_values(p, expected):
    assert d_me(p) == pytest.approx(expected, abs=1e-12)
    assert d_me(0.25) == pytest.approx(0.1308121, abs=1e-7)


@pytest.mark.parametrize(("p", "expected"), [(0.0, 0.25), (0.25, 0.7698), (0.5, 1.0), (1.0, 0.25)])
def test_mgpo_weight_hand_values_lambda_2(p, expected):
    # w = exp(-2 * D_ME): 2^-2 at the extremes, exp(-0.261624) = 0.76980 at p = 0.25
    assert mgpo_weight(p, 2.0) == pytest.approx(expected, abs=1e-4)


def test_grpo_hand_values_and_all_equal_group():
    cfg = GRPOAdvantage()
    adv, weight = ADVANTAGES["grpo"](torch.tensor([1.0, 0, 0, 0], dtype=torch.float64),
                                     torch.tensor([1, 0, 0, 0]).bool(), cfg)
    # mean 0.25, unbiased std sqrt((0.5625 + 3 * 0.0625) / 3) = 0.5
    assert adv.tolist() == pytest.approx([1.5, -0.5, -0.5, -0.5], abs=1e-5) and weight == 1.0
    same, _ = ADVANTAGES["grpo"](torch.ones(4, dtype=torch.float64), torch.ones(4).bool(), cfg)
    assert same.tolist() == [0.0] * 4


def test_mgpo_is_grpo_times_weight_and_lambda_zero_is_grpo():
    rewards = torch.tensor([1.0, 0, 0, 0, 1, 0, 0, 0], dtype=torch.float64)  # p = 0.25
    correct = rewards.bool()
    grpo, _ = ADVANTAGES["grpo"](rewards, correct, GRPOAdvantage())
    mgpo, weight = ADVANTAGES["mgpo"](rewards, correct, MGPOAdvantage(**{"lambda": 2.0}))
    assert torch.allclose(mgpo, grpo * 0.7698003, atol=1e-6) and weight == pytest.approx(0.7698003)
    assert torch.equal(ADVANTAGES["mgpo"](rewards, correct, MGPOAdvantage(**{"lambda": 0.0}))[0], grpo)


def test_mgpo_counts_correctness_not_shaped_reward():
    # Long2Short shifts rewards of correct samples off 1.0; p must still be the verifier's accuracy
    rewards = torch.tensor([1.2, 0.8, 0.0, 0.0], dtype=torch.float64)
    correct = torch.tensor([True, True, False, False])
    adv, weight = ADVANTAGES["mgpo"](rewards, correct, MGPOAdvantage(**{"lambda": 3.0}))
    assert torch.allclose(adv, ADVANTAGES["grpo"](rewards, correct, GRPOAdvantage())[0]) and weight == 1.0  # p = 0.5


def test_dr_grpo_and_rloo_hand_values():
    rewards = torch.tensor([1.0, 0, 0, 0], dtype=torch.float64)
    cfg = RLConfig()
    assert ADVANTAGES["dr_grpo"](rewards, rewards.bool(), cfg.advantage)[0].tolist() == pytest.approx([0.75, -0.25, -0.25, -0.25])
    # r_i minus the mean of the other three: 1 - 0 and 0 - 1/3
    assert ADVANTAGES["rloo"](rewards, rewards.bool(), cfg.advantage)[0].tolist() == pytest.approx([1.0, -1 / 3, -1 / 3, -1 / 3])


def test_long2short_hand_example():
    shaped = long2short([1, 1, 1, 0], [True, True, True, False], [10, 20, 40, 5], lam=0.2)
    # s = [0.1, 0.05, 0.025], mean 0.058333, max |s - mean| = 0.041667 -> shifts 0.2 * [1, -0.2, -0.8]
    assert shaped == pytest.approx([1.2, 0.96, 0.84, 0.0])
    assert sum(shaped) - 3 == pytest.approx(0.0, abs=1e-12)


def test_long2short_leaves_wrong_samples_and_equal_lengths_alone():
    assert long2short([1, 0, 1, 0], [True, False, True, False], [7, 3, 7, 100], 0.2) == [1, 0, 1, 0]
    assert long2short([1, 0, 0], [True, False, False], [5, 1, 2], 0.2) == [1, 0, 0]  # one correct: no contrast
    shaped = long2short([1, 1, 0, 1, 0], [True, True, False, True, False], [3, 9, 1, 30, 2], 0.5)
    assert shaped[2] == 0 and shaped[4] == 0
    assert sum(shaped[i] - 1 for i in (0, 1, 3)) == pytest.approx(0.0, abs=1e-12)
    assert max(abs(shaped[i] - 1) for i in (0, 1, 3)) == pytest.approx(0.5)  # the extreme gets exactly λ


def test_clipped_surrogate_toy_batch():
    logp = torch.log(torch.tensor([0.5, 1.0, 1.5, 0.5, 1.0, 1.5]))
    old = torch.zeros(6)  # ratios 0.5, 1, 1.5
    adv = torch.tensor([1.0, 1, 1, -1, -1, -1])
    loss, clipped = clipped_surrogate(logp, old, adv, 0.2, 0.2)
    # A > 0: -min(ρA, clip(ρ)A) = -[0.5, 1.0, 1.2]; A < 0: -min(-0.5, -0.8), -(-1), -min(-1.5, -1.2)
    assert loss.tolist() == pytest.approx([-0.5, -1.0, -1.2, 0.8, 1.0, 1.5])
    assert clipped.tolist() == [False, False, True, True, False, False]
    # asymmetric clip (clip-higher): only the upper bound moves
    loss_hi, _ = clipped_surrogate(logp, old, adv, 0.2, 0.28)
    assert loss_hi[2].item() == pytest.approx(-1.28)


def test_clipped_surrogate_gradient_at_ratio_one_is_policy_gradient():
    logp = torch.tensor([-1.0, -2.0], requires_grad=True)
    loss, _ = clipped_surrogate(logp, logp.detach(), torch.tensor([2.0, -1.0]), 0.2, 0.2)
    loss.sum().backward()
    assert logp.grad.tolist() == pytest.approx([-2.0, 1.0])  # -A · ∇logp


def test_loss_aggregations_weights():
    cfg = RLConfig(max_new_tokens=10)
    lengths = [2, 4]
    assert LOSS_AGGREGATIONS["seq_mean_token_mean"](lengths, 4, 20, cfg) == pytest.approx([1 / 8, 1 / 16])
    assert LOSS_AGGREGATIONS["token_mean"](lengths, 4, 20, cfg) == pytest.approx([1 / 20, 1 / 20])
    assert LOSS_AGGREGATIONS["seq_mean_token_sum"](lengths, 4, 20, cfg) == pytest.approx([1 / 40, 1 / 40])
    # seq-mean-token-mean: every sequence's tokens sum to 1/N whatever its length
    w = LOSS_AGGREGATIONS["seq_mean_token_mean"](lengths, 2, 6, cfg)
    assert [wi * n for wi, n in zip(w, lengths, strict=True)] == pytest.approx([0.5, 0.5])


def test_kl_k3_is_zero_at_equal_policies_and_positive_elsewhere():
    logp = torch.tensor([-1.0, -0.5, -3.0])
    assert kl_k3(logp, logp).tolist() == [0.0, 0.0, 0.0]
    ref = torch.tensor([-1.5, -0.4, -1.0])
    delta = ref - logp
    assert kl_k3(logp, ref).tolist() == pytest.approx((torch.exp(delta) - delta - 1).tolist())
    assert (kl_k3(logp, ref) > 0).all()
