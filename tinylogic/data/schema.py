"""Records that cross module boundaries. Every loader yields `Problem`s; every verifier reads one and
returns a `Verdict`."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class AssertTests(BaseModel):
    """HumanEval style: `script` (defining `check`) is appended to the program, then
    `check(<entry_point>)` is called. Passing means the process exits 0."""

    style: Literal["assert"] = "assert"
    script: str
    entry_point: str | None = None


class CallTests(BaseModel):
    """LeetCode style: call `fn_name(*inputs[i])` and compare with `outputs[i]` (JSON values)."""

    style: Literal["call"] = "call"
    fn_name: str
    inputs: list[list[Any]]
    outputs: list[Any]


class StdioTests(BaseModel):
    """AtCoder/Codeforces style: feed `inputs[i]` on stdin, compare stdout with `outputs[i]`
    line by line (whitespace and float tolerant). Every test must pass."""

    style: Literal["stdio"] = "stdio"
    inputs: list[str]
    outputs: list[str]


CodeTests = Annotated[AssertTests | CallTests | StdioTests, Field(discriminator="style")]


class Trace(BaseModel):
    """One teacher solution of a problem. `strategy` names the solution path (the spectrum the
    SFT phase widens); `flawed` traces are deliberately wrong so verification has work to do."""

    strategy: str
    text: str
    flawed: bool = False


class Claim(BaseModel):
    """A decision-relevant step of a trace, true or corrupted, with its verdict (for CLR)."""

    text: str
    verdict: bool


class Problem(BaseModel):
    """A verifiable problem. Its domain's gold fields hold the gold (`Domain.gold_fields`): `answer`
    (math; choice with `choices`), `tests` (code), `instructions` (instruct)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    domain: str = Field(description="A registered domain (tinylogic/domains/): math, code, choice, instruct")
    subdomain: str | None = None
    difficulty: int | str | None = None
    prompt: str
    answer: str | None = None
    tests: CodeTests | None = None
    choices: list[str] | None = None
    instructions: list[dict[str, Any]] | None = None
    source: str | None = None
    date: str | None = None
    split: str | None = Field(default=None, description="train | heldout (built-in suite), or the source's split")
    traces: list[Trace] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    meta: dict[str, Any] = Field(default_factory=dict)


class Verdict(BaseModel):
    """A verifier's judgement of one response. It never raises for a bad *response* (hostile input): that is
    an incorrect verdict with a `detail`. A bad *gold* (unparseable answer, malformed tests) is `error=True`,
    never a reward of 1."""

    correct: bool
    reward: float
    detail: str = ""
    seconds: float = 0.0
    timeout: bool = False
    error: bool = False  # the gold/problem is at fault (or the verifier itself), not the response


def cancelled() -> Verdict:
    """The verdict of an item skipped because its caller is gone (a server request that timed out)."""
    return Verdict(correct=False, reward=0.0, error=True, detail="cancelled before it ran")
