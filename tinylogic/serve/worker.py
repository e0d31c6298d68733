"""The engine worker: one thread owns the engine and serves every request's sampling from a queue.

Why one thread: the engine is not thread-safe, and torch releases the GIL while it computes, so the
event loop stays free while this thread decodes. Batching: when the worker takes the next job it also
takes the queued jobs with the same SamplingParams (up to `max_rows` sampled rows) and runs them as one
`engine.generate` call, so concurrent requests share forward passes. Nothing waits for a batch to fill:
requests pile up only while the engine is busy, which is exactly when merging pays.

A request that times out or whose client goes away stops its work (REQUEST_CANCEL): a job not started is
skipped, an engine call whose every request is gone stops at its next decode step, and a request's later
engine calls (CLR's claim checks) are refused. So the work in flight stays bounded by the queue limit.

A job with its own seed is reproducible only alone (a sample's stream depends on its prompt's index
in the call), so seeded sampling is never merged; greedy decoding (temperature 0) does not depend on
the seed and is merged.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
import time
from collections import deque
from concurrent.futures import Future
from contextvars import ContextVar
from dataclasses import dataclass, field

from tinylogic.engine.base import Cancelled, Engine, Prompt, Sample, SamplingParams

log = logging.getLogger("tinylogic.serve")


class PromptTooLong(ValueError):
    """A prompt that does not fit the model's context with its max_new_tokens (the client's fault: 400)."""


# Set by the app for each request's work (it travels into `asyncio.to_thread` with the context): once set,
# that request's engine work stops.
REQUEST_CANCEL: ContextVar[threading.Event | None] = ContextVar("tinylogic_request_cancel", default=None)


@dataclass
class Job:
    prompts: list[Prompt]
    params: SamplingParams
    future: Future = field(default_factory=Future)  # -> (samples per prompt, prompt tokens per prompt)
    cancel: threading.Event | None = field(default_factory=REQUEST_CANCEL.get)  # the submitting request's

    @property
    def rows(self) -> int:
        return len(self.prompts) * self.params.n

    def mergeable(self) -> bool:
        return self.params.seed is None or self.params.temperature == 0


class EngineWorker:
    """`submit` from any thread, `agenerate` from the event loop, `generate` from a worker thread (the
    blocking `Engine` interface, e.g. for CLR's claim assessment)."""

    def __init__(self, engine: Engine, batching: bool = True, max_rows: int = 64):
        self.engine = engine
        self.batching = batching
        self.max_rows = max_rows
        self.jobs: queue.Queue[Job | None] = queue.Queue()  # bounded by the app's admission count
        self.stats = {"calls": 0, "jobs": 0, "rows": 0, "busy_seconds": 0.0, "max_jobs_per_call": 0}
        self.call_started: float | None = None  # monotonic start of the engine call running now
        self.longest_token: int | None = None  # characters of the longest vocabulary entry (check_length_bound)
        self.thread = threading.Thread(target=self._run, name="tinylogic-engine", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self, timeout: float | None = None) -> None:
        """Run every queued job (skipped when its request is gone), then end the thread; wait at most
        `timeout` for it (graceful shutdown)."""
        self.jobs.put(None)
        self.thread.join(timeout)

    def submit(self, prompts: list[Prompt], params: SamplingParams) -> Future:
        job = Job(list(prompts), params)
        self.jobs.put(job)
        return job.future

    def check(self, prompts: list[Prompt], params: SamplingParams) -> None:
        """PromptTooLong where the engine would refuse the prompts for its context: checked on the caller's
        thread, so such a request neither waits in the queue nor fails the requests merged with it."""
        encode, context = getattr(self.engine, "encode", None), getattr(self.engine, "context", None)
        if encode is None or context is None:
            return
        self.check_length_bound(prompts, params, context)
        encoded = [encode(p) for p in prompts]
        if all(isinstance(ids, list) for ids in encoded):
            from tinylogic.engine.base import check_context

            try:
                check_context(encoded, params.max_new_tokens, context)
            except ValueError as exc:
                raise PromptTooLong(str(exc)) from None

    def check_length_bound(self, prompts: list[Prompt], params: SamplingParams, context: int) -> None:
        """Refuse, without tokenizing, a prompt that cannot fit: it has at least chars / (4 × the longest
        vocabulary entry's characters) tokens (4: room for normalisers that merge characters). Tokenizing
        a 600 KB prompt takes about a CPU-second that the engine needs (BENCHMARKS.md, serving flood)."""
        tokenizer = getattr(self.engine, "tokenizer", None)
        if tokenizer is None:
            return
        if self.longest_token is None:
            self.longest_token = max(1, max(len(t) for t in tokenizer.get_vocab()))
        for i, prompt in enumerate(prompts):
            chars = len(prompt) if isinstance(prompt, str) else sum(len(m.get("content") or "") for m in prompt)
            at_least = chars // (4 * self.longest_token)
            if at_least + params.max_new_tokens > context:
                raise PromptTooLong(f"prompt {i} has {chars} characters, so at least {at_least} tokens; with "
                                    f"max_new_tokens {params.max_new_tokens} that is beyond the model's context "
                                    f"of {context} positions: shorten the prompt or lower max_new_tokens")

    def generate(self, prompts: list[Prompt], params: SamplingParams) -> list[list[Sample]]:
        cancel = REQUEST_CANCEL.get()
        if cancel is not None and cancel.is_set():
            raise Cancelled("the request was cancelled (timed out or its client went away)")
        self.check(prompts, params)
        return self.submit(prompts, params).result()[0]

    async def agenerate(self, prompts: list[Prompt], params: SamplingParams) -> tuple[list[list[Sample]], list[int]]:
        await asyncio.to_thread(self.check, prompts, params)  # tokenizing a long prompt would stall the loop
        # cancelling the awaiting task cancels the future: a job not started yet is then skipped
        return await asyncio.wrap_future(self.submit(prompts, params))

    def queued(self) -> int:
        return self.jobs.qsize()

    # ---- the thread

    def _run(self) -> None:
        pending: deque[Job] = deque()
        stopping = False
        while pending or not stopping:
            if not pending:
                item = self.jobs.get()
                if item is None:
                    stopping = True
                    continue
                pending.append(item)
            while True:  # take whatever else has arrived meanwhile
                try:
                    item = self.jobs.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    stopping = True
                else:
                    pending.append(item)
            group = self._take_group(pending)
            if group:
                self._run_group(group)

    def _take_group(self, pending: deque[Job]) -> list[Job]:
        head = pending.popleft()
        if not head.future.set_running_or_notify_cancel():
            return []  # its request was cancelled (client gone or wall-time limit) before it started
        group, rows = [head], head.rows
        if self.batching and head.mergeable():
            for job in list(pending):
                if job.params == head.params and job.mergeable() and rows + job.rows <= self.max_rows:
                    pending.remove(job)
                    if job.future.set_running_or_notify_cancel():
                        group.append(job)
                        rows += job.rows
        return group

    def call_seconds(self) -> float:
        """How long the engine call running now has run (0 when idle)."""
        started = self.call_started
        return time.monotonic() - started if started is not None else 0.0

    def _run_group(self, group: list[Job]) -> None:
        prompts = [p for job in group for p in job.prompts]
        start = time.perf_counter()
        self.call_started = time.monotonic()
        try:
            encode = getattr(self.engine, "encode", None)
            lengths = [len(ids) if isinstance(ids := encode(p), list) else 0 for p in prompts] if encode else [0] * len(prompts)
            outputs = self.engine.generate(prompts, group[0].params, should_stop=lambda: all(
                job.cancel is not None and job.cancel.is_set() for job in group))
        except Cancelled as exc:  # every request of the call is gone
            log.warning("engine call stopped after %.1f s: every request in it is gone (timed out, client away "
                        "or shutting down)", time.monotonic() - self.call_started)
            for job in group:
                job.future.set_exception(exc)
            return
        except Exception as exc:  # one bad call fails its own requests, never the worker
            if len(group) > 1:  # retry one by one, so one bad request cannot fail the others merged with it
                for job in group:
                    self._run_group([job])
                return
            log.error("engine call failed: %r", exc)  # the request's handler logs the traceback
            group[0].future.set_exception(exc)
            return
        finally:
            self.stats["busy_seconds"] += time.perf_counter() - start
            self.call_started = None
        self.stats["calls"] += 1
        self.stats["jobs"] += len(group)
        self.stats["rows"] += sum(job.rows for job in group)
        self.stats["max_jobs_per_call"] = max(self.stats["max_jobs_per_call"], len(group))
        at = 0
        for job in group:
            n = len(job.prompts)
            job.future.set_result((outputs[at:at + n], lengths[at:at + n]))
            at += n
