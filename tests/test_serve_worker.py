"""`tinylogic serve` in-process on a fake engine: the batching worker, cancellation, and the request limits
that need precise timing (the HTTP behaviour on a real server: tests/test_serve.py)."""

import asyncio
import threading
import time

import pytest

pytest.importorskip("fastapi", reason="needs the serve extra (fastapi, uvicorn)")
httpx = pytest.importorskip("httpx")

from test_serve import EMPTY_OUTPUT, ok_body  # noqa: E402

from tinylogic.engine.base import Cancelled, Sample, SamplingParams  # noqa: E402
from tinylogic.serve import ServeLimits, create_app  # noqa: E402
from tinylogic.serve.worker import REQUEST_CANCEL, EngineWorker  # noqa: E402

# ---------------------------------------------------------------- in-process: the batching worker, timeouts

class FakeEngine:
    """Echoes prompts; blocks on `gate` so tests can queue jobs while the engine is busy."""

    def __init__(self, delay: float = 0.0):
        self.calls: list[list] = []
        self.gate = threading.Event()
        self.gate.set()
        self.delay = delay

    def generate(self, prompts, params, should_stop=None):
        self.gate.wait(10)
        time.sleep(self.delay)
        self.calls.append(list(prompts))
        return [[Sample(text=f"{p}#{j}", token_ids=[1], finish_reason="stop") for j in range(params.n)]
                for p in prompts]


def test_worker_merges_queued_requests_with_the_same_params():
    engine = FakeEngine()
    worker = EngineWorker(engine, batching=True, max_rows=6)
    engine.gate.clear()
    worker.start()
    free = SamplingParams(n=2)
    first = worker.submit(["a"], free)  # taken at once; the engine blocks on it
    time.sleep(0.1)
    queued = [worker.submit([p], free) for p in "bcd"]  # 6 rows: merged
    over = worker.submit(["e"], free)  # would make 8 rows > max_rows: next call
    seeded = [worker.submit([p], SamplingParams(n=2, seed=1)) for p in "fg"]  # reproducible only alone
    other = worker.submit(["h"], SamplingParams(n=1))  # different params
    engine.gate.set()
    worker.stop(10)
    assert engine.calls == [["a"], ["b", "c", "d"], ["e"], ["f"], ["g"], ["h"]]
    assert [f.result()[0][0][1].text for f in queued] == ["b#1", "c#1", "d#1"]  # each gets its own samples
    assert over.done() and all(f.done() for f in seeded) and other.result()[0] == [[Sample(text="h#0", token_ids=[1],
                                                                                          finish_reason="stop")]]
    assert first.result()[0][0][0].text == "a#0" and worker.stats["max_jobs_per_call"] == 3

    unbatched = FakeEngine()
    worker = EngineWorker(unbatched, batching=False)
    unbatched.gate.clear()
    worker.start()
    futures = [worker.submit([p], free) for p in "xyz"]
    unbatched.gate.set()
    worker.stop(10)  # stop drains the queue: every queued job is answered
    assert unbatched.calls == [["x"], ["y"], ["z"]] and all(f.done() for f in futures)


def test_a_failing_request_does_not_fail_those_merged_with_it():
    class Picky(FakeEngine):
        def generate(self, prompts, params, should_stop=None):
            if "bad" in prompts:
                self.calls.append(list(prompts))
                raise ValueError("cannot encode 'bad'")
            return super().generate(prompts, params)

    engine = Picky()
    worker = EngineWorker(engine)
    engine.gate.clear()
    worker.start()
    worker.submit(["a"], SamplingParams())
    time.sleep(0.1)
    good, bad = worker.submit(["b"], SamplingParams()), worker.submit(["bad"], SamplingParams())
    engine.gate.set()
    worker.stop(10)
    assert engine.calls == [["a"], ["b", "bad"], ["b"], ["bad"]]  # merged, failed, retried one by one
    assert good.result()[0][0][0].text == "b#0"
    with pytest.raises(ValueError, match="cannot encode"):
        bad.result()


def test_engine_failure_and_wall_time_are_clean_errors():
    class Broken(FakeEngine):
        def generate(self, prompts, params, should_stop=None):
            raise RuntimeError("out of memory")

    async def scenario(engine, limits, **body):
        app = create_app(engine, "fake", limits=limits)
        app.state.worker.start()  # the ASGI transport runs no lifespan
        try:
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
                req = {"model": "fake", "messages": [{"role": "user", "content": "q"}], **body}
                return await asyncio.gather(*[client.post("/v1/chat/completions", json=req) for _ in range(2)])
        finally:
            app.state.worker.stop(10)

    slow = asyncio.run(scenario(FakeEngine(delay=0.5), ServeLimits(max_seconds=0.1)))
    assert [r.status_code for r in slow] == [408, 408] and "(--max-seconds)" in slow[0].json()["error"]["message"]
    busy = asyncio.run(scenario(FakeEngine(delay=0.2), ServeLimits(max_queue=1)))
    assert sorted(r.status_code for r in busy) == [200, 429]
    broken = asyncio.run(scenario(Broken(), ServeLimits()))
    assert {r.status_code for r in broken} == {500}
    assert "internal error (RuntimeError: out of memory)" in broken[0].json()["error"]["message"]


def test_health_reports_an_engine_call_running_past_the_request_limit():
    # the engine blocks on its gate (no fixed sleep), so a slow CI machine cannot end the call before /health looks
    engine = FakeEngine()
    engine.gate.clear()

    async def health_until(client, status):
        for _ in range(200):
            reply = await client.get("/health")
            if reply.json()["status"] == status:
                return reply
            await asyncio.sleep(0.05)
        return reply

    async def scenario():
        app = create_app(engine, "fake", limits=ServeLimits(max_seconds=1.0))
        app.state.worker.start()
        try:
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
                before = await client.get("/health")
                req = {"model": "fake", "messages": [{"role": "user", "content": "q"}]}
                timed_out = await client.post("/v1/chat/completions", json=req)  # 408; the engine call runs on
                during = await health_until(client, "stuck")
                engine.gate.set()
                after = await health_until(client, "ok")
                return before, timed_out, during, after
        finally:
            engine.gate.set()
            app.state.worker.stop(10)

    before, timed_out, during, after = asyncio.run(scenario())
    assert before.status_code == 200 and before.json()["status"] == "ok"
    assert timed_out.status_code == 408
    assert during.status_code == 503 and during.json()["status"] == "stuck"
    assert during.json()["engine"]["call_seconds"] >= 1.0  # rounded to 0.1 s
    assert after.status_code == 200 and after.json()["engine"]["call_seconds"] == 0


def test_a_cancelled_requests_later_engine_calls_are_refused():
    # CLR's claim checks run as engine calls on a thread: once the request is gone, none more is made
    engine = FakeEngine()
    worker = EngineWorker(engine)
    worker.start()
    cancel = threading.Event()
    token = REQUEST_CANCEL.set(cancel)
    try:
        assert worker.generate(["a"], SamplingParams())[0][0].text == "a#0"
        cancel.set()
        with pytest.raises(Cancelled):
            worker.generate(["b"], SamplingParams())
    finally:
        REQUEST_CANCEL.reset(token)
        worker.stop(10)
    assert engine.calls == [["a"]]


def asgi_post(app, path: str, body) -> httpx.Response:
    """One request to an in-process app (its worker started: the ASGI transport runs no lifespan)."""
    async def go():
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
            if isinstance(body, bytes):
                return await client.post(path, content=body, headers={"content-type": "application/json"})
            return await client.post(path, json=body)

    app.state.worker.start()
    try:
        return asyncio.run(go())
    finally:
        app.state.worker.stop(10)


FIELD_ERRORS = [  # (body: dict or raw bytes, the `param` of the 400, words its message must hold)
    ({**ok_body(model="fake"), "seed": -1}, "seed", "'seed'"),
    ({**ok_body(model="fake"), "seed": -1, "stream": True}, "seed", "'seed'"),
    ({**ok_body(model="fake"), "seed": -1, "n_candidates": 2}, "seed", "'seed'"),
    (ok_body(model="fake", n=5), "n", "n = 5"),
    (ok_body(model="fake", messages=[{"role": "assistant", "content": "hi"}]), "messages", "role 'user'"),
    (ok_body(model="fake", tts="verifier"), "tts", "needs a gold"),
    (ok_body(model="fake", domain="math", tests=EMPTY_OUTPUT), "tests", "'tests' is not used by domain"),
    (b'{"model": "fake", "messages": [{"role": "user", "content": "hi"}], "temperature": NaN}', "temperature",
     "finite number"),
    (b'{"model": "fake", "messages": [{"role": "user", "content": "hi"}], "top_p": Infinity}', "top_p",
     "finite number"),
    (b'{"model": "fake", "messages": [{"role": "user", "content": "\xff"}]}', None, "not valid UTF-8 JSON"),
]


@pytest.mark.parametrize("body,param,words", FIELD_ERRORS)
def test_bad_requests_name_the_field_at_fault(body, param, words):
    r = asgi_post(create_app(FakeEngine(), "fake"), "/v1/chat/completions", body)
    error = r.json()["error"]
    assert r.status_code == 400 and words in error["message"] and error["param"] == param, r.text
    assert "must be a JSON object" not in error["message"]


def test_a_prompt_beyond_the_context_never_reaches_the_engine():
    class Short(FakeEngine):
        context = 10

        def encode(self, prompt):
            return [1] * len(prompt[-1]["content"].split())

    engine = Short()
    app = create_app(engine, "fake")
    long = {"model": "fake", "messages": [{"role": "user", "content": "w " * 8}], "max_tokens": 3}
    r = asgi_post(app, "/v1/chat/completions", long)
    assert r.status_code == 400 and r.json()["error"]["param"] == "messages", r.text
    assert "prompt 0 has 8 tokens; with max_new_tokens 3 that is 11" in r.json()["error"]["message"]
    assert engine.calls == [] and app.state.worker.stats["calls"] == 0
    assert asgi_post(create_app(engine, "fake"), "/v1/chat/completions", {**long, "max_tokens": 2}).status_code == 200
    assert len(engine.calls) == 1


def test_a_huge_prompt_is_refused_before_it_is_tokenized():
    class Tokenizer:
        def get_vocab(self):
            return {"a": 0, "bc": 1, "<|x|>": 2}  # the longest entry has 5 characters

    class Short(FakeEngine):
        context, tokenizer, encoded = 100, Tokenizer(), 0

        def encode(self, prompt):
            self.encoded += 1
            return [1] * (len(prompt[-1]["content"]) // 5)

    engine = Short()
    huge = {"model": "fake", "messages": [{"role": "user", "content": "x" * 4000}], "max_tokens": 4}
    r = asgi_post(create_app(engine, "fake"), "/v1/chat/completions", huge)
    # 4000 characters are at least 4000 // (4 × 5) = 200 tokens: refused without encoding
    assert r.status_code == 400 and "4000 characters, so at least 200 tokens" in r.json()["error"]["message"]
    assert engine.encoded == 0 and engine.calls == []
    # under the bound, the exact count decides: 400 characters / 5 = 80 tokens + 4 fits
    small = {**huge, "messages": [{"role": "user", "content": "x" * 400}]}
    assert asgi_post(create_app(engine, "fake"), "/v1/chat/completions", small).status_code == 200
    assert engine.encoded >= 1


def test_cli_defaults_are_the_library_defaults():
    import inspect

    from tinylogic.cli import serve_cmd

    params = inspect.signature(serve_cmd).parameters
    for name, field in ServeLimits.model_fields.items():
        assert params[name].default == field.default, name
