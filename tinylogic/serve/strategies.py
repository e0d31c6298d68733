"""One chat request from prompt to chosen candidate: render (passages), sample, verify / assess, select.

Selection is `tinylogic.eval.tts.select` (the same rules `tinylogic eval --tts` scores), verification
is `tinylogic.verify.batch.verify_batch` (code in the sandbox), answers are extracted as the evaluation
harness does. Blocking work runs off the event loop: sampling in the engine worker, verification,
retrieval and claim assessment in threads.
"""

from __future__ import annotations

import asyncio
import importlib
import time
from typing import Any

from tinylogic.data.prompts import solve_prompt
from tinylogic.data.schema import Problem
from tinylogic.engine.base import SamplingParams
from tinylogic.serve.schemas import (
    CandidateOut,
    ChatRequest,
    ClaimOut,
    PassageOut,
    ServeLimits,
    TinylogicOut,
    VerdictOut,
)
from tinylogic.serve.worker import REQUEST_CANCEL, EngineWorker


class ApiError(Exception):
    """A request the server refuses, with its HTTP status and the field at fault (OpenAI error shape)."""

    def __init__(self, status: int, message: str, param: str | None = None):
        super().__init__(message)
        self.status, self.message, self.param = status, message, param


def optional_module(name: str, feature: str):
    """A module a feature needs, imported on first use: 501 when this build lacks it."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise ApiError(501, f"{feature} needs {name}, which this installation lacks ({exc})") from None


def check_limits(req: ChatRequest, limits: ServeLimits) -> int:
    """The request's per-candidate token budget; 400 naming the option when a limit is broken."""
    max_tokens = req.max_completion_tokens or req.max_tokens or limits.default_max_tokens
    checks = [("max_tokens", max_tokens, limits.max_tokens, "--max-tokens"),
              ("n_candidates", req.n_candidates, limits.max_candidates, "--max-candidates"),
              ("retrieve", req.retrieve, limits.max_retrieve, "--max-retrieve")]
    for field, value, limit, option in checks:
        if value > limit:
            raise ApiError(400, f"{field} {value} is above this server's limit of {limit} ({option})", field)
    return max_tokens


def render(req: ChatRequest, index: Any) -> tuple[list[dict[str, str]], Problem, list[dict[str, str]]]:
    """The engine's messages, the request as a Problem (gold included), and the passages put in.

    The last user message is the question. With `domain` or `retrieve` it is asked through
    `solve_prompt` (the domain's trained wording; passages first); otherwise messages go as sent."""
    messages = [{"role": "system" if m.role == "developer" else m.role, "content": m.text()} for m in req.messages]
    domain = req.resolved_domain()
    problem = Problem(id="request", domain=domain or "instruct", prompt=messages[-1]["content"], answer=req.answer,
                      tests=req.tests, choices=req.choices, instructions=req.instructions)
    passages: list[dict[str, str]] = []
    if req.retrieve:
        retrieval = optional_module("tinylogic.retrieval", "`retrieve`")
        if index is None:
            raise ApiError(400, "`retrieve` needs a passage index; this server was started without --index",
                           "retrieve")
        problem = retrieval.attach_passages([problem], index, req.retrieve, domains=None)[0]
        passages = problem.meta.get("passages") or []
    if req.domain or req.retrieve:
        messages[-1]["content"] = solve_prompt(problem)
    return messages, problem, passages


def extract_answers(problem: Problem, domain: str | None, texts: list[str]) -> list[str | None]:
    """Final answers as the harness extracts them (math: last \\boxed{}; choice: the letter); None for
    code / instruct, and for text nothing can be read from (model output is hostile: never raise)."""
    from tinylogic.eval.summary import answer_reader

    extract = answer_reader(domain or "math")
    out: list[str | None] = []
    for text in texts:
        try:
            out.append(extract(problem, text) if extract else None)
        except Exception:
            out.append(None)
    return out


async def complete(req: ChatRequest, worker: EngineWorker, index: Any, limits: ServeLimits, tts_settings: Any,
                   verify_workers: int) -> tuple[TinylogicOut, dict[str, int], str]:
    """Run one chat request: (the `tinylogic` block, OpenAI usage, the chosen candidate's finish reason)."""
    start = time.perf_counter()
    strategy = req.strategy()
    tts = optional_module("tinylogic.eval.tts", f"tts {strategy!r}")
    max_tokens = check_limits(req, limits)
    messages, problem, passages = (await asyncio.to_thread(render, req, index) if req.retrieve
                                   else render(req, index))
    params = SamplingParams(n=req.n_candidates, temperature=req.temperature, top_p=req.top_p,
                            max_new_tokens=max_tokens, stop=req.stops(), seed=req.seed)
    outputs, prompt_tokens = await worker.agenerate([messages], params)
    samples = outputs[0]
    texts = [s.text for s in samples]
    domain = req.resolved_domain()
    answers = extract_answers(problem, domain, texts)

    verdicts = None
    if req.has_gold():
        from tinylogic.verify.batch import verify_batch

        # the request's cancel event: once it timed out or its client went away, candidates not started
        # yet are not run
        verdicts = await asyncio.to_thread(verify_batch, [(problem, t) for t in texts], verify_workers,
                                           cancel=REQUEST_CANCEL.get())
        if all(v.error for v in verdicts):  # the gold itself is at fault (malformed tests, unparseable answer)
            raise ApiError(400, f"the gold could not be used: {verdicts[0].detail}", req.gold_field())
    assessed = None
    if strategy == "clr":
        seed = req.seed if req.seed is not None else 0
        assessed = await asyncio.to_thread(tts.assess_claims, worker, problem, texts, tts_settings, seed)
    chosen = tts.select(strategy, answers, reliabilities=[a["reliability"] for a in assessed] if assessed else None,
                        correct=[v.correct for v in verdicts] if verdicts else None, settings=tts_settings)

    candidates = []
    for i, sample in enumerate(samples):
        extra: dict[str, Any] = {}
        if verdicts:
            extra["verdict"] = VerdictOut(**verdicts[i].model_dump(include=set(VerdictOut.model_fields)))
        if assessed:
            extra["reliability"] = assessed[i]["reliability"]
            extra["claims"] = [ClaimOut(**c) for c in assessed[i]["claims"]]
        candidates.append(CandidateOut(index=i, text=sample.text, answer=answers[i], finish_reason=sample.finish_reason,
                                       tokens=len(sample.token_ids), **extra))
    pick = candidates[chosen] if chosen is not None else None
    info = TinylogicOut(strategy=strategy, domain=domain, chosen=chosen, answer=pick and pick.answer,
                        verdict=pick and pick.verdict, reliability=pick and pick.reliability,
                        claims=pick and pick.claims, candidates=candidates,
                        passages=[PassageOut(rank=r, id=str(p.get("id", "")), text=p["text"])
                                  for r, p in enumerate(passages, 1)],
                        prompt=messages, seconds=round(time.perf_counter() - start, 4))
    completion_tokens = sum(c.tokens for c in candidates) + sum(a["tokens"] for a in assessed or [])
    usage = {"prompt_tokens": prompt_tokens[0], "completion_tokens": completion_tokens,
             "total_tokens": prompt_tokens[0] + completion_tokens}
    return info, usage, pick.finish_reason if pick else "stop"
