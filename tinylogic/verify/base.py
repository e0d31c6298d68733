"""One verifier interface: `verify(problem, response) -> Verdict`, dispatched on the problem's domain.

Each domain's verifier is the `verify` of its `Domain` (tinylogic/domains/): a function taking the gold
`Problem` and the model's raw response and returning a `Verdict` (tinylogic/data/schema.py). It must never
raise for bad *responses* (they are hostile input): a bad response is an incorrect verdict with a `detail`.
A bad *gold* (unparseable answer, malformed tests) is `error=True`, never a reward of 1.
"""

from __future__ import annotations

import time

from tinylogic.data.schema import Problem, Verdict
from tinylogic.domains import registry


def verify(problem: Problem, response: str) -> Verdict:
    """Dispatch to the domain's verifier; time it; turn any verifier crash into an error verdict."""
    domain = registry().get(problem.domain)
    start = time.perf_counter()
    if domain is None:
        return Verdict(correct=False, reward=0.0, error=True,
                       detail=f"no verifier for domain {problem.domain!r} (known: {sorted(registry())})")
    try:
        verdict = domain.verify(problem, response)
    except Exception as exc:  # a verifier bug must not crash the caller's batch
        verdict = Verdict(correct=False, reward=0.0, error=True, detail=f"verifier error: {exc!r}")
    verdict.seconds = time.perf_counter() - start
    return verdict
