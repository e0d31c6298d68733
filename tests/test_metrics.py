import itertools
import math

import pytest

from tinylogic.eval.metrics import (
    aggregate,
    avg_at_n,
    best_of_n,
    cluster_answers,
    group_by,
    majority_vote,
    mean_and_se,
    paired_change,
    pass_at_k,
    pass_at_k_curve,
    problem_stats,
    same_answer,
    vote_correct,
    weighted_vote,
)


def brute_force_pass_at_k(n: int, c: int, k: int) -> float:
    """Fraction of all k-subsets of n samples (the first c correct) that hold a correct sample."""
    subsets = list(itertools.combinations(range(n), k))
    return sum(any(i < c for i in s) for s in subsets) / len(subsets)


@pytest.mark.parametrize("n", range(1, 9))
def test_pass_at_k_matches_enumeration_for_every_c_and_k(n):
    for c in range(n + 1):
        for k in range(1, n + 1):
            assert pass_at_k(n, c, k) == pytest.approx(brute_force_pass_at_k(n, c, k), abs=1e-12)


def test_pass_at_k_large_n_is_stable_and_matches_binomials():
    # the product form must agree with exact binomials where those are still representable
    n, c, k = 200, 3, 50
    exact = 1 - math.comb(n - c, k) / math.comb(n, k)
    assert pass_at_k(n, c, k) == pytest.approx(exact, rel=1e-12)
    assert 0.0 <= pass_at_k(1024, 1, 1) <= 1.0
    assert pass_at_k(10, 0, 5) == 0.0 and pass_at_k(10, 10, 1) == 1.0


@pytest.mark.parametrize("n,c,k", [(4, 2, 5), (4, 5, 1), (4, -1, 1), (4, 1, 0)])
def test_pass_at_k_rejects_impossible_arguments(n, c, k):
    with pytest.raises(ValueError):
        pass_at_k(n, c, k)


def test_avg_at_n():
    assert avg_at_n([True, False, False, True]) == 0.5
    assert avg_at_n([False] * 3) == 0.0
    assert avg_at_n([True]) == 1.0
    with pytest.raises(ValueError):
        avg_at_n([])


def test_clusters_by_equivalence_in_first_appearance_order():
    answers = ["12", " 12 ", "\\dfrac{1}{2}", None, "\\frac{1}{2}.", "7", ""]
    assert cluster_answers(answers) == [[0, 1], [2, 4], [5]]
    # a custom equivalence merges what strings cannot
    numeric = lambda a, b: float(a) == float(b)  # noqa: E731
    assert cluster_answers(["0.5", "1", "0.50", "1.0"], numeric) == [[0, 2], [1, 3]]


def test_majority_vote_tie_goes_to_the_earliest_first_member():
    # "7" and "3" both have 2 votes; "7" appears first
    assert majority_vote(["7", "3", "3", "7", "9"]) == [0, 3]
    assert majority_vote(["3", "7", "7", "3", "9"]) == [0, 3]
    # a strict majority wins regardless of order
    assert majority_vote(["9", "3", "3", "7", "3"]) == [1, 2, 4]


def test_blank_answers_never_win_unless_all_are_blank():
    assert majority_vote([None, None, None, "5"]) == [3]
    assert majority_vote([None, "", None]) == [0, 1, 2]
    assert not vote_correct([0, 1, 2], [None, "", None], [True, True, True])


def test_weighted_vote_follows_scores_then_size_then_order():
    answers = ["1", "2", "2", "3"]
    assert weighted_vote(answers, [0.9, 0.3, 0.3, 0.1]) == [0]          # 0.9 beats 0.6
    assert weighted_vote(answers, [0.5, 0.3, 0.2, 0.1]) == [1, 2]       # equal 0.5: the larger cluster
    assert weighted_vote(["1", "2"], [0.4, 0.4]) == [0]                 # full tie: the earliest
    assert weighted_vote(answers, [0.0] * 4) == [1, 2]                  # all zero: plain majority
    with pytest.raises(ValueError):
        weighted_vote(answers, [1.0])


def test_best_of_n_with_and_without_scores():
    assert best_of_n([False, False, True]) is True
    assert best_of_n([False, False]) is False
    assert best_of_n([False, True, False], scores=[0.2, 0.1, 0.9]) is False
    assert best_of_n([False, True, False], scores=[0.2, 0.9, 0.9]) is True   # tie: earliest top score


def test_problem_stats_and_aggregation_by_hand():
    stats = [
        problem_stats("a", [True, False, False, True], ["1", "2", "2", "1"], domain="math", difficulty=1),
        problem_stats("b", [False, False, False, False], ["5", "5", None, "6"], domain="math", difficulty=2),
        problem_stats("c", [True, True, True, False], None, domain="code", difficulty=2),
    ]
    assert [s["maj"] for s in stats] == [True, False, None]  # a: 2-2 tie, "1" first
    summary = aggregate(stats, ks=(1, 2, 4))
    assert summary["problems"] == 3 and summary["samples"] == 12
    assert summary["pass@1"] == pytest.approx((0.5 + 0 + 0.75) / 3)
    assert summary["avg@4"] == pytest.approx(summary["pass@1"])
    assert summary["pass@2"] == pytest.approx((brute_force_pass_at_k(4, 2, 2) + 0 + 1) / 3)
    assert summary["pass@4"] == pytest.approx(2 / 3)
    assert summary["best@4"] == pytest.approx(2 / 3)
    assert summary["maj@4"] == pytest.approx(0.5)  # over the two problems with answers
    by_domain = group_by(stats, "domain", ks=(1,))
    assert set(by_domain) == {"math", "code"}
    assert by_domain["code"]["pass@1"] == 0.75 and by_domain["math"]["problems"] == 2
    assert group_by(stats, "difficulty", ks=(1,))["2"]["pass@1"] == pytest.approx(0.75 / 2)
    curve = pass_at_k_curve(stats)
    assert [k for k, _ in curve] == [1, 2, 3, 4] and curve[0][1] == pytest.approx(summary["pass@1"])
    assert all(a <= b for (_, a), (_, b) in itertools.pairwise(curve))
    with pytest.raises(ValueError, match="pass@8"):
        aggregate(stats, ks=(8,))


def test_scored_problem_stats():
    s = problem_stats("x", [False, True, True, False], ["4", "5", "5", "4"], scores=[0.9, 0.1, 0.2, 0.9])
    assert s["weighted"] is False and s["best_scored"] is False and s["maj"] is False
    assert aggregate([s], ks=(1,))["weighted@4"] == 0.0


def test_same_answer_normalisation():
    assert same_answer("\\left(1, 2\\right)", "(1,2)")
    assert not same_answer("12", "21")


def test_mean_and_se_by_hand():
    # values 0, 1, 1, 0: mean 0.5, sample variance 1/3, SE sqrt(1/3 / 4) = 0.288675...
    mean, se = mean_and_se([0.0, 1.0, 1.0, 0.0])
    assert mean == 0.5 and se == pytest.approx(0.2886751346, abs=1e-9)
    assert mean_and_se([0.25]) == (0.25, None)


def test_paired_change_pairs_by_problem_by_hand():
    before = {"p1": 0.0, "p2": 0.5, "p3": 1.0, "only-before": 0.0}
    after = {"p1": 0.25, "p2": 0.75, "p3": 0.75, "only-after": 1.0}
    # differences 0.25, 0.25, -0.25: mean 1/12, sample variance 1/12, SE sqrt(1/36) = 1/6, z 0.5
    change = paired_change(before, after)
    assert change["problems"] == 3
    assert change["change"] == pytest.approx(1 / 12) and change["se"] == pytest.approx(1 / 6)
    assert change["z"] == pytest.approx(0.5)
    assert paired_change({"a": 1.0}, {"b": 1.0}) is None
