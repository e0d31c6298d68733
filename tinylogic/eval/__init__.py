"""Evaluation: metrics (pass@k, avg@n, maj@n, weighted vote, best-of-n), the harness that samples and
verifies, and the HTML report. See docs/EVAL.md."""

from tinylogic.eval.harness import BENCHMARKS, evaluate_model, evaluate_samples, load_bench

__all__ = ["BENCHMARKS", "evaluate_model", "evaluate_samples", "load_bench"]
