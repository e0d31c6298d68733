"""One verifier interface and one registry: `verify(problem, response) -> Verdict`.

A verifier module registers a function per domain with `@register("math")`. The function takes the
gold `Problem` and the model's raw response and returns a `Verdict`. It must never raise for bad
*responses* (they are hostile input): a bad response is an incorrect verdict with a `detail`.
A bad *gold* (unparseable answer, malformed tests) is `error=True`, never a reward of 1.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from pydantic import BaseModel

from tinylogic.data.schema import Problem


class Verdict(BaseModel):
    correct: bool
    reward: float
    detail: str = ""
    seconds: float = 0.0
    timeout: bool = False
    error: bool = False  # the gold/problem is at fault (or the verifier itself), not the response


VerifyFn = Callable[[Problem, str], Verdict]
VERIFIERS: dict[str, VerifyFn] = {}


def cancelled() -> Verdict:
    """The verdict of an item skipped because its caller is gone (a server request that timed out)."""
    return Verdict(correct=False, reward=0.0, error=True, detail="cancelled before it ran")


def register(domain: str) -> Callable[[VerifyFn], VerifyFn]:
    def wrap(fn: VerifyFn) -> VerifyFn:
        VERIFIERS[domain] = fn
        return fn

    return wrap


def verify(problem: Problem, response: str) -> Verdict:
    """Dispatch to the domain's verifier; time it; turn any verifier crash into an error verdict."""
    _load_builtin_verifiers()
    fn = VERIFIERS.get(problem.domain)
    start = time.perf_counter()
    if fn is None:
        return Verdict(correct=False, reward=0.0, error=True,
                       detail=f"no verifier for domain {problem.domain!r} (known: {sorted(VERIFIERS)})")
    try:
        verdict = fn(problem, response)
    except Exception as exc:  # a verifier bug must not crash the caller's batch
        verdict = Verdict(correct=False, reward=0.0, error=True, detail=f"verifier error: {exc!r}")
    verdict.seconds = time.perf_counter() - start
    return verdict


def _load_builtin_verifiers() -> None:
    # Imported lazily so `import tinylogic.verify.base` stays cheap and modules register themselves.
    import importlib

    for name in ("math", "code", "choice", "instruct"):
        if name not in VERIFIERS:
            try:
                importlib.import_module(f"tinylogic.verify.{name}")
            except ModuleNotFoundError as exc:
                if exc.name != f"tinylogic.verify.{name}":
                    raise
